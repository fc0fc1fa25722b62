/* ag-case-snapshot.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-case-snapshot"

#include "config.h"

#include "ag-case.h"
#include "ag-case-snapshot.h"

/* AgCaseSnapshot: the actors and claims of a case as plain values, copied
 * in one pass on the thread that owns the case.
 *
 * A case's objects belong to its thread: renaming an actor frees the old
 * name, editing a claim changes it in place. A snapshot owns everything it
 * holds and never changes, so a worker thread can build a graph from it
 * while the case goes on changing. Copying is cheap (a few milliseconds for
 * 10,000 actors and 30,000 claims); building the graph from the copy is
 * what takes time, and that is what leaves the main thread. */

struct _AgCaseSnapshot
{
  GObject          parent_instance;

  GStringChunk    *names;
  AgSnapshotActor *actors;
  guint            n_actors;
  AgSnapshotClaim *claims;
  guint            n_claims;
};

G_DEFINE_FINAL_TYPE (AgCaseSnapshot, ag_case_snapshot, G_TYPE_OBJECT)

static void
ag_case_snapshot_finalize (GObject *object)
{
  AgCaseSnapshot *self = (AgCaseSnapshot *) object;

  for (guint i = 0; i < self->n_claims; i++)
    g_clear_pointer (&self->claims[i].published, g_date_time_unref);
  g_free (self->claims);
  g_free (self->actors);
  g_string_chunk_free (self->names);

  G_OBJECT_CLASS (ag_case_snapshot_parent_class)->finalize (object);
}

static void
ag_case_snapshot_class_init (AgCaseSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ag_case_snapshot_finalize;
}

static void
ag_case_snapshot_init (AgCaseSnapshot *self)
{
  self->names = g_string_chunk_new (4096);
}

static gint64
actor_id_or_zero (AgActor *actor)
{
  return actor != NULL ? ag_actor_get_id (actor) : 0;
}

/**
 * ag_case_snapshot_new:
 * @kase: the case
 *
 * Copies what a graph is built from. Call on the thread that owns @kase;
 * the snapshot may then be read from any thread.
 *
 * Returns: (transfer full): the snapshot
 */
AgCaseSnapshot *
ag_case_snapshot_new (AgCase *kase)
{
  AgCaseSnapshot *self;
  GListModel *actors, *claims;

  g_return_val_if_fail (AG_IS_CASE (kase), NULL);

  self = g_object_new (AG_TYPE_CASE_SNAPSHOT, NULL);

  actors = ag_case_get_actors (kase);
  self->n_actors = g_list_model_get_n_items (actors);
  self->actors = g_new0 (AgSnapshotActor, MAX (self->n_actors, 1));
  for (guint i = 0; i < self->n_actors; i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (actors, i);

      self->actors[i] = (AgSnapshotActor) {
        .id = ag_actor_get_id (actor),
        .kind = ag_actor_get_kind (actor),
        .name = g_string_chunk_insert (self->names, ag_actor_get_name (actor)),
      };
    }

  claims = ag_case_get_claims (kase);
  self->n_claims = g_list_model_get_n_items (claims);
  self->claims = g_new0 (AgSnapshotClaim, MAX (self->n_claims, 1));
  for (guint i = 0; i < self->n_claims; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);
      AgDocument *document = ag_claim_get_document (claim);
      GDateTime *published = document != NULL ? ag_document_get_published (document) : NULL;

      self->claims[i] = (AgSnapshotClaim) {
        .id = ag_claim_get_id (claim),
        .kind = ag_claim_get_kind (claim),
        .status = ag_claim_get_status (claim),
        .confidence = ag_claim_get_confidence (claim),
        .subject = actor_id_or_zero (ag_claim_get_subject (claim)),
        .object = actor_id_or_zero (ag_claim_get_object (claim)),
        .speaker = actor_id_or_zero (ag_claim_get_speaker (claim)),
        .document = document != NULL ? ag_document_get_id (document) : 0,
        .published = published != NULL ? g_date_time_ref (published) : NULL,
      };
    }

  return self;
}

/**
 * ag_case_snapshot_get_actors:
 * @self: an #AgCaseSnapshot
 * @n_actors: (out): where to put the number of actors
 *
 * Returns: (array length=n_actors): the actors, in the case's order
 */
const AgSnapshotActor *
ag_case_snapshot_get_actors (AgCaseSnapshot *self,
                             guint          *n_actors)
{
  g_return_val_if_fail (AG_IS_CASE_SNAPSHOT (self), NULL);
  g_return_val_if_fail (n_actors != NULL, NULL);

  *n_actors = self->n_actors;
  return self->actors;
}

/**
 * ag_case_snapshot_get_claims:
 * @self: an #AgCaseSnapshot
 * @n_claims: (out): where to put the number of claims
 *
 * Returns: (array length=n_claims): the claims, in the case's order
 */
const AgSnapshotClaim *
ag_case_snapshot_get_claims (AgCaseSnapshot *self,
                             guint          *n_claims)
{
  g_return_val_if_fail (AG_IS_CASE_SNAPSHOT (self), NULL);
  g_return_val_if_fail (n_claims != NULL, NULL);

  *n_claims = self->n_claims;
  return self->claims;
}
