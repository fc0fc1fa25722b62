/* ag-graph-view.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-graph-view"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ag-graph.h"
#include "ag-graph-view.h"
#include "ag-renderer.h"
#include "ag-frame-memory.h"

/* AgGraphView: the laid-out graph, drawn by the same renderer as the
 * exports.
 *
 * The view is a centre point in drawing coordinates (points) and a zoom
 * (pixels per point). It fits the drawing until the user zooms or pans,
 * zooms around the pointer or the pinch, pans by dragging and by keys,
 * selects the node or the edge under a click, emphasises the neighbours
 * of the node under the pointer, and moves the selection by Tab and the
 * arrow keys.
 *
 * Drawing a large graph takes far longer than a frame (every edge is a
 * stroke, and thousands cross the view when it shows much of the graph),
 * so the picture is kept. The renderer's base layer (the graph without
 * selection or emphasis) is drawn into tiles of TILE_SIZE device pixels at
 * one zoom, a "level"; panning only shows tiles again and draws those
 * that come into view. While the zoom changes, the last level is shown
 * scaled, over the overview (the whole drawing at the zoom that fits it),
 * and a level at the new zoom is drawn once the zoom settles, by a thread
 * of its own, the tiles nearest the centre first, then those round the
 * view. Large graphs have their overview drawn by that thread too, the
 * part in view first, so that a new layout never holds a frame. Graphs
 * that draw quickly skip the waiting and the thread: their tiles are
 * drawn in the frame. The overlay (the emphasis, the selection) is drawn
 * afresh every frame over the tiles. */

#define MIN_ZOOM        0.02
#define MAX_ZOOM        8.0
/* centre_on_actor() zooms in to this when the labels are unreadable. */
#define CENTRE_ZOOM     1.0
#define TILE_SIZE       256
/* How near (pixels) a click must come to an edge, and a node's slack. */
#define EDGE_SLACK      4.0
#define NODE_SLACK      3.0
/* The margin kept round a node moved to by the keyboard. */
#define SCROLL_MARGIN   24.0
/* How long the zoom must stay still before a level is drawn at it, and
 * how long the last whole level may have taken to draw for the next to
 * be drawn at once, in the frame. */
#define SETTLE_US       (100 * G_TIME_SPAN_MILLISECOND)
#define FRAME_BUDGET_US (6 * G_TIME_SPAN_MILLISECOND)
#define ANIMATION_MS    300
/* Graphs with this many nodes and edges together have even their overview
 * drawn by the tile thread: drawn in the frame, 5,000 actors held the
 * window for 250–400 ms when their layout arrived. */
#define LARGE_GRAPH_ITEMS 2000
/* Tiles asked of the tile thread at a time: one, so that the frames keep
 * the other core. */
#define MAX_IN_FLIGHT   1

typedef struct
{
  cairo_surface_t *surface;  /* NULL where the tile holds nothing */
  GdkTexture      *texture;  /* of the surface, for GPU renderers */
  guint            stats[3]; /* nodes, edges and labels drawn into it */
} Tile;

typedef struct
{
  guint64     serial;    /* names it to the tile thread */
  double      zoom;      /* pixels per point */
  int         scale;     /* device pixels per pixel */
  gboolean    textures;  /* tiles go to the renderer as textures */
  GHashTable *tiles;     /* packed (tx, ty) → Tile */
  GHashTable *pending;   /* the keys of tiles asked of the tile thread */
  gint64      cost;      /* µs spent drawing it */
} Level;

struct _AgGraphView
{
  GtkWidget     parent_instance;

  AgGeometry   *geometry;
  AgRenderer   *renderer;
  char         *label_density;

  double        cx;        /* the drawing point at the widget's centre */
  double        cy;
  double        zoom;
  gboolean      fitted;    /* keep fitting on resize until the user moves */
  double        drag_cx;
  double        drag_cy;
  double        drag_offset_x;
  double        drag_offset_y;
  gboolean      dragging;
  gboolean      pinching;
  double        pinch_zoom;
  double        pinch_x;   /* the drawing point under the pinch */
  double        pinch_y;

  gint64        selected;      /* actor id, 0 for none */
  gint          selected_node; /* its node, or -1 */
  gint          selected_edge; /* edge index, -1 for none */
  gint          hovered;       /* node index, -1 for none */

  double        pointer_x; /* where the pointer is, for zooming around it */
  double        pointer_y;
  gboolean      has_pointer;
  gboolean      keyboard;  /* the last input was keys in the view */

  /* The kept picture. */
  Level        *overview;
  Level        *current;
  Level        *previous;
  gint64        zoom_changed;   /* when the zoom last changed */
  gint64        level_cost;     /* µs the last whole level took */
  gboolean      overview_in_thread; /* a large graph's: never drawn in a frame */
  guint         tiles_in_frame; /* drawn by the last frame itself */
  guint         stats[3];
  gboolean      complete;       /* the last frame showed all at its zoom */
  guint         refine_source;

  /* The thread that draws tiles of large graphs, with a renderer of its
   * own; MAX_IN_FLIGHT tiles are asked of it at a time. */
  GThread      *worker;
  GAsyncQueue  *jobs;
  AgRenderer   *worker_renderer;
  guint         in_flight;

  guint        *order;         /* nodes in reading order, lazily */
  guint        *rank;          /* each node's place in it */

  AdwAnimation *animation;
  double        from_cx, from_cy, from_zoom;
  double        to_cx, to_cy, to_zoom;
  double        dip;
};

G_DEFINE_FINAL_TYPE (AgGraphView, ag_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GEOMETRY,
  PROP_SELECTED_ACTOR,
  PROP_SELECTED_EDGE,
  PROP_HOVERED_ACTOR,
  PROP_LABEL_DENSITY,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_emphasis (AgGraphView *self);
static void select_node (AgGraphView *self,
                         gint         node);

/* Coordinates */

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

static AgGraph *
get_graph (AgGraphView *self)
{
  return self->geometry != NULL ? ag_geometry_get_graph (self->geometry) : NULL;
}

static guint
n_nodes (AgGraphView *self)
{
  return self->geometry != NULL ? ag_graph_get_n_nodes (get_graph (self)) : 0;
}

/* The kept picture */

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_object (&tile->texture);
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
  g_free (tile);
}

static Level *
level_new (double   zoom,
           int      scale,
           gboolean textures)
{
  static guint64 serial;
  Level *level = g_new0 (Level, 1);

  level->serial = ++serial;
  level->zoom = zoom;
  level->scale = scale;
  level->textures = textures;
  level->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, tile_free);
  level->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return level;
}

static void
level_free (Level *level)
{
  g_hash_table_unref (level->tiles);
  g_hash_table_unref (level->pending);
  g_free (level);
}

static void
clear_levels (AgGraphView *self)
{
  if (self->previous == self->overview)
    self->previous = NULL;
  if (self->current == self->overview)
    self->current = NULL;
  g_clear_pointer (&self->previous, level_free);
  g_clear_pointer (&self->current, level_free);
  g_clear_pointer (&self->overview, level_free);
}

/* Forgets the picture, when what it shows changes. */
static void
invalidate (AgGraphView *self)
{
  clear_levels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gint64
tile_key (int tx,
          int ty)
{
  return (gint64) (((guint64) (guint32) tx << 32) | (guint32) ty);
}

/* Draws the base layer of tile (tx, ty) at @zoom, on any thread, with a
 * renderer that thread alone uses. Returns NULL for tiles beyond the
 * drawing. */
static cairo_surface_t *
draw_tile (AgRenderer *renderer,
           double      zoom,
           int         scale,
           gboolean    textures,
           int         tx,
           int         ty,
           guint       stats[3])
{
  double device = zoom * scale;
  double x0 = tx * (double) TILE_SIZE / device;
  double y0 = ty * (double) TILE_SIZE / device;
  double x1 = (tx + 1) * (double) TILE_SIZE / device;
  double y1 = (ty + 1) * (double) TILE_SIZE / device;
  double width, height;
  cairo_surface_t *surface;
  guint32 background;
  cairo_t *cr;

  memset (stats, 0, 3 * sizeof (guint));
  ag_renderer_get_size (renderer, &width, &height);
  if (x1 < 0 || y1 < 0 || x0 > width || y0 > height)
    return NULL;

  /* Opaque tiles copy faster, on the screen of the cairo renderer; GDK
   * 4.8 textures have no format without alpha. */
  surface = cairo_image_surface_create (textures ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        TILE_SIZE, TILE_SIZE);
  cr = cairo_create (surface);
  background = ag_renderer_get_background (renderer);
  cairo_set_source_rgb (cr, (background >> 24) / 255.0, ((background >> 16) & 0xff) / 255.0,
                        ((background >> 8) & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_translate (cr, -tx * TILE_SIZE, -ty * TILE_SIZE);
  cairo_scale (cr, device, device);
  ag_renderer_set_screen (renderer, scale);
  ag_renderer_draw_layer (renderer, cr, AG_RENDERER_LAYER_BASE);
  ag_renderer_get_last_stats (renderer, &stats[0], &stats[1], &stats[2]);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

/* Keeps a drawn tile in @level. */
static void
add_tile (Level           *level,
          int              tx,
          int              ty,
          cairo_surface_t *surface,
          const guint      stats[3])
{
  Tile *tile = g_new0 (Tile, 1);

  memcpy (tile->stats, stats, sizeof tile->stats);
  tile->surface = surface;
  if (surface != NULL && level->textures)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                            cairo_image_surface_get_stride (surface) * TILE_SIZE,
                                                            (GDestroyNotify) cairo_surface_destroy,
                                                            cairo_surface_reference (surface));

      tile->texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                              cairo_image_surface_get_stride (surface));
    }
  g_hash_table_insert (level->tiles, g_memdup2 (&(gint64) { tile_key (tx, ty) }, sizeof (gint64)), tile);
}

/* Draws tile (tx, ty) of @level here and now. */
static void
render_tile (AgGraphView *self,
             Level       *level,
             int          tx,
             int          ty)
{
  gint64 start = g_get_monotonic_time ();
  guint stats[3];
  cairo_surface_t *surface = draw_tile (self->renderer, level->zoom, level->scale, level->textures,
                                        tx, ty, stats);

  add_tile (level, tx, ty, surface, stats);
  level->cost += g_get_monotonic_time () - start;
  self->tiles_in_frame++;
}

/* The tile thread */

typedef struct
{
  GWeakRef         view;
  AgRenderer      *renderer;  /* NULL: the thread ends */
  guint64          level;
  double           zoom;
  int              scale;
  gboolean         textures;
  int              tx;
  int              ty;
  cairo_surface_t *surface;
  guint            stats[3];
  gint64           cost;
} Job;

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->renderer);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

static Level *
find_level (AgGraphView *self,
            guint64      serial)
{
  Level *levels[3] = { self->current, self->previous, self->overview };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (levels[i] != NULL && levels[i]->serial == serial)
      return levels[i];
  return NULL;
}

/* Back on the main thread: keeps the tile if its level still is. */
static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  g_autoptr(AgGraphView) self = g_weak_ref_get (&job->view);
  Level *level;

  if (self != NULL && job->renderer == self->worker_renderer)
    {
      gint64 key = tile_key (job->tx, job->ty);

      self->in_flight--;
      level = find_level (self, job->level);
      if (level != NULL)
        g_hash_table_remove (level->pending, &key);
      if (level != NULL && !g_hash_table_contains (level->tiles, &key))
        {
          add_tile (level, job->tx, job->ty, g_steal_pointer (&job->surface), job->stats);
          level->cost += job->cost;
        }
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  job_free (job);
  return G_SOURCE_REMOVE;
}

static gpointer
worker_main (gpointer data)
{
  g_autoptr(GAsyncQueue) jobs = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (jobs);
      gint64 start;

      if (job->renderer == NULL)
        {
          job_free (job);
          return NULL;
        }
      start = g_get_monotonic_time ();
      job->surface = draw_tile (job->renderer, job->zoom, job->scale, job->textures,
                                job->tx, job->ty, job->stats);
      job->cost = g_get_monotonic_time () - start;
      g_idle_add_full (G_PRIORITY_DEFAULT, job_done_cb, job, NULL);
    }
}

static void
stop_worker (AgGraphView *self)
{
  if (self->worker != NULL)
    {
      g_async_queue_push (self->jobs, g_new0 (Job, 1));
      g_thread_join (g_steal_pointer (&self->worker));
    }
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  self->in_flight = 0;
}

/* When the look changes: tiles asked of the tile thread's renderer are
 * dropped when they come back. */
static void
drop_worker_renderer (AgGraphView *self)
{
  g_clear_object (&self->worker_renderer);
  self->in_flight = 0;
}

/* A renderer for the tile thread, with the view's look. */
static void
replace_worker_renderer (AgGraphView *self)
{
  drop_worker_renderer (self);
  if (self->renderer == NULL)
    return;
  self->worker_renderer = ag_renderer_new (ag_renderer_get_geometry (self->renderer));
  ag_renderer_set_dark (self->worker_renderer, ag_renderer_get_dark (self->renderer));
  ag_renderer_set_labels (self->worker_renderer, ag_renderer_get_labels (self->renderer));
}

/* Asks the tile thread for tile (tx, ty) of @level. */
static void
request_tile (AgGraphView *self,
              Level       *level,
              int          tx,
              int          ty)
{
  Job *job = g_new0 (Job, 1);

  if (self->worker == NULL)
    {
      self->jobs = g_async_queue_new ();
      self->worker = g_thread_new ("ag-graph-tiles", worker_main, g_async_queue_ref (self->jobs));
    }
  if (self->worker_renderer == NULL)
    replace_worker_renderer (self);

  g_weak_ref_init (&job->view, self);
  job->renderer = g_object_ref (self->worker_renderer);
  job->level = level->serial;
  job->zoom = level->zoom;
  job->scale = level->scale;
  job->textures = level->textures;
  job->tx = tx;
  job->ty = ty;
  self->in_flight++;
  g_hash_table_add (level->pending, g_memdup2 (&(gint64) { tile_key (tx, ty) }, sizeof (gint64)));
  g_async_queue_push (self->jobs, job);
}

/* Where the drawing's origin is, in device pixels from the widget's top
 * left: whole pixels, so that tiles at the zoom shown fall on pixels. */
static void
get_origin (AgGraphView *self,
            int          scale,
            double      *ox,
            double      *oy)
{
  GtkWidget *widget = GTK_WIDGET (self);

  *ox = round ((gtk_widget_get_width (widget) / 2.0 - self->cx * self->zoom) * scale);
  *oy = round ((gtk_widget_get_height (widget) / 2.0 - self->cy * self->zoom) * scale);
}

/* The tiles of @level that the widget shows, grown by @ring tiles. */
static void
get_tile_range (AgGraphView *self,
                Level       *level,
                int          ring,
                int         *tx0,
                int         *ty0,
                int         *tx1,
                int         *ty1)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double k = self->zoom / level->zoom;
  double ox, oy;

  get_origin (self, level->scale, &ox, &oy);
  *tx0 = (int) floor ((0 - ox) / k / TILE_SIZE) - ring;
  *ty0 = (int) floor ((0 - oy) / k / TILE_SIZE) - ring;
  *tx1 = (int) floor ((gtk_widget_get_width (widget) * level->scale - ox) / k / TILE_SIZE) + ring;
  *ty1 = (int) floor ((gtk_widget_get_height (widget) * level->scale - oy) / k / TILE_SIZE) + ring;
}

/* Finds the missing tile of @level in the range nearest its middle.
 * Returns whether there is one. */
static gboolean
find_missing (Level *level,
              int    tx0,
              int    ty0,
              int    tx1,
              int    ty1,
              int   *x,
              int   *y)
{
  double mx = (tx0 + tx1) / 2.0, my = (ty0 + ty1) / 2.0;
  double best_distance = G_MAXDOUBLE;

  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        double distance = hypot (tx - mx, ty - my);

        gint64 key = tile_key (tx, ty);

        if (distance < best_distance && !g_hash_table_contains (level->tiles, &key) &&
            !g_hash_table_contains (level->pending, &key))
          {
            best_distance = distance;
            *x = tx;
            *y = ty;
          }
      }
  return best_distance < G_MAXDOUBLE;
}

/* Draws the missing tiles of @level in the range here and now. */
static void
fill_tiles (AgGraphView *self,
            Level       *level,
            int          tx0,
            int          ty0,
            int          tx1,
            int          ty1)
{
  int tx, ty;

  while (find_missing (level, tx0, ty0, tx1, ty1, &tx, &ty))
    render_tile (self, level, tx, ty);
}

/* Drops the tiles of @level far from the view. */
static void
trim_level (AgGraphView *self,
            Level       *level)
{
  GHashTableIter iter;
  gpointer key, value;
  int tx0, ty0, tx1, ty1;
  guint keep;

  get_tile_range (self, level, 2, &tx0, &ty0, &tx1, &ty1);
  keep = (guint) ((tx1 - tx0 + 1) * (ty1 - ty0 + 1));
  if (g_hash_table_size (level->tiles) <= 2 * keep)
    return;

  g_hash_table_iter_init (&iter, level->tiles);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 packed = *(gint64 *) key;
      int tx = (gint32) (guint32) ((guint64) packed >> 32), ty = (gint32) (guint32) (packed & 0xffffffff);

      if (tx < tx0 || tx > tx1 || ty < ty0 || ty > ty1)
        g_hash_table_iter_remove (&iter);
    }
}

/* Whether @level has every tile the view shows. */
static gboolean
covers_view (AgGraphView *self,
             Level       *level)
{
  int tx0, ty0, tx1, ty1;

  get_tile_range (self, level, 0, &tx0, &ty0, &tx1, &ty1);
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      if (!g_hash_table_contains (level->tiles, &(gint64) { tile_key (tx, ty) }))
        return FALSE;
  return TRUE;
}

/* Shows the tiles of @level that exist in the view: as textures to
 * @snapshot, or painted on @cr for the cairo renderer. Counts them into
 * the frame's figures when @count. */
static void
show_tiles (AgGraphView   *self,
            GtkSnapshot   *snapshot,
            cairo_t       *cr,
            Level         *level,
            int            scale,
            const GdkRGBA *background,
            gboolean       count)
{
  double k = self->zoom / level->zoom;
  double size = TILE_SIZE * k / scale;
  double ox, oy;
  int tx0, ty0, tx1, ty1;

  get_origin (self, scale, &ox, &oy);
  get_tile_range (self, level, 0, &tx0, &ty0, &tx1, &ty1);
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        Tile *tile = g_hash_table_lookup (level->tiles, &(gint64) { tile_key (tx, ty) });
        double x = (tx * TILE_SIZE * k + ox) / scale;
        double y = (ty * TILE_SIZE * k + oy) / scale;

        if (tile == NULL)
          continue;
        if (count)
          for (guint i = 0; i < 3; i++)
            self->stats[i] += tile->stats[i];

        if (tile->surface == NULL)
          {
            /* Beyond the drawing. */
            if (cr == NULL)
              gtk_snapshot_append_color (snapshot, background, &GRAPHENE_RECT_INIT (x, y, size, size));
            else
              {
                gdk_cairo_set_source_rgba (cr, background);
                cairo_rectangle (cr, x, y, size, size);
                cairo_fill (cr);
              }
            continue;
          }

        if (cr == NULL)
          {
            gtk_snapshot_append_texture (snapshot, tile->texture, &GRAPHENE_RECT_INIT (x, y, size, size));
            continue;
          }

        cairo_save (cr);
        cairo_rectangle (cr, x, y, size, size);
        cairo_clip (cr);
        cairo_translate (cr, x, y);
        cairo_scale (cr, k, k);
        cairo_set_source_surface (cr, tile->surface, 0, 0);
        if (k != 1.0)
          {
            /* No seams between tiles scaled while the zoom changes. */
            cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
          }
        cairo_paint (cr);
        cairo_restore (cr);
      }
}

static gboolean
refine_cb (gpointer user_data)
{
  AgGraphView *self = user_data;

  self->refine_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static double
fit_zoom (AgGraphView *self)
{
  double width, height;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  ag_renderer_get_size (self->renderer, &width, &height);
  return CLAMP (MIN (w / MAX (width, 1.0), h / MAX (height, 1.0)), MIN_ZOOM, 1.5);
}

/* How many tiles the overview has across and down. */
static void
get_overview_size (AgGraphView *self,
                   int         *columns,
                   int         *rows)
{
  double width, height;

  ag_renderer_get_size (self->renderer, &width, &height);
  *columns = MAX ((int) ceil (width * self->overview->zoom * self->overview->scale / TILE_SIZE), 1);
  *rows = MAX ((int) ceil (height * self->overview->zoom * self->overview->scale / TILE_SIZE), 1);
}

/* Makes sure there is a level at the zoom shown once the zoom settles,
 * and has its tiles drawn: here and now when the graph draws quickly,
 * by the tile thread when not, nearest the centre first, then those
 * round the view. */
static void
update_levels (AgGraphView *self,
               int          scale,
               gboolean     textures)
{
  gint64 now = g_get_monotonic_time ();
  gboolean cheap = self->level_cost < FRAME_BUDGET_US;
  int tx0, ty0, tx1, ty1, tx, ty;

  if (self->overview == NULL || self->overview->scale != scale)
    {
      AgGraph *graph = get_graph (self);
      int columns, rows;

      clear_levels (self);
      self->overview = level_new (fit_zoom (self), scale, textures);
      self->overview_in_thread = ag_graph_get_n_nodes (graph) + ag_graph_get_n_edges (graph) >= LARGE_GRAPH_ITEMS;
      if (self->overview_in_thread)
        {
          /* The tile thread draws it, the view's part first: until then
           * the frames show what has arrived. Known to be dear. */
          self->level_cost = G_MAXINT64;
        }
      else
        {
          get_overview_size (self, &columns, &rows);
          fill_tiles (self, self->overview, 0, 0, columns - 1, rows - 1);
          self->level_cost = self->overview->cost;
        }
      cheap = self->level_cost < FRAME_BUDGET_US;
    }

  if (self->current == NULL || self->current->zoom != self->zoom)
    {
      if (!cheap && now - self->zoom_changed < SETTLE_US)
        {
          if (self->refine_source == 0)
            self->refine_source = g_timeout_add ((SETTLE_US - (now - self->zoom_changed)) / 1000 + 1,
                                                 refine_cb, self);
          return;
        }

      /* The last level stays as the fallback until the new one covers
       * the view. */
      if (self->previous != NULL && self->previous != self->overview)
        level_free (self->previous);
      self->previous = self->current;
      if (self->overview->zoom == self->zoom)
        self->current = self->overview;
      else
        self->current = level_new (self->zoom, scale, textures);
    }

  get_tile_range (self, self->current, 0, &tx0, &ty0, &tx1, &ty1);
  if (cheap && !(self->current == self->overview && self->overview_in_thread))
    fill_tiles (self, self->current, tx0, ty0, tx1, ty1);
  else if (!covers_view (self, self->current))
    {
      while (self->in_flight < MAX_IN_FLIGHT && find_missing (self->current, tx0, ty0, tx1, ty1, &tx, &ty))
        request_tile (self, self->current, tx, ty);
      return;
    }

  if (self->current != self->overview)
    self->level_cost = self->current->cost;
  if (self->previous != NULL)
    {
      if (self->previous != self->overview)
        level_free (self->previous);
      self->previous = NULL;
    }
  if (self->current != self->overview)
    {
      trim_level (self, self->current);

      /* The ring round the view, for panning. */
      get_tile_range (self, self->current, 1, &tx0, &ty0, &tx1, &ty1);
      if (cheap)
        fill_tiles (self, self->current, tx0, ty0, tx1, ty1);
      else
        while (self->in_flight < MAX_IN_FLIGHT && find_missing (self->current, tx0, ty0, tx1, ty1, &tx, &ty))
          request_tile (self, self->current, tx, ty);
    }

  /* Last, the rest of an overview the tile thread draws: the picture
   * shown while zooming out. */
  if (self->overview_in_thread)
    {
      int columns, rows;

      get_overview_size (self, &columns, &rows);
      while (self->in_flight < MAX_IN_FLIGHT &&
             find_missing (self->overview, 0, 0, columns - 1, rows - 1, &tx, &ty))
        request_tile (self, self->overview, tx, ty);
    }
}

/* The view */

static void
notify_zoom_changed (AgGraphView *self)
{
  self->zoom_changed = g_get_monotonic_time ();
}

static void
fit (AgGraphView *self)
{
  double width, height;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  if (self->renderer == NULL || w <= 0 || h <= 0)
    return;

  ag_renderer_get_size (self->renderer, &width, &height);
  self->cx = width / 2.0;
  self->cy = height / 2.0;
  zoom = fit_zoom (self);
  if (zoom != self->zoom)
    notify_zoom_changed (self);
  self->zoom = zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stop_animation (AgGraphView *self)
{
  if (self->animation != NULL)
    adw_animation_pause (self->animation);
  g_clear_object (&self->animation);
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
  if (zoom != self->zoom)
    notify_zoom_changed (self);
  self->zoom = zoom;
  widget_to_drawing (self, wx, wy, &after_x, &after_y);
  self->cx += before_x - after_x;
  self->cy += before_y - after_y;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
animate_cb (double   value,
            gpointer user_data)
{
  AgGraphView *self = user_data;
  double zoom = exp (log (self->from_zoom) + (log (self->to_zoom) - log (self->from_zoom)) * value);

  /* Long jumps step back mid-flight to show where they go. */
  zoom *= 1.0 - self->dip * sin (G_PI * value);
  if (zoom != self->zoom)
    notify_zoom_changed (self);
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->cx = self->from_cx + (self->to_cx - self->from_cx) * value;
  self->cy = self->from_cy + (self->to_cy - self->from_cy) * value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the view to (cx, cy) at @zoom, animated unless animations are off. */
static void
move_to (AgGraphView *self,
         double       cx,
         double       cy,
         double       zoom)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double distance, diagonal;

  stop_animation (self);
  self->fitted = FALSE;
  self->from_cx = self->cx;
  self->from_cy = self->cy;
  self->from_zoom = self->zoom;
  self->to_cx = cx;
  self->to_cy = cy;
  self->to_zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);

  distance = hypot (cx - self->cx, cy - self->cy) * MIN (self->zoom, self->to_zoom);
  diagonal = hypot (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  self->dip = diagonal > 0 && distance > diagonal ? MIN (0.5, 1.0 - diagonal / distance) : 0.0;

  self->animation = adw_timed_animation_new (widget, 0.0, 1.0, ANIMATION_MS,
                                             adw_callback_animation_target_new (animate_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
  adw_animation_play (self->animation);
}

/* Pans as little as puts the node wholly in view, with a margin. */
static void
scroll_to_node (AgGraphView *self,
                guint        index)
{
  const AgGeometryNode *node = ag_geometry_get_node (self->geometry, index);
  double w = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
  double margin = SCROLL_MARGIN / self->zoom;
  double x = node->x + AG_RENDERER_MARGIN, y = node->y + AG_RENDERER_MARGIN;
  double half_w = MIN (node->width / 2 + margin, w / 2);
  double half_h = MIN (node->height / 2 + margin, h / 2);
  double cx = self->cx, cy = self->cy;

  if (w <= 0 || h <= 0)
    return;
  if (x - half_w < cx - w / 2)
    cx = x - half_w + w / 2;
  else if (x + half_w > cx + w / 2)
    cx = x + half_w - w / 2;
  if (y - half_h < cy - h / 2)
    cy = y - half_h + h / 2;
  else if (y + half_h > cy + h / 2)
    cy = y + half_h - h / 2;
  if (cx != self->cx || cy != self->cy)
    move_to (self, cx, cy, self->zoom);
}

static gint
selected_node_index (AgGraphView *self)
{
  guint index;

  if (self->selected == 0 || self->geometry == NULL ||
      !ag_graph_find_node (get_graph (self), self->selected, &index))
    return -1;
  return index;
}

static void
update_emphasis (AgGraphView *self)
{
  if (self->renderer == NULL)
    return;

  ag_renderer_set_selection (self->renderer, self->selected_node, self->selected_edge);
  /* The node under the pointer; failing that, the selection. */
  if (self->hovered >= 0)
    ag_renderer_set_emphasis (self->renderer, self->hovered, -1);
  else
    ag_renderer_set_emphasis (self->renderer, self->selected_node, self->selected_edge);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hovered (AgGraphView *self,
             gint         node)
{
  if (self->hovered == node)
    return;
  self->hovered = node;
  update_emphasis (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_ACTOR]);
}

static void
select_node (AgGraphView *self,
             gint         node)
{
  gint64 actor = node >= 0 ? ag_graph_get_node (get_graph (self), node)->actor_id : 0;

  ag_graph_view_select_actor (self, actor);
}

static gboolean
activate_selection (AgGraphView *self)
{
  if (self->selected_node < 0 && self->selected_edge < 0)
    return FALSE;
  g_signal_emit (self, signals[ACTIVATED], 0);
  return TRUE;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  AgGeometry *geometry = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const AgGeometryNode *p = ag_geometry_get_node (geometry, i);
  const AgGeometryNode *q = ag_geometry_get_node (geometry, j);

  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return i < j ? -1 : i > j;
}

static int
compare_x (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  AgGeometry *geometry = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const AgGeometryNode *p = ag_geometry_get_node (geometry, i);
  const AgGeometryNode *q = ag_geometry_get_node (geometry, j);

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return compare_positions (a, b, user_data);
}

/* Tab order: rows from the top, each from the left. A node joins a row
 * when its centre lies within half the height of the row's first node
 * below that node's centre. */
static void
ensure_reading_order (AgGraphView *self)
{
  guint n = n_nodes (self);

  if (self->order != NULL || self->geometry == NULL)
    return;

  self->order = g_new (guint, MAX (n, 1));
  self->rank = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->order[i] = i;
  g_qsort_with_data (self->order, n, sizeof (guint), compare_positions, self->geometry);

  for (guint start = 0, end; start < n; start = end)
    {
      const AgGeometryNode *first = ag_geometry_get_node (self->geometry, self->order[start]);

      for (end = start + 1; end < n; end++)
        if (ag_geometry_get_node (self->geometry, self->order[end])->y - first->y > first->height / 2)
          break;
      g_qsort_with_data (self->order + start, end - start, sizeof (guint), compare_x, self->geometry);
    }
  for (guint i = 0; i < n; i++)
    self->rank[self->order[i]] = i;
}

/* The node nearest @from in direction (dx, dy), one of the four: the
 * nearest along it, with sideways distance counting double. */
static gint
node_in_direction (AgGraphView *self,
                   guint        from,
                   int          dx,
                   int          dy)
{
  const AgGeometryNode *origin = ag_geometry_get_node (self->geometry, from);
  double best_score = G_MAXDOUBLE;
  gint best = -1;

  for (guint i = 0; i < n_nodes (self); i++)
    {
      const AgGeometryNode *node = ag_geometry_get_node (self->geometry, i);
      double vx = node->x - origin->x, vy = node->y - origin->y;
      double along = vx * dx + vy * dy;
      double across = fabs (vx * dy - vy * dx);
      double score = along + 2 * across;

      if (i == from || along <= 0.5)
        continue;
      if (score < best_score)
        {
          best_score = score;
          best = i;
        }
    }
  return best;
}

/* The node nearest the view's centre. */
static gint
node_nearest_centre (AgGraphView *self)
{
  double best_distance = G_MAXDOUBLE;
  gint best = -1;

  for (guint i = 0; i < n_nodes (self); i++)
    {
      const AgGeometryNode *node = ag_geometry_get_node (self->geometry, i);
      double distance = hypot (node->x + AG_RENDERER_MARGIN - self->cx, node->y + AG_RENDERER_MARGIN - self->cy);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }
  return best;
}

static void
move_selection_to (AgGraphView *self,
                   gint         node)
{
  if (node < 0)
    return;
  select_node (self, node);
  scroll_to_node (self, node);
}

/* Controllers */

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
  stop_animation (self);
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
  if (!self->dragging && !self->pinching)
    set_hovered (self, ag_graph_view_node_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AgGraphView              *self)
{
  self->has_pointer = FALSE;
  set_hovered (self, -1);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AgGraphView    *self)
{
  stop_animation (self);
  self->drag_cx = self->cx;
  self->drag_cy = self->cy;
  self->drag_offset_x = 0;
  self->drag_offset_y = 0;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                AgGraphView    *self)
{
  if (self->pinching)
    return;
  if (!self->dragging && hypot (offset_x, offset_y) > 0)
    {
      self->dragging = TRUE;
      set_hovered (self, -1);
    }
  self->cx = self->drag_cx - (offset_x - self->drag_offset_x) / self->zoom;
  self->cy = self->drag_cy - (offset_y - self->drag_offset_y) / self->zoom;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             AgGraphView    *self)
{
  self->dragging = FALSE;
}

/* Where a pinch is: between the fingers, or where the pointer is when the
 * gesture has no touches to tell (as scrolling zooms around it). */
static void
get_pinch_centre (AgGraphView *self,
                  GtkGesture  *gesture,
                  double      *x,
                  double      *y)
{
  if (gtk_gesture_is_active (gesture) && gtk_gesture_get_bounding_box_center (gesture, x, y))
    return;
  if (self->has_pointer)
    {
      *x = self->pointer_x;
      *y = self->pointer_y;
    }
  else
    {
      *x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      *y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AgGraphView      *self)
{
  double x, y;

  get_pinch_centre (self, gesture, &x, &y);
  stop_animation (self);
  self->pinching = TRUE;
  self->pinch_zoom = self->zoom;
  widget_to_drawing (self, x, y, &self->pinch_x, &self->pinch_y);
  set_hovered (self, -1);
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        AgGraphView    *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x, y, zoom;

  if (!self->pinching)
    return;
  get_pinch_centre (self, GTK_GESTURE (gesture), &x, &y);

  /* The drawing point under the fingers stays under them as they move
   * and spread: pinching zooms and pans at once. */
  zoom = CLAMP (self->pinch_zoom * scale, MIN_ZOOM, MAX_ZOOM);
  if (zoom != self->zoom)
    notify_zoom_changed (self);
  self->zoom = zoom;
  self->cx = self->pinch_x - (x - gtk_widget_get_width (widget) / 2.0) / zoom;
  self->cy = self->pinch_y - (y - gtk_widget_get_height (widget) / 2.0) / zoom;
  self->fitted = FALSE;
  gtk_widget_queue_draw (widget);
}

static void
pinch_end_cb (GtkGesture       *gesture,
              GdkEventSequence *sequence,
              AgGraphView      *self)
{
  GtkGesture *drag;

  if (!self->pinching)
    return;
  self->pinching = FALSE;

  /* A drag that goes on from here starts from where the pinch left it. */
  drag = g_object_get_data (G_OBJECT (self), "ag-drag-gesture");
  if (drag != NULL && gtk_gesture_is_active (drag))
    {
      double offset_x, offset_y;

      if (gtk_gesture_drag_get_offset (GTK_GESTURE_DRAG (drag), &offset_x, &offset_y))
        {
          self->drag_cx = self->cx;
          self->drag_cy = self->cy;
          self->drag_offset_x = offset_x;
          self->drag_offset_y = offset_y;
        }
    }
}

/* Nodes come before edges: they are drawn over them. */
static void
select_at (AgGraphView *self,
           double       x,
           double       y)
{
  gint node = ag_graph_view_node_at (self, x, y);

  if (node >= 0)
    select_node (self, node);
  else
    ag_graph_view_select_edge (self, ag_graph_view_edge_at (self, x, y));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AgGraphView     *self)
{
  if (n_press == 2)
    {
      select_at (self, x, y);
      activate_selection (self);
    }
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             AgGraphView     *self)
{
  if (n_press == 1)
    select_at (self, x, y);
  self->keyboard = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  AgGraphView *self)
{
  gint node, edge;

  if (self->geometry == NULL || keyboard)
    return FALSE;

  node = ag_graph_view_node_at (self, x, y);
  if (node >= 0)
    {
      gtk_tooltip_set_text (tooltip, ag_graph_get_node (get_graph (self), node)->name);
      return TRUE;
    }
  edge = ag_graph_view_edge_at (self, x, y);
  if (edge >= 0)
    {
      g_autofree char *title = ag_graph_dup_edge_title (get_graph (self), edge);

      gtk_tooltip_set_text (tooltip, title);
      return TRUE;
    }
  return FALSE;
}

static void
dark_changed_cb (AgGraphView     *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  if (self->renderer == NULL)
    return;
  ag_renderer_set_dark (self->renderer, adw_style_manager_get_dark (manager));
  drop_worker_renderer (self);
  invalidate (self);
}

static void
scale_factor_changed_cb (AgGraphView *self)
{
  invalidate (self);
}

static void
state_flags_changed_cb (GtkWidget     *widget,
                        GtkStateFlags  previous)
{
  if ((gtk_widget_get_state_flags (widget) ^ previous) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

/* Keys */

/* Keys in the view mean keyboard navigation: the focus ring shows, even
 * though the focus stays (GTK shows it only when keys move the focus). A
 * click hides it again. */
static void
show_focus (AgGraphView *self)
{
  if (!self->keyboard)
    {
      self->keyboard = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);

  stop_animation (self);
  if (g_str_equal (action_name, "graph.zoom-in"))
    set_zoom_at (self, self->zoom * 1.25, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  else if (g_str_equal (action_name, "graph.zoom-out"))
    set_zoom_at (self, self->zoom / 1.25, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  else
    ag_graph_view_zoom_to_fit (self);
}

/* Arrow keys: to the nearest node that way; with nothing selected, to
 * the node nearest the centre. */
static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);
  int dx, dy;

  if (n_nodes (self) == 0)
    return FALSE;
  show_focus (self);
  g_variant_get (args, "(ii)", &dx, &dy);
  if (self->selected_node < 0)
    move_selection_to (self, node_nearest_centre (self));
  else
    move_selection_to (self, node_in_direction (self, self->selected_node, dx, dy));
  return TRUE;
}

/* Ctrl and the arrow keys: a tenth of the view that way. */
static gboolean
pan_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  show_focus (self);
  stop_animation (self);
  ag_graph_view_scroll_by (self, dx * gtk_widget_get_width (widget) / 10.0,
                           dy * gtk_widget_get_height (widget) / 10.0);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);

  if (self->selected == 0 && self->selected_edge < 0)
    return FALSE;
  show_focus (self);
  ag_graph_view_select_actor (self, 0);
  ag_graph_view_select_edge (self, -1);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return activate_selection (AG_GRAPH_VIEW (widget));
}

/* Tab and Shift+Tab walk the nodes in reading order, and leave the view
 * past the last or the first. */
static gboolean
ag_graph_view_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);
  guint n = n_nodes (self);
  gint next;

  if (!gtk_widget_has_focus (widget))
    return gtk_widget_grab_focus (widget);
  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) || n == 0)
    return FALSE;

  ensure_reading_order (self);
  if (self->selected_node < 0)
    next = direction == GTK_DIR_TAB_FORWARD ? 0 : (gint) n - 1;
  else
    next = (gint) self->rank[self->selected_node] + (direction == GTK_DIR_TAB_FORWARD ? 1 : -1);
  if (next < 0 || next >= (gint) n)
    return FALSE;
  show_focus (self);
  move_selection_to (self, self->order[next]);
  return TRUE;
}

/* Widget */

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
snapshot_focus (AgGraphView *self,
                GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color = { 0.21, 0.52, 0.89, 0.5 };
  GskRoundedRect outline;
  float w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    color.alpha = 0.5;
  G_GNUC_END_IGNORE_DEPRECATIONS

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, w - 2, h - 2), 6);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { color, color, color, color });
}

static void
ag_graph_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  gboolean textures = native == NULL || !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
  gboolean covered;
  guint32 background = 0;
  GdkRGBA color;
  double ox, oy;
  cairo_t *cr = NULL;

  /* The window does it first (AgWindow); a view in another window too. */
  if (!textures)
    ag_frame_memory_keep_pool (widget);
  self->tiles_in_frame = 0;
  if (self->renderer == NULL || width <= 0 || height <= 0)
    return;

  if (self->overview != NULL && self->overview->textures != textures)
    clear_levels (self);
  update_levels (self, scale, textures);
  covered = self->current != NULL && self->current->zoom == self->zoom && covers_view (self, self->current);

  /* The cairo renderer gets one cairo node for all; other renderers keep
   * the tiles as textures. */
  if (!textures)
    cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* What the last levels have, under what the level at the zoom shown has. */
  memset (self->stats, 0, sizeof self->stats);
  self->complete = covered;
  background = ag_renderer_get_background (self->renderer);
  color = (GdkRGBA) { (background >> 24) / 255.0, ((background >> 16) & 0xff) / 255.0,
                      ((background >> 8) & 0xff) / 255.0, 1.0 };
  if (!covered)
    {
      if (cr != NULL)
        {
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_paint (cr);
        }
      else
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (self->current != self->overview)
        show_tiles (self, snapshot, cr, self->overview, scale, &color, FALSE);
      if (self->previous != NULL && self->previous != self->overview)
        show_tiles (self, snapshot, cr, self->previous, scale, &color, FALSE);
    }
  if (self->current != NULL)
    show_tiles (self, snapshot, cr, self->current, scale, &color, self->current->zoom == self->zoom);

  /* The overlay, in the same place as the tiles. */
  get_origin (self, scale, &ox, &oy);
  if (cr == NULL)
    cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, ox / scale, oy / scale);
  cairo_scale (cr, self->zoom, self->zoom);
  /* The cairo node is replayed at the device scale later. */
  ag_renderer_set_screen (self->renderer, 1.0);
  ag_renderer_draw_layer (self->renderer, cr, AG_RENDERER_LAYER_OVERLAY);
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget) || (self->keyboard && gtk_widget_has_focus (widget)))
    snapshot_focus (self, snapshot);
}

static void
ag_graph_view_unrealize (GtkWidget *widget)
{
  AgGraphView *self = AG_GRAPH_VIEW (widget);

  clear_levels (self);
  GTK_WIDGET_CLASS (ag_graph_view_parent_class)->unrealize (widget);
}

static void
ag_graph_view_dispose (GObject *object)
{
  AgGraphView *self = (AgGraphView *)object;

  stop_animation (self);
  g_clear_handle_id (&self->refine_source, g_source_remove);
  stop_worker (self);
  drop_worker_renderer (self);
  clear_levels (self);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_object (&self->renderer);
  g_clear_object (&self->geometry);

  G_OBJECT_CLASS (ag_graph_view_parent_class)->dispose (object);
}

static void
ag_graph_view_finalize (GObject *object)
{
  AgGraphView *self = (AgGraphView *)object;

  g_free (self->label_density);

  G_OBJECT_CLASS (ag_graph_view_parent_class)->finalize (object);
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

    case PROP_SELECTED_EDGE:
      g_value_set_int (value, self->selected_edge);
      break;

    case PROP_HOVERED_ACTOR:
      g_value_set_int64 (value, ag_graph_view_get_hovered_actor (self));
      break;

    case PROP_LABEL_DENSITY:
      g_value_set_string (value, self->label_density);
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

    case PROP_SELECTED_EDGE:
      ag_graph_view_select_edge (self, g_value_get_int (value));
      break;

    case PROP_LABEL_DENSITY:
      ag_graph_view_set_label_density (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           key,
                   guint           keypad_key,
                   int             dx,
                   int             dy)
{
  gtk_widget_class_add_binding (widget_class, key, 0, move_cb, "(ii)", dx, dy);
  gtk_widget_class_add_binding (widget_class, keypad_key, 0, move_cb, "(ii)", dx, dy);
  gtk_widget_class_add_binding (widget_class, key, GDK_CONTROL_MASK, pan_cb, "(ii)", dx, dy);
  gtk_widget_class_add_binding (widget_class, keypad_key, GDK_CONTROL_MASK, pan_cb, "(ii)", dx, dy);
}

static void
ag_graph_view_class_init (AgGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Before the first frame of any view. */
  ag_frame_memory_init ();

  object_class->dispose = ag_graph_view_dispose;
  object_class->finalize = ag_graph_view_finalize;
  object_class->get_property = ag_graph_view_get_property;
  object_class->set_property = ag_graph_view_set_property;

  widget_class->snapshot = ag_graph_view_snapshot;
  widget_class->size_allocate = ag_graph_view_size_allocate;
  widget_class->focus = ag_graph_view_focus;
  widget_class->unrealize = ag_graph_view_unrealize;

  properties[PROP_GEOMETRY] =
    g_param_spec_object ("geometry", NULL, NULL,
                         AG_TYPE_GEOMETRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The id of the selected actor, 0 when none is. */
  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_int64 ("selected-actor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The selected edge, an index into the graph's edges; -1 when none is. */
  properties[PROP_SELECTED_EDGE] =
    g_param_spec_int ("selected-edge", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The id of the actor under the pointer, 0 when none is. */
  properties[PROP_HOVERED_ACTOR] =
    g_param_spec_int64 ("hovered-actor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Which labels show: "all", "auto" (those big enough to read) or "few"
   * (the selection's, its neighbours', and the busiest actors'). */
  properties[PROP_LABEL_DENSITY] =
    g_param_spec_string ("label-density", NULL, NULL,
                         "auto",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter, space or a double click on the selection: open its details. */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "graph.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "graph.zoom-fit", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "graph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "graph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "graph.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "graph.zoom-fit", NULL);

  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, activate_cb, NULL);

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
  GtkGesture *pinch;

  self->zoom = 1.0;
  self->fitted = TRUE;
  self->selected_node = -1;
  self->selected_edge = -1;
  self->hovered = -1;
  self->label_density = g_strdup ("auto");

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  /* The focus ring comes and goes with the focus. */
  g_signal_connect (self, "state-flags-changed", G_CALLBACK (state_flags_changed_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

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
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_object_set_data (G_OBJECT (self), "ag-drag-gesture", drag);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  g_signal_connect (pinch, "end", G_CALLBACK (pinch_end_cb), self);
  g_signal_connect (pinch, "cancel", G_CALLBACK (pinch_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* Public API */

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

static AgRendererLabels
labels_from_string (const char *density)
{
  if (g_strcmp0 (density, "all") == 0)
    return AG_RENDERER_LABELS_ALL;
  if (g_strcmp0 (density, "few") == 0)
    return AG_RENDERER_LABELS_FEW;
  return AG_RENDERER_LABELS_AUTO;
}

/**
 * ag_graph_view_set_geometry:
 * @self: an #AgGraphView
 * @geometry: (nullable): the laid-out graph to show
 *
 * Shows @geometry fitted to the view. The selected actor stays selected
 * when the new graph has it; the selected edge, an index, is cleared.
 */
void
ag_graph_view_set_geometry (AgGraphView *self,
                            AgGeometry  *geometry)
{
  gboolean had_edge;
  gboolean had_hover;

  g_return_if_fail (AG_IS_GRAPH_VIEW (self));
  g_return_if_fail (geometry == NULL || AG_IS_GEOMETRY (geometry));

  if (!g_set_object (&self->geometry, geometry))
    return;

  stop_animation (self);
  clear_levels (self);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_object (&self->renderer);
  drop_worker_renderer (self);
  if (geometry != NULL)
    {
      self->renderer = ag_renderer_new (geometry);
      ag_renderer_set_dark (self->renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
      ag_renderer_set_labels (self->renderer, labels_from_string (self->label_density));
    }
  self->level_cost = 0;

  had_edge = self->selected_edge >= 0;
  had_hover = self->hovered >= 0;
  self->selected_edge = -1;
  self->hovered = -1;
  self->selected_node = selected_node_index (self);
  update_emphasis (self);

  self->fitted = TRUE;
  fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GEOMETRY]);
  if (had_edge)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
  if (had_hover)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_ACTOR]);
}

gint64
ag_graph_view_get_selected_actor (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), 0);

  return self->selected;
}

/**
 * ag_graph_view_select_actor:
 * @self: an #AgGraphView
 * @actor_id: the actor to select, or 0 for none
 *
 * Selects @actor_id's node, and clears the selected edge.
 */
void
ag_graph_view_select_actor (AgGraphView *self,
                            gint64       actor_id)
{
  gboolean had_edge;

  g_return_if_fail (AG_IS_GRAPH_VIEW (self));

  if (self->selected == actor_id)
    return;

  had_edge = actor_id != 0 && self->selected_edge >= 0;
  if (had_edge)
    self->selected_edge = -1;
  self->selected = actor_id;
  self->selected_node = selected_node_index (self);
  update_emphasis (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
  if (had_edge)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
}

/**
 * ag_graph_view_get_selected_edge:
 * @self: an #AgGraphView
 *
 * Returns: the index of the selected edge in the graph's edges, or -1
 */
int
ag_graph_view_get_selected_edge (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), -1);

  return self->selected_edge;
}

/**
 * ag_graph_view_select_edge:
 * @self: an #AgGraphView
 * @edge: an index into ag_geometry_get_graph()'s edges, or -1 for none
 *
 * Selects @edge, and clears the selected actor.
 */
void
ag_graph_view_select_edge (AgGraphView *self,
                           int          edge)
{
  gboolean had_actor;

  g_return_if_fail (AG_IS_GRAPH_VIEW (self));

  if (self->geometry == NULL || edge < 0 || edge >= (int) ag_graph_get_n_edges (get_graph (self)))
    edge = -1;
  if (self->selected_edge == edge)
    return;

  had_actor = edge >= 0 && self->selected != 0;
  if (had_actor)
    {
      self->selected = 0;
      self->selected_node = -1;
    }
  self->selected_edge = edge;
  update_emphasis (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EDGE]);
  if (had_actor)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
}

/**
 * ag_graph_view_get_hovered_actor:
 * @self: an #AgGraphView
 *
 * Returns: the id of the actor whose node is under the pointer, or 0
 */
gint64
ag_graph_view_get_hovered_actor (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), 0);

  if (self->hovered < 0 || self->geometry == NULL)
    return 0;
  return ag_graph_get_node (get_graph (self), self->hovered)->actor_id;
}

/**
 * ag_graph_view_is_highlighted:
 * @self: an #AgGraphView
 * @node: a node index
 *
 * Returns: whether @node is drawn emphasised: it is the node under the
 *   pointer (or, with none, the selected one) or a neighbour of it, or an
 *   end of the selected edge
 */
gboolean
ag_graph_view_is_highlighted (AgGraphView *self,
                              guint        node)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), FALSE);

  return self->renderer != NULL && ag_renderer_is_emphasised (self->renderer, node);
}

/**
 * ag_graph_view_get_label_density:
 * @self: an #AgGraphView
 *
 * Returns: "all", "auto" or "few"
 */
const char *
ag_graph_view_get_label_density (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), NULL);

  return self->label_density;
}

/**
 * ag_graph_view_set_label_density:
 * @self: an #AgGraphView
 * @density: "all" (every label), "auto" (those big enough to read) or
 *   "few" (those of the selection, its neighbours and the actors with the
 *   most claims, when big enough to read)
 */
void
ag_graph_view_set_label_density (AgGraphView *self,
                                 const char  *density)
{
  g_return_if_fail (AG_IS_GRAPH_VIEW (self));
  g_return_if_fail (density != NULL);

  if (!g_str_equal (density, "all") && !g_str_equal (density, "auto") && !g_str_equal (density, "few"))
    {
      g_warning ("Unknown label density “%s”", density);
      return;
    }
  if (g_str_equal (density, self->label_density))
    return;

  g_free (self->label_density);
  self->label_density = g_strdup (density);
  if (self->renderer != NULL)
    ag_renderer_set_labels (self->renderer, labels_from_string (density));
  drop_worker_renderer (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_DENSITY]);
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

  stop_animation (self);
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
      !ag_graph_find_node (get_graph (self), actor_id, &index))
    return FALSE;

  node = ag_geometry_get_node (self->geometry, index);
  drawing_to_widget (self, node->x + AG_RENDERER_MARGIN, node->y + AG_RENDERER_MARGIN, x, y);
  return TRUE;
}

/**
 * ag_graph_view_node_at:
 * @self: an #AgGraphView
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: the index of the node drawn at (@x, @y), by its shape with a
 *   few pixels of slack, or -1
 */
gint
ag_graph_view_node_at (AgGraphView *self,
                       double       x,
                       double       y)
{
  double dx, dy;

  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), -1);

  if (self->renderer == NULL)
    return -1;
  widget_to_drawing (self, x, y, &dx, &dy);
  return ag_renderer_node_at (self->renderer, dx, dy, NODE_SLACK / self->zoom);
}

/**
 * ag_graph_view_edge_at:
 * @self: an #AgGraphView
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: the index of the edge whose line or arrowhead is nearest
 *   (@x, @y), within a few pixels, or -1. Nodes are not considered: a
 *   click selects the node there first (ag_graph_view_node_at()).
 */
int
ag_graph_view_edge_at (AgGraphView *self,
                       double       x,
                       double       y)
{
  double dx, dy;

  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), -1);

  if (self->renderer == NULL)
    return -1;
  widget_to_drawing (self, x, y, &dx, &dy);
  return ag_renderer_edge_at (self->renderer, dx, dy, EDGE_SLACK / self->zoom);
}

/**
 * ag_graph_view_get_edge_point:
 * @self: an #AgGraphView
 * @edge: an edge index
 * @x: (out): a point in the middle of the edge's drawn line, in widget
 *   coordinates
 * @y: (out)
 *
 * Returns: whether the edge has a line
 */
gboolean
ag_graph_view_get_edge_point (AgGraphView *self,
                              guint        edge,
                              double      *x,
                              double      *y)
{
  double dx, dy;

  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (self->renderer == NULL || !ag_renderer_get_edge_point (self->renderer, edge, &dx, &dy))
    return FALSE;
  drawing_to_widget (self, dx, dy, x, y);
  return TRUE;
}

/**
 * ag_graph_view_scroll_by:
 * @self: an #AgGraphView
 * @dx: how far to move the drawing's content left, in widget pixels
 * @dy: how far to move it up
 *
 * Pans the view as a drag by (-@dx, -@dy) would.
 */
void
ag_graph_view_scroll_by (AgGraphView *self,
                         double       dx,
                         double       dy)
{
  g_return_if_fail (AG_IS_GRAPH_VIEW (self));

  self->cx += dx / self->zoom;
  self->cy += dy / self->zoom;
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ag_graph_view_zoom_at:
 * @self: an #AgGraphView
 * @factor: the zoom's multiplier
 * @x: the widget point that stays in place
 * @y: (the same point)
 */
void
ag_graph_view_zoom_at (AgGraphView *self,
                       double       factor,
                       double       x,
                       double       y)
{
  g_return_if_fail (AG_IS_GRAPH_VIEW (self));
  g_return_if_fail (factor > 0);

  set_zoom_at (self, self->zoom * factor, x, y);
}

/* Whether the whole drawing is in view. */
static gboolean
drawing_in_view (AgGraphView *self)
{
  double width, height, x, y;

  ag_renderer_get_size (self->renderer, &width, &height);
  drawing_to_widget (self, 0, 0, &x, &y);
  if (x < -0.5 || y < -0.5)
    return FALSE;
  drawing_to_widget (self, width, height, &x, &y);
  return x <= gtk_widget_get_width (GTK_WIDGET (self)) + 0.5 &&
         y <= gtk_widget_get_height (GTK_WIDGET (self)) + 0.5;
}

/**
 * ag_graph_view_center_on_actor:
 * @self: an #AgGraphView
 * @actor_id: an actor of the graph
 *
 * Selects the actor and brings its node to the centre of the view,
 * zooming in far enough to read the labels when they are too small; when
 * the whole graph is in view and readable, the view stays as it is. The
 * move is animated, unless animations are off (gtk-enable-animations) or
 * the view is not shown, when it happens at once.
 */
void
ag_graph_view_center_on_actor (AgGraphView *self,
                               gint64       actor_id)
{
  const AgGeometryNode *node;
  guint index;
  double zoom;

  g_return_if_fail (AG_IS_GRAPH_VIEW (self));

  if (self->geometry == NULL || !ag_graph_find_node (get_graph (self), actor_id, &index))
    return;

  ag_graph_view_select_actor (self, actor_id);
  node = ag_geometry_get_node (self->geometry, index);
  zoom = self->zoom;
  if (AG_RENDERER_FONT_SIZE * zoom < AG_RENDERER_READABLE_SIZE)
    zoom = CENTRE_ZOOM;
  else if (drawing_in_view (self))
    return;  /* All of it is in view and readable: moving it would only jar. */
  move_to (self, node->x + AG_RENDERER_MARGIN, node->y + AG_RENDERER_MARGIN, zoom);
}

/**
 * ag_graph_view_get_tiles_in_frame:
 * @self: an #AgGraphView
 *
 * Returns: how many tiles of the picture the last frame drew itself, on
 *   the main thread, rather than showing tiles drawn before or by the
 *   tile thread
 */
guint
ag_graph_view_get_tiles_in_frame (AgGraphView *self)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), 0);

  return self->tiles_in_frame;
}

/**
 * ag_graph_view_get_draw_stats:
 * @self: an #AgGraphView
 * @nodes: (out) (optional): nodes drawn in the last frame's picture
 * @edges: (out) (optional): edges drawn
 * @labels: (out) (optional): labels drawn
 *
 * What the renderer drew into the kept picture that the last frame showed
 * at the zoom shown. The picture is drawn in tiles, a few at a time while
 * the zoom settles: what crosses two tiles counts twice, and only the
 * tiles drawn so far count.
 *
 * Returns: whether the last frame showed the whole picture at its zoom
 */
gboolean
ag_graph_view_get_draw_stats (AgGraphView *self,
                              guint       *nodes,
                              guint       *edges,
                              guint       *labels)
{
  g_return_val_if_fail (AG_IS_GRAPH_VIEW (self), FALSE);

  if (nodes != NULL)
    *nodes = self->stats[0];
  if (edges != NULL)
    *edges = self->stats[1];
  if (labels != NULL)
    *labels = self->stats[2];
  return self->complete;
}
