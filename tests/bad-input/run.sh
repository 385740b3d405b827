#!/bin/sh
# tests/bad-input/run.sh JEMBRIEF - the bad-input corpus and the fuzzers'
# regression inputs, each run through the real binary (under the
# sanitizers in make check). Prints cmocka's per-test lines, which
# tests/run-tests.sh counts. How a case is written: tests/bad-input/README.
set -u
bin=$1
cd "$(dirname "$0")/../.." || exit 2
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jembrief-bad-input.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
default_base=crime/mps-borough-level-crime-2024-2026.csv.gz
failed=0

# ---- one run of the binary, checked ----

# The value lines of KEY in a case file ("key: value"), one per line.
values() {
	sed -n "s/^$1: \{0,1\}//p" "$2"
}

# A fresh data directory in $tmp/run/data holding the base files ($1, a
# space-separated list of paths in sample-data/; "none" for none).
fresh_data() {
	chmod -R u+rwx "$tmp/run" 2>/dev/null
	rm -rf "$tmp/run"
	mkdir -p "$tmp/run/data" "$tmp/run/out"
	for f in $1; do
		[ "$f" = none ] && continue
		mkdir -p "$tmp/run/data/$(dirname "$f")"
		cp "sample-data/$f" "$tmp/run/data/$f"
	done
}

# problem MESSAGE: the current test fails with MESSAGE.
problem() {
	echo "  $1"
	bad=1
}

# Run the binary in $tmp/run with the arguments given; sets $rc, leaves
# its stderr in $tmp/run/stderr. A sanitizer report is always a failure.
run_binary() {
	(cd "$tmp/run" && timeout 120 "$bin" --data data --out out "$@" \
		>stdout 2>stderr)
	rc=$?
	if grep -q -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' -e 'runtime error:' \
		"$tmp/run/stderr"; then
		problem "sanitizer report:"
		sed 's/^/    /' "$tmp/run/stderr" | head -30
	fi
	[ "$rc" -eq 124 ] && problem "did not finish within 120 s"
}

# ---- the corpus: tests/bad-input/cases/NAME ----

run_case() {
	dir=$1
	name=bad_input_$(basename "$dir")
	spec=$dir/case
	echo "[ RUN      ] $name"
	bad=0
	base=$(values base "$spec")
	fresh_data "${base:-$default_base}"
	[ -d "$dir/data" ] && cp -R "$dir/data/." "$tmp/run/data/"
	if [ -f "$dir/setup" ]; then
		(cd "$tmp/run/data" && CASE="$root/$dir" ROOT="$root" sh "$root/$dir/setup") ||
			problem "setup failed"
	fi
	args=$(values args "$spec")
	env=$(values env "$spec")
	# args and env are shell words; $CASE is the case folder, $DATA the
	# data directory of the run
	CASE="$root/$dir" DATA="$tmp/run/data"
	export CASE DATA
	eval "set -- ${args:-camden hackney}"
	if [ -n "$env" ]; then
		eval "export $env"
	fi
	run_binary "$@"
	if [ -n "$env" ]; then
		for v in $env; do unset "${v%%=*}"; done
	fi
	want=$(values status "$spec")
	[ "$rc" = "${want:-0}" ] || problem "exit status $rc, expected ${want:-0}"
	values stderr "$spec" | while IFS= read -r line; do
		grep -qF -e "$line" "$tmp/run/stderr" || echo "  stderr lacks: $line"
	done | grep . && bad=1
	values quality "$spec" | while IFS= read -r line; do
		grep -qF -e "$line" "$tmp/run/out/data-quality.csv" 2>/dev/null ||
			echo "  data-quality.csv lacks: $line"
	done | grep . && bad=1
	written=$(values written "$spec")
	[ -z "$written" ] && [ "${want:-0}" = 0 ] && written="camden.pdf hackney.pdf"
	for f in $written; do
		case "$f" in
		*.pdf) [ "$(head -c 5 "$tmp/run/out/$f" 2>/dev/null)" = "%PDF-" ] ||
			problem "out/$f not written (or not a PDF)" ;;
		*) [ -s "$tmp/run/out/$f" ] || problem "out/$f not written" ;;
		esac
	done
	for f in $(values absent "$spec"); do
		[ -e "$tmp/run/out/$f" ] && problem "out/$f written, should not be"
	done
	if [ "$bad" -ne 0 ]; then
		echo "  stderr was:"
		sed 's/^/    /' "$tmp/run/stderr" | head -20
		echo "[  FAILED  ] $name"
		failed=1
	else
		echo "[       OK ] $name"
	fi
}

# ---- the fuzzers' regression inputs: tests/fuzz/regress/TARGET/FILE ----

# Split a shapefile target input (tests/fuzz/fuzz_shapefile.c) into
# $2.shp, $2.shx and $2.dbf.
split_shapefile() {
	le32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
	nshp=$(le32 "$1" 0)
	nshx=$(le32 "$1" 4)
	tail -c +9 "$1" | head -c "$nshp" >"$2.shp"
	tail -c +$((9 + nshp)) "$1" | head -c "$nshx" >"$2.shx"
	tail -c +$((9 + nshp + nshx)) "$1" >"$2.dbf"
}

run_regress() {
	input=$1 harness=$2 path=$3
	target=$(basename "$(dirname "$input")")
	name=fuzz_regress_${target}_$(basename "$input")
	echo "[ RUN      ] $name"
	bad=0
	fresh_data "$default_base"
	case $harness in
	data)
		mkdir -p "$tmp/run/data/$(dirname "$path")"
		cp "$input" "$tmp/run/data/$path"
		run_binary camden ;;
	shapefile)
		mkdir -p "$tmp/run/data/boundaries"
		split_shapefile "$input" "$tmp/run/data/boundaries/fuzz"
		cp sample-data/boundaries/london-lsoa2021-bng-shp/london-lsoa2021-gen20.prj \
			"$tmp/run/data/boundaries/fuzz.prj"
		run_binary camden ;;
	template)
		cp "$input" "$tmp/run/fuzz.conf"
		cp templates/london-pack.conf "$tmp/run/"
		run_binary -t fuzz.conf camden ;;
	esac
	# any verdict but a crash: written (0), some failed (1), refused (2)
	[ "$rc" -le 2 ] || problem "exit status $rc"
	if [ "$bad" -ne 0 ]; then
		echo "[  FAILED  ] $name"
		failed=1
	else
		echo "[       OK ] $name"
	fi
}

for dir in tests/bad-input/cases/*/; do
	run_case "${dir%/}"
done
while read -r target harness path; do
	[ -d "tests/fuzz/regress/$target" ] || continue
	[ "$harness" = layout ] && continue # numbers, not a file: no binary run
	for input in "tests/fuzz/regress/$target"/*; do
		run_regress "$input" "$harness" "$path"
	done
done <<TARGETS
$(grep -v -e '^#' -e '^$' tests/fuzz/targets)
TARGETS
exit $failed
