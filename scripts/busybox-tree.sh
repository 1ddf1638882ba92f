#!/bin/sh
# busybox-tree.sh BUSYBOX ROOT - install BUSYBOX as ROOT/bin/busybox and its
# applet link tree: ROOT/usr/bin/APPLET -> /bin/busybox for every applet it
# lists (`busybox --list`, run on the host: the same binary). /usr/bin, not
# /bin, so the project's own /bin/sh, /bin/ls, ... stay what they are
# (docs/busybox.md). The tree is remade from scratch each time.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BUSYBOX ROOT" >&2; exit 2; }
bb=$1 root=$2
install -D -m 0755 "$bb" "$root/bin/busybox"
rm -rf "$root/usr/bin"
mkdir -p "$root/usr/bin"
"$bb" --list | while read -r applet; do
	case $applet in
	busybox|*/*|'') continue ;;
	esac
	ln -s /bin/busybox "$root/usr/bin/$applet"
done
