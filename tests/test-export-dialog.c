/* test-export-dialog.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The export dialog over a real window: it writes the geometry it was
 * given, as the core's exporter does, in a worker thread; a file that
 * cannot be written is named in the dialog and leaves nothing behind. The
 * case and its actors have names that break markup and file names. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ag-case.h"
#include "ag-export-dialog.h"
#include "ag-layout.h"
#include "ag-renderer.h"

#include "ag-test-util.h"
#include "ag-test-widgets.h"

#define CASE_NAME   "Case \"Q\" <x> & y\nz/../evil"

static const char * const actor_names[] = {
  "China",
  "APT <31> & \"Co\"",
  "Line\nBreak Group",
  "Smith & Jones",
  "<script>alert(1)</script>",
};

typedef struct
{
  char           *dir;
  AgCase         *kase;
  AgGeometry     *geometry;
  GtkWindow      *parent;
  AgExportDialog *dialog;
  GFile          *exported;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
exported_cb (AgExportDialog *dialog,
             GFile          *file,
             Fixture        *fixture)
{
  g_assert_null (fixture->exported);
  fixture->exported = g_object_ref (file);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = ag_test_find_named (GTK_WIDGET (fixture->dialog), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) extraction = ag_extraction_new ("hostile.txt");
  g_autoptr(AgDocument) document = ag_document_new ("Hostile <doc> & \"co\"", NULL, "text");
  g_autoptr(AgLayout) layout = ag_layout_new (AG_LAYOUT_ENGINE_DOT);
  g_autoptr(AgGraph) graph = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->dir = g_dir_make_tmp ("ag-test-export-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "Case \"Q\" <x> & y\nz.actorgraph", NULL);
  file = g_file_new_for_path (path);
  fixture->kase = ag_case_open (file, AG_CASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (actor_names); i++)
    ag_extraction_add_actor (extraction, i % 2 ? AG_ACTOR_THREAT_GROUP : AG_ACTOR_COUNTRY, actor_names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (actor_names); i++)
    ag_extraction_add_claim (extraction, i % 2 ? AG_CLAIM_ACCUSES : AG_CLAIM_TARGETS, NULL,
                             actor_names[i], actor_names[(i + 1) % G_N_ELEMENTS (actor_names)]);
  g_assert_true (ag_case_add_document (fixture->kase, document, extraction, NULL, &error));
  g_assert_no_error (error);

  graph = ag_graph_new (fixture->kase, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_graph_get_n_nodes (graph), ==, G_N_ELEMENTS (actor_names));
  fixture->geometry = ag_layout_compute (layout, graph, NULL, &error);
  g_assert_no_error (error);

  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->parent, 600, 400);
  gtk_window_present (fixture->parent);

  fixture->dialog = g_object_ref (ag_export_dialog_new (fixture->parent, fixture->geometry, CASE_NAME));
  g_signal_connect (fixture->dialog, "exported", G_CALLBACK (exported_cb), fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)))
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  gtk_window_destroy (fixture->parent);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->exported);
  g_clear_object (&fixture->geometry);
  ag_case_close (fixture->kase);
  g_clear_object (&fixture->kase);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
choose_format (Fixture    *fixture,
               const char *format)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "export.format", "s", format));
}

/* Writes to @path as the test's user would (without the file chooser) and
 * waits for the file or for an error. The window stays responsive: the
 * file is written in a thread while the main loop runs. */
static void
export_to (Fixture    *fixture,
           const char *path)
{
  GtkWidget *error_label = find (fixture, "error-label");
  gboolean timed_out = FALSE;
  guint timeout;

  g_assert_false (ag_export_dialog_is_busy (fixture->dialog));
  g_assert_true (gtk_widget_get_sensitive (find (fixture, "export-button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "export.to-file", "s", path));

  /* Busy: a spinner, and no second export. */
  g_assert_true (ag_export_dialog_is_busy (fixture->dialog));
  g_assert_true (gtk_widget_get_visible (find (fixture, "spinner")));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "export-button")));

  timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  while (ag_export_dialog_is_busy (fixture->dialog) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  if (fixture->exported == NULL)
    g_assert_true (gtk_widget_get_visible (error_label));
}

static void
assert_written (Fixture    *fixture,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_nonnull (fixture->exported);
  g_assert_true (g_file_equal (fixture->exported, file));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Done: the dialog is gone. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "graph.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(AgRenderer) renderer = ag_renderer_new (fixture->geometry);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *written = NULL;
  AgExportOptions options;
  double width, height;
  gsize length;

  choose_format (fixture, "png");
  g_assert_cmpuint (ag_export_dialog_get_format (fixture->dialog), ==, AG_EXPORT_PNG);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "scale-row")), 0);
  ag_export_dialog_get_options (fixture->dialog, &options);
  g_assert_cmpfloat (options.scale, ==, 1.0);
  g_assert_true (options.legend);

  export_to (fixture, path);
  assert_written (fixture, path);

  /* The size of the drawing at 1×, legend included. */
  ag_renderer_set_show_legend (renderer, TRUE);
  ag_renderer_get_size (renderer, &width, &height);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) ceil (width));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) ceil (height));

  /* And exactly what the core's exporter draws from that geometry. */
  expected = ag_export_to_bytes (fixture->geometry, AG_EXPORT_PNG, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_png_transparent (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "clear.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height;

  choose_format (fixture, "png");
  gtk_switch_set_active (GTK_SWITCH (find (fixture, "transparent-switch")), TRUE);
  export_to (fixture, path);
  assert_written (fixture, path);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  /* The top left corner is background: nothing painted there. */
  g_assert_cmpuint (pixels[3], ==, 0);
}

typedef struct
{
  gboolean   in_title;
  GString   *title;
  GPtrArray *titles;
} SvgTitles;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgTitles *titles = user_data;

  if (g_str_equal (element, "title"))
    {
      titles->in_title = TRUE;
      g_string_truncate (titles->title, 0);
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgTitles *titles = user_data;

  if (g_str_equal (element, "title"))
    {
      titles->in_title = FALSE;
      g_ptr_array_add (titles->titles, g_strdup (titles->title->str));
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgTitles *titles = user_data;

  if (titles->in_title)
    g_string_append_len (titles->title, text, length);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autofree char *path = g_build_filename (fixture->dir, "graph.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *suggested = NULL;
  SvgTitles titles = { FALSE, title, found };
  gsize length;

  /* SVG is the first format; the name offered is safe for a file. */
  g_assert_cmpuint (ag_export_dialog_get_format (fixture->dialog), ==, AG_EXPORT_SVG);
  suggested = ag_export_dialog_dup_suggested_name (fixture->dialog);
  g_assert_true (g_str_has_suffix (suggested, ".svg"));
  g_assert_null (strchr (suggested, '/'));
  g_assert_null (strchr (suggested, '\n'));
  g_assert_false (g_str_has_prefix (suggested, "."));
  g_assert_nonnull (strstr (suggested, "Case \"Q\" <x> & y"));

  export_to (fixture, path);
  assert_written (fixture, path);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_null (strstr (contents, "<script>"));
  g_assert_null (strstr (contents, "APT <31>"));

  /* Well-formed XML whose titles name every actor exactly. */
  context = g_markup_parse_context_new (&parser, 0, &titles, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (actor_names); i++)
    {
      gboolean seen = FALSE;

      for (guint t = 0; t < found->len; t++)
        seen |= g_str_equal (g_ptr_array_index (found, t), actor_names[i]);
      if (!seen)
        g_error ("no <title> for %s", actor_names[i]);
    }
}

static void
assert_error (Fixture    *fixture,
              const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *message;

  export_to (fixture, path);
  g_assert_null (fixture->exported);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Said in the dialog, which stays open for another try. */
  message = gtk_label_get_text (GTK_LABEL (find (fixture, "error-label")));
  g_test_message ("error: %s", message);
  g_assert_true (gtk_widget_get_visible (find (fixture, "error-label")));
  g_assert_nonnull (strstr (message, base));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_false (ag_export_dialog_is_busy (fixture->dialog));
  g_assert_true (gtk_widget_get_sensitive (find (fixture, "export-button")));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "graph.svg", NULL);
  g_autofree char *locked_dir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *locked = g_build_filename (locked_dir, "graph.png", NULL);
  g_autofree char *after = g_build_filename (fixture->dir, "after.svg", NULL);
  g_autoptr(GDir) listing = NULL;

  assert_error (fixture, missing);

  g_assert_cmpint (g_mkdir (locked_dir, 0555), ==, 0);
  if (access (locked_dir, W_OK) == 0)
    {
      /* Root writes anywhere; /proc takes no new files even from root. */
      g_test_message ("the folder stays writable; using /proc");
      g_clear_pointer (&locked, g_free);
      locked = g_strdup ("/proc/ag-test-export-dialog.png");
    }
  choose_format (fixture, "png");
  assert_error (fixture, locked);
  listing = g_dir_open (locked_dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));

  /* A good path afterwards works, and the error goes away. */
  choose_format (fixture, "svg");
  export_to (fixture, after);
  assert_written (fixture, after);
}

static void
test_format (Fixture       *fixture,
             gconstpointer  data)
{
  AdwComboRow *format_row = ADW_COMBO_ROW (find (fixture, "format-row"));
  GtkWidget *scale_row = find (fixture, "scale-row");
  GtkWidget *transparent_row = find (fixture, "transparent-row");
  GtkWidget *legend_row = find (fixture, "legend-row");
  g_autofree char *suggested = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, AG_EXPORT_SVG);
  g_assert_false (gtk_widget_get_sensitive (scale_row));
  g_assert_true (gtk_widget_get_sensitive (transparent_row));

  choose_format (fixture, "pdf");
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, AG_EXPORT_PDF);
  g_assert_false (gtk_widget_get_sensitive (scale_row));
  g_assert_false (gtk_widget_get_sensitive (transparent_row));
  g_assert_true (gtk_widget_get_sensitive (legend_row));

  choose_format (fixture, "png");
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, AG_EXPORT_PNG);
  g_assert_true (gtk_widget_get_sensitive (scale_row));
  g_assert_true (gtk_widget_get_sensitive (transparent_row));
  suggested = ag_export_dialog_dup_suggested_name (fixture->dialog);
  g_assert_true (g_str_has_suffix (suggested, ".png"));

  choose_format (fixture, "graphml");
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, AG_EXPORT_GRAPHML);
  g_assert_false (gtk_widget_get_sensitive (legend_row));
  g_assert_false (gtk_widget_get_sensitive (scale_row));

  /* The row drives the format as well. */
  adw_combo_row_set_selected (format_row, AG_EXPORT_DOT);
  g_assert_cmpuint (ag_export_dialog_get_format (fixture->dialog), ==, AG_EXPORT_DOT);
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

  g_test_add ("/export-dialog/png", Fixture, NULL, fixture_setup, test_png, fixture_teardown);
  g_test_add ("/export-dialog/png-transparent", Fixture, NULL, fixture_setup, test_png_transparent, fixture_teardown);
  g_test_add ("/export-dialog/svg", Fixture, NULL, fixture_setup, test_svg, fixture_teardown);
  g_test_add ("/export-dialog/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/export-dialog/format", Fixture, NULL, fixture_setup, test_format, fixture_teardown);

  return g_test_run ();
}
