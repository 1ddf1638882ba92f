#!/usr/bin/env bash
# bench-report.sh - turn trapbench's serial logs into results.json, charts and
# a summary table; optionally compare against (or refresh) a baseline.
# Input: RAW/<kernel>-<accel>.log (kernel this|linux, accel tcg|icount|kvm),
# each line holding `BENCH {json}` is one measurement. See docs/benchmarks.md.
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
	-h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# Sort orders shared by every jq program below: kernel, accel, call, path.
JQ_DEFS='
def krank: {"this": 0, "linux": 1}[.] // 2;
def arank: {"icount": 0, "tcg": 1, "kvm": 2}[.] // 3;
def crank: {"getpid": 0, "clock_gettime": 1, "empty": 9}[.] // 5;
def prank: {"int80": 0, "syscall": 1, "vdso": 2, "none": 3}[.] // 4;
def order: [(.accel | arank), .accel, (.call | crank), .call, (.path | prank), .path, (.kernel | krank), .kernel];
'

# --- parse the logs -----------------------------------------------------------
# parse FILE KERNEL ACCEL: one JSON object per BENCH line on stdout: the run,
# or {"_error": msg} / {"_warn": msg}.
parse() {
	{ grep -a -n 'BENCH ' "$1" || true; } | jq -R -c --arg file "$1" --arg kernel "$2" --arg accel "$3" '
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
			   + [select($o.kernel != null and ($o.kernel | type) != "string") | "kernel"]) as $bad
			| if ($bad | length) > 0 then
				{_error: "\($at): BENCH line with missing or bad key(s): \($bad | join(", "))"}
			else
				(if $o.kernel != null and $o.kernel != $kernel then
					{_warn: "\($at): kernel \"\($o.kernel)\" in the line but \"\($kernel)\" in the file name: using the line'"'"'s"}
				else empty end),
				{kernel: ($o.kernel // $kernel), accel: $accel, path: $o.path, call: $o.call,
				 samples: $o.samples, min: $o.min, median: $o.median, p99: $o.p99,
				 unit: ($o.unit // "tsc"), ns_median: $o.ns_median,
				 hist_lo: $o.hist_lo, hist_width: $o.hist_width, hist: $o.hist, tsc_hz: $o.tsc_hz}
			end
		end'
}

shopt -s nullglob
logs=("$RAW"/*.log)
shopt -u nullglob
[ ${#logs[@]} -gt 0 ] || die "no logs in $RAW (expected <kernel>-<accel>.log files)"
: >"$TMP/runs.ndjson"
errors=0
for f in "${logs[@]}"; do
	name=$(basename "$f" .log)
	kernel=${name%%-*} accel=${name#*-}
	if [[ ! $kernel =~ ^(this|linux)$ ]] || [[ ! $accel =~ ^(tcg|icount|kvm)$ ]]; then
		note "ignoring $f: not named <this|linux>-<tcg|icount|kvm>.log"
		continue
	fi
	if [ ! -s "$f" ]; then
		note "$f is empty: no $kernel/$accel figures"
		continue
	fi
	parse "$f" "$kernel" "$accel" >"$TMP/one.ndjson" || die "could not read $f"
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
jq -s --slurpfile host "$TMP/host.json" --arg commit "$commit" "$JQ_DEFS"'
	(reduce .[] as $r ({}; .[[$r.kernel, $r.accel, $r.call, $r.path] | tojson] = $r)) as $last
	| {runs: ([$last[]] | sort_by(order)), host: $host[0], commit: $commit}' \
	"$TMP/runs.ndjson" >"$TMP/results.json"
dups=$(( $(wc -l <"$TMP/runs.ndjson") - $(jq '.runs | length' "$TMP/results.json") ))
[ "$dups" -eq 0 ] || note "$dups measurement(s) repeated for the same kernel/accel/call/path: the last one counts"
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

charts_made=()
if [ "$charts" = yes ]; then
	for accel in $(jq -r "$JQ_DEFS"'[.runs[].accel] | unique | sort_by(arank) | .[]' "$RESULTS"); do
		data=$TMP/medians-$accel.dat
		jq -r --arg a "$accel" "$JQ_DEFS"'
			[.runs[] | select(.accel == $a)] as $r
			| def fig($k; $c; $p; f): ([$r[] | select(.kernel == $k and .call == $c and .path == $p) | f] | first // "NaN");
			[$r[] | {call, path}] | unique | sort_by([(.call | crank), .call, (.path | prank), .path])
			| to_entries[] | .value as $g
			| [.key + 1, $g.call, $g.path,
			   fig("this"; $g.call; $g.path; .median), fig("this"; $g.call; $g.path; .p99),
			   fig("linux"; $g.call; $g.path; .median), fig("linux"; $g.call; $g.path; .p99)]
			| @tsv' "$RESULTS" >"$data"
		linux=$(jq --arg a "$accel" '[.runs[] | select(.accel == $a and .kernel == "linux")] | if length > 0 then 1 else 0 end' "$RESULTS")
		who="trapdoor"
		[ "$linux" -eq 0 ] || who="trapdoor vs Linux"
		gp medians.gp "data=$(gp_str "$data"); out=$(gp_str "$OUT/medians-$accel"); n=$(wc -l <"$data"); linux=$linux;
			ttl=$(gp_str "$who: TSC ticks per call by entry path, median (dark) and p99 (light) - $(accel_desc "$accel"), commit $commit");
			ylab=$(gp_str "$(ticks_label "$accel" "TSC ticks (median, p99)")")"
		charts_made+=("medians-$accel")
	done

	# One distribution chart per kernel/accel: a panel per call (not "empty"),
	# a step line per path, from the histograms.
	while IFS=$'\t' read -r kernel accel; do
		dir=$TMP/dist-$kernel-$accel
		mkdir -p "$dir"
		vars="dir=$(gp_str "$dir"); out=$(gp_str "$OUT/dist-$kernel-$accel")"
		np=0
		mapfile -t calls < <(jq -r --arg k "$kernel" --arg a "$accel" "$JQ_DEFS"'
			[.runs[] | select(.kernel == $k and .accel == $a and .hist != null and .call != "empty") | .call]
			| unique | sort_by([crank, .]) | .[]' "$RESULTS")
		for call in "${calls[@]}"; do
			np=$((np + 1))
			jq -r --arg k "$kernel" --arg a "$accel" --arg c "$call" "$JQ_DEFS"'
				[.runs[] | select(.kernel == $k and .accel == $a and .call == $c and .hist != null)]
				| sort_by([(.path | prank), .path]) | .[]
				| "\(.path): median \(.median), p99 \(.p99)",
				  "\(.hist_lo)\t0",
				  (.hist_lo as $lo | .hist_width as $w | .hist | to_entries[] | "\($lo + .key * $w)\t\(.value)"),
				  "\(.hist_lo + (.hist | length) * .hist_width)\t0",
				  "", ""' "$RESULTS" >"$dir/panel-$np.dat"
			mapfile -t paths < <(jq -r --arg k "$kernel" --arg a "$accel" --arg c "$call" "$JQ_DEFS"'
				[.runs[] | select(.kernel == $k and .accel == $a and .call == $c and .hist != null)]
				| sort_by([(.path | prank), .path]) | .[] | (.path | prank) + 1' "$RESULTS")
			vars+="; ptitle$np=$(gp_str "$call"); ns$np=${#paths[@]}"
			for j in "${!paths[@]}"; do vars+="; lt${np}_$j=${paths[$j]}"; done
		done
		if [ "$np" -eq 0 ]; then
			note "no histograms for $kernel/$accel (old log?): no dist-$kernel-$accel chart"
			continue
		fi
		name="trapdoor"
		[ "$kernel" = this ] || name="$kernel"
		gp dist.gp "$vars; np=$np;
			ttl=$(gp_str "$name ($kernel), $(accel_desc "$accel"): distribution of TSC ticks per call, by entry path - commit $commit");
			xlab=$(gp_str "$(ticks_label "$accel" "TSC ticks"); each line's last bin also counts every sample above it")"
		charts_made+=("dist-$kernel-$accel")
	done < <(jq -r "$JQ_DEFS"'[.runs[] | {kernel, accel}] | unique | sort_by([(.kernel | krank), (.accel | arank)]) | .[] | [.kernel, .accel] | @tsv' "$RESULTS")
fi

# --- summary table --------------------------------------------------------------
echo
jq -r "$JQ_DEFS"'
	.runs as $all
	| .runs[]
	| . as $r
	| ([$all[] | select(.kernel == "linux" and .accel == $r.accel and .call == $r.call and .path == $r.path) | .median] | first) as $lm
	| [.kernel, .accel, .call, .path, .median, .p99, (.ns_median // "-"),
	   (if .kernel != "linux" and $lm != null then $lm else "-" end)]
	| map(tostring) | @tsv' "$RESULTS" |
	awk -F'\t' '
	{ for (i = 1; i <= 8; i++) cell[NR, i] = $i
	  vs[NR] = ($8 == "-" || $8 + 0 == 0) ? "-" : sprintf("%.2fx", $5 / $8)
	  for (i = 1; i <= 4; i++) if (length($i) > w[i]) w[i] = length($i)
	  acc[NR] = $2 }
	END {
	  split("kernel accel call path", h, " ")
	  for (i = 1; i <= 4; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
	  fmt = "%-" w[1] "s  %-" w[2] "s  %-" w[3] "s  %-" w[4] "s  %9s  %9s  %9s  %9s\n"
	  printf fmt, "kernel", "accel", "call", "path", "median", "p99", "ns", "vs linux"
	  for (r = 1; r <= NR; r++) {
	    if (r > 1 && acc[r] != acc[r - 1]) print ""
	    printf fmt, cell[r, 1], cell[r, 2], cell[r, 3], cell[r, 4], cell[r, 5], cell[r, 6], cell[r, 7], vs[r]
	  }
	}'
echo "# unit: TSC ticks (under icount 1 tick = 1 guest instruction); vs linux = this median / linux median"
echo "# results: $RESULTS (commit $commit)"
for c in "${charts_made[@]}"; do echo "# chart: $OUT/$c.svg, $OUT/$c.png"; done

# --- baseline comparison ------------------------------------------------------------
status=0
if [ -n "$baseline" ]; then
	# call, path, baseline median, current median ("-" where absent); baseline order, then new ones.
	jq -r -n --slurpfile b "$baseline" --slurpfile c "$RESULTS" "$JQ_DEFS"'
		def pick: [.runs[] | select(.kernel == "this" and .accel == "icount")];
		($b[0] | pick) as $base | ($c[0] | pick) as $cur
		| def med($set; $r): [$set[] | select(.call == $r.call and .path == $r.path) | .median] | first // "-";
		($base | sort_by(order) | .[] | [.call, .path, .median, med($cur; .)]),
		($cur[] | select(med($base; .) == "-") | [.call, .path, "-", .median])
		| map(tostring) | @tsv' >"$TMP/compare.tsv"
	bcommit=$(jq -r '.commit // "unknown"' "$baseline")
	echo
	echo "baseline $baseline (commit $bcommit) vs this run (commit $commit): kernel this, accel icount, tolerance ${tolerance}%"
	if ! awk -F'\t' '$3 != "-" { found = 1 } END { exit !found }' "$TMP/compare.tsv"; then
		echo "  the baseline has no kernel this / accel icount entries: nothing to compare (a failure)"
	fi
	awk -F'\t' -v tol="$tolerance" -v out="$TMP/compare-chart.tsv" '
	{ call[NR] = $1; path[NR] = $2; base[NR] = $3; cur[NR] = $4
	  if (length($1) > wc) wc = length($1); if (length($2) > wp) wp = length($2) }
	END {
	  if (wc < 4) wc = 4; if (wp < 4) wp = 4
	  fmt = "  %-" wc "s  %-" wp "s  %9s  %9s  %8s  %s\n"
	  if (NR) printf fmt, "call", "path", "baseline", "current", "change", ""
	  bad = 0; regress = 0; missing = 0; compared = 0
	  for (r = 1; r <= NR; r++) {
	    change = "-"; chart = ""
	    if (base[r] == "-") { verdict = "new" }
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
	    printf fmt, call[r], path[r], base[r], cur[r], change, verdict
	    printf "%d\t%s\t%s\t%s\t%s\t%s\n", r, call[r], path[r], (base[r] == "-") ? "NaN" : base[r], (cur[r] == "-") ? "NaN" : cur[r], (base[r] == "-") ? "new" : (cur[r] == "-") ? "missing" : chart > out
	  }
	  fail = regress + missing + (compared == 0)     # comparing nothing checks nothing: a failure
	  printf "baseline: %d compared, %d regression(s), %d missing -> %s\n", compared, regress, missing, fail ? "FAIL" : "ok"
	  exit fail ? 3 : 0
	}' "$TMP/compare.tsv" || status=$?
	[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "baseline comparison failed"

	if [ "$charts" = yes ] && [ -s "$TMP/compare-chart.tsv" ] &&
		awk -F'\t' '$4 != "NaN" { found = 1 } END { exit !found }' "$TMP/compare-chart.tsv"; then
		gp baseline.gp "data=$(gp_str "$TMP/compare-chart.tsv"); out=$(gp_str "$OUT/vs-baseline"); n=$(wc -l <"$TMP/compare-chart.tsv");
			ttl=$(gp_str "trapdoor, $(accel_desc icount): median TSC ticks (= instructions) per call, baseline (commit $bcommit) vs commit $commit");
			ylab=$(gp_str "TSC ticks, median (1 tick = 1 instruction)");
			basename=$(gp_str "baseline $bcommit"); curname=$(gp_str "current $commit")"
		echo "# chart: $OUT/vs-baseline.svg, $OUT/vs-baseline.png"
	fi
fi

# --- baseline update ----------------------------------------------------------------
if [ -n "$update" ]; then
	jq '{runs: [.runs[] | select(.kernel == "this" and .accel == "icount")
			| {kernel, accel, path, call, samples, min, median, p99, unit}],
		host, commit}' "$RESULTS" >"$TMP/baseline.json"
	[ "$(jq '.runs | length' "$TMP/baseline.json")" -gt 0 ] ||
		die "no kernel this / accel icount runs (this-icount.log): $update left as it was"
	mkdir -p "$(dirname "$update")"
	cp "$TMP/baseline.json" "$update"
	echo "# baseline: wrote $update from commit $commit ($(jq '.runs | length' "$update") kernel this / accel icount entries); commit it with the reason for the change"
fi
exit "$status"
