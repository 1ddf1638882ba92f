#!/usr/bin/env bash
# bench-report.sh - turn trapbench's serial logs into results.json, charts and
# a summary table; optionally compare against (or refresh) a baseline.
# Input: RAW/<kernel>-<accel>-<vendor>[-p<pair>].log (kernel this|linux,
# accel tcg|icount|kvm, vendor amd|intel, pair 1, 2, ... of scripts/bench.sh's
# interleaved pairs; the older <kernel>-<accel>.log too), each line holding
# `BENCH {json}` is one measurement. A record's key is kernel, accel, call,
# path and the optional guest_vendor, rss_kib, cpus and pair (absent when a
# line and its file name lack them): one list, optkeys below, that the
# de-duplication, the charts, the table and the baseline all use. Records
# with rss_kib (trapbench's size cases) are drawn in growth-<accel>, and at
# their smallest size in the medians chart, not in the distribution charts.
# The calls fall into groups (groups below: system calls, faults and
# signals, scheduling, processes): the one table that orders the summary and
# makes the panels of the medians and vs-baseline charts. For tcg and kvm,
# results.json also gets `ratios`: per case, this/Linux of each pair, their
# median and spread, and the same net of the `empty` floor (docs/benchmarks.md).
# See docs/benchmarks.md.
#
#   scripts/bench-report.sh                        build/bench/raw -> build/bench
#   scripts/bench-report.sh --raw DIR --out DIR    other directories
#   scripts/bench-report.sh --require              a non-empty log without BENCH lines is an error
#   scripts/bench-report.sh --no-charts            results.json and the table only (no gnuplot)
#   scripts/bench-report.sh --baseline ci/baseline.json [--tolerance PCT]
#       compare kernel this / accel icount medians (default tolerance 10%)
#   scripts/bench-report.sh --update-baseline ci/baseline.json
#       write this run's kernel this / accel icount figures as the new baseline
#
# Exit status: 0 fine, 1 on an error (bad input, missing tools), 3 when a
# median grew by more than the tolerance or a baseline entry is missing.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

RAW=$BUILD/bench/raw
OUT=$BUILD/bench
GPLIB=$ROOT/scripts/lib/bench
baseline="" update="" tolerance=10 require=no charts=yes
while [ $# -gt 0 ]; do
	case $1 in
	--raw|--out|--baseline|--update-baseline|--tolerance)
		if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value"; fi
		case $1 in
		--raw) RAW=$2 ;;
		--out) OUT=$2 ;;
		--baseline) baseline=$2 ;;
		--update-baseline) update=$2 ;;
		--tolerance) tolerance=$2 ;;
		esac
		shift 2 ;;
	--require) require=yes; shift ;;
	--no-charts) charts=no; shift ;;
	-h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) die "unknown argument '$1' (see scripts/bench-report.sh --help)" ;;
	esac
done
[[ $tolerance =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--tolerance wants a percentage such as 10 or 2.5, not '$tolerance'"

# --- tools ------------------------------------------------------------------
missing=()
command -v jq >/dev/null || missing+=(jq)
[ "$charts" = no ] || command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
if [ ${#missing[@]} -gt 0 ]; then
	echo "These Debian packages are missing: ${missing[*]}" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get install ${missing[*]}" >&2
	exit 1
fi

[ -d "$RAW" ] || die "no raw log directory $RAW (run the benchmarks first, or pass --raw DIR)"
if [ -n "$baseline" ]; then
	[ -f "$baseline" ] || die "baseline $baseline not found (make one with --update-baseline $baseline)"
	jq -e '.runs | type == "array"' "$baseline" >/dev/null 2>&1 ||
		die "baseline $baseline is not a results.json (valid JSON with a \"runs\" array)"
fi
mkdir -p "$OUT"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-report.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The record key and the sort orders shared by every jq program below.
# optkeys: the optional part of the key (a record without one is simply
# keyed by its absence). prank lists every path, the order of the charts and
# the table; its rank + 1 is the path's line type in dist.gp (style.gp).
JQ_DEFS='
def optkeys: ["guest_vendor", "rss_kib", "cpus", "pair"];
def opt: [.[optkeys[]]];
def key: [.kernel, .accel, .call, .path] + opt;
def vkey: [.call, .path] + opt;
def krank: {"this": 0, "linux": 1}[.] // 2;
def arank: {"icount": 0, "tcg": 1, "kvm": 2}[.] // 3;
# The groups of calls, in the order of the charts and the table: the one
# place that says which group a call is in. Each group is a panel of the
# medians and vs-baseline charts; a call in no group goes to "other", last.
def groups: [
  ["system calls", ["getpid", "clock_gettime", "gettimeofday", "time", "read", "write",
                    "open_close", "stat", "mmap_4k", "mmap_1g", "empty"]],
  ["faults and signals", ["page_fault", "cow_fault", "signal", "ud_signal", "irq"]],
  ["scheduling", ["pipe_pingpong", "yield_pingpong"]],
  ["threads and CPUs", ["sched_yield", "futex_pingpong", "wakeup_ipi", "tlb_shootdown"]],
  ["processes", ["fork_exit", "fork_exec"]]];
def grank: . as $c | [groups | to_entries[] | select(.value[1] | index([$c])) | .key] | first // (groups | length);
def gname: grank as $g | if $g < (groups | length) then groups[$g][0] else "other" end;
def crank: . as $c | grank as $g | $g * 100 + ([groups[$g][1] // [] | index([$c])] | first // 99);
def prank: {"int80": 0, "syscall": 1, "vdso": 2, "vsyscall": 3, "int80_32": 4, "sysenter": 5,
            "syscall32": 6, "kernel_vsyscall": 7, "vdso32": 8, "none": 9, "none32": 10}[.] // 11;
def vshort: {"AuthenticAMD": "amd", "GenuineIntel": "intel"}[.] // .;
def corder: [(.accel | arank), .accel, (.guest_vendor // ""), (.cpus // 0),
             (.call | crank), .call, (.path | prank), .path, (.rss_kib // 0)];
def order: corder + [(.pair // 0), (.kernel | krank), .kernel];
def kib: if . >= 1048576 and . % 1048576 == 0 then "\(. / 1048576)GiB"
         elif . >= 1024 and . % 1024 == 0 then "\(. / 1024)MiB" else "\(.)KiB" end;
def extras: [(select(.cpus != null) | "cpus=\(.cpus)"), (select(.rss_kib != null) | "rss=\(.rss_kib | kib)"),
              (select(.pair != null) | "pair=\(.pair)")] | join(" ");
def plabel: .path + (extras | if . == "" then "" else " " + . end);
# med: the median of an array of numbers (of an even count, the mean of the
# middle two), null for none.
def med: sort | length as $n | if $n == 0 then null elif $n % 2 == 1 then .[($n - 1) / 2]
         else (.[$n / 2 - 1] + .[$n / 2]) / 2 end;
'

# --- parse the logs -----------------------------------------------------------
# parse FILE KERNEL ACCEL VENDOR PAIR: one JSON object per BENCH line on
# stdout: the run, or {"_error": msg} / {"_warn": msg}. VENDOR (a CPUID
# string, or empty) and PAIR (a number, or empty) are the file name's, for
# lines without guest_vendor or pair.
parse() {
	{ grep -a -n 'BENCH ' "$1" || true; } | jq -R -c --arg file "$1" --arg kernel "$2" --arg accel "$3" --arg vendor "$4" \
		--arg pair "$5" "$JQ_DEFS"'
		def isnum: type == "number";
		index(":") as $c | .[:$c] as $n | .[$c + 1:] as $line
		| "\($file):\($n)" as $at
		| ($line | .[index("BENCH ") + 6:] | sub("\\s+$"; "")) as $text
		| ($text | try {o: fromjson} catch {e: .}) as $p
		| if $p.e then {_error: "\($at): malformed BENCH line (\($p.e | sub(" \\(while parsing .*$"; ""))): \($text[:100])"}
		elif ($p.o | type) != "object" then {_error: "\($at): BENCH is not followed by a JSON object: \($text[:100])"}
		else $p.o as $o
			| ([("path", "call") | select(($o[.] | type) != "string")]
			   + [("samples", "min", "median", "p99") | select($o[.] | isnum | not)]
			   + [("ns_median", "tsc_hz", "hist_lo", "hist_width") | select($o[.] != null and ($o[.] | isnum | not))]
			   + [select($o.hist != null and (($o.hist | type) != "array" or any($o.hist[]; isnum | not))) | "hist"]
			   + [select($o.hist != null and ($o.hist_lo == null or $o.hist_width == null)) | "hist_lo/hist_width (for hist)"]
			   + [select($o.kernel != null and ($o.kernel | type) != "string") | "kernel"]
			   + [select($o.guest_vendor != null and ($o.guest_vendor | type) != "string") | "guest_vendor"]
			   + [optkeys[] | select(. != "guest_vendor" and $o[.] != null and ($o[.] | isnum | not))]) as $bad
			| if ($bad | length) > 0 then
				{_error: "\($at): BENCH line with missing or bad key(s): \($bad | join(", "))"}
			else
				(if $o.kernel != null and $o.kernel != $kernel then
					{_warn: "\($at): kernel \"\($o.kernel)\" in the line but \"\($kernel)\" in the file name: using the line'"'"'s"}
				else empty end),
				(if $o.guest_vendor != null and $vendor != "" and $o.guest_vendor != $vendor then
					{_warn: "\($at): guest_vendor \"\($o.guest_vendor)\" in the line but \"\($vendor)\" in the file name: using the line'"'"'s"}
				else empty end),
				({kernel: ($o.kernel // $kernel), accel: $accel, path: $o.path, call: $o.call,
				  samples: $o.samples, min: $o.min, median: $o.median, p99: $o.p99,
				  unit: ($o.unit // "tsc"), ns_median: $o.ns_median,
				  hist_lo: $o.hist_lo, hist_width: $o.hist_width, hist: $o.hist, tsc_hz: $o.tsc_hz}
				 + ($o + (if $o.guest_vendor == null and $vendor != "" then {guest_vendor: $vendor} else {} end)
				       + (if $o.pair == null and $pair != "" then {pair: ($pair | tonumber)} else {} end)
				    | . as $x | [optkeys[] | select($x[.] != null) | {(.): $x[.]}] | add // {}))
			end
		end'
}

shopt -s nullglob
logs=("$RAW"/*.log)
shopt -u nullglob
[ ${#logs[@]} -gt 0 ] || die "no logs in $RAW (expected <kernel>-<accel>-<vendor>.log files)"
: >"$TMP/runs.ndjson"
errors=0
for f in "${logs[@]}"; do
	name=$(basename "$f" .log)
	if [[ ! $name =~ ^(this|linux)-(tcg|icount|kvm)(-(amd|intel))?(-p([1-9][0-9]*))?$ ]]; then
		note "ignoring $f: not named <this|linux>-<tcg|icount|kvm>-<amd|intel>[-p<pair>].log (or without -<vendor>)"
		continue
	fi
	kernel=${BASH_REMATCH[1]} accel=${BASH_REMATCH[2]} vendor="" pair=${BASH_REMATCH[6]}
	[ -z "${BASH_REMATCH[4]}" ] || vendor=$(vendor_cpuid "${BASH_REMATCH[4]}")
	if [ ! -s "$f" ]; then
		note "$f is empty: no $kernel/$accel figures"
		continue
	fi
	parse "$f" "$kernel" "$accel" "$vendor" "$pair" >"$TMP/one.ndjson" || die "could not read $f"
	jq -r 'select(._warn) | "warning: " + ._warn' "$TMP/one.ndjson" >&2
	if jq -e -s 'any(.[]; ._error)' "$TMP/one.ndjson" >/dev/null; then
		jq -r 'select(._error) | "error: " + ._error' "$TMP/one.ndjson" >&2
		errors=$((errors + 1))
		continue
	fi
	n=$(jq -s '[.[] | select(._warn | not)] | length' "$TMP/one.ndjson")
	if [ "$n" -eq 0 ]; then
		if [ "$require" = yes ]; then
			echo "error: $f has no BENCH lines (did the run end early? last lines below)" >&2
			tail -5 "$f" | sed 's/^/    /' >&2
			errors=$((errors + 1))
		else
			note "$f has no BENCH lines: no $kernel/$accel figures"
		fi
		continue
	fi
	note "$f: $n measurements"
	jq -c 'select(._warn | not)' "$TMP/one.ndjson" >>"$TMP/runs.ndjson"
done
[ "$errors" -eq 0 ] || die "$errors log(s) with errors in $RAW"
[ -s "$TMP/runs.ndjson" ] || die "no BENCH lines in any log in $RAW"

# --- results.json -------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -1 || true)
qemu=$({ qemu-system-x86_64 --version 2>/dev/null || true; } | head -1)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
jq -n --arg cpu "${cpu:-unknown}" --arg kernel "$(uname -sr)" --arg qemu "${qemu:-unknown}" \
	--argjson cores "$(nproc)" '{cpu: $cpu, kernel: $kernel, qemu: $qemu, cores: $cores}' >"$TMP/host.json"
# ratios: for tcg and kvm, whose ticks are host time, this kernel against
# Linux. Each record of this kernel is divided by Linux's of the same key
# but the kernel (so of the same pair), and net of the floor: the `empty`
# case (path none), QEMU's back-to-back rdtsc, of the same kernel, accel,
# vendor and pair, subtracted from both sides first. The per-pair figures of
# a case (its key without kernel and pair) give one entry: their median,
# min and max. icount has none: its figures are exact, and one run each.
RATIOS_JQ='
	[.[] | select(.accel == "tcg" or .accel == "kvm")] as $w
	| def floor_of($r): [$w[] | select(.kernel == $r.kernel and .accel == $r.accel and .call == "empty" and .path == "none"
	                                   and .guest_vendor == $r.guest_vendor and .pair == $r.pair) | .median] | first;
	  def r3: if . == null then null else . * 1000 | round / 1000 end;
	  def stats($name): map(select(. != null)) as $x
		| {"\($name)_median": ($x | med | r3), "\($name)_min": ($x | min | r3), "\($name)_max": ($x | max | r3)};
	[$w[] | select(.kernel == "this") | . as $t
	   | ([$w[] | select(.kernel == "linux" and key[1:] == ($t | key[1:]))] | first) as $l
	   | select($l != null and $l.median > 0)
	   | floor_of($t) as $ft | floor_of($l) as $fl
	   | {t: $t, case: [$t.accel, $t.call, $t.path, [$t[optkeys[] | select(. != "pair")]]], ratio: ($t.median / $l.median),
	      net: (if $t.call == "empty" or $ft == null or $fl == null or $l.median - $fl <= 0 then null
	            else ($t.median - $ft) / ($l.median - $fl) end)}]
	| group_by(.case)
	| map(.[0].t as $t
		| {accel: $t.accel, call: $t.call, path: $t.path}
		  + ([optkeys[] | select(. != "pair" and $t[.] != null) | {(.): $t[.]}] | add // {})
		  + {pairs: length} + (map(.ratio) | stats("ratio")) + (map(.net) | stats("net_ratio")))
	| sort_by(corder)'
jq -s --slurpfile host "$TMP/host.json" --arg commit "$commit" "$JQ_DEFS"'
	(reduce .[] as $r ({}; .[$r | key | tojson] = $r)) as $last
	| [$last[]] as $runs
	| {runs: ($runs | sort_by(order)), ratios: ($runs | '"$RATIOS_JQ"'), host: $host[0], commit: $commit}' \
	"$TMP/runs.ndjson" >"$TMP/results.json"
dups=$(( $(wc -l <"$TMP/runs.ndjson") - $(jq '.runs | length' "$TMP/results.json") ))
[ "$dups" -eq 0 ] || note "$dups measurement(s) repeated for the same key (kernel/accel/call/path/guest_vendor/rss_kib/cpus/pair): the last one counts"
mv "$TMP/results.json" "$OUT/results.json"
RESULTS=$OUT/results.json
note "wrote $RESULTS ($(jq '.runs | length' "$RESULTS") runs, commit $commit)"

# --- charts -------------------------------------------------------------------
gp_str() { printf "'%s'" "${1//\'/\'\'}"; }

# gp SCRIPT ASSIGNMENTS: run scripts/lib/bench/SCRIPT; stop on errors, show warnings.
gp() {
	if ! gnuplot -e "lib=$(gp_str "$GPLIB"); $2" "$GPLIB/$1" 2>"$TMP/gnuplot.err"; then
		cat "$TMP/gnuplot.err" >&2
		die "gnuplot failed on $1"
	fi
	[ ! -s "$TMP/gnuplot.err" ] || { note "gnuplot ($1) said:"; cat "$TMP/gnuplot.err" >&2; }
}

accel_desc() {
	case $1 in
	tcg) echo "QEMU TCG" ;;
	icount) echo "QEMU TCG -icount shift=0" ;;
	kvm) echo "KVM" ;;
	*) echo "$1" ;;
	esac
}
ticks_label() {
	if [ "$1" = icount ]; then echo "$2; 1 tick = 1 instruction"; else echo "$2"; fi
}

# panels IN DIR: split IN (rows "group<TAB>fields...", in chart order) into
# DIR/panel-<i>.dat, one per group, each row numbered from 1 within its
# panel; print the gnuplot assignments np, nmax (the most rows of a panel),
# ptitle<i> and n<i> (panel i's rows). Each file ends with a row 0 (left
# of the x range: not drawn) of empty names, NaN figures and vendor "-":
# gnuplot 5.4 crashes on a labels plot whose only point is NaN.
panels() {
	awk -F'\t' -v dir="$2" '
	function pad(i,   r, k) { r = "0\t\t"; for (k = 4; k < nf; k++) r = r "\tNaN"; print r "\t-" > (dir "/panel-" i ".dat") }
	{ if (NR == 1 || $1 != g) { if (np) pad(np); g = $1; np++; n[np] = 0; t[np] = g }
	  nf = NF; row = ++n[np]; sub(/^[^\t]*\t/, ""); print row "\t" $0 > (dir "/panel-" np ".dat") }
	END { if (np) pad(np)
	  m = 0; for (i = 1; i <= np; i++) if (n[i] > m) m = n[i]
	  printf "np=%d; nmax=%d", np, m
	  for (i = 1; i <= np; i++) { gsub(/\047/, "\047\047", t[i]); printf "; ptitle%d=\047%s\047; n%d=%d", i, t[i], i, n[i] } }' "$1"
}

charts_made=()
if [ "$charts" = yes ]; then
	# One medians chart per accel: a panel per group of calls (groups in
	# JQ_DEFS), every path, this kernel against Linux. Of the size cases
	# (rss_kib) it shows the smallest size only, the figure each case is
	# judged by; the growth chart draws them all. A
	# call/path measured under both guest vendors is one bar pair when both
	# gave the same figures on every kernel, else one per vendor,
	# tagged (amd) or (intel); so is a path measured under one vendor only,
	# when the run had both. With pairs (tcg, kvm), a bar is the median of
	# the pairs' medians (and p99s).
	for accel in $(jq -r "$JQ_DEFS"'[.runs[] | .accel] | unique | sort_by(arank) | .[]' "$RESULTS"); do
		dir=$TMP/medians-$accel
		mkdir -p "$dir"
		jq -r --arg a "$accel" "$JQ_DEFS"'
			def fig($rows; $k; f): ([$rows[] | select(.kernel == $k) | f] | med // "NaN");
			def figs($rows): [$rows[] | {kernel, median, p99}] | sort_by(.kernel);
			[.runs[] | select(.accel == $a)] as $all
			| ([$all[] | select(.rss_kib != null) | {(.call): .rss_kib}]
			   | reduce .[] as $x ({}; ($x | keys[0]) as $c | .[$c] = ([.[$c] // $x[$c], $x[$c]] | min))) as $small
			| [$all[] | select(.rss_kib == null or .rss_kib == $small[.call])] as $r
			| ([$r[] | .guest_vendor] | unique | length > 1) as $mixed
			| [$r[] | {call, path, rss_kib, cpus}] | unique
			| sort_by([(.call | crank), .call, (.path | prank), .path, (.cpus // 0), (.rss_kib // 0)])
			| map(. as $g
				| [$r[] | select(.call == $g.call and .path == $g.path and .rss_kib == $g.rss_kib and .cpus == $g.cpus)] as $m
				| ([$m[] | .guest_vendor] | unique) as $vs
				| [$vs[] as $v | [$m[] | select(.guest_vendor == $v)]] as $by
				| if ([$by[] | figs(.)] | unique | length) == 1 then
					[{g: $g, rows: $by[0], tag: (if $mixed and ($vs | length) == 1 and $vs[0] != null then $vs[0] | vshort else null end)}]
				else [range($vs | length) as $i | {g: $g, rows: $by[$i], tag: ($vs[$i] // "-" | vshort)}] end)
			| add // []
			| .[]
			| [(.g.call | gname), .g.call, (.g | plabel),
			   fig(.rows; "this"; .median), fig(.rows; "this"; .p99),
			   fig(.rows; "linux"; .median), fig(.rows; "linux"; .p99), (.tag // "-")]
			| @tsv' "$RESULTS" >"$dir/all.tsv"
		pvars=$(panels "$dir/all.tsv" "$dir")
		nmax=$(sed 's/.*nmax=\([0-9]*\).*/\1/' <<<"$pvars")
		linux=$(jq --arg a "$accel" '[.runs[] | select(.accel == $a and .kernel == "linux")] | if length > 0 then 1 else 0 end' "$RESULTS")
		vendors=$(jq -r --arg a "$accel" "$JQ_DEFS"'[.runs[] | select(.accel == $a) | .guest_vendor // "-" | vshort] | unique | join(", ")' "$RESULTS")
		who="trapdoor"
		[ "$linux" -eq 0 ] || who="trapdoor vs Linux"
		npairs=$(jq --arg a "$accel" '[.runs[] | select(.accel == $a) | .pair // empty] | unique | length' "$RESULTS")
		[ "$npairs" -le 1 ] || who+=" (median of $npairs pairs)"
		gp medians.gp "dir=$(gp_str "$dir"); out=$(gp_str "$OUT/medians-$accel"); $pvars; linux=$linux;
			wpx=$((nmax * 110 > 960 ? nmax * 110 : 960));
			ttl=$(gp_str "$who: TSC ticks per call by entry path, median (dark), p99 (light) - $(accel_desc "$accel"), vendor $vendors, commit $commit");
			ylab=$(gp_str "$(ticks_label "$accel" "TSC ticks (median, p99)")")"
		charts_made+=("medians-$accel")
	done

	# One distribution chart per kernel/accel/vendor: a panel per call (not
	# "empty", nor the size cases), in the groups' order and titled with its
	# group, a step line per path, from the histograms.
	while IFS=$'\t' read -r kernel accel vendor; do
		tag=$kernel-$accel
		[ "$vendor" = - ] || tag+=-$(jq -rn --arg v "$vendor" "$JQ_DEFS"'$v | vshort')
		dir=$TMP/dist-$tag
		mkdir -p "$dir"
		vars="dir=$(gp_str "$dir"); out=$(gp_str "$OUT/dist-$tag")"
		sel='.kernel == $k and .accel == $a and (.guest_vendor // "-") == $v and .hist != null and .rss_kib == null'
		np=0
		mapfile -t calls < <(jq -r --arg k "$kernel" --arg a "$accel" --arg v "$vendor" "$JQ_DEFS"'
			[.runs[] | select('"$sel"' and .call != "empty") | .call]
			| unique | sort_by([crank, .]) | .[]' "$RESULTS")
		for call in "${calls[@]}"; do
			np=$((np + 1))
			jq -r --arg k "$kernel" --arg a "$accel" --arg v "$vendor" --arg c "$call" "$JQ_DEFS"'
				[.runs[] | select('"$sel"' and .call == $c)]
				| sort_by([(.path | prank), .path, (.cpus // 0), (.rss_kib // 0)]) | .[]
				| "\(plabel): median \(.median), p99 \(.p99)",
				  "\(.hist_lo)\t0",
				  (.hist_lo as $lo | .hist_width as $w | .hist | to_entries[] | "\($lo + .key * $w)\t\(.value)"),
				  "\(.hist_lo + (.hist | length) * .hist_width)\t0",
				  "", ""' "$RESULTS" >"$dir/panel-$np.dat"
			mapfile -t paths < <(jq -r --arg k "$kernel" --arg a "$accel" --arg v "$vendor" --arg c "$call" "$JQ_DEFS"'
				[.runs[] | select('"$sel"' and .call == $c)]
				| sort_by([(.path | prank), .path, (.cpus // 0), (.rss_kib // 0)]) | .[] | (.path | prank) + 1' "$RESULTS")
			vars+="; ptitle$np=$(gp_str "$(jq -rn --arg c "$call" "$JQ_DEFS"'$c | gname'): $call"); ns$np=${#paths[@]}"
			for j in "${!paths[@]}"; do vars+="; lt${np}_$j=${paths[$j]}"; done
		done
		if [ "$np" -eq 0 ]; then
			note "no histograms for $tag (old log?): no dist-$tag chart"
			continue
		fi
		name="trapdoor"
		[ "$kernel" = this ] || name="$kernel"
		[ "$vendor" = - ] && vdesc="" || vdesc=", guest vendor $vendor"
		gp dist.gp "$vars; np=$np;
			ttl=$(gp_str "$name ($kernel), $(accel_desc "$accel")$vdesc: distribution of TSC ticks per call, by entry path - commit $commit");
			xlab=$(gp_str "$(ticks_label "$accel" "TSC ticks"); each line's last bin also counts every sample above it")"
		charts_made+=("dist-$tag")
	done < <(jq -r "$JQ_DEFS"'[.runs[] | select(.rss_kib == null) | {kernel, accel, v: (.guest_vendor // "-")}] | unique
		| sort_by([(.kernel | krank), (.accel | arank), .v]) | .[] | [.kernel, .accel, .v] | @tsv' "$RESULTS")

	# One curve chart per accel that has records of a kind: growth-<accel>
	# for the size records (rss_kib: a panel per call, x the resident size)
	# and scaling-<accel> for the CPU records (cpus: a panel per call and
	# path, x the CPUs busy); y the median, one curve per kernel. A
	# kernel's vendors share one curve (the first vendor's figures) when
	# their medians for that panel are within 1% of each other at every x
	# (under icount they differ by a few instructions of CPUID-dependent
	# code), else each has its own (the second dashed), tagged (amd) or (intel).
	# With pairs, a point is the median of the pairs' medians.
	# curve_chart KIND KEY GPFILE TITLE XLABEL
	curve_chart() {
		local kind=$1 key=$2 gpfile=$3 title=$4 xlab=$5 accel dir vars np panel vendors
		for accel in $(jq -r --arg key "$key" "$JQ_DEFS"'[.runs[] | select(.[$key] != null) | .accel] | unique | sort_by(arank) | .[]' "$RESULTS"); do
			dir=$TMP/$kind-$accel
			mkdir -p "$dir"
			vars="dir=$(gp_str "$dir"); out=$(gp_str "$OUT/$kind-$accel")"
			np=0
			# A panel: a call (growth), or a call by one path (scaling).
			mapfile -t panels < <(jq -r --arg a "$accel" --arg key "$key" --arg kind "$kind" "$JQ_DEFS"'
				[.runs[] | select(.accel == $a and .[$key] != null) | {call, path}]
				| (if $kind == "growth" then map({call}) else . end) | unique
				| sort_by([(.call | crank), .call, (.path // "" | prank), .path]) | .[] | @json' "$RESULTS")
			for panel in "${panels[@]}"; do
				np=$((np + 1))
				# Each curve: its title line, its points, two blank lines; then
				# (on fd 3, one line per curve) its linetype and dash type.
				jq -r --arg a "$accel" --arg key "$key" --argjson p "$panel" "$JQ_DEFS"'
					[.runs[] | select(.accel == $a and .call == $p.call and ($p.path == null or .path == $p.path)
						and .[$key] != null)] as $r
					| [$r[] | .kernel] | unique | sort_by(krank) | .[] as $k
					| [$r[] | select(.kernel == $k)] as $m
					| ([$m[] | .guest_vendor] | unique) as $vs
					| [$vs[] as $v | [$m[] | select(.guest_vendor == $v)] | group_by(.[$key]) | map([.[0][$key], ([.[].median] | med)])] as $by
					| def near($a; $b): ($a | length) == ($b | length) and all(range($a | length);
						$a[.][0] == $b[.][0] and ($a[.][1] - $b[.][1] | if . < 0 then -. else . end) <= 0.01 * $a[.][1]);
					(if all($by[]; near($by[0]; .)) then [{t: "", pts: $by[0]}]
					   else [range($vs | length) as $i | {t: " (\($vs[$i] // "-" | vshort))", pts: $by[$i]}] end)
					| to_entries[] | .key as $j | .value
					| "#\t\(if $k == "linux" then 2 else 1 end)\t\(if $j > 0 then 2 else 1 end)",
					  "\(if $k == "this" then "trapdoor" else $k end)\(.t)",
					  (.pts[] | "\(.[0])\t\(.[1])"), "", ""' "$RESULTS" >"$dir/all-$np.dat"
				grep -v '^#' "$dir/all-$np.dat" >"$dir/panel-$np.dat" || true
				mapfile -t styles < <(sed -n 's/^#\t//p' "$dir/all-$np.dat")
				vars+="; ptitle$np=$(gp_str "$(jq -r 'if .path then "\(.call) (\(.path))" else .call end' <<<"$panel")"); ns$np=${#styles[@]}"
				for j in "${!styles[@]}"; do
					read -r lt dt <<<"${styles[$j]}"
					vars+="; lt${np}_$j=$lt; dt${np}_$j=$dt"
				done
			done
			vendors=$(jq -r --arg a "$accel" --arg key "$key" "$JQ_DEFS"'[.runs[] | select(.accel == $a and .[$key] != null) | .guest_vendor // "-" | vshort] | unique | join(", ")' "$RESULTS")
			gp "$gpfile" "$vars; np=$np;
				ttl=$(gp_str "$title - $(accel_desc "$accel"), vendor $vendors, commit $commit");
				xlab=$(gp_str "$xlab"); ylab=$(gp_str "$(ticks_label "$accel" "TSC ticks, median")")"
			charts_made+=("$kind-$accel")
		done
	}
	curve_chart growth rss_kib growth.gp "cost against resident size: median TSC ticks per call (log-log)" \
		"resident size (rss_kib, log scale)"
	curve_chart scaling cpus scaling.gp "cost against CPUs busy: median TSC ticks per call" \
		"CPUs busy with the case (cpus)"
fi

# --- summary table --------------------------------------------------------------
# One block per accel and guest vendor; "vs linux" pairs records whose keys
# differ only in the kernel.
echo
jq -r "$JQ_DEFS"'
	.runs as $all
	| .runs[]
	| . as $r
	| ([$all[] | select(.kernel == "linux" and .accel == $r.accel and vkey == ($r | vkey)) | .median] | first) as $lm
	| [.kernel, .accel, (.guest_vendor // "-" | vshort), .call, plabel, .median, .p99, (.ns_median // "-"),
	   (if .kernel != "linux" and $lm != null then $lm else "-" end)]
	| map(tostring) | @tsv' "$RESULTS" |
	awk -F'\t' '
	{ for (i = 1; i <= 9; i++) cell[NR, i] = $i
	  vs[NR] = ($9 == "-" || $9 + 0 == 0) ? "-" : sprintf("%.2fx", $6 / $9)
	  for (i = 1; i <= 5; i++) if (length($i) > w[i]) w[i] = length($i)
	  blk[NR] = $2 " " $3 }
	END {
	  split("kernel accel vendor call path", h, " ")
	  for (i = 1; i <= 5; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
	  fmt = "%-" w[1] "s  %-" w[2] "s  %-" w[3] "s  %-" w[4] "s  %-" w[5] "s  %9s  %9s  %9s  %9s\n"
	  printf fmt, "kernel", "accel", "vendor", "call", "path", "median", "p99", "ns", "vs linux"
	  for (r = 1; r <= NR; r++) {
	    if (r > 1 && blk[r] != blk[r - 1]) print ""
	    printf fmt, cell[r, 1], cell[r, 2], cell[r, 3], cell[r, 4], cell[r, 5], cell[r, 6], cell[r, 7], cell[r, 8], vs[r]
	  }
	}'
echo "# unit: TSC ticks (under icount 1 tick = 1 guest instruction); vs linux = this median / linux median"
# The ratios (tcg, kvm): a row per case, the median of its pairs' ratios
# and their spread, plain and net of the empty floor. goal: the net ratio
# at most 0.5 with no pair at 1.0 or above (issue 17's TCG goal; shown for
# every case, read it for the system-call paths).
if [ "$(jq '.ratios | length' "$RESULTS")" -gt 0 ]; then
	echo
	jq -r "$JQ_DEFS"'
		def f: if . == null then "-" else tostring end;
		.ratios[]
		| [.accel, (.guest_vendor // "-" | vshort), .call, plabel, .pairs,
		   (.ratio_median, .ratio_min, .ratio_max, .net_ratio_median, .net_ratio_min, .net_ratio_max | f),
		   (if .net_ratio_median == null then "-" elif .net_ratio_median <= 0.5 and .net_ratio_max < 1 then "met" else "missed" end)]
		| map(tostring) | @tsv' "$RESULTS" |
	awk -F'\t' '
	function x(v) { return v == "-" ? "-" : sprintf("%.2f", v) }
	function span(a, b) { return a == "-" ? "-" : sprintf("%.2f-%.2f", a, b) }
	{ split($1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" x($6) "\t" span($7, $8) "\t" x($9) "\t" span($10, $11) "\t" $12, c, "\t")
	  for (i = 1; i <= 10; i++) { cell[NR, i] = c[i]; if (length(c[i]) > w[i]) w[i] = length(c[i]) } }
	END {
	  split("accel vendor call path pairs ratio min-max net min-max goal", h, " ")
	  for (i = 1; i <= 10; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
	  fmt = "%-" w[1] "s  %-" w[2] "s  %-" w[3] "s  %-" w[4] "s  %" w[5] "s  %" w[6] "s  %-" w[7] "s  %" w[8] "s  %-" w[9] "s  %s\n"
	  printf fmt, h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10]
	  for (r = 1; r <= NR; r++)
	    printf fmt, cell[r, 1], cell[r, 2], cell[r, 3], cell[r, 4], cell[r, 5], cell[r, 6], cell[r, 7], cell[r, 8], cell[r, 9], cell[r, 10]
	}'
	echo "# ratio = this median / linux median of one pair, the median over the pairs and min-max; net: the empty case's"
	echo "# median (path none) of the same kernel and pair taken from both first; goal: net <= 0.5 and every pair's net < 1"
fi
echo "# results: $RESULTS (commit $commit)"
for c in "${charts_made[@]}"; do echo "# chart: $OUT/$c.svg, $OUT/$c.png"; done

# --- baseline comparison ------------------------------------------------------------
# kernel this / accel icount records of the baseline and of this run are
# paired by the rest of their key (vkey: call, path, guest_vendor, rss_kib,
# cpus); a key absent on one side is not the same as any value on the other.
status=0
if [ -n "$baseline" ]; then
	# call, path label, vendor, baseline median, current median ("-" where absent); baseline order, then new ones.
	jq -r -n --slurpfile b "$baseline" --slurpfile c "$RESULTS" "$JQ_DEFS"'
		def pick: [.runs[] | select(.kernel == "this" and .accel == "icount")];
		($b[0] | pick) as $base | ($c[0] | pick) as $cur
		| def med($set; $r): [$set[] | select(vkey == ($r | vkey)) | .median] | first // "-";
		($base | sort_by(order) | .[] | [.call, plabel, (.guest_vendor // "-" | vshort), .median, med($cur; .), (.call | grank), (.call | gname)]),
		($cur | sort_by(order) | .[] | select(med($base; .) == "-") | [.call, plabel, (.guest_vendor // "-" | vshort), "-", .median, (.call | grank), (.call | gname)])
		| map(tostring) | @tsv' >"$TMP/compare.tsv"
	bcommit=$(jq -r '.commit // "unknown"' "$baseline")
	echo
	echo "baseline $baseline (commit $bcommit) vs this run (commit $commit): kernel this, accel icount, tolerance ${tolerance}%"
	if ! awk -F'\t' '$4 != "-" { found = 1 } END { exit !found }' "$TMP/compare.tsv"; then
		echo "  the baseline has no kernel this / accel icount entries: nothing to compare (a failure)"
	fi
	awk -F'\t' -v tol="$tolerance" -v out="$TMP/compare-chart.tsv" '
	{ call[NR] = $1; path[NR] = $2; vend[NR] = $3; base[NR] = $4; cur[NR] = $5; grank[NR] = $6; group[NR] = $7
	  if (length($1) > wc) wc = length($1); if (length($2) > wp) wp = length($2); if (length($3) > wv) wv = length($3) }
	END {
	  if (wc < 4) wc = 4; if (wp < 4) wp = 4; if (wv < 6) wv = 6
	  fmt = "  %-" wc "s  %-" wp "s  %-" wv "s  %9s  %9s  %8s  %s\n"
	  if (NR) printf fmt, "call", "path", "vendor", "baseline", "current", "change", ""
	  bad = 0; regress = 0; missing = 0; compared = 0; fresh = 0
	  for (r = 1; r <= NR; r++) {
	    change = "-"; chart = ""
	    if (base[r] == "-") { verdict = "new"; fresh++ }
	    else if (cur[r] == "-") { verdict = "MISSING: not in the current results"; missing++ }
	    else {
	      compared++
	      if (base[r] + 0 == 0) pct = (cur[r] + 0 == 0) ? 0 : 1e9
	      else pct = (cur[r] - base[r]) * 100 / base[r]
	      change = (pct >= 1e9) ? "+inf%" : sprintf("%+.1f%%", pct)
	      chart = change
	      if (pct > tol) { verdict = "REGRESSION: more than " tol "% slower"; regress++ }
	      else if (pct < -tol) verdict = "faster by more than " tol "% (update the baseline?)"
	      else verdict = "ok"
	    }
	    printf fmt, call[r], path[r], vend[r], base[r], cur[r], change, verdict
	    # The chart has every record, the size cases too: a panel per group
	    # (rows: group rank, row, group, then baseline.gp'"'"'s columns).
	    printf "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", grank[r], r, group[r], call[r], path[r], (base[r] == "-") ? "NaN" : base[r], (cur[r] == "-") ? "NaN" : cur[r], (base[r] == "-") ? "new" : (cur[r] == "-") ? "missing" : chart, vend[r] > out
	  }
	  fail = regress + missing + (compared == 0)     # comparing nothing checks nothing: a failure
	  printf "baseline: %d compared, %d regression(s), %d missing, %d new -> %s\n", compared, regress, missing, fresh, fail ? "FAIL" : "ok"
	  exit fail ? 3 : 0
	}' "$TMP/compare.tsv" || status=$?
	[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "baseline comparison failed"

	if [ "$charts" = yes ] && [ -s "$TMP/compare-chart.tsv" ] &&
		awk -F'\t' '$6 != "NaN" { found = 1 } END { exit !found }' "$TMP/compare-chart.tsv"; then
		# Grouped as the medians chart: by group, then in the table's order.
		# A call/path whose vendors have the same figures on both sides (every
		# 64-bit path under icount) is one bar pair, vendor "-"; where they
		# differ, each vendor keeps its own.
		mkdir -p "$TMP/vs-baseline"
		sort -t$'\t' -k1,1n -k2,2n "$TMP/compare-chart.tsv" | cut -f3- | awk -F'\t' -v OFS='\t' '
		{ row[NR] = $0; k = $1 FS $2 FS $3; key[NR] = k; fig = $4 FS $5 FS $6
		  if (!(k in first)) { first[k] = fig; nv[k] = 0 }
		  else if (first[k] != fig) split_[k] = 1
		  nv[k]++ }
		END { for (r = 1; r <= NR; r++) {
		    k = key[r]
		    if (nv[k] < 2 || (k in split_)) { print row[r]; continue }
		    if (k in done) continue
		    done[k] = 1; n = split(row[r], f, FS); f[n] = "-"
		    line = f[1]; for (i = 2; i <= n; i++) line = line OFS f[i]; print line } }' >"$TMP/vs-baseline/all.tsv"
		pvars=$(panels "$TMP/vs-baseline/all.tsv" "$TMP/vs-baseline")
		nmax=$(sed 's/.*nmax=\([0-9]*\).*/\1/' <<<"$pvars")
		gp baseline.gp "dir=$(gp_str "$TMP/vs-baseline"); out=$(gp_str "$OUT/vs-baseline"); $pvars;
			wpx=$((nmax * 110 > 960 ? nmax * 110 : 960));
			ttl=$(gp_str "trapdoor, $(accel_desc icount): median TSC ticks (= instructions) per call, baseline (commit $bcommit) vs commit $commit");
			ylab=$(gp_str "TSC ticks, median (1 tick = 1 instruction; log scale)");
			basename=$(gp_str "baseline $bcommit"); curname=$(gp_str "current $commit")"
		echo "# chart: $OUT/vs-baseline.svg, $OUT/vs-baseline.png"
	fi
fi

# --- baseline update ----------------------------------------------------------------
if [ -n "$update" ]; then
	jq "$JQ_DEFS"'{runs: [.runs[] | select(.kernel == "this" and .accel == "icount")
			| . as $r | {kernel, accel, path, call}
			  + ([optkeys[] | select($r[.] != null) | {(.): $r[.]}] | add // {})
			  + {samples, min, median, p99, unit}],
		host, commit}' "$RESULTS" >"$TMP/baseline.json"
	[ "$(jq '.runs | length' "$TMP/baseline.json")" -gt 0 ] ||
		die "no kernel this / accel icount runs (this-icount-<vendor>.log): $update left as it was"
	mkdir -p "$(dirname "$update")"
	cp "$TMP/baseline.json" "$update"
	echo "# baseline: wrote $update from commit $commit ($(jq '.runs | length' "$update") kernel this / accel icount entries); commit it with the reason for the change"
fi
exit "$status"
