#!/usr/bin/env bash
# Runs the whole test suite: builds Quire and its tests, then `swift test` (source parsing,
# layout rules on the page tree, real PDFs checked with qpdf/poppler/pikepdf, reference images, CLI).
# Installs missing Debian packages first. Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
bash scripts/setup.sh
# The preview page test drives a real headless Chromium over the DevTools protocol
# (Tests/Tools/browser_preview.py).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test: installing chromium" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# Python checkers and generators the tests call (pikepdf, reportlab, schemathesis, …).
bash scripts/python-packages.sh scripts/python-requirements.txt

# Every import a target makes must be declared in Package.swift (issue 13): an undeclared one
# fails the build here, not only on a machine that happens to build in another order.
swift build --build-tests --explicit-target-dependency-import-check error
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --skip-build 2>&1 | tee "$log" || status=$?
# The suites use Swift Testing; XCTest's own line above reports 0 tests. Summarise plainly.
total=$(grep -oE 'Test run with [0-9]+ tests' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
# Each failed test has its own "✘ Test name() failed after" line; the run's own summary line
# ("✘ Test run with N tests … failed after") is not a test.
failed=$(grep -E '^✘ Test .* failed after' "$log" | grep -cvE '^✘ Test run with' || true)
if [ "$status" -eq 0 ]; then echo "$total passed, 0 failed"; else echo "$((total - failed)) passed, $failed failed"; fi
exit "$status"
