#!/bin/sh
# tests/bench.sh [BUILD] - make bench: the London batch at Met scale, timed
# against a floor measured in the same run.
#
# 1. build/generate-street writes BENCH_MONTHS (36) months of synthetic
#    Metropolitan Police street-level files, BENCH_ROWS (95,000) rows a month
#    on average, into a temporary data directory; the rest of sample-data/
#    is linked in beside them (its City of London street files are left out,
#    so the street data is the Met's alone).
# 2. The floor: build/bench-parse parses every CSV file of that directory
#    with libcsv and does nothing else.
# 3. The batch: ./jembrief --data TMP --out TMP/out (32 decks).
# Each is run BENCH_RUNS (3) times, alternately (so a busy machine slows
# both alike), timed by build/bench-run; the best wall time counts, with
# the largest peak resident set size seen. Prints both, their
# ratio and rows per second, and fails when the batch takes more than
# BENCH_MAX_RATIO (3) times the floor. Not part of make test.
set -eu
build=${1:-build}
months=${BENCH_MONTHS:-36}
rows=${BENCH_ROWS:-95000}
runs=${BENCH_RUNS:-3}
max_ratio=${BENCH_MAX_RATIO:-3}
cd "$(dirname "$0")/.."
root=$PWD

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jembrief-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
data=$tmp/data
mkdir -p "$data/crime"
for d in sample-data/*/; do
	d=${d%/}
	[ "$(basename "$d")" = crime ] || ln -s "$root/$d" "$data/"
done
for f in sample-data/crime/*; do
	[ -f "$f" ] && ln -s "$root/$f" "$data/crime/"
done

echo "bench: generating $months months of Met street data, about $rows rows a month"
"$build/generate-street" --data sample-data --months "$months" --rows-per-month "$rows" \
	--out "$data/crime/police-uk-street"

files=$tmp/files
find -L "$data" -type f \( -name '*.csv' -o -name '*.csv.gz' \) | LC_ALL=C sort >"$files"
street_rows=$(find "$data/crime/police-uk-street" -name '*.csv' -exec cat {} + | wc -l)
nstreet=$(find "$data/crime/police-uk-street" -name '*.csv' | wc -l)
street_rows=$((street_rows - nstreet)) # headers

echo "bench: floor (parse $(wc -l <"$files") CSV files with libcsv) and batch" \
	"(./jembrief --data TMP --out TMP/out), alternately, best of $runs"
# shellcheck disable=SC2046
"$build/bench-parse" $(cat "$files") >"$tmp/parse.out"
records=$(awk '{print $4}' "$tmp/parse.out")
bytes=$(awk '{print $8}' "$tmp/parse.out")
: >"$tmp/floor.txt"
: >"$tmp/batch.txt"
i=0
while [ "$i" -lt "$runs" ]; do
	# shellcheck disable=SC2046
	"$build/bench-run" 1 "$build/bench-parse" $(cat "$files") | tail -n 1 >>"$tmp/floor.txt"
	"$build/bench-run" 1 ./jembrief --quiet --data "$data" --out "$tmp/out" |
		tail -n 1 >>"$tmp/batch.txt"
	i=$((i + 1))
done
# best wall time, largest peak RSS: "best S worst S rss_kb K"
best() { sort -n -k2 "$1" | awk 'NR == 1 {t = $2} $6 > r {r = $6} END {print "best", t, "worst", t, "rss_kb", r}'; }
floor=$(best "$tmp/floor.txt")
batch=$(best "$tmp/batch.txt")
ndecks=$(find "$tmp/out" -maxdepth 1 -name '*.pdf' | wc -l)

awk -v floor="$floor" -v batch="$batch" -v records="$records" -v street="$street_rows" \
    -v bytes="$bytes" -v decks="$ndecks" -v months="$months" -v max="$max_ratio" 'BEGIN {
	split(floor, f, " "); split(batch, b, " ")
	ft = f[2]; bt = b[2]; fr = f[6]; br = b[6]
	printf "\njembrief bench: %d months of Met street data, %d street rows; %d CSV records, %.0f MB of CSV\n",
		months, street, records, bytes / 1e6
	printf "  %-34s %8s %14s %12s\n", "", "wall (s)", "records/s", "peak RSS"
	printf "  %-34s %8.2f %14.0f %9.0f MB\n", "floor: libcsv parse only", ft, records / ft, fr / 1024
	printf "  %-34s %8.2f %14.0f %9.0f MB\n", sprintf("batch: jembrief, %d decks", decks), bt, records / bt, br / 1024
	ratio = bt / ft
	printf "  batch / floor: %.2f (target <= %s): %s\n", ratio, max, ratio <= max ? "within" : "OVER"
	exit ratio <= max ? 0 : 1
}'
