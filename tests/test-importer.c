/* test-importer.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-importer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ag-document.h"
#include "ag-extraction.h"
#include "ag-importer.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static GPtrArray *
import_fixture (const char  *name,
                GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ag_importer_load_file (file, NULL, error);
}

/* Imports a fixture that holds one plain document. */
static AgDocument *
import_document (const char *name)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  AgImportItem *item;

  items = import_fixture (name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  g_assert_cmpuint (items->len, ==, 1);

  item = g_ptr_array_index (items, 0);
  g_assert_null (item->extraction);
  g_assert_true (g_utf8_validate (ag_document_get_text (item->document), -1, NULL));

  return g_object_ref (item->document);
}

static void
assert_fixture_fails (const char *name,
                      GQuark      domain,
                      int         code,
                      const char *message)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("fixture %s", name);
  items = import_fixture (name, &error);
  g_assert_null (items);
  g_assert_error (error, domain, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static GPtrArray *
import_data (const char  *data,
             gssize       length,
             const char  *filename,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);

  return ag_importer_load_bytes (bytes, filename, "/nowhere/file", error);
}

static AgDocument *
import_data_document (const char *data,
                      gssize      length,
                      const char *filename)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = import_data (data, length, filename, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);

  return g_object_ref (((AgImportItem *) g_ptr_array_index (items, 0))->document);
}

static void
assert_date (GDateTime  *date,
             const char *expected)
{
  g_autofree char *str = NULL;

  g_assert_nonnull (date);
  str = g_date_time_format_iso8601 (date);
  g_assert_cmpstr (str, ==, expected);
}

static void
test_text (void)
{
  g_autoptr(AgDocument) document = import_document ("article.txt");
  g_autofree char *path = fixture_path ("article.txt");
  const char *text = ag_document_get_text (document);

  g_assert_cmpstr (ag_document_get_title (document), ==, "Velland accuses Marovia over grid intrusion");
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/plain");
  g_assert_cmpstr (ag_document_get_source (document), ==, path);
  g_assert_true (g_path_is_absolute (ag_document_get_source (document)));
  g_assert_null (ag_document_get_published (document));

  /* The file mixes CRLF and LF; the stored text has LF only. */
  g_assert_null (strchr (text, '\r'));
  g_assert_true (g_str_has_prefix (text, "Velland accuses Marovia over grid intrusion\n\n"));
  g_assert_nonnull (strstr (text, "grid operator.\n\"We hold the Marovian state responsible,\""));
  g_assert_cmpint (ag_document_get_length (document), ==, g_utf8_strlen (text, -1));
}

static void
test_text_title (void)
{
  g_autoptr(AgDocument) document = NULL;
  g_autoptr(GString) long_line = g_string_new ("\n\n");

  for (guint i = 0; i < 30; i++)
    g_string_append (long_line, "Velland and Ostmark ");
  g_string_append (long_line, "\nsecond line\n");

  /* A long first line is no title: the file name is. */
  document = import_data_document (long_line->str, -1, "dir/ostmark-report.v2.txt");
  g_assert_cmpstr (ag_document_get_title (document), ==, "ostmark-report.v2");

  g_clear_object (&document);
  document = import_data_document ("\n\n   Short title  \r\nbody\r", -1, "a.txt");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Short title");
  g_assert_cmpstr (ag_document_get_text (document), ==, "\n\n   Short title  \nbody\n");

  /* A UTF-8 BOM is dropped. */
  g_clear_object (&document);
  document = import_data_document ("\xef\xbb\xbfOstmark", -1, "b.txt");
  g_assert_cmpstr (ag_document_get_text (document), ==, "Ostmark");
}

static void
test_utf16 (void)
{
  g_autoptr(AgDocument) document = import_document ("utf16le.txt");
  const char *text = ag_document_get_text (document);

  g_assert_cmpstr (ag_document_get_title (document), ==, "Communiqué on Kestrel Spider");
  g_assert_nonnull (strstr (text, "attacks on Velland’s hospitals."));
  g_assert_true (g_str_has_prefix (text, "Communiqué"));
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/plain");
}

static void
test_latin1_text (void)
{
  assert_fixture_fails ("latin1.txt", AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING,
                        "is not valid UTF-8 and declares no encoding");
}

static void
test_markdown (void)
{
  g_autoptr(AgDocument) document = import_document ("statement.md");
  const char *text = ag_document_get_text (document);

  g_assert_cmpstr (ag_document_get_title (document), ==, "Alliance members pledge joint cyber defence");
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/markdown");
  assert_date (ag_document_get_published (document), "2024-02-29T00:00:00Z");

  /* The front matter is gone; the Markdown itself is kept as it is. */
  g_assert_true (g_str_has_prefix (text, "Some words before the heading.\n"));
  g_assert_null (strstr (text, "author:"));
  g_assert_nonnull (strstr (text, "\n# Alliance members pledge joint cyber defence\n"));
}

static void
test_markdown_titles (void)
{
  g_autoptr(AgDocument) document = NULL;

  document = import_data_document ("Intro line\n\nOstmark blames Marovia\n======\n\ntext\n", -1, "a.md");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Ostmark blames Marovia");
  g_assert_null (ag_document_get_published (document));

  g_clear_object (&document);
  document = import_data_document ("---\ntitle: \"Front matter title\"\ndate: 2023-12-01T10:00:00+01:00\n---\n"
                                   "## Heading ##\n", -1, "b.markdown");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Front matter title");
  assert_date (ag_document_get_published (document), "2023-12-01T09:00:00Z");
  g_assert_cmpstr (ag_document_get_text (document), ==, "## Heading ##\n");

  g_clear_object (&document);
  document = import_data_document ("#hashtag is no heading\n\n### Third level ###\n", -1, "c.md");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Third level");

  /* No heading: the first line, as for text. */
  g_clear_object (&document);
  document = import_data_document ("Plain words only.\n", -1, "d.md");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Plain words only.");
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/markdown");

  /* An unclosed front matter block is text. */
  g_clear_object (&document);
  document = import_data_document ("---\ndate: 2024-01-01\n", -1, "e.md");
  g_assert_null (ag_document_get_published (document));
  g_assert_cmpstr (ag_document_get_text (document), ==, "---\ndate: 2024-01-01\n");
}

static void
test_html (void)
{
  g_autoptr(AgDocument) document = import_document ("sanctions.html");
  const char *text = ag_document_get_text (document);
  static const char * const dropped[] = {
    "SCRIPT-TEXT", "STYLE-TEXT", "SITE-BANNER", "NAV-TEXT", "HIDDEN-TEXT",
    "ASIDE-TEXT", "INLINE-SCRIPT", "NOSCRIPT-TEXT", "FOOTER-TEXT", "MUST-GO",
  };

  g_assert_cmpstr (ag_document_get_title (document), ==,
                   "Ostmark sanctions Kestrel Spider operators | The Daily Ledger");
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/html");
  assert_date (ag_document_get_published (document), "2024-03-05T07:15:00Z");

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      g_test_message ("%s", dropped[i]);
      g_assert_null (strstr (text, dropped[i]));
    }

  /* The article's own header stays; paragraphs are separated by a blank
   * line, spaces collapse, entities are decoded, <br> is a line break. */
  g_assert_cmpstr (text, ==,
                   "Ostmark sanctions Kestrel Spider operators\n\n"
                   "By A. Reporter, 4 March\n\n"
                   "Ostmark imposed sanctions on three officers it says run the "
                   "Kestrel Spider group & its infrastructure.\n\n"
                   "“We will not tolerate attacks on our hospitals,” the interior minister said.\n"
                   "The café owners’ association welcomed the move.\n\n"
                   "First measure: asset freezes.\n\n"
                   "Second measure: travel bans.");
}

static void
test_html_latin1 (void)
{
  g_autoptr(AgDocument) document = import_document ("latin1.html");
  const char *text = ag_document_get_text (document);

  /* Declared iso-8859-1 is read as windows-1252, as browsers do, so the
   * curly quotes in 0x93 and 0x94 come through too. */
  g_assert_cmpstr (ag_document_get_title (document), ==, "Résumé: Velland accuses Marovia");
  g_assert_cmpstr (text, ==,
                   "Le ministre délégué a dénoncé une attaque contre l’entreprise Grünwald.\n\n"
                   "“C’est inacceptable,” a-t-il déclaré à Zürich.");
  assert_date (ag_document_get_published (document), "2023-11-20T00:00:00Z");
}

static void
test_html_encodings (void)
{
  g_autoptr(AgDocument) document = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  /* Undeclared and not UTF-8. */
  items = import_data ("<html><body><p>Z\xfcrich</p></body></html>", -1, "a.html", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "is not valid UTF-8 and declares no encoding");
  g_clear_error (&error);

  items = import_data ("<html><head><meta charset='x-klingon'></head><body><p>Qapla'</p></body></html>",
                       -1, "b.html", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "declares an unknown encoding “x-klingon”");
  g_clear_error (&error);

  /* "charset" in some other text declares nothing. */
  document = import_data_document ("<html><head><meta name=\"description\" content=\"charset issues\">"
                                   "</head><body><p>Z\xc3\xbcrich</p></body></html>", -1, "h.html");
  g_assert_cmpstr (ag_document_get_text (document), ==, "Zürich");
  g_clear_object (&document);

  /* An XML declaration counts, and so does a BOM, over any <meta>. */
  document = import_data_document ("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n"
                                   "<html><body><p>Prix: 5 \xa4</p></body></html>", -1, "c.xhtml");
  g_assert_cmpstr (ag_document_get_text (document), ==, "Prix: 5 €");
  g_clear_object (&document);

  document = import_data_document ("\xef\xbb\xbf<html><head><meta charset=\"windows-1252\"></head>"
                                   "<body><p>Z\xc3\xbcrich</p></body></html>", -1, "d.html");
  g_assert_cmpstr (ag_document_get_text (document), ==, "Zürich");
  g_clear_object (&document);

  /* No title element: og:title, then the first <h1>, then the file name. */
  document = import_data_document ("<html><head><meta property=\"og:title\" content=\" OG  title \"></head>"
                                   "<body><h1>Heading</h1><p>Body.</p></body></html>", -1, "e.html");
  g_assert_cmpstr (ag_document_get_title (document), ==, "OG title");
  g_clear_object (&document);

  document = import_data_document ("<html><body><h1>Heading  one</h1><p>Body.</p>"
                                   "<time datetime=\"2022-07-01T12:00\">July</time></body></html>",
                                   -1, "f.html");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Heading one");
  assert_date (ag_document_get_published (document), "2022-07-01T12:00:00Z");
  g_clear_object (&document);

  document = import_data_document ("<!DOCTYPE html><p>Only a paragraph.</p>", -1, "plain-page.htm");
  g_assert_cmpstr (ag_document_get_title (document), ==, "plain-page");
  g_assert_cmpstr (ag_document_get_text (document), ==, "Only a paragraph.");
  g_clear_object (&document);

  /* Deep nesting loses nothing. */
  {
    g_autoptr(GString) deep = g_string_new ("<html><body>");

    for (guint i = 0; i < 1000; i++)
      g_string_append (deep, "<div>");
    g_string_append (deep, "Deep text.");
    document = import_data_document (deep->str, deep->len, "deep.html");
    g_assert_cmpstr (ag_document_get_text (document), ==, "Deep text.");
    g_clear_object (&document);
  }

  /* No text at all. */
  items = import_data ("<!DOCTYPE html><html><head><title>T</title><script>x()</script></head>"
                       "<body><nav>Menu</nav></body></html>", -1, "g.html", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "has no readable text");
}

static void
test_html_in_txt (void)
{
  g_autoptr(AgDocument) document = import_document ("really-html.txt");

  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/html");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Marovia denies intrusion");
  g_assert_cmpstr (ag_document_get_text (document), ==,
                   "Marovia denies any role in the intrusion.\n\n"
                   "The statement came a day after Velland's accusation.");
}

static void
test_pdf (void)
{
  g_autoptr(AgDocument) document = import_document ("statement.pdf");
  const char *text = ag_document_get_text (document);

  g_assert_cmpstr (ag_document_get_title (document), ==, "Joint statement on Kestrel Spider");
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "application/pdf");
  assert_date (ag_document_get_published (document), "2024-05-14T09:30:00Z");
  g_assert_null (strchr (text, '\f'));
  g_assert_true (g_str_has_prefix (text, "Joint statement on Kestrel Spider\n"));
  g_assert_nonnull (strstr (text, "a group acting for Marovia.\n\nOstmark will cooperate"));
}

static void
test_pdf_as_html (void)
{
  g_autoptr(AgDocument) document = import_document ("brochure.html");

  g_assert_cmpstr (ag_document_get_media_type (document), ==, "application/pdf");
  g_assert_cmpstr (ag_document_get_title (document), ==, "Joint statement on Kestrel Spider");
}

static void
test_pdf_broken (void)
{
  assert_fixture_fails ("truncated.pdf", AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE, NULL);
  assert_fixture_fails ("scanned.pdf", AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                        "has no text (scanned pages?)");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  assert_fixture_fails ("empty.txt", AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY, "is empty");
  assert_fixture_fails ("blank.txt", AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY, "is empty");

  /* White space in UTF-16 is still white space. */
  items = import_data ("\xff\xfe \0\n\0\t\0", 8, "c.txt", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  items = import_data ("\xef\xbb\xbf\n", -1, "d.md", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY);
}

static void
test_binary (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  assert_fixture_fails ("picture.txt", AG_IMPORT_ERROR, AG_IMPORT_ERROR_BINARY,
                        "is a binary file, not a document");
  assert_fixture_fails ("case.txt", AG_IMPORT_ERROR, AG_IMPORT_ERROR_BINARY,
                        "is a database, not a document");

  items = import_data ("GIF89a\x01\x00\x01\x00", 10, "a.html", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  items = import_data ("text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11", -1, "b.txt", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_BINARY);
}

static void
test_detect (void)
{
  static const struct {
    const char *fixture;
    const char *filename; /* NULL: the fixture's own */
    AgFormat    format;
  } cases[] = {
    { "article.txt", NULL, AG_FORMAT_TEXT },
    { "article.txt", "article.md", AG_FORMAT_MARKDOWN },
    { "article.txt", "article.json", AG_FORMAT_TEXT },
    { "statement.md", NULL, AG_FORMAT_MARKDOWN },
    { "sanctions.html", "sanctions.txt", AG_FORMAT_HTML },
    { "really-html.txt", NULL, AG_FORMAT_HTML },
    { "latin1.html", NULL, AG_FORMAT_HTML },
    { "statement.pdf", "statement.txt", AG_FORMAT_PDF },
    { "brochure.html", NULL, AG_FORMAT_PDF },
    { "truncated.pdf", NULL, AG_FORMAT_PDF },
    { "extraction.json", "extraction.txt", AG_FORMAT_JSON },
    { "extractions.json", NULL, AG_FORMAT_JSON },
    { "invalid.json", NULL, AG_FORMAT_JSON },
    { "invalid.json", "invalid.txt", AG_FORMAT_TEXT },
    { "picture.txt", NULL, AG_FORMAT_UNKNOWN },
    { "case.txt", "case.actorgraph", AG_FORMAT_UNKNOWN },
    { "utf16le.txt", NULL, AG_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].fixture);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_test_message ("%s as %s", cases[i].fixture, cases[i].filename);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ag_importer_detect (contents, length,
                                           cases[i].filename ? cases[i].filename : cases[i].fixture),
                       ==, cases[i].format);
    }

  /* A text that starts with a bracket is still text. */
  g_assert_cmpint (ag_importer_detect ("[Update] Velland says", 21, "note.txt"), ==, AG_FORMAT_TEXT);
  g_assert_cmpint (ag_importer_detect ("  [1, 2]", 8, "list.txt"), ==, AG_FORMAT_JSON);
  g_assert_cmpint (ag_importer_detect ("x < y and <p> in prose", 22, NULL), ==, AG_FORMAT_TEXT);
  g_assert_cmpint (ag_importer_detect ("MZ Velland", 10, NULL), ==, AG_FORMAT_TEXT);

  /* Markdown may hold HTML tags; only a whole page makes it HTML. */
  g_assert_cmpint (ag_importer_detect ("<div align=\"center\">\n\n# Title\n", 30, "README.md"), ==,
                   AG_FORMAT_MARKDOWN);
  g_assert_cmpint (ag_importer_detect ("<div align=\"center\">\n\n# Title\n", 30, "README.txt"), ==,
                   AG_FORMAT_HTML);
  g_assert_cmpint (ag_importer_detect ("<!DOCTYPE html><p>x</p>", 23, "page.md"), ==, AG_FORMAT_HTML);
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  AgImportItem *item;
  const AgExtractedClaim *claim;
  const char *text;

  items = import_fixture ("extraction.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);

  item = g_ptr_array_index (items, 0);
  g_assert_nonnull (item->extraction);
  g_assert_cmpstr (ag_document_get_title (item->document), ==,
                   "Ostmark minister links Kestrel Spider to Marovia");
  g_assert_cmpstr (ag_document_get_media_type (item->document), ==, "application/json");
  g_assert_cmpstr (ag_document_get_source (item->document), ==,
                   "https://news.example.org/2024/04/08/soberg");
  assert_date (ag_document_get_published (item->document), "2024-04-08T00:00:00Z");

  text = ag_document_get_text (item->document);
  g_assert_cmpstr (text, ==, ag_extraction_get_text (item->extraction));
  hash = ag_content_hash (text, strlen (text));
  g_assert_cmpstr (ag_document_get_content_hash (item->document), ==, hash);

  /* Evidence offsets are characters of the document text. */
  g_assert_cmpuint (ag_extraction_get_n_claims (item->extraction), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *span = NULL;

      claim = ag_extraction_get_claim (item->extraction, i);
      span = ag_document_dup_span (item->document, claim->start, claim->end);
      g_assert_cmpstr (span, ==, claim->evidence);
    }
}

/* What an item brings to the case: an extraction file's own claims, the
 * extractor's for a plain document new to the case, nothing for one the
 * case already holds. */
static void
test_ensure_extraction (void)
{
  static const char text[] = "The United Kingdom accused China of cyber attacks on its parliament.";
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GPtrArray) carried = NULL;
  g_autoptr(GError) error = NULL;
  AgImportItem *item;
  AgExtraction *own;

  plain = import_data (text, -1, "note.txt", &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (plain, 0);
  g_assert_null (item->extraction);
  ag_import_item_ensure_extraction (item, FALSE, "note.txt");
  g_assert_nonnull (item->extraction);
  g_assert_cmpuint (ag_extraction_get_n_actors (item->extraction), >=, 2);

  known = import_data (text, -1, "note.txt", &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (known, 0);
  ag_import_item_ensure_extraction (item, TRUE, "note.txt");
  g_assert_null (item->extraction);

  carried = import_fixture ("extraction.json", &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (carried, 0);
  own = item->extraction;
  g_assert_nonnull (own);
  ag_import_item_ensure_extraction (item, FALSE, "extraction.json");
  g_assert_true (item->extraction == own);
  g_assert_cmpuint (ag_extraction_get_n_claims (item->extraction), ==, 3);
}

static void
test_json_array (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("extractions.json");
  AgImportItem *first;
  AgImportItem *second;

  items = import_fixture ("extractions.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);

  first = g_ptr_array_index (items, 0);
  second = g_ptr_array_index (items, 1);
  g_assert_cmpstr (ag_document_get_title (first->document), ==, "First report");
  g_assert_cmpstr (ag_document_get_title (second->document), ==, "second.txt");
  g_assert_cmpstr (ag_document_get_source (first->document), ==, path);
  g_assert_cmpstr (ag_document_get_text (first->document), ==, "");
  g_assert_null (ag_document_get_published (first->document));
  assert_date (ag_document_get_published (second->document), "2024-06-01T10:00:00Z");
  g_assert_cmpint (ag_extraction_get_claim (second->extraction, 0)->kind, ==, AG_CLAIM_SANCTIONS);

  /* Without text, the hash comes from the extraction: different for the
   * two, the same when the file is read again. */
  {
    g_autoptr(JsonNode) node = ag_extraction_to_json (first->extraction);
    g_autofree char *json = json_to_string (node, FALSE);
    g_autofree char *hash = ag_content_hash (json, strlen (json));

    g_assert_cmpstr (ag_document_get_content_hash (first->document), ==, hash);
  }
  g_assert_cmpstr (ag_document_get_content_hash (first->document), !=,
                   ag_document_get_content_hash (second->document));

  again = import_fixture ("extractions.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ag_document_get_content_hash (first->document), ==,
                   ag_document_get_content_hash (((AgImportItem *) g_ptr_array_index (again, 0))->document));
}

static void
test_json_invalid (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  /* The trailing comma is on line 4, column 43. */
  assert_fixture_fails ("invalid.json", AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE,
                        "is not valid JSON: 4:43: unexpected character `,', expected character `]'");

  items = import_data ("[]", -1, "a.json", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  items = import_data ("[{\"document\": \"a\"}, 3]", -1, "b.json", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "item 2 is not an extraction object");
  g_clear_error (&error);

  items = import_data ("[[]]", -1, "c.json", &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "item 1 is not an extraction object");
  g_clear_error (&error);

  /* An invalid extraction says what is wrong, and in which item. */
  items = import_data ("{\"actors\": [{\"name\": \"Velland\", \"kind\": \"planet\"}]}", -1, "d.json", &error);
  g_assert_null (items);
  g_assert_error (error, AG_EXTRACTION_ERROR, AG_EXTRACTION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "actor 1: unknown kind “planet”");
  g_clear_error (&error);

  items = import_data ("[{}, {\"claims\": [{\"kind\": \"accuses\", \"subject\": \"Nobody\"}]}]",
                       -1, "e.json", &error);
  g_assert_null (items);
  g_assert_error (error, AG_EXTRACTION_ERROR, AG_EXTRACTION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "item 2: claim 1: subject “Nobody” is not in the actor list");
}

static void
test_file_errors (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "import", NULL);
  g_autofree char *missing = fixture_path ("no-such-file.txt");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  file = g_file_new_for_path (dir);
  items = ag_importer_load_file (file, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_clear_object (&file);

  file = g_file_new_for_path (missing);
  items = ag_importer_load_file (file, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&file);

  /* A cancelled read stops. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *path = fixture_path ("article.txt");

    g_cancellable_cancel (cancellable);
    file = g_file_new_for_path (path);
    items = ag_importer_load_file (file, cancellable, &error);
    g_assert_null (items);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_too_large (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int fd;

  dir = g_dir_make_tmp ("ag-importer-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.txt", NULL);

  /* A sparse file: large, but it takes no room and is never read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) AG_IMPORT_MAX_SIZE + 1), ==, 0);
  g_close (fd, NULL);

  file = g_file_new_for_path (path);
  items = ag_importer_load_file (file, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, AG_IMPORT_ERROR, AG_IMPORT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/text", test_text);
  g_test_add_func ("/importer/ensure-extraction", test_ensure_extraction);
  g_test_add_func ("/importer/text-title", test_text_title);
  g_test_add_func ("/importer/utf16", test_utf16);
  g_test_add_func ("/importer/latin1-text", test_latin1_text);
  g_test_add_func ("/importer/markdown", test_markdown);
  g_test_add_func ("/importer/markdown-titles", test_markdown_titles);
  g_test_add_func ("/importer/html", test_html);
  g_test_add_func ("/importer/html-latin1", test_html_latin1);
  g_test_add_func ("/importer/html-encodings", test_html_encodings);
  g_test_add_func ("/importer/html-in-txt", test_html_in_txt);
  g_test_add_func ("/importer/pdf", test_pdf);
  g_test_add_func ("/importer/pdf-as-html", test_pdf_as_html);
  g_test_add_func ("/importer/pdf-broken", test_pdf_broken);
  g_test_add_func ("/importer/empty", test_empty);
  g_test_add_func ("/importer/binary", test_binary);
  g_test_add_func ("/importer/detect", test_detect);
  g_test_add_func ("/importer/json", test_json);
  g_test_add_func ("/importer/json-array", test_json_array);
  g_test_add_func ("/importer/json-invalid", test_json_invalid);
  g_test_add_func ("/importer/file-errors", test_file_errors);
  g_test_add_func ("/importer/too-large", test_too_large);

  return g_test_run ();
}
