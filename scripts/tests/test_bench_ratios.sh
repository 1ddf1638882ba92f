#!/usr/bin/env bash
# test_bench_ratios.sh - host test of the interleaved pairs in the benchmark
# report (scripts/bench-report.sh): the pair key from a log's -pN name, the
# "vs linux" column within a pair, and the top-level `ratios` of
# results.json (per-pair this/Linux, their median and min-max, the same net
# of the empty floor), on synthetic logs whose ratios are worked out below.
# Also bench.sh's and linux-bench.sh's --pairs/--pair checks (no boot).
# Prints `N passed, N failed`.
set -uo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$(dirname "$0")/testlib.sh"    # $tmp, ok, bad, same

# bl KERNEL PATH CALL MEDIAN: one BENCH line as trapbench prints it (no vendor:
# the file name gives it).
bl() {
	printf 'BENCH {"kernel": "%s", "path": "%s", "call": "%s", "samples": 10, "min": %d, "median": %d, "p99": %d, "unit": "tsc"}\n' \
		"$1" "$2" "$3" "$4" "$4" "$4"
}
# logs KERNEL NAME-TAIL CASES...: RAW/KERNEL-NAME-TAIL.log, CASES as "path call median".
logs() {
	local k=$1 f=$tmp/raw/$1-$2.log c; shift 2
	: >"$f"
	for c in "$@"; do set -- $c; bl "$k" "$1" "$2" "$3" >>"$f"; done
}
mkdir -p "$tmp/raw"
# AMD, three pairs. syscall getpid: this 250 300 450, Linux 850 700 900,
# floors (empty) this 50 60 50, Linux 50 60 100:
#   ratios 0.294 0.429 0.5  -> median 0.429, min 0.294, max 0.5
#   net    200/800 240/640 400/800 = 0.25 0.375 0.5 -> median 0.375: the goal met
# int80 getpid: this 700 600 900, Linux 1000 1000 800:
#   ratios 0.7 0.6 1.125; net 650/950 540/940 850/700 = 0.684 0.574 1.214: missed
# read syscall: Linux has no pair 3, so two pairs: 300/600 and 330/600 -> ratios
#   0.5 and 0.55, median their mean 0.525.
logs this tcg-amd-p1 "syscall getpid 250" "int80 getpid 700" "syscall read 300" "none empty 50"
logs linux tcg-amd-p1 "syscall getpid 850" "int80 getpid 1000" "syscall read 600" "none empty 50"
logs this tcg-amd-p2 "syscall getpid 300" "int80 getpid 600" "syscall read 330" "none empty 60"
logs linux tcg-amd-p2 "syscall getpid 700" "int80 getpid 1000" "syscall read 600" "none empty 60"
logs this tcg-amd-p3 "syscall getpid 450" "int80 getpid 900" "syscall read 300" "none empty 50"
logs linux tcg-amd-p3 "syscall getpid 900" "int80 getpid 800" "none empty 100"
# Intel, one boot each (--pairs 1: no -pN, no pair key): 100/400, net 60/360.
logs this tcg-intel "syscall getpid 100" "none empty 40"
logs linux tcg-intel "syscall getpid 400" "none empty 40"
# icount: exact figures, one run each: no ratios. (Two paths: gnuplot 5.4
# crashes on a medians chart of a single group.)
logs this icount-amd "syscall getpid 76" "int80 getpid 78"
logs linux icount-amd "syscall getpid 314" "int80 getpid 361"

rc=0
"$ROOT/scripts/bench-report.sh" --no-charts --raw "$tmp/raw" --out "$tmp/out" >"$tmp/report.out" 2>&1 || rc=$?
same "status" "$rc" 0
q() { jq -c "$1" "$tmp/out/results.json"; }
# r VENDOR CALL PATH: the ratios entry of a case.
r() { q ".ratios[] | select(.guest_vendor == \"$1\" and .call == \"$2\" and .path == \"$3\")"; }
same "pair key from the file name" "$(q '[.runs[] | select(.accel == "tcg" and .guest_vendor == "AuthenticAMD") | .pair] | unique')" "[1,2,3]"
same "no pair key without -pN" "$(q '[.runs[] | select(.guest_vendor == "GenuineIntel" or .accel == "icount") | has("pair")] | unique')" "[false]"
same "one run per pair (pair is in the key)" "$(q '[.runs[] | select(.kernel == "this" and .accel == "tcg" and .call == "getpid" and .path == "syscall")] | length')" 4
same "syscall getpid" "$(r AuthenticAMD getpid syscall)" \
	'{"accel":"tcg","call":"getpid","path":"syscall","guest_vendor":"AuthenticAMD","pairs":3,"ratio_median":0.429,"ratio_min":0.294,"ratio_max":0.5,"net_ratio_median":0.375,"net_ratio_min":0.25,"net_ratio_max":0.5}'
same "int80 getpid" "$(r AuthenticAMD getpid int80 | jq -c '[.ratio_median, .ratio_min, .ratio_max, .net_ratio_median, .net_ratio_min, .net_ratio_max]')" \
	"[0.7,0.6,1.125,0.684,0.574,1.214]"
same "a pair without Linux is left out" "$(r AuthenticAMD read syscall | jq -c '[.pairs, .ratio_median, .ratio_min, .ratio_max]')" "[2,0.525,0.5,0.55]"
same "the floor's own entry has no net ratio" "$(r AuthenticAMD empty none | jq -c '[.pairs, .ratio_median, .ratio_min, .net_ratio_median]')" \
	"[3,1,0.5,null]"
same "one boot each is one pair" "$(r GenuineIntel getpid syscall | jq -c '[.pairs, .ratio_median, .ratio_min, .ratio_max, .net_ratio_median]')" \
	"[1,0.25,0.25,0.25,0.167]"
same "no ratios for icount" "$(q '[.ratios[] | select(.accel == "icount")] | length')" 0
same "ratios in the table's order" "$(q '[.ratios[] | select(.guest_vendor == "AuthenticAMD") | .call + " " + .path] | join(",")')" \
	'"getpid int80,getpid syscall,read syscall,empty none"'
# The table: "vs linux" within a pair; the ratios table with the goal.
grep -Eq '^this +tcg +amd +getpid +syscall pair=2 +300 .* 0\.43x$' "$tmp/report.out" && ok ||
	bad "table: pair 2's vs linux: $(grep -E 'this +tcg +amd +getpid +syscall pair=2' "$tmp/report.out")"
grep -Eq '^this +tcg +amd +read +syscall pair=3 +300 .* -$' "$tmp/report.out" && ok || bad "table: pair 3's read has no Linux"
grep -Eq '^tcg +amd +getpid +syscall +3 +0\.43 +0\.29-0\.50 +0\.38 +0\.25-0\.50 +met$' "$tmp/report.out" && ok ||
	bad "ratios table, syscall: $(grep -E '^tcg +amd +getpid +syscall' "$tmp/report.out")"
grep -Eq '^tcg +amd +getpid +int80 +3 +0\.70 +0\.60-1\.12 +0\.68 +0\.57-1\.21 +missed$' "$tmp/report.out" && ok ||
	bad "ratios table, int80: $(grep -E '^tcg +amd +getpid +int80' "$tmp/report.out")"
# The baseline holds this/icount only: no pair, no ratios.
rc=0
"$ROOT/scripts/bench-report.sh" --no-charts --raw "$tmp/raw" --out "$tmp/out" --update-baseline "$tmp/base.json" >/dev/null 2>&1 || rc=$?
same "baseline: status" "$rc" 0
same "baseline: icount only, no ratios" "$(jq -c '[(.runs | length), has("ratios")]' "$tmp/base.json")" "[2,false]"
# A line's own pair wins over the name's; a bad one stops the report.
mkdir -p "$tmp/raw2"
bl this syscall getpid 9 | sed 's/"samples"/"pair": 7, "samples"/' >"$tmp/raw2/this-tcg-amd-p1.log"
rc=0; "$ROOT/scripts/bench-report.sh" --no-charts --raw "$tmp/raw2" --out "$tmp/out2" >/dev/null 2>&1 || rc=$?
same "a line's pair" "$rc/$(jq -c '[.runs[].pair]' "$tmp/out2/results.json")" "0/[7]"
bl this syscall getpid 9 | sed 's/"samples"/"pair": "one", "samples"/' >"$tmp/raw2/this-tcg-amd-p1.log"
rc=0; "$ROOT/scripts/bench-report.sh" --no-charts --raw "$tmp/raw2" --out "$tmp/out2" >"$tmp/bad.out" 2>&1 || rc=$?
same "bad pair: status" "$rc" 1
grep -q 'missing or bad key(s): pair' "$tmp/bad.out" && ok || bad "bad pair: no error naming it"
# The drivers refuse a pair count that is not one or more, before they build or boot.
for a in 0 x ""; do
	out=$("$ROOT/scripts/bench.sh" --pairs "$a" 2>&1) && bad "bench.sh --pairs '$a': status 0" || ok
	[[ $out == *"--pairs (PAIRS=) needs a number of pairs"* ]] && ok || bad "bench.sh --pairs '$a': '$out'"
	out=$("$ROOT/scripts/linux-bench.sh" --pair "$a" 2>&1) && bad "linux-bench.sh --pair '$a': status 0" || ok
	[[ $out == *"--pair needs a pair number"* ]] && ok || bad "linux-bench.sh --pair '$a': '$out'"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
