#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes an extraction JSON of a generated actor graph: N actors, about
three claims each, countries as hubs. Usage: gen-graph-case.py N OUTPUT"""
import json
import random
import sys

KINDS = ["country", "threat-group", "organization", "person", "alliance"]
CLAIMS = ["accuses", "attributes", "targets", "sanctions", "cooperates", "member_of"]


def main():
    n = int(sys.argv[1])
    rng = random.Random(n)
    countries = max(3, n // 20)
    actors = []
    for i in range(n):
        kind = "country" if i < countries else rng.choice(KINDS[1:])
        actors.append({"name": f"{kind.title()} {i} {rng.choice(['Alpha', 'Bravo', 'Charlie Delta', 'Echo'])}",
                       "kind": kind, "aliases": []})
    claims = []
    for i in range(n):
        for k in range(3):
            # One claim in two points at a country hub.
            j = rng.randrange(countries) if k == 0 else rng.randrange(n)
            if j == i:
                continue
            claims.append({"kind": rng.choice(CLAIMS), "speaker": None,
                           "subject": actors[i]["name"], "object": actors[j]["name"],
                           "evidence": "", "confidence": 0.8})
    doc = {"document": f"generated-{n}.json", "title": f"Generated graph of {n} actors",
           "text": "generated", "actors": actors, "claims": claims}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(doc, f)


if __name__ == "__main__":
    main()
