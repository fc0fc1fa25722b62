/* ag-graph-filter.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ag-case-snapshot.h"
#include "ag-types.h"

G_BEGIN_DECLS

/* Every actor kind, claim kind or review status, as a bit mask. */
#define AG_GRAPH_FILTER_ALL_ACTOR_KINDS ((1u << AG_N_ACTOR_KINDS) - 1)
#define AG_GRAPH_FILTER_ALL_CLAIM_KINDS ((1u << AG_N_CLAIM_KINDS) - 1)
#define AG_GRAPH_FILTER_ALL_STATUSES    ((1u << AG_N_REVIEW_STATUSES) - 1)

#define AG_TYPE_GRAPH_FILTER (ag_graph_filter_get_type ())

typedef struct _AgGraphFilter AgGraphFilter;

GType          ag_graph_filter_get_type           (void) G_GNUC_CONST;

AgGraphFilter *ag_graph_filter_new                (void);
AgGraphFilter *ag_graph_filter_copy               (const AgGraphFilter *self);
void           ag_graph_filter_free               (AgGraphFilter       *self);

void           ag_graph_filter_set_actor_kinds    (AgGraphFilter       *self,
                                                   guint                mask);
guint          ag_graph_filter_get_actor_kinds    (const AgGraphFilter *self);
void           ag_graph_filter_set_claim_kinds    (AgGraphFilter       *self,
                                                   guint                mask);
guint          ag_graph_filter_get_claim_kinds    (const AgGraphFilter *self);
void           ag_graph_filter_set_statuses       (AgGraphFilter       *self,
                                                   guint                mask);
guint          ag_graph_filter_get_statuses       (const AgGraphFilter *self);
void           ag_graph_filter_add_document       (AgGraphFilter       *self,
                                                   gint64               document_id);
void           ag_graph_filter_set_date_range     (AgGraphFilter       *self,
                                                   GDateTime           *since,
                                                   GDateTime           *until);
void           ag_graph_filter_set_min_confidence (AgGraphFilter       *self,
                                                   double               confidence);
double         ag_graph_filter_get_min_confidence (const AgGraphFilter *self);
void           ag_graph_filter_set_around         (AgGraphFilter       *self,
                                                   gint64               actor_id,
                                                   guint                depth);
gint64         ag_graph_filter_get_around         (const AgGraphFilter *self,
                                                   guint               *depth);
void           ag_graph_filter_set_hide_isolated  (AgGraphFilter       *self,
                                                   gboolean             hide);
gboolean       ag_graph_filter_get_hide_isolated  (const AgGraphFilter *self);

gboolean       ag_graph_filter_match_actor_kind   (const AgGraphFilter   *self,
                                                   AgActorKind            kind);
gboolean       ag_graph_filter_match_claim_kind   (const AgGraphFilter   *self,
                                                   AgClaimKind            kind);
gboolean       ag_graph_filter_match_evidence     (const AgGraphFilter   *self,
                                                   const AgSnapshotClaim *claim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AgGraphFilter, ag_graph_filter_free)

G_END_DECLS
