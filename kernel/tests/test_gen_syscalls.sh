#!/bin/sh
# test_gen_syscalls.sh GENERATOR TABLE - host test of scripts/gen-syscalls.sh:
# the real table generates the expected lines, and malformed tables are
# refused with the line at fault. Prints `N passed, N failed`.
set -u
gen=$1 table=$2
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

# Every Linux x86-64 call the host's kernel headers know is in the table,
# under the same number and name (the table may know newer ones).
hdr=/usr/include/x86_64-linux-gnu/asm/unistd_64.h
[ -r "$hdr" ] || hdr=/usr/include/asm/unistd_64.h
if [ -r "$hdr" ]; then
	missing=$(awk 'NR == FNR { if ($1 ~ /^[0-9]+$/) t[$1] = $2; next }
		$1 == "#define" && $2 ~ /^__NR_/ { n = substr($2, 6); if (t[$3] != n) print $3 " " n " (table: " t[$3] ")" }' \
		"$table" "$hdr")
	[ -z "$missing" ] && ok || bad "table differs from $hdr: $missing"
else
	echo "# skip: no <asm/unistd_64.h> on this host (linux-libc-dev) to compare the table with"
fi

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
