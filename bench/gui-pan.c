/* gui-pan.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Frame times of the graph view while it pans and zooms a large graph.
 *
 *   gui-pan [-n ACTORS] [-f FRAMES] [-c CASE] [-W WIDTH] [-H HEIGHT]
 *
 * Lays out a generated graph (or a case's), shows it in a real window
 * and, frame after frame of the window's frame clock, pans and zooms the
 * view as the gestures do. A frame's time runs from the clock's
 * "before-paint" to its "after-paint", followed by a round trip to the
 * display server so that the server's share of the drawing (X11 draws
 * there) is counted. Run it under Xvfb with GSK_RENDERER=cairo; see
 * docs/benchmarks.md. */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "ag-case.h"
#include "ag-graph.h"
#include "ag-graph-view.h"
#include "ag-layout.h"

typedef enum
{
  PHASE_SETTLE,
  PHASE_PAN_FITTED,
  PHASE_ZOOM,
  PHASE_PAN_CLOSE,
  PHASE_DONE,
} Phase;

static const char * const phase_names[] = {
  [PHASE_PAN_FITTED] = "pan, whole graph in view",
  [PHASE_ZOOM]       = "zoom in bursts, and pan",
  [PHASE_PAN_CLOSE]  = "pan, zoomed in to 100 %",
};

typedef struct
{
  AgGraphView *view;
  GMainLoop   *loop;
  guint        frames_per_phase;
  Phase        phase;
  guint        frame;       /* within the phase */
  gint64       paint_start;
  gint64       last_after_paint;
  GArray      *times[PHASE_DONE];     /* (element-type double): ms of work */
  GArray      *intervals[PHASE_DONE]; /* ms between frames */
  guint        complete[PHASE_DONE];  /* frames that showed all, sharp */
} Bench;

static AgGraph *
generate_graph (guint n_actors)
{
  static const char * const words[] = { "Alpha", "Bravo", "Charlie Delta", "Echo" };
  AgGraph *graph = ag_graph_new_empty ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_actors);
  guint countries = MAX (3, n_actors / 20);
  gint64 claim = 1;

  /* As bench/gen-graph-case.py: countries as hubs, three claims an
   * actor, the first of them to a country. */
  for (guint i = 0; i < n_actors; i++)
    {
      AgActorKind kind = i < countries ? AG_ACTOR_COUNTRY
                                       : (AgActorKind) g_rand_int_range (rand, AG_ACTOR_ALLIANCE, AG_N_ACTOR_KINDS);
      g_autofree char *name = g_strdup_printf ("%s %u %s", ag_actor_kind_to_string (kind), i,
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

      ag_graph_add_node (graph, i + 1, kind, name);
    }
  for (guint i = 0; i < n_actors; i++)
    for (guint k = 0; k < 3; k++)
      {
        guint j = k == 0 ? (guint) g_rand_int_range (rand, 0, countries)
                         : (guint) g_rand_int_range (rand, 0, n_actors);

        if (j != i)
          ag_graph_add_edge (graph, i, j, (AgClaimKind) g_rand_int_range (rand, 0, AG_N_CLAIM_KINDS),
                             claim++, 1 + g_rand_int_range (rand, 0, 3), FALSE);
      }
  return graph;
}

static AgGraph *
open_graph (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = ag_case_open (file, AG_CASE_OPEN_READ_ONLY, &error);
  AgGraph *graph;

  if (kase == NULL)
    g_error ("%s: %s", path, error->message);
  graph = ag_graph_new (kase, NULL, &error);
  if (graph == NULL)
    g_error ("%s: %s", path, error->message);
  ag_case_close (kase);
  return graph;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_row (const char *name,
           GArray     *times,
           GArray     *intervals,
           guint       complete)
{
  double median, p95, max, interval;

  if (times->len == 0)
    return;
  g_array_sort (times, compare_doubles);
  g_array_sort (intervals, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.95)));
  max = g_array_index (times, double, times->len - 1);
  interval = intervals->len > 0 ? g_array_index (intervals, double, intervals->len / 2) : 0;
  g_print ("%-28s %7u %9.2f %9.2f %9.2f %9.2f %8.0f\n", name, times->len, median, p95, max, interval,
           100.0 * complete / times->len);
}

/* One step of the script, in the frame clock's update phase. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  AgGraphView *view = bench->view;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint f = bench->frame;
  gboolean in = f < bench->frames_per_phase / 2;

  if (bench->phase == PHASE_DONE)
    return G_SOURCE_REMOVE;

  switch (bench->phase)
    {
    case PHASE_SETTLE:
      break;

    case PHASE_PAN_FITTED:
      /* Back and forth, 6 px a frame. */
      ag_graph_view_scroll_by (view, (f / 40) % 2 == 0 ? 6.0 : -6.0, (f / 40) % 2 == 0 ? 3.0 : -3.0);
      break;

    case PHASE_ZOOM:
      /* Ten steps of 6 % at a point, as a flick of the wheel does,
       * then half a second of panning while the new zoom is drawn: in
       * for the first half of the phase, out for the second. */
      if (f % 40 < 10)
        ag_graph_view_zoom_at (view, in ? 1.06 : 1 / 1.06, width * 0.4, height * 0.6);
      else
        ag_graph_view_scroll_by (view, 5.0, in ? 3.0 : -3.0);
      break;

    case PHASE_PAN_CLOSE:
      if (f == 0)
        ag_graph_view_zoom_at (view, 1.0 / ag_graph_view_get_zoom (view), width / 2, height / 2);
      else
        ag_graph_view_scroll_by (view, (f / 40) % 2 == 0 ? 9.0 : -9.0, (f / 60) % 2 == 0 ? 4.0 : -4.0);
      break;

    case PHASE_DONE:
      break;
    }

  bench->frame++;
  /* A few frames to show the fitted graph first. */
  if (bench->frame >= (bench->phase == PHASE_SETTLE ? 10 : bench->frames_per_phase))
    {
      bench->phase++;
      bench->frame = 0;
      if (bench->phase == PHASE_ZOOM)
        ag_graph_view_zoom_to_fit (view);
    }
  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  GtkWidget *widget = GTK_WIDGET (bench->view);
  gint64 now;
  /* The phase whose step this frame drew (tick_cb may have moved on). */
  Phase phase = bench->frame == 0 && bench->phase > PHASE_SETTLE ? bench->phase - 1 : bench->phase;

  gdk_display_sync (gtk_widget_get_display (widget));
  now = g_get_monotonic_time ();

  if (phase != PHASE_SETTLE && phase != PHASE_DONE && bench->paint_start != 0)
    {
      double ms = (now - bench->paint_start) / 1000.0;

      g_array_append_val (bench->times[phase], ms);
      bench->complete[phase] += ag_graph_view_get_draw_stats (bench->view, NULL, NULL, NULL);
      if (bench->last_after_paint != 0)
        {
          double interval = (now - bench->last_after_paint) / 1000.0;

          g_array_append_val (bench->intervals[phase], interval);
        }
    }
  bench->last_after_paint = now;

  if (bench->phase == PHASE_DONE)
    g_main_loop_quit (bench->loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(AgGraph) graph = NULL;
  g_autoptr(AgLayout) layout = NULL;
  g_autoptr(AgGeometry) geometry = NULL;
  g_autoptr(GArray) all_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *case_path = NULL;
  int n_actors = 5000;
  int frames = 300;
  int width = 1280;
  int height = 800;
  GOptionEntry entries[] = {
    { "actors", 'n', 0, G_OPTION_ARG_INT, &n_actors, "Actors of the generated graph (5000)", "N" },
    { "frames", 'f', 0, G_OPTION_ARG_INT, &frames, "Frames of each phase (300)", "N" },
    { "case", 'c', 0, G_OPTION_ARG_FILENAME, &case_path, "Show this case's graph instead", "CASE" },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, "Window width (1280)", "PX" },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, "Window height (800)", "PX" },
    { NULL }
  };
  GtkWidget *window;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  guint all_complete = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  options = g_option_context_new (NULL);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("gui-pan: no display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();

  start = g_get_monotonic_time ();
  graph = case_path != NULL ? open_graph (case_path) : generate_graph (MAX (n_actors, 2));
  layout = ag_layout_new (AG_LAYOUT_ENGINE_AUTO);
  geometry = ag_layout_compute (layout, graph, NULL, &error);
  if (geometry == NULL)
    g_error ("layout: %s", error->message);
  g_print ("%u actors, %u edges, laid out by %s in %.1f s; window %d x %d, GSK_RENDERER=%s\n",
           ag_graph_get_n_nodes (graph), ag_graph_get_n_edges (graph), ag_geometry_get_engine (geometry),
           (g_get_monotonic_time () - start) / 1e6, width, height,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.frames_per_phase = MAX (frames, 10);
  for (guint p = 0; p < PHASE_DONE; p++)
    {
      bench.times[p] = g_array_new (FALSE, FALSE, sizeof (double));
      bench.intervals[p] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  bench.view = AG_GRAPH_VIEW (ag_graph_view_new ());
  ag_graph_view_set_geometry (bench.view, geometry);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.view)) || gtk_widget_get_width (GTK_WIDGET (bench.view)) == 0)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.view));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.view), tick_cb, &bench, NULL);
  g_main_loop_run (bench.loop);
  /* Later frames count for no phase. */
  bench.frame = 1;

  g_print ("%-28s %7s %9s %9s %9s %9s %8s\n", "phase", "frames", "median", "p95", "max", "interval", "sharp %");
  for (guint p = PHASE_PAN_FITTED; p < PHASE_DONE; p++)
    {
      g_array_append_vals (all_times, bench.times[p]->data, bench.times[p]->len);
      g_array_append_vals (all_intervals, bench.intervals[p]->data, bench.intervals[p]->len);
      print_row (phase_names[p], bench.times[p], bench.intervals[p], bench.complete[p]);
      all_complete += bench.complete[p];
    }
  print_row ("all", all_times, all_intervals, all_complete);
  g_print ("(milliseconds: a frame's work from before-paint to after-paint and a display round "
           "trip; interval: median time between frames; sharp: frames that showed the whole "
           "picture drawn at their zoom, not a scaled one)\n");

  /* How long the picture stays scaled after a zoom, while nothing else
   * happens: until a frame shows it drawn at the new zoom. */
  {
    static const double zooms[] = { 0.2, 0.5, 1.0 };
    GtkWidget *widget = GTK_WIDGET (bench.view);

    for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
      {
        gint64 zoomed;

        ag_graph_view_zoom_at (bench.view, zooms[i] / ag_graph_view_get_zoom (bench.view),
                               gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
        zoomed = g_get_monotonic_time ();
        do
          g_main_context_iteration (NULL, TRUE);
        while (bench.last_after_paint <= zoomed ||
               !ag_graph_view_get_draw_stats (bench.view, NULL, NULL, NULL));
        g_print ("zoomed to %.0f %%: sharp after %.0f ms\n", zooms[i] * 100,
                 (g_get_monotonic_time () - zoomed) / 1000.0);
      }
  }

  g_signal_handlers_disconnect_by_data (clock, &bench);
  for (guint p = 0; p < PHASE_DONE; p++)
    {
      g_array_unref (bench.times[p]);
      g_array_unref (bench.intervals[p]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (bench.loop);
  return 0;
}
