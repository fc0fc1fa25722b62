/* ag-types.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ag-enums.h"
#include "ag-types.h"

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;

  *value = v->value;
  return TRUE;
}

/**
 * ag_actor_kind_to_display:
 * @kind: an actor kind
 *
 * Returns: the kind as people read it, translated, e.g. "Threat group"
 */
const char *
ag_actor_kind_to_display (AgActorKind kind)
{
  switch (kind)
    {
    case AG_ACTOR_COUNTRY:
      return _("Country");
    case AG_ACTOR_ALLIANCE:
      return _("Alliance");
    case AG_ACTOR_THREAT_GROUP:
      return _("Threat group");
    case AG_ACTOR_ORGANIZATION:
      return _("Organization");
    case AG_ACTOR_PERSON:
      return _("Person");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * ag_claim_kind_to_display:
 * @kind: a claim kind
 *
 * Returns: the kind as a translated verb phrase, e.g. "accuses"
 */
const char *
ag_claim_kind_to_display (AgClaimKind kind)
{
  switch (kind)
    {
    case AG_CLAIM_ACCUSES:
      return C_("claim kind", "accuses");
    case AG_CLAIM_ATTRIBUTES:
      return C_("claim kind", "attributes");
    case AG_CLAIM_TARGETS:
      return C_("claim kind", "targets");
    case AG_CLAIM_DENIES:
      return C_("claim kind", "denies");
    case AG_CLAIM_MEMBER_OF:
      return C_("claim kind", "member of");
    case AG_CLAIM_SANCTIONS:
      return C_("claim kind", "sanctions");
    case AG_CLAIM_COOPERATES:
      return C_("claim kind", "cooperates with");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * ag_review_status_to_display:
 * @status: a review status
 *
 * Returns: the status, translated, e.g. "Confirmed"
 */
const char *
ag_review_status_to_display (AgReviewStatus status)
{
  switch (status)
    {
    case AG_REVIEW_UNREVIEWED:
      return _("Unreviewed");
    case AG_REVIEW_CONFIRMED:
      return _("Confirmed");
    case AG_REVIEW_DISPUTED:
      return _("Disputed");
    case AG_REVIEW_REJECTED:
      return _("Rejected");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
ag_actor_kind_to_string (AgActorKind kind)
{
  return enum_to_nick (AG_TYPE_ACTOR_KIND, kind);
}

gboolean
ag_actor_kind_from_string (const char  *str,
                           AgActorKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!enum_from_nick (AG_TYPE_ACTOR_KIND, str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
ag_claim_kind_to_string (AgClaimKind kind)
{
  return enum_to_nick (AG_TYPE_CLAIM_KIND, kind);
}

gboolean
ag_claim_kind_from_string (const char  *str,
                           AgClaimKind *kind)
{
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (!enum_from_nick (AG_TYPE_CLAIM_KIND, str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
ag_review_status_to_string (AgReviewStatus status)
{
  return enum_to_nick (AG_TYPE_REVIEW_STATUS, status);
}

gboolean
ag_review_status_from_string (const char     *str,
                              AgReviewStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!enum_from_nick (AG_TYPE_REVIEW_STATUS, str, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

/* Punctuation only: symbols such as emoji are kept, so that a name made
 * of them still has a key of its own. */
static gboolean
is_punctuation (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
ascii_name_key (const char *name)
{
  GString *key = g_string_sized_new (strlen (name));
  gboolean pending_space = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isspace (c) || c == '-' || c == '_' || c == '/')
        {
          pending_space = key->len > 0;
          continue;
        }
      /* ASCII punctuation; symbols such as $ + < = > ^ ` | ~ are kept, as
       * in the general path. */
      if (g_ascii_ispunct (c) && strchr ("$+<=>^`|~", c) == NULL)
        continue;
      if (pending_space)
        g_string_append_c (key, ' ');
      pending_space = FALSE;
      g_string_append_c (key, g_ascii_tolower (c));
    }

  if (g_str_has_prefix (key->str, "the "))
    g_string_erase (key, 0, 4);

  return g_string_free (key, FALSE);
}

/**
 * ag_name_key:
 * @name: an actor name or alias
 *
 * The key under which a name is looked up: compatibility-normalised,
 * case-folded, punctuation dropped, runs of white space collapsed to one
 * space, and a leading "the " removed. "The U.K." and "the UK" share a key.
 *
 * Returns: (transfer full): the key, possibly empty
 */
char *
ag_name_key (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  /* Most names are ASCII, where normalising and case folding are plain
   * lower-casing: a fast path gives the same key. */
  {
    gboolean ascii = TRUE;

    for (const char *p = name; *p != '\0'; p++)
      if ((guchar)*p >= 0x80)
        {
          ascii = FALSE;
          break;
        }
    if (ascii)
      return ascii_name_key (name);
  }

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '_' || c == '/')
        {
          pending_space = key->len > 0;
          continue;
        }
      if (is_punctuation (c))
        continue;
      if (pending_space)
        g_string_append_c (key, ' ');
      pending_space = FALSE;
      g_string_append_unichar (key, c);
    }

  if (g_str_has_prefix (key->str, "the "))
    g_string_erase (key, 0, 4);

  return g_string_free (key, FALSE);
}
