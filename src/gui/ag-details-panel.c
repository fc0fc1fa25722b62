/* ag-details-panel.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-details-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-details-panel.h"

/* AgDetailsPanel: what the case says about one actor or one edge.
 *
 * For an actor: its kind and other names, for a threat group the states it
 * is attributed to and by whom, and its claims grouped by kind. For an
 * edge: the claims behind it and, when its object denies it, the denials.
 * Each claim is a row with its speaker, the quote, the document and the
 * review status, which the analyst can correct there; activating the row
 * emits AgDetailsPanel::claim-activated.
 *
 * Everything shown comes from documents, so it is set as plain text; the
 * few strings that meet markup are escaped. */

struct _AgDetailsPanel
{
  GtkBox  parent_instance;

  AgCase *kase; /* the case of what is shown */
};

G_DEFINE_FINAL_TYPE (AgDetailsPanel, ag_details_panel, GTK_TYPE_BOX)

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The widgets of one claim's row, kept on the GtkListBoxRow. */
typedef struct
{
  AgDetailsPanel *panel;  /* the row lives inside it */
  AgClaim        *claim;
  GtkWidget      *ends;   /* nullable: "Subject → Object" */
  GtkWidget      *speaker;
  GtkWidget      *quote;
  GtkWidget      *source;
  GtkWidget      *badge;
  GtkDropDown    *status;
  GtkWidget      *error;
  gboolean        updating;
} ClaimRow;

#define CLAIM_ROW_KEY "ag-claim-row"

/* Quotes longer than this many lines are cut short in the panel; the
 * reader shows them whole. */
#define QUOTE_MAX_LINES 12

static void
claim_row_free (gpointer data)
{
  ClaimRow *row = data;

  g_clear_object (&row->claim);
  g_free (row);
}

static const char *
kind_heading (AgClaimKind kind)
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

/* What an edge of each kind says, between its two ends. */
static const char *
kind_description (AgClaimKind kind)
{
  switch (kind)
    {
    case AG_CLAIM_ACCUSES: return _("Accuses of cyberattacks");
    case AG_CLAIM_ATTRIBUTES: return _("Acts for, or is tied to, the state");
    case AG_CLAIM_TARGETS: return _("Attacked or targeted");
    case AG_CLAIM_DENIES: return _("Denies the accusations");
    case AG_CLAIM_MEMBER_OF: return _("Is a member of");
    case AG_CLAIM_SANCTIONS: return _("Sanctions, indicts or expels");
    case AG_CLAIM_COOPERATES: return _("Cooperates on cyber matters");
    default: return "";
    }
}

static const char *
kind_name (AgActorKind kind)
{
  switch (kind)
    {
    case AG_ACTOR_COUNTRY: return _("Country");
    case AG_ACTOR_ALLIANCE: return _("Alliance");
    case AG_ACTOR_THREAT_GROUP: return _("Threat group");
    case AG_ACTOR_ORGANIZATION: return _("Organization");
    case AG_ACTOR_PERSON: return _("Person");
    default: return "";
    }
}

static const char *
status_name (AgReviewStatus status)
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

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
add_label (AgDetailsPanel *self,
           const char     *text,
           const char     *css_class)
{
  GtkWidget *label = new_label (text, css_class);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (self), label);
  return label;
}

static GtkWidget *
add_heading (AgDetailsPanel *self,
             const char     *text)
{
  /* A heading for screen readers too. */
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", text,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     "selectable", TRUE,
                                     "margin-top", 12,
                                     NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3,
                                  -1);
  gtk_box_append (GTK_BOX (self), heading);
  return heading;
}

static void
clear (AgDetailsPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
}

/* "Subject → Object" */
static char *
dup_ends (AgClaim *claim)
{
  AgActor *subject = ag_claim_get_subject (claim);
  AgActor *object = ag_claim_get_object (claim);
  const char *nobody;

  switch (ag_claim_get_kind (claim))
    {
    case AG_CLAIM_DENIES: nobody = _("(no accuser named)"); break;
    case AG_CLAIM_COOPERATES: nobody = _("(no partner named)"); break;
    default: nobody = _("(no one named)"); break;
    }

  /* Translators: a claim's subject and object, as in "United Kingdom → China" */
  return g_strdup_printf (_("%s → %s"),
                          subject ? ag_actor_get_name (subject) : nobody,
                          object ? ag_actor_get_name (object) : nobody);
}

static char *
dup_speaker (AgClaim *claim)
{
  AgActor *speaker = ag_claim_get_speaker (claim);

  if (speaker == NULL)
    return g_strdup (_("Stated by the document’s author"));
  /* Translators: %s is who voices the claim */
  return g_strdup_printf (_("Said by %s"), ag_actor_get_name (speaker));
}

/* "Title, 25/03/2024": the document and its date in the locale's format. */
static char *
dup_source (AgClaim *claim)
{
  AgDocument *document = ag_claim_get_document (claim);
  GDateTime *published;
  g_autofree char *date = NULL;
  const char *title;

  if (document == NULL)
    return g_strdup (_("No document"));

  title = ag_document_get_title (document);
  if (title == NULL || *title == '\0')
    title = _("Untitled document");
  published = ag_document_get_published (document);
  if (published == NULL)
    return g_strdup (title);

  date = g_date_time_format (published, "%x");
  /* Translators: a document's title and its publication date */
  return g_strdup_printf (_("%s, %s"), title, date);
}

static char *
dup_count (guint n_claims,
           guint n_documents)
{
  g_autofree char *claims = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *claims_number = g_strdup_printf ("%'u", n_claims);
  g_autofree char *documents_number = g_strdup_printf ("%'u", n_documents);

  claims = g_strdup_printf (ngettext ("%s claim", "%s claims", n_claims), claims_number);
  documents = g_strdup_printf (ngettext ("%s document", "%s documents", n_documents), documents_number);
  /* Translators: "3 claims from 2 documents" */
  return g_strdup_printf (_("%s from %s"), claims, documents);
}

static ClaimRow *
claim_row_get (GtkWidget *row)
{
  return GTK_IS_LIST_BOX_ROW (row) ? g_object_get_data (G_OBJECT (row), CLAIM_ROW_KEY) : NULL;
}

/* Shows @row's claim's review status: the drop-down, a badge and style
 * for disputed and rejected claims, and the row's accessible label. */
static void
claim_row_update (GtkWidget *row)
{
  ClaimRow *data = claim_row_get (row);
  AgReviewStatus status = ag_claim_get_status (data->claim);
  g_autofree char *ends = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *source = NULL;
  g_autofree char *label = NULL;
  const char *evidence = ag_claim_get_evidence (data->claim);

  data->updating = TRUE;
  gtk_drop_down_set_selected (data->status, status);
  data->updating = FALSE;

  gtk_label_set_text (GTK_LABEL (data->badge), status_name (status));
  gtk_widget_set_visible (data->badge, status == AG_REVIEW_DISPUTED || status == AG_REVIEW_REJECTED);
  if (status == AG_REVIEW_REJECTED)
    {
      gtk_widget_add_css_class (data->badge, "error");
      gtk_widget_remove_css_class (data->badge, "warning");
      gtk_widget_add_css_class (row, "rejected");
      gtk_widget_add_css_class (data->quote, "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (data->badge, "warning");
      gtk_widget_remove_css_class (data->badge, "error");
      gtk_widget_remove_css_class (row, "rejected");
      gtk_widget_remove_css_class (data->quote, "dim-label");
    }
  if (status == AG_REVIEW_DISPUTED)
    gtk_widget_add_css_class (row, "disputed");
  else
    gtk_widget_remove_css_class (row, "disputed");

  ends = dup_ends (data->claim);
  speaker = dup_speaker (data->claim);
  source = dup_source (data->claim);
  /* Translators: a claim for screen readers: "Subject → Object.
   * Said by Speaker. “quote”. Document, date. Review: Disputed." */
  label = g_strdup_printf (_("%s. %s. “%s”. %s. Review: %s."),
                           ends, speaker, evidence, source, status_name (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Activate to read the document at this quote"),
                                  -1);
}

static void
claim_status_changed_cb (AgClaim    *claim,
                         GParamSpec *pspec,
                         GtkWidget  *row)
{
  g_assert (AG_IS_CLAIM (claim));

  claim_row_update (row);
}

static void
status_selected_cb (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    GtkWidget   *row)
{
  g_autoptr(GtkWidget) hold = g_object_ref (row);
  g_autoptr(GError) error = NULL;
  ClaimRow *data = claim_row_get (row);
  AgReviewStatus status = gtk_drop_down_get_selected (dropdown);
  AgCase *kase;

  g_assert (data != NULL);

  if (data->updating || status >= AG_N_REVIEW_STATUSES ||
      status == ag_claim_get_status (data->claim))
    return;

  kase = data->panel->kase;
  if (kase != NULL && ag_case_set_claim_status (kase, data->claim, status, &error))
    {
      /* The case may have had the panel rebuilt meanwhile. */
      if (claim_row_get (row) == data && gtk_widget_get_parent (row) != NULL)
        gtk_widget_set_visible (data->error, FALSE);
      return;
    }

  if (claim_row_get (row) != data || gtk_widget_get_parent (row) == NULL)
    return;

  {
    g_autofree char *title = kase ? ag_case_dup_title (kase) : g_strdup ("");
    g_autofree char *message = NULL;

    /* Translators: "Could not change the review status. CASE: REASON" */
    message = g_strdup_printf (_("Could not change the review status. %s: %s"),
                               title, error ? error->message : _("no case"));
    gtk_label_set_text (GTK_LABEL (data->error), message);
    gtk_widget_set_visible (data->error, TRUE);
    claim_row_update (row);
  }
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  AgDetailsPanel *self)
{
  ClaimRow *data = claim_row_get (GTK_WIDGET (row));

  g_assert (AG_IS_DETAILS_PANEL (self));

  if (data != NULL)
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, data->claim);
}

static GtkWidget *
new_claim_row (AgDetailsPanel *self,
               AgClaim        *claim,
               gboolean        show_ends)
{
  static const char *statuses[AG_N_REVIEW_STATUSES + 1];
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon;
  ClaimRow *data = g_new0 (ClaimRow, 1);
  g_autofree char *ends = NULL;
  g_autofree char *speaker = dup_speaker (claim);
  g_autofree char *source = dup_source (claim);
  g_autofree char *quote = NULL;
  const char *evidence = ag_claim_get_evidence (claim);
  gboolean read_only = self->kase == NULL || ag_case_is_read_only (self->kase);

  data->panel = self;
  data->claim = g_object_ref (claim);
  g_object_set_data_full (G_OBJECT (row), CLAIM_ROW_KEY, data, claim_row_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* First line: what the claim says, or who says it. */
  if (show_ends)
    {
      ends = dup_ends (claim);
      data->ends = new_label (ends, "heading");
      data->speaker = new_label (speaker, NULL);
    }
  else
    data->speaker = new_label (speaker, "heading");
  gtk_widget_set_hexpand (data->ends ? data->ends : data->speaker, TRUE);
  gtk_box_append (GTK_BOX (header), data->ends ? data->ends : data->speaker);

  data->badge = new_label (NULL, "caption-heading");
  gtk_widget_set_valign (data->badge, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (header), data->badge);

  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_tooltip_text (icon, _("Read the document at this quote"));
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (box), header);
  if (data->ends != NULL)
    gtk_box_append (GTK_BOX (box), data->speaker);

  quote = *evidence != '\0' ? g_strdup_printf (_("“%s”"), evidence) : g_strdup (_("No quote"));
  data->quote = new_label (quote, NULL);
  gtk_label_set_lines (GTK_LABEL (data->quote), QUOTE_MAX_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (data->quote), PANGO_ELLIPSIZE_END);
  if (*evidence == '\0')
    gtk_widget_add_css_class (data->quote, "dim-label");
  gtk_box_append (GTK_BOX (box), data->quote);

  data->source = new_label (source, "caption");
  gtk_widget_add_css_class (data->source, "dim-label");
  gtk_box_append (GTK_BOX (box), data->source);

  if (statuses[0] == NULL)
    for (guint i = 0; i < AG_N_REVIEW_STATUSES; i++)
      statuses[i] = status_name (i);
  data->status = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (statuses));
  gtk_widget_set_halign (GTK_WIDGET (data->status), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (data->status), 3);
  gtk_widget_set_sensitive (GTK_WIDGET (data->status), !read_only);
  gtk_widget_set_tooltip_text (GTK_WIDGET (data->status),
                               read_only ? _("The case is open read-only") : _("Review status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->status),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review status"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->status));

  data->error = new_label (NULL, "error");
  gtk_widget_set_visible (data->error, FALSE);
  gtk_box_append (GTK_BOX (box), data->error);

  claim_row_update (row);
  g_signal_connect (data->status, "notify::selected", G_CALLBACK (status_selected_cb), row);
  g_signal_connect_object (claim, "notify::status", G_CALLBACK (claim_status_changed_cb), row, 0);

  return row;
}

static GtkWidget *
add_claim_list (AgDetailsPanel *self,
                GPtrArray      *claims,
                gboolean        show_ends,
                const char     *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  for (guint i = 0; i < claims->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_claim_row (self, g_ptr_array_index (claims, i), show_ends));
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (self), list);

  return list;
}

/* "Attributed to China by United Kingdom, United States" */
static void
add_attributions (AgDetailsPanel *self,
                  AgActor        *group)
{
  g_autoptr(GPtrArray) states = ag_case_list_attributed_states (self->kase, group);
  GListModel *claims = ag_case_get_claims (self->kase);
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < states->len; i++)
    {
      AgActor *state = g_ptr_array_index (states, i);
      g_autoptr(GPtrArray) speakers = g_ptr_array_new ();
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint c = 0; c < n; c++)
        {
          g_autoptr(AgClaim) claim = g_list_model_get_item (claims, c);
          AgActor *speaker = ag_claim_get_speaker (claim);

          if (ag_claim_get_kind (claim) == AG_CLAIM_ATTRIBUTES &&
              ag_claim_get_subject (claim) == group &&
              ag_claim_get_object (claim) == state &&
              ag_claim_get_status (claim) != AG_REVIEW_REJECTED &&
              speaker != NULL && !g_ptr_array_find (speakers, speaker, NULL))
            {
              g_ptr_array_add (speakers, speaker);
              /* Translators: the separator of a list of names */
              g_string_append_printf (names, "%s%s", names->len ? _(", ") : "", ag_actor_get_name (speaker));
            }
        }

      if (speakers->len > 0)
        /* Translators: "Attributed to STATE by SPEAKERS" */
        text = g_strdup_printf (_("Attributed to %s by %s"), ag_actor_get_name (state), names->str);
      else
        text = g_strdup_printf (_("Attributed to %s"), ag_actor_get_name (state));
      add_label (self, text, NULL);
    }
}

/* The denials that dispute an edge, as ag-graph.c finds them: the object
 * denies the accusations of the subject, of a speaker of the edge's
 * claims, or of no one in particular; rejected denials do not count. */
static GPtrArray *
list_denials (AgCase    *kase,
              AgActor   *subject,
              AgActor   *object,
              GPtrArray *edge_claims)
{
  GPtrArray *denials = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *claims = ag_case_get_claims (kase);
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);
      AgActor *accuser = ag_claim_get_object (claim);
      gboolean disputes = accuser == NULL || accuser == subject;

      if (ag_claim_get_kind (claim) != AG_CLAIM_DENIES ||
          ag_claim_get_subject (claim) != object ||
          ag_claim_get_status (claim) == AG_REVIEW_REJECTED)
        continue;

      for (guint c = 0; !disputes && c < edge_claims->len; c++)
        disputes = ag_claim_get_speaker (g_ptr_array_index (edge_claims, c)) == accuser;

      if (disputes)
        g_ptr_array_add (denials, g_steal_pointer (&claim));
    }

  return denials;
}

static void
ag_details_panel_dispose (GObject *object)
{
  AgDetailsPanel *self = (AgDetailsPanel *)object;

  clear (self);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (ag_details_panel_parent_class)->dispose (object);
}

static void
ag_details_panel_class_init (AgDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ag_details_panel_dispose;

  /**
   * AgDetailsPanel::claim-activated:
   * @self: the panel
   * @claim: the claim whose row the user activated
   *
   * The user asks to read the document behind @claim.
   */
  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, AG_TYPE_CLAIM);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "detailspanel");
}

static void
ag_details_panel_init (AgDetailsPanel *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
  ag_details_panel_show_actor (self, NULL, NULL);
}

GtkWidget *
ag_details_panel_new (void)
{
  return g_object_new (AG_TYPE_DETAILS_PANEL, NULL);
}

static void
show_hint (AgDetailsPanel *self)
{
  GtkWidget *hint = add_label (self, _("Select an actor or an edge to see the claims behind it."),
                               "dim-label");

  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.5);
}

/**
 * ag_details_panel_show_actor:
 * @self: an #AgDetailsPanel
 * @kase: (nullable): the case
 * @actor: (nullable): an actor of @kase, or %NULL for none
 */
void
ag_details_panel_show_actor (AgDetailsPanel *self,
                             AgCase         *kase,
                             AgActor        *actor)
{
  g_autoptr(GPtrArray) claims = NULL;
  const char * const *aliases;

  g_return_if_fail (AG_IS_DETAILS_PANEL (self));
  g_return_if_fail (kase == NULL || AG_IS_CASE (kase));
  g_return_if_fail (actor == NULL || AG_IS_ACTOR (actor));

  clear (self);
  g_set_object (&self->kase, (actor != NULL ? kase : NULL));

  if (self->kase == NULL)
    {
      show_hint (self);
      return;
    }

  add_label (self, ag_actor_get_name (actor), "title-2");
  add_label (self, kind_name (ag_actor_get_kind (actor)), "dim-label");

  aliases = ag_actor_get_aliases (actor);
  if (aliases[0] != NULL)
    {
      /* Translators: the separator of a list of names */
      g_autofree char *joined = g_strjoinv (_(", "), (char **)aliases);
      g_autofree char *text = g_strdup_printf (_("Also called %s"), joined);

      add_label (self, text, NULL);
    }

  if (ag_actor_get_kind (actor) == AG_ACTOR_THREAT_GROUP)
    add_attributions (self, actor);

  claims = ag_case_list_claims_for_actor (self->kase, actor);
  if (claims->len == 0)
    add_label (self, _("No claims."), "dim-label");

  for (guint kind = 0; kind < AG_N_CLAIM_KINDS; kind++)
    {
      g_autoptr(GPtrArray) of_kind = g_ptr_array_new ();

      for (guint i = 0; i < claims->len; i++)
        if (ag_claim_get_kind (g_ptr_array_index (claims, i)) == kind)
          g_ptr_array_add (of_kind, g_ptr_array_index (claims, i));
      if (of_kind->len == 0)
        continue;

      add_heading (self, kind_heading (kind));
      add_claim_list (self, of_kind, TRUE, kind_heading (kind));
    }
}

/**
 * ag_details_panel_show_edge:
 * @self: an #AgDetailsPanel
 * @kase: the case that @graph was built from
 * @graph: a graph of @kase
 * @edge_index: an edge of @graph
 *
 * Shows the claims behind the edge and, when its object denies it, that
 * it is disputed and by which denials.
 */
void
ag_details_panel_show_edge (AgDetailsPanel *self,
                            AgCase         *kase,
                            AgGraph        *graph,
                            guint           edge_index)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) denials = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *count = NULL;
  const AgGraphEdge *edge;
  AgActor *subject, *object;
  GListModel *all;
  guint n;

  g_return_if_fail (AG_IS_DETAILS_PANEL (self));
  g_return_if_fail (AG_IS_CASE (kase));
  g_return_if_fail (AG_IS_GRAPH (graph));
  g_return_if_fail (edge_index < ag_graph_get_n_edges (graph));

  clear (self);
  g_set_object (&self->kase, kase);

  edge = ag_graph_get_edge (graph, edge_index);
  subject = ag_case_lookup_actor (kase, ag_graph_get_node (graph, edge->source)->actor_id);
  object = ag_case_lookup_actor (kase, ag_graph_get_node (graph, edge->target)->actor_id);

  /* The edge's claims, in its order; a claim removed since the graph was
   * built is left out. */
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  all = ag_case_get_claims (kase);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      AgClaim *claim = g_list_model_get_item (all, i);
      gint64 id = ag_claim_get_id (claim);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), claim);
    }
  claims = g_ptr_array_new ();
  for (guint i = 0; i < edge->claims->len; i++)
    {
      AgClaim *claim = g_hash_table_lookup (by_id, &g_array_index (edge->claims, gint64, i));

      if (claim != NULL)
        g_ptr_array_add (claims, claim);
    }

  ends = g_strdup_printf (_("%s → %s"),
                          ag_graph_get_node (graph, edge->source)->name,
                          ag_graph_get_node (graph, edge->target)->name);
  add_label (self, ends, "title-2");
  add_label (self, kind_description (edge->kind), "dim-label");
  count = dup_count (claims->len, edge->n_documents);
  add_label (self, count, NULL);

  if (edge->disputed)
    {
      GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      g_autofree char *who = NULL;

      gtk_widget_add_css_class (banner, "card");
      gtk_widget_add_css_class (banner, "disputed-edge");
      gtk_widget_set_margin_top (banner, 6);
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_set_margin_start (icon, 12);
      gtk_widget_set_margin_top (icon, 12);
      gtk_box_append (GTK_BOX (banner), icon);
      gtk_widget_set_margin_top (texts, 12);
      gtk_widget_set_margin_bottom (texts, 12);
      gtk_widget_set_margin_end (texts, 12);
      gtk_box_append (GTK_BOX (texts), new_label (_("Disputed"), "heading"));
      gtk_widget_add_css_class (gtk_widget_get_first_child (texts), "warning");
      /* Translators: %s is the accused, who denies the accusations */
      who = g_strdup_printf (_("%s denies it."), ag_graph_get_node (graph, edge->target)->name);
      gtk_box_append (GTK_BOX (texts), new_label (who, NULL));
      gtk_box_append (GTK_BOX (banner), texts);
      gtk_accessible_update_property (GTK_ACCESSIBLE (banner),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Disputed"),
                                      -1);
      gtk_box_append (GTK_BOX (self), banner);

      if (subject != NULL && object != NULL)
        denials = list_denials (kase, subject, object, claims);
    }

  add_heading (self, kind_heading (edge->kind));
  if (claims->len > 0)
    add_claim_list (self, claims, FALSE, kind_heading (edge->kind));
  else
    add_label (self, _("The case no longer holds these claims."), "dim-label");

  /* The denials that dispute it, after the claims they answer. */
  if (denials != NULL && denials->len > 0)
    {
      GtkWidget *list;

      add_heading (self, kind_heading (AG_CLAIM_DENIES));
      list = add_claim_list (self, denials, TRUE, kind_heading (AG_CLAIM_DENIES));
      gtk_widget_add_css_class (list, "denials");
    }
}

/**
 * ag_details_panel_get_claim_row:
 * @self: an #AgDetailsPanel
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the first row that shows @claim
 */
GtkWidget *
ag_details_panel_get_claim_row (AgDetailsPanel *self,
                                AgClaim        *claim)
{
  g_return_val_if_fail (AG_IS_DETAILS_PANEL (self), NULL);
  g_return_val_if_fail (AG_IS_CLAIM (claim), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX (child))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (child);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          ClaimRow *data = claim_row_get (row);

          if (data != NULL && data->claim == claim)
            return row;
        }
    }

  return NULL;
}

static void
append_text (GString   *text,
             GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
      return;
    }
  if (GTK_IS_DROP_DOWN (widget))
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (widget));

      if (item != NULL)
        g_string_append_printf (text, "%s\n", gtk_string_object_get_string (item));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_text (text, child);
}

/**
 * ag_details_panel_dup_text:
 * @self: an #AgDetailsPanel
 *
 * Returns: (transfer full): everything the panel shows, a line per label
 *   and per review status, in order
 */
char *
ag_details_panel_dup_text (AgDetailsPanel *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (AG_IS_DETAILS_PANEL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_text (text, child);

  return g_string_free (text, FALSE);
}
