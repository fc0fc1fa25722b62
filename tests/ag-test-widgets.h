/* ag-test-widgets.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*AgTestCondition) (gpointer data);

/* What ag_test_find_widget() is told of each widget it meets. */
typedef enum
{
  AG_TEST_DESCEND, /* not this one: look among its children */
  AG_TEST_FOUND,   /* this one */
  AG_TEST_SKIP,    /* neither this one nor any of its children */
} AgTestVisit;

typedef AgTestVisit (*AgTestWidgetVisit) (GtkWidget     *widget,
                                          gconstpointer  data);

GtkWidget *ag_test_find_widget (GtkWidget         *root,
                                AgTestWidgetVisit  visit,
                                gconstpointer      data);
GtkWidget *ag_test_find_named (GtkWidget       *root,
                               const char      *name);
void       ag_test_wait_until (AgTestCondition  condition,
                               gpointer         data,
                               guint            seconds);
void       ag_test_wait_allocated (GtkWidget    *widget);

G_END_DECLS
