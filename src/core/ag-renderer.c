/* ag-renderer.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "ag-renderer.h"

/* AgRenderer: draws an AgGeometry, with no GTK in sight.
 *
 * One drawing routine walks the geometry and emits paths and text to a
 * small canvas interface with two backends: cairo (the screen, PNG, PDF)
 * and SVG text (so that each node and edge gets its own group, id and
 * title, and text stays text). Both show the same picture. Units are
 * points; (0, 0) is the top left of the drawing, margin included. */

typedef struct
{
  double x0, y0, x1, y1;
} Box;

typedef struct _Palette Palette;

struct _AgRenderer
{
  GObject           parent_instance;

  AgGeometry       *geometry;
  PangoContext     *context;
  PangoLayout     **node_layouts;                   /* lazily, per node */
  PangoLayout      *kind_layouts[AG_N_CLAIM_KINDS]; /* edge labels */
  PangoLayout      *legend_layouts[AG_N_CLAIM_KINDS + 1];
  gboolean          show_legend;
  const Palette    *palette;

  /* On a screen: its scale factor, 0 for files. */
  double            screen_scale;
  AgRendererLabels  labels;

  /* What the view points at (indices, -1 for none), and per node and
   * edge the flags that follow from it. */
  gint              emphasis_node;
  gint              emphasis_edge;
  gint              selected_node;
  gint              selected_edge;
  guint8           *node_flags;
  guint8           *edge_flags;

  /* Computed once from the geometry, when first needed. */
  Box              *node_boxes;
  Box              *edge_boxes;
  guint            *incidence_start;  /* n_nodes + 1 offsets into incidence */
  guint            *incidence;        /* edge indices, by node */
  gboolean          hubs_marked;

  cairo_t          *scratch;          /* for hit-testing shapes */
  guint             stats[3];         /* nodes, edges and labels drawn */
};

G_DEFINE_FINAL_TYPE (AgRenderer, ag_renderer, G_TYPE_OBJECT)

/* The legend's rows. */
#define LEGEND_ROW     14.0
#define LEGEND_SAMPLE  24.0
#define LEGEND_FONT     8.0
#define SYMBOL_SIZE    10.0
#define SYMBOL_GAP      4.0
#define EDGE_FONT       8.0

/* Graphviz's names of the shapes. */
static const char * const actor_shapes[AG_N_ACTOR_KINDS] = {
  [AG_ACTOR_COUNTRY]      = "ellipse",
  [AG_ACTOR_ALLIANCE]     = "hexagon",
  [AG_ACTOR_THREAT_GROUP] = "octagon",
  [AG_ACTOR_ORGANIZATION] = "box",
  [AG_ACTOR_PERSON]       = "box",
};

typedef struct
{
  const char *fill;
  const char *stroke;
} ActorColors;

struct _Palette
{
  const char  *background;
  const char  *text;
  const char  *accent;
  const char  *disputed;
  ActorColors  actors[AG_N_ACTOR_KINDS];
  const char  *claims[AG_N_CLAIM_KINDS];
};

/* The files' colours, and the screen's in the light style. */
static const Palette light_palette = {
  .background = "#ffffff",
  .text       = "#1a1a1a",
  .accent     = "#3584e4",
  .disputed   = "#d6008f",
  .actors = {
    [AG_ACTOR_COUNTRY]      = { "#dbe9f6", "#2a6db0" },
    [AG_ACTOR_ALLIANCE]     = { "#e2f1df", "#3b8a3f" },
    [AG_ACTOR_THREAT_GROUP] = { "#fbe1dd", "#b3261e" },
    [AG_ACTOR_ORGANIZATION] = { "#ece4f3", "#74409b" },
    [AG_ACTOR_PERSON]       = { "#fcf0d4", "#9a6200" },
  },
  .claims = {
    [AG_CLAIM_ACCUSES]    = "#c0392b",
    [AG_CLAIM_ATTRIBUTES] = "#1f3a93",
    [AG_CLAIM_TARGETS]    = "#d35400",
    [AG_CLAIM_DENIES]     = "#7f8c8d",
    [AG_CLAIM_MEMBER_OF]  = "#16a085",
    [AG_CLAIM_SANCTIONS]  = "#6d4c41",
    [AG_CLAIM_COOPERATES] = "#27ae60",
  },
};

/* The dark style: the same hues, dark fills under light outlines and
 * text, and lines light enough to read on the dark background. */
static const Palette dark_palette = {
  .background = "#1e1e1e",
  .text       = "#ededed",
  .accent     = "#78aeed",
  .disputed   = "#ff6ccb",
  .actors = {
    [AG_ACTOR_COUNTRY]      = { "#1d3550", "#86b8ee" },
    [AG_ACTOR_ALLIANCE]     = { "#1f3a22", "#8fd392" },
    [AG_ACTOR_THREAT_GROUP] = { "#4b211e", "#f4938a" },
    [AG_ACTOR_ORGANIZATION] = { "#33284a", "#cbaaea" },
    [AG_ACTOR_PERSON]       = { "#43351a", "#eec36e" },
  },
  .claims = {
    [AG_CLAIM_ACCUSES]    = "#ff7e70",
    [AG_CLAIM_ATTRIBUTES] = "#93a9ff",
    [AG_CLAIM_TARGETS]    = "#ffa352",
    [AG_CLAIM_DENIES]     = "#aeb7b8",
    [AG_CLAIM_MEMBER_OF]  = "#4fd3b7",
    [AG_CLAIM_SANCTIONS]  = "#cfa393",
    [AG_CLAIM_COOPERATES] = "#6cd98f",
  },
};

/* Node flags */
#define NODE_EMPHASISED     (1 << 0)  /* the pointed-at node and its neighbours */
#define NODE_NEAR_SELECTION (1 << 1)  /* the selected node and its neighbours */
#define NODE_HUB            (1 << 2)  /* among the nodes with the most claims */
/* Edge flags */
#define EDGE_EMPHASISED     (1 << 0)

/* On a screen: how opaque what is not emphasised stays, the smallest
 * readable text (font size in pixels), and the smallest symbol drawn. */
#define DIMMED_ALPHA        0.22
#define MIN_SYMBOL_PIXELS   5.0
#define MIN_HEAD_PIXELS     2.5

/* The canvas: what a drawing is made of. */
typedef struct
{
  const char *fill;    /* "#rrggbb" or NULL */
  const char *stroke;  /* "#rrggbb" or NULL */
  double      width;
  gboolean    dashed;
} Paint;

typedef struct _Canvas Canvas;

typedef struct
{
  void (*begin_group) (Canvas *canvas, const char *id, const char *klass, const char *title);
  void (*end_group)   (Canvas *canvas);
  void (*move_to)     (Canvas *canvas, double x, double y);
  void (*line_to)     (Canvas *canvas, double x, double y);
  void (*curve_to)    (Canvas *canvas, double x1, double y1, double x2, double y2, double x3, double y3);
  void (*close_path)  (Canvas *canvas);
  void (*paint)       (Canvas *canvas, const Paint *paint);
  /* @layout is the text laid out; (x, y) the centre of its box. */
  void (*text)        (Canvas *canvas, PangoLayout *layout, const char *text,
                       double x, double y, double size, const char *color);
} CanvasClass;

struct _Canvas
{
  const CanvasClass *klass;
  AgRenderer        *renderer;
  double             clip[4];  /* x0 y0 x1 y1 of what is visible */
  gboolean           needs_layouts;
  double             alpha;    /* how opaque what is painted is */
  double             device;   /* device units per point */
  double             pixel;    /* points per screen pixel */
  gboolean           base_only; /* drawing the base layer alone */
  guint              stats[3]; /* nodes, edges and labels drawn */
};

/* Colours */

static gboolean
parse_hex (const char *str,
           guint32    *rgba)
{
  guint len = strlen (str);
  guint32 value = 0;

  if (len != 3 && len != 6 && len != 8)
    return FALSE;
  for (guint i = 0; i < len; i++)
    if (!g_ascii_isxdigit (str[i]))
      return FALSE;

  if (len == 3)
    {
      for (guint i = 0; i < 3; i++)
        value = (value << 8) | (g_ascii_xdigit_value (str[i]) * 17);
      value = (value << 8) | 0xff;
    }
  else
    {
      value = (guint32) g_ascii_strtoull (str, NULL, 16);
      if (len == 6)
        value = (value << 8) | 0xff;
    }
  *rgba = value;
  return TRUE;
}

/**
 * ag_renderer_parse_color:
 *
 * Reads "#rgb", "#rrggbb", "#rrggbbaa", "white", "black", "transparent"
 * or "none".
 */
gboolean
ag_renderer_parse_color (const char *str,
                         guint32    *rgba)
{
  g_return_val_if_fail (rgba != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "white") == 0)
    *rgba = AG_RENDERER_WHITE;
  else if (g_ascii_strcasecmp (str, "black") == 0)
    *rgba = 0x000000ff;
  else if (g_ascii_strcasecmp (str, "transparent") == 0 || g_ascii_strcasecmp (str, "none") == 0)
    *rgba = AG_RENDERER_TRANSPARENT;
  else if (str[0] == '#')
    return parse_hex (str + 1, rgba);
  else
    return FALSE;
  return TRUE;
}

static void
set_source (cairo_t    *cr,
            const char *color,
            double      alpha)
{
  guint32 rgba = 0x000000ff;

  parse_hex (color + 1, &rgba);
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, (rgba >> 24) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                          ((rgba >> 8) & 0xff) / 255.0);
  else
    cairo_set_source_rgba (cr, (rgba >> 24) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                           ((rgba >> 8) & 0xff) / 255.0, alpha);
}

/* XML text */

/**
 * ag_renderer_append_xml:
 *
 * Appends @text escaped for XML element content and attribute values
 * alike: markup characters become entities, line breaks and tabs become
 * character references (so attribute values keep them), and characters
 * XML 1.0 forbids become U+FFFD.
 */
void
ag_renderer_append_xml (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffe || c == 0xffff)
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

/* Appends a coordinate with two decimals whatever the locale. */
static void
append_number (GString *out,
               double   value)
{
  gint64 hundredths = (gint64) llround (value * 100.0);

  if (hundredths < 0)
    {
      g_string_append_c (out, '-');
      hundredths = -hundredths;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT, hundredths / 100);
  if (hundredths % 100 != 0)
    {
      g_string_append_printf (out, ".%02d", (int) (hundredths % 100));
      if (out->str[out->len - 1] == '0')
        g_string_truncate (out, out->len - 1);
    }
}

/* The cairo canvas */

typedef struct
{
  Canvas   parent;
  cairo_t *cr;
} CairoCanvas;

static void
cairo_begin_group (Canvas     *canvas,
                   const char *id,
                   const char *klass,
                   const char *title)
{
}

static void
cairo_end_group (Canvas *canvas)
{
}

static void
cairo_canvas_move_to (Canvas *canvas,
                      double  x,
                      double  y)
{
  cairo_move_to (((CairoCanvas *) canvas)->cr, x, y);
}

static void
cairo_canvas_line_to (Canvas *canvas,
                      double  x,
                      double  y)
{
  cairo_line_to (((CairoCanvas *) canvas)->cr, x, y);
}

static void
cairo_canvas_curve_to (Canvas *canvas,
                       double  x1,
                       double  y1,
                       double  x2,
                       double  y2,
                       double  x3,
                       double  y3)
{
  cairo_curve_to (((CairoCanvas *) canvas)->cr, x1, y1, x2, y2, x3, y3);
}

static void
cairo_canvas_close_path (Canvas *canvas)
{
  cairo_close_path (((CairoCanvas *) canvas)->cr);
}

static void
cairo_canvas_paint (Canvas      *canvas,
                    const Paint *paint)
{
  cairo_t *cr = ((CairoCanvas *) canvas)->cr;

  if (paint->fill != NULL)
    {
      set_source (cr, paint->fill, canvas->alpha);
      if (paint->stroke != NULL)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (paint->stroke != NULL)
    {
      static const double dash[] = { 5.0, 3.0 };

      set_source (cr, paint->stroke, canvas->alpha);
      cairo_set_line_width (cr, paint->width);
      cairo_set_dash (cr, dash, paint->dashed ? 2 : 0, 0);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
cairo_canvas_text (Canvas      *canvas,
                   PangoLayout *layout,
                   const char  *text,
                   double       x,
                   double       y,
                   double       size,
                   const char  *color)
{
  cairo_t *cr = ((CairoCanvas *) canvas)->cr;
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  set_source (cr, color, canvas->alpha);
  cairo_move_to (cr, x - logical.width / (2.0 * PANGO_SCALE) - logical.x / (double) PANGO_SCALE,
                 y - logical.height / (2.0 * PANGO_SCALE) - logical.y / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static const CanvasClass cairo_canvas_class = {
  cairo_begin_group,
  cairo_end_group,
  cairo_canvas_move_to,
  cairo_canvas_line_to,
  cairo_canvas_curve_to,
  cairo_canvas_close_path,
  cairo_canvas_paint,
  cairo_canvas_text,
};

/* The SVG canvas */

typedef struct
{
  Canvas   parent;
  GString *out;
  GString *path;    /* the current path's "d" */
  double   ascent;  /* of the label font, in points per point of size */
  double   line;
} SvgCanvas;

static void
svg_begin_group (Canvas     *canvas,
                 const char *id,
                 const char *klass,
                 const char *title)
{
  GString *out = ((SvgCanvas *) canvas)->out;

  g_string_append (out, "<g id=\"");
  ag_renderer_append_xml (out, id);
  g_string_append (out, "\" class=\"");
  ag_renderer_append_xml (out, klass);
  g_string_append (out, "\"><title>");
  ag_renderer_append_xml (out, title);
  g_string_append (out, "</title>\n");
}

static void
svg_end_group (Canvas *canvas)
{
  g_string_append (((SvgCanvas *) canvas)->out, "</g>\n");
}

static void
svg_point (GString *path,
           char     op,
           double   x,
           double   y)
{
  if (op != '\0')
    g_string_append_c (path, op);
  append_number (path, x);
  g_string_append_c (path, ',');
  append_number (path, y);
  g_string_append_c (path, ' ');
}

static void
svg_move_to (Canvas *canvas,
             double  x,
             double  y)
{
  svg_point (((SvgCanvas *) canvas)->path, 'M', x, y);
}

static void
svg_line_to (Canvas *canvas,
             double  x,
             double  y)
{
  svg_point (((SvgCanvas *) canvas)->path, 'L', x, y);
}

static void
svg_curve_to (Canvas *canvas,
              double  x1,
              double  y1,
              double  x2,
              double  y2,
              double  x3,
              double  y3)
{
  GString *path = ((SvgCanvas *) canvas)->path;

  svg_point (path, 'C', x1, y1);
  svg_point (path, '\0', x2, y2);
  svg_point (path, '\0', x3, y3);
}

static void
svg_close_path (Canvas *canvas)
{
  g_string_append_c (((SvgCanvas *) canvas)->path, 'Z');
}

static void
svg_paint (Canvas      *canvas,
           const Paint *paint)
{
  SvgCanvas *svg = (SvgCanvas *) canvas;
  GString *out = svg->out;

  if (svg->path->len > 0 && svg->path->str[svg->path->len - 1] == ' ')
    g_string_truncate (svg->path, svg->path->len - 1);

  g_string_append (out, "<path d=\"");
  g_string_append_len (out, svg->path->str, svg->path->len);
  g_string_append (out, "\" fill=\"");
  g_string_append (out, paint->fill != NULL ? paint->fill : "none");
  g_string_append_c (out, '"');
  if (paint->stroke != NULL)
    {
      g_string_append (out, " stroke=\"");
      g_string_append (out, paint->stroke);
      g_string_append (out, "\" stroke-width=\"");
      append_number (out, paint->width);
      g_string_append_c (out, '"');
      if (paint->dashed)
        g_string_append (out, " stroke-dasharray=\"5,3\"");
    }
  if (canvas->alpha < 1.0)
    {
      g_string_append (out, " opacity=\"");
      append_number (out, canvas->alpha);
      g_string_append_c (out, '"');
    }
  g_string_append (out, "/>\n");
  g_string_truncate (svg->path, 0);
}

static void
svg_text (Canvas      *canvas,
          PangoLayout *layout,
          const char  *text,
          double       x,
          double       y,
          double       size,
          const char  *color)
{
  SvgCanvas *svg = (SvgCanvas *) canvas;
  GString *out = svg->out;
  const char *line = text;
  guint n_lines = 1;
  double top;

  for (const char *p = text; *p != '\0'; p++)
    n_lines += *p == '\n';
  top = y - n_lines * svg->line * size / 2.0;

  g_string_append (out, "<text x=\"");
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, top + svg->ascent * size);
  g_string_append (out, "\" font-size=\"");
  append_number (out, size);
  g_string_append (out, "\" fill=\"");
  g_string_append (out, color);
  if (canvas->alpha < 1.0)
    {
      g_string_append (out, "\" opacity=\"");
      append_number (out, canvas->alpha);
    }
  g_string_append (out, "\" text-anchor=\"middle\">");

  /* One tspan per line, each on a baseline of its own. */
  for (guint i = 0; i < n_lines; i++)
    {
      const char *end = strchr (line, '\n');
      g_autofree char *part = g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));

      if (n_lines == 1)
        ag_renderer_append_xml (out, part);
      else
        {
          g_string_append (out, "<tspan x=\"");
          append_number (out, x);
          g_string_append (out, "\" y=\"");
          append_number (out, top + (svg->ascent + i * svg->line) * size);
          g_string_append (out, "\">");
          ag_renderer_append_xml (out, part);
          g_string_append (out, "</tspan>");
        }
      line = end != NULL ? end + 1 : line + strlen (line);
    }
  g_string_append (out, "</text>\n");
}

static const CanvasClass svg_canvas_class = {
  svg_begin_group,
  svg_end_group,
  svg_move_to,
  svg_line_to,
  svg_curve_to,
  svg_close_path,
  svg_paint,
  svg_text,
};

/* Shapes */

#define KAPPA 0.5522847498

static void
ellipse_path (Canvas *c,
              double  x,
              double  y,
              double  rx,
              double  ry)
{
  const CanvasClass *k = c->klass;

  k->move_to (c, x + rx, y);
  k->curve_to (c, x + rx, y + ry * KAPPA, x + rx * KAPPA, y + ry, x, y + ry);
  k->curve_to (c, x - rx * KAPPA, y + ry, x - rx, y + ry * KAPPA, x - rx, y);
  k->curve_to (c, x - rx, y - ry * KAPPA, x - rx * KAPPA, y - ry, x, y - ry);
  k->curve_to (c, x + rx * KAPPA, y - ry, x + rx, y - ry * KAPPA, x + rx, y);
  k->close_path (c);
}

static void
polygon_path (Canvas        *c,
              const AgPoint *points,
              guint          n)
{
  c->klass->move_to (c, points[0].x, points[0].y);
  for (guint i = 1; i < n; i++)
    c->klass->line_to (c, points[i].x, points[i].y);
  c->klass->close_path (c);
}

static void
rounded_box_path (Canvas *c,
                  double  x0,
                  double  y0,
                  double  x1,
                  double  y1,
                  double  r)
{
  const CanvasClass *k = c->klass;
  double q = r * (1 - KAPPA);

  k->move_to (c, x0 + r, y0);
  k->line_to (c, x1 - r, y0);
  k->curve_to (c, x1 - q, y0, x1, y0 + q, x1, y0 + r);
  k->line_to (c, x1, y1 - r);
  k->curve_to (c, x1, y1 - q, x1 - q, y1, x1 - r, y1);
  k->line_to (c, x0 + r, y1);
  k->curve_to (c, x0 + q, y1, x0, y1 - q, x0, y1 - r);
  k->line_to (c, x0, y0 + r);
  k->curve_to (c, x0, y0 + q, x0 + q, y0, x0 + r, y0);
  k->close_path (c);
}

/* The node's outline, as Graphviz's shape of the same name. */
static void
node_path (Canvas                *c,
           AgActorKind            kind,
           const AgGeometryNode  *n)
{
  double w = n->width / 2, h = n->height / 2;

  switch (kind)
    {
    case AG_ACTOR_COUNTRY:
      ellipse_path (c, n->x, n->y, w, h);
      break;
    case AG_ACTOR_ALLIANCE:
      {
        AgPoint p[6] = {
          { n->x - w, n->y }, { n->x - w / 2, n->y - h }, { n->x + w / 2, n->y - h },
          { n->x + w, n->y }, { n->x + w / 2, n->y + h }, { n->x - w / 2, n->y + h },
        };

        polygon_path (c, p, 6);
      }
      break;
    case AG_ACTOR_THREAT_GROUP:
      {
        double cx = w * 0.4142, cy = h * 0.4142;
        AgPoint p[8] = {
          { n->x - cx, n->y - h }, { n->x + cx, n->y - h }, { n->x + w, n->y - cy },
          { n->x + w, n->y + cy }, { n->x + cx, n->y + h }, { n->x - cx, n->y + h },
          { n->x - w, n->y + cy }, { n->x - w, n->y - cy },
        };

        polygon_path (c, p, 8);
      }
      break;
    case AG_ACTOR_PERSON:
      rounded_box_path (c, n->x - w, n->y - h, n->x + w, n->y + h, MIN (8.0, h / 2));
      break;
    case AG_ACTOR_ORGANIZATION:
    default:
      {
        AgPoint p[4] = {
          { n->x - w, n->y - h }, { n->x + w, n->y - h },
          { n->x + w, n->y + h }, { n->x - w, n->y + h },
        };

        polygon_path (c, p, 4);
      }
      break;
    }
}

/* The kind's small symbol, centred on (x, y), SYMBOL_SIZE across. */
static void
symbol (Canvas      *c,
        AgActorKind  kind,
        double       x,
        double       y)
{
  const CanvasClass *k = c->klass;
  const char *color = c->renderer->palette->actors[kind].stroke;
  Paint fill = { color, NULL, 0, FALSE };
  Paint line = { NULL, color, 1.2, FALSE };
  double s = SYMBOL_SIZE / 2;

  switch (kind)
    {
    case AG_ACTOR_COUNTRY: /* a flag */
      {
        AgPoint p[4] = {
          { x - s + 1, y - s }, { x + s, y - s + 1 }, { x + s, y }, { x - s + 1, y - 1 },
        };

        polygon_path (c, p, 4);
        k->paint (c, &fill);
        k->move_to (c, x - s + 0.5, y - s);
        k->line_to (c, x - s + 0.5, y + s);
        k->paint (c, &line);
      }
      break;
    case AG_ACTOR_ALLIANCE: /* three linked members */
      k->move_to (c, x, y - s + 2);
      k->line_to (c, x - s + 2, y + s - 2);
      k->line_to (c, x + s - 2, y + s - 2);
      k->close_path (c);
      k->paint (c, &line);
      ellipse_path (c, x, y - s + 2, 2, 2);
      k->paint (c, &fill);
      ellipse_path (c, x - s + 2, y + s - 2, 2, 2);
      k->paint (c, &fill);
      ellipse_path (c, x + s - 2, y + s - 2, 2, 2);
      k->paint (c, &fill);
      break;
    case AG_ACTOR_THREAT_GROUP: /* a lightning bolt */
      {
        AgPoint p[6] = {
          { x + 1, y - s }, { x - s + 1, y + 1 }, { x, y + 1 },
          { x - 1, y + s }, { x + s - 1, y - 1 }, { x, y - 1 },
        };

        polygon_path (c, p, 6);
        k->paint (c, &fill);
      }
      break;
    case AG_ACTOR_ORGANIZATION: /* a building with columns */
      {
        AgPoint roof[3] = { { x - s, y - s + 3 }, { x, y - s }, { x + s, y - s + 3 } };

        polygon_path (c, roof, 3);
        k->paint (c, &fill);
        for (int i = -1; i <= 1; i++)
          {
            k->move_to (c, x + i * (s - 1.5), y - s + 3.5);
            k->line_to (c, x + i * (s - 1.5), y + s - 1.5);
          }
        k->move_to (c, x - s, y + s - 0.6);
        k->line_to (c, x + s, y + s - 0.6);
        k->paint (c, &line);
      }
      break;
    case AG_ACTOR_PERSON: /* head and shoulders */
    default:
      ellipse_path (c, x, y - s + 2.5, 2.5, 2.5);
      k->paint (c, &fill);
      k->move_to (c, x - s + 0.5, y + s);
      k->curve_to (c, x - s + 0.5, y + 0.5, x + s - 0.5, y + 0.5, x + s - 0.5, y + s);
      k->close_path (c);
      k->paint (c, &fill);
      break;
    }
}

/* Drawing */

typedef enum
{
  PASS_ALL,         /* everything */
  PASS_EMPHASISED,  /* what is emphasised, over the veil */
} Pass;

static gboolean
visible (Canvas *c,
         double  x0,
         double  y0,
         double  x1,
         double  y1)
{
  return x1 >= c->clip[0] && x0 <= c->clip[2] && y1 >= c->clip[1] && y0 <= c->clip[3];
}

static gboolean
box_visible (Canvas    *c,
             const Box *box)
{
  return visible (c, box->x0, box->y0, box->x1, box->y1);
}

static gboolean
is_emphasising (AgRenderer *self)
{
  return self->emphasis_node >= 0 || self->emphasis_edge >= 0;
}

/* The selection never fades, whatever is emphasised. */
static gboolean
node_in_pass (AgRenderer *self,
              guint       index,
              Pass        pass)
{
  return pass == PASS_ALL || (self->node_flags[index] & NODE_EMPHASISED) != 0 ||
         (gint) index == self->selected_node;
}

static gboolean
edge_in_pass (AgRenderer *self,
              guint       index,
              Pass        pass)
{
  return pass == PASS_ALL || (self->edge_flags[index] & EDGE_EMPHASISED) != 0 ||
         (gint) index == self->selected_edge;
}

/* The boxes that bound what each node and edge draws, arrowheads, pens
 * and the claim kinds' labels included. */
static void
ensure_boxes (AgRenderer *self)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  guint n_nodes = ag_graph_get_n_nodes (graph);
  guint n_edges = ag_graph_get_n_edges (graph);

  if (self->node_boxes != NULL)
    return;

  self->node_boxes = g_new (Box, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      const AgGeometryNode *g = ag_geometry_get_node (self->geometry, i);

      self->node_boxes[i] = (Box) { g->x - g->width / 2, g->y - g->height / 2,
                                    g->x + g->width / 2, g->y + g->height / 2 };
    }

  self->edge_boxes = g_new (Box, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      const AgGeometryEdge *g = ag_geometry_get_edge (self->geometry, i);
      Box box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      /* The control points bound the curve; the pens and the heads stay
       * within 10 points of them. */
      for (guint k = 0; k < g->n_points; k++)
        {
          box.x0 = MIN (box.x0, g->points[k].x);
          box.y0 = MIN (box.y0, g->points[k].y);
          box.x1 = MAX (box.x1, g->points[k].x);
          box.y1 = MAX (box.y1, g->points[k].y);
        }
      if (g->has_head)
        {
          box.x0 = MIN (box.x0, g->head.x); box.x1 = MAX (box.x1, g->head.x);
          box.y0 = MIN (box.y0, g->head.y); box.y1 = MAX (box.y1, g->head.y);
        }
      if (g->has_tail)
        {
          box.x0 = MIN (box.x0, g->tail.x); box.x1 = MAX (box.x1, g->tail.x);
          box.y0 = MIN (box.y0, g->tail.y); box.y1 = MAX (box.y1, g->tail.y);
        }
      box.x0 -= 10; box.y0 -= 10; box.x1 += 10; box.y1 += 10;
      if (g->has_label)
        {
          box.x0 = MIN (box.x0, g->label.x - 40); box.x1 = MAX (box.x1, g->label.x + 40);
          box.y0 = MIN (box.y0, g->label.y - 10); box.y1 = MAX (box.y1, g->label.y + 10);
        }
      self->edge_boxes[i] = box;
    }
}

/* Each node's edges, both ways. */
static void
ensure_incidence (AgRenderer *self)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  guint n_nodes = ag_graph_get_n_nodes (graph);
  guint n_edges = ag_graph_get_n_edges (graph);
  g_autofree guint *fill = NULL;

  if (self->incidence_start != NULL)
    return;

  self->incidence_start = g_new0 (guint, n_nodes + 1);
  self->incidence = g_new (guint, 2 * (gsize) n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);

      self->incidence_start[edge->source + 1]++;
      self->incidence_start[edge->target + 1]++;
    }
  for (guint i = 0; i < n_nodes; i++)
    self->incidence_start[i + 1] += self->incidence_start[i];
  fill = g_memdup2 (self->incidence_start, sizeof (guint) * n_nodes);
  for (guint i = 0; i < n_edges; i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);

      self->incidence[fill[edge->source]++] = i;
      self->incidence[fill[edge->target]++] = i;
    }
}

static void
ensure_flags (AgRenderer *self)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);

  if (self->node_flags != NULL)
    return;
  self->node_flags = g_new0 (guint8, MAX (ag_graph_get_n_nodes (graph), 1));
  self->edge_flags = g_new0 (guint8, MAX (ag_graph_get_n_edges (graph), 1));
}

/* Sets @flag on @node, on its edges (@edge_flag) and on its neighbours. */
static void
mark_neighbourhood (AgRenderer *self,
                    guint       node,
                    guint8      flag,
                    guint8      edge_flag)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);

  ensure_incidence (self);
  self->node_flags[node] |= flag;
  for (guint k = self->incidence_start[node]; k < self->incidence_start[node + 1]; k++)
    {
      guint e = self->incidence[k];
      const AgGraphEdge *edge = ag_graph_get_edge (graph, e);

      self->edge_flags[e] |= edge_flag;
      self->node_flags[edge->source] |= flag;
      self->node_flags[edge->target] |= flag;
    }
}

static void
clear_flags (AgRenderer *self,
             guint8      node_flag,
             guint8      edge_flag)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);

  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    self->node_flags[i] &= ~node_flag;
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    self->edge_flags[i] &= ~edge_flag;
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const guint *scores = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (scores[x] != scores[y])
    return scores[x] > scores[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Marks the nodes with the most claims, which keep their labels when
 * only a few are shown. */
static void
ensure_hubs (AgRenderer *self)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  guint n_nodes = ag_graph_get_n_nodes (graph);
  guint n_hubs = MIN (n_nodes, MAX (10, n_nodes / 50));
  g_autofree guint *scores = NULL;
  g_autofree guint *order = NULL;

  if (self->hubs_marked)
    return;
  self->hubs_marked = TRUE;
  ensure_flags (self);

  scores = g_new0 (guint, MAX (n_nodes, 1));
  order = g_new (guint, MAX (n_nodes, 1));
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);

      scores[edge->source] += edge->claims->len;
      scores[edge->target] += edge->claims->len;
    }
  for (guint i = 0; i < n_nodes; i++)
    order[i] = i;
  g_qsort_with_data (order, n_nodes, sizeof (guint), compare_scores, scores);
  for (guint i = 0; i < n_hubs; i++)
    self->node_flags[order[i]] |= NODE_HUB;
}

/* Whether a label of that font size is drawn. */
static gboolean
label_shown (AgRenderer *self,
             Canvas     *c,
             double      size,
             gboolean    important)
{
  double device = size * c->device;

  if (self->screen_scale <= 0)
    return TRUE;
  /* Below a device pixel, text is not even a smudge. */
  if (self->labels == AG_RENDERER_LABELS_ALL)
    return device >= 1.0;
  if (device / self->screen_scale < AG_RENDERER_READABLE_SIZE)
    return FALSE;
  return self->labels == AG_RENDERER_LABELS_AUTO || important;
}

/* The base layer knows nothing of the selection and the emphasis: the
 * overlay adds their labels. */
static gboolean
node_label_important (AgRenderer *self,
                      Canvas     *c,
                      guint       index)
{
  guint8 flags = self->node_flags != NULL ? self->node_flags[index] : 0;

  if (c->base_only)
    return (flags & NODE_HUB) != 0;
  return (gint) index == self->selected_node ||
         (flags & (NODE_EMPHASISED | NODE_NEAR_SELECTION | NODE_HUB)) != 0;
}

static gboolean
edge_label_important (AgRenderer *self,
                      Canvas     *c,
                      guint       index)
{
  if (c->base_only)
    return FALSE;
  return (gint) index == self->selected_edge ||
         (self->edge_flags != NULL && (self->edge_flags[index] & EDGE_EMPHASISED) != 0);
}

static PangoLayout *
text_layout (AgRenderer *self,
             const char *text,
             double      size)
{
  PangoLayout *layout = pango_layout_new (self->context);

  if (size != AG_RENDERER_FONT_SIZE)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (self->context));

      pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static gboolean
arrowhead_path (Canvas  *c,
                AgPoint  base,
                AgPoint  tip)
{
  double dx = tip.x - base.x, dy = tip.y - base.y;
  double length = hypot (dx, dy);
  double nx, ny;

  if (length < 0.01)
    return FALSE;
  nx = -dy / length * length * 0.35;
  ny = dx / length * length * 0.35;
  c->klass->move_to (c, tip.x, tip.y);
  c->klass->line_to (c, base.x + nx, base.y + ny);
  c->klass->line_to (c, base.x - nx, base.y - ny);
  c->klass->close_path (c);
  return TRUE;
}

static void
arrowhead (Canvas      *c,
           AgPoint      base,
           AgPoint      tip,
           const Paint *paint)
{
  Paint fill = { paint->stroke, paint->stroke, 1.0, FALSE };

  if (arrowhead_path (c, base, tip))
    c->klass->paint (c, &fill);
}

static void
edge_path (Canvas               *c,
           const AgGeometryEdge *g)
{
  c->klass->move_to (c, g->points[0].x, g->points[0].y);
  for (guint i = 1; i + 2 < g->n_points; i += 3)
    c->klass->curve_to (c, g->points[i].x, g->points[i].y,
                        g->points[i + 1].x, g->points[i + 1].y,
                        g->points[i + 2].x, g->points[i + 2].y);
}

static void
edge_paint (AgRenderer        *self,
            const AgGraphEdge *edge,
            Paint             *paint)
{
  paint->fill = NULL;
  paint->stroke = edge->disputed ? self->palette->disputed : self->palette->claims[edge->kind];
  paint->width = ag_renderer_get_pen_width (edge->n_documents);
  paint->dashed = edge->disputed;
}

static void
edge_label (AgRenderer           *self,
            Canvas               *c,
            guint                 index,
            const AgGraphEdge    *edge,
            const AgGeometryEdge *g,
            const char           *color)
{
  const char *text = ag_claim_kind_to_string (edge->kind);
  PangoLayout *layout = NULL;

  if (!g->has_label || !label_shown (self, c, EDGE_FONT, edge_label_important (self, c, index)))
    return;

  if (c->needs_layouts)
    {
      if (self->kind_layouts[edge->kind] == NULL)
        self->kind_layouts[edge->kind] = text_layout (self, text, EDGE_FONT);
      layout = self->kind_layouts[edge->kind];
    }
  c->klass->text (c, layout, text, g->label.x, g->label.y, EDGE_FONT, color);
  c->stats[2]++;
}

/* One edge in its own group, for files. */
static void
draw_edge (AgRenderer *self,
           Canvas     *c,
           guint       index)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  const AgGraphEdge *edge = ag_graph_get_edge (graph, index);
  const AgGeometryEdge *g = ag_geometry_get_edge (self->geometry, index);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  Paint paint = { 0 };
  char klass[64];

  if (g->n_points < 1 || !box_visible (c, &self->edge_boxes[index]))
    return;

  if (c->klass == &svg_canvas_class)
    {
      id = ag_graph_dup_edge_id (graph, index);
      title = ag_graph_dup_edge_title (graph, index);
    }
  g_snprintf (klass, sizeof klass, "edge %s%s", ag_claim_kind_to_string (edge->kind),
              edge->disputed ? " disputed" : "");
  c->klass->begin_group (c, id, klass, title);

  edge_paint (self, edge, &paint);
  edge_path (c, g);
  c->klass->paint (c, &paint);

  if (g->has_head)
    arrowhead (c, g->points[g->n_points - 1], g->head, &paint);
  if (g->has_tail)
    arrowhead (c, g->points[0], g->tail, &paint);
  edge_label (self, c, index, edge, g, paint.stroke);

  c->klass->end_group (c);
  c->stats[1]++;
}

/* Whether an arrowhead is big enough on the screen to make out. */
static gboolean
head_shown (Canvas  *c,
            AgPoint  base,
            AgPoint  tip)
{
  return hypot (tip.x - base.x, tip.y - base.y) * c->device >= MIN_HEAD_PIXELS * c->renderer->screen_scale;
}

/* The edges for the screen: heads too small to make out are left out. */
static void
draw_edges_fast (AgRenderer *self,
                 Canvas     *c,
                 Pass        pass)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  guint n_edges = ag_graph_get_n_edges (graph);

  for (guint i = 0; i < n_edges; i++)
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, i);
      const AgGeometryEdge *g = ag_geometry_get_edge (self->geometry, i);
      Paint paint;

      if (g->n_points < 1 || !edge_in_pass (self, i, pass) || !box_visible (c, &self->edge_boxes[i]))
        continue;

      edge_paint (self, edge, &paint);
      edge_path (c, g);
      c->klass->paint (c, &paint);
      if (g->has_head && head_shown (c, g->points[g->n_points - 1], g->head))
        arrowhead (c, g->points[g->n_points - 1], g->head, &paint);
      if (g->has_tail && head_shown (c, g->points[0], g->tail))
        arrowhead (c, g->points[0], g->tail, &paint);
      edge_label (self, c, i, edge, g, paint.stroke);
      c->stats[1]++;
    }
}

/* The symbol, then the label, centred together. */
static void
node_contents (AgRenderer *self,
               Canvas     *c,
               guint       index,
               gboolean    with_symbol)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  const AgGraphNode *node = ag_graph_get_node (graph, index);
  const AgGeometryNode *g = ag_geometry_get_node (self->geometry, index);
  PangoLayout *layout = NULL;
  double text_width, symbol_x, text_x;
  /* A graph never measured (ag_graph_measure()) has no labels. */
  gboolean with_label = node->label != NULL &&
                        label_shown (self, c, AG_RENDERER_FONT_SIZE, node_label_important (self, c, index));

  if (with_label && c->needs_layouts)
    {
      if (self->node_layouts[index] == NULL)
        self->node_layouts[index] = text_layout (self, node->label, AG_RENDERER_FONT_SIZE);
      layout = self->node_layouts[index];
    }
  text_width = node->label_width;
  symbol_x = g->x - (SYMBOL_SIZE + SYMBOL_GAP + text_width) / 2 + SYMBOL_SIZE / 2;
  text_x = symbol_x + SYMBOL_SIZE / 2 + SYMBOL_GAP + text_width / 2;
  if (with_symbol)
    symbol (c, node->kind, symbol_x, g->y);
  if (with_label)
    {
      c->klass->text (c, layout, node->label, text_x, g->y, AG_RENDERER_FONT_SIZE,
                      self->palette->text);
      c->stats[2]++;
    }
}

/* One node in its own group, for files. */
static void
draw_node (AgRenderer *self,
           Canvas     *c,
           guint       index)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  const AgGraphNode *node = ag_graph_get_node (graph, index);
  const AgGeometryNode *g = ag_geometry_get_node (self->geometry, index);
  const ActorColors *colors = &self->palette->actors[node->kind];
  Paint paint = { colors->fill, colors->stroke, 1.0, FALSE };
  char id[32];
  char klass[48];

  if (!box_visible (c, &self->node_boxes[index]))
    return;

  g_snprintf (id, sizeof id, "a%" G_GINT64_FORMAT, node->actor_id);
  g_snprintf (klass, sizeof klass, "node %s", ag_actor_kind_to_string (node->kind));
  c->klass->begin_group (c, id, klass, node->name);

  node_path (c, node->kind, g);
  c->klass->paint (c, &paint);
  node_contents (self, c, index, TRUE);

  c->klass->end_group (c);
  c->stats[0]++;
}

/* The nodes of one kind together, for the screen; symbols too small to
 * make out are left out. */
static void
draw_nodes_fast (AgRenderer *self,
                 Canvas     *c,
                 Pass        pass)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  guint n_nodes = ag_graph_get_n_nodes (graph);
  gboolean with_symbols = SYMBOL_SIZE * c->device >= MIN_SYMBOL_PIXELS * self->screen_scale;

  for (guint kind = 0; kind < AG_N_ACTOR_KINDS; kind++)
    {
      const ActorColors *colors = &self->palette->actors[kind];
      Paint paint = { colors->fill, colors->stroke, 1.0, FALSE };
      guint count = 0;

      for (guint i = 0; i < n_nodes; i++)
        {
          const AgGraphNode *node = ag_graph_get_node (graph, i);

          if (node->kind != kind || !node_in_pass (self, i, pass) || !box_visible (c, &self->node_boxes[i]))
            continue;
          node_path (c, node->kind, ag_geometry_get_node (self->geometry, i));
          count++;
        }
      if (count > 0)
        c->klass->paint (c, &paint);
      c->stats[0] += count;
    }

  for (guint i = 0; i < n_nodes; i++)
    if (node_in_pass (self, i, pass) && box_visible (c, &self->node_boxes[i]))
      node_contents (self, c, i, with_symbols);
}

static void
draw_pass (AgRenderer *self,
           Canvas     *c,
           gboolean    fast,
           Pass        pass)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);

  /* Edges first, under the nodes (outputorder=edgesfirst). */
  if (fast)
    draw_edges_fast (self, c, pass);
  else
    for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
      if (edge_in_pass (self, i, pass))
        draw_edge (self, c, i);

  if (fast)
    draw_nodes_fast (self, c, pass);
  else
    for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
      if (node_in_pass (self, i, pass))
        draw_node (self, c, i);
}

/* The pointed-at node's outline, and the selection over everything. */
static void
draw_marks (AgRenderer *self,
            Canvas     *c)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  double px = c->pixel;

  if (self->selected_edge >= 0 && box_visible (c, &self->edge_boxes[self->selected_edge]))
    {
      const AgGraphEdge *edge = ag_graph_get_edge (graph, self->selected_edge);
      const AgGeometryEdge *g = ag_geometry_get_edge (self->geometry, self->selected_edge);
      Paint paint;
      Paint halo;

      edge_paint (self, edge, &paint);
      halo = (Paint) { NULL, self->palette->accent, paint.width + 7 * px, FALSE };
      if (g->n_points >= 1)
        {
          c->alpha = 0.5;
          edge_path (c, g);
          c->klass->paint (c, &halo);
          c->alpha = 1.0;
          edge_path (c, g);
          paint.width += 1.5 * px;
          c->klass->paint (c, &paint);
          if (g->has_head)
            arrowhead (c, g->points[g->n_points - 1], g->head, &paint);
          if (g->has_tail)
            arrowhead (c, g->points[0], g->tail, &paint);
        }
    }

  if (self->emphasis_node >= 0 && self->emphasis_node != self->selected_node &&
      box_visible (c, &self->node_boxes[self->emphasis_node]))
    {
      const AgGraphNode *node = ag_graph_get_node (graph, self->emphasis_node);
      Paint outline = { NULL, self->palette->actors[node->kind].stroke, 2.5 * px, FALSE };

      node_path (c, node->kind, ag_geometry_get_node (self->geometry, self->emphasis_node));
      c->klass->paint (c, &outline);
    }

  if (self->selected_node >= 0 && box_visible (c, &self->node_boxes[self->selected_node]))
    {
      const AgGraphNode *node = ag_graph_get_node (graph, self->selected_node);
      AgGeometryNode ring = *ag_geometry_get_node (self->geometry, self->selected_node);
      Paint paint = { NULL, self->palette->accent, 3 * px, FALSE };

      /* The node's own shape, a few pixels out. */
      ring.width += 2 * 4.5 * px;
      ring.height += 2 * 4.5 * px;
      node_path (c, node->kind, &ring);
      c->klass->paint (c, &paint);
    }
}

static guint
legend_rows (AgRenderer *self,
             guint      *kinds,
             gboolean   *disputed)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  guint rows = 0;

  *kinds = ag_graph_get_claim_kinds (graph);
  *disputed = FALSE;
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    *disputed |= ag_graph_get_edge (graph, i)->disputed;
  for (guint k = 0; k < AG_N_CLAIM_KINDS; k++)
    rows += (*kinds >> k) & 1;
  return rows + (*disputed ? 1 : 0);
}

static void
draw_legend (AgRenderer *self,
             Canvas     *c,
             double      top)
{
  guint kinds;
  gboolean disputed;
  guint row = 0;

  if (legend_rows (self, &kinds, &disputed) == 0)
    return;

  c->klass->begin_group (c, "legend", "legend", "Legend");
  for (guint k = 0; k <= AG_N_CLAIM_KINDS; k++)
    {
      gboolean is_disputed = k == AG_N_CLAIM_KINDS;
      /* The kinds are the words on the edges; the note on dashes is prose. */
      const char *text = is_disputed ? _("disputed (denied by its object)") : ag_claim_kind_to_string (k);
      Paint paint = { NULL, is_disputed ? self->palette->disputed
                                        : self->palette->claims[MIN (k, AG_N_CLAIM_KINDS - 1)],
                      1.5, is_disputed };
      double y = top + (row + 0.5) * LEGEND_ROW;
      PangoLayout *layout = NULL;
      double width;

      if (is_disputed ? !disputed : !((kinds >> k) & 1))
        continue;

      c->klass->move_to (c, AG_RENDERER_MARGIN, y);
      c->klass->line_to (c, AG_RENDERER_MARGIN + LEGEND_SAMPLE, y);
      c->klass->paint (c, &paint);

      if (label_shown (self, c, LEGEND_FONT, TRUE))
        {
          width = strlen (text) * LEGEND_FONT * 0.55;
          if (c->needs_layouts)
            {
              PangoRectangle logical;

              if (self->legend_layouts[k] == NULL)
                self->legend_layouts[k] = text_layout (self, text, LEGEND_FONT);
              layout = self->legend_layouts[k];
              pango_layout_get_extents (layout, NULL, &logical);
              width = logical.width / (double) PANGO_SCALE;
            }
          /* Centred text, placed so that it starts after the sample. */
          c->klass->text (c, layout, text, AG_RENDERER_MARGIN + LEGEND_SAMPLE + 6 + width / 2,
                          y, LEGEND_FONT, self->palette->text);
        }
      row++;
    }
  c->klass->end_group (c);
}

/* A veil of the background over everything drawn so far. */
static void
veil (AgRenderer *self,
      Canvas     *c)
{
  Paint paint = { self->palette->background, NULL, 0, FALSE };
  double width, height, x0, y0, x1, y1;

  /* What is visible of the graph (not the legend), in its coordinates. */
  ag_renderer_get_size (self, &width, &height);
  height = ag_geometry_get_height (self->geometry) + 2 * AG_RENDERER_MARGIN;
  x0 = MAX (c->clip[0], -AG_RENDERER_MARGIN);
  y0 = MAX (c->clip[1], -AG_RENDERER_MARGIN);
  x1 = MIN (c->clip[2], width - AG_RENDERER_MARGIN);
  y1 = MIN (c->clip[3], height - AG_RENDERER_MARGIN);
  if (x1 <= x0 || y1 <= y0)
    return;

  c->alpha = 1.0 - DIMMED_ALPHA;
  c->klass->move_to (c, x0, y0);
  c->klass->line_to (c, x1, y0);
  c->klass->line_to (c, x1, y1);
  c->klass->line_to (c, x0, y1);
  c->klass->close_path (c);
  c->klass->paint (c, &paint);
  c->alpha = 1.0;
}

/* When few labels show: those of the selection's neighbourhood that
 * neither the base layer nor the emphasis drew. */
static void
selection_labels (AgRenderer *self,
                  Canvas     *c)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);

  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    {
      guint8 flags = self->node_flags[i];
      const AgGraphNode *node;
      const AgGeometryNode *g;
      PangoLayout *layout = NULL;
      double text_x;

      if ((flags & NODE_NEAR_SELECTION) == 0 || (flags & NODE_HUB) != 0 ||
          (is_emphasising (self) && ((flags & NODE_EMPHASISED) != 0 || (gint) i == self->selected_node)) ||
          !box_visible (c, &self->node_boxes[i]) ||
          !label_shown (self, c, AG_RENDERER_FONT_SIZE, TRUE))
        continue;

      node = ag_graph_get_node (graph, i);
      g = ag_geometry_get_node (self->geometry, i);
      if (node->label == NULL)
        continue;
      if (c->needs_layouts)
        {
          if (self->node_layouts[i] == NULL)
            self->node_layouts[i] = text_layout (self, node->label, AG_RENDERER_FONT_SIZE);
          layout = self->node_layouts[i];
        }
      text_x = g->x - (SYMBOL_SIZE + SYMBOL_GAP + node->label_width) / 2 + SYMBOL_SIZE
               + SYMBOL_GAP + node->label_width / 2;
      c->klass->text (c, layout, node->label, text_x, g->y, AG_RENDERER_FONT_SIZE, self->palette->text);
      c->stats[2]++;
    }
}

static void
draw (AgRenderer      *self,
      Canvas          *c,
      AgRendererLayer  layer)
{
  double graph_clip[4] = {
    c->clip[0] - AG_RENDERER_MARGIN, c->clip[1] - AG_RENDERER_MARGIN,
    c->clip[2] - AG_RENDERER_MARGIN, c->clip[3] - AG_RENDERER_MARGIN,
  };
  gboolean fast = self->screen_scale > 0 && c->klass == &cairo_canvas_class;
  double saved[4];

  memcpy (saved, c->clip, sizeof saved);
  memcpy (c->clip, graph_clip, sizeof graph_clip);

  ensure_boxes (self);
  if (self->screen_scale > 0 && self->labels == AG_RENDERER_LABELS_FEW)
    ensure_hubs (self);

  if (layer != AG_RENDERER_LAYER_OVERLAY)
    {
      c->base_only = layer == AG_RENDERER_LAYER_BASE;
      draw_pass (self, c, fast, PASS_ALL);
      c->base_only = FALSE;
    }
  if (layer != AG_RENDERER_LAYER_BASE)
    {
      /* What is emphasised comes again over a veil that fades the rest. */
      if (is_emphasising (self))
        {
          veil (self, c);
          draw_pass (self, c, fast, PASS_EMPHASISED);
        }
      if (self->screen_scale > 0 && self->labels == AG_RENDERER_LABELS_FEW && self->node_flags != NULL)
        selection_labels (self, c);
      draw_marks (self, c);
    }

  memcpy (c->clip, saved, sizeof saved);
}

/* Hit-testing */

static double
segment_distance (double x,
                  double y,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / length2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (x - (ax + t * dx), y - (ay + t * dy));
}

static void
bezier_point (const AgPoint *p,
              double         t,
              double        *x,
              double        *y)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  *x = a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x;
  *y = a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y;
}

static double
cross (AgPoint a,
       AgPoint b,
       double  x,
       double  y)
{
  return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
}

/* From (x, y) to the arrowhead that arrowhead_path() draws; 0 inside. */
static double
arrowhead_distance (AgPoint base,
                    AgPoint tip,
                    double  x,
                    double  y)
{
  double dx = tip.x - base.x, dy = tip.y - base.y;
  double length = hypot (dx, dy);
  AgPoint p[3];
  double c0, c1, c2;

  if (length < 0.01)
    return G_MAXDOUBLE;
  p[0] = tip;
  p[1] = (AgPoint) { base.x - dy * 0.35, base.y + dx * 0.35 };
  p[2] = (AgPoint) { base.x + dy * 0.35, base.y - dx * 0.35 };
  c0 = cross (p[0], p[1], x, y);
  c1 = cross (p[1], p[2], x, y);
  c2 = cross (p[2], p[0], x, y);
  if ((c0 >= 0 && c1 >= 0 && c2 >= 0) || (c0 <= 0 && c1 <= 0 && c2 <= 0))
    return 0;
  return MIN (segment_distance (x, y, p[0].x, p[0].y, p[1].x, p[1].y),
              MIN (segment_distance (x, y, p[1].x, p[1].y, p[2].x, p[2].y),
                   segment_distance (x, y, p[2].x, p[2].y, p[0].x, p[0].y)));
}

/* From (x, y) to the edge's line (its middle) or its heads, in points. */
static double
edge_distance (const AgGeometryEdge *g,
               double                x,
               double                y)
{
  double best = G_MAXDOUBLE;

  if (g->n_points >= 1)
    best = hypot (x - g->points[0].x, y - g->points[0].y);

  for (guint i = 0; i + 3 < g->n_points; i += 3)
    {
      const AgPoint *p = &g->points[i];
      /* Pieces of about two points along the control polygon. */
      double length = hypot (p[1].x - p[0].x, p[1].y - p[0].y) + hypot (p[2].x - p[1].x, p[2].y - p[1].y)
                      + hypot (p[3].x - p[2].x, p[3].y - p[2].y);
      guint steps = (guint) CLAMP (length / 2.0, 8.0, 512.0);
      double px = p[0].x, py = p[0].y;

      for (guint s = 1; s <= steps; s++)
        {
          double qx, qy;

          bezier_point (p, s / (double) steps, &qx, &qy);
          best = MIN (best, segment_distance (x, y, px, py, qx, qy));
          px = qx;
          py = qy;
        }
    }
  if (g->has_head && g->n_points >= 1)
    best = MIN (best, arrowhead_distance (g->points[g->n_points - 1], g->head, x, y));
  if (g->has_tail && g->n_points >= 1)
    best = MIN (best, arrowhead_distance (g->points[0], g->tail, x, y));
  return best;
}

static void
ag_renderer_finalize (GObject *object)
{
  AgRenderer *self = (AgRenderer *) object;

  if (self->node_layouts != NULL)
    for (guint i = 0; i < ag_graph_get_n_nodes (ag_geometry_get_graph (self->geometry)); i++)
      g_clear_object (&self->node_layouts[i]);
  g_clear_pointer (&self->node_layouts, g_free);
  for (guint k = 0; k < AG_N_CLAIM_KINDS; k++)
    g_clear_object (&self->kind_layouts[k]);
  for (guint k = 0; k <= AG_N_CLAIM_KINDS; k++)
    g_clear_object (&self->legend_layouts[k]);
  g_clear_pointer (&self->node_flags, g_free);
  g_clear_pointer (&self->edge_flags, g_free);
  g_clear_pointer (&self->node_boxes, g_free);
  g_clear_pointer (&self->edge_boxes, g_free);
  g_clear_pointer (&self->incidence_start, g_free);
  g_clear_pointer (&self->incidence, g_free);
  g_clear_pointer (&self->scratch, cairo_destroy);
  g_clear_object (&self->context);
  g_clear_object (&self->geometry);

  G_OBJECT_CLASS (ag_renderer_parent_class)->finalize (object);
}

static void
ag_renderer_class_init (AgRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_renderer_finalize;
}

static void
ag_renderer_init (AgRenderer *self)
{
  self->show_legend = TRUE;
  self->palette = &light_palette;
  self->labels = AG_RENDERER_LABELS_ALL;
  self->emphasis_node = -1;
  self->emphasis_edge = -1;
  self->selected_node = -1;
  self->selected_edge = -1;
}

AgRenderer *
ag_renderer_new (AgGeometry *geometry)
{
  AgRenderer *self;

  g_return_val_if_fail (AG_IS_GEOMETRY (geometry), NULL);

  self = g_object_new (AG_TYPE_RENDERER, NULL);
  self->geometry = g_object_ref (geometry);
  self->node_layouts = g_new0 (PangoLayout *, ag_graph_get_n_nodes (ag_geometry_get_graph (geometry)));
  return self;
}

AgGeometry *
ag_renderer_get_geometry (AgRenderer *self)
{
  g_return_val_if_fail (AG_IS_RENDERER (self), NULL);
  return self->geometry;
}

/* Whether the drawing ends with a legend of the claim kinds shown. */
void
ag_renderer_set_show_legend (AgRenderer *self,
                             gboolean    show)
{
  g_return_if_fail (AG_IS_RENDERER (self));
  self->show_legend = !!show;
}

/**
 * ag_renderer_set_dark:
 * @dark: whether to draw in the colours of the dark style
 *
 * The files' colours are the light ones, the default.
 */
void
ag_renderer_set_dark (AgRenderer *self,
                      gboolean    dark)
{
  g_return_if_fail (AG_IS_RENDERER (self));
  self->palette = dark ? &dark_palette : &light_palette;
}

gboolean
ag_renderer_get_dark (AgRenderer *self)
{
  g_return_val_if_fail (AG_IS_RENDERER (self), FALSE);
  return self->palette == &dark_palette;
}

/**
 * ag_renderer_get_background:
 *
 * Returns: the colour to draw on, 0xRRGGBBAA: the screen's background in
 *   the renderer's style (ag_renderer_draw() paints none)
 */
guint32
ag_renderer_get_background (AgRenderer *self)
{
  guint32 rgba = AG_RENDERER_WHITE;

  g_return_val_if_fail (AG_IS_RENDERER (self), AG_RENDERER_WHITE);
  ag_renderer_parse_color (self->palette->background, &rgba);
  return rgba;
}

/**
 * ag_renderer_set_screen:
 * @scale_factor: the screen's device pixels per pixel, or 0 for files
 *
 * On a screen (@scale_factor > 0), drawing trades exactness nobody sees
 * for speed: the edges of one look are stroked together, the nodes of one
 * kind filled together, symbols too small to make out are left out, and
 * labels follow ag_renderer_set_labels(). The selection and the emphasis
 * are sized in screen pixels. Files (the default) get every detail.
 */
void
ag_renderer_set_screen (AgRenderer *self,
                        double      scale_factor)
{
  g_return_if_fail (AG_IS_RENDERER (self));
  self->screen_scale = MAX (scale_factor, 0.0);
}

/**
 * ag_renderer_set_labels:
 *
 * Which labels a screen shows: %AG_RENDERER_LABELS_ALL every one,
 * %AG_RENDERER_LABELS_AUTO those big enough to read (at least
 * %AG_RENDERER_READABLE_SIZE pixels), %AG_RENDERER_LABELS_FEW only those
 * of the selected and emphasised actors, their neighbours and the actors
 * with the most claims, when big enough to read. Files show every label.
 */
void
ag_renderer_set_labels (AgRenderer       *self,
                        AgRendererLabels  labels)
{
  g_return_if_fail (AG_IS_RENDERER (self));
  g_return_if_fail (labels <= AG_RENDERER_LABELS_FEW);
  self->labels = labels;
}

AgRendererLabels
ag_renderer_get_labels (AgRenderer *self)
{
  g_return_val_if_fail (AG_IS_RENDERER (self), AG_RENDERER_LABELS_ALL);
  return self->labels;
}

/**
 * ag_renderer_set_emphasis:
 * @node: a node index, or -1
 * @edge: an edge index, or -1; used when @node is -1
 *
 * Emphasises @node, its edges and its neighbours (or @edge and its two
 * ends) by drawing them over the rest, which fades.
 */
void
ag_renderer_set_emphasis (AgRenderer *self,
                          gint        node,
                          gint        edge)
{
  AgGraph *graph;

  g_return_if_fail (AG_IS_RENDERER (self));

  graph = ag_geometry_get_graph (self->geometry);
  if (node >= (gint) ag_graph_get_n_nodes (graph))
    node = -1;
  if (edge >= (gint) ag_graph_get_n_edges (graph) || node >= 0)
    edge = -1;
  self->emphasis_node = MAX (node, -1);
  self->emphasis_edge = MAX (edge, -1);

  ensure_flags (self);
  clear_flags (self, NODE_EMPHASISED, EDGE_EMPHASISED);
  if (self->emphasis_node >= 0)
    mark_neighbourhood (self, self->emphasis_node, NODE_EMPHASISED, EDGE_EMPHASISED);
  else if (self->emphasis_edge >= 0)
    {
      const AgGraphEdge *e = ag_graph_get_edge (graph, self->emphasis_edge);

      self->edge_flags[self->emphasis_edge] |= EDGE_EMPHASISED;
      self->node_flags[e->source] |= NODE_EMPHASISED;
      self->node_flags[e->target] |= NODE_EMPHASISED;
    }
}

/**
 * ag_renderer_is_emphasised:
 * @node: a node index
 *
 * Returns: whether @node is drawn emphasised: the node of
 *   ag_renderer_set_emphasis(), one of its neighbours, or an end of its edge
 */
gboolean
ag_renderer_is_emphasised (AgRenderer *self,
                           guint       node)
{
  g_return_val_if_fail (AG_IS_RENDERER (self), FALSE);

  if (!is_emphasising (self) || node >= ag_graph_get_n_nodes (ag_geometry_get_graph (self->geometry)))
    return FALSE;
  return (self->node_flags[node] & NODE_EMPHASISED) != 0;
}

/**
 * ag_renderer_set_selection:
 * @node: the selected node's index, or -1
 * @edge: the selected edge's index, or -1
 *
 * Rings the selected node and haloes the selected edge, in the accent
 * colour, over everything else.
 */
void
ag_renderer_set_selection (AgRenderer *self,
                           gint        node,
                           gint        edge)
{
  AgGraph *graph;

  g_return_if_fail (AG_IS_RENDERER (self));

  graph = ag_geometry_get_graph (self->geometry);
  self->selected_node = node >= 0 && node < (gint) ag_graph_get_n_nodes (graph) ? node : -1;
  self->selected_edge = edge >= 0 && edge < (gint) ag_graph_get_n_edges (graph) ? edge : -1;

  ensure_flags (self);
  clear_flags (self, NODE_NEAR_SELECTION, 0);
  if (self->selected_node >= 0)
    mark_neighbourhood (self, self->selected_node, NODE_NEAR_SELECTION, 0);
  if (self->selected_edge >= 0)
    {
      const AgGraphEdge *e = ag_graph_get_edge (graph, self->selected_edge);

      self->node_flags[e->source] |= NODE_NEAR_SELECTION;
      self->node_flags[e->target] |= NODE_NEAR_SELECTION;
    }
}

/**
 * ag_renderer_get_last_stats:
 * @nodes: (out) (optional): how many nodes the last ag_renderer_draw() drew
 * @edges: (out) (optional): how many edges
 * @labels: (out) (optional): how many labels of nodes and edges
 */
void
ag_renderer_get_last_stats (AgRenderer *self,
                            guint      *nodes,
                            guint      *edges,
                            guint      *labels)
{
  g_return_if_fail (AG_IS_RENDERER (self));

  if (nodes != NULL)
    *nodes = self->stats[0];
  if (edges != NULL)
    *edges = self->stats[1];
  if (labels != NULL)
    *labels = self->stats[2];
}

/**
 * ag_renderer_node_at:
 * @x: a point of the drawing, in points, as ag_renderer_draw() draws it
 * @y: (the same point)
 * @tolerance: how far outside a node's outline still counts, in points
 *
 * Returns: the index of the topmost node whose shape holds (@x, @y), or
 *   failing that the topmost within @tolerance of it; -1 for none
 */
gint
ag_renderer_node_at (AgRenderer *self,
                     double      x,
                     double      y,
                     double      tolerance)
{
  AgGraph *graph;
  CairoCanvas canvas = { { .klass = &cairo_canvas_class, .renderer = self, .alpha = 1.0,
                           .device = 1.0, .pixel = 1.0 }, NULL };
  guint n_nodes;

  g_return_val_if_fail (AG_IS_RENDERER (self), -1);

  graph = ag_geometry_get_graph (self->geometry);
  n_nodes = ag_graph_get_n_nodes (graph);
  ensure_boxes (self);
  if (self->scratch == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

      self->scratch = cairo_create (surface);
      cairo_surface_destroy (surface);
    }
  canvas.cr = self->scratch;
  x -= AG_RENDERER_MARGIN;
  y -= AG_RENDERER_MARGIN;
  tolerance = MAX (tolerance, 0.0);

  /* Inside first, then near; emphasised nodes lie over the rest, and
   * later nodes over earlier ones. */
  for (guint round = 0; round < 4; round++)
    {
      gboolean near = round >= 2;
      gboolean emphasised_only = is_emphasising (self) && round % 2 == 0;

      if (!is_emphasising (self) && round % 2 == 1)
        continue;

      for (guint i = n_nodes; i > 0; i--)
        {
          guint index = i - 1;
          const Box *box = &self->node_boxes[index];
          double slack = near ? tolerance : 0;

          if (is_emphasising (self) && ((self->node_flags[index] & NODE_EMPHASISED) != 0) != emphasised_only)
            continue;
          if (x < box->x0 - slack || x > box->x1 + slack || y < box->y0 - slack || y > box->y1 + slack)
            continue;

          cairo_new_path (canvas.cr);
          node_path (&canvas.parent, ag_graph_get_node (graph, index)->kind,
                     ag_geometry_get_node (self->geometry, index));
          if (!near && cairo_in_fill (canvas.cr, x, y))
            return index;
          if (near && slack > 0)
            {
              cairo_set_line_width (canvas.cr, 2 * slack);
              if (cairo_in_fill (canvas.cr, x, y) || cairo_in_stroke (canvas.cr, x, y))
                return index;
            }
        }
    }
  return -1;
}

/**
 * ag_renderer_edge_at:
 * @x: a point of the drawing, in points, as ag_renderer_draw() draws it
 * @y: (the same point)
 * @tolerance: how far from an edge's line or head still counts, in points
 *
 * Returns: the index of the edge nearest (@x, @y) within @tolerance of
 *   its pen or its heads, or -1
 */
gint
ag_renderer_edge_at (AgRenderer *self,
                     double      x,
                     double      y,
                     double      tolerance)
{
  AgGraph *graph;
  double best_distance = G_MAXDOUBLE;
  gint best = -1;

  g_return_val_if_fail (AG_IS_RENDERER (self), -1);

  graph = ag_geometry_get_graph (self->geometry);
  ensure_boxes (self);
  x -= AG_RENDERER_MARGIN;
  y -= AG_RENDERER_MARGIN;
  tolerance = MAX (tolerance, 0.0);

  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    {
      const Box *box = &self->edge_boxes[i];
      double distance;

      if (x < box->x0 - tolerance || x > box->x1 + tolerance ||
          y < box->y0 - tolerance || y > box->y1 + tolerance)
        continue;
      distance = edge_distance (ag_geometry_get_edge (self->geometry, i), x, y)
                 - ag_renderer_get_pen_width (ag_graph_get_edge (graph, i)->n_documents) / 2;
      /* The later of two equally near edges is drawn over the other. */
      if (distance <= tolerance && distance <= best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }
  return best;
}

/**
 * ag_renderer_get_edge_point:
 * @edge: an edge index
 * @x: (out): a point in the middle of its line, in points of the drawing
 * @y: (out)
 *
 * Returns: whether the edge has a line
 */
gboolean
ag_renderer_get_edge_point (AgRenderer *self,
                            guint       edge,
                            double     *x,
                            double     *y)
{
  const AgGeometryEdge *g;
  guint segments;

  g_return_val_if_fail (AG_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (edge >= ag_graph_get_n_edges (ag_geometry_get_graph (self->geometry)))
    return FALSE;
  g = ag_geometry_get_edge (self->geometry, edge);
  if (g->n_points < 4)
    return FALSE;

  segments = (g->n_points - 1) / 3;
  if (segments % 2 == 1)
    bezier_point (&g->points[3 * (segments / 2)], 0.5, x, y);
  else
    {
      *x = g->points[3 * (segments / 2)].x;
      *y = g->points[3 * (segments / 2)].y;
    }
  *x += AG_RENDERER_MARGIN;
  *y += AG_RENDERER_MARGIN;
  return TRUE;
}

/* The drawing's size in points: the layout, its margin and the legend. */
void
ag_renderer_get_size (AgRenderer *self,
                      double     *width,
                      double     *height)
{
  guint kinds;
  gboolean disputed;
  double w, h;

  g_return_if_fail (AG_IS_RENDERER (self));

  w = ag_geometry_get_width (self->geometry) + 2 * AG_RENDERER_MARGIN;
  h = ag_geometry_get_height (self->geometry) + 2 * AG_RENDERER_MARGIN;
  if (self->show_legend)
    {
      guint rows = legend_rows (self, &kinds, &disputed);

      if (rows > 0)
        {
          h += rows * LEGEND_ROW + AG_RENDERER_MARGIN / 2;
          w = MAX (w, 2 * AG_RENDERER_MARGIN + LEGEND_SAMPLE + 6 + 160);
        }
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/**
 * ag_renderer_draw:
 * @cr: where to draw, in points with (0, 0) at the drawing's top left
 *
 * Draws what lies within @cr's clip. Paints no background.
 */
void
ag_renderer_draw (AgRenderer *self,
                  cairo_t    *cr)
{
  ag_renderer_draw_layer (self, cr, AG_RENDERER_LAYER_ALL);
}

/**
 * ag_renderer_draw_layer:
 * @cr: where to draw, in points with (0, 0) at the drawing's top left
 * @layer: what to draw
 *
 * Draws one layer of what lies within @cr's clip: the base layer is the
 * graph and its legend as if nothing were selected or emphasised (so it
 * can be kept, and only the overlay drawn again when they change), the
 * overlay the veil and the emphasised nodes and edges over it, and the
 * selection. Paints no background.
 */
void
ag_renderer_draw_layer (AgRenderer      *self,
                        cairo_t         *cr,
                        AgRendererLayer  layer)
{
  CairoCanvas canvas = { { .klass = &cairo_canvas_class, .renderer = self, .needs_layouts = TRUE,
                           .alpha = 1.0, .device = 1.0, .pixel = 1.0 }, cr };
  double dx = 1.0, dy = 0.0;

  g_return_if_fail (AG_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);

  if (self->context == NULL)
    self->context = ag_renderer_create_pango_context ();
  pango_cairo_update_context (cr, self->context);

  /* How big a point comes out, for the screen's sizes. */
  cairo_user_to_device_distance (cr, &dx, &dy);
  canvas.parent.device = MAX (hypot (dx, dy), 1e-9);
  canvas.parent.pixel = self->screen_scale > 0 ? self->screen_scale / canvas.parent.device : 1.0;

  cairo_save (cr);
  cairo_clip_extents (cr, &canvas.parent.clip[0], &canvas.parent.clip[1],
                      &canvas.parent.clip[2], &canvas.parent.clip[3]);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_translate (cr, AG_RENDERER_MARGIN, AG_RENDERER_MARGIN);
  draw (self, &canvas.parent, layer);
  cairo_restore (cr);

  if (self->show_legend && layer != AG_RENDERER_LAYER_OVERLAY)
    draw_legend (self, &canvas.parent,
                 ag_geometry_get_height (self->geometry) + 2 * AG_RENDERER_MARGIN);
  memcpy (self->stats, canvas.parent.stats, sizeof self->stats);
}

/**
 * ag_renderer_write_svg:
 * @background: 0xRRGGBBAA; a zero alpha paints none
 * @out: where the document goes
 *
 * Writes the drawing as a standalone SVG document: one group per edge and
 * per node, with an id and a title naming the claim or the actor, and the
 * labels as text. No scripts, styles, links or external references.
 */
void
ag_renderer_write_svg (AgRenderer *self,
                       guint32     background,
                       GString    *out)
{
  g_autoptr(GString) path = g_string_new (NULL);
  SvgCanvas canvas = { { .klass = &svg_canvas_class, .renderer = self, .alpha = 1.0,
                         .device = 1.0, .pixel = 1.0 }, out, path, 0, 0 };
  g_autoptr(GObject) context = G_OBJECT (ag_renderer_create_pango_context ());
  PangoFontMetrics *metrics;
  double width, height;
  double screen_scale;

  g_return_if_fail (AG_IS_RENDERER (self));
  g_return_if_fail (out != NULL);

  /* Files get every detail. */
  screen_scale = self->screen_scale;
  self->screen_scale = 0;

  /* Baselines from the label font's metrics, per point of size. */
  metrics = pango_context_get_metrics (PANGO_CONTEXT (context), NULL, NULL);
  canvas.ascent = pango_font_metrics_get_ascent (metrics) / (double) PANGO_SCALE / AG_RENDERER_FONT_SIZE;
  canvas.line = (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics))
                / (double) PANGO_SCALE / AG_RENDERER_FONT_SIZE;
  pango_font_metrics_unref (metrics);

  ag_renderer_get_size (self, &width, &height);
  canvas.parent.clip[0] = canvas.parent.clip[1] = -G_MAXDOUBLE;
  canvas.parent.clip[2] = canvas.parent.clip[3] = G_MAXDOUBLE;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  append_number (out, width);
  g_string_append (out, "pt\" height=\"");
  append_number (out, height);
  g_string_append (out, "pt\" viewBox=\"0 0 ");
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\" font-family=\"" AG_RENDERER_FONT_FAMILY ", sans-serif\" "
                        "stroke-linejoin=\"round\">\n");
  if ((background & 0xff) != 0)
    {
      char opacity[G_ASCII_DTOSTR_BUF_SIZE];

      /* Not printf's %f: a German locale would write "1,000". */
      g_ascii_formatd (opacity, sizeof opacity, "%.3f", (background & 0xff) / 255.0);
      g_string_append_printf (out, "<rect id=\"background\" width=\"100%%\" height=\"100%%\" "
                                   "fill=\"#%06x\" fill-opacity=\"%s\"/>\n",
                              background >> 8, opacity);
    }

  g_string_append (out, "<g id=\"graph\" transform=\"translate(");
  append_number (out, AG_RENDERER_MARGIN);
  g_string_append_c (out, ',');
  append_number (out, AG_RENDERER_MARGIN);
  g_string_append (out, ")\">\n");
  draw (self, &canvas.parent, AG_RENDERER_LAYER_ALL);
  g_string_append (out, "</g>\n");

  if (self->show_legend)
    draw_legend (self, &canvas.parent,
                 ag_geometry_get_height (self->geometry) + 2 * AG_RENDERER_MARGIN);
  g_string_append (out, "</svg>\n");
  memcpy (self->stats, canvas.parent.stats, sizeof self->stats);
  self->screen_scale = screen_scale;
}

/* The look */

/**
 * ag_renderer_create_pango_context:
 *
 * Returns: (transfer full): a context in points (72 dpi) with the label
 *   font and metrics hinting off, so that a label measures the same for
 *   the layout, the screen and every file.
 */
PangoContext *
ag_renderer_create_pango_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  PangoFontDescription *font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_font_description_set_family (font, AG_RENDERER_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (AG_RENDERER_FONT_SIZE * PANGO_SCALE));
  pango_context_set_font_description (context, font);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);

  cairo_font_options_destroy (options);
  pango_font_description_free (font);
  return context;
}

/**
 * ag_renderer_make_label:
 * @layout: a scratch layout of ag_renderer_create_pango_context()
 * @name: an actor's name
 * @width: (out): the label's width in points
 * @height: (out): its height
 *
 * Makes what a node shows of @name: control characters (line breaks
 * included) become spaces, names past AG_RENDERER_MAX_CHARS characters are
 * cut with an ellipsis, and the rest wraps at AG_RENDERER_WRAP_WIDTH.
 *
 * Returns: (transfer full): the label, lines separated by '\n'
 */
char *
ag_renderer_make_label (PangoLayout *layout,
                        const char  *name,
                        double      *width,
                        double      *height)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  GString *label;
  PangoRectangle logical;
  PangoLayoutIter *iter;
  guint n_chars = 0;
  const char *text;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (const char *p = name; *p != '\0' && n_chars <= AG_RENDERER_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
      n_chars++;
    }
  if (n_chars > AG_RENDERER_MAX_CHARS)
    {
      /* Cut back to AG_RENDERER_MAX_CHARS - 1 characters and add "…". */
      const char *end = g_utf8_offset_to_pointer (clean->str, AG_RENDERER_MAX_CHARS - 1);

      g_string_truncate (clean, end - clean->str);
      g_string_append (clean, "\xe2\x80\xa6");
    }

  pango_layout_set_width (layout, (int) (AG_RENDERER_WRAP_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, clean->str, clean->len);
  pango_layout_get_extents (layout, NULL, &logical);

  /* The lines as Pango broke them. */
  label = g_string_sized_new (clean->len + 4);
  text = pango_layout_get_text (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int length = line->length;

      while (length > 0 && text[line->start_index + length - 1] == ' ')
        length--;
      if (label->len > 0)
        g_string_append_c (label, '\n');
      g_string_append_len (label, text + line->start_index, length);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* Lines that held only spaces leave no empty line behind. */
  while (label->len > 0 && label->str[label->len - 1] == '\n')
    g_string_truncate (label, label->len - 1);

  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
  return g_string_free (label, FALSE);
}

/* The node's size in points for a label of that size, symbol included. */
void
ag_renderer_get_node_size (AgActorKind  kind,
                           double       label_width,
                           double       label_height,
                           double      *width,
                           double      *height)
{
  double w = SYMBOL_SIZE + SYMBOL_GAP + label_width;
  double h = MAX (label_height, SYMBOL_SIZE);

  switch (kind)
    {
    case AG_ACTOR_COUNTRY:      /* an ellipse round the text's box */
      w = w * 1.35 + 16;
      h = h * 1.35 + 10;
      break;
    case AG_ACTOR_ALLIANCE:     /* the pointed ends take h / 2 each */
      w = w + h + 20;
      h = h + 12;
      break;
    case AG_ACTOR_THREAT_GROUP: /* cut corners */
      w = w + 0.6 * h + 18;
      h = h + 14;
      break;
    default:
      w += 16;
      h += 10;
      break;
    }
  *width = MAX (w, 36.0);
  *height = MAX (h, 24.0);
}

const char *
ag_renderer_get_actor_shape (AgActorKind kind)
{
  g_return_val_if_fail (kind < AG_N_ACTOR_KINDS, "box");
  return actor_shapes[kind];
}

const char *
ag_renderer_get_actor_fill (AgActorKind kind)
{
  g_return_val_if_fail (kind < AG_N_ACTOR_KINDS, "#ffffff");
  return light_palette.actors[kind].fill;
}

const char *
ag_renderer_get_actor_stroke (AgActorKind kind)
{
  g_return_val_if_fail (kind < AG_N_ACTOR_KINDS, "#000000");
  return light_palette.actors[kind].stroke;
}

const char *
ag_renderer_get_claim_color (AgClaimKind kind)
{
  g_return_val_if_fail (kind < AG_N_CLAIM_KINDS, "#000000");
  return light_palette.claims[kind];
}

const char *
ag_renderer_get_disputed_color (void)
{
  return light_palette.disputed;
}

/* The pen width of an edge with that many documents behind it. */
double
ag_renderer_get_pen_width (guint n_documents)
{
  return MIN (1.0 + 0.75 * log2 (MAX (n_documents, 1)) * 2, 6.0);
}
