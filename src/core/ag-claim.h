/* ag-claim.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_CLAIM (ag_claim_get_type ())

G_DECLARE_FINAL_TYPE (AgClaim, ag_claim, AG, CLAIM, GObject)

gint64          ag_claim_get_id             (AgClaim *self);
AgClaimKind     ag_claim_get_kind           (AgClaim *self);
AgActor        *ag_claim_get_speaker        (AgClaim *self);
AgActor        *ag_claim_get_subject        (AgClaim *self);
AgActor        *ag_claim_get_object         (AgClaim *self);
AgDocument     *ag_claim_get_document       (AgClaim *self);
const char     *ag_claim_get_evidence       (AgClaim *self);
glong           ag_claim_get_evidence_start (AgClaim *self);
glong           ag_claim_get_evidence_end   (AgClaim *self);
double          ag_claim_get_confidence     (AgClaim *self);
AgReviewStatus  ag_claim_get_status         (AgClaim *self);
const char     *ag_claim_get_note           (AgClaim *self);

G_END_DECLS
