/* ag-claim.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-claim"

#include "config.h"

#include "ag-actor.h"
#include "ag-claim.h"
#include "ag-document.h"
#include "ag-enums.h"
#include "ag-model-private.h"

struct _AgClaim
{
  GObject         parent_instance;

  gint64          id;
  AgClaimKind     kind;
  AgActor        *speaker;
  AgActor        *subject;
  AgActor        *object;
  AgDocument     *document;
  char           *evidence;
  glong           evidence_start;
  glong           evidence_end;
  double          confidence;
  AgReviewStatus  status;
  char           *note;
};

G_DEFINE_FINAL_TYPE (AgClaim, ag_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SPEAKER,
  PROP_SUBJECT,
  PROP_OBJECT,
  PROP_DOCUMENT,
  PROP_EVIDENCE,
  PROP_EVIDENCE_START,
  PROP_EVIDENCE_END,
  PROP_CONFIDENCE,
  PROP_STATUS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ag_claim_dispose (GObject *object)
{
  AgClaim *self = (AgClaim *)object;

  g_clear_object (&self->speaker);
  g_clear_object (&self->subject);
  g_clear_object (&self->object);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ag_claim_parent_class)->dispose (object);
}

static void
ag_claim_finalize (GObject *object)
{
  AgClaim *self = (AgClaim *)object;

  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (ag_claim_parent_class)->finalize (object);
}

static void
ag_claim_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AgClaim *self = AG_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SPEAKER:
      g_value_set_object (value, self->speaker);
      break;

    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;

    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    case PROP_EVIDENCE_START:
      g_value_set_long (value, self->evidence_start);
      break;

    case PROP_EVIDENCE_END:
      g_value_set_long (value, self->evidence_end);
      break;

    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_claim_class_init (AgClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ag_claim_dispose;
  object_class->finalize = ag_claim_finalize;
  object_class->get_property = ag_claim_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, AG_TYPE_CLAIM_KIND, AG_CLAIM_ACCUSES, ro);
  /* Who voices the claim; %NULL when only the author asserts it. */
  properties[PROP_SPEAKER] =
    g_param_spec_object ("speaker", NULL, NULL, AG_TYPE_ACTOR, ro);
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, AG_TYPE_ACTOR, ro);
  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL, AG_TYPE_ACTOR, ro);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, AG_TYPE_DOCUMENT, ro);
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, "", ro);
  /* Character offsets of the evidence in the document's text, -1 if unknown. */
  properties[PROP_EVIDENCE_START] =
    g_param_spec_long ("evidence-start", NULL, NULL, -1, G_MAXLONG, -1, ro);
  properties[PROP_EVIDENCE_END] =
    g_param_spec_long ("evidence-end", NULL, NULL, -1, G_MAXLONG, -1, ro);
  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0.0, 1.0, 1.0, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, AG_TYPE_REVIEW_STATUS, AG_REVIEW_UNREVIEWED, ro);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_claim_init (AgClaim *self)
{
  self->evidence = g_strdup ("");
  self->evidence_start = -1;
  self->evidence_end = -1;
  self->confidence = 1.0;
  self->note = g_strdup ("");
}

gint64
ag_claim_get_id (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), 0);

  return self->id;
}

AgClaimKind
ag_claim_get_kind (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), AG_CLAIM_ACCUSES);

  return self->kind;
}

/**
 * ag_claim_get_speaker:
 * @self: an #AgClaim
 *
 * Returns: (transfer none) (nullable): who voices the claim
 */
AgActor *
ag_claim_get_speaker (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), NULL);

  return self->speaker;
}

/**
 * ag_claim_get_subject:
 * @self: an #AgClaim
 *
 * Returns: (transfer none): the actor the claim is about
 */
AgActor *
ag_claim_get_subject (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), NULL);

  return self->subject;
}

/**
 * ag_claim_get_object:
 * @self: an #AgClaim
 *
 * Returns: (transfer none) (nullable): the other end of the claim
 */
AgActor *
ag_claim_get_object (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), NULL);

  return self->object;
}

/**
 * ag_claim_get_document:
 * @self: an #AgClaim
 *
 * Returns: (transfer none): the document the claim comes from
 */
AgDocument *
ag_claim_get_document (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), NULL);

  return self->document;
}

const char *
ag_claim_get_evidence (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), NULL);

  return self->evidence;
}

glong
ag_claim_get_evidence_start (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), -1);

  return self->evidence_start;
}

glong
ag_claim_get_evidence_end (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), -1);

  return self->evidence_end;
}

double
ag_claim_get_confidence (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), 0.0);

  return self->confidence;
}

AgReviewStatus
ag_claim_get_status (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), AG_REVIEW_UNREVIEWED);

  return self->status;
}

const char *
ag_claim_get_note (AgClaim *self)
{
  g_return_val_if_fail (AG_IS_CLAIM (self), NULL);

  return self->note;
}

AgClaim *
_ag_claim_new (gint64       id,
               AgClaimKind  kind,
               AgActor     *speaker,
               AgActor     *subject,
               AgActor     *object,
               AgDocument  *document)
{
  AgClaim *self;

  g_return_val_if_fail (AG_IS_ACTOR (subject), NULL);
  g_return_val_if_fail (AG_IS_DOCUMENT (document), NULL);

  self = g_object_new (AG_TYPE_CLAIM, NULL);
  self->id = id;
  self->kind = kind;
  g_set_object (&self->speaker, speaker);
  g_set_object (&self->subject, subject);
  g_set_object (&self->object, object);
  g_set_object (&self->document, document);

  return self;
}

void
_ag_claim_set_evidence (AgClaim    *self,
                        const char *evidence,
                        glong       start,
                        glong       end)
{
  g_return_if_fail (AG_IS_CLAIM (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (_ag_set_str (&self->evidence, evidence ? evidence : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
  if (self->evidence_start != start)
    {
      self->evidence_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_START]);
    }
  if (self->evidence_end != end)
    {
      self->evidence_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_ag_claim_set_confidence (AgClaim *self,
                          double   confidence)
{
  g_return_if_fail (AG_IS_CLAIM (self));

  confidence = CLAMP (confidence, 0.0, 1.0);
  if (self->confidence != confidence)
    {
      self->confidence = confidence;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
    }
}

void
_ag_claim_set_status (AgClaim        *self,
                      AgReviewStatus  status)
{
  g_return_if_fail (AG_IS_CLAIM (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

void
_ag_claim_set_note (AgClaim    *self,
                    const char *note)
{
  g_return_if_fail (AG_IS_CLAIM (self));

  if (_ag_set_str (&self->note, note ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_ag_claim_set_actors (AgClaim *self,
                      AgActor *speaker,
                      AgActor *subject,
                      AgActor *object)
{
  g_return_if_fail (AG_IS_CLAIM (self));
  g_return_if_fail (AG_IS_ACTOR (subject));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->speaker, speaker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
  if (g_set_object (&self->subject, subject))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
  if (g_set_object (&self->object, object))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT]);
  g_object_thaw_notify (G_OBJECT (self));
}
