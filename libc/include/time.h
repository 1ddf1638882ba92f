/* time.h - clocks (ids and struct timespec in api/abi.h). */
#ifndef _TIME_H
#define _TIME_H

#include <api/abi.h>
#include <sys/types.h>

int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *ts);
time_t time(time_t *t);
int nanosleep(const struct timespec *req, struct timespec *rem);
/* 0, or the error number itself (not -1 and errno), as POSIX says. */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem);

#endif
