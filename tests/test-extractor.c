/* test-extractor.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-extractor"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ag-extractor.h"

/* End-to-end extraction on short documents written for these tests, one
 * per genre of the corpus. The expectations follow corpus/GUIDELINES.md. */

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

static AgExtractor *
extractor (void)
{
  static AgExtractor *self;

  if (self == NULL)
    {
      g_assert_nonnull (g_getenv ("AG_KNOWLEDGE_DIR"));
      self = ag_extractor_new (ag_knowledge_get_default ());
    }
  return self;
}

static void
dump (AgExtraction *x)
{
  for (guint i = 0; i < ag_extraction_get_n_actors (x); i++)
    {
      const AgExtractedActor *a = ag_extraction_get_actor (x, i);

      g_test_message ("actor %s (%s)", a->name, ag_actor_kind_to_string (a->kind));
    }
  for (guint i = 0; i < ag_extraction_get_n_claims (x); i++)
    {
      const AgExtractedClaim *c = ag_extraction_get_claim (x, i);

      g_test_message ("claim %s speaker=%s %s -> %s “%s”", ag_claim_kind_to_string (c->kind),
                      c->speaker, c->subject, c->object, c->evidence);
    }
}

/* Checks what holds for every extraction, whatever the text. */
static void
check_invariants (AgExtraction *x,
                  const char   *text)
{
  glong n_chars = g_utf8_strlen (text, -1);

  for (guint i = 0; i < ag_extraction_get_n_claims (x); i++)
    {
      const AgExtractedClaim *c = ag_extraction_get_claim (x, i);
      g_autofree char *span = NULL;

      g_assert_nonnull (c->subject);
      g_assert_nonnull (ag_extraction_find_actor (x, c->subject));
      if (c->speaker != NULL)
        g_assert_nonnull (ag_extraction_find_actor (x, c->speaker));
      if (c->object != NULL)
        g_assert_nonnull (ag_extraction_find_actor (x, c->object));
      g_assert_cmpstr (c->subject, !=, c->object);
      g_assert_cmpint (c->start, >=, 0);
      g_assert_cmpint (c->start, <=, c->end);
      g_assert_cmpint (c->end, <=, n_chars);
      span = g_utf8_substring (text, c->start, c->end);
      g_assert_cmpstr (span, ==, c->evidence);
      g_assert_cmpfloat (c->confidence, >=, 0.0);
      g_assert_cmpfloat (c->confidence, <=, 1.0);

      /* One claim per (kind, speaker, subject, object). */
      for (guint k = 0; k < i; k++)
        {
          const AgExtractedClaim *o = ag_extraction_get_claim (x, k);

          g_assert_false (o->kind == c->kind && g_strcmp0 (o->speaker, c->speaker) == 0 &&
                          g_strcmp0 (o->subject, c->subject) == 0 &&
                          g_strcmp0 (o->object, c->object) == 0);
        }
    }
}

static AgExtraction *
extract (const char *text)
{
  g_autoptr(GError) error = NULL;
  AgExtraction *x;

  x = ag_extractor_extract (extractor (), text, -1, "test.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (x);
  g_assert_cmpstr (ag_extraction_get_document (x), ==, "test.txt");
  dump (x);
  check_invariants (x, text);
  return x;
}

static gboolean
has_actor (AgExtraction *x,
           const char   *name,
           AgActorKind   kind)
{
  const AgExtractedActor *a = ag_extraction_find_actor (x, name);

  return a != NULL && g_str_equal (a->name, name) && a->kind == kind;
}

#define ANY "*"

/* A claim of @kind from @subject to @object (NULL: none) voiced by
 * @speaker (NULL: the journalist; ANY: whoever). */
static const AgExtractedClaim *
find_claim (AgExtraction *x,
            AgClaimKind   kind,
            const char   *speaker,
            const char   *subject,
            const char   *object)
{
  for (guint i = 0; i < ag_extraction_get_n_claims (x); i++)
    {
      const AgExtractedClaim *c = ag_extraction_get_claim (x, i);

      if (c->kind == kind &&
          (g_strcmp0 (subject, ANY) == 0 || g_strcmp0 (c->subject, subject) == 0) &&
          (g_strcmp0 (object, ANY) == 0 || g_strcmp0 (c->object, object) == 0) &&
          (g_strcmp0 (speaker, ANY) == 0 || g_strcmp0 (c->speaker, speaker) == 0))
        return c;
    }
  return NULL;
}

static guint
count_claims (AgExtraction *x,
              AgClaimKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < ag_extraction_get_n_claims (x); i++)
    if (ag_extraction_get_claim (x, i)->kind == kind)
      n++;
  return n;
}

#define assert_claim(x, kind, speaker, subject, object) \
  g_assert_nonnull (find_claim (x, kind, speaker, subject, object))
#define assert_no_claim(x, kind, speaker, subject, object) \
  g_assert_null (find_claim (x, kind, speaker, subject, object))

/* An expectation that GUIDELINES.md settles but that the extractor does
 * not meet yet: the test is marked incomplete instead of failing. */
static gboolean
expect_claim (AgExtraction *x,
              AgClaimKind   kind,
              const char   *speaker,
              const char   *subject,
              const char   *object,
              const char   *why)
{
  if (find_claim (x, kind, speaker, subject, object) != NULL)
    return TRUE;
  g_test_message ("missing: %s speaker=%s %s -> %s", ag_claim_kind_to_string (kind),
                  speaker, subject, object);
  g_test_incomplete (why);
  return FALSE;
}

static gboolean
expect_no_claim (AgExtraction *x,
                 AgClaimKind   kind,
                 const char   *speaker,
                 const char   *subject,
                 const char   *object,
                 const char   *why)
{
  const AgExtractedClaim *c = find_claim (x, kind, speaker, subject, object);

  if (c == NULL)
    return TRUE;
  g_test_message ("unwanted: %s speaker=%s %s -> %s “%s”", ag_claim_kind_to_string (kind),
                  c->speaker, c->subject, c->object, c->evidence);
  g_test_incomplete (why);
  return FALSE;
}

/* Genres */

static void
test_wire_accusation (void)
{
  const char *text =
    "Britain blames Russian spies for think-tank hack\n"
    "LONDON (Reuters) - Britain on Thursday accused the Russian state-sponsored group APT29 "
    "of breaking into the email servers of a London think tank last year, in a statement "
    "read out by Foreign Secretary Margaret Hale.\n"
    "“This reckless behaviour will not go unanswered,” Hale told reporters.\n"
    "Moscow has not commented on the allegation.\n";
  g_autoptr(AgExtraction) x = extract (text);
  const AgExtractedClaim *c;

  g_assert_true (has_actor (x, "United Kingdom", AG_ACTOR_COUNTRY));
  g_assert_true (has_actor (x, "APT29", AG_ACTOR_THREAT_GROUP));
  g_assert_true (has_actor (x, "Russia", AG_ACTOR_COUNTRY));

  /* "Russian state-sponsored group APT29": the group is tied to Russia. */
  c = find_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "APT29", "Russia");
  g_assert_nonnull (c);
  g_assert_nonnull (strstr (c->evidence, "APT29"));
  g_assert_nonnull (strstr (c->evidence, "Russian"));

  /* Britain accuses the group; the official voices it. */
  assert_no_claim (x, AG_CLAIM_ACCUSES, ANY, "APT29", ANY);
  if (expect_claim (x, AG_CLAIM_ACCUSES, ANY, "United Kingdom", "APT29",
                    "“Britain … accused [group] of breaking into the email servers” gives no accuses claim"))
    expect_claim (x, AG_CLAIM_ACCUSES, "Margaret Hale", "United Kingdom", "APT29",
                  "the minister who reads the statement is the speaker (GUIDELINES: most specific voice)");
  g_assert_true (has_actor (x, "Margaret Hale", AG_ACTOR_PERSON));
}

static void
test_wire_accusation_official (void)
{
  const char *text =
    "Deputy Prime Minister Oliver Dowden told parliament that the China state-affiliated "
    "group APT31 had targeted the email accounts of British lawmakers.\n";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_true (has_actor (x, "APT31", AG_ACTOR_THREAT_GROUP));
  g_assert_true (has_actor (x, "China", AG_ACTOR_COUNTRY));
  assert_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "APT31", "China");
  /* "British lawmakers" are unnamed victims with a country label. */
  assert_claim (x, AG_CLAIM_TARGETS, ANY, "APT31", "United Kingdom");
  /* Not "Prime Minister Oliver". */
  if (!has_actor (x, "Oliver Dowden", AG_ACTOR_PERSON))
    g_test_incomplete ("“Deputy Prime Minister Oliver Dowden” gives the person “Prime Minister Oliver”");
  expect_claim (x, AG_CLAIM_ACCUSES, "Oliver Dowden", "United Kingdom", "APT31",
                "a UK minister’s accusation gives accuses United Kingdom → APT31, speaker the minister");
}

static void
test_ministry_denial (void)
{
  const char *text =
    "BEIJING, March 27 - China rejected the accusations on Wednesday.\n"
    "Chinese Foreign Ministry spokesperson Lin Jian told a regular news briefing that the "
    "British allegations were groundless and amounted to political manipulation.\n"
    "Lin added that China itself is a major victim of cyberattacks.\n";
  g_autoptr(AgExtraction) x = extract (text);
  const AgExtractedClaim *c;

  g_assert_true (has_actor (x, "China", AG_ACTOR_COUNTRY));
  g_assert_true (has_actor (x, "Lin Jian", AG_ACTOR_PERSON));

  /* The spokesperson speaks for China: the state denies, he is the speaker. */
  c = find_claim (x, AG_CLAIM_DENIES, "Lin Jian", "China", ANY);
  g_assert_nonnull (c);
  assert_no_claim (x, AG_CLAIM_DENIES, ANY, "Lin Jian", ANY);
  assert_no_claim (x, AG_CLAIM_DENIES, ANY, "Chinese Foreign Ministry", ANY);
  /* A denial is not an accusation. */
  assert_no_claim (x, AG_CLAIM_ACCUSES, ANY, "China", ANY);
  /* "the British allegations" names the accuser. */
  assert_claim (x, AG_CLAIM_DENIES, "Lin Jian", "China", "United Kingdom");
}

static void
test_denial_as_disinformation (void)
{
  const char *text =
    "Kremlin spokesman Dmitry Peskov dismissed the American claims as groundless "
    "disinformation and said Russia had nothing to do with any hacking.\n";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_true (has_actor (x, "Russia", AG_ACTOR_COUNTRY));
  /* The Kremlin's spokesman speaks for Russia, which denies. */
  expect_claim (x, AG_CLAIM_DENIES, "Dmitry Peskov", "Russia", ANY,
                "a Kremlin spokesman’s denial gives no denies Russia with the spokesman as speaker");
  expect_no_claim (x, AG_CLAIM_DENIES, ANY, "United States", ANY,
                   "the accuser (“the American claims”) is made the subject of the denial");
  /* "Russia had nothing to do with any hacking" denies; it accuses nobody. */
  expect_no_claim (x, AG_CLAIM_ACCUSES, ANY, ANY, "Russia",
                   "“said Russia had nothing to do with any hacking” gives accuses … → Russia");
}

static void
test_press_release (void)
{
  const char *text =
    "Press release: The Netherlands exposes cyber espionage by Chinese state hackers\n"
    "The Dutch Military Intelligence and Security Service (MIVD) has found that the "
    "Chinese state-sponsored group APT41 gained access to a network used by the Dutch "
    "armed forces. The MIVD shared technical details of the intrusion with allies.\n"
    "The Netherlands calls on China to stop such activity.\n";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_true (has_actor (x, "APT41", AG_ACTOR_THREAT_GROUP));
  g_assert_true (has_actor (x, "MIVD", AG_ACTOR_ORGANIZATION));
  assert_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "APT41", "China");
  /* The agency makes the finding, so it speaks. */
  assert_claim (x, AG_CLAIM_ATTRIBUTES, "MIVD", "APT41", "China");
  /* "gained access to a network used by the Dutch armed forces": a
   * breach, and the unnamed victim counts as the Netherlands. */
  expect_claim (x, AG_CLAIM_TARGETS, "MIVD", "APT41", "Netherlands",
                "“gained access to a network used by the Dutch armed forces” gives no targets → Netherlands");
  expect_claim (x, AG_CLAIM_ACCUSES, "MIVD", "MIVD", "APT41",
                "an agency that finds a group broke in accuses it (subject the body, GUIDELINES: accuses)");
}

static void
test_joint_advisory (void)
{
  const char *text =
    "Joint Cybersecurity Advisory\n"
    "The National Security Agency (NSA), the Federal Bureau of Investigation (FBI) and the "
    "Canadian Centre for Cyber Security assess that the DPRK state-sponsored group Andariel "
    "has targeted defense and engineering firms in the United States and Canada.\n"
    "This advisory was co-authored by the following partners:\n"
    "Australian Signals Directorate\n"
    "New Zealand National Cyber Security Centre\n";
  g_autoptr(AgExtraction) x = extract (text);
  const char *assessors[] = {
    "National Security Agency", "Federal Bureau of Investigation", "Canadian Centre for Cyber Security"
  };

  g_assert_true (has_actor (x, "Andariel", AG_ACTOR_THREAT_GROUP));
  g_assert_true (has_actor (x, "North Korea", AG_ACTOR_COUNTRY));

  /* Each body named as making the assessment makes its own claims. */
  for (guint i = 0; i < G_N_ELEMENTS (assessors); i++)
    {
      g_assert_true (has_actor (x, assessors[i], AG_ACTOR_ORGANIZATION));
      assert_claim (x, AG_CLAIM_ATTRIBUTES, assessors[i], "Andariel", "North Korea");
      assert_claim (x, AG_CLAIM_ACCUSES, assessors[i], assessors[i], "Andariel");
    }
  /* "targeted … firms in the United States and Canada": unnamed victims
   * with a country label count as that country. */
  for (guint i = 0; i < G_N_ELEMENTS (assessors); i++)
    if (!expect_claim (x, AG_CLAIM_TARGETS, assessors[i], "Andariel", "United States",
                       "“has targeted … firms in the United States and Canada” gives no targets claims") ||
        !expect_claim (x, AG_CLAIM_TARGETS, assessors[i], "Andariel", "Canada",
                       "“has targeted … firms in the United States and Canada” gives no targets → Canada"))
      break;
  /* Co-authoring is not cooperation. */
  g_assert_cmpuint (count_claims (x, AG_CLAIM_COOPERATES), ==, 0);
  g_assert_cmpuint (count_claims (x, AG_CLAIM_MEMBER_OF), ==, 0);
}

static void
test_sanctions (void)
{
  const char *text =
    "WASHINGTON (AP) - The Treasury Department on Monday sanctioned the Lazarus Group "
    "and two front companies that laundered stolen cryptocurrency.\n"
    "The Justice Department also charged three officers of the GRU with hacking.\n"
    "Separately, the European Union imposed sanctions on Star Blizzard.\n"
    "Germany summoned the Russian ambassador, and Poland said it would consider sanctions "
    "against Sandworm.\n";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_true (has_actor (x, "Lazarus Group", AG_ACTOR_THREAT_GROUP));
  assert_claim (x, AG_CLAIM_SANCTIONS, ANY, "Department of the Treasury", "Lazarus Group");
  assert_claim (x, AG_CLAIM_SANCTIONS, ANY, "Department of Justice", "GRU");
  assert_claim (x, AG_CLAIM_SANCTIONS, ANY, "European Union", "Star Blizzard");
  /* Summoning an ambassador and announced measures are not sanctions. */
  assert_no_claim (x, AG_CLAIM_SANCTIONS, ANY, "Germany", ANY);
  expect_no_claim (x, AG_CLAIM_SANCTIONS, ANY, "Poland", ANY,
                   "“said it would consider sanctions” is only announced, yet gives sanctions");
  /* A sanction is no attribution of the group to the sanctioning state. */
  assert_no_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "Lazarus Group", "United States");
}

static void
test_sanctions_no_false_attribution (void)
{
  const char *text =
    "The Treasury Department sanctioned two Russian nationals linked to APT28 on Friday.\n";
  g_autoptr(AgExtraction) x = extract (text);
  const AgExtractedClaim *c = find_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "APT28", "United States");

  /* Nothing ties APT28 to the United States: only the US agency acts. */
  if (c != NULL)
    g_test_incomplete ("“Treasury Department sanctioned … linked to APT28” gives attributes APT28 → United States");
}

static void
test_membership (void)
{
  const char *text =
    "Estonia, Latvia and Lithuania are members of NATO.\n"
    "Sweden became a member of the alliance in 2024.\n"
    "NATO Secretary General Mark Rutte met the French foreign minister.\n";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_true (has_actor (x, "NATO", AG_ACTOR_ALLIANCE));
  assert_claim (x, AG_CLAIM_MEMBER_OF, NULL, "Estonia", "NATO");
  assert_claim (x, AG_CLAIM_MEMBER_OF, NULL, "Latvia", "NATO");
  assert_claim (x, AG_CLAIM_MEMBER_OF, NULL, "Lithuania", "NATO");
  /* A job title is no membership. */
  assert_no_claim (x, AG_CLAIM_MEMBER_OF, ANY, "France", ANY);
  assert_no_claim (x, AG_CLAIM_MEMBER_OF, ANY, "Mark Rutte", ANY);
  /* "the alliance" after NATO is NATO. */
  assert_claim (x, AG_CLAIM_MEMBER_OF, NULL, "Sweden", "NATO");
}

static void
test_cooperation (void)
{
  const char *text =
    "China's Foreign Ministry spokesperson Mao Ning said China was willing to cooperate with "
    "all countries to counter cyberattacks.\n";
  g_autoptr(AgExtraction) x = extract (text);

  /* No partner named: the object is empty. */
  assert_claim (x, AG_CLAIM_COOPERATES, "Mao Ning", "China", NULL);
}

static void
test_nationality_only (void)
{
  const char *text =
    "Investigators said Chinese hackers broke into the network of a Canadian utility, "
    "but officials named no group.\n";
  g_autoptr(AgExtraction) x = extract (text);

  /* Nationality alone is no attribution, and there is no group to attribute. */
  g_assert_cmpuint (count_claims (x, AG_CLAIM_ATTRIBUTES), ==, 0);
  g_assert_cmpuint (count_claims (x, AG_CLAIM_ACCUSES), ==, 0);
}

static void
test_multibyte_evidence (void)
{
  const char *text =
    "Über “Zürich” — ünïcödé préface; 北京 说.\n"
    "The U.K.’s National Cyber Security Centre said the Russia-backed group Sandworm "
    "attacked Ukraine’s power grid.\n";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_true (has_actor (x, "Sandworm", AG_ACTOR_THREAT_GROUP));
  assert_claim (x, AG_CLAIM_TARGETS, ANY, "Sandworm", "Ukraine");
}

/* Robustness */

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) x = NULL;
  g_autoptr(AgExtraction) y = NULL;

  x = ag_extractor_extract (extractor (), "", 0, "empty.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (x);
  g_assert_cmpuint (ag_extraction_get_n_actors (x), ==, 0);
  g_assert_cmpuint (ag_extraction_get_n_claims (x), ==, 0);

  y = ag_extractor_extract (extractor (), NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (y);
  g_assert_cmpuint (ag_extraction_get_n_actors (y), ==, 0);
}

static void
test_whitespace (void)
{
  const char *text = " \t\n\r\n\n   \n\f\v\r";
  g_autoptr(AgExtraction) x = extract (text);

  g_assert_cmpuint (ag_extraction_get_n_actors (x), ==, 0);
  g_assert_cmpuint (ag_extraction_get_n_claims (x), ==, 0);
}

/* A line of Unicode white space only: ag-text.c's blank test looks at
 * ASCII only, so the line reaches extract_paragraph() with no tokens.
 * Run in a subprocess, since it crashed (see
 * tests/fixtures/extractor/crash-unicode-space-line.txt). */
static void
test_unicode_whitespace (void)
{
  if (g_test_subprocess ())
    {
      const char *text = "Britain accused APT31.\n\u2003\u00a0\nChina denied it.\n\u3000";
      g_autoptr(AgExtraction) x = extract (text);

      g_assert_true (has_actor (x, "China", AG_ACTOR_COUNTRY));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    g_test_incomplete ("a line of only Unicode white space (U+2003, U+00A0) crashes the extractor");
}

static void
test_invalid_utf8 (void)
{
  /* Stray bytes before the claim: offsets refer to the repaired text. */
  static const char bytes[] =
    "\xff\xfe\xc3 bad \xe2\x82 \xf0\x9f\x98 lead-in \x80\x80.\n"
    "The Russian state-sponsored group \xc0\xaf" "APT28 and the China state-sponsored group APT40 "
    "were named.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) x = NULL;
  g_autofree char *repaired = g_utf8_make_valid (bytes, sizeof bytes - 1);

  x = ag_extractor_extract (extractor (), bytes, sizeof bytes - 1, "bad.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (x);
  dump (x);
  check_invariants (x, repaired);
  assert_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "APT40", "China");
}

static void
test_nul_bytes (void)
{
  static const char bytes[] = "The China state-sponsored group APT31\0 and \0\0 more\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) x = NULL;

  /* An explicit length with NULs inside must not crash. */
  x = ag_extractor_extract (extractor (), bytes, sizeof bytes - 1, "nul.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (x);
}

static void
test_binary_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  gsize length = 256 * 1024;
  g_autofree char *bytes = g_malloc (length);

  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AgExtraction) x = NULL;
      g_autofree char *repaired = NULL;

      for (gsize i = 0; i < length; i++)
        bytes[i] = (char)g_rand_int_range (rand, round == 0 ? 0 : 1, 256);
      x = ag_extractor_extract (extractor (), bytes, length, "garbage.bin", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (x);
      /* NULs are repaired to U+FFFD like any invalid byte. */
      repaired = g_utf8_make_valid (bytes, length);
      check_invariants (x, repaired);
    }
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) x = NULL;

  g_cancellable_cancel (cancellable);
  x = ag_extractor_extract (extractor (), "Britain accused APT31.", -1, NULL, cancellable, &error);
  g_assert_null (x);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A field of /proc/self/status in kB: "VmHWM" (peak) or "VmRSS". */
static gsize
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat (field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  return line != NULL ? g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}

/* Resets VmHWM to the current RSS (Linux 4.0 and later). */
static gboolean
reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fputs ("5", file) >= 0;
  return fclose (file) == 0 && ok;
}

static const char * const big_paragraphs[] = {
  "Britain accused the Russian state-sponsored group APT28 of attacking the email of British officials, Foreign Secretary Margaret Hale said.\n",
  "Chinese Foreign Ministry spokesperson Lin Jian said the American allegations were groundless.\n",
  "The National Security Agency (NSA) assesses that the PRC state-sponsored group Volt Typhoon targeted ports in Guam and the United States.\n",
  "The European Union imposed sanctions on the Lazarus Group; Estonia and Latvia are members of NATO.\n",
  "Nothing in this paragraph matters: weather, football scores, the price of bread, and a long list of ordinary words.\n",
  "Über Zürich — “Ελλάδα’s” ports; 北京 说; U.S. and U.K. officials met Mr. Smith at 10 a.m. on the Dev-0391 case.\n",
};

static void
run_big (gsize megabytes)
{
  g_autoptr(GString) s = g_string_sized_new (megabytes * 1024 * 1024 + 4096);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) x = NULL;
  gsize before, after;
  gboolean reset;
  gint64 start, elapsed;
  guint i = 0;

  while (s->len < megabytes * 1024 * 1024)
    g_string_append (s, big_paragraphs[i++ % G_N_ELEMENTS (big_paragraphs)]);

  /* Growth of the peak over the RSS with the text already in memory. */
  reset = reset_peak_rss ();
  before = reset ? status_kb ("VmRSS") : status_kb ("VmHWM");
  start = g_get_monotonic_time ();
  x = ag_extractor_extract (extractor (), s->str, s->len, "big.txt", NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  after = status_kb ("VmHWM");
  g_assert_no_error (error);
  g_assert_nonnull (x);

  g_test_message ("%" G_GSIZE_FORMAT " MB in %.1f s, RSS %" G_GSIZE_FORMAT " kB, peak %" G_GSIZE_FORMAT
                  " kB%s", megabytes, elapsed / 1e6, before, after, reset ? "" : " (peak not reset)");
  g_assert_true (has_actor (x, "Volt Typhoon", AG_ACTOR_THREAT_GROUP));
  assert_claim (x, AG_CLAIM_ATTRIBUTES, ANY, "APT28", "Russia");
  /* The claims are merged per document, not one per repetition. */
  g_assert_cmpuint (ag_extraction_get_n_claims (x), <, 200);

  /* Speed is measured by bench/extract-speed, not asserted here, where a
   * busy machine would make it flake. Beyond the text itself, memory must
   * not grow with it. */
  if (!SANITIZED)
    g_assert_cmpuint (after - before, <, 200 * 1024);
}

static void
test_big_document (void)
{
  run_big (SANITIZED ? 2 : 20);
}

static void
test_huge_document (void)
{
  if (!g_test_slow () || SANITIZED)
    {
      g_test_skip ("the 100 MB document runs with -m slow only, not under ASan");
      return;
    }
  run_big (100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extractor/wire-accusation", test_wire_accusation);
  g_test_add_func ("/extractor/wire-accusation-official", test_wire_accusation_official);
  g_test_add_func ("/extractor/ministry-denial", test_ministry_denial);
  g_test_add_func ("/extractor/denial-as-disinformation", test_denial_as_disinformation);
  g_test_add_func ("/extractor/press-release", test_press_release);
  g_test_add_func ("/extractor/joint-advisory", test_joint_advisory);
  g_test_add_func ("/extractor/sanctions", test_sanctions);
  g_test_add_func ("/extractor/sanctions-no-false-attribution", test_sanctions_no_false_attribution);
  g_test_add_func ("/extractor/membership", test_membership);
  g_test_add_func ("/extractor/cooperation", test_cooperation);
  g_test_add_func ("/extractor/nationality-only", test_nationality_only);
  g_test_add_func ("/extractor/multibyte-evidence", test_multibyte_evidence);
  g_test_add_func ("/extractor/empty", test_empty);
  g_test_add_func ("/extractor/whitespace", test_whitespace);
  g_test_add_func ("/extractor/unicode-whitespace", test_unicode_whitespace);
  g_test_add_func ("/extractor/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/extractor/nul-bytes", test_nul_bytes);
  g_test_add_func ("/extractor/binary-garbage", test_binary_garbage);
  g_test_add_func ("/extractor/cancelled", test_cancelled);
  g_test_add_func ("/extractor/big-document", test_big_document);
  g_test_add_func ("/extractor/huge-document", test_huge_document);

  return g_test_run ();
}
