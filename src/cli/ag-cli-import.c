/* ag-cli-import.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "actorgraph-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-case.h"
#include "ag-document.h"
#include "ag-extraction.h"
#include "ag-importer.h"

#include "ag-cli.h"

/* Imports one file. Returns FALSE after reporting a failure. Each document
 * is committed on its own, so what was reported done stays done. */
static gboolean
import_one (AgCase     *kase,
            const char *path,
            guint       index,
            guint       total)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *name = ag_cli_display_name (path);
  g_autofree char *basename = g_path_get_basename (path);
  gboolean ok = TRUE;

  items = ag_importer_load_file (file, NULL, &error);
  if (items == NULL)
    {
      ag_cli_fail (name, "%s", error->message);
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      AgImportItem *item = g_ptr_array_index (items, i);
      AgDocument *existing = NULL;
      g_autoptr(GError) local_error = NULL;

      ag_import_item_ensure_extraction (item,
                                        ag_case_find_document (kase, ag_document_get_content_hash (item->document)) != NULL,
                                        basename);

      if (!ag_case_add_document (kase, item->document, item->extraction, &existing, &local_error))
        {
          g_autofree char *case_path = g_file_get_path (ag_case_get_file (kase));
          g_autofree char *case_name = ag_cli_display_name (case_path);

          /* The case is what failed here, not the document. */
          ag_cli_fail (name, _("not imported: %s %s"), case_name, local_error->message);
          ok = FALSE;
          continue;
        }

      if (existing != NULL)
        g_printerr (_("[%'u/%'u] %s: already in the case as “%s”\n"),
                    index, total, name, ag_document_get_title (existing));
      else
        {
          AgDocument *added = ag_case_find_document (kase, ag_document_get_content_hash (item->document));
          guint n_claims = item->extraction ? ag_extraction_get_n_claims (item->extraction) : 0;

          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "[%'u/%'u] %s: imported as document %lld (%'u claim)\n",
                                   "[%'u/%'u] %s: imported as document %lld (%'u claims)\n",
                                   n_claims),
                      index, total, name, (long long)(added ? ag_document_get_id (added) : 0), n_claims);
        }
    }

  return ok;
}

int
ag_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) case_file = NULL;
  g_autoptr(AgCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_name = NULL;
  guint n_failed = 0;
  guint n_files;
  int status = AG_CLI_EXIT_OK;

  context = ag_cli_option_context_new (_("CASE FILE…"), NULL,
    _("Add documents to a case, creating the case if it is missing.\n"
      "\n"
      "FILE may be plain text (.txt), Markdown (.md), HTML (.html, .htm),\n"
      "PDF (.pdf), or JSON in Actor Graph’s extraction format, which carries\n"
      "actors and claims. The type is told from the content. A document\n"
      "already in the case is skipped. A file that cannot be read is\n"
      "reported and the others are still imported."));
  g_option_context_set_description (context,
    _("Progress goes to standard error, the summary to standard output.\n"
      "Exit status: 0 when every file was imported or already there,\n"
      "1 when any failed, 2 on a usage error."));
  if (!ag_cli_parse (context, &argc, &argv, &status))
    return status;

  if (argc < 3)
    return ag_cli_usage (argc < 2 ? _("missing CASE and FILE") : _("missing FILE"));

  case_name = ag_cli_display_name (argv[1]);
  case_file = g_file_new_for_commandline_arg (argv[1]);
  kase = ag_case_open (case_file, AG_CASE_OPEN_CREATE, &error);
  if (kase == NULL)
    {
      ag_cli_fail (case_name, "%s", error->message);
      return AG_CLI_EXIT_FAILED;
    }

  n_files = argc - 2;
  for (guint i = 0; i < n_files; i++)
    if (!import_one (kase, argv[2 + i], i + 1, n_files))
      n_failed++;

  if (n_failed > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%s: %'u of %'u file imported, %'u failed\n",
                          "%s: %'u of %'u files imported, %'u failed\n",
                          n_files),
             case_name, n_files - n_failed, n_files, n_failed);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%s: %'u file imported\n",
                          "%s: %'u files imported\n",
                          n_files),
             case_name, n_files);

  ag_case_close (kase);
  return n_failed > 0 ? AG_CLI_EXIT_FAILED : AG_CLI_EXIT_OK;
}
