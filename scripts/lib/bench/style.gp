# style.gp - the look shared by the benchmark charts; loaded first by
# medians.gp, dist.gp and baseline.gp (scripts/bench-report.sh runs them).
#
# term(fmt, w, h): the terminal for one output format ("svg" or "png").
# wpx (optional, gnuplot -e): a wider chart's width in pixels (default 960).
# Text is plain (noenhanced): names such as clock_gettime keep their underscore.
term(fmt, w, h) = (fmt eq "svg") \
	? sprintf('set terminal svg size %d,%d dynamic noenhanced font "sans,12" background "#ffffff"', w, h) \
	: sprintf('set terminal pngcairo size %d,%d noenhanced font "sans,10" background "#ffffff"', w, h)

# One colour per kernel (dark = median, light = p99), and per path.
this_dark = "#1f5fa0"; this_light = "#a9c8e8"
linux_dark = "#d0700a"; linux_light = "#f6c894"
base_dark = "#8c8c8c"
# Linetypes 1..12, one per path in bench-report.sh's prank order: int80,
# syscall, vdso, vsyscall, int80_32, sysenter, syscall32, kernel_vsyscall,
# vdso32, none, none32, anything else. (Solid lines only: the bars' borders take
# these linetypes too.)
set linetype 1 lc rgb "#1f5fa0" lw 2
set linetype 2 lc rgb "#d0700a" lw 2
set linetype 3 lc rgb "#2a9a3a" lw 2
set linetype 4 lc rgb "#b8a000" lw 2
set linetype 5 lc rgb "#7fb3e0" lw 2
set linetype 6 lc rgb "#8a2be2" lw 2
set linetype 7 lc rgb "#f0a860" lw 2
set linetype 8 lc rgb "#008b8b" lw 2
set linetype 9 lc rgb "#8fd08f" lw 2
set linetype 10 lc rgb "#7a4fa0" lw 2
set linetype 11 lc rgb "#b89ad0" lw 2
set linetype 12 lc rgb "#b03030" lw 2

set datafile separator "\t"
set border 3 lc rgb "#444444"
set tics nomirror
set grid ytics lc rgb "#e0e0e0" lt 1
set key noautotitle
if (!exists("wpx")) wpx = 960
