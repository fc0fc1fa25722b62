/* extract-speed.c
 *
 * Copyright 2026 The Actor Graph developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "extract-speed"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ag-extractor.h"

/* Extraction speed and memory on generated news-like articles.
 *
 *   extract-speed [--megabytes N] [--seed S]
 *
 * Generates N MB (default 50) of articles from templates, extracts them one
 * article at a time and then as one document, and prints MB/s per core (CPU
 * time of the process) and by the wall clock, with the peak RSS after 10,
 * 100 and 1000 articles. Needs AG_KNOWLEDGE_DIR when run from the build
 * tree (meson sets it for `meson test`; see bench/evaluate.sh). */

static const char * const countries[] = {
  "the United Kingdom", "Britain", "the United States", "the U.S.", "Australia", "Canada",
  "New Zealand", "Germany", "France", "the Netherlands", "Japan", "South Korea", "Estonia",
  "Poland", "Ukraine", "Czech Republic", "Sweden", "Finland", "Taiwan", "India",
};

static const char * const accused_states[] = {
  "Russia", "China", "Iran", "North Korea", "Beijing", "Moscow", "Tehran", "Pyongyang",
};

static const char * const state_adjectives[] = {
  "Russian", "Chinese", "Iranian", "North Korean", "PRC", "Russia's", "China’s",
};

static const char * const groups[] = {
  "APT28", "APT29", "Sandworm", "Turla", "Star Blizzard", "APT31", "APT40", "APT41",
  "Volt Typhoon", "Salt Typhoon", "Lazarus Group", "Kimsuky", "Andariel", "APT35",
  "Charming Kitten", "Fancy Bear", "Cozy Bear", "Dev-0391", "Midnight Blizzard",
};

static const char * const agencies[] = {
  "the National Security Agency (NSA)", "the Federal Bureau of Investigation",
  "the Cybersecurity and Infrastructure Security Agency (CISA)",
  "the UK National Cyber Security Centre", "the Canadian Centre for Cyber Security",
  "the Australian Signals Directorate", "the BSI", "the MIVD", "the Justice Department",
  "the Treasury Department", "the European Union", "the State Department",
};

static const char * const titles[] = {
  "Foreign Ministry spokesperson", "Foreign Secretary", "Deputy Prime Minister",
  "Justice Minister", "spokesman", "ambassador", "cyber director", "Defence Minister",
};

static const char * const given[] = {
  "Anna", "Jonas", "Wei", "Mei", "Olga", "Pavel", "Hamid", "Sara", "Daniel", "Priya",
  "Kenji", "Liam", "Ines", "Tomas", "Yuki", "Ruth",
};

static const char * const family[] = {
  "Okafor", "Lindqvist", "Zhang", "Moreau", "Kowalski", "Haddad", "Tanaka", "Brennan",
  "Novak", "Fischer", "Ramirez", "Osei", "Virtanen", "Castillo",
};

static const char * const victims[] = {
  "water utilities", "the email accounts of lawmakers", "a defence contractor",
  "hospitals", "the electoral commission", "telecommunications providers", "ports",
  "think tanks", "energy firms", "a ministry's network",
};

static const char * const verbs[] = {
  "targeted", "hacked", "breached", "attacked", "compromised", "conducted reconnaissance against",
};

static const char * const noise[] = {
  "Markets were little changed on the day, and analysts expect the central bank to hold rates steady at its next meeting.",
  "The weather service warned of heavy rain over the weekend, with flooding possible in low-lying areas near the coast.",
  "Tickets for the concert sold out within minutes, the organisers said, adding that a second date would be announced.",
  "The company reported quarterly revenue slightly above forecasts, helped by strong demand for its cloud services.",
  "Officials said the new bridge would open to traffic in the spring after repairs to its northern approach.",
  "Über 300 Besucher kamen zum Fest; 参加者は三百人を超えた; Участников было более трёхсот — “a record”.",
  "Mr. Park, 54, told reporters at 9 a.m. that the U.N. talks had been “constructive but slow”.",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
person (GRand   *rand,
        GString *out)
{
  g_string_append_printf (out, "%s %s", PICK (rand, given), PICK (rand, family));
}

static void
paragraph (GRand   *rand,
           GString *out)
{
  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
      g_string_append_printf (out, "%s on %s accused the %s state-sponsored group %s of having %s %s, ",
                              PICK (rand, countries), "Tuesday", PICK (rand, state_adjectives),
                              PICK (rand, groups), PICK (rand, verbs), PICK (rand, victims));
      g_string_append_printf (out, "%s ", PICK (rand, titles));
      person (rand, out);
      g_string_append (out, " said.");
      break;
    case 1:
      g_string_append_printf (out, "%s ", PICK (rand, titles));
      person (rand, out);
      g_string_append_printf (out, " said the accusations by %s were groundless and that %s "
                              "firmly opposes all cyberattacks.",
                              PICK (rand, countries), PICK (rand, accused_states));
      break;
    case 2:
      g_string_append_printf (out, "%s, %s and %s assess that %s state-sponsored cyber actors known "
                              "as %s have %s %s in %s.",
                              PICK (rand, agencies), PICK (rand, agencies), PICK (rand, agencies),
                              PICK (rand, state_adjectives), PICK (rand, groups), PICK (rand, verbs),
                              PICK (rand, victims), PICK (rand, countries));
      break;
    case 3:
      g_string_append_printf (out, "%s sanctioned %s and charged two officers linked to %s.",
                              PICK (rand, agencies), PICK (rand, groups), PICK (rand, groups));
      break;
    case 4:
      g_string_append_printf (out, "%s, %s and %s are members of NATO and the Five Eyes partners "
                              "said they would cooperate with %s.",
                              PICK (rand, countries), PICK (rand, countries), PICK (rand, countries),
                              PICK (rand, countries));
      break;
    case 5:
      g_string_append_printf (out, "“This is disinformation,” ");
      person (rand, out);
      g_string_append_printf (out, ", a spokesperson for %s’s embassy, told Reuters.",
                              PICK (rand, accused_states));
      break;
    default:
      g_string_append (out, PICK (rand, noise));
      if (g_rand_boolean (rand))
        g_string_append_printf (out, " %s", PICK (rand, noise));
      break;
    }
  g_string_append_c (out, '\n');
}

/* An article of about 1–6 KB, headline first. */
static char *
article (GRand *rand)
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 4, 30);

  g_string_append_printf (out, "%s blames %s hackers for attack on %s\n",
                          PICK (rand, countries), PICK (rand, state_adjectives), PICK (rand, victims));
  g_string_append_printf (out, "%s (Reuters) - ", "LONDON");
  for (guint i = 0; i < n; i++)
    paragraph (rand, out);
  return g_string_free (out, FALSE);
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gsize
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat (field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  return line != NULL ? g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(AgExtractor) extractor = NULL;
  g_autoptr(GString) whole = NULL;
  gint megabytes = 50;
  gint seed = 1;
  gsize total = 0;
  gsize n_claims = 0;
  const guint marks[] = { 10, 100, 1000 };
  gsize hwm[G_N_ELEMENTS (marks)] = { 0 };
  gsize rss[G_N_ELEMENTS (marks)] = { 0 };
  double cpu, wall;
  GOptionEntry entries[] = {
    { "megabytes", 'm', 0, G_OPTION_ARG_INT, &megabytes, "Megabytes of text to generate (50)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "S" },
    { NULL }
  };

  context = g_option_context_new ("- measure extraction speed and memory");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (megabytes <= 0)
    megabytes = 1;

  extractor = ag_extractor_new (ag_knowledge_get_default ());
  rand = g_rand_new_with_seed (seed);
  while (total < (gsize)megabytes * 1024 * 1024)
    {
      char *text = article (rand);

      total += strlen (text);
      g_ptr_array_add (articles, text);
    }
  g_print ("generated %u articles, %.1f MB (seed %d)\n", articles->len, total / 1048576.0, seed);
  g_print ("RSS with the articles in memory: %" G_GSIZE_FORMAT " kB (peak %" G_GSIZE_FORMAT " kB)\n",
           status_kb ("VmRSS"), status_kb ("VmHWM"));

  /* One article at a time, as the importer does. */
  cpu = cpu_seconds ();
  wall = wall_seconds ();
  for (guint i = 0; i < articles->len; i++)
    {
      const char *text = g_ptr_array_index (articles, i);
      g_autoptr(AgExtraction) x = ag_extractor_extract (extractor, text, -1, NULL, NULL, &error);

      g_assert_no_error (error);
      n_claims += ag_extraction_get_n_claims (x);
      for (guint k = 0; k < G_N_ELEMENTS (marks); k++)
        if (i + 1 == marks[k])
          {
            hwm[k] = status_kb ("VmHWM");
            rss[k] = status_kb ("VmRSS");
          }
    }
  cpu = cpu_seconds () - cpu;
  wall = wall_seconds () - wall;
  g_print ("per article: %u documents, %" G_GSIZE_FORMAT " claims, %.2f MB/s per core (CPU %.1f s), "
           "%.2f MB/s wall (%.1f s)\n",
           articles->len, n_claims, total / 1048576.0 / cpu, cpu, total / 1048576.0 / wall, wall);
  for (guint k = 0; k < G_N_ELEMENTS (marks); k++)
    g_print ("after %4u documents: peak RSS %" G_GSIZE_FORMAT " kB, RSS %" G_GSIZE_FORMAT " kB\n",
             marks[k], hwm[k], rss[k]);
  g_print ("after %4u documents: peak RSS %" G_GSIZE_FORMAT " kB, RSS %" G_GSIZE_FORMAT " kB\n",
           articles->len, status_kb ("VmHWM"), status_kb ("VmRSS"));

  /* All of it as one document. */
  whole = g_string_sized_new (total + articles->len + 1);
  for (guint i = 0; i < articles->len; i++)
    {
      g_string_append (whole, g_ptr_array_index (articles, i));
      g_string_append_c (whole, '\n');
    }
  g_ptr_array_set_size (articles, 0);
  {
    gsize rss_before = status_kb ("VmRSS");
    g_autoptr(AgExtraction) x = NULL;

    cpu = cpu_seconds ();
    wall = wall_seconds ();
    x = ag_extractor_extract (extractor, whole->str, whole->len, NULL, NULL, &error);
    g_assert_no_error (error);
    cpu = cpu_seconds () - cpu;
    wall = wall_seconds () - wall;
    g_print ("one document: %.1f MB, %u actors, %u claims, %.2f MB/s per core (CPU %.1f s), "
             "%.2f MB/s wall (%.1f s)\n",
             whole->len / 1048576.0, ag_extraction_get_n_actors (x), ag_extraction_get_n_claims (x),
             whole->len / 1048576.0 / cpu, cpu, whole->len / 1048576.0 / wall, wall);
    g_print ("RSS before: %" G_GSIZE_FORMAT " kB, peak after: %" G_GSIZE_FORMAT " kB\n",
             rss_before, status_kb ("VmHWM"));
  }

  return EXIT_SUCCESS;
}
