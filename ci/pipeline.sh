#!/usr/bin/env bash
# pipeline.sh - what CI runs on a fresh machine (scripts install what they need):
#   1. every test, and the conformance suite on other CPUs, machines and
#      memory sizes (scripts/test.sh --matrix);
#   2. the benchmark under -icount shift=0 (deterministic: one TSC tick is one
#      guest instruction), this kernel and Linux side by side, each under an
#      AMD and an Intel guest vendor (booted side by side), compared with
#      the committed ci/baseline.json: a median that grew more than
#      BENCH_TOLERANCE percent (default 10) fails the run. The charts and
#      results.json stay in build/bench/ (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
bash scripts/test.sh --matrix
echo "# ci: scripts/test.sh took $((SECONDS - start)) s"

start=$SECONDS
rc=0
bash scripts/bench.sh --accel icount --compare ci/baseline.json || rc=$?
echo "# ci: the benchmark took $((SECONDS - start)) s"
[ "$rc" -eq 0 ] || { echo "# ci: benchmark comparison failed (status $rc)"; exit "$rc"; }
