#!/bin/sh
# test_gen_syscalls.sh GENERATOR TABLE TABLE32 - host test of
# scripts/gen-syscalls.sh: the real tables (x86-64 and i386) generate the
# expected lines and match the host's kernel headers, and malformed tables
# are refused with the line at fault. Prints `N passed, N failed`.
set -u
gen=$1 table=$2 table32=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "not ok - $*"; }

# The real table.
if "$gen" "$table" "$tmp/real" 2>"$tmp/err"; then ok; else bad "real table refused: $(cat "$tmp/err")"; fi
grep -qx '#define SYS_getpid 39' "$tmp/real/sys/syscall.h" && ok || bad "SYS_getpid is not 39"
grep -qx '#define __NR_write 1' "$tmp/real/sys/syscall.h" && ok || bad "__NR_write is not 1"
grep -qx 'SYSCALL(39, getpid, sys_getpid, 0)' "$tmp/real/syscall_list.h" && ok || bad "no getpid line in the list"
last=$(grep -v '^[[:space:]]*#' "$table" | awk 'NF { n = $1 } END { print n }')
grep -qx "#define NR_SYSCALLS $((last + 1))" "$tmp/real/sys/syscall.h" && ok || bad "NR_SYSCALLS is not $((last + 1))"
[ "$(grep -c '^SYSCALL(' "$tmp/real/syscall_list.h")" -eq "$(grep -v '^[[:space:]]*\(#\|$\)' "$table" | awk '$3 != "-"' | wc -l)" ] &&
	ok || bad "the list and the table's implemented calls differ in length"
[ "$(grep -c '^SYSCALL_NI(' "$tmp/real/syscall_ni_list.h")" -eq "$(grep -v '^[[:space:]]*\(#\|$\)' "$table" | awk '$3 == "-"' | wc -l)" ] &&
	ok || bad "the unimplemented list and the table's - lines differ in length"
grep -qx 'SYSCALL_NI(213, epoll_create)' "$tmp/real/syscall_ni_list.h" && ok || bad "no unimplemented epoll_create line"
grep -qx '#define SYS_epoll_create 213' "$tmp/real/sys/syscall.h" && ok || bad "SYS_epoll_create missing: libc numbers every Linux call"

# Every Linux call the host's kernel headers know is in the table, under
# the same number and name (the table may know newer ones).
same_as_header() {  # same_as_header TABLE HEADER-NAME
	local hdr=/usr/include/x86_64-linux-gnu/asm/$2
	[ -r "$hdr" ] || hdr=/usr/include/asm/$2
	if [ -r "$hdr" ]; then
		missing=$(awk 'NR == FNR { if ($1 ~ /^[0-9]+$/) t[$1] = $2; next }
			$1 == "#define" && $2 ~ /^__NR_/ { n = substr($2, 6); if (t[$3] != n) print $3 " " n " (table: " t[$3] ")" }' \
			"$1" "$hdr")
		[ -z "$missing" ] && ok || bad "$1 differs from $hdr: $missing"
	else
		echo "# skip: no <asm/$2> on this host (linux-libc-dev) to compare $1 with"
	fi
}
same_as_header "$table" unistd_64.h
same_as_header "$table32" unistd_32.h

# The i386 table: its own list and libc header, checked against x86-64's.
if "$gen" --i386 "$table32" "$table" "$tmp/real" 2>"$tmp/err"; then ok; else bad "real i386 table refused: $(cat "$tmp/err")"; fi
grep -qx '#define SYS_getpid 20' "$tmp/real/i386/sys/syscall.h" && ok || bad "i386 SYS_getpid is not 20"
grep -qx 'SYSCALL32(20, getpid, sys_getpid, 0)' "$tmp/real/syscall32_list.h" && ok || bad "no i386 getpid line"
grep -qx '#define NR_SYSCALLS32 513' "$tmp/real/i386/sys/syscall.h" && ok || bad "NR_SYSCALLS32 is not 463"
printf '1 a sys_not_there 0\n' >"$tmp/t32.tbl"
"$gen" --i386 "$tmp/t32.tbl" "$table" "$tmp/out32" 2>"$tmp/err" && bad "an i386 entry x86-64 lacks: accepted" ||
	{ grep -q "t32.tbl:1: entry sys_not_there is neither compat_\* nor an entry" "$tmp/err" && ok || bad "i386 entry check: wrong message: $(cat "$tmp/err")"; }
printf '1 a compat_sys_a 0\n' >"$tmp/t32.tbl"
"$gen" --i386 "$tmp/t32.tbl" "$table" "$tmp/out32" 2>"$tmp/err" && ok || bad "a compat_ entry refused: $(cat "$tmp/err")"

# Malformed tables: each must be refused, naming its line.
refuse() {  # refuse NAME EXPECTED-MESSAGE TABLE-TEXT
	printf '%s\n' "$3" >"$tmp/t.tbl"
	if "$gen" "$tmp/t.tbl" "$tmp/out" 2>"$tmp/err"; then
		bad "$1: accepted"
	elif grep -q "$2" "$tmp/err"; then ok
	else bad "$1: wrong message: $(cat "$tmp/err")"
	fi
}
refuse "duplicate number" "t.tbl:2: number 1 used twice" "$(printf '1 a sys_a 0\n1 b sys_b 0')"
refuse "duplicate name" "name a used twice" "$(printf '1 a sys_a 0\n2 a sys_b 0')"
refuse "out of order" "numbers must increase" "$(printf '5 a sys_a 0\n2 b sys_b 0')"
refuse "three columns" "expected 4 columns" "1 a sys_a"
refuse "bad number" "bad number" "x a sys_a 0"
refuse "bad name" "bad name" "1 A-b sys_a 0"
refuse "seven arguments" "argument count must be 0..6" "1 a sys_a 7"
refuse "unimplemented with a count" "argument count -" "1 a - 2"
refuse "implemented without a count" "argument count must be 0..6" "1 a sys_a -"
refuse "only unimplemented calls" "no system calls" "1 a - -"
refuse "empty table" "no system calls" "# only a comment"
[ ! -e "$tmp/out/syscall_list.h" ] && ok || bad "a refused table left output behind"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
