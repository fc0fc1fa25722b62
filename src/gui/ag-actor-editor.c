/* ag-actor-editor.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-actor-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ag-actor-editor.h"
#include "ag-gui.h"

/* AgActorEditor: where the analyst corrects what the extractor got wrong
 * about one actor: its name, kind, aliases and description, or that it is
 * the same as another actor (merge). Every change goes straight into the
 * case, which commits it to the file at once: there is no unsaved state but
 * the description being typed, which is saved when its field loses the
 * focus, on Save, and when the window closes. A change the case refuses is
 * shown with its reason, in place where it can be (name, alias,
 * description), else in a toast that stays until it is dismissed.
 *
 * Names come from documents: they are shown as plain text only (rows with
 * use-markup off, labels with set_text, toasts escaped), with line breaks
 * shown as spaces outside the name's own entry.
 *
 * Actions, in the group "editor":
 *   editor.back              the editing page again
 *   editor.merge-choose      the page that chooses the actor to merge into
 *   editor.merge-into ("x")  asks to merge this actor into the actor of that id
 *   editor.add-alias         adds the alias typed
 *   editor.save-description  saves the description typed */

struct _AgActorEditor
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwPreferencesGroup  *read_only_group;
  AdwEntryRow          *name_row;
  AdwActionRow         *name_error_row;
  GtkWidget            *merge_conflict_button;
  AdwComboRow          *kind_row;
  AdwPreferencesGroup  *aliases_group;
  AdwEntryRow          *alias_row;
  AdwActionRow         *alias_error_row;
  GtkTextView          *description_view;
  GtkLabel             *description_error_label;
  AdwActionRow         *merge_row;
  GtkLabel             *merge_hint_label;
  GtkSearchEntry       *merge_search;
  GtkStack             *merge_results;
  GtkListView          *merge_list;

  AgCase               *kase;
  AgActor              *actor;
  gint64                actor_id;
  GPtrArray            *alias_rows;      /* (element-type AdwActionRow) */
  GtkFilter            *merge_filter;
  GtkSorter            *merge_sorter;
  GtkFilterListModel   *merge_model;
  char                 *merge_query;     /* ag_name_key() of the search */
  gint64                conflict_id;     /* the actor whose name was asked for */
  gint64                pending_merge_id;
  AdwMessageDialog     *confirmation;
  gboolean              updating;
  gboolean              merging;
  gboolean              merged;
};

G_DEFINE_FINAL_TYPE (AgActorEditor, ag_actor_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  PROP_ACTOR,
  N_PROPS
};

enum {
  MERGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A name on one line: control characters and line or paragraph separators
 * become spaces. */
static char *
flatten (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_read_only (AgActorEditor *self)
{
  return ag_case_is_read_only (self->kase);
}

static void
toast (AgActorEditor *self,
       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (escaped);

  /* Errors stay until they are dismissed. */
  adw_toast_set_timeout (t, 0);
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* "Could not WHAT. CASE: REASON", as the rest of the window words it. */
static char *
describe_failure (AgActorEditor *self,
                  const char    *what,
                  GError        *error)
{
  g_autofree char *title = ag_case_dup_title (self->kase);

  /* Translators: what failed ("Could not rename the actor"), the case's
   * title, then the reason. */
  return g_strdup_printf (_("%s. %s: %s"), what, title, error->message);
}

static void
show_row_error (AdwActionRow *row,
                const char   *message)
{
  if (message != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  gtk_widget_set_visible (GTK_WIDGET (row), message != NULL);
}

static char *
dup_description_text (AgActorEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
description_is_dirty (AgActorEditor *self)
{
  g_autofree char *text = NULL;
  const char *saved;

  if (self->actor == NULL)
    return FALSE;
  text = dup_description_text (self);
  saved = ag_actor_get_description (self->actor);
  return g_strcmp0 (text, saved != NULL ? saved : "") != 0;
}

static void
update_actions (AgActorEditor *self)
{
  g_autofree char *alias_key = NULL;
  gboolean on_merge_page;
  gboolean writable;

  if (self->kase == NULL || self->actor == NULL)
    return;

  writable = !is_read_only (self) && !self->merged;
  alias_key = ag_name_key (gtk_editable_get_text (GTK_EDITABLE (self->alias_row)));
  on_merge_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "merge") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.back", on_merge_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.merge-choose", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.merge-into", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-alias", writable && *alias_key != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-description",
                                 writable && description_is_dirty (self));
}

static void
update_sensitivity (AgActorEditor *self)
{
  gboolean writable = !is_read_only (self);

  gtk_widget_set_visible (GTK_WIDGET (self->read_only_group), !writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->alias_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_view), writable);
  gtk_text_view_set_editable (self->description_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_row), writable);
  update_actions (self);
}

static void
sync_name (AgActorEditor *self)
{
  const char *name = ag_actor_get_name (self->actor);
  g_autofree char *flat = flatten (name);
  g_autofree char *hint = NULL;

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->updating = FALSE;

  adw_window_title_set_subtitle (self->window_title, flat);

  /* Translators: the name of the actor being merged. */
  hint = g_strdup_printf (_("Choose the actor that “%s” really is. You will be asked to confirm the merge."),
                          flat);
  gtk_label_set_text (self->merge_hint_label, hint);
}

static void
sync_kind (AgActorEditor *self)
{
  guint kind = ag_actor_get_kind (self->actor);

  self->updating = TRUE;
  if (adw_combo_row_get_selected (self->kind_row) != kind)
    adw_combo_row_set_selected (self->kind_row, kind);
  self->updating = FALSE;
}

static void
sync_aliases (AgActorEditor *self)
{
  const char * const *aliases = ag_actor_get_aliases (self->actor);

  for (guint i = 0; i < self->alias_rows->len; i++)
    adw_preferences_group_remove (self->aliases_group, g_ptr_array_index (self->alias_rows, i));
  g_ptr_array_set_size (self->alias_rows, 0);

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *flat = flatten (aliases[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), flat);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "alias");
      adw_preferences_group_add (self->aliases_group, row);
      g_ptr_array_add (self->alias_rows, row);
    }
}

static void
sync_description (AgActorEditor *self)
{
  const char *description = ag_actor_get_description (self->actor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *text = dup_description_text (self);

  if (g_strcmp0 (text, description != NULL ? description : "") != 0)
    gtk_text_buffer_set_text (buffer, description != NULL ? description : "", -1);
}

static void
sync_all (AgActorEditor *self)
{
  sync_name (self);
  sync_kind (self);
  sync_aliases (self);
  sync_description (self);
  update_sensitivity (self);
}

static AgActor *
find_name_owner (AgActorEditor *self,
                 const char    *name)
{
  g_autofree char *key = ag_name_key (name);
  GListModel *actors = ag_case_get_actors (self->kase);
  guint n = g_list_model_get_n_items (actors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *actor_key = NULL;

      if (actor == self->actor)
        continue;
      actor_key = ag_name_key (ag_actor_get_name (actor));
      if (g_str_equal (actor_key, key))
        return actor;
    }
  return NULL;
}

static void
show_name_error (AgActorEditor *self,
                 const char    *message,
                 AgActor       *conflict)
{
  self->conflict_id = conflict != NULL ? ag_actor_get_id (conflict) : 0;
  gtk_widget_set_visible (self->merge_conflict_button, conflict != NULL && !is_read_only (self));
  show_row_error (self->name_error_row, message);
}

static gboolean
save_description (AgActorEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->kase == NULL || self->merged || is_read_only (self) || !description_is_dirty (self))
    return TRUE;

  text = dup_description_text (self);
  if (!ag_case_set_actor_description (self->kase, self->actor, text, &error))
    {
      g_autofree char *message = describe_failure (self, _("Could not save the description"), error);

      gtk_label_set_text (self->description_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->description_error_label), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->description_error_label), FALSE);
  update_actions (self);
  return TRUE;
}

static void
show_page (AgActorEditor *self,
           const char    *page)
{
  gboolean merge = g_str_equal (page, "merge");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->back_button, merge);
  adw_window_title_set_title (self->window_title, merge ? _("Merge Into…") : _("Edit Actor"));
  if (merge)
    {
      gtk_filter_changed (self->merge_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (self->merge_sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_widget_grab_focus (GTK_WIDGET (self->merge_search));
    }
  update_actions (self);
}

static void
do_merge (AgActorEditor *self,
          gint64         keep_id)
{
  g_autoptr(GError) error = NULL;
  AgActor *keep = ag_case_lookup_actor (self->kase, keep_id);
  gboolean ok;

  if (self->merged)
    return;
  if (keep == NULL || keep == self->actor)
    {
      toast (self, _("That actor is no longer in the case."));
      return;
    }

  self->merging = TRUE;
  ok = ag_case_merge_actors (self->kase, keep, self->actor, &error);
  self->merging = FALSE;

  if (!ok)
    {
      g_autofree char *message = describe_failure (self, _("Could not merge the actors"), error);

      toast (self, message);
      return;
    }

  self->merged = TRUE;
  update_actions (self);
  g_signal_emit (self, signals[MERGED], 0, keep_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
confirmation_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          AgActorEditor    *self)
{
  gint64 keep_id = self->pending_merge_id;

  g_assert (AG_IS_ACTOR_EDITOR (self));

  self->pending_merge_id = 0;
  self->confirmation = NULL;
  if (g_strcmp0 (response, "merge") == 0)
    do_merge (self, keep_id);
}

/* Asks before merging this actor into @keep, saying what will happen. */
static void
confirm_merge (AgActorEditor *self,
               AgActor       *keep)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autofree char *absorb_name = flatten (ag_actor_get_name (self->actor));
  g_autofree char *keep_name = flatten (ag_actor_get_name (keep));
  g_autofree char *heading = NULL;
  g_autofree char *names = NULL;
  g_autofree char *claims_text = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  const char * const *aliases = ag_actor_get_aliases (self->actor);
  const char *description = ag_actor_get_description (self->actor);
  guint n_aliases = aliases != NULL ? g_strv_length ((char **) aliases) : 0;
  guint n_claims;
  GtkWidget *dialog;

  if (is_read_only (self) || self->merged || keep == self->actor)
    return;
  if (self->confirmation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirmation));

  claims = ag_case_list_claims_for_actor (self->kase, self->actor);
  n_claims = claims->len;

  /* Translators: the actor merged, then the actor it is merged into. */
  heading = g_strdup_printf (_("Merge “%s” Into “%s”?"), absorb_name, keep_name);

  if (n_aliases == 0)
    /* Translators: the actor merged, then the actor it is merged into. */
    names = g_strdup_printf (_("“%s” becomes an alias of “%s”."), absorb_name, keep_name);
  else if (n_aliases == 1)
    /* Translators: the actor merged, which has one alias, then the actor
     * it is merged into. */
    names = g_strdup_printf (_("“%s” and its alias become aliases of “%s”."), absorb_name, keep_name);
  else
    /* Translators: the actor merged, the number of its aliases, then the
     * actor it is merged into. */
    names = g_strdup_printf (ngettext ("“%s” and its %u alias become aliases of “%s”.",
                                       "“%s” and its %u aliases become aliases of “%s”.",
                                       n_aliases),
                             absorb_name, n_aliases, keep_name);
  g_string_append (body, names);
  g_string_append_c (body, ' ');

  if (n_claims > 0)
    {
      /* Translators: the number of claims in which the actor merged is
       * speaker, subject or object, then the actor it is merged into
       * (twice). */
      claims_text = g_strdup_printf (ngettext ("Its %u claim moves to “%s”, unless it repeats a claim of “%s” from the same document: then it is dropped.",
                                               "Its %u claims move to “%s”; those that repeat a claim of “%s” from the same document are dropped.",
                                               n_claims),
                                     n_claims, keep_name, keep_name);
      g_string_append (body, claims_text);
      g_string_append_c (body, ' ');
    }

  {
    g_autofree char *rest = NULL;

    /* Translators: the actor merged into, then the actor merged. */
    rest = g_strdup_printf (_("“%s” keeps its own name, kind and description, and “%s” is removed from the case."),
                            keep_name, absorb_name);
    g_string_append (body, rest);
  }

  if (description != NULL && *description != '\0')
    {
      g_string_append_c (body, ' ');
      g_string_append (body, _("Its description is lost."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  self->pending_merge_id = ag_actor_get_id (keep);
  self->confirmation = ADW_MESSAGE_DIALOG (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirmation_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_alias (AgActorEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *alias = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_row)));
  g_autofree char *key = NULL;

  g_strstrip (alias);
  key = ag_name_key (alias);
  if (is_read_only (self) || *key == '\0')
    return;

  if (ag_actor_has_alias (self->actor, alias))
    {
      g_autofree char *flat = flatten (alias);
      g_autofree char *message = NULL;

      /* Translators: the alias typed. */
      message = g_strdup_printf (_("“%s” is already an alias of this actor."), flat);
      show_row_error (self->alias_error_row, message);
      return;
    }
  if (!ag_case_add_alias (self->kase, self->actor, alias, &error))
    {
      g_autofree char *message = describe_failure (self, _("Could not add the alias"), error);

      show_row_error (self->alias_error_row, message);
      return;
    }

  /* The case ignores an alias that is the actor's own name. */
  show_row_error (self->alias_error_row, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
}

static gboolean
merge_filter_func (gpointer item,
                   gpointer user_data)
{
  AgActorEditor *self = user_data;
  AgActor *actor = item;
  g_autofree char *key = NULL;
  const char * const *aliases;

  if (actor == self->actor)
    return FALSE;
  if (self->merge_query == NULL || *self->merge_query == '\0')
    return TRUE;

  key = ag_name_key (ag_actor_get_name (actor));
  if (strstr (key, self->merge_query) != NULL)
    return TRUE;

  aliases = ag_actor_get_aliases (actor);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias_key = ag_name_key (aliases[i]);

      if (strstr (alias_key, self->merge_query) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
merge_model_items_changed_cb (AgActorEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->merge_model));

  gtk_stack_set_visible_child_name (self->merge_results, n > 0 ? "list" : "empty");
}

static void
merge_item_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
merge_item_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  AgActor *actor = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  const char * const *aliases = ag_actor_get_aliases (actor);
  g_autofree char *flat = flatten (ag_actor_get_name (actor));
  g_autoptr(GString) text = g_string_new (ag_actor_kind_to_display (ag_actor_get_kind (actor)));

  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      g_autofree char *flat_aliases = flatten (joined);

      /* Translators: separates an actor's kind from its aliases. */
      g_string_append (text, _(" · "));
      g_string_append (text, flat_aliases);
    }

  gtk_label_set_text (GTK_LABEL (name), flat);
  gtk_label_set_text (GTK_LABEL (details), text->str);
}

static void
name_apply_cb (AgActorEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  g_assert (AG_IS_ACTOR_EDITOR (self));

  if (self->updating || self->merged)
    return;

  g_strstrip (name);
  if (g_strcmp0 (name, ag_actor_get_name (self->actor)) == 0)
    {
      show_name_error (self, NULL, NULL);
      sync_name (self);
      return;
    }

  if (!ag_case_rename_actor (self->kase, self->actor, name, &error))
    {
      AgActor *owner = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, AG_CASE_ERROR, AG_CASE_ERROR_INVALID))
        owner = find_name_owner (self, name);

      if (owner != NULL)
        {
          g_autofree char *flat = flatten (ag_actor_get_name (owner));

          /* Translators: the name of the other actor. */
          message = g_strdup_printf (_("Another actor is already called “%s”. If both are the same actor, merge this one into it."),
                                     flat);
        }
      else
        message = describe_failure (self, _("Could not rename the actor"), error);

      show_name_error (self, message, owner);
      return;
    }

  show_name_error (self, NULL, NULL);
  sync_name (self);
}

static void
name_changed_cb (AgActorEditor *self)
{
  g_assert (AG_IS_ACTOR_EDITOR (self));

  if (!self->updating && gtk_widget_get_visible (GTK_WIDGET (self->name_error_row)))
    show_name_error (self, NULL, NULL);
}

static void
merge_conflict_clicked_cb (AgActorEditor *self)
{
  AgActor *other;

  g_assert (AG_IS_ACTOR_EDITOR (self));

  other = ag_case_lookup_actor (self->kase, self->conflict_id);
  if (other == NULL)
    {
      show_name_error (self, _("That actor is no longer in the case."), NULL);
      return;
    }
  confirm_merge (self, other);
}

static void
kind_selected_cb (AgActorEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  g_assert (AG_IS_ACTOR_EDITOR (self));

  /* Template callbacks run before construction is complete. */
  if (self->actor == NULL || self->updating || self->merged)
    return;

  selected = adw_combo_row_get_selected (self->kind_row);
  if (selected >= AG_N_ACTOR_KINDS || selected == (guint) ag_actor_get_kind (self->actor))
    return;

  if (!ag_case_set_actor_kind (self->kase, self->actor, selected, &error))
    {
      g_autofree char *message = describe_failure (self, _("Could not change the kind"), error);

      toast (self, message);
      sync_kind (self);
    }
}

static void
alias_activated_cb (AgActorEditor *self)
{
  g_assert (AG_IS_ACTOR_EDITOR (self));

  add_alias (self);
}

static void
alias_changed_cb (AgActorEditor *self)
{
  g_assert (AG_IS_ACTOR_EDITOR (self));

  if (self->actor == NULL)
    return;
  show_row_error (self->alias_error_row, NULL);
  update_actions (self);
}

static void
merge_search_changed_cb (AgActorEditor *self)
{
  g_assert (AG_IS_ACTOR_EDITOR (self));

  g_clear_pointer (&self->merge_query, g_free);
  self->merge_query = ag_name_key (gtk_editable_get_text (GTK_EDITABLE (self->merge_search)));
  if (self->merge_filter != NULL)
    gtk_filter_changed (self->merge_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
merge_stop_search_cb (AgActorEditor *self)
{
  g_assert (AG_IS_ACTOR_EDITOR (self));

  show_page (self, "edit");
}

static void
merge_list_activate_cb (AgActorEditor *self,
                        guint          position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->merge_list));
  g_autoptr(AgActor) keep = g_list_model_get_item (model, position);

  g_assert (AG_IS_ACTOR_EDITOR (self));

  if (keep != NULL)
    confirm_merge (self, keep);
}

static void
description_changed_cb (AgActorEditor *self)
{
  update_actions (self);
}

static void
description_leave_cb (AgActorEditor *self)
{
  save_description (self);
}

static void
actor_notify_cb (AgActorEditor *self,
                 GParamSpec    *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "name"))
    sync_name (self);
  else if (g_str_equal (name, "kind"))
    sync_kind (self);
  else if (g_str_equal (name, "aliases"))
    sync_aliases (self);
  else if (g_str_equal (name, "description") && !description_is_dirty (self))
    sync_description (self);
  update_actions (self);
}

static void
case_changed_cb (AgActorEditor *self)
{
  if (self->merging || self->merged)
    return;

  /* Merged or removed elsewhere: there is nothing left to edit. */
  if (ag_case_lookup_actor (self->kase, self->actor_id) != self->actor)
    {
      self->merged = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* Names and aliases of the other actors may have changed. */
  if (self->merge_filter != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "merge") == 0)
    {
      gtk_filter_changed (self->merge_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (self->merge_sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
}

static gboolean
close_request_cb (AgActorEditor *self)
{
  if (!save_description (self))
    {
      /* Stay open: the error says why the description was not saved. */
      show_page (self, "edit");
      return TRUE;
    }
  return FALSE;
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_page (AG_ACTOR_EDITOR (widget), "edit");
}

static void
merge_choose_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_page (AG_ACTOR_EDITOR (widget), "merge");
}

static void
merge_into_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AgActorEditor *self = AG_ACTOR_EDITOR (widget);
  AgActor *keep = ag_case_lookup_actor (self->kase, g_variant_get_int64 (parameter));

  if (keep == NULL)
    {
      toast (self, _("That actor is no longer in the case."));
      return;
    }
  confirm_merge (self, keep);
}

static void
add_alias_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_alias (AG_ACTOR_EDITOR (widget));
}

static void
save_description_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  save_description (AG_ACTOR_EDITOR (widget));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  AgActorEditor *self = AG_ACTOR_EDITOR (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "merge") == 0)
    show_page (self, "edit");
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
ag_actor_editor_constructed (GObject *object)
{
  AgActorEditor *self = (AgActorEditor *)object;
  GtkSignalListItemFactory *factory;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  G_OBJECT_CLASS (ag_actor_editor_parent_class)->constructed (object);

  g_return_if_fail (AG_IS_CASE (self->kase));
  g_return_if_fail (AG_IS_ACTOR (self->actor));

  self->actor_id = ag_actor_get_id (self->actor);

  self->merge_filter = GTK_FILTER (gtk_custom_filter_new (merge_filter_func, self, NULL));
  self->merge_model = gtk_filter_list_model_new (g_object_ref (ag_case_get_actors (self->kase)),
                                                 g_object_ref (self->merge_filter));
  self->merge_sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AG_TYPE_ACTOR, NULL, "name")));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->merge_model)),
                                    g_object_ref (self->merge_sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_list_view_set_model (self->merge_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->merge_model, "items-changed",
                           G_CALLBACK (merge_model_items_changed_cb), self, G_CONNECT_SWAPPED);
  merge_model_items_changed_cb (self);

  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect (factory, "setup", G_CALLBACK (merge_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (merge_item_bind_cb), NULL);
  gtk_list_view_set_factory (self->merge_list, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);

  g_signal_connect_object (self->actor, "notify", G_CALLBACK (actor_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kase, "changed", G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kase, "notify::read-only", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);

  sync_all (self);
}

static void
ag_actor_editor_dispose (GObject *object)
{
  AgActorEditor *self = (AgActorEditor *)object;

  if (self->confirmation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->confirmation, self);
      gtk_window_destroy (GTK_WINDOW (self->confirmation));
      self->confirmation = NULL;
    }
  if (self->actor != NULL)
    g_signal_handlers_disconnect_by_data (self->actor, self);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  if (self->merge_model != NULL)
    g_signal_handlers_disconnect_by_data (self->merge_model, self);
  if (self->description_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->description_view), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_ACTOR_EDITOR);
  g_clear_pointer (&self->alias_rows, g_ptr_array_unref);
  g_clear_object (&self->merge_model);
  g_clear_object (&self->merge_filter);
  g_clear_object (&self->merge_sorter);
  g_clear_object (&self->actor);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (ag_actor_editor_parent_class)->dispose (object);
}

static void
ag_actor_editor_finalize (GObject *object)
{
  AgActorEditor *self = (AgActorEditor *)object;

  g_clear_pointer (&self->merge_query, g_free);

  G_OBJECT_CLASS (ag_actor_editor_parent_class)->finalize (object);
}

static void
ag_actor_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AgActorEditor *self = AG_ACTOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_actor_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AgActorEditor *self = AG_ACTOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_actor_editor_class_init (AgActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *path = "/io/github/actorgraph/ActorGraph/ag-actor-editor.ui";

  object_class->constructed = ag_actor_editor_constructed;
  object_class->dispose = ag_actor_editor_dispose;
  object_class->finalize = ag_actor_editor_finalize;
  object_class->get_property = ag_actor_editor_get_property;
  object_class->set_property = ag_actor_editor_set_property;

  ag_gui_ensure_resources ();

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL,
                         AG_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL,
                         AG_TYPE_ACTOR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgActorEditor::merged:
   * @kept_id: the id of the actor this one was merged into
   *
   * Emitted once the actor has been merged into another, just before the
   * editor closes.
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, path);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, read_only_group);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, merge_conflict_button);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, aliases_group);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, alias_row);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, alias_error_row);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, description_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, merge_row);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, merge_hint_label);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, merge_search);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, merge_results);
  gtk_widget_class_bind_template_child (widget_class, AgActorEditor, merge_list);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_conflict_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, alias_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, alias_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.merge-choose", NULL, merge_choose_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.merge-into", "x", merge_into_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-alias", NULL, add_alias_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.save-description", NULL, save_description_action_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ag_actor_editor_init (AgActorEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->alias_rows = g_ptr_array_new ();

  /* The order of AgActorKind. */
  for (guint i = 0; i < AG_N_ACTOR_KINDS; i++)
    gtk_string_list_append (kinds, ag_actor_kind_to_display (i));
  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->updating = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (description_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (description_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * ag_actor_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @kase: the case that holds @actor
 * @actor: the actor to edit
 *
 * Returns: (transfer none): a new modal editor, not shown yet; like every
 *   toplevel, it lives until it is closed
 */
AgActorEditor *
ag_actor_editor_new (GtkWindow *parent,
                     AgCase    *kase,
                     AgActor   *actor)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AG_IS_CASE (kase), NULL);
  g_return_val_if_fail (AG_IS_ACTOR (actor), NULL);

  return g_object_new (AG_TYPE_ACTOR_EDITOR,
                       "transient-for", parent,
                       "case", kase,
                       "actor", actor,
                       NULL);
}

/**
 * ag_actor_editor_get_case:
 * @self: an #AgActorEditor
 *
 * Returns: (transfer none): the case the editor changes
 */
AgCase *
ag_actor_editor_get_case (AgActorEditor *self)
{
  g_return_val_if_fail (AG_IS_ACTOR_EDITOR (self), NULL);

  return self->kase;
}

/**
 * ag_actor_editor_get_actor:
 * @self: an #AgActorEditor
 *
 * Returns: (transfer none) (nullable): the actor edited; after a merge it
 *   is no longer in the case
 */
AgActor *
ag_actor_editor_get_actor (AgActorEditor *self)
{
  g_return_val_if_fail (AG_IS_ACTOR_EDITOR (self), NULL);

  return self->actor;
}
