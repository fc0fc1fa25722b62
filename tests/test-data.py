#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-data.py: the checks of the "data" suite, one per meson test:
#
#   test-data.py CHECK [ARGUMENT...]
#
# Each CHECK exits 0 when it passes, 77 when it cannot run here (a tool is
# missing, or the screenshots are not there yet) and 1 when it fails, printing
# what it looked at and why it failed. The arguments come from tests/meson.build.

import gettext
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
MIME_TYPE = "application/x-actorgraph-case"
BASE_ID = "io.github.actorgraph.ActorGraph"


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def need(tool):
    path = shutil.which(tool)
    if path is None:
        raise Skip(f"{tool} is not installed (build-aux/install-deps installs it)")
    return path


def run(argv, **kwargs):
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    kwargs.setdefault("text", True)
    return subprocess.run(argv, **kwargs)


def read_desktop(path):
    """The [Desktop Entry] group of a desktop file, as a dict."""
    entry = {}
    group = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                group = line
                continue
            if group == "[Desktop Entry]" and "=" in line:
                key, value = line.split("=", 1)
                entry[key.strip()] = value.strip()
    return entry


def mime_types(path):
    """The types that a shared-mime-info file defines."""
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(path).getroot()
    return [t.get("type") for t in root.findall(ns + "mime-type")]


# -- Desktop entry ------------------------------------------------------------

def check_desktop(desktop, mime_xml, app_id):
    validator = need("desktop-file-validate")
    result = run([validator, desktop])
    output = (result.stdout + result.stderr).strip()
    print(f"desktop-file-validate {desktop}: exit {result.returncode}")
    if output:
        print(output)
    check(result.returncode == 0, "desktop-file-validate failed")
    check(not re.search(r": (error|warning):", output), "desktop-file-validate reported errors or warnings")

    check(os.path.basename(desktop) == app_id + ".desktop",
          f"the desktop file is not named after the application id {app_id}")
    entry = read_desktop(desktop)
    for key in ("Name", "Comment", "Icon", "Exec", "Categories", "Keywords", "MimeType"):
        check(entry.get(key), f"the desktop entry has no {key}")
    check(entry["Icon"] == app_id, f"Icon={entry['Icon']}, not the application id {app_id}")
    check(entry["Exec"].split()[0] == "actorgraph", f"Exec={entry['Exec']} does not start actorgraph")
    check("%F" in entry["Exec"] or "%U" in entry["Exec"], "Exec takes no files")
    check(entry.get("Terminal") == "false", "Terminal is not false")
    check(entry.get("DBusActivatable", "false") == "false",
          "DBusActivatable is set, but the application installs no D-Bus service")
    declared = [t for t in entry["MimeType"].split(";") if t]
    defined = mime_types(mime_xml)
    check(MIME_TYPE in declared, f"MimeType does not list {MIME_TYPE}")
    for t in declared:
        check(t in defined, f"MimeType lists {t}, which {os.path.basename(mime_xml)} does not define")
    print("desktop entry: name, icon, command, MIME types checked")


# -- AppStream metadata -------------------------------------------------------

def check_metainfo(metainfo, desktop, mime_xml, app_id, version):
    validator = need("appstreamcli")
    for extra in ([], ["--pedantic"]):
        argv = [validator, "validate", "--no-net", "--no-color", *extra, metainfo]
        result = run(argv)
        print(" ".join(argv[1:]) + f": exit {result.returncode}")
        print((result.stdout + result.stderr).strip())
        check(result.returncode == 0, "appstreamcli validate failed")

    root = ET.parse(metainfo).getroot()
    check(root.tag == "component" and root.get("type") == "desktop-application",
          "the metainfo is not a desktop-application component")
    check(root.findtext("id") == app_id, f"<id> is {root.findtext('id')}, not {app_id}")
    check(os.path.basename(metainfo) == app_id + ".metainfo.xml", "the metainfo file is not named after the id")
    launchable = root.find("launchable")
    check(launchable is not None and launchable.get("type") == "desktop-id"
          and launchable.text == os.path.basename(desktop),
          f"<launchable> does not name {os.path.basename(desktop)}")
    for tag in ("name", "summary", "description", "developer_name", "project_license", "metadata_license"):
        check(root.find(tag) is not None, f"<{tag}> is missing")
    developer = root.find("developer")
    check(developer is not None and developer.get("id") and developer.findtext("name"),
          "<developer> with an id and a <name> is missing")
    rating = root.find("content_rating")
    check(rating is not None and rating.get("type") == "oars-1.1", "no OARS 1.1 content rating")

    provides = root.find("provides")
    check(provides is not None, "<provides> is missing")
    binaries = sorted(b.text for b in provides.findall("binary"))
    check(binaries == ["actorgraph", "actorgraph-cli"], f"<provides> names the binaries {binaries}")
    mediatypes = [m.text for m in provides.findall("mediatype")]
    check(mediatypes == mime_types(mime_xml), f"<provides> names the media types {mediatypes}")

    urls = {u.get("type"): u.text for u in root.findall("url")}
    for kind in ("homepage", "bugtracker"):
        check(urls.get(kind, "").startswith("https://"), f"no https {kind} URL")

    releases = root.findall("releases/release")
    check(releases, "no <release>")
    check(releases[0].get("version") == version,
          f"the newest release is {releases[0].get('version')}, the project is {version}")
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date") or ""), "the newest release has no date")
    check(releases[0].find("description") is not None, "the newest release has no description")

    shots = root.findall("screenshots/screenshot")
    check(len(shots) >= 1 and sum(1 for s in shots if s.get("type") == "default") == 1,
          "there must be screenshots, one of them the default")
    for shot in shots:
        check(shot.findtext("caption"), "a screenshot has no caption")
    check(root.find("branding") is not None, "no <branding> colours")
    print(f"metainfo: id, launchable, provides, URLs, release {version}, {len(shots)} screenshots checked")


def check_screenshots(metainfo, source_root):
    root = ET.parse(metainfo).getroot()
    urls = [i.text.strip() for i in root.findall("screenshots/screenshot/image")]
    check(urls, "the metainfo names no screenshots")
    prefix = re.compile(r"^https://raw\.githubusercontent\.com/actorgraph/actorgraph/main/(.+)$")
    missing = []
    for url in urls:
        m = prefix.match(url)
        check(m, f"{url} is not a raw URL of this repository's main branch")
        path = os.path.join(source_root, m.group(1))
        if not os.path.exists(path):
            missing.append(m.group(1))
            continue
        with open(path, "rb") as f:
            head = f.read(24)
        check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{m.group(1)} is not a PNG file")
        width, height = struct.unpack(">II", head[16:24])
        check(width >= 620 and height >= 350, f"{m.group(1)} is only {width}×{height}")
        print(f"{m.group(1)}: PNG, {width}×{height}")
    if missing:
        raise Skip("not in the tree yet: " + ", ".join(missing))


# -- Settings schema ----------------------------------------------------------

def check_schema(data_dir):
    compiler = need("glib-compile-schemas")
    schemas = [f for f in os.listdir(data_dir) if f.endswith(".gschema.xml")]
    check(schemas, f"no *.gschema.xml in {data_dir}")
    result = run([compiler, "--strict", "--dry-run", data_dir])
    print(f"glib-compile-schemas --strict --dry-run {data_dir} ({', '.join(schemas)}): exit {result.returncode}")
    print((result.stdout + result.stderr).strip())
    check(result.returncode == 0, "glib-compile-schemas --strict failed")


# -- Translations -------------------------------------------------------------

def check_po(po_dir):
    msgfmt = need("msgfmt")
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        linguas = [w for line in f for w in line.split("#", 1)[0].split()]
    files = sorted(f for f in os.listdir(po_dir) if f.endswith(".po"))
    print(f"LINGUAS: {linguas or 'none'}; .po files: {files or 'none'}")
    for lang in linguas:
        check(f"{lang}.po" in files, f"LINGUAS lists {lang}, but po/{lang}.po is missing")
    for name in files:
        check(name[:-3] in linguas, f"po/{name} is not in LINGUAS, so it is never built")
    failed = []
    for name in files:
        # --check: header, format strings and plural forms; the accelerator
        # check keeps one mnemonic in a translation of a label that has one.
        result = run([msgfmt, "--check", "--check-accelerators=_", "--statistics",
                      "-o", os.devnull, os.path.join(po_dir, name)])
        print(f"msgfmt --check {name}: exit {result.returncode}: {(result.stdout + result.stderr).strip()}")
        if result.returncode != 0:
            failed.append(name)
    check(not failed, "msgfmt --check failed for " + ", ".join(failed))


TRANSLATABLE_C = re.compile(r"(?<![\w])(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(")
TRANSLATABLE_DATA = (".desktop.in", ".metainfo.xml.in", ".mime.xml.in", ".gschema.xml")


def check_potfiles(source_root):
    xgettext = need("xgettext")
    potfiles = os.path.join(source_root, "po", "POTFILES.in")
    with open(potfiles, encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    print(f"POTFILES.in lists {len(listed)} files")
    check(listed == sorted(listed), "POTFILES.in is not sorted")
    check(len(set(listed)) == len(listed), "POTFILES.in lists a file twice")
    for path in listed:
        check(os.path.isfile(os.path.join(source_root, path)), f"POTFILES.in lists {path}, which does not exist")

    # Every file with translatable strings is listed.
    unlisted = []
    for top in ("src", "ui", "data"):
        for dirpath, _, names in os.walk(os.path.join(source_root, top)):
            for name in names:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, source_root)
                if name.endswith(".c"):
                    with open(path, encoding="utf-8") as f:
                        marked = TRANSLATABLE_C.search(f.read()) is not None
                elif name.endswith(".ui"):
                    with open(path, encoding="utf-8") as f:
                        marked = 'translatable="yes"' in f.read()
                else:
                    marked = dirpath == os.path.join(source_root, "data") and name.endswith(TRANSLATABLE_DATA)
                if marked and rel not in listed:
                    unlisted.append(rel)
    check(not unlisted, "files with translatable strings missing from POTFILES.in: " + ", ".join(sorted(unlisted)))

    # Every listed file gives xgettext at least one string (the same keywords
    # as meson's "glib" preset).
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "check.pot")
        result = run([xgettext, "--directory", source_root, "--files-from", potfiles,
                      "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
                      "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
                      "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                      "--output", pot])
        print(f"xgettext over POTFILES.in: exit {result.returncode}")
        check(result.returncode == 0, "xgettext failed: " + result.stderr.strip())
        with open(pot, encoding="utf-8") as f:
            references = set(re.findall(r"^#: (.*)$", f.read(), re.M))
    found = {ref.rsplit(":", 1)[0] for line in references for ref in line.split()}
    empty = [path for path in listed if path not in found]
    check(not empty, "POTFILES.in lists files that give no string: " + ", ".join(empty))
    print("every listed file exists and gives strings; every file with strings is listed")


# -- Manual pages -------------------------------------------------------------

HELP_OPTION = re.compile(r"^\s+(?:-(\w), )?--([a-z][a-z0-9-]*)(?:=(\S+))?(?:\s|$)")
MAN_OPTION = re.compile(r"^(?:-(\w), )?--([a-z][a-z0-9-]*)(?:=(\S+))?$")


def roff_text(line):
    line = re.sub(r"\\f[BIRP]", "", line)
    line = line.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")
    return line.strip().strip('"')


def help_options(text):
    return {m.group(2): (m.group(1), m.group(3)) for m in map(HELP_OPTION.match, text.splitlines()) if m}


def help_commands(text):
    """The commands listed under "Commands:" in a --help."""
    commands = []
    in_list = False
    for line in text.splitlines():
        if line.strip() == "Commands:":
            in_list = True
        elif in_list:
            m = re.match(r"^  ([a-z][a-z-]*)\s{2,}\S", line)
            if not m:
                break
            commands.append(m.group(1))
    return commands


def man_sections(path):
    """{(section, subsection): {long option: (short, argument)}} of a man page."""
    sections = {}
    key = ("", "")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SH "):
            key = (roff_text(line[4:]), "")
            sections.setdefault(key, {})
        elif line.startswith(".SS "):
            key = (key[0], roff_text(line[4:]))
            sections.setdefault(key, {})
        elif line.startswith(".TP") and i + 1 < len(lines):
            m = MAN_OPTION.match(roff_text(lines[i + 1]))
            if m:
                check(m.group(2) not in sections[key], f"{path}: --{m.group(2)} twice in {key}")
                sections[key][m.group(2)] = (m.group(1), m.group(3))
    return sections


def compare_options(what, helped, documented):
    for name, spec in helped.items():
        check(name in documented, f"{what}: --{name} is in --help but not in the man page")
        check(documented[name] == spec,
              f"{what}: --{name} is {spec} in --help but {documented[name]} in the man page")
    for name in documented:
        check(name in helped, f"{what}: the man page documents --{name}, which --help does not know")


def check_roff(path, version):
    groff = need("groff")
    result = run([groff, "-man", "-Tutf8", "-ww", "-z", path])
    print(f"groff -man -Tutf8 -ww -z {os.path.basename(path)}: exit {result.returncode}")
    check(result.returncode == 0 and not result.stderr.strip(),
          f"groff warns about {path}: {result.stderr.strip()}")
    man = shutil.which("man")
    if man:
        result = run([man, "-l", "-P", "cat", path], env={**os.environ, "MANWIDTH": "80"})
        check(result.returncode == 0 and "NAME" in result.stdout and not result.stderr.strip(),
              f"man -l {path} fails: {result.stderr.strip()}")
    lexgrog = shutil.which("lexgrog")
    if lexgrog:
        result = run([lexgrog, path])
        check(result.returncode == 0, f"lexgrog cannot read the NAME section of {path}")
    with open(path, encoding="utf-8") as f:
        th = next(line for line in f if line.startswith(".TH "))
    check(f'"Actor Graph {version}"' in th, f"{os.path.basename(path)}: .TH does not name version {version}")


def check_man(man_dir, cli, gui, version):
    cli_page = os.path.join(man_dir, "actorgraph-cli.1")
    gui_page = os.path.join(man_dir, "actorgraph.1")
    for page in (cli_page, gui_page):
        check_roff(page, version)

    # actorgraph-cli: the global options, then every command and subcommand.
    sections = man_sections(cli_page)
    result = run([cli, "--help"])
    check(result.returncode == 0, "actorgraph-cli --help failed")
    compare_options("actorgraph-cli", help_options(result.stdout), sections[("OPTIONS", "")])
    documented = {sub for (sec, sub) in sections if sec == "COMMANDS" and sub}
    seen = set()
    queue = [[c] for c in help_commands(result.stdout)]
    check(queue, "actorgraph-cli --help lists no commands")
    while queue:
        words = queue.pop(0)
        result = run([cli, *words, "--help"])
        text = result.stdout + result.stderr
        check(result.returncode == 0, f"actorgraph-cli {' '.join(words)} --help failed")
        subcommands = help_commands(text)
        if subcommands:
            queue.extend(words + [s] for s in subcommands)
            continue
        options = help_options(text)
        check(options.get("help") == ("h", None), f"actorgraph-cli {' '.join(words)} has no -h, --help")
        del options["help"]
        heading = [s for s in documented
                   if re.match(r"actorgraph-cli " + re.escape(" ".join(words)) + r"(\s|$)", s)
                   and not re.match(r"actorgraph-cli " + re.escape(" ".join(words)) + r" [a-z]+(\s|$)", s)]
        check(len(heading) == 1, f"the man page has no section for actorgraph-cli {' '.join(words)}")
        compare_options(f"actorgraph-cli {' '.join(words)}", options, sections[("COMMANDS", heading[0])])
        seen.add(heading[0])
        print(f"actorgraph-cli {' '.join(words)}: {len(options)} options match")
    extra = documented - seen
    check(not extra, "the man page documents commands that --help does not list: " + ", ".join(sorted(extra)))

    # actorgraph: every option GApplication and GTK print.
    result = run([gui, "--help-all"])
    check(result.returncode == 0, f"actorgraph --help-all failed: {result.stderr.strip()}")
    compare_options("actorgraph", help_options(result.stdout), man_sections(gui_page)[("OPTIONS", "")])
    print(f"actorgraph: {len(help_options(result.stdout))} options match")


# -- Flatpak manifest ---------------------------------------------------------

FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}


def check_manifest(path):
    with open(path, encoding="utf-8") as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            raise Failure(f"{path} is not valid JSON: {e}")
    app_id = manifest.get("id", manifest.get("app-id"))
    check(app_id == BASE_ID, f"the manifest's id is {app_id}, not {BASE_ID}")
    check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is not org.gnome.Platform")
    check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is not org.gnome.Sdk")
    check(re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))),
          f"runtime-version {manifest.get('runtime-version')!r} is not a numbered stable release")
    check(manifest.get("command") == "actorgraph", "the command is not actorgraph")
    finish_args = manifest.get("finish-args", [])
    check(len(finish_args) == len(set(finish_args)), "finish-args has duplicates")
    check(set(finish_args) == FINISH_ARGS,
          f"finish-args are {sorted(finish_args)}, not exactly {sorted(FINISH_ARGS)}")
    for pattern in ("/include", "/lib/pkgconfig", "*.a", "*.la"):
        check(pattern in manifest.get("cleanup", []), f"the global cleanup does not remove {pattern}")

    modules = manifest.get("modules", [])
    check(modules, "no modules")
    names = [m.get("name") for m in modules]
    check(len(names) == len(set(names)), "two modules share a name")
    ours = modules[-1]
    check(ours.get("name") == "actorgraph" and ours.get("buildsystem") == "meson",
          "the last module is not actorgraph built with meson")
    check([s.get("type") for s in ours.get("sources", [])] == ["dir"], "actorgraph is not built from the local tree")
    for module in modules[:-1]:
        sources = module.get("sources", [])
        check(sources, f"module {module.get('name')} has no sources")
        for source in sources:
            kind = source.get("type")
            check(kind in ("archive", "file", "patch"), f"module {module.get('name')} has a {kind} source")
            if kind in ("archive", "file"):
                check(source.get("url", "").startswith("https://"), f"module {module.get('name')}: no https URL")
                check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")),
                      f"module {module.get('name')}: {source.get('url')} has no sha256 of 64 hex digits")
    graphviz = [m for m in modules if m.get("name") == "graphviz"]
    check(graphviz, "no graphviz module")
    check(any(re.fullmatch(r"\S*dot -c", c) for c in graphviz[0].get("post-install", [])),
          "graphviz does not run `dot -c` after installing, so it would have no plugin configuration")
    check(names.index("graphviz") < len(names) - 1, "graphviz is built after actorgraph")
    print(f"{os.path.basename(path)}: {app_id}, org.gnome.Platform {manifest['runtime-version']}, "
          f"finish-args {sorted(finish_args)}, modules {names}")


# -- MIME type ----------------------------------------------------------------

def check_mime(mime_xml, sample_case, desktop, program):
    updater = need("update-mime-database")
    gio = need("gio")
    check(os.path.isfile(sample_case), f"{sample_case} is missing")
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, "share", "mime", "packages")
        applications = os.path.join(tmp, "share", "applications")
        os.makedirs(packages)
        os.makedirs(applications)
        os.makedirs(os.path.join(tmp, "home"))
        shutil.copy(mime_xml, packages)
        shutil.copy(desktop, applications)
        # GIO reads our database first, then the system's, which defines
        # application/vnd.sqlite3; nothing from the user's home. It lists a
        # desktop entry only when its Exec is in PATH.
        env = dict(os.environ,
                   PATH=os.path.dirname(os.path.abspath(program)) + os.pathsep + os.environ.get("PATH", ""),
                   XDG_DATA_HOME=os.path.join(tmp, "home"),
                   XDG_DATA_DIRS=os.path.join(tmp, "share") + ":/usr/local/share:/usr/share")
        result = run([updater, os.path.join(tmp, "share", "mime")], env=env)
        check(result.returncode == 0 and not result.stderr.strip(),
              f"update-mime-database fails on {mime_xml}: {result.stderr.strip()}")

        def content_type(path):
            result = run([gio, "info", "--attributes=standard::content-type", path], env=env)
            check(result.returncode == 0, f"gio info {path} failed: {result.stderr.strip()}")
            m = re.search(r"standard::content-type: (\S+)", result.stdout)
            check(m, f"gio info gave no content type for {path}")
            return m.group(1)

        with open(sample_case, "rb") as f:
            case = f.read()
        check(case[68:72] == b"AgGr", f"{sample_case} does not carry the application_id AgGr")
        plain = case[:68] + b"\0\0\0\0" + case[72:]
        files = {
            "case.actorgraph": (case, MIME_TYPE),       # by name and content
            "case": (case, MIME_TYPE),                  # by content alone
            "plain": (plain, "application/vnd.sqlite3"),  # another SQLite database
            "notes.txt": (b"APT28 is accused.\n", "text/plain"),
        }
        for name, (data, expected) in files.items():
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            got = content_type(path)
            print(f"{name}: {got}")
            check(got == expected, f"{name} is seen as {got}, not {expected}")

        # What a file manager asks: which application opens a case. GIO reads
        # the MIME types of applications from the cache that
        # update-desktop-database writes (gnome.post_install runs it).
        result = run([need("update-desktop-database"), applications], env=env)
        check(result.returncode == 0, f"update-desktop-database failed: {result.stderr.strip()}")
        result = run([gio, "mime", MIME_TYPE], env=env)
        print(result.stdout.strip())
        check(f"Default application for “{MIME_TYPE}”: {os.path.basename(desktop)}" in result.stdout,
              f"{os.path.basename(desktop)} is not the application that opens {MIME_TYPE}")


# -- Icons --------------------------------------------------------------------

def check_icons(icon_dir):
    svg = "{http://www.w3.org/2000/svg}"
    scalable = os.path.join(icon_dir, "hicolor", "scalable", "apps", BASE_ID + ".svg")
    symbolic = os.path.join(icon_dir, "hicolor", "symbolic", "apps", BASE_ID + "-symbolic.svg")
    for path, size in ((scalable, "128"), (symbolic, "16")):
        root = ET.parse(path).getroot()
        check(root.tag == svg + "svg", f"{path} is not SVG")
        check(root.get("width") == size and root.get("height") == size
              and root.get("viewBox") == f"0 0 {size} {size}", f"{path} is not {size}×{size}")
        print(f"{os.path.basename(path)}: {size}×{size}")
    # A symbolic icon is one colour of fills, which GTK recolours.
    fills = set()
    for element in ET.parse(symbolic).getroot().iter():
        check(element.get("stroke") is None and "stroke" not in (element.get("style") or ""),
              f"the symbolic icon strokes a <{element.tag}>, which GTK does not recolour")
        if element.get("fill") not in (None, "none"):
            fills.add(element.get("fill").lower())
        check(not element.tag.endswith(("linearGradient", "radialGradient", "image")),
              "the symbolic icon has gradients or images")
    check(len(fills) == 1, f"the symbolic icon uses the fills {sorted(fills)}, not one")
    # gdk-pixbuf, which loads icons for GTK, tells SVG from the content alone:
    # shared-mime-info wants "<svg" in the first 256 bytes.
    gio = shutil.which("gio")
    if gio:
        with tempfile.TemporaryDirectory() as tmp:
            for path in (scalable, symbolic):
                nameless = os.path.join(tmp, "icon")
                shutil.copy(path, nameless)
                result = run([gio, "info", "--attributes=standard::content-type", nameless])
                m = re.search(r"standard::content-type: (\S+)", result.stdout)
                got = m.group(1) if m else "nothing"
                check(got == "image/svg+xml", f"{os.path.basename(path)} is {got} by its content, not SVG")
        print("both icons are SVG by their content")
    converter = shutil.which("rsvg-convert")
    if converter:
        with tempfile.TemporaryDirectory() as tmp:
            for path in (scalable, symbolic):
                png = os.path.join(tmp, "icon.png")
                result = run([converter, "-w", "64", "-h", "64", "-o", png, path])
                check(result.returncode == 0 and not result.stderr.strip() and os.path.getsize(png) > 0,
                      f"rsvg-convert cannot draw {path}: {result.stderr.strip()}")
        print("both icons render with rsvg-convert")


# -- Installation -------------------------------------------------------------

def check_install(meson, build_root, app_id, po_dir, bindir, datadir, mandir, localedir):
    """bindir, datadir, mandir and localedir are absolute, under the prefix."""
    with tempfile.TemporaryDirectory() as destdir:
        result = run([meson, "install", "-C", build_root, "--no-rebuild", "--quiet", "--destdir", destdir])
        check(result.returncode == 0, f"meson install failed:\n{result.stdout}\n{result.stderr}")

        def installed(directory, *parts):
            return os.path.join(destdir, directory.lstrip("/"), *parts)

        expected = [
            (bindir, "actorgraph"),
            (bindir, "actorgraph-cli"),
            (datadir, "actorgraph", "knowledge", "countries.json"),
            (datadir, "actorgraph", "knowledge", "organizations.json"),
            (datadir, "actorgraph", "knowledge", "threat-groups.json"),
            # gschemas.compiled is written by gnome.post_install, which meson
            # skips when installing into a DESTDIR: the schema's XML is there.
            (datadir, "glib-2.0", "schemas", BASE_ID + ".gschema.xml"),
            (datadir, "applications", app_id + ".desktop"),
            (datadir, "metainfo", app_id + ".metainfo.xml"),
            (datadir, "mime", "packages", app_id + ".xml"),
            (datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg"),
            (datadir, "icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg"),
            (mandir, "man1", "actorgraph.1"),
            (mandir, "man1", "actorgraph-cli.1"),
        ]
        with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
            linguas = [w for line in f for w in line.split("#", 1)[0].split()]
        expected += [(localedir, lang, "LC_MESSAGES", "actorgraph.mo") for lang in linguas]
        for parts in expected:
            check(os.path.isfile(installed(*parts)), f"meson install gave no {os.path.join(*parts)}")
            print(f"installed: {os.path.join(*parts)}")
        for name in ("actorgraph", "actorgraph-cli"):
            check(os.access(installed(bindir, name), os.X_OK), f"{name} is not executable")

        entry = read_desktop(installed(datadir, "applications", app_id + ".desktop"))
        check(os.path.isfile(installed(bindir, entry["Exec"].split()[0])), "the desktop entry's Exec is not installed")
        check(os.path.isfile(installed(datadir, "icons", "hicolor", "scalable", "apps", entry["Icon"] + ".svg")),
              "the desktop entry's Icon is not installed")

        for lang in linguas:
            with open(installed(localedir, lang, "LC_MESSAGES", "actorgraph.mo"), "rb") as f:
                catalog = gettext.GNUTranslations(f)
            translated = len(catalog._catalog) - 1  # the header is an entry too
            check(translated > 0, f"the {lang} catalog is empty")
            print(f"{lang}: {translated} translated messages")


def main(argv):
    checks = {
        "desktop": check_desktop,
        "metainfo": check_metainfo,
        "screenshots": check_screenshots,
        "schema": check_schema,
        "po": check_po,
        "potfiles": check_potfiles,
        "man": check_man,
        "manifest": check_manifest,
        "mime": check_mime,
        "icons": check_icons,
        "install": check_install,
    }
    if len(argv) < 2 or argv[1] not in checks:
        print(f"usage: {argv[0]} {{{','.join(checks)}}} ARGUMENT...", file=sys.stderr)
        return 2
    try:
        checks[argv[1]](*argv[2:])
    except Skip as e:
        print(f"SKIP: {e}")
        return SKIP
    except Failure as e:
        print(f"FAIL: {e}")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
