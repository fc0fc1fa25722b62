/* ag-cli-export.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "actorgraph-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ag-case.h"
#include "ag-export.h"
#include "ag-graph.h"
#include "ag-layout.h"
#include "ag-renderer.h"

#include "ag-cli.h"

typedef gboolean (*ParseName) (const char *str, int *value);

/* Reads repeated, comma-separated names into a bit mask. */
static gboolean
parse_mask (char      **values,
            ParseName   parse,
            const char *option,
            guint      *mask,
            int        *status)
{
  if (values == NULL)
    return TRUE;

  *mask = 0;
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (values[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          int value;

          g_strstrip (names[j]);
          if (*names[j] == '\0')
            continue;
          if (!parse (names[j], &value))
            {
              *status = ag_cli_usage (_("unknown value “%s” for %s"), names[j], option);
              return FALSE;
            }
          *mask |= 1u << value;
        }
    }
  return TRUE;
}

static gboolean
parse_actor_kind (const char *str,
                  int        *value)
{
  AgActorKind kind;

  if (!ag_actor_kind_from_string (str, &kind))
    return FALSE;
  *value = kind;
  return TRUE;
}

static gboolean
parse_claim_kind (const char *str,
                  int        *value)
{
  AgClaimKind kind;

  if (!ag_claim_kind_from_string (str, &kind))
    return FALSE;
  *value = kind;
  return TRUE;
}

static gboolean
parse_status (const char *str,
              int        *value)
{
  AgReviewStatus status;

  if (!ag_review_status_from_string (str, &status))
    return FALSE;
  *value = status;
  return TRUE;
}

/* A date, or a date and time; --until DAY takes in the whole day. */
static GDateTime *
parse_bound (const char *str,
             gboolean    end_of_day)
{
  g_autoptr(GDateTime) date = ag_parse_date (str);
  g_autofree char *stripped = g_strstrip (g_strdup (str));

  if (date != NULL && end_of_day && strlen (stripped) == 10)
    return g_date_time_add (date, G_TIME_SPAN_DAY - 1);
  return g_steal_pointer (&date);
}

static gboolean
write_output (const char  *output,
              GBytes      *bytes,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (output, "-"))
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (output);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

int
ag_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autoptr(AgGraphFilter) filter = NULL;
  g_autoptr(AgGraph) graph = NULL;
  g_autoptr(AgLayout) layout = NULL;
  g_autoptr(AgGeometry) geometry = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *engine_name = NULL;
  g_autofree char *around = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *background = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) actor_kinds = NULL;
  g_auto(GStrv) claim_kinds = NULL;
  g_auto(GStrv) statuses = NULL;
  AgLayoutEngine engine = AG_LAYOUT_ENGINE_AUTO;
  AgExportFormat format;
  AgExportOptions options;
  guint mask;
  int depth = 1;
  int seed = 1;
  double scale = 2.0;
  double min_confidence = 0.0;
  gboolean hide_isolated = FALSE;
  gboolean no_legend = FALSE;
  int status = AG_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: svg, png, pdf, dot, graphml or json (default: from OUTPUT’s extension)"), N_("FORMAT") },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &engine_name,
      N_("Layout engine: auto (the default), dot, neato, fdp, sfdp, circo or twopi"), N_("ENGINE") },
    { "actor-kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &actor_kinds,
      N_("Show only actors of these kinds (repeat or separate with commas)"), N_("KIND") },
    { "claim-kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &claim_kinds,
      N_("Show only claims of these kinds"), N_("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &statuses,
      N_("Show only claims with these review statuses (default: all but rejected)"), N_("STATUS") },
    { "min-confidence", 0, 0, G_OPTION_ARG_DOUBLE, &min_confidence,
      N_("Show only claims of at least this confidence (0 to 1)"), N_("X") },
    { "around", 0, 0, G_OPTION_ARG_STRING, &around,
      N_("Show only the actors near this one (a name or an alias)"), N_("ACTOR") },
    { "depth", 0, 0, G_OPTION_ARG_INT, &depth,
      N_("How many edges away from --around to go (default: 1)"), N_("N") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("Show only claims from documents published on or after DATE"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("Show only claims from documents published on or before DATE"), N_("DATE") },
    { "hide-isolated", 0, 0, G_OPTION_ARG_NONE, &hide_isolated,
      N_("Leave out actors without any edge shown"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("PNG pixels per point (default: 2)"), N_("S") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &background,
      N_("Background colour: #rrggbb, white (the default) or transparent"), N_("COLOR") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend,
      N_("Draw no legend of the claim kinds"), NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("Seed of the force-directed layouts (default: 1)"), N_("N") },
    { NULL }
  };

  context = ag_cli_option_context_new (_("CASE OUTPUT"), entries,
    _("Lay a case’s actor graph out and write it to OUTPUT (“-” for standard\n"
      "output). The case is opened read-only."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc < 3)
    return ag_cli_usage (argc < 2 ? _("missing CASE") : _("missing OUTPUT"));
  if (argc > 3)
    return ag_cli_usage (_("too many arguments"));

  if (format_name != NULL)
    {
      if (!ag_export_format_from_string (format_name, &format))
        return ag_cli_usage (_("unknown format “%s” (use svg, png, pdf, dot, graphml or json)"), format_name);
    }
  else if (!ag_export_format_from_path (argv[2], &format))
    return ag_cli_usage (_("cannot tell the format from “%s”: use --format"), argv[2]);

  if (engine_name != NULL && !ag_layout_engine_from_string (engine_name, &engine))
    return ag_cli_usage (_("unknown layout engine “%s”"), engine_name);
  if (depth < 0)
    return ag_cli_usage (_("--depth must not be negative"));
  if (seed < 0)
    return ag_cli_usage (_("--seed must not be negative"));
  if (!(scale > 0.0 && scale <= 16.0))
    return ag_cli_usage (_("--scale must be above 0 and at most 16"));
  if (!(min_confidence >= 0.0 && min_confidence <= 1.0))
    return ag_cli_usage (_("--min-confidence must be between 0 and 1"));

  ag_export_options_init (&options);
  options.scale = scale;
  options.legend = !no_legend;
  options.seed = seed;
  if (background != NULL && !ag_renderer_parse_color (background, &options.background))
    return ag_cli_usage (_("unknown colour “%s”"), background);

  filter = ag_graph_filter_new ();
  mask = ag_graph_filter_get_actor_kinds (filter);
  if (!parse_mask (actor_kinds, parse_actor_kind, "--actor-kind", &mask, &status))
    return status;
  ag_graph_filter_set_actor_kinds (filter, mask);
  mask = ag_graph_filter_get_claim_kinds (filter);
  if (!parse_mask (claim_kinds, parse_claim_kind, "--claim-kind", &mask, &status))
    return status;
  ag_graph_filter_set_claim_kinds (filter, mask);
  mask = ag_graph_filter_get_statuses (filter);
  if (!parse_mask (statuses, parse_status, "--status", &mask, &status))
    return status;
  ag_graph_filter_set_statuses (filter, mask);
  ag_graph_filter_set_min_confidence (filter, min_confidence);
  ag_graph_filter_set_hide_isolated (filter, hide_isolated);

  if (since_text != NULL && (since = parse_bound (since_text, FALSE)) == NULL)
    return ag_cli_usage (_("cannot read the date “%s” (use YYYY-MM-DD)"), since_text);
  if (until_text != NULL && (until = parse_bound (until_text, TRUE)) == NULL)
    return ag_cli_usage (_("cannot read the date “%s” (use YYYY-MM-DD)"), until_text);
  ag_graph_filter_set_date_range (filter, since, until);

  name = ag_cli_display_name (argv[1]);
  file = g_file_new_for_commandline_arg (argv[1]);
  kase = ag_case_open (file, AG_CASE_OPEN_READ_ONLY, &error);
  if (kase == NULL)
    {
      ag_cli_fail (name, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  if (around != NULL)
    {
      AgActor *actor = ag_case_find_actor (kase, around);

      if (actor == NULL)
        {
          ag_cli_fail (name, _("no actor is called “%s”"), around);
          return AG_CLI_EXIT_FAILED;
        }
      ag_graph_filter_set_around (filter, ag_actor_get_id (actor), depth);
    }

  graph = ag_graph_new (kase, filter, &error);
  if (graph == NULL)
    {
      ag_cli_fail (name, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  layout = ag_layout_new (engine);
  ag_layout_set_seed (layout, seed);
  geometry = ag_layout_compute (layout, graph, NULL, &error);
  if (geometry == NULL)
    {
      ag_cli_fail (name, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  bytes = ag_export_to_bytes (geometry, format, &options, &error);
  if (bytes == NULL || !write_output (argv[2], bytes, &error))
    {
      g_autofree char *output = ag_cli_display_name (argv[2]);

      ag_cli_fail (output, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  return AG_CLI_EXIT_OK;
}
