/* ag-text.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Segmentation of text into sentences and tokens, on Pango's Unicode word
 * and sentence boundaries. Text is handled a paragraph at a time, so that
 * memory stays bounded whatever the document's length. */

typedef enum
{
  AG_TOKEN_WORD        = 1 << 0, /* letters or digits */
  AG_TOKEN_PUNCT       = 1 << 1, /* one punctuation or symbol character */
  AG_TOKEN_CAPITALIZED = 1 << 2, /* starts with an upper-case letter */
  AG_TOKEN_ALL_CAPS    = 1 << 3, /* two or more letters, all upper case */
  AG_TOKEN_DIGITS      = 1 << 4, /* contains a digit */
  AG_TOKEN_POSSESSIVE  = 1 << 5, /* followed by ’s, which is not a token */
  AG_TOKEN_ABBREV      = 1 << 6, /* letters joined from "U.S." and the like */
  AG_TOKEN_SENT_START  = 1 << 7, /* the first token of a sentence */
  AG_TOKEN_QUOTE       = 1 << 8, /* a quotation mark */
  AG_TOKEN_HYPHEN      = 1 << 9, /* a hyphen or dash joining two words */
} AgTokenFlags;

typedef struct
{
  guint  start;     /* byte offsets into the paragraph */
  guint  end;
  glong  cstart;    /* character offsets into the document */
  glong  cend;
  guint  sentence;  /* index of the sentence within the paragraph */
  guint  flags;
  guint  id;        /* vocabulary id (see AgGazetteer), 0 when unknown */
  guint  classes;   /* the extractor's word classes, a bit mask */
  char  *norm;      /* normal form: case-folded, "U.S." → "us"; in the paragraph's chunk */
} AgToken;

typedef struct
{
  const char   *text;       /* the paragraph, not nul-terminated */
  gsize         length;     /* in bytes */
  glong         cstart;     /* character offset of its start in the document */
  GArray       *tokens;     /* AgToken */
  guint         n_sentences;
  GStringChunk *chunk;
} AgParagraph;

typedef gboolean (*AgParagraphFunc) (AgParagraph *paragraph,
                                     gpointer     user_data);

void   ag_text_foreach_paragraph (const char      *text,
                                  gsize            length,
                                  AgParagraphFunc  func,
                                  gpointer         user_data);
void   ag_text_tokenize          (AgParagraph     *paragraph);
char  *ag_text_normalize_word    (const char      *word,
                                  gssize           length);

G_END_DECLS
