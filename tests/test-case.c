/* test-case.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ag-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ag-case.h"

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("ag-test-case-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  path = g_build_filename (fixture->dir, "case.actorgraph", NULL);
  fixture->file = g_file_new_for_path (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->file);
}

static const char article[] =
  "Britain accused China of a cyber campaign. The PRC called the claim groundless. "
  "APT31 targeted the Electoral Commission.";

/* An extraction of the article above, as the importer of a JSON file or
 * the extractor would hand it over. */
static AgExtraction *
make_extraction (void)
{
  AgExtraction *extraction = ag_extraction_new ("article.txt");
  AgExtractedActor *actor;
  AgExtractedClaim *claim;

  actor = ag_extraction_add_actor (extraction, AG_ACTOR_COUNTRY, "United Kingdom");
  ag_extracted_actor_add_alias (actor, "Britain");
  actor = ag_extraction_add_actor (extraction, AG_ACTOR_COUNTRY, "China");
  ag_extracted_actor_add_alias (actor, "PRC");
  ag_extraction_add_actor (extraction, AG_ACTOR_THREAT_GROUP, "APT31");
  ag_extraction_add_actor (extraction, AG_ACTOR_ORGANIZATION, "Electoral Commission");

  claim = ag_extraction_add_claim (extraction, AG_CLAIM_ACCUSES, "United Kingdom", "United Kingdom", "China");
  ag_extracted_claim_set_evidence (claim, "Britain accused China", 0, 21);
  claim->confidence = 0.75;
  claim = ag_extraction_add_claim (extraction, AG_CLAIM_DENIES, NULL, "China", NULL);
  ag_extracted_claim_set_evidence (claim, "The PRC called the claim groundless", 43, 78);
  claim->status = AG_REVIEW_CONFIRMED;
  claim = ag_extraction_add_claim (extraction, AG_CLAIM_TARGETS, NULL, "APT31", "Electoral Commission");

  return extraction;
}

static char *
file_digest (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return ag_test_file_digest (path);
}
static void
count_changed (AgCase *kase,
               guint  *count)
{
  (*count)++;
}

static void
test_create_and_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autoptr(AgDocument) document = ag_document_new ("Britain accuses China", "/news/article.txt", article);
  g_autoptr(AgExtraction) extraction = make_extraction ();
  g_autoptr(GDateTime) published = g_date_time_new_utc (2024, 3, 25, 9, 30, 0);
  AgDocument *existing = NULL;
  AgDocument *stored;
  AgClaim *claim;
  AgActor *china;
  guint changed = 0;

  /* Without CREATE, a missing file is an error, and nothing is created. */
  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND);
  g_assert_null (kase);
  g_assert_false (g_file_query_exists (fixture->file, NULL));
  g_clear_error (&error);

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (ag_case_is_temporary (kase));
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 0);
  g_signal_connect (kase, "changed", G_CALLBACK (count_changed), &changed);

  ag_document_set_published (document, published);
  ag_document_set_media_type (document, "text/plain");
  g_assert_true (ag_case_add_document (kase, document, extraction, &existing, &error));
  g_assert_no_error (error);
  g_assert_null (existing);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 3);

  /* The same content again is a no-op that names the document. */
  g_assert_true (ag_case_add_document (kase, document, extraction, &existing, &error));
  g_assert_nonnull (existing);
  g_assert_cmpstr (ag_document_get_title (existing), ==, "Britain accuses China");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 1);

  ag_case_close (kase);
  g_clear_object (&kase);

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  stored = g_list_model_get_item (ag_case_get_documents (kase), 0);
  g_object_unref (stored);
  g_assert_cmpstr (ag_document_get_title (stored), ==, "Britain accuses China");
  g_assert_cmpstr (ag_document_get_source (stored), ==, "/news/article.txt");
  g_assert_cmpstr (ag_document_get_text (stored), ==, article);
  g_assert_cmpstr (ag_document_get_content_hash (stored), ==, ag_document_get_content_hash (document));
  g_assert_true (g_date_time_equal (ag_document_get_published (stored), published));
  g_assert_nonnull (ag_document_get_imported (stored));
  g_assert_cmpint (ag_document_get_id (stored), >, 0);

  china = ag_case_find_actor (kase, "the PRC");
  g_assert_nonnull (china);
  g_assert_cmpstr (ag_actor_get_name (china), ==, "China");
  g_assert_cmpint (ag_actor_get_kind (china), ==, AG_ACTOR_COUNTRY);
  g_assert_cmpstr (ag_actor_get_aliases (china)[0], ==, "PRC");
  g_assert_true (ag_case_find_actor (kase, "britain") == ag_case_find_actor (kase, "United Kingdom"));
  g_assert_null (ag_case_find_actor (kase, "France"));

  claim = ag_test_find_claim (kase, AG_CLAIM_ACCUSES, "United Kingdom");
  g_assert_nonnull (claim);
  g_assert_cmpstr (ag_actor_get_name (ag_claim_get_speaker (claim)), ==, "United Kingdom");
  g_assert_true (ag_claim_get_object (claim) == china);
  g_assert_true (ag_claim_get_document (claim) == stored);
  g_assert_cmpstr (ag_claim_get_evidence (claim), ==, "Britain accused China");
  g_assert_cmpint (ag_claim_get_evidence_start (claim), ==, 0);
  g_assert_cmpint (ag_claim_get_evidence_end (claim), ==, 21);
  g_assert_cmpfloat_with_epsilon (ag_claim_get_confidence (claim), 0.75, 1e-9);

  claim = ag_test_find_claim (kase, AG_CLAIM_DENIES, "China");
  g_assert_nonnull (claim);
  g_assert_null (ag_claim_get_speaker (claim));
  g_assert_null (ag_claim_get_object (claim));
  g_assert_cmpint (ag_claim_get_status (claim), ==, AG_REVIEW_CONFIRMED);
}

static void
test_actors_unified_across_documents (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgDocument) first = ag_document_new ("one", NULL, article);
  g_autoptr(AgDocument) second = ag_document_new ("two", NULL, "Beijing rejected the UK's claims.");
  g_autoptr(AgExtraction) extraction = make_extraction ();
  g_autoptr(AgExtraction) later = ag_extraction_new ("two.txt");
  AgExtractedActor *actor;
  AgActor *china;
  AgActor *uk;

  g_assert_true (ag_case_add_document (kase, first, extraction, NULL, &error));

  /* The second document names China by an alias the case already knows,
   * and the UK in other letters. */
  actor = ag_extraction_add_actor (later, AG_ACTOR_COUNTRY, "PRC");
  ag_extracted_actor_add_alias (actor, "Beijing");
  ag_extraction_add_actor (later, AG_ACTOR_COUNTRY, "united kingdom");
  ag_extraction_add_claim (later, AG_CLAIM_DENIES, NULL, "PRC", "united kingdom");
  /* Two ministries share the alias "Foreign Ministry": an alias alone
   * does not make them one. */
  actor = ag_extraction_add_actor (later, AG_ACTOR_ORGANIZATION, "Chinese Foreign Ministry");
  ag_extracted_actor_add_alias (actor, "Foreign Ministry");
  actor = ag_extraction_add_actor (later, AG_ACTOR_ORGANIZATION, "Russian Foreign Ministry");
  ag_extracted_actor_add_alias (actor, "Foreign Ministry");
  g_assert_true (ag_case_add_document (kase, second, later, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 6);
  china = ag_case_find_actor (kase, "Beijing");
  uk = ag_case_find_actor (kase, "UNITED KINGDOM");
  g_assert_nonnull (china);
  g_assert_cmpstr (ag_actor_get_name (china), ==, "China");
  g_assert_true (ag_actor_has_alias (china, "Beijing"));
  g_assert_true (ag_actor_has_alias (china, "PRC"));
  g_assert_cmpstr (ag_actor_get_name (uk), ==, "United Kingdom");
  g_assert_nonnull (ag_case_find_actor (kase, "Russian Foreign Ministry"));
  g_assert_true (ag_case_find_actor (kase, "Russian Foreign Ministry") !=
                 ag_case_find_actor (kase, "Chinese Foreign Ministry"));

  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 4);
  {
    g_autoptr(GPtrArray) claims = ag_case_list_claims_for_actor (kase, china);

    /* accuses (object), denies twice (subject) */
    g_assert_cmpuint (claims->len, ==, 3);
  }
}

static void
test_edits_persist (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgExtraction) extraction = make_extraction ();
  AgActor *group;
  AgActor *commission;
  AgClaim *claim;
  guint changed = 0;

  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  g_signal_connect (kase, "changed", G_CALLBACK (count_changed), &changed);

  group = ag_case_find_actor (kase, "APT31");
  g_assert_true (ag_case_rename_actor (kase, group, "Zirconium", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ag_actor_get_name (group), ==, "Zirconium");
  g_assert_true (ag_actor_has_alias (group, "APT31"));
  g_assert_true (ag_case_find_actor (kase, "APT31") == group);

  /* Taken names and empty names are refused, and nothing changes. */
  g_assert_false (ag_case_rename_actor (kase, group, "China", &error));
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ag_case_rename_actor (kase, group, " ... ", &error));
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ag_actor_get_name (group), ==, "Zirconium");

  commission = ag_case_find_actor (kase, "Electoral Commission");
  g_assert_true (ag_case_set_actor_kind (kase, commission, AG_ACTOR_ALLIANCE, &error));
  g_assert_true (ag_case_set_actor_description (kase, commission, "Runs UK elections.", &error));
  g_assert_true (ag_case_add_alias (kase, commission, "the Commission", &error));

  claim = ag_test_find_claim (kase, AG_CLAIM_ACCUSES, "United Kingdom");
  g_assert_true (ag_case_set_claim_status (kase, claim, AG_REVIEW_DISPUTED, &error));
  g_assert_true (ag_case_set_claim_note (kase, claim, "Check the date <&> \"quotes\"", &error));
  g_assert_cmpint (ag_claim_get_status (claim), ==, AG_REVIEW_DISPUTED);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 6);

  ag_case_close (kase);
  g_clear_object (&kase);
  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  group = ag_case_find_actor (kase, "apt31");
  g_assert_cmpstr (ag_actor_get_name (group), ==, "Zirconium");
  commission = ag_case_find_actor (kase, "Commission");
  g_assert_nonnull (commission);
  g_assert_cmpint (ag_actor_get_kind (commission), ==, AG_ACTOR_ALLIANCE);
  g_assert_cmpstr (ag_actor_get_description (commission), ==, "Runs UK elections.");
  claim = ag_test_find_claim (kase, AG_CLAIM_ACCUSES, "United Kingdom");
  g_assert_cmpint (ag_claim_get_status (claim), ==, AG_REVIEW_DISPUTED);
  g_assert_cmpstr (ag_claim_get_note (claim), ==, "Check the date <&> \"quotes\"");

  /* Rejected claims no longer tie a group to a state. */
  {
    AgActor *china = ag_case_find_actor (kase, "China");
    g_autoptr(AgExtraction) more = ag_extraction_new ("x");
    g_autoptr(GPtrArray) states = NULL;

    ag_extraction_add_actor (more, AG_ACTOR_THREAT_GROUP, "Zirconium");
    ag_extraction_add_actor (more, AG_ACTOR_COUNTRY, "China");
    ag_extraction_add_claim (more, AG_CLAIM_ATTRIBUTES, NULL, "Zirconium", "China");
    g_assert_true (ag_case_merge_extraction (kase, ag_claim_get_document (claim), more, &error));
    states = ag_case_list_attributed_states (kase, group);
    g_assert_cmpuint (states->len, ==, 1);
    g_assert_true (g_ptr_array_index (states, 0) == china);
    g_clear_pointer (&states, g_ptr_array_unref);

    g_assert_true (ag_case_set_claim_status (kase, ag_test_find_claim (kase, AG_CLAIM_ATTRIBUTES, "Zirconium"),
                                             AG_REVIEW_REJECTED, &error));
    states = ag_case_list_attributed_states (kase, group);
    g_assert_cmpuint (states->len, ==, 0);
  }
}

static void
test_merge_actors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgExtraction) extraction = make_extraction ();
  AgActor *uk;
  AgActor *britain;
  AgActor *china;

  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  uk = ag_case_find_actor (kase, "United Kingdom");
  china = ag_case_find_actor (kase, "China");

  /* An analyst's stray duplicate, with a claim of its own and one that
   * repeats the UK's accusation. */
  britain = ag_case_add_actor (kase, AG_ACTOR_COUNTRY, "Great Britain", &error);
  g_assert_no_error (error);
  g_assert_null (ag_case_add_actor (kase, AG_ACTOR_COUNTRY, "great  britain", &error));
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(AgExtraction) more = ag_extraction_new ("x");

    ag_extraction_add_actor (more, AG_ACTOR_COUNTRY, "Great Britain");
    ag_extraction_add_actor (more, AG_ACTOR_COUNTRY, "China");
    ag_extraction_add_claim (more, AG_CLAIM_ACCUSES, "Great Britain", "Great Britain", "China");
    ag_extraction_add_claim (more, AG_CLAIM_SANCTIONS, NULL, "Great Britain", "China");
    /* Only documents of the case take claims. */
    g_assert_false (ag_case_merge_extraction (kase, document, more, &error));
    g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (ag_case_merge_extraction (kase,
                                             ag_case_find_document (kase, ag_document_get_content_hash (document)),
                                             more, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 5);

  g_object_ref (britain);
  g_assert_true (ag_case_merge_actors (kase, uk, britain, &error));
  g_assert_no_error (error);
  g_assert_true (ag_actor_has_alias (uk, "Great Britain"));
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 4);
  g_assert_false (g_list_store_find (G_LIST_STORE (ag_case_get_actors (kase)), britain, NULL));
  g_object_unref (britain);
  /* The repeated accusation went; the sanction moved to the UK. */
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 4);
  g_assert_true (ag_claim_get_object (ag_test_find_claim (kase, AG_CLAIM_SANCTIONS, "United Kingdom")) == china);

  ag_case_close (kase);
  g_clear_object (&kase);
  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 4);
  g_assert_nonnull (ag_test_find_claim (kase, AG_CLAIM_SANCTIONS, "United Kingdom"));
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgDocument) other = ag_document_new ("two", NULL, "Nothing here.");
  g_autoptr(AgExtraction) extraction = make_extraction ();
  AgDocument *stored;

  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  g_assert_true (ag_case_add_document (kase, other, NULL, NULL, &error));

  g_assert_true (ag_case_remove_claim (kase, ag_test_find_claim (kase, AG_CLAIM_TARGETS, "APT31"), &error));
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 2);

  stored = ag_case_find_document (kase, ag_document_get_content_hash (document));
  g_assert_nonnull (stored);
  g_assert_true (ag_case_remove_document (kase, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 0);
  /* Actors stay: the analyst may still need them. */
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 4);
  g_assert_null (ag_case_find_document (kase, ag_document_get_content_hash (document)));

  ag_case_close (kase);
  g_clear_object (&kase);
  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 0);
}

static void
test_failed_change_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgDocument) bad_document = ag_document_new ("two", NULL, "Another text entirely.");
  g_autoptr(AgExtraction) extraction = make_extraction ();
  g_autoptr(AgExtraction) bad = ag_extraction_new ("bad");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint changed = 0;

  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  g_signal_connect (kase, "changed", G_CALLBACK (count_changed), &changed);
  before = file_digest (fixture->file);

  /* A claim whose subject is no actor at all: the whole document fails. */
  ag_extraction_add_actor (bad, AG_ACTOR_COUNTRY, "France");
  ag_extraction_add_claim (bad, AG_CLAIM_ACCUSES, NULL, "France", NULL);
  ag_extraction_add_claim (bad, AG_CLAIM_ACCUSES, NULL, "Nobody At All", "France");
  g_assert_false (ag_case_add_document (kase, bad_document, bad, NULL, &error));
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID);

  after = file_digest (fixture->file);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (kase)), ==, 4);
  g_assert_null (ag_case_find_actor (kase, "France"));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgExtraction) extraction = make_extraction ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  ag_case_close (kase);
  g_clear_object (&kase);
  before = file_digest (fixture->file);

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ag_case_is_read_only (kase));
  g_assert_false (ag_case_rename_actor (kase, ag_case_find_actor (kase, "China"), "PRC", &error));
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (ag_actor_get_name (ag_case_find_actor (kase, "China")), ==, "China");
  ag_case_close (kase);

  after = file_digest (fixture->file);
  g_assert_cmpstr (before, ==, after);

  /* A closed case refuses changes instead of crashing. */
  g_assert_false (ag_case_add_alias (kase, ag_case_find_actor (kase, "China"), "Cathay", &error));
  g_assert_error (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED);
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) first = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autoptr(AgCase) second = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgExtraction) extraction = make_extraction ();
  AgDocument *existing = NULL;

  g_assert_no_error (error);
  g_assert_true (ag_case_add_document (first, document, extraction, NULL, &error));

  /* The second window asks the file, not its own memory. */
  g_assert_true (ag_case_add_document (second, document, extraction, &existing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (second)), ==, 0);

  /* Its own changes go in beside the first one's, unified by name. */
  {
    g_autoptr(AgDocument) other = ag_document_new ("two", NULL, "China denied it.");
    g_autoptr(AgExtraction) more = ag_extraction_new ("two");

    ag_extraction_add_actor (more, AG_ACTOR_COUNTRY, "PRC");
    ag_extraction_add_claim (more, AG_CLAIM_DENIES, NULL, "PRC", NULL);
    g_assert_true (ag_case_add_document (second, other, more, NULL, &error));
    g_assert_no_error (error);
  }

  ag_case_close (first);
  ag_case_close (second);
  g_clear_object (&first);
  first = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (first)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (first)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (first)), ==, 4);
}

static void
test_temporary_and_save_as (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_new_temporary (&error);
  g_autoptr(AgDocument) document = ag_document_new ("one", NULL, article);
  g_autoptr(AgExtraction) extraction = make_extraction ();
  g_autoptr(GFile) scratch = NULL;
  g_autoptr(GFile) empty_scratch = NULL;
  g_autofree char *title = NULL;
  g_autofree char *scratch_path = NULL;
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "actorgraph", "unsaved", NULL);

  g_assert_no_error (error);
  g_assert_true (ag_case_is_temporary (kase));
  scratch = g_object_ref (ag_case_get_file (kase));
  scratch_path = g_file_get_path (scratch);
  g_assert_true (g_str_has_prefix (scratch_path, cache));
  title = ag_case_dup_title (kase);
  g_assert_cmpstr (title, ==, "Unsaved Case");

  /* Work lives in the scratch file at once. */
  g_assert_true (ag_case_add_document (kase, document, extraction, NULL, &error));
  {
    g_autoptr(AgCase) peek = ag_case_open (scratch, AG_CASE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (peek)), ==, 3);
  }

  g_assert_true (ag_case_save_as (kase, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_false (ag_case_is_temporary (kase));
  g_assert_true (g_file_equal (ag_case_get_file (kase), fixture->file));
  g_assert_false (g_file_query_exists (scratch, NULL));
  g_clear_pointer (&title, g_free);
  title = ag_case_dup_title (kase);
  g_assert_cmpstr (title, ==, "case");

  /* Changes after saving go to the saved file. */
  g_assert_true (ag_case_add_alias (kase, ag_case_find_actor (kase, "China"), "Middle Kingdom", &error));
  ag_case_close (kase);
  g_clear_object (&kase);

  kase = ag_case_open (fixture->file, AG_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_documents (kase)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (kase)), ==, 3);
  g_assert_nonnull (ag_case_find_actor (kase, "Middle Kingdom"));

  /* Save As over an existing file replaces it whole. */
  {
    g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.actorgraph", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autoptr(AgCase) reopened = NULL;

    g_assert_true (g_file_set_contents (copy_path, "not a case", -1, NULL));
    g_assert_true (ag_case_save_as (kase, copy, &error));
    g_assert_no_error (error);
    ag_case_close (kase);
    reopened = ag_case_open (copy, AG_CASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_claims (reopened)), ==, 3);
  }

  /* A scratch case that never held anything leaves no file behind. */
  g_clear_object (&kase);
  kase = ag_case_new_temporary (&error);
  empty_scratch = g_object_ref (ag_case_get_file (kase));
  g_assert_true (g_file_query_exists (empty_scratch, NULL));
  ag_case_close (kase);
  g_assert_false (g_file_query_exists (empty_scratch, NULL));
}

static void
test_save_as_unwritable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (fixture->file, AG_CASE_OPEN_CREATE, &error);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "dir", "x.actorgraph", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (missing);

  g_assert_false (ag_case_save_as (kase, target, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_equal (ag_case_get_file (kase), fixture->file));
  g_assert_false (g_file_query_exists (target, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/case/round-trip", test_create_and_round_trip);
  ADD ("/case/unify-actors", test_actors_unified_across_documents);
  ADD ("/case/edits-persist", test_edits_persist);
  ADD ("/case/merge-actors", test_merge_actors);
  ADD ("/case/remove", test_remove);
  ADD ("/case/failed-change", test_failed_change_changes_nothing);
  ADD ("/case/read-only", test_read_only);
  ADD ("/case/two-connections", test_two_connections);
  ADD ("/case/temporary-save-as", test_temporary_and_save_as);
  ADD ("/case/save-as-unwritable", test_save_as_unwritable);

#undef ADD

  return g_test_run ();
}
