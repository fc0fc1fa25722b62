/* ag-actor.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-actor"

#include "config.h"

#include "ag-actor.h"
#include "ag-enums.h"
#include "ag-model-private.h"

struct _AgActor
{
  GObject      parent_instance;

  gint64       id;
  AgActorKind  kind;
  char        *name;
  GPtrArray   *aliases; /* NULL-terminated, so it doubles as a strv */
  char        *description;
};

G_DEFINE_FINAL_TYPE (AgActor, ag_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_ALIASES,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ag_actor_finalize (GObject *object)
{
  AgActor *self = (AgActor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ag_actor_parent_class)->finalize (object);
}

static void
ag_actor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AgActor *self = AG_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, ag_actor_get_aliases (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_actor_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AgActor *self = AG_ACTOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_actor_class_init (AgActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_actor_finalize;
  object_class->get_property = ag_actor_get_property;
  object_class->set_property = ag_actor_set_property;

  /* The row id in the case file; 0 for an actor that is in no case. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AG_TYPE_ACTOR_KIND, AG_ACTOR_ORGANIZATION,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_actor_init (AgActor *self)
{
  self->aliases = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->description = g_strdup ("");
}

/**
 * ag_actor_new:
 * @kind: the kind of actor
 * @name: its canonical name
 *
 * Creates an actor that belongs to no case yet.
 *
 * Returns: (transfer full): a new #AgActor
 */
AgActor *
ag_actor_new (AgActorKind  kind,
              const char  *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (AG_TYPE_ACTOR,
                       "kind", kind,
                       "name", name,
                       NULL);
}

gint64
ag_actor_get_id (AgActor *self)
{
  g_return_val_if_fail (AG_IS_ACTOR (self), 0);

  return self->id;
}

AgActorKind
ag_actor_get_kind (AgActor *self)
{
  g_return_val_if_fail (AG_IS_ACTOR (self), AG_ACTOR_ORGANIZATION);

  return self->kind;
}

const char *
ag_actor_get_name (AgActor *self)
{
  g_return_val_if_fail (AG_IS_ACTOR (self), NULL);

  return self->name;
}

/**
 * ag_actor_get_aliases:
 * @self: an #AgActor
 *
 * Returns: (transfer none): the other names of the actor, never %NULL
 */
const char * const *
ag_actor_get_aliases (AgActor *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (AG_IS_ACTOR (self), NULL);

  /* An empty array may not have allocated its terminator yet. */
  if (self->aliases->pdata == NULL)
    return none;
  return (const char * const *)self->aliases->pdata;
}

const char *
ag_actor_get_description (AgActor *self)
{
  g_return_val_if_fail (AG_IS_ACTOR (self), NULL);

  return self->description;
}

/**
 * ag_actor_has_alias:
 * @self: an #AgActor
 * @alias: a name
 *
 * Whether @alias is the actor's name or one of its aliases, compared by
 * ag_name_key().
 */
gboolean
ag_actor_has_alias (AgActor    *self,
                    const char *alias)
{
  g_autofree char *key = NULL;
  g_autofree char *name_key = NULL;

  g_return_val_if_fail (AG_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  key = ag_name_key (alias);
  name_key = ag_name_key (self->name);
  if (g_str_equal (key, name_key))
    return TRUE;

  for (guint i = 0; i < self->aliases->len; i++)
    {
      g_autofree char *alias_key = ag_name_key (g_ptr_array_index (self->aliases, i));

      if (g_str_equal (key, alias_key))
        return TRUE;
    }

  return FALSE;
}

void
_ag_actor_set_id (AgActor *self,
                  gint64   id)
{
  g_return_if_fail (AG_IS_ACTOR (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

void
_ag_actor_set_kind (AgActor     *self,
                    AgActorKind  kind)
{
  g_return_if_fail (AG_IS_ACTOR (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

void
_ag_actor_set_name (AgActor    *self,
                    const char *name)
{
  g_return_if_fail (AG_IS_ACTOR (self));
  g_return_if_fail (name != NULL);

  if (_ag_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_ag_actor_set_description (AgActor    *self,
                           const char *description)
{
  g_return_if_fail (AG_IS_ACTOR (self));

  if (_ag_set_str (&self->description, description ? description : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* Adds @alias unless the actor already answers to it. Returns whether it
 * was added. */
gboolean
_ag_actor_add_alias (AgActor    *self,
                     const char *alias)
{
  g_return_val_if_fail (AG_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (ag_actor_has_alias (self, alias))
    return FALSE;

  g_ptr_array_add (self->aliases, g_strdup (alias));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
  return TRUE;
}

void
_ag_actor_set_aliases (AgActor            *self,
                       const char * const *aliases)
{
  g_return_if_fail (AG_IS_ACTOR (self));

  g_ptr_array_set_size (self->aliases, 0);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!ag_actor_has_alias (self, aliases[i]))
      g_ptr_array_add (self->aliases, g_strdup (aliases[i]));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}
