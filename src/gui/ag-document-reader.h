/* ag-document-reader.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ag-case.h"

G_BEGIN_DECLS

#define AG_TYPE_DOCUMENT_READER (ag_document_reader_get_type ())

G_DECLARE_FINAL_TYPE (AgDocumentReader, ag_document_reader, AG, DOCUMENT_READER, GtkBox)

GtkWidget   *ag_document_reader_new           (void);
void         ag_document_reader_show_document (AgDocumentReader *self,
                                               AgCase           *kase,
                                               AgDocument       *document);
void         ag_document_reader_show_claim    (AgDocumentReader *self,
                                               AgCase           *kase,
                                               AgClaim          *claim);
AgDocument  *ag_document_reader_get_document  (AgDocumentReader *self);
gboolean     ag_document_reader_get_highlight (AgDocumentReader *self,
                                               int              *start,
                                               int              *end);
GtkTextView *ag_document_reader_get_text_view (AgDocumentReader *self);

G_END_DECLS
