/* ag-import-job.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-import-job"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-gui.h"
#include "ag-importer.h"
#include "ag-import-job.h"

/* Imports files into a case one at a time: reading, converting and
 * extracting a file runs in a thread, adding its documents to the case runs
 * on the main thread, where the case lives. A file that fails is recorded
 * and the next one goes on; cancelling stops before the next file, so every
 * document is either wholly in the case or not at all. */

struct _AgImportJob
{
  GObject       parent_instance;

  AgCase       *kase;
  GPtrArray    *files;        /* (element-type GFile) */
  guint         n_done;
  guint         n_added;
  GString      *failures;     /* one "name: reason" line per failed file */
  guint         n_failed;
  GCancellable *cancellable;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (AgImportJob, ag_import_job, G_TYPE_OBJECT)

enum {
  PROGRESS,
  FAILED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a thread needs: the file, and the content hashes the case already
 * holds, so that a document already there is not extracted again. */
typedef struct
{
  GFile      *file;
  GHashTable *known;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->known, g_hash_table_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ag_importer_load_file (data->file, cancellable, &error);
  g_autofree char *name = NULL;

  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  name = g_file_get_basename (data->file);
  for (guint i = 0; i < items->len; i++)
    {
      AgImportItem *item = g_ptr_array_index (items, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The case itself lives on the main thread: what it holds is asked
       * of the snapshot of its content hashes. */
      ag_import_item_ensure_extraction (item,
                                        g_hash_table_contains (data->known,
                                                               ag_document_get_content_hash (item->document)),
                                        name);
    }

  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify)g_ptr_array_unref);
}

static void load_next (AgImportJob *self);

static void
finish (AgImportJob *self)
{
  self->running = FALSE;
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
record_failure (AgImportJob *self,
                GFile       *file,
                const char  *message)
{
  g_autofree char *name = ag_gui_dup_file_name (file);

  self->n_failed++;
  g_string_append_printf (self->failures, "%s%s: %s",
                          self->failures->len > 0 ? "\n" : "", name, message);
  g_signal_emit (self, signals[FAILED], 0, file, message);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AgImportJob) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  GFile *file = g_ptr_array_index (self->files, self->n_done);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish (self);
      return;
    }

  if (items == NULL)
    record_failure (self, file, error->message);
  else
    {
      for (guint i = 0; i < items->len; i++)
        {
          AgImportItem *item = g_ptr_array_index (items, i);
          AgDocument *existing = NULL;
          g_autoptr(GError) local_error = NULL;

          if (!ag_case_add_document (self->kase, item->document, item->extraction, &existing, &local_error))
            {
              record_failure (self, file, local_error->message);
              break;
            }
          if (existing == NULL)
            self->n_added++;
        }
    }

  self->n_done++;
  g_signal_emit (self, signals[PROGRESS], 0);
  load_next (self);
}

static void
load_next (AgImportJob *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;
  GListModel *documents;

  if (self->n_done >= self->files->len || g_cancellable_is_cancelled (self->cancellable))
    {
      finish (self);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (g_ptr_array_index (self->files, self->n_done));
  data->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  documents = ag_case_get_documents (self->kase);
  for (guint i = 0, n = g_list_model_get_n_items (documents); i < n; i++)
    {
      g_autoptr(AgDocument) document = g_list_model_get_item (documents, i);

      g_hash_table_add (data->known, g_strdup (ag_document_get_content_hash (document)));
    }

  task = g_task_new (self, self->cancellable, load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_next);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
ag_import_job_finalize (GObject *object)
{
  AgImportJob *self = (AgImportJob *)object;

  g_clear_object (&self->kase);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_string_free (self->failures, TRUE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ag_import_job_parent_class)->finalize (object);
}

static void
ag_import_job_class_init (AgImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_import_job_finalize;

  /**
   * AgImportJob::progress:
   *
   * A file is done, imported or not.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AgImportJob::failed:
   * @file: the file
   * @message: why it was not imported
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  /**
   * AgImportJob::finished:
   *
   * Every file is done, or the job was cancelled.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ag_import_job_init (AgImportJob *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->failures = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();
}

AgImportJob *
ag_import_job_new (AgCase  *kase,
                   GFile  **files,
                   guint    n_files)
{
  AgImportJob *self;

  g_return_val_if_fail (AG_IS_CASE (kase), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (AG_TYPE_IMPORT_JOB, NULL);
  self->kase = g_object_ref (kase);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));

  return self;
}

/**
 * ag_import_job_start:
 * @self: an #AgImportJob
 *
 * Starts importing; #AgImportJob::finished follows, on the main loop.
 */
void
ag_import_job_start (AgImportJob *self)
{
  g_return_if_fail (AG_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  load_next (self);
}

void
ag_import_job_cancel (AgImportJob *self)
{
  g_return_if_fail (AG_IS_IMPORT_JOB (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
ag_import_job_is_running (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), FALSE);

  return self->running;
}

guint
ag_import_job_get_n_files (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), 0);

  return self->files->len;
}

guint
ag_import_job_get_n_done (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), 0);

  return self->n_done;
}

/**
 * ag_import_job_get_current_file:
 * @self: an #AgImportJob
 *
 * Returns: (transfer none) (nullable): the file being imported
 */
GFile *
ag_import_job_get_current_file (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), NULL);

  if (!self->running || self->n_done >= self->files->len)
    return NULL;
  return g_ptr_array_index (self->files, self->n_done);
}

guint
ag_import_job_get_n_added (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), 0);

  return self->n_added;
}

guint
ag_import_job_get_n_failed (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), 0);

  return self->n_failed;
}

/**
 * ag_import_job_dup_failures:
 * @self: an #AgImportJob
 *
 * Returns: (transfer full): one "name: reason" line per file not imported
 */
char *
ag_import_job_dup_failures (AgImportJob *self)
{
  g_return_val_if_fail (AG_IS_IMPORT_JOB (self), NULL);

  return g_strdup (self->failures->str);
}
