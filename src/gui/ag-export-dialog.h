/* ag-export-dialog.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ag-export.h"
#include "ag-geometry.h"

G_BEGIN_DECLS

#define AG_TYPE_EXPORT_DIALOG (ag_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AgExportDialog, ag_export_dialog, AG, EXPORT_DIALOG, AdwWindow)

AgExportDialog *ag_export_dialog_new                (GtkWindow       *parent,
                                                     AgGeometry      *geometry,
                                                     const char      *base_name);
AgGeometry     *ag_export_dialog_get_geometry       (AgExportDialog  *self);
AgExportFormat  ag_export_dialog_get_format         (AgExportDialog  *self);
void            ag_export_dialog_set_format         (AgExportDialog  *self,
                                                     AgExportFormat   format);
void            ag_export_dialog_get_options        (AgExportDialog  *self,
                                                     AgExportOptions *options);
gboolean        ag_export_dialog_is_busy            (AgExportDialog  *self);
char           *ag_export_dialog_dup_suggested_name (AgExportDialog  *self);

G_END_DECLS
