/* test-graph-view.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The graph view in a real window, under Xvfb: clicks select nodes and
 * edges by their drawn shapes, the pointer emphasises a neighbourhood,
 * the keys move the selection, the view centres on an actor, follows the
 * dark style, and draws only what shows and the labels one can read.
 *
 * The geometries are built here, with positions chosen so that the
 * answers are known; expected positions on the screen come from two
 * nodes' drawn centres, not from the view's own conversions. Input goes
 * through the view's own controllers: the click gesture's and the motion
 * controller's signals, the class's key bindings, and the window's focus
 * chain for Tab. */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <sys/resource.h>

#ifdef HAVE_CAIRO_XLIB
#include <gdk/x11/gdkx.h>
#endif

#include "ag-graph.h"
#include "ag-graph-view.h"
#include "ag-layout.h"
#include "ag-renderer.h"

/* The 3 × 3 grid: node i is actor i + 1, in row i / 3 and column i % 3. */
#define COLUMN_SPACING 220.0
#define ROW_SPACING    150.0

typedef struct
{
  GtkWidget   *window;
  AgGraphView *view;
  GtkWidget   *before;   /* focusable widgets on either side */
  GtkWidget   *after;
  AgGeometry  *geometry;
} Fixture;

static AgPoint
bezier (const AgPoint *p,
        double         t)
{
  double u = 1 - t;

  return (AgPoint) { u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
                     u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y };
}

static void
set_edge (AgGeometry *geometry,
          guint       index,
          AgPoint     p0,
          AgPoint     p1,
          AgPoint     p2,
          AgPoint     p3,
          AgPoint     head)
{
  AgPoint points[4] = { p0, p1, p2, p3 };
  AgGeometryEdge *edge;

  ag_geometry_set_edge_points (geometry, index, points, 4);
  edge = ag_geometry_edit_edge (geometry, index);
  edge->has_head = TRUE;
  edge->head = head;
}

/* A straight edge from the right side of node @from to the left side of
 * node @to, as a cubic, with its head ending on @to. */
static void
set_straight_edge (AgGeometry *geometry,
                   guint       index,
                   guint       from,
                   guint       to)
{
  const AgGeometryNode *a = ag_geometry_get_node (geometry, from);
  const AgGeometryNode *b = ag_geometry_get_node (geometry, to);
  AgPoint p0 = { a->x + a->width / 2, a->y };
  AgPoint p3 = { b->x - b->width / 2 - 10, b->y };

  set_edge (geometry, index, p0,
            (AgPoint) { p0.x + (p3.x - p0.x) / 3, p0.y + (p3.y - p0.y) / 3 },
            (AgPoint) { p0.x + 2 * (p3.x - p0.x) / 3, p0.y + 2 * (p3.y - p0.y) / 3 },
            p3, (AgPoint) { b->x - b->width / 2, b->y });
}

/* Nine actors on a grid. Rows are not quite level, as a layout leaves
 * them. Edges: 0 → 1 and 3 → 4 straight, 6 → 8 bowing down under 7. */
static AgGeometry *
make_grid (void)
{
  static const double jitter[9] = { 0, 6, -5, 4, 0, -6, 3, -4, 0 };
  static const AgActorKind kinds[9] = {
    AG_ACTOR_COUNTRY, AG_ACTOR_ALLIANCE, AG_ACTOR_THREAT_GROUP,
    AG_ACTOR_ORGANIZATION, AG_ACTOR_PERSON, AG_ACTOR_COUNTRY,
    AG_ACTOR_THREAT_GROUP, AG_ACTOR_COUNTRY, AG_ACTOR_ORGANIZATION,
  };
  g_autoptr(AgGraph) graph = ag_graph_new_empty ();
  AgGeometry *geometry;
  const AgGeometryNode *a, *b;

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);

      ag_graph_add_node (graph, i + 1, kinds[i], name);
    }
  ag_graph_add_edge (graph, 0, 1, AG_CLAIM_ACCUSES, 1, 1, FALSE);
  ag_graph_add_edge (graph, 3, 4, AG_CLAIM_TARGETS, 2, 1, FALSE);
  ag_graph_add_edge (graph, 6, 8, AG_CLAIM_ATTRIBUTES, 3, 1, FALSE);
  ag_graph_measure (graph);

  geometry = ag_geometry_new (graph, "test", 2 * COLUMN_SPACING + 200, 2 * ROW_SPACING + 200);
  for (guint i = 0; i < 9; i++)
    {
      AgGeometryNode *node = ag_geometry_edit_node (geometry, i);
      const AgGraphNode *g = ag_graph_get_node (graph, i);

      node->x = 100 + (i % 3) * COLUMN_SPACING;
      node->y = 100 + (i / 3) * ROW_SPACING + jitter[i];
      node->width = g->width;
      node->height = g->height;
    }
  set_straight_edge (geometry, 0, 0, 1);
  set_straight_edge (geometry, 1, 3, 4);

  /* From the right of 6 to the left of 8, its chord through 7. */
  a = ag_geometry_get_node (geometry, 6);
  b = ag_geometry_get_node (geometry, 8);
  set_edge (geometry, 2,
            (AgPoint) { a->x + a->width / 2, a->y },
            (AgPoint) { a->x + a->width / 2 + 40, a->y + 110 },
            (AgPoint) { b->x - b->width / 2 - 50, b->y + 110 },
            (AgPoint) { b->x - b->width / 2 - 10, b->y },
            (AgPoint) { b->x - b->width / 2, b->y });
  return geometry;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Waits until the view has been drawn once more. */
static void
wait_for_paint (AgGraphView *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  gboolean painted = FALSE;
  gulong handler;

  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* Waits until the view has been drawn once more, and then until its
 * picture is complete. */
static void
wait_for_frame (AgGraphView *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  for (guint frames = 0; frames < 1000; frames++)
    {
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      if (ag_graph_view_get_draw_stats (view, NULL, NULL, NULL))
        break;
      painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (view));
    }
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (ag_graph_view_get_draw_stats (view, NULL, NULL, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->window = gtk_window_new ();
  fixture->before = gtk_button_new_with_label ("before");
  fixture->after = gtk_button_new_with_label ("after");
  fixture->view = AG_GRAPH_VIEW (ag_graph_view_new ());
  gtk_box_append (GTK_BOX (box), fixture->before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  gtk_box_append (GTK_BOX (box), fixture->after);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);

  fixture->geometry = make_grid ();
  ag_graph_view_set_geometry (fixture->view, fixture->geometry);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) ||
         gtk_widget_get_width (GTK_WIDGET (fixture->view)) < 600)
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->geometry);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Where a point of the geometry shows in the view, from the drawn centres
 * of nodes 0 and 8. */
static void
to_widget (Fixture *fixture,
           AgPoint  p,
           double  *x,
           double  *y)
{
  const AgGeometryNode *a = ag_geometry_get_node (fixture->geometry, 0);
  const AgGeometryNode *b = ag_geometry_get_node (fixture->geometry, 8);
  double ax, ay, bx, by;

  g_assert_true (ag_graph_view_get_node_position (fixture->view, 1, &ax, &ay));
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 9, &bx, &by));
  *x = ax + (p.x - a->x) * (bx - ax) / (b->x - a->x);
  *y = ay + (p.y - a->y) * (by - ay) / (b->y - a->y);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it alive */
    }
  g_assert_not_reached ();
}

static void
click (Fixture *fixture,
       double   x,
       double   y,
       int      n_press)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "pressed", n_press, x, y);
  g_signal_emit_by_name (gesture, "released", n_press, x, y);
}

static void
hover (Fixture *fixture,
       double   x,
       double   y)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_MOTION);

  g_signal_emit_by_name (motion, "motion", x, y);
}

/* Presses a key through the view's key bindings; returns whether one
 * handled it. */
static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static gint64
selected (Fixture *fixture)
{
  return ag_graph_view_get_selected_actor (fixture->view);
}

static void
test_click_edges (Fixture       *fixture,
                  gconstpointer  data)
{
  const AgGeometryEdge *curve = ag_geometry_get_edge (fixture->geometry, 2);
  const AgGeometryEdge *straight = ag_geometry_get_edge (fixture->geometry, 0);
  AgPoint chord_middle = { (curve->points[0].x + curve->points[3].x) / 2,
                           (curve->points[0].y + curve->points[3].y) / 2 };
  double x, y, px, py;

  /* The middle of a straight edge, as the test sees it and as the view
   * reports it. */
  to_widget (fixture, bezier (straight->points, 0.5), &x, &y);
  g_assert_true (ag_graph_view_get_edge_point (fixture->view, 0, &px, &py));
  g_assert_cmpfloat (hypot (px - x, py - y), <, 1.0);
  g_assert_cmpint (ag_graph_view_node_at (fixture->view, x, y), ==, -1);
  click (fixture, x, y, 1);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, 0);
  g_assert_cmpint (selected (fixture), ==, 0);

  /* Two pixels off the line still hits it; fifteen do not. */
  click (fixture, x, y + 15, 1);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, -1);
  click (fixture, x, y + 2, 1);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, 0);

  /* The curve is hit where it is drawn, far below its chord. */
  to_widget (fixture, bezier (curve->points, 0.5), &x, &y);
  click (fixture, x, y, 1);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, 2);
  to_widget (fixture, (AgPoint) { chord_middle.x, chord_middle.y + 45 }, &x, &y);
  g_assert_cmpint (ag_graph_view_edge_at (fixture->view, x, y), ==, -1);
  /* Near its end, off the middle. */
  to_widget (fixture, bezier (curve->points, 0.2), &x, &y);
  g_assert_cmpint (ag_graph_view_edge_at (fixture->view, x, y), ==, 2);

  /* The arrowhead too. */
  {
    AgPoint base = curve->points[3], tip = curve->head;

    to_widget (fixture, (AgPoint) { base.x + (tip.x - base.x) * 0.6, base.y + (tip.y - base.y) * 0.6 }, &x, &y);
    ag_graph_view_select_edge (fixture->view, -1);
    click (fixture, x, y, 1);
    g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, 2);
  }

  /* Nodes come first, and a node clears the edge. The chord of the curve
   * passes through node 7. */
  to_widget (fixture, chord_middle, &x, &y);
  click (fixture, x, y, 1);
  g_assert_cmpint (selected (fixture), ==, 8);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, -1);

  /* An edge clears the node. */
  ag_graph_view_select_edge (fixture->view, 1);
  g_assert_cmpint (selected (fixture), ==, 0);

  /* Clicking nothing clears all. */
  to_widget (fixture, (AgPoint) { 100 + COLUMN_SPACING / 2, 100 + ROW_SPACING * 1.5 }, &x, &y);
  click (fixture, x, y, 1);
  g_assert_cmpint (selected (fixture), ==, 0);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, -1);
}

/* Shapes, not boxes: a box's corner is outside an ellipse. */
static void
test_click_shapes (Fixture       *fixture,
                   gconstpointer  data)
{
  const AgGeometryNode *country = ag_geometry_get_node (fixture->geometry, 0);
  const AgGeometryNode *organization = ag_geometry_get_node (fixture->geometry, 3);
  double x, y;

  /* Just inside the corner of the box around the ellipse. */
  to_widget (fixture, (AgPoint) { country->x + country->width / 2 - 2, country->y - country->height / 2 + 2 }, &x, &y);
  g_assert_cmpint (ag_graph_view_node_at (fixture->view, x, y), ==, -1);
  /* The same corner of a box is the box. */
  to_widget (fixture, (AgPoint) { organization->x + organization->width / 2 - 2,
                                  organization->y - organization->height / 2 + 2 }, &x, &y);
  g_assert_cmpint (ag_graph_view_node_at (fixture->view, x, y), ==, 3);

  to_widget (fixture, (AgPoint) { country->x, country->y }, &x, &y);
  click (fixture, x, y, 1);
  g_assert_cmpint (selected (fixture), ==, 1);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  double x, y;

  g_assert_cmpint (ag_graph_view_get_hovered_actor (fixture->view), ==, 0);
  for (guint i = 0; i < 9; i++)
    g_assert_false (ag_graph_view_is_highlighted (fixture->view, i));

  /* Node 3 has one edge, to 4. */
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 4, &x, &y));
  hover (fixture, x, y);
  g_assert_cmpint (ag_graph_view_get_hovered_actor (fixture->view), ==, 4);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (ag_graph_view_is_highlighted (fixture->view, i), ==, i == 3 || i == 4);
  wait_for_frame (fixture->view);

  /* Off the nodes, nothing is emphasised... */
  to_widget (fixture, (AgPoint) { 100 + COLUMN_SPACING / 2, 100 + ROW_SPACING * 1.5 }, &x, &y);
  hover (fixture, x, y);
  g_assert_cmpint (ag_graph_view_get_hovered_actor (fixture->view), ==, 0);
  g_assert_false (ag_graph_view_is_highlighted (fixture->view, 3));

  /* ...but the selection's neighbourhood, or an edge's ends. */
  ag_graph_view_select_actor (fixture->view, 2);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (ag_graph_view_is_highlighted (fixture->view, i), ==, i == 0 || i == 1);
  ag_graph_view_select_edge (fixture->view, 2);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpint (ag_graph_view_is_highlighted (fixture->view, i), ==, i == 6 || i == 8);
  wait_for_frame (fixture->view);
}

static void
stop_emission (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               const char       *signal)
{
  g_signal_stop_emission_by_name (gesture, signal);
}

/* A pinch zooms around where it is, and the drawing point there stays
 * put. Xvfb has no touch devices: the zoom gesture's own signals are
 * emitted, with the pointer standing in for the fingers. */
static void
test_pinch (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEventController *pinch = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_ZOOM);
  double zoom = ag_graph_view_get_zoom (fixture->view);
  double before_x, before_y, x, y;

  /* GTK's own handlers of these signals want the real event that set the
   * gesture off: they are kept out, after the view's have run. */
  g_signal_connect (pinch, "begin", G_CALLBACK (stop_emission), (gpointer) "begin");
  g_signal_connect (pinch, "end", G_CALLBACK (stop_emission), (gpointer) "end");

  /* Over actor 5, a little off its centre. */
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 5, &before_x, &before_y));
  hover (fixture, before_x + 10, before_y + 5);

  g_signal_emit_by_name (pinch, "begin", NULL);
  g_signal_emit_by_name (pinch, "scale-changed", 1.5);
  g_assert_cmpfloat_with_epsilon (ag_graph_view_get_zoom (fixture->view), zoom * 1.5, 1e-9);
  g_signal_emit_by_name (pinch, "scale-changed", 2.0);
  g_signal_emit_by_name (pinch, "end", NULL);
  g_assert_cmpfloat_with_epsilon (ag_graph_view_get_zoom (fixture->view), zoom * 2.0, 1e-9);

  /* The point under the pinch stayed: the node's centre, 10 and 5 pixels
   * away from it before, is twice as far now, on the same side. */
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 5, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, before_x + 10 - 20, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, before_y + 5 - 10, 1e-6);
  wait_for_frame (fixture->view);
}

static void
test_arrow_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Nothing selected: the node nearest the centre, which is node 4. */
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (selected (fixture), ==, 5);

  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (selected (fixture), ==, 6);
  /* Nothing further right: the selection stays. */
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (selected (fixture), ==, 6);
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  g_assert_cmpint (selected (fixture), ==, 3);
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_cmpint (selected (fixture), ==, 2);
  g_assert_true (press_key (fixture, GDK_KEY_KP_Down, 0));
  g_assert_cmpint (selected (fixture), ==, 5);
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  g_assert_cmpint (selected (fixture), ==, 8);
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_cmpint (selected (fixture), ==, 7);

  /* Escape clears; with nothing selected it is left to others. */
  g_assert_true (press_key (fixture, GDK_KEY_Escape, 0));
  g_assert_cmpint (selected (fixture), ==, 0);
  g_assert_false (press_key (fixture, GDK_KEY_Escape, 0));

  /* Ctrl and an arrow pan, and select nothing. */
  {
    double x0, y0, x1, y1;

    g_assert_true (ag_graph_view_get_node_position (fixture->view, 1, &x0, &y0));
    g_assert_true (press_key (fixture, GDK_KEY_Right, GDK_CONTROL_MASK));
    g_assert_true (ag_graph_view_get_node_position (fixture->view, 1, &x1, &y1));
    g_assert_cmpfloat (x1, <, x0 - 10);
    g_assert_cmpfloat_with_epsilon (y1, y0, 1e-6);
    g_assert_cmpint (selected (fixture), ==, 0);
  }
}

/* The node moved to comes into view. */
static void
test_arrow_scrolls (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  double x, y;

  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", FALSE, NULL);
  ag_graph_view_zoom_at (fixture->view, 3.0, gtk_widget_get_width (widget) / 2.0,
                         gtk_widget_get_height (widget) / 2.0);
  ag_graph_view_center_on_actor (fixture->view, 1);
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 2, &x, &y));
  g_assert_cmpfloat (x, >, gtk_widget_get_width (widget));

  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpint (selected (fixture), ==, 2);
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 2, &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (widget));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (widget));
  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", TRUE, NULL);
}

static void
test_tab (Fixture       *fixture,
          gconstpointer  data)
{
  GtkWidget *window = fixture->window;
  GtkWidget *view = GTK_WIDGET (fixture->view);

  gtk_widget_grab_focus (fixture->before);
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_cmpint (selected (fixture), ==, 0);

  /* Reading order: rows from the top, left to right, whatever the
   * jitter within a row. */
  for (gint64 actor = 1; actor <= 9; actor++)
    {
      g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
      g_assert_true (gtk_widget_has_focus (view));
      g_assert_cmpint (selected (fixture), ==, actor);
    }
  /* Past the last node, focus moves on. */
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (fixture->after));
  g_assert_cmpint (selected (fixture), ==, 9);

  /* Back in, and back through. */
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (selected (fixture), ==, 8);
  for (gint64 actor = 7; actor >= 1; actor--)
    {
      g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_BACKWARD));
      g_assert_cmpint (selected (fixture), ==, actor);
    }
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_has_focus (fixture->before));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  guint activated = 0;
  double x, y;

  g_signal_connect_swapped (fixture->view, "activated", G_CALLBACK (count_cb), &activated);

  /* Nothing selected: Enter is left to others. */
  g_assert_false (press_key (fixture, GDK_KEY_Return, 0));
  g_assert_cmpuint (activated, ==, 0);

  ag_graph_view_select_actor (fixture->view, 5);
  g_assert_true (press_key (fixture, GDK_KEY_Return, 0));
  g_assert_cmpuint (activated, ==, 1);
  g_assert_true (press_key (fixture, GDK_KEY_KP_Enter, 0));
  g_assert_cmpuint (activated, ==, 2);
  g_assert_true (press_key (fixture, GDK_KEY_space, 0));
  g_assert_cmpuint (activated, ==, 3);

  ag_graph_view_select_edge (fixture->view, 1);
  g_assert_true (press_key (fixture, GDK_KEY_Return, 0));
  g_assert_cmpuint (activated, ==, 4);

  /* A double click on an edge selects it and activates it. */
  to_widget (fixture, bezier (ag_geometry_get_edge (fixture->geometry, 0)->points, 0.5), &x, &y);
  click (fixture, x, y, 1);
  g_assert_cmpuint (activated, ==, 4);
  click (fixture, x, y, 2);
  g_assert_cmpuint (activated, ==, 5);
  g_assert_cmpint (ag_graph_view_get_selected_edge (fixture->view), ==, 0);

  /* On a node, the node. */
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 3, &x, &y));
  click (fixture, x, y, 2);
  g_assert_cmpuint (activated, ==, 6);
  g_assert_cmpint (selected (fixture), ==, 3);
}

static void
test_center_on_actor (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double x, y;

  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", FALSE, NULL);

  /* The whole graph in view and readable: the actor is selected where it
   * is, nothing moves. */
  {
    double before_x, before_y;

    g_assert_true (ag_graph_view_get_node_position (fixture->view, 5, &before_x, &before_y));
    ag_graph_view_center_on_actor (fixture->view, 5);
    g_assert_cmpint (selected (fixture), ==, 5);
    g_assert_true (ag_graph_view_get_node_position (fixture->view, 5, &x, &y));
    g_assert_cmpfloat_with_epsilon (x, before_x, 1e-6);
    g_assert_cmpfloat_with_epsilon (y, before_y, 1e-6);
  }

  /* Far out: labels would be unreadable. */
  ag_graph_view_zoom_at (fixture->view, 0.1, 0, 0);
  g_assert_cmpfloat (ag_graph_view_get_zoom (fixture->view) * AG_RENDERER_FONT_SIZE, <, AG_RENDERER_READABLE_SIZE);

  ag_graph_view_center_on_actor (fixture->view, 9);
  g_assert_cmpint (selected (fixture), ==, 9);
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 9, &x, &y));
  g_assert_cmpfloat (fabs (x - w / 2), <=, 1.0);
  g_assert_cmpfloat (fabs (y - h / 2), <=, 1.0);
  g_assert_cmpfloat (ag_graph_view_get_zoom (fixture->view) * AG_RENDERER_FONT_SIZE, >=, AG_RENDERER_READABLE_SIZE);

  /* Zoomed in further already, the zoom stays. */
  ag_graph_view_zoom_at (fixture->view, 2.0, 0, 0);
  {
    double zoom = ag_graph_view_get_zoom (fixture->view);

    ag_graph_view_center_on_actor (fixture->view, 1);
    g_assert_cmpfloat_with_epsilon (ag_graph_view_get_zoom (fixture->view), zoom, 1e-9);
    g_assert_true (ag_graph_view_get_node_position (fixture->view, 1, &x, &y));
    g_assert_cmpfloat (fabs (x - w / 2), <=, 1.0);
    g_assert_cmpfloat (fabs (y - h / 2), <=, 1.0);
  }
  wait_for_frame (fixture->view);

  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", TRUE, NULL);
}

/* The view as the screen would show it, drawn into an image. */
static cairo_surface_t *
draw_view (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
luminance_at (cairo_surface_t *surface,
              int              x,
              int              y)
{
  guint32 pixel = *(guint32 *) (gpointer) (cairo_image_surface_get_data (surface)
                                           + y * cairo_image_surface_get_stride (surface) + x * 4);

  return 0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.0722 * (pixel & 0xff);
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *light, *dark;
  double x, y;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frame (fixture->view);
  light = draw_view (fixture);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  wait_for_frame (fixture->view);
  dark = draw_view (fixture);

  /* The background, away from the drawing's nodes... */
  g_assert_cmpfloat (luminance_at (light, 20, 20), >, 200);
  g_assert_cmpfloat (luminance_at (dark, 20, 20), <, 60);
  /* ...and a node's fill, beside its label. */
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 1, &x, &y));
  g_assert_cmpfloat (luminance_at (dark, (int) x - 38, (int) y), <, luminance_at (light, (int) x - 38, (int) y) - 50);

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* Keyboard focus shows as a ring round the view. */
static void
test_focus_ring (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  int middle = gtk_widget_get_height (view) / 2;
  cairo_surface_t *focused, *unfocused;

  gtk_widget_grab_focus (view);
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);
  g_assert_true (gtk_widget_has_visible_focus (view));
  wait_for_frame (fixture->view);
  focused = draw_view (fixture);
  gtk_widget_grab_focus (fixture->before);
  wait_for_frame (fixture->view);
  unfocused = draw_view (fixture);

  g_assert_cmpfloat (luminance_at (unfocused, 2, middle), >, 200);
  g_assert_cmpfloat (luminance_at (focused, 2, middle), <, luminance_at (unfocused, 2, middle) - 20);
  cairo_surface_destroy (focused);

  /* Focused by a click, no ring; moving the selection by keys shows it,
   * though GTK keeps the focus invisible when keys do not move it. */
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), FALSE);
  click (fixture, 5, 5, 1);
  g_assert_true (gtk_widget_has_focus (view));
  wait_for_frame (fixture->view);
  focused = draw_view (fixture);
  g_assert_cmpfloat (luminance_at (focused, 2, middle), >, 200);
  cairo_surface_destroy (focused);
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  wait_for_frame (fixture->view);
  focused = draw_view (fixture);
  g_assert_cmpfloat (luminance_at (focused, 2, middle), <, luminance_at (unfocused, 2, middle) - 20);

  cairo_surface_destroy (focused);
  cairo_surface_destroy (unfocused);
}

/* A grid of @columns × @rows actors, @spacing apart, no edges. */
static AgGeometry *
make_big_grid (guint  columns,
               guint  rows,
               double spacing_x,
               double spacing_y)
{
  g_autoptr(AgGraph) graph = ag_graph_new_empty ();
  AgGeometry *geometry;

  for (guint i = 0; i < columns * rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("A%u", i);

      ag_graph_add_node (graph, i + 1, AG_ACTOR_ORGANIZATION, name);
    }
  /* Actor 1 is the busiest. */
  for (guint i = 1; i < columns * rows; i++)
    ag_graph_add_edge (graph, i, 0, AG_CLAIM_COOPERATES, i, 1, FALSE);
  ag_graph_measure (graph);

  geometry = ag_geometry_new (graph, "test", columns * spacing_x, rows * spacing_y);
  for (guint i = 0; i < columns * rows; i++)
    {
      AgGeometryNode *node = ag_geometry_edit_node (geometry, i);

      node->x = spacing_x / 2 + (i % columns) * spacing_x;
      node->y = spacing_y / 2 + (i / columns) * spacing_y;
      node->width = ag_graph_get_node (graph, i)->width;
      node->height = ag_graph_get_node (graph, i)->height;
    }
  return geometry;
}

static void
test_labels_give_way (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(AgGeometry) geometry = make_big_grid (8, 6, 100, 60);
  guint nodes, labels, auto_labels;
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  ag_graph_view_set_geometry (fixture->view, geometry);
  g_assert_cmpstr (ag_graph_view_get_label_density (fixture->view), ==, "auto");

  /* 100 %: every actor shows, with its label. */
  ag_graph_view_zoom_at (fixture->view, 1.0 / ag_graph_view_get_zoom (fixture->view), w / 2, h / 2);
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, &auto_labels);
  g_assert_cmpuint (nodes, >=, 48);
  g_assert_cmpuint (auto_labels, >=, 48);

  /* Few: the busiest, and the selection's neighbourhood in the overlay. */
  ag_graph_view_set_label_density (fixture->view, "few");
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, &labels);
  g_assert_cmpuint (nodes, >=, 48);
  g_assert_cmpuint (labels, >, 0);
  g_assert_cmpuint (labels, <, auto_labels);
  /* Ten of them, each in up to four tiles. */
  g_assert_cmpuint (labels, <=, 4 * 10);

  /* Far out: the nodes stay, their labels give way... */
  ag_graph_view_set_label_density (fixture->view, "auto");
  ag_graph_view_zoom_at (fixture->view, 0.4, w / 2, h / 2);
  g_assert_cmpfloat (ag_graph_view_get_zoom (fixture->view) * AG_RENDERER_FONT_SIZE, <, AG_RENDERER_READABLE_SIZE);
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, &labels);
  g_assert_cmpuint (nodes, >=, 48);
  g_assert_cmpuint (labels, ==, 0);

  /* ...unless all are asked for. */
  ag_graph_view_set_label_density (fixture->view, "all");
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, &labels);
  g_assert_cmpuint (labels, >=, 48);
}

static void
test_culling (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(AgGeometry) geometry = make_big_grid (30, 30, 110, 60);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  guint nodes;
  double x, y;

  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", FALSE, NULL);
  ag_graph_view_set_geometry (fixture->view, geometry);
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, NULL);
  g_assert_cmpuint (nodes, >=, 900);

  /* At 100 %, about 8 × 11 actors show: the view's tiles hold those and
   * the few that cross into them, not the 900. */
  ag_graph_view_center_on_actor (fixture->view, 465);
  ag_graph_view_zoom_at (fixture->view, 1.0 / ag_graph_view_get_zoom (fixture->view), w / 2, h / 2);
  g_assert_true (ag_graph_view_get_node_position (fixture->view, 1, &x, &y));
  g_assert_cmpfloat (x, <, -1000);
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, NULL);
  g_assert_cmpuint (nodes, >=, (guint) ((w / 110 - 1) * (h / 60 - 1)));
  g_assert_cmpuint (nodes, <=, 4 * (guint) ((w / 110 + 3) * (h / 60 + 3)));

  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", TRUE, NULL);
}

/* A graph too big to draw in a frame: its tiles come from the view's
 * thread, and the view goes away while one is being drawn. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(AgGraph) graph = ag_graph_new_empty ();
  g_autoptr(AgGeometry) geometry = NULL;
  guint columns = 60, rows = 50, n = columns * rows;
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  guint nodes, fitted_nodes;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);

      ag_graph_add_node (graph, i + 1, (AgActorKind) (i % AG_N_ACTOR_KINDS), name);
    }
  /* Long edges across the graph, as large layouts have. */
  for (guint i = 0; i < n; i++)
    ag_graph_add_edge (graph, i, (i * 7919 + 13) % n, (AgClaimKind) (i % AG_N_CLAIM_KINDS), i + 1, 1 + i % 4, i % 9 == 0);
  ag_graph_measure (graph);

  geometry = ag_geometry_new (graph, "test", columns * 120.0, rows * 60.0);
  for (guint i = 0; i < n; i++)
    {
      AgGeometryNode *node = ag_geometry_edit_node (geometry, i);

      node->x = 60 + (i % columns) * 120.0;
      node->y = 30 + (i / columns) * 60.0;
      node->width = ag_graph_get_node (graph, i)->width;
      node->height = ag_graph_get_node (graph, i)->height;
    }
  for (guint e = 0; e < ag_graph_get_n_edges (graph); e++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, e);

      set_straight_edge (geometry, e, edge->source, edge->target);
    }

  /* A small graph is drawn in the frame that first shows it; the first
   * frame of a large one does not wait for it: the tile thread draws it,
   * and later frames show it. */
  {
    g_autoptr(AgGeometry) small = make_grid ();

    ag_graph_view_set_geometry (fixture->view, small);
    wait_for_paint (fixture->view);
    g_assert_cmpuint (ag_graph_view_get_tiles_in_frame (fixture->view), >, 0);
  }
  ag_graph_view_set_geometry (fixture->view, geometry);
  wait_for_paint (fixture->view);
  g_assert_cmpuint (ag_graph_view_get_tiles_in_frame (fixture->view), ==, 0);
  wait_for_frame (fixture->view);
  ag_graph_view_get_draw_stats (fixture->view, &fitted_nodes, NULL, NULL);
  g_assert_cmpuint (fitted_nodes, >=, n);

  /* Zoomed in, the tiles are drawn afresh, and hold fewer nodes. */
  start = g_get_monotonic_time ();
  ag_graph_view_zoom_at (fixture->view, 4.0, w / 2, h / 2);
  wait_for_frame (fixture->view);
  g_test_message ("zoomed in and drawn in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  ag_graph_view_get_draw_stats (fixture->view, &nodes, NULL, NULL);
  g_assert_cmpuint (nodes, >, 0);
  g_assert_cmpuint (nodes, <, n);

  /* Selection and emphasis are drawn over the tiles, which stay. */
  ag_graph_view_select_actor (fixture->view, n / 2);
  wait_for_frame (fixture->view);
  g_assert_true (ag_graph_view_is_highlighted (fixture->view, n / 2 - 1));

  /* Away while a tile is being drawn. */
  ag_graph_view_zoom_at (fixture->view, 1.5, w / 2, h / 2);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Panning under the cairo renderer on X11 reuses the frames' memory
 * (src/gui/ag-frame-memory.c) rather than having the kernel fault in every page
 * of the window again each frame. Counted in page faults, not in time,
 * so that a loaded machine cannot flake it. A window of its own, with the
 * view alone, as bench/gui-pan has it. */
static void
test_frame_pool (void)
{
#ifdef HAVE_CAIRO_XLIB
  g_autoptr(AgGeometry) geometry = make_grid ();
  GtkWidget *window = gtk_window_new ();
  AgGraphView *view = AG_GRAPH_VIEW (ag_graph_view_new ());
  GtkNative *native = GTK_NATIVE (window);
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkSurface *surface;
  struct rusage before, after;
  int opcode, event, error;
  long window_pages, faults;
  const guint frames = 20;

#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer's allocator hands out fresh pages on purpose");
  gtk_window_destroy (GTK_WINDOW (window));
  return;
#endif
  if (!GDK_IS_X11_DISPLAY (display) ||
      !XQueryExtension (gdk_x11_display_get_xdisplay (display), "MIT-SHM", &opcode, &event, &error))
    {
      g_test_skip ("needs X11 with MIT-SHM");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ag_graph_view_set_geometry (view, geometry);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)) || gtk_widget_get_width (GTK_WIDGET (view)) < 600)
    g_main_context_iteration (NULL, TRUE);
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    {
      g_test_skip ("needs GSK_RENDERER=cairo");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  surface = gtk_native_get_surface (native);

  /* After each frame a round trip to the server, as the input events of
   * a real drag bring: cairo gives a pool back only once the server is
   * known to be done with it. The first frames set things up. */
  for (guint i = 0; i < 5; i++)
    {
      ag_graph_view_scroll_by (view, 3, 2);
      wait_for_frame (view);
      gdk_display_sync (display);
    }
  getrusage (RUSAGE_SELF, &before);
  for (guint i = 0; i < frames; i++)
    {
      ag_graph_view_scroll_by (view, i % 2 ? -3 : 3, 2);
      wait_for_frame (view);
      gdk_display_sync (display);
    }
  getrusage (RUSAGE_SELF, &after);

  window_pages = (long) gdk_surface_get_width (surface) * gdk_surface_get_height (surface) * 4 / 4096;
  faults = (after.ru_minflt - before.ru_minflt) / frames;
  g_test_message ("%ld page faults a frame; the window is %ld pages", faults, window_pages);
  g_assert_cmpint (faults, <, window_pages / 4);

  gtk_window_destroy (GTK_WINDOW (window));
#else
  g_test_skip ("built without cairo-xlib");
#endif
}

/* The renderer draws exactly the nodes whose boxes meet the clip. */
static void
test_renderer_culling (void)
{
  g_autoptr(AgGeometry) geometry = make_big_grid (20, 20, 110, 60);
  g_autoptr(AgRenderer) renderer = ag_renderer_new (geometry);
  AgGraph *graph = ag_geometry_get_graph (geometry);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  /* The clip, in points of the drawing: scale 2 from (500, 300). */
  double x0 = 500, y0 = 300, x1 = 500 + 400 / 2.0, y1 = 300 + 300 / 2.0;
  guint expected = 0, nodes, edges, labels;

  ag_renderer_set_screen (renderer, 1.0);
  ag_renderer_set_labels (renderer, AG_RENDERER_LABELS_AUTO);
  cairo_scale (cr, 2, 2);
  cairo_translate (cr, -x0, -y0);
  ag_renderer_draw (renderer, cr);
  ag_renderer_get_last_stats (renderer, &nodes, &edges, &labels);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      const AgGeometryNode *n = ag_geometry_get_node (geometry, i);
      double left = n->x - n->width / 2 + AG_RENDERER_MARGIN, right = n->x + n->width / 2 + AG_RENDERER_MARGIN;
      double top = n->y - n->height / 2 + AG_RENDERER_MARGIN, bottom = n->y + n->height / 2 + AG_RENDERER_MARGIN;

      expected += right >= x0 && left <= x1 && bottom >= y0 && top <= y1;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 400 / 4);
  g_assert_cmpuint (nodes, ==, expected);
  g_assert_cmpuint (labels, ==, expected);
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

#define ADD(path, func) \
  g_test_add ("/graph-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("click-edges", test_click_edges);
  ADD ("click-shapes", test_click_shapes);
  ADD ("hover", test_hover);
  ADD ("pinch", test_pinch);
  ADD ("arrow-keys", test_arrow_keys);
  ADD ("arrow-scrolls", test_arrow_scrolls);
  ADD ("tab", test_tab);
  ADD ("activate", test_activate);
  ADD ("center-on-actor", test_center_on_actor);
  ADD ("dark", test_dark);
  ADD ("focus-ring", test_focus_ring);
  ADD ("labels-give-way", test_labels_give_way);
  ADD ("culling", test_culling);
  ADD ("large", test_large);
  g_test_add_func ("/graph-view/renderer-culling", test_renderer_culling);
  g_test_add_func ("/graph-view/frame-pool", test_frame_pool);

#undef ADD

  return g_test_run ();
}
