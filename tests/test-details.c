/* test-details.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The details panel and the document reader in a real window, on a case
 * built here, with names, titles and quotes that would break markup:
 * an actor's and an edge's claims, activating a claim, correcting its
 * review status, and the reader's highlight, also far down a long text. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ag-details-panel.h"
#include "ag-document-reader.h"
#include "ag-graph.h"

#include "ag-test-util.h"
#include "ag-test-widgets.h"

#define HOSTILE "Fancy <b>Bear</b> & \"Co\" \\ 'x'"
#define SECRETARY "Secretary <Smith> & Sons"

static const char hostile_text[] =
  "The Foreign Secretary <Smith> & Sons said: \"Fancy <b>Bear</b> & \"Co\" \\ 'x' hacked us\".\n"
  "It was <awful> & \\bad\\.\n"
  "Fancy <b>Bear</b> & \"Co\" \\ 'x' denied the claims as <b>lies</b> & \"slander\".\n"
  "Fancy <b>Bear</b> & \"Co\" \\ 'x' targeted the Electoral Commission.\n"
  "Ruritania runs Fancy <b>Bear</b> & \"Co\" \\ 'x', the United Kingdom said.\n";

static const char second_text[] =
  "The United Kingdom again accused the group of an attack on its networks.\n";

/* Far down the long document, inside a paragraph long enough to be broken. */
static const char long_evidence[] = "the group targeted the Electoral Commission once more";

typedef struct
{
  char         *dir;
  AgCase       *kase;
  GFile        *file;
  AgClaim      *accusation;   /* UK → HOSTILE, said by SECRETARY, first document */
  AgClaim      *denial;       /* HOSTILE denies UK */
  AgClaim      *targeting;    /* HOSTILE → Electoral Commission */
  AgClaim      *attribution;  /* HOSTILE → Ruritania, said by the UK */
  AgClaim      *accusation2;  /* UK → HOSTILE, second document */
  AgClaim      *far;          /* HOSTILE → Electoral Commission, far down the long one */
  AgDocument   *long_document;
  AgDocument   *first;
  AgActor      *hostile;
  GtkWindow    *window;
} Fixture;

/* The character span of @needle's first occurrence in @text. */
static void
span_of (const char *text,
         const char *needle,
         glong      *start,
         glong      *end)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  *start = g_utf8_pointer_to_offset (text, found);
  *end = *start + g_utf8_strlen (needle, -1);
}

static void
add_claim (AgExtraction *extraction,
           AgClaimKind   kind,
           const char   *speaker,
           const char   *subject,
           const char   *object,
           const char   *text,
           const char   *evidence)
{
  AgExtractedClaim *claim = ag_extraction_add_claim (extraction, kind, speaker, subject, object);
  glong start, end;

  span_of (text, evidence, &start, &end);
  ag_extracted_claim_set_evidence (claim, evidence, start, end);
}

static AgClaim *
find_claim (AgCase      *kase,
            AgClaimKind  kind,
            AgDocument  *document)
{
  GListModel *claims = ag_case_get_claims (kase);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);

      if (ag_claim_get_kind (claim) == kind && ag_claim_get_document (claim) == document)
        return claim;
    }

  g_assert_not_reached ();
}

static AgDocument *
add_document (AgCase       *kase,
              const char   *title,
              const char   *source,
              const char   *text,
              GDateTime    *published,
              AgExtraction *extraction)
{
  g_autoptr(AgDocument) document = ag_document_new (title, source, text);
  g_autoptr(GError) error = NULL;
  GListModel *documents = ag_case_get_documents (kase);
  g_autoptr(AgDocument) stored = NULL;

  ag_document_set_published (document, published);
  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  g_assert_no_error (error);
  stored = g_list_model_get_item (documents, g_list_model_get_n_items (documents) - 1);
  g_assert_cmpstr (ag_document_get_text (stored), ==, text);
  return stored;
}

static char *
make_long_text (void)
{
  GString *text = g_string_new (NULL);

  /* About a megabyte of ordinary paragraphs… */
  for (guint i = 0; text->len < 1024 * 1024; i++)
    {
      g_string_append_printf (text, "Paragraph %u. ", i);
      for (guint j = 0; j < 6; j++)
        g_string_append (text, "Officials said the investigation into the intrusion was continuing. ");
      g_string_append (text, "\n\n");
    }
  /* …then one paragraph far longer than a layout should take at once,
   * with the evidence where it would be broken. */
  for (guint i = 0; i < 8200 / 5; i++)
    g_string_append (text, "word ");
  g_string_append (text, long_evidence);
  for (guint i = 0; i < 4000; i++)
    g_string_append (text, " more");
  g_string_append (text, ".\n\nThe end.\n");

  return g_string_free (text, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) first = ag_extraction_new ("hostile.txt");
  g_autoptr(AgExtraction) second = ag_extraction_new ("second.txt");
  g_autoptr(AgExtraction) third = ag_extraction_new ("long.txt");
  g_autoptr(GDateTime) date1 = g_date_time_new_utc (2024, 3, 25, 9, 0, 0);
  g_autoptr(GDateTime) date2 = g_date_time_new_utc (2024, 4, 2, 9, 0, 0);
  g_autofree char *long_text = make_long_text ();
  g_autofree char *path = NULL;
  AgDocument *document;

  fixture->dir = g_dir_make_tmp ("ag-test-details-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "details.actorgraph", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->kase = ag_case_new_temporary (&error);
  g_assert_no_error (error);

  ag_extraction_add_actor (first, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extraction_add_actor (first, AG_ACTOR_THREAT_GROUP, HOSTILE);
  ag_extraction_add_actor (first, AG_ACTOR_PERSON, SECRETARY);
  ag_extraction_add_actor (first, AG_ACTOR_ORGANIZATION, "Electoral Commission");
  ag_extraction_add_actor (first, AG_ACTOR_COUNTRY, "Ruritania");
  add_claim (first, AG_CLAIM_ACCUSES, SECRETARY, "United Kingdom", HOSTILE, hostile_text,
             "hacked us\".\nIt was <awful> & \\bad\\.");
  add_claim (first, AG_CLAIM_DENIES, NULL, HOSTILE, "United Kingdom", hostile_text,
             "denied the claims as <b>lies</b> & \"slander\"");
  add_claim (first, AG_CLAIM_TARGETS, NULL, HOSTILE, "Electoral Commission", hostile_text,
             "targeted the Electoral Commission");
  add_claim (first, AG_CLAIM_ATTRIBUTES, "United Kingdom", HOSTILE, "Ruritania", hostile_text,
             "Ruritania runs Fancy <b>Bear</b>");
  document = add_document (fixture->kase, "Report <i>one</i> & \"two\" \\ three",
                           "https://example.org/report?a=1&b=<2>", hostile_text, date1, first);
  fixture->first = g_object_ref (document);
  fixture->accusation = g_object_ref (find_claim (fixture->kase, AG_CLAIM_ACCUSES, document));
  fixture->denial = g_object_ref (find_claim (fixture->kase, AG_CLAIM_DENIES, document));
  fixture->targeting = g_object_ref (find_claim (fixture->kase, AG_CLAIM_TARGETS, document));
  fixture->attribution = g_object_ref (find_claim (fixture->kase, AG_CLAIM_ATTRIBUTES, document));

  ag_extraction_add_actor (second, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extraction_add_actor (second, AG_ACTOR_THREAT_GROUP, HOSTILE);
  add_claim (second, AG_CLAIM_ACCUSES, "United Kingdom", "United Kingdom", HOSTILE, second_text,
             "accused the group of an attack");
  document = add_document (fixture->kase, "Second", "https://example.org/second", second_text, date2, second);
  fixture->accusation2 = g_object_ref (find_claim (fixture->kase, AG_CLAIM_ACCUSES, document));

  ag_extraction_add_actor (third, AG_ACTOR_THREAT_GROUP, HOSTILE);
  ag_extraction_add_actor (third, AG_ACTOR_ORGANIZATION, "Electoral Commission");
  add_claim (third, AG_CLAIM_TARGETS, NULL, HOSTILE, "Electoral Commission", long_text, long_evidence);
  document = add_document (fixture->kase, "Long", "/archive/long.txt", long_text, NULL, third);
  fixture->long_document = g_object_ref (document);
  fixture->far = g_object_ref (find_claim (fixture->kase, AG_CLAIM_TARGETS, document));

  /* A real file, that other connections can open. */
  g_assert_true (ag_case_save_as (fixture->kase, fixture->file, &error));
  g_assert_no_error (error);

  fixture->hostile = ag_case_find_actor (fixture->kase, HOSTILE);
  g_assert_nonnull (fixture->hostile);
  g_assert_cmpstr (ag_actor_get_name (fixture->hostile), ==, HOSTILE);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->accusation);
  g_clear_object (&fixture->accusation2);
  g_clear_object (&fixture->denial);
  g_clear_object (&fixture->targeting);
  g_clear_object (&fixture->attribution);
  g_clear_object (&fixture->far);
  g_clear_object (&fixture->first);
  g_clear_object (&fixture->long_document);
  ag_case_close (fixture->kase);
  g_clear_object (&fixture->kase);
  g_clear_object (&fixture->file);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

static AgDetailsPanel *
present_panel (Fixture *fixture)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *panel = ag_details_panel_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), panel);
  gtk_window_set_child (fixture->window, scroller);
  gtk_window_present (fixture->window);
  ag_test_wait_allocated (panel);
  return AG_DETAILS_PANEL (panel);
}

static AgTestVisit
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) ? AG_TEST_FOUND : AG_TEST_DESCEND;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return ag_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static AgTestVisit
is_visible_with_class (GtkWidget     *widget,
                       gconstpointer  css_class)
{
  if (!gtk_widget_get_visible (widget))
    return AG_TEST_SKIP;
  return gtk_widget_has_css_class (widget, css_class) ? AG_TEST_FOUND : AG_TEST_DESCEND;
}

/* The visible widget with @css_class under @widget, if any. */
static GtkWidget *
find_visible_with_class (GtkWidget  *widget,
                         const char *css_class)
{
  return ag_test_find_widget (widget, is_visible_with_class, css_class);
}

static AgTestVisit
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
         ? AG_TEST_FOUND : AG_TEST_DESCEND;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  return (GtkLabel *) ag_test_find_widget (widget, is_label_with_text, text);
}

/* Every claim row of the panel: @claims gets those of ordinary lists,
 * @denials those of the list of denials. */
static void
collect_rows (AgDetailsPanel *panel,
              GPtrArray      *claims,
              GPtrArray      *denials)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (panel));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX (child))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (child);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          g_assert_true (GTK_IS_LIST_BOX_ROW (row));
          g_ptr_array_add (gtk_widget_has_css_class (child, "denials") ? denials : claims, row);
        }
    }
}

static gboolean
rows_hold (AgDetailsPanel *panel,
           GPtrArray      *rows,
           AgClaim        *claim)
{
  GtkWidget *row = ag_details_panel_get_claim_row (panel, claim);

  return row != NULL && g_ptr_array_find (rows, row, NULL);
}

static void
test_actor (Fixture       *fixture,
            gconstpointer  data)
{
  AgDetailsPanel *panel = present_panel (fixture);
  g_autoptr(GPtrArray) claims = ag_case_list_claims_for_actor (fixture->kase, fixture->hostile);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) denial_rows = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  ag_details_panel_show_actor (panel, fixture->kase, fixture->hostile);
  text = ag_details_panel_dup_text (panel);
  g_test_message ("%s", text);

  /* The hostile name, exactly, as the title; no markup was interpreted. */
  g_assert_nonnull (find_label (GTK_WIDGET (panel), HOSTILE));
  g_assert_true (g_str_has_prefix (text, HOSTILE "\n"));

  /* A row per claim, each with its quote, speaker and document. */
  collect_rows (panel, rows, denial_rows);
  g_assert_cmpuint (claims->len, ==, 6);
  g_assert_cmpuint (rows->len, ==, claims->len);
  g_assert_cmpuint (denial_rows->len, ==, 0);
  for (guint i = 0; i < claims->len; i++)
    {
      AgClaim *claim = g_ptr_array_index (claims, i);
      g_autofree char *quote = g_strdup_printf ("“%s”", ag_claim_get_evidence (claim));

      g_assert_true (rows_hold (panel, rows, claim));
      g_assert_nonnull (strstr (text, quote));
    }
  g_assert_nonnull (strstr (text, SECRETARY));
  g_assert_nonnull (strstr (text, "Report <i>one</i> & \"two\" \\ three"));
  date = g_date_time_format (ag_document_get_published (fixture->first), "%x");
  g_assert_nonnull (strstr (text, date));

  /* The state it is attributed to, and by whom, on one line. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    gboolean found = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      found |= strstr (lines[i], "Ruritania") != NULL && strstr (lines[i], "United Kingdom") != NULL &&
               strstr (lines[i], "→") == NULL;
    g_assert_true (found);
  }

  /* Nothing selected: no rows. */
  ag_details_panel_show_actor (panel, NULL, NULL);
  g_assert_null (ag_details_panel_get_claim_row (panel, fixture->accusation));
}

static const AgGraphEdge *
find_edge (AgGraph     *graph,
           const char  *source,
           const char  *target,
           AgClaimKind  kind,
           guint       *index)
{
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);

      if (edge->kind == kind &&
          g_str_equal (ag_graph_get_node (graph, edge->source)->name, source) &&
          g_str_equal (ag_graph_get_node (graph, edge->target)->name, target))
        {
          *index = i;
          return edge;
        }
    }
  g_assert_not_reached ();
}

/* The rows hold exactly the edge's claims. */
static void
assert_edge_rows (AgDetailsPanel    *panel,
                  AgCase            *kase,
                  const AgGraphEdge *edge,
                  GPtrArray         *rows)
{
  GListModel *claims = ag_case_get_claims (kase);
  guint held = 0;

  g_assert_cmpuint (rows->len, ==, edge->claims->len);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);
      gboolean on_edge = FALSE;

      for (guint j = 0; j < edge->claims->len; j++)
        on_edge |= g_array_index (edge->claims, gint64, j) == ag_claim_get_id (claim);
      g_assert_cmpint (rows_hold (panel, rows, claim), ==, on_edge);
      held += on_edge;
    }
  g_assert_cmpuint (held, ==, edge->claims->len);
}

static void
test_edge (Fixture       *fixture,
           gconstpointer  data)
{
  AgDetailsPanel *panel = present_panel (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGraph) graph = ag_graph_new (fixture->kase, NULL, &error);
  const AgGraphEdge *edge;
  guint index;

  g_assert_no_error (error);

  /* Accused, and the accused denies it: disputed, with the denial. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    g_autoptr(GPtrArray) denials = g_ptr_array_new ();
    g_autofree char *text = NULL;
    g_autofree char *quote = g_strdup_printf ("“%s”", ag_claim_get_evidence (fixture->denial));

    edge = find_edge (graph, "United Kingdom", HOSTILE, AG_CLAIM_ACCUSES, &index);
    g_assert_true (edge->disputed);
    g_assert_cmpuint (edge->claims->len, ==, 2);
    ag_details_panel_show_edge (panel, fixture->kase, graph, index);
    text = ag_details_panel_dup_text (panel);
    g_test_message ("%s", text);

    g_assert_true (g_str_has_prefix (text, "United Kingdom → " HOSTILE "\n"));
    g_assert_nonnull (strstr (text, "2 claims from 2 documents"));
    collect_rows (panel, rows, denials);
    assert_edge_rows (panel, fixture->kase, edge, rows);
    g_assert_nonnull (find_visible_with_class (GTK_WIDGET (panel), "disputed-edge"));
    g_assert_cmpuint (denials->len, ==, 1);
    g_assert_true (rows_hold (panel, denials, fixture->denial));
    g_assert_nonnull (strstr (text, quote));
  }

  /* Targeting, which no one denies: not disputed. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    g_autoptr(GPtrArray) denials = g_ptr_array_new ();
    g_autofree char *text = NULL;

    edge = find_edge (graph, HOSTILE, "Electoral Commission", AG_CLAIM_TARGETS, &index);
    g_assert_false (edge->disputed);
    ag_details_panel_show_edge (panel, fixture->kase, graph, index);
    text = ag_details_panel_dup_text (panel);
    g_test_message ("%s", text);

    collect_rows (panel, rows, denials);
    assert_edge_rows (panel, fixture->kase, edge, rows);
    g_assert_null (find_visible_with_class (GTK_WIDGET (panel), "disputed-edge"));
    g_assert_cmpuint (denials->len, ==, 0);
    g_assert_nonnull (strstr (text, "2 claims from 2 documents"));
  }

  /* A claim whose review says "disputed" is marked so. */
  g_assert_true (ag_case_set_claim_status (fixture->kase, fixture->targeting, AG_REVIEW_DISPUTED, &error));
  g_assert_no_error (error);
  {
    GtkWidget *row = ag_details_panel_get_claim_row (panel, fixture->targeting);

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_has_css_class (row, "disputed"));
    g_assert_nonnull (find_visible_with_class (row, "warning"));
    g_assert_null (find_visible_with_class (ag_details_panel_get_claim_row (panel, fixture->far), "warning"));
  }
}

static void
claim_activated_cb (AgDetailsPanel *panel,
                    AgClaim        *claim,
                    AgClaim       **out)
{
  g_set_object (out, claim);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  AgDetailsPanel *panel = present_panel (fixture);
  g_autoptr(AgClaim) activated = NULL;
  GtkWidget *row;

  g_signal_connect (panel, "claim-activated", G_CALLBACK (claim_activated_cb), &activated);
  ag_details_panel_show_actor (panel, fixture->kase, fixture->hostile);

  /* As a click or Enter on the row does. */
  row = ag_details_panel_get_claim_row (panel, fixture->accusation);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_get_focusable (row));
  gtk_widget_activate (row);
  g_assert_true (activated == fixture->accusation);

  /* The keyboard: focus the row, then the list's Enter binding. */
  g_clear_object (&activated);
  row = ag_details_panel_get_claim_row (panel, fixture->targeting);
  g_assert_true (gtk_widget_grab_focus (row));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "activate-cursor-row");
  g_assert_true (activated == fixture->targeting);

  /* Tab goes from the row to its review status. */
  {
    GtkWidget *status = find_descendant (row, GTK_TYPE_DROP_DOWN);
    GtkWidget *focus;

    g_assert_true (gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD));
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_nonnull (focus);
    g_assert_true (focus == status || gtk_widget_is_ancestor (focus, status));
  }
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
  return NULL;
}

static AgReviewStatus
status_in_file (GFile   *file,
                AgClaim *claim)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) other = ag_case_open (file, AG_CASE_OPEN_READ_ONLY, &error);
  AgReviewStatus status;

  g_assert_no_error (error);
  status = ag_claim_get_status (lookup_claim (other, ag_claim_get_id (claim)));
  ag_case_close (other);
  return status;
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  AgDetailsPanel *panel = present_panel (fixture);
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkDropDown *status;

  ag_details_panel_show_actor (panel, fixture->kase, fixture->hostile);
  row = ag_details_panel_get_claim_row (panel, fixture->accusation);
  status = GTK_DROP_DOWN (find_descendant (row, GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (status)));
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, AG_REVIEW_UNREVIEWED);
  g_assert_false (gtk_widget_has_css_class (row, "disputed"));

  /* The analyst disputes the claim: the case and its file follow. */
  gtk_drop_down_set_selected (status, AG_REVIEW_DISPUTED);
  g_assert_cmpint (ag_claim_get_status (fixture->accusation), ==, AG_REVIEW_DISPUTED);
  g_assert_cmpint (status_in_file (fixture->file, fixture->accusation), ==, AG_REVIEW_DISPUTED);
  g_assert_true (gtk_widget_has_css_class (row, "disputed"));
  g_assert_nonnull (find_visible_with_class (row, "warning"));

  gtk_drop_down_set_selected (status, AG_REVIEW_REJECTED);
  g_assert_cmpint (status_in_file (fixture->file, fixture->accusation), ==, AG_REVIEW_REJECTED);
  g_assert_true (gtk_widget_has_css_class (row, "rejected"));
  g_assert_false (gtk_widget_has_css_class (row, "disputed"));
  g_assert_nonnull (find_visible_with_class (row, "error"));

  /* A change made elsewhere shows in the panel. */
  g_assert_true (ag_case_set_claim_status (fixture->kase, fixture->accusation, AG_REVIEW_CONFIRMED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, AG_REVIEW_CONFIRMED);
  g_assert_false (gtk_widget_has_css_class (row, "rejected"));
  g_assert_null (find_visible_with_class (row, "error"));

  /* A case open read-only offers no correction. */
  {
    g_autoptr(AgCase) reader = ag_case_open (fixture->file, AG_CASE_OPEN_READ_ONLY, &error);
    AgActor *hostile;

    g_assert_no_error (error);
    hostile = ag_case_find_actor (reader, HOSTILE);
    ag_details_panel_show_actor (panel, reader, hostile);
    row = ag_details_panel_get_claim_row (panel, lookup_claim (reader, ag_claim_get_id (fixture->accusation)));
    status = GTK_DROP_DOWN (find_descendant (row, GTK_TYPE_DROP_DOWN));
    g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (status)));
    g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, AG_REVIEW_CONFIRMED);
    ag_details_panel_show_actor (panel, NULL, NULL);
    ag_case_close (reader);
  }

  /* A change that fails says so, and the status stays as it was. */
  {
    g_autoptr(AgCase) writer = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
    AgClaim *claim;
    GtkWidget *error_label;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    claim = lookup_claim (writer, ag_claim_get_id (fixture->accusation));
    ag_details_panel_show_actor (panel, writer, ag_case_find_actor (writer, HOSTILE));
    row = ag_details_panel_get_claim_row (panel, claim);
    status = GTK_DROP_DOWN (find_descendant (row, GTK_TYPE_DROP_DOWN));
    g_assert_null (find_visible_with_class (row, "error"));

    ag_case_close (writer);
    gtk_drop_down_set_selected (status, AG_REVIEW_DISPUTED);
    g_assert_cmpint (ag_claim_get_status (claim), ==, AG_REVIEW_CONFIRMED);
    g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, AG_REVIEW_CONFIRMED);
    error_label = find_visible_with_class (row, "error");
    g_assert_nonnull (error_label);
    g_assert_true (GTK_IS_LABEL (error_label));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
    g_assert_cmpint (status_in_file (fixture->file, fixture->accusation), ==, AG_REVIEW_CONFIRMED);
    ag_details_panel_show_actor (panel, NULL, NULL);
  }
}

static char *
dup_highlight (AgDocumentReader *reader)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ag_document_reader_get_text_view (reader));
  GtkTextIter start, end;
  int first, last;

  g_assert_true (ag_document_reader_get_highlight (reader, &first, &last));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, first);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, last);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
has_tag (AgDocumentReader *reader,
         const char       *name,
         glong             offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ag_document_reader_get_text_view (reader));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
close_cb (AgDocumentReader *reader,
          guint            *closed)
{
  (*closed)++;
}

static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  AgDocumentReader *reader = AG_DOCUMENT_READER (ag_document_reader_new ());
  GtkTextView *view = ag_document_reader_get_text_view (reader);
  g_autofree char *highlight = NULL;
  GtkWidget *back;
  guint closed = 0;

  gtk_window_set_child (fixture->window, GTK_WIDGET (reader));
  gtk_window_present (fixture->window);
  ag_document_reader_show_claim (reader, fixture->kase, fixture->accusation);
  ag_test_wait_allocated (GTK_WIDGET (view));

  /* Exactly the evidence, with its newline, quotes and backslashes. */
  highlight = dup_highlight (reader);
  g_assert_cmpstr (highlight, ==, ag_claim_get_evidence (fixture->accusation));
  g_assert_true (ag_document_reader_get_document (reader) == fixture->first);
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), !=, GTK_WRAP_NONE);

  /* Title and source as they are, though the source is a link. */
  g_assert_nonnull (find_label (GTK_WIDGET (reader), "Report <i>one</i> & \"two\" \\ three"));
  g_assert_nonnull (find_label (GTK_WIDGET (reader), "https://example.org/report?a=1&b=<2>"));

  /* The other claims' evidence is marked, lightly. */
  g_assert_true (has_tag (reader, "evidence", ag_claim_get_evidence_start (fixture->denial)));
  g_assert_false (has_tag (reader, "highlight", ag_claim_get_evidence_start (fixture->denial)));
  g_assert_true (has_tag (reader, "highlight", ag_claim_get_evidence_start (fixture->accusation)));

  /* Another claim of the same document moves the highlight. */
  ag_document_reader_show_claim (reader, fixture->kase, fixture->denial);
  g_clear_pointer (&highlight, g_free);
  highlight = dup_highlight (reader);
  g_assert_cmpstr (highlight, ==, ag_claim_get_evidence (fixture->denial));
  g_assert_false (has_tag (reader, "highlight", ag_claim_get_evidence_start (fixture->accusation)));

  /* A document alone has no highlight. */
  ag_document_reader_show_document (reader, fixture->kase, fixture->long_document);
  g_assert_false (ag_document_reader_get_highlight (reader, NULL, NULL));

  /* Back. */
  g_signal_connect (reader, "close", G_CALLBACK (close_cb), &closed);
  back = find_descendant (GTK_WIDGET (reader), GTK_TYPE_BUTTON);
  g_assert_nonnull (back);
  g_assert_nonnull (gtk_widget_get_tooltip_text (back));
  gtk_widget_activate (back);
  /* A button activated from the keyboard clicks after a short flash. */
  ag_test_wait_until (is_nonzero, &closed, 5);
  g_assert_cmpuint (closed, ==, 1);
}

static gboolean
highlight_visible (AgDocumentReader *reader)
{
  GtkTextView *view = ag_document_reader_get_text_view (reader);
  GdkRectangle visible, location;
  GtkTextIter iter;
  int start;

  g_assert_true (ag_document_reader_get_highlight (reader, &start, NULL));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, start);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* The long document's reader shows the far claim's evidence, with the
 * whole text in. */
static gboolean
long_document_shown (gpointer data)
{
  Fixture *fixture = data;
  AgDocumentReader *reader = AG_DOCUMENT_READER (gtk_window_get_child (fixture->window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (ag_document_reader_get_text_view (reader));

  return highlight_visible (reader) &&
         gtk_text_buffer_get_char_count (buffer) == ag_document_get_length (fixture->long_document);
}

typedef struct
{
  AgDocumentReader *reader;
  guint             painted;
  guint             hidden;  /* frames painted without the highlight in view */
} Frames;

/* Draws a frame even when nothing changed. */
static gboolean
redraw_cb (gpointer user_data)
{
  gtk_widget_queue_draw (user_data);
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->painted++;
  if (!highlight_visible (frames->reader))
    frames->hidden++;
}

static void
test_reader_long (Fixture       *fixture,
                  gconstpointer  data)
{
  AgDocumentReader *reader = AG_DOCUMENT_READER (ag_document_reader_new ());
  GtkTextView *view = ag_document_reader_get_text_view (reader);
  GtkTextBuffer *buffer;
  g_autofree char *highlight = NULL;
  Frames frames = { reader, 0, 0 };
  gboolean timed_out = FALSE;
  GdkFrameClock *clock;
  gulong handler;
  guint redraw;
  gint64 shown;

  gtk_window_set_child (fixture->window, GTK_WIDGET (reader));
  shown = g_get_monotonic_time ();
  ag_document_reader_show_claim (reader, fixture->kase, fixture->far);
  g_test_message ("showing %ld characters took %.0f ms", ag_document_get_length (fixture->long_document),
                  (g_get_monotonic_time () - shown) / 1000.0);
  gtk_window_present (fixture->window);
  ag_test_wait_allocated (GTK_WIDGET (view));

  /* Far down, yet in view once shown, with the whole text in. */
  buffer = gtk_text_view_get_buffer (view);
  ag_test_wait_until (long_document_shown, fixture, 30);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))), >, 0);
  g_test_message ("highlight in view after %.0f ms", (g_get_monotonic_time () - shown) / 1000.0);

  /* The text is the document's, offset for offset; the very long
   * paragraph was broken, but not inside the evidence. */
  {
    const char *text = ag_document_get_text (fixture->long_document);
    int lines = 1;

    for (const char *p = text; *p != '\0'; p++)
      lines += *p == '\n';
    g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), >, lines);
  }
  highlight = dup_highlight (reader);
  g_assert_cmpstr (highlight, ==, long_evidence);
  g_assert_true (has_tag (reader, "highlight", ag_claim_get_evidence_start (fixture->far)));

  /* It stays in every frame drawn while the rest of the text is laid out. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  redraw = g_timeout_add (20, redraw_cb, view);
  g_timeout_add (1500, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (redraw);
  g_signal_handler_disconnect (clock, handler);
  g_test_message ("%u frames painted, %u without the highlight", frames.painted, frames.hidden);
  g_assert_cmpuint (frames.painted, >, 0);
  g_assert_cmpuint (frames.hidden, ==, 0);
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

  g_test_add ("/details/actor", Fixture, NULL, fixture_setup, test_actor, fixture_teardown);
  g_test_add ("/details/edge", Fixture, NULL, fixture_setup, test_edge, fixture_teardown);
  g_test_add ("/details/activate", Fixture, NULL, fixture_setup, test_activate, fixture_teardown);
  g_test_add ("/details/status", Fixture, NULL, fixture_setup, test_status, fixture_teardown);
  g_test_add ("/reader/highlight", Fixture, NULL, fixture_setup, test_reader, fixture_teardown);
  g_test_add ("/reader/long", Fixture, NULL, fixture_setup, test_reader_long, fixture_teardown);

  return g_test_run ();
}
