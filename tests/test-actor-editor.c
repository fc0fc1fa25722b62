/* test-actor-editor.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The actor editor over a real window and a real case file: each change
 * made through its rows is in the file at once (a second connection reads
 * it back), a name another actor has is refused in place with an offer to
 * merge, merging asks first and moves the claims, a read-only case can be
 * looked at but not changed, and names from documents show as plain text. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ag-actor-editor.h"
#include "ag-case.h"

#include "ag-test-util.h"
#include "ag-test-widgets.h"

/* A name as a document may spell it: markup, quotes, a backslash, a line
 * break. */
#define HOSTILE       "APT <b>31</b> & \"Co\" \\ x\ny"
#define HOSTILE_ALIAS "<i>Zirconium</i> & 'Judgment Panda'"

typedef struct
{
  char          *dir;
  GFile         *file;
  AgCase        *kase;
  GtkWindow     *parent;
  AgActorEditor *editor;
  AgActor       *china;      /* the actor to merge into */
  AgActor       *duplicate;  /* China again, as the extractor split it off */
  AgActor       *group;
  AgActor       *hostile;
  gint64         merged_id;
  guint          n_merged;
} Fixture;

/* Runs the main loop until @done returns TRUE, for at most 10 s. */
static void
wait_for (AgTestCondition done,
          gpointer        data)
{
  ag_test_wait_until (done, data, 10);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = ag_test_find_named (GTK_WIDGET (fixture->editor), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

/* Whether a label under @root shows exactly @text. gtk_label_get_text()
 * gives what is displayed, after any markup was parsed. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* Whether a label under @root shows a text that contains @text. */
static gboolean
shows_label_containing (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* The test's own idea of a name on one line. */
static char *
one_line (const char *name)
{
  char *line = g_strdup (name);

  g_strdelimit (line, "\n\r\t", ' ');
  return line;
}

static void
merged_cb (AgActorEditor *editor,
           gint64         kept_id,
           Fixture       *fixture)
{
  fixture->merged_id = kept_id;
  fixture->n_merged++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) extraction = ag_extraction_new ("report.txt");
  g_autoptr(AgDocument) document = ag_document_new ("Report", NULL,
                                                    "Britain accused China. The PRC denied it. APT31 works for the PRC.");
  g_autofree char *path = NULL;
  AgExtractedActor *actor;

  fixture->dir = g_dir_make_tmp ("ag-test-actor-editor-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "editor.actorgraph", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->kase = ag_case_new_temporary (&error);
  g_assert_no_error (error);

  actor = ag_extraction_add_actor (extraction, AG_ACTOR_COUNTRY, "China");
  ag_extracted_actor_add_alias (actor, "Beijing");
  ag_extraction_add_actor (extraction, AG_ACTOR_COUNTRY, "United Kingdom");
  actor = ag_extraction_add_actor (extraction, AG_ACTOR_ORGANIZATION, "PRC Government");
  ag_extracted_actor_add_alias (actor, "PRC");
  ag_extraction_add_actor (extraction, AG_ACTOR_THREAT_GROUP, "APT31");
  actor = ag_extraction_add_actor (extraction, AG_ACTOR_THREAT_GROUP, HOSTILE);
  ag_extracted_actor_add_alias (actor, HOSTILE_ALIAS);
  ag_extraction_add_claim (extraction, AG_CLAIM_ACCUSES, NULL, "United Kingdom", "China");
  ag_extraction_add_claim (extraction, AG_CLAIM_DENIES, NULL, "PRC Government", "United Kingdom");
  ag_extraction_add_claim (extraction, AG_CLAIM_ATTRIBUTES, "United Kingdom", "APT31", "PRC Government");
  ag_extraction_add_claim (extraction, AG_CLAIM_TARGETS, NULL, HOSTILE, "United Kingdom");
  g_assert_true (ag_case_add_document (fixture->kase, document, extraction, NULL, &error));
  g_assert_no_error (error);

  /* A real file, that a second connection can read. */
  g_assert_true (ag_case_save_as (fixture->kase, fixture->file, &error));
  g_assert_no_error (error);

  fixture->china = ag_case_find_actor (fixture->kase, "China");
  fixture->duplicate = ag_case_find_actor (fixture->kase, "PRC Government");
  fixture->group = ag_case_find_actor (fixture->kase, "APT31");
  fixture->hostile = ag_case_find_actor (fixture->kase, HOSTILE);
  g_assert_nonnull (fixture->china);
  g_assert_nonnull (fixture->duplicate);
  g_assert_nonnull (fixture->group);
  g_assert_nonnull (fixture->hostile);
  g_assert_true (fixture->china != fixture->duplicate);

  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->parent, 700, 500);
  gtk_window_present (fixture->parent);
}

static void
open_editor (Fixture *fixture,
             AgCase  *kase,
             AgActor *actor)
{
  fixture->editor = g_object_ref (ag_actor_editor_new (fixture->parent, kase, actor));
  g_signal_connect (fixture->editor, "merged", G_CALLBACK (merged_cb), fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->editor)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
  g_assert_true (ag_actor_editor_get_actor (fixture->editor) == actor);
  g_assert_true (ag_actor_editor_get_case (fixture->editor) == kase);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  ag_test_wait_allocated (GTK_WIDGET (fixture->editor));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (fixture->editor)))
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_clear_object (&fixture->editor);
  gtk_window_destroy (fixture->parent);
  spin ();
  ag_case_close (fixture->kase);
  g_clear_object (&fixture->kase);
  g_clear_object (&fixture->file);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The case as the file holds it now, through a connection of its own. */
static AgCase *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AgCase *kase = ag_case_open (fixture->file, AG_CASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return kase;
}

/* The confirmation the editor shows: a message dialog transient for it. */
static AdwMessageDialog *
find_confirmation (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->editor) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* What a click on @button does. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
apply_name (Fixture    *fixture,
            const char *name)
{
  GtkWidget *row = find (fixture, "name-row");

  gtk_editable_set_text (GTK_EDITABLE (row), name);
  /* What the row's apply button and Enter do. */
  g_signal_emit_by_name (row, "apply");
  spin ();
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  const char *new_name = "Zirconium & \"Friends\"";
  gint64 id = ag_actor_get_id (fixture->group);
  g_autoptr(AgCase) peek = NULL;
  AgActor *stored;

  open_editor (fixture, fixture->kase, fixture->group);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "name-row"))), ==, "APT31");

  apply_name (fixture, new_name);
  g_assert_false (gtk_widget_get_visible (find (fixture, "name-error-row")));
  g_assert_cmpstr (ag_actor_get_name (fixture->group), ==, new_name);
  /* The old name stays, as an alias, and the editor lists it. */
  g_assert_true (ag_actor_has_alias (fixture->group, "APT31"));
  g_assert_true (shows_label (find (fixture, "aliases-group"), "APT31"));
  g_assert_true (shows_label (find (fixture, "window-title"), new_name));

  /* In the file, not only in memory. */
  peek = reopen (fixture);
  stored = ag_case_lookup_actor (peek, id);
  g_assert_nonnull (stored);
  g_assert_cmpstr (ag_actor_get_name (stored), ==, new_name);
  g_assert_true (ag_actor_has_alias (stored, "APT31"));
  ag_case_close (peek);

  /* An empty name is refused in place. */
  apply_name (fixture, "   ");
  g_assert_true (gtk_widget_get_visible (find (fixture, "name-error-row")));
  g_assert_false (gtk_widget_get_visible (find (fixture, "merge-conflict-button")));
  g_assert_cmpstr (ag_actor_get_name (fixture->group), ==, new_name);
}

static void
test_rename_taken (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = ag_actor_get_id (fixture->duplicate);
  g_autoptr(AgCase) peek = NULL;
  AdwMessageDialog *dialog;

  open_editor (fixture, fixture->kase, fixture->duplicate);
  g_assert_false (gtk_widget_get_visible (find (fixture, "name-error-row")));

  /* "china" is China's name as the case compares names. */
  apply_name (fixture, "china");
  g_assert_true (gtk_widget_get_visible (find (fixture, "name-error-row")));
  g_assert_true (gtk_widget_get_visible (find (fixture, "merge-conflict-button")));
  g_assert_true (shows_label_containing (find (fixture, "name-error-row"), "China"));
  g_assert_cmpstr (ag_actor_get_name (fixture->duplicate), ==, "PRC Government");
  peek = reopen (fixture);
  g_assert_cmpstr (ag_actor_get_name (ag_case_lookup_actor (peek, id)), ==, "PRC Government");
  ag_case_close (peek);

  /* The offer asks first; cancelling changes nothing. */
  g_assert_null (find_confirmation (fixture));
  click (find (fixture, "merge-conflict-button"));
  spin ();
  dialog = find_confirmation (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "merge"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "China") != NULL);
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_cmpuint (fixture->n_merged, ==, 0);
  g_assert_true (ag_case_lookup_actor (fixture->kase, id) == fixture->duplicate);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));

  /* Typing again clears the error. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name-row")), "PRC Gov");
  g_assert_false (gtk_widget_get_visible (find (fixture, "name-error-row")));

  /* Accepting the offer merges into the actor that has the name. */
  apply_name (fixture, "CHINA");
  click (find (fixture, "merge-conflict-button"));
  spin ();
  dialog = find_confirmation (fixture);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "merge");
  spin ();
  g_assert_cmpuint (fixture->n_merged, ==, 1);
  g_assert_cmpint (fixture->merged_id, ==, ag_actor_get_id (fixture->china));
  g_assert_null (ag_case_lookup_actor (fixture->kase, id));
}

static void
test_kind (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = ag_actor_get_id (fixture->duplicate);
  AdwComboRow *row;
  g_autoptr(AgCase) peek = NULL;

  open_editor (fixture, fixture->kase, fixture->duplicate);
  row = ADW_COMBO_ROW (find (fixture, "kind-row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, AG_N_ACTOR_KINDS);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, AG_ACTOR_ORGANIZATION);

  /* Each kind, shown as people read it. */
  for (guint i = 0; i < AG_N_ACTOR_KINDS; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row), i);

      g_assert_cmpstr (gtk_string_object_get_string (item), ==, ag_actor_kind_to_display (i));
    }

  adw_combo_row_set_selected (row, AG_ACTOR_COUNTRY);
  spin ();
  g_assert_cmpint (ag_actor_get_kind (fixture->duplicate), ==, AG_ACTOR_COUNTRY);
  peek = reopen (fixture);
  g_assert_cmpint (ag_actor_get_kind (ag_case_lookup_actor (peek, id)), ==, AG_ACTOR_COUNTRY);
  ag_case_close (peek);

  /* A change made elsewhere shows in the row. */
  g_assert_true (ag_case_set_actor_kind (fixture->kase, fixture->duplicate, AG_ACTOR_PERSON, NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, AG_ACTOR_PERSON);
}

static void
test_alias (Fixture       *fixture,
            gconstpointer  data)
{
  const char *alias = "Chinese Government & <Co>";
  gint64 id = ag_actor_get_id (fixture->duplicate);
  GtkWidget *row;
  g_autoptr(AgCase) peek = NULL;

  open_editor (fixture, fixture->kase, fixture->duplicate);
  row = find (fixture, "alias-row");
  g_assert_true (shows_label (find (fixture, "aliases-group"), "PRC"));
  g_assert_false (shows_label (find (fixture, "aliases-group"), alias));

  /* Nothing to add yet. */
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "add-alias-button")));

  gtk_editable_set_text (GTK_EDITABLE (row), alias);
  g_assert_true (gtk_widget_get_sensitive (find (fixture, "add-alias-button")));
  click (find (fixture, "add-alias-button"));
  spin ();

  g_assert_true (ag_actor_has_alias (fixture->duplicate, alias));
  g_assert_true (shows_label (find (fixture, "aliases-group"), alias));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  peek = reopen (fixture);
  g_assert_true (ag_actor_has_alias (ag_case_lookup_actor (peek, id), alias));
  ag_case_close (peek);

  /* Enter in the row adds too; an alias it has already is named in place. */
  gtk_editable_set_text (GTK_EDITABLE (row), "PRC");
  g_signal_emit_by_name (row, "entry-activated");
  spin ();
  g_assert_true (gtk_widget_get_visible (find (fixture, "alias-error-row")));
  gtk_editable_set_text (GTK_EDITABLE (row), "Zhongnanhai");
  g_assert_false (gtk_widget_get_visible (find (fixture, "alias-error-row")));
  g_signal_emit_by_name (row, "entry-activated");
  spin ();
  g_assert_true (ag_actor_has_alias (fixture->duplicate, "Zhongnanhai"));
}

static void
test_description (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = ag_actor_get_id (fixture->duplicate);
  GtkTextBuffer *buffer;
  g_autoptr(AgCase) peek = NULL;

  open_editor (fixture, fixture->kase, fixture->duplicate);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture, "description-view")));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "save-description-button")));

  /* On Save. */
  gtk_text_buffer_set_text (buffer, "Line one\nLine <two> & more", -1);
  g_assert_true (gtk_widget_get_sensitive (find (fixture, "save-description-button")));
  click (find (fixture, "save-description-button"));
  spin ();
  g_assert_cmpstr (ag_actor_get_description (fixture->duplicate), ==, "Line one\nLine <two> & more");
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "save-description-button")));

  /* When the window closes. */
  gtk_text_buffer_set_text (buffer, "Written, then closed", -1);
  gtk_window_close (GTK_WINDOW (fixture->editor));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_cmpstr (ag_actor_get_description (fixture->duplicate), ==, "Written, then closed");

  peek = reopen (fixture);
  g_assert_cmpstr (ag_actor_get_description (ag_case_lookup_actor (peek, id)), ==, "Written, then closed");
  ag_case_close (peek);
}

static guint
model_count (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (data)));
}

typedef struct
{
  GtkListView *list;
  guint        n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return model_count (wait->list) == wait->n;
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 china_id = ag_actor_get_id (fixture->china);
  gint64 duplicate_id = ag_actor_get_id (fixture->duplicate);
  guint n_actors = g_list_model_get_n_items (ag_case_get_actors (fixture->kase));
  g_autoptr(GPtrArray) moved = ag_case_list_claims_for_actor (fixture->kase, fixture->duplicate);
  g_autoptr(GArray) moved_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListView *list;
  GListModel *model;
  AdwMessageDialog *dialog;
  CountWait wait;
  guint china_position = G_MAXUINT;
  g_autoptr(AgCase) peek = NULL;

  g_assert_cmpuint (moved->len, >, 0);
  for (guint i = 0; i < moved->len; i++)
    {
      gint64 claim_id = ag_claim_get_id (g_ptr_array_index (moved, i));

      g_array_append_val (moved_ids, claim_id);
    }

  open_editor (fixture, fixture->kase, fixture->duplicate);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.merge-choose", NULL));
  spin ();
  g_assert_true (gtk_widget_get_visible (find (fixture, "back-button")));
  list = GTK_LIST_VIEW (find (fixture, "merge-list"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list));

  /* Every other actor, not this one. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actors - 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (model, i);

      g_assert_true (actor != fixture->duplicate);
    }

  /* Searching by an alias finds its actor. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "merge-search")), "beij");
  wait.list = list;
  wait.n = 1;
  wait_for (count_is, &wait);
  {
    g_autoptr(AgActor) found = g_list_model_get_item (model, 0);

    g_assert_true (found == fixture->china);
  }

  /* Nothing found says so. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "merge-search")), "no such actor at all");
  wait.n = 0;
  wait_for (count_is, &wait);
  g_assert_true (gtk_widget_get_child_visible (find (fixture, "merge-empty")));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "merge-search")), "");
  wait.n = n_actors - 1;
  wait_for (count_is, &wait);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (model, i);

      if (actor == fixture->china)
        china_position = i;
    }
  g_assert_cmpuint (china_position, !=, G_MAXUINT);

  /* Choosing an actor asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", china_position));
  spin ();
  dialog = find_confirmation (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "merge"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "PRC Government") != NULL);
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "China") != NULL);
  /* What happens to its one alias, in words. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "“PRC Government” and its alias become aliases of “China”."));
  g_assert_cmpuint (fixture->n_merged, ==, 0);
  adw_message_dialog_response (dialog, "merge");
  spin ();

  /* One actor is left, with the other's claims and names; the editor is
   * gone and said which actor was kept. */
  g_assert_cmpuint (fixture->n_merged, ==, 1);
  g_assert_cmpint (fixture->merged_id, ==, china_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_null (ag_case_lookup_actor (fixture->kase, duplicate_id));
  g_assert_true (ag_actor_has_alias (fixture->china, "PRC Government"));
  g_assert_true (ag_actor_has_alias (fixture->china, "PRC"));

  peek = reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (peek)), ==, n_actors - 1);
  g_assert_null (ag_case_lookup_actor (peek, duplicate_id));
  {
    AgActor *kept = ag_case_lookup_actor (peek, china_id);
    g_autoptr(GPtrArray) claims = ag_case_list_claims_for_actor (peek, kept);

    g_assert_true (ag_actor_has_alias (kept, "PRC Government"));
    for (guint i = 0; i < moved_ids->len; i++)
      {
        gboolean found = FALSE;

        for (guint j = 0; j < claims->len; j++)
          if (ag_claim_get_id (g_ptr_array_index (claims, j)) == g_array_index (moved_ids, gint64, i))
            found = TRUE;
        g_assert_true (found);
      }
  }
  ag_case_close (peek);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) read_only = ag_case_open (fixture->file, AG_CASE_OPEN_READ_ONLY, &error);
  AgActor *actor;
  const char * const rows[] = {
    "name-row", "kind-row", "alias-row", "description-view", "merge-row",
  };

  g_assert_no_error (error);
  g_assert_true (ag_case_is_read_only (read_only));
  actor = ag_case_find_actor (read_only, "APT31");
  g_assert_nonnull (actor);

  open_editor (fixture, read_only, actor);
  g_assert_true (gtk_widget_get_visible (find (fixture, "read-only-group")));
  g_assert_true (gtk_widget_is_drawable (find (fixture, "read-only-row")));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_false (gtk_widget_get_sensitive (find (fixture, rows[i])));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "add-alias-button")));
  g_assert_false (gtk_widget_get_sensitive (find (fixture, "save-description-button")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find (fixture, "description-view"))));

  /* Nothing gets through, and the editor says why instead. */
  apply_name (fixture, "Renamed");
  g_assert_cmpstr (ag_actor_get_name (actor), ==, "APT31");
  g_assert_true (gtk_widget_get_visible (find (fixture, "name-error-row")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.merge-into", "x",
                              ag_actor_get_id (ag_case_find_actor (read_only, "China")));
  spin ();
  g_assert_null (find_confirmation (fixture));

  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  spin ();
  ag_case_close (read_only);

  /* A writable case shows no such notice. */
  g_clear_object (&fixture->editor);
  open_editor (fixture, fixture->kase, fixture->group);
  g_assert_false (gtk_widget_get_visible (find (fixture, "read-only-group")));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_true (gtk_widget_get_sensitive (find (fixture, rows[i])));
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *line = one_line (HOSTILE);
  CountWait wait;
  GtkListView *list;
  AdwMessageDialog *dialog;

  open_editor (fixture, fixture->kase, fixture->hostile);

  /* The name to edit is the name, byte for byte. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "name-row"))), ==, HOSTILE);
  /* Elsewhere it shows as it is written, on one line: no markup. */
  g_assert_true (shows_label (find (fixture, "window-title"), line));
  g_assert_true (shows_label (find (fixture, "aliases-group"), HOSTILE_ALIAS));
  g_assert_true (shows_label_containing (find (fixture, "merge-hint"), line));

  /* Refused, the name is quoted as it is. */
  apply_name (fixture, "China");
  g_assert_true (shows_label_containing (find (fixture, "name-error-row"), "China"));
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  spin ();
  g_clear_object (&fixture->editor);

  /* In another actor's merge list. */
  open_editor (fixture, fixture->kase, fixture->group);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.merge-choose", NULL));
  list = GTK_LIST_VIEW (find (fixture, "merge-list"));
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "merge-search")), "Judgment Panda");
  wait.list = list;
  wait.n = 1;
  wait_for (count_is, &wait);
  ag_test_wait_allocated (GTK_WIDGET (list));
  spin ();
  g_assert_true (shows_label (GTK_WIDGET (list), line));
  g_assert_true (shows_label_containing (GTK_WIDGET (list), HOSTILE_ALIAS));

  /* And in the confirmation. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 0));
  spin ();
  dialog = find_confirmation (fixture);
  g_assert_nonnull (dialog);
  g_assert_true (shows_label_containing (GTK_WIDGET (dialog), line));
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_nonnull (ag_case_find_actor (fixture->kase, HOSTILE));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display (run the ui suite under xvfb-run)");
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/actor-editor/rename", Fixture, NULL, fixture_setup, test_rename, fixture_teardown);
  g_test_add ("/actor-editor/rename-taken", Fixture, NULL, fixture_setup, test_rename_taken, fixture_teardown);
  g_test_add ("/actor-editor/kind", Fixture, NULL, fixture_setup, test_kind, fixture_teardown);
  g_test_add ("/actor-editor/alias", Fixture, NULL, fixture_setup, test_alias, fixture_teardown);
  g_test_add ("/actor-editor/description", Fixture, NULL, fixture_setup, test_description, fixture_teardown);
  g_test_add ("/actor-editor/merge", Fixture, NULL, fixture_setup, test_merge, fixture_teardown);
  g_test_add ("/actor-editor/read-only", Fixture, NULL, fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/actor-editor/hostile", Fixture, NULL, fixture_setup, test_hostile, fixture_teardown);

  return g_test_run ();
}
