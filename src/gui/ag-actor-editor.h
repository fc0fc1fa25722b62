/* ag-actor-editor.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ag-case.h"

G_BEGIN_DECLS

#define AG_TYPE_ACTOR_EDITOR (ag_actor_editor_get_type ())

G_DECLARE_FINAL_TYPE (AgActorEditor, ag_actor_editor, AG, ACTOR_EDITOR, AdwWindow)

AgActorEditor *ag_actor_editor_new       (GtkWindow     *parent,
                                          AgCase        *kase,
                                          AgActor       *actor);
AgCase        *ag_actor_editor_get_case  (AgActorEditor *self);
AgActor       *ag_actor_editor_get_actor (AgActorEditor *self);

G_END_DECLS
