#!/usr/bin/env bash
# fetch-busybox.sh DIR - put Debian's unmodified static busybox at DIR/busybox
# (docs/busybox.md). The package comes from apt (`apt-get download`, no root
# needed), as scripts/lib/linux.sh fetches Debian's kernel: once, then the
# .deb kept in DIR is used. The version is pinned, so the differential test
# always compares the same binary: bookworm's busybox-static.
set -euo pipefail
BUSYBOX_PKG=busybox-static
BUSYBOX_VERSION=${BUSYBOX_VERSION:-1:1.35.0-4+deb12u1+b1}

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
deb=$dir/${BUSYBOX_PKG}_${BUSYBOX_VERSION//:/%3a}_amd64.deb
note() { echo "busybox: $*" >&2; }
# cannot WHY: the one message for every way of failing, with what to do.
cannot() {
	cat >&2 <<-MSG
	error: busybox: $1
	  The image needs Debian's $BUSYBOX_PKG $BUSYBOX_VERSION (docs/busybox.md). Either
	  - let apt reach a Debian bookworm mirror (as root: apt-get update) and build again, or
	  - download the package elsewhere (apt-get download $BUSYBOX_PKG=$BUSYBOX_VERSION)
	    and copy the .deb to $deb, or
	  - configure without busybox: cmake -DBUSYBOX=OFF (its tests then fail as "not in the image").
	MSG
	exit 1
}

mkdir -p "$dir"
if [ ! -s "$deb" ]; then
	command -v apt-get >/dev/null || cannot "no apt-get to download it with (not a Debian system?)"
	# A fresh machine (CI) may have no package lists yet: as root, fetch them once.
	known=$(apt-cache policy "$BUSYBOX_PKG" 2>/dev/null || true)
	if [ "$(id -u)" -eq 0 ] && [[ $known != *" $BUSYBOX_VERSION "* ]]; then
		note "apt does not know $BUSYBOX_PKG $BUSYBOX_VERSION: apt-get update"
		apt-get update -qq >&2 || true
	fi
	note "downloading $BUSYBOX_PKG $BUSYBOX_VERSION into $dir"
	tmp=$(mktemp -d "$dir/download.XXXXXX")
	# apt-get download writes into the current directory; a private one keeps
	# a half-finished file (or a concurrent run) away from the cache. (As
	# root, apt warns that its _apt user cannot write there: harmless.)
	if ! (cd "$tmp" && apt-get download -q -o Acquire::http::Timeout=20 -o Acquire::Retries=1 \
		"$BUSYBOX_PKG=$BUSYBOX_VERSION") >"$tmp.log" 2>&1 || [ ! -s "$tmp/$(basename "$deb")" ]; then
		why=$({ grep -E '^(E|Err|W):' "$tmp.log" || true; } | { grep -v unsandboxed || true; } | head -2 | tr '\n' ' ')
		rm -rf "$tmp" "$tmp.log"
		cannot "could not download it with apt-get (offline, or the version is gone): ${why:-no reason given}"
	fi
	mv "$tmp/$(basename "$deb")" "$deb"
	rm -rf "$tmp" "$tmp.log"
fi
if [ ! -x "$dir/busybox" ] || [ "$dir/busybox" -ot "$deb" ]; then
	tmp=$(mktemp -d "$dir/unpack.XXXXXX")
	dpkg-deb -x "$deb" "$tmp" && [ -x "$tmp/bin/busybox" ] ||
		{ rm -rf "$tmp"; cannot "could not unpack $deb (a damaged download? delete it and build again)"; }
	mv "$tmp/bin/busybox" "$dir/busybox"
	touch "$dir/busybox"            # newer than the .deb: unpacked once
	rm -rf "$tmp"
fi
"$dir/busybox" true || cannot "$dir/busybox does not run on this host"
