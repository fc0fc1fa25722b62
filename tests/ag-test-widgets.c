/* ag-test-widgets.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the ui tests share: finding a widget in a real widget tree, and
 * running the main loop until something has happened. */

#include "config.h"

#include "ag-test-widgets.h"

/**
 * ag_test_find_widget:
 * @root: where to look, itself included
 * @visit: says of each widget whether it is the one, or whether to look
 *   among its children
 * @data: for @visit
 *
 * Returns: (transfer none) (nullable): the first widget @visit takes,
 *   depth first
 */
GtkWidget *
ag_test_find_widget (GtkWidget        *root,
                     AgTestWidgetVisit visit,
                     gconstpointer     data)
{
  switch (visit (root, data))
    {
    case AG_TEST_FOUND:
      return root;
    case AG_TEST_SKIP:
      return NULL;
    case AG_TEST_DESCEND:
    default:
      break;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ag_test_find_widget (child, visit, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AgTestVisit
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0 ? AG_TEST_FOUND : AG_TEST_DESCEND;
}

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
  return ag_test_find_widget (root, is_named, name);
}

/**
 * ag_test_wait_until:
 * @condition: what to wait for
 * @data: for @condition
 * @seconds: how long it may take before the test fails
 *
 * Runs the main loop until @condition returns %TRUE, looking at least
 * every few milliseconds (what it waits for may come from a thread
 * without waking the loop).
 */
void
ag_test_wait_until (AgTestCondition  condition,
                    gpointer         data,
                    guint            seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_allocated (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

/**
 * ag_test_wait_allocated:
 * @widget: a widget about to be shown
 *
 * Runs the main loop until @widget is mapped and has a height; fails
 * after 10 s.
 */
void
ag_test_wait_allocated (GtkWidget *widget)
{
  ag_test_wait_until (is_allocated, widget, 10);
}
