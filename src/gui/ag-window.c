/* ag-window.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-window"

#include "config.h"

#include <glib/gi18n.h>

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
}

static void
ag_window_init (AgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->layout = ag_layout_new (AG_LAYOUT_ENGINE_AUTO);
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
      update_summary (self);
      relayout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
}
