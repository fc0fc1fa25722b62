/* ag-graph.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-case-snapshot.h"
#include "ag-graph-filter.h"
#include "ag-types.h"

G_BEGIN_DECLS

#define AG_GRAPH_ERROR (ag_graph_error_quark ())

typedef enum
{
  AG_GRAPH_ERROR_NOT_FOUND, /* the filter names an actor the case lacks */
} AgGraphError;

/* One actor of the graph. */
typedef struct
{
  gint64       actor_id;
  AgActorKind  kind;
  char        *name;   /* the full name, exactly as in the case */
  char        *label;  /* what the node shows: one line per '\n', elided */
  double       label_width;  /* its size in points, as Pango lays it out */
  double       label_height;
  double       width;  /* node size in points, room for the label included */
  double       height;
} AgGraphNode;

/* One edge: every claim of one kind from one subject to one object. */
typedef struct
{
  guint        source;      /* node indices */
  guint        target;
  AgClaimKind  kind;
  GArray      *claims;      /* (element-type gint64): claim ids, ascending */
  guint        n_documents; /* distinct documents behind the claims */
  gboolean     disputed;    /* the object denies it */
} AgGraphEdge;

#define AG_TYPE_GRAPH (ag_graph_get_type ())

G_DECLARE_FINAL_TYPE (AgGraph, ag_graph, AG, GRAPH, GObject)

GQuark             ag_graph_error_quark      (void);

AgGraph           *ag_graph_new              (AgCase              *kase,
                                              const AgGraphFilter *filter,
                                              GError             **error);
AgGraph           *ag_graph_new_from_snapshot (AgCaseSnapshot     *snapshot,
                                              const AgGraphFilter *filter,
                                              GError             **error);
void               ag_graph_new_async        (AgCaseSnapshot      *snapshot,
                                              const AgGraphFilter *filter,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AgGraph           *ag_graph_new_finish       (GAsyncResult        *result,
                                              GError             **error);
AgGraph           *ag_graph_new_empty        (void);
guint              ag_graph_add_node         (AgGraph             *self,
                                              gint64               actor_id,
                                              AgActorKind          kind,
                                              const char          *name);
void               ag_graph_add_edge         (AgGraph             *self,
                                              guint                source,
                                              guint                target,
                                              AgClaimKind          kind,
                                              gint64               claim_id,
                                              guint                n_documents,
                                              gboolean             disputed);

guint              ag_graph_get_n_nodes      (AgGraph             *self);
const AgGraphNode *ag_graph_get_node         (AgGraph             *self,
                                              guint                index);
guint              ag_graph_get_n_edges      (AgGraph             *self);
const AgGraphEdge *ag_graph_get_edge         (AgGraph             *self,
                                              guint                index);
void               ag_graph_measure          (AgGraph             *self);
gboolean           ag_graph_find_node        (AgGraph             *self,
                                              gint64               actor_id,
                                              guint               *index);
char              *ag_graph_dup_edge_title   (AgGraph             *self,
                                              guint                index);
char              *ag_graph_dup_edge_label   (AgGraph             *self,
                                              guint                index);
char              *ag_graph_dup_edge_id      (AgGraph             *self,
                                              guint                index);
guint              ag_graph_get_claim_kinds  (AgGraph             *self);

G_END_DECLS
