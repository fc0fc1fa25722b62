/* test-types.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ag-types.h"

static void
test_name_key (void)
{
  static const struct {
    const char *a;
    const char *b;
    gboolean    same;
  } cases[] = {
    { "the UK", "UK", TRUE },
    { "The U.K.", "uk", TRUE },
    { "China’s", "China's", TRUE },
    { "Five  Eyes", "five eyes", TRUE },
    { "Kim Jong-un", "Kim Jong Un", TRUE },
    { "APT31", "APT 31", FALSE },
    { "Ｆｕｌｌｗｉｄｔｈ", "Fullwidth", TRUE },
    { "Straße", "STRASSE", TRUE },
    { "theocracy", "ocracy", FALSE },
    { "China", "Chinese", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ka = ag_name_key (cases[i].a);
      g_autofree char *kb = ag_name_key (cases[i].b);

      if (cases[i].same)
        g_assert_cmpstr (ka, ==, kb);
      else
        g_assert_cmpstr (ka, !=, kb);
    }
}

static void
test_name_key_symbols (void)
{
  g_autofree char *emoji = ag_name_key ("🐼");
  g_autofree char *other = ag_name_key ("🐻");
  g_autofree char *blank = ag_name_key ("  \n ");

  /* A name of symbols only still has a key of its own. */
  g_assert_cmpstr (emoji, !=, "");
  g_assert_cmpstr (emoji, !=, other);
  g_assert_cmpstr (blank, ==, "");
}

/* The ASCII fast path must give the keys the Unicode path gives: a
 * trailing "’" (punctuation, dropped) sends the same name down the other. */
static void
test_name_key_ascii_path (void)
{
  for (guint n = 0; n < 2000; n++)
    {
      char name[24];
      guint length = g_test_rand_int_range (0, sizeof name - 1);
      g_autofree char *unicode = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      for (guint i = 0; i < length; i++)
        name[i] = (char)g_test_rand_int_range (1, 128);
      name[length] = '\0';

      unicode = g_strconcat (name, "\u2019", NULL);
      a = ag_name_key (name);
      b = ag_name_key (unicode);
      if (g_strcmp0 (a, b) != 0)
        g_error ("“%s”: fast key “%s”, Unicode key “%s”", g_strescape (name, NULL), a, b);
    }
}

static void
test_enum_strings (void)
{
  AgActorKind actor_kind;
  AgClaimKind claim_kind;
  AgReviewStatus status;

  /* The strings of the case file and the extraction format (DESIGN.md). */
  g_assert_cmpstr (ag_actor_kind_to_string (AG_ACTOR_THREAT_GROUP), ==, "threat-group");
  g_assert_cmpstr (ag_claim_kind_to_string (AG_CLAIM_MEMBER_OF), ==, "member_of");
  g_assert_cmpstr (ag_review_status_to_string (AG_REVIEW_DISPUTED), ==, "disputed");

  g_assert_true (ag_actor_kind_from_string ("person", &actor_kind));
  g_assert_cmpint (actor_kind, ==, AG_ACTOR_PERSON);
  g_assert_true (ag_claim_kind_from_string ("cooperates", &claim_kind));
  g_assert_cmpint (claim_kind, ==, AG_CLAIM_COOPERATES);
  g_assert_true (ag_review_status_from_string ("rejected", &status));
  g_assert_cmpint (status, ==, AG_REVIEW_REJECTED);

  g_assert_false (ag_actor_kind_from_string ("Country", &actor_kind));
  g_assert_false (ag_claim_kind_from_string ("blames", &claim_kind));
  g_assert_false (ag_review_status_from_string (NULL, &status));

  for (guint k = 0; k < AG_N_CLAIM_KINDS; k++)
    {
      g_assert_true (ag_claim_kind_from_string (ag_claim_kind_to_string (k), &claim_kind));
      g_assert_cmpint (claim_kind, ==, k);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/name-key", test_name_key);
  g_test_add_func ("/types/name-key/symbols", test_name_key_symbols);
  g_test_add_func ("/types/name-key/ascii-path", test_name_key_ascii_path);
  g_test_add_func ("/types/enum-strings", test_enum_strings);

  return g_test_run ();
}
