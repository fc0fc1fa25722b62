/* ag-graph.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ag-case.h"
#include "ag-case-snapshot.h"
#include "ag-graph.h"
#include "ag-renderer.h"

/* AgGraph: the actors and edges that a filter keeps of a case.
 *
 * Built from a snapshot of the case (AgCaseSnapshot), on any thread — the
 * window builds it in a worker thread — then read-only: the layout thread
 * reads it without touching the case. Labels are wrapped, elided and
 * measured with Pango, so that Graphviz reserves the room the renderer
 * needs — by ag_graph_measure(), which the layout calls in its thread:
 * measuring ten thousand labels would keep a window's main loop busy for
 * hundreds of milliseconds. */

struct _AgGraph
{
  GObject     parent_instance;

  GArray     *nodes;      /* AgGraphNode */
  GArray     *edges;      /* AgGraphEdge */
  GHashTable *node_index; /* gint64 actor id → index + 1 */

  GMutex      measure_lock;
  gboolean    measured;   /* labels and node sizes are known */
};

G_DEFINE_FINAL_TYPE (AgGraph, ag_graph, G_TYPE_OBJECT)

G_DEFINE_QUARK (ag-graph-error-quark, ag_graph_error)

/* A set of ids that is an array while small, as most edges' sets of
 * documents and speakers are (one or two), and gains a hash index when it
 * grows: a hash table per edge made building a graph of 30,000 claims
 * several times slower. */
#define SMALL_SET_MAX 16

typedef struct
{
  GArray     *items;  /* gint64 */
  GHashTable *index;  /* gint64 * → itself, once the set is large */
} IdSet;

static void
id_set_add (IdSet  *set,
            gint64  id)
{
  if (set->items == NULL)
    set->items = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (set->index != NULL)
    {
      if (g_hash_table_contains (set->index, &id))
        return;
      g_hash_table_add (set->index, g_memdup2 (&id, sizeof id));
    }
  else
    {
      for (guint i = 0; i < set->items->len; i++)
        if (g_array_index (set->items, gint64, i) == id)
          return;
      if (set->items->len == SMALL_SET_MAX)
        {
          set->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          for (guint i = 0; i < set->items->len; i++)
            g_hash_table_add (set->index, g_memdup2 (&g_array_index (set->items, gint64, i), sizeof (gint64)));
          g_hash_table_add (set->index, g_memdup2 (&id, sizeof id));
        }
    }
  g_array_append_val (set->items, id);
}

static guint
id_set_size (const IdSet *set)
{
  return set->items != NULL ? set->items->len : 0;
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->items, g_array_unref);
  g_clear_pointer (&set->index, g_hash_table_unref);
}

/* The key of an edge: who, whom, and what kind of claim. */
typedef struct
{
  gint64       subject;
  gint64       object;
  AgClaimKind  kind;
} EdgeKey;

static guint
edge_key_hash (gconstpointer data)
{
  const EdgeKey *key = data;

  return g_int64_hash (&key->subject) * 31u + g_int64_hash (&key->object) * 7u + key->kind;
}

static gboolean
edge_key_equal (gconstpointer a,
                gconstpointer b)
{
  const EdgeKey *x = a, *y = b;

  return x->subject == y->subject && x->object == y->object && x->kind == y->kind;
}

/* An edge while claims are gathered into it. */
typedef struct
{
  EdgeKey      key;       /* first: the hash table's key points here */
  gint64       subject;
  gint64       object;
  AgClaimKind  kind;
  GArray      *claims;    /* gint64 */
  IdSet        documents; /* document ids */
  IdSet        speakers;  /* actor ids */
  gboolean     disputed;
} EdgeDraft;

static void
edge_draft_free (gpointer data)
{
  EdgeDraft *draft = data;

  g_clear_pointer (&draft->claims, g_array_unref);
  id_set_clear (&draft->documents);
  id_set_clear (&draft->speakers);
  g_free (draft);
}

static int
compare_edge_drafts (gconstpointer a,
                     gconstpointer b)
{
  const EdgeDraft *x = *(EdgeDraft * const *) a;
  const EdgeDraft *y = *(EdgeDraft * const *) b;

  if (x->subject != y->subject)
    return x->subject < y->subject ? -1 : 1;
  if (x->object != y->object)
    return x->object < y->object ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_actors_by_id (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = (*(const AgSnapshotActor * const *) a)->id;
  gint64 y = (*(const AgSnapshotActor * const *) b)->id;

  return x < y ? -1 : x > y;
}

static guint
denial_hash (gconstpointer key)
{
  const gint64 *pair = key;

  return g_int64_hash (&pair[0]) * 31 + g_int64_hash (&pair[1]);
}

static gboolean
denial_equal (gconstpointer a,
              gconstpointer b)
{
  const gint64 *x = a;
  const gint64 *y = b;

  return x[0] == y[0] && x[1] == y[1];
}

static gboolean
is_denied (GHashTable *denials,
           gint64      denier,
           gint64      accuser)
{
  gint64 pair[2] = { denier, accuser };

  return g_hash_table_contains (denials, pair);
}

/* An accusation or attribution is disputed when its object denies it: a
 * denial by the object of the subject, of one of the speakers, or of no
 * one in particular. */
static gboolean
draft_is_disputed (EdgeDraft  *draft,
                   GHashTable *denials)
{
  if (draft->kind != AG_CLAIM_ACCUSES && draft->kind != AG_CLAIM_ATTRIBUTES)
    return FALSE;
  if (is_denied (denials, draft->object, 0) ||
      is_denied (denials, draft->object, draft->subject))
    return TRUE;

  for (guint i = 0; i < id_set_size (&draft->speakers); i++)
    if (is_denied (denials, draft->object, g_array_index (draft->speakers.items, gint64, i)))
      return TRUE;

  return FALSE;
}

/* Keeps the actors within @depth edges of @start, whatever the direction. */
static GHashTable *
neighbourhood (GPtrArray *drafts,
               gint64     start,
               guint      depth)
{
  g_autoptr(GHashTable) adjacency = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, (GDestroyNotify) g_array_unref);
  GHashTable *reached = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) frontier = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < drafts->len; i++)
    {
      EdgeDraft *draft = g_ptr_array_index (drafts, i);
      gint64 ends[2] = { draft->subject, draft->object };

      for (guint e = 0; e < 2; e++)
        {
          GArray *list = g_hash_table_lookup (adjacency, &ends[e]);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (adjacency, g_memdup2 (&ends[e], sizeof (gint64)), list);
            }
          g_array_append_val (list, ends[1 - e]);
        }
    }

  g_hash_table_add (reached, g_memdup2 (&start, sizeof start));
  g_array_append_val (frontier, start);
  for (guint level = 0; level < depth && frontier->len > 0; level++)
    {
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < frontier->len; i++)
        {
          GArray *list = g_hash_table_lookup (adjacency, &g_array_index (frontier, gint64, i));

          for (guint j = 0; list != NULL && j < list->len; j++)
            {
              gint64 id = g_array_index (list, gint64, j);

              if (!g_hash_table_contains (reached, &id))
                {
                  g_hash_table_add (reached, g_memdup2 (&id, sizeof id));
                  g_array_append_val (next, id);
                }
            }
        }
      g_array_unref (frontier);
      frontier = g_steal_pointer (&next);
    }

  return reached;
}

static void
ag_graph_finalize (GObject *object)
{
  AgGraph *self = (AgGraph *) object;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      AgGraphNode *node = &g_array_index (self->nodes, AgGraphNode, i);

      g_free (node->name);
      g_free (node->label);
    }
  for (guint i = 0; i < self->edges->len; i++)
    g_array_unref (g_array_index (self->edges, AgGraphEdge, i).claims);

  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_mutex_clear (&self->measure_lock);

  G_OBJECT_CLASS (ag_graph_parent_class)->finalize (object);
}

static void
ag_graph_class_init (AgGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_graph_finalize;
}

static void
ag_graph_init (AgGraph *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (AgGraphNode));
  self->edges = g_array_new (FALSE, TRUE, sizeof (AgGraphEdge));
  self->node_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * ag_graph_new_empty:
 *
 * Returns: a graph without nodes, to fill with ag_graph_add_node() and
 *   ag_graph_add_edge() (for tests and generated graphs).
 */
AgGraph *
ag_graph_new_empty (void)
{
  return g_object_new (AG_TYPE_GRAPH, NULL);
}

/**
 * ag_graph_add_node:
 *
 * Adds the node of an actor. Only while building; its label is measured
 * by ag_graph_measure().
 *
 * Returns: the node's index
 */
guint
ag_graph_add_node (AgGraph     *self,
                   gint64       actor_id,
                   AgActorKind  kind,
                   const char  *name)
{
  AgGraphNode node = { 0 };

  g_return_val_if_fail (AG_IS_GRAPH (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (!g_hash_table_contains (self->node_index, &actor_id), 0);

  node.actor_id = actor_id;
  node.kind = kind;
  node.name = g_utf8_make_valid (name, -1);
  self->measured = FALSE;
  g_array_append_val (self->nodes, node);
  g_hash_table_insert (self->node_index, g_memdup2 (&actor_id, sizeof actor_id),
                       GUINT_TO_POINTER (self->nodes->len));

  return self->nodes->len - 1;
}

/**
 * ag_graph_add_edge:
 *
 * Adds claim @claim_id to the edge (@source, @target, @kind), creating the
 * edge if needed. Only while building.
 */
void
ag_graph_add_edge (AgGraph     *self,
                   guint        source,
                   guint        target,
                   AgClaimKind  kind,
                   gint64       claim_id,
                   guint        n_documents,
                   gboolean     disputed)
{
  AgGraphEdge edge = { 0 };

  g_return_if_fail (AG_IS_GRAPH (self));
  g_return_if_fail (source < self->nodes->len && target < self->nodes->len);

  /* Builders add an edge's claims one after the other. */
  if (self->edges->len > 0)
    {
      AgGraphEdge *last = &g_array_index (self->edges, AgGraphEdge, self->edges->len - 1);

      if (last->source == source && last->target == target && last->kind == kind)
        {
          g_array_append_val (last->claims, claim_id);
          last->n_documents = MAX (last->n_documents, n_documents);
          last->disputed |= !!disputed;
          return;
        }
    }

  edge.source = source;
  edge.target = target;
  edge.kind = kind;
  edge.claims = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (edge.claims, claim_id);
  edge.n_documents = MAX (n_documents, 1);
  edge.disputed = !!disputed;
  g_array_append_val (self->edges, edge);
}

/**
 * ag_graph_new:
 * @kase: the case
 * @filter: (nullable): what to keep; %NULL keeps all but rejected claims
 * @error: the return location for an error
 *
 * Builds the graph of @kase on the calling thread, which must own @kase;
 * see ag_graph_new_from_snapshot().
 *
 * Returns: (transfer full): the graph, or %NULL when the filter's
 *   neighbourhood names an actor the case lacks
 */
AgGraph *
ag_graph_new (AgCase               *kase,
              const AgGraphFilter  *filter,
              GError              **error)
{
  g_autoptr(AgCaseSnapshot) snapshot = NULL;

  g_return_val_if_fail (AG_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  snapshot = ag_case_snapshot_new (kase);
  return ag_graph_new_from_snapshot (snapshot, filter, error);
}

/**
 * ag_graph_new_from_snapshot:
 * @snapshot: a snapshot of the case
 * @filter: (nullable): what to keep; %NULL keeps all but rejected claims
 * @error: the return location for an error
 *
 * Builds the graph: one node per actor kept, one edge per (subject,
 * object, claim kind) with all its claims. Runs on any thread.
 *
 * Returns: (transfer full): the graph, or %NULL when the filter's
 *   neighbourhood names an actor the case lacks
 */
AgGraph *
ag_graph_new_from_snapshot (AgCaseSnapshot       *snapshot,
                            const AgGraphFilter  *filter,
                            GError              **error)
{
  g_autoptr(AgGraph) self = NULL;
  g_autoptr(AgGraphFilter) default_filter = NULL;
  g_autoptr(GHashTable) actor_by_id = NULL;
  g_autoptr(GHashTable) drafts_by_key = NULL;
  g_autoptr(GHashTable) denials = NULL;
  g_autoptr(GHashTable) touched = NULL;
  g_autoptr(GHashTable) reached = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  const AgSnapshotActor *all_actors;
  const AgSnapshotClaim *claims;
  guint n_actors, n_claims;
  gint64 around;
  guint depth;

  g_return_val_if_fail (AG_IS_CASE_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = default_filter = ag_graph_filter_new ();

  all_actors = ag_case_snapshot_get_actors (snapshot, &n_actors);
  claims = ag_case_snapshot_get_claims (snapshot, &n_claims);

  actor_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_actors; i++)
    g_hash_table_insert (actor_by_id, (gpointer) &all_actors[i].id, (gpointer) &all_actors[i]);

  around = ag_graph_filter_get_around (filter, &depth);
  if (around != 0 && !g_hash_table_contains (actor_by_id, &around))
    {
      g_set_error (error, AG_GRAPH_ERROR, AG_GRAPH_ERROR_NOT_FOUND,
                   _("The case has no actor with id %lld"), (long long)around);
      return NULL;
    }

  /* Gather the claims into edges, and note every denial. */
  drafts_by_key = g_hash_table_new (edge_key_hash, edge_key_equal);
  drafts = g_ptr_array_new_with_free_func (edge_draft_free);
  denials = g_hash_table_new_full (denial_hash, denial_equal, g_free, NULL);
  for (guint i = 0; i < n_claims; i++)
    {
      const AgSnapshotClaim *claim = &claims[i];
      const AgSnapshotActor *subject, *object;
      EdgeKey key;
      EdgeDraft *draft;

      if (claim->subject == 0)
        continue;

      if (claim->kind == AG_CLAIM_DENIES && ag_graph_filter_match_evidence (filter, claim))
        {
          gint64 pair[2] = { claim->subject, claim->object };

          g_hash_table_add (denials, g_memdup2 (pair, sizeof pair));
        }

      if (claim->object == 0 || !ag_graph_filter_match_claim_kind (filter, claim->kind))
        continue;
      subject = g_hash_table_lookup (actor_by_id, &claim->subject);
      object = g_hash_table_lookup (actor_by_id, &claim->object);
      if (subject == NULL || object == NULL ||
          !ag_graph_filter_match_actor_kind (filter, subject->kind) ||
          !ag_graph_filter_match_actor_kind (filter, object->kind) ||
          !ag_graph_filter_match_evidence (filter, claim))
        continue;

      key = (EdgeKey) { claim->subject, claim->object, claim->kind };
      draft = g_hash_table_lookup (drafts_by_key, &key);
      if (draft == NULL)
        {
          draft = g_new0 (EdgeDraft, 1);
          draft->key = key;
          draft->subject = key.subject;
          draft->object = key.object;
          draft->kind = key.kind;
          draft->claims = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (drafts, draft);
          g_hash_table_insert (drafts_by_key, &draft->key, draft);
        }
      g_array_append_val (draft->claims, claim->id);
      if (claim->document != 0)
        id_set_add (&draft->documents, claim->document);
      if (claim->speaker != 0)
        id_set_add (&draft->speakers, claim->speaker);
    }
  if (around != 0)
    reached = neighbourhood (drafts, around, depth);

  /* The actors, in id order so that the same case gives the same graph. */
  actors = g_ptr_array_sized_new (n_actors);
  for (guint i = 0; i < n_actors; i++)
    {
      const AgSnapshotActor *actor = &all_actors[i];

      if (ag_graph_filter_match_actor_kind (filter, actor->kind) &&
          (reached == NULL || g_hash_table_contains (reached, &actor->id)))
        g_ptr_array_add (actors, (gpointer) actor);
    }
  g_ptr_array_sort (actors, compare_actors_by_id);

  touched = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < drafts->len; i++)
    {
      EdgeDraft *draft = g_ptr_array_index (drafts, i);

      if (reached != NULL &&
          (!g_hash_table_contains (reached, &draft->subject) ||
           !g_hash_table_contains (reached, &draft->object)))
        continue;
      g_hash_table_add (touched, &draft->subject);
      g_hash_table_add (touched, &draft->object);
    }

  self = ag_graph_new_empty ();
  for (guint i = 0; i < actors->len; i++)
    {
      const AgSnapshotActor *actor = g_ptr_array_index (actors, i);

      if (ag_graph_filter_get_hide_isolated (filter) && actor->id != around &&
          !g_hash_table_contains (touched, &actor->id))
        continue;
      ag_graph_add_node (self, actor->id, actor->kind, actor->name);
    }

  g_ptr_array_sort (drafts, compare_edge_drafts);
  for (guint i = 0; i < drafts->len; i++)
    {
      EdgeDraft *draft = g_ptr_array_index (drafts, i);
      gboolean disputed;
      guint source, target;

      if (!ag_graph_find_node (self, draft->subject, &source) ||
          !ag_graph_find_node (self, draft->object, &target))
        continue;

      g_array_sort (draft->claims, compare_ids);
      disputed = draft_is_disputed (draft, denials);
      for (guint c = 0; c < draft->claims->len; c++)
        ag_graph_add_edge (self, source, target, draft->kind,
                           g_array_index (draft->claims, gint64, c),
                           id_set_size (&draft->documents), disputed);
    }

  return g_steal_pointer (&self);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AgCaseSnapshot *snapshot = task_data;
  const AgGraphFilter *filter = g_object_get_data (G_OBJECT (task), "filter");
  g_autoptr(GError) error = NULL;
  AgGraph *graph;

  graph = ag_graph_new_from_snapshot (snapshot, filter, &error);
  if (graph == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, graph, g_object_unref);
}

/**
 * ag_graph_new_async:
 * @snapshot: a snapshot of the case
 * @filter: (nullable): what to keep, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread when the graph is built
 * @user_data: for @callback
 *
 * Builds the graph of @snapshot in a worker thread: for a large case this
 * takes around a hundred milliseconds, which a window's main loop should
 * not spend.
 */
void
ag_graph_new_async (AgCaseSnapshot      *snapshot,
                    const AgGraphFilter *filter,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AG_IS_CASE_SNAPSHOT (snapshot));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ag_graph_new_async);
  g_task_set_task_data (task, g_object_ref (snapshot), g_object_unref);
  if (filter != NULL)
    g_object_set_data_full (G_OBJECT (task), "filter", ag_graph_filter_copy (filter),
                            (GDestroyNotify) ag_graph_filter_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, build_thread);
}

/**
 * ag_graph_new_finish:
 * @result: the result given to the callback
 * @error: the return location for an error
 *
 * Returns: (transfer full): the graph, or %NULL with @error set (also
 *   %G_IO_ERROR_CANCELLED when cancelled)
 */
AgGraph *
ag_graph_new_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, ag_graph_new_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ag_graph_measure:
 * @self: an #AgGraph
 *
 * Wraps, elides and measures every node's label and sizes the node around
 * it, once. The layout calls it, on its own thread; until then a node's
 * label is %NULL and its sizes are 0.
 */
void
ag_graph_measure (AgGraph *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  PangoContext *context;
  PangoLayout *scratch;

  g_return_if_fail (AG_IS_GRAPH (self));

  locker = g_mutex_locker_new (&self->measure_lock);
  if (self->measured)
    return;

  context = ag_renderer_create_pango_context ();
  scratch = pango_layout_new (context);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      AgGraphNode *node = &g_array_index (self->nodes, AgGraphNode, i);

      g_free (node->label);
      node->label = ag_renderer_make_label (scratch, node->name,
                                            &node->label_width, &node->label_height);
      ag_renderer_get_node_size (node->kind, node->label_width, node->label_height,
                                 &node->width, &node->height);
    }
  g_object_unref (scratch);
  g_object_unref (context);
  self->measured = TRUE;
}

guint
ag_graph_get_n_nodes (AgGraph *self)
{
  g_return_val_if_fail (AG_IS_GRAPH (self), 0);
  return self->nodes->len;
}

const AgGraphNode *
ag_graph_get_node (AgGraph *self,
                   guint    index)
{
  g_return_val_if_fail (AG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, AgGraphNode, index);
}

guint
ag_graph_get_n_edges (AgGraph *self)
{
  g_return_val_if_fail (AG_IS_GRAPH (self), 0);
  return self->edges->len;
}

const AgGraphEdge *
ag_graph_get_edge (AgGraph *self,
                   guint    index)
{
  g_return_val_if_fail (AG_IS_GRAPH (self), NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);
  return &g_array_index (self->edges, AgGraphEdge, index);
}

gboolean
ag_graph_find_node (AgGraph *self,
                    gint64   actor_id,
                    guint   *index)
{
  guint found;

  g_return_val_if_fail (AG_IS_GRAPH (self), FALSE);

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &actor_id));
  if (found == 0)
    return FALSE;
  if (index != NULL)
    *index = found - 1;
  return TRUE;
}

/* What an edge says, subject first and object second. The GraphML label
 * takes the msgid itself, which stays English whatever the locale. */
static const char * const edge_sentences[AG_N_CLAIM_KINDS] = {
  /* Translators: the first part of an edge's tooltip; the first %s is the
   * subject, the second the object (use %1$s and %2$s to swap them) */
  [AG_CLAIM_ACCUSES] = NC_("edge title", "%s accuses %s"),
  /* Translators: a threat group (first %s) that acts for a state */
  [AG_CLAIM_ATTRIBUTES] = NC_("edge title", "%s is attributed to %s"),
  [AG_CLAIM_TARGETS] = NC_("edge title", "%s targets %s"),
  /* Translators: the subject rejects accusations made by the object */
  [AG_CLAIM_DENIES] = NC_("edge title", "%s rejects accusations by %s"),
  [AG_CLAIM_MEMBER_OF] = NC_("edge title", "%s is a member of %s"),
  [AG_CLAIM_SANCTIONS] = NC_("edge title", "%s sanctions %s"),
  [AG_CLAIM_COOPERATES] = NC_("edge title", "%s cooperates with %s"),
};

/* The format comes from the table above; msgfmt --check-format keeps every
 * translation of it at two %s. */
static char *
format_sentence (AgClaimKind  kind,
                 gboolean     translate,
                 ...)
{
  const char *format = edge_sentences[kind];
  va_list args;
  char *text;

  if (translate)
    format = g_dpgettext2 (GETTEXT_PACKAGE, "edge title", format);
  va_start (args, translate);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_vprintf (format, args);
#pragma GCC diagnostic pop
  va_end (args);
  return text;
}

static char *
dup_edge_title (AgGraph  *self,
                guint     index,
                gboolean  translate)
{
  const AgGraphEdge *edge = ag_graph_get_edge (self, index);
  const AgGraphNode *source, *target;
  g_autofree char *sentence = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *documents = NULL;
  guint n_claims, n_documents;

  g_return_val_if_fail (edge != NULL, NULL);

  source = ag_graph_get_node (self, edge->source);
  target = ag_graph_get_node (self, edge->target);
  n_claims = edge->claims->len;
  n_documents = edge->n_documents;
  sentence = format_sentence (edge->kind, translate, source->name, target->name);

  if (!translate)
    return g_strdup_printf (edge->disputed ? "%s (%u %s, %u %s, disputed)" : "%s (%u %s, %u %s)",
                            sentence,
                            n_claims, n_claims == 1 ? "claim" : "claims",
                            n_documents, n_documents == 1 ? "document" : "documents");

  claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u claim", "%'u claims", n_claims),
                            n_claims);
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u document", "%'u documents",
                                            n_documents),
                               n_documents);
  if (edge->disputed)
    /* Translators: an edge's tooltip: "APT28 is attributed to Russia (3 claims,
     * 2 documents, disputed)"; disputed means that the object denies it */
    return g_strdup_printf (_("%s (%s, %s, disputed)"), sentence, claims, documents);
  /* Translators: an edge's tooltip: "Germany accuses Russia (3 claims, 2 documents)" */
  return g_strdup_printf (_("%s (%s, %s)"), sentence, claims, documents);
}

/**
 * ag_graph_dup_edge_title:
 * @self: a graph
 * @index: an edge's index
 *
 * A one-line description of an edge in the user's language, for tooltips
 * and SVG titles: "Germany accuses Russia (3 claims, 2 documents)".
 *
 * Returns: (transfer full): the title
 */
char *
ag_graph_dup_edge_title (AgGraph *self,
                         guint    index)
{
  g_return_val_if_fail (AG_IS_GRAPH (self), NULL);

  return dup_edge_title (self, index, TRUE);
}

/**
 * ag_graph_dup_edge_label:
 * @self: a graph
 * @index: an edge's index
 *
 * The same description as ag_graph_dup_edge_title(), in English and with
 * plain digits whatever the locale, for machine-readable exports.
 *
 * Returns: (transfer full): the label
 */
char *
ag_graph_dup_edge_label (AgGraph *self,
                         guint    index)
{
  g_return_val_if_fail (AG_IS_GRAPH (self), NULL);

  return dup_edge_title (self, index, FALSE);
}

/* The edge's id in exports: "e<subject>-<object>-<kind>". */
char *
ag_graph_dup_edge_id (AgGraph *self,
                      guint    index)
{
  const AgGraphEdge *edge = ag_graph_get_edge (self, index);

  g_return_val_if_fail (edge != NULL, NULL);

  return g_strdup_printf ("e%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "-%s",
                          ag_graph_get_node (self, edge->source)->actor_id,
                          ag_graph_get_node (self, edge->target)->actor_id,
                          ag_claim_kind_to_string (edge->kind));
}

/* The claim kinds that the edges use, as a bit mask. */
guint
ag_graph_get_claim_kinds (AgGraph *self)
{
  guint mask = 0;

  g_return_val_if_fail (AG_IS_GRAPH (self), 0);

  for (guint i = 0; i < self->edges->len; i++)
    mask |= 1u << g_array_index (self->edges, AgGraphEdge, i).kind;
  return mask;
}
