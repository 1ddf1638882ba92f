#!/usr/bin/env bash
# pipeline.sh - what CI runs on a fresh machine: every test (scripts/test.sh
# installs what it needs). The benchmark comparison joins here later.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
bash scripts/test.sh
echo "# ci: scripts/test.sh took $((SECONDS - start)) s"
