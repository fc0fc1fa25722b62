/* ag-extractor.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-extractor"

#include "config.h"

#include <string.h>

#include "ag-extractor-private.h"

/* AgExtractor: from text to actors and claims.
 *
 * A paragraph at a time (so memory does not grow with the document):
 * tokens on Unicode boundaries; names from the gazetteer; names the
 * gazetteer cannot know, found by their shape (threat group naming
 * schemes, people after titles, bodies ending in "Ministry" or "Agency",
 * acronyms in parentheses); short forms resolved against what came before
 * (surnames, "the alliance", "he"); then the claim rules, a sentence at a
 * time (ag-extractor-claims.c). Actors that neither speak nor take part in
 * a claim are left out, as the annotation guidelines ask. */

struct _AgExtractor
{
  GObject      parent_instance;

  AgKnowledge *knowledge;
  AgGazetteer *gazetteer;
};

G_DEFINE_FINAL_TYPE (AgExtractor, ag_extractor, G_TYPE_OBJECT)

/* Words that introduce a person's name: "spokesman Lin Jian". */
static const char * const person_titles[] = {
  "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "president",
  "chief", "director", "ambassador", "chairman", "chairwoman", "commissioner", "premier",
  "chancellor", "senator", "general", "adviser", "advisor", "envoy", "head", "official",
  "deputy", "attorney", "prosecutor", "mr", "mrs", "ms", "dr", "prof", "professor",
  "researcher", "analyst", "governor", "mayor", "leader", "king", "queen", "sheikh",
  "colonel", "admiral", "officer", "representative", "lawmaker", "mp", "prime",
};

/* Lower-case words of an office in a title: "foreign ministry spokesman". */
static const char * const office_words[] = {
  "foreign", "policy", "ministry", "affairs", "defence", "defense", "interior",
  "state", "government", "security", "intelligence", "cyber", "national", "press",
  "embassy", "chief", "deputy", "justice", "home", "trade", "cabinet", "kremlin",
};

/* Nouns that end the name of a body: "Electoral Commission". */
static const char * const org_heads[] = {
  "ministry", "commission", "agency", "department", "office", "centre", "center",
  "council", "parliament", "organisation", "organization", "service", "services",
  "bureau", "directorate", "committee", "administration", "establishment", "authority",
  "institute", "command", "police", "court", "embassy", "foundation", "association",
  "corporation", "inc", "ltd", "company", "university", "congress", "senate", "assembly",
  "cabinet", "government", "team", "unit", "division", "board", "executive", "forces",
  "force", "army", "navy", "guard", "corps", "laboratory", "lab", "labs", "network",
};

/* Threat group naming schemes of the vendors, and the state their suffix
 * points at: Panda and Typhoon for China, Bear and Blizzard for Russia… */
static const struct {
  const char *suffix;
  const char *state;
} group_suffixes[] = {
  { "panda", "CN" }, { "typhoon", "CN" },
  { "bear", "RU" }, { "blizzard", "RU" },
  { "kitten", "IR" }, { "sandstorm", "IR" },
  { "chollima", "KP" }, { "sleet", "KP" },
  { "spider", NULL }, { "tempest", NULL }, { "jackal", NULL }, { "tiger", "IN" },
  { "leopard", "PK" }, { "buffalo", "VN" }, { "crane", "KR" }, { "hail", NULL },
  { "cyclone", NULL }, { "flood", NULL }, { "dust", NULL }, { "tsunami", NULL },
  { "ocelot", "CO" }, { "chimera", NULL }, { "wolf", "TR" }, { "hawk", "KZ" },
};

/* Secureworks names: an element and a word in capitals. */
static const char * const group_elements[] = {
  "aluminum", "bronze", "cobalt", "copper", "gold", "iron", "lead", "nickel",
  "platinum", "tungsten", "zinc", "carbon", "silver", "titanium", "tin", "mercury",
};

/* Word lists are looked up for every token: each becomes a hash set on
 * first use. A set is never changed once made, so only making it needs
 * the lock. */
gboolean
_ag_word_in_list (const char         *word,
                  const char * const *list,
                  gsize               n)
{
  G_LOCK_DEFINE_STATIC (sets);
  static GHashTable *sets;
  GHashTable *set;

  G_LOCK (sets);
  if (sets == NULL)
    sets = g_hash_table_new (NULL, NULL);
  set = g_hash_table_lookup (sets, list);
  if (set == NULL)
    {
      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < n; i++)
        g_hash_table_add (set, (gpointer)list[i]);
      g_hash_table_insert (sets, (gpointer)list, set);
    }
  G_UNLOCK (sets);

  return g_hash_table_contains (set, word);
}

#define IN_LIST(word, list) _ag_word_in_list ((word), (list), G_N_ELEMENTS (list))

static AgToken *
token_at (Extraction *x,
          guint       i)
{
  return &g_array_index (x->paragraph->tokens, AgToken, i);
}

const char *
_ag_token_norm (Extraction *x,
                guint       i)
{
  if (i >= x->paragraph->tokens->len)
    return "";
  return token_at (x, i)->norm;
}

static char *
token_text (Extraction *x,
            guint       first,
            guint       last)
{
  AgToken *a = token_at (x, first);
  AgToken *b = token_at (x, last);

  return g_strndup (x->paragraph->text + a->start, b->end - a->start);
}

gint
_ag_extraction_actor_resolve (Extraction *x,
                              gint        actor)
{
  while (actor >= 0 && g_array_index (x->actors, Actor, actor).merged_into >= 0)
    actor = g_array_index (x->actors, Actor, actor).merged_into;
  return actor;
}

static Actor *
actor_get (Extraction *x,
           gint        actor)
{
  return &g_array_index (x->actors, Actor, actor);
}

gboolean
_ag_actor_is_state (Extraction *x,
                    gint        actor)
{
  actor = _ag_extraction_actor_resolve (x, actor);
  return actor >= 0 && actor_get (x, actor)->kind == AG_ACTOR_COUNTRY;
}

void
_ag_extraction_add_alias (Extraction *x,
                          gint        actor,
                          const char *alias,
                          gsize       length)
{
  g_autofree char *text = g_strndup (alias, length);
  g_autofree char *key = NULL;
  Actor *a;

  actor = _ag_extraction_actor_resolve (x, actor);
  if (actor < 0)
    return;
  a = actor_get (x, actor);

  /* The same spelling of the same actor comes back with every mention:
   * normalise it once. */
  {
    g_autofree char *seen = g_strdup_printf ("%d:%s", actor, text);

    if (g_hash_table_contains (x->seen_forms, seen))
      return;
    if (g_hash_table_size (x->seen_forms) < 100000)
      g_hash_table_add (x->seen_forms, g_steal_pointer (&seen));
  }

  /* Quotation marks are not part of a name. */
  {
    GString *clean = g_string_new (NULL);

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c != '"' && c != 0x201C && c != 0x201D && c != 0x00AB && c != 0x00BB && c != 0x2018)
          g_string_append_unichar (clean, c);
      }
    g_free (text);
    text = g_string_free (clean, FALSE);
  }
  g_strstrip (text);
  /* "the Kremlin" → "Kremlin"; "Russia’s" → "Russia". */
  if (g_ascii_strncasecmp (text, "the ", 4) == 0)
    memmove (text, text + 4, strlen (text + 4) + 1);
  if (g_str_has_suffix (text, "’s") || g_str_has_suffix (text, "'s"))
    text[strlen (text) - (g_str_has_suffix (text, "'s") ? 2 : 4)] = '\0';
  g_strdelimit (text, "\r\n\t", ' ');

  key = ag_name_key (text);
  if (*key == '\0' || g_hash_table_contains (a->alias_keys, key))
    return;
  g_hash_table_add (a->alias_keys, g_steal_pointer (&key));
  g_ptr_array_add (a->aliases, g_steal_pointer (&text));
}

/* The actor called @name, made on first sight. */
static gint
actor_for (Extraction             *x,
           const char             *name,
           AgActorKind             kind,
           const AgKnowledgeEntry *entry)
{
  g_autofree char *key = NULL;
  gpointer found;
  Actor actor = { 0 };

  /* Names as written are keys too, so that a name seen before needs no
   * normalising. */
  found = g_hash_table_lookup (x->actor_keys, name);
  if (found != NULL)
    return _ag_extraction_actor_resolve (x, GPOINTER_TO_INT (found) - 1);

  key = ag_name_key (name);
  if (*key == '\0')
    return -1;

  found = g_hash_table_lookup (x->actor_keys, key);
  if (found != NULL)
    {
      if (g_hash_table_size (x->actor_keys) < 100000)
        g_hash_table_insert (x->actor_keys, g_strdup (name), found);
      return _ag_extraction_actor_resolve (x, GPOINTER_TO_INT (found) - 1);
    }

  actor.name = g_strdup (name);
  actor.kind = kind;
  actor.aliases = g_ptr_array_new_with_free_func (g_free);
  actor.alias_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (actor.alias_keys, g_strdup (key));
  actor.entry = entry;
  actor.represents = -1;
  actor.merged_into = -1;
  if (entry != NULL)
    actor.country = g_strdup (entry->code != NULL ? entry->code :
                              entry->country != NULL ? entry->country : NULL);
  g_array_append_val (x->actors, actor);
  g_hash_table_insert (x->actor_keys, g_steal_pointer (&key), GINT_TO_POINTER (x->actors->len));
  g_hash_table_insert (x->actor_keys, g_strdup (name), GINT_TO_POINTER (x->actors->len));

  return x->actors->len - 1;
}

gint
_ag_extraction_country_actor (Extraction *x,
                              const char *code)
{
  const AgKnowledgeEntry *entry;

  if (code == NULL)
    return -1;
  entry = ag_knowledge_lookup_country (x->knowledge, code);
  if (entry == NULL)
    return -1;
  return actor_for (x, entry->name, AG_ACTOR_COUNTRY, entry);
}

static gint
actor_for_entry (Extraction             *x,
                 const AgKnowledgeEntry *entry)
{
  return actor_for (x, entry->name, entry->kind, entry);
}

static void
add_mention (Extraction *x,
             guint       first,
             guint       last,
             gint        actor,
             guint       flags)
{
  Mention m = { first, last, _ag_extraction_actor_resolve (x, actor), flags };
  guint i;

  if (m.actor < 0)
    return;
  if (token_at (x, last)->flags & AG_TOKEN_POSSESSIVE)
    m.flags |= MENTION_POSSESSIVE;

  /* Keep the list ordered by position, without overlaps. */
  for (i = 0; i < x->mentions->len; i++)
    {
      Mention *other = &g_array_index (x->mentions, Mention, i);

      if (other->last >= first && other->first <= last)
        return;
      if (other->first > last)
        break;
    }
  g_array_insert_val (x->mentions, i, m);

  switch (actor_get (x, m.actor)->kind)
    {
    case AG_ACTOR_PERSON:
      x->last_person = m.actor;
      break;
    case AG_ACTOR_COUNTRY:
      if (!(flags & MENTION_PEOPLE))
        {
          x->last_country = m.actor;
          x->last_country_seen = ++x->mentions_seen;
        }
      g_array_append_val (x->recent_states, m.actor);
      if (x->recent_states->len > 16)
        g_array_remove_index (x->recent_states, 0);
      break;
    case AG_ACTOR_ALLIANCE:
      x->last_alliance = m.actor;
      break;
    case AG_ACTOR_THREAT_GROUP:
      x->last_group = m.actor;
      break;
    case AG_ACTOR_ORGANIZATION:
      x->last_org = m.actor;
      x->last_org_seen = ++x->mentions_seen;
      break;
    default:
      break;
    }
}

static gboolean
covered (Extraction *x,
         guint       token)
{
  for (guint i = 0; i < x->mentions->len; i++)
    {
      Mention *m = &g_array_index (x->mentions, Mention, i);

      if (m->first <= token && token <= m->last)
        return TRUE;
    }
  return FALSE;
}

/* Of several bodies with one name ("NCSC"), the one of a state already
 * in the text, else the first. */
static const AgKnowledgeEntry *
choose_entry (Extraction             *x,
              const AgGazetteerMatch *match,
              AgFormKind             *kind)
{
  const AgKnowledgeForm *best = match->forms[0];
  gint best_score = -1;

  for (guint i = 0; i < match->n_forms; i++)
    {
      const AgKnowledgeForm *form = match->forms[i];
      const char *country = form->entry->country;
      gint score = 0;

      if (form->kind == AG_FORM_NAME)
        score += 4;
      if (country != NULL)
        {
          const AgKnowledgeEntry *state = ag_knowledge_lookup_country (x->knowledge, country);
          g_autofree char *key = state ? ag_name_key (state->name) : NULL;

          if (key != NULL && g_hash_table_contains (x->actor_keys, key))
            score += 2;
          if (x->last_country >= 0 && g_strcmp0 (actor_get (x, x->last_country)->country, country) == 0)
            score += 1;
        }
      if (score > best_score)
        {
          best = form;
          best_score = score;
        }
    }

  *kind = best->kind;
  return best->entry;
}

static const char * const people_nouns[] = {
  "parliamentarians", "lawmakers", "officials", "citizens", "critics", "companies",
  "businesses", "organisations", "organizations", "networks", "infrastructure",
  "government", "governments", "agencies", "institutions", "politicians", "voters",
  "journalists", "dissidents", "firms", "entities", "targets", "victims", "systems",
  "ministries", "departments", "banks", "universities", "utilities", "facilities",
  "operators", "providers", "hospitals", "firms", "industry", "sector", "elections",
  "voters", "troops", "diplomats", "embassies", "servers", "websites", "network",
  "staff", "accounts", "officials",
  "grid", "forces",
};

/* "Dutch claims": the state that makes them. */
static const char * const allegation_nouns[] = {
  "claims", "allegations", "accusations", "charges", "accusation", "allegation",
};

/* "a Dutch military network": what comes between a demonym and a victim. */
static const char * const victim_modifiers[] = {
  "military", "government", "defence", "defense", "election", "electoral", "water",
  "energy", "power", "telecommunications", "telecom", "health", "financial", "critical",
  "corporate", "computer", "it", "naval", "nuclear", "campaign", "presidential",
};

static const char * const side_nouns[] = {
  "side", "government", "authorities", "officials", "administration", "state",
  "regime", "leadership",
};

static const char * const nationality_nouns[] = {
  "nationals", "hackers", "citizens", "men", "women", "people", "individuals",
  "persons", "officers", "agents", "spies", "operatives", "actors", "hacker",
  "national", "firm", "company", "researchers", "experts", "media",
};

static void
add_gazetteer_mentions (Extraction *x,
                        GArray     *matches)
{
  for (guint i = 0; i < matches->len; i++)
    {
      AgGazetteerMatch *match = &g_array_index (matches, AgGazetteerMatch, i);
      AgFormKind form_kind;
      const AgKnowledgeEntry *entry = choose_entry (x, match, &form_kind);
      const char *next = _ag_token_norm (x, match->last + 1);
      guint flags = MENTION_NAME;
      gint actor;

      if (form_kind == AG_FORM_AMBIGUOUS)
        continue;

      /* A dateline ("WASHINGTON -", "BEIJING, Feb 7 (Xinhua) --") is a place. */
      if (match->first == 0 && (token_at (x, match->last)->flags & AG_TOKEN_ALL_CAPS) &&
          (g_str_equal (next, "-") || g_str_equal (next, "–") || g_str_equal (next, "—") ||
           g_str_equal (next, "(") || g_str_equal (next, ",")))
        continue;

      if (form_kind == AG_FORM_DEMONYM)
        {
          const char *after = _ag_token_norm (x, match->last + 2);

          flags = MENTION_DEMONYM;
          if (IN_LIST (next, side_nouns) || IN_LIST (next, allegation_nouns))
            flags |= MENTION_SIDE;
          else if (IN_LIST (next, people_nouns) ||
                   (IN_LIST (next, victim_modifiers) && IN_LIST (after, people_nouns)))
            flags |= MENTION_PEOPLE;
          else if (IN_LIST (next, nationality_nouns))
            continue; /* nationality of unnamed people: not an actor */
          if (g_str_equal (next, "state") || g_str_equal (after, "sponsored") ||
              g_str_equal (after, "backed") || g_str_equal (next, "government") ||
              ((g_str_equal (next, "malicious") || g_str_equal (next, "cyber")) &&
               (g_str_has_prefix (after, "activit") || g_str_has_prefix (after, "attack") ||
                g_str_has_prefix (after, "operation") || g_str_equal (after, "espionage"))))
            flags |= MENTION_STATE_ACT;
        }
      else if (form_kind == AG_FORM_CAPITAL)
        flags = MENTION_CAPITAL;
      else if (entry->kind == AG_ACTOR_COUNTRY && IN_LIST (next, people_nouns))
        flags |= MENTION_PEOPLE;

      actor = actor_for_entry (x, entry);
      add_mention (x, match->first, match->last, actor, flags);
      {
        AgToken *a = token_at (x, match->first);
        AgToken *b = token_at (x, match->last);

        /* Demonyms used as actors, capitals, short forms: all aliases. */
        _ag_extraction_add_alias (x, actor, x->paragraph->text + a->start, b->end - a->start);
      }
    }
}

static gboolean
is_group_code (const char *norm)
{
  static const char * const prefixes[] = { "apt", "unc", "fin", "ta", "temp", "dev", "storm", "tag", "uat", "cl-sta-", "tg" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);

      if (g_str_has_prefix (norm, prefixes[i]) && norm[n] != '\0')
        {
          const char *p = norm + n;

          while (*p != '\0' && g_ascii_isdigit (*p))
            p++;
          if (*p == '\0' && p > norm + n)
            return TRUE;
        }
    }
  return FALSE;
}

static char *
upper_ascii (const char *text)
{
  return g_ascii_strup (text, -1);
}

/* Threat groups the gazetteer does not know, by the industry's naming
 * schemes: APT41, UNC3886, FIN7, TA505, DEV-0537, Storm-0558, Salt
 * Typhoon, Fancy Bear, BRONZE SILHOUETTE, "Advanced Persistent Threat 31". */
static void
add_group_patterns (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i < tokens->len; i++)
    {
      AgToken *t = token_at (x, i);
      const char *norm = t->norm;

      if (covered (x, i) || !(t->flags & AG_TOKEN_WORD))
        continue;

      /* "APT31", "APT 31", "DEV-0391", "Storm-0558" */
      if ((t->flags & AG_TOKEN_CAPITALIZED) && is_group_code (norm))
        {
          g_autofree char *name = upper_ascii (norm);

          if (g_str_has_prefix (norm, "dev") || g_str_has_prefix (norm, "storm"))
            continue; /* these two are written with a hyphen */
          add_mention (x, i, i, actor_for (x, name, AG_ACTOR_THREAT_GROUP, NULL), MENTION_NAME);
          continue;
        }
      if ((t->flags & AG_TOKEN_CAPITALIZED) && i + 1 < tokens->len &&
          (token_at (x, i + 1)->flags & AG_TOKEN_DIGITS) &&
          !(token_at (x, i + 1)->flags & AG_TOKEN_SENT_START))
        {
          g_autofree char *joined = g_strconcat (norm, token_at (x, i + 1)->norm, NULL);
          guint skip = 1;

          /* "APT 31" is also written with a space or a hyphen. */
          if ((g_str_equal (norm, "dev") || g_str_equal (norm, "storm") || g_str_equal (norm, "apt") ||
               g_str_equal (norm, "unc") || g_str_equal (norm, "fin") || g_str_equal (norm, "ta") ||
               g_str_equal (norm, "temp")) && is_group_code (joined))
            {
              g_autofree char *name = NULL;

              if (g_str_equal (norm, "dev") || g_str_equal (norm, "storm"))
                {
                  g_autofree char *head = g_strdup (norm);

                  head[0] = g_ascii_toupper (head[0]);
                  if (g_str_equal (norm, "dev"))
                    head[1] = 'E', head[2] = 'V';
                  name = g_strdup_printf ("%s-%s", head, token_at (x, i + 1)->norm);
                }
              else
                name = upper_ascii (joined);
              add_mention (x, i, i + skip, actor_for (x, name, AG_ACTOR_THREAT_GROUP, NULL), MENTION_NAME);
              continue;
            }
        }

      /* "Advanced Persistent Threat (Group) 31" */
      if (g_str_equal (norm, "advanced") && g_str_equal (_ag_token_norm (x, i + 1), "persistent") &&
          g_str_equal (_ag_token_norm (x, i + 2), "threat"))
        {
          guint j = i + 3;

          if (g_str_equal (_ag_token_norm (x, j), "group"))
            j++;
          if (j < tokens->len && (token_at (x, j)->flags & AG_TOKEN_DIGITS))
            {
              g_autofree char *name = g_strdup_printf ("APT%s", token_at (x, j)->norm);
              gint actor = actor_for (x, name, AG_ACTOR_THREAT_GROUP, NULL);
              AgToken *a = token_at (x, i);
              AgToken *b = token_at (x, j);

              add_mention (x, i, j, actor, MENTION_NAME);
              _ag_extraction_add_alias (x, actor, x->paragraph->text + a->start, b->end - a->start);
              i = j;
              continue;
            }
        }

      /* "Salt Typhoon", "Fancy Bear": a capitalised word and a suffix. */
      if ((t->flags & AG_TOKEN_CAPITALIZED) && i + 1 < tokens->len &&
          (token_at (x, i + 1)->flags & AG_TOKEN_CAPITALIZED) && !covered (x, i + 1))
        {
          const char *next = token_at (x, i + 1)->norm;

          for (guint k = 0; k < G_N_ELEMENTS (group_suffixes); k++)
            if (g_str_equal (next, group_suffixes[k].suffix) &&
                !(t->flags & AG_TOKEN_SENT_START && IN_LIST (norm, person_titles)))
              {
                g_autofree char *name = token_text (x, i, i + 1);
                gint actor = actor_for (x, name, AG_ACTOR_THREAT_GROUP, NULL);

                if (actor_get (x, actor)->country == NULL && group_suffixes[k].state != NULL)
                  actor_get (x, actor)->country = g_strdup (group_suffixes[k].state);
                add_mention (x, i, i + 1, actor, MENTION_NAME);
                break;
              }
          if (covered (x, i))
            continue;
        }

      /* "BRONZE SILHOUETTE" */
      if ((t->flags & AG_TOKEN_ALL_CAPS) && IN_LIST (norm, group_elements) && i + 1 < tokens->len &&
          (token_at (x, i + 1)->flags & AG_TOKEN_ALL_CAPS) && !covered (x, i + 1))
        {
          g_autofree char *name = token_text (x, i, i + 1);

          add_mention (x, i, i + 1, actor_for (x, name, AG_ACTOR_THREAT_GROUP, NULL), MENTION_NAME);
        }
    }
}

static gboolean
is_capitalized_word (Extraction *x,
                     guint       i)
{
  AgToken *t = token_at (x, i);

  return (t->flags & AG_TOKEN_WORD) && (t->flags & AG_TOKEN_CAPITALIZED) && !(t->flags & AG_TOKEN_ALL_CAPS);
}

/* A person's name after a title: "spokesman Lin Jian", "Foreign Secretary
 * Dominic Raab", or before a comma and a role: "Paul Chichester, the
 * NCSC’s Director of Operations". Two or three capitalised words. */
static guint
person_name_length (Extraction *x,
                    guint       i)
{
  guint n = 0;

  while (n < 3 && i + n < x->paragraph->tokens->len && is_capitalized_word (x, i + n) &&
         !covered (x, i + n) && token_at (x, i + n)->sentence == token_at (x, i)->sentence)
    {
      n++;
      if (token_at (x, i + n - 1)->flags & AG_TOKEN_POSSESSIVE)
        break;
    }
  return n;
}

/* Who a person speaks for, from the words of their title before the name. */
static void
set_represents (Extraction *x,
                gint        person,
                guint       title_first,
                guint       title_last)
{
  Actor *p = actor_get (x, person);
  gint body = -1;
  gboolean for_state = FALSE;

  for (guint i = title_first; i <= title_last && i < x->paragraph->tokens->len; i++)
    {
      const char *norm = _ag_token_norm (x, i);

      if (g_str_equal (norm, "foreign") || g_str_equal (norm, "minister") || g_str_equal (norm, "president") ||
          g_str_equal (norm, "kremlin") || g_str_equal (norm, "government") || g_str_equal (norm, "embassy") ||
          g_str_equal (norm, "ambassador") || g_str_equal (norm, "premier") || g_str_equal (norm, "ministry") ||
          g_str_equal (norm, "prime"))
        for_state = TRUE;
    }

  for (guint m = 0; m < x->mentions->len; m++)
    {
      Mention *mention = &g_array_index (x->mentions, Mention, m);

      if (mention->first >= title_first && mention->last <= title_last && mention->actor != person)
        body = mention->actor;
    }

  if (body >= 0)
    {
      AgActorKind body_kind = actor_get (x, body)->kind;
      g_autofree char *body_country = g_strdup (actor_get (x, body)->country);
      gint represents;

      /* Looking a state up may add an actor and move the array: only
       * indexes are kept across it. */
      if (body_kind == AG_ACTOR_ORGANIZATION && !for_state)
        represents = body;
      else if (body_kind == AG_ACTOR_COUNTRY)
        represents = body;
      else if (body_country != NULL)
        represents = _ag_extraction_country_actor (x, body_country);
      else
        represents = body;
      p = actor_get (x, person);
      p->represents = represents;
      if (body_country != NULL && p->country == NULL)
        p->country = g_steal_pointer (&body_country);
    }
  else if (for_state)
    {
      gint state = -1;

      /* "Iran’s foreign ministry spokesman": the state in the title, else
       * the last one of the sentence before it. */
      for (guint m = 0; m < x->mentions->len; m++)
        {
          Mention *mention = &g_array_index (x->mentions, Mention, m);

          if (mention->last < title_first && actor_get (x, mention->actor)->kind == AG_ACTOR_COUNTRY &&
              token_at (x, mention->first)->sentence == token_at (x, title_first)->sentence)
            state = mention->actor;
        }
      p->represents = state >= 0 ? state : x->last_country;
    }

  p = actor_get (x, person);
  p->speaks_for_state = for_state;
  if (p->represents >= 0 && for_state && actor_get (x, p->represents)->kind != AG_ACTOR_COUNTRY &&
      actor_get (x, p->represents)->country != NULL)
    {
      gint state = _ag_extraction_country_actor (x, actor_get (x, p->represents)->country);

      actor_get (x, person)->represents = state;
    }
}

static gint
person_for (Extraction *x,
            guint       first,
            guint       n)
{
  g_autofree char *name = token_text (x, first, first + n - 1);
  g_autofree char *surname = NULL;
  gint person;

  if (g_str_has_suffix (name, "’s"))
    name[strlen (name) - strlen ("’s")] = '\0';
  else if (g_str_has_suffix (name, "'s"))
    name[strlen (name) - 2] = '\0';

  person = actor_for (x, name, AG_ACTOR_PERSON, NULL);
  /* Later, "Raab" or "Lin" alone is the same person. */
  surname = g_strdup (token_at (x, first + n - 1)->norm);
  if (n >= 2)
    {
      g_hash_table_replace (x->doc_aliases, g_strdup (surname), GINT_TO_POINTER (person + 1));
      if (token_at (x, first)->cstart != 0)
        g_hash_table_replace (x->doc_aliases, g_strdup (token_at (x, first)->norm), GINT_TO_POINTER (person + 1));
    }
  return person;
}

static void
add_person_patterns (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i + 1 < tokens->len; i++)
    {
      AgToken *t = token_at (x, i);
      guint n;

      if (!(t->flags & AG_TOKEN_WORD) || covered (x, i))
        continue;

      /* "Attorney General Loretta Lynch": the title goes on. */
      while (IN_LIST (t->norm, person_titles) && i + 2 < tokens->len &&
             IN_LIST (token_at (x, i + 1)->norm, person_titles) && is_capitalized_word (x, i + 1))
        t = token_at (x, ++i);

      /* Title, then name: "spokesman Lin Jian", "spokesman, Dmitry Peskov,". */
      if (IN_LIST (t->norm, person_titles) &&
          ((n = person_name_length (x, i + 1)) >= 2 ||
           (g_str_equal (_ag_token_norm (x, i + 1), ",") && (n = person_name_length (x, i + 2)) >= 2)))
        {
          guint title_first = i;
          guint name_first = g_str_equal (_ag_token_norm (x, i + 1), ",") ? i + 2 : i + 1;
          gint person = person_for (x, name_first, n);

          /* The title runs back over "Foreign Ministry", "Kremlin", "UK"… */
          while (title_first > 0 && token_at (x, title_first - 1)->sentence == t->sentence &&
                 ((token_at (x, title_first - 1)->flags & AG_TOKEN_WORD) ||
                  covered (x, title_first - 1)) &&
                 !(token_at (x, title_first - 1)->flags & AG_TOKEN_SENT_START && !covered (x, title_first - 1)) &&
                 (covered (x, title_first - 1) || (token_at (x, title_first - 1)->flags & AG_TOKEN_CAPITALIZED) ||
                  IN_LIST (token_at (x, title_first - 1)->norm, person_titles) ||
                  IN_LIST (token_at (x, title_first - 1)->norm, office_words)))
            title_first--;
          set_represents (x, person, title_first, i);
          add_mention (x, name_first, name_first + n - 1, person, MENTION_NAME);
          i = name_first + n - 1;
          continue;
        }

      /* Name, comma, role: "Paul Chichester, the NCSC’s Director". */
      if (is_capitalized_word (x, i) && (n = person_name_length (x, i)) >= 2 &&
          i + n + 1 < tokens->len && g_str_equal (_ag_token_norm (x, i + n), ",") &&
          !g_hash_table_contains (x->actor_keys, _ag_token_norm (x, i)))
        {
          guint j = i + n + 1;
          guint end = MIN (tokens->len, j + 8);
          gboolean role = FALSE;

          for (guint k = j; k < end && !g_str_equal (_ag_token_norm (x, k), ","); k++)
            if (IN_LIST (_ag_token_norm (x, k), person_titles))
              {
                role = TRUE;
                end = k;
                break;
              }
          if (role)
            {
              gint person = person_for (x, i, n);

              add_mention (x, i, i + n - 1, person, MENTION_NAME);
              set_represents (x, person, j, end);
              i += n;
              continue;
            }
        }
    }
}

static const char * const speaking_verbs[] = {
  "said", "says", "told", "stated", "announced", "confirmed", "reported", "warned",
  "claimed", "added", "noted", "revealed", "disclosed",
};

/* Words that begin sentences or stand for people, not names. */
static const char * const common_subjects[] = {
  "the", "this", "that", "it", "he", "she", "they", "we", "i", "you", "officials",
  "police", "experts", "researchers", "analysts", "investigators", "authorities",
  "prosecutors", "sources", "critics", "a", "an", "there", "who", "which", "separately",
  "meanwhile", "however", "but", "and", "also", "spokesman", "spokeswoman", "spokesperson",
};

/* "Microsoft said", "Mandiant reported": a body nobody listed, named as
 * it speaks. One capitalised word that is no common word. */
static void
add_speaking_bodies (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i + 1 < tokens->len; i++)
    {
      AgToken *t = token_at (x, i);

      if (covered (x, i) || !(t->flags & AG_TOKEN_CAPITALIZED) || !(t->flags & AG_TOKEN_WORD) ||
          g_hash_table_contains (x->doc_aliases, t->norm) ||
          !IN_LIST (token_at (x, i + 1)->norm, speaking_verbs) || IN_LIST (t->norm, common_subjects) ||
          IN_LIST (t->norm, person_titles) || (i > 0 && (token_at (x, i - 1)->flags & AG_TOKEN_CAPITALIZED) &&
                                               (token_at (x, i - 1)->flags & AG_TOKEN_WORD)))
        continue;
      {
        g_autofree char *name = token_text (x, i, i);

        add_mention (x, i, i, actor_for (x, name, AG_ACTOR_ORGANIZATION, NULL), MENTION_NAME);
      }
    }
}

/* Surnames and acronyms defined earlier in the document. */
static void
add_doc_alias_mentions (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i < tokens->len; i++)
    {
      AgToken *t = token_at (x, i);
      gpointer found;

      if (!(t->flags & AG_TOKEN_CAPITALIZED) || covered (x, i))
        continue;
      found = g_hash_table_lookup (x->doc_aliases, t->norm);
      if (found == NULL)
        continue;
      add_mention (x, i, i, GPOINTER_TO_INT (found) - 1, MENTION_NAME);
      _ag_extraction_add_alias (x, GPOINTER_TO_INT (found) - 1,
                                x->paragraph->text + t->start, t->end - t->start);
    }
}

static gboolean
is_connector (const char *norm)
{
  return g_str_equal (norm, "of") || g_str_equal (norm, "for") || g_str_equal (norm, "and") ||
         g_str_equal (norm, "the") || g_str_equal (norm, ",") || g_str_equal (norm, "on") ||
         g_str_equal (norm, "&");
}

/* The capitalised name that ends at token @last (inclusive), read
 * backwards over "of", "for", "and": "Organisation for the Prohibition of
 * Chemical Weapons". Returns the first token. */
static guint
name_start (Extraction *x,
            guint       last)
{
  guint first = last;

  while (first > 0)
    {
      AgToken *prev = token_at (x, first - 1);

      if (prev->sentence != token_at (x, last)->sentence)
        break;
      if ((prev->flags & AG_TOKEN_CAPITALIZED) && (prev->flags & AG_TOKEN_WORD) && !covered (x, first - 1))
        {
          first--;
          continue;
        }
      if ((prev->flags & AG_TOKEN_HYPHEN) && first >= 2 && (token_at (x, first - 2)->flags & AG_TOKEN_CAPITALIZED))
        {
          first -= 2;
          continue;
        }
      if (is_connector (prev->norm) && !g_str_equal (prev->norm, "the") && first >= 2 &&
          (token_at (x, first - 2)->flags & AG_TOKEN_CAPITALIZED) && !covered (x, first - 2) &&
          !(token_at (x, first - 2)->flags & AG_TOKEN_SENT_START && first - 2 == 0 && FALSE))
        {
          first -= 2;
          continue;
        }
      break;
    }

  /* A sentence-initial "The" is not part of the name. */
  while (first < last && g_str_equal (token_at (x, first)->norm, "the"))
    first++;
  while (first < last && is_connector (token_at (x, first)->norm))
    first++;
  return first;
}

/* "the Guard Corps" after "the Islamic Revolutionary Guard Corps": a name
 * of two words or more that ends an actor's name is that actor. */
static gint
actor_ending_with (Extraction *x,
                   const char *name)
{
  g_autofree char *key = ag_name_key (name);
  g_autofree char *tail = g_strconcat (" ", key, NULL);

  if (strchr (key, ' ') == NULL)
    return -1;
  for (guint i = 0; i < x->actors->len; i++)
    {
      Actor *a = actor_get (x, i);

      if (a->merged_into >= 0)
        continue;
      {
        g_autofree char *name_key = ag_name_key (a->name);

        if (g_str_has_suffix (name_key, tail))
          return i;
      }
      for (guint k = 0; k < a->aliases->len; k++)
        {
          g_autofree char *alias_key = ag_name_key (g_ptr_array_index (a->aliases, k));

          if (g_str_has_suffix (alias_key, tail))
            return i;
        }
    }
  return -1;
}

static gint
org_for_span (Extraction *x,
              guint       first,
              guint       last)
{
  g_autofree char *name = token_text (x, first, last);
  const AgKnowledgeEntry *entry = ag_knowledge_lookup (x->knowledge, name);
  gint known;

  if (entry != NULL)
    return actor_for_entry (x, entry);
  known = actor_ending_with (x, name);
  if (known >= 0)
    {
      _ag_extraction_add_alias (x, known, name, strlen (name));
      return known;
    }
  if (g_str_has_suffix (name, "’s"))
    name[strlen (name) - strlen ("’s")] = '\0';
  return actor_for (x, name, AG_ACTOR_ORGANIZATION, NULL);
}

/* "Long Name (ACR)", "Long Name, or ACR": the acronym becomes an alias,
 * and a long name nobody knew becomes a body. */
static void
add_acronyms (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 1; i + 2 < tokens->len; i++)
    {
      AgToken *open = token_at (x, i);
      AgToken *acr = token_at (x, i + 1);
      AgToken *close = token_at (x, i + 2);
      gint owner = -1;
      guint owner_first = 0;

      /* "Long Name, or ACR" reads as "Long Name (ACR)". */
      if (g_str_equal (open->norm, ",") && g_str_equal (acr->norm, "or") &&
          (close->flags & AG_TOKEN_ALL_CAPS) && (i + 3 >= tokens->len || !(token_at (x, i + 3)->flags & AG_TOKEN_WORD)))
        {
          open = acr;
          acr = close;
          i++;
          close = NULL;
        }
      else if (!g_str_equal (open->norm, "(") || !g_str_equal (close->norm, ")"))
        continue;
      if (!(acr->flags & AG_TOKEN_WORD) || !(acr->flags & AG_TOKEN_CAPITALIZED))
        continue;
      {
        guint upper = 0;

        for (const char *p = x->paragraph->text + acr->start; p < x->paragraph->text + acr->end; p++)
          if (g_ascii_isupper (*p))
            upper++;
        if (upper < 2)
          continue;
      }

      {
        guint end = close == NULL ? i - 2 : i - 1;

        for (guint m = 0; m < x->mentions->len; m++)
          {
            Mention *mention = &g_array_index (x->mentions, Mention, m);

            if (mention->last == end)
              {
                owner = mention->actor;
                owner_first = mention->first;
              }
          }
      }

      if (owner < 0 && close != NULL && (token_at (x, i - 1)->flags & AG_TOKEN_CAPITALIZED))
        {
          guint first = name_start (x, i - 1);

          if (i - 1 > first || IN_LIST (token_at (x, i - 1)->norm, org_heads))
            {
              owner = org_for_span (x, first, i - 1);
              owner_first = first;
              add_mention (x, first, i - 1, owner, MENTION_NAME);
            }
        }

      if (owner < 0)
        continue;

      _ag_extraction_add_alias (x, owner, x->paragraph->text + acr->start, acr->end - acr->start);
      g_hash_table_replace (x->doc_aliases, g_strdup (acr->norm), GINT_TO_POINTER (owner + 1));
      {
        guint at = close == NULL ? i + 1 : i + 1;

        if (!covered (x, at))
          add_mention (x, at, at, owner, MENTION_NAME);
      }
      (void)owner_first;
    }
}

/* Bodies by the shape of their names: "the Electoral Commission", "the
 * World Anti-Doping Agency". Only with "the" or a capital not at the
 * start of a sentence, so that ordinary words are not taken. */
static void
add_org_patterns (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i < tokens->len; i++)
    {
      AgToken *t = token_at (x, i);
      guint first;

      if (!(t->flags & AG_TOKEN_CAPITALIZED) || covered (x, i) || !IN_LIST (t->norm, org_heads))
        continue;

      /* Forward: "Guard Corps", "Organisation for the Prohibition of
       * Chemical Weapons". */
      {
        guint last = i;

        while (last + 1 < tokens->len && (token_at (x, last + 1)->flags & AG_TOKEN_CAPITALIZED) &&
               IN_LIST (token_at (x, last + 1)->norm, org_heads) && !covered (x, last + 1) &&
               token_at (x, last + 1)->sentence == t->sentence)
          last++;

        while (last + 2 < tokens->len && is_connector (_ag_token_norm (x, last + 1)) &&
               !g_str_equal (_ag_token_norm (x, last + 1), ",") &&
               !g_str_equal (_ag_token_norm (x, last + 1), "and") &&
               ((token_at (x, last + 2)->flags & AG_TOKEN_CAPITALIZED) ||
                (g_str_equal (_ag_token_norm (x, last + 2), "the") &&
                 last + 3 < tokens->len && (token_at (x, last + 3)->flags & AG_TOKEN_CAPITALIZED))))
          {
            guint k = last + 2;

            if (g_str_equal (_ag_token_norm (x, k), "the"))
              k++;
            while (k + 1 < tokens->len && (token_at (x, k + 1)->flags & AG_TOKEN_CAPITALIZED) &&
                   !covered (x, k + 1) && token_at (x, k + 1)->sentence == t->sentence)
              k++;
            if (covered (x, k))
              break;
            last = k;
          }

        first = name_start (x, i);
        if (first == i && last == i)
          {
            /* A lone "Commission" counts only after "the". */
            if (i == 0 || !g_str_equal (_ag_token_norm (x, i - 1), "the"))
              continue;
          }
        if (first == i && (t->flags & AG_TOKEN_SENT_START) && last == i)
          continue;
        add_mention (x, first, last, org_for_span (x, first, last), MENTION_NAME);
        i = last;
      }
    }
}

/* "It is almost certain that", "it was reported": no one. */
static gboolean
expletive_it (Extraction *x,
              guint       i)
{
  const char *next = _ag_token_norm (x, i + 1);

  return g_str_equal (_ag_token_norm (x, i), "it") &&
         (g_str_equal (next, "is") || g_str_equal (next, "was") || g_str_equal (next, "seems") ||
          g_str_equal (next, "appears") || g_str_equal (next, "remains") || g_str_equal (next, "would") ||
          g_str_equal (next, "will") || g_str_equal (next, "could") || g_str_equal (next, "may") ||
          g_str_equal (next, "might") || g_str_equal (next, "has") || g_str_equal (next, "had") ||
          g_str_equal (next, "’s") || g_str_equal (next, "'s"));
}

/* Short references back: "the alliance", "the ministry", "the group",
 * "he", "its parliament". */
static void
add_references (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i < tokens->len; i++)
    {
      AgToken *t = token_at (x, i);
      const char *norm = t->norm;
      const char *prev = i > 0 ? _ag_token_norm (x, i - 1) : "";

      if (covered (x, i) || !(t->flags & AG_TOKEN_WORD))
        continue;

      if (g_str_equal (prev, "the") && g_str_equal (norm, "alliance") && x->last_alliance >= 0)
        add_mention (x, i - 1, i, x->last_alliance, MENTION_PRONOUN);
      else if ((g_str_equal (prev, "the") || g_str_equal (prev, "this")) && g_str_equal (norm, "group") &&
               x->last_group >= 0 && (i + 1 >= tokens->len || !(token_at (x, i + 1)->flags & AG_TOKEN_CAPITALIZED)) &&
               !g_str_equal (_ag_token_norm (x, i + 1), "known") && !g_str_equal (_ag_token_norm (x, i + 1), "called") &&
               !g_str_equal (_ag_token_norm (x, i + 1), "dubbed") && !g_str_equal (_ag_token_norm (x, i + 1), "named") &&
               !g_str_equal (_ag_token_norm (x, i + 1), "tracked"))
        add_mention (x, i - 1, i, x->last_group, MENTION_PRONOUN);
      else if (g_str_equal (prev, "the") && (g_str_equal (norm, "ministry")) && x->last_org >= 0 &&
               strstr (actor_get (x, x->last_org)->name, "Ministry") != NULL)
        add_mention (x, i - 1, i, x->last_org, MENTION_PRONOUN);
      else if ((g_str_equal (norm, "he") || g_str_equal (norm, "she")) && x->last_person >= 0)
        add_mention (x, i, i, x->last_person, MENTION_PRONOUN);
      else if ((g_str_equal (norm, "it") || g_str_equal (norm, "its")) && !expletive_it (x, i))
        {
          /* "New Zealand said it had conveyed to Beijing its concerns": the
           * nearest body or state of the sentence that is no object of a
           * preposition, else the last one named. */
          static const char * const objects_of[] = {
            "of", "on", "in", "at", "to", "from", "with", "for", "by", "against", "about",
            "surrounding", "into", "over",
          };
          gint referent = -1;

          for (guint m = x->mentions->len; m > 0 && referent < 0; m--)
            {
              Mention *mention = &g_array_index (x->mentions, Mention, m - 1);
              AgActorKind kind = actor_get (x, mention->actor)->kind;
              guint before = mention->first;

              while (before > 0 && g_str_equal (_ag_token_norm (x, before - 1), "the"))
                before--;
              if (mention->first < i && token_at (x, mention->first)->sentence == t->sentence &&
                  kind != AG_ACTOR_PERSON && !(mention->flags & (MENTION_DEMONYM | MENTION_PRONOUN | MENTION_PEOPLE)) &&
                  !(before > 0 && IN_LIST (_ag_token_norm (x, before - 1), objects_of)) &&
                  !((mention->flags & MENTION_CAPITAL) && mention->last + 1 < tokens->len &&
                    (token_at (x, mention->last + 1)->flags & (AG_TOKEN_CAPITALIZED | AG_TOKEN_DIGITS))))
                referent = mention->actor;
            }
          if (referent < 0)
            referent = x->last_org >= 0 && x->last_org_seen > x->last_country_seen ? x->last_org : x->last_country;
          if (referent >= 0)
            add_mention (x, i, i, referent, MENTION_PRONOUN | (g_str_equal (norm, "its") ? MENTION_POSSESSIVE : 0));
        }
      else if ((g_str_equal (norm, "spokesman") || g_str_equal (norm, "spokeswoman") ||
                g_str_equal (norm, "spokesperson")) && x->last_person >= 0 &&
               (g_str_equal (prev, "the") || covered (x, i - 1) || g_str_equal (prev, "ministry")) &&
               (i + 1 >= tokens->len || !(token_at (x, i + 1)->flags & AG_TOKEN_CAPITALIZED)))
        {
          /* "said the ministry spokesman": the spokesperson already named. */
          guint first = i;

          while (first > 0 && (covered (x, first - 1) || g_str_equal (_ag_token_norm (x, first - 1), "ministry") ||
                               g_str_equal (_ag_token_norm (x, first - 1), "foreign")))
            first--;
          if (first > 0 && g_str_equal (_ag_token_norm (x, first - 1), "the"))
            first--;
          /* Drop what the title covered: "Chinese Foreign Ministry". */
          for (guint m = x->mentions->len; m > 0; m--)
            {
              Mention *mention = &g_array_index (x->mentions, Mention, m - 1);

              if (mention->first >= first && mention->last < i)
                g_array_remove_index (x->mentions, m - 1);
            }
          add_mention (x, first, i, x->last_person, MENTION_PRONOUN);
        }
      else if (g_str_equal (norm, "unit") && i >= 2 && x->last_group >= 0 &&
               (g_str_equal (prev, "cyber") || g_str_equal (prev, "hacking")) &&
               (token_at (x, i - 2)->flags & AG_TOKEN_POSSESSIVE) && covered (x, i - 2))
        {
          /* "the GRU’s cyber unit": the group of that service already named. */
          guint first = i - 2;

          for (guint m = x->mentions->len; m > 0; m--)
            {
              Mention *mention = &g_array_index (x->mentions, Mention, m - 1);

              if (mention->first <= i - 2 && mention->last >= i - 2)
                {
                  first = mention->first;
                  g_array_remove_index (x->mentions, m - 1);
                }
            }
          _ag_extraction_add_alias (x, x->last_group, x->paragraph->text + token_at (x, first)->start,
                                    t->end - token_at (x, first)->start);
          add_mention (x, first, i, x->last_group, MENTION_NAME);
        }
      else if ((g_str_equal (prev, "its") || g_str_equal (prev, "the")) && g_str_equal (norm, "parliament") &&
               x->last_country >= 0 && !(t->flags & AG_TOKEN_CAPITALIZED && g_str_equal (prev, "the")))
        {
          /* "its parliament": the parliament of the state the sentence is
           * about, its first state named outside a phrase like "to X". */
          gint state = x->last_country;
          g_autofree char *name = NULL;
          gint body;

          for (guint m = 0; m < x->mentions->len; m++)
            {
              Mention *mention = &g_array_index (x->mentions, Mention, m);
              const char *before = mention->first > 0 ? _ag_token_norm (x, mention->first - 1) : "";

              if (token_at (x, mention->first)->sentence == t->sentence && mention->first < i &&
                  actor_get (x, mention->actor)->kind == AG_ACTOR_COUNTRY &&
                  !g_str_equal (before, "to") && !g_str_equal (before, "of") && !g_str_equal (before, "on"))
                {
                  state = mention->actor;
                  break;
                }
            }
          name = g_strdup_printf ("%s Parliament", actor_get (x, state)->name);
          body = actor_for (x, name, AG_ACTOR_ORGANIZATION, NULL);
          if (actor_get (x, body)->country == NULL)
            actor_get (x, body)->country = g_strdup (actor_get (x, state)->country);
          _ag_extraction_add_alias (x, body, x->paragraph->text + t->start, t->end - t->start);
          add_mention (x, i, i, body, MENTION_NAME);
        }
    }
}

/* "X, also known as Y and Z": one actor. A known threat group keeps its
 * name; the others become its aliases. */
static void
merge_known_as (Extraction *x)
{
  GArray *tokens = x->paragraph->tokens;

  for (guint i = 0; i + 2 < tokens->len; i++)
    {
      gboolean aka = (g_str_equal (_ag_token_norm (x, i), "known") && g_str_equal (_ag_token_norm (x, i + 1), "as")) ||
                     g_str_equal (_ag_token_norm (x, i), "aka") || g_str_equal (_ag_token_norm (x, i), "dubbed");
      gint before = -1;
      gint group = -1;
      g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (gint));

      if (!aka)
        continue;

      for (guint m = 0; m < x->mentions->len; m++)
        {
          Mention *mention = &g_array_index (x->mentions, Mention, m);

          if (mention->last < i && mention->last + 6 >= i && !(mention->flags & (MENTION_DEMONYM | MENTION_CAPITAL)))
            before = mention->actor;
          if (mention->first > i && mention->first <= i + 4 + named->len * 3)
            {
              g_array_append_val (named, mention->actor);
              if (actor_get (x, mention->actor)->kind == AG_ACTOR_THREAT_GROUP && group < 0)
                group = mention->actor;
            }
        }

      if (group < 0 && named->len > 0)
        group = g_array_index (named, gint, 0);
      if (group < 0)
        continue;

      for (guint k = 0; k < named->len; k++)
        {
          gint other = _ag_extraction_actor_resolve (x, g_array_index (named, gint, k));

          if (other == group || actor_get (x, other)->kind != AG_ACTOR_THREAT_GROUP)
            continue;
          _ag_extraction_add_alias (x, group, actor_get (x, other)->name, strlen (actor_get (x, other)->name));
          for (guint a = 0; a < actor_get (x, other)->aliases->len; a++)
            {
              const char *alias = g_ptr_array_index (actor_get (x, other)->aliases, a);

              _ag_extraction_add_alias (x, group, alias, strlen (alias));
            }
          actor_get (x, other)->merged_into = group;
        }

      before = _ag_extraction_actor_resolve (x, before);
      if (before >= 0 && before != group && actor_get (x, before)->kind != AG_ACTOR_COUNTRY &&
          actor_get (x, before)->entry == NULL)
        {
          Actor *b = actor_get (x, before);

          _ag_extraction_add_alias (x, group, b->name, strlen (b->name));
          for (guint a = 0; a < b->aliases->len; a++)
            {
              const char *alias = g_ptr_array_index (b->aliases, a);

              _ag_extraction_add_alias (x, group, alias, strlen (alias));
            }
          b->merged_into = group;
          if (actor_get (x, group)->kind != AG_ACTOR_THREAT_GROUP)
            actor_get (x, group)->kind = AG_ACTOR_THREAT_GROUP;
        }

      for (guint m = 0; m < x->mentions->len; m++)
        {
          Mention *mention = &g_array_index (x->mentions, Mention, m);

          mention->actor = _ag_extraction_actor_resolve (x, mention->actor);
        }
    }
}

static gboolean
extract_paragraph (AgParagraph *paragraph,
                   gpointer     user_data)
{
  Extraction *x = user_data;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (AgGazetteerMatch));
  guint n_tokens = paragraph->tokens->len;
  guint start = 0;

  if (g_cancellable_is_cancelled (x->cancellable))
    return FALSE;

  /* A line of only Unicode spaces has no tokens. */
  if (n_tokens == 0)
    return TRUE;

  x->paragraph = paragraph;
  g_array_set_size (x->mentions, 0);

  _ag_extractor_classify (x);
  ag_gazetteer_match (x->gazetteer, paragraph, matches);
  add_gazetteer_mentions (x, matches);
  add_group_patterns (x);
  add_doc_alias_mentions (x);
  add_acronyms (x);
  add_person_patterns (x);
  add_doc_alias_mentions (x);
  add_org_patterns (x);
  add_acronyms (x);
  add_speaking_bodies (x);
  add_references (x);
  merge_known_as (x);

  for (guint i = 0; i <= n_tokens; i++)
    if (i == n_tokens || (i > start && token_at (x, i)->sentence != token_at (x, start)->sentence))
      {
        _ag_extractor_claims (x, token_at (x, start)->sentence, start, i - 1);
        _ag_extractor_end_sentence (x);
        start = i;
      }

  /* A list of bodies after a colon ("… and the following partners:"),
   * one a line, names the co-authors of an advisory: they take part. */
  {
    guint words = 0;
    guint named = 0;
    gboolean line_of_bodies;

    for (guint i = 0; i < n_tokens; i++)
      if (token_at (x, i)->flags & AG_TOKEN_WORD)
        {
          words++;
          if (covered (x, i))
            named++;
        }
    line_of_bodies = x->mentions->len > 0 && words > 0 && named * 10 >= words * 6 &&
                     actor_get (x, g_array_index (x->mentions, Mention, 0).actor)->kind == AG_ACTOR_ORGANIZATION;
    if (line_of_bodies && x->in_list)
      for (guint m = 0; m < x->mentions->len; m++)
        {
          Mention *mention = &g_array_index (x->mentions, Mention, m);

          if (actor_get (x, mention->actor)->kind == AG_ACTOR_ORGANIZATION)
            actor_get (x, _ag_extraction_actor_resolve (x, mention->actor))->role = TRUE;
        }
    x->in_list = (n_tokens > 0 && g_str_equal (_ag_token_norm (x, n_tokens - 1), ":")) ||
                 (x->in_list && line_of_bodies);
  }

  /* A paragraph that ends in "said:" or inside a quotation hands its
   * speaker on to the next. */
  if (n_tokens > 0)
    {
      const char *last = _ag_token_norm (x, n_tokens - 1);
      guint quotes = 0;

      for (guint i = 0; i < n_tokens; i++)
        if (token_at (x, i)->flags & AG_TOKEN_QUOTE)
          quotes++;
      x->paragraph_quoted = g_str_equal (last, ":") || (quotes % 2 == 1);
    }

  x->n_paragraphs++;
  x->paragraph = NULL;
  return TRUE;
}

static void
extraction_clear (Extraction *x)
{
  for (guint i = 0; i < x->actors->len; i++)
    {
      Actor *a = actor_get (x, i);

      g_free (a->name);
      g_free (a->country);
      g_ptr_array_unref (a->aliases);
      g_hash_table_unref (a->alias_keys);
    }
  for (guint i = 0; i < x->claims->len; i++)
    g_free (g_array_index (x->claims, Claim, i).evidence);
  g_array_unref (x->actors);
  g_array_unref (x->claims);
  g_array_unref (x->pending);
  g_array_unref (x->accusations);
  g_array_unref (x->sanctioners);
  g_array_unref (x->mentions);
  g_array_unref (x->last_speakers);
  g_array_unref (x->issuers);
  g_array_unref (x->recent_states);
  g_hash_table_unref (x->actor_keys);
  g_hash_table_unref (x->seen_forms);
  g_hash_table_unref (x->doc_aliases);
  g_hash_table_unref (x->claim_keys);
}

static void
ag_extractor_finalize (GObject *object)
{
  AgExtractor *self = (AgExtractor *)object;

  g_clear_object (&self->gazetteer);
  g_clear_object (&self->knowledge);

  G_OBJECT_CLASS (ag_extractor_parent_class)->finalize (object);
}

static void
ag_extractor_class_init (AgExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ag_extractor_finalize;
}

static void
ag_extractor_init (AgExtractor *self)
{
}

/* The guidelines want the most specific voice: a claim voiced by the
 * state itself (or by nobody) goes when an official of that state, or a
 * body, voices the same claim. */
static gboolean
more_specific_voice (Extraction *x,
                     guint       index)
{
  Claim *c = &g_array_index (x->claims, Claim, index);
  gint speaker = _ag_extraction_actor_resolve (x, c->speaker);
  gint subject = _ag_extraction_actor_resolve (x, c->subject);
  gint object = _ag_extraction_actor_resolve (x, c->object);

  /* Only denials: an accusation the state makes and its minister repeats
   * are two claims, as the guidelines annotate them. */
  if (c->kind != AG_CLAIM_DENIES)
    return FALSE;
  if (speaker >= 0 && speaker != subject)
    return FALSE;

  for (guint i = 0; i < x->claims->len; i++)
    {
      Claim *other = &g_array_index (x->claims, Claim, i);
      gint other_speaker = _ag_extraction_actor_resolve (x, other->speaker);

      if (i == index || other->kind != c->kind || other_speaker < 0 || other_speaker == speaker ||
          _ag_extraction_actor_resolve (x, other->subject) != subject ||
          _ag_extraction_actor_resolve (x, other->object) != object)
        continue;
      if (speaker < 0 || actor_get (x, other_speaker)->represents == speaker ||
          _ag_extraction_actor_resolve (x, actor_get (x, other_speaker)->represents) == subject)
        return TRUE;
    }
  return FALSE;
}

/**
 * ag_extractor_new:
 * @knowledge: the known actors
 *
 * Returns: (transfer full): an extractor; it may be used from one thread
 *   at a time
 */
AgExtractor *
ag_extractor_new (AgKnowledge *knowledge)
{
  AgExtractor *self;

  g_return_val_if_fail (AG_IS_KNOWLEDGE (knowledge), NULL);

  self = g_object_new (AG_TYPE_EXTRACTOR, NULL);
  self->knowledge = g_object_ref (knowledge);
  self->gazetteer = ag_gazetteer_new (knowledge);
  return self;
}

/**
 * ag_extractor_get_default:
 *
 * Returns: (transfer none): the extractor over the default knowledge
 */
AgExtractor *
ag_extractor_get_default (void)
{
  static gsize initialized;
  static AgExtractor *extractor;

  if (g_once_init_enter (&initialized))
    {
      extractor = ag_extractor_new (ag_knowledge_get_default ());
      g_once_init_leave (&initialized, 1);
    }
  return extractor;
}

/**
 * ag_extractor_extract:
 * @self: an #AgExtractor
 * @text: the document's text
 * @length: its length in bytes, or -1
 * @document: (nullable): the document's name, for the result
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the actors and claims of a document. Invalid UTF-8 is replaced,
 * so character offsets then refer to the repaired text.
 *
 * Returns: (transfer full): the extraction, or %NULL if cancelled
 */
AgExtraction *
ag_extractor_extract (AgExtractor   *self,
                      const char    *text,
                      gssize         length,
                      const char    *document,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(AgExtraction) result = NULL;
  g_autofree char *repaired = NULL;
  Extraction x = { 0 };

  g_return_val_if_fail (AG_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      repaired = g_utf8_make_valid (text, length);
      text = repaired;
      length = strlen (repaired);
    }

  x.extractor = self;
  x.gazetteer = self->gazetteer;
  x.knowledge = self->knowledge;
  x.cancellable = cancellable;
  x.actors = g_array_new (FALSE, TRUE, sizeof (Actor));
  x.actor_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.seen_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.doc_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.claims = g_array_new (FALSE, TRUE, sizeof (Claim));
  x.claim_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  x.pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  x.accusations = g_array_new (FALSE, FALSE, sizeof (gint));
  x.sanctioners = g_array_new (FALSE, FALSE, sizeof (gint));
  x.mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  x.last_speakers = g_array_new (FALSE, FALSE, sizeof (gint));
  x.issuers = g_array_new (FALSE, FALSE, sizeof (gint));
  x.recent_states = g_array_new (FALSE, FALSE, sizeof (gint));
  x.last_person = x.last_country = x.last_alliance = x.last_group = x.last_org = -1;
  x.last_sanctioner = -1;
  x.last_accused = -1;

  ag_text_foreach_paragraph (text, length, extract_paragraph, &x);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      extraction_clear (&x);
      return NULL;
    }

  result = ag_extraction_new (document);

  /* Actors with a part to play, then their claims. */
  for (guint i = 0; i < x.claims->len; i++)
    {
      Claim *c = &g_array_index (x.claims, Claim, i);
      gint ends[3] = { c->speaker, c->subject, c->object };

      for (guint k = 0; k < 3; k++)
        {
          gint a = _ag_extraction_actor_resolve (&x, ends[k]);

          if (a >= 0)
            actor_get (&x, a)->role = TRUE;
        }
    }

  for (guint i = 0; i < x.actors->len; i++)
    {
      Actor *a = actor_get (&x, i);
      AgExtractedActor *ea;

      if (a->merged_into >= 0 || !a->role)
        continue;
      ea = ag_extraction_add_actor (result, a->kind, a->name);
      for (guint k = 0; k < a->aliases->len; k++)
        ag_extracted_actor_add_alias (ea, g_ptr_array_index (a->aliases, k));
    }

  for (guint i = 0; i < x.claims->len; i++)
    {
      Claim *c = &g_array_index (x.claims, Claim, i);
      gint speaker = _ag_extraction_actor_resolve (&x, c->speaker);
      gint subject = _ag_extraction_actor_resolve (&x, c->subject);
      gint object = _ag_extraction_actor_resolve (&x, c->object);
      AgExtractedClaim *ec;

      if (subject < 0 || subject == object || object == -2)
        continue;
      if (more_specific_voice (&x, i))
        continue;
      ec = ag_extraction_add_claim (result, c->kind,
                                    speaker >= 0 ? actor_get (&x, speaker)->name : NULL,
                                    actor_get (&x, subject)->name,
                                    object >= 0 ? actor_get (&x, object)->name : NULL);
      ag_extracted_claim_set_evidence (ec, c->evidence, c->start, c->end);
      ec->confidence = c->confidence;
    }

  extraction_clear (&x);
  return g_steal_pointer (&result);
}
