/* ag-renderer.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-renderer"

#include "config.h"

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

struct _AgRenderer
{
  GObject       parent_instance;

  AgGeometry   *geometry;
  PangoContext *context;
  PangoLayout **node_layouts;                   /* lazily, per node */
  PangoLayout  *kind_layouts[AG_N_CLAIM_KINDS]; /* edge labels */
  PangoLayout  *legend_layouts[AG_N_CLAIM_KINDS + 1];
  gboolean      show_legend;
};

G_DEFINE_FINAL_TYPE (AgRenderer, ag_renderer, G_TYPE_OBJECT)

/* The legend's rows. */
#define LEGEND_ROW     14.0
#define LEGEND_SAMPLE  24.0
#define LEGEND_FONT     8.0
#define SYMBOL_SIZE    10.0
#define SYMBOL_GAP      4.0
#define EDGE_FONT       8.0

typedef struct
{
  const char *shape;   /* Graphviz's name */
  const char *fill;
  const char *stroke;
} ActorStyle;

static const ActorStyle actor_styles[AG_N_ACTOR_KINDS] = {
  [AG_ACTOR_COUNTRY]      = { "ellipse", "#dbe9f6", "#2a6db0" },
  [AG_ACTOR_ALLIANCE]     = { "hexagon", "#e2f1df", "#3b8a3f" },
  [AG_ACTOR_THREAT_GROUP] = { "octagon", "#fbe1dd", "#b3261e" },
  [AG_ACTOR_ORGANIZATION] = { "box",     "#ece4f3", "#74409b" },
  [AG_ACTOR_PERSON]       = { "box",     "#fcf0d4", "#9a6200" },
};

static const char * const claim_colors[AG_N_CLAIM_KINDS] = {
  [AG_CLAIM_ACCUSES]    = "#c0392b",
  [AG_CLAIM_ATTRIBUTES] = "#1f3a93",
  [AG_CLAIM_TARGETS]    = "#d35400",
  [AG_CLAIM_DENIES]     = "#7f8c8d",
  [AG_CLAIM_MEMBER_OF]  = "#16a085",
  [AG_CLAIM_SANCTIONS]  = "#6d4c41",
  [AG_CLAIM_COOPERATES] = "#27ae60",
};

#define DISPUTED_COLOR "#d6008f"
#define TEXT_COLOR     "#1a1a1a"

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
            const char *color)
{
  guint32 rgba = 0x000000ff;

  parse_hex (color + 1, &rgba);
  cairo_set_source_rgb (cr, (rgba >> 24) / 255.0, ((rgba >> 16) & 0xff) / 255.0,
                        ((rgba >> 8) & 0xff) / 255.0);
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
      set_source (cr, paint->fill);
      if (paint->stroke != NULL)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (paint->stroke != NULL)
    {
      static const double dash[] = { 5.0, 3.0 };

      set_source (cr, paint->stroke);
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
  set_source (cr, color);
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
  const char *color = actor_styles[kind].stroke;
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

static gboolean
visible (Canvas *c,
         double  x0,
         double  y0,
         double  x1,
         double  y1)
{
  return x1 >= c->clip[0] && x0 <= c->clip[2] && y1 >= c->clip[1] && y0 <= c->clip[3];
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

static void
arrowhead (Canvas      *c,
           AgPoint      base,
           AgPoint      tip,
           const Paint *paint)
{
  double dx = tip.x - base.x, dy = tip.y - base.y;
  double length = hypot (dx, dy);
  Paint fill = { paint->stroke, paint->stroke, 1.0, FALSE };
  double nx, ny;

  if (length < 0.01)
    return;
  nx = -dy / length * length * 0.35;
  ny = dx / length * length * 0.35;
  c->klass->move_to (c, tip.x, tip.y);
  c->klass->line_to (c, base.x + nx, base.y + ny);
  c->klass->line_to (c, base.x - nx, base.y - ny);
  c->klass->close_path (c);
  c->klass->paint (c, &fill);
}

static void
draw_edge (AgRenderer *self,
           Canvas     *c,
           guint       index)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  const AgGraphEdge *edge = ag_graph_get_edge (graph, index);
  const AgGeometryEdge *g = ag_geometry_get_edge (self->geometry, index);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  Paint paint = { 0 };
  char klass[64];

  if (g->n_points < 1)
    return;

  /* The control points bound the curve. */
  for (guint i = 0; i < g->n_points; i++)
    {
      x0 = MIN (x0, g->points[i].x);
      y0 = MIN (y0, g->points[i].y);
      x1 = MAX (x1, g->points[i].x);
      y1 = MAX (y1, g->points[i].y);
    }
  if (g->has_head)
    {
      x0 = MIN (x0, g->head.x); x1 = MAX (x1, g->head.x);
      y0 = MIN (y0, g->head.y); y1 = MAX (y1, g->head.y);
    }
  if (!visible (c, x0 - 10, y0 - 10, x1 + 10, y1 + 10))
    return;

  if (c->klass == &svg_canvas_class)
    {
      id = ag_graph_dup_edge_id (graph, index);
      title = ag_graph_dup_edge_title (graph, index);
    }
  g_snprintf (klass, sizeof klass, "edge %s%s", ag_claim_kind_to_string (edge->kind),
              edge->disputed ? " disputed" : "");
  c->klass->begin_group (c, id, klass, title);

  paint.stroke = edge->disputed ? DISPUTED_COLOR : claim_colors[edge->kind];
  paint.width = ag_renderer_get_pen_width (edge->n_documents);
  paint.dashed = edge->disputed;

  c->klass->move_to (c, g->points[0].x, g->points[0].y);
  for (guint i = 1; i + 2 < g->n_points; i += 3)
    c->klass->curve_to (c, g->points[i].x, g->points[i].y,
                        g->points[i + 1].x, g->points[i + 1].y,
                        g->points[i + 2].x, g->points[i + 2].y);
  c->klass->paint (c, &paint);

  if (g->has_head)
    arrowhead (c, g->points[g->n_points - 1], g->head, &paint);
  if (g->has_tail)
    arrowhead (c, g->points[0], g->tail, &paint);

  if (g->has_label)
    {
      const char *text = ag_claim_kind_to_string (edge->kind);
      PangoLayout *layout = NULL;

      if (c->needs_layouts)
        {
          if (self->kind_layouts[edge->kind] == NULL)
            self->kind_layouts[edge->kind] = text_layout (self, text, EDGE_FONT);
          layout = self->kind_layouts[edge->kind];
        }
      c->klass->text (c, layout, text, g->label.x, g->label.y, EDGE_FONT, paint.stroke);
    }

  c->klass->end_group (c);
}

static void
draw_node (AgRenderer *self,
           Canvas     *c,
           guint       index)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  const AgGraphNode *node = ag_graph_get_node (graph, index);
  const AgGeometryNode *g = ag_geometry_get_node (self->geometry, index);
  const ActorStyle *style = &actor_styles[node->kind];
  Paint paint = { style->fill, style->stroke, 1.0, FALSE };
  PangoLayout *layout = NULL;
  double text_width, symbol_x, text_x;
  char id[32];
  char klass[48];

  if (!visible (c, g->x - g->width / 2, g->y - g->height / 2,
                g->x + g->width / 2, g->y + g->height / 2))
    return;

  g_snprintf (id, sizeof id, "a%" G_GINT64_FORMAT, node->actor_id);
  g_snprintf (klass, sizeof klass, "node %s", ag_actor_kind_to_string (node->kind));
  c->klass->begin_group (c, id, klass, node->name);

  node_path (c, node->kind, g);
  c->klass->paint (c, &paint);

  /* The symbol, then the label, centred together. */
  if (c->needs_layouts)
    {
      if (self->node_layouts[index] == NULL)
        self->node_layouts[index] = text_layout (self, node->label, AG_RENDERER_FONT_SIZE);
      layout = self->node_layouts[index];
    }
  text_width = node->label_width;
  symbol_x = g->x - (SYMBOL_SIZE + SYMBOL_GAP + text_width) / 2 + SYMBOL_SIZE / 2;
  text_x = symbol_x + SYMBOL_SIZE / 2 + SYMBOL_GAP + text_width / 2;
  symbol (c, node->kind, symbol_x, g->y);
  c->klass->text (c, layout, node->label, text_x, g->y, AG_RENDERER_FONT_SIZE, TEXT_COLOR);

  c->klass->end_group (c);
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
      const char *text = is_disputed ? "disputed (denied by its object)" : ag_claim_kind_to_string (k);
      Paint paint = { NULL, is_disputed ? DISPUTED_COLOR : claim_colors[MIN (k, AG_N_CLAIM_KINDS - 1)],
                      1.5, is_disputed };
      double y = top + (row + 0.5) * LEGEND_ROW;
      PangoLayout *layout = NULL;
      double width;

      if (is_disputed ? !disputed : !((kinds >> k) & 1))
        continue;

      c->klass->move_to (c, AG_RENDERER_MARGIN, y);
      c->klass->line_to (c, AG_RENDERER_MARGIN + LEGEND_SAMPLE, y);
      c->klass->paint (c, &paint);

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
                      y, LEGEND_FONT, TEXT_COLOR);
      row++;
    }
  c->klass->end_group (c);
}

static void
draw (AgRenderer *self,
      Canvas     *c)
{
  AgGraph *graph = ag_geometry_get_graph (self->geometry);
  double graph_clip[4] = {
    c->clip[0] - AG_RENDERER_MARGIN, c->clip[1] - AG_RENDERER_MARGIN,
    c->clip[2] - AG_RENDERER_MARGIN, c->clip[3] - AG_RENDERER_MARGIN,
  };
  double saved[4];

  memcpy (saved, c->clip, sizeof saved);
  memcpy (c->clip, graph_clip, sizeof graph_clip);

  /* Edges first, under the nodes (outputorder=edgesfirst). */
  for (guint i = 0; i < ag_graph_get_n_edges (graph); i++)
    draw_edge (self, c, i);
  for (guint i = 0; i < ag_graph_get_n_nodes (graph); i++)
    draw_node (self, c, i);

  memcpy (c->clip, saved, sizeof saved);
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
  CairoCanvas canvas = { { &cairo_canvas_class, self, { 0 }, TRUE }, cr };
  double width, height;

  g_return_if_fail (AG_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);

  if (self->context == NULL)
    self->context = ag_renderer_create_pango_context ();
  pango_cairo_update_context (cr, self->context);

  cairo_save (cr);
  cairo_clip_extents (cr, &canvas.parent.clip[0], &canvas.parent.clip[1],
                      &canvas.parent.clip[2], &canvas.parent.clip[3]);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_translate (cr, AG_RENDERER_MARGIN, AG_RENDERER_MARGIN);
  draw (self, &canvas.parent);
  cairo_restore (cr);

  ag_renderer_get_size (self, &width, &height);
  if (self->show_legend)
    draw_legend (self, &canvas.parent,
                 ag_geometry_get_height (self->geometry) + 2 * AG_RENDERER_MARGIN);
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
  SvgCanvas canvas = { { &svg_canvas_class, self, { 0 }, FALSE }, out, path, 0, 0 };
  g_autoptr(GObject) context = G_OBJECT (ag_renderer_create_pango_context ());
  PangoFontMetrics *metrics;
  double width, height;

  g_return_if_fail (AG_IS_RENDERER (self));
  g_return_if_fail (out != NULL);

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
    g_string_append_printf (out, "<rect id=\"background\" width=\"100%%\" height=\"100%%\" "
                                 "fill=\"#%06x\" fill-opacity=\"%.3f\"/>\n",
                            background >> 8, (background & 0xff) / 255.0);

  g_string_append (out, "<g id=\"graph\" transform=\"translate(");
  append_number (out, AG_RENDERER_MARGIN);
  g_string_append_c (out, ',');
  append_number (out, AG_RENDERER_MARGIN);
  g_string_append (out, ")\">\n");
  draw (self, &canvas.parent);
  g_string_append (out, "</g>\n");

  if (self->show_legend)
    draw_legend (self, &canvas.parent,
                 ag_geometry_get_height (self->geometry) + 2 * AG_RENDERER_MARGIN);
  g_string_append (out, "</svg>\n");
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
  return actor_styles[kind].shape;
}

const char *
ag_renderer_get_actor_fill (AgActorKind kind)
{
  g_return_val_if_fail (kind < AG_N_ACTOR_KINDS, "#ffffff");
  return actor_styles[kind].fill;
}

const char *
ag_renderer_get_actor_stroke (AgActorKind kind)
{
  g_return_val_if_fail (kind < AG_N_ACTOR_KINDS, "#000000");
  return actor_styles[kind].stroke;
}

const char *
ag_renderer_get_claim_color (AgClaimKind kind)
{
  g_return_val_if_fail (kind < AG_N_CLAIM_KINDS, "#000000");
  return claim_colors[kind];
}

const char *
ag_renderer_get_disputed_color (void)
{
  return DISPUTED_COLOR;
}

/* The pen width of an edge with that many documents behind it. */
double
ag_renderer_get_pen_width (guint n_documents)
{
  return MIN (1.0 + 0.75 * log2 (MAX (n_documents, 1)) * 2, 6.0);
}
