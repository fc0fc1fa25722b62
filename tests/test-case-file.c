/* test-case-file.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Case files from elsewhere: older and newer formats, other programs'
 * databases, damaged files. Each is either opened as promised or refused
 * with the right error, and a refused file is left byte for byte as it was. */

#include "config.h"

#include "ag-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ag-case.h"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("ag-test-case-file-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "case.actorgraph", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_object (&fixture->file);
}

/* Runs SQL on a file with plain SQLite, as another program would. */
static void
sql (const char *path,
     const char *script)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, script, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", script, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
sql_int (const char *path,
         const char *query)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A real case with a few documents in it. */
static void
make_case (Fixture *fixture,
           guint    n_documents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(AgDocument) document = NULL;
      g_autoptr(AgExtraction) extraction = ag_extraction_new ("doc");

      for (guint j = 0; j < 200; j++)
        g_string_append_printf (text, "Paragraph %u of report %u: the ministry denied involvement. ", j, i);
      document = ag_document_new ("report", NULL, text->str);
      ag_extraction_add_actor (extraction, AG_ACTOR_COUNTRY, "Atlantis");
      ag_extraction_add_claim (extraction, AG_CLAIM_DENIES, NULL, "Atlantis", NULL);
      g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
    }
}

/* Opening must fail with @code and leave the file as it was. */
static void
assert_refused (Fixture  *fixture,
                int       code,
                const char *fragment)
{
  g_autofree char *before = ag_test_file_digest (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;

  for (guint flags = 0; flags < 2; flags++)
    {
      kase = ag_case_open (fixture->file, flags == 0 ? AG_CASE_OPEN_CREATE : AG_CASE_OPEN_READ_ONLY, &error);
      g_assert_null (kase);
      g_assert_error (error, AG_CASE_ERROR, code);
      /* It becomes one line of a message: "FILE: reason". */
      g_assert_null (strchr (error->message, '\n'));
      if (fragment != NULL && strstr (error->message, fragment) == NULL)
        g_error ("“%s” does not say “%s”", error->message, fragment);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
    }

  after = ag_test_file_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_new_file_is_marked (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA application_id"), ==, 0x41674772);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, AG_CASE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM case_info WHERE key = 'generator'"), ==, 1);
  /* No half-made files are left beside it. */
  {
    g_autoptr(GDir) d = g_dir_open (fixture->dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* A file of format 0: ours (application_id set) but without tables, as a
 * script that only marks a file would leave it. It is brought to the
 * current format on open. */
static void
test_migrate_from_zero (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autoptr(AgDocument) document = ag_document_new ("t", NULL, "Some text.");

  sql (fixture->path, "PRAGMA application_id = 1097287538; PRAGMA user_version = 0;");
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sqlite_schema"), ==, 0);

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ag_case_add_document (kase, document, NULL, NULL, &error));
  ag_case_close (kase);

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, AG_CASE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM documents"), ==, 1);
}

/* An old file opened read-only cannot be upgraded, so it is refused and
 * left in its old format. */
static void
test_migration_read_only (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sql (fixture->path, "PRAGMA application_id = 1097287538; PRAGMA user_version = 0;");
  before = ag_test_file_digest (fixture->path);
  kase = ag_case_open (fixture->file, AG_CASE_OPEN_READ_ONLY, &error);
  g_assert_null (kase);
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "older case format"));
  after = ag_test_file_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A migration that fails half-way is rolled back whole. */
static void
test_failed_migration_rolls_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sql (fixture->path,
       "PRAGMA application_id = 1097287538; PRAGMA user_version = 0;"
       "CREATE TABLE actors (x);");
  before = ag_test_file_digest (fixture->path);

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_null (kase);
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "could not be upgraded"));

  after = ag_test_file_digest (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

static void
test_newer_format (Fixture       *fixture,
                   gconstpointer  data)
{
  make_case (fixture, 1);
  sql (fixture->path, "PRAGMA user_version = 2;");
  assert_refused (fixture, AG_CASE_ERROR_TOO_NEW, "newer version");
}

static void
test_not_sqlite (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GByteArray) noise = g_byte_array_new ();

  for (guint i = 0; i < 8192; i++)
    {
      guint8 b = g_test_rand_int_range (0, 256);

      g_byte_array_append (noise, &b, 1);
    }
  g_assert_true (g_file_set_contents (fixture->path, (const char *)noise->data, noise->len, NULL));
  assert_refused (fixture, AG_CASE_ERROR_NOT_SQLITE, "not an SQLite database");

  g_assert_true (g_file_set_contents (fixture->path, "The UK accused China.\n", -1, NULL));
  assert_refused (fixture, AG_CASE_ERROR_NOT_SQLITE, "not an SQLite database");

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_refused (fixture, AG_CASE_ERROR_NOT_SQLITE, "empty");

  /* A header and nothing else. */
  g_assert_true (g_file_set_contents (fixture->path, "SQLite format 3", 16, NULL));
  assert_refused (fixture, AG_CASE_ERROR_NOT_SQLITE, NULL);
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  sql (fixture->path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                      "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused (fixture, AG_CASE_ERROR_NOT_A_CASE, "another program");

  /* Another program's id, even with our tables' names. */
  g_unlink (fixture->path);
  make_case (fixture, 1);
  sql (fixture->path, "PRAGMA application_id = 42;");
  assert_refused (fixture, AG_CASE_ERROR_NOT_A_CASE, "another program");
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_case (fixture, 5);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  g_assert_true (g_file_set_contents (fixture->path, contents, length / 2, NULL));
  assert_refused (fixture, AG_CASE_ERROR_CORRUPT, "truncated");
}

static void
test_corrupt_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint32 page_size;

  make_case (fixture, 5);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  page_size = ((guint8)contents[16] << 8) | (guint8)contents[17];

  /* Scribble over the b-tree headers of every page after the first two. */
  for (gsize page = 2; (page + 1) * page_size <= length; page++)
    memset (contents + page * page_size, 0x5a, 64);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  assert_refused (fixture, AG_CASE_ERROR_CORRUPT, NULL);
}

/* Files altered by another program are not trusted, whatever they add. */
static void
test_altered_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const alterations[] = {
    "CREATE TABLE extra (x);",
    "CREATE TRIGGER wipe AFTER INSERT ON documents BEGIN DELETE FROM actors; END;",
    "CREATE VIEW everything AS SELECT * FROM claims;",
    "DROP INDEX claims_by_subject;",
    "ALTER TABLE actors ADD COLUMN payload TEXT;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (alterations); i++)
    {
      g_unlink (fixture->path);
      make_case (fixture, 1);
      sql (fixture->path, alterations[i]);
      assert_refused (fixture, AG_CASE_ERROR_CORRUPT, "not those of an Actor Graph case");
    }
}

/* Rows that the schema's checks would refuse, slipped in with the checks
 * off, are caught on load. */
static void
test_dangling_rows (Fixture       *fixture,
                    gconstpointer  data)
{
  make_case (fixture, 1);
  sql (fixture->path,
       "PRAGMA foreign_keys = OFF;"
       "INSERT INTO claims (document_id, kind, subject_id) VALUES (1, 'accuses', 999);");
  assert_refused (fixture, AG_CASE_ERROR_CORRUPT, "damaged");
}

static void
test_not_a_regular_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(AgCase) kase = ag_case_open (dir, AG_CASE_OPEN_CREATE, &error);

  g_assert_null (kase);
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_SQLITE);
}

/* Scratch files of killed processes go away the next time a case is made
 * in the same folder; those of running processes stay. */
static void
test_stale_scratch_removed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *dead_journal = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *unrelated = NULL;
  int dead_pid;

  /* A process id that no process has any more: a child that has exited
   * and been waited for. (GSubprocess may reap its child before it is
   * asked for the id, and then has none to give.) */
  dead_pid = fork ();
  g_assert_cmpint (dead_pid, >=, 0);
  if (dead_pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead_pid, NULL, 0), ==, dead_pid);

  dead = g_strdup_printf ("%s/.actorgraph-tmp-%d-AbC123", fixture->dir, dead_pid);
  dead_journal = g_strconcat (dead, "-journal", NULL);
  alive = g_strdup_printf ("%s/.actorgraph-tmp-%d-XyZ789", fixture->dir, (int)getpid ());
  unrelated = g_strdup_printf ("%s/.actorgraph-tmp-notes", fixture->dir);
  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  g_assert_true (g_file_set_contents (dead_journal, "half", -1, NULL));
  g_assert_true (g_file_set_contents (alive, "busy", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "mine", -1, NULL));

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/case-file/new-file-is-marked", test_new_file_is_marked);
  ADD ("/case-file/stale-scratch", test_stale_scratch_removed);
  ADD ("/case-file/migrate/from-zero", test_migrate_from_zero);
  ADD ("/case-file/migrate/read-only", test_migration_read_only);
  ADD ("/case-file/migrate/rolls-back", test_failed_migration_rolls_back);
  ADD ("/case-file/refuse/newer", test_newer_format);
  ADD ("/case-file/refuse/not-sqlite", test_not_sqlite);
  ADD ("/case-file/refuse/foreign", test_foreign_database);
  ADD ("/case-file/refuse/truncated", test_truncated);
  ADD ("/case-file/refuse/corrupt", test_corrupt_pages);
  ADD ("/case-file/refuse/altered-schema", test_altered_schema);
  ADD ("/case-file/refuse/dangling-rows", test_dangling_rows);
  ADD ("/case-file/refuse/directory", test_not_a_regular_file);

#undef ADD

  return g_test_run ();
}
