/* sys/utsname.h - the system's name (struct utsname in api/abi.h). */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <api/abi.h>

int uname(struct utsname *u);

#endif
