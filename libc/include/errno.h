/* errno.h - error numbers (kernel/api/errno.h) and errno itself. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <api/errno.h>

/* A failed system call sets it in one place only, __syscall_ret()
 * (libc/src/internal/syscall.h); strto* and malloc set it as C says. */
extern int errno;

#endif
