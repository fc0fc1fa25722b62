/* ag-test-util.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ag-case.h"

G_BEGIN_DECLS

/* Helpers shared by the test programs. */

void  ag_test_remove_tree (const char *path);
char *ag_test_file_digest (const char *path);
char *ag_test_write_file  (const char *dir,
                           const char *name,
                           const char *contents,
                           gssize      length);
AgClaim *ag_test_find_claim (AgCase      *kase,
                             AgClaimKind  kind,
                             const char  *subject);

G_END_DECLS
