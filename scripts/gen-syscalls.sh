#!/bin/sh
# gen-syscalls.sh TABLE OUTDIR - generate, from kernel/syscalls.tbl:
#   OUTDIR/syscall_list.h   one SYSCALL(nr, name, entry, nargs) line per call
#                           the kernel has, an X-macro list for the kernel's
#                           table, prototypes and names, and for any program
#                           that sweeps calls
#   OUTDIR/syscall_ni_list.h  one SYSCALL_NI(nr, name) line per Linux call the
#                           kernel does not have (entry and args `-`)
#   OUTDIR/sys/syscall.h    libc's SYS_name / __NR_name numbers, for both kinds
# It rejects a malformed table (bad columns, duplicate numbers or names,
# numbers out of order) with the line at fault, so the build stops there.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 TABLE OUTDIR" >&2; exit 2; }
table=$1 out=$2
mkdir -p "$out/sys"
trap 'rm -f "$out/syscall_list.h.tmp" "$out/syscall_ni_list.h.tmp" "$out/sys/syscall.h.tmp"' EXIT

awk -v list="$out/syscall_list.h.tmp" -v ni="$out/syscall_ni_list.h.tmp" -v hdr="$out/sys/syscall.h.tmp" -v src="$table" '
function fail(msg) { printf "%s:%d: %s\n", src, NR, msg > "/dev/stderr"; bad = 1; exit 1 }
BEGIN {
	print "/* Generated from " src " by scripts/gen-syscalls.sh: do not edit. */" > list
	print "/* SYSCALL(number, name, entry, argument count) */" > list
	print "/* Generated from " src " by scripts/gen-syscalls.sh: do not edit. */" > ni
	print "/* SYSCALL_NI(number, name): Linux calls this kernel does not have */" > ni
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
	nr = $1 + 0
	if (nr in used) fail("number " nr " used twice")
	if ($2 in names) fail("name " $2 " used twice")
	if (nr <= last) fail("numbers must increase (" nr " after " last ")")
	used[nr] = 1; names[$2] = 1; last = nr
	if ($3 == "-")
		printf "SYSCALL_NI(%d, %s)\n", nr, $2 > ni
	else {
		printf "SYSCALL(%d, %s, %s, %d)\n", nr, $2, $3, $4 > list
		count++
	}
	printf "#define SYS_%s %d\n#define __NR_%s %d\n", $2, nr, $2, nr > hdr
}
END {
	if (bad) exit 1
	if (count == 0) { printf "%s: no system calls\n", src > "/dev/stderr"; exit 1 }
	printf "\n/* One past the highest number: the dispatch table has this many slots. */\n" > hdr
	printf "#define NR_SYSCALLS %d\n\n#endif\n", last + 1 > hdr
}' "$table"

mv "$out/syscall_list.h.tmp" "$out/syscall_list.h"
mv "$out/syscall_ni_list.h.tmp" "$out/syscall_ni_list.h"
mv "$out/sys/syscall.h.tmp" "$out/sys/syscall.h"
