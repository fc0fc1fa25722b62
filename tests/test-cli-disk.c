/* test-cli-disk.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A disk that fills up, and a case that cannot be written: the import
 * fails with one clear line per document, and the case stays as it was. */

#include "config.h"

#include "ag-test-util.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static int
run_cli (GSubprocessLauncher  *launcher,
         char                **out,
         char                **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *)g_getenv ("AG_CLI"));
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static guint
count_lines (const char *text,
             const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;
  return n;
}

static rlim_t file_size_limit;

/* Runs in the child: files may grow no further than the limit, and
 * growing one fails with EFBIG instead of killing the process. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { file_size_limit, file_size_limit };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ag-disk-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.actorgraph", NULL);
  g_autofree char *first = g_build_filename (dir, "first.txt", NULL);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *small = g_build_filename (dir, "small.txt", NULL);
  g_autoptr(GSubprocessLauncher) plain = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                     G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocessLauncher) limited = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;
  int status;

  g_assert_true (g_file_set_contents (first, "The ministry said the attack came from abroad.\n", -1, NULL));
  g_assert_true (g_file_set_contents (small, "A short note on the incident.\n", -1, NULL));
  for (guint i = 0; text->len < 2 * 1024 * 1024; i++)
    g_string_append_printf (text, "Line %u of a very long leaked report on intrusions. ", i);
  g_assert_true (g_file_set_contents (big, text->str, text->len, NULL));

  status = run_cli (plain, NULL, NULL, "import", case_path, first, NULL);
  g_assert_cmpint (status, ==, 0);
  before = ag_test_file_digest (case_path);
  g_assert_cmpint (g_stat (case_path, &st), ==, 0);

  /* Room for the small document, not for the big one. */
  file_size_limit = st.st_size + 64 * 1024;
  g_subprocess_launcher_set_child_setup (limited, limit_file_size, NULL, NULL);
  status = run_cli (limited, &out, &err, "import", case_path, big, small, NULL);
  g_test_message ("stderr: %s", err);

  g_assert_cmpint (status, ==, 1);
  g_assert_cmpuint (count_lines (err, "big.txt: not imported"), ==, 1);
  g_assert_cmpuint (count_lines (err, "disk is full"), ==, 1);
  g_assert_cmpuint (count_lines (err, "small.txt: imported"), ==, 1);

  /* The big document left no trace; the small one went in. */
  g_clear_pointer (&out, g_free);
  status = run_cli (plain, &out, NULL, "info", "--format", "json", case_path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\"documents\" : 2"));

  /* Without the small one, the file is exactly as before. SQLite may
   * leave the interrupted change in its journal, to be rolled back by the
   * next program that opens the file: here a reader, `info`. */
  g_unlink (case_path);
  status = run_cli (plain, NULL, NULL, "import", case_path, first, NULL);
  g_free (before);
  before = ag_test_file_digest (case_path);
  g_clear_pointer (&err, g_free);
  status = run_cli (limited, NULL, &err, "import", case_path, big, NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  status = run_cli (plain, &out, NULL, "info", "--format", "json", case_path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\"documents\" : 1"));
  after = ag_test_file_digest (case_path);
  g_assert_cmpstr (before, ==, after);

  g_unlink (case_path);
  {
    g_autofree char *journal = g_strconcat (case_path, "-journal", NULL);

    g_unlink (journal);
  }
  g_unlink (first);
  g_unlink (big);
  g_unlink (small);
  g_rmdir (dir);
}

static void
test_read_only_case (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ag-ro-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.actorgraph", NULL);
  g_autofree char *doc = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.txt", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_file_set_contents (doc, "First statement.\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "Second statement.\n", -1, NULL));
  status = run_cli (launcher, NULL, NULL, "import", case_path, doc, NULL);
  g_assert_cmpint (status, ==, 0);

  /* root writes through file modes, so the test needs someone else. */
  if (geteuid () == 0)
    {
      g_test_skip ("file modes do not stop root");
      goto out;
    }

  g_assert_cmpint (g_chmod (case_path, 0444), ==, 0);
  before = ag_test_file_digest (case_path);
  status = run_cli (launcher, NULL, &err, "import", case_path, other, NULL);
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpuint (count_lines (err, "other.txt: not imported"), ==, 1);
  g_assert_cmpuint (count_lines (err, "read-only"), ==, 1);
  after = ag_test_file_digest (case_path);
  g_assert_cmpstr (before, ==, after);

  /* Reading a read-only case still works. */
  status = run_cli (launcher, NULL, NULL, "info", case_path, NULL);
  g_assert_cmpint (status, ==, 0);

out:
  g_chmod (case_path, 0644);
  g_unlink (case_path);
  g_unlink (doc);
  g_unlink (other);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/disk/full", test_disk_full);
  g_test_add_func ("/cli/disk/read-only-case", test_read_only_case);

  return g_test_run ();
}
