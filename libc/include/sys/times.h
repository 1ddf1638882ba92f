/* sys/times.h - times: CPU time in clock ticks (struct tms, CLK_TCK in api/usage.h). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <api/usage.h>
#include <sys/types.h>

clock_t times(struct tms *buf);

#endif
