#!/bin/sh
# tests/bench.sh [BUILD] - make bench: issue 12's targets, each printed with
# its figure, its limit and their ratio; exits 1 when one is missed.
#
# 1. Sample batch: ./jembrief on sample-data/ (32 decks and the overview),
#    best of BENCH_RUNS (3): CPU seconds (user + system of the run and its
#    deck writers), wall seconds, and the largest deck.
# 2. --png: the same batch with PNG previews, best of BENCH_RUNS
#    (BENCH_PNG=0 skips it).
# 3. Met scale: build/generate-street writes BENCH_MONTHS (36) months of
#    synthetic Metropolitan Police street files, BENCH_ROWS (95,000) rows a
#    month on average, beside the rest of sample-data/ (its City of London
#    street files left out). The floors parse the same CSV files in
#    BENCH_JOBS (2) processes at once, as many as the batch's deck writers
#    and reading threads: build/bench-parse (libcsv and nothing else), and
#    plain cat. Floors and batch run alternately (a busy machine slows all
#    alike), best of BENCH_RUNS; peak RSS is the largest seen.
#
# Ratios are taken on CPU seconds, which stay steady when other work shares
# the cores; wall times are printed beside them. The sample batch's wall
# limit (1 s) holds on two idle cores only: the load average is printed.
# BENCH_JEMBRIEF names another binary to time (default ./jembrief). Not
# part of make test.
set -eu
build=${1:-build}
months=${BENCH_MONTHS:-36}
rows=${BENCH_ROWS:-95000}
runs=${BENCH_RUNS:-3}
jobs=${BENCH_JOBS:-2}
png=${BENCH_PNG:-1}
cd "$(dirname "$0")/.."
root=$PWD
run=$root/$build/bench-run
jembrief=${BENCH_JEMBRIEF:-./jembrief} # another build, to compare
parse=$root/$build/bench-parse

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jembrief-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
results=$tmp/results
: >"$results"

# field NAME LINE: the number after NAME in a bench-run line
field() { echo "$2" | awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }
# target NAME FIGURE LIMIT UNIT: one line of the closing table
target() { echo "$1|$2|$3|$4" >>"$results"; }

echo "bench: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

echo "bench: sample batch (./jembrief -d sample-data -j$jobs), best of $runs"
line=$("$run" "$runs" "$jembrief" --quiet --data sample-data --out "$tmp/sample" -j"$jobs" | tail -n 1)
largest=$(find "$tmp/sample" -maxdepth 1 -name '*.pdf' -printf '%s\n' | sort -n | tail -n 1)
target "sample batch: CPU" "$(field cpu "$line")" 1.5 s
target "sample batch: wall" "$(field best "$line")" 1.0 s
target "sample batch: largest deck" "$(echo "$largest" | awk '{printf "%.0f", $1 / 1024}')" 300 KB
target "sample batch: peak RSS" "$(field rss_kb "$line" | awk '{printf "%.0f", $1 / 1024}')" "" MB

if [ "$png" != 0 ]; then
	echo "bench: sample batch with --png, best of $runs"
	line=$("$run" "$runs" "$jembrief" --quiet --png --data sample-data --out "$tmp/png" -j"$jobs" | tail -n 1)
	target "--png batch: CPU" "$(field cpu "$line")" 5 s
fi

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
street_rows=$(find "$data/crime/police-uk-street" -name '*.csv' -exec cat {} + | wc -l)
nstreet=$(find "$data/crime/police-uk-street" -name '*.csv' | wc -l)
street_rows=$((street_rows - nstreet)) # headers

# The files, largest first, dealt in turn to $jobs shares of about equal size.
find -L "$data" -type f \( -name '*.csv' -o -name '*.csv.gz' \) -printf '%s %p\n' |
	sort -k1,1nr -k2 | awk -v n="$jobs" -v dir="$tmp" '{print $2 > (dir "/share." (NR - 1) % n)}'
floor_cmd() { # floor_cmd PROGRAM: a shell command running PROGRAM on every share at once
	i=0
	c=""
	while [ "$i" -lt "$jobs" ]; do
		[ -s "$tmp/share.$i" ] && c="$c xargs -a '$tmp/share.$i' $1 >/dev/null &"
		i=$((i + 1))
	done
	echo "$c wait"
}
parse_floor=$(floor_cmd "$parse")
cat_floor=$(floor_cmd cat)
sh -c "cat $tmp/share.* | xargs $parse" >"$tmp/parse.out"
records=$(awk '{print $4}' "$tmp/parse.out")
bytes=$(awk '{print $8}' "$tmp/parse.out")

echo "bench: $street_rows street rows, $records CSV records, $((bytes / 1000000)) MB of CSV;" \
	"floors ($jobs processes: libcsv, cat) and batch, alternately, best of $runs"
: >"$tmp/parse.txt"
: >"$tmp/cat.txt"
: >"$tmp/batch.txt"
i=0
while [ "$i" -lt "$runs" ]; do
	"$run" 1 sh -c "$parse_floor" | tail -n 1 >>"$tmp/parse.txt"
	"$run" 1 sh -c "$cat_floor" | tail -n 1 >>"$tmp/cat.txt"
	"$run" 1 "$jembrief" --quiet --data "$data" --out "$tmp/out" -j"$jobs" | tail -n 1 >>"$tmp/batch.txt"
	i=$((i + 1))
done
# least of a column over the runs; largest RSS
least() { awk -v k="$2" '{for (i = 1; i < NF; i++) if ($i == k && (m == "" || $(i + 1) < m)) m = $(i + 1)} END {print m}' "$1"; }
most() { awk -v k="$2" '{for (i = 1; i < NF; i++) if ($i == k && $(i + 1) > m) m = $(i + 1)} END {print m}' "$1"; }
pc=$(least "$tmp/parse.txt" cpu) pw=$(least "$tmp/parse.txt" best)
cc=$(least "$tmp/cat.txt" cpu) cw=$(least "$tmp/cat.txt" best)
bc=$(least "$tmp/batch.txt" cpu) bw=$(least "$tmp/batch.txt" best)
rss=$(most "$tmp/batch.txt" rss_kb)
printf '  %-28s %9s %9s\n' "" "CPU (s)" "wall (s)"
printf '  %-28s %9.2f %9.2f\n' "floor: libcsv, $jobs processes" "$pc" "$pw" \
	"floor: cat, $jobs processes" "$cc" "$cw" "batch: jembrief -j$jobs" "$bc" "$bw"
echo "  batch / libcsv floor: $(echo "$bc $pc $bw $pw" | awk '{printf "CPU %.2f, wall %.2f", $1 / $2, $3 / $4}')"
echo "  batch / cat floor:    $(echo "$bc $cc $bw $cw" | awk '{printf "CPU %.2f, wall %.2f", $1 / $2, $3 / $4}')"
target "Met scale: batch / libcsv floor (CPU)" "$(echo "$bc $pc" | awk '{printf "%.2f", $1 / $2}')" 1.5 x
target "Met scale: batch / cat floor (CPU)" "$(echo "$bc $cc" | awk '{printf "%.1f", $1 / $2}')" "" x
if [ "$months" -le 36 ]; then
	rss_limit=120
else
	rss_limit=$(echo "$street_rows" | awk '{printf "%.0f", 80 + 4 * $1 / 1048576}')
fi
target "Met scale: peak RSS ($months months)" "$(echo "$rss" | awk '{printf "%.0f", $1 / 1024}')" "$rss_limit" MB

echo
echo "jembrief bench: targets (issue 12)"
awk -F'|' '{
	if ($3 == "") { printf "  %-40s %8s %-3s\n", $1, $2, $4; next }
	r = $2 / $3; ok = $2 <= $3
	printf "  %-40s %8s %-3s limit %6s  ratio %.2f  %s\n", $1, $2, $4, $3, r, ok ? "met" : "MISSED"
	if (!ok) bad = 1
} END { exit bad }' "$results"
