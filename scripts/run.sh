#!/usr/bin/env bash
# run.sh - the main job. Installs what is missing (as root), builds, makes the
# disk image and boots it in QEMU + OVMF (KVM when /dev/kvm is usable, TCG
# otherwise).
#
#   scripts/run.sh                      the benchmark: boot with trapbench as init under
#                                       TCG/KVM and -icount, Linux side by side, results.json,
#                                       charts and a summary table (scripts/bench.sh; its
#                                       options work here too, e.g. --no-linux)
#   scripts/run.sh boot                 just boot, serial console on this terminal
#   scripts/run.sh shell                boot to the shell (init=/bin/init starts /bin/sh):
#                                       type on this terminal or in the window; Ctrl-D or
#                                       `exit` ends it and shuts down
#   scripts/run.sh boot --cmdline "init=/bin/conform"   boot with another /boot/cmdline
#   scripts/run.sh boot --gui / --no-gui                force a window on or off
#   ACCEL=tcg|icount|kvm scripts/run.sh boot
#
# Exit status of `boot`: 0 when the kernel shut down cleanly, 1 when it
# reported failed tests (or init failed), 2 on a kernel panic, QEMU's own
# status otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

# Anything but `boot` (or boot's own options) is the benchmark job.
case ${1:-} in
boot) shift ;;
--cmdline|--gui|--no-gui) ;;
shell) shift; set -- --cmdline "init=/bin/init" "$@" ;;
-h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
bench) shift; exec "$ROOT/scripts/bench.sh" "$@" ;;
*) exec "$ROOT/scripts/bench.sh" "$@" ;;
esac

cmdline="" gui=auto
while [ $# -gt 0 ]; do
	case $1 in
	--cmdline) [ $# -ge 2 ] || die "--cmdline needs a value"; cmdline=$2; shift 2 ;;
	--gui) gui=yes; shift ;;
	--no-gui) gui=no; shift ;;
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
