/* ag-cli.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Exit statuses of every command (DESIGN.md, "Command line"). */
enum {
  AG_CLI_EXIT_OK = 0,
  AG_CLI_EXIT_FAILED = 1,
  AG_CLI_EXIT_USAGE = 2,
};

typedef int (*AgCliCommand) (int    argc,
                             char **argv);

int  ag_cli_export    (int          argc,
                       char       **argv);
int  ag_cli_extract   (int          argc,
                       char       **argv);
int  ag_cli_import    (int          argc,
                       char       **argv);
int  ag_cli_info      (int          argc,
                       char       **argv);
int  ag_cli_knowledge (int          argc,
                       char       **argv);

void ag_cli_fail      (const char  *what,
                       const char  *format,
                       ...) G_GNUC_PRINTF (2, 3);
int  ag_cli_usage     (const char  *format,
                       ...) G_GNUC_PRINTF (1, 2);
GOptionContext *ag_cli_option_context_new (const char         *parameters,
                                           const GOptionEntry *entries,
                                           const char         *summary);
gboolean ag_cli_parse (GOptionContext *context,
                       int         *argc,
                       char      ***argv,
                       int         *status);
char *ag_cli_display_name (const char *path);
void  ag_cli_print_json   (JsonNode   *root);

guint       ag_cli_display_width       (const char     *text);
void        ag_cli_print_row           (const char     *label,
                                        guint           width,
                                        guint           count);

G_END_DECLS
