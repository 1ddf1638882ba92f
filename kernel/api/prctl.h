/* prctl.h - prctl's options (Linux's numbers), shared by the kernel and libc. */
#ifndef API_PRCTL_H
#define API_PRCTL_H

#define PR_SET_NAME   15               /* set the process's name (arg2: the string) */
#define PR_GET_NAME   16               /* read it (arg2: a 16-byte buffer) */
#define TASK_COMM_LEN 16               /* a name's bytes, its NUL included */

#endif
