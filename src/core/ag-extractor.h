/* ag-extractor.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-extraction.h"
#include "ag-knowledge.h"

G_BEGIN_DECLS

#define AG_TYPE_EXTRACTOR (ag_extractor_get_type ())

G_DECLARE_FINAL_TYPE (AgExtractor, ag_extractor, AG, EXTRACTOR, GObject)

AgExtractor  *ag_extractor_new         (AgKnowledge   *knowledge);
AgExtractor  *ag_extractor_get_default (void);
AgExtraction *ag_extractor_extract     (AgExtractor   *self,
                                        const char    *text,
                                        gssize         length,
                                        const char    *document,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
