# scaling.gp - one accelerator: cost against the CPUs busy with a case, a
# panel per call and path (getpid by each path, sched_yield,
# futex_pingpong, wakeup_ipi, tlb_shootdown), one curve per kernel (per kernel and vendor where the
# vendors differ); each point labelled with its median (trapdoor's above
# its point, Linux's below). A flat curve is a cost that scales.
#
# Variables (gnuplot -e): lib, dir, out (no extension), ttl, xlab, ylab, np
#   (panels), and for each panel i = 1..np: ptitle<i>, ns<i>, lt<i>_<j> and
#   dt<i>_<j>, as growth.gp's.
# dir/panel-<i>.dat: one block per curve (blocks apart by two blank lines),
#   each a title line and then "cpus<TAB>median" rows.
load lib."/style.gp"

set logscale x 2
set xrange [0.8 : 5]
set xtics ("1" 1, "2" 2, "4" 4)
set yrange [0 : *]
set format y "%.0s%c"
set offsets 0, 0, graph 0.2, 0          # room above for the labels
set grid xtics ytics lc rgb "#e0e0e0" lt 1
set key top left opaque
set xlabel xlab
set ylabel ylab
lbl(m) = (m >= 1e6) ? sprintf("%.1fM", m / 1e6) : (m >= 1e4) ? sprintf("%.0fk", m / 1e3) : sprintf("%.0f", m)
cols = (np > 1) ? 2 : 1
rows = (np + cols - 1) / cols

do for [fmt in "svg png"] {
	eval term(fmt, 640 * cols, 100 + 340 * rows)
	set output out.".".fmt
	set multiplot layout rows, cols title ttl
	do for [i = 1 : np] {
		f = sprintf("%s/panel-%d.dat", dir, i)
		set title value(sprintf("ptitle%d", i))
		n = value(sprintf("ns%d", i))
		plot for [j = 0 : n - 1] f index j using 1:2 with linespoints pt 7 ps 0.6 \
				lt value(sprintf("lt%d_%d", i, j)) dt value(sprintf("dt%d_%d", i, j)) title columnheader(1), \
			for [j = 0 : n - 1] f index j using 1:2:(value(sprintf("dt%d_%d", i, j)) == 1 ? lbl($2) : "") \
				with labels offset 0, (value(sprintf("lt%d_%d", i, j)) == 1 ? 0.9 : -0.9) font ",8" \
				tc lt value(sprintf("lt%d_%d", i, j)) notitle
	}
	unset multiplot
	unset output
}
