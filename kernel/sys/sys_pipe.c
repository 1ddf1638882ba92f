/* sys_pipe.c - pipe and pipe2: two descriptors on a new pipe (fs/pipe.c). */
#include "api/errno.h"
#include "api/fcntl.h"
#include "fs/pipe.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* pipe2(fds, flags): fds[0] reads, fds[1] writes; flags O_CLOEXEC, O_NONBLOCK. */
static long do_pipe2(uint64_t ufds, uint64_t flags)
{
	struct proc *p = current();
	struct file *rd, *wr;
	int fds[2];

	if (flags & ~(uint64_t)(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	/* Check everything that can fail before making anything. */
	if (!user_writable(ufds, sizeof(fds)))
		return -EFAULT;
	/* The two lowest free descriptors: the second is searched above the first. */
	if ((fds[0] = fd_alloc(0)) < 0)
		return fds[0];
	if ((fds[1] = fd_alloc(fds[0] + 1)) < 0)
		return fds[1];
	if (pipe_open(flags, &rd, &wr) < 0)
		return -ENOMEM;
	if (copy_to_user((void *)ufds, fds, sizeof(fds)) < 0) {
		file_put(rd), file_put(wr);
		return -EFAULT;
	}
	p->g->fds[fds[0]] = rd, p->g->fds[fds[1]] = wr;
	p->g->cloexec[fds[0]] = p->g->cloexec[fds[1]] = !!(flags & O_CLOEXEC);
	return 0;
}

long sys_pipe2(struct trap_frame *tf) { return do_pipe2(arg(tf, 0), arg(tf, 1)); }

long sys_pipe(struct trap_frame *tf) { return do_pipe2(arg(tf, 0), 0); }
