/* ag-gazetteer.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-gazetteer"

#include "config.h"

#include <string.h>

#include "ag-gazetteer.h"

/* AgGazetteer: finds every known name in a paragraph in one pass.
 *
 * Names are sequences of normalised tokens, so "Volt\nTyphoon", "volt
 * typhoon" and "China’s" all meet their entries. An Aho-Corasick automaton
 * over word ids reports every name that ends at each token; the longest
 * names win, left to right. Hyphens are not tokens here, so "Dev-0391"
 * and "Dev 0391" are the same name. */

typedef struct
{
  gint32 fail;     /* longest proper suffix that is a node */
  gint32 pattern;  /* pattern ending here, or -1 */
  gint32 dict;     /* nearest node on the fail chain with a pattern, or -1 */
  guint  depth;
} Node;

typedef struct
{
  guint64 key;     /* (node + 1) << 32 | word id; 0 = empty slot */
  gint32  child;
} Edge;

typedef struct
{
  guint      length;     /* in tokens */
  GPtrArray *forms;      /* const AgKnowledgeForm * */
  guint      needs_caps : 1; /* "US", "NSA": only in capitals */
  guint      needs_capital : 1; /* "Turla": only with a capital */
} Pattern;

struct _AgGazetteer
{
  GObject      parent_instance;

  AgKnowledge *knowledge;
  GHashTable  *words;     /* normalised word → id (≥ 1) */
  GArray      *nodes;     /* Node */
  Edge        *edges;
  gsize        n_edges;
  gsize        edges_mask;
  GArray      *patterns;  /* Pattern */
  guint        max_length;
};

G_DEFINE_FINAL_TYPE (AgGazetteer, ag_gazetteer, G_TYPE_OBJECT)

static inline guint64
edge_key (gint32 node,
          guint  word)
{
  return ((guint64)(node + 1) << 32) | word;
}

static inline gsize
edge_slot (guint64 key,
           gsize   mask)
{
  key ^= key >> 29;
  key *= G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (gsize)(key >> 17) & mask;
}

static gint32
edge_get (AgGazetteer *self,
          gint32       node,
          guint        word)
{
  guint64 key = edge_key (node, word);

  for (gsize i = edge_slot (key, self->edges_mask);; i = (i + 1) & self->edges_mask)
    {
      if (self->edges[i].key == key)
        return self->edges[i].child;
      if (self->edges[i].key == 0)
        return -1;
    }
}

static void edge_put (AgGazetteer *self, gint32 node, guint word, gint32 child);

static void
edges_grow (AgGazetteer *self)
{
  Edge *old = self->edges;
  gsize old_size = self->edges_mask + 1;

  self->edges_mask = old_size * 2 - 1;
  self->edges = g_new0 (Edge, old_size * 2);
  self->n_edges = 0;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].key != 0)
      edge_put (self, (gint32)(old[i].key >> 32) - 1, (guint)(old[i].key & 0xffffffff), old[i].child);
  g_free (old);
}

static void
edge_put (AgGazetteer *self,
          gint32       node,
          guint        word,
          gint32       child)
{
  guint64 key = edge_key (node, word);
  gsize i;

  if ((self->n_edges + 1) * 2 > self->edges_mask + 1)
    edges_grow (self);

  for (i = edge_slot (key, self->edges_mask); self->edges[i].key != 0; i = (i + 1) & self->edges_mask)
    if (self->edges[i].key == key)
      {
        self->edges[i].child = child;
        return;
      }
  self->edges[i].key = key;
  self->edges[i].child = child;
  self->n_edges++;
}

static guint
word_id (AgGazetteer *self,
         const char  *norm,
         gboolean     add)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (self->words, norm));

  if (id == 0 && add)
    {
      id = g_hash_table_size (self->words) + 1;
      g_hash_table_insert (self->words, g_strdup (norm), GUINT_TO_POINTER (id));
    }
  return id;
}

static gint32
new_node (AgGazetteer *self,
          guint        depth)
{
  Node node = { 0, -1, -1, depth };

  g_array_append_val (self->nodes, node);
  return self->nodes->len - 1;
}

static gboolean
tokenize_form (const char *form,
               AgParagraph *paragraph)
{
  paragraph->text = form;
  paragraph->length = strlen (form);
  paragraph->cstart = 0;
  g_string_chunk_clear (paragraph->chunk);
  ag_text_tokenize (paragraph);
  return paragraph->tokens->len > 0;
}

static void
add_form (AgGazetteer           *self,
          const AgKnowledgeForm *form,
          AgParagraph           *scratch,
          GHashTable            *patterns_by_node)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *text = form->form;
  gint32 node = 0;
  gpointer index;
  Pattern *pattern;
  guint first_flags = 0;
  gboolean has_lower = FALSE;
  guint letters = 0;

  /* "the Kremlin" is found as "Kremlin". */
  if (g_ascii_strncasecmp (text, "the ", 4) == 0)
    text += 4;
  if (!tokenize_form (text, scratch))
    return;

  for (guint i = 0; i < scratch->tokens->len; i++)
    {
      AgToken *t = &g_array_index (scratch->tokens, AgToken, i);
      guint id;

      if (t->flags & (AG_TOKEN_HYPHEN | AG_TOKEN_QUOTE))
        continue;
      if (ids->len == 0)
        first_flags = t->flags;
      id = word_id (self, t->norm, TRUE);
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        letters++;
      if (g_unichar_islower (c))
        has_lower = TRUE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      guint id = g_array_index (ids, guint, i);
      gint32 child = edge_get (self, node, id);

      if (child < 0)
        {
          child = new_node (self, i + 1);
          edge_put (self, node, id, child);
        }
      node = child;
    }

  if (g_hash_table_lookup_extended (patterns_by_node, GINT_TO_POINTER (node), NULL, &index))
    pattern = &g_array_index (self->patterns, Pattern, GPOINTER_TO_UINT (index));
  else
    {
      Pattern p = { 0 };

      p.length = ids->len;
      p.forms = g_ptr_array_new ();
      /* Short acronyms are common words in lower case: "us", "who". */
      p.needs_caps = !has_lower && letters >= 2 && letters <= 5;
      p.needs_capital = (first_flags & AG_TOKEN_CAPITALIZED) != 0;
      g_array_append_val (self->patterns, p);
      g_array_index (self->nodes, Node, node).pattern = self->patterns->len - 1;
      g_hash_table_insert (patterns_by_node, GINT_TO_POINTER (node), GUINT_TO_POINTER (self->patterns->len - 1));
      pattern = &g_array_index (self->patterns, Pattern, self->patterns->len - 1);
      self->max_length = MAX (self->max_length, ids->len);
    }

  if (!g_ptr_array_find (pattern->forms, form, NULL))
    g_ptr_array_add (pattern->forms, (gpointer)form);
}

/* Failure and dictionary links, breadth first. */
static void
link_nodes (AgGazetteer *self)
{
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree GArray **kids = NULL;
  guint n_nodes = self->nodes->len;

  /* Children per node, from the edge table. */
  kids = g_new0 (GArray *, n_nodes);
  for (gsize i = 0; i <= self->edges_mask; i++)
    if (self->edges[i].key != 0)
      {
        gint32 parent = (gint32)(self->edges[i].key >> 32) - 1;

        if (kids[parent] == NULL)
          kids[parent] = g_array_new (FALSE, FALSE, sizeof (Edge));
        g_array_append_val (kids[parent], self->edges[i]);
      }

  if (kids[0] != NULL)
    for (guint i = 0; i < kids[0]->len; i++)
      {
        gint32 child = g_array_index (kids[0], Edge, i).child;

        g_array_index (self->nodes, Node, child).fail = 0;
        g_array_append_val (queue, child);
      }

  for (guint head = 0; head < queue->len; head++)
    {
      gint32 node = g_array_index (queue, gint32, head);
      Node *n = &g_array_index (self->nodes, Node, node);
      Node *f = &g_array_index (self->nodes, Node, n->fail);

      n->dict = f->pattern >= 0 ? n->fail : f->dict;
      if (kids[node] == NULL)
        continue;

      for (guint i = 0; i < kids[node]->len; i++)
        {
          Edge *e = &g_array_index (kids[node], Edge, i);
          guint word = (guint)(e->key & 0xffffffff);
          gint32 fail = n->fail;
          gint32 target;

          while ((target = edge_get (self, fail, word)) < 0 && fail != 0)
            fail = g_array_index (self->nodes, Node, fail).fail;
          if (target < 0 || target == e->child)
            target = 0;
          g_array_index (self->nodes, Node, e->child).fail = target;
          g_array_append_val (queue, e->child);
        }
    }

  for (guint i = 0; i < n_nodes; i++)
    if (kids[i] != NULL)
      g_array_unref (kids[i]);
}

static void
ag_gazetteer_finalize (GObject *object)
{
  AgGazetteer *self = (AgGazetteer *)object;

  for (guint i = 0; self->patterns != NULL && i < self->patterns->len; i++)
    g_ptr_array_unref (g_array_index (self->patterns, Pattern, i).forms);
  g_clear_pointer (&self->patterns, g_array_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_free);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_object (&self->knowledge);

  G_OBJECT_CLASS (ag_gazetteer_parent_class)->finalize (object);
}

static void
ag_gazetteer_class_init (AgGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ag_gazetteer_finalize;
}

static void
ag_gazetteer_init (AgGazetteer *self)
{
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  self->edges_mask = 1023;
  self->edges = g_new0 (Edge, self->edges_mask + 1);
  new_node (self, 0);
}

/**
 * ag_gazetteer_new:
 * @knowledge: the names to find
 *
 * Returns: (transfer full): a gazetteer of every form of @knowledge
 */
AgGazetteer *
ag_gazetteer_new (AgKnowledge *knowledge)
{
  AgGazetteer *self;
  g_autoptr(GHashTable) patterns_by_node = g_hash_table_new (NULL, NULL);
  AgParagraph scratch = { 0 };
  guint n;

  g_return_val_if_fail (AG_IS_KNOWLEDGE (knowledge), NULL);

  self = g_object_new (AG_TYPE_GAZETTEER, NULL);
  self->knowledge = g_object_ref (knowledge);

  scratch.tokens = g_array_new (FALSE, TRUE, sizeof (AgToken));
  scratch.chunk = g_string_chunk_new (256);
  n = ag_knowledge_get_n_forms (knowledge);
  for (guint i = 0; i < n; i++)
    add_form (self, ag_knowledge_get_form (knowledge, i), &scratch, patterns_by_node);
  g_array_unref (scratch.tokens);
  g_string_chunk_free (scratch.chunk);

  link_nodes (self);
  return self;
}

AgKnowledge *
ag_gazetteer_get_knowledge (AgGazetteer *self)
{
  g_return_val_if_fail (AG_IS_GAZETTEER (self), NULL);

  return self->knowledge;
}

guint
ag_gazetteer_get_n_patterns (AgGazetteer *self)
{
  g_return_val_if_fail (AG_IS_GAZETTEER (self), 0);

  return self->patterns->len;
}

static gboolean
case_fits (const Pattern *pattern,
           AgParagraph   *paragraph,
           guint          first,
           guint          last)
{
  AgToken *start = &g_array_index (paragraph->tokens, AgToken, first);

  if (pattern->needs_capital && !(start->flags & (AG_TOKEN_CAPITALIZED | AG_TOKEN_DIGITS)))
    return FALSE;

  if (pattern->needs_caps)
    for (guint i = first; i <= last; i++)
      {
        AgToken *t = &g_array_index (paragraph->tokens, AgToken, i);

        if ((t->flags & AG_TOKEN_WORD) && !(t->flags & (AG_TOKEN_ALL_CAPS | AG_TOKEN_DIGITS)) &&
            !((t->flags & AG_TOKEN_CAPITALIZED) && t->end - t->start == 1))
          return FALSE;
      }

  return TRUE;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const AgGazetteerMatch *ma = a;
  const AgGazetteerMatch *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  /* Longer first. */
  if (ma->last != mb->last)
    return ma->last > mb->last ? -1 : 1;
  return 0;
}

/**
 * ag_gazetteer_match:
 * @self: an #AgGazetteer
 * @paragraph: a tokenized paragraph
 * @matches: (element-type AgGazetteerMatch): where to append what is found
 *
 * Finds the known names in @paragraph, longest first and without overlap.
 * Sets the vocabulary id of each token on the way.
 */
void
ag_gazetteer_match (AgGazetteer *self,
                    AgParagraph *paragraph,
                    GArray      *matches)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (AgGazetteerMatch));
  g_autofree guint *recent = NULL;
  guint n_recent = 0;
  gint32 state = 0;
  guint last_end = 0;
  gboolean any = FALSE;

  g_return_if_fail (AG_IS_GAZETTEER (self));

  recent = g_new0 (guint, self->max_length + 1);

  for (guint i = 0; i < paragraph->tokens->len; i++)
    {
      AgToken *t = &g_array_index (paragraph->tokens, AgToken, i);
      gint32 next;

      if (t->flags & (AG_TOKEN_HYPHEN | AG_TOKEN_QUOTE))
        continue;

      t->id = word_id (self, t->norm, FALSE);

      /* Names do not run across sentences. */
      if ((t->flags & AG_TOKEN_SENT_START))
        {
          state = 0;
          n_recent = 0;
        }

      while ((next = t->id != 0 ? edge_get (self, state, t->id) : -1) < 0 && state != 0)
        state = g_array_index (self->nodes, Node, state).fail;
      state = next < 0 ? 0 : next;

      /* The token indexes of the last max_length tokens, for the starts. */
      if (self->max_length > 0)
        {
          memmove (recent, recent + 1, sizeof (guint) * self->max_length);
          recent[self->max_length] = i;
          n_recent = MIN (n_recent + 1, self->max_length);
        }

      for (gint32 s = state; s > 0; s = g_array_index (self->nodes, Node, s).dict)
        {
          Node *node = &g_array_index (self->nodes, Node, s);
          Pattern *pattern;
          AgGazetteerMatch m;

          if (node->pattern < 0)
            continue;
          pattern = &g_array_index (self->patterns, Pattern, node->pattern);
          if (pattern->length > n_recent)
            continue;
          m.first = recent[self->max_length + 1 - pattern->length];
          m.last = i;
          if (!case_fits (pattern, paragraph, m.first, m.last))
            continue;
          m.forms = (const AgKnowledgeForm **)pattern->forms->pdata;
          m.n_forms = pattern->forms->len;
          g_array_append_val (found, m);
        }
    }

  if (found->len == 0)
    return;

  g_array_sort (found, compare_matches);
  for (guint i = 0; i < found->len; i++)
    {
      AgGazetteerMatch *m = &g_array_index (found, AgGazetteerMatch, i);

      if (any && m->first <= last_end)
        continue;
      g_array_append_val (matches, *m);
      last_end = m->last;
      any = TRUE;
    }
}
