#!/bin/sh
# mkinitrd.sh ROOT OUT - pack the directory ROOT (bin/ with the apps) into
# OUT, a cpio archive in the "newc" format the kernel reads (lib/cpio.c).
# Sorted names, fixed modes and --reproducible: the same inputs give the
# same bytes.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 ROOT OUT" >&2; exit 2; }
command -v cpio >/dev/null || { echo "mkinitrd: cpio not installed (apt-get install cpio)" >&2; exit 1; }
out=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$1"
# Modes as a fresh install has them, whatever the umask: 0755 directories and
# programs, 0644 other files. The kernel checks them (owner bits: docs/abi.md).
chmod -R u=rwX,go=rX .
find . | LC_ALL=C sort | cpio --quiet --reproducible -o -H newc -R 0:0 >"$out.tmp"
mv "$out.tmp" "$out"
