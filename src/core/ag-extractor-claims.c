/* ag-extractor-claims.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ag-extractor"

#include "config.h"

#include <string.h>

#include "ag-extractor-private.h"

/* The claim rules, a sentence at a time.
 *
 * First who speaks: the subject of a reporting verb ("X said", "said X",
 * "according to X"), a body that assesses or accuses, or the voice of the
 * quotation the sentence continues. Officials speak for their state or
 * body. Then each trigger word gives a claim: an attack word gives
 * `targets` from the attacker before it to the victim after it, and,
 * when someone voices it, `accuses` from that voice to the attacker;
 * denial words give `denies` against the accusers; sanction words,
 * membership and cooperation words give theirs; a state next to
 * "state-sponsored" before a threat group gives `attributes`. */

typedef struct
{
  Extraction *x;
  guint       first;  /* the sentence's tokens */
  guint       last;
  GArray     *speakers;  /* gint: who voices the sentence */
  GArray     *mentions;  /* Mention *: those in the sentence */
  GArray     *scratch;   /* gint: for first_after () */
} Sentence;

static const char * const report_words[] = {
  "said", "says", "say", "told", "tells", "stated", "states", "added", "announced",
  "announces", "noted", "notes", "warned", "warns", "claimed", "claims", "confirmed",
  "confirms", "declared", "wrote", "explained", "insisted", "stressed", "asserted",
  "argued", "revealed", "reported", "assess", "assesses", "assessed", "alleged",
  "alleges", "urged", "believes", "believe", "concluded", "found", "determined",
  "releasing", "released", "issued", "published", "exposed", "revealing", "saying",
  "claiming", "condemn", "condemned", "condemns", "called", "described", "calls",
};

static const char * const accuse_words[] = {
  "accused", "accuse", "accuses", "accusing", "blamed", "blame", "blames", "blaming",
  "exposed", "condemned", "condemn", "condemns", "attributed", "attribute", "attributes",
  "attributing",
};

static const char * const deny_words[] = {
  "denied", "deny", "denies", "denying", "denial", "rejected", "rejects", "reject",
  "dismissed", "dismisses", "refuted", "refutes", "groundless", "baseless", "unfounded",
  "inadequate", "disinformation", "smear", "slander", "hyping", "hype", "fabricated",
  "fabrication", "russophobia", "framing", "professionalism", "dispute", "disputed",
  "nonsense", "pushing", "pushed", "never",
};

static const char * const deny_verbs[] = {
  "denied", "deny", "denies", "denying", "rejected", "rejects", "reject", "dismissed",
  "dismisses", "refuted", "refutes", "dispute", "disputed", "pushing", "pushed",
};

static const char * const sanction_words[] = {
  "sanctions", "sanction", "sanctioned", "sanctioning", "charged", "indicted",
  "indictment", "indictments", "charges", "ban", "banned", "expelled", "expels",
  "designated", "takedown", "seized", "arrested", "extradited", "prosecuted",
};

static const char * const attack_prefixes[] = {
  "attack", "cyberattack", "breach", "hack", "target", "compromis", "infiltrat",
  "intrusion", "reconnaissance", "sabotag", "espionage", "spied", "spying", "disrupt",
  "penetrat", "stole", "steal", "theft", "heist", "ransomware", "malware", "phishing",
  "spearphishing", "spear",
  "ddos", "wiper", "accessed",
};

static const char * const victim_nouns[] = {
  "firms", "companies", "organizations", "organisations", "entities", "networks",
  "agencies", "operators", "providers", "institutions", "targets", "victims",
  "infrastructure", "systems", "sectors", "businesses", "utilities", "universities",
};

static const char * const membership_glue[] = {
  "are", "is", "were", "was", "all", "both", "also", "a", "the", ",", "(", ")", "now",
  "already", "full", "founding", "become", "became", "have", "has", "been",
};

static const char * const hedge_words[] = {
  "allegedly", "alleged", "reportedly", "suspected", "likely", "possibly", "may",
  "might", "could", "probably", "apparently", "purportedly", "believed",
};

static const char * const sponsor_words[] = {
  "sponsored", "affiliated", "backed", "linked", "directed", "controlled",
  "subordinate", "tied", "connected", "operated", "run", "belonging", "attached",
};

static const char * const prepositions[] = {
  "of", "on", "against", "to", "in", "at", "from", "with", "for", "into", "about", "by",
  "between", "over", "toward", "towards", "regarding", "than", "under",
};

#define IN_LIST(word, list) _ag_word_in_list ((word), (list), G_N_ELEMENTS (list))

static AgToken *
tok (Extraction *x,
     guint       i)
{
  return &g_array_index (x->paragraph->tokens, AgToken, i);
}

static const char *
norm (Sentence *s,
      guint     i)
{
  if (i < s->first || i > s->last)
    return "";
  return tok (s->x, i)->norm;
}

static gboolean
is_attack_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (attack_prefixes); i++)
    if (g_str_has_prefix (word, attack_prefixes[i]))
      return TRUE;
  return FALSE;
}

/* Word classes of each token, looked up once: the rules below test a bit
 * for every token before they test anything dearer. */
enum {
  WC_REPORT   = 1 << 0,
  WC_ACCUSE   = 1 << 1,
  WC_DENY     = 1 << 2,
  WC_SANCTION = 1 << 3,
  WC_ATTACK   = 1 << 4,
  WC_COOP     = 1 << 5,
  WC_HEDGE    = 1 << 6,
  WC_ALLEGE   = 1 << 7,
  WC_CULPRIT  = 1 << 8,
  WC_MEMBER   = 1 << 9,
};

G_LOCK_DEFINE_STATIC (word_classes);
static GHashTable *word_classes; /* normal form → word classes + 1 */

void
_ag_extractor_classify (Extraction *x)
{
  for (guint i = 0; i < x->paragraph->tokens->len; i++)
    {
      AgToken *t = tok (x, i);
      const char *w = t->norm;
      guint classes = 0;
      gpointer known;

      if (!(t->flags & AG_TOKEN_WORD))
        {
          t->classes = 0;
          continue;
        }
      /* Most words come back many times: classify each once, for every
       * document of the process. */
      G_LOCK (word_classes);
      if (word_classes == NULL)
        word_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      known = g_hash_table_lookup (word_classes, w);
      G_UNLOCK (word_classes);
      if (known != NULL)
        {
          t->classes = GPOINTER_TO_UINT (known) - 1;
          continue;
        }
      if (IN_LIST (w, report_words))
        classes |= WC_REPORT;
      if (IN_LIST (w, accuse_words))
        classes |= WC_ACCUSE;
      if (IN_LIST (w, deny_words))
        classes |= WC_DENY;
      if (IN_LIST (w, sanction_words))
        classes |= WC_SANCTION;
      if (is_attack_word (w) || g_str_equal (w, "actions") || g_str_has_prefix (w, "activit") ||
          g_str_equal (w, "operations"))
        classes |= WC_ATTACK;
      if (g_str_has_prefix (w, "cooperat") || g_str_has_prefix (w, "collaborat"))
        classes |= WC_COOP;
      if (IN_LIST (w, hedge_words))
        classes |= WC_HEDGE;
      if (g_str_has_prefix (w, "accusation") || g_str_has_prefix (w, "allegation"))
        classes |= WC_ALLEGE;
      if (g_str_equal (w, "carried") || g_str_equal (w, "responsible") || g_str_equal (w, "behind"))
        classes |= WC_CULPRIT;
      if (g_str_equal (w, "members") || g_str_equal (w, "member") || g_str_equal (w, "part"))
        classes |= WC_MEMBER;
      t->classes = classes;
      /* Bounded: documents of random words must not grow this forever. */
      G_LOCK (word_classes);
      if (g_hash_table_size (word_classes) < 200000)
        g_hash_table_insert (word_classes, g_strdup (w), GUINT_TO_POINTER (classes + 1));
      G_UNLOCK (word_classes);
    }
}

static inline gboolean
has_class (Sentence *s,
           guint     i,
           guint     classes)
{
  return (tok (s->x, i)->classes & classes) != 0;
}

static gboolean
array_has (GArray *array,
           gint    value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint, i) == value)
      return TRUE;
  return FALSE;
}


static Actor *
actor (Extraction *x,
       gint        a)
{
  return &g_array_index (x->actors, Actor, a);
}

/* Who a voice speaks for: an official's state or body, else itself. */
static gint
voice_of (Extraction *x,
          gint        speaker)
{
  speaker = _ag_extraction_actor_resolve (x, speaker);
  if (speaker >= 0 && actor (x, speaker)->kind == AG_ACTOR_PERSON)
    {
      gint body = _ag_extraction_actor_resolve (x, actor (x, speaker)->represents);

      return body >= 0 ? body : -1;
    }
  return speaker;
}

/* The evidence: the sentence's text between two tokens. */
static void
add_claim (Sentence    *s,
           AgClaimKind  kind,
           gint         speaker,
           gint         subject,
           gint         object,
           guint        from,
           guint        to,
           double       confidence)
{
  Extraction *x = s->x;
  g_autofree char *key = NULL;
  Claim claim = { 0 };
  AgToken *a;
  AgToken *b;

  speaker = _ag_extraction_actor_resolve (x, speaker);
  subject = _ag_extraction_actor_resolve (x, subject);
  object = _ag_extraction_actor_resolve (x, object);
  if (subject < 0 || subject == object)
    return;
  key = g_strdup_printf ("%d %d %d %d", kind, speaker, subject, object);
  if (g_hash_table_contains (x->claim_keys, key))
    return;
  g_hash_table_add (x->claim_keys, g_steal_pointer (&key));

  from = MAX (from, s->first);
  to = MIN (to, s->last);
  if (from > to)
    from = s->first, to = s->last;
  a = tok (x, from);
  b = tok (x, to);

  /* Hedged sentences ("allegedly", "likely", "suspected") are less sure. */
  for (guint i = s->first; i <= s->last; i++)
    if (has_class (s, i, WC_HEDGE))
      {
        confidence *= 0.75;
        break;
      }

  claim.kind = kind;
  claim.speaker = speaker;
  claim.subject = subject;
  claim.object = object;
  claim.start = a->cstart;
  claim.end = b->cend;
  claim.evidence = g_strndup (x->paragraph->text + a->start, b->end - a->start);
  claim.confidence = confidence;
  g_array_append_val (x->claims, claim);

  if (kind == AG_CLAIM_ACCUSES)
    {
      g_array_append_val (x->accusations, subject);
      g_array_append_val (x->accusations, object);
      x->last_accused = object;
    }
  if (kind == AG_CLAIM_SANCTIONS)
    {
      g_array_append_val (x->sanctioners, subject);
      g_array_append_val (x->sanctioners, object);
      x->last_sanctioner = subject;
    }
}

static Mention *
mention_at (Sentence *s,
            guint     k)
{
  return g_array_index (s->mentions, Mention *, k);
}

/* Is the mention the object of a preposition ("on China", "of the US")? */
static gboolean
after_preposition (Sentence *s,
                   Mention  *m)
{
  guint i = m->first;

  while (i > s->first && (g_str_equal (norm (s, i - 1), "the") || (tok (s->x, i - 1)->flags & AG_TOKEN_QUOTE)))
    i--;
  /* "the governments of Japan and the US attribute": they act. */
  if (i > s->first + 1 && g_str_equal (norm (s, i - 1), "of"))
    {
      const char *head = norm (s, i - 2);

      if (g_str_equal (head, "governments") || g_str_equal (head, "government") ||
          g_str_equal (head, "authorities") || g_str_equal (head, "leaders") ||
          g_str_equal (head, "ministers"))
        return FALSE;
    }
  return i > s->first && IN_LIST (norm (s, i - 1), prepositions);
}

static gboolean
is_actor_mention (Sentence *s,
                  Mention  *m)
{
  /* A demonym names its state only as "the British side" or "Chinese
   * state-sponsored", or as the victim "UK parliamentarians". */
  if ((m->flags & MENTION_DEMONYM) && !(m->flags & (MENTION_SIDE | MENTION_STATE_ACT | MENTION_PEOPLE)))
    return FALSE;
  /* "Tokyo 2020", "Beijing Olympics": a place or an event, not a government. */
  if ((m->flags & MENTION_CAPITAL) && m->last < s->last &&
      (tok (s->x, m->last + 1)->flags & (AG_TOKEN_CAPITALIZED | AG_TOKEN_DIGITS)))
    return FALSE;
  return TRUE;
}

/* "was sanctioned", "were also accused": the verb at @i is passive. */
static gboolean
is_passive (Sentence *s,
            guint     i)
{
  /* "are releasing" goes on; only a participle is passive. */
  if (g_str_has_suffix (norm (s, i), "ing"))
    return FALSE;

  for (guint k = i; k > s->first && k + 3 > i; k--)
    {
      const char *w = norm (s, k - 1);

      if (g_str_equal (w, "was") || g_str_equal (w, "were") || g_str_equal (w, "been") ||
          g_str_equal (w, "be") || g_str_equal (w, "being") || g_str_equal (w, "is") || g_str_equal (w, "are"))
        return TRUE;
      if (!g_str_has_suffix (w, "ly") && !g_str_equal (w, "also") && !g_str_equal (w, "since"))
        return FALSE;
    }
  return FALSE;
}

/* Is the mention the object of a verb ("accused China", "charged the GRU")? */
static gboolean
after_verb (Sentence *s,
            Mention  *m)
{
  guint i = m->first;
  const char *w;

  while (i > s->first && (g_str_equal (norm (s, i - 1), "the") || (tok (s->x, i - 1)->flags & AG_TOKEN_QUOTE)))
    i--;
  if (i == s->first)
    return FALSE;
  w = norm (s, i - 1);
  return IN_LIST (w, accuse_words) || IN_LIST (w, sanction_words) || IN_LIST (w, deny_verbs) ||
         (is_attack_word (w) && (g_str_has_suffix (w, "ed") || g_str_has_suffix (w, "ing"))) ||
         g_str_equal (w, "told") || g_str_equal (w, "urged") || g_str_equal (w, "conveyed") ||
         g_str_equal (w, "urge") || g_str_equal (w, "warned");
}

/* The nearest actor before token @i that can be a grammatical subject,
 * not further back than @stop. */
static Mention *
subject_before (Sentence *s,
                guint     i,
                guint     stop)
{
  for (guint k = s->mentions->len; k > 0; k--)
    {
      Mention *m = mention_at (s, k - 1);

      if (m->last >= i || m->first < stop)
        continue;
      if (!is_actor_mention (s, m) || after_preposition (s, m) || after_verb (s, m))
        continue;
      if ((m->flags & MENTION_PEOPLE) && !(m->flags & MENTION_POSSESSIVE))
        continue;
      return m;
    }
  return NULL;
}

/* A sponsorship word between two tokens: "Russian state-sponsored group". */
static gboolean
sponsor_between (Sentence *s,
                 guint     from,
                 guint     to)
{
  for (guint t = from + 1; t < to; t++)
    if (IN_LIST (norm (s, t), sponsor_words))
      return TRUE;
  return FALSE;
}

/* Actors right after token @i, within @window tokens: a list such as
 * "the US and the UK" gives all of them. */
static void
objects_after (Sentence *s,
               guint     i,
               guint     window,
               GArray   *out)
{
  guint limit = MIN (s->last, i + window);
  guint reach = limit;

  for (guint k = 0; k < s->mentions->len; k++)
    {
      Mention *m = mention_at (s, k);

      if (m->first <= i || m->first > reach)
        continue;
      if (!is_actor_mention (s, m))
        continue;
      /* "Russia’s GRU": the GRU. "the Netherlands-based OPCW": the OPCW. */
      if ((k + 1 < s->mentions->len && (m->flags & MENTION_POSSESSIVE) && mention_at (s, k + 1)->first == m->last + 1) ||
          (k + 1 < s->mentions->len && _ag_actor_is_state (s->x, m->actor) &&
           mention_at (s, k + 1)->first <= m->last + 6 &&
           actor (s->x, mention_at (s, k + 1)->actor)->kind == AG_ACTOR_THREAT_GROUP &&
           sponsor_between (s, m->last, mention_at (s, k + 1)->first)) ||
          g_str_equal (norm (s, m->last + 1), "based") ||
          ((tok (s->x, MIN (s->last, m->last + 1))->flags & AG_TOKEN_HYPHEN) && g_str_equal (norm (s, m->last + 2), "based")))
        continue;
      {
        gboolean broken = FALSE;

        for (guint t = i + 1; t < m->first; t++)
          if ((tok (s->x, t)->flags & AG_TOKEN_QUOTE) || g_str_equal (norm (s, t), ";") ||
              g_str_equal (norm (s, t), ":"))
            broken = TRUE;
        if (broken)
          break;
      }
      g_array_append_val (out, m->actor);
      /* A list goes on after "and" or a comma. */
      reach = MIN (s->last, m->last + 3);
      if (m->last + 1 <= s->last && !g_str_equal (norm (s, m->last + 1), "and") &&
          !g_str_equal (norm (s, m->last + 1), ",") && !g_str_equal (norm (s, m->last + 1), "or"))
        {
          if (m->last + 2 <= s->last && g_str_equal (norm (s, m->last + 2), "and"))
            continue;
          break;
        }
    }
}

static gint
first_after (Sentence *s,
             guint     i,
             guint     window)
{
  g_array_set_size (s->scratch, 0);
  objects_after (s, i, window, s->scratch);
  return s->scratch->len > 0 ? g_array_index (s->scratch, gint, 0) : -1;
}

static guint
find_word (Sentence   *s,
           const char *word,
           guint       from)
{
  for (guint i = from; i <= s->last; i++)
    if (g_str_equal (norm (s, i), word))
      return i;
  return G_MAXUINT;
}

/* Moves @edge back over a parenthesis that ends right before it:
 * "Security Agency (NSA), and" has the name end before "(". */
static guint
skip_parenthesis (Sentence *s,
                  guint     edge)
{
  if (edge > s->first + 2 && g_str_equal (norm (s, edge - 1), ")"))
    for (guint k = edge - 1; k > s->first && k + 6 > edge; k--)
      if (g_str_equal (norm (s, k - 1), "("))
        return k - 1;
  return edge;
}

/* Speakers: "X said", "said X", "according to X", "X assess that",
 * "A, B and C assess". Officials speak for their body. */
static void
find_speakers (Sentence *s)
{
  Extraction *x = s->x;

  /* "…, the Justice Department said.": the voice closes the sentence. */
  {
    static const char * const trailing[] = {
      "today", "yesterday", "tonight", "earlier", "later", "on", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "in", "a", "statement",
      "this", "week", "last",
    };
    guint end = s->last;

    while (end > s->first && !(tok (x, end)->flags & AG_TOKEN_WORD))
      end--;
    for (guint n = 0; n < 3 && end > s->first && IN_LIST (norm (s, end), trailing); n++)
      end--;
    if (end > s->first + 2 && IN_LIST (norm (s, end), report_words))
      {
        Mention *m = subject_before (s, end, s->first);

        if (m != NULL && m->first > s->first && m->last + 2 >= end)
          {
            guint k = m->first;

            while (k > s->first && g_str_equal (norm (s, k - 1), "the"))
              k--;
            if (k > s->first && (g_str_equal (norm (s, k - 1), ",") || (tok (x, k - 1)->flags & AG_TOKEN_QUOTE)))
              g_array_append_val (s->speakers, m->actor);
          }
      }
  }

  for (guint i = s->first; i <= s->last && s->speakers->len == 0; i++)
    {
      const char *w = norm (s, i);
      Mention *m = NULL;

      if (g_str_equal (w, "according") && g_str_equal (norm (s, i + 1), "to"))
        {
          gint who = first_after (s, i + 1, 6);

          if (who >= 0)
            g_array_append_val (s->speakers, who);
          continue;
        }

      if (!has_class (s, i, WC_REPORT | WC_ACCUSE))
        continue;
      if (is_passive (s, i))
        continue;
      /* "Dutch claims": a noun, not a saying. */
      if ((g_str_equal (w, "claims") || g_str_equal (w, "says")) && i > s->first)
        {
          gboolean noun = FALSE;

          for (guint k = 0; k < s->mentions->len; k++)
            if (mention_at (s, k)->last + 1 == i && (mention_at (s, k)->flags & MENTION_DEMONYM))
              noun = TRUE;
          if (noun)
            continue;
        }
      /* "so-called" is no saying. */
      if (g_str_equal (w, "called") && i > s->first &&
          ((tok (x, i - 1)->flags & AG_TOKEN_HYPHEN) || g_str_equal (norm (s, i - 1), "so")))
        continue;
      if (i > s->first + 1 && (g_str_equal (norm (s, i - 1), "it") || g_str_equal (norm (s, i - 1), "they")) &&
          (g_str_equal (norm (s, i - 2), "who") || g_str_equal (norm (s, i - 2), "which") ||
           g_str_equal (norm (s, i - 2), "that")))
        continue;

      /* Inverted after a quotation: "…,” said Lin. */
      if (i > s->first && ((tok (x, i - 1)->flags & AG_TOKEN_QUOTE) || g_str_equal (norm (s, i - 1), ",")))
        {
          gint who = first_after (s, i, 6);

          if (who >= 0 && actor (x, who)->kind != AG_ACTOR_COUNTRY)
            {
              g_array_append_val (s->speakers, who);
              continue;
            }
        }

      m = subject_before (s, i, s->first);
      if (m == NULL)
        continue;
      /* "Paul Chichester, the NCSC’s Director, said": the person, not the body. */
      for (guint k = 0; k < s->mentions->len; k++)
        {
          Mention *p = mention_at (s, k);

          if (p->last < m->first && p->last + 10 >= m->first && actor (x, p->actor)->kind == AG_ACTOR_PERSON &&
              g_str_equal (norm (s, p->last + 1), ",") && _ag_extraction_actor_resolve (x, actor (x, p->actor)->represents) == m->actor)
            m = p;
        }
      /* "Federal Bureau of Investigation (FBI)": the name, not the acronym. */
      if (m->first > s->first + 1 && g_str_equal (norm (s, m->first - 1), "("))
        for (guint k = 0; k < s->mentions->len; k++)
          if (mention_at (s, k)->last + 2 == m->first && mention_at (s, k)->actor == m->actor)
            m = mention_at (s, k);

      /* "CISA, NSA, and FBI assess": every body of the list speaks. */
      if (m->first > s->first + 2 &&
          (g_str_equal (norm (s, m->first - 1), "and") ||
           (g_str_equal (norm (s, m->first - 1), "the") && g_str_equal (norm (s, m->first - 2), "and"))))
        {
          g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint));
          guint edge = g_str_equal (norm (s, m->first - 1), "the") ? m->first - 2 : m->first - 1;

          if (g_str_equal (norm (s, edge - 1), ","))
            edge--;
          edge = skip_parenthesis (s, edge);
          for (guint k = s->mentions->len; k > 0; k--)
            {
              Mention *other = mention_at (s, k - 1);

              if (other->first >= m->first || other->last + 1 != edge)
                continue;
              if (!is_actor_mention (s, other) || after_preposition (s, other))
                break;
              g_array_append_val (list, other->actor);
              edge = other->first;
              if (edge > s->first && g_str_equal (norm (s, edge - 1), "the"))
                edge--;
              if (edge > s->first && g_str_equal (norm (s, edge - 1), ","))
                edge = skip_parenthesis (s, edge - 1);
              else
                break;
            }
          for (guint k = 0; k < list->len; k++)
            if (!array_has (s->speakers, g_array_index (list, gint, k)))
              g_array_append_val (s->speakers, g_array_index (list, gint, k));
        }
      g_array_append_val (s->speakers, m->actor);
      /* "assessed, together with the Security Information Service, that" */
      for (guint k = i + 1; k + 2 <= s->last && k < i + 4; k++)
        if (g_str_equal (norm (s, k), "together") && g_str_equal (norm (s, k + 1), "with"))
          {
            gint also = first_after (s, k + 1, 6);

            if (also >= 0 && !array_has (s->speakers, also))
              g_array_append_val (s->speakers, also);
          }

      /* A body releasing an advisory speaks for all that follows. */
      if (g_str_equal (w, "releasing") || g_str_equal (w, "issued") || g_str_equal (w, "assess") ||
          g_str_equal (w, "assesses") || g_str_equal (w, "published"))
        {
          /* Several sentences may name the issuers: gather them all. */
          for (guint k = 0; k < s->speakers->len; k++)
            if (!array_has (x->issuers, g_array_index (s->speakers, gint, k)))
              g_array_append_val (x->issuers, g_array_index (s->speakers, gint, k));
        }
      break;
    }

  /* "The U.S. authoring agencies have confirmed": the issuers again. */
  if (x->issuers->len > 0 && find_word (s, "authoring", s->first) != G_MAXUINT)
    g_array_set_size (s->speakers, 0);
  if (s->speakers->len == 0 && x->issuers->len > 0)
    for (guint i = s->first; i + 1 <= s->last; i++)
      if ((g_str_equal (norm (s, i), "agencies") || g_str_equal (norm (s, i), "partners")) &&
          find_word (s, "confirmed", i) != G_MAXUINT)
        {
          g_array_append_vals (s->speakers, x->issuers->data, x->issuers->len);
          break;
        }

  /* A quotation that goes on from the last paragraph keeps its voice. */
  if (s->speakers->len == 0 && x->paragraph_quoted && (tok (x, s->first)->flags & AG_TOKEN_QUOTE))
    g_array_append_vals (s->speakers, x->last_speakers->data, x->last_speakers->len);
  /* Within a paragraph, an unattributed quote continues the last voice. */
  if (s->speakers->len == 0 && x->last_speakers->len > 0 && s->first > 0 &&
      (tok (x, s->first)->flags & AG_TOKEN_QUOTE))
    g_array_append_vals (s->speakers, x->last_speakers->data, x->last_speakers->len);

  for (guint k = 0; k < s->speakers->len; k++)
    {
      gint who = _ag_extraction_actor_resolve (x, g_array_index (s->speakers, gint, k));

      g_array_index (s->speakers, gint, k) = who;
    }
}

/* Whether token @i names an attack: an attack word ("breached",
 * "cyberattacks", not "hackers"), "breaking into", "gained access",
 * "actions against". */
static gboolean
is_attack_trigger (Sentence *s,
                   guint     i)
{
  const char *w = norm (s, i);
  const char *next = norm (s, i + 1);
  const char *prev = i > s->first ? norm (s, i - 1) : "";

  if ((g_str_equal (w, "breaking") || g_str_equal (w, "broke") || g_str_equal (w, "break")) &&
      g_str_equal (next, "into"))
    return TRUE;
  if (g_str_equal (w, "access"))
    return g_str_equal (prev, "gained") || g_str_equal (prev, "gain") || g_str_has_prefix (prev, "unauthori");
  if (!has_class (s, i, WC_ATTACK))
    return FALSE;
  if (g_str_equal (w, "actions") || g_str_has_prefix (w, "activit") || g_str_equal (w, "operations"))
    return g_str_equal (next, "against");
  return is_attack_word (w) && !g_str_has_suffix (w, "er") && !g_str_has_suffix (w, "ers");
}

/* Attack words: attacker before, victim after. */
static void
rule_attacks (Sentence *s)
{
  Extraction *x = s->x;

  for (guint i = s->first; i <= s->last; i++)
    {
      const char *w = norm (s, i);
      Mention *agent = NULL;
      gint attacker = -1;
      g_autoptr(GArray) victims = NULL;
      guint stop = s->first;
      gboolean attacker_by = FALSE;

      if (!is_attack_trigger (s, i))
        continue;
      victims = g_array_new (FALSE, FALSE, sizeof (gint));
      /* "cyber-attack allegations", "never carried out any hacking" */
      if (g_str_has_prefix (norm (s, i + 1), "allegation") || g_str_has_prefix (norm (s, i + 1), "accusation") ||
          g_str_equal (norm (s, i + 1), "claims"))
        continue;
      {
        gboolean negated = FALSE;

        for (guint k = i; k > s->first && k + 5 > i; k--)
          if (g_str_equal (norm (s, k - 1), "never") || g_str_equal (norm (s, k - 1), "not") ||
              g_str_equal (norm (s, k - 1), "no"))
            negated = TRUE;
        if (negated)
          continue;
      }
      /* "cyber attacks": the pair is one word. */
      if (i > s->first && is_attack_word (norm (s, i - 1)) &&
          !g_str_has_suffix (norm (s, i - 1), "er") && !g_str_has_suffix (norm (s, i - 1), "ers"))
        continue;

      /* An accusation or a sanction in between makes its object the attacker:
       * "accused China of launching cyberattacks". */
      for (guint k = i; k > s->first; k--)
        {
          const char *v = norm (s, k - 1);
          gboolean passive = is_passive (s, k - 1);

          if (g_str_equal (v, "that") || IN_LIST (v, report_words))
            {
              stop = k;
              break;
            }
          if ((IN_LIST (v, accuse_words) || IN_LIST (v, sanction_words)) && !passive)
            {
              gboolean object_between = FALSE;

              for (guint m = 0; m < s->mentions->len; m++)
                if (mention_at (s, m)->first >= k && mention_at (s, m)->last < i)
                  object_between = TRUE;
              if (object_between)
                {
                  stop = k;
                  break;
                }
            }
        }

      agent = subject_before (s, i, stop);
      /* "measures against cyber-attacks": no event, no attacker here. */
      {
        guint k = i;

        while (k > s->first && (g_str_equal (norm (s, k - 1), "cyber") || (tok (x, k - 1)->flags & AG_TOKEN_HYPHEN) ||
                                g_str_equal (norm (s, k - 1), "malicious")))
          k--;
        if (k > s->first && (g_str_equal (norm (s, k - 1), "against") || g_str_equal (norm (s, k - 1), "counter") ||
                             g_str_equal (norm (s, k - 1), "combat") || g_str_equal (norm (s, k - 1), "prevent") ||
                             g_str_equal (norm (s, k - 1), "deter") || g_str_equal (norm (s, k - 1), "all")))
          agent = NULL;
      }
      /* "the US government’s cyberattacks on China": the possessor attacks,
       * wherever the phrase stands. */
      for (guint k = 0; k < s->mentions->len; k++)
        {
          Mention *m = mention_at (s, k);

          if ((m->flags & MENTION_POSSESSIVE) && m->last + 1 == i && is_actor_mention (s, m))
            agent = m;
        }
      /* "cyber activity from Russia’s GRU", "attacks by the GRU" */
      for (guint k = i + 1; k <= MIN (s->last, i + 4); k++)
        if (g_str_equal (norm (s, k), "by") || (g_str_equal (norm (s, k), "from") && !is_attack_word (w)))
          {
            gint by = first_after (s, k, 8);

            if (by >= 0)
              {
                attacker = by;
                attacker_by = TRUE;
              }
            break;
          }
      if (attacker < 0 && agent != NULL)
        attacker = agent->actor;
      if (attacker < 0)
        {
          /* A demonym with "state-sponsored" before the word: the state. */
          for (guint k = 0; k < s->mentions->len; k++)
            {
              Mention *m = mention_at (s, k);

              if ((m->flags & MENTION_STATE_ACT) && m->last < i + 6 && m->first + 8 > i)
                attacker = m->actor;
            }
        }

      /* The victim: after "on", "against", "of", or the object of a verb
       * form ("targeted US critics", "breached the network of"). */
      for (guint k = i + 1; k <= MIN (s->last, i + 6); k++)
        {
          const char *p = norm (s, k);

          if (g_str_equal (p, "by") || g_str_equal (p, "that") || g_str_equal (p, "which"))
            break;
          if (g_str_equal (p, "on") || g_str_equal (p, "against") || g_str_equal (p, "of") ||
              g_str_equal (p, "targeted") || g_str_equal (p, "targeting") || g_str_equal (p, "targetted"))
            {
              objects_after (s, k, 6, victims);
              if (victims->len > 0)
                break;
            }
        }
      if (victims->len == 0 && (g_str_has_suffix (w, "ed") || g_str_has_suffix (w, "ing") ||
                                g_str_equal (norm (s, i + 1), "into") || g_str_equal (w, "access")) &&
          !g_str_equal (norm (s, i + 1), "by"))
        objects_after (s, i + (g_str_equal (norm (s, i + 1), "into") || g_str_equal (norm (s, i + 1), "to") ? 1 : 0),
                       4, victims);
      /* "firms in the United States", "a network used by the Dutch forces" */
      if (victims->len == 0)
        {
          for (guint k = i + 1; k <= MIN (s->last, i + 8); k++)
            {
              gboolean in_place = g_str_equal (norm (s, k), "in") &&
                                  (k > i + 1 ? IN_LIST (norm (s, k - 1), victim_nouns) :
                                               g_str_equal (w, "targets") || g_str_equal (w, "victims"));
              gboolean used_by = g_str_equal (norm (s, k), "by") && g_str_equal (norm (s, k - 1), "used");

              if (in_place || used_by)
                {
                  objects_after (s, k, 5, victims);
                  break;
                }
            }
        }

      /* "accusations of cyberattacks by the US": a reported allegation,
       * which the accusation rules take. */
      if (attacker_by)
        for (guint k = i; k > s->first && k + 9 > i; k--)
          if (g_str_has_prefix (norm (s, k - 1), "accusation") || g_str_has_prefix (norm (s, k - 1), "allegation"))
            attacker = -1, agent = NULL, g_array_set_size (victims, 0);

      /* "confirmed the cyber-attacks": those just spoken of. */
      if (attacker < 0 && i > s->first && !g_str_has_suffix (w, "ed") && !g_str_has_suffix (w, "en") &&
          (g_str_equal (norm (s, i - 1), "the") || g_str_equal (norm (s, i - 1), "these")) && x->last_accused >= 0)
        attacker = x->last_accused;

      /* A voice is not its own attacker. */
      if (attacker >= 0 && actor (x, attacker)->kind == AG_ACTOR_PERSON)
        attacker = -1;
      if (attacker < 0)
        continue;

      for (guint v = 0; v < victims->len; v++)
        {
          gint victim = g_array_index (victims, gint, v);

          if (victim == attacker || actor (x, victim)->kind == AG_ACTOR_PERSON)
            continue;
          for (guint k = 0; k < MAX (1u, s->speakers->len); k++)
            {
              gint speaker = s->speakers->len > 0 ? g_array_index (s->speakers, gint, k) : -1;

              add_claim (s, AG_CLAIM_TARGETS, speaker, attacker, victim, MIN (i, agent ? agent->first : i),
                         MIN (s->last, i + 12), 0.7);
            }
        }

      /* "charging three members of the IRGC with hacking": the one who
       * charges accuses, when nobody else speaks. */
      if (s->speakers->len == 0 && stop > s->first + 1 && IN_LIST (norm (s, stop - 1), sanction_words))
        {
          Mention *charger = subject_before (s, stop - 1, s->first);

          if (charger != NULL && charger->actor != attacker)
            add_claim (s, AG_CLAIM_ACCUSES, charger->actor, charger->actor, attacker,
                       charger->first, MIN (s->last, i + 6), 0.6);
        }

      /* Someone says so: an accusation. */
      for (guint k = 0; k < s->speakers->len; k++)
        {
          gint speaker = g_array_index (s->speakers, gint, k);
          gint accuser = voice_of (x, speaker);

          if (accuser >= 0 && accuser != attacker)
            add_claim (s, AG_CLAIM_ACCUSES, speaker, accuser, attacker,
                       agent ? agent->first : i, MIN (s->last, i + 10), 0.7);
        }
    }
}

/* "X accused Y of", "X blamed Y", "X exposed … from Y". */
static void
rule_accuse_verbs (Sentence *s)
{
  Extraction *x = s->x;

  for (guint i = s->first; i <= s->last; i++)
    {
      const char *w = norm (s, i);
      g_autoptr(GArray) accused = NULL;
      g_autoptr(GArray) accusers = NULL;
      Mention *subject;

      if (!has_class (s, i, WC_ACCUSE) &&
          !((g_str_equal (w, "calling") || g_str_equal (w, "called") || g_str_equal (w, "call")) &&
            g_str_equal (norm (s, i + 1), "out")))
        continue;
      accused = g_array_new (FALSE, FALSE, sizeof (gint));
      accusers = g_array_new (FALSE, FALSE, sizeof (gint));

      /* An accusation of malicious cyber activity, not of anything. */
      {
        gboolean cyber = FALSE;

        for (guint k = i + 1; k <= MIN (s->last, i + 15); k++)
          {
            const char *c = norm (s, k);

            if (g_str_equal (c, "disinformation"))
              break;
            if ((is_attack_word (c) && !g_str_has_suffix (c, "er") && !g_str_has_suffix (c, "ers")) ||
                g_str_equal (c, "malicious") || g_str_has_prefix (c, "cyber"))
              cyber = TRUE;
          }
        if (!cyber && !g_str_equal (w, "exposed") && !g_str_equal (w, "condemned") && !g_str_equal (w, "condemn"))
          continue;
      }

      subject = subject_before (s, i, s->first);
      if (subject != NULL)
        {
          /* "UK and US accuse": the whole list. */
          for (guint k = 0; k < s->mentions->len; k++)
            {
              Mention *m = mention_at (s, k);

              if (m->last < i && m->first + 8 >= subject->first && is_actor_mention (s, m) &&
                  !after_preposition (s, m) && m->last < i)
                g_array_append_val (accusers, m->actor);
            }
        }
      else
        for (guint k = 0; k < s->speakers->len; k++)
          g_array_append_val (accusers, g_array_index (s->speakers, gint, k));

      if (g_str_equal (w, "exposed"))
        {
          guint from = find_word (s, "from", i);

          if (from != G_MAXUINT && from < i + 8)
            objects_after (s, from, 6, accused);
        }
      else if (g_str_has_prefix (w, "attribut"))
        {
          /* "attribute the theft … to TraderTraitor" */
          guint to = find_word (s, "to", i);

          if (to != G_MAXUINT && to < i + 16)
            objects_after (s, to, 4, accused);
        }
      else
        objects_after (s, i, 6, accused);

      for (guint a = 0; a < accusers->len; a++)
        for (guint b = 0; b < accused->len; b++)
          {
            gint who = g_array_index (accusers, gint, a);
            gint voice = voice_of (x, who);

            add_claim (s, AG_CLAIM_ACCUSES, who, voice, g_array_index (accused, gint, b),
                       subject ? subject->first : i, MIN (s->last, i + 12), 0.8);
          }
    }

  /* "accusations of cyberattacks by the US and the UK": the accusers
   * after "by", the accused the voice that reports them. */
  for (guint i = s->first; i <= s->last; i++)
    {
      g_autoptr(GArray) accusers = NULL;
      gint accused = -1;

      if (!has_class (s, i, WC_ALLEGE))
        continue;
      accusers = g_array_new (FALSE, FALSE, sizeof (gint));
      for (guint k = i + 1; k <= MIN (s->last, i + 8); k++)
        if (g_str_equal (norm (s, k), "by"))
          {
            objects_after (s, k, 6, accusers);
            break;
          }
      if (s->speakers->len > 0)
        accused = voice_of (x, g_array_index (s->speakers, gint, 0));
      /* "allegations … that Chinese state-backed hackers breached": the state. */
      for (guint k = 0; k < s->mentions->len; k++)
        {
          Mention *m = mention_at (s, k);

          if (m->first > i && m->first < i + 12 && (m->flags & MENTION_STATE_ACT))
            {
              accused = m->actor;
              break;
            }
        }
      if (accused < 0)
        {
          Mention *m = subject_before (s, i, s->first);

          if (m != NULL)
            accused = voice_of (x, m->actor) >= 0 ? voice_of (x, m->actor) : m->actor;
        }
      if (accused < 0)
        continue;
      for (guint k = 0; k < accusers->len; k++)
        {
          gint who = g_array_index (accusers, gint, k);

          if (who != accused)
            add_claim (s, AG_CLAIM_ACCUSES, who, who, accused, i, MIN (s->last, i + 10), 0.6);
        }
      break;
    }

  /* "carried out by X", "X was responsible for", with a voice. */
  if (s->speakers->len > 0)
    for (guint i = s->first; i <= s->last; i++)
      {
        gint culprit = -1;

        if (!has_class (s, i, WC_CULPRIT))
          continue;
        if (g_str_equal (norm (s, i), "carried") && g_str_equal (norm (s, i + 1), "out") &&
            g_str_equal (norm (s, i + 2), "by"))
          culprit = first_after (s, i + 2, 6);
        else if ((g_str_equal (norm (s, i), "responsible") && g_str_equal (norm (s, i + 1), "for")) ||
                 (g_str_equal (norm (s, i), "behind") &&
                  (g_str_equal (norm (s, i - 1), "was") || g_str_equal (norm (s, i - 1), "were") ||
                   g_str_equal (norm (s, i - 1), "is") || g_str_equal (norm (s, i - 1), "are"))))
          {
            Mention *m = subject_before (s, i, s->first);

            culprit = first_after (s, i, 12);
            if (culprit < 0 && m != NULL)
              culprit = m->actor;
          }
        if (culprit < 0)
          continue;
        for (guint k = 0; k < s->speakers->len; k++)
          {
            gint speaker = g_array_index (s->speakers, gint, k);

            add_claim (s, AG_CLAIM_ACCUSES, speaker, voice_of (x, speaker), culprit, i, MIN (s->last, i + 14), 0.7);
          }
      }
}

static gboolean
accused_before (Extraction *x,
                gint        accuser,
                gint        accused)
{
  for (guint i = 0; i + 1 < x->accusations->len; i += 2)
    if (g_array_index (x->accusations, gint, i) == accuser && g_array_index (x->accusations, gint, i + 1) == accused)
      return TRUE;
  return FALSE;
}

static gboolean
mentions_allegations (Sentence *s)
{
  for (guint i = s->first; i <= s->last; i++)
    {
      const char *w = norm (s, i);

      if (g_str_has_prefix (w, "allegation") || g_str_has_prefix (w, "accusation") ||
          g_str_equal (w, "claims") || g_str_equal (w, "charges") || g_str_equal (w, "ban") ||
          g_str_equal (w, "sanctions") || g_str_equal (w, "hacking") || g_str_has_prefix (w, "attack") ||
          g_str_has_prefix (w, "cyberattack"))
        return TRUE;
    }
  return FALSE;
}

/* Denials: the denier is the voice (or the subject), the object the
 * accusers named ("accusations by the US") or, for "the allegations",
 * those who accused the denier earlier. */
static void
rule_denials (Sentence *s)
{
  Extraction *x = s->x;

  for (guint i = s->first; i <= s->last; i++)
    {
      const char *w = norm (s, i);
      g_autoptr(GArray) accusers = NULL;
      gint denier = -1;
      gint speaker = -1;
      Mention *subject;

      if (!has_class (s, i, WC_DENY))
        continue;
      accusers = g_array_new (FALSE, FALSE, sizeof (gint));
      if (g_str_equal (w, "pushing") || g_str_equal (w, "pushed"))
        if (!g_str_equal (norm (s, i + 1), "back"))
          continue;
      if (g_str_equal (w, "professionalism") && !g_str_has_prefix (norm (s, i - 1), "lack"))
        continue;
      if (g_str_equal (w, "never") && !is_attack_word (norm (s, i + 3)) && !is_attack_word (norm (s, i + 4)) &&
          !g_str_equal (norm (s, i + 1), "carried"))
        continue;

      if (s->speakers->len > 0)
        {
          speaker = g_array_index (s->speakers, gint, 0);
          denier = voice_of (x, speaker);
        }
      subject = subject_before (s, i, s->first);
      /* Only a denial in so many words stands without a voice: "Russia
       * denied", not a heading's "disinformation". */
      if (denier < 0 && subject != NULL && IN_LIST (w, deny_verbs))
        {
          denier = subject->actor;
          /* "spokesman Nasser Kanaani rejected": the state denies, he speaks. */
          if (actor (x, denier)->kind == AG_ACTOR_PERSON)
            {
              speaker = denier;
              denier = voice_of (x, speaker);
            }
        }
      if (denier < 0 && s->first == 0 && x->last_country >= 0)
        continue;
      if (denier < 0)
        continue;

      /* "rejects Dutch claims", "dismissed US allegations" */
      for (guint k = 0; k < s->mentions->len; k++)
        {
          Mention *m = mention_at (s, k);

          if (m->first > i && m->first <= i + 3 && m->actor != denier &&
              (IN_LIST (norm (s, m->last + 1), report_words) || g_str_has_prefix (norm (s, m->last + 1), "allegation") ||
               g_str_has_prefix (norm (s, m->last + 1), "accusation") || g_str_equal (norm (s, m->last + 1), "charges")))
            g_array_append_val (accusers, m->actor);
        }

      /* "accusations … by the US and the UK", "provided by the British side" */
      for (guint k = i > s->first + 8 ? i - 8 : s->first; accusers->len == 0 && k <= s->last && k < i + 10; k++)
        if (g_str_equal (norm (s, k), "by"))
          {
            objects_after (s, k, 6, accusers);
            if (accusers->len > 0)
              break;
          }

      /* "the Five Eyes … to spread disinformation", "the US is hyping". */
      if (accusers->len == 0 && subject != NULL && subject->actor != denier &&
          !_ag_actor_is_state (x, denier) == !_ag_actor_is_state (x, denier))
        {
          Mention *near = subject_before (s, i, s->first);

          if (near != NULL && near->actor != denier && voice_of (x, near->actor) != denier &&
              actor (x, near->actor)->kind != AG_ACTOR_PERSON && actor (x, near->actor)->kind != AG_ACTOR_THREAT_GROUP)
            g_array_append_val (accusers, near->actor);
        }

      /* "the allegations", "the ban": those who accused or punished the denier. */
      if (accusers->len == 0 && mentions_allegations (s))
        {
          gboolean punished = find_word (s, "ban", s->first) != G_MAXUINT ||
                              find_word (s, "sanctions", s->first) != G_MAXUINT;
          GArray *pairs = punished ? x->sanctioners : x->accusations;

          for (guint k = 0; k + 1 < pairs->len; k += 2)
            {
              gint by = g_array_index (pairs, gint, k);
              gint target = g_array_index (pairs, gint, k + 1);
              const char *target_country = target >= 0 ? actor (x, target)->country : NULL;

              if (by == denier || by < 0)
                continue;
              if ((target == denier ||
                   (target_country != NULL && g_strcmp0 (target_country, actor (x, denier)->country) == 0)) &&
                  !array_has (accusers, by) && (actor (x, by)->kind == AG_ACTOR_COUNTRY || punished))
                g_array_append_val (accusers, by);
            }
        }

      if (accusers->len == 0)
        add_claim (s, AG_CLAIM_DENIES, speaker, denier, -1, MAX (s->first, i - 4), MIN (s->last, i + 8), 0.6);
      for (guint k = 0; k < accusers->len; k++)
        {
          gint accuser = g_array_index (accusers, gint, k);

          if (accuser == denier || accused_before (x, denier, accuser) == 2)
            continue;
          add_claim (s, AG_CLAIM_DENIES, speaker, denier, accuser, MAX (s->first, i - 4), MIN (s->last, i + 10), 0.7);
        }
      break;
    }
}

/* Sanctions: the sanctioner before the word (or after "by"), the
 * sanctioned after it; "X was sanctioned" takes the last sanctioner. */
static void
rule_sanctions (Sentence *s)
{
  Extraction *x = s->x;

  for (guint i = s->first; i <= s->last; i++)
    {
      const char *w = norm (s, i);
      Mention *subject;
      gint by = -1;
      gint target = -1;
      gboolean passive = FALSE;

      if (!has_class (s, i, WC_SANCTION))
        continue;
      /* "would consider sanctions", "threatened to impose": not taken. */
      {
        gboolean intent = FALSE;

        for (guint k = i; k > s->first && k + 5 > i; k--)
          {
            const char *m = norm (s, k - 1);

            if (g_str_equal (m, "would") || g_str_equal (m, "will") || g_str_equal (m, "could") ||
                g_str_equal (m, "consider") || g_str_equal (m, "considering") || g_str_equal (m, "threatened") ||
                g_str_equal (m, "threatens") || g_str_equal (m, "plans") || g_str_equal (m, "may") ||
                g_str_equal (m, "might") || g_str_equal (m, "calls") || g_str_equal (m, "urged"))
              intent = TRUE;
          }
        if (intent)
          continue;
      }
      if ((g_str_equal (w, "charges") || g_str_equal (w, "charged")) &&
          !g_str_equal (norm (s, i - 1), "criminal") && g_str_equal (w, "charges"))
        continue;

      passive = is_passive (s, i) || g_str_equal (norm (s, i - 2), "with") ||
                g_str_equal (norm (s, i - 1), "with");

      if (passive || !g_str_has_suffix (w, "ed"))
        for (guint k = i + 1; k <= MIN (s->last, i + 14); k++)
          {
            if (g_str_equal (norm (s, k), "which") || g_str_equal (norm (s, k), "who") ||
                g_str_equal (norm (s, k), ";"))
              break;
            if (g_str_equal (norm (s, k), "by"))
              {
                by = first_after (s, k, 6);
                break;
              }
          }

      subject = subject_before (s, i, s->first);
      if (by >= 0)
        target = subject ? subject->actor : -1;
      else if (passive)
        {
          target = subject ? subject->actor : first_after (s, i, 8);
          by = x->last_sanctioner;
        }
      else
        {
          by = subject ? subject->actor : -1;
          /* "A grand jury indicted …, the Justice Department announced." */
          if (by < 0 && s->speakers->len > 0)
            by = voice_of (x, g_array_index (s->speakers, gint, 0));
          if (by < 0)
            by = x->last_sanctioner;
          /* "charged … officers working for the GRU’s cyber unit" */
          target = first_after (s, i, 10);
          {
            guint working = find_word (s, "working", i);

            if (working != G_MAXUINT && working < i + 12)
              {
                gint employer = first_after (s, working, 6);

                if (employer >= 0)
                  target = employer;
              }
          }
        }

      if (by < 0)
        continue;
      if (target < 0)
        {
          /* "charged seven Chinese nationals": who they are comes later. */
          Pending p = { 0 };

          add_claim (s, AG_CLAIM_SANCTIONS, -1, by, -2, MAX (s->first, i - 4), MIN (s->last, i + 6), 0.6);
          if (x->claims->len > 0 && g_array_index (x->claims, Claim, x->claims->len - 1).object == -2)
            {
              p.claim = x->claims->len - 1;
              p.sentences_left = 2;
              g_array_append_val (x->pending, p);
            }
          continue;
        }
      add_claim (s, AG_CLAIM_SANCTIONS, s->speakers->len > 0 ? g_array_index (s->speakers, gint, 0) : -1,
                 by, target, MAX (s->first, (subject ? subject->first : i)), MIN (s->last, i + 8), 0.7);
    }
}

/* "The accused are part of APT31": fills in a pending claim's end. */
static void
resolve_pending (Sentence *s)
{
  Extraction *x = s->x;
  guint part = find_word (s, "part", s->first);
  gint group = -1;

  if (x->pending->len == 0)
    return;
  if (part == G_MAXUINT)
    part = find_word (s, "members", s->first);
  if (part == G_MAXUINT)
    part = find_word (s, "behalf", s->first);
  if (part == G_MAXUINT)
    part = find_word (s, "for", s->first);
  if (part != G_MAXUINT)
    group = first_after (s, part, 8);

  for (guint k = 0; k < x->pending->len; k++)
    {
      Pending *p = &g_array_index (x->pending, Pending, k);
      Claim *c = &g_array_index (x->claims, Claim, p->claim);

      if (group >= 0 && c->object == -2)
        {
          g_autofree char *key = g_strdup_printf ("%d %d %d %d", c->kind, c->speaker, c->subject, group);

          c->object = group;
          g_hash_table_add (x->claim_keys, g_steal_pointer (&key));
          g_array_append_val (x->sanctioners, c->subject);
          g_array_append_val (x->sanctioners, c->object);
        }
    }
  if (group >= 0)
    g_array_set_size (x->pending, 0);
}

/* Membership: "A, B and C are members of the alliance, besides D",
 * "the NCSC, a part of GCHQ". */
static void
rule_membership (Sentence *s)
{
  Extraction *x = s->x;

  for (guint i = s->first; i <= s->last; i++)
    {
      const char *w = norm (s, i);
      gint body = -1;
      g_autoptr(GArray) members = NULL;
      g_autoptr(GArray) bodies = NULL;

      if (!has_class (s, i, WC_MEMBER))
        continue;
      if (!((g_str_equal (w, "members") || g_str_equal (w, "member") || g_str_equal (w, "part")) &&
            g_str_equal (norm (s, i + 1), "of")))
        continue;
      members = g_array_new (FALSE, FALSE, sizeof (gint));
      bodies = g_array_new (FALSE, FALSE, sizeof (gint));

      {
        g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint));

        objects_after (s, i + 1, 4, found);
        for (guint k = 0; k < found->len; k++)
          {
            gint candidate = g_array_index (found, gint, k);

            if (actor (x, candidate)->kind == AG_ACTOR_ALLIANCE || actor (x, candidate)->kind == AG_ACTOR_ORGANIZATION)
              g_array_append_val (bodies, candidate);
          }
      }
      if (bodies->len == 0)
        continue;
      body = g_array_index (bodies, gint, 0);

      /* "Both countries are members": the last two states named. */
      if (find_word (s, "both", s->first) < i || find_word (s, "two", s->first) < i)
        {
          gint last_two[2] = { -1, -1 };

          for (guint k = 0; k < x->recent_states->len; k++)
            {
              gint state = g_array_index (x->recent_states, gint, k);

              if (state != last_two[1])
                {
                  last_two[0] = last_two[1];
                  last_two[1] = state;
                }
            }
          for (guint k = 0; k < 2; k++)
            if (last_two[k] >= 0)
              g_array_append_val (members, last_two[k]);
        }

      /* The members stand right before: "… and the US are members of",
       * "the NCSC (NCSC), a part of"; not "charging three members of". */
      {
        guint edge = i;
        gboolean adjacent = FALSE;

        while (edge > s->first && (IN_LIST (norm (s, edge - 1), membership_glue) ||
                                   (tok (x, edge - 1)->flags & AG_TOKEN_ALL_CAPS)))
          edge--;
        for (guint k = 0; k < s->mentions->len; k++)
          if (mention_at (s, k)->last + 1 >= edge && mention_at (s, k)->last < i)
            adjacent = TRUE;
        if (adjacent)
          for (guint k = 0; k < s->mentions->len; k++)
            {
              Mention *m = mention_at (s, k);

              if (m->last < i && is_actor_mention (s, m) && !after_preposition (s, m) && m->first + 12 > i)
                g_array_append_val (members, m->actor);
            }
      }
      /* "besides Australia and Canada" */
      {
        guint besides = find_word (s, "besides", i);

        if (besides == G_MAXUINT)
          besides = find_word (s, "including", i);
        if (besides != G_MAXUINT)
          objects_after (s, besides, 6, members);
      }

      for (guint b = 0; b < bodies->len; b++)
        for (guint k = 0; k < members->len; k++)
          {
            gint member = g_array_index (members, gint, k);

            body = g_array_index (bodies, gint, b);
            if (member == body || actor (x, member)->kind == AG_ACTOR_PERSON ||
                actor (x, member)->kind == AG_ACTOR_THREAT_GROUP)
              continue;
            add_claim (s, AG_CLAIM_MEMBER_OF, s->speakers->len > 0 && g_str_equal (w, "part") ?
                       g_array_index (s->speakers, gint, 0) : -1,
                       member, body, s->first, s->last, 0.8);
          }
    }
}

/* "China state-affiliated APT31", "PRC state-sponsored APT40", "the
 * GRU’s Main Centre …, also known as Sandworm". */
static void
rule_attribution (Sentence *s)
{
  Extraction *x = s->x;

  for (guint k = 0; k < s->mentions->len; k++)
    {
      Mention *g = mention_at (s, k);
      gint state = -1;
      guint from = g->first;
      guint to = g->last;

      if (actor (x, g->actor)->kind != AG_ACTOR_THREAT_GROUP)
        continue;

      /* Look back a few words for a state and a sponsorship word. */
      for (guint j = k; j > 0; j--)
        {
          Mention *m = mention_at (s, j - 1);
          gboolean sponsor = FALSE;

          if (m->last + 12 < g->first)
            break;
          for (guint t = m->last + 1; t < g->first; t++)
            if (IN_LIST (norm (s, t), sponsor_words))
              sponsor = TRUE;
          /* "Russia’s GRU unit known as Sandworm": a state's own service. */
          if (!sponsor && (m->flags & MENTION_POSSESSIVE) && m->last + 8 >= g->first &&
              (find_word (s, "known", m->last) < g->last + 4 || find_word (s, "unit", m->last) < g->first ||
               (actor (x, m->actor)->kind == AG_ACTOR_ORGANIZATION && m->last + 1 == g->first)))
            sponsor = TRUE;
          if (!sponsor)
            continue;
          /* Nothing but a noun phrase between them: no verb, no clause. */
          {
            gboolean clause = FALSE;

            for (guint t = m->last + 1; t < g->first; t++)
              if (g_str_equal (norm (s, t), "which") || g_str_equal (norm (s, t), "that") ||
                  g_str_equal (norm (s, t), ";") || g_str_equal (norm (s, t), "by") ||
                  g_str_equal (norm (s, t), "for") || IN_LIST (norm (s, t), accuse_words) ||
                  IN_LIST (norm (s, t), report_words) || IN_LIST (norm (s, t), sanction_words) ||
                  (is_attack_word (norm (s, t)) && g_str_has_suffix (norm (s, t), "ed")))
                clause = TRUE;
            if (clause)
              continue;
          }
          if (m->flags & MENTION_CAPITAL)
            continue;
          if (_ag_actor_is_state (x, m->actor) && !(m->flags & MENTION_PEOPLE) &&
              (!(m->flags & MENTION_DEMONYM) || sponsor))
            {
              state = m->actor;
              from = m->first;
              break;
            }
          /* A state's service right by the group: "GRU’s Main Centre". */
          if (actor (x, m->actor)->kind == AG_ACTOR_ORGANIZATION && actor (x, m->actor)->country != NULL &&
              ((m->flags & MENTION_POSSESSIVE) || m->last + 4 >= g->first))
            {
              state = _ag_extraction_country_actor (x, actor (x, m->actor)->country);
              from = m->first;
              break;
            }
        }
      /* After the group: "TraderTraitor, a group affiliated with North
       * Korea’s Reconnaissance General Bureau". */
      if (state < 0 && g->last + 2 <= s->last)
        {
          guint sponsor_at = G_MAXUINT;

          for (guint t = g->last + 1; t <= MIN (s->last, g->last + 7); t++)
            {
              if (g_str_equal (norm (s, t), ";") || g_str_equal (norm (s, t), "."))
                break;
              if (IN_LIST (norm (s, t), sponsor_words) ||
                  (g_str_equal (norm (s, t), "behalf") && g_str_equal (norm (s, t - 1), "on")))
                {
                  sponsor_at = t;
                  break;
                }
            }
          if (sponsor_at != G_MAXUINT)
            for (guint j = k + 1; j < s->mentions->len; j++)
              {
                Mention *m = mention_at (s, j);

                if (m->first > sponsor_at + 4)
                  break;
                if (m->first <= sponsor_at)
                  continue;
                if (_ag_actor_is_state (x, m->actor) && !(m->flags & MENTION_CAPITAL))
                  state = m->actor;
                else if (actor (x, m->actor)->kind == AG_ACTOR_ORGANIZATION && actor (x, m->actor)->country != NULL)
                  state = _ag_extraction_country_actor (x, actor (x, m->actor)->country);
                if (state >= 0)
                  {
                    from = g->first;
                    to = m->last;
                    break;
                  }
              }
        }
      if (state < 0)
        continue;

      for (guint t = 0; t < MAX (1u, s->speakers->len); t++)
        add_claim (s, AG_CLAIM_ATTRIBUTES, s->speakers->len > 0 ? g_array_index (s->speakers, gint, t) : -1,
                   g->actor, state, from, to, 0.8);
    }
}

/* Offers to cooperate: "committed to working with all countries … to
 * strengthen cooperation". */
static void
rule_cooperation (Sentence *s)
{
  Extraction *x = s->x;

  for (guint i = s->first; i <= s->last; i++)
    {
      gint who = -1;
      gint partner = -1;
      Mention *subject;

      if (!has_class (s, i, WC_COOP))
        continue;

      if (s->speakers->len > 0)
        who = voice_of (x, g_array_index (s->speakers, gint, 0));
      subject = subject_before (s, i, s->first);
      if (who < 0 && subject != NULL)
        who = subject->actor;
      if (who < 0)
        continue;

      for (guint k = s->first; k <= s->last; k++)
        if (g_str_equal (norm (s, k), "with"))
          {
            partner = first_after (s, k, 3);
            if (partner >= 0)
              break;
          }
      {
        guint with = find_word (s, "working", s->first);
        guint from = with != G_MAXUINT ? with - 3 : i - 3;
        guint to = with != G_MAXUINT ? with + 3 : i + 3;

        if (s->speakers->len <= 1)
          add_claim (s, AG_CLAIM_COOPERATES, s->speakers->len > 0 ? g_array_index (s->speakers, gint, 0) : -1,
                     who, partner, from, to, 0.6);
        else
          for (guint k = 0; k < s->speakers->len; k++)
            {
              gint speaker = g_array_index (s->speakers, gint, k);

              add_claim (s, AG_CLAIM_COOPERATES, speaker, voice_of (x, speaker), partner, from, to, 0.6);
            }
      }
      break;
    }
}

void
_ag_extractor_claims (Extraction *x,
                      guint       sentence,
                      guint       first,
                      guint       last)
{
  Sentence s = { x, first, last, NULL, NULL, NULL };

  s.speakers = g_array_new (FALSE, FALSE, sizeof (gint));
  s.scratch = g_array_new (FALSE, FALSE, sizeof (gint));
  s.mentions = g_array_new (FALSE, FALSE, sizeof (Mention *));
  for (guint k = 0; k < x->mentions->len; k++)
    {
      Mention *m = &g_array_index (x->mentions, Mention, k);

      m->actor = _ag_extraction_actor_resolve (x, m->actor);
      if (m->first >= first && m->last <= last)
        g_array_append_val (s.mentions, m);
    }

  find_speakers (&s);
  rule_accuse_verbs (&s);
  rule_attacks (&s);
  rule_attribution (&s);
  rule_denials (&s);
  rule_sanctions (&s);
  resolve_pending (&s);
  rule_membership (&s);
  rule_cooperation (&s);

  for (guint k = 0; k < s.speakers->len; k++)
    {
      gint who = g_array_index (s.speakers, gint, k);
      Actor *a = actor (x, who);

      /* People and bodies who speak have a part to play. */
      if (a->kind == AG_ACTOR_PERSON || a->kind == AG_ACTOR_ORGANIZATION)
        a->role = TRUE;
    }

  if (s.speakers->len > 0)
    {
      g_array_set_size (x->last_speakers, 0);
      g_array_append_vals (x->last_speakers, s.speakers->data, s.speakers->len);
    }

  (void)sentence;
  g_array_unref (s.speakers);
  g_array_unref (s.mentions);
  g_array_unref (s.scratch);
}

void
_ag_extractor_end_sentence (Extraction *x)
{
  for (guint k = x->pending->len; k > 0; k--)
    {
      Pending *p = &g_array_index (x->pending, Pending, k - 1);

      if (p->sentences_left-- == 0)
        g_array_remove_index (x->pending, k - 1);
    }
}
