# dist.gp - one kernel and accelerator: the distribution of the per-call cost,
# one panel per call, one step line per path (from trapbench's histograms).
#
# Variables (gnuplot -e): lib, dir, out (no extension), ttl, xlab, np (panels),
#   and for each panel i = 1..np: ptitle<i> (its title), ns<i> (its number of
#   paths), lt<i>_<j> (the linetype of path j = 0..ns<i>-1).
# dir/panel-<i>.dat: one block per path (blocks apart by two blank lines),
#   each a title line and then "ticks<TAB>samples" rows drawn as steps.
load lib."/style.gp"

set yrange [0 : *]
set offsets 0, 0, graph 0.05, 0
set key top right opaque
set ylabel "samples"
set xlabel xlab

do for [fmt in "svg png"] {
	eval term(fmt, 960, 160 + 300 * np)
	set output out.".".fmt
	set multiplot layout np, 1 title ttl
	do for [i = 1 : np] {
		f = sprintf("%s/panel-%d.dat", dir, i)
		set title value(sprintf("ptitle%d", i))
		plot for [j = 0 : value(sprintf("ns%d", i)) - 1] f index j using 1:2 with steps \
			lt value(sprintf("lt%d_%d", i, j)) title columnheader(1)
	}
	unset multiplot
	unset output
}
