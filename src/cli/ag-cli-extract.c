/* ag-cli-extract.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "actorgraph-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ag-document.h"
#include "ag-extraction.h"
#include "ag-extractor.h"
#include "ag-importer.h"

#include "ag-cli.h"

/* The extraction of one import item: the JSON's own for an extraction
 * file, else the extractor's. */
static AgExtraction *
extract_item (AgImportItem *item,
              const char   *name)
{
  AgDocument *document = item->document;

  if (item->extraction != NULL)
    return g_object_ref (item->extraction);

  return ag_extractor_extract (ag_extractor_get_default (),
                               ag_document_get_text (document), -1,
                               name, NULL, NULL);
}

static void
print_text (AgExtraction *extraction)
{
  guint width = 0;

  for (guint k = 0; k < AG_N_ACTOR_KINDS; k++)
    width = MAX (width, ag_cli_display_width (ag_actor_kind_to_display (k)));

  g_print ("%s\n", ag_extraction_get_document (extraction));
  for (guint i = 0; i < ag_extraction_get_n_actors (extraction); i++)
    {
      const AgExtractedActor *a = ag_extraction_get_actor (extraction, i);
      const char *label = ag_actor_kind_to_display (a->kind);
      g_autoptr(GString) line = g_string_new (a->name);

      if (a->aliases->len > 0)
        {
          g_autoptr(GString) aliases = g_string_new (NULL);

          for (guint k = 0; k < a->aliases->len; k++)
            {
              if (k > 0)
                /* Translators: the separator of a list of aliases */
                g_string_append (aliases, _(", "));
              g_string_append (aliases, g_ptr_array_index (a->aliases, k));
            }
          /* Translators: an actor's name and, in brackets, its aliases */
          g_string_printf (line, _("%s (%s)"), a->name, aliases->str);
        }
      g_print ("  %s%*s %s\n", label, (int) (width - ag_cli_display_width (label)), "", line->str);
    }
  for (guint i = 0; i < ag_extraction_get_n_claims (extraction); i++)
    {
      const AgExtractedClaim *c = ag_extraction_get_claim (extraction, i);
      g_autofree char *evidence = g_strdelimit (g_strdup (c->evidence), "\r\n", ' ');
      g_autofree char *relation = NULL;
      g_autofree char *line = NULL;

      /* Translators: a claim in "extract"'s listing: SUBJECT → KIND OBJECT,
       * KIND as in the "claim kind" labels; "—" stands for no object */
      relation = g_strdup_printf (_("%s → %s %s"), c->subject, ag_claim_kind_to_display (c->kind),
                                  c->object ? c->object : _("—"));
      if (c->speaker != NULL)
        {
          char *said = NULL;

          /* Translators: a claim and the actor who voices it */
          said = g_strdup_printf (_("%s, says %s"), relation, c->speaker);
          g_free (relation);
          relation = said;
        }
      /* Translators: a claim, its review status, and its evidence quoted */
      line = g_strdup_printf (_("%s  [%s] “%s”"), relation, ag_review_status_to_display (c->status), evidence);
      g_print ("  %s\n", line);
    }
}

int
ag_cli_extract (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JsonArray) all = json_array_new ();
  g_autofree char *format = NULL;
  guint n_failed = 0;
  int status = AG_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = ag_cli_option_context_new (_("FILE…"), entries,
    _("Find the actors and claims in documents and print them, without\n"
      "touching any case. JSON output follows Actor Graph’s extraction\n"
      "format; several files give a JSON array."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return ag_cli_usage (_("unknown format “%s” (use text or json)"), format);
  if (argc < 2)
    return ag_cli_usage (_("missing FILE"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autofree char *name = ag_cli_display_name (argv[i]);
      g_autofree char *basename = g_file_get_basename (file);

      items = ag_importer_load_file (file, NULL, &error);
      if (items == NULL)
        {
          ag_cli_fail (name, "%s", error->message);
          n_failed++;
          continue;
        }

      for (guint k = 0; k < items->len; k++)
        {
          g_autoptr(AgExtraction) extraction = extract_item (g_ptr_array_index (items, k), basename);

          if (g_strcmp0 (format, "json") == 0)
            json_array_add_element (all, ag_extraction_to_json (extraction));
          else
            print_text (extraction);
        }
    }

  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = NULL;

      /* One document gives one object, several an array (DESIGN.md). */
      if (json_array_get_length (all) == 1 && argc == 2)
        root = json_node_copy (json_array_get_element (all, 0));
      else
        {
          root = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (root, all);
        }
      ag_cli_print_json (root);
    }

  return n_failed > 0 ? AG_CLI_EXIT_FAILED : AG_CLI_EXIT_OK;
}
