/* ag-layout.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-geometry.h"
#include "ag-graph.h"

G_BEGIN_DECLS

#define AG_LAYOUT_ERROR (ag_layout_error_quark ())

typedef enum
{
  AG_LAYOUT_ERROR_FAILED,  /* Graphviz refused the graph */
} AgLayoutError;

typedef enum
{
  AG_LAYOUT_ENGINE_AUTO,   /* dot for small graphs, sfdp for the rest */
  AG_LAYOUT_ENGINE_DOT,
  AG_LAYOUT_ENGINE_NEATO,
  AG_LAYOUT_ENGINE_FDP,
  AG_LAYOUT_ENGINE_SFDP,
  AG_LAYOUT_ENGINE_CIRCO,
  AG_LAYOUT_ENGINE_TWOPI,
} AgLayoutEngine;

#define AG_LAYOUT_N_ENGINES (AG_LAYOUT_ENGINE_TWOPI + 1)

/* The automatic choice takes dot up to this many actors (DESIGN.md). */
#define AG_LAYOUT_DOT_MAX_NODES 40
/* Graphviz places the claim kinds' labels up to this many actors; larger
 * graphs show the kinds by colour only. */
#define AG_LAYOUT_EDGE_LABEL_MAX_NODES 40

#define AG_TYPE_LAYOUT (ag_layout_get_type ())

G_DECLARE_FINAL_TYPE (AgLayout, ag_layout, AG, LAYOUT, GObject)

GQuark          ag_layout_error_quark        (void);

const char     *ag_layout_engine_to_string   (AgLayoutEngine        engine);
gboolean        ag_layout_engine_from_string (const char           *str,
                                              AgLayoutEngine       *engine);

AgLayout       *ag_layout_new                (AgLayoutEngine        engine);
AgLayoutEngine  ag_layout_get_engine         (AgLayout             *self);
void            ag_layout_set_engine         (AgLayout             *self,
                                              AgLayoutEngine        engine);
guint           ag_layout_get_seed           (AgLayout             *self);
void            ag_layout_set_seed           (AgLayout             *self,
                                              guint                 seed);
AgLayoutEngine  ag_layout_choose_engine      (AgLayout             *self,
                                              AgGraph              *graph);

AgGeometry     *ag_layout_compute            (AgLayout             *self,
                                              AgGraph              *graph,
                                              GCancellable         *cancellable,
                                              GError              **error);
void            ag_layout_compute_async      (AgLayout             *self,
                                              AgGraph              *graph,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
AgGeometry     *ag_layout_compute_finish     (AgLayout             *self,
                                              GAsyncResult         *result,
                                              GError              **error);

char           *ag_layout_write_dot          (AgLayout             *self,
                                              AgGraph              *graph);

void            ag_layout_lock_graphviz      (void);
void            ag_layout_unlock_graphviz    (void);

G_END_DECLS
