#!/usr/bin/env bash
# test_accel.sh - host test of the accelerator choice (scripts/lib/accel.sh):
# the decision for every request, device and probe verdict; how a probe's
# log is read (a real KVM failure as QEMU prints it); QEMU's options; and
# accel_resolve with the device and the probe replaced, for its one-line
# error and its verdict said once; the vCPU count (-smp) in QEMU's command
# line. Prints `N passed, N failed`.
set -uo pipefail
source "$(dirname "$0")/../lib/common.sh"
unset QEMU_CPU QEMU_MACHINE MEM SMP ACCEL ACCEL_SAID ACCEL_RESOLVED ACCEL_PROBE_TIMEOUT   # the caller's, not ours
source "$(dirname "$0")/testlib.sh"    # $tmp, ok, bad, same

# --- accel_decide REQUEST DEVICE PROBE --------------------------------------
# decide REQUEST DEVICE PROBE WANT-CHOICE WANT-STATUS MESSAGE-PART
decide() {
	local out st
	out=$(accel_decide "$1" "$2" "$3")
	st=$?
	same "decide $1 $2 $3: choice" "${out%%$'\t'*}" "$4"
	same "decide $1 $2 $3: status" "$st" "$5"
	[[ ${out#*$'\t'} == *"$6"* ]] && ok || bad "decide $1 $2 $3: message '${out#*$'\t'}' lacks '$6'"
	[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && ok || bad "decide $1 $2 $3: not one line"
}
decide tcg yes ok tcg 0 "tcg (asked for)"
decide tcg no - tcg 0 "tcg"
decide icount yes - icount 0 "icount shift=0"
decide auto no - tcg 0 "no usable /dev/kvm; using TCG"
decide auto yes ok kvm 0 "probe booted the firmware"
decide auto yes "fail:emulation failure in firmware" tcg 0 \
	"accel: kvm unusable here (emulation failure in firmware); using TCG"
decide auto yes "fail:no loader line within 10s" tcg 0 "(no loader line within 10s)"
decide kvm yes ok kvm 0 "kvm"
decide kvm yes "fail:emulation failure in firmware" error 1 \
	"kvm asked for, but it cannot run here (emulation failure in firmware)"
decide kvm no - error 1 "/dev/kvm is missing"
decide auto yes - error 1 "not probed"
decide fast no - error 1 "not 'fast'"
decide "" no - error 1 "must be auto, kvm, tcg or icount"

for a in auto kvm tcg icount; do accel_valid "$a" && ok || bad "accel_valid $a"; done
for a in "" KVM tcg, hvf; do accel_valid "$a" && bad "accel_valid '$a' accepted" || ok; done

# --- reading QEMU's output ------------------------------------------------------
same "kvm failure: internal error" "$(accel_kvm_failure 'KVM internal error. Suberror: 1')" "KVM internal error"
same "kvm failure: emulation" "$(accel_kvm_failure '  1.234 emulation failure')" "emulation failure"
same "kvm failure: init" "$(accel_kvm_failure 'qemu-system-x86_64: -accel kvm: failed to initialize kvm: Permission denied')" \
	"QEMU could not initialise KVM"
accel_kvm_failure "bootloader: started" >/dev/null && bad "a loader line read as a KVM failure" || ok

# A probe's log as boot_headless writes it, from a host whose KVM cannot run OVMF.
cat >"$tmp/fail.log" <<'EOF'
   0.041 KVM internal error. Suberror: 1
   0.041 extra data[0]: 0x0000000000000001
   0.041 # qemu: stopped: KVM internal error
   0.042 emulation failure
   0.042 EAX=00000000 EBX=00807000 ECX=00000001 EDX=00807154
   0.042 EIP=fffced45 EFL=00000046 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=0
   0.055 qemu-system-x86_64: terminating on signal 15 from pid 1234 (timeout)
EOF
same "probe log: emulation failure" "$(accel_probe_verdict "$tmp/fail.log")" "fail:emulation failure in firmware"
printf '   2.100 BdsDxe: loading Boot0001\n   2.310 bootloader: started\n' >"$tmp/ok.log"
same "probe log: loader reached" "$(accel_probe_verdict "$tmp/ok.log")" ok
printf '   0.010 qemu-system-x86_64: -accel kvm: failed to initialize kvm: Permission denied\n' >"$tmp/perm.log"
same "probe log: no access" "$(accel_probe_verdict "$tmp/perm.log")" "fail:QEMU could not initialise KVM"
: >"$tmp/empty.log"
same "probe log: silence" "$(ACCEL_PROBE_TIMEOUT=7 accel_probe_verdict "$tmp/empty.log")" "fail:no loader line within 7s"

# --- QEMU's options ---------------------------------------------------------------
same "args kvm" "$(accel_args kvm | xargs)" "-accel kvm -cpu host"
same "args tcg" "$(accel_args tcg | xargs)" "-accel tcg,thread=multi -cpu max"     # 2 vCPUs by default
same "args tcg SMP=1" "$(SMP=1 accel_args tcg | xargs)" "-accel tcg -cpu max"
same "args icount" "$(accel_args icount | xargs)" "-accel tcg -cpu max -icount shift=0"
same "args icount SMP=4" "$(SMP=4 accel_args icount | xargs)" "-accel tcg -cpu max -icount shift=0"
same "args QEMU_CPU" "$(QEMU_CPU=EPYC-v3 accel_args tcg | xargs)" "-accel tcg,thread=multi -cpu EPYC-v3"
same "args kvm SMP=4" "$(SMP=4 accel_args kvm | xargs)" "-accel kvm -cpu host"

# --- the vCPU count: -smp in QEMU's command line (qemu_cmd), SMP= ------------------
# smp_of ACCEL [SMP]: the -smp value qemu_cmd gives (firmware lookups stubbed).
smp_of() {
	(
		ovmf_code() { echo /fw/code.fd; }
		[ $# -lt 2 ] || export SMP=$2
		ACCEL_RESOLVED=$1 qemu_cmd img.img vars.fd | grep -A1 -x -- -smp | tail -1
	)
}
same "-smp default" "$(smp_of tcg)" 2
same "-smp SMP=4" "$(smp_of tcg 4)" 4
same "-smp SMP=1" "$(smp_of tcg 1)" 1
same "-smp kvm SMP=3" "$(smp_of kvm 3)" 3
same "-smp icount" "$(smp_of icount)" 1
same "-smp icount SMP=4" "$(smp_of icount 4)" 1
same "qemu_cmd: multi-threaded TCG" "$( (ovmf_code() { echo /fw; }; ACCEL_RESOLVED=tcg qemu_cmd i v) | grep -c -x 'tcg,thread=multi')" 1
for n in 1 2 16; do smp_valid "$n" && ok || bad "smp_valid $n"; done
for n in 0 17 "" two 2x -1; do smp_valid "$n" && bad "smp_valid '$n' accepted" || ok; done

# --- accel_resolve, with the device and the probe replaced ------------------------
# resolve DEVICE PROBE REQUEST: run accel_resolve in a child shell; sets
# $st, $choice and $err (what it printed on stderr).
resolve() {
	local out
	fake_dev=$1 fake_probe=$2     # globals: accel_resolve's locals would hide locals of ours
	out=$(
		kvm_device() { echo "$fake_dev"; }
		accel_probe() { echo "$fake_probe"; }
		export BUILD=$tmp ACCEL_SAID=""
		{ echo key; echo "$fake_probe"; echo "412 ms"; } >"$tmp/accel-probe"
		ACCEL=$3 accel_resolve 2>"$tmp/err" && echo "$ACCEL_RESOLVED"
	)
	st=$?
	choice=$out err=$(cat "$tmp/err")
}
resolve yes "fail:emulation failure in firmware" kvm
same "explicit kvm, probe failed: status" "$st" 1
same "explicit kvm, probe failed: one line" "$(printf '%s\n' "$err" | wc -l)" 1
[[ $err == "error: accel: kvm asked for, but it cannot run here (emulation failure in firmware); use ACCEL=tcg (rm build/accel-probe probes again)" ]] &&
	ok || bad "explicit kvm, probe failed: said '$err'"
resolve yes "fail:emulation failure in firmware" auto
same "auto, probe failed: choice" "$choice" tcg
[[ $err == *"kvm unusable here (emulation failure in firmware); using TCG [probe: 412 ms, kept in "*"accel-probe; remove it to probe again]" ]] &&
	ok || bad "auto, probe failed: said '$err'"
resolve yes ok auto
same "auto, probe passed: choice" "$choice" kvm
resolve no - auto
same "auto, no device: choice" "$choice" tcg
resolve yes ok ""
same "ACCEL empty means auto" "$choice" kvm

# Said once per run: a second resolve of the same request is silent.
twice=$(
	kvm_device() { echo no; }
	export BUILD=$tmp ACCEL_SAID=""
	{ accel_resolve auto; accel_resolve auto; accel_resolve icount; } 2>&1 >/dev/null
)
same "verdicts said once each" "$(printf '%s\n' "$twice" | grep -c '^==> accel: ')" 2

# icount with SMP asking for more says once that it boots one vCPU; plain
# icount, and SMP=1, say nothing about it; a bad SMP is a one-line error.
said() {
	(
		kvm_device() { echo no; }
		export BUILD=$tmp ACCEL_SAID=""
		[ -z "$1" ] || export SMP=$1
		{ accel_resolve icount; accel_resolve icount; } 2>&1 >/dev/null
	)
}
same "icount SMP=4: said once" "$(said 4 | grep -c 'icount boots with -smp 1, not SMP=4')" 1
same "icount, no SMP: silent" "$(said "" | grep -c 'smp')" 0
same "icount SMP=1: silent" "$(said 1 | grep -c 'smp')" 0
bad_smp=$( (export SMP=lots; accel_resolve tcg) 2>&1)
same "SMP=lots: status" "$?" 1
[[ $bad_smp == "error: SMP must be a number of CPUs from 1 to 16, not 'lots'" ]] && ok || bad "SMP=lots said '$bad_smp'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
