/* test-export.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gvc.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "ag-case.h"
#include "ag-export.h"
#include "ag-graph.h"
#include "ag-layout.h"
#include "ag-renderer.h"

/* Names that try to break out of every format. */
static const char * const hostile_names[] = {
  "Quote \"Q\" Group",
  "Back\\slash \\N \\G Team\\",
  "<script>alert(1)</script> Scripters",
  "Smith & Jones",
  "<b>Bold</b> Bears",
  "Line\nBreak\nGroup",
  "Arrow -> Target",
  "Bracket ] Crew [ x=1",
  "Semi ; Colon",
  "graph",
  "node",
  "strict digraph { evil -> node }",
  "Entity &amp; &#60; Literal",
  "فرقة القراصنة",
  "קבוצת האקרים APT",
  "中国网络部队",
  "Фэнси Беар",
  "Panda 🐼 Team",
  "onload=\"alert(2)\" Onload",
  NULL, /* the 1,000-character name */
};

#define N_HOSTILE G_N_ELEMENTS (hostile_names)

typedef struct
{
  AgCase     *kase;
  AgGraph    *graph;
  AgGeometry *geometry;
  char      **names;   /* the actors' names as the case holds them */
} Fixture;

static char *
long_name (void)
{
  GString *name = g_string_new ("Long ");

  while (name->len < 1000)
    g_string_append (name, "verylongword ");
  g_string_truncate (name, 1000);
  return g_string_free (name, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  AgLayoutEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgExtraction) extraction = ag_extraction_new ("hostile.txt");
  g_autoptr(AgDocument) document = ag_document_new ("hostile", NULL, "text");
  g_autofree char *longest = long_name ();
  g_autoptr(AgLayout) layout = ag_layout_new (engine);
  const char *names[N_HOSTILE];

  memcpy (names, hostile_names, sizeof names);
  names[N_HOSTILE - 1] = longest;

  fixture->kase = ag_case_new_temporary (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_HOSTILE; i++)
    ag_extraction_add_actor (extraction, i % 2 ? AG_ACTOR_THREAT_GROUP : AG_ACTOR_COUNTRY, names[i]);
  for (guint i = 0; i < N_HOSTILE; i++)
    ag_extraction_add_claim (extraction, AG_CLAIM_ACCUSES, NULL, names[i], names[(i + 1) % N_HOSTILE]);
  ag_extraction_add_claim (extraction, AG_CLAIM_DENIES, NULL, names[1], names[0]);
  g_assert_true (ag_case_add_document (fixture->kase, document, extraction, NULL, &error));
  g_assert_no_error (error);

  /* Exactly one actor per name. */
  g_assert_cmpuint (g_list_model_get_n_items (ag_case_get_actors (fixture->kase)), ==, N_HOSTILE);

  fixture->graph = ag_graph_new (fixture->kase, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_graph_get_n_nodes (fixture->graph), ==, N_HOSTILE);
  fixture->names = g_new0 (char *, N_HOSTILE + 1);
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      fixture->names[i] = g_strdup (ag_graph_get_node (fixture->graph, i)->name);
      g_assert_nonnull (ag_case_find_actor (fixture->kase, fixture->names[i]));
    }

  fixture->geometry = ag_layout_compute (layout, fixture->graph, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->geometry);
  g_clear_object (&fixture->graph);
  g_clear_object (&fixture->kase);
  g_clear_pointer (&fixture->names, g_strfreev);
}

static GBytes *
export (Fixture        *fixture,
        AgExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ag_export_to_bytes (fixture->geometry, format, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static xmlDoc *
parse_xml (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, size, "export.xml", "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);  /* well-formed, or NULL */
  return doc;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      {
        xmlChar *content = xmlNodeGetContent (child);
        char *text = g_strdup ((const char *) content);

        xmlFree (content);
        return text;
      }
  return NULL;
}

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *text = g_strdup ((const char *) value);

  xmlFree (value);
  return text;
}

/* No live markup: no element but the ones we write, no event handler, no
 * reference to anything outside. */
static void
check_svg_element (xmlNode *node)
{
  static const char * const allowed[] = { "svg", "g", "title", "path", "text", "tspan", "rect", NULL };

  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_assert_true (g_strv_contains (allowed, (const char *) node->name));
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_assert_false (g_ascii_strncasecmp ((const char *) attr->name, "on", 2) == 0);
          g_assert_false (g_str_equal ((const char *) attr->name, "href"));
          g_assert_null (attr->ns);
        }
      check_svg_element (node->children);
    }
}

static void
count_svg_groups (xmlNode    *node,
                  GHashTable *titles,
                  guint      *n_nodes,
                  guint      *n_edges)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) node->name, "g"))
        {
          g_autofree char *klass = get_prop (node, "class");
          g_autofree char *id = get_prop (node, "id");

          if (klass != NULL && g_str_has_prefix (klass, "node "))
            {
              g_autofree char *title = child_text (node, "title");

              g_assert_nonnull (id);
              g_assert_nonnull (title);
              g_hash_table_add (titles, g_steal_pointer (&title));
              (*n_nodes)++;
            }
          else if (klass != NULL && g_str_has_prefix (klass, "edge "))
            {
              g_autofree char *title = child_text (node, "title");

              g_assert_nonnull (title);
              (*n_edges)++;
            }
        }
      count_svg_groups (node->children, titles, n_nodes, n_edges);
    }
}

static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, AG_EXPORT_SVG);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc = parse_xml (bytes);
  xmlNode *root = xmlDocGetRootElement (doc);
  guint n_nodes = 0, n_edges = 0;

  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  check_svg_element (root);
  count_svg_groups (root, titles, &n_nodes, &n_edges);
  g_assert_cmpuint (n_nodes, ==, N_HOSTILE);
  g_assert_cmpuint (n_edges, ==, ag_graph_get_n_edges (fixture->graph));
  for (guint i = 0; i < N_HOSTILE; i++)
    g_assert_true (g_hash_table_contains (titles, fixture->names[i]));

  /* Text stays text. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  ">&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<script"));
  xmlFreeDoc (doc);
}

static void
test_export_graphml (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, AG_EXPORT_GRAPHML);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc = parse_xml (bytes);
  xmlNode *graph = NULL;
  guint n_nodes = 0, n_edges = 0;

  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "graph"))
      graph = n;
  g_assert_nonnull (graph);

  for (xmlNode *n = graph->children; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) n->name, "node"))
        {
          for (xmlNode *d = n->children; d != NULL; d = d->next)
            {
              g_autofree char *key = d->type == XML_ELEMENT_NODE ? get_prop (d, "key") : NULL;

              if (g_strcmp0 (key, "label") == 0)
                {
                  xmlChar *content = xmlNodeGetContent (d);

                  g_hash_table_add (labels, g_strdup ((const char *) content));
                  xmlFree (content);
                }
            }
          n_nodes++;
        }
      else if (g_str_equal ((const char *) n->name, "edge"))
        n_edges++;
    }

  g_assert_cmpuint (n_nodes, ==, N_HOSTILE);
  g_assert_cmpuint (n_edges, ==, ag_graph_get_n_edges (fixture->graph));
  for (guint i = 0; i < N_HOSTILE; i++)
    g_assert_true (g_hash_table_contains (labels, fixture->names[i]));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "<data key=\"disputed\">true</data>"));
  xmlFreeDoc (doc);
}

/* Graphviz reads the DOT back, with one node per actor and the label as
 * given, and lays it out where our layout put it. */
static void
test_export_dot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, AG_EXPORT_DOT);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  double height = ag_geometry_get_height (fixture->geometry);
  Agraph_t *g;
  boxf bb;
  guint n = 0;

  ag_layout_lock_graphviz ();
  g = agmemread (text);
  g_assert_nonnull (g);
  g_assert_cmpint (agnnodes (g), ==, N_HOSTILE);
  g_assert_cmpint (agnedges (g), ==, ag_graph_get_n_edges (fixture->graph));

  for (Agnode_t *node = agfstnode (g); node != NULL; node = agnxtnode (g, node), n++)
    {
      const AgGraphNode *expected = NULL;
      char *label = agget (node, (char *) "label");
      g_autoptr(GString) html = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      guint index;

      g_assert_true (node != NULL && agnameof (node)[0] == 'a');
      g_assert_true (ag_graph_find_node (fixture->graph, g_ascii_strtoll (agnameof (node) + 1, NULL, 10), &index));
      expected = ag_graph_get_node (fixture->graph, index);

      /* The label is the escaped text of the shown label. */
      g_assert_true (aghtmlstr (label));
      lines = g_strsplit (expected->label, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

          if (i > 0)
            g_string_append (html, "<BR/>");
          g_string_append (html, escaped);
        }
      g_assert_cmpstr (label, ==, html->str);
    }

  g_assert_cmpint (gvLayout (gvContext (), g, ag_geometry_get_engine (fixture->geometry)), ==, 0);
  bb = GD_bb (g);
  g_assert_cmpfloat_with_epsilon (bb.UR.y - bb.LL.y, height, 0.5);
  for (Agnode_t *node = agfstnode (g); node != NULL; node = agnxtnode (g, node))
    {
      guint index;
      const AgGeometryNode *expected;

      ag_graph_find_node (fixture->graph, g_ascii_strtoll (agnameof (node) + 1, NULL, 10), &index);
      expected = ag_geometry_get_node (fixture->geometry, index);
      g_assert_cmpfloat_with_epsilon (ND_coord (node).x - bb.LL.x, expected->x, 0.5);
      g_assert_cmpfloat_with_epsilon (bb.UR.y - ND_coord (node).y, expected->y, 0.5);
    }
  gvFreeLayout (gvContext (), g);
  agclose (g);
  ag_layout_unlock_graphviz ();
}

typedef struct
{
  GBytes *bytes;
  gsize   offset;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (reader->bytes, &size);

  if (reader->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, bytes + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, AG_EXPORT_PNG);
  g_autoptr(AgRenderer) renderer = ag_renderer_new (fixture->geometry);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) small = NULL;
  Reader reader = { bytes, 0 };
  cairo_surface_t *surface;
  AgExportOptions options;
  double width, height;

  ag_renderer_get_size (renderer, &width, &height);
  surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * 2));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * 2));
  cairo_surface_destroy (surface);

  /* Scale 1, transparent. */
  ag_export_options_init (&options);
  options.scale = 1;
  options.background = AG_RENDERER_TRANSPARENT;
  small = ag_export_to_bytes (fixture->geometry, AG_EXPORT_PNG, &options, &error);
  g_assert_no_error (error);
  reader.bytes = small;
  reader.offset = 0;
  surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width));
  /* The top left corner is see-through. */
  cairo_surface_flush (surface);
  g_assert_cmpuint (((guint32 *) (gpointer) cairo_image_surface_get_data (surface))[0] >> 24, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, AG_EXPORT_PDF);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc = NULL;
  g_autoptr(GObject) page = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_bytes_get_size (bytes) > 5 && memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) == 0);
  doc = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (doc)), ==, 1);
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), 0));
  text = poppler_page_get_text (POPPLER_PAGE (page));
  /* Vector text, not pixels. */
  g_assert_nonnull (strstr (text, "Smith & Jones"));
  g_assert_nonnull (strstr (text, "Scripters"));
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (fixture, AG_EXPORT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *nodes, *edges;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  nodes = json_object_get_array_member (root, "nodes");
  edges = json_object_get_array_member (root, "edges");
  g_assert_cmpuint (json_array_get_length (nodes), ==, N_HOSTILE);
  g_assert_cmpuint (json_array_get_length (edges), ==, ag_graph_get_n_edges (fixture->graph));
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);

      g_hash_table_add (names, (gpointer) json_object_get_string_member (node, "name"));
      g_assert_true (json_object_has_member (node, "x"));
      g_assert_true (json_object_has_member (node, "y"));
    }
  for (guint i = 0; i < N_HOSTILE; i++)
    g_assert_true (g_hash_table_contains (names, fixture->names[i]));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (edges, 0), "points")), >=, 4);
}

static void
test_export_formats (void)
{
  AgExportFormat format;

  g_assert_true (ag_export_format_from_path ("/tmp/a.SVG", &format));
  g_assert_cmpint (format, ==, AG_EXPORT_SVG);
  g_assert_true (ag_export_format_from_path ("graph.gv", &format));
  g_assert_cmpint (format, ==, AG_EXPORT_DOT);
  g_assert_true (ag_export_format_from_path ("g.graphml", &format));
  g_assert_cmpint (format, ==, AG_EXPORT_GRAPHML);
  g_assert_false (ag_export_format_from_path ("g.txt", &format));
  g_assert_true (ag_export_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, AG_EXPORT_JSON);
}

/* The sample case through the command line, every format. */
static void
test_export_cli (void)
{
  const char *cli = g_getenv ("AG_CLI");
  g_autofree char *dir = g_dir_make_tmp ("ag-test-export-XXXXXX", NULL);
  g_autofree char *kase = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data", "sample.actorgraph", NULL);
  const char * const outputs[] = { "g.svg", "g.png", "g.pdf", "g.dot", "g.graphml", "g.json" };

  if (cli == NULL || !g_file_test (kase, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no command line or sample case");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = g_build_filename (dir, outputs[i], NULL);
      const char *argv[] = { cli, "export", kase, out, "--around", "China", "--depth", "2", NULL };
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   NULL, &err, &status, NULL));
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
      g_remove (out);
    }

  {
    const char *argv[] = { cli, "export", kase, "out.txt", NULL };
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, engine, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (engine), fixture_setup, func, fixture_teardown)

  g_test_add_func ("/export/formats", test_export_formats);
  ADD ("/export/hostile/svg", AG_LAYOUT_ENGINE_AUTO, test_export_svg);
  ADD ("/export/hostile/graphml", AG_LAYOUT_ENGINE_AUTO, test_export_graphml);
  ADD ("/export/hostile/dot", AG_LAYOUT_ENGINE_AUTO, test_export_dot);
  ADD ("/export/hostile/dot-sfdp", AG_LAYOUT_ENGINE_SFDP, test_export_dot);
  ADD ("/export/hostile/dot-neato", AG_LAYOUT_ENGINE_NEATO, test_export_dot);
  ADD ("/export/hostile/png", AG_LAYOUT_ENGINE_AUTO, test_export_png);
  ADD ("/export/hostile/pdf", AG_LAYOUT_ENGINE_AUTO, test_export_pdf);
  ADD ("/export/hostile/json", AG_LAYOUT_ENGINE_AUTO, test_export_json);
  g_test_add_func ("/export/cli", test_export_cli);

  return g_test_run ();
}
