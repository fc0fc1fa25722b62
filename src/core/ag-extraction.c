/* ag-extraction.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-extraction"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "ag-extraction.h"

/* The longest actor name or alias we accept, in characters. */
#define MAX_NAME_CHARS 4096

/* Indices in error messages count from 1, as people do. */

struct _AgExtraction
{
  GObject    parent_instance;

  char      *document;
  char      *text;
  char      *title;
  GDateTime *published;
  char      *source;

  GPtrArray *actors; /* (element-type AgExtractedActor) */
  GPtrArray *claims; /* (element-type AgExtractedClaim) */

  /* Name key → actor, names before aliases; rebuilt when the number of
   * actors or aliases has changed since it was made. */
  GHashTable *index;
  GHashTable *names;  /* name key → actor, for ag_extraction_add_actor () */
  guint       index_actors;
  guint       index_aliases;
};

G_DEFINE_FINAL_TYPE (AgExtraction, ag_extraction, G_TYPE_OBJECT)

G_DEFINE_QUARK (ag-extraction-error-quark, ag_extraction_error)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TEXT,
  PROP_TITLE,
  PROP_PUBLISHED,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
is_date_only (const char *str)
{
  /* YYYY-MM-DD or YYYY/MM/DD */
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (str[i] != str[4] || (str[i] != '-' && str[i] != '/'))
            return FALSE;
        }
      else if (!g_ascii_isdigit (str[i]))
        return FALSE;
    }

  return str[10] == '\0';
}

/**
 * ag_parse_date:
 * @str: a date as documents and extraction files write it
 *
 * Parses an ISO 8601 date-time ("2024-03-05T10:00:00+01:00", with or without
 * seconds, "T" or a space between date and time), or a bare date
 * ("2024-03-05" or "2024/03/05", which stands for midnight UTC). A time
 * without a zone is taken as UTC.
 *
 * Returns: (transfer full) (nullable): the moment in UTC, or %NULL if @str
 *   is not such a date
 */
GDateTime *
ag_parse_date (const char *str)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *copy = NULL;
  char *s;

  if (str == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (str));
  s = copy;
  utc = g_time_zone_new_utc ();

  if (is_date_only (s))
    {
      int year = atoi (s);
      int month = atoi (s + 5);
      int day = atoi (s + 8);

      if (year < 1 || !g_date_valid_dmy (day, month, year))
        return NULL;

      return g_date_time_new (utc, year, month, day, 0, 0, 0);
    }

  /* GLib wants seconds: "2024-03-05T10:00" gets ":00" added. */
  if (strlen (s) >= 16 &&
      g_ascii_isdigit (s[11]) && g_ascii_isdigit (s[12]) && s[13] == ':' &&
      g_ascii_isdigit (s[14]) && g_ascii_isdigit (s[15]) && s[16] != ':' &&
      (s[10] == 'T' || s[10] == 't' || s[10] == ' '))
    {
      g_autofree char *old = g_steal_pointer (&copy);

      copy = g_strdup_printf ("%.16s:00%s", old, old + 16);
      s = copy;
    }

  parsed = g_date_time_new_from_iso8601 (s, utc);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_utc (parsed);
}

/* The name of the actor @name stands for, or @name if none does. */
static char *
canonical_name (AgExtraction *self,
                const char   *name)
{
  const AgExtractedActor *actor;

  if (name == NULL)
    return NULL;

  actor = ag_extraction_find_actor (self, name);
  return g_strdup (actor != NULL ? actor->name : name);
}

/* Validation of the JSON form */

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    /* Translators: where in an extraction file (“claim 3”) and what is wrong there */
    g_set_error (error, AG_EXTRACTION_ERROR, AG_EXTRACTION_ERROR_INVALID,
                 _("%s: %s"), where, message);
  else
    g_set_error_literal (error, AG_EXTRACTION_ERROR, AG_EXTRACTION_ERROR_INVALID,
                         message);
  return FALSE;
}

static gboolean
is_null_or_absent (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* Reads an optional string member: absent and null give NULL. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *member,
                     const char  *where,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    /* Translators: %s is a member name of the extraction format, such as “speaker” */
    return fail (error, where, _("%s is not a string"), member);

  *out = json_node_get_string (node);
  if (!g_utf8_validate (*out, -1, NULL))
    return fail (error, where, _("%s is not valid UTF-8"), member);

  return TRUE;
}

/* Checks a name or alias and returns it without surrounding white space. */
static char *
check_name (const char  *name,
            const char  *what,
            const char  *where,
            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;

  if (!g_utf8_validate (name, -1, NULL))
    {
      fail (error, where, _("%s is not valid UTF-8"), what);
      return NULL;
    }

  stripped = g_strstrip (g_strdup (name));
  key = ag_name_key (stripped);
  if (*key == '\0')
    {
      /* Translators: %s is “name” or “alias 2”: the name is empty */
      fail (error, where, _("empty %s"), what);
      return NULL;
    }

  if (g_utf8_strlen (stripped, -1) > MAX_NAME_CHARS)
    {
      fail (error, where, _("%s longer than %'d characters"), what, MAX_NAME_CHARS);
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

static gboolean
get_offset (JsonObject  *object,
            const char  *member,
            const char  *where,
            glong       *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  *out = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, where, _("%s is not an integer"), member);

  value = json_node_get_int (node);
  if (value < 0)
    /* Translators: %s is “start” or “end”, an offset into the document text */
    return fail (error, where, _("negative %s"), member);
  if (value > G_MAXINT32)
    return fail (error, where, _("%s is too large"), member);

  *out = (glong) value;
  return TRUE;
}

static gboolean
parse_actor (AgExtraction  *self,
             JsonNode      *node,
             guint          index,
             GError       **error)
{
  /* Translators: the third actor of an extraction file's list */
  g_autofree char *where = g_strdup_printf (_("actor %u"), index + 1);
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  AgExtractedActor *actor = NULL;
  JsonObject *object;
  JsonNode *aliases;
  const char *str;
  const char *description;
  AgActorKind kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, _("not an object"));
  object = json_node_get_object (node);

  if (is_null_or_absent (object, "name"))
    return fail (error, where, _("missing name"));
  if (!get_optional_string (object, "name", where, &str, error))
    return FALSE;
  if (!(name = check_name (str, "name", where, error)))
    return FALSE;

  if (is_null_or_absent (object, "kind"))
    return fail (error, where, _("missing kind"));
  if (!get_optional_string (object, "kind", where, &str, error))
    return FALSE;
  if (!ag_actor_kind_from_string (str, &kind))
    return fail (error, where, _("unknown kind “%s”"), str);

  if (!get_optional_string (object, "description", where, &description, error))
    return FALSE;

  aliases = json_object_get_member (object, "aliases");
  if (aliases != NULL && !JSON_NODE_HOLDS_NULL (aliases) && !JSON_NODE_HOLDS_ARRAY (aliases))
    return fail (error, where, _("aliases is not an array"));

  /* A second entry for the same name adds its aliases to the first. */
  key = ag_name_key (name);
  actor = g_hash_table_lookup (self->names, key);
  if (actor != NULL && strcmp (actor->name, name) != 0)
    ag_extracted_actor_add_alias (actor, name);

  if (actor == NULL)
    actor = ag_extraction_add_actor (self, kind, name);

  if (actor->description == NULL && description != NULL)
    actor->description = g_strdup (description);

  if (aliases != NULL && JSON_NODE_HOLDS_ARRAY (aliases))
    {
      JsonArray *array = json_node_get_array (aliases);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *alias_node = json_array_get_element (array, i);
          g_autofree char *what = g_strdup_printf (_("alias %u"), i + 1);
          g_autofree char *alias = NULL;

          if (!JSON_NODE_HOLDS_VALUE (alias_node) ||
              json_node_get_value_type (alias_node) != G_TYPE_STRING)
            return fail (error, where, _("%s is not a string"), what);

          if (!(alias = check_name (json_node_get_string (alias_node), what, where, error)))
            return FALSE;

          ag_extracted_actor_add_alias (actor, alias);
        }
    }

  return TRUE;
}

/* Maps every name key, then every alias key, to its actor; names win. */
static GHashTable *
build_index (AgExtraction *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->actors->len; i++)
    {
      AgExtractedActor *actor = g_ptr_array_index (self->actors, i);

      g_hash_table_insert (index, ag_name_key (actor->name), actor);
    }

  for (guint i = 0; i < self->actors->len; i++)
    {
      AgExtractedActor *actor = g_ptr_array_index (self->actors, i);

      for (guint j = 0; j < actor->aliases->len; j++)
        {
          char *key = ag_name_key (g_ptr_array_index (actor->aliases, j));

          if (g_hash_table_contains (index, key))
            g_free (key);
          else
            g_hash_table_insert (index, key, actor);
        }
    }

  return index;
}

static gboolean
resolve_actor (GHashTable  *index,
               JsonObject  *object,
               const char  *member,
               gboolean     required,
               const char  *where,
               const char **out,
               GError     **error)
{
  g_autofree char *key = NULL;
  AgExtractedActor *actor;
  const char *str;

  *out = NULL;
  if (!get_optional_string (object, member, where, &str, error))
    return FALSE;

  if (str == NULL)
    {
      if (required)
        /* Translators: %s is “subject”, “object” or “speaker”, a member that is required */
        return fail (error, where, _("missing %s"), member);
      return TRUE;
    }

  key = ag_name_key (str);
  if (*key == '\0')
    return fail (error, where, _("empty %s"), member);

  actor = g_hash_table_lookup (index, key);
  if (actor == NULL)
    /* Translators: the first %s is “subject”, “object” or “speaker”, the second an actor name */
    return fail (error, where, _("%s “%s” is not in the actor list"), member, str);

  *out = actor->name;
  return TRUE;
}

static gboolean
parse_claim (AgExtraction  *self,
             GHashTable    *index,
             JsonNode      *node,
             guint          number,
             glong          text_length,
             GError       **error)
{
  g_autofree char *where = g_strdup_printf (_("claim %u"), number + 1);
  AgExtractedClaim *claim;
  JsonObject *object;
  JsonNode *confidence_node;
  const char *str;
  const char *speaker;
  const char *subject;
  const char *object_name;
  const char *evidence;
  const char *note;
  AgClaimKind kind;
  AgReviewStatus status = AG_REVIEW_UNREVIEWED;
  double confidence = 1.0;
  glong start;
  glong end;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, _("not an object"));
  object = json_node_get_object (node);

  if (is_null_or_absent (object, "kind"))
    return fail (error, where, _("missing kind"));
  if (!get_optional_string (object, "kind", where, &str, error))
    return FALSE;
  if (!ag_claim_kind_from_string (str, &kind))
    return fail (error, where, _("unknown kind “%s”"), str);

  if (!resolve_actor (index, object, "speaker", FALSE, where, &speaker, error) ||
      !resolve_actor (index, object, "subject", TRUE, where, &subject, error) ||
      !resolve_actor (index, object, "object", FALSE, where, &object_name, error))
    return FALSE;

  if (!get_optional_string (object, "evidence", where, &evidence, error))
    return FALSE;

  if (!get_offset (object, "start", where, &start, error) ||
      !get_offset (object, "end", where, &end, error))
    return FALSE;
  if (start < 0 && end >= 0)
    return fail (error, where, _("end without start"));
  if (start >= 0 && end < 0)
    return fail (error, where, _("start without end"));
  if (start > end)
    return fail (error, where, _("start/end out of order"));
  if (text_length >= 0 && end > text_length)
    return fail (error, where, _("end %ld is past the end of the text (%ld characters)"),
                 end, text_length);

  confidence_node = json_object_get_member (object, "confidence");
  if (confidence_node != NULL && !JSON_NODE_HOLDS_NULL (confidence_node))
    {
      GType type = JSON_NODE_HOLDS_VALUE (confidence_node)
                   ? json_node_get_value_type (confidence_node) : G_TYPE_INVALID;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        return fail (error, where, _("confidence is not a number"));

      confidence = json_node_get_double (confidence_node);
      if (!(confidence >= 0.0 && confidence <= 1.0))
        return fail (error, where, _("confidence %g is not between 0 and 1"), confidence);
    }

  if (!get_optional_string (object, "status", where, &str, error))
    return FALSE;
  if (str != NULL && !ag_review_status_from_string (str, &status))
    return fail (error, where, _("unknown status “%s”"), str);

  if (!get_optional_string (object, "note", where, &note, error))
    return FALSE;

  claim = ag_extraction_add_claim (self, kind, speaker, subject, object_name);
  ag_extracted_claim_set_evidence (claim, evidence, start, end);
  claim->confidence = confidence;
  claim->status = status;
  claim->note = g_strdup (note);

  return TRUE;
}

static gboolean
get_optional_array (JsonObject  *object,
                    const char  *member,
                    JsonArray  **out,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, NULL, _("%s is not an array"), member);

  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
parse_extraction (AgExtraction  *self,
                  JsonObject    *object,
                  GError       **error)
{
  g_autoptr(GHashTable) index = NULL;
  JsonArray *actors;
  JsonArray *claims;
  const char *str;
  glong text_length = -1;

  if (!get_optional_string (object, "document", NULL, &str, error))
    return FALSE;
  self->document = g_strdup (str);

  if (!get_optional_string (object, "text", NULL, &str, error))
    return FALSE;
  if (str != NULL)
    {
      self->text = g_strdup (str);
      text_length = g_utf8_strlen (str, -1);
    }

  if (!get_optional_string (object, "title", NULL, &str, error))
    return FALSE;
  self->title = g_strdup (str);

  if (!get_optional_string (object, "source", NULL, &str, error))
    return FALSE;
  self->source = g_strdup (str);

  if (!get_optional_string (object, "published", NULL, &str, error))
    return FALSE;
  if (str != NULL && !(self->published = ag_parse_date (str)))
    return fail (error, NULL, _("published: invalid date “%s”"), str);

  if (!get_optional_array (object, "actors", &actors, error) ||
      !get_optional_array (object, "claims", &claims, error))
    return FALSE;

  for (guint i = 0; actors != NULL && i < json_array_get_length (actors); i++)
    {
      if (!parse_actor (self, json_array_get_element (actors, i), i, error))
        return FALSE;
    }

  index = build_index (self);

  for (guint i = 0; claims != NULL && i < json_array_get_length (claims); i++)
    {
      if (!parse_claim (self, index, json_array_get_element (claims, i), i, text_length, error))
        return FALSE;
    }

  return TRUE;
}

/* GObject */

static void
ag_extraction_finalize (GObject *object)
{
  AgExtraction *self = (AgExtraction *)object;

  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (ag_extraction_parent_class)->finalize (object);
}

static void
ag_extraction_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AgExtraction *self = AG_EXTRACTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_extraction_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AgExtraction *self = AG_EXTRACTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      ag_extraction_set_text (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      ag_extraction_set_title (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      ag_extraction_set_published (self, g_value_get_boxed (value));
      break;

    case PROP_SOURCE:
      ag_extraction_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_extraction_class_init (AgExtractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_extraction_finalize;
  object_class->get_property = ag_extraction_get_property;
  object_class->set_property = ag_extraction_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_extraction_init (AgExtraction *self)
{
  self->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) ag_extracted_actor_free);
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) ag_extracted_claim_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

/**
 * ag_extraction_new:
 * @document: (nullable): the name of the document the extraction is of
 *
 * Returns: (transfer full): an empty extraction
 */
AgExtraction *
ag_extraction_new (const char *document)
{
  return g_object_new (AG_TYPE_EXTRACTION,
                       "document", document,
                       NULL);
}

/**
 * ag_extraction_new_from_json:
 * @node: the JSON form of DESIGN.md's "Extraction output"
 * @error: return location for an error
 *
 * Reads and checks an extraction. Every actor named by a claim must be in
 * the actor list, by name or by alias; the claim then holds the actor's
 * name. Actors listed twice under the same name are merged. Members this
 * version does not know are ignored.
 *
 * Returns: (transfer full) (nullable): the extraction, or %NULL with
 *   %AG_EXTRACTION_ERROR_INVALID and a message that says what is wrong where
 */
AgExtraction *
ag_extraction_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(AgExtraction) self = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, NULL, _("the extraction is not a JSON object"));
      return NULL;
    }

  self = g_object_new (AG_TYPE_EXTRACTION, NULL);
  if (!parse_extraction (self, json_node_get_object (node), error))
    return NULL;

  return g_steal_pointer (&self);
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

/**
 * ag_extraction_to_json:
 * @self: an extraction
 *
 * Writes @self in the form ag_extraction_new_from_json() reads. Speaker and
 * object are null when absent; "text", "title", "published", "source",
 * "description", "status" (when not unreviewed), "note", "start" and "end"
 * (when known) only appear when set.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
ag_extraction_to_json (AgExtraction *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_string_member (builder, "document", self->document);
  if (self->title != NULL)
    add_string_member (builder, "title", self->title);
  if (self->published != NULL)
    {
      g_autofree char *published = g_date_time_format_iso8601 (self->published);

      add_string_member (builder, "published", published);
    }
  if (self->source != NULL)
    add_string_member (builder, "source", self->source);
  if (self->text != NULL)
    add_string_member (builder, "text", self->text);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->actors->len; i++)
    {
      const AgExtractedActor *actor = g_ptr_array_index (self->actors, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "name", actor->name);
      add_string_member (builder, "kind", ag_actor_kind_to_string (actor->kind));
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint j = 0; j < actor->aliases->len; j++)
        json_builder_add_string_value (builder, g_ptr_array_index (actor->aliases, j));
      json_builder_end_array (builder);
      if (actor->description != NULL)
        add_string_member (builder, "description", actor->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->claims->len; i++)
    {
      const AgExtractedClaim *claim = g_ptr_array_index (self->claims, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "kind", ag_claim_kind_to_string (claim->kind));
      add_string_member (builder, "speaker", claim->speaker);
      add_string_member (builder, "subject", claim->subject);
      add_string_member (builder, "object", claim->object);
      add_string_member (builder, "evidence", claim->evidence);
      if (claim->start >= 0 && claim->end >= 0)
        {
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, claim->start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, claim->end);
        }
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, claim->confidence);
      if (claim->status != AG_REVIEW_UNREVIEWED)
        add_string_member (builder, "status", ag_review_status_to_string (claim->status));
      if (claim->note != NULL)
        add_string_member (builder, "note", claim->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
ag_extraction_get_document (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);

  return self->document;
}

const char *
ag_extraction_get_text (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);

  return self->text;
}

void
ag_extraction_set_text (AgExtraction *self,
                        const char   *text)
{
  g_return_if_fail (AG_IS_EXTRACTION (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  if (set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
ag_extraction_get_title (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);

  return self->title;
}

void
ag_extraction_set_title (AgExtraction *self,
                         const char   *title)
{
  g_return_if_fail (AG_IS_EXTRACTION (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GDateTime *
ag_extraction_get_published (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);

  return self->published;
}

void
ag_extraction_set_published (AgExtraction *self,
                             GDateTime    *published)
{
  g_return_if_fail (AG_IS_EXTRACTION (self));

  if (self->published == published ||
      (self->published != NULL && published != NULL &&
       g_date_time_equal (self->published, published)))
    return;

  g_clear_pointer (&self->published, g_date_time_unref);
  if (published != NULL)
    self->published = g_date_time_ref (published);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

const char *
ag_extraction_get_source (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);

  return self->source;
}

void
ag_extraction_set_source (AgExtraction *self,
                          const char   *source)
{
  g_return_if_fail (AG_IS_EXTRACTION (self));

  if (set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * ag_extraction_add_actor:
 * @self: an extraction
 * @kind: the actor's kind
 * @name: the actor's name
 *
 * Adds an actor, or returns the one already listed under the same name key
 * (its kind then stays as it was).
 *
 * Returns: (transfer none): the actor, owned by @self
 */
AgExtractedActor *
ag_extraction_add_actor (AgExtraction *self,
                         AgActorKind   kind,
                         const char   *name)
{
  g_autofree char *key = NULL;
  AgExtractedActor *actor;

  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = ag_name_key (name);
  actor = g_hash_table_lookup (self->names, key);
  if (actor != NULL)
    return actor;

  actor = g_new0 (AgExtractedActor, 1);
  actor->name = g_strdup (name);
  actor->kind = kind;
  actor->aliases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->actors, actor);
  g_hash_table_insert (self->names, g_steal_pointer (&key), actor);

  return actor;
}

/**
 * ag_extracted_actor_add_alias:
 * @actor: an actor of an extraction
 * @alias: a surface form of the actor's name
 *
 * Adds @alias unless the actor already lists exactly that string.
 */
void
ag_extracted_actor_add_alias (AgExtractedActor *actor,
                              const char       *alias)
{
  g_return_if_fail (actor != NULL);
  g_return_if_fail (alias != NULL);

  for (guint i = 0; i < actor->aliases->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (actor->aliases, i), alias))
        return;
    }

  g_ptr_array_add (actor->aliases, g_strdup (alias));
}

/**
 * ag_extraction_add_claim:
 * @self: an extraction
 * @kind: the claim's kind
 * @speaker: (nullable): who voices the claim
 * @subject: the claim's subject
 * @object: (nullable): the claim's object
 *
 * Adds a claim with no evidence, confidence 1 and status unreviewed. Names
 * that match an actor of @self are stored as that actor's name.
 *
 * Returns: (transfer none): the claim, owned by @self
 */
AgExtractedClaim *
ag_extraction_add_claim (AgExtraction *self,
                         AgClaimKind   kind,
                         const char   *speaker,
                         const char   *subject,
                         const char   *object)
{
  AgExtractedClaim *claim;

  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  claim = g_new0 (AgExtractedClaim, 1);
  claim->kind = kind;
  claim->speaker = canonical_name (self, speaker);
  claim->subject = canonical_name (self, subject);
  claim->object = canonical_name (self, object);
  claim->evidence = g_strdup ("");
  claim->start = -1;
  claim->end = -1;
  claim->confidence = 1.0;
  claim->status = AG_REVIEW_UNREVIEWED;

  g_ptr_array_add (self->claims, claim);

  return claim;
}

/**
 * ag_extracted_claim_set_evidence:
 * @claim: a claim of an extraction
 * @evidence: (nullable): the quoted text
 * @start: the character offset where the quote starts, or -1
 * @end: the character offset after the quote, or -1
 */
void
ag_extracted_claim_set_evidence (AgExtractedClaim *claim,
                                 const char       *evidence,
                                 glong             start,
                                 glong             end)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (start <= end);

  g_free (claim->evidence);
  claim->evidence = g_strdup (evidence != NULL ? evidence : "");
  claim->start = start < 0 ? -1 : start;
  claim->end = start < 0 ? -1 : end;
}

guint
ag_extraction_get_n_actors (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), 0);

  return self->actors->len;
}

const AgExtractedActor *
ag_extraction_get_actor (AgExtraction *self,
                         guint         index)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->actors->len, NULL);

  return g_ptr_array_index (self->actors, index);
}

/**
 * ag_extraction_find_actor:
 * @self: an extraction
 * @name: a name or alias
 *
 * Looks @name up by ag_name_key(): actor names first, then aliases.
 *
 * Returns: (transfer none) (nullable): the actor, or %NULL
 */
const AgExtractedActor *
ag_extraction_find_actor (AgExtraction *self,
                          const char   *name)
{
  g_autofree char *key = NULL;
  guint n_aliases = 0;

  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = ag_name_key (name);
  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < self->actors->len; i++)
    n_aliases += ((AgExtractedActor *)g_ptr_array_index (self->actors, i))->aliases->len;

  if (self->index == NULL || self->index_actors != self->actors->len || self->index_aliases != n_aliases)
    {
      g_clear_pointer (&self->index, g_hash_table_unref);
      self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->actors->len; i++)
        {
          AgExtractedActor *actor = g_ptr_array_index (self->actors, i);
          char *actor_key = ag_name_key (actor->name);

          if (g_hash_table_contains (self->index, actor_key))
            g_free (actor_key);
          else
            g_hash_table_insert (self->index, actor_key, actor);
        }
      for (guint i = 0; i < self->actors->len; i++)
        {
          AgExtractedActor *actor = g_ptr_array_index (self->actors, i);

          for (guint j = 0; j < actor->aliases->len; j++)
            {
              char *alias_key = ag_name_key (g_ptr_array_index (actor->aliases, j));

              if (g_hash_table_contains (self->index, alias_key))
                g_free (alias_key);
              else
                g_hash_table_insert (self->index, alias_key, actor);
            }
        }
      self->index_actors = self->actors->len;
      self->index_aliases = n_aliases;
    }

  return g_hash_table_lookup (self->index, key);
}

guint
ag_extraction_get_n_claims (AgExtraction *self)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), 0);

  return self->claims->len;
}

const AgExtractedClaim *
ag_extraction_get_claim (AgExtraction *self,
                         guint         index)
{
  g_return_val_if_fail (AG_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);

  return g_ptr_array_index (self->claims, index);
}

void
ag_extracted_actor_free (AgExtractedActor *actor)
{
  if (actor == NULL)
    return;

  g_free (actor->name);
  g_clear_pointer (&actor->aliases, g_ptr_array_unref);
  g_free (actor->description);
  g_free (actor);
}

void
ag_extracted_claim_free (AgExtractedClaim *claim)
{
  if (claim == NULL)
    return;

  g_free (claim->speaker);
  g_free (claim->subject);
  g_free (claim->object);
  g_free (claim->evidence);
  g_free (claim->note);
  g_free (claim);
}
