/* ag-window-actions.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ag-actor-editor.h"
#include "ag-gui.h"
#include "ag-window-private.h"
#include "ag-export-dialog.h"
#include "ag-filter-panel.h"

/* The window's actions: case files (new, open, recent, save as), import,
 * export, filters, the side panel, and what closing an unsaved case asks. */

#define CASE_MIME_TYPE "application/x-actorgraph-case"
#define CASE_SUFFIX ".actorgraph"
#define RECENT_MAX 8

void
_ag_window_toast (AgWindow   *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (AgWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A case file by its extension or by what SQLite writes at its start:
 * dropped files and command-line arguments are told apart this way. */
static gboolean
looks_like_case (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 header[72];
  gsize n = 0;

  if (basename != NULL && g_str_has_suffix (basename, CASE_SUFFIX))
    return TRUE;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n, NULL, NULL) ||
      n < sizeof header)
    return FALSE;

  return memcmp (header, "SQLite format 3", 16) == 0 &&
         GUINT32_FROM_BE (*(guint32 *)(header + 68)) == AG_CASE_APPLICATION_ID;
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *)CASE_MIME_TYPE,
    .app_name = (char *)"Actor Graph",
    .app_exec = (char *)"actorgraph %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
update_recent_menu (AgWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < RECENT_MAX; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, CASE_SUFFIX) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static gboolean
window_is_unused (AgWindow *self)
{
  return self->kase == NULL ||
         (ag_case_is_temporary (self->kase) &&
          g_list_model_get_n_items (ag_case_get_documents (self->kase)) == 0 &&
          g_list_model_get_n_items (ag_case_get_actors (self->kase)) == 0 &&
          self->import_job == NULL);
}

/* The window showing @file, so that one case never has two windows
 * writing to it. */
static AgWindow *
find_window_for (AgWindow *self,
                 GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList just_this = { .data = self };
  GList *windows = app ? gtk_application_get_windows (app) : NULL;

  if (windows == NULL)
    windows = &just_this;
  for (GList *l = windows; l != NULL; l = l->next)
    {
      AgCase *kase;

      if (!AG_IS_WINDOW (l->data))
        continue;
      kase = ag_window_get_case (l->data);
      if (kase != NULL && g_file_equal (ag_case_get_file (kase), file))
        return l->data;
    }
  return NULL;
}

/* This window when it has nothing in it yet, else a new one. */
static AgWindow *
window_for_new_case (AgWindow *self)
{
  AgWindow *window;

  if (window_is_unused (self))
    return self;
  window = ag_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_case_file (AgWindow *self,
                GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  AgWindow *window = find_window_for (self, file);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  kase = ag_case_open (file, AG_CASE_OPEN_DEFAULT, &error);
  if (kase == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

      show_error (self, _("Could Not Open the Case"), body);
      return;
    }

  window = window_for_new_case (self);
  ag_window_set_case (window, kase);
  gtk_window_present (GTK_WINDOW (window));
  add_recent (file);
  if (ag_case_is_read_only (kase))
    _ag_window_toast (window, _("This case is read-only: changes cannot be saved"));
}


/* Import */

static void
import_progress_cb (AgWindow *self)
{
  AgImportJob *job = self->import_job;
  GFile *current = ag_import_job_get_current_file (job);
  g_autofree char *name = current ? ag_gui_dup_file_name (current) : NULL;
  g_autofree char *message = NULL;
  guint total = ag_import_job_get_n_files (job);
  guint done = ag_import_job_get_n_done (job);

  if (name == NULL)
    return;
  /* Translators: "Importing report.pdf (2 of 5)" */
  message = g_strdup_printf (_("Importing %s (%u of %u)"), name, done + 1, total);
  _ag_window_show_progress (self, message, (double)done / MAX (total, 1), TRUE);
}

static void
import_finished_cb (AgWindow *self)
{
  g_autoptr(AgImportJob) job = g_steal_pointer (&self->import_job);
  guint n_added = ag_import_job_get_n_added (job);
  guint n_failed = ag_import_job_get_n_failed (job);

  g_signal_handlers_disconnect_by_data (job, self);
  _ag_window_hide_progress (self);

  if (n_failed > 0)
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("%u File Was Not Imported",
                                                            "%u Files Were Not Imported", n_failed),
                                                  n_failed);
      g_autofree char *failures = ag_import_job_dup_failures (job);

      show_error (self, heading, failures);
    }
  if (n_added > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Imported %u document", "Imported %u documents", n_added),
                                                  n_added);

      _ag_window_toast (self, message);
    }
  else if (n_failed == 0)
    _ag_window_toast (self, _("Nothing new: the documents are already in the case"));

  if (self->relayout_pending)
    {
      self->relayout_pending = FALSE;
      _ag_window_relayout (self);
    }
  _ag_window_update_actions (self);
}

/**
 * ag_window_import_files:
 * @self: an #AgWindow
 * @files: (array length=n_files): documents to import
 * @n_files: how many
 *
 * Imports documents into the window's case, making a new case first when
 * the window has none. Progress shows in the window; files that fail are
 * named with the reason while the others go in.
 */
void
ag_window_import_files (AgWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_return_if_fail (AG_IS_WINDOW (self));

  if (n_files == 0)
    return;
  if (self->import_job != NULL)
    {
      _ag_window_toast (self, _("Wait for the running import to finish"));
      return;
    }

  if (self->kase == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AgCase) kase = ag_case_new_temporary (&error);

      if (kase == NULL)
        {
          show_error (self, _("Could Not Create a Case"), error->message);
          return;
        }
      ag_window_set_case (self, kase);
    }
  if (ag_case_is_read_only (self->kase))
    {
      _ag_window_toast (self, _("This case is read-only: documents cannot be added"));
      return;
    }

  self->import_job = ag_import_job_new (self->kase, files, n_files);
  g_signal_connect_swapped (self->import_job, "progress", G_CALLBACK (import_progress_cb), self);
  g_signal_connect_swapped (self->import_job, "finished", G_CALLBACK (import_finished_cb), self);
  ag_import_job_start (self->import_job);
  import_progress_cb (self);
  _ag_window_update_actions (self);
}

/**
 * ag_window_open_files:
 * @self: an #AgWindow
 * @files: (array length=n_files): case files and documents
 * @n_files: how many
 *
 * What the command line and dropping files do: case files open, each in
 * its window; documents are imported into this window's case.
 */
void
ag_window_open_files (AgWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  g_return_if_fail (AG_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (looks_like_case (files[i]))
        open_case_file (self, files[i]);
      else
        g_ptr_array_add (documents, files[i]);
    }
  if (documents->len > 0)
    ag_window_import_files (self, (GFile **)documents->pdata, documents->len);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AgWindow      *self)
{
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;
  ag_window_open_files (self, (GFile **)files->pdata, files->len);
  return TRUE;
}


/* File choosers: GtkFileChooserNative, which goes through the portal in
 * the Flatpak (GtkFileDialog needs GTK 4.10). */

static GtkFileFilter *
case_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Actor Graph cases"));
  gtk_file_filter_add_pattern (filter, "*" CASE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, CASE_MIME_TYPE);
  return filter;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  AgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      open_case_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AgWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open Case"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = case_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AgWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_case_file (self, file);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  AgWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  AgWindow *window;

  if (self->kase != NULL && window_is_unused (self))
    return;
  kase = ag_case_new_temporary (&error);
  if (kase == NULL)
    {
      show_error (self, _("Could Not Create a Case"), error->message);
      return;
    }
  window = window_for_new_case (self);
  ag_window_set_case (window, kase);
  gtk_window_present (GTK_WINDOW (window));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    AgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      ag_window_import_files (self, (GFile **)files->pdata, files->len);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AgWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Documents"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *patterns[] = { "*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.pdf", "*.json" };

  gtk_file_filter_set_name (documents, _("Documents (text, Markdown, HTML, PDF, extraction JSON)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (documents, patterns[i]);
  gtk_file_filter_add_mime_type (documents, "text/plain");
  gtk_file_filter_add_mime_type (documents, "text/html");
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AgWindow *self = user_data;

  if (self->import_job != NULL)
    ag_import_job_cancel (self->import_job);
}

/**
 * ag_window_save_as:
 * @self: an #AgWindow
 * @file: where to save the case
 * @error: return location for a #GError
 *
 * Saves the case as @file, which it then lives in.
 *
 * Returns: whether the case was saved
 */
gboolean
ag_window_save_as (AgWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->kase != NULL, FALSE);

  if (!ag_case_save_as (self->kase, file, error))
    return FALSE;

  add_recent (file);
  /* The title and the summary follow the file's new name. */
  g_signal_emit_by_name (self->kase, "changed");
  return TRUE;
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     AgWindow        *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "close-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *name = ag_gui_dup_file_name (file);

      if (!ag_window_save_as (self, file, &error))
        {
          g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

          show_error (self, _("Could Not Save the Case"), body);
        }
      else if (close_after)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Saved as “%s”"), name);

          _ag_window_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
run_save_as (AgWindow *self,
             gboolean  close_after)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Case As"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = case_filter ();
  g_autofree char *title = ag_case_dup_title (self->kase);
  g_autofree char *suggested = NULL;

  if (ag_case_is_temporary (self->kase))
    suggested = g_strdup_printf ("%s%s", _("Untitled Case"), CASE_SUFFIX);
  else
    suggested = g_strdup_printf ("%s%s", title, CASE_SUFFIX);
  /* A name from a document must not become a path. */
  g_strdelimit (suggested, "/\\", '-');

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  run_save_as (user_data, FALSE);
}


/* Export, filters, search, side panel */

static void
exported_cb (AgExportDialog *dialog,
             GFile          *file,
             AgWindow       *self)
{
  g_autofree char *name = ag_gui_dup_file_name (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  _ag_window_toast (self, message);
}


static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AgWindow *self = user_data;
  AgGeometry *geometry = ag_graph_view_get_geometry (self->graph_view);
  g_autofree char *title = NULL;
  AgExportDialog *dialog;

  if (geometry == NULL || self->kase == NULL)
    return;
  title = ag_case_is_temporary (self->kase) ? g_strdup (_("Actor Graph")) : ag_case_dup_title (self->kase);
  g_strdelimit (title, "/\\", '-');
  dialog = ag_export_dialog_new (GTK_WINDOW (self), geometry, title);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The actor the side panel shows: the graph's selection, or the row
 * chosen in the list for an actor filtered out of the graph. */
static AgActor *
current_actor (AgWindow *self)
{
  gint64 id = ag_graph_view_get_selected_actor (self->graph_view);

  if (self->kase == NULL)
    return NULL;
  if (id != 0)
    return ag_case_lookup_actor (self->kase, id);
  return gtk_single_selection_get_selected_item (self->actor_selection);
}

static void
merged_cb (AgActorEditor *editor,
           gint64         kept,
           AgWindow      *self)
{
  ag_graph_view_select_actor (self->graph_view, kept);
}

static void
edit_actor_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AgWindow *self = user_data;
  AgActor *actor = current_actor (self);
  AgActorEditor *editor;

  if (actor == NULL)
    return;
  editor = ag_actor_editor_new (GTK_WINDOW (self), self->kase, actor);
  g_signal_connect_object (editor, "merged", G_CALLBACK (merged_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  AgWindow *self = user_data;

  if (self->kase == NULL)
    return;
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-sidebar", g_variant_new_boolean (TRUE));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_filters_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AgWindow *self = user_data;

  if (self->kase != NULL)
    gtk_menu_button_popup (self->filter_button);
}

static void
filters_changed_cb (AgWindow *self)
{
  AgFilterPanel *panel = AG_FILTER_PANEL (gtk_popover_get_child (self->filter_popover));

  ag_graph_filter_free (self->graph_filter);
  self->graph_filter = ag_filter_panel_dup_filter (panel);
  if (ag_filter_panel_is_active (panel))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  _ag_window_relayout (self);
}

static void
reset_filters_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AgWindow *self = user_data;
  AgFilterPanel *panel = AG_FILTER_PANEL (gtk_popover_get_child (self->filter_popover));

  ag_filter_panel_reset (panel);
  filters_changed_cb (self);
}

static void
selected_actor_cb (AgWindow *self)
{
  AgFilterPanel *panel = AG_FILTER_PANEL (gtk_popover_get_child (self->filter_popover));

  ag_filter_panel_set_selected_actor (panel, ag_graph_view_get_selected_actor (self->graph_view));
}

static void
case_cb (AgWindow *self)
{
  AgFilterPanel *panel = AG_FILTER_PANEL (gtk_popover_get_child (self->filter_popover));

  ag_filter_panel_set_case (panel, self->kase);
  gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}


static void
show_sidebar_changed (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  AgWindow *self = user_data;
  gboolean visible = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  gtk_widget_set_visible (self->sidebar, visible);
  g_settings_set_boolean (self->settings, "sidebar-visible", visible);
}

static void
close_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}


/* Closing a case that lives only in the cache asks first. */

static void
discard_temporary_case (AgWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (ag_case_get_file (self->kase));
  g_autofree char *path = g_file_get_path (file);

  ag_case_close (self->kase);
  if (path != NULL)
    g_unlink (path);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AgWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      discard_temporary_case (self);
      self->close_confirmed = TRUE;
      /* Not from inside the dialog's own response: closing the window
       * destroys the dialog with it. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    run_save_as (self, TRUE);
}

/* Returns: whether the window may close now */
gboolean
_ag_window_close_request (AgWindow *self)
{
  GtkWidget *dialog;

  if (self->close_confirmed || self->kase == NULL || !ag_case_is_temporary (self->kase) ||
      window_is_unused (self))
    return TRUE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the New Case?"),
                                   _("The documents imported into this case are kept only until the window closes, unless you save the case."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}


static void
set_enabled (AgWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_ag_window_update_actions (AgWindow *self)
{
  gboolean has_case = self->kase != NULL;
  gboolean importing = self->import_job != NULL;

  set_enabled (self, "save-as", has_case && !importing);
  set_enabled (self, "import", !importing && (!has_case || !ag_case_is_read_only (self->kase)));
  set_enabled (self, "export", has_case && ag_graph_view_get_geometry (self->graph_view) != NULL);
  set_enabled (self, "search", has_case);
  set_enabled (self, "edit-actor", current_actor (self) != NULL);
  gtk_revealer_set_reveal_child (self->edit_revealer, current_actor (self) != NULL);
  set_enabled (self, "show-filters", has_case);
  set_enabled (self, "cancel-import", importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), has_case);
}

void
_ag_window_init_actions (AgWindow *self)
{
  static const GActionEntry actions[] = {
    { "new", new_action },
    { "open", open_action },
    { "open-recent", open_recent_action, "s" },
    { "save-as", save_as_action },
    { "import", import_action },
    { "cancel-import", cancel_import_action },
    { "export", export_action },
    { "search", search_action },
    { "edit-actor", edit_actor_action },
    { "show-filters", show_filters_action },
    { "reset-filters", reset_filters_action },
    { "show-sidebar", NULL, NULL, "true", show_sidebar_changed },
    { "close", close_action },
  };
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkWidget *filter_panel = ag_filter_panel_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-sidebar",
                                      g_variant_new_boolean (g_settings_get_boolean (self->settings, "sidebar-visible")));

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_popover_set_child (self->filter_popover, filter_panel);
  g_signal_connect_object (filter_panel, "changed", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->graph_view, "notify::selected-actor", G_CALLBACK (selected_actor_cb), self);
  g_signal_connect (self, "notify::case", G_CALLBACK (case_cb), NULL);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}
