/*
 * usage.h - what a process can learn about its use of the machine:
 * getrusage's struct rusage, times' struct tms and sysinfo's struct
 * sysinfo, shared by the kernel and libc (Linux's x86-64 layouts).
 * docs/abi.md says which fields this kernel fills.
 */
#ifndef API_USAGE_H
#define API_USAGE_H

#include <stdint.h>

#include "api/abi.h"

/* getrusage's who */
#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)           /* the waited-for children, and theirs */
#define RUSAGE_THREAD   1              /* the calling thread alone */

struct rusage {
	struct timeval ru_utime;       /* user CPU time */
	struct timeval ru_stime;       /* system CPU time */
	long ru_maxrss;                /* largest resident set, KiB */
	long ru_ixrss, ru_idrss, ru_isrss;  /* unused, 0 on Linux too */
	long ru_minflt, ru_majflt;     /* page faults without and with I/O */
	long ru_nswap;
	long ru_inblock, ru_oublock;   /* file system blocks in and out */
	long ru_msgsnd, ru_msgrcv, ru_nsignals;
	long ru_nvcsw, ru_nivcsw;      /* voluntary and involuntary context switches */
};

/* times: CPU time in clock ticks (CLK_TCK, 100 a second, as Linux's USER_HZ). */
#define CLK_TCK 100
struct tms {
	long tms_utime, tms_stime;     /* the caller's */
	long tms_cutime, tms_cstime;   /* its waited-for children's, and theirs */
};

/* sysinfo: memory sizes are in units of mem_unit bytes (always 1 here). */
#define SI_LOAD_SHIFT 16               /* loads[] are fixed point: 1.0 is 65536 */
struct sysinfo {
	long uptime;                   /* seconds since boot */
	unsigned long loads[3];        /* 1, 5 and 15 minute load averages */
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs;          /* processes (zombies included) */
	unsigned short pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];   /* no bytes on x86-64 */
};

#ifdef __i386__
/* A -m32 program: the same structures in 32-bit longs, Linux i386's sizes. */
_Static_assert(sizeof(struct rusage) == 72, "i386 struct rusage is 72 bytes");
_Static_assert(sizeof(struct tms) == 16, "i386 struct tms is 16 bytes");
_Static_assert(sizeof(struct sysinfo) == 64, "i386 struct sysinfo is 64 bytes");
#else
_Static_assert(sizeof(struct rusage) == 144, "struct rusage is 144 bytes");
_Static_assert(sizeof(struct tms) == 32, "struct tms is 32 bytes");
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo is 112 bytes");
#endif

#endif
