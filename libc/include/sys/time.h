/* sys/time.h - gettimeofday and the interval timers (struct timeval,
 * struct timezone, struct itimerval in api/abi.h). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <api/abi.h>

int gettimeofday(struct timeval *tv, struct timezone *tz);
int setitimer(int which, const struct itimerval *restrict value, struct itimerval *restrict old);
int getitimer(int which, struct itimerval *value);

#endif
