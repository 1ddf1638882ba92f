/*
 * concurrent.h - the one name the suites share for "other programs run at
 * the same time": /bin/stress starts usertests, conform, fuzz and
 * linuxprogs at once with TRAPDOOR_CONCURRENT=1 in their environment.
 * The kernel's counters (trapdoor_stats: free frames, open files, process
 * slots, calls per entry path) are global, so a suite that sees the
 * variable leaves the checks that read them to the stress driver, which
 * compares them once before the first and after the last round, when
 * nothing else runs. Everything else a suite checks stays as it is.
 */
#ifndef APPS_CONCURRENT_H
#define APPS_CONCURRENT_H

#define CONCURRENT_ENV "TRAPDOOR_CONCURRENT"

/* The line a suite prints once when it leaves its leak checks to the driver. */
#define CONCURRENT_NOTE "# concurrent: leak checks left to the stress driver"

/* Nonzero when CONCURRENT_ENV is set to anything but "" or "0". */
int concurrent_run(void);

#endif
