#!/bin/sh
# tests/test_analyst.sh - the analyst's own slides (text, image, section)
# and the template's logo, on the shipped sample data with the pictures of
# tests/fixtures/analyst/images: the words land in the PDF, the picture and
# the logo are images of the sizes the files have (pdfimages), a missing
# picture is said in a sentence with when_missing = "show", a damaged one
# left out and named, and a JPEG cut short is refused, not shown grey.
. "$(dirname "$0")/shtest.sh"
build=${JEMBRIEF_BUILD:-build}
jb=${JEMBRIEF:-$PWD/$build/jembrief}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/data"
for d in sample-data/*/; do ln -s "$PWD/$d" "$tmp/data/"; done
ln -s "$PWD/tests/fixtures/analyst/images" "$tmp/data/images"
conf=tests/fixtures/analyst/analyst.conf

begin analyst_slides_and_logo
"$jb" -q -d "$tmp/data" -t $conf -o "$tmp/out" hackney 2>"$tmp/err"
check "run succeeds" test $? -eq 0
pdftotext "$tmp/out/hackney.pdf" "$tmp/txt"
check "section title" contains "$tmp/txt" "Local context"
check "text slide title filled" contains "$tmp/txt" "Operation Alder in Hackney"
check "paragraph" contains "$tmp/txt" "Weekly patrols around the market started in March."
check "paragraph placeholders filled" sh -c "grep -Eq '^[0-9,]+ offences in ' '$tmp/txt'"
check "bullet" contains "$tmp/txt" "Second bullet"
check "caption" contains "$tmp/txt" "Photograph supplied by the analyst"
check "missing picture said" contains "$tmp/txt" "No readable picture images/absent.png: there is no such file in the data directory."
# the sources and contents slides wrap it: read with the lines joined
tr -s '\n' ' ' <"$tmp/txt" >"$tmp/joined"
check "damaged picture named" contains "$tmp/joined" "Broken picture (no readable picture images/broken.png: it is neither a PNG nor a JPEG)"
check "7 pages (the damaged one left out)" sh -c "pdfinfo '$tmp/out/hackney.pdf' | grep -q '^Pages: *7$'"
pdfimages -list "$tmp/out/hackney.pdf" | awk 'NR > 2 {print $1, $4, $5}' >"$tmp/img"
# the logo (120 x 40) on the title slide and in every footer (pages 2-7:
# the section divider has none), the photograph (160 x 90) on page 5
check "logo on the title slide" contains "$tmp/img" "1 120 40"
check "logo in the footers" test "$(grep -c ' 120 40$' "$tmp/img")" -eq 6
check "photograph on its slide" contains "$tmp/img" "5 160 90"
check "qpdf --check" sh -c "qpdf --check '$tmp/out/hackney.pdf' >/dev/null"
end

begin analyst_logo_unreadable_is_said_not_fatal
sed 's|images/logo.png|images/cut.jpg|' $conf >"$tmp/cut.conf"
"$jb" -d "$tmp/data" -t "$tmp/cut.conf" -o "$tmp/out2" hackney >/dev/null 2>"$tmp/err2"
check "run succeeds" test $? -eq 0
check "said" contains "$tmp/err2" "logo left out: no readable picture images/cut.jpg: it is a JPEG cut short or damaged"
check "only the photograph drawn" test "$(pdfimages -list "$tmp/out2/hackney.pdf" | tail -n +3 | wc -l)" -eq 1
end

begin analyst_image_slide_needs_its_file_and_alt_text
printf '%s\n' 'theme = { id = "x"; title = "X"; mps = ( { major = "ROBBERY"; } ); };' \
	'slides = ( { kind = "image"; title = "T"; image = "a.png"; } );' >"$tmp/noalt.conf"
"$jb" -q -d "$tmp/data" -t "$tmp/noalt.conf" -o "$tmp/out3" hackney 2>"$tmp/err3"
check "refused" test $? -ne 0
check "says why, at its line" contains "$tmp/err3" "noalt.conf:2: an image slide needs 'alt"
end

begin shipped_commentary_and_text_slide_in_hackney_only
"$jb" -q -d sample-data -o "$tmp/ship" hackney camden 2>"$tmp/err4"
check "run succeeds" test $? -eq 0
pdftotext "$tmp/ship/hackney.pdf" "$tmp/h.txt"
pdftotext "$tmp/ship/camden.pdf" "$tmp/c.txt"
# the commentary slide follows the key findings (page 3), the text slide before it
pdftotext -f 5 -l 5 "$tmp/ship/hackney.pdf" "$tmp/h5.txt"
check "commentary slide after the key findings" contains "$tmp/h5.txt" "Commentary from the borough analyst"
check "marked as the analyst's" contains "$tmp/h5.txt" "The analyst's words, not figures from the data"
check "both general notes" sh -c "grep -q 'Hackney Wick hub' '$tmp/h5.txt' && grep -q 'CCTV review' '$tmp/h5.txt'"
check "trend note in a box on the trend slide" sh -c "pdftotext -f 8 -l 8 '$tmp/ship/hackney.pdf' - | grep -q \"Analyst's note\" && pdftotext -f 8 -l 8 '$tmp/ship/hackney.pdf' - | grep -q 'Christmas market'"
check "the text slide" contains "$tmp/h.txt" "Operation Alder: the local response in Hackney"
check "its placeholder filled" contains "$tmp/h.txt" "The pack's figures run to February 2026"
check "its bullets" contains "$tmp/h.txt" "Results come to the next meeting"
check "not in Camden's deck" lacks "$tmp/c.txt" "Operation Alder"
check "no commentary slide in Camden's" lacks "$tmp/c.txt" "analyst"
check "Camden's contents say nothing left out for it" lacks "$tmp/c.txt" "Commentary from"
check "qpdf --check" sh -c "qpdf --check '$tmp/ship/hackney.pdf' >/dev/null"
end

begin commentary_bad_rows_set_aside_and_unplaced_notes_said
mkdir -p "$tmp/d5/commentary"
for d in sample-data/*/; do case $d in */commentary/) ;; *) ln -s "$PWD/$d" "$tmp/d5/";; esac; done
cat >"$tmp/d5/commentary/notes.csv" <<'CSV'
borough,slide,text
Hackney,image,For a picture slide this deck does not have.
Narnia,,A borough that is not one.
Hackney,trendz,A slide kind that is not one.
Hackney,0,No page 0.
Hackney,,
Hackney,2,On the contents page.
CSV
"$jb" -d "$tmp/d5" -o "$tmp/out5" hackney >/dev/null 2>"$tmp/err5"
check "run succeeds" test $? -eq 0
check "unknown borough at its line" contains "$tmp/err5" "commentary/notes.csv:3: column 'borough': not one of the 32 boroughs"
check "unknown kind at its line" contains "$tmp/err5" "commentary/notes.csv:4: column 'slide': neither a page number"
check "page 0 at its line" contains "$tmp/err5" "commentary/notes.csv:5: column 'slide'"
check "blank text at its line" contains "$tmp/err5" "commentary/notes.csv:6: column 'text': blank"
pdftotext "$tmp/out5/hackney.pdf" "$tmp/t5"
check "a note for a slide not in the deck says so" contains "$tmp/t5" "For a picture slide this deck does not have. (written for the image slide, which this deck does not have)"
check "a page's note on that page" sh -c "pdftotext -f 2 -l 2 '$tmp/out5/hackney.pdf' - | grep -q 'On the contents page.'"
check "bad rows not shown" lacks "$tmp/t5" "Narnia"
check "data-quality counts 2 kept, 4 bad" contains "$tmp/out5/data-quality.csv" "commentary/notes.csv,analyst's commentary (project schema),6,2,0,4,"
end

begin slide_boroughs_must_be_boroughs
sed 's|^  { kind = "section"; title = "Local context";|  { kind = "section"; boroughs = [ "Hackney", "Gotham" ]; title = "Local context";|' $conf >"$tmp/bb.conf"
"$jb" -q -d "$tmp/data" -t "$tmp/bb.conf" -o "$tmp/out6" hackney 2>"$tmp/err6"
check "refused" test $? -ne 0
check "says which, at its line" contains "$tmp/err6" "bb.conf:15: 'boroughs': 'Gotham' is not one of the 32 boroughs"
end

# The reference: the five most similar of the dump without --compare, and
# the codes of the boroughs named (GSS codes of the boroughs file).
begin comparators_chosen_by_the_analyst
"$jb" -q -d sample-data --dump-findings hackney 2>/dev/null >"$tmp/d0"
similar=$(grep -m1 '^  context imd_mean' "$tmp/d0" | sed 's/.* similar //' |
	awk '{ for (i = 1; i <= NF; i++) printf "%ssimilar:%s", (i > 1 ? " " : ""), $i }')
"$jb" -q -d sample-data --dump-findings --compare "Camden, Islington" hackney 2>/dev/null >"$tmp/d1"
check "beside: the five most similar, then the analyst's" contains "$tmp/d1" "  comparators $similar chosen:E09000007 chosen:E09000019"
grep -m1 '^  context imd_mean' "$tmp/d0" >"$tmp/s0"
grep -m1 '^  context imd_mean' "$tmp/d1" >"$tmp/s1"
check "the similar list itself unchanged" cmp -s "$tmp/s0" "$tmp/s1"
"$jb" -q -d sample-data --dump-findings --compare "Camden, Islington, Hackney" --compare-instead hackney 2>/dev/null >"$tmp/d2"
check "instead: the analyst's only, never the borough itself" contains "$tmp/d2" "  comparators chosen:E09000007 chosen:E09000019
"
"$jb" -q -d sample-data -o "$tmp/cmp" --compare "Camden, Islington" --compare-instead hackney 2>/dev/null
pdftotext "$tmp/cmp/hackney.pdf" "$tmp/cmp.txt"
check "the comparison note says whose choice" contains "$tmp/cmp.txt" "Compared with Camden and Islington, chosen by the analyst in place of the five most similar"
check "the tables compare with them" contains "$tmp/cmp/hackney/data/exclusion-truancy.csv" ",2,Camden; Islington,E09000007; E09000019"
check "and say they were chosen" contains "$tmp/cmp/hackney/data/youth-justice.csv" "E09000007,Camden,chosen"
"$jb" -q -d sample-data -o "$tmp/cmp2" --compare "Camden, Islington" hackney 2>/dev/null
pdftotext "$tmp/cmp2/hackney.pdf" "$tmp/cmp2.txt"
check "beside: the note names both" contains "$tmp/cmp2.txt" "Compared with Camden and Islington, chosen by the analyst, beside the most similar boroughs"
"$jb" -q -d sample-data --dump-findings --compare "Narnia" hackney >/dev/null 2>"$tmp/e1"
check "an unknown borough refused" contains "$tmp/e1" "jembrief: --compare: 'Narnia' is not one of the 32 boroughs"
"$jb" -q -d sample-data --dump-findings --compare-instead hackney >/dev/null 2>"$tmp/e2"
check "instead of nothing refused" contains "$tmp/e2" "--compare-instead needs boroughs to compare with"
# in the template: theme compare = [...] (eight at most)
sed 's|^  logo = "images/logo.png";|  compare = [ "Camden" ]; compare_instead = true;|' $conf >"$tmp/cmp.conf"
"$jb" -q -d "$tmp/data" -t "$tmp/cmp.conf" --dump-findings hackney 2>/dev/null >"$tmp/d3"
check "the template's compare" contains "$tmp/d3" "  comparators chosen:E09000007
"
sed 's|^  logo = "images/logo.png";|  compare = [ "Camden", "Islington", "Lambeth", "Southwark", "Brent", "Barnet", "Ealing", "Bexley", "Sutton" ];|' $conf >"$tmp/cmp9.conf"
"$jb" -q -d "$tmp/data" -t "$tmp/cmp9.conf" --dump-findings hackney >/dev/null 2>"$tmp/e3"
check "more than eight refused at its line" contains "$tmp/e3" "cmp9.conf:8: 'compare': more than 8 boroughs to compare with"
end

# Hackney's 20 listed slides (two more than other decks) and a slide left
# out: the contents' two columns close up so that no entry reaches the line
# naming the slides left out (pdftotext -bbox: every word above that line's
# top, but the line's own and the footer's).
begin contents_entries_clear_of_the_left_out_line
pdftotext -f 2 -l 2 -bbox "$tmp/ship/hackney.pdf" "$tmp/bbox.html"
check "no entry reaches the left-out line" python3 - "$tmp/bbox.html" <<'PY'
import re, sys
words = [(float(a), float(b), w) for a, b, w in
         re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', open(sys.argv[1]).read())]
left = [w for w in words if w[2] == "Left"]
assert left, "no left-out line"
top = left[0][0]
# words reaching below the line's top, not on it, and above the footer rule
clash = [w for w in words if w[1] > top + 0.5 and abs(w[0] - top) > 2 and w[0] < 506]
sys.exit(1 if clash else 0)
PY
end
