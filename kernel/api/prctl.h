/* prctl.h - prctl's options (Linux's numbers), shared by the kernel and libc. */
#ifndef API_PRCTL_H
#define API_PRCTL_H

#define PR_GET_KEEPCAPS        7        /* keep capabilities across setuid: 0 or 1 */
#define PR_SET_KEEPCAPS        8
#define PR_SET_NAME           15        /* set the process's name (arg2: the string) */
#define PR_GET_NAME           16        /* read it (arg2: a 16-byte buffer) */
#define PR_CAPBSET_READ       23        /* is capability arg2 in the bounding set: 0 or 1 */
#define PR_GET_SECUREBITS     27        /* the securebits: none set */
#define PR_SET_NO_NEW_PRIVS   38        /* arg2 1: execve grants no privileges, for good */
#define PR_GET_NO_NEW_PRIVS   39        /* 0 or 1 */
#define PR_CAP_AMBIENT        47        /* the ambient capabilities; arg2 says which action: */
#define PR_CAP_AMBIENT_IS_SET     1
#define PR_CAP_AMBIENT_RAISE      2
#define PR_CAP_AMBIENT_LOWER      3
#define PR_CAP_AMBIENT_CLEAR_ALL  4
#define TASK_COMM_LEN         16        /* a name's bytes, its NUL included */
#define CAP_LAST_CAP          40        /* CAP_CHECKPOINT_RESTORE, Linux 5.9's last */

#endif
