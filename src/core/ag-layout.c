/* ag-layout.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gvc.h>
#include <stdlib.h>

#include "ag-layout.h"
#include "ag-renderer.h"

/* AgLayout: lays an AgGraph out with Graphviz.
 *
 * libgvc and libcgraph keep global state and are not reentrant, so every
 * call into them, from any thread, holds one global lock; the asynchronous
 * API runs one layout at a time on a GTask thread. Values that come from
 * documents (the actors' names) reach Graphviz only as attribute values
 * set through cgraph, as HTML-like labels with every character escaped;
 * node names are our own ids ("a<actor id>"). */

struct _AgLayout
{
  GObject         parent_instance;

  AgLayoutEngine  engine;
  guint           seed;
};

G_DEFINE_FINAL_TYPE (AgLayout, ag_layout, G_TYPE_OBJECT)

G_DEFINE_QUARK (ag-layout-error-quark, ag_layout_error)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const engine_names[AG_LAYOUT_N_ENGINES] = {
  "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi",
};

static GMutex graphviz_lock;
static GVC_t *graphviz_context;     /* created once, under the lock */
static GString *graphviz_messages;  /* what Graphviz said in this job */

/* What one layout job works on: copies, so the caller may go on. */
typedef struct
{
  AgGraph        *graph;
  AgLayoutEngine  engine;
  guint           seed;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->graph);
  g_free (job);
}

/* cgraph's output channel for agwrite: a GString. */
static int
string_putstr (void       *chan,
               const char *str)
{
  g_string_append (chan, str);
  return 0;
}

static int
string_flush (void *chan)
{
  return 0;
}

static Agiodisc_t string_io = { NULL, string_putstr, string_flush };
static Agdisc_t graph_disc = { NULL, NULL, &string_io };

/* Graphviz's warnings and errors: kept for the error message. */
static int
graphviz_message_cb (char *message)
{
  g_debug ("graphviz: %s", message);
  if (graphviz_messages != NULL && graphviz_messages->len < 4096)
    g_string_append (graphviz_messages, message);
  return 0;
}

/* Graphviz's force-directed engines draw from the C library's random
 * generators and sfdp never seeds them, so a layout would depend on the
 * layouts run before it in the process. Resetting both to the state a new
 * process starts with makes every layout repeat, and match what the
 * Graphviz commands give for the DOT export. */
static void
reset_random (void)
{
  srand48 (0x1234ABCD);
  srand (1);
}

static GVC_t *
get_context (void)
{
  if (graphviz_context == NULL)
    {
      graph_disc.mem = &AgMemDisc;
      graph_disc.id = &AgIdDisc;
      string_io.afread = AgIoDisc.afread;
      agseterrf (graphviz_message_cb);
      graphviz_context = gvContext ();
    }
  return graphviz_context;
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

/* The node's label as an HTML-like label: markup-escaped lines. */
static void
set_label (Agnode_t          *n,
           Agsym_t           *sym,
           const AgGraphNode *node)
{
  Agraph_t *g = agroot (n);
  g_auto(GStrv) lines = g_strsplit (node->label, "\n", -1);
  g_autoptr(GString) html = g_string_new (NULL);
  char *value;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (html, "<BR/>");
      g_string_append (html, escaped);
    }
  if (html->len == 0)
    {
      agxset (n, sym, (char *) "");
      return;
    }

  value = agstrdup_html (g, html->str);
  agxset (n, sym, value);
  agstrfree (g, value);
}

/* Builds the cgraph graph of @graph for @engine, filling @nodes (and
 * @edges unless %NULL) with the objects of each index. With the lock held. */
static Agraph_t *
build_cgraph (AgGraph         *graph,
              AgLayoutEngine   engine,
              guint            seed,
              Agnode_t       **nodes,
              Agedge_t       **edges)
{
  guint n_nodes = ag_graph_get_n_nodes (graph);
  guint n_edges = ag_graph_get_n_edges (graph);
  gboolean edge_labels = n_nodes <= AG_LAYOUT_EDGE_LABEL_MAX_NODES;
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  char font_size[G_ASCII_DTOSTR_BUF_SIZE];
  Agsym_t *shape, *width, *height, *label, *style, *fill, *color;
  Agsym_t *weight, *penwidth, *ecolor, *estyle, *elabel = NULL;
  Agraph_t *g;

  get_context ();
  g = agopen ((char *) "actors", Agdirected, &graph_disc);

  agattr (g, AGRAPH, (char *) "layout", (char *) engine_names[engine]);
  agattr (g, AGRAPH, (char *) "outputorder", (char *) "edgesfirst");
  if (engine == AG_LAYOUT_ENGINE_DOT)
    {
      agattr (g, AGRAPH, (char *) "nodesep", (char *) "0.3");
    }
  else
    {
      agattr (g, AGRAPH, (char *) "overlap", (char *) "prism");
      agattr (g, AGRAPH, (char *) "start", seed_text);
    }

  g_ascii_formatd (font_size, sizeof font_size, "%g", AG_RENDERER_FONT_SIZE);
  agattr (g, AGNODE, (char *) "fontname", (char *) AG_RENDERER_FONT_FAMILY);
  agattr (g, AGNODE, (char *) "fontsize", font_size);
  agattr (g, AGNODE, (char *) "fixedsize", (char *) "true");
  shape = agattr (g, AGNODE, (char *) "shape", (char *) "box");
  width = agattr (g, AGNODE, (char *) "width", (char *) "0.75");
  height = agattr (g, AGNODE, (char *) "height", (char *) "0.5");
  label = agattr (g, AGNODE, (char *) "label", (char *) "");
  style = agattr (g, AGNODE, (char *) "style", (char *) "filled");
  fill = agattr (g, AGNODE, (char *) "fillcolor", (char *) "white");
  color = agattr (g, AGNODE, (char *) "color", (char *) "black");

  agattr (g, AGEDGE, (char *) "arrowsize", (char *) "0.7");
  agattr (g, AGEDGE, (char *) "fontname", (char *) AG_RENDERER_FONT_FAMILY);
  agattr (g, AGEDGE, (char *) "fontsize", (char *) "8");
  weight = agattr (g, AGEDGE, (char *) "weight", (char *) "1");
  penwidth = agattr (g, AGEDGE, (char *) "penwidth", (char *) "1");
  ecolor = agattr (g, AGEDGE, (char *) "color", (char *) "black");
  estyle = agattr (g, AGEDGE, (char *) "style", (char *) "solid");
  if (edge_labels)
    elabel = agattr (g, AGEDGE, (char *) "label", (char *) "");

  for (guint i = 0; i < n_nodes; i++)
    {
      const AgGraphNode *node = ag_graph_get_node (graph, i);
      char id[32];
      g_autofree char *w = format_double (node->width / 72.0);
      g_autofree char *h = format_double (node->height / 72.0);
      Agnode_t *n;

      g_snprintf (id, sizeof id, "a%" G_GINT64_FORMAT, node->actor_id);
      n = agnode (g, id, TRUE);
      agxset (n, shape, (char *) ag_renderer_get_actor_shape (node->kind));
      agxset (n, width, w);
      agxset (n, height, h);
      if (node->kind == AG_ACTOR_PERSON)
        agxset (n, style, (char *) "rounded,filled");
      agxset (n, fill, (char *) ag_renderer_get_actor_fill (node->kind));
      agxset (n, color, (char *) ag_renderer_get_actor_stroke (node->kind));
      set_label (n, label, node);
      nodes[i] = n;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);
      g_autofree char *pen = format_double (ag_renderer_get_pen_width (edge->n_documents));
      char w[16];
      Agedge_t *e;

      e = agedge (g, nodes[edge->source], nodes[edge->target],
                  (char *) ag_claim_kind_to_string (edge->kind), TRUE);
      g_snprintf (w, sizeof w, "%u", MAX (edge->n_documents, 1));
      agxset (e, weight, w);
      agxset (e, penwidth, pen);
      agxset (e, ecolor, (char *) (edge->disputed ? ag_renderer_get_disputed_color ()
                                                  : ag_renderer_get_claim_color (edge->kind)));
      if (edge->disputed)
        agxset (e, estyle, (char *) "dashed");
      if (elabel != NULL)
        agxset (e, elabel, (char *) ag_claim_kind_to_string (edge->kind));
      if (edges != NULL)
        edges[i] = e;
    }

  return g;
}

/* Replaces @g by the graph its DOT text gives, so that the layout is the
 * one Graphviz's commands compute from the DOT export: the order of nodes
 * and edges, which the layout depends on, is that of the text. */
static Agraph_t *
reread (Agraph_t  *g,
        AgGraph   *graph,
        Agnode_t **nodes,
        Agedge_t **edges)
{
  g_autoptr(GString) text = g_string_new (NULL);

  agwrite (g, text);
  agclose (g);
  g = agmemread (text->str);
  g_assert (g != NULL);

  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "a%" G_GINT64_FORMAT, ag_graph_get_node (graph, i)->actor_id);
      nodes[i] = agnode (g, id, FALSE);
      g_assert (nodes[i] != NULL);
    }
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);

      edges[i] = agedge (g, nodes[edge->source], nodes[edge->target],
                         (char *) ag_claim_kind_to_string (edge->kind), FALSE);
      g_assert (edges[i] != NULL);
    }
  return g;
}

/* Reads the layout back, flipping y so that the top left is (0, 0). */
static AgGeometry *
read_geometry (AgGraph    *graph,
               const char *engine,
               Agraph_t   *g,
               Agnode_t  **nodes,
               Agedge_t  **edges)
{
  boxf bb = GD_bb (g);
  AgGeometry *geometry = ag_geometry_new (graph, engine, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (AgPoint));

#define FLIP(p) ((AgPoint) { (p).x - bb.LL.x, bb.UR.y - (p).y })

  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      AgGeometryNode *node = ag_geometry_edit_node (geometry, i);
      AgPoint centre = FLIP (ND_coord (nodes[i]));

      node->x = centre.x;
      node->y = centre.y;
      node->width = ND_width (nodes[i]) * 72.0;
      node->height = ND_height (nodes[i]) * 72.0;
    }

  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      AgGeometryEdge *edge = ag_geometry_edit_edge (geometry, i);
      splines *spl = ED_spl (edges[i]);
      textlabel_t *label = ED_label (edges[i]);

      g_array_set_size (points, 0);
      if (spl != NULL && spl->size > 0)
        {
          bezier *bz = &spl->list[0];

          for (int p = 0; p < bz->size; p++)
            {
              AgPoint pt = FLIP (bz->list[p]);

              g_array_append_val (points, pt);
            }
          if (bz->eflag)
            {
              edge->has_head = TRUE;
              edge->head = FLIP (bz->ep);
            }
          if (bz->sflag)
            {
              edge->has_tail = TRUE;
              edge->tail = FLIP (bz->sp);
            }
        }
      else
        {
          /* No route (splines=none): a straight line between the centres. */
          const AgGeometryNode *a = ag_geometry_get_node (geometry, ag_graph_get_edge (graph, i)->source);
          const AgGeometryNode *b = ag_geometry_get_node (geometry, ag_graph_get_edge (graph, i)->target);
          AgPoint line[4] = {
            { a->x, a->y },
            { a->x + (b->x - a->x) / 3, a->y + (b->y - a->y) / 3 },
            { a->x + 2 * (b->x - a->x) / 3, a->y + 2 * (b->y - a->y) / 3 },
            { b->x, b->y },
          };

          g_array_append_vals (points, line, 4);
        }
      ag_geometry_set_edge_points (geometry, i, (AgPoint *) (gpointer) points->data, points->len);

      if (label != NULL && label->set)
        {
          edge->has_label = TRUE;
          edge->label = FLIP (label->pos);
        }
    }

#undef FLIP

  return geometry;
}

static AgLayoutEngine
choose_engine (AgLayoutEngine  engine,
               AgGraph        *graph)
{
  if (engine != AG_LAYOUT_ENGINE_AUTO)
    return engine;
  return ag_graph_get_n_nodes (graph) <= AG_LAYOUT_DOT_MAX_NODES ? AG_LAYOUT_ENGINE_DOT
                                                                  : AG_LAYOUT_ENGINE_SFDP;
}

static AgGeometry *
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  AgLayoutEngine engine;
  guint n_nodes = ag_graph_get_n_nodes (job->graph);
  guint n_edges = ag_graph_get_n_edges (job->graph);
  g_autofree Agnode_t **nodes = NULL;
  g_autofree Agedge_t **edges = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GString) messages = NULL;
  AgGeometry *geometry = NULL;
  Agraph_t *g;
  int status;

  /* Here, on the layout's thread, rather than where the graph was built. */
  ag_graph_measure (job->graph);
  engine = choose_engine (job->engine, job->graph);
  if (n_nodes == 0)
    return ag_geometry_new (job->graph, engine_names[engine], 0, 0);

  locker = g_mutex_locker_new (&graphviz_lock);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  nodes = g_new0 (Agnode_t *, n_nodes);
  edges = g_new0 (Agedge_t *, MAX (n_edges, 1));
  g = reread (build_cgraph (job->graph, engine, job->seed, nodes, NULL), job->graph, nodes, edges);

  messages = g_string_new (NULL);
  graphviz_messages = messages;
  reset_random ();
  status = gvLayout (get_context (), g, engine_names[engine]);
  graphviz_messages = NULL;

  if (status != 0)
    {
      g_strstrip (messages->str);
      g_set_error (error, AG_LAYOUT_ERROR, AG_LAYOUT_ERROR_FAILED,
                   _("Graphviz could not lay the graph out with %s: %s"),
                   engine_names[engine],
                   messages->len > 0 ? messages->str : _("unknown error"));
      agclose (g);
      return NULL;
    }

  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    geometry = read_geometry (job->graph, engine_names[engine], g, nodes, edges);

  gvFreeLayout (get_context (), g);
  agclose (g);

  return geometry;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  AgGeometry *geometry;

  geometry = run_job (task_data, cancellable, &error);
  if (geometry == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, geometry, g_object_unref);
}

static void
ag_layout_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AgLayout *self = AG_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_int (value, self->engine);
      break;
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_layout_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AgLayout *self = AG_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      ag_layout_set_engine (self, g_value_get_int (value));
      break;
    case PROP_SEED:
      ag_layout_set_seed (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_layout_class_init (AgLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ag_layout_get_property;
  object_class->set_property = ag_layout_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_int ("engine", NULL, NULL,
                      AG_LAYOUT_ENGINE_AUTO, AG_LAYOUT_ENGINE_TWOPI, AG_LAYOUT_ENGINE_AUTO,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_layout_init (AgLayout *self)
{
  self->seed = 1;
}

const char *
ag_layout_engine_to_string (AgLayoutEngine engine)
{
  g_return_val_if_fail (engine < AG_LAYOUT_N_ENGINES, NULL);
  return engine_names[engine];
}

gboolean
ag_layout_engine_from_string (const char     *str,
                              AgLayoutEngine *engine)
{
  for (guint i = 0; str != NULL && i < AG_LAYOUT_N_ENGINES; i++)
    if (g_ascii_strcasecmp (str, engine_names[i]) == 0)
      {
        *engine = i;
        return TRUE;
      }
  return FALSE;
}

AgLayout *
ag_layout_new (AgLayoutEngine engine)
{
  return g_object_new (AG_TYPE_LAYOUT, "engine", engine, NULL);
}

AgLayoutEngine
ag_layout_get_engine (AgLayout *self)
{
  g_return_val_if_fail (AG_IS_LAYOUT (self), AG_LAYOUT_ENGINE_AUTO);
  return self->engine;
}

void
ag_layout_set_engine (AgLayout       *self,
                      AgLayoutEngine  engine)
{
  g_return_if_fail (AG_IS_LAYOUT (self));
  g_return_if_fail (engine < AG_LAYOUT_N_ENGINES);

  if (self->engine == engine)
    return;
  self->engine = engine;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

guint
ag_layout_get_seed (AgLayout *self)
{
  g_return_val_if_fail (AG_IS_LAYOUT (self), 0);
  return self->seed;
}

/* The seed of the force-directed engines' random start; the same seed,
 * graph and engine give the same layout. */
void
ag_layout_set_seed (AgLayout *self,
                    guint     seed)
{
  g_return_if_fail (AG_IS_LAYOUT (self));

  seed = MIN (seed, (guint) G_MAXINT);
  if (self->seed == seed)
    return;
  self->seed = seed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
}

/* The engine a layout of @graph would use. */
AgLayoutEngine
ag_layout_choose_engine (AgLayout *self,
                         AgGraph  *graph)
{
  g_return_val_if_fail (AG_IS_LAYOUT (self), AG_LAYOUT_ENGINE_AUTO);
  g_return_val_if_fail (AG_IS_GRAPH (graph), AG_LAYOUT_ENGINE_AUTO);
  return choose_engine (self->engine, graph);
}

/**
 * ag_layout_compute:
 *
 * Lays @graph out on the calling thread, waiting for any other layout to
 * finish first. Cancelling takes effect before and after Graphviz runs,
 * not during its run.
 *
 * Returns: (transfer full): the geometry, or %NULL with @error set
 */
AgGeometry *
ag_layout_compute (AgLayout      *self,
                   AgGraph       *graph,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Job job = { graph, self->engine, self->seed };

  g_return_val_if_fail (AG_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (AG_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run_job (&job, cancellable, error);
}

/**
 * ag_layout_compute_async:
 *
 * Lays @graph out on a worker thread. @graph must not change meanwhile
 * (AgGraph never does once built). Once @cancellable is cancelled the
 * callback runs at once with %G_IO_ERROR_CANCELLED; Graphviz finishes its
 * current run in the background and the result is dropped.
 */
void
ag_layout_compute_async (AgLayout            *self,
                         AgGraph             *graph,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (AG_IS_LAYOUT (self));
  g_return_if_fail (AG_IS_GRAPH (graph));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->graph = g_object_ref (graph);
  job->engine = self->engine;
  job->seed = self->seed;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ag_layout_compute_async);
  g_task_set_task_data (task, job, job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

AgGeometry *
ag_layout_compute_finish (AgLayout      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (AG_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ag_layout_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ag_layout_write_dot:
 *
 * Writes the graph that a layout of @graph hands Graphviz, attributes and
 * all: Graphviz lays the text out the same way as this layout does.
 *
 * Returns: (transfer full): the DOT text
 */
char *
ag_layout_write_dot (AgLayout *self,
                     AgGraph  *graph)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree Agnode_t **nodes = NULL;
  GString *text = g_string_new (NULL);
  Agraph_t *g;

  g_return_val_if_fail (AG_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (AG_IS_GRAPH (graph), NULL);

  ag_graph_measure (graph);
  locker = g_mutex_locker_new (&graphviz_lock);
  nodes = g_new0 (Agnode_t *, MAX (ag_graph_get_n_nodes (graph), 1));
  g = build_cgraph (graph, choose_engine (self->engine, graph), self->seed, nodes, NULL);
  agwrite (g, text);
  agclose (g);

  return g_string_free (text, FALSE);
}

/* For code that calls Graphviz itself (tests): hold this meanwhile. It
 * resets the random generators as a layout does. */
void
ag_layout_lock_graphviz (void)
{
  g_mutex_lock (&graphviz_lock);
  get_context ();
  reset_random ();
}

void
ag_layout_unlock_graphviz (void)
{
  g_mutex_unlock (&graphviz_lock);
}
