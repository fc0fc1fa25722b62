/* test-graph.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ag-case.h"
#include "ag-test-util.h"
#include "ag-graph.h"
#include "ag-layout.h"

/* A small case: two documents, a disputed accusation, an attribution, a
 * chain for the neighbourhood, an unlinked actor and a rejected claim. */
static AgCase *
make_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_new_temporary (&error);
  g_autoptr(AgExtraction) first = ag_extraction_new ("first.txt");
  g_autoptr(AgExtraction) second = ag_extraction_new ("second.txt");
  g_autoptr(AgDocument) doc1 = ag_document_new ("first", NULL, "first text");
  g_autoptr(AgDocument) doc2 = ag_document_new ("second", NULL, "second text");
  g_autoptr(GDateTime) date1 = g_date_time_new_utc (2021, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) date2 = g_date_time_new_utc (2022, 6, 1, 0, 0, 0);
  AgExtractedClaim *claim;

  g_assert_no_error (error);

  ag_extraction_add_actor (first, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extraction_add_actor (first, AG_ACTOR_COUNTRY, "China");
  ag_extraction_add_actor (first, AG_ACTOR_THREAT_GROUP, "APT31");
  ag_extraction_add_actor (first, AG_ACTOR_ORGANIZATION, "Electoral Commission");
  ag_extraction_add_actor (first, AG_ACTOR_PERSON, "Jane Doe");
  ag_extraction_add_actor (first, AG_ACTOR_ALLIANCE, "NATO");
  ag_extraction_add_claim (first, AG_CLAIM_ACCUSES, NULL, "United Kingdom", "China");
  ag_extraction_add_claim (first, AG_CLAIM_ATTRIBUTES, "United Kingdom", "APT31", "China");
  ag_extraction_add_claim (first, AG_CLAIM_TARGETS, NULL, "APT31", "Electoral Commission");
  ag_extraction_add_claim (first, AG_CLAIM_MEMBER_OF, NULL, "United Kingdom", "NATO");
  claim = ag_extraction_add_claim (first, AG_CLAIM_SANCTIONS, NULL, "United Kingdom", "Jane Doe");
  claim->status = AG_REVIEW_REJECTED;
  ag_document_set_published (doc1, date1);
  g_assert_true (ag_case_add_document (kase, doc1, first, NULL, &error));
  g_assert_no_error (error);

  ag_extraction_add_actor (second, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extraction_add_actor (second, AG_ACTOR_COUNTRY, "China");
  ag_extraction_add_claim (second, AG_CLAIM_ACCUSES, NULL, "United Kingdom", "China");
  claim = ag_extraction_add_claim (second, AG_CLAIM_DENIES, NULL, "China", "United Kingdom");
  claim->confidence = 0.4;
  ag_document_set_published (doc2, date2);
  g_assert_true (ag_case_add_document (kase, doc2, second, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&kase);
}

static const AgGraphEdge *
find_edge (AgGraph     *graph,
           const char  *subject,
           const char  *object,
           AgClaimKind  kind)
{
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);

      if (edge->kind == kind &&
          g_str_equal (ag_graph_get_node (graph, edge->source)->name, subject) &&
          g_str_equal (ag_graph_get_node (graph, edge->target)->name, object))
        return edge;
    }
  return NULL;
}

static gboolean
has_node (AgGraph    *graph,
          const char *name)
{
  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    if (g_str_equal (ag_graph_get_node (graph, i)->name, name))
      return TRUE;
  return FALSE;
}

static void
test_graph_build (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGraph) graph = ag_graph_new (kase, NULL, &error);
  const AgGraphEdge *edge;

  g_assert_no_error (error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 6);

  /* One edge per (subject, object, kind), carrying all its claims. */
  edge = find_edge (graph, "United Kingdom", "China", AG_CLAIM_ACCUSES);
  g_assert_nonnull (edge);
  g_assert_cmpuint (edge->claims->len, ==, 2);
  g_assert_cmpuint (edge->n_documents, ==, 2);
  g_assert_true (edge->disputed);

  /* China denies the UK, not APT31's attribution's speaker… which is the UK. */
  edge = find_edge (graph, "APT31", "China", AG_CLAIM_ATTRIBUTES);
  g_assert_nonnull (edge);
  g_assert_true (edge->disputed);

  edge = find_edge (graph, "APT31", "Electoral Commission", AG_CLAIM_TARGETS);
  g_assert_nonnull (edge);
  g_assert_false (edge->disputed);
  g_assert_cmpuint (edge->n_documents, ==, 1);

  /* The rejected sanction is left out; the denial is an edge too. */
  g_assert_null (find_edge (graph, "United Kingdom", "Jane Doe", AG_CLAIM_SANCTIONS));
  g_assert_nonnull (find_edge (graph, "China", "United Kingdom", AG_CLAIM_DENIES));
}

static void
test_graph_filters (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGraphFilter) filter = NULL;
  g_autoptr(AgGraph) graph = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_utc (2022, 1, 1, 0, 0, 0);
  const AgGraphEdge *edge;

  /* Actor kinds. */
  filter = ag_graph_filter_new ();
  ag_graph_filter_set_actor_kinds (filter, 1u << AG_ACTOR_COUNTRY);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 2);
  g_clear_object (&graph);
  g_clear_pointer (&filter, ag_graph_filter_free);

  /* Claim kinds; the denial still disputes the accusation. */
  filter = ag_graph_filter_new ();
  ag_graph_filter_set_claim_kinds (filter, 1u << AG_CLAIM_ACCUSES);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_cmpuint (ag_graph_get_n_edges (graph), ==, 1);
  g_assert_true (ag_graph_get_edge (graph, 0)->disputed);
  g_clear_object (&graph);

  /* …unless the denial's confidence is filtered out. */
  ag_graph_filter_set_min_confidence (filter, 0.5);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_cmpuint (ag_graph_get_n_edges (graph), ==, 1);
  g_assert_false (ag_graph_get_edge (graph, 0)->disputed);
  g_clear_object (&graph);
  g_clear_pointer (&filter, ag_graph_filter_free);

  /* Date range: only the second document's claims. */
  filter = ag_graph_filter_new ();
  ag_graph_filter_set_date_range (filter, since, NULL);
  ag_graph_filter_set_hide_isolated (filter, TRUE);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 2);
  edge = find_edge (graph, "United Kingdom", "China", AG_CLAIM_ACCUSES);
  g_assert_nonnull (edge);
  g_assert_cmpuint (edge->claims->len, ==, 1);
  g_clear_object (&graph);
  g_clear_pointer (&filter, ag_graph_filter_free);

  /* Review status: the rejected claim comes back on request. */
  filter = ag_graph_filter_new ();
  ag_graph_filter_set_statuses (filter, AG_GRAPH_FILTER_ALL_STATUSES);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_nonnull (find_edge (graph, "United Kingdom", "Jane Doe", AG_CLAIM_SANCTIONS));
  g_clear_object (&graph);
  g_clear_pointer (&filter, ag_graph_filter_free);

  /* Documents. */
  filter = ag_graph_filter_new ();
  {
    g_autoptr(AgDocument) doc = g_list_model_get_item (ag_case_get_documents (kase), 0);

    ag_graph_filter_add_document (filter, ag_document_get_id (doc));
  }
  ag_graph_filter_set_hide_isolated (filter, TRUE);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_cmpuint (ag_graph_get_n_edges (graph), >, 0);
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    g_assert_cmpuint (ag_graph_get_edge (graph, i)->n_documents, ==, 1);
}

static void
test_graph_neighbourhood (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGraphFilter) filter = ag_graph_filter_new ();
  g_autoptr(AgGraph) graph = NULL;
  AgActor *start = ag_case_find_actor (kase, "Electoral Commission");

  ag_graph_filter_set_around (filter, ag_actor_get_id (start), 1);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 2);
  g_assert_true (has_node (graph, "APT31"));
  g_clear_object (&graph);

  ag_graph_filter_set_around (filter, ag_actor_get_id (start), 2);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 3);
  g_assert_true (has_node (graph, "China"));
  g_assert_false (has_node (graph, "NATO"));
  g_clear_object (&graph);

  ag_graph_filter_set_around (filter, 999999, 1);
  graph = ag_graph_new (kase, filter, &error);
  g_assert_null (graph);
  g_assert_error (error, AG_GRAPH_ERROR, AG_GRAPH_ERROR_NOT_FOUND);
}

/* A generated graph: @n actors, about three claims each. */
static AgGraph *
make_big_graph (guint n)
{
  AgGraph *graph = ag_graph_new_empty ();
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);

      ag_graph_add_node (graph, i + 1, i % 10 == 0 ? AG_ACTOR_COUNTRY : AG_ACTOR_THREAT_GROUP, name);
    }
  for (guint i = 1; i < n; i++)
    for (guint k = 0; k < 3; k++)
      {
        guint target = k == 0 ? (i / 10) * 10 : (guint) g_rand_int_range (rand, 0, n);

        if (target != i)
          ag_graph_add_edge (graph, i, target, k, i * 3 + k, 1, FALSE);
      }
  g_rand_free (rand);
  return graph;
}

static void
check_geometry (AgGraph    *graph,
                AgGeometry *geometry)
{
  double w = ag_geometry_get_width (geometry);
  double h = ag_geometry_get_height (geometry);

  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      const AgGeometryNode *node = ag_geometry_get_node (geometry, i);

      g_assert_true (isfinite (node->x) && isfinite (node->y));
      g_assert_cmpfloat (node->x, >=, -1);
      g_assert_cmpfloat (node->x, <=, w + 1);
      g_assert_cmpfloat (node->y, >=, -1);
      g_assert_cmpfloat (node->y, <=, h + 1);
      g_assert_cmpfloat (fabs (node->width - ag_graph_get_node (graph, i)->width), <, 1.0);
    }
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGeometryEdge *edge = ag_geometry_get_edge (geometry, i);

      g_assert_cmpuint (edge->n_points, >=, 4);
      g_assert_cmpuint ((edge->n_points - 1) % 3, ==, 0);
      g_assert_true (edge->has_head);
    }
}

static void
test_layout_engines (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(AgGraph) graph = ag_graph_new (kase, NULL, NULL);

  for (AgLayoutEngine engine = AG_LAYOUT_ENGINE_DOT; engine < AG_LAYOUT_N_ENGINES; engine++)
    {
      g_autoptr(AgLayout) layout = ag_layout_new (engine);
      g_autoptr(GError) error = NULL;
      g_autoptr(AgGeometry) geometry = ag_layout_compute (layout, graph, NULL, &error);

      g_test_message ("engine %s", ag_layout_engine_to_string (engine));
      g_assert_no_error (error);
      g_assert_cmpstr (ag_geometry_get_engine (geometry), ==, ag_layout_engine_to_string (engine));
      check_geometry (graph, geometry);
    }
}

static void
test_layout_auto (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(AgGraph) small = ag_graph_new (kase, NULL, NULL);
  g_autoptr(AgGraph) large = make_big_graph (AG_LAYOUT_DOT_MAX_NODES + 1);
  g_autoptr(AgLayout) layout = ag_layout_new (AG_LAYOUT_ENGINE_AUTO);
  g_autoptr(AgGeometry) geometry = NULL;
  g_autoptr(AgGraph) empty = ag_graph_new_empty ();
  AgLayoutEngine engine;

  g_assert_cmpint (ag_layout_choose_engine (layout, small), ==, AG_LAYOUT_ENGINE_DOT);
  g_assert_cmpint (ag_layout_choose_engine (layout, large), ==, AG_LAYOUT_ENGINE_SFDP);

  g_assert_true (ag_layout_engine_from_string ("SFDP", &engine));
  g_assert_cmpint (engine, ==, AG_LAYOUT_ENGINE_SFDP);
  g_assert_false (ag_layout_engine_from_string ("osage", &engine));

  /* Edge labels only where Graphviz places them (small graphs). */
  geometry = ag_layout_compute (layout, small, NULL, NULL);
  g_assert_true (ag_geometry_get_edge (geometry, 0)->has_label);
  g_clear_object (&geometry);
  geometry = ag_layout_compute (layout, large, NULL, NULL);
  g_assert_false (ag_geometry_get_edge (geometry, 0)->has_label);
  check_geometry (large, geometry);
  g_clear_object (&geometry);

  /* An empty graph lays out to nothing, without Graphviz. */
  geometry = ag_layout_compute (layout, empty, NULL, NULL);
  g_assert_cmpfloat (ag_geometry_get_width (geometry), ==, 0);
}

static void
test_layout_deterministic (void)
{
  g_autoptr(AgGraph) graph = make_big_graph (150);

  for (AgLayoutEngine engine = AG_LAYOUT_ENGINE_NEATO; engine <= AG_LAYOUT_ENGINE_SFDP; engine++)
    {
      g_autoptr(AgLayout) layout = ag_layout_new (engine);
      g_autoptr(AgGeometry) one = NULL;
      g_autoptr(AgGeometry) two = NULL;

      if (engine == AG_LAYOUT_ENGINE_FDP && !g_test_slow ())
        continue;
      one = ag_layout_compute (layout, graph, NULL, NULL);
      two = ag_layout_compute (layout, graph, NULL, NULL);
      g_assert_nonnull (one);
      g_assert_nonnull (two);
      /* The same to a hundredth of a point, as every export writes it. */
      g_test_message ("engine %s", ag_layout_engine_to_string (engine));
      for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
        {
          g_assert_cmpfloat_with_epsilon (ag_geometry_get_node (one, i)->x, ag_geometry_get_node (two, i)->x, 0.005);
          g_assert_cmpfloat_with_epsilon (ag_geometry_get_node (one, i)->y, ag_geometry_get_node (two, i)->y, 0.005);
        }
    }
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_layout_async (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(AgGraph) graph = ag_graph_new (kase, NULL, NULL);
  g_autoptr(AgLayout) layout = ag_layout_new (AG_LAYOUT_ENGINE_AUTO);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AgGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;

  ag_layout_compute_async (layout, graph, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  geometry = ag_layout_compute_finish (layout, result, &error);
  g_assert_no_error (error);
  check_geometry (graph, geometry);
}

static void
test_layout_cancel (void)
{
  g_autoptr(AgGraph) graph = make_big_graph (1500);
  g_autoptr(AgGraph) small = make_big_graph (50);
  g_autoptr(AgLayout) layout = ag_layout_new (AG_LAYOUT_ENGINE_SFDP);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(AgGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;

  /* Two jobs: the second waits for the first; cancelling it returns at
   * once, and the first still completes. */
  ag_layout_compute_async (layout, graph, NULL, store_result_cb, &first);
  ag_layout_compute_async (layout, small, cancellable, store_result_cb, &second);
  g_cancellable_cancel (cancellable);
  while (second == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The cancelled job came back while the first was still laying out: it
   * did not wait its turn. (Order, not time, so that load cannot flake it.) */
  g_assert_null (first);
  geometry = ag_layout_compute_finish (layout, second, &error);
  g_assert_null (geometry);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  while (first == NULL)
    g_main_context_iteration (NULL, TRUE);
  geometry = ag_layout_compute_finish (layout, first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (geometry);

  /* Cancelled before it starts: no layout at all. */
  g_clear_object (&geometry);
  geometry = ag_layout_compute (layout, small, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
graph_built_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static AgGraph *
build_async (AgCaseSnapshot      *snapshot,
             const AgGraphFilter *filter,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ag_graph_new_async (snapshot, filter, cancellable, graph_built_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ag_graph_new_finish (result, error);
}

/* A snapshot keeps the case as it was: the window builds graphs from one in
 * a thread while the analyst goes on editing the case. */
static void
test_graph_snapshot (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCaseSnapshot) before = ag_case_snapshot_new (kase);
  g_autoptr(AgCaseSnapshot) after = NULL;
  g_autoptr(AgGraph) old_graph = NULL;
  g_autoptr(AgGraph) new_graph = NULL;
  AgClaim *denial = ag_test_find_claim (kase, AG_CLAIM_DENIES, "China");

  g_assert_nonnull (denial);
  g_assert_true (ag_case_rename_actor (kase, ag_case_find_actor (kase, "China"), "PRC", &error));
  g_assert_no_error (error);
  g_assert_true (ag_case_set_claim_status (kase, denial, AG_REVIEW_REJECTED, &error));
  g_assert_no_error (error);
  after = ag_case_snapshot_new (kase);

  old_graph = ag_graph_new_from_snapshot (before, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_node (old_graph, "China"));
  g_assert_false (has_node (old_graph, "PRC"));
  g_assert_true (find_edge (old_graph, "United Kingdom", "China", AG_CLAIM_ACCUSES)->disputed);

  new_graph = ag_graph_new_from_snapshot (after, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_node (new_graph, "PRC"));
  g_assert_false (has_node (new_graph, "China"));
  /* The rejected denial neither draws an edge nor disputes the accusation. */
  g_assert_null (find_edge (new_graph, "PRC", "United Kingdom", AG_CLAIM_DENIES));
  g_assert_false (find_edge (new_graph, "United Kingdom", "PRC", AG_CLAIM_ACCUSES)->disputed);
}

/* Built in a thread, the graph is the one built on the spot. */
static void
test_graph_async (void)
{
  g_autoptr(AgCase) kase = make_case ();
  g_autoptr(AgCaseSnapshot) snapshot = ag_case_snapshot_new (kase);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGraphFilter) filter = ag_graph_filter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AgGraph) expected = NULL;
  g_autoptr(AgGraph) graph = NULL;
  gint64 apt31 = ag_actor_get_id (ag_case_find_actor (kase, "APT31"));

  ag_graph_filter_set_around (filter, apt31, 1);
  expected = ag_graph_new (kase, filter, &error);
  g_assert_no_error (error);
  graph = build_async (snapshot, filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, ag_graph_get_n_nodes (expected));
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 3);
  g_assert_cmpuint (ag_graph_get_n_edges (graph), ==, ag_graph_get_n_edges (expected));
  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    g_assert_cmpstr (ag_graph_get_node (graph, i)->name, ==, ag_graph_get_node (expected, i)->name);
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *a = ag_graph_get_edge (graph, i), *b = ag_graph_get_edge (expected, i);

      g_assert_cmpuint (a->source, ==, b->source);
      g_assert_cmpuint (a->target, ==, b->target);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->claims->len, ==, b->claims->len);
    }
  g_clear_object (&graph);

  ag_graph_filter_set_around (filter, 424242, 1);
  graph = build_async (snapshot, filter, NULL, &error);
  g_assert_error (error, AG_GRAPH_ERROR, AG_GRAPH_ERROR_NOT_FOUND);
  g_assert_null (graph);
  g_clear_error (&error);

  /* The filter is copied: changing it while the thread runs changes nothing. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    ag_graph_filter_set_around (filter, apt31, 1);
    ag_graph_new_async (snapshot, filter, NULL, graph_built_cb, &result);
    ag_graph_filter_set_around (filter, 424242, 1);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    graph = ag_graph_new_finish (result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, 3);
    g_clear_object (&graph);
  }

  g_cancellable_cancel (cancellable);
  graph = build_async (snapshot, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (graph);
}

static void
test_graph_labels (void)
{
  g_autoptr(AgGraph) graph = ag_graph_new_empty ();
  g_autoptr(GString) long_name = g_string_new (NULL);
  const AgGraphNode *node;
  guint long_index, breaks, wide, narrow;

  for (guint i = 0; i < 200; i++)
    g_string_append (long_name, "word ");
  long_index = ag_graph_add_node (graph, 1, AG_ACTOR_PERSON, long_name->str);
  breaks = ag_graph_add_node (graph, 2, AG_ACTOR_COUNTRY, "Line\nbreak\ttab");
  wide = ag_graph_add_node (graph, 3, AG_ACTOR_COUNTRY, "中华人民共和国");
  narrow = ag_graph_add_node (graph, 4, AG_ACTOR_COUNTRY, "llllll");

  /* Labels are measured on demand (the layout's thread does it), once. */
  node = ag_graph_get_node (graph, long_index);
  g_assert_null (node->label);
  ag_graph_measure (graph);
  ag_graph_measure (graph);

  g_assert_cmpstr (node->name, ==, long_name->str);
  g_assert_true (g_str_has_suffix (node->label, "\xe2\x80\xa6"));
  g_assert_nonnull (strchr (node->label, '\n'));
  g_assert_cmpfloat (node->label_width, <=, 141);
  g_assert_cmpfloat (node->width, >, node->label_width);
  g_assert_cmpfloat (node->height, >, node->label_height);

  g_assert_cmpstr (ag_graph_get_node (graph, breaks)->label, ==, "Line break tab");

  /* Wide scripts get more room than narrow ones of as many characters. */
  node = ag_graph_get_node (graph, wide);
  g_assert_cmpfloat (node->label_width, >, 7 * 6);
  g_assert_cmpfloat (ag_graph_get_node (graph, narrow)->label_width, <, node->label_width);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph/build", test_graph_build);
  g_test_add_func ("/graph/filters", test_graph_filters);
  g_test_add_func ("/graph/neighbourhood", test_graph_neighbourhood);
  g_test_add_func ("/graph/labels", test_graph_labels);
  g_test_add_func ("/graph/snapshot", test_graph_snapshot);
  g_test_add_func ("/graph/async", test_graph_async);
  g_test_add_func ("/layout/engines", test_layout_engines);
  g_test_add_func ("/layout/auto", test_layout_auto);
  g_test_add_func ("/layout/deterministic", test_layout_deterministic);
  g_test_add_func ("/layout/async", test_layout_async);
  g_test_add_func ("/layout/cancel", test_layout_cancel);

  return g_test_run ();
}
