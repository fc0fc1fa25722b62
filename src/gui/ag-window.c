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

#include "ag-frame-memory.h"
#include "ag-graph.h"
#include "ag-gui.h"
#include "ag-window-private.h"

/* One window per case: the actor graph once it is laid out (off the main
 * thread), the actors and the details of what is selected beside it. The
 * actions (files, import, export) live in ag-window-actions.c. */

G_DEFINE_FINAL_TYPE (AgWindow, ag_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A layout shorter than this shows no progress at all, so that small
 * changes do not make the window flicker. */
#define LAYOUT_PROGRESS_DELAY_MS 300

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
      gtk_window_set_title (GTK_WINDOW (self), _("Actor Graph"));
      adw_window_title_set_title (self->window_title, _("Actor Graph"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
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

  if (ag_case_is_temporary (self->kase))
    {
      g_clear_pointer (&title, g_free);
      title = g_strdup (_("New Case"));
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, summary);
  gtk_stack_set_visible_child_name (self->main_stack, "case");

  if (n_actors == 0)
    {
      adw_status_page_set_title (self->status_page, _("No Actors Yet"));
      adw_status_page_set_description (self->status_page,
                                       _("Import reports, statements or articles: the actors they name and the claims between them appear here."));
      gtk_button_set_label (self->status_button, _("_Import Documents…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), "win.import");
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), TRUE);
    }
}


/* Progress: the import's, or a long layout's. */

void
_ag_window_show_progress (AgWindow   *self,
                          const char *message,
                          double      fraction,
                          gboolean    can_cancel)
{
  gtk_label_set_text (self->progress_label, message);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_cancel), can_cancel);
  gtk_spinner_start (self->progress_spinner);
  /* A crossfade keeps the bar's room while hidden: take it away too. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

void
_ag_window_hide_progress (AgWindow *self)
{
  gtk_spinner_stop (self->progress_spinner);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), FALSE);
}


/* The actor list: every actor of the case, found by name or alias. */

static void
count_claims (AgWindow *self)
{
  GListModel *claims;

  g_hash_table_remove_all (self->claim_counts);
  if (self->kase == NULL)
    return;

  claims = ag_case_get_claims (self->kase);
  for (guint i = 0, n = g_list_model_get_n_items (claims); i < n; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);
      AgActor *taking_part[] = {
        ag_claim_get_speaker (claim),
        ag_claim_get_subject (claim),
        ag_claim_get_object (claim),
      };

      for (guint j = 0; j < G_N_ELEMENTS (taking_part); j++)
        {
          gpointer key;

          /* Count a claim once per actor, even when the speaker is also
           * the subject. */
          if (taking_part[j] == NULL ||
              (j > 0 && taking_part[j] == taking_part[0]) ||
              (j > 1 && taking_part[j] == taking_part[1]))
            continue;
          key = GSIZE_TO_POINTER ((gsize)ag_actor_get_id (taking_part[j]));
          g_hash_table_insert (self->claim_counts, key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->claim_counts, key)) + 1));
        }
    }
}

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

static const char *
actor_kind_icon (AgActorKind kind)
{
  switch (kind)
    {
    case AG_ACTOR_COUNTRY:
      return "mark-location-symbolic";
    case AG_ACTOR_ALLIANCE:
      return "emblem-shared-symbolic";
    case AG_ACTOR_THREAT_GROUP:
      return "dialog-warning-symbolic";
    case AG_ACTOR_ORGANIZATION:
      return "system-users-symbolic";
    case AG_ACTOR_PERSON:
      return "avatar-default-symbolic";
    default:
      return "help-about-symbolic";
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AgWindow                 *self)
{
  AgActor *actor = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  guint n_claims = GPOINTER_TO_UINT (g_hash_table_lookup (self->claim_counts,
                                                          GSIZE_TO_POINTER ((gsize)ag_actor_get_id (actor))));
  const char *kind = ag_actor_kind_to_display (ag_actor_get_kind (actor));
  g_autofree char *claims = g_strdup_printf (ngettext ("%u claim", "%u claims", n_claims), n_claims);
  /* Translators: an actor's kind and how many claims it takes part in,
   * e.g. "Threat group · 4 claims". */
  g_autofree char *text = g_strdup_printf (_("%s · %s"), kind, claims);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", ag_actor_get_name (actor), text);

  /* Names come from documents: plain text only, never markup. */
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), actor_kind_icon (ag_actor_get_kind (actor)));
  gtk_label_set_text (GTK_LABEL (name), ag_actor_get_name (actor));
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_tooltip_text (box, ag_actor_get_name (actor));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
actor_activated_cb (GtkListView *list,
                    guint        position,
                    AgWindow    *self)
{
  g_autoptr(AgActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actor_selection), position);

  if (actor == NULL)
    return;

  /* The list is how keyboard and screen-reader users reach every actor,
   * shown in the graph or filtered out of it. */
  gtk_single_selection_set_selected (self->actor_selection, position);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    ag_graph_view_get_geometry (self->graph_view) ? "graph" : "summary");
  ag_graph_view_center_on_actor (self->graph_view, ag_actor_get_id (actor));
  ag_details_panel_show_actor (self->details, self->kase, actor);
  _ag_window_update_actions (self);
}


/* What the graph view selects, the details panel shows. */

static void
graph_selection_cb (AgWindow *self)
{
  gint64 actor_id = ag_graph_view_get_selected_actor (self->graph_view);
  int edge = ag_graph_view_get_selected_edge (self->graph_view);
  AgGeometry *geometry = ag_graph_view_get_geometry (self->graph_view);

  if (edge >= 0 && geometry != NULL)
    ag_details_panel_show_edge (self->details, self->kase, ag_geometry_get_graph (geometry), edge);
  else
    ag_details_panel_show_actor (self->details, self->kase,
                                 self->kase && actor_id != 0 ? ag_case_lookup_actor (self->kase, actor_id) : NULL);
  _ag_window_update_actions (self);
}

static void
graph_activated_cb (AgWindow *self)
{
  /* Enter on a node: the details, in a panel that may have been hidden. */
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-sidebar", g_variant_new_boolean (TRUE));
  gtk_widget_grab_focus (GTK_WIDGET (self->details));
}


/* The document behind a claim, with its evidence, in place of the graph
 * until the reader is closed. */

static void
content_page_cb (AgWindow *self)
{
  /* The zoom buttons float over the graph, and only over it. */
  gtk_widget_set_visible (self->zoom_box,
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "graph") == 0);
}

static void
claim_activated_cb (AgWindow *self,
                    AgClaim  *claim)
{
  ag_document_reader_show_claim (self->reader, self->kase, claim);
  gtk_stack_set_visible_child_name (self->content_stack, "document");
  gtk_widget_grab_focus (GTK_WIDGET (ag_document_reader_get_text_view (self->reader)));
}

static void
reader_closed_cb (AgWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack,
                                    ag_graph_view_get_geometry (self->graph_view) ? "graph" : "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}


/* Layout */

static gboolean
layout_progress_cb (gpointer user_data)
{
  AgWindow *self = user_data;
  g_autofree char *message = NULL;

  self->layout_progress_id = 0;
  if (self->import_job != NULL)
    return G_SOURCE_REMOVE;
  message = g_strdup_printf (ngettext ("Laying out %u actor…", "Laying out %u actors…", self->layout_nodes),
                             self->layout_nodes);
  _ag_window_show_progress (self, message, -1, FALSE);
  return G_SOURCE_REMOVE;
}

static void
layout_finished (AgWindow *self)
{
  g_clear_handle_id (&self->layout_progress_id, g_source_remove);
  if (self->import_job == NULL)
    _ag_window_hide_progress (self);
}

static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgGeometry) geometry = ag_layout_compute_finish (AG_LAYOUT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  layout_finished (self);

  if (geometry == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Graph Could Not Be Laid Out"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "summary");
      return;
    }

  ag_graph_view_set_geometry (self->graph_view, geometry);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "summary") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "graph");
  _ag_window_update_actions (self);
}

static void
show_nothing_to_draw (AgWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "summary");
  ag_graph_view_set_geometry (self->graph_view, NULL);
  if (self->kase != NULL && g_list_model_get_n_items (ag_case_get_actors (self->kase)) > 0)
    {
      adw_status_page_set_title (self->status_page, _("No Actors Match the Filters"));
      adw_status_page_set_description (self->status_page,
                                       _("Every actor of the case is filtered out of the graph. They are still in the list beside."));
      gtk_button_set_label (self->status_button, _("_Reset Filters"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), "win.reset-filters");
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), TRUE);
    }
  _ag_window_update_actions (self);
}

static void
graph_built_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AgWindow) self = user_data;
  g_autoptr(AgGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *engine_name = NULL;
  AgLayoutEngine engine = AG_LAYOUT_ENGINE_AUTO;

  graph = ag_graph_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, AG_GRAPH_ERROR, AG_GRAPH_ERROR_NOT_FOUND))
    {
      /* The actor the filter is centred on has gone (merged, removed). */
      ag_graph_filter_set_around (self->graph_filter, 0, 0);
      _ag_window_relayout (self);
      return;
    }
  if (graph == NULL || ag_graph_get_n_nodes (graph) == 0)
    {
      g_clear_object (&self->cancellable);
      layout_finished (self);
      show_nothing_to_draw (self);
      return;
    }

  engine_name = g_settings_get_string (self->settings, "layout-engine");
  if (!ag_layout_engine_from_string (engine_name, &engine))
    engine = AG_LAYOUT_ENGINE_AUTO;
  ag_layout_set_engine (self->layout, engine);

  self->layout_nodes = ag_graph_get_n_nodes (graph);
  ag_layout_compute_async (self->layout, graph, self->cancellable, layout_done_cb, g_object_ref (self));
}

/**
 * _ag_window_relayout:
 * @self: an #AgWindow
 *
 * Lays the case out again with the current filters, cancelling a layout
 * still running. Only a snapshot of the case is taken here; the graph is
 * built and laid out in worker threads.
 */
void
_ag_window_relayout (AgWindow *self)
{
  g_autoptr(AgCaseSnapshot) snapshot = NULL;
  guint n_actors;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->import_job != NULL)
    {
      /* Once, when the import is over. */
      self->relayout_pending = TRUE;
      return;
    }

  if (self->kase == NULL)
    {
      layout_finished (self);
      return;
    }

  snapshot = ag_case_snapshot_new (self->kase);
  /* Until the graph is built, the progress names every actor of the case. */
  ag_case_snapshot_get_actors (snapshot, &n_actors);
  self->layout_nodes = n_actors;
  if (self->layout_progress_id == 0)
    self->layout_progress_id = g_timeout_add (LAYOUT_PROGRESS_DELAY_MS, layout_progress_cb, self);

  self->cancellable = g_cancellable_new ();
  ag_graph_new_async (snapshot, self->graph_filter, self->cancellable, graph_built_cb, g_object_ref (self));
}

static void
case_changed_cb (AgWindow *self)
{
  count_claims (self);
  update_summary (self);
  /* Counts in the rows may have changed with the claims. */
  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_MORE_STRICT);
  _ag_window_relayout (self);
}


/* Settings: what the window remembers and what the preferences change. */

static void
label_density_changed_cb (AgWindow *self)
{
  g_autofree char *density = g_settings_get_string (self->settings, "label-density");

  g_object_set (self->graph_view, "label-density", density, NULL);
}

static void
restore_size (AgWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int sidebar_width = g_settings_get_int (self->settings, "sidebar-width");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, MAX (width - CLAMP (sidebar_width, 200, 1000), 200));
}

static void
save_size (AgWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (gtk_widget_get_visible (self->sidebar) && gtk_widget_get_width (GTK_WIDGET (self->paned)) > 0)
    g_settings_set_int (self->settings, "sidebar-width",
                        gtk_widget_get_width (GTK_WIDGET (self->paned)) - gtk_paned_get_position (self->paned));
  g_settings_apply (self->settings);
}

static gboolean
ag_window_close_request (GtkWindow *window)
{
  AgWindow *self = AG_WINDOW (window);

  if (!_ag_window_close_request (self))
    return TRUE;

  save_size (self);
  return GTK_WINDOW_CLASS (ag_window_parent_class)->close_request (window);
}

static void
ag_window_dispose (GObject *object)
{
  AgWindow *self = (AgWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->import_job != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->import_job, self);
      ag_import_job_cancel (self->import_job);
    }
  g_clear_object (&self->import_job);
  g_clear_handle_id (&self->layout_progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_WINDOW);
  g_clear_object (&self->actor_selection);
  g_clear_object (&self->actor_filter);
  g_clear_pointer (&self->claim_counts, g_hash_table_unref);
  g_clear_pointer (&self->graph_filter, ag_graph_filter_free);
  g_clear_object (&self->kase);
  g_clear_object (&self->layout);
  g_clear_object (&self->settings);

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
ag_window_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  /* From the window's first frame, not the graph's: keeping the cairo
   * renderer's frame memory costs a frame 10-30 ms once, better spent
   * while the window appears than when a layout arrives. */
  ag_frame_memory_keep_pool (widget);
  GTK_WIDGET_CLASS (ag_window_parent_class)->snapshot (widget, snapshot);
}

static void
ag_window_class_init (AgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ag_window_dispose;
  object_class->get_property = ag_window_get_property;
  object_class->set_property = ag_window_set_property;
  window_class->close_request = ag_window_close_request;
  widget_class->snapshot = ag_window_snapshot;

  /* The first class with a template registers the bundle once. */
  ag_gui_ensure_resources ();
  g_type_ensure (AG_TYPE_GRAPH_VIEW);
  g_type_ensure (AG_TYPE_DETAILS_PANEL);
  g_type_ensure (AG_TYPE_DOCUMENT_READER);

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL,
                         AG_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/actorgraph/ActorGraph/ag-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, progress_cancel);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, details);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, edit_revealer);
}

static void
ag_window_init (AgWindow *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (SCHEMA_ID);
  self->layout = ag_layout_new (AG_LAYOUT_ENGINE_AUTO);
  self->graph_filter = ag_graph_filter_new ();
  self->claim_counts = g_hash_table_new (NULL, NULL);

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
  g_signal_connect_swapped (self->details, "claim-activated", G_CALLBACK (claim_activated_cb), self);
  g_signal_connect_swapped (self->reader, "close", G_CALLBACK (reader_closed_cb), self);
  g_signal_connect_swapped (self->content_stack, "notify::visible-child-name", G_CALLBACK (content_page_cb), self);
  content_page_cb (self);
  g_signal_connect_swapped (self->graph_view, "notify::selected-actor", G_CALLBACK (graph_selection_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::selected-edge", G_CALLBACK (graph_selection_cb), self);
  g_signal_connect_swapped (self->graph_view, "activated", G_CALLBACK (graph_activated_cb), self);

  g_signal_connect_object (self->settings, "changed::label-density",
                           G_CALLBACK (label_density_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::layout-engine",
                           G_CALLBACK (_ag_window_relayout), self, G_CONNECT_SWAPPED);
  label_density_changed_cb (self);
  restore_size (self);

  _ag_window_init_actions (self);
  update_summary (self);
  _ag_window_update_actions (self);
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
 * Does what activating the row does: selects and centres the actor in the
 * graph and shows its details.
 */
void
ag_window_activate_actor_row (AgWindow *self,
                              guint     position)
{
  g_return_if_fail (AG_IS_WINDOW (self));

  g_signal_emit_by_name (self->actor_list, "activate", position);
}

/**
 * ag_window_get_reader:
 * @self: an #AgWindow
 *
 * Returns: (transfer none): the document reader
 */
AgDocumentReader *
ag_window_get_reader (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->reader;
}

/**
 * ag_window_get_filter_panel:
 * @self: an #AgWindow
 *
 * Returns: (transfer none): the filters, in the header bar's popover
 */
GtkWidget *
ag_window_get_filter_panel (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return gtk_popover_get_child (self->filter_popover);
}

/**
 * ag_window_get_import_job:
 * @self: an #AgWindow
 *
 * Returns: (transfer none) (nullable): the import running, if any
 */
AgImportJob *
ag_window_get_import_job (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->import_job;
}

/**
 * ag_window_is_laying_out:
 * @self: an #AgWindow
 *
 * Returns: whether a layout is running
 */
gboolean
ag_window_is_laying_out (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable) &&
         (self->layout_progress_id != 0 || gtk_revealer_get_reveal_child (self->progress_revealer));
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
      count_claims (self);
      ag_graph_filter_free (self->graph_filter);
      self->graph_filter = ag_graph_filter_new ();
      gtk_filter_list_model_set_model (GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (self->actor_selection)),
                                       kase ? ag_case_get_actors (kase) : NULL);
      ag_details_panel_show_actor (self->details, NULL, NULL);
      ag_graph_view_set_geometry (self->graph_view, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "summary");
      adw_status_page_set_title (self->status_page, NULL);
      adw_status_page_set_description (self->status_page, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
      update_summary (self);
      _ag_window_relayout (self);
      _ag_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
}
