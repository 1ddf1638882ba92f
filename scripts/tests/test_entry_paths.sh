#!/usr/bin/env bash
# test_entry_paths.sh - docs/abi.md's entry table ("Every entry path") lists
# kernel/api/entry_paths.h's paths in its order, each with its mode,
# counter, AT_TRAPDOOR_ENTRIES bit and ring letter; and the benchmark, whose
# source must also build on Linux without the list, times every path under
# its name (trapbench's tables) and ranks it in the report (bench-report.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

# The list, expanded by the C preprocessor: one line per path.
want=$(printf '%s\n' '#include "api/entry_paths.h"' \
	'#define X(name, mode, entry, ret, counter, bit, vector, letter) @name mode counter bit letter@' \
	'ENTRY_PATHS(X)' |
	${CC:-cc} -E -P -I "$root/kernel" -x c - | tr '@' '\n' | grep -v '^ *$' | tr -d "'" |
	awk '{ print $1, ($2 == 64 ? "64-bit" : "compat"), $3, $4, $5 }')

# The table's rows: path, mode, counter, bit name, letter (backquotes off).
got=$(awk '/^## Every entry path/ { on = 1; next } on && /^## / { exit }
	on && /^\| `/ { print }' "$root/docs/abi.md" |
	awk -F'|' '{ for (i = 2; i <= 8; i++) { gsub(/`/, "", $i); gsub(/^ +| +$/, "", $i) }
		split($3, m, " "); split($7, b, " "); print $2, m[1], $6, b[1], $8 }')

failed=0
if [ "$want" = "$got" ]; then
	echo "ok - docs/abi.md's entry table matches api/entry_paths.h ($(echo "$want" | wc -l) paths)"
else
	echo "not ok - docs/abi.md's entry table differs from api/entry_paths.h"
	diff <(echo "$want") <(echo "$got") || true
	failed=1
fi

for name in $(echo "$want" | cut -d' ' -f1); do
	if grep -q "{ \"$name\", \"getpid\"" "$root/apps/trapbench/trapbench.c" "$root/apps/trapbench/calls32.h"; then
		echo "ok - trapbench times getpid on $name"
	else
		echo "not ok - trapbench has no getpid case on $name"; failed=1
	fi
	if grep -q "\"$name\": [0-9]" "$root/scripts/bench-report.sh"; then
		echo "ok - bench-report.sh ranks $name"
	else
		echo "not ok - bench-report.sh does not rank $name"; failed=1
	fi
done
exit $failed
