/* ag-gui.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  ag_gui_ensure_resources (void);
char *ag_gui_dup_file_name    (GFile *file);

G_END_DECLS
