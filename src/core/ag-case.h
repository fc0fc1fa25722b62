/* ag-case.h
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ag-actor.h"
#include "ag-claim.h"
#include "ag-document.h"
#include "ag-extraction.h"
#include "ag-types.h"

G_BEGIN_DECLS

#define AG_CASE_ERROR (ag_case_error_quark ())

typedef enum
{
  AG_CASE_ERROR_NOT_SQLITE,  /* the file is not an SQLite database at all */
  AG_CASE_ERROR_NOT_A_CASE,  /* an SQLite database of some other program */
  AG_CASE_ERROR_CORRUPT,     /* damaged, truncated, or altered by hand */
  AG_CASE_ERROR_TOO_NEW,     /* written by a newer Actor Graph */
  AG_CASE_ERROR_READ_ONLY,   /* the file cannot be written */
  AG_CASE_ERROR_BUSY,        /* another program holds the file locked */
  AG_CASE_ERROR_NOT_FOUND,   /* no such file, or no such actor or claim */
  AG_CASE_ERROR_INVALID,     /* the change makes no sense (empty name…) */
  AG_CASE_ERROR_FAILED,      /* any other SQLite or I/O failure */
} AgCaseError;

typedef enum
{
  AG_CASE_OPEN_DEFAULT   = 0,
  AG_CASE_OPEN_CREATE    = 1 << 0, /* create the case when the file is missing */
  AG_CASE_OPEN_READ_ONLY = 1 << 1, /* never write, not even to migrate */
} AgCaseOpenFlags;

/* The schema version this build writes, stored in PRAGMA user_version. */
#define AG_CASE_SCHEMA_VERSION 1
/* PRAGMA application_id of every case file: "AgGr" in ASCII. */
#define AG_CASE_APPLICATION_ID 0x41674772

#define AG_TYPE_CASE (ag_case_get_type ())

G_DECLARE_FINAL_TYPE (AgCase, ag_case, AG, CASE, GObject)

GQuark      ag_case_error_quark          (void);

AgCase     *ag_case_new_temporary        (GError          **error);
AgCase     *ag_case_open                 (GFile            *file,
                                          AgCaseOpenFlags   flags,
                                          GError          **error);
gboolean    ag_case_save_as              (AgCase           *self,
                                          GFile            *file,
                                          GError          **error);
void        ag_case_close                (AgCase           *self);

GFile      *ag_case_get_file             (AgCase           *self);
gboolean    ag_case_is_temporary         (AgCase           *self);
gboolean    ag_case_is_read_only         (AgCase           *self);
char       *ag_case_dup_title            (AgCase           *self);

GListModel *ag_case_get_actors           (AgCase           *self);
GListModel *ag_case_get_documents        (AgCase           *self);
GListModel *ag_case_get_claims           (AgCase           *self);

AgActor    *ag_case_find_actor           (AgCase           *self,
                                          const char       *name);
AgActor    *ag_case_lookup_actor         (AgCase           *self,
                                          gint64            id);
AgDocument *ag_case_find_document        (AgCase           *self,
                                          const char       *content_hash);
GPtrArray  *ag_case_list_claims_for_actor (AgCase          *self,
                                          AgActor          *actor);
GPtrArray  *ag_case_list_attributed_states (AgCase         *self,
                                          AgActor          *actor);

gboolean    ag_case_add_document         (AgCase           *self,
                                          AgDocument       *document,
                                          AgExtraction     *extraction,
                                          AgDocument      **out_existing,
                                          GError          **error);
gboolean    ag_case_merge_extraction     (AgCase           *self,
                                          AgDocument       *document,
                                          AgExtraction     *extraction,
                                          GError          **error);
gboolean    ag_case_remove_document      (AgCase           *self,
                                          AgDocument       *document,
                                          GError          **error);

AgActor    *ag_case_add_actor            (AgCase           *self,
                                          AgActorKind       kind,
                                          const char       *name,
                                          GError          **error);
gboolean    ag_case_rename_actor         (AgCase           *self,
                                          AgActor          *actor,
                                          const char       *name,
                                          GError          **error);
gboolean    ag_case_set_actor_kind       (AgCase           *self,
                                          AgActor          *actor,
                                          AgActorKind       kind,
                                          GError          **error);
gboolean    ag_case_set_actor_description (AgCase          *self,
                                          AgActor          *actor,
                                          const char       *description,
                                          GError          **error);
gboolean    ag_case_add_alias            (AgCase           *self,
                                          AgActor          *actor,
                                          const char       *alias,
                                          GError          **error);
gboolean    ag_case_merge_actors         (AgCase           *self,
                                          AgActor          *keep,
                                          AgActor          *absorb,
                                          GError          **error);

gboolean    ag_case_set_claim_status     (AgCase           *self,
                                          AgClaim          *claim,
                                          AgReviewStatus    status,
                                          GError          **error);
gboolean    ag_case_set_claim_note       (AgCase           *self,
                                          AgClaim          *claim,
                                          const char       *note,
                                          GError          **error);
gboolean    ag_case_remove_claim         (AgCase           *self,
                                          AgClaim          *claim,
                                          GError          **error);

G_END_DECLS
