/* ag-geometry.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-geometry"

#include "config.h"

#include "ag-geometry.h"

/* AgGeometry: where a layout put each node and edge of a graph.
 *
 * The layout fills it once on its thread; after that it never changes, so
 * the screen and every export read it from any thread. Node and edge i
 * are node and edge i of the graph. */

struct _AgGeometry
{
  GObject         parent_instance;

  AgGraph        *graph;
  char           *engine;
  double          width;
  double          height;
  AgGeometryNode *nodes;
  AgGeometryEdge *edges;
};

G_DEFINE_FINAL_TYPE (AgGeometry, ag_geometry, G_TYPE_OBJECT)

static void
ag_geometry_finalize (GObject *object)
{
  AgGeometry *self = (AgGeometry *) object;

  if (self->graph != NULL)
    for (guint i = 0; i < ag_graph_get_n_edges (self->graph); i++)
      g_free (self->edges[i].points);

  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->edges, g_free);
  g_clear_pointer (&self->engine, g_free);
  g_clear_object (&self->graph);

  G_OBJECT_CLASS (ag_geometry_parent_class)->finalize (object);
}

static void
ag_geometry_class_init (AgGeometryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_geometry_finalize;
}

static void
ag_geometry_init (AgGeometry *self)
{
}

AgGeometry *
ag_geometry_new (AgGraph    *graph,
                 const char *engine,
                 double      width,
                 double      height)
{
  AgGeometry *self;

  g_return_val_if_fail (AG_IS_GRAPH (graph), NULL);

  self = g_object_new (AG_TYPE_GEOMETRY, NULL);
  self->graph = g_object_ref (graph);
  self->engine = g_strdup (engine);
  self->width = MAX (width, 0.0);
  self->height = MAX (height, 0.0);
  self->nodes = g_new0 (AgGeometryNode, ag_graph_get_n_nodes (graph));
  self->edges = g_new0 (AgGeometryEdge, ag_graph_get_n_edges (graph));
  return self;
}

AgGeometryNode *
ag_geometry_edit_node (AgGeometry *self,
                       guint       index)
{
  g_return_val_if_fail (AG_IS_GEOMETRY (self), NULL);
  g_return_val_if_fail (index < ag_graph_get_n_nodes (self->graph), NULL);
  return &self->nodes[index];
}

AgGeometryEdge *
ag_geometry_edit_edge (AgGeometry *self,
                       guint       index)
{
  g_return_val_if_fail (AG_IS_GEOMETRY (self), NULL);
  g_return_val_if_fail (index < ag_graph_get_n_edges (self->graph), NULL);
  return &self->edges[index];
}

void
ag_geometry_set_edge_points (AgGeometry    *self,
                             guint          index,
                             const AgPoint *points,
                             guint          n_points)
{
  AgGeometryEdge *edge = ag_geometry_edit_edge (self, index);

  g_return_if_fail (edge != NULL);

  g_free (edge->points);
  edge->points = g_memdup2 (points, n_points * sizeof *points);
  edge->n_points = n_points;
}

AgGraph *
ag_geometry_get_graph (AgGeometry *self)
{
  g_return_val_if_fail (AG_IS_GEOMETRY (self), NULL);
  return self->graph;
}

/* The engine that computed the layout: "dot", "sfdp"… */
const char *
ag_geometry_get_engine (AgGeometry *self)
{
  g_return_val_if_fail (AG_IS_GEOMETRY (self), NULL);
  return self->engine;
}

double
ag_geometry_get_width (AgGeometry *self)
{
  g_return_val_if_fail (AG_IS_GEOMETRY (self), 0.0);
  return self->width;
}

double
ag_geometry_get_height (AgGeometry *self)
{
  g_return_val_if_fail (AG_IS_GEOMETRY (self), 0.0);
  return self->height;
}

const AgGeometryNode *
ag_geometry_get_node (AgGeometry *self,
                      guint       index)
{
  return ag_geometry_edit_node (self, index);
}

const AgGeometryEdge *
ag_geometry_get_edge (AgGeometry *self,
                      guint       index)
{
  return ag_geometry_edit_edge (self, index);
}
