# baseline.gp - kernel "this" under -icount: the median per call/path in the
# baseline file (grey) and in the current run (blue), with the change in %;
# one panel per group of calls (bench-report.sh's groups), every record of
# either side, the size cases (rss_kib) too. The y axes are logarithmic, so
# that a 64 MiB fork and a getpid share a panel; the change printed over
# each bar is what to read.
#
# Variables (gnuplot -e): lib, dir, out (no extension), ttl, ylab,
#   np (panels), nmax (the most bars of a panel), ptitle<i> and n<i> (panel
#   i's group and bars), basename, curname (legend entries), wpx (width, style.gp).
# dir/panel-<i>.dat: tab-separated  index call path baseline_median current_median change vendor
#   (NaN where one side has no such entry; change is text such as "+3.1%",
#   "new", or "missing", which is written at the foot of the empty slot;
#   vendor "amd", "intel" or "-" for a record without one).
load lib."/style.gp"

w = 0.38
set xrange [0.4 : nmax + 0.6]
set logscale y 10
set yrange [1 : *]
set format y "%.0s%c"
set offsets 0, 0, graph 0.2, 0
set xtics scale 0 font ",9"
set bmargin 5
set style fill solid 1.0 border lc rgb "#555555"
set key top right horizontal opaque
set ylabel ylab
lbl(m) = (m >= 1e6) ? sprintf("%.2fM", m / 1e6) : sprintf("%.0f", m)

do for [fmt in "svg png"] {
	eval term(fmt, wpx, 120 + 400 * np)
	set output out.".".fmt
	set multiplot layout np, 1 title ttl
	do for [i = 1 : np] {
		data = sprintf("%s/panel-%d.dat", dir, i)
		set title value(sprintf("ptitle%d", i))
		plot data using 1:(NaN):xtic(strcol(2)."\n".strcol(3).(strcol(7) eq "-" ? "" : "\n(".strcol(7).")")), \
			'' using ($1 - 0.2):4:(w) with boxes lc rgb base_dark title basename, \
			'' using ($1 + 0.2):5:(w) with boxes lc rgb this_dark title curname, \
			'' using ($1 - 0.2):4:(lbl($4)) with labels offset 0, 0.7 font ",8", \
			'' using ($1 + 0.2):5:(lbl($5)."\n".strcol(6)) with labels offset 0, 1.6 font ",8", \
			'' using ($1 + 0.2):(strcol(6) eq "missing" ? 1 : NaN):(strcol(6)) with labels offset 0, 0.8 font ",9" tc rgb "#b03030"
	}
	unset multiplot
	unset output
}
