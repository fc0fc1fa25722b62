/* ag-knowledge.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_KNOWLEDGE_ERROR (ag_knowledge_error_quark ())

typedef enum
{
  AG_KNOWLEDGE_ERROR_INVALID,    /* a file that is not a knowledge file or pack */
  AG_KNOWLEDGE_ERROR_NOT_FOUND,  /* no pack of that name */
  AG_KNOWLEDGE_ERROR_EXISTS,     /* a pack of that name is already installed */
  AG_KNOWLEDGE_ERROR_FAILED,
} AgKnowledgeError;

/* How a surface form names its entry. The extractor treats them apart:
 * "Chinese" (a demonym) names China only in some uses, "Beijing" (a
 * capital) names the government when it speaks or acts. */
typedef enum
{
  AG_FORM_NAME,         /* the canonical name */
  AG_FORM_ALIAS,        /* another name: "APT 28", "Fancy Bear", "NCSC" */
  AG_FORM_SHORT,        /* a state's short form or abbreviation: "PRC", "UK" */
  AG_FORM_DEMONYM,      /* "Chinese", "British" */
  AG_FORM_CAPITAL,      /* "Beijing", "Wellington" */
  AG_FORM_SEAT,         /* "the Kremlin", "Downing Street" */
  AG_FORM_AMBIGUOUS,    /* an alias that is also a common word; needs context */
} AgFormKind;

/* One known actor: a country, alliance, body, agency or threat group. */
typedef struct
{
  char        *name;        /* canonical, as the case and the scorer expect */
  AgActorKind  kind;
  char        *code;        /* ISO 3166-1 alpha-2 of a country, else NULL */
  char        *country;     /* for agencies: the alpha-2 of their state */
  char        *state;       /* for threat groups: alpha-2 of the attributed state */
  char        *suspected_state; /* for threat groups: only suspected */
  char        *sponsor;     /* for threat groups: the agency, by its name */
  char       **members;     /* for alliances and bodies: alpha-2 codes */
  char        *origin;      /* "built-in" or the name of the pack it came from */
} AgKnowledgeEntry;

/* A surface form and the entry it names. */
typedef struct
{
  const char             *form;
  AgFormKind              kind;
  const AgKnowledgeEntry *entry;
} AgKnowledgeForm;

#define AG_TYPE_KNOWLEDGE (ag_knowledge_get_type ())

G_DECLARE_FINAL_TYPE (AgKnowledge, ag_knowledge, AG, KNOWLEDGE, GObject)

GQuark                  ag_knowledge_error_quark      (void);

AgKnowledge            *ag_knowledge_get_default      (void);
AgKnowledge            *ag_knowledge_new              (const char   *builtin_dir,
                                                       const char   *iso_codes_file,
                                                       const char   *packs_dir,
                                                       GError      **error);

guint                   ag_knowledge_get_n_entries    (AgKnowledge  *self);
const AgKnowledgeEntry *ag_knowledge_get_entry        (AgKnowledge  *self,
                                                       guint         index);
guint                   ag_knowledge_get_n_forms      (AgKnowledge  *self);
const AgKnowledgeForm  *ag_knowledge_get_form         (AgKnowledge  *self,
                                                       guint         index);
const AgKnowledgeEntry *ag_knowledge_lookup           (AgKnowledge  *self,
                                                       const char   *name);
const AgKnowledgeEntry *ag_knowledge_lookup_country   (AgKnowledge  *self,
                                                       const char   *code);

/* Knowledge packs: threat-actor lists an analyst adds. */

/* An installed pack, as ag_knowledge_list_packs() describes it. @source
 * and @imported are NULL when the pack file cannot be read. */
typedef struct
{
  char  *name;      /* the pack's name, that of its file without ".json" */
  char  *source;    /* "MISP galaxy", "STIX 2.1", ... */
  char  *imported;  /* when it was added, ISO 8601 */
  guint  n_groups;
} AgKnowledgePack;

void                    ag_knowledge_pack_free        (AgKnowledgePack *pack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AgKnowledgePack, ag_knowledge_pack_free)

char                   *ag_knowledge_get_packs_dir    (void);
char                   *ag_knowledge_add_pack         (const char   *packs_dir,
                                                       GFile        *file,
                                                       const char   *name,
                                                       guint        *out_n_groups,
                                                       GError      **error);
/* Returns: (element-type AgKnowledgePack): the installed packs by name */
GPtrArray              *ag_knowledge_list_packs       (const char   *packs_dir,
                                                       GError      **error);
gboolean                ag_knowledge_remove_pack      (const char   *packs_dir,
                                                       const char   *name,
                                                       GError      **error);

G_END_DECLS
