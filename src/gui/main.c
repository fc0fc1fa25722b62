/* main.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ag-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AgApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without its schema GSettings would abort: say what is missing. */
  if (g_settings_schema_source_get_default () == NULL ||
      g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE) == NULL)
    {
      g_printerr (_("actorgraph: the settings schema %s is not installed: run “meson install”, "
                    "or set GSETTINGS_SCHEMA_DIR to the build’s data directory\n"), SCHEMA_ID);
      return 1;
    }

  app = ag_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
