/* ag-filter-panel.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-filter-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ag-filter-panel.h"
#include "ag-gui.h"

/* AgFilterPanel: the choices that narrow the graph, meant for the popover
 * of the header bar's "Filters" button: actor kinds, claim kinds, review
 * statuses, documents, a range of publication days, the neighbourhood of
 * an actor, and hiding actors without claims.
 *
 * The panel holds no graph: the window asks it for an AgGraphFilter when
 * it emits "changed", which it does once per change the user makes, never
 * for changes made through the API.
 *
 * The neighbourhood is pinned: ticking "Only around the selected actor"
 * centres the graph on the actor selected at that moment, and selecting
 * other actors afterwards (to read about them) does not lay the graph out
 * again; a button offers to move the centre to the new selection. */

struct _AgFilterPanel
{
  GtkBox             parent_instance;

  GtkGrid           *actor_kinds_grid;
  GtkGrid           *claim_kinds_grid;
  GtkGrid           *statuses_grid;
  GtkCheckButton    *all_documents_check;
  GtkScrolledWindow *documents_scroller;
  GtkListBox        *document_list;
  GtkLabel          *no_documents_label;
  GtkEntry          *since_entry;
  GtkEntry          *until_entry;
  GtkPopover        *since_popover;
  GtkPopover        *until_popover;
  GtkCalendar       *since_calendar;
  GtkCalendar       *until_calendar;
  GtkButton         *since_clear_button;
  GtkButton         *until_clear_button;
  GtkLabel          *date_error_label;
  GtkLabel          *dates_hint_label;
  GtkCheckButton    *around_check;
  GtkLabel          *depth_label;
  GtkSpinButton     *depth_spin;
  GtkLabel          *around_hint_label;
  GtkLabel          *centre_label;
  GtkButton         *recentre_button;
  GtkCheckButton    *hide_isolated_check;
  GtkButton         *reset_button;

  GtkCheckButton    *actor_checks[AG_N_ACTOR_KINDS];
  GtkCheckButton    *claim_checks[AG_N_CLAIM_KINDS];
  GtkCheckButton    *status_checks[AG_N_REVIEW_STATUSES];

  AgCase            *kase;
  GHashTable        *documents;       /* gint64 ids ticked; empty: all */
  GDateTime         *since;           /* (nullable) the first day, 00:00 UTC */
  GDateTime         *until;           /* (nullable) the last day, 23:59:59.999999 UTC */
  gint64             selected_actor;  /* what the window has selected, or 0 */
  gint64             centre;          /* the neighbourhood's actor, or 0 */

  guint              updating;        /* > 0 while the code sets the widgets */
  gboolean           active;          /* the last value notified */
  gboolean           disposed;
};

G_DEFINE_FINAL_TYPE (AgFilterPanel, ag_filter_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  PROP_SELECTED_ACTOR,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_STATUSES (AG_GRAPH_FILTER_ALL_STATUSES & ~(1u << AG_REVIEW_REJECTED))

static const char *
actor_kind_label (AgActorKind kind)
{
  switch (kind)
    {
    case AG_ACTOR_COUNTRY: return _("Countries");
    case AG_ACTOR_ALLIANCE: return _("Alliances");
    case AG_ACTOR_THREAT_GROUP: return _("Threat groups");
    case AG_ACTOR_ORGANIZATION: return _("Organizations");
    case AG_ACTOR_PERSON: return _("People");
    default: return "";
    }
}

static const char *
claim_kind_label (AgClaimKind kind)
{
  switch (kind)
    {
    case AG_CLAIM_ACCUSES: return _("Accusations");
    case AG_CLAIM_ATTRIBUTES: return _("Attributions");
    case AG_CLAIM_TARGETS: return _("Targeting");
    case AG_CLAIM_DENIES: return _("Denials");
    case AG_CLAIM_MEMBER_OF: return _("Membership");
    case AG_CLAIM_SANCTIONS: return _("Sanctions");
    case AG_CLAIM_COOPERATES: return _("Cooperation");
    default: return "";
    }
}

static const char *
claim_kind_tooltip (AgClaimKind kind)
{
  switch (kind)
    {
    case AG_CLAIM_ACCUSES: return _("One actor accuses another of a cyberattack");
    case AG_CLAIM_ATTRIBUTES: return _("A threat group is said to act for a state");
    case AG_CLAIM_TARGETS: return _("One actor attacked or targeted another");
    case AG_CLAIM_DENIES: return _("An actor denies an accusation");
    case AG_CLAIM_MEMBER_OF: return _("An actor is a member of an alliance or organization");
    case AG_CLAIM_SANCTIONS: return _("Sanctions, indictments, charges or expulsions");
    case AG_CLAIM_COOPERATES: return _("Actors cooperate on cyber matters");
    default: return NULL;
    }
}

static const char *
status_label (AgReviewStatus status)
{
  switch (status)
    {
    case AG_REVIEW_UNREVIEWED: return _("Unreviewed");
    case AG_REVIEW_CONFIRMED: return _("Confirmed");
    case AG_REVIEW_DISPUTED: return _("Disputed");
    case AG_REVIEW_REJECTED: return _("Rejected");
    default: return "";
    }
}

/* Names and titles come from documents: one line, no control characters. */
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
date_equal (GDateTime *a,
            GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

/* "YYYY-MM-DD" and nothing else: a day at 00:00 UTC. */
static GDateTime *
parse_day (const char *text)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

static guint
mask_of (GtkCheckButton **checks,
         guint            n_checks)
{
  guint mask = 0;

  for (guint i = 0; i < n_checks; i++)
    if (gtk_check_button_get_active (checks[i]))
      mask |= 1u << i;
  return mask;
}

static void
set_mask (GtkCheckButton **checks,
          guint            n_checks,
          guint            mask)
{
  for (guint i = 0; i < n_checks; i++)
    gtk_check_button_set_active (checks[i], (mask & (1u << i)) != 0);
}

static gboolean
compute_active (AgFilterPanel *self)
{
  return mask_of (self->actor_checks, AG_N_ACTOR_KINDS) != AG_GRAPH_FILTER_ALL_ACTOR_KINDS ||
         mask_of (self->claim_checks, AG_N_CLAIM_KINDS) != AG_GRAPH_FILTER_ALL_CLAIM_KINDS ||
         mask_of (self->status_checks, AG_N_REVIEW_STATUSES) != DEFAULT_STATUSES ||
         g_hash_table_size (self->documents) > 0 ||
         self->since != NULL || self->until != NULL ||
         self->centre != 0 ||
         gtk_check_button_get_active (self->hide_isolated_check);
}

static AgActor *
lookup_actor (AgFilterPanel *self,
              gint64         id)
{
  if (self->kase == NULL || id == 0)
    return NULL;
  return ag_case_lookup_actor (self->kase, id);
}

/* Ticks each document row as the set of documents says. */
static void
sync_document_rows (AgFilterPanel *self)
{
  GtkListBoxRow *row;

  self->updating++;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->document_list, i)) != NULL; i++)
    {
      GtkWidget *check = gtk_list_box_row_get_child (row);
      const gint64 *id = g_object_get_data (G_OBJECT (check), "ag-document-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->documents, id));
    }
  gtk_check_button_set_active (self->all_documents_check, g_hash_table_size (self->documents) == 0);
  self->updating--;
}

/* Sensitivity, hints and the "active" property, after any change. */
static void
update_state (AgFilterPanel *self)
{
  GListModel *documents = self->kase ? ag_case_get_documents (self->kase) : NULL;
  guint n_documents = documents ? g_list_model_get_n_items (documents) : 0;
  AgActor *centre = lookup_actor (self, self->centre);
  gboolean active;

  /* Documents */
  gtk_widget_set_visible (GTK_WIDGET (self->documents_scroller), n_documents > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_documents_label), n_documents == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->all_documents_check), g_hash_table_size (self->documents) > 0);

  /* Dates */
  gtk_widget_set_sensitive (GTK_WIDGET (self->since_clear_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->since_entry)) != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->until_clear_button),
                            *gtk_editable_get_text (GTK_EDITABLE (self->until_entry)) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->dates_hint_label), self->since != NULL || self->until != NULL);

  /* Neighbourhood */
  self->updating++;
  gtk_check_button_set_active (self->around_check, self->centre != 0);
  self->updating--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->around_check), self->selected_actor != 0 || self->centre != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->depth_spin), self->centre != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->depth_label), self->centre != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->around_hint_label), self->selected_actor == 0 && self->centre == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->centre_label), centre != NULL);
  if (centre != NULL)
    {
      g_autofree char *name = flatten (ag_actor_get_name (centre));
      g_autofree char *text = g_strdup_printf (_("Around “%s”"), name);

      gtk_label_set_text (self->centre_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recentre_button),
                          self->centre != 0 && self->selected_actor != 0 && self->selected_actor != self->centre);

  active = compute_active (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), active);
  if (active != self->active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

/* One change by the user: one "changed". */
static void
user_changed (AgFilterPanel *self)
{
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_date_error (AgFilterPanel *self,
                 const char    *message)
{
  gtk_label_set_text (self->date_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), message != NULL);
}

static void
mark_entry (GtkEntry *entry,
            gboolean  valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

/* Reads one date entry: %TRUE with the day (or %NULL when empty) in
 * @value, %FALSE when the text is no day. */
static gboolean
read_day (GtkEntry   *entry,
          gboolean    end_of_day,
          GDateTime **value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GDateTime) day = NULL;
  gboolean valid;

  *value = NULL;
  if (*text == '\0')
    valid = TRUE;
  else if ((day = parse_day (text)) != NULL)
    {
      *value = end_of_day ? g_date_time_add (day, G_TIME_SPAN_DAY - 1) : g_date_time_ref (day);
      valid = TRUE;
    }
  else
    valid = FALSE;

  mark_entry (entry, valid);
  return valid;
}

/* Takes in what the date entries say; a day that cannot be read leaves
 * the range as it was and says why. */
static void
commit_dates (AgFilterPanel *self)
{
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GDateTime) until = NULL;
  gboolean since_ok, until_ok;
  gboolean changed = FALSE;

  if (self->updating > 0 || self->disposed)
    return;

  since_ok = read_day (self->since_entry, FALSE, &since);
  until_ok = read_day (self->until_entry, TRUE, &until);

  if (since_ok && !date_equal (since, self->since))
    {
      g_clear_pointer (&self->since, g_date_time_unref);
      self->since = g_steal_pointer (&since);
      changed = TRUE;
    }
  if (until_ok && !date_equal (until, self->until))
    {
      g_clear_pointer (&self->until, g_date_time_unref);
      self->until = g_steal_pointer (&until);
      changed = TRUE;
    }

  if (!since_ok || !until_ok)
    {
      GtkEntry *bad = since_ok ? self->until_entry : self->since_entry;
      g_autofree char *text = flatten (gtk_editable_get_text (GTK_EDITABLE (bad)));
      g_autofree char *message = NULL;

      /* Translators: the date the user typed; keep YYYY-MM-DD as the placeholder says. */
      message = g_strdup_printf (_("“%s” is not a day. Write it as YYYY-MM-DD."), text);
      show_date_error (self, message);
    }
  else if (self->since != NULL && self->until != NULL &&
           g_date_time_compare (self->since, self->until) > 0)
    show_date_error (self, _("The first day comes after the last day, so no claim is shown."));
  else
    show_date_error (self, NULL);

  if (changed)
    user_changed (self);
  else
    update_state (self);
}

static void
kind_toggled_cb (AgFilterPanel *self)
{
  if (self->updating == 0)
    user_changed (self);
}

static void
hide_isolated_toggled_cb (AgFilterPanel *self)
{
  if (self->updating == 0)
    user_changed (self);
}

static void
document_toggled_cb (GtkCheckButton *check,
                     AgFilterPanel  *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (check), "ag-document-id");

  g_assert (id != NULL);

  if (self->updating > 0)
    return;

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->documents, g_memdup2 (id, sizeof *id));
  else
    g_hash_table_remove (self->documents, id);

  self->updating++;
  gtk_check_button_set_active (self->all_documents_check, g_hash_table_size (self->documents) == 0);
  self->updating--;
  user_changed (self);
}

static void
all_documents_toggled_cb (AgFilterPanel *self)
{
  if (self->updating > 0)
    return;

  /* "All documents" is undone by ticking a document, not by itself. */
  if (!gtk_check_button_get_active (self->all_documents_check) && g_hash_table_size (self->documents) == 0)
    {
      sync_document_rows (self);
      return;
    }

  if (gtk_check_button_get_active (self->all_documents_check) && g_hash_table_size (self->documents) > 0)
    {
      g_hash_table_remove_all (self->documents);
      sync_document_rows (self);
      user_changed (self);
    }
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  AgFilterPanel *self = user_data;
  AgDocument *document = item;
  gint64 id = ag_document_get_id (document);
  GDateTime *published = ag_document_get_published (document);
  g_autofree char *title = flatten (ag_document_get_title (document));
  g_autofree char *date = published ? g_date_time_format (published, "%Y-%m-%d") : NULL;
  g_autofree char *name = g_strdup_printf ("document-%" G_GINT64_FORMAT, id);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title_label;
  GtkWidget *date_label;

  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled document"));
    }

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (title_label), TRUE);
  gtk_box_append (GTK_BOX (box), title_label);

  date_label = gtk_label_new (date ? date : _("No date"));
  gtk_label_set_xalign (GTK_LABEL (date_label), 0.0);
  gtk_widget_add_css_class (date_label, "caption");
  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_box_append (GTK_BOX (box), date_label);

  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_widget_set_name (check, name);
  gtk_widget_set_tooltip_text (check, title);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_end (check, 6);
  gtk_widget_set_margin_top (check, 3);
  gtk_widget_set_margin_bottom (check, 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date ? date : _("No date"),
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "ag-document-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->documents, &id));
  g_signal_connect (check, "toggled", G_CALLBACK (document_toggled_cb), self);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/* Documents that left the case leave the set; with none left, the graph
 * shows every document again. */
static void
documents_changed_cb (AgFilterPanel *self)
{
  GListModel *documents = ag_case_get_documents (self->kase);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (documents);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgDocument) document = g_list_model_get_item (documents, i);
      gint64 id = ag_document_get_id (document);

      g_hash_table_add (present, g_memdup2 (&id, sizeof id));
    }

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);

  sync_document_rows (self);
  update_state (self);
}

/* An actor merged away or renamed: the neighbourhood follows. */
static void
case_changed_cb (AgFilterPanel *self)
{
  if (self->centre != 0 && lookup_actor (self, self->centre) == NULL)
    self->centre = 0;
  if (self->selected_actor != 0 && lookup_actor (self, self->selected_actor) == NULL)
    self->selected_actor = 0;
  update_state (self);
}

static void
around_toggled_cb (AgFilterPanel *self)
{
  gboolean on = gtk_check_button_get_active (self->around_check);

  if (self->updating > 0)
    return;

  if (on && self->selected_actor != 0)
    self->centre = self->selected_actor;
  else if (!on)
    self->centre = 0;
  else
    {
      update_state (self);
      return;
    }
  user_changed (self);
}

static void
recentre_clicked_cb (AgFilterPanel *self)
{
  if (self->selected_actor == 0 || self->selected_actor == self->centre)
    return;
  self->centre = self->selected_actor;
  user_changed (self);
}

static void
depth_changed_cb (AgFilterPanel *self)
{
  if (self->updating == 0 && self->centre != 0)
    user_changed (self);
}

static void
date_entry_activate_cb (AgFilterPanel *self)
{
  commit_dates (self);
}

static void
date_entry_changed_cb (AgFilterPanel *self)
{
  if (self->updating == 0 && !self->disposed)
    update_state (self);
}

static void
date_focus_leave_cb (AgFilterPanel *self)
{
  commit_dates (self);
}

static void
clear_date (AgFilterPanel *self,
            GtkEntry      *entry)
{
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  self->updating--;
  commit_dates (self);
}

static void
since_clear_clicked_cb (AgFilterPanel *self)
{
  clear_date (self, self->since_entry);
}

static void
until_clear_clicked_cb (AgFilterPanel *self)
{
  clear_date (self, self->until_entry);
}

/* The calendar opens on the day set, or on today. */
static void
popover_show_cb (GtkPopover    *popover,
                 AgFilterPanel *self)
{
  gboolean since = popover == self->since_popover;
  GtkCalendar *calendar = since ? self->since_calendar : self->until_calendar;
  GDateTime *day = since ? self->since : self->until;
  g_autoptr(GDateTime) local = NULL;

  if (day != NULL)
    {
      int year, month, mday;

      g_date_time_get_ymd (day, &year, &month, &mday);
      local = g_date_time_new_local (year, month, mday, 12, 0, 0);
    }
  else
    local = g_date_time_new_now_local ();

  self->updating++;
  gtk_calendar_select_day (calendar, local);
  self->updating--;
}

static void
day_selected_cb (GtkCalendar   *calendar,
                 AgFilterPanel *self)
{
  gboolean since = calendar == self->since_calendar;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->updating > 0)
    return;

  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (since ? self->since_entry : self->until_entry), text);
  self->updating--;
  gtk_popover_popdown (since ? self->since_popover : self->until_popover);
  commit_dates (self);
}

static void
reset_clicked_cb (AgFilterPanel *self)
{
  if (!compute_active (self))
    return;
  ag_filter_panel_reset (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkCheckButton *
add_check (GtkGrid    *grid,
           guint       index,
           const char *label,
           const char *prefix,
           const char *nick,
           const char *tooltip)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", prefix, nick);
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_widget_set_name (check, name);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (check, tooltip);
  gtk_grid_attach (grid, check, index % 2, index / 2, 1, 1);
  return GTK_CHECK_BUTTON (check);
}

static void
watch_focus (AgFilterPanel *self,
             GtkEntry      *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (date_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
ag_filter_panel_dispose (GObject *object)
{
  AgFilterPanel *self = (AgFilterPanel *)object;

  self->disposed = TRUE;
  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (ag_case_get_documents (self->kase), self);
      g_signal_handlers_disconnect_by_data (self->kase, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_FILTER_PANEL);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (ag_filter_panel_parent_class)->dispose (object);
}

static void
ag_filter_panel_finalize (GObject *object)
{
  AgFilterPanel *self = (AgFilterPanel *)object;

  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);

  G_OBJECT_CLASS (ag_filter_panel_parent_class)->finalize (object);
}

static void
ag_filter_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AgFilterPanel *self = AG_FILTER_PANEL (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_SELECTED_ACTOR:
      g_value_set_int64 (value, self->selected_actor);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_filter_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AgFilterPanel *self = AG_FILTER_PANEL (object);

  switch (prop_id)
    {
    case PROP_CASE:
      ag_filter_panel_set_case (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACTOR:
      ag_filter_panel_set_selected_actor (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_filter_panel_class_init (AgFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *path = "/io/github/actorgraph/ActorGraph/ag-filter-panel.ui";

  object_class->dispose = ag_filter_panel_dispose;
  object_class->finalize = ag_filter_panel_finalize;
  object_class->get_property = ag_filter_panel_get_property;
  object_class->set_property = ag_filter_panel_set_property;

  ag_gui_ensure_resources ();

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL,
                         AG_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AgFilterPanel:selected-actor:
   *
   * The actor selected in the window (0: none), which "Only around the
   * selected actor" centres on.
   */
  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_int64 ("selected-actor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AgFilterPanel:active:
   *
   * Whether the filter differs from the default one, which shows every
   * actor and every claim but the rejected ones.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgFilterPanel::changed:
   *
   * Emitted once for each change the user makes to the filter; not for
   * changes made through the API.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, path);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, actor_kinds_grid);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, claim_kinds_grid);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, statuses_grid);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, all_documents_check);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, documents_scroller);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, document_list);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, no_documents_label);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, since_entry);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, until_entry);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, since_popover);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, until_popover);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, since_calendar);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, since_clear_button);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, until_clear_button);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, dates_hint_label);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, around_check);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, depth_label);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, depth_spin);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, around_hint_label);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, centre_label);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, recentre_button);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, hide_isolated_check);
  gtk_widget_class_bind_template_child (widget_class, AgFilterPanel, reset_button);

  gtk_widget_class_bind_template_callback (widget_class, all_documents_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, since_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, around_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, recentre_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, depth_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_isolated_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "filterpanel");
}

static void
ag_filter_panel_init (AgFilterPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < AG_N_ACTOR_KINDS; i++)
    {
      self->actor_checks[i] = add_check (self->actor_kinds_grid, i, actor_kind_label (i),
                                         "actor-kind", ag_actor_kind_to_string (i), NULL);
      g_signal_connect_swapped (self->actor_checks[i], "toggled", G_CALLBACK (kind_toggled_cb), self);
    }
  for (guint i = 0; i < AG_N_CLAIM_KINDS; i++)
    {
      self->claim_checks[i] = add_check (self->claim_kinds_grid, i, claim_kind_label (i),
                                         "claim-kind", ag_claim_kind_to_string (i), claim_kind_tooltip (i));
      g_signal_connect_swapped (self->claim_checks[i], "toggled", G_CALLBACK (kind_toggled_cb), self);
    }
  for (guint i = 0; i < AG_N_REVIEW_STATUSES; i++)
    {
      self->status_checks[i] = add_check (self->statuses_grid, i, status_label (i),
                                          "status", ag_review_status_to_string (i), NULL);
      g_signal_connect_swapped (self->status_checks[i], "toggled", G_CALLBACK (kind_toggled_cb), self);
    }
  self->updating++;
  gtk_check_button_set_active (self->status_checks[AG_REVIEW_REJECTED], FALSE);
  self->updating--;

  watch_focus (self, self->since_entry);
  watch_focus (self, self->until_entry);

  update_state (self);
}

GtkWidget *
ag_filter_panel_new (void)
{
  return g_object_new (AG_TYPE_FILTER_PANEL, NULL);
}

/**
 * ag_filter_panel_get_case:
 * @self: an #AgFilterPanel
 *
 * Returns: (transfer none) (nullable): the case whose documents are listed
 */
AgCase *
ag_filter_panel_get_case (AgFilterPanel *self)
{
  g_return_val_if_fail (AG_IS_FILTER_PANEL (self), NULL);

  return self->kase;
}

/**
 * ag_filter_panel_set_case:
 * @self: an #AgFilterPanel
 * @kase: (nullable): the case shown
 *
 * Lists @kase's documents, following its documents model. The choice of
 * documents and of a neighbourhood is cleared; the kinds, statuses and
 * dates stay. Does not emit "changed".
 */
void
ag_filter_panel_set_case (AgFilterPanel *self,
                          AgCase        *kase)
{
  g_return_if_fail (AG_IS_FILTER_PANEL (self));
  g_return_if_fail (kase == NULL || AG_IS_CASE (kase));

  if (self->kase == kase)
    return;

  if (self->kase != NULL)
    {
      g_signal_handlers_disconnect_by_data (ag_case_get_documents (self->kase), self);
      g_signal_handlers_disconnect_by_data (self->kase, self);
    }
  g_set_object (&self->kase, kase);

  g_hash_table_remove_all (self->documents);
  self->centre = 0;
  self->selected_actor = 0;

  gtk_list_box_bind_model (self->document_list,
                           kase ? ag_case_get_documents (kase) : NULL,
                           kase ? create_document_row : NULL, self, NULL);
  if (kase != NULL)
    {
      g_signal_connect_object (ag_case_get_documents (kase), "items-changed",
                               G_CALLBACK (documents_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (kase, "changed", G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);
    }

  sync_document_rows (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
}

gint64
ag_filter_panel_get_selected_actor (AgFilterPanel *self)
{
  g_return_val_if_fail (AG_IS_FILTER_PANEL (self), 0);

  return self->selected_actor;
}

/**
 * ag_filter_panel_set_selected_actor:
 * @self: an #AgFilterPanel
 * @actor_id: the actor selected in the window, or 0 for none
 *
 * Makes "Only around the selected actor" available. A neighbourhood
 * already shown keeps its centre, so this never changes the filter and
 * never emits "changed".
 */
void
ag_filter_panel_set_selected_actor (AgFilterPanel *self,
                                    gint64         actor_id)
{
  g_return_if_fail (AG_IS_FILTER_PANEL (self));
  g_return_if_fail (actor_id >= 0);

  if (self->selected_actor == actor_id)
    return;

  self->selected_actor = actor_id;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
}

/**
 * ag_filter_panel_dup_filter:
 * @self: an #AgFilterPanel
 *
 * Returns: (transfer full): the filter the panel shows
 */
AgGraphFilter *
ag_filter_panel_dup_filter (AgFilterPanel *self)
{
  AgGraphFilter *filter;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (AG_IS_FILTER_PANEL (self), NULL);

  filter = ag_graph_filter_new ();
  ag_graph_filter_set_actor_kinds (filter, mask_of (self->actor_checks, AG_N_ACTOR_KINDS));
  ag_graph_filter_set_claim_kinds (filter, mask_of (self->claim_checks, AG_N_CLAIM_KINDS));
  ag_graph_filter_set_statuses (filter, mask_of (self->status_checks, AG_N_REVIEW_STATUSES));

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    ag_graph_filter_add_document (filter, *(gint64 *)key);

  ag_graph_filter_set_date_range (filter, self->since, self->until);

  /* The case's "changed" may reach the window before the panel: never
   * hand it an actor that is gone. */
  if (lookup_actor (self, self->centre) != NULL)
    ag_graph_filter_set_around (filter, self->centre,
                                (guint) gtk_spin_button_get_value_as_int (self->depth_spin));

  ag_graph_filter_set_hide_isolated (filter, gtk_check_button_get_active (self->hide_isolated_check));
  return filter;
}

/**
 * ag_filter_panel_is_active:
 * @self: an #AgFilterPanel
 *
 * Returns: whether the filter differs from the default one (every actor,
 *   every claim but the rejected ones)
 */
gboolean
ag_filter_panel_is_active (AgFilterPanel *self)
{
  g_return_val_if_fail (AG_IS_FILTER_PANEL (self), FALSE);

  return compute_active (self);
}

/**
 * ag_filter_panel_reset:
 * @self: an #AgFilterPanel
 *
 * Goes back to the default filter, as the Reset button does, but without
 * emitting "changed".
 */
void
ag_filter_panel_reset (AgFilterPanel *self)
{
  g_return_if_fail (AG_IS_FILTER_PANEL (self));

  self->updating++;
  set_mask (self->actor_checks, AG_N_ACTOR_KINDS, AG_GRAPH_FILTER_ALL_ACTOR_KINDS);
  set_mask (self->claim_checks, AG_N_CLAIM_KINDS, AG_GRAPH_FILTER_ALL_CLAIM_KINDS);
  set_mask (self->status_checks, AG_N_REVIEW_STATUSES, DEFAULT_STATUSES);
  gtk_check_button_set_active (self->hide_isolated_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), "");
  gtk_spin_button_set_value (self->depth_spin, 1);
  self->updating--;

  g_hash_table_remove_all (self->documents);
  sync_document_rows (self);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->until, g_date_time_unref);
  mark_entry (self->since_entry, TRUE);
  mark_entry (self->until_entry, TRUE);
  show_date_error (self, NULL);
  self->centre = 0;

  update_state (self);
}
