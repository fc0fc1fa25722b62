/* ag-extractor-private.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ag-extractor.h"
#include "ag-gazetteer.h"
#include "ag-text.h"

G_BEGIN_DECLS

/* The state of one extraction, shared by the mention finder
 * (ag-extractor.c) and the claim rules (ag-extractor-claims.c). */

typedef enum
{
  MENTION_NAME       = 1 << 0, /* a name, an alias or an acronym */
  MENTION_DEMONYM    = 1 << 1, /* "Chinese", "British" */
  MENTION_CAPITAL    = 1 << 2, /* "Beijing" for China's government */
  MENTION_PEOPLE     = 1 << 3, /* "UK parliamentarians": unnamed people of a state */
  MENTION_POSSESSIVE = 1 << 4, /* "Russia’s" */
  MENTION_PRONOUN    = 1 << 5, /* "he", "its", "the ministry" */
  MENTION_STATE_ACT  = 1 << 6, /* "Chinese state-sponsored group": the state acts */
  MENTION_SIDE       = 1 << 7, /* "the British side", "Chinese authorities" */
} MentionFlags;

typedef struct
{
  guint first;   /* token indexes, inclusive */
  guint last;
  gint  actor;   /* index into Extraction.actors */
  guint flags;
} Mention;

typedef struct
{
  char                   *name;
  AgActorKind             kind;
  GPtrArray              *aliases;    /* surface forms, as written */
  GHashTable             *alias_keys; /* ag_name_key () of the name and of each alias */
  const AgKnowledgeEntry *entry;
  char                   *country;    /* alpha-2 of the state it is or serves */
  gint                    represents; /* a person: who they speak for, or -1 */
  gboolean                speaks_for_state;
  gint                    merged_into;
  gboolean                role;       /* speaks or takes part in a claim */
} Actor;

typedef struct
{
  AgClaimKind kind;
  gint        speaker;
  gint        subject;
  gint        object;
  glong       start;
  glong       end;
  char       *evidence;
  double      confidence;
} Claim;

/* A claim whose other end is a group of people named only later ("seven
 * nationals … The accused are part of APT31"). */
typedef struct
{
  guint  claim;      /* index into claims */
  gboolean subject;  /* which end is unknown */
  guint  sentences_left;
} Pending;

typedef struct
{
  AgExtractor  *extractor;
  AgGazetteer  *gazetteer;
  AgKnowledge  *knowledge;
  GCancellable *cancellable;

  GArray       *actors;        /* Actor */
  GHashTable   *actor_keys;    /* name key → actor index + 1 */
  GHashTable   *seen_forms;    /* "actor index:text" of aliases already handled */
  GHashTable   *doc_aliases;   /* word key → actor index + 1: acronyms, surnames */
  GArray       *claims;        /* Claim */
  GHashTable   *claim_keys;    /* "kind speaker subject object" */
  GArray       *pending;       /* Pending */
  GArray       *accusations;   /* pairs of gint: accuser, accused */
  GArray       *sanctioners;   /* pairs of gint: sanctioner, sanctioned */

  /* Context carried across sentences and paragraphs. */
  gint          last_person;
  gint          last_country;
  gint          last_alliance;
  gint          last_group;
  gint          last_org;
  gint          last_sanctioner;
  gint          last_accused;
  guint         mentions_seen;  /* counts mentions, to tell which came last */
  guint         last_country_seen;
  guint         last_org_seen;
  GArray       *last_speakers; /* gint */
  GArray       *issuers;       /* gint: the bodies of an advisory or release */
  GArray       *recent_states; /* gint: states as named, last ones last (bounded) */
  gboolean      paragraph_quoted; /* the last paragraph ended inside quotes or "said:" */
  gboolean      in_list;       /* lines of bodies after a colon */
  guint         n_paragraphs;

  /* The paragraph at hand. */
  AgParagraph  *paragraph;
  GArray       *mentions;      /* Mention, by first token */
} Extraction;

gboolean    _ag_word_in_list             (const char         *word,
                                          const char * const *list,
                                          gsize               n);
gint        _ag_extraction_actor_resolve (Extraction *x,
                                          gint        actor);
void        _ag_extractor_claims         (Extraction *x,
                                          guint       sentence,
                                          guint       first_token,
                                          guint       last_token);
void        _ag_extractor_end_sentence   (Extraction *x);
void        _ag_extractor_classify       (Extraction *x);
const char *_ag_token_norm               (Extraction *x,
                                          guint       token);
gboolean    _ag_actor_is_state           (Extraction *x,
                                          gint        actor);
gint        _ag_extraction_country_actor (Extraction *x,
                                          const char *code);
void        _ag_extraction_add_alias     (Extraction *x,
                                          gint        actor,
                                          const char *alias,
                                          gsize       length);

G_END_DECLS
