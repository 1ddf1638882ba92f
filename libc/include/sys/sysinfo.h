/* sys/sysinfo.h - sysinfo: uptime, loads, memory (struct sysinfo in api/usage.h). */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <api/usage.h>

int sysinfo(struct sysinfo *info);

#endif
