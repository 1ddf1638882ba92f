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
#   scripts/bench.sh --pairs N          tcg and kvm: N interleaved pairs of boots (this, Linux,
#   PAIRS=N scripts/bench.sh            this, Linux, ...; default 3), each pair's ratio
#                                       this/Linux reported (icount: one boot per kernel)
#   scripts/bench.sh --compare FILE     also compare with a baseline; exit 3 when a median
#                                       grew more than BENCH_TOLERANCE percent (default 10)
# Logs: build/bench/raw/<kernel>-<accel>-<vendor>[-p<pair>].log (docs/benchmarks.md).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

accels=() linux=yes compare=() timeout=${TIMEOUT:-900} vendor=${VENDOR:-both} pairs=${PAIRS:-3}
while [ $# -gt 0 ]; do
	case $1 in
	--no-linux) linux=no; shift ;;
	--accel) accel_valid "${2:-}" || die "--accel needs auto, kvm, tcg or icount, not '${2:-}'"
		accels+=("$2"); shift 2 ;;
	--vendor) vendor_valid "${2:-}" || die "--vendor needs amd, intel or both, not '${2:-}'"
		vendor=$2; shift 2 ;;
	--pairs) pairs=${2:-}; shift $(($# >= 2 ? 2 : 1)) ;;
	--compare) [ $# -ge 2 ] || die "--compare needs a baseline file"; compare=(--baseline "$2" --tolerance "${BENCH_TOLERANCE:-10}"); shift 2 ;;
	-h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/bench.sh --help)" ;;
	esac
done
# ACCEL=NAME is --accel NAME; neither: the wall-clock mode (KVM or TCG) and icount.
if [ ${#accels[@]} -eq 0 ] && [ -n "${ACCEL:-}" ]; then accels=("$ACCEL"); fi
[ ${#accels[@]} -gt 0 ] || accels=(auto icount)
vendor_valid "$vendor" || die "VENDOR must be amd, intel or both, not '$vendor'"
[[ $pairs =~ ^[1-9][0-9]*$ ]] || die "--pairs (PAIRS=) needs a number of pairs, 1 or more, not '$pairs'"
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
# this_run ACCEL VENDOR CPU [TAG]: one boot, its own copy of the image, the
# log RAW/this-ACCEL-VENDOR[TAG].log (TAG: -pN, the pair); ends the
# (sub)shell with the reason on failure.
this_run() {
	local a=$1 v=$2 cpu=$3 tag=${4:-} log img rc=0 what
	log=$raw/this-$a-$v$tag.log img=$BUILD/bench/trapbench-$a-$v.img what="$1, $2${4:+, pair ${4#-p}}"
	image_with_cmdline "$img" "init=/bin/trapbench syscall_ring=off"
	note "this kernel, $what (-cpu $cpu): booting with init=/bin/trapbench"
	QEMU_CPU=$cpu ACCEL_RESOLVED=$a boot_headless "$img" "$log" "$timeout" || rc=$?
	rm -f "$img"
	[ "$rc" -ne "$QEMU_KVM_FAILED" ] ||
		die "trapbench under kvm: KVM failed ($(kvm_stop_reason "$log")); ACCEL=tcg avoids it"
	[ "$rc" -eq "$QEMU_SUCCESS" ] || die "trapbench under $what ended with QEMU status $rc (log: $log)"
	note "this kernel, $what: $(grep -c 'BENCH ' "$log") BENCH lines"
}

# linux_side ARGS...: scripts/linux-bench.sh ARGS --out RAW. Linux is the
# reference, not the subject: when it cannot run (status 2: skipped, e.g.
# offline; anything else: failed), say so, drop its logs and set linux=no,
# so that the report shows this kernel alone and no later pair tries again.
linux_side() {
	local rc=0
	"$ROOT/scripts/linux-bench.sh" "$@" --out "$raw" || rc=$?
	case $rc in
	0) ;;
	2) note "Linux side skipped (see above); charts show this kernel only"; linux=no ;;
	*) note "warning: the Linux side failed (status $rc, logs in $BUILD/linux); charts show this kernel only"
	   rm -f "$raw"/linux-*.log; linux=no ;;
	esac
}

# icount: one boot per kernel and vendor. A tick is an instruction whatever
# else the host runs, so the figures do not change, the vendors boot side
# by side, and the benchmark's time (all boot) halves on two cores.
host=$(vendor_host)
wall=()
for a in "${accels[@]}"; do
	if [ "$a" != icount ]; then wall+=("$a"); continue; fi
	pids=()
	for v in "${vendors[@]}"; do
		cpu=$(vendor_cpu "$a" "$v" "$host") || { note "this kernel, $a, $v: skipped: $cpu"; continue; }
		this_run "$a" "$v" "$cpu" &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p" || die "a trapbench boot under $a failed (see above)"; done
	[ "$linux" = no ] || linux_side --accel icount --vendor "$vendor"
done

# tcg and kvm: a tick is host time, and host load shifts while the kernels
# boot one after the other. So the boots alternate in pairs, this then
# Linux, PAIRS times per vendor: a load that comes and goes hits both sides
# of some pairs and one side of others, and the spread of the per-pair
# ratios (bench-report.sh: the ratios) shows how much. One boot at a time,
# the console shown as it comes. Logs RAW/<kernel>-ACCEL-VENDOR-pN.log;
# --pairs 1 (or no Linux) keeps the single boot and its name without -pN.
for a in "${wall[@]}"; do
	n=$pairs
	[ "$linux" = yes ] || n=1
	for ((p = 1; p <= n; p++)); do
		tag=""
		[ "$n" -eq 1 ] || tag=-p$p
		for v in "${vendors[@]}"; do
			cpu=$(vendor_cpu "$a" "$v" "$host") || { [ "$p" -gt 1 ] || note "this kernel, $a, $v: skipped: $cpu"; continue; }
			[ "$n" -eq 1 ] || note "$a, $v: pair $p of $n"
			SHOW_SERIAL=1 this_run "$a" "$v" "$cpu" "$tag"
			if [ "$linux" = yes ]; then
				if [ "$n" -eq 1 ]; then linux_side --accel "$a" --vendor "$v"
				else linux_side --accel "$a" --vendor "$v" --pair "$p"; fi
			fi
		done
	done
done

"$ROOT/scripts/bench-report.sh" --raw "$raw" --out "$BUILD/bench" "${compare[@]}"
