#!/bin/sh
# tests/fresh-machine.sh - the README's two commands on a fresh machine, in
# either order, simulated: a copy of the source tree with no build/, and a
# PKG_CONFIG that fails, as on a machine without the -dev packages, until
# the dependency step ($(BUILD)/.deps-ok, written after .ci/install-deps
# has run) is done. The first command must succeed each time: the flags
# are asked of pkg-config only after that step (Makefile, config.mk).
# A pkg-config that keeps failing must stop the build with its message.
#
# It builds the whole tree twice from nothing, so it is not part of
# make test: .ci/run runs it (make test-fresh too). make test's first
# build is `make test-build`, everything make test builds; running the
# whole suite again inside it would add nothing about the first build.
. "$(dirname "$0")/shtest.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jobs=${JOBS:-2}

# A copy of the source tree as a clean clone has it.
fresh_tree() {
	mkdir -p "$1"
	(cd "$root" && tar --exclude='./build*' --exclude=./out --exclude=./jembrief \
		--exclude=./.git -cf - .) | (cd "$1" && tar -xf -)
}

# pkg-config that fails until the dependency step has run in that tree.
cat >"$tmp/pkg-config" <<'SH'
#!/bin/sh
if [ ! -e "$FRESH_TREE/build/.deps-ok" ]; then
	echo "Package gsl was not found in the pkg-config search path (simulated fresh machine)" >&2
	exit 1
fi
exec pkg-config "$@"
SH
chmod +x "$tmp/pkg-config"

# make in tree $1 with the simulated pkg-config; the log in $1.log
fresh_make() {
	tree=$1
	shift
	FRESH_TREE=$tree make -C "$tree" -j"$jobs" --no-print-directory \
		PKG_CONFIG="$tmp/pkg-config" "$@" >"$tree.log" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] || { echo "  make $* in $tree: exit $rc"; tail -20 "$tree.log"; }
	return "$rc"
}

begin simulated_pkg_config_fails_before_the_dependency_step
check "fails with no .deps-ok" sh -c "FRESH_TREE='$tmp/none' '$tmp/pkg-config' --cflags gsl 2>/dev/null; test \$? -ne 0"
end

begin make_run_then_make_test_first_time
fresh_tree "$tmp/a"
check "make run, first" fresh_make "$tmp/a" run OUT="$tmp/a-out"
check "the batch written" test "$(ls "$tmp/a-out"/*.pdf 2>/dev/null | wc -l)" -eq 33
check "pkg-config asked after the dependency step" test -s "$tmp/a/build/config.mk"
check "make test's build, second" fresh_make "$tmp/a" test-build
end

begin make_test_then_make_run_first_time
fresh_tree "$tmp/b"
check "make test's build, first" fresh_make "$tmp/b" test-build
check "every test program built" test "$(ls "$tmp/b/build/tests"/test_* | grep -vc '\.[od]$')" -eq "$(ls "$root"/tests/test_*.c | wc -l)"
check "make run, second" fresh_make "$tmp/b" run OUT="$tmp/b-out"
check "the batch written" test "$(ls "$tmp/b-out"/*.pdf 2>/dev/null | wc -l)" -eq 33
end

begin failing_pkg_config_stops_the_build_with_its_message
fresh_tree "$tmp/c"
make -C "$tmp/c" --no-print-directory PKG_CONFIG=false jembrief >"$tmp/c.log" 2>&1
check "make fails" test $? -ne 0
check "says pkg-config failed" contains "$tmp/c.log" "jembrief: 'false --cflags"
check "before compiling anything" lacks "$tmp/c.log" "  CC "
end

[ "$sh_failed" = 0 ]
