#!/usr/bin/env bash
# linux-selftests.sh - build Linux's x86 entry selftests (64-bit, static) from a
# Linux source tree and run each one in the guest, one boot per test.
#
#   scripts/linux-selftests.sh LINUX_SRC [TEST...]
#
#   LINUX_SRC  a Linux checkout (tools/testing/selftests/x86 is read; nothing
#              of it is copied into this repository)
#   TEST...    only these (default: every 64-bit test below that builds)
#
# The binaries go to BUILD/linux-selftests/bin (BUILD defaults to
# ROOT/build-selftests, a build tree of its own configured with
# -DEXTRA_INITRD_DIR= that directory, so they land in the initrd as /extra);
# each boots as `init=/bin/init -- /extra/NAME` (init mounts /proc and
# /tmp first, as the tests expect), its console in
# BUILD/linux-selftests/NAME.log. One line per test: pass (init exited 0),
# FAIL (non-zero, a fatal signal), PANIC or TIMEOUT; then "N passed, N failed".
# Environment: SELFTEST_TIMEOUT (seconds per boot, default 120), CC (gcc),
# and what scripts/run.sh understands (ACCEL, QEMU_CPU, SMP, MEM).
# Results and the known differences: docs/linux-selftests.md. Not part of
# scripts/test.sh.
set -euo pipefail
export BUILD=${BUILD:-$(cd "$(dirname "$0")/.." && pwd)/build-selftests}
# shellcheck source=scripts/lib/common.sh
source "$(dirname "$0")/lib/common.sh"

[ $# -ge 1 ] || { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
src=$(cd "$1" && pwd)
shift
x86=$src/tools/testing/selftests/x86
[ -d "$x86" ] || die "no $x86: LINUX_SRC is not a Linux source tree"

# The 64-bit programs of the selftests' Makefile (TARGETS_C_BOTHBITS and
# TARGETS_C_64BIT_ONLY), and the x87 ones it builds 32-bit only, which
# run as well 64-bit. Vm86, LDT and 32-bit-only vDSO tests are left out.
all=(single_step_syscall sysret_ss_attrs syscall_nt test_mremap_vdso check_initial_reg_state
	sigreturn iopl ioperm test_vsyscall mov_ss_trap syscall_arg_fault fsgsbase_restore
	sigaltstack nx_stack sigtrap_loop int_signal fsgsbase sysret_rip syscall_numbering
	corrupt_xstate_header amx lam avx apx test_shadow_stack test_vdso
	test_FCMOV test_FCOMI test_FISTTP)
if [ $# -gt 0 ]; then tests=("$@"); else tests=("${all[@]}"); fi

out=$BUILD/linux-selftests
mkdir -p "$out/bin"
cc=${CC:-gcc}
cflags=(-O2 -g -std=gnu99 -pthread -Wall -DCAN_BUILD_64 -static -I"$x86" -I"$src/tools/testing/selftests")
built=()
for t in "${tests[@]}"; do
	[ -f "$x86/$t.c" ] || { echo "linux-selftests: $t: no $t.c in this tree, skipped" >&2; continue; }
	srcs=("$x86/$t.c") extra=()
	case $t in                  # the Makefile's per-test additions
	check_initial_reg_state) extra=("-Wl,-ereal_start") ;;
	nx_stack) extra=("-Wl,-z,noexecstack") ;;
	sysret_ss_attrs) srcs+=("$x86/thunks.S") ;;
	esac
	if [ -f "$x86/xstate.c" ] && grep -q '"xstate.h"' "$x86/$t.c"; then
		srcs+=("$x86/xstate.c") extra+=(-mno-avx -mno-avx512f)
	fi
	if "$cc" "${cflags[@]}" "${extra[@]}" -o "$out/bin/$t" "${srcs[@]}" -lrt -ldl -lm >"$out/$t.build.log" 2>&1; then
		built+=("$t")
	else
		echo "linux-selftests: $t: does not build here ($out/$t.build.log), skipped" >&2
	fi
done
[ ${#built[@]} -gt 0 ] || die "nothing built"

# Only the binaries asked for this time go to /extra.
find "$out/bin" -type f | while read -r f; do
	keep=no
	for t in "${built[@]}"; do [ "$(basename "$f")" = "$t" ] && keep=yes; done
	[ $keep = yes ] || rm -f "$f"
done
cmake -S "$ROOT" -B "$BUILD" -DEXTRA_INITRD_DIR="$out/bin" >/dev/null

pass=0 fail=0
for t in "${built[@]}"; do
	set +e
	timeout -k 5 "${SELFTEST_TIMEOUT:-120}" "$ROOT/scripts/run.sh" boot --no-gui \
		--cmdline "init=/bin/init -- /extra/$t" </dev/null >"$out/$t.log" 2>&1
	rc=$?
	set -e
	case $rc in
	0) what=pass ;;
	2) what=PANIC ;;
	124 | 137) what=TIMEOUT ;;
	*) what=FAIL ;;
	esac
	[ $what = pass ] && pass=$((pass + 1)) || fail=$((fail + 1))
	printf '%-26s %s\n' "$t" "$what"
done
echo "linux-selftests: $pass passed, $fail failed (logs in $out)"
[ $fail -eq 0 ]
