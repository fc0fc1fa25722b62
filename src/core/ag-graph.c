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
#include "ag-graph.h"
#include "ag-renderer.h"

/* AgGraph: the actors and edges that a filter keeps of a case.
 *
 * Built on the calling thread from the case's objects, then read-only: the
 * layout thread reads it without touching the case. Labels are wrapped,
 * elided and measured here with Pango, so that Graphviz reserves the room
 * the renderer needs. */

struct _AgGraph
{
  GObject     parent_instance;

  GArray     *nodes;      /* AgGraphNode */
  GArray     *edges;      /* AgGraphEdge */
  GHashTable *node_index; /* gint64 actor id → index + 1 */

  PangoLayout *scratch;   /* measures labels while building */
};

G_DEFINE_FINAL_TYPE (AgGraph, ag_graph, G_TYPE_OBJECT)

G_DEFINE_QUARK (ag-graph-error-quark, ag_graph_error)

/* An edge while claims are gathered into it. */
typedef struct
{
  gint64       subject;
  gint64       object;
  AgClaimKind  kind;
  GArray      *claims;    /* gint64 */
  GHashTable  *documents; /* AgDocument set */
  GHashTable  *speakers;  /* AgActor set */
  gboolean     disputed;
} EdgeDraft;

static void
edge_draft_free (gpointer data)
{
  EdgeDraft *draft = data;

  g_clear_pointer (&draft->claims, g_array_unref);
  g_clear_pointer (&draft->documents, g_hash_table_unref);
  g_clear_pointer (&draft->speakers, g_hash_table_unref);
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
  gint64 x = ag_actor_get_id (*(AgActor * const *) a);
  gint64 y = ag_actor_get_id (*(AgActor * const *) b);

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
  GHashTableIter iter;
  gpointer speaker;

  if (draft->kind != AG_CLAIM_ACCUSES && draft->kind != AG_CLAIM_ATTRIBUTES)
    return FALSE;
  if (is_denied (denials, draft->object, 0) ||
      is_denied (denials, draft->object, draft->subject))
    return TRUE;

  g_hash_table_iter_init (&iter, draft->speakers);
  while (g_hash_table_iter_next (&iter, &speaker, NULL))
    if (is_denied (denials, draft->object, ag_actor_get_id (speaker)))
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
  g_clear_object (&self->scratch);

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
 * Adds the node of an actor and measures its label. Only while building.
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

  if (self->scratch == NULL)
    {
      PangoContext *context = ag_renderer_create_pango_context ();

      self->scratch = pango_layout_new (context);
      g_object_unref (context);
    }

  node.actor_id = actor_id;
  node.kind = kind;
  node.name = g_utf8_make_valid (name, -1);
  node.label = ag_renderer_make_label (self->scratch, node.name,
                                       &node.label_width, &node.label_height);
  ag_renderer_get_node_size (kind, node.label_width, node.label_height,
                             &node.width, &node.height);
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
 * Builds the graph of @kase: one node per actor kept, one edge per
 * (subject, object, claim kind) with all its claims. Run on the thread
 * that owns @kase.
 *
 * Returns: (transfer full): the graph, or %NULL when the filter's
 *   neighbourhood names an actor the case lacks
 */
AgGraph *
ag_graph_new (AgCase               *kase,
              const AgGraphFilter  *filter,
              GError              **error)
{
  g_autoptr(AgGraph) self = NULL;
  g_autoptr(AgGraphFilter) default_filter = NULL;
  g_autoptr(GHashTable) drafts_by_key = NULL;
  g_autoptr(GHashTable) denials = NULL;
  g_autoptr(GHashTable) touched = NULL;
  g_autoptr(GHashTable) reached = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  GListModel *claims;
  gint64 around;
  guint depth;
  guint n;

  g_return_val_if_fail (AG_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = default_filter = ag_graph_filter_new ();

  around = ag_graph_filter_get_around (filter, &depth);
  if (around != 0 && ag_case_lookup_actor (kase, around) == NULL)
    {
      g_set_error (error, AG_GRAPH_ERROR, AG_GRAPH_ERROR_NOT_FOUND,
                   _("The case has no actor with id %lld"), (long long)around);
      return NULL;
    }

  /* Gather the claims into edges, and note every denial. */
  drafts_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  drafts = g_ptr_array_new_with_free_func (edge_draft_free);
  denials = g_hash_table_new_full (denial_hash, denial_equal, g_free, NULL);
  claims = ag_case_get_claims (kase);
  n = g_list_model_get_n_items (claims);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);
      AgActor *subject = ag_claim_get_subject (claim);
      AgActor *object = ag_claim_get_object (claim);
      AgActor *speaker = ag_claim_get_speaker (claim);
      AgDocument *document = ag_claim_get_document (claim);
      gint64 id = ag_claim_get_id (claim);
      char key[64];
      EdgeDraft *draft;

      if (subject == NULL)
        continue;

      if (ag_claim_get_kind (claim) == AG_CLAIM_DENIES &&
          ag_graph_filter_match_evidence (filter, claim))
        {
          gint64 pair[2] = { ag_actor_get_id (subject), object != NULL ? ag_actor_get_id (object) : 0 };

          g_hash_table_add (denials, g_memdup2 (pair, sizeof pair));
        }

      if (object == NULL || !ag_graph_filter_match_claim (filter, claim))
        continue;

      g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                  ag_actor_get_id (subject), ag_actor_get_id (object),
                  (int) ag_claim_get_kind (claim));
      draft = g_hash_table_lookup (drafts_by_key, key);
      if (draft == NULL)
        {
          draft = g_new0 (EdgeDraft, 1);
          draft->subject = ag_actor_get_id (subject);
          draft->object = ag_actor_get_id (object);
          draft->kind = ag_claim_get_kind (claim);
          draft->claims = g_array_new (FALSE, FALSE, sizeof (gint64));
          draft->documents = g_hash_table_new (NULL, NULL);
          draft->speakers = g_hash_table_new (NULL, NULL);
          g_ptr_array_add (drafts, draft);
          g_hash_table_insert (drafts_by_key, g_strdup (key), draft);
        }
      g_array_append_val (draft->claims, id);
      if (document != NULL)
        g_hash_table_add (draft->documents, document);
      if (speaker != NULL)
        g_hash_table_add (draft->speakers, speaker);
    }
  if (around != 0)
    reached = neighbourhood (drafts, around, depth);

  /* The actors, in id order so that the same case gives the same graph. */
  actors = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (ag_case_get_actors (kase));
  for (guint i = 0; i < n; i++)
    {
      AgActor *actor = g_list_model_get_item (ag_case_get_actors (kase), i);

      if (ag_graph_filter_match_actor (filter, actor) &&
          (reached == NULL || g_hash_table_contains (reached, &(gint64) { ag_actor_get_id (actor) })))
        g_ptr_array_add (actors, actor);
      else
        g_object_unref (actor);
    }
  g_ptr_array_sort (actors, compare_actors_by_id);

  touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < drafts->len; i++)
    {
      EdgeDraft *draft = g_ptr_array_index (drafts, i);

      if (reached != NULL &&
          (!g_hash_table_contains (reached, &draft->subject) ||
           !g_hash_table_contains (reached, &draft->object)))
        continue;
      g_hash_table_add (touched, g_memdup2 (&draft->subject, sizeof (gint64)));
      g_hash_table_add (touched, g_memdup2 (&draft->object, sizeof (gint64)));
    }

  self = ag_graph_new_empty ();
  for (guint i = 0; i < actors->len; i++)
    {
      AgActor *actor = g_ptr_array_index (actors, i);
      gint64 id = ag_actor_get_id (actor);

      if (ag_graph_filter_get_hide_isolated (filter) && id != around &&
          !g_hash_table_contains (touched, &id))
        continue;
      ag_graph_add_node (self, id, ag_actor_get_kind (actor), ag_actor_get_name (actor));
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
                           g_hash_table_size (draft->documents), disputed);
    }

  g_clear_object (&self->scratch);

  return g_steal_pointer (&self);
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

/* A one-line description of an edge, for tooltips and SVG titles. */
char *
ag_graph_dup_edge_title (AgGraph *self,
                         guint    index)
{
  const AgGraphEdge *edge = ag_graph_get_edge (self, index);
  const AgGraphNode *source, *target;
  g_autofree char *claims = NULL;
  g_autofree char *documents = NULL;

  g_return_val_if_fail (edge != NULL, NULL);

  source = ag_graph_get_node (self, edge->source);
  target = ag_graph_get_node (self, edge->target);
  claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", edge->claims->len),
                            edge->claims->len);
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            edge->n_documents),
                               edge->n_documents);
  /* Translators: "SUBJECT accuses OBJECT (3 claims, 2 documents, disputed)" */
  return g_strdup_printf (edge->disputed ? _("%s %s %s (%s, %s, disputed)") : _("%s %s %s (%s, %s)"),
                          source->name, ag_claim_kind_to_string (edge->kind), target->name,
                          claims, documents);
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
