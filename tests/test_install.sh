#!/bin/sh
# tests/test_install.sh - make install into a temporary DESTDIR, then the
# installed binary, run from another directory, finds its templates and
# sample data and writes the London batch; JEMBRIEF_TEMPLATES and
# JEMBRIEF_DATA override the shipped ones; the checkout's binary works from
# another directory too; make uninstall removes every file installed.
. "$(dirname "$0")/shtest.sh"
build=${JEMBRIEF_BUILD:-build}
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
prefix=/usr/local
share=$dest$prefix/share/jembrief
bin=$dest$prefix/bin/jembrief

begin make_install_puts_every_file_in_place
make -s --no-print-directory BUILD="$build" PREFIX=$prefix DESTDIR="$dest" install >"$tmp/install.log" 2>&1
check "make install" test $? -eq 0 || cat "$tmp/install.log"
check "binary" test -x "$bin"
for t in templates/*.conf; do
	check "$t" cmp -s "$t" "$share/$t"
done
check "sample data" cmp -s sample-data/SOURCES.md "$share/sample-data/SOURCES.md"
check "every sample data file" sh -c "cd sample-data && find . -type f ! -name '*.c' | while read -r f; do cmp -s \"\$f\" '$share/sample-data/'\"\$f\" || exit 1; done"
check "man page" test -s "$dest$prefix/share/man/man1/jembrief.1"
check "licence" cmp -s LICENSE "$dest$prefix/share/doc/jembrief/LICENSE"
check "the compiled-in DATADIR" sh -c "'$bin' --help | grep -qF '$prefix/share/jembrief/templates'"
end

begin installed_binary_writes_the_batch_from_another_directory
mkdir -p "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 2
"$bin" --data "$share/sample-data" --out briefs -q -j 2 >"$tmp/run.log" 2>&1
rc=$?
cd "$root" || exit 2
check "exit 0" test "$rc" -eq 0 || cat "$tmp/run.log"
check "33 decks" test "$(ls "$tmp/elsewhere/briefs"/*.pdf | wc -l)" -eq 33
check "the overview" test -s "$tmp/elsewhere/briefs/london-overview.pdf"
check "summary.csv: 32 boroughs and London" test "$(wc -l <"$tmp/elsewhere/briefs/summary.csv")" -eq 34
check "a deck is a PDF" qpdf --check "$tmp/elsewhere/briefs/hackney.pdf" >/dev/null
end

begin installed_binary_uses_its_own_templates_and_data
cd "$tmp/elsewhere" || exit 2
"$bin" --check >"$tmp/check" 2>&1
cd "$root" || exit 2
check "installed template" contains "$tmp/check" "template  $dest$prefix/bin/../share/jembrief/templates/serious-youth-violence.conf"
check "installed sample data by default" contains "$tmp/check" "data      $dest$prefix/bin/../share/jembrief/sample-data: 24 files read"
end

begin environment_overrides_the_shipped_paths
mkdir -p "$tmp/mytemplates"
cp templates/*.conf "$tmp/mytemplates/"
sed 's/^\(\s*title = \)"[^"]*";/\1"My own theme";/' templates/all-violence.conf >"$tmp/mytemplates/all-violence.conf"
(cd "$tmp/elsewhere" && JEMBRIEF_TEMPLATES="$tmp/mytemplates" JEMBRIEF_DATA="$share/sample-data" \
	"$bin" --check --theme all-violence) >"$tmp/check" 2>&1
check "JEMBRIEF_TEMPLATES" contains "$tmp/check" "template  $tmp/mytemplates/all-violence.conf"
check "JEMBRIEF_DATA" contains "$tmp/check" "data      $share/sample-data:"
(cd "$tmp/elsewhere" && JEMBRIEF_DATA="$tmp/none" "$bin" --check) >"$tmp/check" 2>&1
check "a JEMBRIEF_DATA that is not there is an error" test $? -eq 2
check "naming it" contains "$tmp/check" "$tmp/none"
(cd "$tmp/elsewhere" && JEMBRIEF_DATA="$tmp/none" "$bin" --check --data "$share/sample-data") >"$tmp/check" 2>&1
check "--data wins over JEMBRIEF_DATA" test $? -eq 0
(cd "$tmp/elsewhere" && "$bin" --check --theme no-such) >"$tmp/check" 2>&1
check "an unknown theme names the folders looked in" contains "$tmp/check" "$prefix/share/jembrief/templates"
end

begin checkout_binary_runs_from_another_directory
(cd /tmp && "$root/$build/jembrief" --check) >"$tmp/check" 2>&1
check "exit 0" test $? -eq 0
check "the checkout's templates" contains "$tmp/check" "template  $root/templates/serious-youth-violence.conf"
check "the checkout's sample data" contains "$tmp/check" "data      $root/sample-data: 24 files read"
end

begin make_uninstall_removes_everything_it_installed
# a file of someone else's in DATADIR stays, with its folder
echo mine >"$share/notes.txt"
make -s --no-print-directory BUILD="$build" PREFIX=$prefix DESTDIR="$dest" uninstall >/dev/null 2>&1
check "make uninstall" test $? -eq 0
left=$(find "$dest" -type f ! -path "$share/notes.txt" | head -5)
check "no file of ours left: $left" test -z "$left"
check "no folder of ours left" test ! -e "$share/sample-data" -a ! -e "$share/templates"
check "another file kept" test -f "$share/notes.txt"
end

[ "$sh_failed" = 0 ]
