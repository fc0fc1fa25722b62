/* ag-document.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-document"

#include "config.h"

#include <string.h>

#include "ag-document.h"
#include "ag-model-private.h"

struct _AgDocument
{
  GObject    parent_instance;

  gint64     id;
  char      *title;
  char      *source;
  char      *media_type;
  GDateTime *published;
  GDateTime *imported;
  char      *text;
  glong      length; /* in characters */
  char      *content_hash;
};

G_DEFINE_FINAL_TYPE (AgDocument, ag_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_MEDIA_TYPE,
  PROP_PUBLISHED,
  PROP_IMPORTED,
  PROP_TEXT,
  PROP_CONTENT_HASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ag_document_finalize (GObject *object)
{
  AgDocument *self = (AgDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->imported, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->content_hash, g_free);

  G_OBJECT_CLASS (ag_document_parent_class)->finalize (object);
}

static void
ag_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AgDocument *self = AG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_IMPORTED:
      g_value_set_boxed (value, self->imported);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CONTENT_HASH:
      g_value_set_string (value, self->content_hash);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AgDocument *self = AG_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_MEDIA_TYPE:
      ag_document_set_media_type (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      ag_document_set_published (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
collapse_white_space (char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

static void
ag_document_constructed (GObject *object)
{
  AgDocument *self = (AgDocument *)object;

  G_OBJECT_CLASS (ag_document_parent_class)->constructed (object);

  /* A title is one line, whatever the file put in it. */
  self->title = collapse_white_space (self->title);
  if (self->source == NULL)
    self->source = g_strdup ("");
  if (self->text == NULL)
    self->text = g_strdup ("");
  g_return_if_fail (g_utf8_validate (self->text, -1, NULL));

  self->length = g_utf8_strlen (self->text, -1);
  self->content_hash = ag_content_hash (self->text, strlen (self->text));
}

static void
ag_document_class_init (AgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ag_document_constructed;
  object_class->finalize = ag_document_finalize;
  object_class->get_property = ag_document_get_property;
  object_class->set_property = ag_document_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A path or URI: where the document came from. */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL,
                         "text/plain",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPORTED] =
    g_param_spec_boxed ("imported", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The full text as UTF-8. Evidence offsets count its characters. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTENT_HASH] =
    g_param_spec_string ("content-hash", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_document_init (AgDocument *self)
{
  self->media_type = g_strdup ("text/plain");
}

/**
 * ag_document_new:
 * @title: (nullable): the title
 * @source: (nullable): a path or URI
 * @text: (nullable): the full text, valid UTF-8
 *
 * Returns: (transfer full): a document that belongs to no case yet
 */
AgDocument *
ag_document_new (const char *title,
                 const char *source,
                 const char *text)
{
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  return g_object_new (AG_TYPE_DOCUMENT,
                       "title", title,
                       "source", source,
                       "text", text,
                       NULL);
}

gint64
ag_document_get_id (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), 0);

  return self->id;
}

const char *
ag_document_get_title (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->title;
}

const char *
ag_document_get_source (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->source;
}

const char *
ag_document_get_media_type (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->media_type;
}

void
ag_document_set_media_type (AgDocument *self,
                            const char *media_type)
{
  g_return_if_fail (AG_IS_DOCUMENT (self));

  if (_ag_set_str (&self->media_type, media_type ? media_type : "text/plain"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_TYPE]);
}

/**
 * ag_document_get_published:
 * @self: an #AgDocument
 *
 * Returns: (transfer none) (nullable): when the document was published
 */
GDateTime *
ag_document_get_published (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->published;
}

void
ag_document_set_published (AgDocument *self,
                           GDateTime  *published)
{
  g_return_if_fail (AG_IS_DOCUMENT (self));

  if (self->published == published ||
      (self->published != NULL && published != NULL && g_date_time_equal (self->published, published)))
    return;

  g_clear_pointer (&self->published, g_date_time_unref);
  if (published != NULL)
    self->published = g_date_time_ref (published);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

/**
 * ag_document_get_imported:
 * @self: an #AgDocument
 *
 * Returns: (transfer none) (nullable): when the document was added to its
 *   case, %NULL while it is in none
 */
GDateTime *
ag_document_get_imported (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->imported;
}

const char *
ag_document_get_text (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->text;
}

/**
 * ag_document_get_length:
 * @self: an #AgDocument
 *
 * Returns: the length of the text in characters
 */
glong
ag_document_get_length (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), 0);

  return self->length;
}

const char *
ag_document_get_content_hash (AgDocument *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  return self->content_hash;
}

/**
 * ag_document_dup_span:
 * @self: an #AgDocument
 * @start: the first character
 * @end: the character after the last
 *
 * Returns: (transfer full) (nullable): the text between two character
 *   offsets, or %NULL when they do not lie within the text
 */
char *
ag_document_dup_span (AgDocument *self,
                      glong       start,
                      glong       end)
{
  g_return_val_if_fail (AG_IS_DOCUMENT (self), NULL);

  if (start < 0 || end < start || end > self->length)
    return NULL;

  return g_utf8_substring (self->text, start, end);
}

/**
 * ag_content_hash:
 * @data: bytes
 * @length: their number
 *
 * The hash that identifies a document's content: SHA-256, in hex.
 *
 * Returns: (transfer full): the hash
 */
char *
ag_content_hash (const char *data,
                 gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
}

void
_ag_document_set_id (AgDocument *self,
                     gint64      id)
{
  g_return_if_fail (AG_IS_DOCUMENT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

void
_ag_document_set_imported (AgDocument *self,
                           GDateTime  *imported)
{
  g_return_if_fail (AG_IS_DOCUMENT (self));

  g_clear_pointer (&self->imported, g_date_time_unref);
  if (imported != NULL)
    self->imported = g_date_time_ref (imported);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTED]);
}

void
_ag_document_set_content_hash (AgDocument *self,
                               const char *hash)
{
  g_return_if_fail (AG_IS_DOCUMENT (self));
  g_return_if_fail (hash != NULL);

  if (_ag_set_str (&self->content_hash, hash))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_HASH]);
}
