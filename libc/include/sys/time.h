/* sys/time.h - gettimeofday (struct timeval, struct timezone in api/abi.h). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <api/abi.h>

int gettimeofday(struct timeval *tv, struct timezone *tz);

#endif
