#!/usr/bin/env bash
# test_vmseq_linux.sh - the fuzzer's stage 3 (apps/fuzz/vmseq.c) built for
# the host and run against the host's Linux: its model of mmap, munmap,
# mprotect, madvise, mremap and fork must be what Linux does, or the guest
# fuzzer would hold trapdoor to something else. SEEDS (default 8) seeds of
# 16 batches each. Skipped (exit 0) off x86-64 Linux.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { echo "ok - vmseq on Linux # SKIP not x86-64 Linux"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# vmseq.c includes "fuzz.h": a copy beside the host's fuzz.h finds that one.
cp "$root/apps/fuzz/vmseq.c" "$root/apps/fuzz/touch.S" "$root/apps/fuzz/rng.h" "$root/apps/fuzz/host/"*.[ch] "$tmp/"
${CC:-cc} -std=gnu11 -O1 -I "$root/kernel" -o "$tmp/vmseq-host" "$tmp/main.c" "$tmp/vmseq.c" "$tmp/touch.S"
"$tmp/vmseq-host" "${SEEDS:-8}"
