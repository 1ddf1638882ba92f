/*
 * resource.h - resource limits: getrlimit, setrlimit and prlimit64, shared
 * by the kernel and libc (Linux's numbers and layout). Each limit is a
 * pair: the soft one (rlim_cur) is what the kernel enforces, the hard one
 * (rlim_max) is how far the soft one may be raised. docs/abi.md says which
 * limits this kernel enforces and what each starts at.
 */
#ifndef API_RESOURCE_H
#define API_RESOURCE_H

#include <stdint.h>

#define RLIMIT_CPU         0     /* CPU time, seconds */
#define RLIMIT_FSIZE       1     /* largest file written, bytes */
#define RLIMIT_DATA        2     /* data: heap and private writable mappings, bytes */
#define RLIMIT_STACK       3     /* the stack, bytes */
#define RLIMIT_CORE        4     /* core files, bytes */
#define RLIMIT_RSS         5     /* resident memory (ignored by Linux too) */
#define RLIMIT_NPROC       6     /* processes of the user */
#define RLIMIT_NOFILE      7     /* one past the highest descriptor number */
#define RLIMIT_MEMLOCK     8     /* locked memory, bytes */
#define RLIMIT_AS          9     /* the whole address space, bytes */
#define RLIMIT_LOCKS      10     /* file locks */
#define RLIMIT_SIGPENDING 11     /* queued signals */
#define RLIMIT_MSGQUEUE   12     /* POSIX message queues, bytes */
#define RLIMIT_NICE       13     /* ceiling of the nice value, as 20 - nice */
#define RLIMIT_RTPRIO     14     /* real-time priority */
#define RLIMIT_RTTIME     15     /* real-time CPU time without a blocking call, us */
#define RLIMIT_NLIMITS    16
#define RLIM_NLIMITS      RLIMIT_NLIMITS

#define RLIM_INFINITY     (~0ULL)   /* no limit */

/* getpriority and setpriority: which processes `who` names. */
#define PRIO_PROCESS      0     /* the process who (0: the caller) */
#define PRIO_PGRP         1     /* the process group who (0: the caller's) */
#define PRIO_USER         2     /* the user who (0: the caller's): here everyone */
#define MIN_NICE        (-20)   /* the nice values: -20 (first) .. 19 (last) */
#define MAX_NICE          19

/* Both getrlimit's struct rlimit and prlimit64's struct rlimit64: two
 * 64-bit words on x86-64. */
struct rlimit {
	uint64_t rlim_cur;           /* the soft limit */
	uint64_t rlim_max;           /* the hard limit: the ceiling for rlim_cur */
};

#endif
