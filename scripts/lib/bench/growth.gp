# growth.gp - one accelerator: cost against resident size, a panel per call
# (fork_exit, fork_exec, page_fault, cow_fault, mmap_1g, mmap_4k), one curve
# per kernel (per kernel and vendor where the vendors differ); both axes
# logarithmic, each point labelled with its median (trapdoor's above its
# point, Linux's below; a second vendor's curve is not labelled).
#
# Variables (gnuplot -e): lib, dir, out (no extension), ttl, xlab, ylab, np (panels),
#   and for each panel i = 1..np: ptitle<i> (its title), ns<i> (its number of
#   curves), lt<i>_<j> and dt<i>_<j> (curve j = 0..ns<i>-1: linetype 1 for
#   this kernel, 2 for Linux, style.gp; dash type 1 solid, 2 for a kernel's
#   second vendor, drawn only where the vendors' medians differ).
# dir/panel-<i>.dat: one block per curve (blocks apart by two blank lines),
#   each a title line and then "rss_kib<TAB>median" rows.
load lib."/style.gp"

set logscale x 2
set logscale y 10
set xrange [32 : 131072]
set xtics ("64 KiB" 64, "256 KiB" 256, "1 MiB" 1024, "4 MiB" 4096, "16 MiB" 16384, "64 MiB" 65536)
set format y "%.0s%c"
set offsets 0, 0, graph 0.15, 0         # room above for labels; below, the decade under the lowest point
set grid xtics ytics lc rgb "#e0e0e0" lt 1
set key top left opaque
set xlabel xlab
set ylabel ylab
lbl(m) = (m >= 1e6) ? sprintf("%.1fM", m / 1e6) : (m >= 1e4) ? sprintf("%.0fk", m / 1e3) : sprintf("%.0f", m)
cols = (np > 1) ? 2 : 1
rows = (np + cols - 1) / cols

do for [fmt in "svg png"] {
	eval term(fmt, 640 * cols, 100 + 380 * rows)
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
