/* test-cli-kill.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Kills "actorgraph-cli import" with SIGKILL at random moments and checks
 * that the case survives: it opens, passes PRAGMA integrity_check, and holds
 * every document whose import had been reported done. */

#include "config.h"

#include "ag-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "ag-case.h"

#define N_DOCS        40
#define N_KILLS       56
#define KILLS_PER_CASE 4

typedef struct
{
  char      *dir;
  GPtrArray *docs;          /* absolute paths of the documents */
  gint64     full_run_us;   /* one uninterrupted import of them all */
  gint64     create_run_us; /* creating a case with one small document */

  /* What the kills did, for the summary. */
  guint      kills;
  guint      mid_import;
  guint      before_first;
  guint      finished_first;
  guint      no_case_file;
  guint      hot_journals;
  guint      docs_verified;
  guint      resumed_runs;
} KillTest;

/* The documents that one case was told were imported: path → id. */
typedef struct
{
  char       *path;
  GHashTable *reported;
  guint       runs;
  guint       n_docs;  /* in the case at the last check */
} Series;

static const char * const subjects[] = {
  "The foreign ministry", "A spokesman for the embassy", "The national cyber centre",
  "Investigators at a security firm", "The interior minister", "A joint advisory",
  "Prosecutors", "The alliance's secretary general", "An opposition lawmaker",
  "Researchers at a university lab",
};
static const char * const verbs[] = {
  "accused", "blamed", "linked", "named", "cleared", "sanctioned", "warned about",
  "denied any role alongside", "traced the intrusion to", "publicly attributed the breach to",
};
static const char * const objects[] = {
  "the group known as Amber Kite", "military intelligence unit 4411", "a contractor in the capital",
  "the Tin Sparrow crew", "state-backed operators", "a ransomware affiliate",
  "hackers working for the security service", "an espionage outfit called Grey Lynx",
};
static const char * const tails[] = {
  "after servers at the water utility went dark",
  "citing malware samples and reused infrastructure",
  "in a statement published late on Friday",
  "although no technical evidence was released",
  "following months of intrusions into ministries",
  "and called the campaign reckless",
};

static const char *
pick (const char * const *words,
      guint               n_words)
{
  return words[g_test_rand_int_range (0, n_words)];
}

/* A distinct, news-like report of about @size bytes. */
static char *
generate_report (guint index,
                 gsize size)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Intrusion report %u: %s %s %s\n\n",
                          index, pick (subjects, G_N_ELEMENTS (subjects)),
                          pick (verbs, G_N_ELEMENTS (verbs)),
                          pick (objects, G_N_ELEMENTS (objects)));
  while (text->len < size)
    {
      guint sentences = g_test_rand_int_range (2, 7);

      for (guint s = 0; s < sentences; s++)
        g_string_append_printf (text, "%s %s %s %s (item %u.%u). ",
                                pick (subjects, G_N_ELEMENTS (subjects)),
                                pick (verbs, G_N_ELEMENTS (verbs)),
                                pick (objects, G_N_ELEMENTS (objects)),
                                pick (tails, G_N_ELEMENTS (tails)),
                                index, (guint)text->len);
      g_string_append (text, "\n\n");
    }

  return g_string_free (text, FALSE);
}

static GSubprocess *
spawn_import (const char *kase,
              GPtrArray  *files)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *cli = g_getenv ("AG_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  g_ptr_array_add (argv, (gpointer)"import");
  g_ptr_array_add (argv, (gpointer)kase);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  return process;
}

/* Reads what the process wrote to stderr until it is gone. */
static char *
collect_stderr (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  return err;
}

/* Records the progress lines of one run in @series. Only whole lines count:
 * everything in the pipe was written before the process died. Returns the
 * number of progress lines. */
static guint
parse_progress (Series     *series,
                const char *err,
                gboolean    killed)
{
  static GRegex *imported_re;
  static GRegex *already_re;
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint n_progress = 0;

  if (imported_re == NULL)
    {
      imported_re = g_regex_new ("^\\[[0-9]+/" G_STRINGIFY (N_DOCS) "\\] (.+): imported as document ([0-9]+) \\([0-9]+ claims?\\)$",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      already_re = g_regex_new ("^\\[[0-9]+/" G_STRINGIFY (N_DOCS) "\\] (.+): already in the case as “.*”$",
                                G_REGEX_OPTIMIZE, 0, NULL);
    }

  /* The last piece follows the last newline: empty, or a cut line. */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (imported_re, lines[i], 0, &match))
        {
          g_autofree char *path = g_match_info_fetch (match, 1);
          g_autofree char *id = g_match_info_fetch (match, 2);

          /* Reported once means stored: it must never be imported twice. */
          if (g_hash_table_contains (series->reported, path))
            g_error ("%s was imported again after it had been reported done", path);
          g_hash_table_insert (series->reported, g_steal_pointer (&path),
                               GSIZE_TO_POINTER (g_ascii_strtoull (id, NULL, 10)));
        }
      else if (g_regex_match (already_re, lines[i], 0, NULL))
        ;
      else if (killed && g_str_has_prefix (lines[i], "=="))
        {
          /* LeakSanitizer, stopped by the kill in its check at exit. */
          continue;
        }
      else if (g_str_has_prefix (lines[i], "==") && strstr (lines[i], "==Unable to get registers from thread ") != NULL)
        {
          /* LeakSanitizer's own note when a thread ends while it stops the
           * world at exit (seen on a busy machine); its check goes on, and
           * a leak it finds still fails the exit status. */
          continue;
        }
      else
        g_error ("unexpected line on stderr: “%s”", lines[i]);

      n_progress++;
    }

  return n_progress;
}

static void
check_with_sqlite (KillTest *test,
                   Series   *series,
                   gboolean  complete,
                   guint    *n_docs)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* Read-write: SQLite must be able to roll back a hot journal. */
  g_assert_cmpint (sqlite3_open_v2 (series->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0x41674772);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, AG_CASE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);

  /* No document twice, none from elsewhere. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*), count (DISTINCT source) FROM documents",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *n_docs = sqlite3_column_int (stmt, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, *n_docs);
  g_assert_cmpint (*n_docs, <=, N_DOCS);
  g_assert_cmpint (*n_docs, >=, g_hash_table_size (series->reported));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT source, length (text) FROM documents WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_hash_table_iter_init (&iter, series->reported);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_bind_int64 (stmt, 1, GPOINTER_TO_SIZE (value));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("document %zu (%s) was reported imported but is not in %s",
                 GPOINTER_TO_SIZE (value), (const char *)key, series->path);
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, key);
      g_assert_cmpint (sqlite3_column_int (stmt, 1), >, 0);
      sqlite3_reset (stmt);
      test->docs_verified++;
    }
  sqlite3_finalize (stmt);

  /* After a full run every document is there, once. */
  if (complete)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM documents WHERE source = ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      for (guint i = 0; i < test->docs->len; i++)
        {
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (test->docs, i), -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
check_with_ag_case (Series *series,
                    guint   n_docs)
{
  g_autoptr(GFile) file = g_file_new_for_path (series->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  GListModel *documents;
  GHashTableIter iter;
  gpointer key, value;

  kase = ag_case_open (file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);

  documents = ag_case_get_documents (kase);
  if (n_docs != G_MAXUINT)
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_docs);

  g_hash_table_iter_init (&iter, series->reported);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (documents) && !found; i++)
        {
          g_autoptr(AgDocument) document = g_list_model_get_item (documents, i);

          found = ag_document_get_id (document) == (gint64)GPOINTER_TO_SIZE (value) &&
                  g_strcmp0 (ag_document_get_source (document), key) == 0;
        }
      if (!found)
        g_error ("ag_case_open() does not show %s in %s", (const char *)key, series->path);
    }

  ag_case_close (kase);
}

/* "info" opens the case read-only, hot journal or not. */
static void
check_with_info (Series *series)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("AG_CLI"), "info", series->path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("info on a killed case failed: %s", err);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Documents: "));
}

/* Checks a case after a kill (or a full run when @complete). */
static void
verify_case (KillTest *test,
             Series   *series,
             guint     order,
             gboolean  complete)
{
  g_autofree char *journal = g_strconcat (series->path, "-journal", NULL);
  guint n_docs = 0;

  if (!g_file_test (series->path, G_FILE_TEST_EXISTS))
    {
      /* Killed while the case was being made: nothing must be there, and
       * nothing can have been reported. */
      g_assert_false (complete);
      g_assert_cmpuint (g_hash_table_size (series->reported), ==, 0);
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      test->no_case_file++;
      return;
    }

  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    test->hot_journals++;

  /* Each way of opening may be the one to meet the hot journal. */
  switch (order % 3)
    {
    case 0:
      check_with_sqlite (test, series, complete, &n_docs);
      check_with_ag_case (series, n_docs);
      break;

    case 1:
      check_with_ag_case (series, G_MAXUINT);
      check_with_sqlite (test, series, complete, &n_docs);
      break;

    default:
      check_with_info (series);
      check_with_sqlite (test, series, complete, &n_docs);
      check_with_ag_case (series, n_docs);
      break;
    }

  if (complete)
    g_assert_cmpuint (n_docs, ==, N_DOCS);
  series->n_docs = n_docs;
}

static void
series_free (Series *series)
{
  g_free (series->path);
  g_hash_table_unref (series->reported);
  g_free (series);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Series, series_free)

static Series *
series_new (KillTest *test,
            guint     index)
{
  Series *series = g_new0 (Series, 1);

  series->path = g_strdup_printf ("%s/case-%02u.actorgraph", test->dir, index);
  series->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return series;
}

/* Imports the documents into the series' case without a kill. */
static void
run_to_completion (KillTest *test,
                   Series   *series)
{
  g_autoptr(GSubprocess) process = spawn_import (series->path, test->docs);
  g_autofree char *err = collect_stderr (process);

  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("import into a case killed before failed:\n%s", err);
  g_assert_cmpuint (parse_progress (series, err, FALSE), ==, N_DOCS);
  if (series->runs > 0)
    test->resumed_runs++;
  series->runs++;
}

static void
make_documents (KillTest *test)
{
  g_autofree char *docs_dir = g_build_filename (test->dir, "docs", NULL);

  g_assert_cmpint (g_mkdir (docs_dir, 0700), ==, 0);
  test->docs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_DOCS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      char *path = g_strdup_printf ("%s/report-%02u.txt", docs_dir, i);
      gsize size;

      /* Every fifth one is large, so that kills land inside its write. */
      if (i % 5 == 2)
        size = g_test_rand_int_range (150 * 1024, 200 * 1024);
      else
        size = g_test_rand_int_range (3 * 1024, 40 * 1024);

      text = generate_report (i, size);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (test->docs, path);
    }
}

/* Times the runs that the kill delays are scaled to. */
static void
measure (KillTest *test)
{
  g_autoptr(Series) full = series_new (test, 99);
  g_autoptr(Series) small = series_new (test, 98);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  run_to_completion (test, full);
  test->full_run_us = g_get_monotonic_time () - start;
  verify_case (test, full, 0, TRUE);

  g_ptr_array_add (one, g_ptr_array_index (test->docs, 0));
  start = g_get_monotonic_time ();
  process = spawn_import (small->path, one);
  err = collect_stderr (process);
  test->create_run_us = g_get_monotonic_time () - start;
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  g_test_message ("one full import of %u documents: %.0f ms; creating a case: %.0f ms",
                  N_DOCS, test->full_run_us / 1000.0, test->create_run_us / 1000.0);

  g_unlink (full->path);
  g_unlink (small->path);
}

static void
test_kill_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Series) series = NULL;
  g_autoptr(GDir) dir = NULL;
  KillTest test = { 0 };
  guint n_series = 0;
  double scale = 1.0;
  guint leftovers = 0;
  const char *name;
  gint64 start = g_get_monotonic_time ();

  test.dir = g_dir_make_tmp ("actorgraph-kill-XXXXXX", &error);
  g_assert_no_error (error);

  make_documents (&test);
  measure (&test);

  /* Count kills, not runs: now and then a run finishes before its signal. */
  for (guint k = 0; test.kills < N_KILLS; k++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *err = NULL;
      gboolean fresh = k % KILLS_PER_CASE == 0;
      gboolean aim_at_creation;
      guint n_progress;
      gint64 delay;

      g_assert_cmpuint (k, <, 4 * N_KILLS);
      if (fresh)
        {
          /* Finish the previous case: the import must pick up where the
           * kills left it and skip what is already there. */
          if (series != NULL)
            {
              run_to_completion (&test, series);
              verify_case (&test, series, k, TRUE);
            }
          g_clear_pointer (&series, series_free);
          series = series_new (&test, n_series++);
        }

      /* Half of the first kills of a case aim at its creation. */
      aim_at_creation = fresh && g_test_rand_bit ();
      if (aim_at_creation)
        delay = g_test_rand_int_range (0, (gint32)MAX (test.create_run_us, 1000));
      else
        {
          /* A resumed run skips what is there: aim at what is left. */
          gint64 work = (test.full_run_us - test.create_run_us) * (N_DOCS - series->n_docs) / N_DOCS;

          delay = g_test_rand_int_range (0, (gint32)MAX ((test.create_run_us + work) * 1.1 * scale, 1000));
        }

      process = spawn_import (series->path, test.docs);
      g_usleep (delay);
      g_subprocess_send_signal (process, SIGKILL);
      err = collect_stderr (process);
      series->runs++;
      if (series->runs > 1)
        test.resumed_runs++;

      n_progress = parse_progress (series, err, g_subprocess_get_if_signaled (process));
      if (g_subprocess_get_if_signaled (process))
        {
          g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
          test.kills++;
          if (n_progress == 0)
            test.before_first++;
          else if (n_progress < N_DOCS)
            test.mid_import++;

          /* The machine may be slower than when measured: aim later. */
          if (n_progress == 0 && !aim_at_creation)
            scale = MIN (scale * 1.1, 4.0);
        }
      else
        {
          /* It finished before the signal came. */
          if (g_subprocess_get_exit_status (process) != 0)
            g_error ("import exited with %d:\n%s", g_subprocess_get_exit_status (process), err);
          g_assert_cmpuint (n_progress, ==, N_DOCS);
          test.finished_first++;

          /* Or faster: aim earlier. */
          scale = MAX (scale * 0.75, 0.25);
        }

      verify_case (&test, series, k, FALSE);
    }

  run_to_completion (&test, series);
  verify_case (&test, series, 0, TRUE);

  /* A case made while a kill came may leave its scratch file behind. */
  dir = g_dir_open (test.dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".actorgraph-"))
      leftovers++;

  g_test_message ("%u runs killed (%u before the first document, %u mid-import), "
                  "%u finished before the signal, %u left no case file, "
                  "%u left a hot journal, %u resumed runs, %u reported documents verified, "
                  "%u scratch files left in the folder, %.1f s",
                  test.kills, test.before_first, test.mid_import, test.finished_first,
                  test.no_case_file, test.hot_journals, test.resumed_runs,
                  test.docs_verified, leftovers,
                  (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpuint (test.kills, >=, 50);
  g_assert_cmpuint (test.mid_import, >, 0);

  ag_test_remove_tree (test.dir);
  g_free (test.dir);
  g_ptr_array_unref (test.docs);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/kill/import", test_kill_import);

  return g_test_run ();
}
