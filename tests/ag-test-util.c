/* ag-test-util.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ag-test-util.h"

/**
 * ag_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and all it holds, folders a test made read-only too.
 */
void
ag_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ag_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/**
 * ag_test_file_digest:
 * @path: a file
 *
 * Returns: (transfer full): the SHA-256 of the file's bytes, to tell that
 *   a file was left exactly as it was
 */
char *
ag_test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/**
 * ag_test_write_file:
 * @dir: a folder
 * @name: a file name
 * @contents: what to write
 * @length: its length, or -1 for a string
 *
 * Returns: (transfer full): the path of the file written
 */
char *
ag_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

/**
 * ag_test_find_claim:
 * @kase: a case
 * @kind: the claim's kind
 * @subject: the name of its subject
 *
 * Returns: (transfer none) (nullable): the first such claim of @kase
 */
AgClaim *
ag_test_find_claim (AgCase      *kase,
                    AgClaimKind  kind,
                    const char  *subject)
{
  GListModel *claims = ag_case_get_claims (kase);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);

      if (ag_claim_get_kind (claim) == kind &&
          g_str_equal (ag_actor_get_name (ag_claim_get_subject (claim)), subject))
        return claim;  /* the case keeps it alive */
    }

  return NULL;
}
