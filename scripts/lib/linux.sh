# shellcheck shell=bash
# linux.sh - Debian's Linux 6.1 kernel as a reference system for trapbench
# (scripts/linux-bench.sh). Source it after common.sh.
#
# The kernel comes from apt (`apt-get download`, works without root) and is
# kept in $LINUX_DIR; only the package's boot/ directory is unpacked (the
# modules, some 400 MB, are not needed: trapbench is the whole userland).
#
# The initramfs holds /init (trapbench), /exit0 (what its fork_exec case
# execs) and, when it could be built, /trapbench32, which /init runs after
# its own cases. /dev/console, which the kernel opens for
# init's stdin/stdout/stderr, comes from the kernel's built-in initramfs:
# with CONFIG_INITRAMFS_SOURCE="" (Debian's setting) the kernel links in
# usr/default_cpio_list (/dev, /dev/console c 5 1, /root) and unpacks the
# -initrd archive on top of it, so no device node (which cpio can only copy
# from the file system, i.e. as root) is needed in ours.

LINUX_DIR=${LINUX_DIR:-$BUILD/linux}
LINUX_SERIES=6.1.0          # linux-image-6.1.0-<N>-amd64[-unsigned]

# Set by the functions below.
LINUX_DEB=""        # the kernel package (.deb)
LINUX_VMLINUZ=""    # its boot/vmlinuz-*
LINUX_CONFIG=""     # its boot/config-*
export LINUX_SKIP="" # why there is no kernel (linux_fetch returned 2)

# linux_candidates: the kernel packages apt knows, best first: newest ABI
# number N first; for each N the -unsigned build first (the same kernel as
# the signed one, without the Secure Boot signature), then the signed one.
linux_candidates() {
	apt-cache search --names-only "^linux-image-${LINUX_SERIES//./\\.}-[0-9]+-amd64(-unsigned)?\$" 2>/dev/null |
		awk '{ n = $1; sub(/^linux-image-[0-9.]+-/, "", n); sub(/-.*/, "", n)
		       print n, ($1 ~ /-unsigned$/) ? 0 : 1, $1 }' |
		sort -k1,1nr -k2,2n | awk '{ print $3 }' || true
}

# linux_cached: the newest kernel package already in $LINUX_DIR, if any.
linux_cached() {
	local f found=()
	for f in "$LINUX_DIR"/linux-image-"$LINUX_SERIES"-*-amd64_*.deb \
		"$LINUX_DIR"/linux-image-"$LINUX_SERIES"-*-amd64-unsigned_*.deb; do
		[ -s "$f" ] && found+=("$f")
	done
	[ ${#found[@]} -gt 0 ] || return 0
	printf '%s\n' "${found[@]}" | sort -V | tail -1
}

# linux_fetch: set LINUX_DEB to the newest linux-image-6.1.0-N-amd64 package
# apt offers, downloading it into $LINUX_DIR unless it is there already.
# Returns 2 (reason in LINUX_SKIP) when there is no way to get a kernel; a
# package downloaded earlier is used when apt cannot fetch a newer one.
linux_fetch() {
	local pkg="" ver="" p v deb tmp cached
	mkdir -p "$LINUX_DIR"
	cached=$(linux_cached || true)
	if ! command -v apt-get >/dev/null || ! command -v apt-cache >/dev/null; then
		[ -n "$cached" ] && { LINUX_DEB=$cached; note "no apt: using the cached $(basename "$cached")"; return 0; }
		LINUX_SKIP="no apt-get/apt-cache to fetch Debian's kernel with (not a Debian system?)"
		return 2
	fi
	while read -r p; do
		[ -n "$p" ] || continue
		v=$(apt-cache policy "$p" 2>/dev/null | awk '$1 == "Candidate:" {print $2}')
		if [ -n "$v" ] && [ "$v" != "(none)" ]; then
			pkg=$p ver=$v
			break
		fi
	done < <(linux_candidates)
	if [ -z "$pkg" ]; then
		[ -n "$cached" ] && { LINUX_DEB=$cached; note "apt offers no kernel: using the cached $(basename "$cached")"; return 0; }
		LINUX_SKIP="apt knows no linux-image-$LINUX_SERIES-*-amd64 package (no bookworm sources, or no 'apt-get update' yet?)"
		return 2
	fi
	deb=$LINUX_DIR/${pkg}_${ver//:/%3a}_amd64.deb
	if [ -s "$deb" ]; then
		LINUX_DEB=$deb
		note "kernel: $pkg $ver (cached: $deb)"
		return 0
	fi
	note "kernel: downloading $pkg $ver into $LINUX_DIR"
	tmp=$(mktemp -d "$LINUX_DIR/download.XXXXXX") || die "cannot make a directory in $LINUX_DIR"
	# apt-get download writes into the current directory; a private one keeps
	# a half-finished file (or a concurrent run) away from the cache.
	# (As root, apt warns that its _apt user cannot write there: harmless.)
	if (cd "$tmp" && apt-get download -q -o Acquire::http::Timeout=20 -o Acquire::Retries=1 "$pkg=$ver") >"$tmp.log" 2>&1 &&
		[ -s "$tmp/$(basename "$deb")" ]; then
		mv "$tmp/$(basename "$deb")" "$deb"
		rm -rf "$tmp" "$tmp.log"
		LINUX_DEB=$deb
		return 0
	fi
	local why
	why=$({ grep -E '^(E|Err|W):' "$tmp.log" || true; } | { grep -v unsandboxed || true; } | head -2 | tr '\n' ' ')
	rm -rf "$tmp" "$tmp.log"
	if [ -n "$cached" ]; then
		note "could not download $pkg ($why): using the cached $(basename "$cached")"
		LINUX_DEB=$cached
		return 0
	fi
	LINUX_SKIP="could not download $pkg $ver with apt-get (offline?): ${why:-no reason given}"
	return 2
}

# linux_unpack: unpack LINUX_DEB's boot/ next to it (once); set LINUX_VMLINUZ
# and LINUX_CONFIG.
linux_unpack() {
	local dir tmp
	dir=${LINUX_DEB%.deb}
	if [ ! -d "$dir/boot" ]; then
		note "unpacking boot/ of $(basename "$LINUX_DEB")"
		tmp=$(mktemp -d "$dir.XXXXXX") || die "cannot make a directory next to $dir"
		dpkg-deb --fsys-tarfile "$LINUX_DEB" | tar -x -C "$tmp" ./boot ||
			{ rm -rf "$tmp"; die "could not unpack $LINUX_DEB (a damaged download? delete it and retry)"; }
		chmod 0755 "$tmp"
		mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"   # lost a race with another run: fine
	fi
	local f
	LINUX_VMLINUZ="" LINUX_CONFIG=""
	for f in "$dir"/boot/vmlinuz-*; do [ -f "$f" ] && LINUX_VMLINUZ=$f; done
	for f in "$dir"/boot/config-*; do [ -f "$f" ] && LINUX_CONFIG=$f; done
	[ -n "$LINUX_VMLINUZ" ] || die "no boot/vmlinuz-* in $LINUX_DEB (delete it and retry)"
}

# linux_check_config: the options the run relies on, when the package has
# its config (it does).
linux_check_config() {
	[ -n "$LINUX_CONFIG" ] || return 0
	grep -q '^CONFIG_IA32_EMULATION=y' "$LINUX_CONFIG" ||
		note "warning: $(basename "$LINUX_CONFIG") has no CONFIG_IA32_EMULATION=y: int \$0x80 will fail"
	grep -q '^CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y' "$LINUX_CONFIG" &&
		note "warning: 32-bit emulation is off by default in this kernel: add ia32_emulation=1 to the command line"
	grep -q '^CONFIG_INITRAMFS_SOURCE=""' "$LINUX_CONFIG" ||
		note "warning: this kernel has its own initramfs source: /dev/console may be missing (no output)"
	grep -q '^CONFIG_SERIAL_8250_CONSOLE=y' "$LINUX_CONFIG" ||
		note "warning: no CONFIG_SERIAL_8250_CONSOLE=y: console=ttyS0 may show nothing"
	return 0
}

# linux_build_trapbench OUT: trapbench as a static Linux program.
linux_build_trapbench() {
	local cc=${CC:-cc}
	"$cc" -static -no-pie -O2 -Wall -o "$1" "$ROOT/apps/trapbench/trapbench.c" 2>"$1.err" || {
		cat "$1.err" >&2
		die "could not build trapbench for Linux with $cc (static glibc comes with libc6-dev)"
	}
	rm -f "$1.err"
}

# linux_build_trapbench32 OUT: the same source -m32, a static i386 program
# (glibc's i386 build comes with gcc-multilib). Trapdoor's build carries
# its own trapbench32 ($BUILD/initrd-root/bin/trapbench32) once the source
# builds -m32; then this one must build too. Before that, a failure only
# means no 32-bit figures: status 1 with the reason on stdout.
linux_build_trapbench32() {
	local cc=${CC:-cc}
	if "$cc" -m32 -static -no-pie -O2 -Wall -o "$1" "$ROOT/apps/trapbench/trapbench.c" 2>"$1.err"; then
		rm -f "$1.err"
		return 0
	fi
	if [ -e "$BUILD/initrd-root/bin/trapbench32" ]; then
		cat "$1.err" >&2
		die "could not build the 32-bit trapbench for Linux with $cc -m32 (apt-get install gcc-multilib)"
	fi
	echo "$(grep -m1 'error' "$1.err" || echo "$cc -m32 failed")"
	rm -f "$1" "$1.err"
	return 1
}

# linux_build_exit0 OUT: apps/exit0 (exit_group(0), no libc), the program
# trapbench's fork_exec case execs: the same source as trapdoor's /bin/exit0.
linux_build_exit0() {
	local cc=${CC:-cc}
	"$cc" -nostdlib -static -no-pie -Wl,--build-id=none -o "$1" "$ROOT/apps/exit0/exit0.S" 2>"$1.err" || {
		cat "$1.err" >&2
		die "could not build exit0 for Linux with $cc"
	}
	rm -f "$1.err"
}

# linux_initrd BINARY OUT EXIT0 [BINARY32]: a newc cpio archive holding
# BINARY as /init, EXIT0 as /exit0 and, when given, BINARY32 as /trapbench32.
linux_initrd() {
	local stage files=(init exit0)
	stage=$(mktemp -d "${TMPDIR:-/tmp}/linux-initrd.XXXXXX") || die "cannot make a temporary directory"
	install -m 0755 "$1" "$stage/init"
	install -m 0755 "$3" "$stage/exit0"
	if [ -n "${4:-}" ]; then
		install -m 0755 "$4" "$stage/trapbench32"
		files+=(trapbench32)
	fi
	(cd "$stage" && printf '%s\n' "${files[@]}" | cpio -o -H newc -R 0:0 --reproducible --quiet) >"$2" ||
		{ rm -rf "$stage"; die "cpio failed"; }
	rm -rf "$stage"
}

# linux_cmdline: the kernel command line. quiet: only errors and worse reach
# the console (none in a good run), so they cannot split BENCH lines; a
# panic (init crashed) still shows. panic=-1 with QEMU's -no-reboot ends
# QEMU at once on a panic. vsyscall=xonly: Debian's 6.1 turns the legacy
# vsyscall page off by default; xonly emulates calls into it on the fault,
# as trapdoor does, so trapbench's vsyscall cases compare like with like.
linux_cmdline() {
	echo "console=ttyS0 quiet panic=-1 vsyscall=xonly ${LINUX_APPEND:-}"
}

# linux_boot ACCEL INITRD LOG ERR LIMIT: boot LINUX_VMLINUZ with INITRD under
# QEMU (the machine of scripts/run.sh, -smp included, with -kernel instead of OVMF), the
# serial console into LOG (carriage returns dropped), QEMU's own messages
# into ERR; return timeout's status (124 on time-out).
linux_boot() {
	local accel=$1 initrd=$2 log=$3 err=$4 limit=$5 rc args=()
	mapfile -t args < <(accel_args "$accel")
	set +e
	timeout -k 5 "$limit" qemu-system-x86_64 -machine q35 -m "${MEM:-512M}" -smp "$(smp_count "$accel")" -no-reboot -nic none \
		"${args[@]}" -kernel "$LINUX_VMLINUZ" -initrd "$initrd" -append "$(linux_cmdline)" \
		-serial stdio -display none -monitor none </dev/null 2>"$err" |
		tr -d '\r' >"$log"
	rc=${PIPESTATUS[0]}
	set -e
	return "$rc"
}
