#!/bin/bash
# check-translations.sh
#
# Copyright 2026 The Actor Graph developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translations in PODIR (the source tree's po/):
#
#  - every language in LINGUAS has a .po file that msgfmt --check accepts
#    (header, plural forms, printf formats as in the msgid), with no
#    untranslated and no fuzzy message;
#  - every message of a template made now from POTFILES.in is translated in
#    every .po file (msgcmp), so a string added to the sources without a
#    translation fails here.
#
# With PREFIX, the directory that `meson install` installed into, it also
# runs the installed actorgraph-cli in each language and checks that its help,
# a usage error, a failure and a plural message come out translated, and that
# its JSON and DOT output are the same in every language. The expected texts
# are looked up in the installed catalogues with gettext(1), never written
# here.
#
# Usage: check-translations.sh PODIR [PREFIX]
# Prints TAP.

set -u

podir=${1:?usage: check-translations.sh PODIR [PREFIX]}
prefix=${2:-}
domain=actorgraph
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; shift; [ $# -eq 0 ] || printf '%s\n' "$@" | sed -e 's/^/# /'; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }

for tool in msgfmt msgcmp xgettext; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

languages=$(sed -e 's/#.*//' "$podir/LINGUAS" | tr -s ' \t' '\n\n' | sed -e '/^$/d')
if [ -z "$languages" ]; then
  not_ok "LINGUAS lists at least one language"
fi

# The template, made as meson's i18n.gettext (preset glib) makes it.
(cd "$podir/.." && xgettext --package-name="$domain" --from-code=UTF-8 --add-comments \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
   --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
   --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
   --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
   --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
   --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
   --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
   --files-from="$podir/POTFILES.in" -o "$tmp/$domain.pot") 2>"$tmp/xgettext.log"
if [ -s "$tmp/$domain.pot" ]; then
  ok "xgettext makes a template from POTFILES.in"
else
  not_ok "xgettext makes a template from POTFILES.in" "$(cat "$tmp/xgettext.log")"
fi

for lang in $languages; do
  po="$podir/$lang.po"
  if [ ! -f "$po" ]; then
    not_ok "$lang: $lang.po exists"
    continue
  fi

  # --check covers the header, the plural forms and the printf formats.
  if stats=$(LC_ALL=C msgfmt --check --statistics -o "$tmp/$lang.mo" "$po" 2>&1); then
    ok "$lang: msgfmt --check accepts $lang.po"
  else
    not_ok "$lang: msgfmt --check accepts $lang.po" "$stats"
  fi
  case $stats in
    *fuzzy*|*untranslated*) not_ok "$lang: no fuzzy or untranslated message" "$stats" ;;
    *" translated message"*) ok "$lang: no fuzzy or untranslated message ($stats)" ;;
    *) not_ok "$lang: no fuzzy or untranslated message" "$stats" ;;
  esac

  if grep -q '^"Plural-Forms: nplurals=[0-9]*; plural=' "$po"; then
    ok "$lang: has a Plural-Forms header"
  else
    not_ok "$lang: has a Plural-Forms header"
  fi

  if [ -s "$tmp/$domain.pot" ]; then
    if out=$(msgcmp "$po" "$tmp/$domain.pot" 2>&1); then
      ok "$lang: every message of the sources is translated"
    else
      not_ok "$lang: every message of the sources is translated" "$(echo "$out" | head -n 20)"
    fi
  fi
done

if [ -z "$prefix" ]; then
  skip "no install prefix given: the installed translations are not run"
  echo "1..$n"
  exit $failed
fi

cli="$prefix/bin/actorgraph-cli"
localedir="$prefix/share/locale"
if [ ! -x "$cli" ]; then
  not_ok "$cli is installed"
  echo "1..$n"
  exit 1
fi

# What the installed catalogue says for MSGID in LANG.
tr_ () { TEXTDOMAINDIR="$localedir" LANGUAGE="$1" LC_ALL=C.UTF-8 gettext -d "$domain" "$2"; }
trn () { TEXTDOMAINDIR="$localedir" LANGUAGE="$1" LC_ALL=C.UTF-8 ngettext -d "$domain" "$2" "$3" "$4"; }
# Runs the installed command line in LANG; C.UTF-8 is always there, and with
# it glibc follows LANGUAGE, so no generated locale is needed.
run () { local lang=$1; shift; env -u LANG -u LC_MESSAGES LANGUAGE="$lang" LC_ALL=C.UTF-8 XDG_DATA_HOME="$tmp/data" "$cli" "$@"; }

# Runs the command line in a real LOCALE made by localedef under $tmp/locale.
run_locale () { local locale=$1; shift; env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LOCPATH="$tmp/locale" LANG="$locale" XDG_DATA_HOME="$tmp/data" "$cli" "$@"; }

# same_output NAME RUNNER ARG -- COMMAND...: the output equals English's.
same_output () {
  local name=$1 runner=$2 arg=$3
  shift 4
  if [ "$("$runner" "$arg" "$@" 2>&1)" = "$(run C "$@" 2>&1)" ]; then
    ok "$name is the same as in English"
  else
    not_ok "$name is the same as in English"
  fi
}

# same_file NAME FORMAT REF RUNNER ARG: an export made with RUNNER ARG equals,
# byte for byte, the one made with "run REF".
same_file () {
  local name=$1 format=$2 ref=$3 runner=$4 arg=$5
  run "$ref" export "$tmp/c.actorgraph" "$tmp/ref.$format" 2>/dev/null
  "$runner" "$arg" export "$tmp/c.actorgraph" "$tmp/other.$format" 2>/dev/null
  if [ -s "$tmp/ref.$format" ] && cmp -s "$tmp/ref.$format" "$tmp/other.$format"; then
    ok "$name"
  else
    not_ok "$name" "$(diff "$tmp/ref.$format" "$tmp/other.$format" 2>&1 | head -n 6)"
  fi
}

printf 'Germany accuses Russia of the attack on the parliament. The Kremlin denied the accusations.\n' > "$tmp/one.txt"
printf 'France condemns the campaign.\n' > "$tmp/two.txt"
run C import "$tmp/c.actorgraph" "$tmp/one.txt" >/dev/null 2>&1

for lang in $languages; do
  mo="$localedir/$lang/LC_MESSAGES/$domain.mo"
  if [ -f "$mo" ]; then
    ok "$lang: $domain.mo is installed"
  else
    not_ok "$lang: $domain.mo is installed" "$mo is missing"
    continue
  fi

  # Help
  want=$(tr_ "$lang" "Commands:")
  out=$(run "$lang" --help 2>&1)
  if [ "$want" != "Commands:" ] && [[ $out == *"$want"* ]]; then
    ok "$lang: --help is translated"
  else
    not_ok "$lang: --help is translated" "expected “$want” in:" "$out"
  fi

  # A usage error
  want=$(tr_ "$lang" "Try “actorgraph-cli --help” for the list of commands.
")
  out=$(run "$lang" no-such-command 2>&1)
  if [[ $out == *"$want"* ]]; then
    ok "$lang: a usage error is translated"
  else
    not_ok "$lang: a usage error is translated" "expected “$want” in:" "$out"
  fi

  # A failure from the core library: the case file does not exist.
  want=$(tr_ "$lang" "missing CASE")
  out=$(run "$lang" info 2>&1)
  if [[ $out == *"$want"* ]]; then
    ok "$lang: a missing argument is reported translated"
  else
    not_ok "$lang: a missing argument is reported translated" "expected “$want” in:" "$out"
  fi
  want=$(tr_ "$lang" "is not a regular file")
  out=$(run "$lang" info "$tmp" 2>&1)
  if [ "$want" != "is not a regular file" ] && [[ $out == *"$want"* ]]; then
    ok "$lang: a failure of the core library is translated"
  else
    not_ok "$lang: a failure of the core library is translated" "expected “$want” in:" "$out"
  fi

  # A plural
  rm -f "$tmp/p.actorgraph"
  form=$(trn "$lang" "%s: %'u file imported
" "%s: %'u files imported
" 2)
  # shellcheck disable=SC2059
  want=$(printf "$form" "$tmp/p.actorgraph" 2)
  out=$(run "$lang" import "$tmp/p.actorgraph" "$tmp/one.txt" "$tmp/two.txt" 2>/dev/null)
  if [ "$out" = "$want" ]; then
    ok "$lang: the import summary takes the plural form"
  else
    not_ok "$lang: the import summary takes the plural form" "expected: $want" "got: $out"
  fi

  # Machine-readable output does not change with the language.
  same_output "$lang: “info --format json”" run "$lang" -- info --format json "$tmp/c.actorgraph"
  same_output "$lang: “extract --format json”" run "$lang" -- extract --format json "$tmp/one.txt"
  # (An SVG's titles and legend are text for people, in the language.)
  for format in dot json graphml; do
    same_file "$lang: the $format export is the same as in English" "$format" C run "$lang"
  done

  # The same in the language's own locale, whose LC_NUMERIC writes "0,5"
  # where C writes "0.5" and would break numbers in files, when localedef
  # can make that locale.
  locale=$lang
  [[ $locale == *_* ]] || locale="${lang}_${lang^^}"
  locale="$locale.UTF-8"
  mkdir -p "$tmp/locale"
  if command -v localedef >/dev/null &&
     { [ -d "$tmp/locale/$locale" ] || localedef -i "${locale%.UTF-8}" -f UTF-8 "$tmp/locale/$locale" >/dev/null 2>&1; }; then
    want=$(tr_ "$lang" "Commands:")
    out=$(run_locale "$locale" --help 2>&1)
    if [[ $out == *"$want"* ]]; then
      ok "$locale: --help is translated in the locale itself"
    else
      not_ok "$locale: --help is translated in the locale itself" "expected “$want” in:" "$out"
    fi
    same_output "$locale: “info --format json”" run_locale "$locale" -- info --format json "$tmp/c.actorgraph"
    for format in dot json graphml; do
      same_file "$locale: the $format export is the same as in English" "$format" C run_locale "$locale"
    done
    # Fonts follow the locale, so an SVG's text may move a little; but its
    # single numbers never take the locale's decimal comma.
    run_locale "$locale" export "$tmp/c.actorgraph" "$tmp/locale.svg" 2>/dev/null
    commas=$(grep -oE ' (x|y|cx|cy|r|rx|ry|width|height|font-size|stroke-width|opacity|fill-opacity|stroke-opacity)="[^"]*,[^"]*"' "$tmp/locale.svg" | sort -u)
    if [ -s "$tmp/locale.svg" ] && [ -z "$commas" ]; then
      ok "$locale: the svg export writes its numbers with a decimal point"
    else
      not_ok "$locale: the svg export writes its numbers with a decimal point" "$commas"
    fi
  else
    skip "$locale: localedef cannot make the locale"
  fi
done

echo "1..$n"
exit $failed
