/* ag-graph-view.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ag-geometry.h"

G_BEGIN_DECLS

#define AG_TYPE_GRAPH_VIEW (ag_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (AgGraphView, ag_graph_view, AG, GRAPH_VIEW, GtkWidget)

GtkWidget  *ag_graph_view_new               (void);
AgGeometry *ag_graph_view_get_geometry      (AgGraphView *self);
void        ag_graph_view_set_geometry      (AgGraphView *self,
                                             AgGeometry  *geometry);
gint64      ag_graph_view_get_selected_actor (AgGraphView *self);
void        ag_graph_view_select_actor      (AgGraphView *self,
                                             gint64       actor_id);
double      ag_graph_view_get_zoom          (AgGraphView *self);
void        ag_graph_view_zoom_to_fit       (AgGraphView *self);
gboolean    ag_graph_view_get_node_position (AgGraphView *self,
                                             gint64       actor_id,
                                             double      *x,
                                             double      *y);
gint        ag_graph_view_node_at           (AgGraphView *self,
                                             double       x,
                                             double       y);
void        ag_graph_view_scroll_by         (AgGraphView *self,
                                             double       dx,
                                             double       dy);
void        ag_graph_view_zoom_at           (AgGraphView *self,
                                             double       factor,
                                             double       x,
                                             double       y);
int         ag_graph_view_get_selected_edge (AgGraphView *self);
void        ag_graph_view_select_edge       (AgGraphView *self,
                                             int          edge);
int         ag_graph_view_edge_at           (AgGraphView *self,
                                             double       x,
                                             double       y);
gboolean    ag_graph_view_get_edge_point    (AgGraphView *self,
                                             guint        edge,
                                             double      *x,
                                             double      *y);
gint64      ag_graph_view_get_hovered_actor (AgGraphView *self);
gboolean    ag_graph_view_is_highlighted    (AgGraphView *self,
                                             guint        node);
void        ag_graph_view_center_on_actor   (AgGraphView *self,
                                             gint64       actor_id);
const char *ag_graph_view_get_label_density (AgGraphView *self);
void        ag_graph_view_set_label_density (AgGraphView *self,
                                             const char  *density);
guint       ag_graph_view_get_tiles_in_frame (AgGraphView *self);
gboolean    ag_graph_view_get_draw_stats    (AgGraphView *self,
                                             guint       *nodes,
                                             guint       *edges,
                                             guint       *labels);

G_END_DECLS
