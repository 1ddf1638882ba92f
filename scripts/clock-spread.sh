#!/usr/bin/env bash
# clock-spread.sh - does the clock calibrate the same every boot? Boots the
# built image N times in a row under plain TCG, each only as far as the
# kernel's `timer: tsc X MHz` line, and prints every X, min/median/max and
# the spread ((max - min) / median). docs/time.md explains the calibration.
#
#   scripts/clock-spread.sh                 20 boots
#   scripts/clock-spread.sh --boots 9       another count
#   scripts/clock-spread.sh --busy          with a second QEMU beside them for the whole
#                                           run, booting init=/bin/fuzz again and again
#   scripts/clock-spread.sh --busy-cmdline "init=/bin/conform"   ... or another workload
#   scripts/clock-spread.sh --limit 0.5     the largest spread (percent) that passes (default 1)
#   scripts/clock-spread.sh --image F.img   measure that disk image (e.g. another branch's
#                                           build/disk.img) instead of building this one
#   ACCEL=icount scripts/clock-spread.sh    another QEMU mode (default tcg; --accel icount
#                                           is the same)
#
# Exit status: 0 when every boot printed its line, none called its
# calibration unstable, and the spread is within the limit; 1 otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

boots=20 busy=no busy_cmdline="init=/bin/fuzz" limit=1 image=
while [ $# -gt 0 ]; do
	case $1 in
	--boots) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--boots needs a positive count"; boots=$2; shift 2 ;;
	--busy) busy=yes; shift ;;
	--busy-cmdline) [ $# -ge 2 ] || die "--busy-cmdline needs a value"; busy=yes; busy_cmdline=$2; shift 2 ;;
	--image) [ -f "${2:-}" ] || die "--image needs a disk image file"; image=$(realpath "$2"); shift 2 ;;
	--accel) accel_valid "${2:-}" || die "--accel needs auto, kvm, tcg or icount, not '${2:-}'"
		export ACCEL=$2; shift 2 ;;
	--limit) [[ ${2:-} =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--limit needs a percentage"; limit=$2; shift 2 ;;
	-h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/clock-spread.sh --help)" ;;
	esac
done
export ACCEL=${ACCEL:-tcg}
TIMEOUT=${TIMEOUT:-180}

ensure_packages
[ -n "$image" ] || { build_all; image=$BUILD/disk.img; }
check_firmware
accel_resolve
out=$BUILD/clock-spread
rm -rf "$out"
mkdir -p "$out"

# The boots stop at the timer line (or a panic, or a loader error): the
# rest of the boot says nothing about the clock. Their own image, so that
# boot_headless's stop ends only them.
img=$out/boot.img
cp "$image" "$img"
STOP='timer: tsc [0-9]|KERNEL PANIC|bootloader: error'

# The busy neighbour: the same image with another command line, rebooted
# for as long as the flag file exists. Its QEMU's pid is kept in a file so
# that the clean-up ends exactly that process.
busy_img=$out/busy.img busy_flag=$out/busy.run busy_pid=$out/busy.pid busy_loop=
busy_run() {
	local vars q
	vars=$(mktemp "${TMPDIR:-/tmp}/ovmf-vars.XXXXXX")
	while [ -e "$busy_flag" ]; do
		cp "$(ovmf_vars)" "$vars"
		mapfile -t cmd < <(qemu_cmd "$busy_img" "$vars")
		"${cmd[@]}" -display none </dev/null >>"$out/busy.log" 2>&1 &
		q=$!
		echo "$q" >"$busy_pid"
		wait "$q" || true
		echo "--- busy run ended" >>"$out/busy.log"
	done
	rm -f "$vars"
}
stop_busy() {
	[ -n "$busy_loop" ] || return 0
	rm -f "$busy_flag"
	# Until the loop has seen the flag gone: end the QEMU it waits for
	# (again, if it was just starting another one).
	while kill -0 "$busy_loop" 2>/dev/null; do
		[ -s "$busy_pid" ] && kill "$(cat "$busy_pid")" 2>/dev/null || true
		sleep 0.2
	done
	wait "$busy_loop" 2>/dev/null || true
	busy_loop=
}
trap stop_busy EXIT
if [ "$busy" = yes ]; then
	cp "$image" "$busy_img"
	printf '%s\n' "$busy_cmdline" | mcopy -o -i "$busy_img" - ::/boot/cmdline
	touch "$busy_flag"
	busy_run &
	busy_loop=$!
	note "beside a busy QEMU ($ACCEL_RESOLVED, cmdline \"$busy_cmdline\", log $out/busy.log)"
	sleep 5                 # let it get going before the first measured boot
fi

values=() bad=0 unstable=0 retried=0
for i in $(seq 1 "$boots"); do
	log=$out/boot-$(printf %02d "$i").log
	boot_headless "$img" "$log" "$TIMEOUT" "$STOP" || true
	mhz=$(cut -c10- "$log" | grep -a -m1 -o '^timer: tsc [0-9.]* MHz' | awk '{print $3}' || true)
	extra=
	if cut -c10- "$log" | grep -aq '^timer: calibration unstable'; then
		unstable=$((unstable + 1)); extra=" (calibration unstable)"
	elif cut -c10- "$log" | grep -aq '^timer: calibration attempt'; then
		retried=$((retried + 1)); extra=" (measured again: $(cut -c10- "$log" | grep -ac '^timer: calibration attempt') retries)"
	fi
	if [ -z "$mhz" ]; then
		bad=$((bad + 1))
		printf 'boot %2d: no timer line (log: %s)\n' "$i" "$log"
		continue
	fi
	values+=("$mhz")
	printf 'boot %2d: %s MHz%s\n' "$i" "$mhz" "$extra"
done
stop_busy

[ ${#values[@]} -gt 0 ] || die "no boot printed a timer line"
mode=$ACCEL_RESOLVED
[ "$busy" = no ] || mode="$ACCEL_RESOLVED, beside a busy QEMU running $busy_cmdline"
printf '%s\n' "${values[@]}" | sort -n | awk -v n="${#values[@]}" -v limit="$limit" -v mode="$mode" '
	{ v[NR] = $1 }
	END {
		med = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		spread = (v[n] - v[1]) / med * 100
		printf "%d boots (%s): min %.3f, median %.3f, max %.3f MHz; spread %.4f%% (limit %s%%)\n",
			n, mode, v[1], med, v[n], spread, limit
		exit spread > limit + 0
	}' || { echo "the spread is above the limit"; bad=$((bad + 1)); }
[ "$retried" -eq 0 ] || echo "$retried boot(s) measured again before their windows agreed"
[ "$unstable" -eq 0 ] || echo "$unstable boot(s) reported an unstable calibration"
[ "$bad" -eq 0 ] && [ "$unstable" -eq 0 ]
