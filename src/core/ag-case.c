/* ag-case.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-case"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ag-case-private.h"
#include "ag-enums.h"
#include "ag-model-private.h"

/* AgCase: the model of one case, kept in step with its file.
 *
 * The file is the truth. Every change runs in its own write transaction;
 * the objects in memory change only after the commit succeeded, by reading
 * back the rows the change touched. A failed change leaves file and memory
 * as they were. */

struct _AgCase
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt */
  GFile      *file;
  guint       temporary : 1;
  guint       read_only : 1;

  GListStore *actors;
  GListStore *documents;
  GListStore *claims;
  GHashTable *actors_by_id;       /* gint64 → AgActor */
  GHashTable *documents_by_id;    /* gint64 → AgDocument */
  GHashTable *documents_by_hash;  /* content hash → AgDocument */
  GHashTable *claims_by_id;       /* gint64 → AgClaim */
};

G_DEFINE_FINAL_TYPE (AgCase, ag_case, G_TYPE_OBJECT)

G_DEFINE_QUARK (ag-case-error-quark, ag_case_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TEMPORARY,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What one transaction touched, to bring memory up to date after COMMIT. */
typedef struct
{
  GArray  *actors;     /* gint64: actors added or changed */
  GArray  *claims;     /* gint64: claims added or changed */
  GArray  *removed_claims;
  gint64   document;   /* a document added, or 0 */
  gint64   removed_document;
  gint64   removed_actor;
} Touched;

static void
touched_init (Touched *t)
{
  t->actors = g_array_new (FALSE, FALSE, sizeof (gint64));
  t->claims = g_array_new (FALSE, FALSE, sizeof (gint64));
  t->removed_claims = g_array_new (FALSE, FALSE, sizeof (gint64));
  t->document = 0;
  t->removed_document = 0;
  t->removed_actor = 0;
}

static void
touched_clear (Touched *t)
{
  g_clear_pointer (&t->actors, g_array_unref);
  g_clear_pointer (&t->claims, g_array_unref);
  g_clear_pointer (&t->removed_claims, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Touched, touched_clear)

static gint64 *
int64_key (gint64 value)
{
  gint64 *key = g_new (gint64, 1);

  *key = value;
  return key;
}

static char *
format_date (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  if (dt == NULL)
    return NULL;
  utc = g_date_time_to_utc (dt);
  return g_date_time_format_iso8601 (utc);
}

static GDateTime *
parse_date (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, g_time_zone_new_utc ());
}

static gboolean
db_failed (AgCase  *self,
           int      rc,
           GError **error)
{
  _ag_case_db_set_error (self->db, rc, error);
  return FALSE;
}

/* A prepared statement for @sql, cached for the life of the connection.
 * @sql must be a string literal: its address is the key. Values are only
 * ever bound, never pasted into SQL. */
static sqlite3_stmt *
statement (AgCase      *self,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _ag_case_db_set_error (self->db, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows. */
static gboolean
run (AgCase       *self,
     sqlite3_stmt *stmt,
     GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return db_failed (self, rc, error);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
check_writable (AgCase  *self,
                GError **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                           _("is closed"));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_READ_ONLY,
                           _("is open read-only"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin (AgCase  *self,
       GError **error)
{
  if (!check_writable (self, error))
    return FALSE;
  return _ag_case_db_exec (self->db, "BEGIN IMMEDIATE", error);
}

static void
rollback (AgCase *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Reads one actor row with its aliases into @actor, or a new object. */
static AgActor *
read_actor (AgCase   *self,
            gint64    id,
            GError  **error)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  AgActor *actor;
  AgActorKind kind;
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self, "SELECT kind, name, description FROM actors WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                       _("has no actor %lld"), (long long)id);
          return NULL;
        }
      db_failed (self, rc, error);
      return NULL;
    }

  if (!ag_actor_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &kind))
    kind = AG_ACTOR_ORGANIZATION;

  actor = g_hash_table_lookup (self->actors_by_id, &id);
  if (actor != NULL)
    {
      g_object_ref (actor);
      g_object_freeze_notify (G_OBJECT (actor));
      _ag_actor_set_kind (actor, kind);
      _ag_actor_set_name (actor, (const char *)sqlite3_column_text (stmt, 1));
    }
  else
    {
      actor = ag_actor_new (kind, (const char *)sqlite3_column_text (stmt, 1));
      g_object_freeze_notify (G_OBJECT (actor));
      _ag_actor_set_id (actor, id);
    }
  _ag_actor_set_description (actor, (const char *)sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  stmt = statement (self, "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY rowid", error);
  if (stmt == NULL)
    {
      g_object_thaw_notify (G_OBJECT (actor));
      g_object_unref (actor);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (aliases, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  g_ptr_array_add (aliases, NULL);
  if (!g_strv_equal ((const char * const *)aliases->pdata, ag_actor_get_aliases (actor)))
    _ag_actor_set_aliases (actor, (const char * const *)aliases->pdata);
  g_object_thaw_notify (G_OBJECT (actor));

  return actor;
}

static AgClaim *
claim_from_row (AgCase       *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 document_id = sqlite3_column_int64 (stmt, 1);
  gint64 speaker_id = sqlite3_column_int64 (stmt, 3);
  gint64 subject_id = sqlite3_column_int64 (stmt, 4);
  gint64 object_id = sqlite3_column_int64 (stmt, 5);
  AgDocument *document = g_hash_table_lookup (self->documents_by_id, &document_id);
  AgActor *speaker = g_hash_table_lookup (self->actors_by_id, &speaker_id);
  AgActor *subject = g_hash_table_lookup (self->actors_by_id, &subject_id);
  AgActor *object = g_hash_table_lookup (self->actors_by_id, &object_id);
  AgClaimKind kind;
  AgReviewStatus status;
  AgClaim *claim;

  if (document == NULL || subject == NULL ||
      (speaker_id != 0 && speaker == NULL) || (object_id != 0 && object == NULL) ||
      !ag_claim_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind) ||
      !ag_review_status_from_string ((const char *)sqlite3_column_text (stmt, 10), &status))
    {
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_CORRUPT,
                   _("is damaged (claim %lld refers to missing rows)"), (long long)id);
      return NULL;
    }

  claim = _ag_claim_new (id, kind, speaker, subject, object, document);
  _ag_claim_set_evidence (claim,
                          (const char *)sqlite3_column_text (stmt, 6),
                          sqlite3_column_int64 (stmt, 7),
                          sqlite3_column_int64 (stmt, 8));
  _ag_claim_set_confidence (claim, sqlite3_column_double (stmt, 9));
  _ag_claim_set_status (claim, status);
  _ag_claim_set_note (claim, (const char *)sqlite3_column_text (stmt, 11));

  return claim;
}

#define CLAIM_COLUMNS \
  "id, document_id, kind, ifnull (speaker_id, 0), subject_id, ifnull (object_id, 0), " \
  "evidence, evidence_start, evidence_end, confidence, status, note"

static AgDocument *
document_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) published = NULL;
  g_autoptr(GDateTime) imported = NULL;
  AgDocument *document;

  document = ag_document_new ((const char *)sqlite3_column_text (stmt, 1),
                              (const char *)sqlite3_column_text (stmt, 2),
                              (const char *)sqlite3_column_text (stmt, 7));
  _ag_document_set_id (document, sqlite3_column_int64 (stmt, 0));
  ag_document_set_media_type (document, (const char *)sqlite3_column_text (stmt, 3));
  published = parse_date ((const char *)sqlite3_column_text (stmt, 4));
  ag_document_set_published (document, published);
  imported = parse_date ((const char *)sqlite3_column_text (stmt, 5));
  _ag_document_set_imported (document, imported);
  _ag_document_set_content_hash (document, (const char *)sqlite3_column_text (stmt, 6));

  return document;
}

#define DOCUMENT_COLUMNS \
  "id, title, source, media_type, published, imported, content_hash, text"

static void
add_document_to_memory (AgCase     *self,
                        AgDocument *document)
{
  g_hash_table_insert (self->documents_by_id, int64_key (ag_document_get_id (document)),
                       g_object_ref (document));
  g_hash_table_insert (self->documents_by_hash, g_strdup (ag_document_get_content_hash (document)),
                       document);
}

/* Loads every row of the file into the list models. */
static gboolean
load (AgCase  *self,
      GError **error)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  /* One read transaction, so that another writer cannot slip in between. */
  if (!_ag_case_db_exec (self->db, "BEGIN", error))
    return FALSE;

  stmt = statement (self, "SELECT id, kind, name, description FROM actors ORDER BY id", error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AgActorKind kind;
      AgActor *actor;

      if (!ag_actor_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &kind))
        kind = AG_ACTOR_ORGANIZATION;
      actor = ag_actor_new (kind, (const char *)sqlite3_column_text (stmt, 2));
      _ag_actor_set_id (actor, sqlite3_column_int64 (stmt, 0));
      _ag_actor_set_description (actor, (const char *)sqlite3_column_text (stmt, 3));
      g_hash_table_insert (self->actors_by_id, int64_key (ag_actor_get_id (actor)), g_object_ref (actor));
      g_ptr_array_add (actors, actor);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed_rc;

  stmt = statement (self, "SELECT actor_id, alias FROM aliases ORDER BY actor_id, rowid", error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 actor_id = sqlite3_column_int64 (stmt, 0);
      AgActor *actor = g_hash_table_lookup (self->actors_by_id, &actor_id);

      if (actor != NULL)
        _ag_actor_add_alias (actor, (const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed_rc;

  stmt = statement (self, "SELECT " DOCUMENT_COLUMNS " FROM documents ORDER BY id", error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AgDocument *document = document_from_row (stmt);

      add_document_to_memory (self, document);
      g_ptr_array_add (documents, document);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed_rc;

  stmt = statement (self, "SELECT " CLAIM_COLUMNS " FROM claims ORDER BY id", error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AgClaim *claim = claim_from_row (self, stmt, error);

      if (claim == NULL)
        {
          sqlite3_reset (stmt);
          goto failed;
        }
      g_hash_table_insert (self->claims_by_id, int64_key (ag_claim_get_id (claim)), g_object_ref (claim));
      g_ptr_array_add (claims, claim);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed_rc;

  _ag_case_db_exec (self->db, "COMMIT", NULL);

  g_list_store_splice (self->actors, 0, 0, actors->pdata, actors->len);
  g_list_store_splice (self->documents, 0, 0, documents->pdata, documents->len);
  g_list_store_splice (self->claims, 0, 0, claims->pdata, claims->len);

  return TRUE;

failed_rc:
  db_failed (self, rc, error);
failed:
  rollback (self);
  return FALSE;
}

static gboolean
find_in_store (GListStore *store,
               gpointer    item,
               guint      *position)
{
  return g_list_store_find (store, item, position);
}

/* Brings memory up to date with what a committed transaction touched. */
static void
apply_touched (AgCase  *self,
               Touched *t)
{
  g_autoptr(GPtrArray) new_actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_claims = g_ptr_array_new_with_free_func (g_object_unref);
  guint position;

  if (t->removed_document != 0)
    {
      AgDocument *document = g_hash_table_lookup (self->documents_by_id, &t->removed_document);

      if (document != NULL)
        {
          /* Its claims went with it (ON DELETE CASCADE). */
          for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->claims)); i > 0; i--)
            {
              g_autoptr(AgClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i - 1);

              if (ag_claim_get_document (claim) == document)
                {
                  gint64 id = ag_claim_get_id (claim);

                  g_list_store_remove (self->claims, i - 1);
                  g_hash_table_remove (self->claims_by_id, &id);
                }
            }
          g_hash_table_remove (self->documents_by_hash, ag_document_get_content_hash (document));
          if (find_in_store (self->documents, document, &position))
            g_list_store_remove (self->documents, position);
          g_hash_table_remove (self->documents_by_id, &t->removed_document);
        }
    }

  for (guint i = 0; i < t->removed_claims->len; i++)
    {
      gint64 id = g_array_index (t->removed_claims, gint64, i);
      AgClaim *claim = g_hash_table_lookup (self->claims_by_id, &id);

      if (claim != NULL)
        {
          if (find_in_store (self->claims, claim, &position))
            g_list_store_remove (self->claims, position);
          g_hash_table_remove (self->claims_by_id, &id);
        }
    }

  if (t->document != 0)
    {
      sqlite3_stmt *stmt = statement (self, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, t->document);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_autoptr(AgDocument) document = document_from_row (stmt);

              add_document_to_memory (self, document);
              g_list_store_append (self->documents, document);
            }
          sqlite3_reset (stmt);
        }
    }

  for (guint i = 0; i < t->actors->len; i++)
    {
      gint64 id = g_array_index (t->actors, gint64, i);
      gboolean known = g_hash_table_contains (self->actors_by_id, &id);
      g_autoptr(AgActor) actor = read_actor (self, id, NULL);

      if (actor != NULL && !known)
        {
          g_hash_table_insert (self->actors_by_id, int64_key (id), g_object_ref (actor));
          g_ptr_array_add (new_actors, g_steal_pointer (&actor));
        }
    }
  g_list_store_splice (self->actors, g_list_model_get_n_items (G_LIST_MODEL (self->actors)), 0,
                       new_actors->pdata, new_actors->len);

  for (guint i = 0; i < t->claims->len; i++)
    {
      gint64 id = g_array_index (t->claims, gint64, i);
      AgClaim *known = g_hash_table_lookup (self->claims_by_id, &id);
      sqlite3_stmt *stmt = statement (self, "SELECT " CLAIM_COLUMNS " FROM claims WHERE id = ?", NULL);
      g_autoptr(AgClaim) fresh = NULL;

      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        fresh = claim_from_row (self, stmt, NULL);
      sqlite3_reset (stmt);
      if (fresh == NULL)
        continue;

      if (known != NULL)
        {
          _ag_claim_set_actors (known,
                                ag_claim_get_speaker (fresh),
                                ag_claim_get_subject (fresh),
                                ag_claim_get_object (fresh));
          _ag_claim_set_status (known, ag_claim_get_status (fresh));
          _ag_claim_set_note (known, ag_claim_get_note (fresh));
        }
      else
        {
          g_hash_table_insert (self->claims_by_id, int64_key (id), g_object_ref (fresh));
          g_ptr_array_add (new_claims, g_steal_pointer (&fresh));
        }
    }
  g_list_store_splice (self->claims, g_list_model_get_n_items (G_LIST_MODEL (self->claims)), 0,
                       new_claims->pdata, new_claims->len);

  if (t->removed_actor != 0)
    {
      AgActor *actor = g_hash_table_lookup (self->actors_by_id, &t->removed_actor);

      if (actor != NULL)
        {
          if (find_in_store (self->actors, actor, &position))
            g_list_store_remove (self->actors, position);
          g_hash_table_remove (self->actors_by_id, &t->removed_actor);
        }
    }
}

static gboolean
commit (AgCase  *self,
        Touched *t,
        GError **error)
{
  if (!_ag_case_db_exec (self->db, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }

  if (t != NULL)
    apply_touched (self, t);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
ag_case_dispose (GObject *object)
{
  AgCase *self = (AgCase *)object;

  ag_case_close (self);

  if (self->actors != NULL)
    g_list_store_remove_all (self->actors);
  if (self->claims != NULL)
    g_list_store_remove_all (self->claims);
  if (self->documents != NULL)
    g_list_store_remove_all (self->documents);

  G_OBJECT_CLASS (ag_case_parent_class)->dispose (object);
}

static void
ag_case_finalize (GObject *object)
{
  AgCase *self = (AgCase *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->actors);
  g_clear_object (&self->documents);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->actors_by_id, g_hash_table_unref);
  g_clear_pointer (&self->documents_by_id, g_hash_table_unref);
  g_clear_pointer (&self->documents_by_hash, g_hash_table_unref);
  g_clear_pointer (&self->claims_by_id, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);

  G_OBJECT_CLASS (ag_case_parent_class)->finalize (object);
}

static void
ag_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AgCase *self = AG_CASE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TEMPORARY:
      g_value_set_boolean (value, self->temporary);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_case_class_init (AgCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ag_case_dispose;
  object_class->finalize = ag_case_finalize;
  object_class->get_property = ag_case_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A new case that lives in a scratch file until it is saved. */
  properties[PROP_TEMPORARY] =
    g_param_spec_boolean ("temporary", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgCase::changed:
   *
   * Emitted after each change has been committed to the file and the
   * models updated.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ag_case_init (AgCase *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)(void (*) (void))sqlite3_finalize);
  self->actors = g_list_store_new (AG_TYPE_ACTOR);
  self->documents = g_list_store_new (AG_TYPE_DOCUMENT);
  self->claims = g_list_store_new (AG_TYPE_CLAIM);
  self->actors_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->documents_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->documents_by_hash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->claims_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static AgCase *
open_path (const char  *path,
           gboolean     read_only,
           gboolean     temporary,
           GError     **error)
{
  g_autoptr(AgCase) self = g_object_new (AG_TYPE_CASE, NULL);

  self->db = _ag_case_db_open (path, read_only, error);
  if (self->db == NULL)
    return NULL;

  self->file = g_file_new_for_path (path);
  /* SQLite falls back to reading a file the system will not let it write. */
  self->read_only = read_only || sqlite3_db_readonly (self->db, "main") == 1;
  self->temporary = temporary;

  if (!load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ag_case_open:
 * @file: a case file
 * @flags: #AgCaseOpenFlags
 * @error: return location for a #GError
 *
 * Opens a case file, creating it first with %AG_CASE_OPEN_CREATE when it
 * does not exist. A file that is not SQLite, belongs to another program, is
 * damaged, or comes from a newer version is refused with an error whose
 * message, after the file name, says which.
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
AgCase *
ag_case_open (GFile            *file,
              AgCaseOpenFlags   flags,
              GError          **error)
{
  g_autofree char *path = NULL;
  gboolean read_only = (flags & AG_CASE_OPEN_READ_ONLY) != 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                           _("is not a local file"));
      return NULL;
    }

  if ((flags & AG_CASE_OPEN_CREATE) && !read_only &&
      !g_file_test (path, G_FILE_TEST_EXISTS) &&
      !_ag_case_db_create (path, error))
    return NULL;

  return open_path (path, read_only, FALSE, error);
}

/**
 * ag_case_new_temporary:
 * @error: return location for a #GError
 *
 * Creates a new, unsaved case. It lives in a file in the user's cache
 * directory, so that nothing is lost before the first "Save As".
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
AgCase *
ag_case_new_temporary (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "actorgraph", "unsaved", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                   _("cannot create %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  for (guint attempt = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); attempt++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/unsaved-%s-%u-%u.actorgraph", dir, stamp, (guint)getpid (), attempt);
    }

  if (!_ag_case_db_create (path, error))
    return NULL;

  return open_path (path, FALSE, TRUE, error);
}

/**
 * ag_case_save_as:
 * @self: an #AgCase
 * @file: where to save
 * @error: return location for a #GError
 *
 * Copies the case to @file with SQLite's backup API (a consistent copy even
 * while another program writes) and goes on working in the copy. The copy
 * is made under a temporary name and renamed into place, so that an
 * existing @file is replaced only by a complete case. A temporary case's
 * scratch file is deleted afterwards.
 */
gboolean
ag_case_save_as (AgCase   *self,
                 GFile    *file,
                 GError  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *old_path = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  sqlite3 *reopened;
  int saved_errno;
  int rc;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->db == NULL)
    return check_writable (self, error);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                           _("is not a local file"));
      return FALSE;
    }
  if (g_file_equal (file, self->file))
    return TRUE;

  dir = g_path_get_dirname (path);
  saved_errno = _ag_case_make_scratch (dir, &tmpl);
  if (saved_errno != 0)
    {
      g_set_error (error, AG_CASE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? AG_CASE_ERROR_READ_ONLY : AG_CASE_ERROR_FAILED,
                   _("cannot be saved in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  rc = sqlite3_open_v2 (tmpl, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  _ag_case_db_configure (copy);

  backup = sqlite3_backup_init (copy, "main", self->db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (copy);
      goto failed;
    }
  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto failed;

  rc = sqlite3_close (copy);
  copy = NULL;
  if (rc != SQLITE_OK)
    goto failed;

  if (g_rename (tmpl, path) != 0)
    {
      saved_errno = errno;

      g_unlink (tmpl);
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_FAILED,
                   _("cannot be saved: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  reopened = _ag_case_db_open (path, FALSE, error);
  if (reopened == NULL)
    return FALSE;

  /* Rows and ids are the same in the copy, so the objects stay valid. */
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = reopened;

  old_path = g_file_get_path (self->file);
  if (self->temporary)
    g_unlink (old_path);
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (self->temporary)
    {
      self->temporary = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPORARY]);
    }
  self->read_only = FALSE;

  return TRUE;

failed:
  _ag_case_db_set_error (copy, rc, error);
  if (copy != NULL)
    sqlite3_close (copy);
  g_unlink (tmpl);
  return FALSE;
}

/**
 * ag_case_close:
 * @self: an #AgCase
 *
 * Closes the file. Every change is already in it. A temporary case that
 * holds nothing is deleted. The models stay readable; changes fail.
 */
void
ag_case_close (AgCase *self)
{
  g_return_if_fail (AG_IS_CASE (self));

  if (self->db == NULL)
    return;

  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = NULL;

  if (self->temporary &&
      g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->actors)) == 0)
    {
      g_autofree char *path = g_file_get_path (self->file);

      g_unlink (path);
    }
}

/**
 * ag_case_get_file:
 * @self: an #AgCase
 *
 * Returns: (transfer none): the case file (a scratch file while temporary)
 */
GFile *
ag_case_get_file (AgCase *self)
{
  g_return_val_if_fail (AG_IS_CASE (self), NULL);

  return self->file;
}

gboolean
ag_case_is_temporary (AgCase *self)
{
  g_return_val_if_fail (AG_IS_CASE (self), FALSE);

  return self->temporary;
}

gboolean
ag_case_is_read_only (AgCase *self)
{
  g_return_val_if_fail (AG_IS_CASE (self), FALSE);

  return self->read_only;
}

/**
 * ag_case_dup_title:
 * @self: an #AgCase
 *
 * Returns: (transfer full): the name to show for the case: its file name
 *   without the extension, or "Unsaved Case"
 */
char *
ag_case_dup_title (AgCase *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (AG_IS_CASE (self), NULL);

  if (self->temporary)
    return g_strdup (_("Unsaved Case"));

  basename = g_file_get_basename (self->file);
  if (g_str_has_suffix (basename, ".actorgraph"))
    basename[strlen (basename) - strlen (".actorgraph")] = '\0';
  return g_steal_pointer (&basename);
}

/**
 * ag_case_get_actors:
 * @self: an #AgCase
 *
 * Returns: (transfer none): a #GListModel of #AgActor, in the order they
 *   were added
 */
GListModel *
ag_case_get_actors (AgCase *self)
{
  g_return_val_if_fail (AG_IS_CASE (self), NULL);

  return G_LIST_MODEL (self->actors);
}

/**
 * ag_case_get_documents:
 * @self: an #AgCase
 *
 * Returns: (transfer none): a #GListModel of #AgDocument
 */
GListModel *
ag_case_get_documents (AgCase *self)
{
  g_return_val_if_fail (AG_IS_CASE (self), NULL);

  return G_LIST_MODEL (self->documents);
}

/**
 * ag_case_get_claims:
 * @self: an #AgCase
 *
 * Returns: (transfer none): a #GListModel of #AgClaim
 */
GListModel *
ag_case_get_claims (AgCase *self)
{
  g_return_val_if_fail (AG_IS_CASE (self), NULL);

  return G_LIST_MODEL (self->claims);
}

/* The id of the actor called @name: by canonical name first, then by alias
 * (the oldest actor wins when an alias is shared). 0 when there is none. */
static gint64
lookup_actor_id (AgCase      *self,
                 const char  *key,
                 gboolean     aliases_too)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = statement (self, "SELECT id FROM actors WHERE name_key = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0 || !aliases_too)
    return id;

  stmt = statement (self, "SELECT min (actor_id) FROM aliases WHERE alias_key = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * ag_case_find_actor:
 * @self: an #AgCase
 * @name: a name or alias
 *
 * Finds an actor by its name or one of its aliases, compared as
 * ag_name_key() does (case, punctuation and a leading "the" do not count).
 *
 * Returns: (transfer none) (nullable): the actor
 */
AgActor *
ag_case_find_actor (AgCase     *self,
                    const char *name)
{
  g_autofree char *key = NULL;
  AgActor *alias_match = NULL;
  guint n;

  g_return_val_if_fail (AG_IS_CASE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = ag_name_key (name);

  /* The file has indexes on both; memory is only searched once it is closed. */
  if (self->db != NULL)
    {
      gint64 id = lookup_actor_id (self, key, TRUE);

      return id != 0 ? g_hash_table_lookup (self->actors_by_id, &id) : NULL;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);
      g_autofree char *name_key = ag_name_key (ag_actor_get_name (actor));

      if (g_str_equal (name_key, key))
        return actor;
      if (alias_match == NULL && ag_actor_has_alias (actor, name))
        alias_match = actor;
    }

  return alias_match;
}

/**
 * ag_case_lookup_actor:
 * @self: an #AgCase
 * @id: an actor id
 *
 * Returns: (transfer none) (nullable): the actor with that id
 */
AgActor *
ag_case_lookup_actor (AgCase *self,
                      gint64  id)
{
  g_return_val_if_fail (AG_IS_CASE (self), NULL);

  return g_hash_table_lookup (self->actors_by_id, &id);
}

/**
 * ag_case_find_document:
 * @self: an #AgCase
 * @content_hash: a content hash, as ag_document_get_content_hash()
 *
 * Returns: (transfer none) (nullable): the document with that content
 */
AgDocument *
ag_case_find_document (AgCase     *self,
                       const char *content_hash)
{
  g_return_val_if_fail (AG_IS_CASE (self), NULL);
  g_return_val_if_fail (content_hash != NULL, NULL);

  return g_hash_table_lookup (self->documents_by_hash, content_hash);
}

/**
 * ag_case_list_claims_for_actor:
 * @self: an #AgCase
 * @actor: an actor of the case
 *
 * Returns: (transfer container) (element-type AgClaim): the claims in which
 *   @actor is speaker, subject or object
 */
GPtrArray *
ag_case_list_claims_for_actor (AgCase  *self,
                               AgActor *actor)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (AG_IS_CASE (self), result);
  g_return_val_if_fail (AG_IS_ACTOR (actor), result);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      if (ag_claim_get_subject (claim) == actor ||
          ag_claim_get_object (claim) == actor ||
          ag_claim_get_speaker (claim) == actor)
        g_ptr_array_add (result, g_steal_pointer (&claim));
    }

  return result;
}

/**
 * ag_case_list_attributed_states:
 * @self: an #AgCase
 * @actor: a threat group of the case
 *
 * The states a threat group is attributed to, derived from the
 * `attributes` claims that an analyst has not rejected.
 *
 * Returns: (transfer container) (element-type AgActor): the states, each once
 */
GPtrArray *
ag_case_list_attributed_states (AgCase  *self,
                                AgActor *actor)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (AG_IS_CASE (self), result);
  g_return_val_if_fail (AG_IS_ACTOR (actor), result);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);
      AgActor *state = ag_claim_get_object (claim);

      if (ag_claim_get_kind (claim) == AG_CLAIM_ATTRIBUTES &&
          ag_claim_get_subject (claim) == actor &&
          ag_claim_get_status (claim) != AG_REVIEW_REJECTED &&
          state != NULL &&
          !g_ptr_array_find (result, state, NULL))
        g_ptr_array_add (result, g_object_ref (state));
    }

  return result;
}

/* Adds @alias to actor @id unless the actor already answers to it. */
static gboolean
insert_alias (AgCase      *self,
              gint64       id,
              const char  *alias,
              Touched     *t,
              GError     **error)
{
  g_autofree char *key = ag_name_key (alias);
  sqlite3_stmt *stmt;
  gboolean is_name = FALSE;

  if (*key == '\0')
    return TRUE;

  stmt = statement (self, "SELECT 1 FROM actors WHERE id = ? AND name_key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  is_name = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (is_name)
    return TRUE;

  stmt = statement (self, "INSERT OR IGNORE INTO aliases (actor_id, alias_key, alias) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, alias, -1, SQLITE_TRANSIENT);
  if (!run (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    g_array_append_val (t->actors, id);
  return TRUE;
}

static gint64
insert_actor (AgCase       *self,
              AgActorKind   kind,
              const char   *name,
              const char   *description,
              Touched      *t,
              GError      **error)
{
  g_autofree char *key = ag_name_key (name);
  sqlite3_stmt *stmt;
  gint64 id;

  if (*key == '\0')
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID,
                           _("an actor needs a name"));
      return 0;
    }

  stmt = statement (self, "INSERT INTO actors (kind, name, name_key, description) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, ag_actor_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, description ? description : "", -1, SQLITE_TRANSIENT);
  if (!run (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  g_array_append_val (t->actors, id);
  return id;
}

/* Merges an extraction's actors and claims for the document with id
 * @document_id, inside the caller's transaction. */
static gboolean
merge_extraction (AgCase        *self,
                  gint64         document_id,
                  AgExtraction  *extraction,
                  Touched       *t,
                  GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_actors = ag_extraction_get_n_actors (extraction);
  guint n_claims = ag_extraction_get_n_claims (extraction);

  for (guint i = 0; i < n_actors; i++)
    {
      const AgExtractedActor *ea = ag_extraction_get_actor (extraction, i);
      g_autofree char *key = ag_name_key (ea->name);
      gint64 id = lookup_actor_id (self, key, TRUE);

      /* An actor new by its name may still be known by one of its aliases
       * ("PRC" for "China"); aliases are matched against names only, since
       * aliases such as "Foreign Ministry" are shared by many actors. */
      for (guint j = 0; id == 0 && ea->aliases != NULL && j < ea->aliases->len; j++)
        {
          g_autofree char *alias_key = ag_name_key (g_ptr_array_index (ea->aliases, j));

          if (*alias_key != '\0')
            id = lookup_actor_id (self, alias_key, FALSE);
        }

      if (id == 0)
        {
          id = insert_actor (self, ea->kind, ea->name, ea->description, t, error);
          if (id == 0)
            return FALSE;
        }
      else if (!insert_alias (self, id, ea->name, t, error))
        return FALSE;

      for (guint j = 0; ea->aliases != NULL && j < ea->aliases->len; j++)
        if (!insert_alias (self, id, g_ptr_array_index (ea->aliases, j), t, error))
          return FALSE;

      g_hash_table_replace (ids, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize)id));
    }

  for (guint i = 0; i < n_claims; i++)
    {
      const AgExtractedClaim *ec = ag_extraction_get_claim (extraction, i);
      const char *names[3] = { ec->speaker, ec->subject, ec->object };
      gint64 actor_ids[3] = { 0, 0, 0 };
      sqlite3_stmt *stmt;

      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *key = NULL;

          if (names[j] == NULL)
            continue;
          key = ag_name_key (names[j]);
          actor_ids[j] = (gint64)GPOINTER_TO_SIZE (g_hash_table_lookup (ids, key));
          if (actor_ids[j] == 0)
            actor_ids[j] = lookup_actor_id (self, key, TRUE);
        }
      if (actor_ids[1] == 0)
        {
          g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID,
                       _("claim %u: subject “%s” is not an actor"), i + 1,
                       ec->subject ? ec->subject : "");
          return FALSE;
        }

      stmt = statement (self,
                        "INSERT OR IGNORE INTO claims (document_id, kind, speaker_id, subject_id, object_id, "
                        "evidence, evidence_start, evidence_end, confidence, status, note) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_text (stmt, 2, ag_claim_kind_to_string (ec->kind), -1, SQLITE_STATIC);
      bind_id_or_null (stmt, 3, actor_ids[0]);
      sqlite3_bind_int64 (stmt, 4, actor_ids[1]);
      bind_id_or_null (stmt, 5, actor_ids[2]);
      sqlite3_bind_text (stmt, 6, ec->evidence ? ec->evidence : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, ec->start >= 0 && ec->end >= ec->start ? ec->start : -1);
      sqlite3_bind_int64 (stmt, 8, ec->start >= 0 && ec->end >= ec->start ? ec->end : -1);
      sqlite3_bind_double (stmt, 9, CLAMP (ec->confidence, 0.0, 1.0));
      sqlite3_bind_text (stmt, 10, ag_review_status_to_string (ec->status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, ec->note ? ec->note : "", -1, SQLITE_TRANSIENT);
      if (!run (self, stmt, error))
        return FALSE;

      if (sqlite3_changes (self->db) > 0)
        {
          gint64 id = sqlite3_last_insert_rowid (self->db);

          g_array_append_val (t->claims, id);
        }
    }

  return TRUE;
}

/**
 * ag_case_add_document:
 * @self: an #AgCase
 * @document: a document that belongs to no case
 * @extraction: (nullable): actors and claims found in it
 * @out_existing: (out) (optional) (transfer none): the document already in
 *   the case with the same content, if any
 * @error: return location for a #GError
 *
 * Adds a document, and what was extracted from it, in one transaction. A
 * document whose content is already in the case is not added again: the
 * call succeeds, changes nothing, and sets @out_existing.
 */
gboolean
ag_case_add_document (AgCase        *self,
                      AgDocument    *document,
                      AgExtraction  *extraction,
                      AgDocument   **out_existing,
                      GError       **error)
{
  g_auto(Touched) t = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported = format_date (now);
  g_autofree char *published = format_date (ag_document_get_published (document));
  sqlite3_stmt *stmt;
  gint64 existing_id = 0;
  int rc;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (extraction == NULL || AG_IS_EXTRACTION (extraction), FALSE);

  if (out_existing != NULL)
    *out_existing = NULL;

  touched_init (&t);

  if (!begin (self, error))
    return FALSE;

  /* Asked of the file, not of memory: another window may have added it. */
  stmt = statement (self, "SELECT id FROM documents WHERE content_hash = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, ag_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    existing_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      db_failed (self, rc, error);
      goto failed;
    }

  if (existing_id != 0)
    {
      rollback (self);
      if (out_existing != NULL)
        *out_existing = g_hash_table_lookup (self->documents_by_id, &existing_id);
      return TRUE;
    }

  stmt = statement (self,
                    "INSERT INTO documents (title, source, media_type, published, imported, content_hash, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, ag_document_get_title (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ag_document_get_source (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, ag_document_get_media_type (document), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, published);
  sqlite3_bind_text (stmt, 5, imported, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, ag_document_get_content_hash (document), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, ag_document_get_text (document), -1, SQLITE_TRANSIENT);
  if (!run (self, stmt, error))
    goto failed;
  t.document = sqlite3_last_insert_rowid (self->db);

  if (extraction != NULL && !merge_extraction (self, t.document, extraction, &t, error))
    goto failed;

  return commit (self, &t, error);

failed:
  rollback (self);
  return FALSE;
}

/**
 * ag_case_merge_extraction:
 * @self: an #AgCase
 * @document: a document of the case
 * @extraction: actors and claims found in it
 * @error: return location for a #GError
 *
 * Merges actors and claims into the case for a document it holds: actors
 * are unified by name and alias, claims already there are kept as they
 * are (with their review status).
 */
gboolean
ag_case_merge_extraction (AgCase        *self,
                          AgDocument    *document,
                          AgExtraction  *extraction,
                          GError       **error)
{
  g_auto(Touched) t = { 0 };

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (AG_IS_EXTRACTION (extraction), FALSE);

  if (!g_hash_table_contains (self->documents_by_id, &(gint64) { ag_document_get_id (document) }))
    {
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                   _("does not hold the document “%s”"), ag_document_get_title (document));
      return FALSE;
    }

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  if (!merge_extraction (self, ag_document_get_id (document), extraction, &t, error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, &t, error);
}

/* Runs one statement that changes one row, as a transaction of its own. */
static gboolean
change_row (AgCase        *self,
            sqlite3_stmt  *stmt,
            Touched       *t,
            GError       **error)
{
  if (!run (self, stmt, error))
    {
      rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                           _("no longer holds that item"));
      return FALSE;
    }
  return commit (self, t, error);
}

/**
 * ag_case_remove_document:
 * @self: an #AgCase
 * @document: a document of the case
 * @error: return location for a #GError
 *
 * Removes a document and the claims that came from it. Actors stay.
 */
gboolean
ag_case_remove_document (AgCase      *self,
                         AgDocument  *document,
                         GError     **error)
{
  g_auto(Touched) t = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_DOCUMENT (document), FALSE);

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, "DELETE FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, ag_document_get_id (document));
  t.removed_document = ag_document_get_id (document);
  return change_row (self, stmt, &t, error);
}

/**
 * ag_case_add_actor:
 * @self: an #AgCase
 * @kind: the kind of actor
 * @name: its name, not used by another actor
 * @error: return location for a #GError
 *
 * Returns: (transfer none): the new actor, or %NULL with @error set
 */
AgActor *
ag_case_add_actor (AgCase       *self,
                   AgActorKind   kind,
                   const char   *name,
                   GError      **error)
{
  g_auto(Touched) t = { 0 };
  g_autofree char *key = NULL;
  gint64 id;

  g_return_val_if_fail (AG_IS_CASE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  touched_init (&t);
  if (!begin (self, error))
    return NULL;

  key = ag_name_key (name);
  if (lookup_actor_id (self, key, FALSE) != 0)
    {
      rollback (self);
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID,
                   _("already has an actor called “%s”"), name);
      return NULL;
    }

  id = insert_actor (self, kind, name, NULL, &t, error);
  if (id == 0 || !commit (self, &t, error))
    {
      rollback (self);
      return NULL;
    }

  return g_hash_table_lookup (self->actors_by_id, &id);
}

/**
 * ag_case_rename_actor:
 * @self: an #AgCase
 * @actor: an actor of the case
 * @name: the new name
 * @error: return location for a #GError
 *
 * Renames an actor. The old name is kept as an alias, so that later
 * extractions still find it. Fails if another actor has the name.
 */
gboolean
ag_case_rename_actor (AgCase      *self,
                      AgActor     *actor,
                      const char  *name,
                      GError     **error)
{
  g_auto(Touched) t = { 0 };
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  gint64 other;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  key = ag_name_key (name);
  id = ag_actor_get_id (actor);
  if (*key == '\0')
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID,
                           _("an actor needs a name"));
      return FALSE;
    }

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;

  other = lookup_actor_id (self, key, FALSE);
  if (other != 0 && other != id)
    {
      rollback (self);
      g_set_error (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID,
                   _("already has an actor called “%s”"), name);
      return FALSE;
    }

  /* The new name is no longer an alias of its own actor. */
  stmt = statement (self, "DELETE FROM aliases WHERE actor_id = ? AND alias_key = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (!run (self, stmt, error))
    goto failed;

  stmt = statement (self, "UPDATE actors SET name = ?, name_key = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!run (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, AG_CASE_ERROR, AG_CASE_ERROR_NOT_FOUND,
                           _("no longer holds that item"));
      goto failed;
    }
  g_array_append_val (t.actors, id);

  /* Later documents may still use the old name. */
  if (!insert_alias (self, id, ag_actor_get_name (actor), &t, error))
    goto failed;

  return commit (self, &t, error);

failed:
  rollback (self);
  return FALSE;
}

/**
 * ag_case_set_actor_kind:
 * @self: an #AgCase
 * @actor: an actor of the case
 * @kind: its new kind
 * @error: return location for a #GError
 */
gboolean
ag_case_set_actor_kind (AgCase       *self,
                        AgActor      *actor,
                        AgActorKind   kind,
                        GError      **error)
{
  g_auto(Touched) t = { 0 };
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_ACTOR (actor), FALSE);

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, "UPDATE actors SET kind = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  id = ag_actor_get_id (actor);
  sqlite3_bind_text (stmt, 1, ag_actor_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  g_array_append_val (t.actors, id);
  return change_row (self, stmt, &t, error);
}

/**
 * ag_case_set_actor_description:
 * @self: an #AgCase
 * @actor: an actor of the case
 * @description: (nullable): the analyst's description
 * @error: return location for a #GError
 */
gboolean
ag_case_set_actor_description (AgCase      *self,
                               AgActor     *actor,
                               const char  *description,
                               GError     **error)
{
  g_auto(Touched) t = { 0 };
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_ACTOR (actor), FALSE);

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, "UPDATE actors SET description = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  id = ag_actor_get_id (actor);
  sqlite3_bind_text (stmt, 1, description ? description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  g_array_append_val (t.actors, id);
  return change_row (self, stmt, &t, error);
}

/**
 * ag_case_add_alias:
 * @self: an #AgCase
 * @actor: an actor of the case
 * @alias: another name for it
 * @error: return location for a #GError
 */
gboolean
ag_case_add_alias (AgCase      *self,
                   AgActor     *actor,
                   const char  *alias,
                   GError     **error)
{
  g_auto(Touched) t = { 0 };

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  if (!insert_alias (self, ag_actor_get_id (actor), alias, &t, error))
    {
      rollback (self);
      return FALSE;
    }
  return commit (self, &t, error);
}

/**
 * ag_case_merge_actors:
 * @self: an #AgCase
 * @keep: the actor that stays
 * @absorb: the actor merged into @keep and removed
 * @error: return location for a #GError
 *
 * Merges two actors that are one: @absorb's name and aliases become
 * aliases of @keep, and its claims become @keep's. A claim that would then
 * repeat one of @keep's in the same document is dropped.
 */
gboolean
ag_case_merge_actors (AgCase      *self,
                      AgActor     *keep,
                      AgActor     *absorb,
                      GError     **error)
{
  static const char * const moves[] = {
    "UPDATE OR IGNORE claims SET speaker_id = ?1 WHERE speaker_id = ?2",
    "UPDATE OR IGNORE claims SET subject_id = ?1 WHERE subject_id = ?2",
    "UPDATE OR IGNORE claims SET object_id = ?1 WHERE object_id = ?2",
  };
  g_auto(Touched) t = { 0 };
  gint64 keep_id;
  gint64 absorb_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_ACTOR (keep), FALSE);
  g_return_val_if_fail (AG_IS_ACTOR (absorb), FALSE);

  keep_id = ag_actor_get_id (keep);
  absorb_id = ag_actor_get_id (absorb);
  if (keep_id == absorb_id)
    return TRUE;

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;

  if (!insert_alias (self, keep_id, ag_actor_get_name (absorb), &t, error))
    goto failed;
  for (const char * const *a = ag_actor_get_aliases (absorb); *a != NULL; a++)
    if (!insert_alias (self, keep_id, *a, &t, error))
      goto failed;

  /* Every claim that mentions @absorb is touched. */
  stmt = statement (self,
                    "SELECT id FROM claims WHERE speaker_id = ?1 OR subject_id = ?1 OR object_id = ?1",
                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, absorb_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (t.claims, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      db_failed (self, rc, error);
      goto failed;
    }

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      stmt = statement (self, moves[i], error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, absorb_id);
      if (!run (self, stmt, error))
        goto failed;
    }

  /* What could not move would have repeated a claim of @keep's. */
  stmt = statement (self,
                    "SELECT id FROM claims WHERE speaker_id = ?1 OR subject_id = ?1 OR object_id = ?1",
                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, absorb_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (t.removed_claims, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      db_failed (self, rc, error);
      goto failed;
    }

  stmt = statement (self,
                    "DELETE FROM claims WHERE speaker_id = ?1 OR subject_id = ?1 OR object_id = ?1",
                    error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, absorb_id);
  if (!run (self, stmt, error))
    goto failed;

  stmt = statement (self, "DELETE FROM actors WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, absorb_id);
  t.removed_actor = absorb_id;
  return change_row (self, stmt, &t, error);

failed:
  rollback (self);
  return FALSE;
}

static gboolean
update_claim (AgCase        *self,
              AgClaim       *claim,
              const char    *sql,
              const char    *value,
              GError       **error)
{
  g_auto(Touched) t = { 0 };
  sqlite3_stmt *stmt;
  gint64 id;

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, sql, error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  id = ag_claim_get_id (claim);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  g_array_append_val (t.claims, id);
  return change_row (self, stmt, &t, error);
}

/**
 * ag_case_set_claim_status:
 * @self: an #AgCase
 * @claim: a claim of the case
 * @status: the analyst's verdict
 * @error: return location for a #GError
 */
gboolean
ag_case_set_claim_status (AgCase          *self,
                          AgClaim         *claim,
                          AgReviewStatus   status,
                          GError         **error)
{
  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_CLAIM (claim), FALSE);

  return update_claim (self, claim, "UPDATE claims SET status = ? WHERE id = ?",
                       ag_review_status_to_string (status), error);
}

/**
 * ag_case_set_claim_note:
 * @self: an #AgCase
 * @claim: a claim of the case
 * @note: (nullable): the analyst's note
 * @error: return location for a #GError
 */
gboolean
ag_case_set_claim_note (AgCase      *self,
                        AgClaim     *claim,
                        const char  *note,
                        GError     **error)
{
  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_CLAIM (claim), FALSE);

  return update_claim (self, claim, "UPDATE claims SET note = ? WHERE id = ?",
                       note ? note : "", error);
}

/**
 * ag_case_remove_claim:
 * @self: an #AgCase
 * @claim: a claim of the case
 * @error: return location for a #GError
 */
gboolean
ag_case_remove_claim (AgCase   *self,
                      AgClaim  *claim,
                      GError  **error)
{
  g_auto(Touched) t = { 0 };
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (AG_IS_CASE (self), FALSE);
  g_return_val_if_fail (AG_IS_CLAIM (claim), FALSE);

  touched_init (&t);
  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, "DELETE FROM claims WHERE id = ?", error);
  if (stmt == NULL)
    {
      rollback (self);
      return FALSE;
    }
  id = ag_claim_get_id (claim);
  sqlite3_bind_int64 (stmt, 1, id);
  g_array_append_val (t.removed_claims, id);
  return change_row (self, stmt, &t, error);
}
