/* ioprio.h - ioprio_get and ioprio_set's values (Linux's), shared by the
 * kernel and libc: a class in bits 13..15 and a level in bits 0..2. */
#ifndef API_IOPRIO_H
#define API_IOPRIO_H

#define IOPRIO_CLASS_SHIFT 13
#define IOPRIO_PRIO_CLASS(v)      (((v) >> IOPRIO_CLASS_SHIFT) & 7)
#define IOPRIO_PRIO_LEVEL(v)      ((v) & 7)
#define IOPRIO_PRIO_VALUE(c, lvl) (((c) << IOPRIO_CLASS_SHIFT) | (lvl))

#define IOPRIO_CLASS_NONE  0           /* never set: the level follows the nice value */
#define IOPRIO_CLASS_RT    1           /* real time */
#define IOPRIO_CLASS_BE    2           /* best effort, levels 0 (first) .. 7 */
#define IOPRIO_CLASS_IDLE  3           /* only when nobody else wants the disk */
#define IOPRIO_CLASS_INVALID 7

#define IOPRIO_WHO_PROCESS 1           /* `who` is a pid (0: the caller) */
#define IOPRIO_WHO_PGRP    2           /* a process group (0: the caller's) */
#define IOPRIO_WHO_USER    3           /* a user id (0: the caller's) */

#endif
