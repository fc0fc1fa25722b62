/* ag-document.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_DOCUMENT (ag_document_get_type ())

G_DECLARE_FINAL_TYPE (AgDocument, ag_document, AG, DOCUMENT, GObject)

AgDocument  *ag_document_new              (const char *title,
                                           const char *source,
                                           const char *text);
gint64       ag_document_get_id           (AgDocument *self);
const char  *ag_document_get_title        (AgDocument *self);
const char  *ag_document_get_source       (AgDocument *self);
const char  *ag_document_get_media_type   (AgDocument *self);
void         ag_document_set_media_type   (AgDocument *self,
                                           const char *media_type);
GDateTime   *ag_document_get_published    (AgDocument *self);
void         ag_document_set_published    (AgDocument *self,
                                           GDateTime  *published);
GDateTime   *ag_document_get_imported     (AgDocument *self);
const char  *ag_document_get_text         (AgDocument *self);
glong        ag_document_get_length       (AgDocument *self);
const char  *ag_document_get_content_hash (AgDocument *self);
char        *ag_document_dup_span         (AgDocument *self,
                                           glong       start,
                                           glong       end);

char        *ag_content_hash              (const char *data,
                                           gsize       length);

G_END_DECLS
