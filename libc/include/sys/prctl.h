/* sys/prctl.h - per-thread settings: FS/GS base (ARCH_* in api/abi.h), the tid
 * address, and prctl (PR_* in api/prctl.h: the process's name). */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <api/abi.h>
#include <api/prctl.h>
#include <sys/types.h>

int arch_prctl(int code, unsigned long addr);
pid_t set_tid_address(int *tidptr);
int prctl(int option, ...);

#endif
