/* ag-graph-view.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-graph-view"

#include "config.h"

#include <math.h>

#include "ag-graph.h"
#include "ag-graph-view.h"
#include "ag-renderer.h"

/* AgGraphView: the laid-out graph, drawn by the same renderer as the
 * exports. The view is a centre point in drawing coordinates (points) and
 * a zoom; it fits the drawing until the user zooms or pans, zooms around
 * the pointer, pans by dragging, and selects the node under a click. */

#define MIN_ZOOM 0.02
#define MAX_ZOOM 8.0

struct _AgGraphView
{
  GtkWidget   parent_instance;

  AgGeometry *geometry;
  AgRenderer *renderer;

  double      cx;        /* the drawing point at the widget's centre */
  double      cy;
  double      zoom;
  gboolean    fitted;    /* keep fitting on resize until the user moves */
  double      drag_cx;
  double      drag_cy;

  gint64      selected;  /* actor id, 0 for none */

  double      pointer_x; /* where the pointer is, for zooming around it */
  double      pointer_y;
  gboolean    has_pointer;
};

G_DEFINE_FINAL_TYPE (AgGraphView, ag_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GEOMETRY,
  PROP_SELECTED_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
widget_to_drawing (AgGraphView *self,
                   double       wx,
                   double       wy,
                   double      *dx,
                   double      *dy)
{
  GtkWidget *widget = GTK_WIDGET (self);

  *dx = self->cx + (wx - gtk_widget_get_width (widget) / 2.0) / self->zoom;
  *dy = self->cy + (wy - gtk_widget_get_height (widget) / 2.0) / self->zoom;
}

static void
drawing_to_widget (AgGraphView *self,
                   double       dx,
                   double       dy,
                   double      *wx,
                   double      *wy)
{
  GtkWidget *widget = GTK_WIDGET (self);

  *wx = (dx - self->cx) * self->zoom + gtk_widget_get_width (widget) / 2.0;
  *wy = (dy - self->cy) * self->zoom + gtk_widget_get_height (widget) / 2.0;
}

static void
fit (AgGraphView *self)
{
  double width, height;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->renderer == NULL || w <= 0 || h <= 0)
    return;

  ag_renderer_get_size (self->renderer, &width, &height);
  self->cx = width / 2.0;
  self->cy = height / 2.0;
  self->zoom = CLAMP (MIN (w / MAX (width, 1.0), h / MAX (height, 1.0)), MIN_ZOOM, 1.5);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_zoom_at (AgGraphView *self,
             double       zoom,
             double       wx,
             double       wy)
{
  double before_x, before_y, after_x, after_y;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  /* The drawing point under the pointer stays under it. */
  widget_to_drawing (self, wx, wy, &before_x, &before_y);
  self->zoom = zoom;
  widget_to_drawing (self, wx, wy, &after_x, &after_y);
  self->cx += before_x - after_x;
  self->cy += before_y - after_y;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ag_graph_view_node_at:
 * @self: an #AgGraphView
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: the index of the node drawn at (@x, @y), or -1
 */
gint
ag_graph_view_node_at (AgGraphView *self,
                       double       x,
                       double       y)
{
  AgGraph *graph;
  double dx, dy;
  /* A few pixels of slack, whatever the zoom. */
  double slack;

  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), -1);

  if (self->geometry == NULL)
    return -1;

  widget_to_drawing (self, x, y, &dx, &dy);
  dx -= AG_RENDERER_MARGIN;
  dy -= AG_RENDERER_MARGIN;
  slack = 3.0 / self->zoom;
  graph = ag_geometry_get_graph (self->geometry);

  for (guint i = ag_graph_get_n_nodes (graph); i > 0; i--)
    {
      const AgGeometryNode *node = ag_geometry_get_node (self->geometry, i - 1);
      double rx = node->width / 2.0 + slack;
      double ry = node->height / 2.0 + slack;
      double ex = (dx - node->x) / rx;
      double ey = (dy - node->y) / ry;

      /* Inside the box, with its corners rounded off like the shapes. */
      if (ABS (ex) <= 1.0 && ABS (ey) <= 1.0 && ex * ex + ey * ey <= 1.6)
        return i - 1;
    }

  return -1;
}

static void
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AgGraphView              *self)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  /* Scroll events carry no position in GTK 4.8; the motion controller
   * keeps it in widget coordinates. */
  if (self->has_pointer)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }
  set_zoom_at (self, self->zoom * pow (1.15, -CLAMP (dy, -5.0, 5.0)), x, y);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AgGraphView              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AgGraphView              *self)
{
  self->has_pointer = FALSE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AgGraphView    *self)
{
  self->drag_cx = self->cx;
  self->drag_cy = self->cy;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                AgGraphView    *self)
{
  self->cx = self->drag_cx - offset_x / self->zoom;
  self->cy = self->drag_cy - offset_y / self->zoom;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_cb (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          AgGraphView     *self)
{
  gint node = ag_graph_view_node_at (self, x, y);
  gint64 actor = 0;

  if (node >= 0)
    actor = ag_graph_get_node (ag_geometry_get_graph (self->geometry), node)->actor_id;
  ag_graph_view_select_actor (self, actor);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);

  if (g_str_equal (action_name, "graph.zoom-in"))
    set_zoom_at (self, self->zoom * 1.25, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  else if (g_str_equal (action_name, "graph.zoom-out"))
    set_zoom_at (self, self->zoom / 1.25, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  else
    ag_graph_view_zoom_to_fit (self);
}

static void
ag_graph_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);

  if (self->fitted)
    fit (self);
}

static void
ag_graph_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->renderer == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->cx, -self->cy);
  ag_renderer_draw (self->renderer, cr);

  /* The selection: a ring around the node, in the accent colour. */
  if (self->selected != 0)
    {
      guint index;

      if (ag_graph_find_node (ag_geometry_get_graph (self->geometry), self->selected, &index))
        {
          const AgGeometryNode *node = ag_geometry_get_node (self->geometry, index);

          /* The renderer may leave a current point: start afresh. */
          cairo_new_path (cr);
          cairo_save (cr);
          cairo_translate (cr, AG_RENDERER_MARGIN + node->x, AG_RENDERER_MARGIN + node->y);
          cairo_scale (cr, node->width / 2.0 + 5.0, node->height / 2.0 + 5.0);
          cairo_arc (cr, 0, 0, 1.0, 0, 2 * G_PI);
          cairo_restore (cr);
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
          cairo_set_line_width (cr, 3.0 / self->zoom);
          cairo_stroke (cr);
        }
    }

  cairo_destroy (cr);
}

static void
ag_graph_view_dispose (GObject *object)
{
  AgGraphView *self = (AgGraphView *)object;

  g_clear_object (&self->renderer);
  g_clear_object (&self->geometry);

  G_OBJECT_CLASS (ag_graph_view_parent_class)->dispose (object);
}

static void
ag_graph_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AgGraphView *self = AG_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_GEOMETRY:
      g_value_set_object (value, self->geometry);
      break;

    case PROP_SELECTED_ACTOR:
      g_value_set_int64 (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_graph_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AgGraphView *self = AG_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_GEOMETRY:
      ag_graph_view_set_geometry (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACTOR:
      ag_graph_view_select_actor (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_graph_view_class_init (AgGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_graph_view_dispose;
  object_class->get_property = ag_graph_view_get_property;
  object_class->set_property = ag_graph_view_set_property;

  widget_class->snapshot = ag_graph_view_snapshot;
  widget_class->size_allocate = ag_graph_view_size_allocate;

  properties[PROP_GEOMETRY] =
    g_param_spec_object ("geometry", NULL, NULL,
                         AG_TYPE_GEOMETRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The id of the selected actor, 0 when none is. */
  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_int64 ("selected-actor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "graph.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ag_graph_view_init (AgGraphView *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;
  GtkGesture *drag;
  GtkGesture *click;

  self->zoom = 1.0;
  self->fitted = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ag_graph_view_new (void)
{
  return g_object_new (AG_TYPE_GRAPH_VIEW, NULL);
}

/**
 * ag_graph_view_get_geometry:
 * @self: an #AgGraphView
 *
 * Returns: (transfer none) (nullable): the geometry shown
 */
AgGeometry *
ag_graph_view_get_geometry (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), NULL);

  return self->geometry;
}

void
ag_graph_view_set_geometry (AgGraphView *self,
                            AgGeometry  *geometry)
{
  g_return_if_fail (AG_IS_GRAPH_VIEW (self));
  g_return_if_fail (geometry == NULL || AG_IS_GEOMETRY (geometry));

  if (!g_set_object (&self->geometry, geometry))
    return;

  g_clear_object (&self->renderer);
  if (geometry != NULL)
    self->renderer = ag_renderer_new (geometry);

  self->fitted = TRUE;
  fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GEOMETRY]);
}

gint64
ag_graph_view_get_selected_actor (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), 0);

  return self->selected;
}

void
ag_graph_view_select_actor (AgGraphView *self,
                            gint64       actor_id)
{
  g_return_if_fail (AG_IS_GRAPH_VIEW (self));

  if (self->selected == actor_id)
    return;
  self->selected = actor_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
}

double
ag_graph_view_get_zoom (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), 1.0);

  return self->zoom;
}

void
ag_graph_view_zoom_to_fit (AgGraphView *self)
{
  g_return_if_fail (AG_IS_GRAPH_VIEW (self));

  self->fitted = TRUE;
  fit (self);
}

/**
 * ag_graph_view_get_node_position:
 * @self: an #AgGraphView
 * @actor_id: an actor of the graph
 * @x: (out): where its node's centre is drawn, in widget coordinates
 * @y: (out)
 *
 * Returns: whether the actor has a node
 */
gboolean
ag_graph_view_get_node_position (AgGraphView *self,
                                 gint64       actor_id,
                                 double      *x,
                                 double      *y)
{
  const AgGeometryNode *node;
  guint index;

  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), FALSE);

  if (self->geometry == NULL ||
      !ag_graph_find_node (ag_geometry_get_graph (self->geometry), actor_id, &index))
    return FALSE;

  node = ag_geometry_get_node (self->geometry, index);
  drawing_to_widget (self, node->x + AG_RENDERER_MARGIN, node->y + AG_RENDERER_MARGIN, x, y);
  return TRUE;
}
