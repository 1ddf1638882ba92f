# shellcheck shell=bash
# vendor.sh - which CPU vendor a benchmark guest sees (sourced by common.sh).
# Some entry paths depend on it: `sysenter` exists in long mode only on
# Intel vendors, AMD vendors use `syscall` from compat mode, and the 32-bit
# vDSO's __kernel_vsyscall picks by vendor. So scripts/bench.sh and
# scripts/linux-bench.sh run each accelerator under one or both vendors
# (--vendor amd|intel|both, or VENDOR=); docs/benchmarks.md says how.
#
#   amd     -cpu max,vendor=AuthenticAMD (tcg, icount)
#   intel   -cpu max,vendor=GenuineIntel (tcg, icount)
#   kvm     -cpu host: only the host's own vendor can run; the other is skipped
# QEMU_CPU replaces "max" (and "host") as in accel.sh; the vendor is added.

# --- pure functions (host-tested: scripts/tests/test_bench_report.sh) --------

# vendor_valid NAME: true for a name --vendor and VENDOR accept.
vendor_valid() {
	case $1 in amd|intel|both) return 0 ;; *) return 1 ;; esac
}

# vendor_list REQUEST: the vendors a request runs, one per line (amd first).
vendor_list() {
	case $1 in
	both) printf '%s\n' amd intel ;;
	amd|intel) printf '%s\n' "$1" ;;
	*) return 1 ;;
	esac
}

# vendor_cpuid NAME: the CPUID vendor string of amd or intel.
vendor_cpuid() {
	case $1 in
	amd) echo AuthenticAMD ;;
	intel) echo GenuineIntel ;;
	*) return 1 ;;
	esac
}

# vendor_name CPUID: amd or intel for a CPUID vendor string (status 1 for others).
vendor_name() {
	case $1 in
	AuthenticAMD) echo amd ;;
	GenuineIntel) echo intel ;;
	*) return 1 ;;
	esac
}

# vendor_cpu ACCEL VENDOR HOST: the -cpu value for a run of ACCEL (kvm, tcg
# or icount) under VENDOR, on a host whose vendor is HOST; status 1 with the
# reason when that cannot run (KVM shows the guest the host's vendor).
vendor_cpu() {
	local accel=$1 vendor=$2 host=$3
	case $accel in
	tcg|icount) echo "${QEMU_CPU:-max},vendor=$(vendor_cpuid "$vendor")" ;;
	kvm)
		if [ "$vendor" = "$host" ]; then
			echo "${QEMU_CPU:-host}"
		else
			echo "kvm shows the guest the host's vendor (${host:-unknown}), not $vendor"
			return 1
		fi ;;
	*) echo "no CPU model for accelerator '$accel'"; return 1 ;;
	esac
}

# --- the host -------------------------------------------------------------------

# vendor_host: amd or intel, the vendor of this machine's CPU (empty if neither).
vendor_host() {
	vendor_name "$(sed -n 's/^vendor_id[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -1)" || true
}
