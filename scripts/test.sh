#!/usr/bin/env bash
# test.sh - every test: host unit tests (ctest) and the in-guest suites booted
# under QEMU + OVMF. Ends with `N passed, N failed`; exits non-zero on any
# failure, kernel panic or time-out.
#
#   scripts/test.sh              everything
#   scripts/test.sh --matrix     everything, then the conformance suite on other
#                                CPUs, machines and memory sizes, and usertests
#                                with -smp 1 and 4 (what CI runs)
#   scripts/test.sh --accel tcg  the accelerator (auto, kvm, tcg, icount; the
#                                same as ACCEL=; docs/accel.md)
#   TIMEOUT=300 scripts/test.sh  a longer per-boot limit (default 120 s)
#   STRESS_SECONDS=600 scripts/test.sh
#                                the concurrency stress run (section 3i) for 600 s of
#                                rounds instead of one round
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

matrix=no
while [ $# -gt 0 ]; do
	case $1 in
	--matrix) matrix=yes; shift ;;
	--accel) accel_valid "${2:-}" || die "--accel needs auto, kvm, tcg or icount, not '${2:-}'"
		export ACCEL=$2; shift 2 ;;
	-h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/test.sh --help)" ;;
	esac
done

TIMEOUT=${TIMEOUT:-120}
STRESS_ROUND_LIMIT=300             # seconds one stress round may take (section 3i)

# Expected failures of section 3f, the unmodified static Linux programs
# (apps/linuxprogs, docs/linuxprogs.md). One line per case, TOOLCHAIN/NAME
# (a shell pattern), then why it fails and what it needs after that. A
# listed case's `not ok` is
# reported as `# TODO` and counted neither passed nor failed; a listed case
# that passes counts as passed, with a note to delete its line. The runner
# ending early, a panic or a hang still fail. Delete a line when the kernel
# runs that program; delete the whole list to make the section strict.
LINUXPROGS_XFAIL=''                # none: every program passes

# Expected failures of section 3g, the differential busybox test
# (rootfs/etc/bbtest, docs/busybox.md): one line per case of cases.sh (a
# shell pattern; `links` is the check that the initrd's applet symlinks
# reach the guest), then what the kernel lacks.
# Counted as in 3f; the whole-transcript comparison is a TODO too while
# only listed cases differ. Delete a line when its case passes.
BUSYBOX_XFAIL='
'

# xfail_in LIST CASE: print why CASE is expected to fail (the first
# matching line of LIST); false when it is not listed.
xfail_in() {
	local pat why
	while read -r pat why; do
		[ -n "$pat" ] || continue
		# shellcheck disable=SC2254
		case $2 in $pat) echo "$why"; return 0 ;; esac
	done <<<"$1"
	return 1
}
# linuxprogs_xfail CASE: why CASE of section 3f is expected to fail.
linuxprogs_xfail() { xfail_in "${LINUXPROGS_XFAIL:-}" "$1"; }   # the list may be deleted: strict
# busybox_xfail CASE: why CASE of section 3g is expected to fail.
busybox_xfail() { xfail_in "${BUSYBOX_XFAIL:-}" "$1"; }
LOGS=$BUILD/test
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok - $*"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $*"; }

ensure_packages
build_all
mkdir -p "$LOGS"
accel_resolve

# --- host unit tests --------------------------------------------------------
note "host unit tests (ctest)"
ctest_log=$LOGS/ctest.log
ctest --test-dir "$BUILD" --output-on-failure >"$ctest_log" 2>&1 || true
while read -r status name; do
	if [ "$status" = Passed ]; then ok "host: $name"; else not_ok "host: $name"; fi
done < <(sed -n 's/^ *[0-9]*\/[0-9]* Test *#[0-9]*: \([^ ]*\) [.]*\** *\([A-Za-z]*\).*/\2 \1/p' "$ctest_log")
grep -q 'tests passed' "$ctest_log" || { not_ok "host: ctest ran"; cat "$ctest_log"; }

# --- guest runs ---------------------------------------------------------------
# guest NAME CMDLINE [PREPARE]: boot with that command line (PREPARE IMAGE
# may change the image first); sets $log and $rc.
guest() {
	local img=$LOGS/$1.img
	log=$LOGS/$1.log
	note "guest: $1 (cmdline \"$2\")"
	image_with_cmdline "$img" "$2"
	[ -z "${3:-}" ] || "$3" "$img"
	rc=0
	boot_headless "$img" "$log" "$TIMEOUT" 'bootloader: giving up' || rc=$?
	rm -f "$img"
}

# verdict: how the run ended, from QEMU's status and the log.
# What a failed guest run left in its log: the panic, or the last lines.
# It never fails, so reporting a failure cannot end the script (set -e)
# before the "N passed, N failed" line.
show_log() { grep -A12 'KERNEL PANIC' "$log" || tail -20 "$log" || true; }

# log_grep [-E] PATTERN: does a line of the standard input match? It reads
# every line: `grep -q` stops at the first match, and under pipefail the
# writer it left behind (cut, tr) then dies of SIGPIPE and fails the test.
log_grep() { grep -a "$@" >/dev/null; }

verdict() {
	if grep -q 'KERNEL PANIC:' "$log"; then echo panic
	elif [ "$rc" -eq "$QEMU_KVM_FAILED" ]; then echo "KVM failed: $(kvm_stop_reason "$log")"
	elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "time-out after ${TIMEOUT}s"
	elif grep -q 'bootloader: error' "$log"; then echo "bootloader error"
	elif [ "$rc" -eq "$QEMU_SUCCESS" ]; then echo success
	elif [ "$rc" -eq "$QEMU_FAILURE" ]; then echo "tests failed"
	else echo "QEMU exited with $rc without the kernel's word"
	fi
}

# tap_results PREFIX [NAMES]: one result per `ok N - name` / `not ok N - name`
# line in $log, named "PREFIX: name" (just "name" when PREFIX is empty);
# NAMES, a regular expression, keeps only the lines whose name starts with it.
tap_results() {
	local line pfx=${1:+$1: }
	while IFS= read -r line; do
		case $line in
		"not ok "*) not_ok "$pfx${line#not ok [0-9]* - }" ;;
		"ok "*) ok "$pfx${line#ok [0-9]* - }" ;;
		esac
	done < <(cut -c10- "$log" | grep -aE "^(not )?ok [0-9]+ - ${2:-}" || true)
}

# 1. The in-kernel suite: each `ok N - name` line is one test.
guest kernel "test"
v=$(verdict)
tap_results guest
[ "$v" = success ] && ok "guest: kernel suite ended cleanly" ||
	{ not_ok "guest: kernel suite ended cleanly ($v)"; show_log; }

# 2. The entry conformance suite (apps/conform) as init, in ring 3: every case
# through int $0x80 and through syscall, with identical results.
guest conform "init=/bin/conform"
v=$(verdict)
tap_results conform
[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
	ok "conform: suite ended cleanly, kernel still up after every user fault" ||
	{ not_ok "conform: suite ended cleanly ($v)"; show_log; }
cut -c10- "$log" | grep -a '^conform: .* checks passed on' || true   # the figures, per path
# A Linux call the kernel lacks is named once per process: the case
# enosys_numbers calls afs_syscall six times (three per path) in its one process.
said=$(grep -a 'called unimplemented system call 183 (afs_syscall)' "$log" | sed 's/.*kernel: pid \([0-9]*\).*/\1/' || true)
[ -n "$said" ] && [ "$(wc -l <<<"$said")" -eq 1 ] &&
	ok "conform: an unimplemented call is named on the console once per process" ||
	not_ok "conform: an unimplemented call is named on the console once per process (pids: $(echo $said))"

# 2a. conform32: the same cases built -m32 (libc32), in a 32-bit process,
# every case through each compat entry the CPU offers, with identical
# results: under TCG's -cpu max, an AMD vendor (int80_32, syscall32,
# kernel_vsyscall), and the same CPU calling itself Intel (int80_32,
# sysenter, kernel_vsyscall). TCG for both: the vendor is what they test.
while read -r vendor cpu want; do
	QEMU_CPU=$cpu ACCEL_RESOLVED=tcg guest "conform32-$vendor" "init=/bin/conform32"
	v=$(verdict)
	tap_results "conform32-$vendor"
	[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
		cut -c10- "$log" | tr -d '\r' | log_grep "^conform: .*; paths: $want$" &&
		ok "conform32-$vendor: suite ended cleanly on paths $want" ||
		{ not_ok "conform32-$vendor: suite ended cleanly on paths $want ($v)"; show_log; }
	cut -c10- "$log" | grep -a '^conform: .* checks passed on' || true
done <<-'EOF'
	amd    max                      int80_32 syscall32 kernel_vsyscall
	intel  max,vendor=GenuineIntel  int80_32 sysenter kernel_vsyscall
	EOF

# 2b. The process, signal, pipe, sleep and file suite (apps/usertests) as
# init: every case in a child of its own, through int $0x80 and through
# syscall, with frames, open files and process slots checked for leaks.
# Failed cases are counted above; this line says whether it ran to its end.
guest usertests "init=/bin/usertests"
v=$(verdict)
tap_results usertests
{ [ "$v" = success ] || [ "$v" = "tests failed" ]; } &&
	cut -c10- "$log" | log_grep -E '^usertests: [0-9]+ passed, [0-9]+ failed' &&
	ok "usertests: suite ran to its end, kernel still up" ||
	{ not_ok "usertests: suite ran to its end ($v)"; show_log; }

# 2b'. The compat cases again on an Intel vendor: -cpu max is AMD under TCG
# (32-bit programs' fast entry is syscall there), an Intel vendor gives them
# sysenter (and sysenter with TF). docs/abi.md, "32-bit processes".
QEMU_CPU=max,vendor=GenuineIntel ACCEL_RESOLVED=tcg guest usertests-intel "init=/bin/usertests -- compat_* sysenter_*"
v=$(verdict)
tap_results usertests-intel
[ "$v" = success ] && cut -c10- "$log" | log_grep 'syscall: 32-bit __kernel_vsyscall uses sysenter' &&
	ok "usertests-intel: compat cases with sysenter ran to their end" ||
	{ not_ok "usertests-intel: compat cases with sysenter ($v)"; show_log; }

# 2b'. The i386 ABI (apps/abi32, a 32-bit program with no libc that also
# passes on the host's Linux): the compat handlers (stat64, 32-bit time,
# iovec, dirent, rlimit, rusage ...), the i386 signal frames and their
# sigreturns (a rewritten cs or eip kills the process alone), and the
# i386 EFAULT rows. Through int $0x80, then through __kernel_vsyscall:
# compat syscall on the AMD vendor, sysenter on the Intel one. Its exit
# status is the number of failed cases.
for run in "amd max int80:/bin/sh -c \"/bin/abi32 && /bin/abi32 vsyscall\"" \
	   "intel max,vendor=GenuineIntel sysenter:/bin/abi32 vsyscall"; do
	set -- ${run%%:*}
	QEMU_CPU=$2 ACCEL_RESOLVED=tcg guest "abi32-$1" "init=/bin/init -- ${run#*:}"
	v=$(verdict)
	tap_results "abi32-$1"
	[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
		ok "abi32 ($1 vendor): every case passed, kernel still up" ||
		{ not_ok "abi32 ($1 vendor): ran to its end ($v)"; show_log; }
done

# 2c. The system-call fuzzer (apps/fuzz) as init: every number on both entry
# paths, then 200,000 random calls (seeds 1, 2, 3 and a printed random one),
# then the mapping sequences of stage 3 (the same seeds); docs/fuzzing.md says
# how to replay a failure. Its `ok` lines are counted above; a panic or a hang
# fails this one, and the log's last "# stage N seed S batch B" line names
# the batch to replay.
guest fuzz "init=/bin/fuzz"
v=$(verdict)
tap_results guest
[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
	ok "fuzz: ran to its end, kernel still up" ||
	{ not_ok "fuzz: ran to its end ($v)"; show_log
	  grep -a 'fuzz: seed\|# stage [23] seed\|# FAIL\|it was making' "$log" | tail -8 || true; }

# 3. A plain boot runs /bin/init in user mode, which runs the program after
# `--` (here /bin/true; /bin/sh by default) and exits with its status; the kernel shuts down.
guest boot "init=/bin/init -- /bin/true"
v=$(verdict)
[ "$v" = success ] && grep -q 'kernel: init done' "$log" && grep -q 'init: kernel offers int80 syscall; libc uses syscall' "$log" &&
	ok "guest: default boot reaches /bin/init in user mode" ||
	{ not_ok "guest: default boot ($v)"; tail -20 "$log"; }
first=$(grep -m1 'kernel: hello' "$log" | awk '{print $1}' || true)
done_at=$(grep -m1 'kernel: init done' "$log" | awk '{print $1}' || true)

# 3b. The benchmark app runs and reports (behaviour only: figures are not judged here).
guest trapbench "init=/bin/trapbench"
v=$(verdict)
bench_has() { grep -q "BENCH {\"kernel\": \"this\", \"path\": \"$1\", \"call\": \"$2\"" "$log"; }
[ "$v" = success ] && bench_has none empty && bench_has int80 getpid && bench_has syscall getpid &&
	bench_has vdso clock_gettime && bench_has lapic irq &&
	ok "guest: trapbench reports every path (int80, syscall, vdso, none) and the kernel's irq latency" ||
	{ not_ok "guest: trapbench reports every path ($v)"; tail -20 "$log"; }

# 3c. The console's line discipline (apps/ttytest) as init, with real input:
# serial_feeder types into COM1 whatever the suite's `# feed HEX` lines ask
# for (the guest asks when it is ready; no timing involved), and one case
# types on the PS/2 keyboard through QEMU's monitor (Ctrl-A c, sendkey).
fifo=$LOGS/ttytest.fifo
rm -f "$fifo" && mkfifo "$fifo"
: >"$LOGS/ttytest.log"
serial_feeder "$LOGS/ttytest.log" "$fifo" &
feeder=$!
SERIAL_IN=$fifo guest ttytest "init=/bin/ttytest"
kill "$feeder" 2>/dev/null || true
wait "$feeder" 2>/dev/null || true
rm -f "$fifo"
v=$(verdict)
tap_results ttytest
[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
	ok "ttytest: suite ended cleanly" ||
	{ not_ok "ttytest: suite ended cleanly ($v)"; show_log; }
# What the echo put on the console: the typed line, erasures as "\b \b", ^C.
typed=$(cut -c10- "$log")
grep -qaxF 'echo-me' <<<"$typed" && grep -qaxF $'helx\b \blo worx\b \bld' <<<"$typed" &&
	grep -qaF '^C' <<<"$typed" && grep -qaF '^Z' <<<"$typed" &&
	ok "ttytest: typed input is echoed, erasures as \\b \\b, Ctrl-C as ^C, Ctrl-Z as ^Z" ||
	not_ok "ttytest: typed input is echoed, erasures as \\b \\b, Ctrl-C as ^C, Ctrl-Z as ^Z"

# 3d. The shell (apps/sh) interactive on the console, typed into as in 3c:
# a prompt, $?, cd, and Ctrl-C ending the command that runs, not the shell.
# The guest asks for the bytes with `echo '#' feed HEX`, so that the typed
# text itself (echoed on the console) never looks like a request; the
# shell that asks first then becomes the interactive one (exec sh).
hexof() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
after_c=03$(hexof $'echo status $?\rcd /bin\recho cwd=$PWD\rexit 3\r')
typed=$(hexof $'nosuch\recho status $?\r'"sh -c 'echo \"#\" feed $after_c; sleep 30'"$'\r')
fifo=$LOGS/sh-console.fifo
rm -f "$fifo" && mkfifo "$fifo"
: >"$LOGS/sh-console.log"
serial_feeder "$LOGS/sh-console.log" "$fifo" &
feeder=$!
SERIAL_IN=$fifo guest sh-console "init=/bin/init -- /bin/sh -c \"echo '#' feed $typed; exec sh\""
kill "$feeder" 2>/dev/null || true
wait "$feeder" 2>/dev/null || true
rm -f "$fifo"
v=$(verdict)
out=$(cut -c10- "$log")
grep -qF '$ ' <<<"$out" && grep -qF 'sh: nosuch: not found' <<<"$out" && grep -qF 'status 127' <<<"$out" &&
	grep -qF 'status 130' <<<"$out" && grep -qF 'cwd=/bin' <<<"$out" &&
	grep -qF 'kernel: init exited with status 0x300' <<<"$out" &&
	ok "sh: interactive on the console: prompt, \$?, cd, Ctrl-C, exit 3" ||
	{ not_ok "sh: interactive on the console ($v)"; show_log; }

# 3e. The shell and the utilities by script (rootfs/etc/shtest): checks.sh
# once through int $0x80 and once through syscall (LIBC_SYSCALL); each
# `ok N - name` line is one result, and the two transcripts must agree.
guest sh "init=/bin/init -- /bin/sh /etc/shtest/run.sh"
v=$(verdict)
full=$log
for path in int80 syscall; do
	log=$LOGS/sh-$path.log
	cut -c10- "$full" | sed -n "/^# shtest: $path\$/,/^# shtest: /p" | sed '1d;$d' >"$log.txt"
	sed 's/^/         /' "$log.txt" >"$log"          # tap_results reads from column 10
	tap_results "sh ($path)"
done
log=$full
[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
	grep -q '^ok 1 - ' "$LOGS/sh-int80.log.txt" && cmp -s "$LOGS/sh-int80.log.txt" "$LOGS/sh-syscall.log.txt" &&
	ok "sh: the script ran to its end, with the same transcript through int80 and syscall" ||
	{ not_ok "sh: the script ran to its end, same transcripts ($v)"; diff "$LOGS/sh-int80.log.txt" "$LOGS/sh-syscall.log.txt" || true; tail -20 "$log"; }

# 3f. Unmodified static Linux programs (apps/linuxprogs): each program of
# apps/linuxprogs/progs, built with musl-gcc, with gcc (glibc) and with
# gcc -m32 (i386 glibc), run by /bin/linuxprogs with fixed argv and
# environment; its output and exit status must equal, byte for byte, what
# the same binary gave on the host at build time. One result per program;
# the cases in LINUXPROGS_XFAIL (top of this file) are expected failures.
# The runner must reach its end with every program's line (each has a 20 s
# limit, room for the pthread programs on two emulated CPUs of a busy host:
# a vCPU the host stops while it holds the kernel lock stalls the other): a
# panic or a hang fails. The glibc32 programs enter by __kernel_vsyscall,
# which is syscall on the default (AMD) vendor; a second boot runs them on
# an Intel vendor, for sysenter (glibc's start-up, before %gs is set, uses
# int $0x80 on both).
# linuxprogs_results PREFIX: the results of the boot in $log, each named
# "PREFIX: TOOLCHAIN/NAME".
linuxprogs_results() {
	local prefix=$1 v xfail=0 results=0 show=no line name why want
	v=$(verdict)
	while IFS= read -r line; do
		case $line in
		"not ok "*|"ok "*)
			results=$((results + 1))
			name=${line#* - }
			show=no
			if why=$(linuxprogs_xfail "$name"); then
				if [ "${line%% *}" = ok ]; then
					ok "$prefix: $name"
					echo "# $prefix: $name passes now: take it off LINUXPROGS_XFAIL (top of scripts/test.sh)"
				else
					xfail=$((xfail + 1))
					echo "not ok - $prefix: $name # TODO $why"
				fi
			elif [ "${line%% *}" = ok ]; then
				ok "$prefix: $name"
			else
				not_ok "$prefix: $name"
				show=yes
			fi ;;
		"#"*) [ "$show" = no ] || echo "$line" ;;      # the runner's account of a failure
		esac
	done < <(cut -c10- "$log" | tr -d '\r' | grep -aE '^(not )?ok [0-9]+ - |^# ' || true)
	want=$(cut -c10- "$log" | tr -d '\r' | sed -n 's/^1\.\.\([0-9]*\)$/\1/p' | head -1)
	echo "# $prefix: $xfail expected failures (LINUXPROGS_XFAIL in scripts/test.sh), not counted"
	{ [ "$v" = success ] || [ "$v" = "tests failed" ]; } && [ -n "$want" ] && [ "$results" -eq "$want" ] &&
		cut -c10- "$log" | log_grep -E '^linuxprogs: [0-9]+ passed, [0-9]+ failed' &&
		ok "$prefix: the runner ran all $want programs to their end, kernel still up" ||
		{ not_ok "$prefix: the runner ran every program to its end ($v, $results of ${want:-?} results)"; show_log; }
}
guest linuxprogs "init=/bin/init -- /bin/linuxprogs -T 20"
linuxprogs_results linux
QEMU_CPU=max,vendor=GenuineIntel ACCEL_RESOLVED=tcg guest linuxprogs-intel "init=/bin/init -- /bin/linuxprogs -T 20 -c glibc32"
linuxprogs_results linux-intel

# 3g. The differential busybox test (rootfs/etc/bbtest, docs/busybox.md):
# cases.sh, some 200 commands of Debian's unmodified static busybox in
# named cases, runs on the host under the very same binary and in the guest
# (guest.sh: busybox enters the kernel by syscall, as it does natively; the
# int $0x80 path runs the same calls in the conformance suite, section 2).
# Both transcripts go through normalize.sed (the `~TAG value` lines, the
# kernel's console lines) and are compared case by case, then whole. The
# cases in BUSYBOX_XFAIL (top of this file) are expected failures.
bb=$BUILD/initrd-root/bin/busybox
if [ ! -x "$bb" ]; then
	not_ok "busybox: not in the image (configured with -DBUSYBOX=OFF?)"
else
	bbdir=$LOGS/bbtest
	rm -rf "$bbdir" && mkdir -p "$bbdir/bin" "$bbdir/host" "$bbdir/guest"
	for a in $("$bb" --list); do ln -s "$bb" "$bbdir/bin/$a"; done
	(cd "$bbdir" && env -i PATH="$bbdir/bin" HOME=/ TERM=vt100 TZ=UTC0 LC_ALL=C \
		"$bb" sh "$ROOT/rootfs/etc/bbtest/run.sh" "$bb" "$bbdir/work") >"$bbdir/host.raw" 2>&1 || true
	guest busybox "init=/bin/init -- /bin/busybox sh /etc/bbtest/guest.sh"
	v=$(verdict)
	cut -c10- "$log" | tr -d '\r' | sed -n '/^# bbtest: begin$/,/^# bbtest: end/p' >"$bbdir/guest.raw"
	for side in host guest; do
		sed -f "$ROOT/rootfs/etc/bbtest/normalize.sed" "$bbdir/$side.raw" >"$bbdir/$side.txt"
		awk -v d="$bbdir/$side" '/^## / { name = $2 } name != "" { print > (d "/" name) }' "$bbdir/$side.txt"
	done
	# bb_result NAME SAME: one result for case NAME, SAME = yes when it agrees.
	bb_result() {
		if why=$(busybox_xfail "$1"); then
			if [ "$2" = yes ]; then
				ok "busybox: $1"
				echo "# busybox: $1 passes now: take it off BUSYBOX_XFAIL (top of scripts/test.sh)"
			else
				echo "not ok - busybox: $1 # TODO $why"
			fi
		elif [ "$2" = yes ]; then ok "busybox: $1"
		else not_ok "busybox: $1"; diff "$bbdir/host/$1" "$bbdir/guest/$1" | head -20 || true
		fi
	}
	grep -q 'no applet links in /usr/bin' "$bbdir/guest.raw" "$log" && bb_result links no || bb_result links yes
	cases=0 unlisted=0
	while read -r name; do
		cases=$((cases + 1))
		same=no
		cmp -s "$bbdir/host/$name" "$bbdir/guest/$name" && same=yes
		[ "$same" = yes ] || busybox_xfail "$name" >/dev/null || unlisted=$((unlisted + 1))
		bb_result "$name" "$same"
	done < <(sed -n 's/^## //p' "$bbdir/host.txt")
	echo "# busybox: $cases cases; transcripts in $bbdir (host.txt, guest.txt; host/NAME, guest/NAME per case)"
	{ [ "$v" = success ] && grep -q '^# bbtest: end 0$' "$bbdir/host.raw" && grep -q '^# bbtest: end ' "$bbdir/guest.raw"; } &&
		ok "busybox: ran to its end on the host and in the guest, kernel still up" ||
		{ not_ok "busybox: ran to its end on the host and in the guest ($v)"; show_log; }
	if cmp -s "$bbdir/host.txt" "$bbdir/guest.txt"; then
		ok "busybox: the host's and the guest's transcripts agree"
	elif [ "$unlisted" -eq 0 ] && [ -s "$bbdir/guest.txt" ]; then
		echo "not ok - busybox: the host's and the guest's transcripts agree # TODO only in BUSYBOX_XFAIL's cases"
	else
		not_ok "busybox: the host's and the guest's transcripts agree ($unlisted cases differ)"
	fi
fi

# 3h. busybox ash interactive on the console (login.sh, as `scripts/run.sh
# shell --busybox`), typed into through COM1 as in 3d, each stage asked for
# by the guest once it is ready: `ech` Tab completed to `echo`; a command,
# then Up and Enter to run it again from the history; a pipeline
# (rootfs/etc/bbtest/job.sh | cat) that sleeps, then Ctrl-Z, jobs, bg,
# jobs, fg (job.sh asks for the next stage once it was continued and is in
# the foreground again); Ctrl-C ends it, not the shell (job.sh must not
# say it ended alone); `exit 7` ends it.
if [ -x "$bb" ]; then
	s3=$(hexof $'\003echo after-ctrl-c $?\rexit 7\r')
	s2=$(hexof $'\032jobs\rbg\rjobs\rfg\r')
	typed=$(hexof $'ech\t tab-done\recho hist-one\r\033[A\r'"sh /etc/bbtest/job.sh $s2 $s3 | cat"$'\r')
	fifo=$LOGS/busybox-console.fifo
	rm -f "$fifo" && mkfifo "$fifo"
	: >"$LOGS/busybox-console.log"
	serial_feeder "$LOGS/busybox-console.log" "$fifo" &
	feeder=$!
	# At most 180 s: without job control the run ends only at the limit.
	SERIAL_IN=$fifo TIMEOUT=$((TIMEOUT < 180 ? TIMEOUT : 180)) guest busybox-console "init=/bin/init -- /bin/busybox sh -c \"echo '#' feed $typed; exec /bin/busybox sh /etc/busybox/login.sh\""
	kill "$feeder" 2>/dev/null || true
	wait "$feeder" 2>/dev/null || true
	rm -f "$fifo"
	v=$(verdict)
	out=$(cut -c10- "$log" | tr -d '\r')
	grep -qx 'tab-done' <<<"$out" && [ "$(grep -cx 'hist-one' <<<"$out")" -ge 2 ] && grep -q 'Stopped' <<<"$out" && grep -q 'Running' <<<"$out" &&
		grep -qx 'after-ctrl-c 130' <<<"$out" && ! grep -q 'job: ended alone' <<<"$out" &&
		grep -q 'kernel: init exited with status 0x700' <<<"$out"
	bb_result interactive "$([ $? -eq 0 ] && echo yes || echo no)"
	[ "$v" != panic ] || { not_ok "busybox: interactive: no kernel panic"; show_log; }
fi

# 3i. The concurrency stress run (apps/stress, docs/smp.md): usertests,
# conform, fuzz and linuxprogs at the same time on every CPU (SMP=, default
# 2; icount: one), with TRAPDOOR_CONCURRENT=1 (apps/common/concurrent.h),
# so that each leaves its checks of the kernel's global counters to the
# driver, which takes free frames, open files and process slots before the
# first round and after the last. One result per suite and round, three
# for the counters, one for the run. One round by default;
# STRESS_SECONDS=N runs rounds for N seconds (the boot's limit grows to match).
if [ -n "${STRESS_SECONDS:-}" ]; then
	[[ $STRESS_SECONDS =~ ^[0-9]+$ ]] || die "STRESS_SECONDS must be a number of seconds, not '$STRESS_SECONDS'"
	stress_args="-t $STRESS_SECONDS" stress_limit=$((STRESS_SECONDS + 5 * STRESS_ROUND_LIMIT))
else
	stress_args="-r 1" stress_limit=$((5 * STRESS_ROUND_LIMIT))      # (a round, and up to four more to tell a cache from a leak)
fi
TIMEOUT=$((TIMEOUT > stress_limit ? TIMEOUT : stress_limit)) guest stress "init=/bin/stress -- $stress_args"
v=$(verdict)
# Only the driver's own lines (`ok N - stress: ...`): usertests' and
# conform's, on the console too, are counted in their own sections.
tap_results "" 'stress: '
[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
	cut -c10- "$log" | log_grep -E '^stress: [0-9]+ rounds in [0-9]+ s on [0-9]+ CPUs: .*no panic, no leak' &&
	ok "stress: $(cut -c10- "$log" | grep -aoE '^stress: [0-9]+ rounds in [0-9]+ s on [0-9]+ CPUs' | sed 's/^stress: //'), every suite passed, no panic, no leak" ||
	{ not_ok "stress: the suites at once, no panic, no leak ($v)"; cut -c10- "$log" | grep -a -e '^not ok' -e '^# FAIL' | head -40 || true; show_log; }

# 4. The harness itself: a deliberate panic must be seen as a failure.
guest panic "test=panic"
v=$(verdict)
[ "$v" = panic ] && [ "$rc" -eq "$QEMU_PANIC" ] && grep -q '  rip ' "$log" &&
	grep -q ' clock_getres(229) 1 0 .* = 0$' "$log" &&
	ok "harness: a kernel panic is detected, with a register dump and the system-call ring" ||
	{ not_ok "harness: a kernel panic is detected ($v, QEMU status $rc)"; tail -20 "$log"; }

# 4b. A kernel stack overflow runs into the stack's guard page: the #PF
# cannot be delivered there, so the CPU raises #DF, which has its own (IST)
# stack; the result is a clean panic, never a triple fault and a reboot.
guest panic-stack "test=panic-stack"
v=$(verdict)
[ "$v" = panic ] && [ "$rc" -eq "$QEMU_PANIC" ] && grep -q 'KERNEL PANIC: #DF double fault' "$log" &&
	grep -q '  rip ' "$log" && grep -q 'last system calls' "$log" &&
	ok "harness: a kernel stack overflow is a double fault and a clean panic" ||
	{ not_ok "harness: a kernel stack overflow is a clean panic ($v, QEMU status $rc)"; tail -20 "$log"; }

# 4c. A panic on another CPU (an AP) stops CPU 0 by NMI: the panic names
# its CPU, and CPU 0's registers follow (docs/smp.md). With one CPU it is
# CPU 0's own panic.
guest panic-ap "test=panic-ap"
v=$(verdict)
if [ "$(smp_count "$ACCEL_RESOLVED")" -gt 1 ]; then
	grep -q 'KERNEL PANIC: ktest: panic on CPU 1' "$log" && grep -q '  on cpu 1 (LAPIC id ' "$log" &&
		grep -q '  cpu 0 (LAPIC id [0-9]*) stopped by NMI:' "$log"
else
	grep -q 'KERNEL PANIC: ktest: panic on CPU 0' "$log"
fi && [ "$v" = panic ] && [ "$rc" -eq "$QEMU_PANIC" ] &&
	ok "harness: a panic on an AP stops the other CPUs, each printing its registers" ||
	{ not_ok "harness: a panic on an AP ($v, QEMU status $rc)"; tail -20 "$log"; }

# 5. The loader refuses a corrupt kernel.elf with a clear message (never jumps).
corrupt_kernel() {
	head -c 1000 "$BUILD/kernel/kernel.elf" | mcopy -o -i "$1" - ::/boot/kernel.elf
}
guest loader-refuses "test" corrupt_kernel
grep -q 'bootloader: error: \\boot\\kernel.elf is not a valid x86-64 ELF executable' "$log" &&
	! grep -q 'kernel: hello' "$log" &&
	ok "harness: the loader refuses a truncated kernel.elf with a clear message" ||
	{ not_ok "harness: the loader refuses a truncated kernel.elf"; tail -20 "$log"; }

# 6. The matrix (--matrix): the conformance suite again on other CPU models
# (qemu64 has no SMEP, SMAP or FSGSBASE; an Intel and an AMD model; the
# maximal CPU calling itself Intel), the older i440FX machine and the
# smallest and a large memory size. Always under TCG: KVM could only run the
# host's own CPU. One result per combination. Then usertests with one vCPU
# and with four.
if [ "$matrix" = yes ]; then
	while read -r name cpu machine mem; do
		QEMU_CPU=$cpu QEMU_MACHINE=$machine MEM=$mem ACCEL_RESOLVED=tcg guest "matrix-$name" "init=/bin/conform"
		v=$(verdict)
		what="-cpu $cpu -machine $machine -m $mem"
		[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
			cut -c10- "$log" | log_grep -E '^[0-9]+ passed, 0 failed' &&
			ok "matrix: conform on $what" ||
			{ not_ok "matrix: conform on $what ($v)"; show_log; grep -a '^ *[0-9.]* not ok' "$log" || true; }
	done <<-'EOF'
	qemu64     qemu64                   q35  512M
	intel      Skylake-Client-v4        q35  512M
	amd        EPYC-v3                  q35  512M
	max-intel  max,vendor=GenuineIntel  q35  512M
	pc         max                      pc   512M
	mem128     max                      q35  128M
	mem4g      max                      q35  4G
	EOF
	# The process, signal and thread suite with one CPU and with four (more
	# vCPUs than this 2-core host has: the big lock's waiters must halt, not
	# spin, for it to end in time; docs/smp.md).
	for n in 1 4; do
		SMP=$n guest "matrix-smp$n" "init=/bin/usertests"
		v=$(verdict)
		[ "$v" = success ] && grep -q 'kernel: init exited with status 0x0' "$log" &&
			cut -c10- "$log" | log_grep -E '^usertests: [0-9]+ passed, 0 failed' &&
			ok "matrix: usertests with -smp $n" ||
			{ not_ok "matrix: usertests with -smp $n ($v)"; show_log; grep -a '^ *[0-9.]* not ok' "$log" || true; }
	done
fi

echo "# boot ($ACCEL_RESOLVED): kernel's first line at ${first:-?} s, kernel init done at ${done_at:-?} s after QEMU start"
echo "# logs: $LOGS"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
