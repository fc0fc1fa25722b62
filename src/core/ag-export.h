/* ag-export.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-geometry.h"

G_BEGIN_DECLS

#define AG_EXPORT_ERROR (ag_export_error_quark ())

typedef enum
{
  AG_EXPORT_ERROR_FORMAT,  /* no such format, or none from the file name */
  AG_EXPORT_ERROR_FAILED,  /* cairo or the file system failed */
} AgExportError;

typedef enum
{
  AG_EXPORT_SVG,
  AG_EXPORT_PNG,
  AG_EXPORT_PDF,
  AG_EXPORT_DOT,
  AG_EXPORT_GRAPHML,
  AG_EXPORT_JSON,
} AgExportFormat;

#define AG_EXPORT_N_FORMATS (AG_EXPORT_JSON + 1)

/* The largest PNG written, in pixels a side and in all; a larger drawing
 * gets a smaller scale. */
#define AG_EXPORT_PNG_MAX_SIDE   32767
#define AG_EXPORT_PNG_MAX_PIXELS (120 * 1000 * 1000)

typedef struct
{
  double   scale;       /* PNG pixels per point; 2 by default */
  guint32  background;  /* 0xRRGGBBAA; white by default; alpha 0: none */
  gboolean legend;      /* draw the legend of claim kinds; TRUE */
  guint    seed;        /* the layout's seed, for DOT; 1 */
} AgExportOptions;

GQuark      ag_export_error_quark        (void);

void        ag_export_options_init       (AgExportOptions       *options);

const char *ag_export_format_to_string   (AgExportFormat         format);
gboolean    ag_export_format_from_string (const char            *str,
                                          AgExportFormat        *format);
gboolean    ag_export_format_from_path   (const char            *path,
                                          AgExportFormat        *format);

GBytes     *ag_export_to_bytes           (AgGeometry            *geometry,
                                          AgExportFormat         format,
                                          const AgExportOptions *options,
                                          GError               **error);
gboolean    ag_export_to_file            (AgGeometry            *geometry,
                                          AgExportFormat         format,
                                          const AgExportOptions *options,
                                          GFile                 *file,
                                          GError               **error);

G_END_DECLS
