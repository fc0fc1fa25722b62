/* ag-knowledge.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-knowledge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ag-knowledge.h"

/* What the gazetteer knows, and where it comes from:
 *
 * - Countries: the ISO 3166-1 list of the iso-codes package (optional: our
 *   own countries.json names every country too), merged with countries.json
 *   (our names, short forms, demonyms, capitals and seats).
 * - organizations.json: alliances, intergovernmental bodies and agencies.
 * - threat-groups.json: threat groups, their aliases and their states.
 * - Knowledge packs: files in the user's data folder in the format of
 *   threat-groups.json, converted from MISP galaxy clusters and STIX 2.1
 *   bundles by ag_knowledge_add_pack(). A pack group that has the name or an
 *   alias of a group we already know is merged into it.
 *
 * Everything read from a file goes through the same limits and clean-up,
 * since packs come from other people: size, nesting depth, UTF-8, length of
 * names, number of groups and aliases, and no control characters.
 */

#define BUILTIN_ORIGIN   "built-in"
#define PACK_FORMAT      1
#define MAX_FILE_SIZE    (64 * 1024 * 1024)
#define MAX_DEPTH        32
#define MAX_NAME_CHARS   200
#define MAX_GROUPS       50000
#define MAX_ALIASES      200
#define MAX_PACK_NAME    64

typedef struct
{
  char       *form;
  AgFormKind  kind;
} EntryForm;

/* The public entry first, so that an AgKnowledgeEntry pointer is an Entry. */
typedef struct
{
  AgKnowledgeEntry  pub;
  GArray           *forms;  /* EntryForm, in the order they were added */
} Entry;

typedef struct
{
  Entry *entry;
  int    rank;
} Hit;

/* A threat group as a file describes it, cleaned up but not yet resolved
 * against the countries. */
typedef struct
{
  char      *name;
  GPtrArray *aliases;
  GPtrArray *ambiguous;
  char      *state;
  char      *suspected_state;
  char      *sponsor;
  gboolean   ambiguous_name;  /* the name is also a common word */
} Group;

struct _AgKnowledge
{
  GObject     parent_instance;

  GPtrArray  *entries;     /* Entry */
  GArray     *forms;       /* AgKnowledgeForm, built when loading ends */
  GHashTable *by_key;      /* name key → Hit */
  GHashTable *by_code;     /* alpha-2 → Entry */

  /* Only while loading */
  GHashTable *seen_forms;  /* "ENTRY KEY" */
  GHashTable *group_keys;  /* name key → GPtrArray of threat-group Entry */
};

G_DEFINE_FINAL_TYPE (AgKnowledge, ag_knowledge, G_TYPE_OBJECT)

G_DEFINE_QUARK (ag-knowledge-error-quark, ag_knowledge_error)

static void
entry_form_clear (gpointer data)
{
  EntryForm *form = data;

  g_free (form->form);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->pub.name);
  g_free (entry->pub.code);
  g_free (entry->pub.country);
  g_free (entry->pub.state);
  g_free (entry->pub.suspected_state);
  g_free (entry->pub.sponsor);
  g_strfreev (entry->pub.members);
  g_free (entry->pub.origin);
  g_array_unref (entry->forms);
  g_free (entry);
}

static void
group_free (Group *group)
{
  g_free (group->name);
  g_ptr_array_unref (group->aliases);
  g_ptr_array_unref (group->ambiguous);
  g_free (group->state);
  g_free (group->suspected_state);
  g_free (group->sponsor);
  g_free (group);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Group, group_free)

void
ag_knowledge_pack_free (AgKnowledgePack *pack)
{
  if (pack == NULL)
    return;

  g_free (pack->name);
  g_free (pack->source);
  g_free (pack->imported);
  g_free (pack);
}

/* Text and JSON helpers */

/* Characters that change how text displays without being seen: bidi
 * overrides and isolates, zero-width spaces, the BOM. Joiners stay, some
 * scripts need them. */
static gboolean
is_hidden_format (gunichar c)
{
  if (c == 0x200C || c == 0x200D)
    return FALSE;
  return g_unichar_type (c) == G_UNICODE_FORMAT;
}

/*
 * clean_text:
 * @text: a name or alias from a file, or %NULL
 *
 * Drops control and hidden format characters, collapses white space and
 * trims it. Returns: (nullable): the clean text, or %NULL when nothing is
 * left, when @text is not UTF-8, or when it is longer than a name can be.
 */
static char *
clean_text (const char *text)
{
  GString *clean;
  gboolean pending_space = FALSE;
  guint n_chars = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = clean->len > 0;
          continue;
        }
      if (g_unichar_type (c) == G_UNICODE_CONTROL || is_hidden_format (c))
        continue;
      if (pending_space)
        {
          g_string_append_c (clean, ' ');
          n_chars++;
        }
      pending_space = FALSE;
      g_string_append_unichar (clean, c);
      if (++n_chars > MAX_NAME_CHARS)
        break;
    }

  if (clean->len == 0 || n_chars > MAX_NAME_CHARS)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }

  return g_string_free (clean, FALSE);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static gboolean
get_true (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static const char *
array_get_string (JsonArray *array,
                  guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
array_get_object (JsonArray *array,
                  guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* json-glib recurses once per level: refuse deep nesting before parsing. */
static gboolean
nesting_is_shallow (const char *data,
                    gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Reads at most MAX_FILE_SIZE bytes, whatever the file is. */
static GBytes *
read_file (GFile   *file,
           GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree guint8 *chunk = NULL;
  GError *local_error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("does not exist"));
        }
      else
        g_propagate_error (error, local_error);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("is a folder"));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      && g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("is too large (over %d MB)"), MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  input = g_file_read (file, NULL, error);
  if (input == NULL)
    return NULL;

  buffer = g_byte_array_new ();
  chunk = g_malloc (64 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), chunk, 64 * 1024, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (buffer->len + (gsize)n > MAX_FILE_SIZE)
        {
          g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                       _("is too large (over %d MB)"), MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* json-glib says "<data>:3:14: Parse error: unexpected character";
 * keep the place and the reason. */
static void
set_json_error (GError     **error,
                const GError *parse_error)
{
  const char *message = parse_error->message;
  const char *reason = strstr (message, "Parse error: ");

  if (g_str_has_prefix (message, "<data>:") && reason != NULL)
    {
      g_autofree char *place = g_strndup (message + strlen ("<data>:"),
                                          reason - message - strlen ("<data>:"));

      g_strchomp (place);
      if (g_str_has_suffix (place, ":"))
        place[strlen (place) - 1] = '\0';
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("is not valid JSON (at %s: %s)"), place, reason + strlen ("Parse error: "));
    }
  else
    g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                 _("is not valid JSON (%s)"), message);
}

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID, _("is empty"));
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("is not UTF-8 text"));
      return NULL;
    }
  if (!nesting_is_shallow (data, length))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("is nested more than %d levels deep"), MAX_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      set_json_error (error, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID, _("is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

static JsonNode *
load_json_path (const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = read_file (file, error);

  if (bytes == NULL)
    return NULL;

  return parse_json (bytes, error);
}

/* Our files say "format": 1; a reader refuses a format it does not know. */
static gboolean
check_format (JsonNode  *root,
              GError   **error)
{
  JsonNode *format;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  format = json_object_get_member (json_node_get_object (root), "format");
  if (format == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_INT64
      && json_node_get_int (format) == PACK_FORMAT)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_INT64)
    g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                 _("has format %lld, which this version does not know"),
                 (long long)json_node_get_int (format));
  else
    g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                         _("has a format this version does not know"));
  return FALSE;
}

/* Groups from files */

static gboolean
is_attack_id (const char *text)
{
  if ((text[0] != 'G' && text[0] != 'g') || strlen (text) != 5)
    return FALSE;
  for (guint i = 1; i < 5; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Adds the strings of @array to @list, cleaned, without repeating a key of
 * @keys, and without ATT&CK group ids. */
static void
add_clean_strings (GPtrArray  *list,
                   GHashTable *keys,
                   JsonArray  *array)
{
  guint n;

  if (array == NULL)
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *clean = clean_text (array_get_string (array, i));
      char *key;

      if (clean == NULL || is_attack_id (clean))
        continue;
      key = ag_name_key (clean);
      if (*key == '\0' || !g_hash_table_add (keys, key))
        continue;
      g_ptr_array_add (list, g_steal_pointer (&clean));
    }
}

static Group *
group_new (const char *name)
{
  Group *group = g_new0 (Group, 1);

  group->name = g_strdup (name);
  group->aliases = g_ptr_array_new_with_free_func (g_free);
  group->ambiguous = g_ptr_array_new_with_free_func (g_free);
  return group;
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

/*
 * group_from_json:
 * @object: a group of threat-groups.json or of a pack
 *
 * Returns: (nullable): the group, or %NULL when it has no usable name or
 * more aliases than a group may have
 */
static Group *
group_from_json (JsonObject *object)
{
  g_autoptr(GHashTable) keys = NULL;
  g_autofree char *name = NULL;
  JsonArray *aliases;
  JsonArray *ambiguous;
  Group *group;

  if (object == NULL)
    return NULL;

  name = clean_text (get_string (object, "name"));
  aliases = get_array (object, "aliases");
  ambiguous = get_array (object, "ambiguous_aliases");
  if (name == NULL || array_length (aliases) + array_length (ambiguous) > MAX_ALIASES)
    return NULL;

  group = group_new (name);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (keys, ag_name_key (name));
  add_clean_strings (group->aliases, keys, aliases);
  add_clean_strings (group->ambiguous, keys, ambiguous);
  group->state = clean_text (get_string (object, "state"));
  group->suspected_state = clean_text (get_string (object, "suspected_state"));
  group->sponsor = clean_text (get_string (object, "sponsor"));
  group->ambiguous_name = get_true (object, "ambiguous_name");

  return group;
}

/*
 * groups_from_json:
 * @root: a threat-groups.json or a pack
 * @n_skipped: (out) (optional): how many groups were unusable
 *
 * Returns: (element-type Group): the usable groups
 */
static GPtrArray *
groups_from_json (JsonNode  *root,
                  guint     *n_skipped,
                  GError   **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  JsonArray *array = NULL;
  guint skipped = 0;
  guint n;

  if (!check_format (root, error))
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    array = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      array = get_array (object, "groups");
      if (array == NULL)
        array = get_array (object, "threat_groups");
    }

  if (array == NULL)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("has no list of threat groups"));
      return NULL;
    }

  n = json_array_get_length (array);
  if (n > MAX_GROUPS)
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("holds more than %'d threat groups"), MAX_GROUPS);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      Group *group = group_from_json (array_get_object (array, i));

      if (group != NULL)
        g_ptr_array_add (groups, group);
      else
        skipped++;
    }

  if (n_skipped != NULL)
    *n_skipped = skipped;

  return g_steal_pointer (&groups);
}

/* Building the knowledge */

static int
form_rank (AgFormKind kind)
{
  switch (kind)
    {
    case AG_FORM_NAME:
      return 0;
    case AG_FORM_ALIAS:
    case AG_FORM_SHORT:
      return 1;
    case AG_FORM_DEMONYM:
    case AG_FORM_CAPITAL:
    case AG_FORM_SEAT:
      return 2;
    case AG_FORM_AMBIGUOUS:
    default:
      return 3;
    }
}

static gboolean
add_form (AgKnowledge *self,
          Entry       *entry,
          const char  *text,
          AgFormKind   kind)
{
  g_autofree char *clean = clean_text (text);
  g_autofree char *key = NULL;
  EntryForm form;
  Hit *hit;

  if (clean == NULL)
    return FALSE;
  key = ag_name_key (clean);
  if (*key == '\0')
    return FALSE;
  if (!g_hash_table_add (self->seen_forms, g_strdup_printf ("%p %s", (gpointer)entry, key)))
    return FALSE;

  hit = g_hash_table_lookup (self->by_key, key);
  if (hit == NULL)
    {
      hit = g_new (Hit, 1);
      hit->entry = entry;
      hit->rank = form_rank (kind);
      g_hash_table_insert (self->by_key, g_strdup (key), hit);
    }
  else if (form_rank (kind) < hit->rank)
    {
      hit->entry = entry;
      hit->rank = form_rank (kind);
    }

  /* What a pack group may merge into: names, ambiguous ones included,
   * and plain aliases. */
  if (entry->pub.kind == AG_ACTOR_THREAT_GROUP
      && (kind == AG_FORM_NAME || kind == AG_FORM_ALIAS || g_str_equal (clean, entry->pub.name)))
    {
      GPtrArray *list = g_hash_table_lookup (self->group_keys, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->group_keys, g_strdup (key), list);
        }
      if (!g_ptr_array_find (list, entry, NULL))
        g_ptr_array_add (list, entry);
    }

  form.form = g_steal_pointer (&clean);
  form.kind = kind;
  g_array_append_val (entry->forms, form);
  return TRUE;
}

static void
add_forms (AgKnowledge *self,
           Entry       *entry,
           JsonArray   *array,
           AgFormKind   kind)
{
  guint n = array_length (array);

  for (guint i = 0; i < n; i++)
    add_form (self, entry, array_get_string (array, i), kind);
}

/* @name_kind is AG_FORM_NAME, or AG_FORM_AMBIGUOUS for a name that is
 * also a common word ("Tick", "Maze"). */
static Entry *
add_entry (AgKnowledge *self,
           const char  *name,
           AgFormKind   name_kind,
           AgActorKind  kind,
           const char  *origin)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->pub.name = g_strdup (name);
  entry->pub.kind = kind;
  entry->pub.origin = g_strdup (origin);
  entry->forms = g_array_new (FALSE, FALSE, sizeof (EntryForm));
  g_array_set_clear_func (entry->forms, entry_form_clear);
  g_ptr_array_add (self->entries, entry);
  add_form (self, entry, name, name_kind);

  return entry;
}

static gboolean
is_alpha2 (const char *code)
{
  return code != NULL && strlen (code) == 2
         && g_ascii_isalpha (code[0]) && g_ascii_isalpha (code[1]);
}

/*
 * resolve_country:
 * @text: an alpha-2 code or a country's name, as files write them
 *
 * Returns: (nullable): the alpha-2 code of the country, or %NULL
 */
static const char *
resolve_country (AgKnowledge *self,
                 const char  *text)
{
  g_autofree char *key = NULL;
  const char *open;
  Hit *hit;

  /* Names of countries are short; this also bounds the recursion below. */
  if (text == NULL || strlen (text) > 4 * MAX_NAME_CHARS)
    return NULL;

  if (is_alpha2 (text))
    {
      const AgKnowledgeEntry *entry = ag_knowledge_lookup_country (self, text);

      if (entry != NULL)
        return entry->code;
    }

  key = ag_name_key (text);
  hit = g_hash_table_lookup (self->by_key, key);
  if (hit != NULL && hit->entry->pub.kind == AG_ACTOR_COUNTRY && hit->rank <= 1)
    return hit->entry->pub.code;

  /* "Korea (Republic of)" and "Korea, Republic of": ISO's style of
   * inverted names, when the iso-codes names are not there to match. */
  open = strchr (text, '(');
  if (open != NULL && open > text)
    {
      g_autofree char *outer = g_strstrip (g_strndup (text, open - text));
      g_autofree char *inner = g_strdup (open + 1);
      g_autofree char *turned = NULL;
      const char *code;

      g_strstrip (g_strdelimit (inner, ")", ' '));
      turned = g_strdup_printf ("%s %s", inner, outer);
      if ((code = resolve_country (self, turned)) != NULL)
        return code;
      return strchr (outer, '(') == NULL ? resolve_country (self, outer) : NULL;
    }
  else if (strchr (text, ',') != NULL && strchr (text, '(') == NULL)
    {
      const char *comma = strrchr (text, ',');
      g_autofree char *head = g_strndup (text, comma - text);
      g_autofree char *turned = g_strdup_printf ("%s %s", comma + 1, head);
      g_autofree char *turned_key = ag_name_key (turned);

      hit = g_hash_table_lookup (self->by_key, turned_key);
      if (hit != NULL && hit->entry->pub.kind == AG_ACTOR_COUNTRY && hit->rank <= 1)
        return hit->entry->pub.code;
    }

  return NULL;
}

static void
set_code (char       **field,
          const char  *code)
{
  if (*field == NULL && code != NULL)
    *field = g_strdup (code);
}

/* A pack group joins a group we know from elsewhere when it has that
 * group's name or an alias of it, or failing that when its aliases point
 * to that one group only. Groups of one pack are never merged together:
 * the pack keeps them apart on purpose. */
static Entry *
find_merge_target (AgKnowledge *self,
                   Group       *group,
                   const char  *origin)
{
  g_autofree char *name_key = ag_name_key (group->name);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GPtrArray *list;

  list = g_hash_table_lookup (self->group_keys, name_key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Entry *entry = g_ptr_array_index (list, i);

      if (g_strcmp0 (entry->pub.origin, origin) != 0)
        return entry;
    }

  for (guint a = 0; a < group->aliases->len; a++)
    {
      g_autofree char *key = ag_name_key (g_ptr_array_index (group->aliases, a));

      list = g_hash_table_lookup (self->group_keys, key);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          Entry *entry = g_ptr_array_index (list, i);

          if (g_strcmp0 (entry->pub.origin, origin) != 0 && !g_ptr_array_find (found, entry, NULL))
            g_ptr_array_add (found, entry);
        }
    }

  return found->len == 1 ? g_ptr_array_index (found, 0) : NULL;
}

/*
 * pack_form_kind:
 *
 * How a pack may give @text to @entry. A form that names a country, a body
 * or an agency is not given as an alias (a group's own name is kept, as an
 * ambiguous form); a form that another entry has, or that is ambiguous
 * there, is ambiguous here too, as in the built-in files.
 *
 * Returns: the kind, or -1 to leave the form out
 */
static int
pack_form_kind (AgKnowledge *self,
                Entry       *entry,
                const char  *text,
                AgFormKind   kind)
{
  g_autofree char *key = ag_name_key (text);
  Hit *hit = g_hash_table_lookup (self->by_key, key);

  if (hit == NULL || hit->entry == entry)
    return kind;
  if (hit->entry->pub.kind != AG_ACTOR_THREAT_GROUP)
    return kind == AG_FORM_NAME ? AG_FORM_AMBIGUOUS : -1;
  return AG_FORM_AMBIGUOUS;
}

static void
add_group (AgKnowledge *self,
           Group       *group,
           const char  *origin,
           gboolean     from_pack)
{
  const char *state = resolve_country (self, group->state);
  const char *suspected = resolve_country (self, group->suspected_state);
  Entry *entry = NULL;

  if (from_pack)
    entry = find_merge_target (self, group, origin);

  if (entry == NULL)
    {
      AgFormKind name_kind = group->ambiguous_name ? AG_FORM_AMBIGUOUS : AG_FORM_NAME;

      if (from_pack)
        name_kind = pack_form_kind (self, NULL, group->name, name_kind);
      entry = add_entry (self, group->name, name_kind, AG_ACTOR_THREAT_GROUP, origin);
      set_code (&entry->pub.state, state);
      if (g_strcmp0 (state, suspected) != 0)
        set_code (&entry->pub.suspected_state, suspected);
    }
  else
    {
      /* Merging fills in what we did not know, and overrides nothing. */
      int kind = pack_form_kind (self, entry, group->name, AG_FORM_ALIAS);

      if (kind >= 0)
        add_form (self, entry, group->name, kind);
      if (entry->pub.state == NULL && entry->pub.suspected_state == NULL)
        set_code (&entry->pub.suspected_state, suspected);
      if (entry->pub.state == NULL && state != NULL)
        {
          set_code (&entry->pub.state, state);
          if (g_strcmp0 (entry->pub.suspected_state, state) == 0)
            g_clear_pointer (&entry->pub.suspected_state, g_free);
        }
    }
  if (entry->pub.sponsor == NULL && group->sponsor != NULL)
    entry->pub.sponsor = g_strdup (group->sponsor);

  for (guint i = 0; i < group->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (group->aliases, i);
      int kind = from_pack ? pack_form_kind (self, entry, alias, AG_FORM_ALIAS) : AG_FORM_ALIAS;

      if (kind >= 0)
        add_form (self, entry, alias, kind);
    }
  for (guint i = 0; i < group->ambiguous->len; i++)
    {
      const char *alias = g_ptr_array_index (group->ambiguous, i);

      if (!from_pack || pack_form_kind (self, entry, alias, AG_FORM_AMBIGUOUS) >= 0)
        add_form (self, entry, alias, AG_FORM_AMBIGUOUS);
    }
}

/* Countries */

static void
add_country (AgKnowledge *self,
             const char  *code,
             JsonObject  *ours,
             JsonObject  *iso)
{
  static const struct {
    const char *member;
    AgFormKind  kind;
  } our_forms[] = {
    { "short_forms", AG_FORM_SHORT },
    { "aliases", AG_FORM_ALIAS },
    { "demonyms", AG_FORM_DEMONYM },
    { "capitals", AG_FORM_CAPITAL },
    { "seats", AG_FORM_SEAT },
    { "ambiguous_forms", AG_FORM_AMBIGUOUS },
    { "ambiguous_aliases", AG_FORM_AMBIGUOUS },
  };
  static const char * const iso_names[] = { "name", "official_name", "common_name" };
  g_autofree char *name = NULL;
  Entry *entry;

  name = clean_text (get_string (ours, "name"));
  if (name == NULL)
    name = clean_text (get_string (iso, "common_name"));
  if (name == NULL)
    name = clean_text (get_string (iso, "name"));
  if (name == NULL)
    return;

  entry = add_entry (self, name, AG_FORM_NAME, AG_ACTOR_COUNTRY, BUILTIN_ORIGIN);
  entry->pub.code = g_ascii_strup (code, -1);
  g_hash_table_insert (self->by_code, entry->pub.code, entry);

  for (guint i = 0; i < G_N_ELEMENTS (our_forms); i++)
    add_forms (self, entry, get_array (ours, our_forms[i].member), our_forms[i].kind);
  for (guint i = 0; i < G_N_ELEMENTS (iso_names); i++)
    add_form (self, entry, get_string (iso, iso_names[i]), AG_FORM_ALIAS);
}

static const char *
country_code (JsonObject *object)
{
  const char *code = get_string (object, "code");

  if (code == NULL)
    code = get_string (object, "alpha_2");
  return is_alpha2 (code) ? code : NULL;
}

static gboolean
load_countries (AgKnowledge  *self,
                const char   *path,
                const char   *iso_codes_file,
                GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) iso_root = NULL;
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *countries = NULL;
  JsonArray *iso_list = NULL;

  root = load_json_path (path, error);
  if (root == NULL || !check_format (root, error))
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (root))
    countries = get_array (json_node_get_object (root), "countries");
  else if (JSON_NODE_HOLDS_ARRAY (root))
    countries = json_node_get_array (root);
  if (countries == NULL || json_array_get_length (countries) == 0)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("has no list of countries"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *object = array_get_object (countries, i);
      const char *code = country_code (object);

      if (code != NULL)
        g_hash_table_insert (ours, g_ascii_strup (code, -1), object);
    }

  /* iso-codes is optional: our own file names every country. */
  if (iso_codes_file != NULL)
    {
      g_autoptr(GError) iso_error = NULL;

      iso_root = load_json_path (iso_codes_file, &iso_error);
      if (iso_root != NULL && JSON_NODE_HOLDS_OBJECT (iso_root))
        iso_list = get_array (json_node_get_object (iso_root), "3166-1");
      if (iso_list == NULL)
        g_debug ("%s: %s", iso_codes_file,
                 iso_error != NULL ? iso_error->message : "has no 3166-1 list");
    }

  for (guint i = 0; i < array_length (iso_list); i++)
    {
      JsonObject *iso = array_get_object (iso_list, i);
      const char *code = country_code (iso);
      char *upper;

      if (code == NULL)
        continue;
      upper = g_ascii_strup (code, -1);
      if (!g_hash_table_add (done, upper))
        continue;
      add_country (self, upper, g_hash_table_lookup (ours, upper), iso);
    }

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonObject *object = array_get_object (countries, i);
      const char *code = country_code (object);
      char *upper;

      if (code == NULL)
        continue;
      upper = g_ascii_strup (code, -1);
      if (!g_hash_table_add (done, upper))
        continue;
      add_country (self, upper, object, NULL);
    }

  return TRUE;
}

/* Alliances, bodies and agencies */

static AgActorKind
organization_kind (JsonObject  *object,
                   const char  *list_name)
{
  const char *kind_name = get_string (object, "kind");
  AgActorKind kind;

  if (kind_name == NULL)
    kind_name = get_string (object, "type");
  if (kind_name != NULL && ag_actor_kind_from_string (kind_name, &kind)
      && kind != AG_ACTOR_COUNTRY && kind != AG_ACTOR_THREAT_GROUP)
    return kind;
  if (kind_name != NULL && g_ascii_strcasecmp (kind_name, "alliance") == 0)
    return AG_ACTOR_ALLIANCE;
  if (kind_name != NULL)
    return AG_ACTOR_ORGANIZATION;

  return g_str_equal (list_name, "alliances") ? AG_ACTOR_ALLIANCE : AG_ACTOR_ORGANIZATION;
}

static void
add_organization (AgKnowledge *self,
                  JsonObject  *object,
                  const char  *list_name)
{
  g_autofree char *name = clean_text (get_string (object, "name"));
  g_autoptr(GPtrArray) members = NULL;
  JsonArray *array;
  const char *country;
  Entry *entry;

  if (name == NULL)
    return;

  entry = add_entry (self, name, AG_FORM_NAME, organization_kind (object, list_name),
                     BUILTIN_ORIGIN);
  add_forms (self, entry, get_array (object, "aliases"), AG_FORM_ALIAS);
  add_forms (self, entry, get_array (object, "short_forms"), AG_FORM_SHORT);
  add_forms (self, entry, get_array (object, "seats"), AG_FORM_SEAT);
  add_forms (self, entry, get_array (object, "ambiguous_aliases"), AG_FORM_AMBIGUOUS);
  add_forms (self, entry, get_array (object, "ambiguous_forms"), AG_FORM_AMBIGUOUS);

  country = get_string (object, "country");
  if (country == NULL)
    country = get_string (object, "state");
  set_code (&entry->pub.country, resolve_country (self, country));

  array = get_array (object, "members");
  if (array != NULL)
    {
      members = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *code = resolve_country (self, array_get_string (array, i));

          if (code != NULL && !g_ptr_array_find_with_equal_func (members, code, g_str_equal, NULL))
            g_ptr_array_add (members, g_strdup (code));
          else if (code == NULL)
            g_debug ("%s: unknown member “%s”", name, array_get_string (array, i));
        }
      g_ptr_array_add (members, NULL);
      entry->pub.members = (char **)g_ptr_array_free (g_steal_pointer (&members), FALSE);
    }
}

static gboolean
load_organizations (AgKnowledge  *self,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(JsonNode) root = load_json_path (path, error);
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  guint n = 0;

  if (root == NULL || !check_format (root, error))
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (array_get_object (array, i) != NULL)
          {
            add_organization (self, array_get_object (array, i), "organizations");
            n++;
          }
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Every list in the file holds entries: "alliances", "organizations",
       * "agencies", or what else the file calls them. */
      object = json_node_get_object (root);
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonArray *array = get_array (object, l->data);

          for (guint i = 0; i < array_length (array); i++)
            if (array_get_object (array, i) != NULL)
              {
                add_organization (self, array_get_object (array, i), l->data);
                n++;
              }
        }
    }

  if (n == 0)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("has no list of organizations"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_groups (AgKnowledge  *self,
             const char   *path,
             const char   *origin,
             GError      **error)
{
  g_autoptr(JsonNode) root = load_json_path (path, error);
  g_autoptr(GPtrArray) groups = NULL;
  gboolean from_pack = !g_str_equal (origin, BUILTIN_ORIGIN);

  if (root == NULL)
    return FALSE;
  groups = groups_from_json (root, NULL, error);
  if (groups == NULL)
    return FALSE;
  if (groups->len == 0)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("holds no threat groups"));
      return FALSE;
    }

  for (guint i = 0; i < groups->len; i++)
    add_group (self, g_ptr_array_index (groups, i), origin, from_pack);

  return TRUE;
}

static gboolean
load_builtin (AgKnowledge  *self,
              const char   *dir,
              const char   *iso_codes_file,
              GError      **error)
{
  g_autofree char *countries = g_build_filename (dir, "countries.json", NULL);
  g_autofree char *organizations = g_build_filename (dir, "organizations.json", NULL);
  g_autofree char *groups = g_build_filename (dir, "threat-groups.json", NULL);
  GError *local_error = NULL;

  if (!load_countries (self, countries, iso_codes_file, &local_error))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   "%s: %s", countries, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  if (!load_organizations (self, organizations, &local_error))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   "%s: %s", organizations, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  if (!load_groups (self, groups, BUILTIN_ORIGIN, &local_error))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   "%s: %s", groups, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* The names of the *.json files of @dir, sorted; NULL if @dir is missing. */
static GPtrArray *
list_pack_files (const char  *dir,
                 GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&names);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json") && name[0] != '.' && strlen (name) > strlen (".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  return g_steal_pointer (&names);
}

static void
load_packs (AgKnowledge *self,
            const char  *dir)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = list_pack_files (dir, &error);
  if (files == NULL)
    {
      g_warning ("%s: %s", dir, error->message);
      return;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *origin = g_strndup (file, strlen (file) - strlen (".json"));

      /* load_groups() adds nothing unless the whole file is usable. */
      if (!load_groups (self, path, origin, &error))
        {
          g_warning (_("Skipping knowledge pack %s: %s"), path, error->message);
          g_clear_error (&error);
        }
    }
}

static void
finish_loading (AgKnowledge *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      for (guint f = 0; f < entry->forms->len; f++)
        {
          EntryForm *form = &g_array_index (entry->forms, EntryForm, f);
          AgKnowledgeForm public = { form->form, form->kind, &entry->pub };

          g_array_append_val (self->forms, public);
        }
    }

  g_clear_pointer (&self->seen_forms, g_hash_table_unref);
  g_clear_pointer (&self->group_keys, g_hash_table_unref);
}

/* Packs */

static gboolean
is_valid_pack_name (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > MAX_PACK_NAME || name[0] == '-')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/* "MISP threat-actor (v349).json" → "misp-threat-actor-v349" */
static char *
pack_name_from_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  GString *name = g_string_new (NULL);
  char *dot;

  if (base == NULL)
    base = g_strdup ("pack");
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  for (const char *p = base; *p != '\0' && name->len < MAX_PACK_NAME; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, "pack");

  return g_string_free (name, FALSE);
}

/* MISP's cfr-suspected-state-sponsor holds names in several styles. */
static const char *
sponsor_state (AgKnowledge *knowledge,
               const char  *sponsor)
{
  static const struct {
    const char *name;
    const char *code;
  } known[] = {
    { "China", "CN" },
    { "People's Republic of China", "CN" },
    { "Russia", "RU" },
    { "Russian Federation", "RU" },
    { "Iran", "IR" },
    { "Iran (Islamic Republic of)", "IR" },
    { "North Korea", "KP" },
    { "Korea (Democratic People's Republic of)", "KP" },
    { "South Korea", "KR" },
    { "Korea (Republic of)", "KR" },
    { "United States", "US" },
    { "United States of America", "US" },
    { "US", "US" },
    { "USA", "US" },
    { "United Kingdom", "GB" },
    { "UK", "GB" },
    { "Vietnam", "VN" },
    { "Viet Nam", "VN" },
    { "Palestine", "PS" },
  };
  g_autofree char *key = NULL;
  const char *code;

  if (sponsor == NULL)
    return NULL;
  key = ag_name_key (sponsor);
  if (*key == '\0' || g_str_equal (key, "unknown") || g_str_equal (key, "none"))
    return NULL;

  if ((code = resolve_country (knowledge, sponsor)) != NULL)
    return code;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *known_key = ag_name_key (known[i].name);

      if (g_str_equal (key, known_key))
        return known[i].code;
    }

  return NULL;
}

static gboolean
is_misp_cluster (JsonObject  *object,
                 GError     **error)
{
  JsonArray *values = get_array (object, "values");
  const char *type = get_string (object, "type");

  if (values == NULL)
    return FALSE;
  if (type != NULL && !g_str_equal (type, "threat-actor"))
    {
      g_autofree char *clean = clean_text (type);

      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("is a MISP galaxy cluster of “%s”, not of threat actors"),
                   clean != NULL ? clean : "?");
      return FALSE;
    }
  if (type != NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *value = array_get_object (values, i);

      if (get_string (value, "value") != NULL || get_object (value, "meta") != NULL)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
groups_from_misp (AgKnowledge  *knowledge,
                  JsonObject   *cluster,
                  guint        *n_skipped,
                  GError      **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  JsonArray *values = get_array (cluster, "values");
  guint n = json_array_get_length (values);

  if (n > MAX_GROUPS)
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("holds more than %'d threat groups"), MAX_GROUPS);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *value = array_get_object (values, i);
      JsonObject *meta = get_object (value, "meta");
      g_autofree char *name = clean_text (get_string (value, "value"));
      g_autoptr(GHashTable) keys = NULL;
      JsonArray *synonyms = get_array (meta, "synonyms");
      g_autofree char *sponsor_name = NULL;
      g_autofree char *country_name = NULL;
      const char *sponsor;
      const char *country;
      Group *group;

      if (name == NULL || array_length (synonyms) > MAX_ALIASES)
        {
          (*n_skipped)++;
          continue;
        }

      group = group_new (name);
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (keys, ag_name_key (name));
      add_clean_strings (group->aliases, keys, synonyms);

      /* "country" is where a group comes from, criminals included: a state
       * behind it only when the CFR tracker names one. */
      sponsor_name = clean_text (get_string (meta, "cfr-suspected-state-sponsor"));
      sponsor = sponsor_state (knowledge, sponsor_name);
      country_name = clean_text (get_string (meta, "country"));
      country = resolve_country (knowledge, country_name);
      if (sponsor != NULL)
        group->state = g_strdup (sponsor);
      else if (country != NULL)
        group->suspected_state = g_strdup (country);

      g_ptr_array_add (groups, group);
    }

  return g_steal_pointer (&groups);
}

static GPtrArray *
groups_from_stix (JsonArray  *objects,
                  guint      *n_skipped,
                  GError    **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  guint n = json_array_get_length (objects);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = array_get_object (objects, i);
      g_autofree char *name = NULL;
      g_autoptr(GHashTable) keys = NULL;
      JsonArray *aliases;
      Group *group;

      if (g_strcmp0 (get_string (object, "type"), "intrusion-set") != 0)
        continue;
      if (get_true (object, "revoked") || get_true (object, "x_mitre_deprecated"))
        continue;

      name = clean_text (get_string (object, "name"));
      aliases = get_array (object, "aliases");
      if (name == NULL || array_length (aliases) > MAX_ALIASES)
        {
          (*n_skipped)++;
          continue;
        }
      if (groups->len >= MAX_GROUPS)
        {
          g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                       _("holds more than %'d threat groups"), MAX_GROUPS);
          return NULL;
        }

      group = group_new (name);
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (keys, ag_name_key (name));
      add_clean_strings (group->aliases, keys, aliases);
      g_ptr_array_add (groups, group);
    }

  return g_steal_pointer (&groups);
}

static gboolean
is_stix_array (JsonArray *array)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (get_string (array_get_object (array, i), "type") == NULL)
      return FALSE;
  return TRUE;
}

/*
 * convert_pack:
 * @root: an analyst's threat-actor list
 * @source: (out): what the list is
 *
 * Returns: (element-type Group): the usable groups, at least one
 */
static GPtrArray *
convert_pack (JsonNode     *root,
              const char  **source,
              guint        *n_skipped,
              GError      **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  GError *local_error = NULL;

  *n_skipped = 0;

  if (object != NULL && is_misp_cluster (object, &local_error))
    {
      *source = "MISP galaxy";
      groups = groups_from_misp (ag_knowledge_get_default (), object, n_skipped, error);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  else if (object != NULL && g_strcmp0 (get_string (object, "type"), "bundle") == 0
           && get_array (object, "objects") != NULL)
    {
      *source = "STIX 2.1";
      groups = groups_from_stix (get_array (object, "objects"), n_skipped, error);
    }
  else if (JSON_NODE_HOLDS_ARRAY (root) && is_stix_array (json_node_get_array (root)))
    {
      *source = "STIX 2.1";
      groups = groups_from_stix (json_node_get_array (root), n_skipped, error);
    }
  else if (object != NULL && get_array (object, "groups") != NULL)
    {
      /* A pack of our own format, passed on by another analyst. */
      g_autofree char *clean = clean_text (get_string (object, "source"));

      *source = clean != NULL ? g_intern_string (clean) : "Actor Graph";
      groups = groups_from_json (root, n_skipped, error);
    }
  else
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("is neither a MISP galaxy threat-actor cluster nor a STIX 2.1 bundle of intrusion sets"));
      return NULL;
    }

  if (groups == NULL)
    return NULL;
  if (groups->len == 0)
    {
      g_set_error_literal (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                           _("holds no threat groups"));
      return NULL;
    }

  return g_steal_pointer (&groups);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
pack_to_json (GPtrArray  *groups,
              const char *source,
              const char *file_name,
              gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, PACK_FORMAT);
  add_string_member (builder, "source", source);
  add_string_member (builder, "file", file_name);
  add_string_member (builder, "imported", imported);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "name", group->name);
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint a = 0; a < group->aliases->len; a++)
        json_builder_add_string_value (builder, g_ptr_array_index (group->aliases, a));
      json_builder_end_array (builder);
      if (group->ambiguous->len > 0)
        {
          json_builder_set_member_name (builder, "ambiguous_aliases");
          json_builder_begin_array (builder);
          for (guint a = 0; a < group->ambiguous->len; a++)
            json_builder_add_string_value (builder, g_ptr_array_index (group->ambiguous, a));
          json_builder_end_array (builder);
        }
      add_string_member (builder, "state", group->state);
      add_string_member (builder, "suspected_state", group->suspected_state);
      if (group->sponsor != NULL)
        add_string_member (builder, "sponsor", group->sponsor);
      if (group->ambiguous_name)
        {
          json_builder_set_member_name (builder, "ambiguous_name");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, length);
}

static void
ag_knowledge_finalize (GObject *object)
{
  AgKnowledge *self = (AgKnowledge *)object;

  g_clear_pointer (&self->forms, g_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->seen_forms, g_hash_table_unref);
  g_clear_pointer (&self->group_keys, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (ag_knowledge_parent_class)->finalize (object);
}

static void
ag_knowledge_class_init (AgKnowledgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_knowledge_finalize;
}

static void
ag_knowledge_init (AgKnowledge *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->forms = g_array_new (FALSE, FALSE, sizeof (AgKnowledgeForm));
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->group_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_ptr_array_unref);
}

/**
 * ag_knowledge_new:
 * @builtin_dir: (nullable): the folder of countries.json,
 *   organizations.json and threat-groups.json, or %NULL for none
 * @iso_codes_file: (nullable): iso-codes' iso_3166-1.json; missing is fine
 * @packs_dir: (nullable): the folder of the installed knowledge packs
 * @error: a location for a #GError
 *
 * Loads the built-in knowledge and the packs. A pack that cannot be read is
 * skipped with a warning; a built-in file that cannot be read is an error.
 *
 * Returns: (transfer full): the knowledge, or %NULL with @error set
 */
AgKnowledge *
ag_knowledge_new (const char  *builtin_dir,
                  const char  *iso_codes_file,
                  const char  *packs_dir,
                  GError     **error)
{
  g_autoptr(AgKnowledge) self = g_object_new (AG_TYPE_KNOWLEDGE, NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (builtin_dir != NULL && !load_builtin (self, builtin_dir, iso_codes_file, error))
    return NULL;
  if (packs_dir != NULL)
    load_packs (self, packs_dir);
  finish_loading (self);

  return g_steal_pointer (&self);
}

/**
 * ag_knowledge_get_default:
 *
 * The knowledge of this process: the installed built-in files (or those of
 * `AG_KNOWLEDGE_DIR`), the iso-codes list (or `AG_ISO_CODES_FILE`) and the
 * user's packs, loaded once.
 *
 * Returns: (transfer none): the knowledge, never %NULL (empty when the
 *   built-in files are broken)
 */
AgKnowledge *
ag_knowledge_get_default (void)
{
  static AgKnowledge *knowledge;

  if (g_once_init_enter (&knowledge))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *packs_dir = ag_knowledge_get_packs_dir ();
      const char *builtin_dir = g_getenv ("AG_KNOWLEDGE_DIR");
      const char *iso_codes_file = g_getenv ("AG_ISO_CODES_FILE");
      AgKnowledge *loaded;

      /* Installed data first; a build that is run where it was built
       * reads the source tree's. */
      if (builtin_dir == NULL || *builtin_dir == '\0')
        builtin_dir = g_file_test (PKGDATADIR "/knowledge/threat-groups.json", G_FILE_TEST_EXISTS)
                      ? PKGDATADIR "/knowledge" : SOURCE_KNOWLEDGE_DIR;
      if (iso_codes_file == NULL || *iso_codes_file == '\0')
        iso_codes_file = "/usr/share/iso-codes/json/iso_3166-1.json";

      loaded = ag_knowledge_new (builtin_dir, iso_codes_file, packs_dir, &error);
      if (loaded == NULL)
        {
          g_critical ("Cannot load the built-in knowledge: %s", error->message);
          loaded = ag_knowledge_new (NULL, NULL, NULL, NULL);
        }

      g_once_init_leave (&knowledge, loaded);
    }

  return knowledge;
}

guint
ag_knowledge_get_n_entries (AgKnowledge *self)
{
  g_return_val_if_fail (AG_IS_KNOWLEDGE (self), 0);

  return self->entries->len;
}

const AgKnowledgeEntry *
ag_knowledge_get_entry (AgKnowledge *self,
                        guint        index)
{
  g_return_val_if_fail (AG_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &((Entry *)g_ptr_array_index (self->entries, index))->pub;
}

guint
ag_knowledge_get_n_forms (AgKnowledge *self)
{
  g_return_val_if_fail (AG_IS_KNOWLEDGE (self), 0);

  return self->forms->len;
}

/**
 * ag_knowledge_get_form:
 *
 * The forms of all entries, in the order of the entries; the canonical
 * name of each entry comes first among its forms. A form key is given to
 * an entry once.
 */
const AgKnowledgeForm *
ag_knowledge_get_form (AgKnowledge *self,
                       guint        index)
{
  g_return_val_if_fail (AG_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (index < self->forms->len, NULL);

  return &g_array_index (self->forms, AgKnowledgeForm, index);
}

/**
 * ag_knowledge_lookup:
 * @name: a name or any form of one
 *
 * Finds the entry that @name names, comparing by ag_name_key(). When
 * several entries share the form, a canonical name beats an alias or short
 * form, which beat a demonym, capital or seat, which beat an ambiguous
 * alias; then the entry loaded first wins (countries, bodies, groups,
 * packs).
 *
 * Returns: (nullable): the entry
 */
const AgKnowledgeEntry *
ag_knowledge_lookup (AgKnowledge *self,
                     const char  *name)
{
  g_autofree char *key = NULL;
  Hit *hit;

  g_return_val_if_fail (AG_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = ag_name_key (name);
  hit = g_hash_table_lookup (self->by_key, key);
  return hit != NULL ? &hit->entry->pub : NULL;
}

const AgKnowledgeEntry *
ag_knowledge_lookup_country (AgKnowledge *self,
                             const char  *code)
{
  char upper[3];
  Entry *entry;

  g_return_val_if_fail (AG_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!is_alpha2 (code))
    return NULL;
  upper[0] = g_ascii_toupper (code[0]);
  upper[1] = g_ascii_toupper (code[1]);
  upper[2] = '\0';
  entry = g_hash_table_lookup (self->by_code, upper);
  return entry != NULL ? &entry->pub : NULL;
}

/**
 * ag_knowledge_get_packs_dir:
 *
 * Returns: (transfer full): where the user's knowledge packs live
 */
char *
ag_knowledge_get_packs_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "actorgraph", "knowledge", NULL);
}

/**
 * ag_knowledge_add_pack:
 * @packs_dir: the packs folder, made if missing
 * @file: a MISP galaxy threat-actor cluster or a STIX 2.1 bundle
 * @name: (nullable): the pack's name, or %NULL to derive it from @file
 * @out_n_groups: (out) (optional): how many threat groups the pack holds
 * @error: a location for a #GError
 *
 * Converts @file into a pack and installs it. Nothing is written unless
 * the whole file could be read and holds at least one usable group.
 *
 * Returns: (transfer full): the name of the new pack, or %NULL
 */
char *
ag_knowledge_add_pack (const char  *packs_dir,
                       GFile       *file,
                       const char  *name,
                       guint       *out_n_groups,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *pack_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file_name = NULL;
  const char *source = NULL;
  guint n_skipped = 0;
  gsize length;

  g_return_val_if_fail (packs_dir != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name != NULL && !is_valid_pack_name (name))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("“%s” is not a valid pack name (use lower-case letters, digits and hyphens)"),
                   name);
      return NULL;
    }
  pack_name = name != NULL ? g_strdup (name) : pack_name_from_file (file);
  path = g_strdup_printf ("%s%c%s.json", packs_dir, G_DIR_SEPARATOR, pack_name);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_EXISTS,
                   _("a knowledge pack named “%s” is already installed (remove it first, or choose another name)"),
                   pack_name);
      return NULL;
    }

  bytes = read_file (file, error);
  if (bytes == NULL)
    return NULL;
  root = parse_json (bytes, error);
  if (root == NULL)
    return NULL;
  groups = convert_pack (root, &source, &n_skipped, error);
  if (groups == NULL)
    return NULL;
  if (n_skipped > 0)
    g_debug ("%s: skipped %u unusable groups", pack_name, n_skipped);

  base = g_file_get_basename (file);
  file_name = clean_text (base);
  data = pack_to_json (groups, source, file_name, &length);

  if (g_mkdir_with_parents (packs_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("cannot make the folder %s: %s"), packs_dir, g_strerror (saved_errno));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_EXISTS,
                   _("a knowledge pack named “%s” is already installed (remove it first, or choose another name)"),
                   pack_name);
      return NULL;
    }
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  if (out_n_groups != NULL)
    *out_n_groups = groups->len;

  return g_steal_pointer (&pack_name);
}

static AgKnowledgePack *
describe_pack (const char *dir,
               const char *file)
{
  AgKnowledgePack *pack = g_new0 (AgKnowledgePack, 1);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *groups;

  pack->name = g_strndup (file, strlen (file) - strlen (".json"));
  root = load_json_path (path, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return pack;

  object = json_node_get_object (root);
  groups = get_array (object, "groups");
  if (groups == NULL)
    return pack;

  pack->source = clean_text (get_string (object, "source"));
  if (pack->source == NULL)
    pack->source = g_strdup ("");
  pack->imported = clean_text (get_string (object, "imported"));
  for (guint i = 0; i < json_array_get_length (groups); i++)
    if (array_get_object (groups, i) != NULL)
      pack->n_groups++;

  return pack;
}

/**
 * ag_knowledge_list_packs:
 * @packs_dir: the packs folder
 * @error: a location for a #GError
 *
 * Lists the installed packs, sorted by name; a pack that cannot be read is
 * listed with a %NULL source. A missing folder holds no packs.
 *
 * Returns: (transfer full) (element-type AgKnowledgePack): the packs
 */
GPtrArray *
ag_knowledge_list_packs (const char  *packs_dir,
                         GError     **error)
{
  g_autoptr(GPtrArray) files = NULL;
  GPtrArray *packs;

  g_return_val_if_fail (packs_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  files = list_pack_files (packs_dir, error);
  if (files == NULL)
    return NULL;

  packs = g_ptr_array_new_with_free_func ((GDestroyNotify)ag_knowledge_pack_free);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (packs, describe_pack (packs_dir, g_ptr_array_index (files, i)));

  return packs;
}

/**
 * ag_knowledge_remove_pack:
 * @packs_dir: the packs folder
 * @name: the name of an installed pack
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the pack was removed
 */
gboolean
ag_knowledge_remove_pack (const char  *packs_dir,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (packs_dir != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*name == '\0' || name[0] == '.' || strchr (name, '/') != NULL
      || strchr (name, '\\') != NULL || strstr (name, "..") != NULL
      || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_INVALID,
                   _("“%s” is not a valid pack name"), name);
      return FALSE;
    }

  file = g_strconcat (name, ".json", NULL);
  path = g_build_filename (packs_dir, file, NULL);
  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, AG_KNOWLEDGE_ERROR, AG_KNOWLEDGE_ERROR_NOT_FOUND,
                     _("no knowledge pack named “%s” is installed"), name);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("cannot remove %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
