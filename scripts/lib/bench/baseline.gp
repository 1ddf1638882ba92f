# baseline.gp - kernel "this" under -icount: the median per call/path in the
# baseline file (grey) and in the current run (blue), with the change in %.
#
# Variables (gnuplot -e): lib, data, out (no extension), ttl, ylab, n (groups),
#   basename, curname (legend entries), wpx (width, style.gp).
# data: tab-separated  index call path baseline_median current_median change vendor
#   (NaN where one side has no such entry; change is text such as "+3.1%",
#   "new", or "missing", which is written at the foot of the empty slot;
#   vendor "amd", "intel" or "-" for a record without one).
load lib."/style.gp"

w = 0.38
set xrange [0.4 : n + 0.6]
set yrange [0 : *]
set offsets 0, 0, graph 0.12, 0
set xtics scale 0
set bmargin 4
set style fill solid 1.0 border lc rgb "#555555"
set key top left horizontal opaque
set title ttl
set ylabel ylab
lbl(m) = sprintf("%.0f", m)

do for [fmt in "svg png"] {
	eval term(fmt, wpx, 540)
	set output out.".".fmt
	plot data using 1:(NaN):xtic(strcol(2)."\n".strcol(3).(strcol(7) eq "-" ? "" : "\n(".strcol(7).")")), \
		'' using ($1 - 0.2):4:(w) with boxes lc rgb base_dark title basename, \
		'' using ($1 + 0.2):5:(w) with boxes lc rgb this_dark title curname, \
		'' using ($1 - 0.2):4:(lbl($4)) with labels offset 0, 0.7 font ",9", \
		'' using ($1 + 0.2):5:(lbl($5)."\n".strcol(6)) with labels offset 0, 1.6 font ",9", \
		'' using ($1 + 0.2):(strcol(6) eq "missing" ? 0 : NaN):(strcol(6)) with labels offset 0, 0.8 font ",9" tc rgb "#b03030"
	unset output
}
