/* ag-import-job.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-case.h"

G_BEGIN_DECLS

#define AG_TYPE_IMPORT_JOB (ag_import_job_get_type ())

G_DECLARE_FINAL_TYPE (AgImportJob, ag_import_job, AG, IMPORT_JOB, GObject)

AgImportJob *ag_import_job_new             (AgCase       *kase,
                                            GFile       **files,
                                            guint         n_files);
void         ag_import_job_start           (AgImportJob  *self);
void         ag_import_job_cancel          (AgImportJob  *self);
gboolean     ag_import_job_is_running      (AgImportJob  *self);
guint        ag_import_job_get_n_files     (AgImportJob  *self);
guint        ag_import_job_get_n_done      (AgImportJob  *self);
GFile       *ag_import_job_get_current_file (AgImportJob *self);
guint        ag_import_job_get_n_added     (AgImportJob  *self);
guint        ag_import_job_get_n_failed    (AgImportJob  *self);
char        *ag_import_job_dup_failures    (AgImportJob  *self);

G_END_DECLS
