/* ag-cli-knowledge.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "actorgraph-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ag-knowledge.h"

#include "ag-cli.h"

static int
knowledge_add (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *packs_dir = NULL;
  g_autofree char *added = NULL;
  guint n_groups = 0;
  int status = AG_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("Name of the pack (lower-case letters, digits and hyphens); by default made from FILE’s name"),
      N_("NAME") },
    { NULL }
  };

  context = ag_cli_option_context_new (_("FILE"), entries,
    _("Add a knowledge pack: a MISP galaxy threat-actor cluster or a STIX 2.1\n"
      "bundle of intrusion sets. Every later extraction knows its threat groups\n"
      "and their aliases. A file that cannot be read whole changes nothing."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ag_cli_usage (_("missing FILE"));
  if (argc > 2)
    return ag_cli_usage (_("too many arguments"));

  display = ag_cli_display_name (argv[1]);
  file = g_file_new_for_commandline_arg (argv[1]);
  packs_dir = ag_knowledge_get_packs_dir ();
  added = ag_knowledge_add_pack (packs_dir, file, name, &n_groups, &error);
  if (added == NULL)
    {
      ag_cli_fail (display, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added pack “%s” with %'u threat group\n",
                        "Added pack “%s” with %'u threat groups\n",
                        n_groups),
           added, n_groups);
  return AG_CLI_EXIT_OK;
}

static void
print_packs_json (GPtrArray *packs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < packs->len; i++)
    {
      AgKnowledgePack *pack = g_ptr_array_index (packs, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, pack->name);
      json_builder_set_member_name (builder, "source");
      if (pack->source != NULL)
        json_builder_add_string_value (builder, pack->source);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "imported");
      if (pack->imported != NULL)
        json_builder_add_string_value (builder, pack->imported);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "groups");
      json_builder_add_int_value (builder, pack->n_groups);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  ag_cli_print_json (root);
}

/* When a pack was added, in local time and the locale's way of writing
 * dates; the pack file's text as it is when it is no ISO 8601 time. */
static char *
format_added (const char *imported)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (imported, NULL);
  g_autoptr(GDateTime) local = NULL;
  char *text;

  if (utc == NULL)
    return g_strdup (imported);

  local = g_date_time_to_local (utc);
  /* Translators: the date and time when a knowledge pack was added, in
   * g_date_time_format()'s notation: %x is the locale's date, %H:%M the time */
  /* xgettext:no-c-format */
  text = g_date_time_format (local, _("%x %H:%M"));
  return text != NULL ? text : g_strdup (imported);
}

static void
print_packs_text (GPtrArray *packs)
{
  if (packs->len == 0)
    {
      g_print (_("No knowledge packs are installed.\n"));
      return;
    }

  for (guint i = 0; i < packs->len; i++)
    {
      AgKnowledgePack *pack = g_ptr_array_index (packs, i);
      g_autofree char *name = g_strdelimit (g_strdup (pack->name), "\r\n\t", ' ');
      g_autofree char *added = NULL;

      if (pack->source == NULL)
        {
          g_print (_("%s: cannot be read (remove it and add it again)\n"), name);
          continue;
        }

      added = pack->imported != NULL ? format_added (pack->imported) : g_strdup (_("at an unknown time"));
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s: %'u threat group from %s, added %s\n",
                            "%s: %'u threat groups from %s, added %s\n",
                            pack->n_groups),
               name, pack->n_groups,
               *pack->source != '\0' ? pack->source : _("an unknown source"),
               added);
    }
}

static int
knowledge_list (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *packs_dir = NULL;
  int status = AG_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  context = ag_cli_option_context_new (NULL, entries,
    _("List the installed knowledge packs: their names, how many threat groups\n"
      "they hold, where they come from and when they were added."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return ag_cli_usage (_("unknown format “%s” (use text or json)"), format);
  if (argc > 1)
    return ag_cli_usage (_("too many arguments"));

  packs_dir = ag_knowledge_get_packs_dir ();
  packs = ag_knowledge_list_packs (packs_dir, &error);
  if (packs == NULL)
    {
      ag_cli_fail (packs_dir, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  if (g_strcmp0 (format, "json") == 0)
    print_packs_json (packs);
  else
    print_packs_text (packs);

  return AG_CLI_EXIT_OK;
}

static int
knowledge_remove (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *packs_dir = NULL;
  int status = AG_CLI_EXIT_OK;

  context = ag_cli_option_context_new (_("NAME"), NULL,
    _("Remove an installed knowledge pack. Later extractions no longer know\n"
      "the threat groups that only it held."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return ag_cli_usage (_("missing NAME"));
  if (argc > 2)
    return ag_cli_usage (_("too many arguments"));

  packs_dir = ag_knowledge_get_packs_dir ();
  if (!ag_knowledge_remove_pack (packs_dir, argv[1], &error))
    {
      g_autofree char *display = ag_cli_display_name (argv[1]);

      ag_cli_fail (display, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  g_print (_("Removed pack “%s”\n"), argv[1]);
  return AG_CLI_EXIT_OK;
}

static const struct {
  const char   *name;
  AgCliCommand  run;
  const char   *summary;
} subcommands[] = {
  { "add",    knowledge_add,    N_("Add a MISP galaxy cluster or STIX 2.1 bundle as a pack") },
  { "list",   knowledge_list,   N_("List the installed packs") },
  { "remove", knowledge_remove, N_("Remove an installed pack") },
};

static void
print_help (void)
{
  g_print ("%s\n  actorgraph-cli knowledge %s\n\n", _("Usage:"), _("COMMAND [OPTION…] [ARGUMENT…]"));
  g_print ("%s\n", _("Manage knowledge packs: threat-actor lists that extend the built-in\n"
                     "knowledge of threat groups for every later extraction."));
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_print ("  %-8s %s\n", subcommands[i].name, _(subcommands[i].summary));
  g_print ("\n%s\n", _("Run “actorgraph-cli knowledge COMMAND --help” for a command’s options."));
}

int
ag_cli_knowledge (int    argc,
                  char **argv)
{
  const char *name;

  if (argc < 2)
    return ag_cli_usage (_("missing command (add, list or remove)"));

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_help ();
      return AG_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (name, subcommands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("actorgraph-cli knowledge %s", name);

        g_set_prgname (prgname);
        return subcommands[i].run (argc - 1, argv + 1);
      }

  return ag_cli_usage (_("unknown command “%s” (use add, list or remove)"), name);
}
