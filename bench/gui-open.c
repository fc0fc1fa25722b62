/* gui-open.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opens a case in the real window and prints how long until the window is
 * shown and answers input, the longest the main loop was kept from running
 * while the case was laid out, how long the layout took, and memory.
 *
 *   GSK_RENDERER=cairo xvfb-run -a dbus-run-session -- \
 *     _build/bench/gui-open CASE.actorgraph
 *
 * GSETTINGS_SCHEMA_DIR must name the build's data directory. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "ag-graph.h"
#include "ag-window.h"

#define TICK_MS 5
/* The first frames of a new window (styles, fonts, the list) are not the
 * layout's doing: stalls after this are reported apart. */
#define SETTLE_MS 1000
/* How long a relayout (a filter change) is watched once it is asked for:
 * long enough for the snapshot, the graph's construction and the start of
 * the layout. */
#define RELAYOUT_WATCH_MS 3000

typedef struct
{
  gint64 start;
  gint64 shown;        /* first frame of the window painted */
  gint64 answered;     /* first idle after that: input would be handled */
  gint64 laid_out;
  gint64 last_tick;
  gint64 longest_gap;  /* between two ticks of a TICK_MS timeout */
  gint64 longest_at;   /* when it ended */
  gint64 longest_later; /* the longest once the window has settled */
  gint64 longest_shown; /* the longest that began after the first frame */
  AgWindow *window;
} Run;

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  if (run->shown == 0)
    run->shown = g_get_monotonic_time ();
}

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  if (run->last_tick != 0 && now - run->last_tick > run->longest_gap)
    {
      run->longest_gap = now - run->last_tick;
      run->longest_at = now;
    }
  if (run->answered != 0 && now - run->answered > SETTLE_MS * 1000 && run->last_tick != 0)
    run->longest_later = MAX (run->longest_later, now - run->last_tick);
  if (run->shown != 0 && run->last_tick >= run->shown)
    run->longest_shown = MAX (run->longest_shown, now - run->last_tick);
  run->last_tick = now;
  if (run->shown != 0 && run->answered == 0)
    run->answered = now;
  if (run->laid_out == 0 && ag_graph_view_get_geometry (ag_window_get_graph_view (run->window)) != NULL)
    run->laid_out = now;
  return G_SOURCE_CONTINUE;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? atol (line + strlen (field) + 1) : -1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgCase) kase = NULL;
  Run run = { 0 };
  gint64 opened;
  guint tick;

  if (argc != 2)
    {
      g_printerr ("usage: gui-open CASE.actorgraph\n");
      return 2;
    }
  gtk_init ();
  adw_init ();

  /* The case file, the window, its first frame: all counted. */
  run.start = g_get_monotonic_time ();
  file = g_file_new_for_commandline_arg (argv[1]);
  kase = ag_case_open (file, AG_CASE_OPEN_READ_ONLY, &error);
  if (kase == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();

  /* What the window does before each layout, timed on its own here and
   * left out of the figures below: the snapshot of the case on the main
   * thread, then the graph built from it in a worker thread. */
  {
    gint64 before = g_get_monotonic_time ();
    g_autoptr(AgCaseSnapshot) snapshot = ag_case_snapshot_new (kase);
    gint64 copied = g_get_monotonic_time ();
    g_autoptr(AgGraph) graph = ag_graph_new_from_snapshot (snapshot, NULL, NULL);
    gint64 built = g_get_monotonic_time ();

    printf ("case snapshot      %8.1f ms (main thread, on each relayout)\n",
            (copied - before) / 1000.0);
    printf ("graph built        %8.1f ms (%u nodes, %u edges; worker thread)\n",
            (built - copied) / 1000.0, ag_graph_get_n_nodes (graph), ag_graph_get_n_edges (graph));
    fflush (stdout);
    run.start += built - before;
    opened += built - before;
  }

  run.window = ag_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1280, 800);
  gtk_widget_realize (GTK_WIDGET (run.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (run.window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &run);
  ag_window_set_case (run.window, kase);
  gtk_window_present (GTK_WINDOW (run.window));
  tick = g_timeout_add (TICK_MS, tick_cb, &run);

  while (run.laid_out == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  printf ("actors %u claims %u\n",
          g_list_model_get_n_items (ag_case_get_actors (kase)),
          g_list_model_get_n_items (ag_case_get_claims (kase)));
  printf ("case opened        %8.1f ms\n", (opened - run.start) / 1000.0);
  printf ("window shown       %8.1f ms\n", (run.shown - run.start) / 1000.0);
  printf ("answers input      %8.1f ms\n", (run.answered - run.start) / 1000.0);
  printf ("laid out and drawn %8.1f ms\n", (run.laid_out - run.start) / 1000.0);
  printf ("longest main-loop stall while laying out %6.1f ms (ticks every %d ms), ending %.1f ms before the layout was shown\n",
          run.longest_gap / 1000.0, TICK_MS, (run.laid_out - run.longest_at) / 1000.0);
  printf ("longest stall from %d ms after the window answered until the layout was shown: %.1f ms\n",
          SETTLE_MS, run.longest_later / 1000.0);
  printf ("longest stall from the window's first frame until the layout was shown: %.1f ms\n",
          run.longest_shown / 1000.0);
  /* The layout's picture coming in: the view draws a large graph's tiles
   * in its own thread. */
  {
    AgGraphView *view = ag_window_get_graph_view (run.window);
    gint64 shown = g_get_monotonic_time ();

    run.longest_gap = 0;
    run.last_tick = 0;
    tick = g_timeout_add (TICK_MS, tick_cb, &run);
    while (!ag_graph_view_get_draw_stats (view, NULL, NULL, NULL))
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
    printf ("picture complete   %8.1f ms after the layout was shown; longest stall meanwhile %.1f ms\n",
            (g_get_monotonic_time () - shown) / 1000.0, run.longest_gap / 1000.0);
  }

  /* A filter change on the laid-out case: the window snapshots the case,
   * builds the graph in a thread and starts another layout. */
  {
    gint64 asked, until;

    run.longest_gap = 0;
    run.last_tick = 0;
    tick = g_timeout_add (TICK_MS, tick_cb, &run);
    while (run.last_tick == 0)
      g_main_context_iteration (NULL, TRUE);
    asked = g_get_monotonic_time ();
    gtk_widget_activate_action (GTK_WIDGET (run.window), "win.reset-filters", NULL);
    printf ("filter change handled in %.1f ms (main thread: the filters, the snapshot)\n",
            (g_get_monotonic_time () - asked) / 1000.0);
    until = asked + RELAYOUT_WATCH_MS * 1000;
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
    printf ("longest stall in the %d ms after a filter change (relayout of the whole case): %.1f ms, ending %.1f ms after it%s\n",
            RELAYOUT_WATCH_MS, run.longest_gap / 1000.0, (run.longest_at - asked) / 1000.0,
            ag_window_is_laying_out (run.window) ? "" : " (no layout was running: not a relayout)");
  }

  printf ("memory: resident %.1f MB, peak %.1f MB\n",
          status_kb ("VmRSS:") / 1024.0, status_kb ("VmHWM:") / 1024.0);

  gtk_window_destroy (GTK_WINDOW (run.window));
  return 0;
}
