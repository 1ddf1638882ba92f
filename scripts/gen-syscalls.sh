#!/bin/sh
# gen-syscalls.sh TABLE OUTDIR - generate, from kernel/syscalls.tbl (x86-64):
#   OUTDIR/syscall_list.h   one SYSCALL(nr, name, entry, nargs) line per call
#                           the kernel has, an X-macro list for the kernel's
#                           table, prototypes and names, and for any program
#                           that sweeps calls
#   OUTDIR/syscall_ni_list.h  one SYSCALL_NI(nr, name) line per Linux call the
#                           kernel does not have (entry and args `-`)
#   OUTDIR/sys/syscall.h    libc's SYS_name / __NR_name numbers, for both kinds
# gen-syscalls.sh --i386 TABLE32 TABLE64 OUTDIR - the same from
# kernel/syscalls_32.tbl (i386, for 32-bit processes): SYSCALL32 and
# SYSCALL32_NI lines in OUTDIR/syscall32_list.h and syscall32_ni_list.h, and
# the 32-bit libc's numbers in OUTDIR/i386/sys/syscall.h (NR_SYSCALLS32).
# Each entry of the i386 table that is not compat_* must be an entry of
# TABLE64: the two tables share those handlers.
# It rejects a malformed table (bad columns, duplicate numbers or names,
# numbers out of order, an i386 entry the x86-64 table lacks) with the line
# at fault, so the build stops there.
set -eu
if [ "${1:-}" = --i386 ]; then
	[ $# -eq 4 ] || { echo "usage: $0 --i386 TABLE32 TABLE64 OUTDIR" >&2; exit 2; }
	table=$2 shared=$3 out=$4 abi=i386
	list=$out/syscall32_list.h ni=$out/syscall32_ni_list.h hdr=$out/i386/sys/syscall.h
	macro=SYSCALL32 count_name=NR_SYSCALLS32
else
	[ $# -eq 2 ] || { echo "usage: $0 TABLE OUTDIR" >&2; exit 2; }
	table=$1 shared=/dev/null out=$2 abi=x86_64
	list=$out/syscall_list.h ni=$out/syscall_ni_list.h hdr=$out/sys/syscall.h
	macro=SYSCALL count_name=NR_SYSCALLS
fi
mkdir -p "$(dirname "$hdr")"
trap 'rm -f "$list.tmp" "$ni.tmp" "$hdr.tmp"' EXIT

# The x86-64 table's entries first (NR == FNR), when checking the i386 one.
awk -v list="$list.tmp" -v ni="$ni.tmp" -v hdr="$hdr.tmp" -v src="$table" -v abi="$abi" \
    -v macro="$macro" -v count_name="$count_name" '
function fail(msg) { printf "%s:%d: %s\n", src, FNR, msg > "/dev/stderr"; bad = 1; exit 1 }
FILENAME != src { if ($0 !~ /^[ \t]*(#|$)/ && $3 != "-") shared[$3] = 1; next }
FNR == 1 {
	print "/* Generated from " src " by scripts/gen-syscalls.sh: do not edit. */" > list
	print "/* " macro "(number, name, entry, argument count) */" > list
	print "/* Generated from " src " by scripts/gen-syscalls.sh: do not edit. */" > ni
	print "/* " macro "_NI(number, name): Linux calls this kernel does not have */" > ni
	print "/* Generated from " src " by scripts/gen-syscalls.sh: do not edit. */" > hdr
	print "#ifndef _SYS_SYSCALL_H\n#define _SYS_SYSCALL_H\n" > hdr
	last = -1
}
/^[ \t]*(#|$)/ { next }
{
	if (NF != 4) fail("expected 4 columns: number name entry args")
	if ($1 !~ /^[0-9]+$/ || length($1) > 5) fail("bad number \"" $1 "\"")
	if ($2 !~ /^[a-z_][a-z0-9_]*$/) fail("bad name \"" $2 "\"")
	if ($3 != "-" && $3 !~ /^[a-z_][a-z0-9_]*$/) fail("bad entry \"" $3 "\"")
	if ($3 == "-" && $4 != "-") fail("an unimplemented call (entry -) has argument count -")
	if ($3 != "-" && $4 !~ /^[0-6]$/) fail("argument count must be 0..6, not \"" $4 "\"")
	if (abi == "i386" && $3 != "-" && $3 !~ /^compat_/ && !($3 in shared))
		fail("entry " $3 " is neither compat_* nor an entry of the x86-64 table")
	nr = $1 + 0
	if (nr in used) fail("number " nr " used twice")
	if ($2 in names) fail("name " $2 " used twice")
	if (nr <= last) fail("numbers must increase (" nr " after " last ")")
	used[nr] = 1; names[$2] = 1; last = nr
	if ($3 == "-")
		printf "%s_NI(%d, %s)\n", macro, nr, $2 > ni
	else {
		printf "%s(%d, %s, %s, %d)\n", macro, nr, $2, $3, $4 > list
		count++
	}
	printf "#define SYS_%s %d\n#define __NR_%s %d\n", $2, nr, $2, nr > hdr
}
END {
	if (bad) exit 1
	if (count == 0) { printf "%s: no system calls\n", src > "/dev/stderr"; exit 1 }
	printf "\n/* One past the highest number: the dispatch table has this many slots. */\n" > hdr
	printf "#define %s %d\n\n#endif\n", count_name, last + 1 > hdr
}' "$shared" "$table"

mv "$list.tmp" "$list"
mv "$ni.tmp" "$ni"
mv "$hdr.tmp" "$hdr"
