#!/bin/sh
# tests/run-tests.sh BUILD - run every test program in BUILD/tests from the
# repository root, show their output, and close with one summary line
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
for t in "$build"/tests/test_*; do
	case "$t" in *.o|*.d) continue ;; esac
	[ -x "$t" ] || continue
	echo "== $t"
	"$t" >"$one" 2>&1
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
failed=$(grep -c '^\[  FAILED  \] [a-z_]' "$log")
# A program that died mid-run leaves RUN lines without a verdict.
run=$(grep -c '^\[ RUN      \]' "$log")
crashed=$((run - passed - failed))
[ "$crashed" -gt 0 ] && failed=$((failed + crashed))
rm -f "$log" "$one"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
