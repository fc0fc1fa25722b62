/* ag-importer.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_IMPORT_ERROR (ag_import_error_quark ())

typedef enum
{
  AG_IMPORT_ERROR_EMPTY,       /* nothing but white space */
  AG_IMPORT_ERROR_BINARY,      /* not a document type we read */
  AG_IMPORT_ERROR_ENCODING,    /* undeclared or unconvertible encoding */
  AG_IMPORT_ERROR_TOO_LARGE,
  AG_IMPORT_ERROR_PARSE,       /* a damaged PDF, HTML without text, invalid JSON */
} AgImportError;

typedef enum
{
  AG_FORMAT_UNKNOWN,
  AG_FORMAT_TEXT,
  AG_FORMAT_MARKDOWN,
  AG_FORMAT_HTML,
  AG_FORMAT_PDF,
  AG_FORMAT_JSON,
} AgFormat;

/* The largest file the importer reads, in bytes. */
#define AG_IMPORT_MAX_SIZE (256 * 1024 * 1024)

/* One document read from a file, with the actors and claims a JSON
 * extraction file carried for it (NULL for plain documents). */
typedef struct
{
  AgDocument   *document;
  AgExtraction *extraction;
} AgImportItem;

GQuark     ag_import_error_quark            (void);
void       ag_import_item_free              (AgImportItem  *item);
void       ag_import_item_ensure_extraction (AgImportItem  *item,
                                             gboolean       in_case,
                                             const char    *name);

AgFormat   ag_importer_detect               (const char    *data,
                                             gsize          length,
                                             const char    *filename);
GPtrArray *ag_importer_load_bytes           (GBytes        *bytes,
                                             const char    *filename,
                                             const char    *source,
                                             GError       **error);
GPtrArray *ag_importer_load_file            (GFile         *file,
                                             GCancellable  *cancellable,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AgImportItem, ag_import_item_free)

G_END_DECLS
