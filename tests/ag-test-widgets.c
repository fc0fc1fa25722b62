/* ag-test-widgets.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the ui tests share: finding a widget in a real widget tree. */

#include "config.h"

#include "ag-test-widgets.h"

/**
 * ag_test_find_named:
 * @root: where to look, itself included
 * @name: a widget name, as gtk_widget_set_name() gives it
 *
 * Returns: (transfer none) (nullable): the first widget called @name,
 *   depth first
 */
GtkWidget *
ag_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ag_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}
