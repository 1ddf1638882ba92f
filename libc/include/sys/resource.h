/*
 * sys/resource.h - resource limits: the RLIMIT_* numbers, RLIM_INFINITY
 * and struct rlimit are the kernel's (api/resource.h). getrlimit and
 * setrlimit act on the calling process, prlimit on any (pid 0: the caller),
 * reading the old limit and setting a new one in one call. getrusage's
 * struct rusage is api/usage.h's.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <api/resource.h>
#include <api/usage.h>
#include <sys/types.h>

typedef uint64_t rlim_t;
#define RLIM_SAVED_MAX RLIM_INFINITY     /* a value the kernel cannot represent: never here */
#define RLIM_SAVED_CUR RLIM_INFINITY

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);
/* CPU time of the caller (RUSAGE_SELF) or of its reaped children (RUSAGE_CHILDREN). */
int getrusage(int who, struct rusage *usage);

#endif
