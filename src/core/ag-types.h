/* ag-types.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AgActor      AgActor;
typedef struct _AgCase       AgCase;
typedef struct _AgClaim      AgClaim;
typedef struct _AgDocument   AgDocument;
typedef struct _AgExtraction AgExtraction;

/**
 * AgActorKind:
 *
 * What an actor is. The nicks are the strings of the case file and the
 * extraction format.
 */
typedef enum
{
  AG_ACTOR_COUNTRY,      /*< nick=country >*/
  AG_ACTOR_ALLIANCE,     /*< nick=alliance >*/
  AG_ACTOR_THREAT_GROUP, /*< nick=threat-group >*/
  AG_ACTOR_ORGANIZATION, /*< nick=organization >*/
  AG_ACTOR_PERSON,       /*< nick=person >*/
} AgActorKind;

#define AG_N_ACTOR_KINDS (AG_ACTOR_PERSON + 1)

/**
 * AgClaimKind:
 *
 * What a claim says about its subject and object (see DESIGN.md).
 */
typedef enum
{
  AG_CLAIM_ACCUSES,    /*< nick=accuses >*/
  AG_CLAIM_ATTRIBUTES, /*< nick=attributes >*/
  AG_CLAIM_TARGETS,    /*< nick=targets >*/
  AG_CLAIM_DENIES,     /*< nick=denies >*/
  AG_CLAIM_MEMBER_OF,  /*< nick=member_of >*/
  AG_CLAIM_SANCTIONS,  /*< nick=sanctions >*/
  AG_CLAIM_COOPERATES, /*< nick=cooperates >*/
} AgClaimKind;

#define AG_N_CLAIM_KINDS (AG_CLAIM_COOPERATES + 1)

/**
 * AgReviewStatus:
 *
 * Where an analyst's review of a claim stands.
 */
typedef enum
{
  AG_REVIEW_UNREVIEWED, /*< nick=unreviewed >*/
  AG_REVIEW_CONFIRMED,  /*< nick=confirmed >*/
  AG_REVIEW_DISPUTED,   /*< nick=disputed >*/
  AG_REVIEW_REJECTED,   /*< nick=rejected >*/
} AgReviewStatus;

#define AG_N_REVIEW_STATUSES (AG_REVIEW_REJECTED + 1)

const char *ag_actor_kind_to_string     (AgActorKind     kind);
gboolean    ag_actor_kind_from_string   (const char     *str,
                                         AgActorKind    *kind);
const char *ag_claim_kind_to_string     (AgClaimKind     kind);
gboolean    ag_claim_kind_from_string   (const char     *str,
                                         AgClaimKind    *kind);
const char *ag_review_status_to_string  (AgReviewStatus  status);
gboolean    ag_review_status_from_string (const char    *str,
                                          AgReviewStatus *status);

const char *ag_actor_kind_to_display    (AgActorKind     kind);
const char *ag_claim_kind_to_display    (AgClaimKind     kind);
const char *ag_review_status_to_display (AgReviewStatus  status);

char       *ag_name_key                 (const char     *name);

G_END_DECLS
