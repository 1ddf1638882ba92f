# common.sh - shared by scripts/*.sh: packages, build, disk images, QEMU.
# Source it; it sets ROOT (the checkout) and BUILD (default ROOT/build).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}

# Debian packages the build and the boot need (one list: scripts/deps.txt).
PACKAGES=$(grep -v '^#' "$ROOT/scripts/deps.txt" | xargs)

source "$ROOT/scripts/lib/accel.sh"
source "$ROOT/scripts/lib/vendor.sh"

die() { echo "error: $*" >&2; exit 1; }
note() { echo "==> $*" >&2; }

# Install missing packages when root; otherwise say exactly what to run.
ensure_packages() {
	local missing=() p
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		note "installing: ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2 || die "apt-get update failed"
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || die "apt-get install failed"
	else
		echo "These Debian packages are missing: ${missing[*]}" >&2
		echo "Install them with:" >&2
		echo "  sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
}

# Configure (once) and build everything: loader, kernel, image, host tests.
build_all() {
	local type=${BUILD_TYPE:-RelWithDebInfo}
	if [ ! -f "$BUILD/CMakeCache.txt" ]; then
		note "configuring ($type) in $BUILD"
		cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE="$type" >/dev/null || die "cmake configure failed"
	fi
	note "building"
	cmake --build "$BUILD" -j"$(nproc)" >"$BUILD/build.log" 2>&1 ||
		{ tail -40 "$BUILD/build.log" >&2; die "build failed (full log: $BUILD/build.log)"; }
}

# image_with_cmdline DST CMDLINE: a copy of the built image with another /boot/cmdline.
image_with_cmdline() {
	cp "$BUILD/disk.img" "$1"
	printf '%s\n' "$2" | mcopy -o -i "$1" - ::/boot/cmdline
}

ovmf_code() {
	local f
	for f in /usr/share/OVMF/OVMF_CODE_4M.fd /usr/share/OVMF/OVMF_CODE.fd /usr/share/ovmf/OVMF.fd; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
	die "OVMF firmware not found (apt-get install ovmf)"
}

ovmf_vars() {
	local f
	for f in /usr/share/OVMF/OVMF_VARS_4M.fd /usr/share/OVMF/OVMF_VARS.fd; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
	die "OVMF variable store not found (apt-get install ovmf)"
}

# check_firmware: stop with a clear message when OVMF is missing (the lookups
# above run in subshells, where die cannot end the script).
check_firmware() {
	ovmf_code >/dev/null && ovmf_vars >/dev/null || exit 1
}

# qemu_cmd IMAGE VARS: the QEMU command line (serial and QEMU's monitor
# multiplexed on stdio: Ctrl-A X quits, Ctrl-A C toggles the monitor), one
# word per line, for the accelerator accel_resolve chose. MEM (default 512M),
# QEMU_MACHINE (default q35), QEMU_CPU and SMP (accel.sh: default 2, 1 under
# icount) change the machine.
qemu_cmd() {
	printf '%s\n' qemu-system-x86_64 -machine "${QEMU_MACHINE:-q35}" -m "${MEM:-512M}" \
		-smp "$(smp_count "${ACCEL_RESOLVED:?accel_resolve first}")" -no-reboot -nic none
	accel_args "${ACCEL_RESOLVED:?accel_resolve first}"
	printf '%s\n' -drive "if=pflash,format=raw,unit=0,readonly=on,file=$(ovmf_code)" \
		-drive "if=pflash,format=raw,unit=1,file=$2" \
		-drive "format=raw,file=$1" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-serial mon:stdio
}

# QEMU's exit status when the kernel wrote code c to isa-debug-exit: (c << 1) | 1.
QEMU_SUCCESS=33   # KEXIT_SUCCESS 0x10
QEMU_FAILURE=35   # KEXIT_FAILURE 0x11
QEMU_PANIC=37     # KEXIT_PANIC   0x12

# boot_headless IMAGE LOG TIMEOUT [STOP]: boot with no display, serial to LOG
# with each line prefixed by seconds since QEMU started; return QEMU's status
# (124, or 137 when it had to be killed, on time-out). A line matching the regex STOP ends QEMU at once (for
# runs that end in firmware, where nothing would ever tell QEMU to exit).
# A KVM failure in QEMU's output (accel_kvm_failure) also ends it at once,
# with a "# qemu: stopped: REASON" line in LOG and status QEMU_KVM_FAILED:
# QEMU itself would sit with the guest paused until the time-out.
# SHOW_SERIAL=1 also copies the console to stderr as it comes. SERIAL_IN=FILE
# is what the guest's COM1 receives (default /dev/null; a FIFO for serial_feeder).
boot_headless() {
	local img=$1 log=$2 limit=$3 stop=${4:-} vars rc
	check_firmware
	[ -n "${ACCEL_RESOLVED:-}" ] || accel_resolve
	vars=$(mktemp "${TMPDIR:-/tmp}/ovmf-vars.XXXXXX")
	cp "$(ovmf_vars)" "$vars"
	local start=${EPOCHREALTIME//[!0-9]/}
	mapfile -t cmd < <(qemu_cmd "$img" "$vars")
	set +e
	timeout -k 5 "$limit" "${cmd[@]}" -display none <"${SERIAL_IN:-/dev/null}" 2>&1 |
		sed -u -e 's/\r//g' -e 's/\x1b\[[0-9;=?]*[a-zA-Z]//g' |
		while IFS= read -r line; do
			local us=$((${EPOCHREALTIME//[!0-9]/} - start))
			printf '%4d.%03d %s\n' $((us / 1000000)) $((us / 1000 % 1000)) "$line"
			[ -z "${SHOW_SERIAL:-}" ] || printf '%s\n' "$line" >&2
			if [ -n "$stop" ] && [[ $line =~ $stop ]]; then
				pkill -f -- "file=$img" || true
			elif [ "$ACCEL_RESOLVED" = kvm ] && [ -z "${kvm_stopped:-}" ] && why=$(accel_kvm_failure "$line"); then
				printf '%4d.%03d # qemu: stopped: %s\n' $((us / 1000000)) $((us / 1000 % 1000)) "$why"
				[ -z "${SHOW_SERIAL:-}" ] || echo "# qemu: stopped: $why" >&2
				pkill -f -- "file=$img" || true
				kvm_stopped=1    # once; the rest of QEMU's report still goes to LOG
			fi
		done >"$log"
	rc=${PIPESTATUS[0]}
	set -e
	rm -f "$vars"
	grep -aq '^ *[0-9.]* # qemu: stopped: ' "$log" && return "$QEMU_KVM_FAILED"
	return "$rc"
}

# serial_feeder LOG FIFO: type into the guest. Answers each `# feed HEX` line
# that appears in LOG (boot_headless's, with SERIAL_IN=FIFO) by writing those
# bytes to FIFO, in order, once each. The guest asks only once it is ready,
# so nothing depends on timing. Runs until killed (or QEMU closes the FIFO).
serial_feeder() {
	local log=$1 fifo=$2 served=0 hex reqs
	exec 3>"$fifo"          # opens when QEMU's side does
	while sleep 0.1; do
		mapfile -t reqs < <(grep -ao '# feed [0-9a-f]*' "$log" 2>/dev/null | cut -c8-)
		while [ "$served" -lt "${#reqs[@]}" ]; do
			hex=${reqs[$served]}
			served=$((served + 1))
			printf '%b' "$(sed 's/../\\x&/g' <<<"$hex")" >&3 || return 0
		done
	done
}
