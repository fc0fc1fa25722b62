/* test-extraction.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-extraction"

#include "config.h"

#include <string.h>

#include "ag-extraction.h"

static JsonNode *
load_json_fixture (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static AgExtraction *
load_extraction (const char *name)
{
  g_autoptr(JsonNode) node = load_json_fixture (name);
  g_autoptr(GError) error = NULL;
  AgExtraction *extraction;

  extraction = ag_extraction_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (extraction);

  return extraction;
}

static AgExtraction *
parse_string (const char  *json,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));

  return ag_extraction_new_from_json (json_parser_get_root (parser), error);
}

static char *
to_string (AgExtraction *extraction)
{
  g_autoptr(JsonNode) node = ag_extraction_to_json (extraction);

  return json_to_string (node, FALSE);
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
test_parse (void)
{
  g_autoptr(AgExtraction) extraction = load_extraction ("extraction.json");
  const AgExtractedActor *actor;
  const AgExtractedClaim *claim;
  const char *text;

  g_assert_cmpstr (ag_extraction_get_document (extraction), ==, "soberg-statement.txt");
  g_assert_cmpstr (ag_extraction_get_title (extraction), ==,
                   "Ostmark minister links Kestrel Spider to Marovia");
  g_assert_cmpstr (ag_extraction_get_source (extraction), ==,
                   "https://news.example.org/2024/04/08/soberg");
  assert_date (ag_extraction_get_published (extraction), "2024-04-08T00:00:00Z");
  text = ag_extraction_get_text (extraction);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Ostmark’s minister Lena Søberg"));

  /* Seven entries, one of them a second "Marovia" merged into the first. */
  g_assert_cmpuint (ag_extraction_get_n_actors (extraction), ==, 6);
  actor = ag_extraction_get_actor (extraction, 0);
  g_assert_cmpstr (actor->name, ==, "Ostmark");
  g_assert_cmpint (actor->kind, ==, AG_ACTOR_COUNTRY);
  actor = ag_extraction_get_actor (extraction, 1);
  g_assert_cmpstr (actor->name, ==, "Lena Søberg");
  g_assert_cmpint (actor->kind, ==, AG_ACTOR_PERSON);
  g_assert_cmpstr (actor->description, ==, "Ostmark's interior minister");
  actor = ag_extraction_get_actor (extraction, 2);
  g_assert_cmpint (actor->kind, ==, AG_ACTOR_THREAT_GROUP);
  g_assert_cmpuint (actor->aliases->len, ==, 0);
  g_assert_null (actor->description);
  actor = ag_extraction_get_actor (extraction, 3);
  g_assert_cmpstr (actor->name, ==, "Marovia");
  g_assert_cmpuint (actor->aliases->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (actor->aliases, 0), ==, "Marovian");
  g_assert_cmpstr (g_ptr_array_index (actor->aliases, 1), ==, "marovia");
  g_assert_cmpstr (g_ptr_array_index (actor->aliases, 2), ==, "Republic of Marovia");
  actor = ag_extraction_get_actor (extraction, 5);
  g_assert_cmpstr (actor->name, ==, "Northern Cyber Alliance");
  g_assert_cmpint (actor->kind, ==, AG_ACTOR_ALLIANCE);

  g_assert_cmpuint (ag_extraction_get_n_claims (extraction), ==, 3);

  /* Speaker and object given by alias come out as the actors' names. */
  claim = ag_extraction_get_claim (extraction, 0);
  g_assert_cmpint (claim->kind, ==, AG_CLAIM_ATTRIBUTES);
  g_assert_cmpstr (claim->speaker, ==, "Lena Søberg");
  g_assert_cmpstr (claim->subject, ==, "Kestrel Spider");
  g_assert_cmpstr (claim->object, ==, "Marovia");
  g_assert_cmpstr (claim->evidence, ==, "Kestrel Spider works for Marovia");
  g_assert_cmpint (claim->start, ==, 51);
  g_assert_cmpint (claim->end, ==, 83);
  g_assert_cmpfloat_with_epsilon (claim->confidence, 0.75, 1e-9);
  g_assert_cmpint (claim->status, ==, AG_REVIEW_CONFIRMED);
  g_assert_cmpstr (claim->note, ==, "checked against the ministry's release");

  /* The offsets count characters, not bytes: "’" and "ø" come before. */
  {
    g_autofree char *span = g_utf8_substring (text, claim->start, claim->end);

    g_assert_cmpstr (span, ==, claim->evidence);
  }

  claim = ag_extraction_get_claim (extraction, 1);
  g_assert_cmpint (claim->kind, ==, AG_CLAIM_DENIES);
  g_assert_null (claim->speaker);
  g_assert_cmpstr (claim->subject, ==, "Marovia");
  g_assert_null (claim->object);
  g_assert_cmpfloat (claim->confidence, ==, 1.0);
  g_assert_cmpint (claim->status, ==, AG_REVIEW_UNREVIEWED);
  g_assert_null (claim->note);

  claim = ag_extraction_get_claim (extraction, 2);
  g_assert_cmpint (claim->kind, ==, AG_CLAIM_MEMBER_OF);
  g_assert_null (claim->speaker);
  g_assert_cmpstr (claim->object, ==, "Northern Cyber Alliance");
  g_assert_cmpfloat (claim->confidence, ==, 1.0);
  {
    g_autofree char *span = g_utf8_substring (text, claim->start, claim->end);

    g_assert_cmpstr (span, ==, claim->evidence);
  }
}

static void
test_find_actor (void)
{
  g_autoptr(AgExtraction) extraction = load_extraction ("extraction.json");
  const AgExtractedActor *actor;

  actor = ag_extraction_find_actor (extraction, "Northern Cyber Alliance");
  g_assert_nonnull (actor);
  g_assert_true (actor == ag_extraction_find_actor (extraction, "NCA"));
  g_assert_true (actor == ag_extraction_find_actor (extraction, "the N.C.A."));
  g_assert_true (actor == ag_extraction_find_actor (extraction, "northern  cyber-alliance"));

  actor = ag_extraction_find_actor (extraction, "SØBERG");
  g_assert_nonnull (actor);
  g_assert_cmpstr (actor->name, ==, "Lena Søberg");

  actor = ag_extraction_find_actor (extraction, "Republic of Marovia");
  g_assert_nonnull (actor);
  g_assert_cmpstr (actor->name, ==, "Marovia");

  g_assert_null (ag_extraction_find_actor (extraction, "Ostmark Police"));
  g_assert_null (ag_extraction_find_actor (extraction, ""));
}

static void
test_round_trip (void)
{
  g_autoptr(AgExtraction) first = load_extraction ("extraction.json");
  g_autoptr(AgExtraction) second = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *second_json = NULL;
  JsonObject *object;
  JsonObject *claim;

  node = ag_extraction_to_json (first);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "document"), ==, "soberg-statement.txt");
  g_assert_true (json_object_has_member (object, "text"));
  g_assert_true (json_object_has_member (object, "title"));
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==, "2024-04-08T00:00:00Z");
  g_assert_false (json_object_has_member (object, "future_member"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "actors")), ==, 6);

  /* Absent speaker and object are written as null. */
  claim = json_array_get_object_element (json_object_get_array_member (object, "claims"), 1);
  g_assert_true (json_object_has_member (claim, "speaker"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (claim, "speaker")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (claim, "object")));
  g_assert_cmpint (json_object_get_int_member (claim, "start"), ==, 85);
  g_assert_cmpint (json_object_get_int_member (claim, "end"), ==, 114);

  second = ag_extraction_new_from_json (node, &error);
  g_assert_no_error (error);

  first_json = to_string (first);
  second_json = to_string (second);
  g_assert_cmpstr (first_json, ==, second_json);
  g_assert_cmpuint (ag_extraction_get_n_actors (second), ==, 6);
  g_assert_cmpuint (ag_extraction_get_n_claims (second), ==, 3);
  g_assert_cmpint (ag_extraction_get_claim (second, 0)->status, ==, AG_REVIEW_CONFIRMED);
  g_assert_true (g_date_time_equal (ag_extraction_get_published (first),
                                    ag_extraction_get_published (second)));
}

static void
test_optional_members (void)
{
  g_autoptr(AgExtraction) extraction = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonObject *claim;

  extraction = parse_string ("{\"document\": \"a.txt\","
                             " \"actors\": [{\"name\": \"Velland\", \"kind\": \"country\"}],"
                             " \"claims\": [{\"kind\": \"cooperates\", \"subject\": \"Velland\","
                             "               \"start\": null, \"end\": null}]}",
                             &error);
  g_assert_no_error (error);
  g_assert_null (ag_extraction_get_text (extraction));
  g_assert_null (ag_extraction_get_title (extraction));
  g_assert_null (ag_extraction_get_published (extraction));
  g_assert_cmpuint (ag_extraction_get_actor (extraction, 0)->aliases->len, ==, 0);
  g_assert_cmpstr (ag_extraction_get_claim (extraction, 0)->evidence, ==, "");
  g_assert_cmpint (ag_extraction_get_claim (extraction, 0)->start, ==, -1);
  g_assert_cmpint (ag_extraction_get_claim (extraction, 0)->end, ==, -1);

  node = ag_extraction_to_json (extraction);
  object = json_node_get_object (node);
  g_assert_false (json_object_has_member (object, "text"));
  g_assert_false (json_object_has_member (object, "title"));
  g_assert_false (json_object_has_member (object, "published"));
  claim = json_array_get_object_element (json_object_get_array_member (object, "claims"), 0);
  g_assert_false (json_object_has_member (claim, "start"));
  g_assert_false (json_object_has_member (claim, "status"));
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "cooperates");

  /* No actors and no claims at all is a valid, empty extraction. */
  g_clear_object (&extraction);
  extraction = parse_string ("{\"document\": \"b.txt\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_extraction_get_n_actors (extraction), ==, 0);
  g_assert_cmpuint (ag_extraction_get_n_claims (extraction), ==, 0);

  /* A claim may end at the very end of the text. */
  g_clear_object (&extraction);
  extraction = parse_string ("{\"document\": \"c.txt\", \"text\": \"Ostmark spürt\","
                             " \"actors\": [{\"name\": \"Ostmark\", \"kind\": \"country\"}],"
                             " \"claims\": [{\"kind\": \"targets\", \"subject\": \"Ostmark\","
                             "               \"start\": 8, \"end\": 13, \"confidence\": 0}]}",
                             &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ag_extraction_get_claim (extraction, 0)->confidence, ==, 0.0);
}

static void
test_long_names (void)
{
  g_autoptr(AgExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *json = NULL;

  for (guint i = 0; i < 4096; i++)
    g_string_append (name, "ø");

  json = g_strdup_printf ("{\"document\": \"a.txt\","
                          " \"actors\": [{\"name\": \"%s\", \"kind\": \"person\"}],"
                          " \"claims\": [{\"kind\": \"denies\", \"subject\": \"%s\"}]}",
                          name->str, name->str);
  extraction = parse_string (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ag_extraction_get_actor (extraction, 0)->name, ==, name->str);
}

static void
test_invalid (void)
{
  g_autoptr(JsonNode) root = load_json_fixture ("invalid-extractions.json");
  JsonArray *cases = json_object_get_array_member (json_node_get_object (root), "cases");
  guint n = json_array_get_length (cases);

  g_assert_cmpuint (n, >, 30);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *test_case = json_array_get_object_element (cases, i);
      const char *expected = json_object_get_string_member (test_case, "error");
      g_autoptr(AgExtraction) extraction = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i + 1, expected);
      extraction = ag_extraction_new_from_json (json_object_get_member (test_case, "extraction"),
                                                &error);
      g_assert_null (extraction);
      g_assert_error (error, AG_EXTRACTION_ERROR, AG_EXTRACTION_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_build (void)
{
  g_autoptr(AgExtraction) extraction = ag_extraction_new ("built.txt");
  g_autoptr(AgExtraction) parsed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) published = NULL;
  AgExtractedActor *velland;
  AgExtractedActor *again;
  AgExtractedClaim *claim;

  velland = ag_extraction_add_actor (extraction, AG_ACTOR_COUNTRY, "Velland");
  ag_extracted_actor_add_alias (velland, "Vellish");
  ag_extracted_actor_add_alias (velland, "Vellish");
  g_assert_cmpuint (velland->aliases->len, ==, 1);

  /* The same name key gives the actor already there. */
  again = ag_extraction_add_actor (extraction, AG_ACTOR_PERSON, "the VELLAND");
  g_assert_true (again == velland);
  g_assert_cmpint (again->kind, ==, AG_ACTOR_COUNTRY);
  g_assert_cmpuint (ag_extraction_get_n_actors (extraction), ==, 1);

  ag_extraction_add_actor (extraction, AG_ACTOR_THREAT_GROUP, "Kestrel Spider");

  claim = ag_extraction_add_claim (extraction, AG_CLAIM_ACCUSES, NULL, "vellish", "kestrel spider");
  g_assert_cmpstr (claim->subject, ==, "Velland");
  g_assert_cmpstr (claim->object, ==, "Kestrel Spider");
  g_assert_null (claim->speaker);
  g_assert_cmpstr (claim->evidence, ==, "");
  g_assert_cmpint (claim->start, ==, -1);
  g_assert_cmpfloat (claim->confidence, ==, 1.0);
  g_assert_cmpint (claim->status, ==, AG_REVIEW_UNREVIEWED);

  ag_extracted_claim_set_evidence (claim, "Velland blamed Kestrel Spider", 0, 29);
  g_assert_cmpint (claim->start, ==, 0);
  g_assert_cmpint (claim->end, ==, 29);

  ag_extraction_set_text (extraction, "Velland blamed Kestrel Spider.");
  ag_extraction_set_title (extraction, "Built");
  published = g_date_time_new_utc (2024, 1, 2, 3, 4, 5);
  ag_extraction_set_published (extraction, published);

  node = ag_extraction_to_json (extraction);
  parsed = ag_extraction_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ag_extraction_get_document (parsed), ==, "built.txt");
  g_assert_cmpstr (ag_extraction_get_title (parsed), ==, "Built");
  assert_date (ag_extraction_get_published (parsed), "2024-01-02T03:04:05Z");
  g_assert_cmpuint (ag_extraction_get_n_claims (parsed), ==, 1);
  g_assert_cmpint (ag_extraction_get_claim (parsed, 0)->end, ==, 29);
}

static void
test_dates (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "2024-03-05", "2024-03-05T00:00:00Z" },
    { "2024/03/05", "2024-03-05T00:00:00Z" },
    { " 2024-03-05T10:20:30Z ", "2024-03-05T10:20:30Z" },
    { "2024-03-05T10:20:30", "2024-03-05T10:20:30Z" },
    { "2024-03-05 10:20:30", "2024-03-05T10:20:30Z" },
    { "2024-03-05T10:20", "2024-03-05T10:20:00Z" },
    { "2024-03-05T10:20+02:00", "2024-03-05T08:20:00Z" },
    { "2024-03-05T01:00:00-05:00", "2024-03-05T06:00:00Z" },
    { "2024-02-30", NULL },
    { "2024-3-5", NULL },
    { "2024-03/05", NULL },
    { "5 March 2024", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = ag_parse_date (cases[i].input);

      g_test_message ("date “%s”", cases[i].input);
      if (cases[i].expected == NULL)
        g_assert_null (date);
      else
        assert_date (date, cases[i].expected);
    }

  g_assert_null (ag_parse_date (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extraction/parse", test_parse);
  g_test_add_func ("/extraction/find-actor", test_find_actor);
  g_test_add_func ("/extraction/round-trip", test_round_trip);
  g_test_add_func ("/extraction/optional-members", test_optional_members);
  g_test_add_func ("/extraction/long-names", test_long_names);
  g_test_add_func ("/extraction/invalid", test_invalid);
  g_test_add_func ("/extraction/build", test_build);
  g_test_add_func ("/extraction/dates", test_dates);

  return g_test_run ();
}
