# normalize.sed - what scripts/test.sh does to both transcripts of the
# differential busybox test before comparing them (docs/busybox.md), the
# whole list:
# 1. a `~TAG value` line (cases.sh's `v`: a time, a pid, the kernel's name
#    or version, the uptime) keeps its tag; the value is not compared;
s/^~\([A-Za-z0-9_-]*\) .*/~\1 */
# 2. the kernel's own console lines (e.g. "kernel: pid 5 (busybox) called
#    unimplemented system call 334 (rseq)") are not the transcript's.
/^kernel: /d
