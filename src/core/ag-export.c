/* ag-export.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ag-export.h"
#include "ag-layout.h"
#include "ag-renderer.h"

/* Writes a laid-out graph to a file.
 *
 * SVG, PNG and PDF are drawn by AgRenderer from the geometry already
 * computed, so they show what the screen shows; DOT is the graph that
 * Graphviz was given; GraphML and JSON carry the data and the positions. */

G_DEFINE_QUARK (ag-export-error-quark, ag_export_error)

static const struct {
  const char *name;
  const char *extensions[3];
} formats[AG_EXPORT_N_FORMATS] = {
  [AG_EXPORT_SVG]     = { "svg",     { ".svg", NULL } },
  [AG_EXPORT_PNG]     = { "png",     { ".png", NULL } },
  [AG_EXPORT_PDF]     = { "pdf",     { ".pdf", NULL } },
  [AG_EXPORT_DOT]     = { "dot",     { ".dot", ".gv", NULL } },
  [AG_EXPORT_GRAPHML] = { "graphml", { ".graphml", NULL } },
  [AG_EXPORT_JSON]    = { "json",    { ".json", NULL } },
};

void
ag_export_options_init (AgExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->scale = 2.0;
  options->background = AG_RENDERER_WHITE;
  options->legend = TRUE;
  options->seed = 1;
}

const char *
ag_export_format_to_string (AgExportFormat format)
{
  g_return_val_if_fail (format < AG_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
ag_export_format_from_string (const char     *str,
                              AgExportFormat *format)
{
  for (guint i = 0; str != NULL && i < AG_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (str, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/* The format that @path's extension names, case aside. */
gboolean
ag_export_format_from_path (const char     *path,
                            AgExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < AG_EXPORT_N_FORMATS; i++)
    for (guint e = 0; formats[i].extensions[e] != NULL; e++)
      if (g_str_has_suffix (lower, formats[i].extensions[e]))
        {
          *format = i;
          return TRUE;
        }
  return FALSE;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, AG_EXPORT_ERROR, AG_EXPORT_ERROR_FAILED,
               _("Could not draw the graph: %s"), cairo_status_to_string (status));
  return FALSE;
}

static void
paint_background (cairo_t *cr,
                  guint32  rgba)
{
  if ((rgba & 0xff) == 0)
    return;
  cairo_set_source_rgba (cr, (rgba >> 24) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                         ((rgba >> 8) & 0xff) / 255.0, (rgba & 0xff) / 255.0);
  cairo_paint (cr);
}

static GBytes *
write_png (AgRenderer             *renderer,
           const AgExportOptions  *options,
           GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height, scale;
  int pw, ph;

  ag_renderer_get_size (renderer, &width, &height);
  scale = options->scale > 0 ? options->scale : 2.0;
  scale = MIN (scale, AG_EXPORT_PNG_MAX_SIDE / MAX (width, height));
  if (width * height * scale * scale > AG_EXPORT_PNG_MAX_PIXELS)
    scale = sqrt (AG_EXPORT_PNG_MAX_PIXELS / (width * height));
  if (scale < options->scale)
    g_debug ("PNG scale lowered from %g to %g to keep the image in bounds", options->scale, scale);

  pw = MAX (1, (int) ceil (width * scale));
  ph = MAX (1, (int) ceil (height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  paint_background (cr, options->background);
  cairo_scale (cr, scale, scale);
  ag_renderer_draw (renderer, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static GBytes *
write_pdf (AgRenderer             *renderer,
           const AgExportOptions  *options,
           GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  ag_renderer_get_size (renderer, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Actor Graph " PACKAGE_VERSION);
  cr = cairo_create (surface);
  paint_background (cr, options->background);
  ag_renderer_draw (renderer, cr);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
append_data (GString    *out,
             const char *key,
             const char *value)
{
  g_string_append_printf (out, "      <data key=\"%s\">", key);
  ag_renderer_append_xml (out, value);
  g_string_append (out, "</data>\n");
}

static void
append_double_data (GString    *out,
                    const char *key,
                    double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  append_data (out, key, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static GBytes *
write_graphml (AgGeometry *geometry)
{
  AgGraph *graph = ag_geometry_get_graph (geometry);
  GString *out = g_string_new (NULL);

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"actor\" for=\"node\" attr.name=\"actor\" attr.type=\"long\"/>\n"
    "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
    "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
    "  <key id=\"width\" for=\"node\" attr.name=\"width\" attr.type=\"double\"/>\n"
    "  <key id=\"height\" for=\"node\" attr.name=\"height\" attr.type=\"double\"/>\n"
    "  <key id=\"claim_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"disputed\" for=\"edge\" attr.name=\"disputed\" attr.type=\"boolean\"/>\n"
    "  <key id=\"claims\" for=\"edge\" attr.name=\"claims\" attr.type=\"int\"/>\n"
    "  <key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <graph id=\"actors\" edgedefault=\"directed\">\n");

  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      const AgGraphNode *node = ag_graph_get_node (graph, i);
      const AgGeometryNode *g = ag_geometry_get_node (geometry, i);
      char id[32];

      g_string_append_printf (out, "    <node id=\"a%" G_GINT64_FORMAT "\">\n", node->actor_id);
      append_data (out, "label", node->name);
      append_data (out, "kind", ag_actor_kind_to_string (node->kind));
      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, node->actor_id);
      append_data (out, "actor", id);
      append_double_data (out, "x", g->x);
      append_double_data (out, "y", g->y);
      append_double_data (out, "width", g->width);
      append_double_data (out, "height", g->height);
      g_string_append (out, "    </node>\n");
    }

  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);
      g_autofree char *id = ag_graph_dup_edge_id (graph, i);
      g_autofree char *title = ag_graph_dup_edge_label (graph, i);
      char count[16];

      g_string_append_printf (out, "    <edge id=\"%s\" source=\"a%" G_GINT64_FORMAT "\" target=\"a%" G_GINT64_FORMAT "\">\n",
                              id, ag_graph_get_node (graph, edge->source)->actor_id,
                              ag_graph_get_node (graph, edge->target)->actor_id);
      append_data (out, "claim_kind", ag_claim_kind_to_string (edge->kind));
      append_double_data (out, "weight", edge->n_documents);
      append_data (out, "disputed", edge->disputed ? "true" : "false");
      g_snprintf (count, sizeof count, "%u", edge->claims->len);
      append_data (out, "claims", count);
      append_data (out, "edge_label", title);
      g_string_append (out, "    </edge>\n");
    }

  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free_to_bytes (out);
}

static void
add_point (JsonBuilder   *builder,
           const AgPoint *point)
{
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, round (point->x * 100) / 100);
  json_builder_add_double_value (builder, round (point->y * 100) / 100);
  json_builder_end_array (builder);
}

static void
add_member_double (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, round (value * 100) / 100);
}

static GBytes *
write_json (AgGeometry *geometry)
{
  AgGraph *graph = ag_geometry_get_graph (geometry);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "engine");
  json_builder_add_string_value (builder, ag_geometry_get_engine (geometry));
  add_member_double (builder, "width", ag_geometry_get_width (geometry));
  add_member_double (builder, "height", ag_geometry_get_height (geometry));

  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      const AgGraphNode *node = ag_graph_get_node (graph, i);
      const AgGeometryNode *g = ag_geometry_get_node (geometry, i);
      g_autofree char *id = g_strdup_printf ("a%" G_GINT64_FORMAT, node->actor_id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "actor");
      json_builder_add_int_value (builder, node->actor_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, node->name);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, node->label);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ag_actor_kind_to_string (node->kind));
      add_member_double (builder, "x", g->x);
      add_member_double (builder, "y", g->y);
      add_member_double (builder, "width", g->width);
      add_member_double (builder, "height", g->height);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "edges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);
      const AgGeometryEdge *g = ag_geometry_get_edge (geometry, i);
      g_autofree char *id = ag_graph_dup_edge_id (graph, i);
      g_autofree char *source = g_strdup_printf ("a%" G_GINT64_FORMAT, ag_graph_get_node (graph, edge->source)->actor_id);
      g_autofree char *target = g_strdup_printf ("a%" G_GINT64_FORMAT, ag_graph_get_node (graph, edge->target)->actor_id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, source);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, target);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ag_claim_kind_to_string (edge->kind));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_int_value (builder, edge->n_documents);
      json_builder_set_member_name (builder, "disputed");
      json_builder_add_boolean_value (builder, edge->disputed);
      json_builder_set_member_name (builder, "claims");
      json_builder_begin_array (builder);
      for (guint c = 0; c < edge->claims->len; c++)
        json_builder_add_int_value (builder, g_array_index (edge->claims, gint64, c));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "points");
      json_builder_begin_array (builder);
      for (guint p = 0; p < g->n_points; p++)
        add_point (builder, &g->points[p]);
      json_builder_end_array (builder);
      if (g->has_head)
        {
          json_builder_set_member_name (builder, "head");
          add_point (builder, &g->head);
        }
      if (g->has_tail)
        {
          json_builder_set_member_name (builder, "tail");
          add_point (builder, &g->tail);
        }
      if (g->has_label)
        {
          json_builder_set_member_name (builder, "label");
          add_point (builder, &g->label);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/**
 * ag_export_to_bytes:
 * @options: (nullable): %NULL for the defaults
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
ag_export_to_bytes (AgGeometry             *geometry,
                    AgExportFormat          format,
                    const AgExportOptions  *options,
                    GError                **error)
{
  g_autoptr(AgRenderer) renderer = NULL;
  AgExportOptions defaults;

  g_return_val_if_fail (AG_IS_GEOMETRY (geometry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      ag_export_options_init (&defaults);
      options = &defaults;
    }

  if (format == AG_EXPORT_SVG || format == AG_EXPORT_PNG || format == AG_EXPORT_PDF)
    {
      renderer = ag_renderer_new (geometry);
      ag_renderer_set_show_legend (renderer, options->legend);
    }

  switch (format)
    {
    case AG_EXPORT_SVG:
      {
        GString *out = g_string_sized_new (4096);

        ag_renderer_write_svg (renderer, options->background, out);
        return g_string_free_to_bytes (out);
      }
    case AG_EXPORT_PNG:
      return write_png (renderer, options, error);
    case AG_EXPORT_PDF:
      return write_pdf (renderer, options, error);
    case AG_EXPORT_DOT:
      {
        AgLayoutEngine engine = AG_LAYOUT_ENGINE_AUTO;
        g_autoptr(AgLayout) layout = NULL;
        char *text;

        ag_layout_engine_from_string (ag_geometry_get_engine (geometry), &engine);
        layout = ag_layout_new (engine);
        ag_layout_set_seed (layout, options->seed);
        text = ag_layout_write_dot (layout, ag_geometry_get_graph (geometry));
        return g_bytes_new_take (text, strlen (text));
      }
    case AG_EXPORT_GRAPHML:
      return write_graphml (geometry);
    case AG_EXPORT_JSON:
      return write_json (geometry);
    default:
      g_set_error (error, AG_EXPORT_ERROR, AG_EXPORT_ERROR_FORMAT,
                   _("Unknown export format %d"), (int) format);
      return NULL;
    }
}

/**
 * ag_export_to_file:
 *
 * Writes the export to @file, replacing it only once complete.
 */
gboolean
ag_export_to_file (AgGeometry             *geometry,
                   AgExportFormat          format,
                   const AgExportOptions  *options,
                   GFile                  *file,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (AG_IS_GEOMETRY (geometry), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ag_export_to_bytes (geometry, format, options, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
