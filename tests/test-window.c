/* test-window.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real window on a real case, under Xvfb: the graph is laid out off
 * the main thread and drawn, its nodes are where the view says, and the
 * zoom actions work. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ag-graph.h"
#include "ag-window.h"

#include "ag-test-util.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static AgCase *
open_sample (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  const char *sample = g_getenv ("AG_SAMPLE_CASE");
  gsize length;

  g_assert_nonnull (sample);
  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  *dir = g_dir_make_tmp ("ag-test-window-XXXXXX", NULL);
  copy = g_build_filename (*dir, "sample.actorgraph", NULL);
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  file = g_file_new_for_path (copy);

  {
    AgCase *kase = ag_case_open (file, AG_CASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    return kase;
  }
}

static void
test_window_graph (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(AgCase) kase = open_sample (&dir);
  AgWindow *window = ag_window_new (NULL);
  AgGraphView *view = ag_window_get_graph_view (window);
  gboolean timed_out = FALSE;
  guint timeout;
  AgGraph *graph;
  AgActor *china;
  double x, y;
  double fitted;
  gint node;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  ag_window_set_case (window, kase);
  gtk_window_present (GTK_WINDOW (window));

  /* The layout runs in a thread; the window stays responsive meanwhile. */
  timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  while (ag_graph_view_get_geometry (view) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  /* Let it be drawn at its size. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  while (gtk_widget_get_width (GTK_WIDGET (view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  ag_graph_view_zoom_to_fit (view);

  graph = ag_geometry_get_graph (ag_graph_view_get_geometry (view));
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, g_list_model_get_n_items (ag_case_get_actors (kase)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Hit-testing at the drawn position of an actor finds that actor. */
  china = ag_case_find_actor (kase, "China");
  g_assert_nonnull (china);
  g_assert_true (ag_graph_view_get_node_position (view, ag_actor_get_id (china), &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (view)));
  node = ag_graph_view_node_at (view, x, y);
  g_assert_cmpint (node, >=, 0);
  g_assert_cmpint (ag_graph_get_node (graph, node)->actor_id, ==, ag_actor_get_id (china));
  /* Far outside any node: nothing. */
  g_assert_cmpint (ag_graph_view_node_at (view, -500, -500), ==, -1);

  /* Zoom keys and fit. */
  fitted = ag_graph_view_get_zoom (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom-in", NULL));
  g_assert_cmpfloat (ag_graph_view_get_zoom (view), >, fitted);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "graph.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (ag_graph_view_get_zoom (view), fitted, 1e-9);

  /* The actor list finds an actor by an alias; choosing it selects it in
   * the graph, and the details panel shows its claims with their quotes. */
  {
    GListModel *rows = ag_window_get_actor_list_model (window);
    g_autoptr(AgActor) first = NULL;
    g_autofree char *details = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (ag_case_get_actors (kase)));
    ag_window_search_actors (window, "beijing");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    first = g_list_model_get_item (rows, 0);
    g_assert_true (first == china);

    ag_window_activate_actor_row (window, 0);
    g_assert_cmpint (ag_graph_view_get_selected_actor (view), ==, ag_actor_get_id (china));

    details = ag_details_panel_dup_text (ag_window_get_details (window));
    g_test_message ("details: %s", details);
    g_assert_nonnull (strstr (details, "China\nCountry\n"));
    g_assert_nonnull (strstr (details, "Accusations"));
    g_assert_nonnull (strstr (details, "Denials"));
    /* A quote from the sample, with the speaker of the denial. */
    g_assert_nonnull (strstr (details, "“China rejected the accusations as groundless”"));
    g_assert_nonnull (strstr (details, "Said by Chinese embassy in London"));

    ag_window_search_actors (window, "");
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (ag_case_get_actors (kase)));

    /* Activating one of the claims shown opens its document in the
     * reader, in place of the graph, with the evidence highlighted. */
    {
      g_autoptr(GPtrArray) claims = ag_case_list_claims_for_actor (kase, china);
      AgClaim *claim = NULL;
      AgDocumentReader *reader = ag_window_get_reader (window);
      GtkWidget *row;
      GtkWidget *stack;
      int start, end;

      for (guint i = 0; i < claims->len && claim == NULL; i++)
        if (ag_claim_get_evidence_end (g_ptr_array_index (claims, i)) > ag_claim_get_evidence_start (g_ptr_array_index (claims, i)))
          claim = g_ptr_array_index (claims, i);
      g_assert_nonnull (claim);
      row = ag_details_panel_get_claim_row (ag_window_get_details (window), claim);
      g_assert_nonnull (row);
      stack = gtk_widget_get_parent (GTK_WIDGET (reader));
      while (!GTK_IS_STACK (stack))
        stack = gtk_widget_get_parent (stack);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "graph");

      g_signal_emit_by_name (row, "activate");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "document");
      g_assert_true (ag_document_reader_get_document (reader) == ag_claim_get_document (claim));
      g_assert_true (ag_document_reader_get_highlight (reader, &start, &end));
      g_assert_cmpint (start, ==, ag_claim_get_evidence_start (claim));
      g_assert_cmpint (end, ==, ag_claim_get_evidence_end (claim));

      /* Back to the graph. */
      g_signal_emit_by_name (reader, "close");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "graph");
    }

    /* Clearing the selection in the graph clears the panel. */
    ag_graph_view_select_actor (view, 0);
    g_clear_pointer (&details, g_free);
    details = ag_details_panel_dup_text (ag_window_get_details (window));
    g_assert_null (strstr (details, "Accusations"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ag_case_close (kase);
  ag_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display (run the ui suite under xvfb-run)");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/window/graph", test_window_graph);

  return g_test_run ();
}
