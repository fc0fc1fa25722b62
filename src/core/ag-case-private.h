/* ag-case-private.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ag-case.h"

G_BEGIN_DECLS

/* ag-case-schema.c: opening, checking, creating and migrating case files. */

sqlite3  *_ag_case_db_open      (const char  *path,
                                 gboolean     read_only,
                                 GError     **error);
gboolean  _ag_case_db_create    (const char  *path,
                                 GError     **error);
void      _ag_case_db_configure (sqlite3     *db);
int       _ag_case_make_scratch (const char  *dir,
                                 char       **out_path);
gboolean  _ag_case_db_exec      (sqlite3     *db,
                                 const char  *sql,
                                 GError     **error);
void      _ag_case_db_set_error (sqlite3     *db,
                                 int          rc,
                                 GError     **error);

G_END_DECLS
