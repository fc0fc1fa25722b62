/* test-window-files.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's file work, on real files under Xvfb: importing documents
 * (a bad one among good ones), telling case files from documents, saving a
 * new case, what closing an unsaved case asks, and the settings the window
 * follows and remembers. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ag-actor-editor.h"
#include "ag-export-dialog.h"
#include "ag-filter-panel.h"
#include "ag-graph.h"
#include "ag-window.h"

#include "ag-test-util.h"
#include "ag-test-widgets.h"

static GPtrArray *message_dialogs (GtkWindow *window);

/* Runs the main loop until @condition holds; an import or a layout may
 * take a while on a loaded machine. */
static void
wait_for (AgTestCondition condition,
          gpointer        data)
{
  ag_test_wait_until (condition, data, 60);
}

static gboolean
import_done (gpointer data)
{
  return ag_window_get_import_job (data) == NULL;
}

static gboolean
has_geometry (gpointer data)
{
  return ag_graph_view_get_geometry (ag_window_get_graph_view (data)) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **)data == NULL;
}

/* Answers the dialog that closing @window opened, and waits until the
 * window is gone. */
static void
respond_and_wait_closed (AgWindow   *window,
                         const char *response)
{
  g_autoptr(GPtrArray) dialogs = message_dialogs (GTK_WINDOW (window));
  GtkWidget *pointer = GTK_WIDGET (window);

  g_assert_cmpuint (dialogs->len, ==, 1);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&pointer);
  adw_message_dialog_response (g_ptr_array_index (dialogs, 0), response);
  wait_for (window_gone, &pointer);
}

static const char *REPORT =
  "The United Kingdom accused APT31 of attacks on the Electoral Commission.\n\n"
  "The National Cyber Security Centre attributed APT31 to China.\n";

static const char *STATEMENT =
  "New Zealand accused APT40 of a breach of its parliament.\n";

/* The message dialogs open over @window. */
static GPtrArray *
message_dialogs (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *dialogs = g_ptr_array_new ();

  for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == window)
        g_ptr_array_add (dialogs, toplevel);
    }
  return dialogs;
}

static void
test_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ag-test-window-XXXXXX", NULL);
  g_autofree char *good = ag_test_write_file (dir, "report.txt", REPORT, -1);
  g_autofree char *bad = ag_test_write_file (dir, "binary.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0", 18);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *other = ag_test_write_file (dir, "statement.md", STATEMENT, -1);
  GFile *files[] = {
    g_file_new_for_path (good),
    g_file_new_for_path (bad),
    g_file_new_for_path (missing),
    g_file_new_for_path (other),
  };
  AgWindow *window = ag_window_new (NULL);
  g_autoptr(GPtrArray) dialogs = NULL;
  AgCase *kase;
  AgGraph *graph;
  const char *body;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (ag_window_get_case (window));

  /* With no case open, importing makes a new one. */
  ag_window_import_files (window, files, G_N_ELEMENTS (files));
  g_assert_nonnull (ag_window_get_import_job (window));
  kase = ag_window_get_case (window);
  g_assert_nonnull (kase);
  g_assert_true (ag_case_is_temporary (kase));
  wait_for (import_done, window);

  /* The two good files are in; the others are named with the reason. */
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 2);
  g_assert_nonnull (ag_case_find_actor (kase, "APT31"));
  g_assert_nonnull (ag_case_find_actor (kase, "APT40"));

  dialogs = message_dialogs (GTK_WINDOW (window));
  g_assert_cmpuint (dialogs->len, ==, 1);
  body = adw_message_dialog_get_body (g_ptr_array_index (dialogs, 0));
  g_test_message ("failures: %s", body);
  g_assert_nonnull (strstr (body, "binary.txt: "));
  g_assert_nonnull (strstr (body, "missing.txt: "));
  g_assert_null (strstr (body, "report.txt"));
  g_assert_null (strstr (body, "statement.md"));
  gtk_window_destroy (g_ptr_array_index (dialogs, 0));

  /* The graph follows, once, when the import is over. */
  wait_for (has_geometry, window);
  graph = ag_geometry_get_graph (ag_graph_view_get_geometry (ag_window_get_graph_view (window)));
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, g_list_model_get_n_items (ag_case_get_actors (kase)));

  /* Importing the same file again adds nothing. */
  ag_window_import_files (window, files, 1);
  wait_for (import_done, window);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 2);

  {
    g_autoptr(GFile) scratch = g_object_ref (ag_case_get_file (kase));

    /* Discarding the new case on close removes its scratch file. */
    gtk_window_close (GTK_WINDOW (window));
    g_clear_pointer (&dialogs, g_ptr_array_unref);
    dialogs = message_dialogs (GTK_WINDOW (window));
    g_assert_cmpuint (dialogs->len, ==, 1);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_true (g_file_query_exists (scratch, NULL));
    respond_and_wait_closed (window, "discard");
    g_assert_false (g_file_query_exists (scratch, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  ag_test_remove_tree (dir);
}

static void
cancel_cb (AgWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL));
}

static void
test_cancel_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ag-test-window-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  AgWindow *window = ag_window_new (NULL);
  AgImportJob *job;
  AgCase *kase;
  guint n_added;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Report %u. %s", i, REPORT);
      g_autofree char *path = ag_test_write_file (dir, name, text, -1);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }

  gtk_window_present (GTK_WINDOW (window));
  ag_window_import_files (window, (GFile **)files->pdata, files->len);
  job = g_object_ref (ag_window_get_import_job (window));
  /* Cancel as the first file is done, the way the Cancel button would. */
  g_signal_connect_swapped (job, "progress", G_CALLBACK (cancel_cb), window);
  wait_for (import_done, window);

  /* Cancelled before the next file, and what went in went in whole. */
  kase = ag_window_get_case (window);
  n_added = ag_import_job_get_n_added (job);
  g_assert_cmpuint (ag_import_job_get_n_done (job), ==, 1);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, n_added);
  for (guint i = 0; i < n_added; i++)
    {
      g_autoptr(AgDocument) document = g_list_model_get_item (ag_case_get_documents (kase), i);

      g_assert_nonnull (strstr (ag_document_get_text (document), "Electoral Commission"));
    }
  g_object_unref (job);

  gtk_window_close (GTK_WINDOW (window));
  respond_and_wait_closed (window, "discard");
  ag_test_remove_tree (dir);
}

static void
test_open_and_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ag-test-window-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *no_suffix = NULL;
  g_autofree char *saved_path = g_build_filename (dir, "Saved \"quoted\" & <case>.actorgraph", NULL);
  g_autofree char *text_path = ag_test_write_file (dir, "notes.txt", STATEMENT, -1);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  AgWindow *window = ag_window_new (NULL);
  gsize length;
  AgCase *kase;

  /* A case file is known by its SQLite header and application id, not
   * only by its name; any other file is a document to import. */
  g_assert_true (g_file_get_contents (g_getenv ("AG_SAMPLE_CASE"), &contents, &length, NULL));
  no_suffix = ag_test_write_file (dir, "case-without-suffix", contents, length);
  {
    GFile *files[] = { g_file_new_for_path (no_suffix) };

    gtk_window_present (GTK_WINDOW (window));
    ag_window_open_files (window, files, 1);
    g_object_unref (files[0]);
  }
  kase = ag_window_get_case (window);
  g_assert_nonnull (kase);
  g_assert_false (ag_case_is_temporary (kase));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "case-without-suffix");
  {
    /* Dropped on the window, a document is imported into its case. */
    GFile *files[] = { g_file_new_for_path (text_path) };
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    GdkFileList *list = gdk_file_list_new_from_array (files, 1);
    GtkDropTarget *target = NULL;
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, list);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_value_unset (&value);
    g_object_unref (files[0]);
  }
  g_assert_true (ag_window_get_case (window) == kase);
  wait_for (import_done, window);
  g_assert_nonnull (ag_case_find_actor (kase, "APT40"));

  /* Save As moves the case to its new name, which the title shows and
   * the recent files list. */
  g_assert_true (ag_window_save_as (window, saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (saved, NULL));
  g_assert_true (g_file_equal (ag_case_get_file (kase), saved));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Saved \"quoted\" & <case>");
  uri = g_file_get_uri (saved);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* A saved case closes without asking. */
  gtk_window_close (GTK_WINDOW (window));
  {
    g_autoptr(GPtrArray) dialogs = message_dialogs (GTK_WINDOW (window));

    g_assert_cmpuint (dialogs->len, ==, 0);
  }
  ag_test_remove_tree (dir);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = g_dir_make_tmp ("ag-test-window-XXXXXX", NULL);
  g_autofree char *path = ag_test_write_file (dir, "report.txt", REPORT, -1);
  GFile *files[] = { g_file_new_for_path (path) };
  AgWindow *window;
  GtkWidget *sidebar;
  int width, height;

  /* The size of the last window closed is the next one's. */
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = ag_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  ag_window_import_files (window, files, 1);
  wait_for (import_done, window);
  wait_for (has_geometry, window);

  /* F9's action hides the side panel and remembers it. */
  /* The side panel: the pane that holds the details. */
  sidebar = GTK_WIDGET (ag_window_get_details (window));
  while (!GTK_IS_PANED (gtk_widget_get_parent (sidebar)))
    sidebar = gtk_widget_get_parent (sidebar);
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_false (g_settings_get_boolean (settings, "sidebar-visible"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  g_assert_true (gtk_widget_get_visible (sidebar));

  /* A new layout engine in the preferences lays the graph out again. */
  g_assert_cmpstr (ag_geometry_get_engine (ag_graph_view_get_geometry (ag_window_get_graph_view (window))), !=, "circo");
  g_settings_set_string (settings, "layout-engine", "circo");
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (g_strcmp0 (ag_geometry_get_engine (ag_graph_view_get_geometry (ag_window_get_graph_view (window))), "circo") != 0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  g_settings_reset (settings, "layout-engine");

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_close (GTK_WINDOW (window));
  respond_and_wait_closed (window, "discard");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  g_object_unref (files[0]);
  ag_test_remove_tree (dir);
}

typedef struct
{
  AgGraphView *view;
  AgGeometry  *before;
} NewGeometry;

static gboolean
geometry_replaced (gpointer data)
{
  NewGeometry *wait = data;
  AgGeometry *now = ag_graph_view_get_geometry (wait->view);

  return now != NULL && now != wait->before;
}

static AgExportDialog *
find_export_dialog (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (AG_IS_EXPORT_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == window)
        return AG_EXPORT_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
export_closed (gpointer data)
{
  return find_export_dialog (data) == NULL;
}

/* The filters lay the graph out again; the export dialog, opened by the
 * window's action, writes the graph the window shows. */
static void
test_filters_and_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ag-test-window-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *svg_path = g_build_filename (dir, "graph.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GFile) file = NULL;
  AgWindow *window = ag_window_new (NULL);
  AgGraphView *view = ag_window_get_graph_view (window);
  GtkWidget *panel = ag_window_get_filter_panel (window);
  AgExportDialog *dialog;
  NewGeometry wait;
  AgGraph *graph;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("AG_SAMPLE_CASE"), &contents, &length, NULL));
  copy = ag_test_write_file (dir, "sample.actorgraph", contents, length);
  file = g_file_new_for_path (copy);
  gtk_window_present (GTK_WINDOW (window));
  ag_window_open_files (window, &file, 1);
  wait_for (has_geometry, window);

  g_assert_true (AG_IS_FILTER_PANEL (panel));
  g_assert_true (ag_filter_panel_get_case (AG_FILTER_PANEL (panel)) == ag_window_get_case (window));
  graph = ag_geometry_get_graph (ag_graph_view_get_geometry (view));
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), >, 3);

  /* Untick every actor kind but countries, as a user would. */
  wait.view = view;
  wait.before = g_object_ref (ag_graph_view_get_geometry (view));
  for (guint kind = 0; kind < AG_N_ACTOR_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("actor-kind-%s", ag_actor_kind_to_string (kind));
      GtkWidget *check = ag_test_find_named (panel, name);

      g_assert_nonnull (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kind == AG_ACTOR_COUNTRY);
    }
  wait_for (geometry_replaced, &wait);
  g_object_unref (wait.before);
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    /* Each tick laid out again, cancelling the one before; wait for the last. */
    while (ag_window_is_laying_out (window))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
      }
  }
  graph = ag_geometry_get_graph (ag_graph_view_get_geometry (view));
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), >, 0);
  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    g_assert_cmpint (ag_graph_get_node (graph, i)->kind, ==, AG_ACTOR_COUNTRY);

  /* Editing needs an actor: the list's choice opens it in the editor. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "edit-actor"));
  ag_window_search_actors (window, "APT31");
  ag_window_activate_actor_row (window, 0);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "edit-actor"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-actor", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AgActorEditor *editor = NULL;

    for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (AG_IS_ACTOR_EDITOR (toplevel))
          editor = AG_ACTOR_EDITOR (toplevel);
      }
    g_assert_nonnull (editor);
    /* APT31 is filtered out of the graph, yet the list reaches it. */
    g_assert_cmpstr (ag_actor_get_name (ag_actor_editor_get_actor (editor)), ==, "APT31");
    gtk_window_destroy (GTK_WINDOW (editor));
  }
  ag_window_search_actors (window, "");

  /* The export dialog gets the graph as shown, filters and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (ag_export_dialog_get_geometry (dialog) == ag_graph_view_get_geometry (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.format", "s", "svg"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.to-file", "s", svg_path));
  wait_for (export_closed, window);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "China"));
  g_assert_null (strstr (svg, "APT31"));

  gtk_window_destroy (GTK_WINDOW (window));
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
  /* Animations would make the waits longer, nothing else. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window/import", test_import);
  g_test_add_func ("/window/cancel-import", test_cancel_import);
  g_test_add_func ("/window/open-and-save", test_open_and_save);
  g_test_add_func ("/window/settings", test_settings);
  g_test_add_func ("/window/filters-and-export", test_filters_and_export);

  return g_test_run ();
}
