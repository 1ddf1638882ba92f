/* sys/types.h - the POSIX integer types this libc uses. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef int64_t off_t;               /* 64-bit in a -m32 program too, as musl's */
typedef int pid_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;
typedef int clockid_t;
typedef long time_t;
typedef unsigned int useconds_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef long clock_t;

#endif
