/* ag-gazetteer.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ag-knowledge.h"
#include "ag-text.h"

G_BEGIN_DECLS

/* A name found in a paragraph: tokens first..last (inclusive) spell one or
 * more known forms (an alias such as "NCSC" may name several bodies). */
typedef struct
{
  guint                   first;
  guint                   last;
  const AgKnowledgeForm **forms;
  guint                   n_forms;
} AgGazetteerMatch;

#define AG_TYPE_GAZETTEER (ag_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (AgGazetteer, ag_gazetteer, AG, GAZETTEER, GObject)

AgGazetteer *ag_gazetteer_new          (AgKnowledge *knowledge);
AgKnowledge *ag_gazetteer_get_knowledge (AgGazetteer *self);
guint        ag_gazetteer_get_n_patterns (AgGazetteer *self);
void         ag_gazetteer_match        (AgGazetteer *self,
                                        AgParagraph *paragraph,
                                        GArray      *matches);

G_END_DECLS
