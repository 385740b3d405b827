#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS - run every target of tests/fuzz/targets
# (built by `make fuzz` into BUILD/fuzz) for SECONDS each, from its seeds
# and the corpus earlier runs left in BUILD/fuzz/corpus/NAME. Prints each
# target's executions and executions per second; a crash, a leak, a
# timeout (10 s an input) or running out of memory (2 GB) fails the run,
# with the input kept as BUILD/fuzz/crash-NAME-*: copy it into
# tests/fuzz/regress/NAME/ once fixed, so make test replays it.
set -u
build=$1
seconds=$2
cd "$(dirname "$0")/../.." || exit 2
# leaks inside Debian's libraries (tests/lsan.supp) are not ours to fix
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
printf '%-18s %12s %10s  %s\n' target executions exec/s result
for t in $(awk '!/^#/ && NF { print $1 }' tests/fuzz/targets); do
	corpus="$build/fuzz/corpus/$t"
	log="$build/fuzz/$t.log"
	mkdir -p "$corpus"
	"$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$build/fuzz/crash-$t-" \
		"$corpus" "tests/fuzz/seeds/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		result=ok
	else
		result="FAILED (see $log)"
		status=1
	fi
	printf '%-18s %12s %10s  %s\n' "$t" "${runs:-?}" "${speed:-?}" "$result"
done
exit $status
