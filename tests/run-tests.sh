#!/bin/sh
# tests/run-tests.sh BUILD - run every test program in BUILD/tests from the
# repository root, and tests/test_*.sh and tests/test_*.py
# (tests/fresh-machine.sh is not among them: it rebuilds the tree twice from
# nothing, so .ci/run runs it on its own), show
# their output, and close with one summary line
# "N passed, N failed" counted from cmocka's per-test lines.
set -u
build=${1:-build}
cd "$(dirname "$0")/.." || exit 2
export JEMBRIEF="$PWD/$build/jembrief"
# make check: leaks inside Debian's libraries (tests/lsan.supp) are not ours
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
log=$(mktemp)
one=$(mktemp)
status=0
export JEMBRIEF_BUILD="$build"
# The C test programs, then the shell and Python tests (tests/test_*.sh,
# tests/test_*.py), which print cmocka's line format too.
for t in "$build"/tests/test_* tests/test_*.sh tests/test_*.py; do
	case "$t" in *.o|*.d) continue ;; esac
	case "$t" in
	*.sh) run="sh $t" ;;
	*.py) run="python3 $t" ;;
	*) [ -x "$t" ] || continue; run=$t ;;
	esac
	echo "== $t"
	$run >"$one" 2>&1
	rc=$?
	cat "$one"
	cat "$one" >>"$log"
	[ "$rc" -eq 0 ] || status=1
done
# the bad-input corpus and the fuzzers' regression inputs, through the binary
echo "== tests/bad-input/run.sh"
sh tests/bad-input/run.sh "$JEMBRIEF" >"$one" 2>&1
rc=$?
cat "$one"
cat "$one" >>"$log"
[ "$rc" -eq 0 ] || status=1
passed=$(grep -c '^\[       OK \]' "$log")
failed=$(grep '^\[  FAILED  \] [a-z_]' "$log" | sort -u | wc -l)
# A test that cannot run here (cmocka's skip(): no tmpfs to mount) says so
# on a SKIPPED line, and again in its program's summary.
skipped=$(grep '^\[  SKIPPED \] [a-z_]' "$log" | sort -u | wc -l)
# A program that died mid-run leaves RUN lines without a verdict.
run=$(grep -c '^\[ RUN      \]' "$log")
crashed=$((run - passed - failed - skipped))
[ "$crashed" -gt 0 ] && failed=$((failed + crashed))
[ "$skipped" -gt 0 ] && echo "tests: $skipped skipped (see SKIPPED above)"
rm -f "$log" "$one"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
