/* ag-preferences-window.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-preferences-window.h"
#include "ag-gui.h"

/* AgPreferencesWindow: the application's settings, each a string key with
 * a fixed set of choices shown as a combo row. Rows and keys are bound both
 * ways, so a change made elsewhere shows in an open window. */

typedef struct
{
  const char *value;     /* the choice as the schema spells it */
  const char *title;     /* the row in the list, NC_() */
  const char *subtitle;  /* what it does, N_(), or NULL */
} Choice;

typedef struct
{
  const char   *key;
  const char   *context;  /* of the titles, for translators */
  const Choice *choices;
  guint         n_choices;
} ChoiceKey;

struct _AgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *layout_row;
  AdwComboRow          *density_row;
  AdwComboRow          *style_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AgPreferencesWindow, ag_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Titles have a context: "Automatic" is said of an engine and of labels. */
static const Choice layout_choices[] = {
  { "auto", NC_("layout engine", "Automatic"),
    /* Translators: dot and sfdp are the names of Graphviz programs; keep them. */
    N_("dot for small graphs, sfdp for large ones") },
  { "dot", NC_("layout engine", "Hierarchical"),
    /* Translators: dot is the name of a Graphviz program; keep it. */
    N_("dot: actors in ranked levels; slow beyond a few dozen actors") },
  { "neato", NC_("layout engine", "Spring"),
    /* Translators: neato is the name of a Graphviz program; keep it. */
    N_("neato: linked actors drawn close together") },
  { "fdp", NC_("layout engine", "Force-directed"),
    /* Translators: fdp is the name of a Graphviz program; keep it. */
    N_("fdp: groups of linked actors; slow on large graphs") },
  { "sfdp", NC_("layout engine", "Large graphs"),
    /* Translators: sfdp is the name of a Graphviz program; keep it. */
    N_("sfdp: force-directed, fast with thousands of actors") },
  { "circo", NC_("layout engine", "Circular"),
    /* Translators: circo is the name of a Graphviz program; keep it. */
    N_("circo: actors placed on circles") },
  { "twopi", NC_("layout engine", "Radial"),
    /* Translators: twopi is the name of a Graphviz program; keep it. */
    N_("twopi: actors in rings around a centre") },
};

static const Choice density_choices[] = {
  { "all", NC_("label density", "All labels"), N_("Every actor is labelled at every zoom") },
  { "auto", NC_("label density", "Automatic"), N_("Labels too small to read are hidden") },
  { "few", NC_("label density", "Few labels"),
    N_("Only the selected actor, its neighbours and the actors with the most claims") },
};

static const Choice style_choices[] = {
  { "system", NC_("style", "Follow System"), NULL },
  { "light", NC_("style", "Light"), NULL },
  { "dark", NC_("style", "Dark"), NULL },
};

static const ChoiceKey layout_key = {
  "layout-engine", "layout engine", layout_choices, G_N_ELEMENTS (layout_choices)
};
static const ChoiceKey density_key = {
  "label-density", "label density", density_choices, G_N_ELEMENTS (density_choices)
};
static const ChoiceKey style_key = {
  "style", "style", style_choices, G_N_ELEMENTS (style_choices)
};

static const char *
choice_title (const ChoiceKey *key,
              guint            position)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, key->context, key->choices[position].title);
}

/* The key a row shows: rows are named after their keys. */
static const ChoiceKey *
row_key (AdwComboRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_str_equal (name, layout_key.key))
    return &layout_key;
  if (g_str_equal (name, density_key.key))
    return &density_key;
  g_assert (g_str_equal (name, style_key.key));
  return &style_key;
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const ChoiceKey *key = user_data;
  const char *string = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < key->n_choices; i++)
    {
      if (g_str_equal (key->choices[i].value, string))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const ChoiceKey *key = user_data;
  guint position = g_value_get_uint (value);

  if (position >= key->n_choices)
    return NULL;
  return g_variant_new_string (key->choices[position].value);
}

static void
update_subtitle (AdwComboRow *row)
{
  const ChoiceKey *key = row_key (row);
  guint position = adw_combo_row_get_selected (row);
  const char *subtitle = NULL;

  if (position < key->n_choices && key->choices[position].subtitle != NULL)
    subtitle = _(key->choices[position].subtitle);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
row_selected_cb (AdwComboRow *row,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  update_subtitle (row);
}


/* The popup list: each choice with what it does under it, and a check
 * mark on the one chosen. */

static void
update_check (GtkListItem *list_item,
              AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (list_item) ? 1 : 0);
}

static void
selected_changed_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     GtkListItem *list_item)
{
  update_check (list_item, row);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  AdwComboRow *row = user_data;
  const ChoiceKey *key = row_key (row);
  guint position = gtk_list_item_get_position (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_last_child (labels);

  g_assert (position < key->n_choices);
  gtk_label_set_text (GTK_LABEL (title), choice_title (key, position));
  gtk_label_set_text (GTK_LABEL (subtitle), _(key->choices[position].subtitle));
  update_check (list_item, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (selected_changed_cb), list_item, 0);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (user_data, selected_changed_cb, list_item);
}

static void
setup_row (AgPreferencesWindow *self,
           AdwComboRow         *row,
           const ChoiceKey     *key)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_widget_set_name (GTK_WIDGET (row), key->key);
  for (guint i = 0; i < key->n_choices; i++)
    gtk_string_list_append (model, choice_title (key, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));

  if (key->choices[0].subtitle != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), row);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), row);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice_cb), row);
      adw_combo_row_set_list_factory (row, factory);
    }

  g_signal_connect (row, "notify::selected", G_CALLBACK (row_selected_cb), NULL);
  g_settings_bind_with_mapping (self->settings, key->key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) key, NULL);
  update_subtitle (row);
}

static void
ag_preferences_window_constructed (GObject *object)
{
  AgPreferencesWindow *self = (AgPreferencesWindow *)object;

  G_OBJECT_CLASS (ag_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  setup_row (self, self->layout_row, &layout_key);
  setup_row (self, self->density_row, &density_key);
  setup_row (self, self->style_row, &style_key);
}

static void
ag_preferences_window_dispose (GObject *object)
{
  AgPreferencesWindow *self = (AgPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ag_preferences_window_parent_class)->dispose (object);
}

static void
ag_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AgPreferencesWindow *self = AG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AgPreferencesWindow *self = AG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_preferences_window_class_init (AgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *ui = "/io/github/actorgraph/ActorGraph/ag-preferences-window.ui";

  object_class->constructed = ag_preferences_window_constructed;
  object_class->dispose = ag_preferences_window_dispose;
  object_class->get_property = ag_preferences_window_get_property;
  object_class->set_property = ag_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  ag_gui_ensure_resources ();

  gtk_widget_class_set_template_from_resource (widget_class, ui);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, density_row);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, style_row);
}

static void
ag_preferences_window_init (AgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings (schema io.github.actorgraph.ActorGraph)
 *
 * Returns: (transfer none): a new preferences window, not yet shown,
 *   owned by GTK until gtk_window_destroy()
 */
AgPreferencesWindow *
ag_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (AG_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

/**
 * ag_preferences_window_get_settings:
 * @self: an #AgPreferencesWindow
 *
 * Returns: (transfer none): the settings the window shows
 */
GSettings *
ag_preferences_window_get_settings (AgPreferencesWindow *self)
{
  g_return_val_if_fail (AG_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
