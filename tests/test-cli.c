/* test-cli.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ag-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

/* Every test gets a scratch folder of its own, removed afterwards. */
typedef struct
{
  char *dir;
} Fixture;

/* What a file looked like, to prove that a command left it alone. */
typedef struct
{
  char   *sha256;
  gint64  size;
  gint64  mtime_sec;
  gint64  mtime_nsec;
} Snapshot;

static const char first_report[] =
  "Ministry blames state hackers for breach of tax office\n"
  "\n"
  "The interior ministry said on Tuesday that a hacking group working for a\n"
  "foreign intelligence service broke into the network of the national tax\n"
  "office last spring. Officials named the group Copper Heron and said it had\n"
  "used stolen passwords to reach mail servers. The embassy of the accused\n"
  "country called the statement baseless and said it opposes cyberattacks.\n";

static const char second_report[] =
  "Alliance partners condemn campaign against port operators\n"
  "\n"
  "Several members of a regional defence alliance jointly condemned a wave of\n"
  "intrusions into port logistics firms. A joint advisory tied the activity to\n"
  "a group that researchers call Slate Lantern. The advisory said the group\n"
  "targeted shipping schedules and customs records over eight months.\n";

static const char third_report[] =
  "Court charges two contractors over espionage tools\n"
  "\n"
  "Prosecutors charged two software contractors with selling intrusion tools\n"
  "to a foreign ministry. According to the indictment, the tools were later\n"
  "seen in attacks on universities and research institutes.\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("actorgraph-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  return ag_test_write_file (fixture->dir, name, contents, length);
}

/* Runs actorgraph-cli with the given arguments; returns its exit status. */
static int
run_cliv (const char * const  *args,
          char               **out,
          char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("AG_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  return g_subprocess_get_exit_status (process);
}

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_cliv ((const char * const *)args->pdata, out, err);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* Checks that @err is one line that starts with "@what: ". */
static void
assert_one_failure_line (const char *err,
                         const char *what)
{
  g_autofree char *prefix = g_strconcat (what, ": ", NULL);

  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_suffix (err, "\n"));
  if (!g_str_has_prefix (err, prefix))
    g_error ("“%s” does not start with “%s”", err, prefix);
}

static Snapshot
snapshot_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Snapshot snap = { 0 };
  GStatBuf st;
  gsize length;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  snap.sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
  snap.size = st.st_size;
  snap.mtime_sec = st.st_mtim.tv_sec;
  snap.mtime_nsec = st.st_mtim.tv_nsec;
  return snap;
}

static void
assert_unchanged (const char     *path,
                  const Snapshot *before)
{
  Snapshot after = snapshot_file (path);

  g_assert_cmpstr (after.sha256, ==, before->sha256);
  g_assert_cmpint (after.size, ==, before->size);
  g_assert_cmpint (after.mtime_sec, ==, before->mtime_sec);
  g_assert_cmpint (after.mtime_nsec, ==, before->mtime_nsec);
  g_free (after.sha256);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names in a folder, sorted, one a line. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **)names->pdata);
}

/* Runs "info --format json" on @kase and returns the parsed object. */
static JsonObject *
info_json (const char *kase)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;

  g_assert_cmpint (run_cli (&out, &err, "info", kase, "--format", "json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static gint64
info_documents (const char *kase)
{
  g_autoptr(JsonObject) info = info_json (kase);

  return json_object_get_int_member (info, "documents");
}

/* Runs SQL on a file with SQLite itself, bypassing Actor Graph. */
static void
sqlite_exec (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Makes a real case holding @n_docs generated reports of about @size bytes. */
static char *
make_case (Fixture    *fixture,
           const char *name,
           guint       n_docs,
           gsize       size)
{
  g_autofree char *docs_dir = g_build_filename (fixture->dir, "docs", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  char *kase = g_build_filename (fixture->dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (docs_dir, 0700), ==, 0);
  g_ptr_array_add (args, g_strdup ("import"));
  g_ptr_array_add (args, g_strdup (kase));

  for (guint i = 0; i < n_docs; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      char *path = g_strdup_printf ("%s/%s-%u.txt", docs_dir, name, i);

      g_string_append_printf (text, "Bulletin %u for %s\n\n", i, name);
      for (guint line = 0; text->len < size; line++)
        g_string_append_printf (text,
                                "Paragraph %u of bulletin %u: investigators traced server %u "
                                "to a group that officials linked to a foreign agency.\n",
                                line, i, line * 7 + i);
      g_file_set_contents (path, text->str, text->len, &error);
      g_assert_no_error (error);
      g_ptr_array_add (args, path);
    }
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run_cliv ((const char * const *)args->pdata, NULL, NULL), ==, 0);
  return kase;
}

/* Command-line handling */

static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("actorgraph-cli %s\n", PACKAGE_VERSION);
  g_autoptr(GRegex) regex = g_regex_new ("^actorgraph-cli [0-9]+\\.[0-9]+\\.[0-9]+\n$", 0, 0, NULL);

  g_assert_cmpint (run_cli (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_true (g_regex_match (regex, out, 0, NULL));
  g_assert_cmpstr (err, ==, "");
}

static void
test_help (void)
{
  static const char * const top_flags[] = { "--help", "-h", "help" };
  static const struct {
    const char *command;
    const char *mentions[3];
  } commands[] = {
    { "import", { "CASE FILE", "creating the case", NULL } },
    { "info", { "CASE", "--format", "json" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (top_flags); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (&out, &err, top_flags[i], NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "Usage:"));
      g_assert_nonnull (strstr (out, "import"));
      g_assert_nonnull (strstr (out, "info"));
      g_assert_nonnull (strstr (out, "--version"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *usage = g_strdup_printf ("actorgraph-cli %s", commands[i].command);

      g_assert_cmpint (run_cli (&out, &err, commands[i].command, "--help", NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, usage));
      for (guint m = 0; m < G_N_ELEMENTS (commands[i].mentions) && commands[i].mentions[m]; m++)
        if (strstr (out, commands[i].mentions[m]) == NULL)
          g_error ("“%s --help” does not mention “%s”:\n%s",
                   commands[i].command, commands[i].mentions[m], out);
    }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *kase = g_build_filename (fixture->dir, "never.actorgraph", NULL);
  g_autofree char *doc = write_file (fixture, "report.txt", first_report, -1);
  const char *argv_none[] = { NULL };
  const char *argv_cases[][6] = {
    { "frobnicate", NULL },
    { "--frobnicate", NULL },
    { "import", "--frobnicate", kase, doc, NULL },
    { "info", "--frobnicate", kase, NULL },
    { "import", NULL },
    { "import", kase, NULL },
    { "info", NULL },
    { "info", kase, kase, NULL },
    { "info", "--format", "xml", kase, NULL },
    { "info", kase, "--format", NULL },
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* No command at all: the help goes to stderr. */
  g_assert_cmpint (run_cliv (argv_none, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Usage:"));

  for (guint i = 0; i < G_N_ELEMENTS (argv_cases); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      g_assert_cmpint (run_cliv (argv_cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpuint (count_lines (err), >=, 1);
      /* A usage error must not leave a case behind. */
      g_assert_false (g_file_test (kase, G_FILE_TEST_EXISTS));
    }
}

/* Importing */

static void
test_import_text (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *kase = g_build_filename (fixture->dir, "news.actorgraph", NULL);
  g_autofree char *first = write_file (fixture, "first.txt", first_report, -1);
  g_autofree char *second = write_file (fixture, "second.txt", second_report, -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_cli (&out, &err, "import", kase, first, second, NULL), ==, 0);
  expected = g_strdup_printf ("[1/2] %s: imported as document 1 (0 claims)\n"
                              "[2/2] %s: imported as document 2 (0 claims)\n",
                              first, second);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: 2 files imported\n", kase);
  g_assert_cmpstr (out, ==, expected);
  g_assert_true (g_file_test (kase, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (info_documents (kase), ==, 2);

  /* The same file again is skipped and is no failure. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_cli (&out, &err, "import", kase, first, NULL), ==, 0);
  expected = g_strdup_printf ("[1/1] %s: already in the case as "
                              "“Ministry blames state hackers for breach of tax office”\n",
                              first);
  g_assert_cmpstr (err, ==, expected);
  g_assert_nonnull (strstr (err, "already in the case"));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: 1 file imported\n", kase);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpint (info_documents (kase), ==, 2);
}

static void
assert_member (JsonObject *object,
               const char *member,
               gint64      expected)
{
  g_assert_true (json_object_has_member (object, member));
  if (json_object_get_int_member (object, member) != expected)
    g_error ("“%s” is %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
             member, json_object_get_int_member (object, member), expected);
}

static void
test_import_sample (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *kase = g_build_filename (fixture->dir, "sample.actorgraph", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("AG_SAMPLE_DIR"), "exchange-hacking-2021.json", NULL);
  g_autoptr(JsonObject) info = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  JsonObject *actors;
  JsonObject *claims;

  g_assert_true (g_file_test (sample, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli (&out, &err, "import", kase, sample, NULL), ==, 0);
  expected = g_strdup_printf ("[1/1] %s: imported as document 1 (12 claims)\n", sample);
  g_assert_cmpstr (err, ==, expected);

  /* Counted by hand in the JSON file. */
  info = info_json (kase);
  assert_member (info, "documents", 1);

  actors = json_object_get_object_member (info, "actors");
  g_assert_nonnull (actors);
  g_assert_cmpuint (json_object_get_size (actors), ==, 6);
  assert_member (actors, "total", 12);
  assert_member (actors, "country", 3);
  assert_member (actors, "alliance", 1);
  assert_member (actors, "threat-group", 2);
  assert_member (actors, "organization", 5);
  assert_member (actors, "person", 1);

  claims = json_object_get_object_member (info, "claims");
  g_assert_nonnull (claims);
  g_assert_cmpuint (json_object_get_size (claims), ==, 12);
  assert_member (claims, "total", 12);
  assert_member (claims, "accuses", 4);
  assert_member (claims, "attributes", 2);
  assert_member (claims, "targets", 1);
  assert_member (claims, "denies", 2);
  assert_member (claims, "member_of", 2);
  assert_member (claims, "sanctions", 1);
  assert_member (claims, "cooperates", 0);
  assert_member (claims, "unreviewed", 10);
  assert_member (claims, "confirmed", 2);
  assert_member (claims, "disputed", 0);
  assert_member (claims, "rejected", 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "info", kase, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Documents: 1\n"));
  g_assert_nonnull (strstr (out, "Actors: 12\n"));
  g_assert_nonnull (strstr (out, "Claims: 12\n"));
}

static void
test_import_mixed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
  g_autofree char *kase = g_build_filename (fixture->dir, "mixed.actorgraph", NULL);
  g_autofree char *good1 = write_file (fixture, "good1.txt", first_report, -1);
  g_autofree char *binary = write_file (fixture, "picture.png", png, sizeof png - 1);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-report.txt", NULL);
  g_autofree char *empty = write_file (fixture, "empty.txt", "", 0);
  g_autofree char *good2 = write_file (fixture, "good2.txt", second_report, -1);
  const char * const bad[] = { binary, missing, empty };
  g_auto(GStrv) lines = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_cli (&out, &err, "import", kase, good1, binary, missing, empty, good2, NULL), ==, 1);

  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6); /* five lines and the empty tail */
  g_assert_cmpstr (lines[5], ==, "");

  expected = g_strdup_printf ("[1/5] %s: imported as document 1 (0 claims)", good1);
  g_assert_cmpstr (lines[0], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("[5/5] %s: imported as document 2 (0 claims)", good2);
  g_assert_cmpstr (lines[4], ==, expected);

  /* One line for each bad file, naming it, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *prefix = g_strconcat (bad[i], ": ", NULL);

      if (!g_str_has_prefix (lines[1 + i], prefix) || strlen (lines[1 + i]) <= strlen (prefix))
        g_error ("“%s” does not report %s", lines[1 + i], bad[i]);
    }

  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: 2 of 5 files imported, 3 failed\n", kase);
  g_assert_cmpstr (out, ==, expected);

  g_assert_cmpint (info_documents (kase), ==, 2);
}

static void
test_import_odd_names (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char * const names[] = {
    "say \"hello\".txt",
    "it's <b>&amp; & <x>.txt",
    "two\nlines.txt",
    "carriage\rreturn.txt",
    "tab\tand spaces .txt",
  };
  static const char * const texts[] = {
    first_report, second_report, third_report,
    "Agency warns of phishing wave\n\nThe agency said forged invoices carried malware.\n",
    "Researchers link botnet to ransomware crew\n\nThe botnet spread through routers.\n",
  };
  g_autofree char *kase = g_build_filename (fixture->dir, "odd <&> \"case\".actorgraph", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (texts));

  g_ptr_array_add (args, g_strdup ("import"));
  g_ptr_array_add (args, g_strdup (kase));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (args, write_file (fixture, names[i], texts[i], -1));
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run_cliv ((const char * const *)args->pdata, &out, &err), ==, 0);

  /* One progress line per file, each on a line of its own. */
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (names) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("[%u/%u] ", i + 1, (guint)G_N_ELEMENTS (names));
      g_autofree char *suffix = g_strdup_printf (": imported as document %u (0 claims)", i + 1);

      g_assert_null (strchr (lines[i], '\r'));
      if (!g_str_has_prefix (lines[i], prefix) || !g_str_has_suffix (lines[i], suffix))
        g_error ("progress line %u is “%s”", i, lines[i]);
    }
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_assert_cmpint (info_documents (kase), ==, G_N_ELEMENTS (names));

  /* A failure for such a name is one line too. */
  bad = write_file (fixture, "broken\nfile.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "import", kase, bad, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, fixture->dir));
  g_assert_cmpint (info_documents (kase), ==, G_N_ELEMENTS (names));
}

/* Bad case files */

typedef enum
{
  BAD_RANDOM,
  BAD_TEXT,
  BAD_EMPTY,
  BAD_FOREIGN,
  BAD_TOO_NEW,
  BAD_TRUNCATED,
  BAD_CORRUPT,
  BAD_EXTRA_TABLE,
  BAD_EXTRA_TRIGGER,
  BAD_EXTRA_VIEW,
  N_BAD_KINDS
} BadKind;

static const struct {
  const char *name;
  const char *reason;  /* a part of the message that tells the trouble */
} bad_kinds[N_BAD_KINDS] = {
  [BAD_RANDOM] = { "random", "is not a case file (not an SQLite database)" },
  [BAD_TEXT] = { "text", "is not a case file (not an SQLite database)" },
  [BAD_EMPTY] = { "empty", "is an empty file" },
  [BAD_FOREIGN] = { "foreign", "of another program" },
  [BAD_TOO_NEW] = { "too-new", "newer version" },
  [BAD_TRUNCATED] = { "truncated", "is truncated" },
  [BAD_CORRUPT] = { "corrupt", "is damaged" },
  [BAD_EXTRA_TABLE] = { "extra-table", "not those of an Actor Graph case" },
  [BAD_EXTRA_TRIGGER] = { "extra-trigger", "not those of an Actor Graph case" },
  [BAD_EXTRA_VIEW] = { "extra-view", "not those of an Actor Graph case" },
};

/* Makes a file of the given kind of badness; returns its path. */
static char *
make_bad_case (Fixture    *fixture,
               BadKind     kind,
               const char *command)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.actorgraph", bad_kinds[kind].name, command);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *path = NULL;
  gsize length;

  switch (kind)
    {
    case BAD_RANDOM:
      {
        guint32 noise[2048];

        for (guint i = 0; i < G_N_ELEMENTS (noise); i++)
          noise[i] = g_test_rand_int ();
        return write_file (fixture, name, (const char *)noise, sizeof noise);
      }

    case BAD_TEXT:
      return write_file (fixture, name, third_report, -1);

    case BAD_EMPTY:
      return write_file (fixture, name, "", 0);

    case BAD_FOREIGN:
      path = g_build_filename (fixture->dir, name, NULL);
      sqlite_exec (path,
                   "PRAGMA application_id = 1234;"
                   "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                   "INSERT INTO recipes (title) VALUES ('Lentil soup');");
      return path;

    case BAD_TOO_NEW:
      path = make_case (fixture, name, 2, 2000);
      sqlite_exec (path, "PRAGMA user_version = 99;");
      return path;

    case BAD_TRUNCATED:
      path = make_case (fixture, name, 4, 30000);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, 8 * 4096);
      g_file_set_contents (path, contents, length / 2, &error);
      g_assert_no_error (error);
      return path;

    case BAD_CORRUPT:
      path = make_case (fixture, name, 6, 20000);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, 12 * 4096);
      /* Garbage over the middle third, header and first page untouched. */
      for (gsize i = length / 3; i < 2 * length / 3; i++)
        contents[i] = (char)g_test_rand_int_range (0, 256);
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
      return path;

    case BAD_EXTRA_TABLE:
      path = make_case (fixture, name, 1, 1000);
      sqlite_exec (path, "CREATE TABLE stash (payload BLOB);");
      return path;

    case BAD_EXTRA_TRIGGER:
      path = make_case (fixture, name, 1, 1000);
      sqlite_exec (path,
                   "CREATE TRIGGER wipe AFTER INSERT ON documents "
                   "BEGIN DELETE FROM actors; END;");
      return path;

    case BAD_EXTRA_VIEW:
      path = make_case (fixture, name, 1, 1000);
      sqlite_exec (path, "CREATE VIEW titles AS SELECT title FROM documents;");
      return path;

    case N_BAD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_bad_cases (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *doc = write_file (fixture, "report.txt", first_report, -1);

  for (guint kind = 0; kind < N_BAD_KINDS; kind++)
    {
      static const char * const commands[] = { "import", "info" };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *kase = make_bad_case (fixture, kind, commands[c]);
          g_autofree char *journal = g_strconcat (kase, "-journal", NULL);
          g_autofree char *listing = list_dir (fixture->dir);
          g_autofree char *listing_after = NULL;
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          Snapshot before = snapshot_file (kase);
          int status;

          g_test_message ("%s on a %s case", commands[c], bad_kinds[kind].name);
          if (c == 0)
            status = run_cli (&out, &err, "import", kase, doc, NULL);
          else
            status = run_cli (&out, &err, "info", kase, NULL);

          g_assert_cmpint (status, ==, 1);
          assert_one_failure_line (err, kase);
          if (strstr (err, bad_kinds[kind].reason) == NULL)
            g_error ("“%s” does not say “%s”", err, bad_kinds[kind].reason);
          g_assert_cmpstr (out, ==, "");

          assert_unchanged (kase, &before);
          g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
          listing_after = list_dir (fixture->dir);
          g_assert_cmpstr (listing_after, ==, listing);
          g_free (before.sha256);
        }
    }
}

static void
test_missing_case (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *doc = write_file (fixture, "report.txt", first_report, -1);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "new.actorgraph", NULL);
  g_autofree char *absent = g_build_filename (fixture->dir, "absent.actorgraph", NULL);
  g_autofree char *listing = list_dir (fixture->dir);
  g_autofree char *listing_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* import cannot create a case in a folder that does not exist. */
  g_assert_cmpint (run_cli (&out, &err, "import", nowhere, doc, NULL), ==, 1);
  assert_one_failure_line (err, nowhere);
  g_assert_cmpstr (out, ==, "");

  /* info never creates a case. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "info", absent, NULL), ==, 1);
  assert_one_failure_line (err, absent);
  g_assert_cmpstr (out, ==, "");

  listing_after = list_dir (fixture->dir);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *doc = write_file (fixture, "report.txt", first_report, -1);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *kase = g_build_filename (locked, "new.actorgraph", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to read-only folders");
      return;
    }

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  listing = list_dir (locked);

  g_assert_cmpint (run_cli (&out, &err, "import", kase, doc, NULL), ==, 1);
  assert_one_failure_line (err, kase);
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (kase, G_FILE_TEST_EXISTS));
  listing_after = list_dir (locked);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_info_read_only (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *kase = make_case (fixture, "steady.actorgraph", 3, 5000);
  g_autofree char *journal = g_strconcat (kase, "-journal", NULL);
  g_autofree char *listing = list_dir (fixture->dir);
  g_autofree char *listing_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Snapshot before = snapshot_file (kase);

  g_assert_cmpint (run_cli (&out, &err, "info", kase, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Documents: 3\n"));
  assert_unchanged (kase, &before);

  g_assert_cmpint (info_documents (kase), ==, 3);
  assert_unchanged (kase, &before);

  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  listing_after = list_dir (fixture->dir);
  g_assert_cmpstr (listing_after, ==, listing);
  g_free (before.sha256);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add ("/cli/usage-errors", Fixture, NULL,
              fixture_set_up, test_usage_errors, fixture_tear_down);
  g_test_add ("/cli/import/text", Fixture, NULL,
              fixture_set_up, test_import_text, fixture_tear_down);
  g_test_add ("/cli/import/sample", Fixture, NULL,
              fixture_set_up, test_import_sample, fixture_tear_down);
  g_test_add ("/cli/import/mixed", Fixture, NULL,
              fixture_set_up, test_import_mixed, fixture_tear_down);
  g_test_add ("/cli/import/odd-names", Fixture, NULL,
              fixture_set_up, test_import_odd_names, fixture_tear_down);
  g_test_add ("/cli/case/bad", Fixture, NULL,
              fixture_set_up, test_bad_cases, fixture_tear_down);
  g_test_add ("/cli/case/missing", Fixture, NULL,
              fixture_set_up, test_missing_case, fixture_tear_down);
  g_test_add ("/cli/case/read-only-folder", Fixture, NULL,
              fixture_set_up, test_read_only_folder, fixture_tear_down);
  g_test_add ("/cli/info/read-only", Fixture, NULL,
              fixture_set_up, test_info_read_only, fixture_tear_down);

  return g_test_run ();
}
