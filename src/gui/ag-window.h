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
#include "ag-document-reader.h"
#include "ag-graph-view.h"
#include "ag-import-job.h"

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
void            ag_window_open_files           (AgWindow   *self,
                                                GFile     **files,
                                                guint       n_files);
void            ag_window_import_files         (AgWindow   *self,
                                                GFile     **files,
                                                guint       n_files);
gboolean        ag_window_save_as              (AgWindow   *self,
                                                GFile      *file,
                                                GError    **error);
AgImportJob    *ag_window_get_import_job       (AgWindow   *self);
GtkWidget      *ag_window_get_filter_panel     (AgWindow   *self);
AgDocumentReader *ag_window_get_reader         (AgWindow   *self);
gboolean        ag_window_is_laying_out        (AgWindow   *self);

G_END_DECLS
