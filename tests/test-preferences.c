/* test-preferences.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences window under Xvfb, on the memory settings backend: each
 * combo row writes its key, follows changes made elsewhere, and has one row
 * for every choice the schema allows. And the keyboard shortcuts window
 * loads and lists every shortcut the application binds. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ag-application.h"
#include "ag-preferences-window.h"
#include "ag-resources.h"
#include "ag-window.h"

#include "ag-test-widgets.h"

#define SCHEMA_ID "io.github.actorgraph.ActorGraph"

/* What the user reads in each list, and what it must store. */
static const struct {
  const char *key;
  const char *title;
  const char *value;
} expected_rows[] = {
  { "layout-engine", "Automatic", "auto" },
  { "layout-engine", "Hierarchical", "dot" },
  { "layout-engine", "Spring", "neato" },
  { "layout-engine", "Force-directed", "fdp" },
  { "layout-engine", "Large graphs", "sfdp" },
  { "layout-engine", "Circular", "circo" },
  { "layout-engine", "Radial", "twopi" },
  { "label-density", "All labels", "all" },
  { "label-density", "Automatic", "auto" },
  { "label-density", "Few labels", "few" },
  { "style", "Follow System", "system" },
  { "style", "Light", "light" },
  { "style", "Dark", "dark" },
};

static const char * const choice_keys[] = { "layout-engine", "label-density", "style" };

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (SCHEMA_ID);

  for (guint i = 0; i < G_N_ELEMENTS (choice_keys); i++)
    g_settings_reset (settings, choice_keys[i]);
  return settings;
}

static AgTestVisit
is_combo_row_named (GtkWidget     *widget,
                    gconstpointer  name)
{
  return ADW_IS_COMBO_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0
         ? AG_TEST_FOUND : AG_TEST_DESCEND;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return ag_test_find_widget (widget, is_combo_row_named, name);
}

static AdwComboRow *
find_row (AgPreferencesWindow *window,
          const char          *key)
{
  GtkWidget *row = find_named (GTK_WIDGET (window), key);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  return ADW_COMBO_ROW (row);
}

static guint
find_title (AdwComboRow *row,
            const char  *title)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), title))
        return i;
    }
  g_error ("no row “%s”", title);
  return GTK_INVALID_LIST_POSITION;
}

static const char *
selected_title (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Runs the main loop until ROW shows POSITION (or a minute passes). */
static void
wait_for_selected (AdwComboRow *row,
                   guint        position)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (adw_combo_row_get_selected (row) != position && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

typedef struct
{
  GtkWindow           *parent;
  AgPreferencesWindow *window;
  GSettings           *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = new_settings ();
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->parent, 800, 600);
  gtk_window_present (fixture->parent);
  fixture->window = ag_preferences_window_new (fixture->parent, fixture->settings);
  g_assert_true (ag_preferences_window_get_settings (fixture->window) == fixture->settings);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gtk_window_destroy (fixture->parent);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->settings);
}

/* Choosing a row stores its choice. */
static void
test_choose (Fixture       *fixture,
             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_rows); i++)
    {
      AdwComboRow *row = find_row (fixture->window, expected_rows[i].key);
      g_autofree char *value = NULL;

      adw_combo_row_set_selected (row, find_title (row, expected_rows[i].title));
      value = g_settings_get_string (fixture->settings, expected_rows[i].key);
      g_assert_cmpstr (value, ==, expected_rows[i].value);
    }
}

/* A change made elsewhere (another GSettings on the same backend) shows. */
static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) elsewhere = g_settings_new (SCHEMA_ID);

  /* Backwards, so that each change moves the row. */
  for (guint i = G_N_ELEMENTS (expected_rows); i-- > 0;)
    {
      AdwComboRow *row = find_row (fixture->window, expected_rows[i].key);

      g_assert_true (g_settings_set_string (elsewhere, expected_rows[i].key, expected_rows[i].value));
      wait_for_selected (row, find_title (row, expected_rows[i].title));
      g_assert_cmpstr (selected_title (row), ==, expected_rows[i].title);
    }
}

/* Every choice the schema allows has exactly one row, and back; a choice
 * added to the schema without a row fails here. */
static void
test_every_choice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (fixture->settings, "settings-schema", &schema, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (choice_keys); k++)
    {
      const char *name = choice_keys[k];
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, name);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr(GVariant) choices = NULL;
      g_autofree const char **strings = NULL;
      const char *type;
      AdwComboRow *row = find_row (fixture->window, name);
      guint n_rows = g_list_model_get_n_items (adw_combo_row_get_model (row));
      g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
      gsize n_choices;

      g_variant_get (range, "(&sv)", &type, &choices);
      g_assert_cmpstr (type, ==, "enum");
      strings = g_variant_get_strv (choices, &n_choices);
      g_assert_cmpuint (n_choices, >, 1);
      g_assert_cmpuint (n_rows, ==, n_choices);

      for (gsize i = 0; i < n_choices; i++)
        {
          g_autofree char *other = NULL;
          g_autofree char *back = NULL;
          guint position;

          /* Start from a different choice, so the change must move the row. */
          g_assert_true (g_settings_set_string (fixture->settings, name, strings[(i + 1) % n_choices]));
          g_assert_true (g_settings_set_string (fixture->settings, name, strings[i]));
          while (g_main_context_iteration (NULL, FALSE))
            ;
          position = adw_combo_row_get_selected (row);
          g_test_message ("%s: %s -> row %u “%s”", name, strings[i], position, selected_title (row));
          g_assert_cmpuint (position, <, n_rows);
          g_assert_false (g_hash_table_contains (positions, GUINT_TO_POINTER (position)));
          g_hash_table_add (positions, GUINT_TO_POINTER (position));

          /* And choosing that row stores the choice again. */
          adw_combo_row_set_selected (row, (position + 1) % n_rows);
          other = g_settings_get_string (fixture->settings, name);
          g_assert_cmpstr (other, !=, strings[i]);
          adw_combo_row_set_selected (row, position);
          back = g_settings_get_string (fixture->settings, name);
          g_assert_cmpstr (back, ==, strings[i]);
        }
    }
}

/* The rows tell what a choice does; the layout engines by their names. */
static void
test_subtitles (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_rows); i++)
    {
      AdwComboRow *row = find_row (fixture->window, expected_rows[i].key);
      const char *subtitle;

      if (g_str_equal (expected_rows[i].key, "style"))
        continue;
      g_assert_true (g_settings_set_string (fixture->settings, expected_rows[i].key, expected_rows[i].value));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_test_message ("%s: %s", expected_rows[i].title, subtitle);
      g_assert_nonnull (subtitle);
      g_assert_cmpuint (strlen (subtitle), >, 10);
      if (g_str_equal (expected_rows[i].key, "layout-engine"))
        {
          if (g_str_equal (expected_rows[i].value, "auto"))
            g_assert_true (strstr (subtitle, "dot") != NULL && strstr (subtitle, "sfdp") != NULL);
          else
            g_assert_true (g_str_has_prefix (subtitle, expected_rows[i].value));
        }
    }
}

/* Section, accelerator: the shortcuts the application binds. */
static const struct {
  const char *section;
  const char *accelerator;
} expected_shortcuts[] = {
  { "general", "<Control>n" },
  { "general", "<Control>o" },
  { "general", "<Control><Shift>s" },
  { "general", "<Control>i" },
  { "general", "<Control>e" },
  { "general", "<Control>f" },
  { "general", "<Control><Shift>f" },
  { "general", "F9" },
  { "general", "<Control>comma" },
  { "general", "<Control>question" },
  { "general", "<Control>w" },
  { "general", "<Control>q" },
  { "graph", "plus" },
  { "graph", "minus" },
  { "graph", "0" },
  { "graph", "<Control>Left" },
  { "graph", "<Control>Right" },
  { "graph", "<Control>Up" },
  { "graph", "<Control>Down" },
  { "graph", "Left" },
  { "graph", "Right" },
  { "graph", "Up" },
  { "graph", "Down" },
  { "graph", "Tab" },
  { "graph", "<Shift>Tab" },
  { "graph", "Return" },
  { "graph", "Escape" },
  { "document", "Escape" },
};

static gboolean
shortcut_has (GtkShortcutsShortcut *shortcut,
              guint                 keyval,
              GdkModifierType       mods)
{
  g_autofree char *accelerator = NULL;
  g_auto(GStrv) parts = NULL;

  g_object_get (shortcut, "accelerator", &accelerator, NULL);
  if (accelerator == NULL)
    return FALSE;
  parts = g_strsplit (accelerator, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint part_keyval;
      GdkModifierType part_mods;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &part_keyval, &part_mods));
      if (part_keyval == keyval && part_mods == mods)
        return TRUE;
    }
  return FALSE;
}

#define HELP_OVERLAY "/io/github/actorgraph/ActorGraph/gtk/help-overlay.ui"

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;
  g_autoptr(GSList) objects = NULL;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();

  if (!g_resources_get_info (HELP_OVERLAY, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    ag_register_resource ();
  builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  objects = gtk_builder_get_objects (builder);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      g_ptr_array_add (shortcuts, l->data);

  for (guint i = 0; i < G_N_ELEMENTS (expected_shortcuts); i++)
    {
      guint keyval;
      GdkModifierType mods;
      gboolean found = FALSE;

      g_assert_true (gtk_accelerator_parse (expected_shortcuts[i].accelerator, &keyval, &mods));
      for (guint j = 0; j < shortcuts->len && !found; j++)
        {
          GtkWidget *section = gtk_widget_get_ancestor (shortcuts->pdata[j], GTK_TYPE_SHORTCUTS_SECTION);
          g_autofree char *section_name = NULL;
          g_autofree char *title = NULL;

          g_assert_nonnull (section);
          g_object_get (section, "section-name", &section_name, NULL);
          if (g_strcmp0 (section_name, expected_shortcuts[i].section) != 0 ||
              !shortcut_has (shortcuts->pdata[j], keyval, mods))
            continue;
          g_object_get (shortcuts->pdata[j], "title", &title, NULL);
          g_test_message ("%s %s: %s", expected_shortcuts[i].section, expected_shortcuts[i].accelerator, title);
          g_assert_nonnull (title);
          g_assert_cmpstr (title, !=, "");
          found = TRUE;
        }
      if (!found)
        g_error ("no shortcut %s in section %s", expected_shortcuts[i].accelerator, expected_shortcuts[i].section);
    }

  /* It shows without complaint. */
  gtk_window_present (GTK_WINDOW (overlay));
  while (!gtk_widget_get_mapped (GTK_WIDGET (overlay)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (overlay));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The application finds the overlay by itself, so its resources must be
 * registered before it starts up; a new process, where nothing else has
 * registered them. */
static void
test_app_help_overlay (void)
{
  g_autoptr(AgApplication) app = NULL;
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  AgWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  app = ag_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *)accels, "<Control>question"));

  window = ag_window_new (GTK_APPLICATION (app));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  while (!gtk_widget_get_mapped (GTK_WIDGET (overlay)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Never the user's own settings. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display (run the ui suite under xvfb-run)");
      return g_test_run ();
    }
  adw_init ();

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE);
  if (schema == NULL)
    g_error ("schema %s not found: set GSETTINGS_SCHEMA_DIR to the build's data folder", SCHEMA_ID);

  g_test_add ("/preferences/choose", Fixture, NULL, fixture_set_up, test_choose, fixture_tear_down);
  g_test_add ("/preferences/external-change", Fixture, NULL, fixture_set_up, test_external_change, fixture_tear_down);
  g_test_add ("/preferences/every-choice", Fixture, NULL, fixture_set_up, test_every_choice, fixture_tear_down);
  g_test_add ("/preferences/subtitles", Fixture, NULL, fixture_set_up, test_subtitles, fixture_tear_down);
  g_test_add_func ("/preferences/help-overlay", test_help_overlay);
  g_test_add_func ("/preferences/app-help-overlay", test_app_help_overlay);

  return g_test_run ();
}
