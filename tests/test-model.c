/* test-model.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ag-actor.h"
#include "ag-claim.h"
#include "ag-document.h"
#include "ag-model-private.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_actor_aliases (void)
{
  g_autoptr(AgActor) actor = ag_actor_new (AG_ACTOR_COUNTRY, "United Kingdom");
  g_auto(GStrv) aliases = NULL;
  guint notified = 0;

  g_assert_cmpint (ag_actor_get_id (actor), ==, 0);
  g_assert_cmpint (ag_actor_get_kind (actor), ==, AG_ACTOR_COUNTRY);
  g_assert_cmpstr (ag_actor_get_name (actor), ==, "United Kingdom");
  g_assert_nonnull (ag_actor_get_aliases (actor));
  g_assert_null (ag_actor_get_aliases (actor)[0]);

  g_signal_connect (actor, "notify::aliases", G_CALLBACK (count_notify), &notified);

  g_assert_true (_ag_actor_add_alias (actor, "UK"));
  g_assert_true (_ag_actor_add_alias (actor, "British"));
  /* Already known, by name or by alias, in another spelling. */
  g_assert_false (_ag_actor_add_alias (actor, "the U.K."));
  g_assert_false (_ag_actor_add_alias (actor, "united kingdom"));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_true (ag_actor_has_alias (actor, "uk"));
  g_assert_true (ag_actor_has_alias (actor, "The United Kingdom"));
  g_assert_false (ag_actor_has_alias (actor, "Britain"));

  g_object_get (actor, "aliases", &aliases, NULL);
  g_assert_cmpuint (g_strv_length (aliases), ==, 2);
  g_assert_cmpstr (aliases[0], ==, "UK");
  g_assert_cmpstr (aliases[1], ==, "British");
}

static void
test_actor_notify_only_on_change (void)
{
  g_autoptr(AgActor) actor = ag_actor_new (AG_ACTOR_PERSON, "Lin Jian");
  guint notified = 0;

  g_signal_connect (actor, "notify", G_CALLBACK (count_notify), &notified);
  _ag_actor_set_name (actor, "Lin Jian");
  _ag_actor_set_kind (actor, AG_ACTOR_PERSON);
  g_assert_cmpuint (notified, ==, 0);

  _ag_actor_set_name (actor, "Jian Lin");
  _ag_actor_set_kind (actor, AG_ACTOR_ORGANIZATION);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (ag_actor_get_name (actor), ==, "Jian Lin");
}

static void
test_document_text (void)
{
  /* "Пекин" and "北京" are multi-byte: offsets count characters, not bytes. */
  const char *text = "Пекин denied it. 北京 said so.";
  g_autoptr(AgDocument) document = ag_document_new ("Title", "/tmp/a.txt", text);
  g_autoptr(AgDocument) same = ag_document_new ("Other title", "/elsewhere", text);
  g_autoptr(AgDocument) other = ag_document_new ("Title", "/tmp/a.txt", "Beijing denied it.");
  g_autofree char *span = NULL;

  g_assert_cmpint (ag_document_get_length (document), ==, g_utf8_strlen (text, -1));
  g_assert_cmpint (ag_document_get_length (document), ==, 28);

  span = ag_document_dup_span (document, 17, 19);
  g_assert_cmpstr (span, ==, "北京");
  g_assert_null (ag_document_dup_span (document, 20, 100));
  g_assert_null (ag_document_dup_span (document, 5, 2));
  g_assert_null (ag_document_dup_span (document, -1, 2));

  /* The hash is the content's: title and source do not count. */
  g_assert_cmpstr (ag_document_get_content_hash (document), ==, ag_document_get_content_hash (same));
  g_assert_cmpstr (ag_document_get_content_hash (document), !=, ag_document_get_content_hash (other));
  g_assert_cmpuint (strlen (ag_document_get_content_hash (document)), ==, 64);

  g_assert_null (ag_document_get_imported (document));

  /* A title is one line, whatever its file put in it. */
  {
    g_autoptr(AgDocument) titled = ag_document_new ("  Joint\r\nstatement \t on\n\n APT31 ", NULL, "x");

    g_assert_cmpstr (ag_document_get_title (titled), ==, "Joint statement on APT31");
  }
  g_assert_cmpstr (ag_document_get_media_type (document), ==, "text/plain");
}

static void
test_document_published (void)
{
  g_autoptr(AgDocument) document = ag_document_new (NULL, NULL, NULL);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 3, 25, 0, 0, 0);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2024, 3, 25, 0, 0, 0);
  guint notified = 0;

  g_assert_cmpstr (ag_document_get_title (document), ==, "");
  g_assert_cmpstr (ag_document_get_text (document), ==, "");
  g_assert_null (ag_document_get_published (document));

  g_signal_connect (document, "notify::published", G_CALLBACK (count_notify), &notified);
  ag_document_set_published (document, date);
  ag_document_set_published (document, same);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_date_time_equal (ag_document_get_published (document), date));
  ag_document_set_published (document, NULL);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_claim (void)
{
  g_autoptr(AgActor) uk = ag_actor_new (AG_ACTOR_COUNTRY, "United Kingdom");
  g_autoptr(AgActor) china = ag_actor_new (AG_ACTOR_COUNTRY, "China");
  g_autoptr(AgDocument) document = ag_document_new ("t", NULL, "The UK accused China.");
  g_autoptr(AgClaim) claim = _ag_claim_new (7, AG_CLAIM_ACCUSES, NULL, uk, china, document);
  g_autoptr(AgActor) speaker = NULL;
  guint notified = 0;

  g_assert_cmpint (ag_claim_get_id (claim), ==, 7);
  g_assert_cmpint (ag_claim_get_kind (claim), ==, AG_CLAIM_ACCUSES);
  g_assert_null (ag_claim_get_speaker (claim));
  g_assert_true (ag_claim_get_subject (claim) == uk);
  g_assert_true (ag_claim_get_object (claim) == china);
  g_assert_true (ag_claim_get_document (claim) == document);
  g_assert_cmpint (ag_claim_get_evidence_start (claim), ==, -1);
  g_assert_cmpfloat (ag_claim_get_confidence (claim), ==, 1.0);
  g_assert_cmpint (ag_claim_get_status (claim), ==, AG_REVIEW_UNREVIEWED);

  g_signal_connect (claim, "notify::status", G_CALLBACK (count_notify), &notified);
  _ag_claim_set_status (claim, AG_REVIEW_UNREVIEWED);
  _ag_claim_set_status (claim, AG_REVIEW_DISPUTED);
  g_assert_cmpuint (notified, ==, 1);

  _ag_claim_set_evidence (claim, "The UK accused China", 0, 20);
  g_assert_cmpstr (ag_claim_get_evidence (claim), ==, "The UK accused China");
  g_assert_cmpint (ag_claim_get_evidence_end (claim), ==, 20);

  _ag_claim_set_confidence (claim, 7.0);
  g_assert_cmpfloat (ag_claim_get_confidence (claim), ==, 1.0);

  _ag_claim_set_actors (claim, uk, uk, NULL);
  g_object_get (claim, "speaker", &speaker, NULL);
  g_assert_true (speaker == uk);
  g_assert_null (ag_claim_get_object (claim));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/actor/aliases", test_actor_aliases);
  g_test_add_func ("/model/actor/notify", test_actor_notify_only_on_change);
  g_test_add_func ("/model/document/text", test_document_text);
  g_test_add_func ("/model/document/published", test_document_published);
  g_test_add_func ("/model/claim", test_claim);

  return g_test_run ();
}
