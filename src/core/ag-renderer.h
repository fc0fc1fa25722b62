/* ag-renderer.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ag-geometry.h"

G_BEGIN_DECLS

#define AG_RENDERER_FONT_FAMILY "Sans"
#define AG_RENDERER_FONT_SIZE   10.0
/* Labels wrap at this width (points) and lose what goes past this many
 * characters; the full name stays in the title. */
#define AG_RENDERER_WRAP_WIDTH  140.0
#define AG_RENDERER_MAX_CHARS   60
/* The blank border around a drawing, in points. */
#define AG_RENDERER_MARGIN      12.0

/* Background colours, 0xRRGGBBAA. */
#define AG_RENDERER_WHITE       0xffffffffu
#define AG_RENDERER_TRANSPARENT 0x00000000u

#define AG_TYPE_RENDERER (ag_renderer_get_type ())

G_DECLARE_FINAL_TYPE (AgRenderer, ag_renderer, AG, RENDERER, GObject)

AgRenderer   *ag_renderer_new                 (AgGeometry  *geometry);
AgGeometry   *ag_renderer_get_geometry        (AgRenderer  *self);
void          ag_renderer_set_show_legend     (AgRenderer  *self,
                                               gboolean     show);
void          ag_renderer_get_size            (AgRenderer  *self,
                                               double      *width,
                                               double      *height);
void          ag_renderer_draw                (AgRenderer  *self,
                                               cairo_t     *cr);
void          ag_renderer_write_svg           (AgRenderer  *self,
                                               guint32      background,
                                               GString     *out);

/* The look, shared with the graph builder and the layout: */
PangoContext *ag_renderer_create_pango_context (void);
char         *ag_renderer_make_label          (PangoLayout *layout,
                                               const char  *name,
                                               double      *width,
                                               double      *height);
void          ag_renderer_get_node_size       (AgActorKind  kind,
                                               double       label_width,
                                               double       label_height,
                                               double      *width,
                                               double      *height);
const char   *ag_renderer_get_actor_shape     (AgActorKind  kind);
const char   *ag_renderer_get_actor_fill      (AgActorKind  kind);
const char   *ag_renderer_get_actor_stroke    (AgActorKind  kind);
const char   *ag_renderer_get_claim_color     (AgClaimKind  kind);
const char   *ag_renderer_get_disputed_color  (void);
double        ag_renderer_get_pen_width       (guint        n_documents);
gboolean      ag_renderer_parse_color         (const char  *str,
                                               guint32     *rgba);
void          ag_renderer_append_xml          (GString     *out,
                                               const char  *text);

G_END_DECLS
