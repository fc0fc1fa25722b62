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
#include "ag-window.h"

struct _AgApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AgApplication, ag_application, ADW_TYPE_APPLICATION)

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ag_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (ag_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
}

/* One window per case file. */
static void
ag_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AgCase) kase = ag_case_open (files[i], AG_CASE_OPEN_DEFAULT, &error);
      AgWindow *window = ag_window_new (GTK_APPLICATION (application));

      if (kase != NULL)
        ag_window_set_case (window, kase);
      gtk_window_present (GTK_WINDOW (window));

      if (kase == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (files[i]);
          g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

          show_error (GTK_WINDOW (window), _("Could Not Open the Case"), body);
        }
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
ag_application_startup (GApplication *application)
{
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ag_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
ag_application_class_init (AgApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ag_application_activate;
  app_class->open = ag_application_open;
  app_class->startup = ag_application_startup;
}

static void
ag_application_init (AgApplication *self)
{
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
