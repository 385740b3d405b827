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
check "damaged picture named" contains "$tmp/txt" "Broken picture (no readable picture images/broken.png: it is neither a PNG nor a JPEG)"
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
