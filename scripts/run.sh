#!/usr/bin/env bash
# run.sh - the main job. Installs what is missing (as root), builds, makes the
# disk image and boots it in QEMU + OVMF (KVM when a probe showed that it
# boots the firmware here, TCG otherwise: docs/accel.md).
#
#   scripts/run.sh                      the benchmark: boot with trapbench as init under
#                                       TCG/KVM and -icount, Linux side by side, results.json,
#                                       charts and a summary table (scripts/bench.sh; its
#                                       options work here too, e.g. --no-linux)
#   scripts/run.sh boot                 just boot, serial console on this terminal
#   scripts/run.sh shell                boot to the shell (init=/bin/init starts /bin/sh):
#                                       type on this terminal or in the window; Ctrl-D or
#                                       `exit` ends it and shuts down
#   scripts/run.sh shell --busybox      boot to busybox ash as the login shell instead, its
#                                       applets in /usr/bin first in PATH (docs/busybox.md)
#   scripts/run.sh boot --cmdline "init=/bin/conform"   boot with another /boot/cmdline
#   scripts/run.sh boot --gui / --no-gui                force a window on or off
#   scripts/run.sh boot --accel icount                  the accelerator: auto, kvm, tcg or
#   ACCEL=icount scripts/run.sh boot                    icount (the same as ACCEL=, in every script)
#
# Exit status of `boot`: 0 when the kernel shut down cleanly, 1 when it
# reported failed tests (or init failed), 2 on a kernel panic, 90 when KVM
# failed and QEMU was stopped, QEMU's own status otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

# Anything but `boot` (or boot's own options) is the benchmark job.
case ${1:-} in
boot) shift ;;
--cmdline|--gui|--no-gui|--busybox) ;;
shell) shift; set -- --cmdline "init=/bin/init" "$@" ;;
-h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
bench) shift; exec "$ROOT/scripts/bench.sh" "$@" ;;
*) exec "$ROOT/scripts/bench.sh" "$@" ;;
esac

cmdline="" gui=auto
while [ $# -gt 0 ]; do
	case $1 in
	--cmdline) [ $# -ge 2 ] || die "--cmdline needs a value"; cmdline=$2; shift 2 ;;
	--busybox) cmdline="init=/bin/init -- /bin/busybox sh /etc/busybox/login.sh"; shift ;;
	--gui) gui=yes; shift ;;
	--no-gui) gui=no; shift ;;
	--accel) accel_valid "${2:-}" || die "--accel needs auto, kvm, tcg or icount, not '${2:-}'"
		export ACCEL=$2; shift 2 ;;
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
accel_resolve

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
# QEMU's own messages pass through a watcher: when KVM fails, QEMU would sit
# with the guest paused; stop it and say why instead.
kvm_watch() {
	local line why
	while IFS= read -r line; do
		printf '%s\n' "$line" >&2
		if [ "$ACCEL_RESOLVED" = kvm ] && [ ! -e "$vars.kvm-failed" ] && why=$(accel_kvm_failure "$line"); then
			echo "error: KVM failed ($why); stopping QEMU. ACCEL=tcg avoids KVM (docs/accel.md)" >&2
			pkill -f -- "file=$vars" || true
			touch "$vars.kvm-failed"
		fi
	done
}
rm -f "$vars.kvm-failed"
set +e
"${cmd[@]}" 2> >(kvm_watch)
rc=$?
set -e
wait 2>/dev/null || true
if [ -e "$vars.kvm-failed" ]; then rm -f "$vars.kvm-failed"; exit "$QEMU_KVM_FAILED"; fi
case $rc in
"$QEMU_SUCCESS") exit 0 ;;
"$QEMU_FAILURE") exit 1 ;;
"$QEMU_PANIC") exit 2 ;;
*) exit "$rc" ;;
esac
