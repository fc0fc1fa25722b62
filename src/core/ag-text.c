/* ag-text.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-text"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "ag-text.h"

/* Lines longer than this are cut at a space, so that the break attributes
 * of one piece stay small whatever the document holds. */
#define MAX_PARAGRAPH (64 * 1024)

static gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
    case '\'':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/**
 * ag_text_normalize_word:
 * @word: a word
 * @length: its length in bytes, or -1
 *
 * Returns: (transfer full): the word case-folded, the form under which the
 *   gazetteer looks it up
 */
char *
ag_text_normalize_word (const char *word,
                        gssize      length)
{
  gboolean ascii = TRUE;
  char *out;

  if (length < 0)
    length = strlen (word);

  for (gssize i = 0; i < length; i++)
    if ((guchar)word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (!ascii)
    return g_utf8_casefold (word, length);

  out = g_malloc (length + 1);
  for (gssize i = 0; i < length; i++)
    out[i] = g_ascii_tolower (word[i]);
  out[length] = '\0';
  return out;
}

static void
set_norm (AgParagraph *paragraph,
          AgToken     *token,
          const char  *text,
          gsize        length)
{
  char buffer[128];
  gboolean ascii = length < sizeof buffer;

  for (gsize i = 0; ascii && i < length; i++)
    {
      if ((guchar)text[i] >= 0x80)
        ascii = FALSE;
      else
        buffer[i] = g_ascii_tolower (text[i]);
    }

  if (ascii)
    token->norm = g_string_chunk_insert_len (paragraph->chunk, buffer, length);
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, length);

      token->norm = g_string_chunk_insert (paragraph->chunk, folded);
    }
}

static guint
word_flags (const char *text,
            gsize       length)
{
  guint flags = AG_TOKEN_WORD;
  guint letters = 0;
  guint upper = 0;
  gunichar first = g_utf8_get_char (text);

  if (g_unichar_isupper (first) || g_unichar_istitle (first))
    flags |= AG_TOKEN_CAPITALIZED;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        flags |= AG_TOKEN_DIGITS;
      if (g_unichar_isalpha (c))
        {
          letters++;
          if (g_unichar_isupper (c))
            upper++;
        }
    }

  if (letters >= 2 && upper == letters)
    flags |= AG_TOKEN_ALL_CAPS;

  return flags;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026 ||
         c == 0x3002 || c == 0xFF01 || c == 0xFF1F || is_quote (c) || c == ')' || c == ']';
}

/* Whether the last character before @p that is not white space closes a
 * sentence (or there is none). */
static gboolean
after_terminal (const char *text,
                const char *p)
{
  while (p > text)
    {
      const char *prev = g_utf8_find_prev_char (text, p);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c))
        return is_terminal (c);
      p = prev;
    }
  return TRUE;
}

static gboolean
continues_sentence (GArray *tokens,
                    guint   k)
{
  static const char * const titles[] = { "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sen", "rep", "gov", "prof" };
  AgToken *prev = &g_array_index (tokens, AgToken, k - 1);

  if (prev->flags & AG_TOKEN_ABBREV)
    return TRUE;
  if (k >= 2 && g_str_equal (prev->norm, "."))
    {
      const char *word = g_array_index (tokens, AgToken, k - 2).norm;

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        if (g_str_equal (word, titles[i]))
          return TRUE;
    }
  return FALSE;
}

/**
 * ag_text_tokenize:
 * @paragraph: a paragraph whose text and offsets are set
 *
 * Fills the paragraph's tokens: words on Pango's word boundaries, and each
 * punctuation character as a token of its own. Possessive ’s is folded
 * into the flags of its word, letters with full stops ("U.S.") are joined,
 * and hyphens between words are marked so that "Dev-0391" and "Dev 0391"
 * look alike to the gazetteer.
 */
void
ag_text_tokenize (AgParagraph *paragraph)
{
  const char *text = paragraph->text;
  glong n_chars = g_utf8_strlen (text, paragraph->length);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  g_autoptr(GArray) raw = g_array_new (FALSE, TRUE, sizeof (AgToken));
  GArray *tokens = paragraph->tokens;
  guint sentence = 0;
  gboolean seen_token = FALSE;
  const char *p = text;
  glong i = 0;

  g_array_set_size (tokens, 0);
  if (n_chars == 0)
    {
      paragraph->n_sentences = 0;
      return;
    }

  pango_get_log_attrs (text, paragraph->length, -1, pango_language_from_string ("en"),
                       attrs, n_chars + 1);

  while (i < n_chars)
    {
      gunichar c = g_utf8_get_char (p);
      AgToken token = { 0 };

      /* A line break inside a sentence ("Volt\nTyphoon", hard-wrapped
       * text) is no end of one: only a break after closing punctuation is. */
      if (attrs[i].is_sentence_boundary && seen_token && after_terminal (text, p))
        {
          sentence++;
          seen_token = FALSE;
        }

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          i++;
          continue;
        }

      token.start = p - text;
      token.cstart = paragraph->cstart + i;
      token.sentence = sentence;

      if (attrs[i].is_word_start && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          do
            {
              p = g_utf8_next_char (p);
              i++;
            }
          while (i < n_chars && !attrs[i].is_word_end);
          token.flags = word_flags (text + token.start, (p - text) - token.start);
        }
      else
        {
          p = g_utf8_next_char (p);
          i++;
          token.flags = AG_TOKEN_PUNCT;
          if (is_quote (c))
            token.flags |= AG_TOKEN_QUOTE;
        }

      token.end = p - text;
      token.cend = paragraph->cstart + i;
      seen_token = TRUE;
      g_array_append_val (raw, token);
    }
  paragraph->n_sentences = sentence + 1;

  /* Second pass: joins and marks that need neighbours. */
  for (guint k = 0; k < raw->len; k++)
    {
      AgToken *t = &g_array_index (raw, AgToken, k);
      AgToken *next = k + 1 < raw->len ? &g_array_index (raw, AgToken, k + 1) : NULL;
      AgToken *after = k + 2 < raw->len ? &g_array_index (raw, AgToken, k + 2) : NULL;
      gunichar c = g_utf8_get_char (text + t->start);

      /* ’s after a word belongs to it. */
      if ((t->flags & AG_TOKEN_WORD) && next != NULL && after != NULL &&
          next->start == t->end && after->start == next->end &&
          is_apostrophe (g_utf8_get_char (text + next->start)) &&
          after->end - after->start == 1 && (text[after->start] == 's' || text[after->start] == 'S') &&
          (k + 3 >= raw->len || g_array_index (raw, AgToken, k + 3).start > after->end ||
           !(g_array_index (raw, AgToken, k + 3).flags & AG_TOKEN_WORD)))
        {
          t->flags |= AG_TOKEN_POSSESSIVE;
          set_norm (paragraph, t, text + t->start, t->end - t->start);
          g_array_append_val (tokens, *t);
          k += 2;
          continue;
        }

      /* Plural possessive: "allies’ networks". */
      if ((t->flags & AG_TOKEN_WORD) && next != NULL && next->start == t->end &&
          is_apostrophe (g_utf8_get_char (text + next->start)) &&
          t->end > t->start && (text[t->end - 1] == 's') &&
          (after == NULL || after->start > next->end))
        {
          t->flags |= AG_TOKEN_POSSESSIVE;
          set_norm (paragraph, t, text + t->start, t->end - t->start);
          g_array_append_val (tokens, *t);
          k += 1;
          continue;
        }

      /* "U.S.", "U.K.", "E.U.": single letters with full stops. */
      if ((t->flags & AG_TOKEN_WORD) && t->end - t->start == 1 && g_ascii_isupper (text[t->start]) &&
          next != NULL && next->start == t->end && text[next->start] == '.' &&
          after != NULL && after->start == next->end && (after->flags & AG_TOKEN_WORD) &&
          after->end - after->start == 1 && g_ascii_isupper (text[after->start]))
        {
          char letters[16];
          guint n = 0;
          guint m = k;
          AgToken joined = *t;

          while (m + 1 < raw->len && n < sizeof letters - 1)
            {
              AgToken *letter = &g_array_index (raw, AgToken, m);
              AgToken *dot = &g_array_index (raw, AgToken, m + 1);

              if (!(letter->flags & AG_TOKEN_WORD) || letter->end - letter->start != 1 ||
                  !g_ascii_isupper (text[letter->start]) ||
                  (m > k && letter->start != g_array_index (raw, AgToken, m - 1).end) ||
                  dot->start != letter->end || text[dot->start] != '.')
                break;
              letters[n++] = g_ascii_tolower (text[letter->start]);
              joined.end = dot->end;
              joined.cend = dot->cend;
              m += 2;
            }
          letters[n] = '\0';
          joined.flags = AG_TOKEN_WORD | AG_TOKEN_CAPITALIZED | AG_TOKEN_ALL_CAPS | AG_TOKEN_ABBREV;
          joined.norm = g_string_chunk_insert (paragraph->chunk, letters);
          /* ’s after "U.S." */
          if (m + 1 < raw->len &&
              is_apostrophe (g_utf8_get_char (text + g_array_index (raw, AgToken, m).start)) &&
              g_array_index (raw, AgToken, m).start == joined.end &&
              text[g_array_index (raw, AgToken, m + 1).start] == 's')
            {
              joined.flags |= AG_TOKEN_POSSESSIVE;
              m += 2;
            }
          g_array_append_val (tokens, joined);
          k = m - 1;
          continue;
        }

      if ((t->flags & AG_TOKEN_PUNCT) && is_hyphen (c) && tokens->len > 0 && next != NULL &&
          g_array_index (tokens, AgToken, tokens->len - 1).end == t->start && next->start == t->end)
        t->flags |= AG_TOKEN_HYPHEN;

      set_norm (paragraph, t, text + t->start, t->end - t->start);
      g_array_append_val (tokens, *t);
    }

  /* Sentences: a full stop after an abbreviation such as "U.S." or "Mr."
   * does not end one, whatever the break rules guessed. */
  {
    guint shift = 0;
    guint prev_raw = 0;

    for (guint k = 0; k < tokens->len; k++)
      {
        AgToken *t = &g_array_index (tokens, AgToken, k);
        guint raw_sentence = t->sentence;

        if (k > 0 && raw_sentence != prev_raw && continues_sentence (tokens, k))
          shift++;
        prev_raw = raw_sentence;
        t->sentence = raw_sentence - shift;
      }
  }

  for (guint k = 0; k < tokens->len; k++)
    {
      AgToken *t = &g_array_index (tokens, AgToken, k);

      if (k == 0 || t->sentence != g_array_index (tokens, AgToken, k - 1).sentence)
        t->flags |= AG_TOKEN_SENT_START;
    }
  paragraph->n_sentences = tokens->len > 0 ? g_array_index (tokens, AgToken, tokens->len - 1).sentence + 1 : 0;
}

/**
 * ag_text_foreach_paragraph:
 * @text: UTF-8 text
 * @length: its length in bytes
 * @func: called with each paragraph, tokenized; returns %FALSE to stop
 * @user_data: for @func
 *
 * Calls @func on each line of @text that holds anything but white space.
 * A line longer than 64 KB is cut at white space into pieces.
 */
void
ag_text_foreach_paragraph (const char      *text,
                           gsize            length,
                           AgParagraphFunc  func,
                           gpointer         user_data)
{
  AgParagraph paragraph = { 0 };
  const char *end = text + length;
  const char *p = text;
  glong cstart = 0;

  paragraph.tokens = g_array_new (FALSE, TRUE, sizeof (AgToken));
  paragraph.chunk = g_string_chunk_new (4096);

  while (p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      const char *piece_end;
      gboolean blank = TRUE;

      if (line_end == NULL)
        line_end = end;

      /* A line that stops mid-sentence and goes on in lower case on the
       * next is one paragraph, hard-wrapped. */
      while (line_end < end && line_end - p < MAX_PARAGRAPH && !after_terminal (p, line_end))
        {
          const char *next = line_end + 1;
          const char *next_end;

          while (next < end && (*next == ' ' || *next == '\t' || *next == '\r'))
            next++;
          if (next >= end || *next == '\n' || !g_unichar_islower (g_utf8_get_char_validated (next, end - next)))
            break;
          next_end = memchr (next, '\n', end - next);
          line_end = next_end != NULL ? next_end : end;
        }

      piece_end = line_end;
      if (piece_end - p > MAX_PARAGRAPH)
        {
          piece_end = p + MAX_PARAGRAPH;
          while (piece_end > p + MAX_PARAGRAPH / 2 && *piece_end != ' ')
            piece_end--;
          /* Never cut inside a character. */
          while (piece_end > p && ((guchar)*piece_end & 0xC0) == 0x80)
            piece_end--;
        }

      for (const char *q = p; q < piece_end; q++)
        if (!g_ascii_isspace (*q))
          {
            blank = FALSE;
            break;
          }

      if (!blank)
        {
          paragraph.text = p;
          paragraph.length = piece_end - p;
          paragraph.cstart = cstart;
          g_string_chunk_clear (paragraph.chunk);
          ag_text_tokenize (&paragraph);
          if (!func (&paragraph, user_data))
            break;
        }

      cstart += g_utf8_strlen (p, piece_end - p);
      if (piece_end == line_end && line_end < end)
        {
          cstart++; /* the newline */
          p = line_end + 1;
        }
      else
        p = piece_end;
    }

  g_array_unref (paragraph.tokens);
  g_string_chunk_free (paragraph.chunk);
}
