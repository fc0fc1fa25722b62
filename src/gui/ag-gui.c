/* ag-gui.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-gui"

#include "config.h"

#include "ag-gui.h"
#include "ag-resources.h"

/**
 * ag_gui_ensure_resources:
 *
 * Registers the application's resources (templates, the shortcuts window,
 * icons) once, whichever class or test needs them first. The library is
 * static, so the constructor that would register them is dropped.
 */
void
ag_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      ag_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * ag_gui_dup_file_name:
 * @file: a file
 *
 * Returns: (transfer full): the file's name, without its folder, as text
 *   fit to show in messages whatever the file system's encoding
 */
char *
ag_gui_dup_file_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "?");
}
