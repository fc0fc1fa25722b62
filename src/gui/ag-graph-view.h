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

G_END_DECLS
