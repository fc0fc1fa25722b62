/* actorgraph-cli.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "actorgraph-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ag-cli.h"

static const struct {
  const char   *name;
  AgCliCommand  run;
  const char   *summary;
} commands[] = {
  { "export", ag_cli_export, N_("Lay a case’s actor graph out and write it as SVG, PNG, PDF, DOT, GraphML or JSON") },
  { "extract", ag_cli_extract, N_("Print the actors and claims found in documents") },
  { "import", ag_cli_import, N_("Add documents to a case, creating the case if it is missing") },
  { "info",   ag_cli_info,   N_("Count a case’s documents, actors and claims") },
  { "knowledge", ag_cli_knowledge, N_("Add, list and remove knowledge packs of threat groups") },
};

/**
 * ag_cli_fail:
 * @what: the file or thing that failed
 * @format: the reason
 *
 * Prints the one line that a failure gets: "WHAT: reason".
 */
void
ag_cli_fail (const char *what,
             const char *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Names come from the user's files: keep the line one line. */
  g_strdelimit (reason, "\r\n", ' ');
  if (what != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strdup (what), "\r\n", ' ');

      g_printerr ("%s: %s\n", name, reason);
    }
  else
    g_printerr ("actorgraph-cli: %s\n", reason);
}

/* Reports a usage error of the running command; returns exit status 2. */
int
ag_cli_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
  return AG_CLI_EXIT_USAGE;
}

/* A command's option context: what it takes, its options (or none) and
 * what it does, all in our translation domain. */
GOptionContext *
ag_cli_option_context_new (const char         *parameters,
                           const GOptionEntry *entries,
                           const char         *summary)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  return context;
}

/* Parses a command's options; on a usage error sets @status to 2. */
gboolean
ag_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = ag_cli_usage ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Prints @root to standard output as indented JSON, with a final newline. */
void
ag_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* How to name a file in messages: as the user typed it, on one line. */
char *
ag_cli_display_name (const char *path)
{
  return g_strdelimit (g_filename_display_name (path), "\r\n", ' ');
}

/* How many terminal columns @text takes: wide (CJK) characters take two. */
guint
ag_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Prints "  LABEL  COUNT", with LABEL padded to @width columns and the
 * count grouped as the locale groups digits. */
void
ag_cli_print_row (const char *label,
                  guint       width,
                  guint       count)
{
  guint used = ag_cli_display_width (label);

  g_print ("  %s%*s %'u\n", label, (int) (width > used ? width - used : 0), "", count);
}

static void
print_help (FILE *stream)
{
  /* Translators: the words in capitals name what the user types; keep them
   * the same as in "Run “actorgraph-cli COMMAND --help”…" */
  fprintf (stream, "%s\n  actorgraph-cli %s\n\n", _("Usage:"), _("COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (stream, "%s\n", _("Work with Actor Graph case files from the command line."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  -h, --help     %s\n", _("Show this help"));
  fprintf (stream, "  --version      %s\n", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Run “actorgraph-cli COMMAND --help” for a command’s options."));
  fprintf (stream, "\n%s\n", _("Exit status: 0 on success, 1 when something failed, 2 on a usage error."));
}

int
main (int    argc,
      char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return AG_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_help (stdout);
      return AG_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      g_print ("actorgraph-cli %s\n", PACKAGE_VERSION);
      return AG_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("actorgraph-cli %s", name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("actorgraph-cli: unknown command “%s”\n"), name);
  g_printerr (_("Try “actorgraph-cli --help” for the list of commands.\n"));
  return AG_CLI_EXIT_USAGE;
}
