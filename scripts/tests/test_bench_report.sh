#!/usr/bin/env bash
# test_bench_report.sh - host test of the benchmark report's record key
# (scripts/bench-report.sh) and of the vendor choice (scripts/lib/vendor.sh),
# on small synthetic logs: log names with and without a vendor, the key
# kernel/accel/call/path + guest_vendor/rss_kib/cpus in the de-duplication
# (pair: test_bench_ratios.sh), the "vs linux" pairing and the baseline
# comparison (regressions, missing, new), --update-baseline, the size
# records (rss_kib: the table, the baseline, the growth chart) and the
# groups of calls (the order, the panels of the medians and vs-baseline
# charts). Prints `N passed, N failed`.
set -uo pipefail
source "$(dirname "$0")/../lib/common.sh"
unset QEMU_CPU BENCH_TOLERANCE
source "$(dirname "$0")/testlib.sh"    # $tmp, ok, bad, same
report="$ROOT/scripts/bench-report.sh"

# bl KERNEL PATH CALL MEDIAN [MORE-JSON]: one BENCH line as trapbench prints it.
bl() {
	printf 'BENCH {"kernel": "%s", "path": "%s", "call": "%s", %s"samples": 10, "min": %d, "median": %d, "p99": %d, "unit": "tsc"}\n' \
		"$1" "$2" "$3" "${5:+$5, }" "$4" "$4" "$4"
}
AMD='"guest_vendor": "AuthenticAMD"' INTEL='"guest_vendor": "GenuineIntel"'
# run NAME ARGS...: the report on $tmp/raw into $tmp/out; stdout+stderr in $tmp/NAME.out, status in rc.
run() {
	local name=$1; shift
	rc=0
	"$report" --no-charts --raw "$tmp/raw" --out "$tmp/out" "$@" >"$tmp/$name.out" 2>&1 || rc=$?
}
# q JQ: a query on the last results.json.
q() { jq -r "$1" "$tmp/out/results.json"; }

# --- vendor.sh ----------------------------------------------------------------
same "vendor_list both" "$(vendor_list both | xargs)" "amd intel"
same "vendor_list intel" "$(vendor_list intel)" "intel"
vendor_valid nec && bad "vendor_valid accepts nec" || ok
same "vendor_cpuid amd" "$(vendor_cpuid amd)" AuthenticAMD
same "vendor_name GenuineIntel" "$(vendor_name GenuineIntel)" intel
same "vendor_cpu icount intel" "$(vendor_cpu icount intel amd)" "max,vendor=GenuineIntel"
same "vendor_cpu tcg amd" "$(vendor_cpu tcg amd intel)" "max,vendor=AuthenticAMD"
same "vendor_cpu QEMU_CPU" "$(QEMU_CPU=Skylake-Client vendor_cpu icount amd amd)" "Skylake-Client,vendor=AuthenticAMD"
same "vendor_cpu kvm host's" "$(vendor_cpu kvm amd amd)" "host"
out=$(vendor_cpu kvm intel amd) && bad "vendor_cpu kvm other vendor: status 0" || ok
[[ $out == *"host's vendor (amd)"* ]] && ok || bad "vendor_cpu kvm other vendor: '$out'"

# --- the key: vendors, old names, optional keys, repeats ----------------------
mkdir -p "$tmp/raw"
{ bl this int80 getpid 90 "$AMD"; bl this int80 getpid 78 "$AMD"; bl this syscall getpid 76 "$AMD"
  bl this int80_32 getpid 95 "$AMD"; bl this syscall32 getpid 88 "$AMD"
  bl this int80 getpid 78 "$AMD, \"cpus\": 2"; } >"$tmp/raw/this-icount-amd.log"
{ bl this int80 getpid 80 "$INTEL"; bl this syscall getpid 76 "$INTEL"
  bl this sysenter getpid 84; } >"$tmp/raw/this-icount-intel.log"        # the file name gives the vendor
{ bl linux int80 getpid 361 "$AMD"; bl linux syscall getpid 314 "$AMD"; } >"$tmp/raw/linux-icount-amd.log"
bl this vdso clock_gettime 40 >"$tmp/raw/this-tcg.log"                   # an old name, an old line
run key
same "key: status" "$rc" 0
same "key: records (one repeat dropped)" "$(q '.runs | length')" 11
same "key: the repeat's last figure counts" \
	"$(q '[.runs[] | select(.kernel == "this" and .path == "int80" and .guest_vendor == "AuthenticAMD" and .cpus == null) | .median] | join(",")')" 78
grep -q '1 measurement(s) repeated for the same key' "$tmp/key.out" && ok || bad "key: no note of the repeat"
same "key: one record per vendor" \
	"$(q '[.runs[] | select(.kernel == "this" and .accel == "icount" and .path == "int80" and .cpus == null) | .guest_vendor] | sort | join(",")')" \
	"AuthenticAMD,GenuineIntel"
same "key: cpus is part of the key" "$(q '[.runs[] | select(.cpus == 2)] | length')" 1
same "key: vendor from the file name" "$(q '.runs[] | select(.path == "sysenter") | .guest_vendor')" GenuineIntel
same "key: an old log has no guest_vendor key" "$(q '.runs[] | select(.accel == "tcg") | has("guest_vendor")')" false
same "key: no rss_kib key where none was given" "$(q '[.runs[] | select(has("rss_kib"))] | length')" 0
# The table pairs this with linux of the same vendor: 78/361 for int80 getpid.
grep -Eq '^this +icount +amd +getpid +int80 +78 .* 0\.22x$' "$tmp/key.out" && ok ||
	bad "key: table row for this/amd int80 getpid: $(grep 'this *icount *amd *getpid *int80 ' "$tmp/key.out")"
grep -Eq '^this +icount +intel +getpid +int80 +80 .* -$' "$tmp/key.out" && ok ||
	bad "key: intel row paired with amd's linux figure: $(grep 'icount *intel *getpid *int80 ' "$tmp/key.out")"
grep -Eq 'getpid +int80 cpus=2 +78' "$tmp/key.out" && ok || bad "key: the cpus=2 row does not say so"

# A line's vendor against the file name's: the line wins, with a warning.
mkdir -p "$tmp/raw2" && bl this int80 getpid 78 "$INTEL" >"$tmp/raw2/this-icount-amd.log"
rc=0; "$report" --no-charts --raw "$tmp/raw2" --out "$tmp/out2" >"$tmp/mis.out" 2>&1 || rc=$?
same "mismatch: status" "$rc" 0
grep -q 'guest_vendor "GenuineIntel" in the line but "AuthenticAMD" in the file name' "$tmp/mis.out" && ok ||
	bad "mismatch: no warning"
same "mismatch: the line's vendor" "$(jq -r '.runs[0].guest_vendor' "$tmp/out2/results.json")" GenuineIntel
# Bad optional keys stop the report.
bl this int80 getpid 78 '"cpus": "two"' >"$tmp/raw2/this-icount-amd.log"
rc=0; "$report" --no-charts --raw "$tmp/raw2" --out "$tmp/out2" >"$tmp/badkey.out" 2>&1 || rc=$?
same "bad cpus: status" "$rc" 1
grep -q 'missing or bad key(s): cpus' "$tmp/badkey.out" && ok || bad "bad cpus: no error naming it"
# A name that is neither form is ignored.
mv "$tmp/raw2/this-icount-amd.log" "$tmp/raw2/this-icount-via.log"
bl this int80 getpid 78 >"$tmp/raw2/this-icount.log"
rc=0; "$report" --no-charts --raw "$tmp/raw2" --out "$tmp/out2" >"$tmp/name.out" 2>&1 || rc=$?
same "odd name: status" "$rc" 0
grep -q 'ignoring .*this-icount-via.log' "$tmp/name.out" && ok || bad "odd name: not ignored"

# --- the baseline ---------------------------------------------------------------
run upd --update-baseline "$tmp/base.json"
same "update: status" "$rc" 0
same "update: this/icount only" "$(jq ".runs | length" "$tmp/base.json")" 8
same "update: keeps guest_vendor and cpus" \
	"$(jq -c '.runs[] | select(.cpus == 2) | [.guest_vendor, .cpus, .median]' "$tmp/base.json")" '["AuthenticAMD",2,78]'
same "update: no histogram or null keys" "$(jq '[.runs[] | select(has("hist") or has("rss_kib"))] | length' "$tmp/base.json")" 0
run same --baseline "$tmp/base.json"
same "baseline, same run: status" "$rc" 0
grep -q 'baseline: 8 compared, 0 regression(s), 0 missing, 0 new -> ok' "$tmp/same.out" && ok ||
	bad "baseline, same run: $(grep '^baseline:' "$tmp/same.out")"
# Only intel's int80 grows past the tolerance: amd's (same call/path) does not hide it.
sed -i 's/"median": 80, "p99": 80/"median": 90, "p99": 90/' "$tmp/raw/this-icount-intel.log"
bl this kernel_vsyscall getpid 99 "$INTEL" >>"$tmp/raw/this-icount-intel.log"
run grow --baseline "$tmp/base.json"
same "baseline, intel int80 grew: status" "$rc" 3
grep -Eq 'getpid +int80 +intel +80 +90 +\+12\.5% +REGRESSION' "$tmp/grow.out" && ok || bad "baseline: intel regression not shown"
grep -Eq 'getpid +int80 +amd +78 +78 +\+0\.0% +ok' "$tmp/grow.out" && ok || bad "baseline: amd row not ok"
grep -Eq 'getpid +kernel_vsyscall +intel +- +99 +- +new' "$tmp/grow.out" && ok || bad "baseline: a new path is not 'new'"
grep -q 'baseline: 8 compared, 1 regression(s), 0 missing, 1 new -> FAIL' "$tmp/grow.out" && ok ||
	bad "baseline, grew: $(grep '^baseline:' "$tmp/grow.out")"
# New records alone do not fail.
run new --baseline "$tmp/base.json" --tolerance 20
same "baseline, new path within tolerance: status" "$rc" 0
# A baseline record without guest_vendor is its own key: missing from a run that has vendors.
jq '.runs += [{kernel: "this", accel: "icount", path: "int80", call: "read", samples: 10, min: 9, median: 9, p99: 9, unit: "tsc"}]' \
	"$tmp/base.json" >"$tmp/base-old.json"
run old --baseline "$tmp/base-old.json" --tolerance 20
same "baseline, old record: status" "$rc" 3
grep -Eq 'read +int80 +- +9 +- +- +MISSING' "$tmp/old.out" && ok || bad "baseline: vendorless record not missing"

# --- the size cases: rss_kib records ----------------------------------------------
# Two sizes of one call on both kernels and vendors: four keys per kernel,
# paired with Linux by size, shown readably, compared with a baseline by
# size, drawn in growth-icount and, at the smallest size only, in the
# medians chart.
mkdir -p "$tmp/raw3"
R64='"rss_kib": 64' R64M='"rss_kib": 65536'
{ bl this syscall fork_exit 800 "$AMD, $R64"; bl this syscall fork_exit 90000 "$AMD, $R64M"
  bl this syscall getpid 76 "$AMD"; bl this int80 getpid 78 "$AMD"; } >"$tmp/raw3/this-icount-amd.log"
{ bl this syscall fork_exit 801 "$INTEL, $R64"; bl this syscall fork_exit 90000 "$INTEL, $R64M"; } >"$tmp/raw3/this-icount-intel.log"
{ bl linux syscall fork_exit 1600 "$AMD, $R64"; bl linux syscall fork_exit 30000 "$AMD, $R64M"
  bl linux syscall getpid 314 "$AMD"; } >"$tmp/raw3/linux-icount-amd.log"
rc=0; "$report" --no-charts --raw "$tmp/raw3" --out "$tmp/out3" >"$tmp/rss.out" 2>&1 || rc=$?
same "rss: status" "$rc" 0
same "rss: one record per size, vendor and kernel" "$(jq '[.runs[] | select(.call == "fork_exit")] | length' "$tmp/out3/results.json")" 6
grep -Eq '^this +icount +amd +fork_exit +syscall rss=64KiB +800 .* 0\.50x$' "$tmp/rss.out" && ok ||
	bad "rss: 64 KiB row: $(grep 'amd *fork_exit' "$tmp/rss.out" | head -1)"
grep -Eq '^this +icount +amd +fork_exit +syscall rss=64MiB +90000 .* 3\.00x$' "$tmp/rss.out" && ok ||
	bad "rss: 64 MiB row: $(grep 'amd *fork_exit' "$tmp/rss.out" | tail -1)"
same "rss: sizes in order within a call" \
	"$(grep -Eo '^this +icount +amd +fork_exit +syscall rss=[0-9A-Za-z]+' "$tmp/rss.out" | awk '{print $NF}' | xargs)" \
	"rss=64KiB rss=64MiB"
rc=0; "$report" --no-charts --raw "$tmp/raw3" --out "$tmp/out3" --update-baseline "$tmp/base3.json" >/dev/null 2>&1 || rc=$?
same "rss: baseline keeps rss_kib" "$(jq -c '[.runs[] | select(.call == "fork_exit") | .rss_kib] | sort' "$tmp/base3.json")" "[64,64,65536,65536]"
sed -i 's/"median": 90000, "p99": 90000/"median": 99999, "p99": 99999/' "$tmp/raw3/this-icount-intel.log"
rc=0; "$report" --no-charts --raw "$tmp/raw3" --out "$tmp/out3" --baseline "$tmp/base3.json" >"$tmp/rss-base.out" 2>&1 || rc=$?
same "rss: a grown size fails the baseline" "$rc" 3
grep -Eq 'fork_exit +syscall rss=64MiB +intel +90000 +99999 .*REGRESSION' "$tmp/rss-base.out" && ok ||
	bad "rss: the 64 MiB regression is not named"
grep -q 'baseline: 6 compared, 1 regression(s), 0 missing, 0 new -> FAIL' "$tmp/rss-base.out" && ok ||
	bad "rss: baseline summary: $(grep '^baseline:' "$tmp/rss-base.out")"
if command -v gnuplot >/dev/null; then
	rc=0; "$report" --raw "$tmp/raw3" --out "$tmp/out3" >"$tmp/rss-charts.out" 2>&1 || rc=$?
	same "rss charts: status" "$rc" 0
	[ -s "$tmp/out3/growth-icount.svg" ] && [ -s "$tmp/out3/growth-icount.png" ] && ok || bad "rss charts: no growth-icount chart"
	grep -q 'fork_exit' "$tmp/out3/growth-icount.svg" && ok || bad "rss charts: growth-icount has no fork_exit panel"
	grep -q 'rss=64KiB' "$tmp/out3/medians-icount.svg" && ok || bad "rss charts: no smallest size in the medians chart"
	grep -q 'rss=64MiB' "$tmp/out3/medians-icount.svg" && bad "rss charts: a larger size in the medians chart" || ok
	rc=0; "$report" --raw "$tmp/raw3" --out "$tmp/out3" --baseline "$tmp/base3.json" >/dev/null 2>&1 || rc=$?
	same "rss charts, baseline: status" "$rc" 3
	grep -q 'getpid' "$tmp/out3/vs-baseline.svg" && ok || bad "rss charts: no getpid in vs-baseline"
	grep -q 'rss=64MiB' "$tmp/out3/vs-baseline.svg" && ok || bad "rss charts: size records not in vs-baseline"
else
	echo "# no gnuplot: the growth chart is not tested"
fi

# --- the groups of calls ----------------------------------------------------------
# One table (groups in bench-report.sh's JQ_DEFS) orders results.json and the
# summary, and makes the panels of the medians and vs-baseline charts; a
# call in no group is "other", last. One record per group, given out of
# order, and a panel with a single bar (gnuplot 5.4 crashed on one).
mkdir -p "$tmp/raw4"
{ bl this syscall fork_exec 300000 "$AMD, $R64"; bl this syscall yield_pingpong 1600 "$AMD"
  bl this syscall mystery 5 "$AMD"; bl this syscall ud_signal 900 "$AMD"; bl this syscall signal 800 "$AMD"
  bl this int80 stat 700 "$AMD"; bl this none empty 30 "$AMD"; bl this syscall getpid 76 "$AMD"; } >"$tmp/raw4/this-icount-amd.log"
{ bl linux syscall signal 3000 "$AMD"; bl linux syscall yield_pingpong 5000 "$AMD"; } >"$tmp/raw4/linux-icount-amd.log"
rc=0; "$report" --no-charts --raw "$tmp/raw4" --out "$tmp/out4" >"$tmp/groups.out" 2>&1 || rc=$?
same "groups: status" "$rc" 0
same "groups: record order" "$(jq -r '[.runs[] | select(.kernel == "this") | .call] | join(" ")' "$tmp/out4/results.json")" \
	"getpid stat empty signal ud_signal yield_pingpong fork_exec mystery"
grep -Eq '^this +icount +amd +yield_pingpong +syscall +1600 .* 0\.32x$' "$tmp/groups.out" && ok ||
	bad "groups: yield_pingpong row: $(grep 'this.*yield_pingpong' "$tmp/groups.out")"
if command -v gnuplot >/dev/null; then
	rc=0; "$report" --raw "$tmp/raw4" --out "$tmp/out4" --update-baseline "$tmp/base4.json" >"$tmp/groups-charts.out" 2>&1 || rc=$?
	same "groups charts: status" "$rc" 0
	for g in "system calls" "faults and signals" "scheduling" "processes" "other"; do
		grep -q ">$g<" "$tmp/out4/medians-icount.svg" && ok || bad "groups charts: no panel '$g' in medians-icount"
	done
	grep -q 'rss=64KiB' "$tmp/out4/medians-icount.svg" && ok || bad "groups charts: fork_exec not in the medians chart"
	sed -i 's/"median": 800,/"median": 990,/' "$tmp/raw4/this-icount-amd.log"
	bl this syscall pipe_pingpong 3800 "$AMD" >>"$tmp/raw4/this-icount-amd.log"
	rc=0; "$report" --raw "$tmp/raw4" --out "$tmp/out4" --baseline "$tmp/base4.json" >"$tmp/groups-base.out" 2>&1 || rc=$?
	same "groups, baseline: a grown signal fails" "$rc" 3
	for g in "system calls" "faults and signals" "scheduling" "processes" "other"; do
		grep -q ">$g<" "$tmp/out4/vs-baseline.svg" && ok || bad "groups charts: no panel '$g' in vs-baseline"
	done
	grep -q '+23.8%' "$tmp/out4/vs-baseline.svg" && ok || bad "groups charts: signal's change not in vs-baseline"
	grep -q '>new<' "$tmp/out4/vs-baseline.svg" && ok || bad "groups charts: the new pipe_pingpong not marked new"
	# Vendors with the same figures share a bar pair (untagged); others keep their own.
	{ bl this syscall getpid 76 "$INTEL"; bl this syscall signal 800 "$INTEL"; } >"$tmp/raw4/this-icount-intel.log"
	sed -i 's/"median": 990,/"median": 800,/' "$tmp/raw4/this-icount-amd.log"
	rc=0; "$report" --raw "$tmp/raw4" --out "$tmp/out4" --update-baseline "$tmp/base5.json" >/dev/null 2>&1 || rc=$?
	sed -i 's/"median": 800,/"median": 880,/' "$tmp/raw4/this-icount-intel.log"
	rc=0; "$report" --raw "$tmp/raw4" --out "$tmp/out4" --baseline "$tmp/base5.json" >/dev/null 2>&1 || rc=$?
	same "groups, vendors: status" "$rc" 0
	# intel: signal; amd: signal and its 7 records intel lacks; getpid: neither.
	same "groups, vendors: signal per vendor, getpid shared" \
		"$(grep -c '>(intel)<' "$tmp/out4/vs-baseline.svg") $(grep -c '>(amd)<' "$tmp/out4/vs-baseline.svg")" "1 8"
else
	echo "# no gnuplot: the grouped charts are not tested"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
