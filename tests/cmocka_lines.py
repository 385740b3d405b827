"""tests/cmocka_lines.py - the Python tests' runner: each test's RUN line,
then OK, SKIPPED (the test returned "skip") or FAILED with the assertion's
message, in cmocka's line format, which tests/run-tests.sh counts."""

_failed = False


def test(name, fn):
    global _failed
    print(f"[ RUN      ] {name}", flush=True)
    try:
        if fn() == "skip":
            print(f"[  SKIPPED ] {name}", flush=True)
            return
        print(f"[       OK ] {name}", flush=True)
    except AssertionError as e:
        print(f"{name}: {e}")
        print(f"[  FAILED  ] {name}", flush=True)
        _failed = True


def exit_status():
    """1 when a test failed, else 0: for sys.exit at the end of a test file."""
    return 1 if _failed else 0
