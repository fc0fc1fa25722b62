/* ag-graph-filter.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-graph-filter"

#include "config.h"

#include "ag-graph-filter.h"

/* AgGraphFilter: which part of a case the graph shows.
 *
 * A plain boxed value, copied into each layout job. A new filter lets
 * everything through except rejected claims. */

struct _AgGraphFilter
{
  guint       actor_kinds;
  guint       claim_kinds;
  guint       statuses;
  GHashTable *documents;     /* gint64 ids; NULL means every document */
  GDateTime  *since;         /* (nullable) */
  GDateTime  *until;         /* (nullable) */
  double      min_confidence;
  gint64      around;        /* actor id, or 0 */
  guint       depth;
  gboolean    hide_isolated;
};

G_DEFINE_BOXED_TYPE (AgGraphFilter, ag_graph_filter,
                     ag_graph_filter_copy, ag_graph_filter_free)

AgGraphFilter *
ag_graph_filter_new (void)
{
  AgGraphFilter *self = g_new0 (AgGraphFilter, 1);

  self->actor_kinds = AG_GRAPH_FILTER_ALL_ACTOR_KINDS;
  self->claim_kinds = AG_GRAPH_FILTER_ALL_CLAIM_KINDS;
  self->statuses = AG_GRAPH_FILTER_ALL_STATUSES & ~(1u << AG_REVIEW_REJECTED);
  return self;
}

AgGraphFilter *
ag_graph_filter_copy (const AgGraphFilter *self)
{
  AgGraphFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  if (self->documents != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      copy->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, self->documents);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (copy->documents, g_memdup2 (key, sizeof (gint64)));
    }
  if (self->since != NULL)
    copy->since = g_date_time_ref (self->since);
  if (self->until != NULL)
    copy->until = g_date_time_ref (self->until);
  return copy;
}

void
ag_graph_filter_free (AgGraphFilter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_free (self);
}

void
ag_graph_filter_set_actor_kinds (AgGraphFilter *self,
                                 guint          mask)
{
  g_return_if_fail (self != NULL);
  self->actor_kinds = mask & AG_GRAPH_FILTER_ALL_ACTOR_KINDS;
}

guint
ag_graph_filter_get_actor_kinds (const AgGraphFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->actor_kinds;
}

void
ag_graph_filter_set_claim_kinds (AgGraphFilter *self,
                                 guint          mask)
{
  g_return_if_fail (self != NULL);
  self->claim_kinds = mask & AG_GRAPH_FILTER_ALL_CLAIM_KINDS;
}

guint
ag_graph_filter_get_claim_kinds (const AgGraphFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->claim_kinds;
}

void
ag_graph_filter_set_statuses (AgGraphFilter *self,
                              guint          mask)
{
  g_return_if_fail (self != NULL);
  self->statuses = mask & AG_GRAPH_FILTER_ALL_STATUSES;
}

guint
ag_graph_filter_get_statuses (const AgGraphFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->statuses;
}

/* Restricts the graph to claims from the documents added; without any,
 * every document counts. */
void
ag_graph_filter_add_document (AgGraphFilter *self,
                              gint64         document_id)
{
  g_return_if_fail (self != NULL);

  if (self->documents == NULL)
    self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (self->documents, g_memdup2 (&document_id, sizeof document_id));
}

/* Keeps claims whose document was published within [@since, @until]; both
 * ends are optional. While either is set, undated documents are left out. */
void
ag_graph_filter_set_date_range (AgGraphFilter *self,
                                GDateTime     *since,
                                GDateTime     *until)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  if (since != NULL)
    self->since = g_date_time_ref (since);
  if (until != NULL)
    self->until = g_date_time_ref (until);
}

void
ag_graph_filter_set_min_confidence (AgGraphFilter *self,
                                    double         confidence)
{
  g_return_if_fail (self != NULL);
  self->min_confidence = CLAMP (confidence, 0.0, 1.0);
}

double
ag_graph_filter_get_min_confidence (const AgGraphFilter *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->min_confidence;
}

/* Shows only the actors within @depth edges of actor @actor_id (0: all). */
void
ag_graph_filter_set_around (AgGraphFilter *self,
                            gint64         actor_id,
                            guint          depth)
{
  g_return_if_fail (self != NULL);
  self->around = actor_id;
  self->depth = depth;
}

gint64
ag_graph_filter_get_around (const AgGraphFilter *self,
                            guint               *depth)
{
  g_return_val_if_fail (self != NULL, 0);
  if (depth != NULL)
    *depth = self->depth;
  return self->around;
}

/* Leaves out actors that no shown edge touches. */
void
ag_graph_filter_set_hide_isolated (AgGraphFilter *self,
                                   gboolean       hide)
{
  g_return_if_fail (self != NULL);
  self->hide_isolated = !!hide;
}

gboolean
ag_graph_filter_get_hide_isolated (const AgGraphFilter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->hide_isolated;
}

gboolean
ag_graph_filter_match_actor_kind (const AgGraphFilter *self,
                                  AgActorKind          kind)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->actor_kinds & (1u << kind)) != 0;
}

gboolean
ag_graph_filter_match_claim_kind (const AgGraphFilter *self,
                                  AgClaimKind          kind)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->claim_kinds & (1u << kind)) != 0;
}

/* Whether the claim's evidence passes: its document, date, review status
 * and confidence. The claim kind and the actors are not looked at. */
gboolean
ag_graph_filter_match_evidence (const AgGraphFilter   *self,
                                const AgSnapshotClaim *claim)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);

  if ((self->statuses & (1u << claim->status)) == 0)
    return FALSE;
  if (claim->confidence < self->min_confidence)
    return FALSE;

  if (self->documents != NULL &&
      (claim->document == 0 || !g_hash_table_contains (self->documents, &claim->document)))
    return FALSE;

  if (self->since != NULL || self->until != NULL)
    {
      if (claim->published == NULL)
        return FALSE;
      if (self->since != NULL && g_date_time_compare (claim->published, self->since) < 0)
        return FALSE;
      if (self->until != NULL && g_date_time_compare (claim->published, self->until) > 0)
        return FALSE;
    }

  return TRUE;
}
