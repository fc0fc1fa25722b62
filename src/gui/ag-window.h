/* ag-window.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ag-case.h"
#include "ag-details-panel.h"
#include "ag-graph-view.h"

G_BEGIN_DECLS

#define AG_TYPE_WINDOW (ag_window_get_type ())

G_DECLARE_FINAL_TYPE (AgWindow, ag_window, AG, WINDOW, AdwApplicationWindow)

AgWindow *ag_window_new      (GtkApplication *application);
AgCase   *ag_window_get_case (AgWindow       *self);
void      ag_window_set_case (AgWindow       *self,
                              AgCase         *kase);
AgGraphView    *ag_window_get_graph_view       (AgWindow   *self);
AgDetailsPanel *ag_window_get_details          (AgWindow   *self);
GListModel     *ag_window_get_actor_list_model (AgWindow   *self);
void            ag_window_search_actors        (AgWindow   *self,
                                                const char *text);
void            ag_window_activate_actor_row   (AgWindow   *self,
                                                guint       position);

G_END_DECLS
