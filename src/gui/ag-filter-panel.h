/* ag-filter-panel.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ag-case.h"
#include "ag-graph-filter.h"

G_BEGIN_DECLS

#define AG_TYPE_FILTER_PANEL (ag_filter_panel_get_type ())

G_DECLARE_FINAL_TYPE (AgFilterPanel, ag_filter_panel, AG, FILTER_PANEL, GtkBox)

GtkWidget     *ag_filter_panel_new                (void);
AgCase        *ag_filter_panel_get_case           (AgFilterPanel *self);
void           ag_filter_panel_set_case           (AgFilterPanel *self,
                                                   AgCase        *kase);
gint64         ag_filter_panel_get_selected_actor (AgFilterPanel *self);
void           ag_filter_panel_set_selected_actor (AgFilterPanel *self,
                                                   gint64         actor_id);
AgGraphFilter *ag_filter_panel_dup_filter         (AgFilterPanel *self);
gboolean       ag_filter_panel_is_active          (AgFilterPanel *self);
void           ag_filter_panel_reset              (AgFilterPanel *self);

G_END_DECLS
