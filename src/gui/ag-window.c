/* ag-window.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ag-details-panel.h"
#include "ag-graph.h"
#include "ag-graph-view.h"
#include "ag-layout.h"
#include "ag-resources.h"
#include "ag-window.h"

/* One window per case: the actor graph once it is laid out (off the main
 * thread), a summary until then or when the case holds no actors. */

struct _AgWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
  GtkStack             *stack;
  AgGraphView          *graph_view;
  GtkSearchEntry       *search_entry;
  GtkListView          *actor_list;
  AgDetailsPanel       *details;

  GtkCustomFilter      *actor_filter;
  GtkSingleSelection   *actor_selection;

  AgCase               *kase;
  AgLayout             *layout;
  GCancellable         *cancellable;  /* the layout running, cancelled on close */
};

G_DEFINE_FINAL_TYPE (AgWindow, ag_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_summary (AgWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *claims = NULL;
  guint n_documents, n_actors, n_claims;

  if (self->kase == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Actor Graph"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      adw_status_page_set_title (self->status_page, _("No Case Open"));
      adw_status_page_set_description (self->status_page,
                                       _("Open a case file with “actorgraph CASE.actorgraph”."));
      return;
    }

  title = ag_case_dup_title (self->kase);
  n_documents = g_list_model_get_n_items (ag_case_get_documents (self->kase));
  n_actors = g_list_model_get_n_items (ag_case_get_actors (self->kase));
  n_claims = g_list_model_get_n_items (ag_case_get_claims (self->kase));

  documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents), n_documents);
  actors = g_strdup_printf (ngettext ("%u actor", "%u actors", n_actors), n_actors);
  claims = g_strdup_printf (ngettext ("%u claim", "%u claims", n_claims), n_claims);
  /* Translators: the three parts are "N documents", "N actors", "N claims". */
  summary = g_strdup_printf (_("%s, %s, %s"), documents, actors, claims);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, _("Actor Graph"));
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, summary);
}


/* The actor list: every actor of the case, found by name or alias. */

static gboolean
actor_matches (gpointer item,
               gpointer user_data)
{
  AgWindow *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  name = g_utf8_casefold (ag_actor_get_name (item), -1);
  if (strstr (name, needle) != NULL)
    return TRUE;
  for (const char * const *alias = ag_actor_get_aliases (item); *alias != NULL; alias++)
    {
      g_autofree char *folded = g_utf8_casefold (*alias, -1);

      if (strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
search_changed_cb (AgWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AgWindow                 *self)
{
  AgActor *actor = gtk_list_item_get_item (item);
  g_autoptr(GPtrArray) claims = ag_case_list_claims_for_actor (self->kase, actor);
  g_autofree char *markup = NULL;

  /* Names come from documents: escape them before they meet markup. */
  {
    g_autofree char *escaped = g_markup_escape_text (ag_actor_get_name (actor), -1);

    markup = g_strdup_printf ("%s  <span alpha=\"55%%\">%s · %u</span>", escaped,
                              ag_actor_kind_to_string (ag_actor_get_kind (actor)), claims->len);
  }
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ag_actor_get_name (actor), -1);
}

static void
show_actor (AgWindow *self,
            gint64    actor_id)
{
  AgActor *actor = self->kase && actor_id != 0 ? ag_case_lookup_actor (self->kase, actor_id) : NULL;

  ag_details_panel_show_actor (self->details, self->kase, actor);
}

static void
actor_activated_cb (GtkListView *list,
                    guint        position,
                    AgWindow    *self)
{
  g_autoptr(AgActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actor_selection), position);

  if (actor != NULL)
    ag_graph_view_select_actor (self->graph_view, ag_actor_get_id (actor));
}

static void
graph_selection_cb (AgWindow *self)
{
  show_actor (self, ag_graph_view_get_selected_actor (self->graph_view));
}

static void
focus_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGeometry) geometry = ag_layout_compute_finish (AG_LAYOUT (source), result, &error);

  if (geometry == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  ag_graph_view_set_geometry (self->graph_view, geometry);
  gtk_stack_set_visible_child_name (self->stack, "graph");
}

/* Lays the case out again, cancelling a layout still running. */
static void
relayout (AgWindow *self)
{
  g_autoptr(AgGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->kase == NULL || g_list_model_get_n_items (ag_case_get_actors (self->kase)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "summary");
      return;
    }

  graph = ag_graph_new (self->kase, NULL, &error);
  if (graph == NULL)
    {
      adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  self->cancellable = g_cancellable_new ();
  ag_layout_compute_async (self->layout, graph, self->cancellable, layout_done_cb, g_object_ref (self));
}

static void
case_changed_cb (AgWindow *self)
{
  update_summary (self);
  relayout (self);
}

static void
ag_window_dispose (GObject *object)
{
  AgWindow *self = (AgWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_WINDOW);
  g_clear_object (&self->actor_selection);
  g_clear_object (&self->actor_filter);
  g_clear_object (&self->kase);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (ag_window_parent_class)->dispose (object);
}

static void
ag_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AgWindow *self = AG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AgWindow *self = AG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      ag_window_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_window_class_init (AgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_window_dispose;
  object_class->get_property = ag_window_get_property;
  object_class->set_property = ag_window_set_property;

  /* The first class with a template registers the bundle once. */
  ag_register_resource ();
  g_type_ensure (AG_TYPE_GRAPH_VIEW);
  g_type_ensure (AG_TYPE_DETAILS_PANEL);

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL,
                         AG_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/actorgraph/ActorGraph/ag-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, details);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
ag_window_init (AgWindow *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->layout = ag_layout_new (AG_LAYOUT_ENGINE_AUTO);

  self->actor_filter = gtk_custom_filter_new (actor_matches, self, NULL);
  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->actor_filter)));
  self->actor_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->actor_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->actor_selection, TRUE);
  gtk_list_view_set_model (self->actor_list, GTK_SELECTION_MODEL (g_object_ref (self->actor_selection)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->actor_list, factory);
  g_object_unref (factory);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->actor_list, "activate", G_CALLBACK (actor_activated_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::selected-actor", G_CALLBACK (graph_selection_cb), self);

  update_summary (self);
}

/**
 * ag_window_get_graph_view:
 * @self: an #AgWindow
 *
 * Returns: (transfer none): the window's graph view
 */
AgGraphView *
ag_window_get_graph_view (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->graph_view;
}

/**
 * ag_window_get_details:
 * @self: an #AgWindow
 *
 * Returns: (transfer none): the details panel
 */
AgDetailsPanel *
ag_window_get_details (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->details;
}

/**
 * ag_window_get_actor_list_model:
 * @self: an #AgWindow
 *
 * Returns: (transfer none): the actors the list shows, after the search
 */
GListModel *
ag_window_get_actor_list_model (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->actor_selection);
}

/**
 * ag_window_search_actors:
 * @self: an #AgWindow
 * @text: what to look for
 */
void
ag_window_search_actors (AgWindow   *self,
                         const char *text)
{
  g_return_if_fail (AG_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/**
 * ag_window_activate_actor_row:
 * @self: an #AgWindow
 * @position: a row of the actor list
 *
 * Does what activating the row does: selects the actor in the graph.
 */
void
ag_window_activate_actor_row (AgWindow *self,
                              guint     position)
{
  g_return_if_fail (AG_IS_WINDOW (self));

  g_signal_emit_by_name (self->actor_list, "activate", position);
}

AgWindow *
ag_window_new (GtkApplication *application)
{
  return g_object_new (AG_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * ag_window_get_case:
 * @self: an #AgWindow
 *
 * Returns: (transfer none) (nullable): the case shown
 */
AgCase *
ag_window_get_case (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->kase;
}

void
ag_window_set_case (AgWindow *self,
                    AgCase   *kase)
{
  g_return_if_fail (AG_IS_WINDOW (self));
  g_return_if_fail (kase == NULL || AG_IS_CASE (kase));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, case_changed_cb, self);

  if (g_set_object (&self->kase, kase))
    {
      if (kase != NULL)
        g_signal_connect_object (kase, "changed", G_CALLBACK (case_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_filter_list_model_set_model (GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (self->actor_selection)),
                                       kase ? ag_case_get_actors (kase) : NULL);
      ag_details_panel_show_actor (self->details, NULL, NULL);
      update_summary (self);
      relayout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
}
