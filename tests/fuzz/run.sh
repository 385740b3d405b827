#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS [JOBS] - run every target of
# tests/fuzz/targets (built by `make fuzz` into BUILD/fuzz) for SECONDS
# each, JOBS of them at a time (default 1), from its seeds and the corpus
# earlier runs left in BUILD/fuzz/corpus/NAME. Prints each target's
# executions and executions per second, in the order of the targets file;
# a crash, a leak, a timeout (10 s an input) or running out of memory
# (2 GB) fails the run, with the input kept as BUILD/fuzz/crash-NAME-*:
# copy it into tests/fuzz/regress/NAME/ once fixed, so make test replays it.
set -u
build=$1
seconds=$2
jobs=${3:-1}
cd "$(dirname "$0")/../.." || exit 2
# leaks inside Debian's libraries (tests/lsan.supp) are not ours to fix
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# One target, run by xargs below: its exit status goes into NAME.rc, read
# once every target has finished.
if [ "${FUZZ_RUN_ONE:-}" ]; then
	t=$FUZZ_RUN_ONE
	mkdir -p "$build/fuzz/corpus/$t"
	"$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$build/fuzz/crash-$t-" \
		"$build/fuzz/corpus/$t" "tests/fuzz/seeds/$t" >"$build/fuzz/$t.log" 2>&1
	echo $? >"$build/fuzz/$t.rc"
	exit 0
fi

targets=$(awk '!/^#/ && NF { print $1 }' tests/fuzz/targets)
for t in $targets; do rm -f "$build/fuzz/$t.rc"; done
printf '%s\n' $targets |
	xargs -P "$jobs" -I{} env FUZZ_RUN_ONE={} sh "$0" "$build" "$seconds"

status=0
printf '%-18s %12s %10s  %s\n' target executions exec/s result
for t in $targets; do
	log="$build/fuzz/$t.log"
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	if [ "$(cat "$build/fuzz/$t.rc" 2>/dev/null)" = 0 ]; then
		result=ok
	else
		result="FAILED (see $log)"
		status=1
	fi
	printf '%-18s %12s %10s  %s\n' "$t" "${runs:-?}" "${speed:-?}" "$result"
done
exit $status
