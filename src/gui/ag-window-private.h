/* ag-window-private.h
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
#include "ag-graph-filter.h"
#include "ag-graph-view.h"
#include "ag-import-job.h"
#include "ag-layout.h"
#include "ag-window.h"

G_BEGIN_DECLS


struct _AgWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *filter_button;
  GtkPopover           *filter_popover;
  GMenu                *recent_section;
  GtkRevealer          *progress_revealer;
  GtkSpinner           *progress_spinner;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkButton            *progress_cancel;
  GtkStack             *main_stack;
  GtkPaned             *paned;
  GtkStack             *content_stack;
  AdwStatusPage        *status_page;
  GtkButton            *status_button;
  AgGraphView          *graph_view;
  GtkWidget            *zoom_box;
  GtkWidget            *sidebar;
  GtkSearchEntry       *search_entry;
  GtkListView          *actor_list;
  AgDetailsPanel       *details;
  AgDocumentReader     *reader;
  GtkRevealer          *edit_revealer;

  GtkCustomFilter      *actor_filter;
  GtkSingleSelection   *actor_selection;
  GHashTable           *claim_counts;   /* actor id → claims it takes part in */

  GSettings            *settings;
  AgCase               *kase;
  AgLayout             *layout;
  AgGraphFilter        *graph_filter;
  GCancellable         *cancellable;    /* the layout running, cancelled on close */
  guint                 layout_progress_id;
  guint                 layout_nodes;
  AgImportJob          *import_job;
  gboolean              relayout_pending;  /* the case changed during an import */
  gboolean              close_confirmed;
};

/* ag-window-actions.c */
void     _ag_window_init_actions      (AgWindow   *self);
void     _ag_window_update_actions    (AgWindow   *self);
void     _ag_window_toast             (AgWindow   *self,
                                       const char *message);
gboolean _ag_window_close_request     (AgWindow   *self);

/* ag-window.c */
void     _ag_window_relayout          (AgWindow   *self);
void     _ag_window_show_progress     (AgWindow   *self,
                                       const char *message,
                                       double      fraction,
                                       gboolean    can_cancel);
void     _ag_window_hide_progress     (AgWindow   *self);

G_END_DECLS
