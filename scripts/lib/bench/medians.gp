# medians.gp - one accelerator: per call/path, the median (dark bar) and p99
# (light bar behind it) of kernel "this" and, when present, "linux", side by
# side; one panel per group of calls (bench-report.sh's groups), each with
# its own y scale, so that a fork does not flatten a getpid.
#
# Variables (gnuplot -e): lib, dir, out (no extension), ttl, ylab,
#   np (panels), nmax (the most bars of a panel: every panel gets that many
#   slots, so bars are as wide in each), and for each panel i = 1..np:
#   ptitle<i> (the group), n<i> (its bar groups); linux (1 when there is
#   Linux data), wpx (width, style.gp).
# dir/panel-<i>.dat: tab-separated  index call path this_median this_p99
#   linux_median linux_p99 vendor (NaN where a kernel has no such run;
#   vendor "amd"/"intel" when the group is one vendor's, "-" when it stands
#   for every vendor of the run).
load lib."/style.gp"

w = linux ? 0.38 : 0.5
dx = linux ? 0.2 : 0
set xrange [0.4 : nmax + 0.6]
set yrange [0 : *]
set offsets 0, 0, graph 0.18, 0
set xtics scale 0
set bmargin 5
set style fill solid 1.0 border lc rgb "#555555"
set key top right horizontal opaque
set ylabel ylab
lbl(m) = sprintf("%.0f", m)
# Above each bar: the median, and under it "p99 N" when the p99 is higher.
top(m, p) = (p > m) ? p : m
one(m, p) = (p > m) ? NaN : m
two(m, p) = (p > m) ? p : NaN
p99lbl(p) = sprintf("p99 %.0f", p)

do for [fmt in "svg png"] {
	eval term(fmt, wpx, 120 + 400 * np)
	set output out.".".fmt
	set multiplot layout np, 1 title ttl
	do for [i = 1 : np] {
		data = sprintf("%s/panel-%d.dat", dir, i)
		set title value(sprintf("ptitle%d", i))
		plot data using 1:(NaN):xtic(strcol(2)."\n".strcol(3).(strcol(8) eq "-" ? "" : "\n(".strcol(8).")")), \
			'' using ($1 - dx):5:(w) with boxes lc rgb this_light title "this p99", \
			'' using ($1 - dx):4:(w) with boxes lc rgb this_dark title "this median", \
			'' using ($1 + dx):7:(w) with boxes lc rgb linux_light title (linux ? "linux p99" : ""), \
			'' using ($1 + dx):6:(w) with boxes lc rgb linux_dark title (linux ? "linux median" : ""), \
			'' using ($1 - dx):(one($4, $5)):(lbl($4)) with labels offset 0, 0.7 font ",9", \
			'' using ($1 - dx):(two($4, $5)):(lbl($4)) with labels offset 0, 1.6 font ",9", \
			'' using ($1 - dx):(two($4, $5)):(p99lbl($5)) with labels offset 0, 0.6 font ",8" tc rgb "#666666", \
			'' using ($1 + dx):(one($6, $7)):(lbl($6)) with labels offset 0, 0.7 font ",9", \
			'' using ($1 + dx):(two($6, $7)):(lbl($6)) with labels offset 0, 1.6 font ",9", \
			'' using ($1 + dx):(two($6, $7)):(p99lbl($7)) with labels offset 0, 0.6 font ",8" tc rgb "#666666"
	}
	unset multiplot
	unset output
}
