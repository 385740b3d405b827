#!/bin/sh
# tests/test_cli.sh - the command line as a user meets it: --help, the man
# page and the README agree; --version in the GNU form; every error starts
# "jembrief:"; close matches for a mistyped borough; -o - refused; --check
# writes nothing; --dump-findings BOROUGH and --format=json; --dump-display
# DECK is the deck a run writes, as text; a missing font
# is reported before any data are read; thousands of distinct reasons for
# rows set aside are counted and listed; a survey with more measures than
# its slide shows.
. "$(dirname "$0")/shtest.sh"
build=${JEMBRIEF_BUILD:-build}
jb=${JEMBRIEF:-$PWD/$build/jembrief}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

begin man_page_and_readme_show_every_option
"$jb" --help >"$tmp/help"
# wide, so that no option is hyphenated; overstrikes removed
MANWIDTH=250 man -l "$build/jembrief.1" 2>/dev/null | sed 's/.\x08//g' >"$tmp/man"
check "man page rendered" test -s "$tmp/man"
grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u >"$tmp/options"
grep -o 'JEMBRIEF_[A-Z_]*' "$tmp/help" | sort -u >"$tmp/env"
check "options found in --help" test "$(wc -l <"$tmp/options")" -ge 18
check "environment found in --help" test "$(wc -l <"$tmp/env")" -ge 5
while read -r opt; do
	check "man page shows $opt" contains "$tmp/man" "$opt"
	check "README shows $opt" contains README.md "$opt"
done <"$tmp/options"
while read -r var; do
	check "man page shows $var" contains "$tmp/man" "$var"
	check "README shows $var" contains README.md "$var"
done <"$tmp/env"
check "no JB_ environment variable left" lacks "$tmp/help" 'JB_'
end

begin version_is_gnu_form_and_names_the_licence
"$jb" --version >"$tmp/version"
check "name and version" sh -c "head -1 '$tmp/version' | grep -Eq '^jembrief [0-9]+\.[0-9]+\.[0-9]+$'"
check "copyright line" sh -c "sed -n 2p '$tmp/version' | grep -q '^Copyright (C) [0-9]\{4\} '"
check "licence line" sh -c "sed -n 3p '$tmp/version' | grep -q '^License MIT'"
check "no warranty" contains "$tmp/version" "There is NO WARRANTY"
check "LICENSE file" sh -c "head -1 LICENSE | grep -q '^MIT License'"
check "README names LICENSE" contains README.md "LICENSE"
check "sample data licence named" contains "$tmp/version" "Open Government Licence"
end

# every line of stderr starts with "jembrief:", and the status is 2
errors_start_with_name() {
	"$jb" "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || { echo "  $*: exit $rc, not 2"; return 1; }
	[ -s "$tmp/err" ] || { echo "  $*: no message"; return 1; }
	if grep -v '^jembrief: ' "$tmp/err"; then
		echo "  $*: the lines above do not start with 'jembrief: '"
		return 1
	fi
}

begin errors_start_with_jembrief
check "unknown long option" errors_start_with_name --no-such-option
check "unknown short option" errors_start_with_name -Z
check "missing argument" errors_start_with_name --data
check "bad period" errors_start_with_name --period 2026-13
check "bad jobs" errors_start_with_name --jobs 0
check "unknown borough" errors_start_with_name Zork
check "unknown theme" errors_start_with_name --theme no-such-theme
check "bad format" errors_start_with_name --dump-findings --format xml
check "format alone" errors_start_with_name --format json
check "missing data dir" errors_start_with_name --data "$tmp/none" --check
check "out to stdout" errors_start_with_name -o -
check "dump-display without a deck" errors_start_with_name --dump-display
check "dump-display of no borough" errors_start_with_name --dump-display Zork
check "dump-display and operands" errors_start_with_name --dump-display hackney camden
check "dump-display and dump-findings" errors_start_with_name --dump-display hackney --dump-findings
check "dump-display and check" errors_start_with_name --dump-display hackney --check
end

begin messages_about_input_rows_and_the_rest
mkdir -p "$tmp/bad/crime" "$tmp/bad/youth-services"
cp sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz "$tmp/bad/crime/"
printf 'name,borough,type,lon,lat\nClub,Hackney,Youth club,-0.05,51.54\nX,Gotham,Youth club,-0.05,51.54\nY,Hackney,Youth club,abc,51.54\n' \
	>"$tmp/bad/youth-services/s.csv"
"$jb" --check --data "$tmp/bad" >/dev/null 2>"$tmp/err"
check "the run can go ahead" test $? -eq 0
check "the bad row, by file and line" contains "$tmp/err" "youth-services/s.csv:3: column 'borough'"
# the rows' diagnostics are FILE:LINE: ...; every other line starts jembrief:
check "every other line starts jembrief:" sh -c "! grep -v '^jembrief: \|^youth-services/s.csv:[0-9]*: ' '$tmp/err'"
check "out of scope is not an error" contains "$tmp/err" "out of scope (not errors)"
end

begin unknown_borough_lists_close_matches
"$jb" Barking 2>"$tmp/err"
check "Barking -> Barking and Dagenham" contains "$tmp/err" "did you mean Barking and Dagenham?"
"$jb" --check "City of Westminster" >/dev/null 2>&1
check "City of Westminster is Westminster" test $? -eq 0
"$jb" "Royal Borough of Greenwich" 2>"$tmp/err"
check "a longer name holding one: Greenwich" contains "$tmp/err" "did you mean Greenwich?"
"$jb" Hackny 2>"$tmp/err"
check "a slip: Hackny -> Hackney" contains "$tmp/err" "did you mean Hackney?"
"$jb" Richmond-upon-Tames 2>"$tmp/err"
check "a slip in a slug" contains "$tmp/err" "did you mean Richmond upon Thames?"
"$jb" Zork 2>"$tmp/err"
check "nothing close: how to name one" contains "$tmp/err" "'london' for the overview"
end

begin london_alone_writes_the_overview
"$jb" london -q -j 2 --out "$tmp/london" >"$tmp/london.log" 2>&1
check "exit 0" test $? -eq 0
check "the overview deck" qpdf --check "$tmp/london/london-overview.pdf" >/dev/null
check "no borough deck" test "$(ls "$tmp/london"/*.pdf | wc -l)" -eq 1
check "its tables" test -s "$tmp/london/london-overview/data/trend.csv"
# one line: a sentence may wrap on the slide
pdftotext "$tmp/london/london-overview.pdf" - | tr -s '\n ' '  ' >"$tmp/london.txt"
check "the boroughs side by side" contains "$tmp/london.txt" "Barking and Dagenham"
# the sources slide: rows about other areas are out of scope, not errors
# (316 + 49,643 = the dashboard's 49,959 rows not about the 32 boroughs)
check "sources: out of scope column" contains "$tmp/london.txt" "Out of scope"
check "sources: not errors" contains "$tmp/london.txt" "49,643 rows out of scope, not errors: area_type is not Borough"
end

begin out_dash_is_refused_with_a_reason
"$jb" -o - 2>"$tmp/err"
check "says why" contains "$tmp/err" "a batch is many files"
check "says what to do" contains "$tmp/err" "give a folder"
end

begin check_reports_and_writes_nothing
cd "$tmp" || exit 2
"$jb" --check --out "$tmp/never" >"$tmp/check" 2>"$tmp/check.err"
rc=$?
cd - >/dev/null || exit 2
check "exit 0" test "$rc" -eq 0
check "template path" contains "$tmp/check" "templates/serious-youth-violence.conf (theme serious-youth-violence"
check "data directory" contains "$tmp/check" "sample-data: 24 files read"
check "period" contains "$tmp/check" "period    2023-03 to 2026-02"
check "what is missing" contains "$tmp/check" "not supplied: adult offender management"
check "fonts" contains "$tmp/check" "DejaVuSans-Bold.ttf"
check "decks" contains "$tmp/check" "33 decks"
check "out not created" test ! -e "$tmp/never"
check "nothing written in the working directory" test ! -e "$tmp/out"
mkdir -p "$tmp/empty"
"$jb" --check --data "$tmp/empty" >"$tmp/check2" 2>&1
check "a data directory without crime data fails the check" test $? -eq 2
check "saying why" contains "$tmp/check2" "jembrief: $tmp/empty: no data file found"
end

begin dump_findings_of_one_borough
"$jb" -q --dump-findings Hackney >"$tmp/hackney.txt"
"$jb" -q --dump-findings >"$tmp/all.txt"
check "Hackney's block" contains "$tmp/hackney.txt" "area E09000012 Hackney"
check "no other borough" lacks "$tmp/hackney.txt" "area E09000002"
check "no London block" lacks "$tmp/hackney.txt" "area E12000007"
check "Hackney's hot spots" contains "$tmp/hackney.txt" "hot E09000012"
check "only Hackney's hot spots" test "$(grep -c '^hot E09' "$tmp/hackney.txt")" -eq 1
check "London-wide lines kept" contains "$tmp/hackney.txt" "period_end 2026-02"
# Hackney's lines are the full dump's, in order: nothing is added
check "a subsequence of the full dump" sh -c \
	"grep -vxFf '$tmp/all.txt' '$tmp/hackney.txt' | grep -q . && exit 1 || exit 0"
# the block, as the full dump has it, all there
sed -n '/^area E09000012 /,/^area /p' "$tmp/all.txt" | sed '$d' >"$tmp/block"
check "Hackney's whole block" sh -c "grep -cxFf '$tmp/block' '$tmp/hackney.txt' | grep -qx \"\$(wc -l <'$tmp/block')\""
end

begin dump_findings_as_json
"$jb" -q --dump-findings --format=json Hackney london >"$tmp/f.json"
check "valid JSON, the areas asked for, the same figures as the text dump" python3 - "$tmp/f.json" "$tmp/all.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read().split("\n")
assert [a["code"] for a in d["areas"]] == ["E09000012", "E12000007"], d["areas"]
assert d["period_end"] == "2026-02" and d["theme"] == "serious-youth-violence"
h = d["areas"][0]
# "area E09000012 Hackney" then "  change last12 N prev12 N pct P ..."
i = text.index("area E09000012 Hackney")
ch = next(l for l in text[i:] if l.startswith("  change ")).split()
assert h["change"]["count_last12"] == float(ch[2]) and h["change"]["count_prev12"] == float(ch[4]), ch
assert abs(h["change"]["change_pct"] - float(ch[6])) < 5e-5
assert len(h["monthly"]) == 36 and h["monthly"][-1]["month"] == "2026-02"
assert sum(m["count"] for m in h["monthly"][-12:]) == h["change"]["count_last12"]
assert d["areas"][1]["rate_rank"] is None  # London has no rank: null, not 0
PY
end

begin dump_findings_of_a_group_as_json
"$jb" -q --dump-findings --format=json --group "Central East: Hackney, Tower Hamlets" \
	Hackney "Tower Hamlets" >"$tmp/g.json"
check "the group after its members: no code, its members listed, its counts their sums" \
	python3 - "$tmp/g.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
a = {x["name"]: x for x in d["areas"]}
assert [x["name"] for x in d["areas"]] == ["Hackney", "Tower Hamlets", "Central East"], list(a)
g, h, t = a["Central East"], a["Hackney"], a["Tower Hamlets"]
assert g["code"] is None and g["members"] == ["E09000012", "E09000030"], g
for k in ("count_last12", "count_prev12"):
    assert g["change"][k] == h["change"][k] + t["change"][k], k
assert g["population"] == h["population"] + t["population"]
assert abs(g["share_of_london_pct"] - h["share_of_london_pct"] - t["share_of_london_pct"]) < 1e-9
assert g["rate_rank"] is None and g["lsoa_count_last12"] is None  # not made for a group: null
assert g["similar_boroughs"] is None and len(h["similar_boroughs"]) == 5
assert [m["count"] for m in g["monthly"]] == [x["count"] + y["count"] for x, y in zip(h["monthly"], t["monthly"])]
PY
end

begin missing_font_reported_before_the_data
JEMBRIEF_FONT_DIR="$tmp/no-fonts" "$jb" --data "$tmp/no-data" --out "$tmp/o" >/dev/null 2>"$tmp/err"
check "exit 2" test $? -eq 2
check "names the font" contains "$tmp/err" "$tmp/no-fonts/DejaVuSans.ttf"
check "before reading the data" lacks "$tmp/err" "no-data"
end

[ "$sh_failed" = 0 ]

begin dump_display_is_the_deck_a_run_writes
cd "$tmp" || exit 2
"$jb" -q --dump-display Hackney >"$tmp/display.txt"
rc=$?
cd - >/dev/null || exit 2
check "exit 0" test "$rc" -eq 0
check "nothing written in the working directory" test ! -e "$tmp/out"
"$jb" -q --dump-display E09000012 >"$tmp/display-code.txt"
check "a GSS code names the same deck" cmp -s "$tmp/display.txt" "$tmp/display-code.txt"
"$jb" -q -j 2 --out "$tmp/hackney" hackney >/dev/null 2>&1
pages=$(pdfinfo "$tmp/hackney/hackney.pdf" | sed -n 's/^Pages: *//p')
check "a page line per PDF page" test "$(grep -c '^page ' "$tmp/display.txt")" -eq "$pages"
check "the deck's title" sh -c "head -1 '$tmp/display.txt' | grep -q '^deck title=\"Serious youth violence: Hackney\"'"
# the PDF date is the run's: the first day after the period, 2026-03-01
check "the run's PDF date" contains "$tmp/display.txt" " epoch=1772323200 "
check "the key findings slide" contains "$tmp/display.txt" 'outline="Key findings"'
"$jb" -q --dump-display london >"$tmp/london-display.txt"
check "the overview deck" sh -c "head -1 '$tmp/london-display.txt' | grep -q 'London overview'"
end

# A deck's bytes do not depend on what its writer wrote before: an
# encoder that looked past the end of its input (ISA-L's igzip, tried and
# dropped) made the same deck compress differently when written after
# others, so a batch written by one process and by two differed.
begin deck_bytes_do_not_depend_on_the_decks_before
"$jb" -q --png -j 1 -o "$tmp/one" 2>/dev/null
"$jb" -q --png -j 2 -o "$tmp/two" 2>/dev/null
(cd "$tmp/one" && find . \( -name '*.pdf' -o -name '*.png' \) | sort) >"$tmp/written"
check "decks and previews written" test "$(wc -l <"$tmp/written")" -gt 600
check "every PDF and PNG the same bytes with -j 1 and -j 2" sh -c \
	"cd '$tmp/one' && while read -r f; do cmp -s \"\$f\" '$tmp/two/'\"\$f\" || echo \"\$f\"; done <'$tmp/written' | grep -q . && exit 1 || exit 0"
end

# Thousands of distinct reasons in one file (a homicide file naming 3,000
# places outside London, the first 500 twice): each reason counted once
# with its rows, and the sources slide lists what fits, then how many
# more data-quality.csv holds. Both steps compared every reason with
# every other; 8,000 such rows took 17 s, 25,000 over 90 (a hang).
mkdir -p "$tmp/reasons/crime"
for d in sample-data/*/; do
	[ "$d" = sample-data/crime/ ] || ln -s "$PWD/$d" "$tmp/reasons/"
done
for f in sample-data/crime/*; do
	case "$f" in *homicide*) ;; *) ln -s "$PWD/$f" "$tmp/reasons/crime/" ;; esac
done
python3 -c '
import csv, sys
w = csv.writer(open(sys.argv[1], "w", newline=""))
w.writerow(["Count of Victims", "Age Group", "Sex", "Method of Killing", "Domestic Abuse",
            "Recorded Date", "Homicide Offence Type", "Solved Status", "Borough",
            "Officer Observed Ethnicity"])
for i in range(3500):
    w.writerow([1, "25 to 34", "Male", "Knife or Sharp Implement", "Not Domestic Abuse",
                "Jan-20", "Murder", "Solved", "Elsewhere %d" % (i % 3000), "White"])
' "$tmp/reasons/crime/homicide-elsewhere.csv"

begin many_distinct_reasons_counted_and_listed
"$jb" -q -j 1 -d "$tmp/reasons" -o "$tmp/reasons-out" hackney 2>/dev/null
check "run succeeds" test $? -eq 0
counts=$(python3 -c '
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["file"] == "crime/homicide-elsewhere.csv"]
print(len(rows), sum(r["reason_rows"] == "2" for r in rows), sum(int(r["reason_rows"]) for r in rows))
' "$tmp/reasons-out/data-quality.csv")
check "3,000 reasons, 500 of 2 rows, 3,500 rows in all (python: $counts)" test "$counts" = "3000 500 3500"
n=$(pdfinfo "$tmp/reasons-out/hackney.pdf" | awk '/^Pages:/ {print $2}')
pdftotext -f "$n" -l "$n" "$tmp/reasons-out/hackney.pdf" - | tr -s '\n ' '  ' >"$tmp/reasons.txt"
more=$(grep -o '[0-9]* more notes on the files read' "$tmp/reasons.txt" | cut -d' ' -f1)
check "the sources slide sends the rest to data-quality.csv ($more more)" \
	test "${more:-0}" -ge 3000 -a "${more:-0}" -lt 3100
end

# A survey file with 160 measures (the real one's 8, each 20 times): the
# slide shows the first 8, and says how many more data/confidence.csv
# holds. Before, the
# panels and rows ran off the page and no deck was written.
mkdir -p "$tmp/pas20/confidence"
for d in sample-data/*/; do
	[ "$d" = sample-data/confidence/ ] || ln -s "$PWD/$d" "$tmp/pas20/"
done
zcat sample-data/confidence/*.csv.gz | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
w = csv.writer(open(sys.argv[1], "w", newline=""))
w.writerow(rows[0])
for k in range(20):  # each of the real rows, under 20 names
    for r in rows[1:]:
        w.writerow(r[:3] + ["%s %d" % (r[3], k)] + r[4:])
' "$tmp/pas20/confidence/pas.csv"

begin survey_with_more_measures_than_the_slide_shows
"$jb" -q -j 1 -d "$tmp/pas20" -o "$tmp/pas20-out" hackney 2>/dev/null
check "run succeeds" test $? -eq 0
nm=$(python3 -c '
import csv, sys
print(len({r[3] for r in list(csv.reader(open(sys.argv[1])))[1:]}))
' "$tmp/pas20/confidence/pas.csv")
pdftotext "$tmp/pas20-out/hackney.pdf" - | tr -s '\n ' '  ' >"$tmp/pas20.txt"
check "$nm measures (python); the slide sends $((nm - 8)) to the data table" contains \
	"$tmp/pas20.txt" "$((nm - 8)) more measures: see data/confidence.csv beside the deck"
end
