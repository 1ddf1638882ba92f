#!/usr/bin/env bash
# linux-bench.sh - run trapbench as /init of Debian's Linux 6.1 kernel in QEMU
# (q35, 512M, one CPU, the CPU model of our own runs) for a reference figure.
#
#   scripts/linux-bench.sh                          accels tcg and icount, logs in build/bench/raw
#   scripts/linux-bench.sh --accel kvm --accel tcg  other accelerators (auto|kvm|tcg|icount;
#                                                   ACCEL= means the same; docs/accel.md)
#   scripts/linux-bench.sh --vendor amd|intel|both  guest CPU vendor(s) (VENDOR=; default both;
#                                                   kvm: the host's only; scripts/lib/vendor.sh)
#   scripts/linux-bench.sh --out DIR                logs in DIR
#   scripts/linux-bench.sh --pair N                 the log is linux-<accel>-<vendor>-pN.log, pair N
#                                                   of scripts/bench.sh's interleaved pairs
#
# Writes OUT/linux-<accel>-<vendor>[-pN].log, the guest's serial console (BENCH
# lines as trapbench printed them), for scripts/bench-report.sh. /init is
# the 64-bit trapbench, /exit0 the program its fork_exec case execs
# (apps/exit0); /trapbench32, the same source built -m32, joins it
# when it builds (linux_build_trapbench32). The newest
# linux-image-6.1.0-N-amd64 package apt offers is downloaded once into
# build/linux/ (apt-get download, no root needed).
# Environment: LINUX_BENCH_TIMEOUT (seconds per run; default tcg 300,
# icount 600, kvm 120), LINUX_APPEND (more kernel arguments), CC (cc).
#
# Exit status: 0 every run printed BENCH lines, 1 an error, 2 skipped (no
# kernel: offline, or apt has none), with a "linux-bench: skipped:" line.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$ROOT/scripts/lib/linux.sh"

# Exit status 2 means "skipped": make sure no other failure ends with it.
skipped=no
# shellcheck disable=SC2154
run_dir=""
trap 'st=$?; rm -rf "${run_dir:-}"; if [ $st -eq 2 ] && [ $skipped = no ]; then echo "error: linux-bench: failed" >&2; exit 1; fi' EXIT

OUT=$BUILD/bench/raw
accels=() vendor=${VENDOR:-both} tag=""
while [ $# -gt 0 ]; do
	case $1 in
	--accel|--out)
		[ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"
		if [ "$1" = --out ]; then OUT=$2; else IFS=, read -ra a <<<"$2"; accels+=("${a[@]}"); fi
		shift 2 ;;
	--vendor) vendor_valid "${2:-}" || die "--vendor needs amd, intel or both, not '${2:-}'"
		vendor=$2; shift 2 ;;
	--pair) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--pair needs a pair number (1, 2, ...), not '${2:-}'"
		tag=-p$2; shift 2 ;;
	--accel=*) IFS=, read -ra a <<<"${1#*=}"; accels+=("${a[@]}"); shift ;;
	--out=*) OUT=${1#*=}; shift ;;
	-h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/linux-bench.sh --help)" ;;
	esac
done
# ACCEL=NAME is --accel NAME. kvm and auto go through the same probe as
# every other boot (docs/accel.md); it needs the built image.
if [ ${#accels[@]} -eq 0 ] && [ -n "${ACCEL:-}" ]; then accels=("$ACCEL"); fi
[ ${#accels[@]} -gt 0 ] || accels=(tcg icount)
accel_resolve_all "${accels[@]}"
accels=("${ACCELS[@]}")
vendor_valid "$vendor" || die "VENDOR must be amd, intel or both, not '$vendor'"
mapfile -t vendors < <(vendor_list "$vendor")

# --- tools ------------------------------------------------------------------
missing=()
for p in qemu-system-x86 cpio libc6-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v "${CC:-cc}" >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
	echo "These Debian packages are missing: ${missing[*]}" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get install ${missing[*]}" >&2
	exit 1
fi

# --- the kernel ---------------------------------------------------------------
rc=0
linux_fetch || rc=$?
if [ "$rc" -eq 2 ]; then
	echo "linux-bench: skipped: $LINUX_SKIP"
	skipped=yes
	exit 2
fi
[ "$rc" -eq 0 ] || die "could not get a kernel"
linux_unpack
linux_check_config
note "kernel: $LINUX_VMLINUZ"

# --- the initramfs --------------------------------------------------------------
# A private directory: runs may overlap (logs go to OUT when a run is over).
run_dir=$(mktemp -d "$LINUX_DIR/run.XXXXXX")
linux_build_trapbench "$run_dir/trapbench"
tb32=$run_dir/trapbench32
why=$(linux_build_trapbench32 "$tb32") || { note "no 32-bit trapbench: $why"; tb32=""; }
linux_build_exit0 "$run_dir/exit0"
linux_initrd "$run_dir/trapbench" "$run_dir/initrd.cpio" "$run_dir/exit0" "$tb32"

# --- the runs ---------------------------------------------------------------------
# linux_run ACCEL VENDOR CPU: one boot; OUT/linux-ACCEL-VENDOR[-pN].log; status
# 1 with the reason and the log's last lines when it did not report.
linux_run() {
	local accel=$1 v=$2 cpu=$3 limit name log err t0 rc=0 took n problem="" code
	case $accel in
	tcg) limit=300 ;;
	icount) limit=600 ;;     # -icount shift=0: the guest runs at one instruction per ns
	kvm) limit=120 ;;
	esac
	limit=${LINUX_BENCH_TIMEOUT:-$limit}
	name=linux-$accel-$v$tag
	log=$run_dir/$name.log
	err=$run_dir/qemu-$accel-$v$tag.stderr
	note "$accel, $v${tag:+, pair ${tag#-p}} (-cpu $cpu): booting Linux with trapbench as /init (limit ${limit}s)"
	t0=$SECONDS
	QEMU_CPU=$cpu linux_boot "$accel" "$run_dir/initrd.cpio" "$log" "$err" "$limit" || rc=$?
	took=$((SECONDS - t0))
	mkdir -p "$OUT"
	cp "$log" "$OUT/$name.log"
	log=$OUT/$name.log
	n=$(grep -c '^BENCH ' "$log" || true)
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		problem="timed out after ${limit}s (LINUX_BENCH_TIMEOUT sets the limit)"
	elif [ "$rc" -ne 0 ]; then
		problem="QEMU failed (status $rc): $(head -3 "$err" | tr '\n' ' ')"
	elif grep -q 'Kernel panic' "$log"; then
		code=$(sed -n 's/.*Attempted to kill init! exitcode=\(0x[0-9a-fA-F]*\).*/\1/p' "$log" | head -1)
		problem="kernel panic: $(sed -n 's/.*Kernel panic - not syncing: *//p' "$log" | head -1)"
		if [ -n "$code" ]; then
			problem="trapbench (init) ended with status $code"
			[ $((code & 0x7f)) -eq 0 ] || problem="trapbench (init) was killed by signal $((code & 0x7f))"
		fi
	elif [ "$n" -eq 0 ]; then
		problem="no BENCH lines"
	fi
	if [ -n "$problem" ]; then
		{ echo "error: $name: $problem after ${took}s; last lines of $log:"; tail -8 "$log" | sed 's/^/    /'; } >&2
		return 1
	fi
	grep -q '^trapbench: done' "$log" || note "warning: $log has no 'trapbench: done' line"
	! grep -q '^trapbench: .*trapbench32 failed' "$log" || note "warning: $log: the 32-bit trapbench failed"
	{ echo "==> $accel, $v${tag:+, pair ${tag#-p}}: $n BENCH lines in ${took}s"
	  sed -n 's/^BENCH .*"path": "\([^"]*\)", "call": "\([^"]*\)".*"median": \([0-9]*\).*/\1 \2 \3/p' "$log" |
		awk -v a="$accel" -v v="$v" '{ printf "    %-6s %-5s %-15s %-14s median %s\n", a, v, $1, $2, $3 }'; } >&2
}

# Under icount the vendors boot side by side (the figures count
# instructions, whatever else the host runs); tcg and kvm one at a time.
failed=0 runs=0 logs=()
host=$(vendor_host)
for accel in "${accels[@]}"; do
	pids=()
	for v in "${vendors[@]}"; do
		cpu=$(vendor_cpu "$accel" "$v" "$host") || { note "$accel, $v: skipped: $cpu"; continue; }
		runs=$((runs + 1))
		logs+=("$OUT/linux-$accel-$v$tag.log")
		if [ "$accel" = icount ]; then
			linux_run "$accel" "$v" "$cpu" &
			pids+=($!)
		else
			linux_run "$accel" "$v" "$cpu" || failed=$((failed + 1))
		fi
	done
	for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
done
[ "$failed" -eq 0 ] || die "$failed of $runs Linux run(s) failed"
note "logs: ${logs[*]}"
