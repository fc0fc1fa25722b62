/* ag-application.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-application.h"
#include "ag-gui.h"
#include "ag-preferences-window.h"
#include "ag-window.h"

struct _AgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AgApplication, ag_application, ADW_TYPE_APPLICATION)

static void
style_changed_cb (AgApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
ag_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (ag_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
}

/* `actorgraph FILE…`: case files open, one window each; documents are
 * imported into the active window's case, or a new one. */
static void
ag_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL || !AG_IS_WINDOW (window))
    window = GTK_WINDOW (ag_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
  ag_window_open_files (AG_WINDOW (window), files, n_files);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Through each window's close, which asks about unsaved new cases;
   * the application ends with its last window. */
  for (GList *l = g_list_copy (windows), *next; l != NULL; l = next)
    {
      next = l->next;
      gtk_window_close (l->data);
      g_list_free_1 (l);
    }
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AgPreferencesWindow *preferences = ag_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Actor Graph developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Actor Graph"),
                "application-icon", APP_ID,
                "developer-name", _("The Actor Graph developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Map who accuses whom of which cyberattack: actors and claims from reports and statements, with the evidence behind every edge."),
                "website", "https://github.com/actorgraph/actorgraph",
                "issue-url", "https://github.com/actorgraph/actorgraph/issues",
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", "© 2026 The Actor Graph developers",
                "developers", developers,
                /* Translators: your names, one per line. */
                "translator-credits", _("translator-credits"),
                NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Built on"),
                                                (const char *[]){ "GTK https://gtk.org",
                                                                  "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
                                                                  "Graphviz https://graphviz.org",
                                                                  "SQLite https://sqlite.org",
                                                                  "Poppler https://poppler.freedesktop.org",
                                                                  NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
ag_application_startup (GApplication *application)
{
  AgApplication *self = AG_APPLICATION (application);
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
    { "preferences", preferences_activated },
    { "about", about_activated },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-filters", { "<Control><Shift>f", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (ag_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  style_changed_cb (self);
}

static void
ag_application_finalize (GObject *object)
{
  AgApplication *self = AG_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ag_application_parent_class)->finalize (object);
}

static void
ag_application_class_init (AgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ag_application_finalize;

  /* Before GtkApplication looks for the shortcuts window and the icon
   * theme for the application's icons in them. */
  ag_gui_ensure_resources ();
  app_class->activate = ag_application_activate;
  app_class->open = ag_application_open;
  app_class->startup = ag_application_startup;
}

static void
ag_application_init (AgApplication *self)
{
  self->settings = g_settings_new (SCHEMA_ID);
}

AgApplication *
ag_application_new (void)
{
  return g_object_new (AG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/actorgraph/ActorGraph",
                       NULL);
}

/**
 * ag_application_get_settings:
 * @self: an #AgApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
ag_application_get_settings (AgApplication *self)
{
  g_return_val_if_fail (AG_IS_APPLICATION (self), NULL);

  return self->settings;
}
