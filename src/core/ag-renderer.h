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

/* On a screen, the smallest font size (pixels) of a label that is drawn
 * when only readable labels are. */
#define AG_RENDERER_READABLE_SIZE 6.0

/* Which labels a screen shows (files show every one). */
typedef enum
{
  AG_RENDERER_LABELS_ALL,   /* every one */
  AG_RENDERER_LABELS_AUTO,  /* those big enough to read */
  AG_RENDERER_LABELS_FEW,   /* the selection's, the emphasis', the hubs' */
} AgRendererLabels;

/* What ag_renderer_draw_layer() draws. */
typedef enum
{
  AG_RENDERER_LAYER_ALL,      /* the whole picture, as ag_renderer_draw() */
  AG_RENDERER_LAYER_BASE,     /* the graph, without selection or emphasis */
  AG_RENDERER_LAYER_OVERLAY,  /* the emphasis and the selection over it */
} AgRendererLayer;

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

/* For the screen: */
void          ag_renderer_draw_layer          (AgRenderer  *self,
                                               cairo_t     *cr,
                                               AgRendererLayer layer);
void          ag_renderer_set_dark            (AgRenderer  *self,
                                               gboolean     dark);
gboolean      ag_renderer_get_dark            (AgRenderer  *self);
guint32       ag_renderer_get_background      (AgRenderer  *self);
void          ag_renderer_set_screen          (AgRenderer  *self,
                                               double       scale_factor);
void          ag_renderer_set_labels          (AgRenderer  *self,
                                               AgRendererLabels labels);
AgRendererLabels ag_renderer_get_labels       (AgRenderer  *self);
void          ag_renderer_set_emphasis        (AgRenderer  *self,
                                               gint         node,
                                               gint         edge);
gboolean      ag_renderer_is_emphasised       (AgRenderer  *self,
                                               guint        node);
void          ag_renderer_set_selection       (AgRenderer  *self,
                                               gint         node,
                                               gint         edge);
void          ag_renderer_get_last_stats      (AgRenderer  *self,
                                               guint       *nodes,
                                               guint       *edges,
                                               guint       *labels);
gint          ag_renderer_node_at             (AgRenderer  *self,
                                               double       x,
                                               double       y,
                                               double       tolerance);
gint          ag_renderer_edge_at             (AgRenderer  *self,
                                               double       x,
                                               double       y,
                                               double       tolerance);
gboolean      ag_renderer_get_edge_point      (AgRenderer  *self,
                                               guint        edge,
                                               double      *x,
                                               double      *y);

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
