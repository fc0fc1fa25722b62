/* ag-case-schema.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-case"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ag-case-private.h"

/* Each entry takes a case file from version i to i + 1, inside the caller's
 * transaction. Entry 0 builds schema 1 in an empty database. A later schema
 * appends its entry here and bumps AG_CASE_SCHEMA_VERSION; docs/case-file.md
 * describes every version. */
static const char * const migrations[AG_CASE_SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE case_info ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  published TEXT,"
  "  imported TEXT NOT NULL,"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  text TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE actors ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('country', 'alliance', 'threat-group', 'organization', 'person')),"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  name_key TEXT NOT NULL UNIQUE,"
  "  description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE aliases ("
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,"
  "  alias_key TEXT NOT NULL,"
  "  alias TEXT NOT NULL,"
  "  UNIQUE (actor_id, alias_key)"
  ") STRICT;"
  "CREATE INDEX aliases_by_key ON aliases (alias_key);"

  "CREATE TABLE claims ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('accuses', 'attributes', 'targets', 'denies', 'member_of', 'sanctions', 'cooperates')),"
  "  speaker_id INTEGER REFERENCES actors (id),"
  "  subject_id INTEGER NOT NULL REFERENCES actors (id),"
  "  object_id INTEGER REFERENCES actors (id),"
  "  evidence TEXT NOT NULL DEFAULT '',"
  "  evidence_start INTEGER NOT NULL DEFAULT -1,"
  "  evidence_end INTEGER NOT NULL DEFAULT -1 CHECK (evidence_end >= evidence_start),"
  "  confidence REAL NOT NULL DEFAULT 1.0 CHECK (confidence BETWEEN 0.0 AND 1.0),"
  "  status TEXT NOT NULL DEFAULT 'unreviewed' CHECK (status IN ('unreviewed', 'confirmed', 'disputed', 'rejected')),"
  "  note TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  /* One claim per (kind, speaker, subject, object) per document. */
  "CREATE UNIQUE INDEX claims_identity ON claims"
  "  (document_id, kind, ifnull (speaker_id, 0), subject_id, ifnull (object_id, 0));"
  "CREATE INDEX claims_by_subject ON claims (subject_id);"
  "CREATE INDEX claims_by_object ON claims (object_id);"
  "CREATE INDEX claims_by_speaker ON claims (speaker_id);",
};

void
_ag_case_db_set_error (sqlite3  *db,
                       int       rc,
                       GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_BUSY,
                   _("is in use by another program (%s)"), message);
      return;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_READ_ONLY,
                   _("cannot be written (%s)"), message);
      return;

    case SQLITE_CANTOPEN:
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                   _("cannot be opened (%s)"), message);
      return;

    case SQLITE_FULL:
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                           _("cannot be written: the disk is full"));
      return;

    case SQLITE_IOERR:
      {
        int saved_errno = db != NULL ? sqlite3_system_errno (db) : 0;

        /* SQLite calls a failed write "disk I/O error"; the system knows why. */
        if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT)
          g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                               _("cannot be written: the disk is full"));
        else if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_READ_ONLY,
                       _("cannot be written: %s"), g_strerror (saved_errno));
        else if (saved_errno != 0)
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                       _("cannot be read or written: %s"), g_strerror (saved_errno));
        else
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                       _("cannot be read or written (%s)"), message);
      }
      return;

    case SQLITE_NOTADB:
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_SQLITE,
                           _("is not a case file (not an SQLite database)"));
      return;

    case SQLITE_CORRUPT:
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                   _("is damaged (%s)"), message);
      return;

    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      code = AG_CASE_ERROR_INVALID;
      break;

    default:
      code = AG_CASE_ERROR_FAILED;
    }

  g_set_error_literal (error, AG_CASE_ERROR, code, message);
}

gboolean
_ag_case_db_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ag_case_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Case files come from other people. Whatever a file holds, opening it must
 * not run code: no extensions, no functions with side effects called from
 * its schema, no triggers or views, and no writes to the schema itself. */
void
_ag_case_db_configure (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db,
                "PRAGMA foreign_keys = ON;"
                "PRAGMA cell_size_check = ON;"
                "PRAGMA synchronous = FULL;",
                NULL, NULL, NULL);
}

static gboolean
read_pragma_int (sqlite3     *db,
                 const char  *sql,
                 gint64      *value,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ag_case_db_set_error (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Looks at the 100-byte header before SQLite does, to tell "not SQLite",
 * "somebody else's database" and "truncated" apart with a clear sentence. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[100];
  GStatBuf st;
  guint32 page_size, page_count, app_id;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, AG_CASE_ERROR,
                   saved_errno == ENOENT ? AG_CASE_ERROR_NOT_FOUND : AG_CASE_ERROR_FAILED,
                   _("cannot be opened: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_SQLITE,
                           _("is not a regular file"));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_SQLITE,
                           _("is an empty file, not a case file"));
      return FALSE;
    }

  if (n < (gssize)sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_SQLITE,
                           _("is not a case file (not an SQLite database)"));
      return FALSE;
    }

  app_id = GUINT32_FROM_BE (*(guint32 *)(header + 68));
  if (app_id != AG_CASE_APPLICATION_ID)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_A_CASE,
                           _("is an SQLite database of another program, not an Actor Graph case"));
      return FALSE;
    }

  /* A hot journal means SQLite must first roll back an interrupted change;
   * until then the size in the header may not match the file. */
  if (g_file_test (journal, G_FILE_TEST_EXISTS) || g_file_test (wal, G_FILE_TEST_EXISTS))
    return TRUE;

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = GUINT32_FROM_BE (*(guint32 *)(header + 28));

  /* The page count is only valid while the change counter matches the
   * "version-valid-for" number. */
  if (memcmp (header + 24, header + 92, 4) == 0 &&
      (guint64)page_count * page_size > (guint64)st.st_size)
    {
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                   _("is truncated (%'llu of %'llu bytes)"),
                   (unsigned long long)st.st_size, (unsigned long long)page_count * page_size);
      return FALSE;
    }

  return TRUE;
}

/* Every table and index of the file, in a comparable text form. */
static char *
describe_schema (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, ifnull (sql, '') FROM sqlite_schema "
                           "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_string_append_printf (out, "%s %s on %s: %s\n",
                              (const char *)sqlite3_column_text (stmt, 0),
                              (const char *)sqlite3_column_text (stmt, 1),
                              (const char *)sqlite3_column_text (stmt, 2),
                              (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _ag_case_db_set_error (db, rc, error);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The schema as this build creates it, from a scratch database in memory. */
static const char *
expected_schema (void)
{
  static gsize initialized;
  static char *expected;

  if (g_once_init_enter (&initialized))
    {
      sqlite3 *db = NULL;
      char *description = NULL;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) == SQLITE_OK)
        {
          for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
            if (!_ag_case_db_exec (db, migrations[i], NULL))
              g_error ("Built-in case schema %u does not apply", i + 1);
          description = describe_schema (db, NULL);
        }
      sqlite3_close (db);
      if (description == NULL)
        g_error ("Cannot describe the built-in case schema");
      expected = description;
      g_once_init_leave (&initialized, 1);
    }

  return expected;
}

static gboolean
check_schema (sqlite3  *db,
              GError  **error)
{
  g_autofree char *actual = describe_schema (db, error);

  if (actual == NULL)
    return FALSE;

  if (!g_str_equal (actual, expected_schema ()))
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                           _("has tables that are not those of an Actor Graph case (altered by another program?)"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (sqlite3  *db,
         gint64    from,
         GError  **error)
{
  g_autofree char *set_version = NULL;

  if (!_ag_case_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (gint64 v = from; v < AG_CASE_SCHEMA_VERSION; v++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_ag_case_db_exec (db, migrations[v], &local_error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                       _("could not be upgraded from case format %d: %s"),
                       (int)v, local_error->message);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 AG_CASE_APPLICATION_ID, AG_CASE_SCHEMA_VERSION);
  if (!_ag_case_db_exec (db, set_version, error) ||
      !_ag_case_db_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
recover_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf st;
  sqlite3 *db = NULL;

  if (g_stat (journal, &st) != 0 || st.st_size == 0)
    return;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      _ag_case_db_configure (db);
      /* Any read of the database makes SQLite roll a hot journal back. */
      sqlite3_exec (db, "PRAGMA user_version", NULL, NULL, NULL);
    }
  sqlite3_close (db);
}

/* SQLite's integrity report runs to many lines; a message has one. */
static char *
summarize_check (const char *verdict)
{
  g_auto(GStrv) lines = g_strsplit (verdict ? verdict : "", "\n", -1);
  const char *first = NULL;
  guint problems = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0' || g_str_has_prefix (lines[i], "*** "))
        continue;
      if (first == NULL)
        first = lines[i];
      problems++;
    }

  if (first == NULL)
    return g_strdup (_("the integrity check failed"));
  if (problems == 1)
    return g_strdup (first);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s, and %'u more problem",
                                       "%s, and %'u more problems",
                                       problems - 1),
                          first, problems - 1);
}

/**
 * _ag_case_db_open:
 * @path: a case file
 * @read_only: whether to open it without writing
 * @error: return location for a #GError
 *
 * Opens an existing case file defensively, checks that it is one of ours,
 * intact and not from the future, and brings an older format up to date in
 * one transaction.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
sqlite3 *
_ag_case_db_open (const char  *path,
                  gboolean     read_only,
                  GError     **error)
{
  sqlite3 *db = NULL;
  gint64 version = 0;
  gint64 app_id = 0;
  sqlite3_stmt *stmt = NULL;
  int flags;
  int rc;

  if (!check_header (path, error))
    return NULL;

  /* A change that a crash or a full disk interrupted left a journal behind;
   * only a writer can roll it back, so a reader lets one do that first. */
  if (read_only)
    recover_journal (path);

  flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_EXRESCODE;
  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  _ag_case_db_configure (db);

  /* Reading the header also rolls back a change that a crash interrupted. */
  if (!read_pragma_int (db, "PRAGMA application_id", &app_id, error) ||
      !read_pragma_int (db, "PRAGMA user_version", &version, error))
    goto failed_with_error;

  if (app_id != AG_CASE_APPLICATION_ID)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_A_CASE,
                           _("is an SQLite database of another program, not an Actor Graph case"));
      goto failed_with_error;
    }

  if (version > AG_CASE_SCHEMA_VERSION)
    {
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_TOO_NEW,
                   _("was made by a newer version of Actor Graph (case format %d; this version reads up to %d)"),
                   (int)version, AG_CASE_SCHEMA_VERSION);
      goto failed_with_error;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *verdict = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (verdict, "ok") != 0)
        {
          g_autofree char *summary = summarize_check (verdict);

          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                       _("is damaged (%s)"), summary);
          sqlite3_finalize (stmt);
          goto failed_with_error;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  if (version < 0)
    {
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                   _("has an invalid case format number (%d)"), (int)version);
      goto failed_with_error;
    }

  if (version < AG_CASE_SCHEMA_VERSION)
    {
      if (read_only)
        {
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_READ_ONLY,
                       _("is in an older case format (%d) and must be upgraded, but cannot be written"),
                       (int)version);
          goto failed_with_error;
        }
      if (!migrate (db, version, error))
        goto failed_with_error;
    }

  if (!check_schema (db, error))
    goto failed_with_error;

  return db;

failed:
  _ag_case_db_set_error (db, rc, error);
failed_with_error:
  sqlite3_close (db);
  return NULL;
}

#define SCRATCH_PREFIX ".actorgraph-tmp-"

/* Removes the scratch files that killed processes left in @dir. */
static void
remove_stale_scratch (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      guint64 pid;
      char *end;

      if (!g_str_has_prefix (name, SCRATCH_PREFIX))
        continue;
      pid = g_ascii_strtoull (name + strlen (SCRATCH_PREFIX), &end, 10);
      if (end == name + strlen (SCRATCH_PREFIX) || *end != '-' || pid == 0 || pid > G_MAXINT)
        continue;
      if (kill ((pid_t)pid, 0) == 0 || errno != ESRCH)
        continue;

      path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

/**
 * _ag_case_make_scratch:
 * @dir: a folder
 * @out_path: (out): the new file's path
 *
 * Creates an empty scratch file in @dir, named after this process so that
 * a later run can tell and remove what a killed one left behind.
 *
 * Returns: 0, or the errno of the failure
 */
int
_ag_case_make_scratch (const char  *dir,
                       char       **out_path)
{
  g_autofree char *name = g_strdup_printf (SCRATCH_PREFIX "%d-XXXXXX", (int)getpid ());
  g_autofree char *tmpl = g_build_filename (dir, name, NULL);
  int fd;

  remove_stale_scratch (dir);

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return errno;
  close (fd);

  *out_path = g_steal_pointer (&tmpl);
  return 0;
}

/**
 * _ag_case_db_create:
 * @path: where the new case goes; must not exist
 * @error: return location for a #GError
 *
 * Writes an empty case file of the current format at @path. The file is
 * built under a temporary name beside @path and linked into place whole,
 * so that nobody, not even after a crash, sees a half-made case.
 */
gboolean
_ag_case_db_create (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmpl = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int saved_errno;
  int rc;

  saved_errno = _ag_case_make_scratch (dir, &tmpl);
  if (saved_errno != 0)
    {
      g_set_error (error, AG_CASE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? AG_CASE_ERROR_READ_ONLY : AG_CASE_ERROR_FAILED,
                   _("cannot be created in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _ag_case_db_set_error (db, rc, error);
      goto out;
    }
  _ag_case_db_configure (db);

  if (!migrate (db, 0, error))
    goto out;

  rc = sqlite3_prepare_v2 (db, "INSERT INTO case_info (key, value) VALUES ('generator', ?)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, "Actor Graph " PACKAGE_VERSION, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _ag_case_db_set_error (db, rc, error);
      goto out;
    }

  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    {
      _ag_case_db_set_error (NULL, rc, error);
      goto out;
    }

  /* link() fails if @path appeared meanwhile, where rename() would
   * silently replace somebody's case. */
  if (link (tmpl, path) != 0)
    {
      saved_errno = errno;

      if (saved_errno == EEXIST)
        ok = TRUE; /* created by another process: open that one */
      else if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EXDEV)
        ok = g_rename (tmpl, path) == 0;
      if (!ok)
        g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                     _("cannot be created: %s"), g_strerror (saved_errno));
    }
  else
    ok = TRUE;

out:
  if (db != NULL)
    sqlite3_close (db);
  g_unlink (tmpl);
  return ok;
}
