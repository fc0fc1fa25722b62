/* ag-cli-info.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "actorgraph-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ag-case.h"

#include "ag-cli.h"

typedef struct
{
  guint documents;
  guint actors;
  guint actors_by_kind[AG_N_ACTOR_KINDS];
  guint claims;
  guint claims_by_kind[AG_N_CLAIM_KINDS];
  guint claims_by_status[AG_N_REVIEW_STATUSES];
} Counts;

static void
count (AgCase *kase,
       Counts *counts)
{
  GListModel *actors = ag_case_get_actors (kase);
  GListModel *claims = ag_case_get_claims (kase);

  counts->documents = g_list_model_get_n_items (ag_case_get_documents (kase));

  counts->actors = g_list_model_get_n_items (actors);
  for (guint i = 0; i < counts->actors; i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (actors, i);

      counts->actors_by_kind[ag_actor_get_kind (actor)]++;
    }

  counts->claims = g_list_model_get_n_items (claims);
  for (guint i = 0; i < counts->claims; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);

      counts->claims_by_kind[ag_claim_get_kind (claim)]++;
      counts->claims_by_status[ag_claim_get_status (claim)]++;
    }
}

static void
print_json (const Counts *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, counts->documents);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, counts->actors);
  for (guint k = 0; k < AG_N_ACTOR_KINDS; k++)
    {
      json_builder_set_member_name (builder, ag_actor_kind_to_string (k));
      json_builder_add_int_value (builder, counts->actors_by_kind[k]);
    }
  json_builder_end_object (builder);

  /* Claim kinds and review statuses have distinct names, so both sit in
   * one object beside the total. */
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, counts->claims);
  for (guint k = 0; k < AG_N_CLAIM_KINDS; k++)
    {
      json_builder_set_member_name (builder, ag_claim_kind_to_string (k));
      json_builder_add_int_value (builder, counts->claims_by_kind[k]);
    }
  for (guint s = 0; s < AG_N_REVIEW_STATUSES; s++)
    {
      json_builder_set_member_name (builder, ag_review_status_to_string (s));
      json_builder_add_int_value (builder, counts->claims_by_status[s]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  ag_cli_print_json (root);
}

/* The width of the widest label, so that the counts line up. */
static guint
label_width (void)
{
  guint width = 0;

  for (guint k = 0; k < AG_N_ACTOR_KINDS; k++)
    width = MAX (width, ag_cli_display_width (ag_actor_kind_to_display (k)));
  for (guint k = 0; k < AG_N_CLAIM_KINDS; k++)
    width = MAX (width, ag_cli_display_width (ag_claim_kind_to_display (k)));
  for (guint s = 0; s < AG_N_REVIEW_STATUSES; s++)
    width = MAX (width, ag_cli_display_width (ag_review_status_to_display (s)));
  return width + 1;
}

static void
print_text (const char   *name,
            const Counts *counts)
{
  guint width = label_width ();

  g_print (_("Case: %s\n"), name);
  g_print (_("Documents: %'u\n"), counts->documents);
  g_print (_("Actors: %'u\n"), counts->actors);
  for (guint k = 0; k < AG_N_ACTOR_KINDS; k++)
    if (counts->actors_by_kind[k] > 0)
      ag_cli_print_row (ag_actor_kind_to_display (k), width, counts->actors_by_kind[k]);
  g_print (_("Claims: %'u\n"), counts->claims);
  for (guint k = 0; k < AG_N_CLAIM_KINDS; k++)
    if (counts->claims_by_kind[k] > 0)
      ag_cli_print_row (ag_claim_kind_to_display (k), width, counts->claims_by_kind[k]);
  if (counts->claims > 0)
    {
      g_print (_("Review status:\n"));
      for (guint s = 0; s < AG_N_REVIEW_STATUSES; s++)
        if (counts->claims_by_status[s] > 0)
          ag_cli_print_row (ag_review_status_to_display (s), width, counts->claims_by_status[s]);
    }
}

int
ag_cli_info (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *name = NULL;
  Counts counts = { 0 };
  int status = AG_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = ag_cli_option_context_new (_("CASE"), entries,
    _("Count a case’s documents, its actors by kind, and its claims by kind\n"
      "and by review status. The case is opened read-only."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return ag_cli_usage (_("unknown format “%s” (use text or json)"), format);
  if (argc < 2)
    return ag_cli_usage (_("missing CASE"));
  if (argc > 2)
    return ag_cli_usage (_("too many arguments"));

  name = ag_cli_display_name (argv[1]);
  file = g_file_new_for_commandline_arg (argv[1]);
  kase = ag_case_open (file, AG_CASE_OPEN_READ_ONLY, &error);
  if (kase == NULL)
    {
      ag_cli_fail (name, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  count (kase, &counts);
  if (g_strcmp0 (format, "json") == 0)
    print_json (&counts);
  else
    print_text (name, &counts);

  return AG_CLI_EXIT_OK;
}
