/* ag-export-dialog.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ag-export-dialog.h"
#include "ag-renderer.h"
#include "ag-gui.h"

/* AgExportDialog: writes the graph as the window shows it (the geometry
 * already laid out, with the filters in effect) to SVG, PNG, PDF, DOT,
 * GraphML or JSON. The file is written in a worker thread; the dialog
 * shows a spinner meanwhile, an error in place, and closes once the file
 * is complete.
 *
 * Actions, in the group "export":
 *   export.format   (state "s": svg, png, pdf, dot, graphml, json)
 *   export.choose   asks for a file, then writes it
 *   export.to-file  ("s": a path) writes it without asking */

struct _AgExportDialog
{
  AdwWindow             parent_instance;

  GtkLabel             *summary_label;
  AdwComboRow          *format_row;
  AdwComboRow          *scale_row;
  AdwActionRow         *transparent_row;
  GtkSwitch            *transparent_switch;
  AdwActionRow         *legend_row;
  GtkSwitch            *legend_switch;
  GtkLabel             *error_label;
  GtkSpinner           *spinner;

  GSimpleActionGroup   *actions;
  AgGeometry           *geometry;
  AgRenderer           *renderer;   /* for the PNG's size only */
  char                 *base_name;
  AgExportFormat        format;
  GtkFileChooserNative *chooser;
  gboolean              busy;
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (AgExportDialog, ag_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_GEOMETRY,
  PROP_BASE_NAME,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define N_SCALES      4  /* 1× to 4× */
#define DEFAULT_SCALE 2

typedef struct
{
  AgGeometry      *geometry;
  AgExportFormat   format;
  AgExportOptions  options;
  GFile           *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->geometry);
  g_clear_object (&job->file);
  g_free (job);
}

static const char *
format_title (AgExportFormat format)
{
  switch (format)
    {
    case AG_EXPORT_SVG: return _("SVG image");
    case AG_EXPORT_PNG: return _("PNG image");
    case AG_EXPORT_PDF: return _("PDF document");
    case AG_EXPORT_DOT: return _("Graphviz DOT");
    case AG_EXPORT_GRAPHML: return _("GraphML");
    case AG_EXPORT_JSON: return _("JSON");
    default: return "";
    }
}

static const char *
format_description (AgExportFormat format)
{
  switch (format)
    {
    case AG_EXPORT_SVG: return _("A drawing that stays sharp at any size, names as text");
    case AG_EXPORT_PNG: return _("A picture, at the scale below");
    case AG_EXPORT_PDF: return _("A page to print or to share");
    case AG_EXPORT_DOT: return _("The graph as Graphviz reads it");
    case AG_EXPORT_GRAPHML: return _("Actors, links and positions, for other graph tools");
    case AG_EXPORT_JSON: return _("Actors, links and positions, for scripts");
    default: return "";
    }
}

static gboolean
format_is_drawing (AgExportFormat format)
{
  return format == AG_EXPORT_SVG || format == AG_EXPORT_PNG || format == AG_EXPORT_PDF;
}

static gboolean
format_has_transparency (AgExportFormat format)
{
  return format == AG_EXPORT_SVG || format == AG_EXPORT_PNG;
}

/* The pixels the PNG will have, bounds included (see ag-export.c). */
static void
png_size (AgExportDialog *self,
          double          scale,
          int            *pixel_width,
          int            *pixel_height)
{
  double width, height;

  ag_renderer_set_show_legend (self->renderer, gtk_switch_get_active (self->legend_switch));
  ag_renderer_get_size (self->renderer, &width, &height);
  scale = MIN (scale, AG_EXPORT_PNG_MAX_SIDE / MAX (width, height));
  if (width * height * scale * scale > AG_EXPORT_PNG_MAX_PIXELS)
    scale = sqrt (AG_EXPORT_PNG_MAX_PIXELS / (width * height));
  *pixel_width = MAX (1, (int) ceil (width * scale));
  *pixel_height = MAX (1, (int) ceil (height * scale));
}

static void
update_rows (AgExportDialog *self)
{
  AgExportOptions options;
  g_autofree char *pixels = NULL;
  int width, height;

  /* Template callbacks run before construction is complete. */
  if (self->renderer == NULL)
    return;

  ag_export_dialog_get_options (self, &options);
  png_size (self, options.scale, &width, &height);
  /* Translators: the size of the PNG image, width × height. */
  pixels = g_strdup_printf (_("%d × %d pixels"), width, height);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format_description (self->format));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), pixels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), self->format == AG_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_row), format_has_transparency (self->format));
  gtk_widget_set_sensitive (GTK_WIDGET (self->legend_row), format_is_drawing (self->format));
}

static void
set_busy (AgExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "choose")), !busy);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "to-file")), !busy);
}

static void
show_error (AgExportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A file name from a case's title: one line, no folders, not hidden. */
static char *
make_file_name (const char     *base_name,
                AgExportFormat  format)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *stem;

  for (const char *p = base_name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == '/' || c == '\\' || c == 0x2028 || c == 0x2029)
        g_string_append_c (name, ' ');
      else
        g_string_append_unichar (name, c);
    }
  stem = g_strstrip (name->str);
  while (*stem == '.')
    stem++;
  if (*stem == '\0')
    /* Translators: the file name suggested for a graph without a title. */
    stem = _("graph");

  return g_strdup_printf ("%s.%s", stem, ag_export_format_to_string (format));
}

/* Why a file could not be written, in words for people; GIO's messages
 * repeat the path and name system calls. */
static const char *
describe_error (GFile  *file,
                GError *error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
      parent != NULL && !g_file_query_exists (parent, NULL))
    return _("The folder does not exist.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return _("You may not write to this folder.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return _("The disk is full.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("A folder has that name.");
  return error->message;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!ag_export_to_file (job->geometry, job->format, &job->options, job->file, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AgExportDialog *self = AG_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_assert (g_task_get_source_tag (G_TASK (result)) == export_thread);

  /* Closed while it was writing: nobody is left to tell. */
  if (self->disposed)
    {
      g_task_propagate_boolean (G_TASK (result), NULL);
      return;
    }

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *where = g_file_get_parse_name (job->file);
      g_autofree char *message = NULL;

      g_strdelimit (where, "\n\r\t", ' ');
      /* Translators: the file, then why it could not be written. */
      message = g_strdup_printf (_("Could not export to “%s”. %s"), where, describe_error (job->file, error));
      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_export (AgExportDialog *self,
              GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (self->busy)
    return;

  job = g_new0 (ExportJob, 1);
  job->geometry = g_object_ref (self->geometry);
  job->format = self->format;
  job->file = g_object_ref (file);
  ag_export_dialog_get_options (self, &job->options);

  show_error (self, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, export_thread);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     AgExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    start_export (self, file);
}

static void
choose_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AgExportDialog *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkFileFilter *filter;

  if (self->busy || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Graph"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  name = ag_export_dialog_dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, format_title (self->format));
  gtk_file_filter_add_suffix (filter, ag_export_format_to_string (self->format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
to_file_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AgExportDialog *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  start_export (self, file);
}

static void
format_change_state_cb (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  AgExportDialog *self = user_data;
  AgExportFormat format;

  if (!ag_export_format_from_string (g_variant_get_string (value, NULL), &format))
    {
      g_warning ("No export format “%s”", g_variant_get_string (value, NULL));
      return;
    }
  ag_export_dialog_set_format (self, format);
}

static void
format_selected_cb (AgExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected < AG_EXPORT_N_FORMATS)
    ag_export_dialog_set_format (self, selected);
}

static void
scale_selected_cb (AgExportDialog *self)
{
  update_rows (self);
}

static void
option_changed_cb (AgExportDialog *self)
{
  update_rows (self);
}

static void
label_switch (GtkSwitch    *sw,
              AdwActionRow *row)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
}

static void
ag_export_dialog_constructed (GObject *object)
{
  AgExportDialog *self = (AgExportDialog *)object;
  AgGraph *graph;
  g_autofree char *actors = NULL;
  g_autofree char *links = NULL;
  g_autofree char *summary = NULL;
  guint n_nodes, n_edges;

  G_OBJECT_CLASS (ag_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (AG_IS_GEOMETRY (self->geometry));

  self->renderer = ag_renderer_new (self->geometry);

  graph = ag_geometry_get_graph (self->geometry);
  n_nodes = ag_graph_get_n_nodes (graph);
  n_edges = ag_graph_get_n_edges (graph);
  actors = g_strdup_printf (ngettext ("%u actor", "%u actors", n_nodes), n_nodes);
  links = g_strdup_printf (ngettext ("%u link", "%u links", n_edges), n_edges);
  /* Translators: "N actors", "N links". */
  summary = g_strdup_printf (_("The graph as it is shown, with the filters in effect: %s and %s."),
                             actors, links);
  gtk_label_set_text (self->summary_label, summary);

  update_rows (self);
}

static void
ag_export_dialog_dispose (GObject *object)
{
  AgExportDialog *self = (AgExportDialog *)object;

  self->disposed = TRUE;
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "export", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->actions);
  g_clear_object (&self->renderer);
  g_clear_object (&self->geometry);

  G_OBJECT_CLASS (ag_export_dialog_parent_class)->dispose (object);
}

static void
ag_export_dialog_finalize (GObject *object)
{
  AgExportDialog *self = (AgExportDialog *)object;

  g_clear_pointer (&self->base_name, g_free);

  G_OBJECT_CLASS (ag_export_dialog_parent_class)->finalize (object);
}

static void
ag_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AgExportDialog *self = AG_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_GEOMETRY:
      g_value_set_object (value, self->geometry);
      break;

    case PROP_BASE_NAME:
      g_value_set_string (value, self->base_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AgExportDialog *self = AG_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_GEOMETRY:
      self->geometry = g_value_dup_object (value);
      break;

    case PROP_BASE_NAME:
      self->base_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_export_dialog_class_init (AgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *path = "/io/github/actorgraph/ActorGraph/ag-export-dialog.ui";

  object_class->constructed = ag_export_dialog_constructed;
  object_class->dispose = ag_export_dialog_dispose;
  object_class->finalize = ag_export_dialog_finalize;
  object_class->get_property = ag_export_dialog_get_property;
  object_class->set_property = ag_export_dialog_set_property;

  ag_gui_ensure_resources ();

  properties[PROP_GEOMETRY] =
    g_param_spec_object ("geometry", NULL, NULL,
                         AG_TYPE_GEOMETRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_NAME] =
    g_param_spec_string ("base-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgExportDialog::exported:
   * @file: the file written
   *
   * Emitted once the file is complete, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, path);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, legend_row);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AgExportDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, scale_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ag_export_dialog_init (AgExportDialog *self)
{
  static const GActionEntry entries[] = {
    { "format", NULL, "s", "'svg'", format_change_state_cb },
    { "choose", choose_activated_cb },
    { "to-file", to_file_activated_cb, "s" },
  };
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 1; i <= N_SCALES; i++)
    {
      /* Translators: a scale factor for the PNG image: 1×, 2×, … */
      g_autofree char *text = g_strdup_printf (_("%u×"), i);

      gtk_string_list_append (scales, text);
    }
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (scales));
  adw_combo_row_set_selected (self->scale_row, DEFAULT_SCALE - 1);

  label_switch (self->transparent_switch, self->transparent_row);
  label_switch (self->legend_switch, self->legend_row);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "export", G_ACTION_GROUP (self->actions));

  self->format = AG_EXPORT_SVG;
}

/**
 * ag_export_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @geometry: the graph as the window shows it, filters applied
 * @base_name: (nullable): the start of the file name suggested, such as
 *   the case's title; the extension is added
 *
 * Returns: (transfer none): a new modal dialog, not shown yet; like every
 *   toplevel, it lives until it is closed
 */
AgExportDialog *
ag_export_dialog_new (GtkWindow  *parent,
                      AgGeometry *geometry,
                      const char *base_name)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AG_IS_GEOMETRY (geometry), NULL);

  return g_object_new (AG_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "geometry", geometry,
                       "base-name", base_name,
                       NULL);
}

/**
 * ag_export_dialog_get_geometry:
 * @self: an #AgExportDialog
 *
 * Returns: (transfer none): what the dialog writes
 */
AgGeometry *
ag_export_dialog_get_geometry (AgExportDialog *self)
{
  g_return_val_if_fail (AG_IS_EXPORT_DIALOG (self), NULL);

  return self->geometry;
}

AgExportFormat
ag_export_dialog_get_format (AgExportDialog *self)
{
  g_return_val_if_fail (AG_IS_EXPORT_DIALOG (self), AG_EXPORT_SVG);

  return self->format;
}

/**
 * ag_export_dialog_set_format:
 * @self: an #AgExportDialog
 * @format: the format to write
 *
 * Chooses the format, as the Format row and the action "export.format" do.
 */
void
ag_export_dialog_set_format (AgExportDialog *self,
                             AgExportFormat  format)
{
  GAction *action;

  g_return_if_fail (AG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < AG_EXPORT_N_FORMATS);

  self->format = format;
  if (adw_combo_row_get_selected (self->format_row) != (guint) format)
    adw_combo_row_set_selected (self->format_row, format);

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "format");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (ag_export_format_to_string (format)));
  update_rows (self);
}

/**
 * ag_export_dialog_get_options:
 * @self: an #AgExportDialog
 * @options: (out caller-allocates): the options the file will be written with
 */
void
ag_export_dialog_get_options (AgExportDialog  *self,
                              AgExportOptions *options)
{
  g_return_if_fail (AG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  ag_export_options_init (options);
  options->scale = adw_combo_row_get_selected (self->scale_row) + 1;
  if (options->scale > N_SCALES)
    options->scale = DEFAULT_SCALE;
  options->legend = gtk_switch_get_active (self->legend_switch);
  if (format_has_transparency (self->format) && gtk_switch_get_active (self->transparent_switch))
    options->background = AG_RENDERER_TRANSPARENT;
  else
    options->background = AG_RENDERER_WHITE;
}

/**
 * ag_export_dialog_is_busy:
 * @self: an #AgExportDialog
 *
 * Returns: whether a file is being written
 */
gboolean
ag_export_dialog_is_busy (AgExportDialog *self)
{
  g_return_val_if_fail (AG_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * ag_export_dialog_dup_suggested_name:
 * @self: an #AgExportDialog
 *
 * Returns: (transfer full): the file name the file chooser proposes: the
 *   base name made safe for a file name, with the format's extension
 */
char *
ag_export_dialog_dup_suggested_name (AgExportDialog *self)
{
  g_return_val_if_fail (AG_IS_EXPORT_DIALOG (self), NULL);

  return make_file_name (self->base_name, self->format);
}
