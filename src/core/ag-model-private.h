/* ag-model-private.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Setters for the model objects. Only AgCase and the importer call them:
 * every change a user makes goes through AgCase, which writes it to the
 * case file first and updates the object after the commit. */

#include "ag-actor.h"
#include "ag-claim.h"
#include "ag-document.h"

G_BEGIN_DECLS

/* Replaces *@ptr by a copy of @value; returns whether it changed.
 * (g_set_str() arrived after GLib 2.74.) */
static inline gboolean
_ag_set_str (char       **ptr,
             const char  *value)
{
  if (*ptr == value || g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

void     _ag_actor_set_id               (AgActor        *self,
                                         gint64          id);
void     _ag_actor_set_kind             (AgActor        *self,
                                         AgActorKind     kind);
void     _ag_actor_set_name             (AgActor        *self,
                                         const char     *name);
void     _ag_actor_set_description      (AgActor        *self,
                                         const char     *description);
gboolean _ag_actor_add_alias            (AgActor        *self,
                                         const char     *alias);
void     _ag_actor_set_aliases          (AgActor        *self,
                                         const char * const *aliases);

void     _ag_document_set_id            (AgDocument     *self,
                                         gint64          id);
void     _ag_document_set_imported      (AgDocument     *self,
                                         GDateTime      *imported);
void     _ag_document_set_content_hash  (AgDocument     *self,
                                         const char     *hash);

AgClaim *_ag_claim_new                  (gint64          id,
                                         AgClaimKind     kind,
                                         AgActor        *speaker,
                                         AgActor        *subject,
                                         AgActor        *object,
                                         AgDocument     *document);
void     _ag_claim_set_evidence         (AgClaim        *self,
                                         const char     *evidence,
                                         glong           start,
                                         glong           end);
void     _ag_claim_set_confidence       (AgClaim        *self,
                                         double          confidence);
void     _ag_claim_set_status           (AgClaim        *self,
                                         AgReviewStatus  status);
void     _ag_claim_set_note             (AgClaim        *self,
                                         const char     *note);
void     _ag_claim_set_actors           (AgClaim        *self,
                                         AgActor        *speaker,
                                         AgActor        *subject,
                                         AgActor        *object);

G_END_DECLS
