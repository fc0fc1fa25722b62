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

/* AgDetailsPanel: what the case says about one actor: its kind and other
 * names, for a threat group the states it is attributed to and by whom,
 * and its claims grouped by kind, each with its speaker, the quote, the
 * document and the review status. */

struct _AgDetailsPanel
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (AgDetailsPanel, ag_details_panel, GTK_TYPE_BOX)

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
add_label (AgDetailsPanel *self,
           const char     *text,
           const char     *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self), label);
  return label;
}

static void
clear (AgDetailsPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
}

/* "United Kingdom accuses China", said by whom, in which document. */
static char *
describe_claim (AgClaim *claim)
{
  AgActor *speaker = ag_claim_get_speaker (claim);
  AgActor *object = ag_claim_get_object (claim);
  AgDocument *document = ag_claim_get_document (claim);
  GDateTime *published = ag_document_get_published (document);
  g_autofree char *date = published ? g_date_time_format (published, "%x") : NULL;
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s → %s", ag_actor_get_name (ag_claim_get_subject (claim)),
                          object ? ag_actor_get_name (object) : _("(no one named)"));
  if (speaker != NULL)
    g_string_append_printf (text, "\n%s %s", _("Said by"), ag_actor_get_name (speaker));
  if (*ag_claim_get_evidence (claim) != '\0')
    g_string_append_printf (text, "\n“%s”", ag_claim_get_evidence (claim));
  g_string_append_printf (text, "\n%s%s%s — %s", ag_document_get_title (document),
                          date ? ", " : "", date ? date : "",
                          status_name (ag_claim_get_status (claim)));
  return g_string_free (text, FALSE);
}

static void
ag_details_panel_class_init (AgDetailsPanelClass *klass)
{
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

  clear (self);

  if (kase == NULL || actor == NULL)
    {
      GtkWidget *hint = add_label (self, _("Select an actor to see the claims behind it."), "dim-label");

      gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
      return;
    }

  add_label (self, ag_actor_get_name (actor), "title-2");
  add_label (self, kind_name (ag_actor_get_kind (actor)), "dim-label");

  aliases = ag_actor_get_aliases (actor);
  if (aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **)aliases);
      g_autofree char *text = g_strdup_printf (_("Also called %s"), joined);

      add_label (self, text, NULL);
    }

  if (ag_actor_get_kind (actor) == AG_ACTOR_THREAT_GROUP)
    {
      g_autoptr(GPtrArray) states = ag_case_list_attributed_states (kase, actor);

      for (guint i = 0; i < states->len; i++)
        {
          g_autofree char *text = g_strdup_printf (_("Attributed to %s"),
                                                   ag_actor_get_name (g_ptr_array_index (states, i)));

          add_label (self, text, "heading");
        }
    }

  claims = ag_case_list_claims_for_actor (kase, actor);
  if (claims->len == 0)
    add_label (self, _("No claims."), "dim-label");

  for (guint kind = 0; kind < AG_N_CLAIM_KINDS; kind++)
    {
      gboolean heading = FALSE;

      for (guint i = 0; i < claims->len; i++)
        {
          AgClaim *claim = g_ptr_array_index (claims, i);
          g_autofree char *text = NULL;
          GtkWidget *label;

          if (ag_claim_get_kind (claim) != kind)
            continue;
          if (!heading)
            {
              GtkWidget *title = add_label (self, kind_heading (kind), "heading");

              gtk_widget_set_margin_top (title, 12);
              heading = TRUE;
            }
          text = describe_claim (claim);
          label = add_label (self, text, NULL);
          if (ag_claim_get_status (claim) == AG_REVIEW_DISPUTED)
            gtk_widget_add_css_class (label, "warning");
          gtk_widget_set_margin_bottom (label, 6);
        }
    }
}

/**
 * ag_details_panel_dup_text:
 * @self: an #AgDetailsPanel
 *
 * Returns: (transfer full): everything the panel shows, a line per label
 */
char *
ag_details_panel_dup_text (AgDetailsPanel *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (AG_IS_DETAILS_PANEL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));

  return g_string_free (text, FALSE);
}
