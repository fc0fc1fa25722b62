/* ag-geometry.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ag-graph.h"

G_BEGIN_DECLS

/* Coordinates are in points, x to the right and y downwards, with the
 * drawing's top left corner at (0, 0). */
typedef struct
{
  double x;
  double y;
} AgPoint;

typedef struct
{
  double x;      /* centre */
  double y;
  double width;
  double height;
} AgGeometryNode;

typedef struct
{
  guint    n_points;   /* 1 + 3n: a start point then n cubic bezier segments */
  AgPoint *points;
  gboolean has_head;   /* an arrowhead from the last point to head */
  AgPoint  head;
  gboolean has_tail;
  AgPoint  tail;
  gboolean has_label;  /* where the claim kind's label goes */
  AgPoint  label;
} AgGeometryEdge;

#define AG_TYPE_GEOMETRY (ag_geometry_get_type ())

G_DECLARE_FINAL_TYPE (AgGeometry, ag_geometry, AG, GEOMETRY, GObject)

AgGraph              *ag_geometry_get_graph  (AgGeometry *self);
const char           *ag_geometry_get_engine (AgGeometry *self);
double                ag_geometry_get_width  (AgGeometry *self);
double                ag_geometry_get_height (AgGeometry *self);
const AgGeometryNode *ag_geometry_get_node   (AgGeometry *self,
                                              guint       index);
const AgGeometryEdge *ag_geometry_get_edge   (AgGeometry *self,
                                              guint       index);

/* For the layout, which fills it once: */
AgGeometry           *ag_geometry_new        (AgGraph    *graph,
                                              const char *engine,
                                              double      width,
                                              double      height);
AgGeometryNode       *ag_geometry_edit_node  (AgGeometry *self,
                                              guint       index);
AgGeometryEdge       *ag_geometry_edit_edge  (AgGeometry *self,
                                              guint       index);
void                  ag_geometry_set_edge_points (AgGeometry    *self,
                                                   guint          index,
                                                   const AgPoint *points,
                                                   guint          n_points);

G_END_DECLS
