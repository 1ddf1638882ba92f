#!/usr/bin/env bash
# run.sh - build everything, make the disk image and boot it in QEMU + OVMF
# with the serial console on this terminal (and a window when there is a
# display). KVM is used when /dev/kvm is usable, TCG otherwise.
#
#   scripts/run.sh                     boot with the image's command line
#   scripts/run.sh --cmdline "memmap"  boot with another /boot/cmdline
#   scripts/run.sh --gui / --no-gui    force a window on or off
#   ACCEL=tcg|icount|kvm scripts/run.sh
#
# Exit status: 0 when the kernel shut down cleanly, 1 when it reported
# failed tests, 2 on a kernel panic, QEMU's own status otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

cmdline="" gui=auto
while [ $# -gt 0 ]; do
	case $1 in
	--cmdline) [ $# -ge 2 ] || die "--cmdline needs a value"; cmdline=$2; shift 2 ;;
	--gui) gui=yes; shift ;;
	--no-gui) gui=no; shift ;;
	-h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/run.sh --help)" ;;
	esac
done
if [ "$gui" = auto ]; then
	gui=no
	# A window needs a display and QEMU's GTK front end (Debian: qemu-system-gui).
	if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
		if dpkg-query -W -f='${Status}' qemu-system-gui 2>/dev/null | grep -q 'ok installed'; then
			gui=yes
		else
			note "no QEMU window: install qemu-system-gui for one; serial console only"
		fi
	fi
fi

ensure_packages
build_all

img=$BUILD/disk.img
if [ -n "$cmdline" ]; then
	img=$BUILD/run.img
	image_with_cmdline "$img" "$cmdline"
fi
check_firmware
vars=$BUILD/ovmf-vars.fd
cp "$(ovmf_vars)" "$vars"
mapfile -t cmd < <(qemu_cmd "$img" "$vars")
[ "$gui" = yes ] || cmd+=(-display none)
note "booting: ${cmd[*]}"
note "(quit QEMU with Ctrl-A X)"
set +e
"${cmd[@]}"
rc=$?
set -e
case $rc in
"$QEMU_SUCCESS") exit 0 ;;
"$QEMU_FAILURE") exit 1 ;;
"$QEMU_PANIC") exit 2 ;;
*) exit "$rc" ;;
esac
