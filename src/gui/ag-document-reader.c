/* ag-document-reader.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-document-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ag-document-reader.h"
#include "ag-resources.h"

/* AgDocumentReader: one document of the case, read-only: its title,
 * source and date above its full text, with the evidence of one claim
 * highlighted and scrolled into view, and the evidence of the document's
 * other claims lightly marked.
 *
 * GtkTextView lays a text out in idle time, top to bottom, and counts the
 * lines it has not laid out yet as empty: a line far down a long text has
 * no known place until everything above it is laid out (seconds for
 * megabytes), and a view scrolled there early finds empty lines on screen,
 * lays them out while drawing, and so pushes the highlight out of view.
 * So for a highlight far into the text the buffer first gets the text from
 * a few lines above the highlight's to the end; once that is laid out and
 * scrolled to, the text before it is inserted at the start, above the
 * view. The lines on screen are then laid out already, and while the rest
 * is laid out above them, a tick callback puts the highlight back in view
 * before each frame is drawn, until the layout settles or the user
 * scrolls. (GtkTextView means to keep its top line in place itself, but in
 * GTK 4.8 that slips whenever the scroll range lags, and by the view's top
 * margin at each change; the view has no top margin for that reason, a tag
 * on the first line makes the room.)
 */

typedef enum
{
  FOLLOW_SCROLL, /* only the end of the text is in: scroll to the highlight */
  FOLLOW_REVEAL, /* insert the beginning of the text above */
  FOLLOW_KEEP,   /* keep the highlight in view while the layout settles */
} FollowPhase;

struct _AgDocumentReader
{
  GtkBox             parent_instance;

  GtkButton         *back_button;
  GtkLabel          *title_label;
  GtkLabel          *source_label;
  GtkLabel          *date_label;
  GtkLabel          *notice_label;
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;

  GtkTextTagTable   *tags;
  GtkTextTag        *evidence_tag;   /* every claim's evidence, lightly */
  GtkTextTag        *highlight_tag;  /* the claim shown */
  GtkTextTag        *first_line_tag; /* room above the text */

  AgDocument        *document;
  GArray            *spans;          /* Span: the document's evidence */
  char              *broken;         /* its text with long paragraphs broken, or NULL */
  char              *prefix;         /* the text before the buffer's, to insert */
  glong              slice_offset;   /* characters of the text before the buffer's */

  gboolean           has_highlight;
  glong              highlight_start; /* characters into the document */
  glong              highlight_end;

  guint              follow_id;       /* tick callback, 0 when not following */
  FollowPhase        follow_phase;
  gint64             follow_deadline; /* monotonic µs, 0 until the first frame */
  double             follow_upper;
  guint              follow_steady;
};

G_DEFINE_FINAL_TYPE (AgDocumentReader, ag_document_reader, GTK_TYPE_BOX)

enum {
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Pango lays a paragraph out in one piece, in time that grows with its
 * length: a 5 MB text without a line break freezes the window for
 * seconds. Longer paragraphs get a line break in place of a space (one
 * character for one, so offsets still hold). */
#define MAX_PARAGRAPH_CHARS 8192

/* A highlight more characters into the text than this is shown from a
 * slice of the text first. The slice starts at least CONTEXT_CHARS and
 * two lines before the highlight's line, so that there is text to scroll
 * above the highlight. */
#define SLICE_ABOVE_CHARS 20000
#define CONTEXT_CHARS 3000

/* The layout has settled when its height has not changed for this many
 * frames; following stops then, or after FOLLOW_MAX_SECONDS. */
#define FOLLOW_STEADY_FRAMES 30
#define FOLLOW_MAX_SECONDS 60

/* Where the highlight goes, as a fraction of the visible height. */
#define HIGHLIGHT_YALIGN 0.25

/* Room above the first line, in pixels. */
#define TOP_ROOM 18

typedef struct
{
  glong start;
  glong end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

static gboolean
is_paragraph_end (const char *p)
{
  /* "\n", "\r", U+2029 PARAGRAPH SEPARATOR, as GtkTextBuffer has them. */
  return *p == '\n' || *p == '\r' || strncmp (p, "\xe2\x80\xa9", 3) == 0;
}

/* A copy of @text in which paragraphs longer than MAX_PARAGRAPH_CHARS are
 * broken at the first space or tab past the limit that lies outside
 * every span of @spans (sorted). NULL when no paragraph is that long. */
static char *
break_long_paragraphs (const char *text,
                       GArray     *spans)
{
  g_autofree char *copy = NULL;
  guint next_span = 0;
  glong run = 0;
  glong offset = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      if (is_paragraph_end (p))
        {
          run = 0;
          continue;
        }
      if (++run <= MAX_PARAGRAPH_CHARS || (*p != ' ' && *p != '\t'))
        continue;

      while (next_span < spans->len && g_array_index (spans, Span, next_span).end <= offset)
        next_span++;
      if (next_span < spans->len && g_array_index (spans, Span, next_span).start <= offset)
        continue;

      if (copy == NULL)
        copy = g_strdup (text);
      copy[p - text] = '\n';
      run = 0;
    }

  return g_steal_pointer (&copy);
}

/* Where the slice of @text for a highlight at character @first starts:
 * the start of a line at least CONTEXT_CHARS and two lines before the
 * highlight's line; 0 for a highlight near the start. */
static glong
find_slice_start (const char *text,
                  glong       first)
{
  const char *p;
  glong back = 0;
  guint lines = 0;

  if (first <= SLICE_ABOVE_CHARS)
    return 0;

  p = g_utf8_offset_to_pointer (text, first);
  while (p > text)
    {
      const char *prev = g_utf8_prev_char (p);

      /* A line starts at @p, unless @p splits "\r\n". */
      if (is_paragraph_end (prev) && !(*prev == '\r' && *p == '\n') &&
          ++lines >= 3 && back >= CONTEXT_CHARS)
        return first - back;
      p = prev;
      back++;
    }

  return 0;
}

/* Tags the evidence of the spans that end after character @from, from
 * @from on (characters of the document). */
static void
tag_spans (AgDocumentReader *self,
           GtkTextBuffer    *buffer,
           glong             from)
{
  GtkTextIter start, end;

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->end <= from)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, MAX (span->start, from) - self->slice_offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, span->end - self->slice_offset);
      gtk_text_buffer_apply_tag (buffer, self->evidence_tag, &start, &end);
    }
}

static void
tag_first_line (AgDocumentReader *self,
                GtkTextBuffer    *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_apply_tag (buffer, self->first_line_tag, &start, &end);
}

/* Fills the view with the document's text from character @slice_start on,
 * keeping what comes before for reveal(). */
static void
load_text (AgDocumentReader *self,
           glong             slice_start)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (self->tags);
  const char *text = self->broken ? self->broken : ag_document_get_text (self->document);
  const char *slice;
  GtkTextIter start;

  g_clear_pointer (&self->prefix, g_free);
  slice = g_utf8_offset_to_pointer (text, slice_start);
  if (slice_start > 0)
    self->prefix = g_strndup (text, slice - text);
  self->slice_offset = slice_start;

  /* Filled before the view sees it, so that the view lays it out once. */
  gtk_text_buffer_set_text (buffer, slice, -1);
  tag_spans (self, buffer, slice_start);
  if (slice_start == 0)
    tag_first_line (self, buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_set_buffer (self->text_view, buffer);
}

/* Puts the text before the slice in, above what is shown. */
static void
reveal (AgDocumentReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *prefix = g_steal_pointer (&self->prefix);
  GtkTextIter start;

  if (prefix == NULL)
    return;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, prefix, -1);
  self->slice_offset = 0;
  tag_spans (self, buffer, 0);
  tag_first_line (self, buffer);
}

static void
stop_following (AgDocumentReader *self)
{
  if (self->follow_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->follow_id);
  self->follow_id = 0;
  self->follow_phase = FOLLOW_KEEP;

  /* Never leave part of the text out. */
  if (self->prefix != NULL)
    reveal (self);
}

static void
clear_highlight (AgDocumentReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  stop_following (self);
  if (!self->has_highlight)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight_tag, &start, &end);
  self->has_highlight = FALSE;
}

static void
set_notice (AgDocumentReader *self,
            const char       *notice)
{
  gtk_label_set_text (self->notice_label, notice ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
}

static gboolean
is_web_address (const char *source)
{
  g_autofree char *scheme = g_uri_parse_scheme (source);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_is_valid (source, G_URI_FLAGS_NONE, NULL);
}

static void
show_header (AgDocumentReader *self,
             AgDocument       *document)
{
  const char *title = document ? ag_document_get_title (document) : NULL;
  const char *source = document ? ag_document_get_source (document) : NULL;
  GDateTime *published = document ? ag_document_get_published (document) : NULL;
  GDateTime *imported = document ? ag_document_get_imported (document) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_text = NULL;

  gtk_label_set_text (self->title_label,
                      title != NULL && *title != '\0' ? title : _("Untitled document"));

  if (source != NULL && *source != '\0' && is_web_address (source))
    {
      /* Both come from the document: escape them for the markup. */
      g_autofree char *escaped = g_markup_escape_text (source, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped, escaped);

      gtk_label_set_markup (self->source_label, markup);
    }
  else
    gtk_label_set_text (self->source_label, source ? source : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source != NULL && *source != '\0');

  if (published != NULL)
    {
      date = g_date_time_format (published, "%x");
      /* Translators: %s is a date in the locale's format */
      date_text = g_strdup_printf (_("Published %s"), date);
    }
  else if (imported != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (imported);

      date = g_date_time_format (local, "%x");
      /* Translators: %s is a date in the locale's format */
      date_text = g_strdup_printf (_("Imported %s"), date);
    }
  gtk_label_set_text (self->date_label, date_text ? date_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date_text != NULL);
}

/* The evidence spans of @document's claims, sorted and inside the text. */
static GArray *
collect_spans (AgCase     *kase,
               AgDocument *document)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  glong length = ag_document_get_length (document);
  GListModel *claims;
  guint n;

  if (kase == NULL)
    return spans;

  claims = ag_case_get_claims (kase);
  n = g_list_model_get_n_items (claims);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgClaim) claim = g_list_model_get_item (claims, i);
      Span span = { ag_claim_get_evidence_start (claim), ag_claim_get_evidence_end (claim) };

      if (ag_claim_get_document (claim) == document &&
          span.start >= 0 && span.start < span.end && span.end <= length)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  return spans;
}

static void
back_clicked_cb (AgDocumentReader *self)
{
  g_assert (AG_IS_DOCUMENT_READER (self));

  g_signal_emit (self, signals[CLOSE], 0);
}

/* The user scrolls, clicks or types: the highlight stops following. */
static gboolean
user_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                AgDocumentReader         *self)
{
  g_assert (AG_IS_DOCUMENT_READER (self));

  stop_following (self);
  return FALSE;
}

static void
user_pressed_cb (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 AgDocumentReader *self)
{
  g_assert (AG_IS_DOCUMENT_READER (self));

  stop_following (self);
}

static gboolean
user_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             AgDocumentReader      *self)
{
  g_assert (AG_IS_DOCUMENT_READER (self));

  stop_following (self);
  return FALSE;
}

/* Scrolls so that buffer coordinate @y is at the top of the view. */
static void
scroll_to_y (GtkAdjustment      *vadjustment,
             const GdkRectangle *visible,
             double              y)
{
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + y - visible->y);
}

static gboolean
follow_highlight_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  AgDocumentReader *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  GdkRectangle visible, location;
  GtkTextIter iter;
  gint64 now = g_get_monotonic_time ();
  double upper, y, lowest;
  int top, height;

  g_assert (AG_IS_DOCUMENT_READER (self));

  if (gtk_widget_get_height (widget) <= 0 || vadjustment == NULL)
    return G_SOURCE_CONTINUE;
  if (self->follow_deadline == 0)
    self->follow_deadline = now + FOLLOW_MAX_SECONDS * G_USEC_PER_SEC;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->highlight_start - self->slice_offset);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  upper = gtk_adjustment_get_upper (vadjustment);

  switch (self->follow_phase)
    {
    case FOLLOW_SCROLL:
      /* Put the top of the view below the top of the slice's second line
       * (as far as the slice allows), which GtkTextView then tries to keep
       * in place while the text inserted above it is laid out. */
      gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
      gtk_text_view_get_line_yrange (self->text_view, &iter, &top, &height);
      y = MAX (location.y - visible.height * HIGHLIGHT_YALIGN, top + 1);
      lowest = visible.y + upper - gtk_adjustment_get_page_size (vadjustment) - gtk_adjustment_get_value (vadjustment);
      scroll_to_y (vadjustment, &visible, MIN (y, lowest));
      self->follow_phase = FOLLOW_REVEAL;
      return G_SOURCE_CONTINUE;

    case FOLLOW_REVEAL:
      reveal (self);
      self->follow_phase = FOLLOW_KEEP;
      self->follow_upper = -1;
      return G_SOURCE_CONTINUE;

    case FOLLOW_KEEP:
    default:
      break;
    }

  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    {
      scroll_to_y (vadjustment, &visible, location.y - visible.height * HIGHLIGHT_YALIGN);
      self->follow_steady = 0;
    }
  else if (upper == self->follow_upper)
    self->follow_steady++;
  else
    self->follow_steady = 0;
  self->follow_upper = upper;

  if (self->follow_steady >= FOLLOW_STEADY_FRAMES || now > self->follow_deadline)
    {
      self->follow_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_following (AgDocumentReader *self)
{
  if (self->follow_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->follow_id);
  self->follow_deadline = 0;
  self->follow_upper = -1;
  self->follow_steady = 0;
  self->follow_phase = self->prefix != NULL ? FOLLOW_SCROLL : FOLLOW_KEEP;
  self->follow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                  follow_highlight_cb, self, NULL);
}

/* Where the claim's evidence lies in the text: its offsets when the text
 * there is the evidence, else the first place the evidence occurs. */
static gboolean
find_evidence (AgDocument *document,
               AgClaim    *claim,
               glong      *start,
               glong      *end)
{
  const char *evidence = ag_claim_get_evidence (claim);
  glong length = ag_document_get_length (document);
  const char *found;

  *start = ag_claim_get_evidence_start (claim);
  *end = ag_claim_get_evidence_end (claim);

  if (*start >= 0 && *start < *end && *end <= length)
    {
      g_autofree char *span = NULL;

      if (*evidence == '\0')
        return TRUE;
      span = ag_document_dup_span (document, *start, *end);
      if (g_strcmp0 (span, evidence) == 0)
        return TRUE;
    }

  if (*evidence == '\0')
    return FALSE;
  found = strstr (ag_document_get_text (document), evidence);
  if (found == NULL)
    return FALSE;
  *start = g_utf8_pointer_to_offset (ag_document_get_text (document), found);
  *end = *start + g_utf8_strlen (evidence, -1);
  return TRUE;
}

static void
ag_document_reader_dispose (GObject *object)
{
  AgDocumentReader *self = (AgDocumentReader *)object;

  if (self->follow_id != 0 && self->text_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->follow_id);
  self->follow_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_DOCUMENT_READER);
  g_clear_object (&self->document);
  g_clear_object (&self->tags);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->broken, g_free);

  G_OBJECT_CLASS (ag_document_reader_parent_class)->dispose (object);
}

static void
ag_document_reader_class_init (AgDocumentReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *ui = "/io/github/actorgraph/ActorGraph/ag-document-reader.ui";

  object_class->dispose = ag_document_reader_dispose;

  /**
   * AgDocumentReader::close:
   *
   * The user asks to leave the reader: the Back button, or Escape.
   */
  signals[CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "close", NULL);

  /* The bundle may not be registered yet when this widget comes first. */
  if (!g_resources_get_info (ui, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    ag_register_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, ui);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, back_button);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, source_label);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, date_label);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, notice_label);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, AgDocumentReader, text_view);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "documentreader");
}

static void
ag_document_reader_init (AgDocumentReader *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GdkRGBA highlight = { 0.965, 0.827, 0.176, 1.0 };  /* #f6d32d */
  GdkRGBA on_highlight = { 0.0, 0.0, 0.0, 1.0 };
  GdkRGBA evidence = { 0.965, 0.827, 0.176, 0.3 };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Dark text on a strong yellow reads the same in light and dark styles;
   * the pale wash of other evidence leaves the style's own text colour. */
  self->tags = gtk_text_tag_table_new ();
  self->evidence_tag = gtk_text_tag_new ("evidence");
  g_object_set (self->evidence_tag, "background-rgba", &evidence, NULL);
  gtk_text_tag_table_add (self->tags, self->evidence_tag);
  g_object_unref (self->evidence_tag);
  self->highlight_tag = gtk_text_tag_new ("highlight");
  g_object_set (self->highlight_tag,
                "background-rgba", &highlight,
                "foreground-rgba", &on_highlight,
                NULL);
  gtk_text_tag_table_add (self->tags, self->highlight_tag);
  g_object_unref (self->highlight_tag);
  self->first_line_tag = gtk_text_tag_new ("first-line");
  g_object_set (self->first_line_tag, "pixels-above-lines", TOP_ROOM, NULL);
  gtk_text_tag_table_add (self->tags, self->first_line_tag);
  g_object_unref (self->first_line_tag);
  self->follow_phase = FOLLOW_KEEP;
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  {
    g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (self->tags);

    gtk_text_view_set_buffer (self->text_view, buffer);
  }

  /* Any scrolling, click or key of the user's ends the following. */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (user_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (user_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (user_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  show_header (self, NULL);
  gtk_label_set_text (self->title_label, "");
}

GtkWidget *
ag_document_reader_new (void)
{
  return g_object_new (AG_TYPE_DOCUMENT_READER, NULL);
}

/* Shows @document's title, source and date, and keeps its evidence
 * spans; its text comes with load_text(). */
static void
set_document (AgDocumentReader *self,
              AgCase           *kase,
              AgDocument       *document)
{
  g_set_object (&self->document, document);
  show_header (self, document);
  g_clear_pointer (&self->spans, g_array_unref);
  self->spans = collect_spans (kase, document);
  g_free (self->broken);
  self->broken = break_long_paragraphs (ag_document_get_text (document), self->spans);
  if (*ag_document_get_text (document) == '\0')
    set_notice (self, _("This document has no text."));
}

/**
 * ag_document_reader_show_document:
 * @self: an #AgDocumentReader
 * @kase: (nullable): the case that holds @document, to mark the evidence
 *   of its claims
 * @document: the document to show
 *
 * Shows @document from its start, without a highlight. Showing the
 * document already shown keeps its text and scroll position.
 */
void
ag_document_reader_show_document (AgDocumentReader *self,
                                  AgCase           *kase,
                                  AgDocument       *document)
{
  g_return_if_fail (AG_IS_DOCUMENT_READER (self));
  g_return_if_fail (kase == NULL || AG_IS_CASE (kase));
  g_return_if_fail (AG_IS_DOCUMENT (document));

  clear_highlight (self);
  set_notice (self, NULL);
  if (document == self->document)
    return;

  set_document (self, kase, document);
  load_text (self, 0);
}

/**
 * ag_document_reader_show_claim:
 * @self: an #AgDocumentReader
 * @kase: (nullable): the case that holds @claim
 * @claim: a claim
 *
 * Shows the document of @claim with its evidence highlighted and, once the
 * view is on screen, scrolled into view.
 */
void
ag_document_reader_show_claim (AgDocumentReader *self,
                               AgCase           *kase,
                               AgClaim          *claim)
{
  AgDocument *document;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  glong first, last, slice_start;
  gboolean new_document;

  g_return_if_fail (AG_IS_DOCUMENT_READER (self));
  g_return_if_fail (kase == NULL || AG_IS_CASE (kase));
  g_return_if_fail (AG_IS_CLAIM (claim));

  document = ag_claim_get_document (claim);
  if (document == NULL)
    {
      clear_highlight (self);
      set_notice (self, _("This claim has no document."));
      return;
    }

  if (!find_evidence (document, claim, &first, &last))
    {
      ag_document_reader_show_document (self, kase, document);
      set_notice (self, _("The quote of this claim is not in the document’s text."));
      return;
    }

  clear_highlight (self);
  set_notice (self, NULL);
  new_document = document != self->document;
  if (new_document)
    set_document (self, kase, document);

  /* Far into the text, start from a slice (even when the text is already
   * in: its layout may not have got that far yet). */
  slice_start = find_slice_start (self->broken ? self->broken : ag_document_get_text (document), first);
  if (new_document || slice_start > 0)
    load_text (self, slice_start);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, first - self->slice_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, last - self->slice_offset);
  gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->has_highlight = TRUE;
  self->highlight_start = first;
  self->highlight_end = last;

  start_following (self);
}

/**
 * ag_document_reader_get_document:
 * @self: an #AgDocumentReader
 *
 * Returns: (transfer none) (nullable): the document shown
 */
AgDocument *
ag_document_reader_get_document (AgDocumentReader *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT_READER (self), NULL);

  return self->document;
}

/**
 * ag_document_reader_get_highlight:
 * @self: an #AgDocumentReader
 * @start: (out) (optional): the first character of the highlight
 * @end: (out) (optional): the character after it
 *
 * The offsets are characters into the text view's buffer, which are those
 * of the document once its text is in whole (a frame or two after a
 * highlight far into a long document).
 *
 * Returns: whether a claim's evidence is highlighted
 */
gboolean
ag_document_reader_get_highlight (AgDocumentReader *self,
                                  int              *start,
                                  int              *end)
{
  g_return_val_if_fail (AG_IS_DOCUMENT_READER (self), FALSE);

  if (start != NULL)
    *start = self->has_highlight ? (int) (self->highlight_start - self->slice_offset) : -1;
  if (end != NULL)
    *end = self->has_highlight ? (int) (self->highlight_end - self->slice_offset) : -1;
  return self->has_highlight;
}

/**
 * ag_document_reader_get_text_view:
 * @self: an #AgDocumentReader
 *
 * Returns: (transfer none): the view of the document's text
 */
GtkTextView *
ag_document_reader_get_text_view (AgDocumentReader *self)
{
  g_return_val_if_fail (AG_IS_DOCUMENT_READER (self), NULL);

  return self->text_view;
}
