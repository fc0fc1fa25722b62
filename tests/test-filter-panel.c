/* test-filter-panel.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The filter panel in a real window: each thing the user ticks emits
 * "changed" once, and the filter it gives narrows the graph built from a
 * case as the tick says. The case, its documents and its actors have
 * names that break markup and file names. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ag-filter-panel.h"
#include "ag-graph.h"

#include "ag-test-util.h"
#include "ag-test-widgets.h"

#define CASE_NAME   "Case \"Q\" <x> & y\nz"
#define DOC1_TITLE  "Report <one> & \"quoted\"\nsecond line"
#define DOC2_TITLE  "Second \"report\" <b>&amp;</b>"
#define DOC3_TITLE  "Late <addition>"
#define GROUP_NAME  "APT <31> & \"Co\"\nline"
#define PERSON_NAME "Jane \"J\" <Doe> & co"

typedef struct
{
  char          *dir;
  AgCase        *kase;
  GtkWindow     *window;
  AgFilterPanel *panel;
  guint          changes;
  gint64         doc1;
  gint64         doc2;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
add_document (AgCase       *kase,
              const char   *title,
              const char   *day,
              AgExtraction *extraction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgDocument) document = ag_document_new (title, NULL, title);
  AgDocument *added;

  if (day != NULL)
    {
      g_autoptr(GDateTime) published = g_date_time_new_from_iso8601 (day, NULL);

      g_assert_nonnull (published);
      ag_document_set_published (document, published);
    }
  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  g_assert_no_error (error);

  added = ag_case_find_document (kase, ag_document_get_content_hash (document));
  g_assert_nonnull (added);
  return ag_document_get_id (added);
}

static AgCase *
make_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) one = ag_extraction_new ("one.txt");
  g_autoptr(AgExtraction) two = ag_extraction_new ("two.txt");
  g_autofree char *path = g_build_filename (fixture->dir, CASE_NAME ".actorgraph", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AgCase *kase = ag_case_open (file, AG_CASE_OPEN_CREATE, &error);

  g_assert_no_error (error);

  ag_extraction_add_actor (one, AG_ACTOR_COUNTRY, "China");
  ag_extraction_add_actor (one, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extraction_add_actor (one, AG_ACTOR_THREAT_GROUP, GROUP_NAME);
  ag_extraction_add_claim (one, AG_CLAIM_ACCUSES, NULL, "United Kingdom", "China");
  ag_extraction_add_claim (one, AG_CLAIM_ATTRIBUTES, "United Kingdom", GROUP_NAME, "China");
  fixture->doc1 = add_document (kase, DOC1_TITLE, "2024-03-01T00:00:00Z", one);

  ag_extraction_add_actor (two, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extraction_add_actor (two, AG_ACTOR_COUNTRY, "China");
  ag_extraction_add_actor (two, AG_ACTOR_ALLIANCE, "NATO");
  ag_extraction_add_actor (two, AG_ACTOR_PERSON, PERSON_NAME);
  ag_extraction_add_claim (two, AG_CLAIM_MEMBER_OF, NULL, "United Kingdom", "NATO");
  ag_extraction_add_claim (two, AG_CLAIM_ACCUSES, NULL, PERSON_NAME, "China");
  fixture->doc2 = add_document (kase, DOC2_TITLE, "2024-06-15T00:00:00Z", two);

  return kase;
}

static void
changed_cb (AgFilterPanel *panel,
            Fixture       *fixture)
{
  fixture->changes++;
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = ag_test_find_named (GTK_WIDGET (fixture->panel), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static GtkWidget *
find_document (Fixture *fixture,
               gint64   id)
{
  g_autofree char *name = g_strdup_printf ("document-%" G_GINT64_FORMAT, id);

  return ag_test_find_named (GTK_WIDGET (fixture->panel), name);
}

/* What the user does: the same path as a click or the space bar. */
static void
activate (Fixture    *fixture,
          const char *name)
{
  GtkWidget *widget = find (fixture, name);

  g_assert_true (gtk_widget_get_sensitive (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
  /* A button's keyboard activation clicks after a delay; a click is now. */
  if (GTK_IS_BUTTON (widget))
    g_signal_emit_by_name (widget, "clicked");
  else
    g_assert_true (gtk_widget_activate (widget));
}

static void
type_date (Fixture    *fixture,
           const char *name,
           const char *text)
{
  GtkWidget *entry = find (fixture, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What Enter does. */
  g_signal_emit_by_name (entry, "activate");
}

static AgGraph *
build_graph (Fixture *fixture)
{
  g_autoptr(AgGraphFilter) filter = ag_filter_panel_dup_filter (fixture->panel);
  g_autoptr(GError) error = NULL;
  AgGraph *graph;

  g_assert_nonnull (filter);
  graph = ag_graph_new (fixture->kase, filter, &error);
  g_assert_no_error (error);
  return graph;
}

static AgClaim *
lookup_claim (AgCase *kase,
              gint64  id)
{
  GListModel *claims = ag_case_get_claims (kase);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);

      if (ag_claim_get_id (claim) == id)
        return claim;
    }
  g_assert_not_reached ();
}

/* Every claim behind every edge comes from document @id. */
static void
assert_edges_from (AgCase  *kase,
                   AgGraph *graph,
                   gint64   id)
{
  g_assert_cmpuint (ag_graph_get_n_edges (graph), >, 0);
  for (guint e = 0; e < ag_graph_get_n_edges (graph); e++)
    {
      GArray *claims = ag_graph_get_edge (graph, e)->claims;

      for (guint c = 0; c < claims->len; c++)
        {
          AgClaim *claim = lookup_claim (kase, g_array_index (claims, gint64, c));

          g_assert_cmpint (ag_document_get_id (ag_claim_get_document (claim)), ==, id);
        }
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout;

  fixture->dir = g_dir_make_tmp ("ag-test-filter-XXXXXX", NULL);
  fixture->kase = make_case (fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->panel = AG_FILTER_PANEL (ag_filter_panel_new ());
  g_signal_connect (fixture->panel, "changed", G_CALLBACK (changed_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));

  /* Giving it the case is no change by the user. */
  ag_filter_panel_set_case (fixture->panel, fixture->kase);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_false (ag_filter_panel_is_active (fixture->panel));

  gtk_window_present (fixture->window);
  timeout = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->panel)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  ag_case_close (fixture->kase);
  g_clear_object (&fixture->kase);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_actor_kind (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AgGraph) before = build_graph (fixture);
  g_autoptr(AgGraph) after = NULL;
  g_autoptr(AgGraphFilter) filter = NULL;
  GListModel *actors = ag_case_get_actors (fixture->kase);
  guint n_groups = 0;
  gboolean had_group = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (actors, i);

      n_groups += ag_actor_get_kind (actor) == AG_ACTOR_THREAT_GROUP;
    }
  g_assert_cmpuint (n_groups, ==, 1);
  for (guint i = 0; i < ag_graph_get_n_nodes (before); i++)
    had_group |= ag_graph_get_node (before, i)->kind == AG_ACTOR_THREAT_GROUP;
  g_assert_true (had_group);

  activate (fixture, "actor-kind-threat-group");
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_true (ag_filter_panel_is_active (fixture->panel));
  g_assert_true (gtk_widget_get_sensitive (find (fixture, "reset")));

  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmphex (ag_graph_filter_get_actor_kinds (filter) & (1u << AG_ACTOR_THREAT_GROUP), ==, 0);
  g_assert_cmphex (ag_graph_filter_get_actor_kinds (filter) | (1u << AG_ACTOR_THREAT_GROUP),
                   ==, AG_GRAPH_FILTER_ALL_ACTOR_KINDS);

  after = build_graph (fixture);
  g_assert_cmpuint (ag_graph_get_n_nodes (after), ==, g_list_model_get_n_items (actors) - n_groups);
  for (guint i = 0; i < ag_graph_get_n_nodes (after); i++)
    g_assert_cmpint (ag_graph_get_node (after, i)->kind, !=, AG_ACTOR_THREAT_GROUP);

  /* A claim kind and a status work the same way. */
  activate (fixture, "claim-kind-accuses");
  g_assert_cmpuint (fixture->changes, ==, 2);
  activate (fixture, "status-rejected");
  g_assert_cmpuint (fixture->changes, ==, 3);
  g_clear_pointer (&filter, ag_graph_filter_free);
  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmphex (ag_graph_filter_get_claim_kinds (filter) & (1u << AG_CLAIM_ACCUSES), ==, 0);
  g_assert_cmphex (ag_graph_filter_get_statuses (filter), ==, AG_GRAPH_FILTER_ALL_STATUSES);
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AgGraph) all = build_graph (fixture);
  g_autoptr(AgGraph) narrowed = NULL;
  g_autoptr(AgGraph) again = NULL;
  g_autoptr(AgGraph) dated = NULL;
  g_autoptr(AgDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  gint64 doc3;

  /* One row per document, titled as the document, dated. */
  row = find_document (fixture, fixture->doc1);
  g_assert_nonnull (row);
  g_assert_nonnull (find_document (fixture, fixture->doc2));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "all-documents"))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Report <one> & \"quoted\" second line");

  {
    g_autofree char *name = g_strdup_printf ("document-%" G_GINT64_FORMAT, fixture->doc2);

    activate (fixture, name);
  }
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "all-documents"))));
  g_assert_true (ag_filter_panel_is_active (fixture->panel));

  narrowed = build_graph (fixture);
  assert_edges_from (fixture->kase, narrowed, fixture->doc2);
  g_assert_cmpuint (ag_graph_get_n_edges (narrowed), <, ag_graph_get_n_edges (all));

  /* "All documents" undoes it. */
  activate (fixture, "all-documents");
  g_assert_cmpuint (fixture->changes, ==, 2);
  again = build_graph (fixture);
  g_assert_cmpuint (ag_graph_get_n_edges (again), ==, ag_graph_get_n_edges (all));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_document (fixture, fixture->doc2))));
  g_assert_false (ag_filter_panel_is_active (fixture->panel));

  /* The list follows the case: a new document gets a row... */
  {
    g_autoptr(AgExtraction) three = ag_extraction_new ("three.txt");

    ag_extraction_add_actor (three, AG_ACTOR_COUNTRY, "China");
    ag_extraction_add_actor (three, AG_ACTOR_ORGANIZATION, "Smith & Jones");
    ag_extraction_add_claim (three, AG_CLAIM_TARGETS, NULL, "China", "Smith & Jones");
    doc3 = add_document (fixture->kase, DOC3_TITLE, NULL, three);
  }
  iterate ();
  g_assert_nonnull (find_document (fixture, doc3));
  g_assert_cmpuint (fixture->changes, ==, 2);

  /* ...and a document removed while ticked leaves the filter. */
  {
    g_autofree char *name = g_strdup_printf ("document-%" G_GINT64_FORMAT, fixture->doc2);
    GListModel *documents = ag_case_get_documents (fixture->kase);

    activate (fixture, name);
    g_assert_cmpuint (fixture->changes, ==, 3);
    for (guint i = 0; i < g_list_model_get_n_items (documents) && second == NULL; i++)
      {
        g_autoptr(AgDocument) item = g_list_model_get_item (documents, i);

        if (ag_document_get_id (item) == fixture->doc2)
          second = g_steal_pointer (&item);
      }
    g_assert_true (ag_case_remove_document (fixture->kase, second, &error));
    g_assert_no_error (error);
    iterate ();
    g_assert_null (find_document (fixture, fixture->doc2));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "all-documents"))));
    g_assert_false (ag_filter_panel_is_active (fixture->panel));
  }

  /* Dates: the first day keeps only the claims published since. */
  type_date (fixture, "since", "2024-03-02");
  g_assert_cmpuint (fixture->changes, ==, 4);
  dated = build_graph (fixture);
  g_assert_cmpuint (ag_graph_get_n_edges (dated), ==, 0);
  g_clear_object (&dated);
  type_date (fixture, "since", "2024-03-01");
  g_assert_cmpuint (fixture->changes, ==, 5);
  type_date (fixture, "until", "2024-03-01");
  g_assert_cmpuint (fixture->changes, ==, 6);
  dated = build_graph (fixture);
  assert_edges_from (fixture->kase, dated, fixture->doc1);

  /* A day that cannot be read changes nothing and says so. */
  g_assert_false (gtk_widget_get_visible (find (fixture, "date-error")));
  type_date (fixture, "until", "1 March");
  g_assert_cmpuint (fixture->changes, ==, 6);
  g_assert_true (gtk_widget_get_visible (find (fixture, "date-error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (fixture, "date-error"))), "1 March"));
  g_assert_true (gtk_widget_has_css_class (find (fixture, "until"), "error"));
  type_date (fixture, "until", "");
  g_assert_cmpuint (fixture->changes, ==, 7);
  g_assert_false (gtk_widget_get_visible (find (fixture, "date-error")));
}

static void
test_neighbourhood (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AgGraphFilter) filter = NULL;
  g_autoptr(AgGraph) graph = NULL;
  AgActor *china = ag_case_find_actor (fixture->kase, "China");
  AgActor *uk = ag_case_find_actor (fixture->kase, "United Kingdom");
  GtkWidget *around = find (fixture, "around");
  guint depth = 0;

  g_assert_nonnull (china);
  g_assert_nonnull (uk);

  /* Without a selected actor: not available, and the panel says why. */
  g_assert_false (gtk_widget_get_sensitive (around));
  g_assert_true (gtk_widget_get_visible (find (fixture, "around-hint")));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "depth")));

  ag_filter_panel_set_selected_actor (fixture->panel, ag_actor_get_id (china));
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_true (gtk_widget_get_sensitive (around));
  g_assert_false (gtk_widget_get_visible (find (fixture, "around-hint")));

  activate (fixture, "around");
  g_assert_cmpuint (fixture->changes, ==, 1);
  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmpint (ag_graph_filter_get_around (filter, &depth), ==, ag_actor_get_id (china));
  g_assert_cmpuint (depth, ==, 1);
  g_assert_true (gtk_widget_get_visible (find (fixture, "centre")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (fixture, "centre"))), "China"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "depth")), 2);
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_clear_pointer (&filter, ag_graph_filter_free);
  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmpint (ag_graph_filter_get_around (filter, &depth), ==, ag_actor_get_id (china));
  g_assert_cmpuint (depth, ==, 2);
  graph = build_graph (fixture);
  g_assert_true (ag_graph_find_node (graph, ag_actor_get_id (china), NULL));

  /* Selecting another actor keeps the centre until the user moves it. */
  ag_filter_panel_set_selected_actor (fixture->panel, ag_actor_get_id (uk));
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_clear_pointer (&filter, ag_graph_filter_free);
  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmpint (ag_graph_filter_get_around (filter, NULL), ==, ag_actor_get_id (china));
  activate (fixture, "recentre");
  g_assert_cmpuint (fixture->changes, ==, 3);
  g_clear_pointer (&filter, ag_graph_filter_free);
  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmpint (ag_graph_filter_get_around (filter, NULL), ==, ag_actor_get_id (uk));

  /* With nothing selected, the neighbourhood can still be turned off. */
  ag_filter_panel_set_selected_actor (fixture->panel, 0);
  g_assert_true (gtk_widget_get_sensitive (around));
  activate (fixture, "around");
  g_assert_cmpuint (fixture->changes, ==, 4);
  g_clear_pointer (&filter, ag_graph_filter_free);
  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmpint (ag_graph_filter_get_around (filter, NULL), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (around));
  g_assert_false (ag_filter_panel_is_active (fixture->panel));
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AgGraphFilter) defaults = ag_graph_filter_new ();
  g_autoptr(AgGraphFilter) filter = NULL;
  g_autoptr(AgGraph) all = build_graph (fixture);
  g_autoptr(AgGraph) graph = NULL;
  g_autofree char *document = g_strdup_printf ("document-%" G_GINT64_FORMAT, fixture->doc1);
  AgActor *china = ag_case_find_actor (fixture->kase, "China");

  g_assert_false (gtk_widget_get_sensitive (find (fixture, "reset")));

  activate (fixture, "actor-kind-country");
  activate (fixture, "claim-kind-denies");
  activate (fixture, "status-confirmed");
  activate (fixture, document);
  activate (fixture, "hide-isolated");
  type_date (fixture, "since", "2020-01-01");
  ag_filter_panel_set_selected_actor (fixture->panel, ag_actor_get_id (china));
  activate (fixture, "around");
  g_assert_cmpuint (fixture->changes, ==, 7);
  g_assert_true (ag_filter_panel_is_active (fixture->panel));

  activate (fixture, "reset");
  g_assert_cmpuint (fixture->changes, ==, 8);
  g_assert_false (ag_filter_panel_is_active (fixture->panel));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "reset")));

  filter = ag_filter_panel_dup_filter (fixture->panel);
  g_assert_cmphex (ag_graph_filter_get_actor_kinds (filter), ==, ag_graph_filter_get_actor_kinds (defaults));
  g_assert_cmphex (ag_graph_filter_get_claim_kinds (filter), ==, ag_graph_filter_get_claim_kinds (defaults));
  g_assert_cmphex (ag_graph_filter_get_statuses (filter), ==, ag_graph_filter_get_statuses (defaults));
  g_assert_cmpint (ag_graph_filter_get_around (filter, NULL), ==, 0);
  g_assert_false (ag_graph_filter_get_hide_isolated (filter));

  /* The widgets show it too, and the graph is whole again. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "actor-kind-country"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "status-rejected"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, document))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "all-documents"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "since"))), ==, "");
  graph = build_graph (fixture);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, ag_graph_get_n_nodes (all));
  g_assert_cmpuint (ag_graph_get_n_edges (graph), ==, ag_graph_get_n_edges (all));

  /* Changes made through the API are not the user's. */
  ag_filter_panel_set_selected_actor (fixture->panel, 0);
  ag_filter_panel_reset (fixture->panel);
  g_assert_cmpuint (fixture->changes, ==, 8);
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

  g_test_add ("/filter-panel/actor-kind", Fixture, NULL, fixture_setup, test_actor_kind, fixture_teardown);
  g_test_add ("/filter-panel/documents", Fixture, NULL, fixture_setup, test_documents, fixture_teardown);
  g_test_add ("/filter-panel/neighbourhood", Fixture, NULL, fixture_setup, test_neighbourhood, fixture_teardown);
  g_test_add ("/filter-panel/reset", Fixture, NULL, fixture_setup, test_reset, fixture_teardown);

  return g_test_run ();
}
