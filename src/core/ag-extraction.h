/* ag-extraction.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_EXTRACTION_ERROR (ag_extraction_error_quark ())

typedef enum
{
  AG_EXTRACTION_ERROR_INVALID,
} AgExtractionError;

/* One actor of an extraction, as DESIGN.md's "Extraction output" has it. */
typedef struct
{
  char        *name;
  AgActorKind  kind;
  GPtrArray   *aliases;     /* (element-type utf8): surface forms in the document */
  char        *description; /* (nullable) */
} AgExtractedActor;

/* One claim of an extraction. Actor fields hold names from the actor list. */
typedef struct
{
  AgClaimKind     kind;
  char           *speaker;    /* (nullable) */
  char           *subject;
  char           *object;     /* (nullable) */
  char           *evidence;   /* the quoted text; "" when unknown */
  glong           start;      /* character offsets into the text; -1 when unknown */
  glong           end;
  double          confidence; /* 0..1 */
  AgReviewStatus  status;
  char           *note;       /* (nullable) */
} AgExtractedClaim;

#define AG_TYPE_EXTRACTION (ag_extraction_get_type ())

G_DECLARE_FINAL_TYPE (AgExtraction, ag_extraction, AG, EXTRACTION, GObject)

GQuark                  ag_extraction_error_quark      (void);

AgExtraction           *ag_extraction_new              (const char        *document);
AgExtraction           *ag_extraction_new_from_json    (JsonNode          *node,
                                                        GError           **error);
JsonNode               *ag_extraction_to_json          (AgExtraction      *self);

const char             *ag_extraction_get_document     (AgExtraction      *self);

/* Optional document fields that the JSON import format may carry. */
const char             *ag_extraction_get_text         (AgExtraction      *self);
const char             *ag_extraction_get_title        (AgExtraction      *self);
GDateTime              *ag_extraction_get_published    (AgExtraction      *self);
const char             *ag_extraction_get_source       (AgExtraction      *self);
void                    ag_extraction_set_text         (AgExtraction      *self,
                                                        const char        *text);
void                    ag_extraction_set_title        (AgExtraction      *self,
                                                        const char        *title);
void                    ag_extraction_set_published    (AgExtraction      *self,
                                                        GDateTime         *published);
void                    ag_extraction_set_source       (AgExtraction      *self,
                                                        const char        *source);

AgExtractedActor       *ag_extraction_add_actor        (AgExtraction      *self,
                                                        AgActorKind        kind,
                                                        const char        *name);
void                    ag_extracted_actor_add_alias   (AgExtractedActor  *actor,
                                                        const char        *alias);
AgExtractedClaim       *ag_extraction_add_claim        (AgExtraction      *self,
                                                        AgClaimKind        kind,
                                                        const char        *speaker,
                                                        const char        *subject,
                                                        const char        *object);
void                    ag_extracted_claim_set_evidence (AgExtractedClaim *claim,
                                                         const char       *evidence,
                                                         glong             start,
                                                         glong             end);

guint                   ag_extraction_get_n_actors     (AgExtraction      *self);
const AgExtractedActor *ag_extraction_get_actor        (AgExtraction      *self,
                                                        guint              index);
const AgExtractedActor *ag_extraction_find_actor       (AgExtraction      *self,
                                                        const char        *name);
guint                   ag_extraction_get_n_claims     (AgExtraction      *self);
const AgExtractedClaim *ag_extraction_get_claim        (AgExtraction      *self,
                                                        guint              index);

void                    ag_extracted_actor_free        (AgExtractedActor  *actor);
void                    ag_extracted_claim_free        (AgExtractedClaim  *claim);

GDateTime              *ag_parse_date                  (const char        *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AgExtractedActor, ag_extracted_actor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AgExtractedClaim, ag_extracted_claim_free)

G_END_DECLS
