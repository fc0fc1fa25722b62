/* ag-frame-memory.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ag_frame_memory_init      (void);
void ag_frame_memory_keep_pool (GtkWidget *widget);

G_END_DECLS
