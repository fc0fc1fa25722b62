/* ag-case-snapshot.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ag-types.h"

G_BEGIN_DECLS

/* One actor as the graph needs it. */
typedef struct
{
  gint64       id;
  AgActorKind  kind;
  const char  *name;       /* owned by the snapshot */
} AgSnapshotActor;

/* One claim as the graph and its filters need it. */
typedef struct
{
  gint64          id;
  AgClaimKind     kind;
  AgReviewStatus  status;
  double          confidence;
  gint64          subject;   /* actor ids, 0 for none */
  gint64          object;
  gint64          speaker;
  gint64          document;  /* document id, 0 for none */
  GDateTime      *published; /* the document's date, or NULL; owned by the snapshot */
} AgSnapshotClaim;

#define AG_TYPE_CASE_SNAPSHOT (ag_case_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (AgCaseSnapshot, ag_case_snapshot, AG, CASE_SNAPSHOT, GObject)

AgCaseSnapshot        *ag_case_snapshot_new        (AgCase         *kase);
const AgSnapshotActor *ag_case_snapshot_get_actors (AgCaseSnapshot *self,
                                                    guint          *n_actors);
const AgSnapshotClaim *ag_case_snapshot_get_claims (AgCaseSnapshot *self,
                                                    guint          *n_claims);

G_END_DECLS
