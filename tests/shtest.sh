# tests/shtest.sh - sourced by the shell tests (tests/test_*.sh): cmocka's
# line format, so tests/run-tests.sh counts them with the C tests.
#   begin NAME; ...; check "what" COMMAND...; ...; end
# A test passes when every check in it passed.
sh_failed=0
sh_name=
begin() {
	sh_name=$1
	sh_test_failed=0
	echo "[ RUN      ] $sh_name"
}
# check WHAT COMMAND...: run COMMAND; a non-zero status fails the test.
check() {
	what=$1
	shift
	if ! "$@"; then
		echo "$sh_name: FAILED: $what"
		sh_test_failed=1
	fi
}
end() {
	if [ "$sh_test_failed" = 0 ]; then
		echo "[       OK ] $sh_name"
	else
		echo "[  FAILED  ] $sh_name"
		sh_failed=1
	fi
}
# contains FILE TEXT: FILE holds TEXT (fixed string).
contains() { grep -qF -- "$2" "$1" || { echo "  '$2' not in $1:"; sed "s/^/    /" "$1" | head -3; return 1; }; }
lacks() { ! grep -qF -- "$2" "$1" || { echo "  '$2' unexpectedly in $1"; return 1; }; }
