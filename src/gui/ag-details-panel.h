/* ag-details-panel.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ag-case.h"
#include "ag-graph.h"

G_BEGIN_DECLS

#define AG_TYPE_DETAILS_PANEL (ag_details_panel_get_type ())

G_DECLARE_FINAL_TYPE (AgDetailsPanel, ag_details_panel, AG, DETAILS_PANEL, GtkBox)

GtkWidget *ag_details_panel_new            (void);
void       ag_details_panel_show_actor     (AgDetailsPanel *self,
                                            AgCase         *kase,
                                            AgActor        *actor);
void       ag_details_panel_show_edge      (AgDetailsPanel *self,
                                            AgCase         *kase,
                                            AgGraph        *graph,
                                            guint           edge_index);
GtkWidget *ag_details_panel_get_claim_row  (AgDetailsPanel *self,
                                            AgClaim        *claim);
char      *ag_details_panel_dup_text       (AgDetailsPanel *self);

G_END_DECLS
