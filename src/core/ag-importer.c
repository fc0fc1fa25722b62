/* ag-importer.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <poppler.h>

#include "ag-document.h"
#include "ag-extraction.h"
#include "ag-extractor.h"
#include "ag-importer.h"
#include "ag-model-private.h"

/* How the importer reads each format, in short:
 *
 * - The content decides the format, the file name is only a hint: a PDF
 *   magic, then JSON, then HTML tags, then binary signs, then text (Markdown
 *   when the name ends in .md or .markdown).
 * - Text and Markdown are stored as they are, with line endings made "\n",
 *   so that evidence offsets refer to what the user sees. Markdown is not
 *   rendered; only a YAML front matter block is taken off (its "date:" and
 *   "title:" are used).
 * - HTML keeps the text of the main article, one paragraph per block
 *   element, without navigation, scripts and page furniture.
 * - PDF keeps the text layer, pages separated by a blank line.
 * - JSON files hold extractions (DESIGN.md's "Extraction output"), each with
 *   the document's text or without it.
 */

/* How much of the start of a file the sniffers look at. */
#define SNIFF_SIZE 4096

/* Titles longer than this come from the file name instead. */
#define MAX_TITLE_CHARS 200

G_DEFINE_QUARK (ag-import-error-quark, ag_import_error)

static const char * const dropped_elements[] = {
  "script", "style", "noscript", "template", "nav", "header", "footer",
  "aside", "form", "iframe", "svg", "button", "select", "textarea",
  "object", "embed", "canvas", "dialog", "head", "title",
};

static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
  "tr", "table", "section", "article", "main", "blockquote", "pre", "dd",
  "dt", "figure", "figcaption", "address", "hr", "header", "footer",
  "caption", "details", "summary", "body",
};

/* Meta tags that give the publication date, best first: a name, property
 * or itemprop attribute value, compared without case. */
static const char * const date_metas[] = {
  "article:published_time", "og:published_time", "datepublished",
  "citation_publication_date", "dc.date.issued", "dcterms.issued",
  "dc.date", "dcterms.date", "date", "pubdate", "publishdate",
  "publish-date", "sailthru.date",
};

void
ag_import_item_free (AgImportItem *item)
{
  if (item == NULL)
    return;

  g_clear_object (&item->document);
  g_clear_object (&item->extraction);
  g_free (item);
}

/**
 * ag_import_item_ensure_extraction:
 * @item: a document read by the importer
 * @in_case: whether the case already holds the document (the same text)
 * @name: the file's name, noted by the extractor
 *
 * Gives @item the actors and claims to add with it. An extraction file's
 * item is taken as it is, reviewed or not; a plain document new to the
 * case is run through the default extractor; a plain document the case
 * already holds needs none, as it will not be added again.
 */
void
ag_import_item_ensure_extraction (AgImportItem *item,
                                  gboolean      in_case,
                                  const char   *name)
{
  g_return_if_fail (item != NULL && item->document != NULL);

  if (item->extraction != NULL || in_case)
    return;
  item->extraction = ag_extractor_extract (ag_extractor_get_default (),
                                           ag_document_get_text (item->document), -1,
                                           name, NULL, NULL);
}

/* Helpers */

static gboolean
has_extension (const char *filename,
               const char *extension)
{
  const char *dot;

  if (filename == NULL)
    return FALSE;

  dot = strrchr (filename, '.');
  return dot != NULL && strchr (dot, '/') == NULL &&
         g_ascii_strcasecmp (dot + 1, extension) == 0;
}

/* The file's base name without its extension, for a title of last resort. */
static char *
title_from_filename (const char *filename)
{
  g_autofree char *base = NULL;
  char *dot;

  if (filename == NULL)
    return g_strdup ("");

  /* File names need not be UTF-8; titles must. */
  base = g_path_get_basename (filename);
  if (!g_utf8_validate (base, -1, NULL))
    {
      g_autofree char *raw = g_steal_pointer (&base);

      base = g_utf8_make_valid (raw, -1);
    }
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static gboolean
is_blank_utf8 (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF)
        return FALSE;
    }

  return TRUE;
}

/* Like strstr, but for the first @length bytes and without ASCII case. */
static const char *
find_nocase (const char *data,
             gsize       length,
             const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    {
      if (g_ascii_strncasecmp (data + i, needle, n) == 0)
        return data + i;
    }

  return NULL;
}

/* Makes line endings "\n" in place and returns @text. */
static char *
normalize_newlines (char *text)
{
  char *in = text;
  char *out = text;

  for (; *in != '\0'; in++)
    {
      if (*in == '\r')
        {
          *out++ = '\n';
          if (in[1] == '\n')
            in++;
        }
      else
        *out++ = *in;
    }
  *out = '\0';

  return text;
}

static char *
first_line (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      g_autofree char *line = g_strndup (p, end != NULL ? (gsize) (end - p) : strlen (p));

      g_strstrip (line);
      if (*line != '\0')
        return g_steal_pointer (&line);
      if (end == NULL)
        break;
      p = end + 1;
    }

  return NULL;
}

/* The first non-empty line if it is short, else the file name. */
static char *
title_from_text (const char *text,
                 const char *filename)
{
  g_autofree char *line = first_line (text);

  if (line != NULL && g_utf8_strlen (line, -1) < MAX_TITLE_CHARS)
    return g_steal_pointer (&line);

  return title_from_filename (filename);
}

/* Collapses runs of white space (and no-break spaces) to one space. */
static char *
collapse_spaces (const char *str)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = str; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static AgDocument *
make_document (const char *title,
               const char *source,
               const char *text,
               const char *media_type,
               GDateTime  *published)
{
  AgDocument *document;

  g_assert (g_utf8_validate (text, -1, NULL));
  g_assert (title == NULL || g_utf8_validate (title, -1, NULL));

  document = ag_document_new (title, source, text);
  ag_document_set_media_type (document, media_type);
  if (published != NULL)
    ag_document_set_published (document, published);

  return document;
}

static GPtrArray *
single_item (AgDocument *document)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) ag_import_item_free);
  AgImportItem *item = g_new0 (AgImportItem, 1);

  item->document = document;
  g_ptr_array_add (items, item);

  return items;
}

/* Detection */

typedef enum {
  SNIFF_NOT_BINARY,
  SNIFF_BINARY,
  SNIFF_DATABASE,
} BinaryKind;

static const struct {
  const char *magic;
  gsize       length;
  BinaryKind  kind;
} binary_magics[] = {
  { "SQLite format 3\0", 16, SNIFF_DATABASE },
  { "\x89PNG\r\n\x1a\n", 8, SNIFF_BINARY },
  { "GIF87a", 6, SNIFF_BINARY },
  { "GIF89a", 6, SNIFF_BINARY },
  { "\xff\xd8\xff", 3, SNIFF_BINARY },           /* JPEG */
  { "PK\x03\x04", 4, SNIFF_BINARY },             /* ZIP, and so DOCX, ODT, EPUB */
  { "PK\x05\x06", 4, SNIFF_BINARY },             /* empty ZIP */
  { "\x1f\x8b", 2, SNIFF_BINARY },               /* gzip */
  { "BZh", 3, SNIFF_BINARY },
  { "\xfd" "7zXZ\0", 6, SNIFF_BINARY },
  { "7z\xbc\xaf\x27\x1c", 6, SNIFF_BINARY },
  { "\x7f" "ELF", 4, SNIFF_BINARY },
  { "MZ", 2, SNIFF_BINARY },                     /* Windows executables */
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, SNIFF_BINARY }, /* old Office files */
  { "RIFF", 4, SNIFF_BINARY },
  { "II*\0", 4, SNIFF_BINARY },                  /* TIFF */
  { "MM\0*", 4, SNIFF_BINARY },
  { "\0asm", 4, SNIFF_BINARY },
  { "Rar!\x1a\x07", 6, SNIFF_BINARY },
  { "OggS", 4, SNIFF_BINARY },
  { "fLaC", 4, SNIFF_BINARY },
  { "ID3", 3, SNIFF_BINARY },                    /* MP3 */
};

static gboolean
has_utf16_bom (const char *data,
               gsize       length)
{
  return length >= 2 &&
         (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0);
}

static BinaryKind
sniff_binary (const char *data,
              gsize       length)
{
  gsize head = MIN (length, 8192);
  gsize controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    {
      if (length >= binary_magics[i].length &&
          memcmp (data, binary_magics[i].magic, binary_magics[i].length) == 0)
        {
          /* Short magics like "MZ" and "ID3" also start ordinary words. */
          if (binary_magics[i].length < 4 && g_ascii_isalpha (data[0]) &&
              length > binary_magics[i].length &&
              memchr (data, '\0', head) == NULL)
            continue;
          return binary_magics[i].kind;
        }
    }

  /* UTF-16 text is full of NUL bytes. */
  if (has_utf16_bom (data, length))
    return SNIFF_NOT_BINARY;

  for (gsize i = 0; i < head; i++)
    {
      guchar c = data[i];

      if (c == '\0')
        return SNIFF_BINARY;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b)
        controls++;
    }

  return controls * 10 > head ? SNIFF_BINARY : SNIFF_NOT_BINARY;
}

static gsize
skip_bom_and_space (const char *data,
                    gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i;
}

static gboolean
sniff_html (const char *data,
            gsize       length,
            gboolean    markdown)
{
  static const char * const strong[] = {
    "<!doctype html", "<html", "<head>", "<head ", "<body", "<frameset",
  };
  static const char * const weak[] = {
    "<meta", "<title", "<p>", "<p ", "<div", "<article", "<h1", "<br", "<a href",
    "<table", "<span",
  };
  g_autofree char *converted = NULL;
  gsize start;
  gsize head;

  /* Sniff UTF-16 through a converted copy of its start. */
  if (has_utf16_bom (data, length))
    {
      gsize n = MIN (length - 2, SNIFF_SIZE) & ~(gsize) 1;
      gsize written = 0;

      converted = g_convert (data + 2, n, "UTF-8",
                             data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE",
                             NULL, &written, NULL);
      if (converted == NULL)
        return FALSE;
      data = converted;
      length = written;
    }

  start = skip_bom_and_space (data, length);
  head = MIN (length, SNIFF_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (strong); i++)
    {
      if (find_nocase (data, head, strong[i]) != NULL)
        return TRUE;
    }

  /* Weaker signs count only in a file that starts with a tag, and not in
   * Markdown, which may hold such tags. */
  if (!markdown && start < head && data[start] == '<')
    {
      for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
        {
          if (find_nocase (data + start, head - start, weak[i]) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_pdf (const char *data,
        gsize       length)
{
  /* Readers accept the magic anywhere in the first kilobyte. */
  for (gsize i = 0; i + 5 <= MIN (length, 1024); i++)
    {
      if (memcmp (data + i, "%PDF-", 5) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Parses @data as JSON if it looks like it; @parser is NULL otherwise. */
static AgFormat
detect_full (const char  *data,
             gsize        length,
             const char  *filename,
             JsonParser **parser,
             BinaryKind  *binary)
{
  gboolean markdown;
  gsize start;

  if (parser != NULL)
    *parser = NULL;
  if (binary != NULL)
    *binary = SNIFF_NOT_BINARY;

  if (is_pdf (data, length))
    return AG_FORMAT_PDF;

  start = skip_bom_and_space (data, length);
  if (start < length && (data[start] == '{' || data[start] == '['))
    {
      g_autoptr(JsonParser) json = json_parser_new_immutable ();

      if (json_parser_load_from_data (json, data + start, length - start, NULL))
        {
          if (parser != NULL)
            *parser = g_steal_pointer (&json);
          return AG_FORMAT_JSON;
        }

      /* Broken JSON is still JSON when the name says so, so that the
       * user learns what is wrong with it. */
      if (has_extension (filename, "json"))
        return AG_FORMAT_JSON;
    }

  {
    BinaryKind kind = sniff_binary (data, length);

    if (kind != SNIFF_NOT_BINARY)
      {
        if (binary != NULL)
          *binary = kind;
        return AG_FORMAT_UNKNOWN;
      }
  }

  markdown = has_extension (filename, "md") || has_extension (filename, "markdown");

  if (sniff_html (data, length, markdown))
    return AG_FORMAT_HTML;

  if (markdown)
    return AG_FORMAT_MARKDOWN;

  return AG_FORMAT_TEXT;
}

/**
 * ag_importer_detect:
 * @data: the start of a file, or all of it
 * @length: the length of @data in bytes
 * @filename: (nullable): the file's name, a hint only
 *
 * Tells what a file is from its content. JSON is recognised only if all of
 * @data parses (or if it is broken but named *.json); the other formats are
 * sniffed from the first few kilobytes.
 *
 * Returns: the format, or %AG_FORMAT_UNKNOWN for binary files
 */
AgFormat
ag_importer_detect (const char *data,
                    gsize       length,
                    const char *filename)
{
  g_return_val_if_fail (data != NULL || length == 0, AG_FORMAT_UNKNOWN);

  return detect_full (data, length, filename, NULL, NULL);
}

/* Text and Markdown */

static char *
decode_text (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (has_utf16_bom (data, length))
    {
      const char *charset = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      text = g_convert (data + 2, length - 2, "UTF-8", charset, NULL, &written, &local_error);
      if (text == NULL)
        {
          /* Translators: %s is an encoding, such as “UTF-16” */
          g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING,
                       _("is not valid %s"), charset);
          return NULL;
        }

      /* Drop U+0000 characters: the C strings below end at the first. */
      {
        gsize j = 0;

        for (gsize i = 0; i < written; i++)
          if (text[i] != '\0')
            text[j++] = text[i];
        text[j] = '\0';
      }

      return normalize_newlines (g_steal_pointer (&text));
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING,
                           _("is not valid UTF-8 and declares no encoding"));
      return NULL;
    }

  return normalize_newlines (g_strndup (data, length));
}

/* Takes a YAML front matter block off @text, with its date and title. */
static void
strip_front_matter (char       **text,
                    GDateTime  **published,
                    char       **title)
{
  const char *p = *text;
  const char *end = NULL;
  g_auto(GStrv) lines = NULL;
  const char *body;

  if (!g_str_has_prefix (p, "---\n"))
    return;

  for (const char *line = p + 4; *line != '\0'; )
    {
      const char *next = strchr (line, '\n');
      gsize len = next != NULL ? (gsize) (next - line) : strlen (line);

      if ((len == 3 && (strncmp (line, "---", 3) == 0 || strncmp (line, "...", 3) == 0)))
        {
          end = line;
          break;
        }
      if (next == NULL)
        break;
      line = next + 1;
    }

  if (end == NULL)
    return;

  {
    g_autofree char *block = g_strndup (p + 4, end - (p + 4));

    lines = g_strsplit (block, "\n", -1);
  }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      char *key;
      char *value;
      gsize n;

      if (colon == NULL || g_ascii_isspace (lines[i][0]))
        continue;

      *colon = '\0';
      key = g_strstrip (lines[i]);
      value = g_strstrip (colon + 1);
      n = strlen (value);
      if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0])
        {
          value[n - 1] = '\0';
          value++;
        }

      if (g_ascii_strcasecmp (key, "date") == 0 && *published == NULL)
        *published = ag_parse_date (value);
      else if (g_ascii_strcasecmp (key, "title") == 0 && *title == NULL && *value != '\0')
        *title = g_strdup (value);
    }

  body = end + 3;
  if (*body == '\n')
    body++;
  /* The blank line that usually follows the block goes too. */
  while (*body == '\n')
    body++;

  {
    char *rest = g_strdup (body);

    g_free (*text);
    *text = rest;
  }
}

static gboolean
is_fence (const char *line,
          gsize       len)
{
  gsize i = 0;

  while (i < len && i < 3 && line[i] == ' ')
    i++;

  return len - i >= 3 &&
         (strncmp (line + i, "```", 3) == 0 || strncmp (line + i, "~~~", 3) == 0);
}

static gboolean
is_setext_underline (const char *line,
                     gsize       len)
{
  gsize i = 0;
  char c;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i == len || (line[i] != '=' && line[i] != '-'))
    return FALSE;

  c = line[i];
  while (i < len && line[i] == c)
    i++;
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;

  return i == len;
}

/* The text of an ATX heading ("## Title ##"), or NULL. */
static char *
atx_heading (const char *line,
             gsize       len)
{
  g_autofree char *copy = NULL;
  gsize i = 0;
  gsize level = 0;
  char *text;
  gsize n;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  while (i < len && line[i] == '#')
    {
      i++;
      level++;
    }
  if (level == 0 || level > 6 || (i < len && line[i] != ' ' && line[i] != '\t'))
    return NULL;

  copy = g_strndup (line + i, len - i);
  text = g_strstrip (copy);

  /* An optional closing run of '#' after a space. */
  n = strlen (text);
  while (n > 0 && text[n - 1] == '#')
    n--;
  if (n == 0 || text[n - 1] == ' ' || text[n - 1] == '\t')
    text[n] = '\0';
  g_strstrip (text);

  return *text != '\0' ? g_strdup (text) : NULL;
}

/* The first ATX or setext heading outside code blocks, or NULL. */
static char *
markdown_title (const char *text)
{
  g_autofree char *previous = NULL;
  gboolean in_fence = FALSE;

  for (const char *line = text; *line != '\0'; )
    {
      const char *next = strchr (line, '\n');
      gsize len = next != NULL ? (gsize) (next - line) : strlen (line);
      g_autofree char *current = NULL;

      if (is_fence (line, len))
        {
          in_fence = !in_fence;
          g_clear_pointer (&previous, g_free);
        }
      else if (!in_fence)
        {
          char *heading = atx_heading (line, len);

          if (heading != NULL)
            return heading;

          if (previous != NULL && is_setext_underline (line, len))
            return g_steal_pointer (&previous);

          current = g_strstrip (g_strndup (line, len));
          g_clear_pointer (&previous, g_free);
          /* Only a paragraph line can be underlined into a heading. */
          if (*current != '\0' && len > 0 && line[0] != ' ' && line[0] != '\t' &&
              !is_setext_underline (line, len))
            previous = g_steal_pointer (&current);
        }

      if (next == NULL)
        break;
      line = next + 1;
    }

  return NULL;
}

static GPtrArray *
load_text (const char  *data,
           gsize        length,
           gboolean     markdown,
           const char  *filename,
           const char  *source,
           GError     **error)
{
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (!(text = decode_text (data, length, error)))
    return NULL;

  if (markdown)
    {
      strip_front_matter (&text, &published, &title);
      if (title == NULL)
        title = markdown_title (text);
    }

  if (is_blank_utf8 (text))
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY, _("is empty"));
      return NULL;
    }

  if (title == NULL)
    title = title_from_text (text, filename);

  return single_item (make_document (title, source, text,
                                     markdown ? "text/markdown" : "text/plain",
                                     published));
}

/* HTML */

/* The encoding a page declares in a <meta> or an XML declaration. */
static char *
sniff_html_charset (const char *data,
                    gsize       length)
{
  gsize head = MIN (length, SNIFF_SIZE);
  const char *p = data;
  const char *end = data + head;

  while (p < end)
    {
      const char *tag = find_nocase (p, end - p, "<meta");
      const char *close;
      const char *charset;

      if (tag == NULL)
        {
          tag = find_nocase (p, end - p, "<?xml");
          if (tag == NULL)
            break;
        }

      close = memchr (tag, '>', end - tag);
      if (close == NULL)
        break;

      charset = find_nocase (tag, close - tag, "charset");
      if (charset == NULL && strncmp (tag, "<?xml", 5) == 0)
        charset = find_nocase (tag, close - tag, "encoding");

      /* "charset=" as a word of its own, not "charset" in some text. */
      if (charset != NULL && g_ascii_isalnum (charset[-1]))
        charset = NULL;

      if (charset != NULL)
        {
          const char *q = charset + (g_ascii_tolower (*charset) == 'c' ? 7 : 8);
          GString *name = g_string_new (NULL);

          while (q < close && *q == ' ')
            q++;
          if (q < close && *q == '=')
            q++;
          else
            q = close;
          while (q < close && *q == ' ')
            q++;
          while (q < close && (*q == '"' || *q == '\''))
            q++;
          while (q < close && name->len < 40 &&
                 (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == '.' || *q == ':'))
            g_string_append_c (name, *q++);

          if (name->len > 0)
            return g_string_free (name, FALSE);
          g_string_free (name, TRUE);
        }

      p = close + 1;
    }

  return NULL;
}

/* Names that mean windows-1252 or UTF-8 on the web. */
static const char *
web_charset (const char *name)
{
  static const char * const cp1252[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii",
    "us-ascii", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cp1252); i++)
    {
      if (g_ascii_strcasecmp (name, cp1252[i]) == 0)
        return "WINDOWS-1252";
    }

  if (g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0 ||
      g_ascii_strncasecmp (name, "utf-16", 6) == 0)
    return "UTF-8";

  return name;
}

/* Converts a page to UTF-8 from what it declares. */
static char *
decode_html (const char  *data,
             gsize        length,
             gsize       *out_length,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *declared = NULL;
  const char *charset;
  char *text;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
      charset = "UTF-8";
    }
  else if (has_utf16_bom (data, length))
    {
      charset = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
      data += 2;
      length -= 2;
    }
  else if ((declared = sniff_html_charset (data, length)) != NULL)
    charset = web_charset (declared);
  else
    {
      if (!g_utf8_validate_len (data, length, NULL))
        {
          g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING,
                               _("is not valid UTF-8 and declares no encoding"));
          return NULL;
        }
      charset = "UTF-8";
    }

  if (g_str_equal (charset, "UTF-8"))
    {
      /* Browsers show stray bytes in a UTF-8 page as U+FFFD; so do we. */
      text = g_utf8_make_valid (data, length);
      *out_length = strlen (text);
      return text;
    }

  text = g_convert (data, length, "UTF-8", charset, NULL, out_length, &local_error);
  if (text == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING,
                     _("declares an unknown encoding “%s”"), declared != NULL ? declared : charset);
      else
        g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING,
                     _("is not valid %s, the encoding it declares"),
                     declared != NULL ? declared : charset);
      return NULL;
    }

  return text;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names,
         guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (is_element (node, names[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

static gboolean
attribute_is (xmlNode    *node,
              const char *name,
              const char *value)
{
  g_autofree char *actual = get_attribute (node, name);

  if (actual == NULL)
    return FALSE;

  return g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
}

static gboolean
has_ancestor (xmlNode    *node,
              const char *name)
{
  for (xmlNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (is_element (p, name))
        return TRUE;
    }

  return FALSE;
}

/* Page furniture that holds no article text. */
static gboolean
is_dropped (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  /* A <header> inside an article is the article's own: headline, byline. */
  if (is_element (node, "header") && has_ancestor (node, "article"))
    return FALSE;

  if (name_in (node, dropped_elements, G_N_ELEMENTS (dropped_elements)))
    return TRUE;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL ||
      attribute_is (node, "aria-hidden", "true") ||
      attribute_is (node, "role", "navigation") ||
      attribute_is (node, "role", "banner") ||
      attribute_is (node, "role", "contentinfo") ||
      attribute_is (node, "role", "search"))
    return TRUE;

  return FALSE;
}

/* The node after @node in document order, within @root. */
static xmlNode *
next_node (xmlNode  *node,
           xmlNode  *root,
           gboolean  skip_children)
{
  if (!skip_children && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;

  while (node != root && node->next == NULL)
    node = node->parent;

  return node == root ? NULL : node->next;
}

typedef struct
{
  GString  *out;   /* finished paragraphs */
  GString  *para;  /* the paragraph being built */
  gboolean  space; /* a space is due before the next character */
  guint     pre;   /* depth of <pre> elements */
} TextState;

static void
flush_paragraph (TextState *st)
{
  g_autofree char *para = g_strstrip (g_string_free (g_steal_pointer (&st->para), FALSE));

  if (*para != '\0')
    {
      if (st->out->len > 0)
        g_string_append (st->out, "\n\n");
      g_string_append (st->out, para);
    }

  st->para = g_string_new (NULL);
  st->space = FALSE;
}

static void
add_text (TextState  *st,
          const char *text)
{
  if (st->pre > 0)
    {
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '\r')
            {
              if (p[1] != '\n')
                g_string_append_c (st->para, '\n');
            }
          else
            g_string_append_c (st->para, *p);
        }
      st->space = FALSE;
      return;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          st->space = TRUE;
          continue;
        }

      if (st->space && st->para->len > 0 && st->para->str[st->para->len - 1] != '\n')
        g_string_append_c (st->para, ' ');
      st->space = FALSE;
      g_string_append_unichar (st->para, c);
    }
}

static void
line_break (TextState *st)
{
  while (st->para->len > 0 && st->para->str[st->para->len - 1] == ' ')
    g_string_truncate (st->para, st->para->len - 1);
  if (st->para->len > 0)
    g_string_append_c (st->para, '\n');
  st->space = FALSE;
}

static void
enter_element (TextState *st,
               xmlNode   *node)
{
  if (is_element (node, "br"))
    line_break (st);
  else if (name_in (node, block_elements, G_N_ELEMENTS (block_elements)))
    flush_paragraph (st);
  else if (is_element (node, "td") || is_element (node, "th"))
    st->space = TRUE;

  if (is_element (node, "pre"))
    st->pre++;
}

static void
leave_element (TextState *st,
               xmlNode   *node)
{
  if (is_element (node, "pre"))
    st->pre--;

  if (name_in (node, block_elements, G_N_ELEMENTS (block_elements)))
    flush_paragraph (st);
  else if (is_element (node, "td") || is_element (node, "th"))
    st->space = TRUE;
}

/* The readable text under @root, one paragraph per block. */
static char *
html_text (xmlNode *root)
{
  TextState st = { g_string_new (NULL), g_string_new (NULL), FALSE, 0 };
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            add_text (&st, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE && !is_dropped (node))
        {
          enter_element (&st, node);
          if (node->children != NULL)
            descend = TRUE;
          else
            leave_element (&st, node);
        }

      if (descend)
        {
          node = node->children;
          continue;
        }

      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == root || node == NULL)
            {
              node = NULL;
              break;
            }
          leave_element (&st, node);
        }

      if (node != NULL)
        node = node->next;
    }

  flush_paragraph (&st);
  g_string_free (st.para, TRUE);

  return g_string_free (st.out, FALSE);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = collapse_spaces ((const char *) content);

  xmlFree (content);
  return text;
}

/* The element that holds the article: the <article> with the most text,
 * else <main>, else <body>. Its text is returned in @text. */
static xmlNode *
find_main (xmlNode  *root,
           char    **text)
{
  xmlNode *best = NULL;
  g_autofree char *best_text = NULL;
  glong best_length = 0;
  xmlNode *main_node = NULL;
  xmlNode *body = NULL;

  for (xmlNode *node = root; node != NULL; )
    {
      gboolean skip = is_dropped (node);

      if (!skip && is_element (node, "article"))
        {
          g_autofree char *candidate = html_text (node);
          glong length = g_utf8_strlen (candidate, -1);

          if (length > best_length)
            {
              best = node;
              best_length = length;
              g_free (best_text);
              best_text = g_steal_pointer (&candidate);
            }
          skip = TRUE;
        }
      else if (!skip && main_node == NULL && is_element (node, "main"))
        main_node = node;
      else if (body == NULL && is_element (node, "body"))
        body = node;

      node = next_node (node, root, skip);
    }

  if (best != NULL)
    {
      *text = g_steal_pointer (&best_text);
      return best;
    }

  if (main_node == NULL)
    main_node = body != NULL ? body : root;
  *text = html_text (main_node);

  return main_node;
}

/* Where a <meta> (or any element with itemprop) stands in date_metas[],
 * or -1. */
static int
date_meta_rank (xmlNode *node)
{
  static const char * const attributes[] = { "property", "name", "itemprop" };
  gboolean meta = is_element (node, "meta");

  for (guint i = meta ? 0 : 2; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autofree char *value = get_attribute (node, attributes[i]);

      if (value == NULL)
        continue;

      g_strstrip (value);
      for (guint j = 0; j < G_N_ELEMENTS (date_metas); j++)
        {
          if (g_ascii_strcasecmp (value, date_metas[j]) == 0)
            return j;
        }
    }

  return -1;
}

static GDateTime *
html_published (xmlNode *root,
                xmlNode *main_node)
{
  g_autoptr(GDateTime) best = NULL;
  int best_rank = G_N_ELEMENTS (date_metas);

  for (xmlNode *node = root; node != NULL; node = next_node (node, root, FALSE))
    {
      g_autofree char *value = NULL;
      GDateTime *date;
      int rank;

      if (node->type != XML_ELEMENT_NODE || (rank = date_meta_rank (node)) < 0 || rank >= best_rank)
        continue;

      value = get_attribute (node, "content");
      if (value == NULL)
        value = get_attribute (node, "datetime");
      if (value == NULL && !is_element (node, "meta"))
        value = node_text (node);

      if ((date = ag_parse_date (value)) != NULL)
        {
          g_clear_pointer (&best, g_date_time_unref);
          best = date;
          best_rank = rank;
        }
    }

  if (best != NULL)
    return g_steal_pointer (&best);

  /* Last resort: the first <time datetime> of the article. */
  for (xmlNode *node = main_node; node != NULL; node = next_node (node, main_node, FALSE))
    {
      if (is_element (node, "time"))
        {
          g_autofree char *value = get_attribute (node, "datetime");
          GDateTime *date = ag_parse_date (value);

          if (date != NULL)
            return date;
        }
    }

  return NULL;
}

static char *
html_title (xmlNode *root)
{
  g_autofree char *og_title = NULL;
  g_autofree char *h1 = NULL;

  for (xmlNode *node = root; node != NULL; )
    {
      gboolean skip = is_element (node, "svg") || is_element (node, "script") ||
                      is_element (node, "style") || is_element (node, "template");

      if (skip)
        ;
      else if (is_element (node, "title"))
        {
          g_autofree char *title = node_text (node);

          if (*title != '\0')
            return g_steal_pointer (&title);
        }
      else if (og_title == NULL && is_element (node, "meta") &&
               (attribute_is (node, "property", "og:title") ||
                attribute_is (node, "name", "og:title")))
        {
          g_autofree char *content = get_attribute (node, "content");

          og_title = collapse_spaces (content);
          if (*og_title == '\0')
            g_clear_pointer (&og_title, g_free);
        }
      else if (h1 == NULL && is_element (node, "h1"))
        {
          h1 = node_text (node);
          if (*h1 == '\0')
            g_clear_pointer (&h1, g_free);
        }

      node = next_node (node, root, skip);
    }

  if (og_title != NULL)
    return g_steal_pointer (&og_title);

  return g_steal_pointer (&h1);
}

static GPtrArray *
load_html (const char  *data,
           gsize        length,
           const char  *filename,
           const char  *source,
           GError     **error)
{
  static gsize xml_initialized = 0;
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  xmlNode *root;
  xmlNode *main_node;
  htmlDocPtr doc;
  gsize utf8_length = 0;

  /* Before any thread parses: libxml2 2.9 sets itself up on first use. */
  if (g_once_init_enter (&xml_initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialized, 1);
    }

  if (!(utf8 = decode_html (data, length, &utf8_length, error)))
    return NULL;

  if (utf8_length > G_MAXINT)
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_TOO_LARGE,
                           _("is too large"));
      return NULL;
    }

  doc = htmlReadMemory (utf8, (int) utf8_length, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                        /* Pages nest deeper than libxml2's default of 256. */
                        XML_PARSE_HUGE);

  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                           _("has no readable text"));
      return NULL;
    }

  main_node = find_main (root, &text);
  title = html_title (root);
  published = html_published (root, main_node);
  xmlFreeDoc (doc);

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* libxml2 hands back what it was given; this only guards against
       * surprises in its recovery. */
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = g_steal_pointer (&valid);
    }

  if (is_blank_utf8 (text))
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                           _("has no readable text"));
      return NULL;
    }

  if (title == NULL)
    title = title_from_filename (filename);

  return single_item (make_document (title, source, text, "text/html", published));
}

/* PDF */

/* The text layer of all pages, pages separated by a blank line. */
static char *
pdf_text (PopplerDocument *pdf)
{
  GString *out = g_string_new (NULL);
  int n_pages = poppler_document_get_n_pages (pdf);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = NULL;
      g_autofree char *valid = NULL;
      char *p;

      if (page == NULL)
        continue;
      page_text = poppler_page_get_text (page);
      g_object_unref (page);
      if (page_text == NULL)
        continue;

      valid = normalize_newlines (g_utf8_make_valid (page_text, -1));
      for (p = valid; (p = strchr (p, '\f')) != NULL; )
        memmove (p, p + 1, strlen (p));
      g_strstrip (valid);

      if (*valid == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, valid);
    }

  return g_string_free (out, FALSE);
}

static GPtrArray *
load_pdf (GBytes      *bytes,
          const char  *filename,
          const char  *source,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) published = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  PopplerDocument *pdf;
  int n_pages;

  pdf = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (pdf == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                             _("is a password-protected PDF"));
      else
        g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                     _("is a damaged PDF (%s)"), local_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (pdf);
  text = pdf_text (pdf);
  title = poppler_document_get_title (pdf);
  created = poppler_document_get_creation_date_time (pdf);
  g_object_unref (pdf);

  if (is_blank_utf8 (text))
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                           n_pages > 0 ? _("has no text (scanned pages?)") : _("is a damaged PDF (no pages)"));
      return NULL;
    }

  if (title != NULL)
    {
      g_autofree char *raw = g_steal_pointer (&title);
      g_autofree char *valid = g_utf8_make_valid (raw, -1);

      title = collapse_spaces (valid);
      if (*title == '\0')
        g_clear_pointer (&title, g_free);
    }
  if (title == NULL)
    title = title_from_text (text, filename);

  if (created != NULL)
    published = g_date_time_to_utc (created);

  return single_item (make_document (title, source, text, "application/pdf", published));
}

/* JSON */

/* An extraction's document: its title is the extraction's title, else its
 * document name, else the file name; its source is the extraction's source,
 * which names the original article, else the file. */
static AgImportItem *
item_from_json (JsonNode    *node,
                const char  *filename,
                const char  *source,
                GError     **error)
{
  g_autoptr(AgExtraction) extraction = NULL;
  g_autofree char *title = NULL;
  AgImportItem *item;
  const char *text;

  if (!(extraction = ag_extraction_new_from_json (node, error)))
    return NULL;

  if (ag_extraction_get_title (extraction) != NULL)
    title = g_strdup (ag_extraction_get_title (extraction));
  else if (ag_extraction_get_document (extraction) != NULL)
    title = g_strdup (ag_extraction_get_document (extraction));
  else
    title = title_from_filename (filename);

  if (ag_extraction_get_source (extraction) != NULL)
    source = ag_extraction_get_source (extraction);

  text = ag_extraction_get_text (extraction);

  item = g_new0 (AgImportItem, 1);
  item->document = make_document (title, source, text != NULL ? text : "",
                                  "application/json",
                                  ag_extraction_get_published (extraction));

  /* Without a text, the hash of the extraction itself makes importing the
   * same file twice a no-op. */
  if (text == NULL)
    {
      g_autoptr(JsonNode) json = ag_extraction_to_json (extraction);
      g_autofree char *serialised = json_to_string (json, FALSE);
      g_autofree char *hash = ag_content_hash (serialised, strlen (serialised));

      _ag_document_set_content_hash (item->document, hash);
    }

  item->extraction = g_steal_pointer (&extraction);

  return item;
}

static GPtrArray *
load_json (JsonParser  *parser,
           const char  *data,
           gsize        length,
           const char  *filename,
           const char  *source,
           GError     **error)
{
  g_autoptr(JsonParser) own_parser = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonNode *root;

  if (parser == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      gsize start = skip_bom_and_space (data, length);

      parser = own_parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, data + start, length - start, &local_error))
        {
          /* json-glib says "<data>:LINE:COLUMN: Parse error: ..."; keep the rest. */
          const char *message = local_error->message;

          if (g_str_has_prefix (message, "<data>:"))
            message += strlen ("<data>:");
          {
            const char *noise = strstr (message, "Parse error: ");

            if (noise != NULL)
              {
                g_autofree char *place = g_strndup (message, noise - message);

                g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                             _("is not valid JSON: %s%s"), place, noise + strlen ("Parse error: "));
                return NULL;
              }
          }
          g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                       _("is not valid JSON: %s"), message);
          return NULL;
        }
    }

  root = json_parser_get_root (parser);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) ag_import_item_free);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      AgImportItem *item = item_from_json (root, filename, source, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  else if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      guint n = json_array_get_length (array);

      if (n == 0)
        {
          g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY,
                               _("is an empty list"));
          return NULL;
        }

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          AgImportItem *item;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                           _("item %u is not an extraction object"), i + 1);
              return NULL;
            }

          item = item_from_json (element, filename, source, error);
          if (item == NULL)
            {
              /* Translators: the fourth item of a JSON list, before what is wrong with it */
              g_prefix_error (error, _("item %u: "), i + 1);
              return NULL;
            }
          g_ptr_array_add (items, item);
        }
    }
  else
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                           _("is JSON but holds no extraction object"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* Public API */

/**
 * ag_importer_load_bytes:
 * @bytes: a file's content
 * @filename: (nullable): the file's name, a hint for the format and the
 *   title of last resort
 * @source: (nullable): the path or URI that documents record
 * @error: return location for an error
 *
 * Reads the documents in @bytes. Error messages are sentence fragments
 * ("is empty") for the caller to put after the file name. Invalid
 * extraction files give %AG_EXTRACTION_ERROR_INVALID.
 *
 * Returns: (transfer full) (element-type AgImportItem): the documents read,
 *   at least one, or %NULL with @error set
 */
GPtrArray *
ag_importer_load_bytes (GBytes      *bytes,
                        const char  *filename,
                        const char  *source,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize length;
  BinaryKind binary;
  AgFormat format;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > AG_IMPORT_MAX_SIZE)
    {
      g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_TOO_LARGE,
                   _("is larger than %d MB"), AG_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (skip_bom_and_space (data, length) == length)
    {
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY, _("is empty"));
      return NULL;
    }

  format = detect_full (data, length, filename, &parser, &binary);

  switch (format)
    {
    case AG_FORMAT_PDF:
      return load_pdf (bytes, filename, source, error);

    case AG_FORMAT_JSON:
      return load_json (parser, data, length, filename, source, error);

    case AG_FORMAT_HTML:
      return load_html (data, length, filename, source, error);

    case AG_FORMAT_TEXT:
    case AG_FORMAT_MARKDOWN:
      return load_text (data, length, format == AG_FORMAT_MARKDOWN, filename, source, error);

    case AG_FORMAT_UNKNOWN:
    default:
      g_set_error_literal (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_BINARY,
                           binary == SNIFF_DATABASE
                           ? _("is a database, not a document")
                           : _("is a binary file, not a document"));
      return NULL;
    }
}

/* GIO's messages repeat the file name, which the caller already puts in
 * front; say what went wrong in the importer's own words. */
static void
set_read_error (GError **error,
                GError  *read_error)
{
  if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("does not exist"));
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("is a folder, not a document"));
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("cannot be read: permission denied"));
  else
    g_set_error (error, read_error->domain, read_error->code, _("cannot be read (%s)"), read_error->message);
}

/**
 * ag_importer_load_file:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads @file (refusing files over %AG_IMPORT_MAX_SIZE before reading
 * them) and its documents as ag_importer_load_bytes() does. Documents
 * record the local path of native files and the URI of others. GIO errors
 * (no such file, a directory, no permission) come back as they are.
 *
 * Returns: (transfer full) (element-type AgImportItem): the documents read,
 *   or %NULL with @error set
 */
GPtrArray *
ag_importer_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, &read_error);
  if (stream == NULL)
    {
      set_read_error (error, read_error);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > AG_IMPORT_MAX_SIZE)
    {
      g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_TOO_LARGE,
                   _("is larger than %d MB"), AG_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  buffer = g_byte_array_sized_new (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
                                   ? (guint) g_file_info_get_size (info) + 1 : 65536);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      /* The size may have been unknown, or the file may be growing. */
      if (buffer->len + (gsize) n > AG_IMPORT_MAX_SIZE)
        {
          g_set_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_TOO_LARGE,
                       _("is larger than %d MB"), AG_IMPORT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n);
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  filename = g_file_get_basename (file);
  /* The path, unless it is not UTF-8: the URI escapes such bytes. */
  if (g_file_is_native (file))
    source = g_file_get_path (file);
  if (source == NULL || !g_utf8_validate (source, -1, NULL))
    {
      g_free (source);
      source = g_file_get_uri (file);
    }

  return ag_importer_load_bytes (bytes, filename, source, error);
}
