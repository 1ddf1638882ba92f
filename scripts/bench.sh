#!/usr/bin/env bash
# bench.sh - the benchmark job: boot the image with trapbench as init under
# each QEMU mode, run the same trapbench on Debian's Linux 6.1 in the same
# QEMU, then write build/bench/results.json, the charts and a summary table
# (scripts/bench-report.sh). docs/benchmarks.md explains the method.
#
#   scripts/bench.sh                    plain TCG (KVM when the probe passed) and -icount
#                                       shift=0, + Linux (docs/accel.md: the probe)
#   scripts/bench.sh --no-linux         this kernel only (also when offline: Linux is skipped)
#   scripts/bench.sh --accel icount     one mode only (repeatable: tcg, icount, kvm, auto);
#   ACCEL=icount scripts/bench.sh       ACCEL= means the same
#   scripts/bench.sh --vendor both      each mode under the guest CPU vendors amd, intel or
#   VENDOR=intel scripts/bench.sh       both (default both; kvm runs the host's vendor only)
#   scripts/bench.sh --compare FILE     also compare with a baseline; exit 3 when a median
#                                       grew more than BENCH_TOLERANCE percent (default 10)
# Logs: build/bench/raw/<kernel>-<accel>-<vendor>.log (docs/benchmarks.md).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

accels=() linux=yes compare=() timeout=${TIMEOUT:-900} vendor=${VENDOR:-both}
while [ $# -gt 0 ]; do
	case $1 in
	--no-linux) linux=no; shift ;;
	--accel) accel_valid "${2:-}" || die "--accel needs auto, kvm, tcg or icount, not '${2:-}'"
		accels+=("$2"); shift 2 ;;
	--vendor) vendor_valid "${2:-}" || die "--vendor needs amd, intel or both, not '${2:-}'"
		vendor=$2; shift 2 ;;
	--compare) [ $# -ge 2 ] || die "--compare needs a baseline file"; compare=(--baseline "$2" --tolerance "${BENCH_TOLERANCE:-10}"); shift 2 ;;
	-h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/bench.sh --help)" ;;
	esac
done
# ACCEL=NAME is --accel NAME; neither: the wall-clock mode (KVM or TCG) and icount.
if [ ${#accels[@]} -eq 0 ] && [ -n "${ACCEL:-}" ]; then accels=("$ACCEL"); fi
[ ${#accels[@]} -gt 0 ] || accels=(auto icount)
vendor_valid "$vendor" || die "VENDOR must be amd, intel or both, not '$vendor'"
mapfile -t vendors < <(vendor_list "$vendor")

ensure_packages
mkdir -p "$BUILD/bench"
# One benchmark at a time per build tree: a second one would rebuild under
# the first and delete its logs.
exec 9>"$BUILD/bench/.lock"
flock -n 9 || die "another benchmark is running in $BUILD (lock: $BUILD/bench/.lock)"
build_all
# Each request becomes kvm, tcg or icount now (auto: after the KVM probe),
# once, so a KVM that cannot run is said before anything boots.
accel_resolve_all "${accels[@]}"
accels=("${ACCELS[@]}")
raw=$BUILD/bench/raw
rm -rf "$raw"
mkdir -p "$raw"

# This kernel: trapbench as init; QEMU ends when it exits. The ring of the
# last system calls (on by default, for panics) is switched off: it records
# every call and would be measured with it (docs/benchmarks.md has its cost).
# this_run ACCEL VENDOR CPU: one boot, its own copy of the image, the log
# RAW/this-ACCEL-VENDOR.log; ends the (sub)shell with the reason on failure.
this_run() {
	local a=$1 v=$2 cpu=$3 log=$raw/this-$1-$2.log img=$BUILD/bench/trapbench-$1-$2.img rc=0
	image_with_cmdline "$img" "init=/bin/trapbench syscall_ring=off"
	note "this kernel, $a, $v (-cpu $cpu): booting with init=/bin/trapbench"
	QEMU_CPU=$cpu ACCEL_RESOLVED=$a boot_headless "$img" "$log" "$timeout" || rc=$?
	rm -f "$img"
	[ "$rc" -ne "$QEMU_KVM_FAILED" ] ||
		die "trapbench under kvm: KVM failed ($(kvm_stop_reason "$log")); ACCEL=tcg avoids it"
	[ "$rc" -eq "$QEMU_SUCCESS" ] || die "trapbench under $a, $v ended with QEMU status $rc (log: $log)"
	note "this kernel, $a, $v: $(grep -c 'BENCH ' "$log") BENCH lines"
}
# Under icount the vendors boot side by side: a tick is an instruction
# whatever else the host runs, so the figures do not change, and the
# benchmark's time (all boot) halves on two cores. tcg and kvm figures are
# host time: those boots run one at a time, the console shown as it comes.
host=$(vendor_host)
for a in "${accels[@]}"; do
	pids=()
	for v in "${vendors[@]}"; do
		cpu=$(vendor_cpu "$a" "$v" "$host") || { note "this kernel, $a, $v: skipped: $cpu"; continue; }
		if [ "$a" = icount ]; then
			this_run "$a" "$v" "$cpu" &
			pids+=($!)
		else
			SHOW_SERIAL=1 this_run "$a" "$v" "$cpu"
		fi
	done
	for p in "${pids[@]}"; do wait "$p" || die "a trapbench boot under $a failed (see above)"; done
done

# Linux, side by side (exit 2: skipped, e.g. offline).
if [ "$linux" = yes ]; then
	args=(--vendor "$vendor")
	for a in "${accels[@]}"; do args+=(--accel "$a"); done
	rc=0
	"$ROOT/scripts/linux-bench.sh" "${args[@]}" --out "$raw" || rc=$?
	# Linux is the reference, not the subject: when it cannot run, say so
	# and report this kernel alone.
	case $rc in
	0) ;;
	2) note "Linux side skipped (see above); charts show this kernel only" ;;
	*) note "warning: the Linux side failed (status $rc, logs in $BUILD/linux); charts show this kernel only"
	   rm -f "$raw"/linux-*.log ;;
	esac
fi

"$ROOT/scripts/bench-report.sh" --raw "$raw" --out "$BUILD/bench" "${compare[@]}"
