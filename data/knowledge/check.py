#!/usr/bin/env python3
# check.py - validate Actor Graph's built-in knowledge files
#
# Copyright 2025 The Actor Graph authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate countries.json, organizations.json and threat-groups.json.

Usage: check.py [--iso PATH] [--warnings] [DIR]

DIR defaults to the directory holding this script. Exit status 0 when every
check passes, 1 when one fails, 2 on a usage error. Standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys

ISO_DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"

MIN_GROUPS = 200
MIN_AGENCIES = 80
MIN_CRIMINAL_AND_HACKTIVIST = 40
MIN_GROUPS_PER_STATE = {"CN": 50, "RU": 30, "IR": 25, "KP": 15}

GROUP_TYPES = {"state-sponsored", "criminal", "hacktivist"}
AGENCY_CATEGORIES = {
    "ministry", "cyber", "intelligence", "security", "law-enforcement",
    "military", "regulator", "executive", "legislature", "election",
}

# Single words that a plain (unambiguous) alias should not be, because they
# occur in ordinary English text. Only a warning: matching is case-sensitive.
RISKY_WORDS = {
    "alliance", "anonymous", "armageddon", "bear", "bitter", "cicada", "commission",
    "congress", "council", "crew", "dragon", "dukes", "equation", "falcon", "gang",
    "group", "hades", "hive", "leviathan", "longhorn", "magic", "mantis", "mask",
    "mercury", "mirage", "monsoon", "nickel", "parliament", "play", "reaper",
    "royal", "sea", "silence", "silicon", "snake", "stone", "team", "treasury",
    "union", "zinc", "chromium", "iridium", "plutonium", "who",
}

ATTACK_ID = re.compile(r"^[GS]\d{4}$")
ISO_CODE = re.compile(r"^[A-Z]{2}$")


class Checker:
    def __init__(self, directory, iso_path, show_warnings):
        self.dir = directory
        self.errors = []
        self.warnings = []
        self.show_warnings = show_warnings
        self.iso = None
        if os.path.exists(iso_path):
            with open(iso_path, encoding="utf-8") as f:
                self.iso = {e["alpha_2"]: e for e in json.load(f)["3166-1"]}
        else:
            print(f"note: {iso_path} is absent; ISO 3166 code checks are skipped "
                  "(install the iso-codes package to run them)")
        # casefolded surface form -> {entry label: original form}
        self.forms = collections.defaultdict(dict)
        self.ambiguous = collections.defaultdict(set)

    # -- helpers ---------------------------------------------------------

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")

    def load(self, name):
        path = os.path.join(self.dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            self.error(name, f"cannot read: {e.strerror}")
            return None
        except json.JSONDecodeError as e:
            self.error(name, f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")
            return None
        if not isinstance(data, dict):
            self.error(name, "top level is not an object")
            return None
        if data.get("format") != 1:
            self.error(name, "\"format\" must be 1")
        if not isinstance(data.get("license"), str):
            self.error(name, "\"license\" is missing")
        return data

    def check_code(self, where, code, field, allow_null=False):
        if code is None:
            if not allow_null:
                self.error(where, f"{field} is null")
            return
        if not isinstance(code, str) or not ISO_CODE.match(code):
            self.error(where, f"{field} {code!r} is not an ISO 3166-1 alpha-2 code")
        elif self.iso is not None and code not in self.iso:
            self.error(where, f"{field} {code!r} is not in iso-codes")

    def string_list(self, where, entry, field, required=True):
        value = entry.get(field)
        if value is None:
            if required:
                self.error(where, f"\"{field}\" is missing")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(where, f"\"{field}\" must be a list of non-empty strings")
            return []
        for v in value:
            if v != v.strip() or "  " in v:
                self.error(where, f"{field} entry {v!r} has stray spaces")
        seen = collections.Counter(self.fold(v) for v in value)
        for v, n in seen.items():
            if n > 1:
                self.error(where, f"{field} lists {v!r} {n} times")
        return value

    @staticmethod
    def fold(form):
        """The key two forms are compared by: case, apostrophes and spacing folded."""
        return " ".join(form.replace("\u2019", "'").split()).casefold()

    def register(self, label, form, ambiguous=False):
        key = self.fold(form)
        if ambiguous:
            self.ambiguous[key].add(label)
        else:
            self.forms[key].setdefault(label, form)

    def register_names(self, where, label, name, aliases, ambiguous, name_is_ambiguous=False):
        # a name that is an ordinary word (ambiguous_name) collides with nothing
        self.register(label, name, ambiguous=name_is_ambiguous)
        for a in aliases:
            if self.fold(a) == self.fold(name):
                self.error(where, f"alias {a!r} repeats the name")
            self.register(label, a)
            if ATTACK_ID.match(a):
                self.error(where, f"alias {a!r} is an ATT&CK ID, not a name")
            if a.casefold() in RISKY_WORDS:
                self.warn(where, f"plain alias {a!r} is an ordinary word; "
                          "consider ambiguous_aliases")
        plain = {self.fold(a) for a in aliases} | {self.fold(name)}
        for a in ambiguous:
            if self.fold(a) in plain:
                self.error(where, f"{a!r} is both a plain and an ambiguous alias")
            self.register(label, a, ambiguous=True)

    # -- countries -------------------------------------------------------

    def check_countries(self):
        data = self.load("countries.json")
        if data is None:
            return 0
        countries = data.get("countries")
        if not isinstance(countries, list):
            self.error("countries.json", "\"countries\" must be a list")
            return 0
        codes = collections.Counter()
        for i, c in enumerate(countries):
            where = f"countries.json[{i}]"
            if not isinstance(c, dict):
                self.error(where, "entry is not an object")
                continue
            code = c.get("code")
            where = f"countries.json {code}"
            self.check_code(where, code, "code")
            codes[code] += 1
            name = c.get("name")
            if not isinstance(name, str) or not name.strip():
                self.error(where, "\"name\" is missing")
                continue
            forms = []
            for field in ("demonyms", "capitals", "short_forms"):
                forms += self.string_list(where, c, field)
            forms += self.string_list(where, c, "seats", required=False)
            amb = self.string_list(where, c, "ambiguous_forms", required=False)
            label = f"country {code}"
            # a capital may share the country's name (Singapore, Monaco)
            self.register_names(where, label, name,
                                [f for f in forms if f.casefold() != name.casefold()], amb)
            unknown = set(c) - {"code", "name", "demonyms", "capitals", "short_forms",
                                "seats", "ambiguous_forms", "note"}
            if unknown:
                self.error(where, f"unknown fields {sorted(unknown)}")
        for code, n in codes.items():
            if n > 1:
                self.error("countries.json", f"code {code} appears {n} times")
        if self.iso is not None:
            missing = sorted(set(self.iso) - set(codes))
            if missing:
                self.error("countries.json", f"missing ISO codes: {' '.join(missing)}")
        return len(codes)

    # -- organizations ---------------------------------------------------

    def check_members(self, where, entry):
        if "members" not in entry:
            return
        members = entry["members"]
        if not isinstance(members, list) or not members:
            self.error(where, "\"members\" must be a non-empty list of ISO codes (or be left out)")
            return
        for m in members:
            self.check_code(where, m, "member")
        dup = [m for m, n in collections.Counter(members).items() if n > 1]
        if dup:
            self.error(where, f"members repeated: {dup}")

    def check_organizations(self):
        data = self.load("organizations.json")
        if data is None:
            return {}, {}
        counts = {}
        names = {}
        for section, kind in (("alliances", "alliance"), ("organizations", "organization"),
                              ("agencies", "organization")):
            entries = data.get(section)
            if not isinstance(entries, list):
                self.error("organizations.json", f"\"{section}\" must be a list")
                continue
            counts[section] = len(entries)
            for i, e in enumerate(entries):
                where = f"organizations.json {section}[{i}]"
                if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
                    self.error(where, "entry without a name")
                    continue
                name = e["name"]
                where = f"organizations.json {section} {name!r}"
                if name.casefold() in {n.casefold() for n in names}:
                    self.error(where, "name used twice")
                names[name] = (section, e)
                if e.get("kind") != kind:
                    self.error(where, f"\"kind\" must be {kind!r}")
                aliases = self.string_list(where, e, "aliases")
                amb = self.string_list(where, e, "ambiguous_aliases", required=False)
                self.register_names(where, f"{section[:-1]} {name}", name, aliases, amb)
                allowed = {"name", "kind", "aliases", "ambiguous_aliases", "parent", "note"}
                if section == "agencies":
                    allowed |= {"country", "category"}
                    if "country" not in e:
                        self.error(where, "\"country\" is missing (use null for bodies of the EU)")
                    else:
                        self.check_code(where, e["country"], "country", allow_null=True)
                        if e["country"] is None and not e.get("parent"):
                            self.error(where, "an agency without a country needs a parent")
                    if e.get("category") not in AGENCY_CATEGORIES:
                        self.error(where, f"\"category\" must be one of {sorted(AGENCY_CATEGORIES)}")
                else:
                    allowed |= {"members"}
                    self.check_members(where, e)
                unknown = set(e) - allowed
                if unknown:
                    self.error(where, f"unknown fields {sorted(unknown)}")
        for name, (section, e) in names.items():
            parent = e.get("parent")
            if parent is not None and parent not in names:
                self.error(f"organizations.json {section} {name!r}", f"parent {parent!r} is not an entry")
        # parents must not loop
        for name in names:
            seen, cur = set(), name
            while cur in names and names[cur][1].get("parent"):
                if cur in seen:
                    self.error("organizations.json", f"parent loop through {name!r}")
                    break
                seen.add(cur)
                cur = names[cur][1]["parent"]
        return counts, names

    # -- threat groups ---------------------------------------------------

    def check_groups(self, org_names):
        data = self.load("threat-groups.json")
        if data is None:
            return []
        groups = data.get("groups")
        if not isinstance(groups, list):
            self.error("threat-groups.json", "\"groups\" must be a list")
            return []
        seen = set()
        good = []
        for i, g in enumerate(groups):
            where = f"threat-groups.json[{i}]"
            if not isinstance(g, dict) or not isinstance(g.get("name"), str) or not g["name"].strip():
                self.error(where, "entry without a name")
                continue
            name = g["name"]
            where = f"threat-groups.json {name!r}"
            if name.casefold() in seen:
                self.error(where, "name used twice")
            seen.add(name.casefold())
            if g.get("type") not in GROUP_TYPES:
                self.error(where, f"\"type\" must be one of {sorted(GROUP_TYPES)}")
            if "state" not in g:
                self.error(where, "\"state\" is missing (null when not attributed)")
            state = g.get("state")
            suspected = g.get("suspected_state")
            self.check_code(where, state, "state", allow_null=True)
            if "suspected_state" in g:
                self.check_code(where, suspected, "suspected_state")
            if state and suspected:
                self.error(where, "give either state or suspected_state, not both")
            if g.get("type") == "state-sponsored" and not (state or suspected):
                self.error(where, "a state-sponsored group needs state or suspected_state")
            sponsor = g.get("sponsor")
            if sponsor is not None:
                if sponsor not in org_names or org_names[sponsor][0] != "agencies":
                    self.error(where, f"sponsor {sponsor!r} is not an agency in organizations.json")
                else:
                    country = org_names[sponsor][1].get("country")
                    if country not in (state, suspected):
                        self.error(where, f"sponsor {sponsor!r} belongs to {country}, "
                                   f"not to {state or suspected}")
            if "ambiguous_name" in g and not isinstance(g["ambiguous_name"], bool):
                self.error(where, "\"ambiguous_name\" must be true or false")
            for field in ("affiliation", "note"):
                if field in g and not (isinstance(g[field], str) and g[field].strip()):
                    self.error(where, f"\"{field}\" must be a non-empty string")
            aliases = self.string_list(where, g, "aliases")
            amb = self.string_list(where, g, "ambiguous_aliases", required=False)
            label = f"group {name}"
            self.register_names(where, label, name, aliases, amb,
                                name_is_ambiguous=bool(g.get("ambiguous_name")))
            unknown = set(g) - {"name", "type", "state", "suspected_state", "sponsor", "affiliation",
                                "aliases", "ambiguous_aliases", "ambiguous_name", "note"}
            if unknown:
                self.error(where, f"unknown fields {sorted(unknown)}")
            good.append(g)
        return good

    # -- cross-file ------------------------------------------------------

    def check_collisions(self):
        for key, owners in sorted(self.forms.items()):
            if len(owners) > 1:
                listed = "; ".join(f"{label} ({form!r})" for label, form in sorted(owners.items()))
                self.error("collision", f"{key!r} names different entries: {listed}. "
                           "Keep it on one entry and move it to ambiguous_aliases on the others.")

    def run(self):
        n_countries = self.check_countries()
        counts, org_names = self.check_organizations()
        groups = self.check_groups(org_names)
        self.check_collisions()

        # groups tied to a state, publicly or by suspicion, whatever their type
        by_state = collections.Counter(g.get("state") or g.get("suspected_state") for g in groups
                                       if g.get("state") or g.get("suspected_state"))
        by_type = collections.Counter(g.get("type") for g in groups)
        attributed = sum(1 for g in groups if g.get("state"))
        suspected = sum(1 for g in groups if g.get("suspected_state"))
        n_aliases = sum(len(g.get("aliases", [])) for g in groups)

        if self.iso is not None and n_countries != len(self.iso):
            self.error("countries.json", f"{n_countries} countries, iso-codes has {len(self.iso)}")
        if len(groups) < MIN_GROUPS:
            self.error("threat-groups.json", f"{len(groups)} groups, need at least {MIN_GROUPS}")
        if counts.get("agencies", 0) < MIN_AGENCIES:
            self.error("organizations.json", f"{counts.get('agencies', 0)} agencies, need at least {MIN_AGENCIES}")
        other = by_type["criminal"] + by_type["hacktivist"]
        if other < MIN_CRIMINAL_AND_HACKTIVIST:
            self.error("threat-groups.json", f"{other} criminal and hacktivist groups, "
                       f"need at least {MIN_CRIMINAL_AND_HACKTIVIST}")
        for code, minimum in MIN_GROUPS_PER_STATE.items():
            if by_state[code] < minimum:
                self.error("threat-groups.json", f"{by_state[code]} groups tied to {code}, "
                           f"need at least {minimum}")

        print("Summary")
        print(f"  countries:       {n_countries}" + (f" of {len(self.iso)} iso-codes entries" if self.iso else ""))
        print(f"  alliances:       {counts.get('alliances', 0)}")
        print(f"  organizations:   {counts.get('organizations', 0)}")
        print(f"  agencies:        {counts.get('agencies', 0)}")
        print(f"  threat groups:   {len(groups)} ({by_type['state-sponsored']} state-sponsored, "
              f"{by_type['criminal']} criminal, {by_type['hacktivist']} hacktivist; "
              f"{attributed} with a state, {suspected} with a suspected state)")
        top = ", ".join(f"{k} {v}" for k, v in by_state.most_common(8))
        print(f"  groups by state (attributed or suspected): {top}")
        print(f"  group aliases:   {n_aliases}")
        print(f"  surface forms:   {len(self.forms)} plain, {len(self.ambiguous)} ambiguous")

        if self.warnings:
            if self.show_warnings:
                print(f"\n{len(self.warnings)} warning(s):")
                for w in self.warnings:
                    print(f"  warning: {w}")
            else:
                print(f"\n{len(self.warnings)} warning(s); run with --warnings to list them")
        if self.errors:
            print(f"\n{len(self.errors)} error(s):", file=sys.stderr)
            for e in self.errors:
                print(f"  error: {e}", file=sys.stderr)
            return 1
        print("\nAll checks passed.")
        return 0


def main():
    parser = argparse.ArgumentParser(description="Validate Actor Graph's knowledge files.")
    parser.add_argument("directory", nargs="?", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--iso", default=ISO_DEFAULT, help="path to iso_3166-1.json")
    parser.add_argument("--warnings", action="store_true", help="list warnings")
    args = parser.parse_args()
    if not os.path.isdir(args.directory):
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: {args.directory}: not a directory", file=sys.stderr)
        return 2
    return Checker(args.directory, args.iso, args.warnings).run()


if __name__ == "__main__":
    sys.exit(main())
