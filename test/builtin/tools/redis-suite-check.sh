#!/usr/bin/env bash
# Runs Redis 7.0.15's own test suite on the built-in engine with the framework exactly as shipped
# (run-suite.sh MODE=pristine, engine side only: the real server's side is what the baseline already
# holds) and fails when a test in test/builtin/suite-baseline.txt no longer passes. New passes are
# reported (add them with `... suite-baseline.mjs write`). A unit that lost tests is run once more
# before failing, as timing tests can fail once on a loaded machine.
#
#   bash test/builtin/tools/redis-suite-check.sh [unit ...]      (from the project root, after npx tsc -p .)
#
# REDIS_TESTS: the suite's folder (default ../shared/redis-tests beside the checkout); EXTRA_ARGS: more
# test_helper.tcl options (default --timeout 60). Needs tclsh.
set -uo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SUITE=${REDIS_TESTS:-$ROOT/../shared/redis-tests}
BASELINE=$ROOT/test/builtin/suite-baseline.txt
TOOL=$ROOT/test/builtin/tools/suite-baseline.mjs
[ -f "$SUITE/run-suite.sh" ] || { echo "redis-suite-check: no run-suite.sh in $SUITE (set REDIS_TESTS)" >&2; exit 2; }

# A test that waits forever (one that an earlier failure left waiting on a reply) ends its unit after
# 60 s without progress instead of the framework's 20 minutes.
export EXTRA_ARGS=${EXTRA_ARGS:---timeout 60}
OUT=$(mktemp -d)/pristine
start=$SECONDS
MODE=pristine SIDES=engine OUT="$OUT" bash "$SUITE/run-suite.sh" "$ROOT" "$@" >"$OUT.log" 2>&1
grep '^  unit/' "$OUT.log" || true
if node "$TOOL" check "$BASELINE" "$OUT"; then
  echo "redis-suite-check: passed in $((SECONDS - start))s"
  exit 0
fi
mapfile -t again < <(node "$TOOL" lost "$BASELINE" "$OUT")
echo "redis-suite-check: running ${again[*]} once more"
MODE=pristine SIDES=engine OUT="$OUT" bash "$SUITE/run-suite.sh" "$ROOT" "${again[@]}" >>"$OUT.log" 2>&1
node "$TOOL" check "$BASELINE" "$OUT"
rc=$?
echo "redis-suite-check: $([ $rc = 0 ] && echo passed || echo FAILED) in $((SECONDS - start))s (results: $OUT)"
exit $rc
