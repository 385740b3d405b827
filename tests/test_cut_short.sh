#!/bin/sh
# tests/test_cut_short.sh - a borough-level crime file cut short (a partial
# download: the file ends mid-row, after the boroughs that sort first) must
# not give London a total made of the boroughs that are there, nor rank a
# borough "of the 32" among the few that are. Before the fix Hackney's
# deck read "the highest rate of the 32 boroughs (London 4.9)": London's
# rate over 16 boroughs' offences. The boroughs the cut file holds are
# counted here with awk, independently of the program.
. "$(dirname "$0")/shtest.sh"
build=${JEMBRIEF_BUILD:-build}
jb=${JEMBRIEF:-$PWD/$build/jembrief}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/data"
for d in sample-data/*/; do
	[ "$d" = sample-data/crime/ ] || ln -s "$PWD/$d" "$tmp/data/"
done
mkdir "$tmp/data/crime"
for f in sample-data/crime/*; do
	case "$f" in *borough-level*) ;; *) ln -s "$PWD/$f" "$tmp/data/crime/" ;; esac
done
# The 2024-2026 file alone, cut at 60,000 bytes: the last row is partial.
gzip -dc sample-data/crime/mps-borough-level-crime-2024-2026.csv.gz | head -c 60000 \
	>"$tmp/data/crime/mps-borough-level-crime-2024-2026.csv"
# The boroughs in the cut file (its borough name column, complete rows
# only), counted by python's csv module
n=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
col = rows[0].index("boroughname")
print(len({r[col] for r in rows[1:] if len(r) == len(rows[0])} - {"City of London"}))
' "$tmp/data/crime/mps-borough-level-crime-2024-2026.csv")

begin cut_short_file_gives_no_london_total_and_no_ranks
"$jb" -q -j 1 -d "$tmp/data" -o "$tmp/out" hackney 2>"$tmp/err"
check "run succeeds" test $? -eq 0
check "the partial last row is reported at its line" contains "$tmp/err" "borough-level-crime-2024-2026.csv:"
check "the cut file holds some boroughs but not all (awk: $n)" test "$n" -gt 1 -a "$n" -lt 32
pdftotext "$tmp/out/hackney.pdf" "$tmp/txt"
check "Hackney's own rate is still shown" contains "$tmp/txt" "13.3"
check "the tile says why nothing is ranked" contains "$tmp/txt" "not ranked: only $n of the 32 boroughs are in the"
check "no rate rank of the 32" lacks "$tmp/txt" "rate of the 32 boroughs (London"
check "no London rate beside the tile" lacks "$tmp/txt" "of the 32 boroughs; London"
check "no change rank of the 32" lacks "$tmp/txt" "largest fall of the 32"
end

exit $sh_failed
