/* sys/auxv.h - the auxiliary vector the kernel passed to this program. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <api/auxv.h>

unsigned long getauxval(unsigned long type);

#endif
