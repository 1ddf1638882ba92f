# accel.sh - which QEMU accelerator a boot uses, the same rule for every
# script (sourced by common.sh). KVM is trusted only after a probe has shown
# that it boots this project's firmware: a /dev/kvm that opens is not enough
# (a paravirtual or nested KVM may stop at OVMF's first x87 instruction with
# "KVM internal error ... emulation failure" and leave QEMU paused forever).
#
#   ACCEL=auto (default)   KVM when the probe passed, TCG otherwise
#   ACCEL=kvm              KVM, or a one-line error saying why not
#   ACCEL=tcg              plain TCG: wall-clock-like TSC ticks
#   ACCEL=icount           TCG with -icount shift=0: one TSC tick = one instruction
# --accel NAME on any script's command line means the same as ACCEL=NAME.
#
# SMP=N (default 2) is the number of vCPUs (-smp N) every boot gets, under
# multi-threaded TCG (one host thread per vCPU) when N > 1; icount runs get
# -smp 1 whatever SMP says: QEMU cannot run -icount with multi-threaded TCG
# (and one vCPU is what keeps icount's figures exact). docs/accel.md.
#
# The probe boots the built image under KVM until the loader's first serial
# line ("bootloader: started"), at most ACCEL_PROBE_TIMEOUT seconds (default
# 10), and stops at once on a KVM failure. Its verdict is kept in
# BUILD/accel-probe, keyed by host, kernel, CPU, QEMU version and firmware;
# `rm build/accel-probe` asks again. docs/accel.md has the whole story.

ACCEL_PROBE_TIMEOUT=${ACCEL_PROBE_TIMEOUT:-10}
# QEMU's status from boot_headless when the boot was stopped because KVM
# failed (QEMU itself would sit paused with the VM stopped).
QEMU_KVM_FAILED=90

# --- pure functions (host-tested: scripts/tests/test_accel.sh) ---------------

# accel_valid NAME: true for a name ACCEL and --accel accept.
accel_valid() {
	case $1 in auto|kvm|tcg|icount) return 0 ;; *) return 1 ;; esac
}

# accel_kvm_failure LINE: the reason when a line of QEMU's output says KVM
# failed to run the guest, or nothing (status 1).
accel_kvm_failure() {
	case $1 in
	*"KVM internal error"*) echo "KVM internal error" ;;
	*"emulation failure"*) echo "emulation failure" ;;
	*"failed to initialize kvm"* | *"failed to initialize KVM"*) echo "QEMU could not initialise KVM" ;;
	*"Could not access KVM kernel module"*) echo "QEMU could not open the KVM module" ;;
	*) return 1 ;;
	esac
}

# accel_probe_verdict LOG: what a probe's log (boot_headless's) shows:
# "ok", or "fail:REASON" (status 0 either way).
accel_probe_verdict() {
	local log=$1 line reason="" why
	if grep -aq 'bootloader: started' "$log" 2>/dev/null; then
		echo ok
		return
	fi
	while IFS= read -r line; do
		why=$(accel_kvm_failure "$line") || continue
		case $reason in
		"") reason=$why ;;
		*"$why"*) ;;
		*) reason="$reason, $why" ;;
		esac
	done <"$log"
	case $reason in
	*"emulation failure"*) echo "fail:emulation failure in firmware" ;;
	"") echo "fail:no loader line within ${ACCEL_PROBE_TIMEOUT}s" ;;
	*) echo "fail:$reason" ;;
	esac
}

# accel_decide REQUEST KVM_DEVICE PROBE: the choice, as "NAME<TAB>MESSAGE"
# (status 0), or "error<TAB>MESSAGE" (status 1).
#   REQUEST     auto|kvm|tcg|icount
#   KVM_DEVICE  yes when /dev/kvm opens read-write, no otherwise
#   PROBE       ok | fail:REASON | - (not probed)
# No probe is needed (pass -) when REQUEST is tcg or icount, or when there
# is no device.
accel_decide() {
	local req=$1 dev=$2 probe=$3
	case $req in
	tcg) printf 'tcg\taccel: tcg (asked for)\n' ;;
	icount) printf 'icount\taccel: icount (asked for): tcg with -icount shift=0\n' ;;
	auto | kvm)
		if [ "$dev" != yes ]; then
			if [ "$req" = kvm ]; then
				printf 'error\taccel: kvm asked for, but /dev/kvm is missing or not readable and writable\n'
				return 1
			fi
			printf 'tcg\taccel: no usable /dev/kvm; using TCG\n'
		elif [ "$probe" = ok ]; then
			printf 'kvm\taccel: kvm (probe booted the firmware)\n'
		elif [ "$probe" = - ]; then
			printf 'error\taccel: kvm was not probed\n'
			return 1
		elif [ "$req" = kvm ]; then
			printf 'error\taccel: kvm asked for, but it cannot run here (%s); use ACCEL=tcg (rm build/accel-probe probes again)\n' "${probe#fail:}"
			return 1
		else
			printf 'tcg\taccel: kvm unusable here (%s); using TCG\n' "${probe#fail:}"
		fi
		;;
	*)
		printf "error\taccel: ACCEL/--accel must be auto, kvm, tcg or icount, not '%s'\n" "$req"
		return 1
		;;
	esac
}

# smp_valid N: true for a vCPU count SMP accepts (1..16, the kernel's MAX_CPUS).
smp_valid() {
	[[ $1 =~ ^[1-9][0-9]*$ ]] && [ "$1" -le 16 ]
}

# smp_count NAME: the vCPUs (-smp) a boot under accelerator NAME gets: SMP
# (default 2), but always 1 under icount.
smp_count() {
	case $1 in
	icount) echo 1 ;;
	*) echo "${SMP:-2}" ;;
	esac
}

# accel_args NAME: QEMU's accelerator and CPU options for kvm, tcg or
# icount, one word per line, multi-threaded TCG when smp_count says more
# than one vCPU. QEMU_CPU replaces the CPU model (the matrix).
accel_args() {
	local tcg=tcg
	[ "$(smp_count tcg)" -eq 1 ] || tcg=tcg,thread=multi
	case $1 in
	kvm) printf '%s\n' -accel kvm -cpu "${QEMU_CPU:-host}" ;;
	tcg) printf '%s\n' -accel "$tcg" -cpu "${QEMU_CPU:-max}" ;;
	icount) printf '%s\n' -accel tcg -cpu "${QEMU_CPU:-max}" -icount shift=0 ;;
	*) die "no QEMU options for accelerator '$1'" ;;
	esac
}

# --- the probe and its cache ---------------------------------------------------

# kvm_device: yes when /dev/kvm can be opened for reading and writing.
kvm_device() {
	if [ -c /dev/kvm ] && (: <>/dev/kvm) 2>/dev/null; then echo yes; else echo no; fi
}

# accel_probe_key: what a verdict depends on, one line.
accel_probe_key() {
	local fw
	fw=$(ovmf_code)
	printf '%s|%s|%s|%s|%s\n' "$(uname -n)" "$(uname -r)" \
		"$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | xargs)" \
		"$(qemu-system-x86_64 --version | head -1)" "$fw $(stat -c '%s %Y' "$fw")"
}

# accel_probe: "ok" or "fail:REASON", from BUILD/accel-probe when its key
# matches this host, else by booting the built image under KVM. Only a
# definite verdict is kept (the loader's line, or KVM named as the failure);
# a silent time-out is used for this run but asked again next time. The
# probe's machine is fixed (q35, 512M, -cpu host): MEM, QEMU_CPU and
# QEMU_MACHINE are the user's boots', not the probe's.
accel_probe() {
	local cache=$BUILD/accel-probe key verdict img log t0 rc
	key=$(accel_probe_key)
	if [ -f "$cache" ] && [ "$(sed -n 1p "$cache")" = "$key" ]; then
		sed -n 2p "$cache"
		return
	fi
	[ -f "$BUILD/disk.img" ] || die "accel: cannot probe KVM before the image is built ($BUILD/disk.img); build first, or set ACCEL=tcg"
	mkdir -p "$BUILD/probe"
	img=$(mktemp "$BUILD/probe/probe.XXXXXX.img") log=$BUILD/probe/probe.log
	cp --sparse=always "$BUILD/disk.img" "$img"   # its own copy: QEMU locks the image it boots
	t0=${EPOCHREALTIME//[!0-9]/}
	rc=0
	MEM=512M QEMU_MACHINE=q35 QEMU_CPU= SERIAL_IN=/dev/null SHOW_SERIAL= ACCEL_RESOLVED=kvm \
		boot_headless "$img" "$log" "$ACCEL_PROBE_TIMEOUT" 'bootloader: started' || rc=$?
	verdict=$(accel_probe_verdict "$log")
	rm -f "$img"
	case $verdict in
	ok | "fail:emulation failure"* | "fail:KVM"* | "fail:QEMU could not"*)
		printf '%s\n%s\n%d ms\n# line 1: host, kernel, CPU, QEMU, firmware; 2: verdict; 3: probe time; log: %s\n' \
			"$key" "$verdict" $(((${EPOCHREALTIME//[!0-9]/} - t0) / 1000)) "$log" >"$cache.$$"
		mv "$cache.$$" "$cache" ;;
	*) rm -f "$cache"
	   note "accel: the KVM probe ended without a verdict (QEMU status $rc; last line: $(tail -1 "$log" | cut -c10-)); not kept" ;;
	esac
	echo "$verdict"
}

# accel_resolve_all REQUEST...: accel_resolve each request, in the parent
# shell (its verdicts are said once); ACCELS holds the choices, each once.
accel_resolve_all() {
	local a
	ACCELS=()
	for a in "$@"; do
		accel_resolve "$a"
		[[ " ${ACCELS[*]} " == *" $ACCEL_RESOLVED "* ]] || ACCELS+=("$ACCEL_RESOLVED")
	done
}

# kvm_stop_reason LOG: why boot_headless stopped a boot whose KVM failed.
kvm_stop_reason() {
	sed -n 's/^ *[0-9.]* # qemu: stopped: //p' "$1" | head -1
}

# accel_resolve [REQUEST]: set and export ACCEL_RESOLVED (kvm, tcg or icount)
# for REQUEST (default $ACCEL, else auto), probing KVM when that matters.
# Says the verdict once per run (child scripts inherit ACCEL_SAID); an
# impossible request ends the script with the reason in one line.
accel_resolve() {
	local req=${1:-${ACCEL:-auto}} dev probe=- out choice msg
	accel_valid "$req" || die "ACCEL/--accel must be auto, kvm, tcg or icount, not '$req'"
	[ -z "${SMP:-}" ] || smp_valid "$SMP" || die "SMP must be a number of CPUs from 1 to 16, not '$SMP'"
	dev=no
	case $req in auto | kvm) dev=$(kvm_device) ;; esac
	if [ "$dev" = yes ]; then
		probe=$(accel_probe) || exit 1
	fi
	out=$(accel_decide "$req" "$dev" "$probe") || { echo "error: ${out#*$'\t'}" >&2; exit 1; }
	choice=${out%%$'\t'*} msg=${out#*$'\t'}
	if [[ ";${ACCEL_SAID:-};" != *";$choice:$req;"* ]]; then
		[ "$probe" = - ] || [ ! -f "$BUILD/accel-probe" ] ||
			msg="$msg [probe: $(sed -n 3p "$BUILD/accel-probe"), kept in ${BUILD#"$ROOT"/}/accel-probe; remove it to probe again]"
		note "$msg"
		[ "$choice" != icount ] || [ -z "${SMP:-}" ] || [ "$SMP" = 1 ] ||
			note "accel: icount boots with -smp 1, not SMP=$SMP (QEMU cannot run -icount with multi-threaded TCG)"
		export ACCEL_SAID="${ACCEL_SAID:-};$choice:$req"
	fi
	export ACCEL_RESOLVED=$choice
}
