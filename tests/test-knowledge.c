/* test-knowledge.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ag-test-util.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "ag-knowledge.h"

#define ISO_CODES_FILE "/usr/share/iso-codes/json/iso_3166-1.json"

/* Every test gets a scratch folder of its own, removed afterwards. */
typedef struct
{
  char *dir;
  char *packs_dir;
} Fixture;

static const char *
builtin_dir (void)
{
  const char *dir = g_getenv ("AG_KNOWLEDGE_DIR");

  g_assert_nonnull (dir);
  return dir;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "knowledge", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("actorgraph-knowledge-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->packs_dir = g_build_filename (fixture->dir, "packs", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->packs_dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  return ag_test_write_file (fixture->dir, name, contents, length);
}

static AgKnowledge *
load (const char *packs_dir)
{
  g_autoptr(GError) error = NULL;
  AgKnowledge *knowledge = ag_knowledge_new (builtin_dir (), ISO_CODES_FILE, packs_dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (knowledge);
  return knowledge;
}

static char *
add_pack (Fixture    *fixture,
          const char *fixture_name,
          const char *name,
          guint      *n_groups)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *added;

  added = ag_knowledge_add_pack (fixture->packs_dir, file, name, n_groups, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  return added;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* Names and contents of every file in @dir, to prove it did not change. */
static char *
snapshot_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *snapshot = g_string_new (NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
      g_string_append_printf (snapshot, "%s %s\n", (char *)g_ptr_array_index (names, i), sum);
    }

  return g_string_free (snapshot, FALSE);
}

static const AgKnowledgeForm *
find_form (AgKnowledge            *knowledge,
           const AgKnowledgeEntry *entry,
           const char             *text)
{
  for (guint i = 0; i < ag_knowledge_get_n_forms (knowledge); i++)
    {
      const AgKnowledgeForm *form = ag_knowledge_get_form (knowledge, i);

      if (form->entry == entry && g_str_equal (form->form, text))
        return form;
    }

  return NULL;
}

static guint
count_kind (AgKnowledge *knowledge,
            AgActorKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < ag_knowledge_get_n_entries (knowledge); i++)
    if (ag_knowledge_get_entry (knowledge, i)->kind == kind)
      n++;

  return n;
}

static void
test_builtin_counts (void)
{
  g_autoptr(AgKnowledge) knowledge = load (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *iso;

  g_assert_cmpuint (count_kind (knowledge, AG_ACTOR_COUNTRY), >=, 249);
  g_assert_cmpuint (count_kind (knowledge, AG_ACTOR_THREAT_GROUP), >=, 150);
  g_assert_cmpuint (count_kind (knowledge, AG_ACTOR_ALLIANCE), >=, 3);
  g_assert_cmpuint (count_kind (knowledge, AG_ACTOR_ORGANIZATION), >=, 50);

  for (guint i = 0; i < ag_knowledge_get_n_entries (knowledge); i++)
    g_assert_cmpstr (ag_knowledge_get_entry (knowledge, i)->origin, ==, "built-in");

  if (!g_file_test (ISO_CODES_FILE, G_FILE_TEST_EXISTS))
    {
      g_test_message ("iso-codes is not installed: not checking its countries");
      return;
    }

  /* Every country of iso-codes */
  g_assert_true (json_parser_load_from_file (parser, ISO_CODES_FILE, NULL));
  iso = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1");
  for (guint i = 0; i < json_array_get_length (iso); i++)
    {
      JsonObject *country = json_array_get_object_element (iso, i);
      const char *code = json_object_get_string_member (country, "alpha_2");
      const AgKnowledgeEntry *entry = ag_knowledge_lookup_country (knowledge, code);

      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->code, ==, code);
      g_assert_cmpint (entry->kind, ==, AG_ACTOR_COUNTRY);
    }
}

static void
test_builtin_lookup (void)
{
  g_autoptr(AgKnowledge) knowledge = load (NULL);
  const AgKnowledgeEntry *entry;
  const AgKnowledgeEntry *nz;
  const AgKnowledgeForm *form;

  entry = ag_knowledge_lookup (knowledge, "PRC");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "China");
  g_assert_cmpstr (entry->code, ==, "CN");
  g_assert_cmpint (entry->kind, ==, AG_ACTOR_COUNTRY);

  entry = ag_knowledge_lookup (knowledge, "Fancy Bear");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "APT28");
  g_assert_cmpint (entry->kind, ==, AG_ACTOR_THREAT_GROUP);
  g_assert_cmpstr (entry->state, ==, "RU");
  g_assert_true (ag_knowledge_lookup (knowledge, "fancy  BEAR") == entry);

  nz = ag_knowledge_lookup_country (knowledge, "nz");
  g_assert_nonnull (nz);
  g_assert_cmpstr (nz->name, ==, "New Zealand");
  g_assert_true (ag_knowledge_lookup (knowledge, "Wellington") == nz);
  form = find_form (knowledge, nz, "Wellington");
  g_assert_nonnull (form);
  g_assert_cmpint (form->kind, ==, AG_FORM_CAPITAL);

  entry = ag_knowledge_lookup (knowledge, "the U.K.");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->code, ==, "GB");
  form = find_form (knowledge, entry, "British");
  g_assert_nonnull (form);
  g_assert_cmpint (form->kind, ==, AG_FORM_DEMONYM);
  form = find_form (knowledge, entry, "Downing Street");
  g_assert_nonnull (form);
  g_assert_cmpint (form->kind, ==, AG_FORM_SEAT);

  /* iso-codes' names, as aliases */
  if (g_file_test (ISO_CODES_FILE, G_FILE_TEST_EXISTS))
    {
      entry = ag_knowledge_lookup (knowledge, "Korea, Democratic People's Republic of");
      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->code, ==, "KP");
    }

  entry = ag_knowledge_lookup (knowledge, "GCHQ");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->kind, ==, AG_ACTOR_ORGANIZATION);
  g_assert_cmpstr (entry->country, ==, "GB");

  entry = ag_knowledge_lookup (knowledge, "North Atlantic Treaty Organization");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "NATO");
  g_assert_cmpint (entry->kind, ==, AG_ACTOR_ALLIANCE);
  g_assert_nonnull (entry->members);
  g_assert_true (g_strv_contains ((const char * const *)entry->members, "GB"));

  g_assert_null (ag_knowledge_lookup (knowledge, "Copper Heron"));
  g_assert_null (ag_knowledge_lookup (knowledge, ""));
  g_assert_null (ag_knowledge_lookup_country (knowledge, "XX"));
  g_assert_null (ag_knowledge_lookup_country (knowledge, "GBR"));
}

static void
test_builtin_forms (void)
{
  g_autoptr(AgKnowledge) knowledge = load (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) entries = g_hash_table_new (NULL, NULL);
  const AgKnowledgeEntry *previous = NULL;
  guint entry_index = 0;

  for (guint i = 0; i < ag_knowledge_get_n_entries (knowledge); i++)
    g_hash_table_insert (entries, (gpointer)ag_knowledge_get_entry (knowledge, i),
                         GUINT_TO_POINTER (i));

  g_assert_cmpuint (ag_knowledge_get_n_forms (knowledge), >, ag_knowledge_get_n_entries (knowledge));
  for (guint i = 0; i < ag_knowledge_get_n_forms (knowledge); i++)
    {
      const AgKnowledgeForm *form = ag_knowledge_get_form (knowledge, i);
      g_autofree char *key = ag_name_key (form->form);
      guint index;

      /* Forms come in the order of the entries, the name first. */
      g_assert_true (g_hash_table_lookup_extended (entries, form->entry, NULL, (gpointer *)&index));
      if (form->entry != previous)
        {
          g_assert_cmpuint (index, >=, entry_index);
          g_assert_cmpstr (form->form, ==, form->entry->name);
          g_assert_true (form->kind == AG_FORM_NAME || form->kind == AG_FORM_AMBIGUOUS);
          entry_index = index;
          previous = form->entry;
        }

      /* No form twice for an entry */
      g_assert_true (g_hash_table_add (seen, g_strdup_printf ("%u %s", index, key)));
      g_assert_cmpstr (key, !=, "");
    }

  /* A group whose name is an ordinary word */
  for (guint i = 0; i < ag_knowledge_get_n_forms (knowledge); i++)
    {
      const AgKnowledgeForm *form = ag_knowledge_get_form (knowledge, i);

      if (g_str_equal (form->form, "Tick") && form->entry->kind == AG_ACTOR_THREAT_GROUP)
        g_assert_cmpint (form->kind, ==, AG_FORM_AMBIGUOUS);
    }
}

static void
test_builtin_without_iso_codes (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-iso-codes.json", NULL);
  g_autoptr(AgKnowledge) knowledge = ag_knowledge_new (builtin_dir (), missing, NULL, &error);
  const AgKnowledgeEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (knowledge, AG_ACTOR_COUNTRY), >=, 249);
  entry = ag_knowledge_lookup (knowledge, "PRC");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->code, ==, "CN");
}

static void
copy_builtin (Fixture    *fixture,
              const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = g_build_filename (builtin_dir (), name, NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_builtin_broken (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char * const files[] = { "countries.json", "organizations.json", "threat-groups.json" };
  g_autofree char *dir = g_build_filename (fixture->dir, "builtin", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  for (guint broken = 0; broken < G_N_ELEMENTS (files); broken++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = g_build_filename (dir, files[i], NULL);

          if (i != broken)
            copy_builtin (fixture, dir, files[i]);
          else
            g_unlink (path);
        }

      for (guint variant = 0; variant < 3; variant++)
        {
          static const char * const contents[] = { NULL, "{\"format\": 1, \"groups\": [", "{\"format\": 99}" };
          g_autofree char *path = g_build_filename (dir, files[broken], NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(AgKnowledge) knowledge = NULL;

          if (contents[variant] != NULL)
            g_assert_true (g_file_set_contents (path, contents[variant], -1, NULL));
          knowledge = ag_knowledge_new (dir, ISO_CODES_FILE, NULL, &error);
          g_assert_null (knowledge);
          g_assert_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, files[broken]));
        }
    }
}

static void
test_pack_add_list_remove (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(AgKnowledge) before = load (fixture->packs_dir);
  g_autoptr(AgKnowledge) with_pack = NULL;
  g_autoptr(AgKnowledge) after = NULL;
  g_autofree char *name = NULL;
  const AgKnowledgeEntry *entry;
  AgKnowledgePack *pack;
  guint n_groups = 0;
  GStatBuf st;

  g_assert_null (ag_knowledge_lookup (before, "Heron Team"));

  packs = ag_knowledge_list_packs (fixture->packs_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 0);
  g_clear_pointer (&packs, g_ptr_array_unref);

  name = add_pack (fixture, "misp-cluster.json", NULL, &n_groups);
  g_assert_cmpstr (name, ==, "misp-cluster");
  g_assert_cmpuint (n_groups, ==, 5);
  g_assert_cmpint (g_stat (fixture->packs_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  packs = ag_knowledge_list_packs (fixture->packs_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 1);
  pack = g_ptr_array_index (packs, 0);
  g_assert_cmpstr (pack->name, ==, "misp-cluster");
  g_assert_cmpstr (pack->source, ==, "MISP galaxy");
  g_assert_nonnull (pack->imported);
  g_assert_cmpuint (pack->n_groups, ==, 5);

  with_pack = load (fixture->packs_dir);
  g_assert_cmpuint (ag_knowledge_get_n_entries (with_pack), ==,
                    ag_knowledge_get_n_entries (before) + 4);

  /* The CFR sponsor is the state; a country of origin only a suspicion */
  entry = ag_knowledge_lookup (with_pack, "Heron Team");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "Copper Heron");
  g_assert_cmpstr (entry->origin, ==, "misp-cluster");
  g_assert_cmpstr (entry->state, ==, "IR");
  g_assert_null (entry->suspected_state);
  g_assert_nonnull (find_form (with_pack, entry, "TA9001"));
  g_assert_null (find_form (with_pack, entry, "G9999"));
  g_assert_null (find_form (with_pack, entry, "COPPER HERON"));
  g_assert_null (ag_knowledge_lookup (with_pack, "G9999"));

  entry = ag_knowledge_lookup (with_pack, "Lantern Spider");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "Slate Lantern");
  g_assert_null (entry->state);
  g_assert_cmpstr (entry->suspected_state, ==, "RU");

  entry = ag_knowledge_lookup (with_pack, "Marten Group");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->state, ==, "KP");

  /* "Unknown" is no state; wrong-typed members are ignored */
  entry = ag_knowledge_lookup (with_pack, "Tin Warbler");
  g_assert_nonnull (entry);
  g_assert_null (entry->state);
  g_assert_null (entry->suspected_state);

  g_assert_null (ag_knowledge_lookup (with_pack, "Nameless"));

  /* Remove it: later knowledge forgets it */
  g_assert_true (ag_knowledge_remove_pack (fixture->packs_dir, "misp-cluster", &error));
  g_assert_no_error (error);
  g_clear_pointer (&packs, g_ptr_array_unref);
  packs = ag_knowledge_list_packs (fixture->packs_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 0);

  after = load (fixture->packs_dir);
  g_assert_null (ag_knowledge_lookup (after, "Heron Team"));
  g_assert_cmpuint (ag_knowledge_get_n_entries (after), ==, ag_knowledge_get_n_entries (before));
}

static void
test_pack_merge (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AgKnowledge) before = load (NULL);
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autofree char *misp = NULL;
  g_autofree char *stix = NULL;
  const AgKnowledgeEntry *apt28;
  const AgKnowledgeEntry *heron;
  const AgKnowledgeEntry *marten;

  misp = add_pack (fixture, "misp-cluster.json", NULL, NULL);
  stix = add_pack (fixture, "stix-bundle.json", NULL, NULL);
  knowledge = load (fixture->packs_dir);

  /* "Sofacy" (MISP) and "Fancy Bear" (STIX) join the built-in APT28 */
  apt28 = ag_knowledge_lookup (knowledge, "APT28");
  g_assert_nonnull (apt28);
  g_assert_cmpstr (apt28->origin, ==, "built-in");
  g_assert_cmpstr (apt28->state, ==, "RU");
  g_assert_true (ag_knowledge_lookup (knowledge, "Glass Heron") == apt28);
  g_assert_true (ag_knowledge_lookup (knowledge, "Rook Storm") == apt28);
  g_assert_true (ag_knowledge_lookup (knowledge, "Sofacy") == apt28);
  g_assert_cmpint (find_form (knowledge, apt28, "Glass Heron")->kind, ==, AG_FORM_ALIAS);

  /* 5 MISP groups, one merged; 3 STIX groups, one merged */
  g_assert_cmpuint (ag_knowledge_get_n_entries (knowledge), ==,
                    ag_knowledge_get_n_entries (before) + 4 + 2);

  /* Groups of one pack stay apart even when they share an alias. */
  heron = ag_knowledge_lookup (knowledge, "Copper Heron");
  marten = ag_knowledge_lookup (knowledge, "Quiet Marten");
  g_assert_nonnull (heron);
  g_assert_nonnull (marten);
  g_assert_true (heron != marten);
  g_assert_cmpint (find_form (knowledge, marten, "Heron Team")->kind, ==, AG_FORM_AMBIGUOUS);
  g_assert_cmpint (find_form (knowledge, heron, "Heron Team")->kind, ==, AG_FORM_ALIAS);
  g_assert_true (ag_knowledge_lookup (knowledge, "Heron Team") == heron);
}

static void
test_pack_stix (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autofree char *name = NULL;
  const AgKnowledgeEntry *entry;
  guint n_groups = 0;

  name = add_pack (fixture, "stix-bundle.json", "attack", &n_groups);
  g_assert_cmpstr (name, ==, "attack");
  g_assert_cmpuint (n_groups, ==, 3);

  packs = ag_knowledge_list_packs (fixture->packs_dir, NULL);
  g_assert_cmpuint (packs->len, ==, 1);
  g_assert_cmpstr (((AgKnowledgePack *)g_ptr_array_index (packs, 0))->source, ==, "STIX 2.1");

  knowledge = load (fixture->packs_dir);
  entry = ag_knowledge_lookup (knowledge, "Kestrel Team");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "Amber Kestrel");
  g_assert_cmpstr (entry->origin, ==, "attack");
  /* STIX has no state; the description is not read */
  g_assert_null (entry->state);
  g_assert_null (entry->suspected_state);
  g_assert_nonnull (ag_knowledge_lookup (knowledge, "Osprey Unit"));
  g_assert_null (ag_knowledge_lookup (knowledge, "Grey Finch"));
  g_assert_null (ag_knowledge_lookup (knowledge, "Wren Team"));
  g_assert_null (ag_knowledge_lookup (knowledge, "Kestrel Loader"));
}

static void
test_pack_bare_stix_array (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "objects.json",
    "[{\"type\": \"intrusion-set\", \"name\": \"Pewter Gull\", \"aliases\": [\"Gull Team\"]},"
    " {\"type\": \"identity\", \"name\": \"Someone\"}]", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  guint n_groups = 0;

  name = ag_knowledge_add_pack (fixture->packs_dir, file, NULL, &n_groups, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "objects");
  g_assert_cmpuint (n_groups, ==, 1);
}

static void
test_pack_clean_up (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "My Pack (v2).JSON",
    "\xef\xbb\xbf{\"type\": \"threat-actor\", \"values\": ["
    "{\"value\": \"Evil\\u0007 \\u202eGroup\\n\", \"meta\": {\"synonyms\": [\"\\u001b[31mRed\\tAlias\", \"\"]}}]}",
    -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autofree char *name = NULL;
  const AgKnowledgeEntry *entry;

  name = ag_knowledge_add_pack (fixture->packs_dir, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "my-pack-v2");

  knowledge = load (fixture->packs_dir);
  entry = ag_knowledge_lookup (knowledge, "Evil Group");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "Evil Group");
  g_assert_nonnull (find_form (knowledge, entry, "[31mRed Alias"));
}

/* A state sponsor of nested brackets is no state, and no deep recursion. */
static void
test_pack_hostile_sponsor (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"threat-actor\", \"values\": ["
                                          "{\"value\": \"Paren Group\", \"meta\": {\"country\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const AgKnowledgeEntry *entry;

  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "a (");
  g_string_append (json, "\", \"cfr-suspected-state-sponsor\": \"Korea (((((Republic of)\"}}]}");
  path = write_file (fixture, "parens.json", json->str, json->len);
  file = g_file_new_for_path (path);

  name = ag_knowledge_add_pack (fixture->packs_dir, file, NULL, NULL, &error);
  g_assert_no_error (error);
  knowledge = load (fixture->packs_dir);
  entry = ag_knowledge_lookup (knowledge, "Paren Group");
  g_assert_nonnull (entry);
  g_assert_null (entry->suspected_state);
}

static void
test_pack_names (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char * const invalid[] = { "../evil", "a/b", "", "Upper", "-dash", ".hidden" };
  g_autoptr(GError) error = NULL;
  g_autofree char *misp = fixture_path ("misp-cluster.json");
  g_autoptr(GFile) file = g_file_new_for_path (misp);
  g_autofree char *first = add_pack (fixture, "misp-cluster.json", NULL, NULL);
  g_autofree char *before = snapshot_dir (fixture->packs_dir);
  g_autofree char *after = NULL;
  char *name;

  /* Installed already */
  name = ag_knowledge_add_pack (fixture->packs_dir, file, NULL, NULL, &error);
  g_assert_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_EXISTS);
  g_assert_null (name);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      name = ag_knowledge_add_pack (fixture->packs_dir, file, invalid[i], NULL, &error);
      g_assert_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID);
      g_assert_null (name);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (g_str_equal (invalid[i], "Upper") || g_str_equal (invalid[i], "-dash"))
        continue;
      g_assert_false (ag_knowledge_remove_pack (fixture->packs_dir, invalid[i], &error));
      g_assert_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_false (ag_knowledge_remove_pack (fixture->packs_dir, "not-installed", &error));
  g_assert_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = snapshot_dir (fixture->packs_dir);
  g_assert_cmpstr (before, ==, after);
}

/* Each bad input fails with a clear error and leaves the packs alone. */
static void
assert_pack_refused (Fixture    *fixture,
                     const char *path,
                     const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = snapshot_dir (fixture->packs_dir);
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;

  name = ag_knowledge_add_pack (fixture->packs_dir, file, NULL, NULL, &error);
  g_assert_null (name);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  if (reason != NULL && strstr (error->message, reason) == NULL)
    g_error ("%s: “%s” does not say “%s”", path, error->message, reason);
  g_assert_null (strchr (error->message, '\n'));

  after = snapshot_dir (fixture->packs_dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_pack_malformed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const struct {
    const char *file;
    const char *reason;
  } fixtures[] = {
    { "bad-truncated.json", "is not valid JSON" },
    { "bad-wrong-types.json", "holds no threat groups" },
    { "bad-hostile.json", "holds no threat groups" },
    { "bad-huge-aliases.json", "holds no threat groups" },
    { "bad-numbers.json", "is neither a MISP galaxy threat-actor cluster nor a STIX 2.1 bundle" },
  };
  g_autofree char *installed = add_pack (fixture, "misp-cluster.json", NULL, NULL);
  g_autofree char *before = snapshot_dir (fixture->packs_dir);
  g_autofree char *after = NULL;
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new ("{\"type\": \"threat-actor\", \"values\": [");
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  int fd;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *fixture_file = fixture_path (fixtures[i].file);

      assert_pack_refused (fixture, fixture_file, fixtures[i].reason);
    }

  path = write_file (fixture, "empty.json", "", 0);
  assert_pack_refused (fixture, path, "is empty");
  g_free (path);

  path = write_file (fixture, "latin1.json", "{\"type\": \"threat-actor\", \"values\": [{\"value\": \"Caf\xe9\"}]}", -1);
  assert_pack_refused (fixture, path, "is not UTF-8");
  g_free (path);

  path = write_file (fixture, "nul.json", "{\"values\": []}\0garbage", 23);
  assert_pack_refused (fixture, path, NULL);
  g_free (path);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  path = write_file (fixture, "deep.json", deep->str, deep->len);
  assert_pack_refused (fixture, path, "nested");
  g_free (path);

  path = write_file (fixture, "tools.json", "{\"type\": \"tool\", \"values\": [{\"value\": \"Hammer\"}]}", -1);
  assert_pack_refused (fixture, path, "not of threat actors");
  g_free (path);

  path = write_file (fixture, "no-sets.json", "{\"type\": \"bundle\", \"objects\": [{\"type\": \"malware\", \"name\": \"X\"}]}", -1);
  assert_pack_refused (fixture, path, "holds no threat groups");
  g_free (path);

  path = write_file (fixture, "object.json", "{\"hello\": \"world\"}", -1);
  assert_pack_refused (fixture, path, "is neither");
  g_free (path);

  path = write_file (fixture, "future.json", "{\"format\": 2, \"groups\": [{\"name\": \"Future Group\"}]}", -1);
  assert_pack_refused (fixture, path, "format 2");
  g_free (path);

  /* More groups than a pack may hold */
  for (guint i = 0; i < 50001; i++)
    g_string_append_printf (many, "%s{\"value\": \"G%u\"}", i > 0 ? "," : "", i);
  g_string_append (many, "]}");
  path = write_file (fixture, "many.json", many->str, many->len);
  assert_pack_refused (fixture, path, "more than 50000");
  g_free (path);

  /* Too large: a sparse file, refused before it is read */
  path = g_build_filename (fixture->dir, "huge.json", NULL);
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)65 * 1024 * 1024), ==, 0);
  close (fd);
  assert_pack_refused (fixture, path, "too large");

  missing = g_build_filename (fixture->dir, "missing.json", NULL);
  assert_pack_refused (fixture, missing, "does not exist");
  assert_pack_refused (fixture, fixture->dir, "is a folder");

  after = snapshot_dir (fixture->packs_dir);
  g_assert_cmpstr (before, ==, after);

  /* And the knowledge is what it was */
  knowledge = load (fixture->packs_dir);
  g_assert_nonnull (ag_knowledge_lookup (knowledge, "Heron Team"));
  g_assert_null (ag_knowledge_lookup (knowledge, "Hammer"));
}

static void
test_pack_broken_installed (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *installed = add_pack (fixture, "misp-cluster.json", NULL, NULL);
  g_autofree char *junk = g_build_filename (fixture->packs_dir, "junk.json", NULL);
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  AgKnowledgePack *pack;

  g_assert_true (g_file_set_contents (junk, "{\"format\": 1, \"groups\": [{\"name\": ", -1, NULL));

  g_test_expect_message ("ag-knowledge", G_LOG_LEVEL_WARNING, "*junk.json*not valid JSON*");
  knowledge = load (fixture->packs_dir);
  g_test_assert_expected_messages ();
  g_assert_nonnull (ag_knowledge_lookup (knowledge, "Heron Team"));

  packs = ag_knowledge_list_packs (fixture->packs_dir, NULL);
  g_assert_cmpuint (packs->len, ==, 2);
  pack = g_ptr_array_index (packs, 0);
  g_assert_cmpstr (pack->name, ==, "junk");
  g_assert_null (pack->source);
  g_assert_true (ag_knowledge_remove_pack (fixture->packs_dir, "junk", NULL));
}

/* Runs actorgraph-cli with XDG_DATA_HOME in the scratch folder. */
static int
run_cli (Fixture     *fixture,
         char       **out,
         char       **err,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (Fixture     *fixture,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_build_filename (fixture->dir, "data-home", NULL);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("AG_CLI");
  const char *arg;
  va_list ap;

  if (cli == NULL)
    {
      g_test_skip ("AG_CLI is not set");
      return -1;
    }

  g_ptr_array_add (argv, (gpointer)cli);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
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

static void
test_cli (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *misp = fixture_path ("misp-cluster.json");
  g_autofree char *bad = fixture_path ("bad-numbers.json");
  g_autofree char *packs_dir = g_build_filename (fixture->dir, "data-home", "actorgraph", "knowledge", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *prefix = NULL;
  JsonArray *array;
  int status;

  if (g_getenv ("AG_CLI") == NULL)
    {
      g_test_skip ("AG_CLI is not set");
      return;
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    status = run_cli (fixture, &out, &err, "knowledge", "add", misp, NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "Added pack “misp-cluster” with 5 threat groups\n");
    g_assert_cmpstr (err, ==, "");
  }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    status = run_cli (fixture, &out, &err, "knowledge", "list", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "misp-cluster: 5 threat groups from MISP galaxy, added "));
  }

  {
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    JsonObject *pack;

    status = run_cli (fixture, &out, NULL, "knowledge", "list", "--format", "json", NULL);
    g_assert_cmpint (status, ==, 0);
    json_parser_load_from_data (parser, out, -1, &error);
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    pack = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (pack, "name"), ==, "misp-cluster");
    g_assert_cmpint (json_object_get_int_member (pack, "groups"), ==, 5);
  }

  /* A bad pack and a repeated one: one line each, nothing changes */
  before = snapshot_dir (packs_dir);
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    status = run_cli (fixture, &out, &err, "knowledge", "add", bad, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_cmpstr (out, ==, "");
    prefix = g_strconcat (bad, ": is neither", NULL);
    g_assert_true (g_str_has_prefix (err, prefix));
    g_assert_true (g_str_has_suffix (err, "\n"));
    g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  }
  {
    g_autofree char *err = NULL;

    status = run_cli (fixture, NULL, &err, "knowledge", "add", misp, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "already installed"));
  }
  after = snapshot_dir (packs_dir);
  g_assert_cmpstr (before, ==, after);

  {
    g_autofree char *out = NULL;

    status = run_cli (fixture, &out, NULL, "knowledge", "remove", "misp-cluster", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "Removed pack “misp-cluster”\n");
  }
  {
    g_autofree char *err = NULL;

    status = run_cli (fixture, NULL, &err, "knowledge", "remove", "misp-cluster", NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_true (g_str_has_prefix (err, "misp-cluster: no knowledge pack"));
  }
  {
    g_autofree char *out = NULL;

    status = run_cli (fixture, &out, NULL, "knowledge", "list", NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "No knowledge packs are installed.\n");
  }

  /* Usage */
  g_assert_cmpint (run_cli (fixture, NULL, NULL, "knowledge", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, NULL, "knowledge", "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, NULL, "knowledge", "add", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, NULL, "knowledge", "remove", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, NULL, "knowledge", "list", "--format", "xml", NULL), ==, 2);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const commands[] = { "--help", "add", "list", "remove" };
      g_autofree char *out = NULL;

      if (i == 0)
        status = run_cli (fixture, &out, NULL, "knowledge", "--help", NULL);
      else
        status = run_cli (fixture, &out, NULL, "knowledge", commands[i], "--help", NULL);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (out, "Usage:"));
    }
}

/* A plain form that a pack adds never takes a form the built-in knowledge
 * has already: that one is ambiguous, or another entry's. */
static void
assert_packs_keep_ambiguity (AgKnowledge *before,
                             AgKnowledge *after)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ag_knowledge_get_n_forms (before); i++)
    {
      const AgKnowledgeForm *form = ag_knowledge_get_form (before, i);
      char *key = ag_name_key (form->form);

      g_hash_table_add (pairs, g_strdup_printf ("%s\n%s", form->entry->name, key));
      g_hash_table_add (keys, key);
    }

  for (guint i = 0; i < ag_knowledge_get_n_forms (after); i++)
    {
      const AgKnowledgeForm *form = ag_knowledge_get_form (after, i);
      g_autofree char *key = ag_name_key (form->form);
      g_autofree char *pair = g_strdup_printf ("%s\n%s", form->entry->name, key);

      if (form->kind != AG_FORM_NAME && form->kind != AG_FORM_ALIAS)
        continue;
      if (g_str_equal (form->entry->origin, "built-in") && g_hash_table_contains (pairs, pair))
        continue;
      if (g_hash_table_contains (keys, key))
        g_error ("“%s” of %s (%s) is a built-in form", form->form, form->entry->name,
                 form->entry->origin);
    }
}

static void
test_shared_data (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *dir = g_getenv ("AG_SHARED_DATA_DIR");
  g_autofree char *misp = NULL;
  g_autofree char *stix = NULL;
  g_autoptr(AgKnowledge) before = NULL;
  g_autoptr(AgKnowledge) knowledge = NULL;
  g_autoptr(GFile) misp_file = NULL;
  g_autoptr(GFile) stix_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *misp_name = NULL;
  g_autofree char *stix_name = NULL;
  const AgKnowledgeEntry *entry;
  guint n_misp = 0;
  guint n_stix = 0;
  gint64 start;

  if (dir == NULL)
    {
      g_test_skip ("AG_SHARED_DATA_DIR is not set");
      return;
    }
  misp = g_build_filename (dir, "misp-galaxy-threat-actor.json", NULL);
  stix = g_build_filename (dir, "attack-intrusion-sets.json", NULL);
  if (!g_file_test (misp, G_FILE_TEST_EXISTS) || !g_file_test (stix, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared threat-actor files are not there");
      return;
    }

  misp_file = g_file_new_for_path (misp);
  stix_file = g_file_new_for_path (stix);

  misp_name = ag_knowledge_add_pack (fixture->packs_dir, misp_file, NULL, &n_misp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (misp_name, ==, "misp-galaxy-threat-actor");
  g_assert_cmpuint (n_misp, >, 1000);

  stix_name = ag_knowledge_add_pack (fixture->packs_dir, stix_file, NULL, &n_stix, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_stix, >, 100);

  before = load (NULL);
  start = g_get_monotonic_time ();
  knowledge = load (fixture->packs_dir);
  g_test_message ("Loading the built-in knowledge with both packs: %.1f ms, %u entries, %u forms",
                  (g_get_monotonic_time () - start) / 1000.0,
                  ag_knowledge_get_n_entries (knowledge), ag_knowledge_get_n_forms (knowledge));

  entry = ag_knowledge_lookup (knowledge, "Fancy Bear");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "APT28");
  g_assert_cmpstr (entry->origin, ==, "built-in");
  g_assert_cmpstr (entry->state, ==, "RU");

  /* ATT&CK's name for APT31, merged into the built-in group */
  entry = ag_knowledge_lookup (knowledge, "ZIRCONIUM");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->state, ==, "CN");

  /* The packs add groups, but far fewer than they hold: most are merged */
  g_assert_cmpuint (ag_knowledge_get_n_entries (knowledge), >, ag_knowledge_get_n_entries (before) + 500);
  g_assert_cmpuint (ag_knowledge_get_n_entries (knowledge), <, ag_knowledge_get_n_entries (before) + n_misp + n_stix);

  /* The packs may not rename countries */
  entry = ag_knowledge_lookup (knowledge, "China");
  g_assert_cmpint (entry->kind, ==, AG_ACTOR_COUNTRY);

  assert_packs_keep_ambiguity (before, knowledge);
}

static void
test_default (void)
{
  gint64 start = g_get_monotonic_time ();
  AgKnowledge *knowledge = ag_knowledge_get_default ();
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_test_message ("ag_knowledge_get_default: %.1f ms, %u entries, %u forms",
                  ms, ag_knowledge_get_n_entries (knowledge), ag_knowledge_get_n_forms (knowledge));
  g_assert_nonnull (knowledge);
  g_assert_true (ag_knowledge_get_default () == knowledge);
  g_assert_cmpuint (count_kind (knowledge, AG_ACTOR_THREAT_GROUP), >=, 150);
  g_assert_nonnull (ag_knowledge_lookup (knowledge, "PRC"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/knowledge/builtin/counts", test_builtin_counts);
  g_test_add_func ("/knowledge/builtin/lookup", test_builtin_lookup);
  g_test_add_func ("/knowledge/builtin/forms", test_builtin_forms);
  g_test_add ("/knowledge/builtin/without-iso-codes", Fixture, NULL,
              fixture_set_up, test_builtin_without_iso_codes, fixture_tear_down);
  g_test_add ("/knowledge/builtin/broken", Fixture, NULL,
              fixture_set_up, test_builtin_broken, fixture_tear_down);
  g_test_add_func ("/knowledge/default", test_default);
  g_test_add ("/knowledge/pack/add-list-remove", Fixture, NULL,
              fixture_set_up, test_pack_add_list_remove, fixture_tear_down);
  g_test_add ("/knowledge/pack/merge", Fixture, NULL,
              fixture_set_up, test_pack_merge, fixture_tear_down);
  g_test_add ("/knowledge/pack/stix", Fixture, NULL,
              fixture_set_up, test_pack_stix, fixture_tear_down);
  g_test_add ("/knowledge/pack/bare-stix-array", Fixture, NULL,
              fixture_set_up, test_pack_bare_stix_array, fixture_tear_down);
  g_test_add ("/knowledge/pack/clean-up", Fixture, NULL,
              fixture_set_up, test_pack_clean_up, fixture_tear_down);
  g_test_add ("/knowledge/pack/hostile-sponsor", Fixture, NULL,
              fixture_set_up, test_pack_hostile_sponsor, fixture_tear_down);
  g_test_add ("/knowledge/pack/names", Fixture, NULL,
              fixture_set_up, test_pack_names, fixture_tear_down);
  g_test_add ("/knowledge/pack/malformed", Fixture, NULL,
              fixture_set_up, test_pack_malformed, fixture_tear_down);
  g_test_add ("/knowledge/pack/broken-installed", Fixture, NULL,
              fixture_set_up, test_pack_broken_installed, fixture_tear_down);
  g_test_add ("/knowledge/cli", Fixture, NULL,
              fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/knowledge/shared-data", Fixture, NULL,
              fixture_set_up, test_shared_data, fixture_tear_down);

  return g_test_run ();
}
