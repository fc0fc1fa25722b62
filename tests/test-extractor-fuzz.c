/* test-extractor-fuzz.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-extractor-fuzz"

#include "config.h"

#include <string.h>

#include "ag-extractor.h"

/* Feeds the extractor random bytes, random text and mutated documents for
 * a bounded time, and checks the invariants that hold for any input. The
 * inputs come from g_test_rand, so a failure reproduces with --seed; the
 * failing input is also written to the test's log. */

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif
#ifndef SANITIZED
# define SANITIZED 0
#endif

/* Seconds per test case; three cases. */
#define BUDGET (SANITIZED ? 20 : 6)

static const char * const seeds[] = {
  "Britain accuses Russian hackers\n"
  "LONDON (Reuters) - The United Kingdom on Tuesday accused the Russian state-sponsored group "
  "APT28 of hacking the U.K.’s electoral watchdog, Foreign Secretary Margaret Hale said.\n"
  "“We will hold them to account,” Hale said. The Kremlin called it “Russophobic hysteria”.\n",

  "Chinese Foreign Ministry spokesperson Lin Jian said the accusations by the U.S. and its "
  "allies were groundless. China’s government firmly opposes hacking, Lin said, and is "
  "willing to cooperate with all countries.\n",

  "Joint advisory: the NSA, the FBI, CISA and the UK National Cyber Security Centre (NCSC) "
  "assess that PRC state-sponsored actors known as Volt Typhoon (also Dev-0391, Vanguard "
  "Panda) compromised water utilities in the United States and Guam.\n"
  "Co-authored by:\nAustralian Signals Directorate\nCanadian Centre for Cyber Security\n",

  "The Treasury Department sanctioned the Lazarus Group; the Justice Department indicted two "
  "GRU officers. The EU imposed sanctions on APT31. Estonia, Latvia and Lithuania are "
  "members of NATO and the European Union.\r\nSweden joined NATO in 2024.\r\n",
};

static const char * const words[] = {
  "China", "China’s", "Russia's", "U.S.", "U.K.", "US", "us", "UK", "NATO", "EU", "APT28",
  "APT 31", "Volt", "Typhoon", "Dev-0391", "Lazarus", "Group", "Sandworm", "GRU", "NSA",
  "FBI", "CISA", "NCSC", "Kremlin", "Beijing", "Moscow", "Chinese", "Russian", "state-sponsored",
  "state-affiliated", "accused", "accuses", "denied", "rejected", "groundless", "disinformation",
  "sanctioned", "indicted", "charged", "members", "member", "of", "the", "and", "said",
  "spokesperson", "spokesman", "Lin", "Jian", "Mr.", "Dr.", "Foreign", "Ministry", "targeted",
  "hacked", "breached", "cooperate", "with", "also", "known", "as", "(", ")", "“", "”", "\"",
  "'", "’s", "-", "—", ",", ".", ";", ":", "2024", "Ελλάδα", "北京", "Zürich", "Україна",
  "🛰️", "e\xcc\x81", "\t", "\n", "\r\n", " ", "  ", "A.", "B.", "C.", "X.Y.Z.",
  "\xc2\xa0", "\xe2\x80\x83", "\xe3\x80\x80",
};

/* Inputs that hit a crash already reported: a line made only of Unicode
 * white space (U+00A0, U+2003, ...) passes ag-text.c's ASCII blank test
 * but has no tokens, and extract_paragraph() then reads token 0 of an
 * empty array (ag-extractor.c, the sentence loop). They are counted and
 * skipped so that the fuzzing goes on finding other faults; see
 * tests/fixtures/extractor/crash-unicode-space-line.txt. */
static guint n_known_crashes;

static gboolean
hits_known_crash (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gboolean ascii_blank = TRUE;
      gboolean blank = TRUE;

      for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_ascii_isspace (*p))
            ascii_blank = FALSE;
          if (!g_unichar_isspace (c))
            blank = FALSE;
        }
      if (blank && !ascii_blank)
        return TRUE;
      if (*p == '\n')
        p++;
    }
  return FALSE;
}

static void
check (AgExtraction *x,
       const char   *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(AgExtraction) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (x);
  for (guint i = 0; i < ag_extraction_get_n_claims (x); i++)
    {
      const AgExtractedClaim *c = ag_extraction_get_claim (x, i);
      g_autofree char *span = NULL;

      g_assert_nonnull (c->subject);
      g_assert_nonnull (ag_extraction_find_actor (x, c->subject));
      g_assert_true (c->speaker == NULL || ag_extraction_find_actor (x, c->speaker) != NULL);
      g_assert_true (c->object == NULL || ag_extraction_find_actor (x, c->object) != NULL);
      g_assert_cmpint (0, <=, c->start);
      g_assert_cmpint (c->start, <=, c->end);
      g_assert_cmpint (c->end, <=, n_chars);
      span = g_utf8_substring (text, c->start, c->end);
      g_assert_cmpstr (span, ==, c->evidence);
      g_assert_cmpfloat (c->confidence, >=, 0.0);
      g_assert_cmpfloat (c->confidence, <=, 1.0);
    }
  for (guint i = 0; i < ag_extraction_get_n_actors (x); i++)
    {
      const AgExtractedActor *a = ag_extraction_get_actor (x, i);

      g_assert_nonnull (a->name);
      g_assert_true (g_utf8_validate (a->name, -1, NULL));
      g_assert_cmpstr (a->name, !=, "");
    }

  /* Round trip through the JSON format, with the text. */
  ag_extraction_set_text (x, text);
  node = ag_extraction_to_json (x);
  g_assert_nonnull (node);
  back = ag_extraction_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (ag_extraction_get_n_actors (back), ==, ag_extraction_get_n_actors (x));
  g_assert_cmpuint (ag_extraction_get_n_claims (back), ==, ag_extraction_get_n_claims (x));
  g_assert_cmpstr (ag_extraction_get_text (back), ==, text);
  for (guint i = 0; i < ag_extraction_get_n_claims (x); i++)
    {
      const AgExtractedClaim *a = ag_extraction_get_claim (x, i);
      const AgExtractedClaim *b = ag_extraction_get_claim (back, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->subject, ==, b->subject);
      g_assert_cmpstr (a->speaker, ==, b->speaker);
      g_assert_cmpstr (a->object, ==, b->object);
      g_assert_cmpstr (a->evidence, ==, b->evidence);
      g_assert_cmpint (a->start, ==, b->start);
      g_assert_cmpint (a->end, ==, b->end);
    }
}

/* Runs the extractor on @bytes and checks the result against the text as
 * the extractor repairs it. */
static void
run_one (AgExtractor *extractor,
         const char  *bytes,
         gsize        length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) x = NULL;
  g_autofree char *repaired = NULL;
  const char *text = bytes;

  /* NUL bytes are invalid too, and become U+FFFD. */
  if (!g_utf8_validate_len (bytes, length, NULL))
    text = repaired = g_utf8_make_valid (bytes, length);

  if (hits_known_crash (text))
    {
      n_known_crashes++;
      return;
    }

  if (g_test_verbose ())
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      g_test_message ("input: %s", escaped);
    }

  x = ag_extractor_extract (extractor, bytes, length, "fuzz.txt", NULL, &error);
  g_assert_no_error (error);
  if (x == NULL)
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      g_test_message ("input: %s", escaped);
    }
  check (x, text);
}

static void
report_known_crashes (void)
{
  if (n_known_crashes == 0)
    return;
  g_test_message ("%u inputs skipped: a line of only Unicode white space crashes the extractor",
                  n_known_crashes);
  g_test_incomplete ("lines of only Unicode white space crash ag_extractor_extract");
  n_known_crashes = 0;
}

static AgExtractor *
extractor (void)
{
  static AgExtractor *self;

  if (self == NULL)
    self = ag_extractor_new (ag_knowledge_get_default ());
  return self;
}

static GRand *
new_rand (void)
{
  return g_rand_new_with_seed (g_test_rand_int ());
}

static void
random_text (GRand   *rand,
             GString *out,
             guint    n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
          /* a random code point, from anywhere but the surrogates */
          {
            gunichar c;

            do
              c = g_rand_int_range (rand, 1, 0x30000);
            while (!g_unichar_validate (c));
            g_string_append_unichar (out, c);
          }
          break;
        case 1:
          /* a capitalised made-up word */
          g_string_append_c (out, 'A' + g_rand_int_range (rand, 0, 26));
          for (gint k = g_rand_int_range (rand, 0, 8); k > 0; k--)
            g_string_append_c (out, 'a' + g_rand_int_range (rand, 0, 26));
          break;
        default:
          g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          break;
        }
      if (g_rand_int_range (rand, 0, 4) != 0)
        g_string_append_c (out, ' ');
    }
}

static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = new_rand ();
  gint64 deadline = g_get_monotonic_time () + BUDGET * G_USEC_PER_SEC;
  guint n = 0;

  while (g_get_monotonic_time () < deadline)
    {
      gsize length = g_rand_int_range (rand, 0, n % 50 == 0 ? 65536 : 512);
      g_autofree char *bytes = g_malloc (length + 1);
      /* Mostly ASCII, sometimes any byte. */
      gboolean any = g_rand_boolean (rand);

      for (gsize i = 0; i < length; i++)
        bytes[i] = any ? (char)g_rand_int_range (rand, 0, 256)
                       : (char)g_rand_int_range (rand, 9, 127);
      bytes[length] = '\0';
      run_one (extractor (), bytes, length);
      n++;
    }
  g_test_message ("%u random byte strings", n);
  report_known_crashes ();
  g_assert_cmpuint (n, >, 100);
}

static void
test_random_text (void)
{
  g_autoptr(GRand) rand = new_rand ();
  gint64 deadline = g_get_monotonic_time () + BUDGET * G_USEC_PER_SEC;
  guint n = 0;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      random_text (rand, s, g_rand_int_range (rand, 0, n % 100 == 0 ? 5000 : 120));
      run_one (extractor (), s->str, s->len);
      n++;
    }
  g_test_message ("%u random texts", n);
  report_known_crashes ();
  g_assert_cmpuint (n, >, 100);
}

static void
mutate (GRand   *rand,
        GString *s)
{
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n; i++)
    {
      gsize pos = s->len > 0 ? g_rand_int_range (rand, 0, s->len) : 0;

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0: /* flip a bit */
          if (s->len > 0)
            s->str[pos] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1: /* truncate, maybe inside a character */
          g_string_truncate (s, pos);
          break;
        case 2: /* splice in a part of another seed */
          {
            const char *other = seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))];
            gsize from = g_rand_int_range (rand, 0, strlen (other));
            gsize len = g_rand_int_range (rand, 0, strlen (other) - from + 1);

            g_string_insert_len (s, pos, other + from, len);
          }
          break;
        case 3: /* duplicate a line */
          {
            const char *start = s->str + pos;
            const char *end;

            while (start > s->str && start[-1] != '\n')
              start--;
            end = strchr (start, '\n');
            if (end == NULL)
              end = s->str + s->len;
            {
              g_autofree char *line = g_strndup (start, end - start + (*end == '\n'));

              g_string_insert (s, start - s->str, line);
            }
          }
          break;
        case 4: /* delete a stretch */
          {
            gsize len = g_rand_int_range (rand, 1, 40);

            if (s->len > 0)
              g_string_erase (s, pos, MIN (len, s->len - pos));
          }
          break;
        case 5: /* insert words */
          {
            g_autoptr(GString) w = g_string_new (NULL);

            random_text (rand, w, g_rand_int_range (rand, 1, 6));
            g_string_insert (s, pos, w->str);
          }
          break;
        default: /* replace a byte by one that often matters */
          if (s->len > 0)
            s->str[pos] = "\n\r .’'\"-()\xe2\x80\x99\x80\xff"[g_rand_int_range (rand, 0, 16)];
          break;
        }
    }
}

static void
test_mutations (void)
{
  g_autoptr(GRand) rand = new_rand ();
  gint64 deadline = g_get_monotonic_time () + BUDGET * G_USEC_PER_SEC;
  guint n = 0;

  /* The seeds themselves first. */
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    run_one (extractor (), seeds[i], strlen (seeds[i]));

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GString) s = g_string_new (seeds[g_rand_int_range (rand, 0, G_N_ELEMENTS (seeds))]);
      guint rounds = g_rand_int_range (rand, 1, 4);

      for (guint r = 0; r < rounds; r++)
        mutate (rand, s);
      run_one (extractor (), s->str, s->len);
      n++;
    }
  g_test_message ("%u mutated documents", n);
  report_known_crashes ();
  g_assert_cmpuint (n, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extractor-fuzz/random-bytes", test_random_bytes);
  g_test_add_func ("/extractor-fuzz/random-text", test_random_text);
  g_test_add_func ("/extractor-fuzz/mutations", test_mutations);

  return g_test_run ();
}
