/* ag-actor.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_ACTOR (ag_actor_get_type ())

G_DECLARE_FINAL_TYPE (AgActor, ag_actor, AG, ACTOR, GObject)

AgActor            *ag_actor_new             (AgActorKind  kind,
                                              const char  *name);
gint64              ag_actor_get_id          (AgActor     *self);
AgActorKind         ag_actor_get_kind        (AgActor     *self);
const char         *ag_actor_get_name        (AgActor     *self);
const char * const *ag_actor_get_aliases     (AgActor     *self);
const char         *ag_actor_get_description (AgActor     *self);
gboolean            ag_actor_has_alias       (AgActor     *self,
                                              const char  *alias);

G_END_DECLS
