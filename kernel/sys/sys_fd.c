/*
 * sys_fd.c - calls on descriptors and the open files behind them: dup
 * and dup2. A descriptor's own state is its close-on-exec bit; the rest
 * (offset, status flags) belongs to the open file and is shared by every
 * descriptor that came from the same open (fs/vfs.h).
 */
#include "api/errno.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"

/* Point descriptor fd (free or not, below NOFILE) at f, which gains a reference. */
static void fd_install(uint32_t fd, struct file *f, bool cloexec)
{
	struct proc *p = current();

	fd = index_nospec(fd, NOFILE);
	file_get(f);
	if (p->fds[fd])
		file_put(p->fds[fd]);
	p->fds[fd] = f;
	p->cloexec[fd] = cloexec;
}

/* A new descriptor for f: the lowest free one at or above min (below
 * RLIMIT_NOFILE, so below NOFILE), or -EMFILE. */
static long dup_from(struct file *f, int min, bool cloexec)
{
	int fd;

	if ((fd = fd_alloc(min)) < 0)
		return fd;
	fd_install(fd, f, cloexec);
	return fd;
}

long sys_dup(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return f ? dup_from(f, 0, false) : -EBADF;
}

long sys_dup2(struct trap_frame *tf)
{
	uint32_t old = arg(tf, 0), new = arg(tf, 1);
	struct file *f = fd_file(old);

	/* A new number at or past RLIMIT_NOFILE is -EBADF, as on Linux
	 * (dup2(fd, fd) only checks fd). */
	if (!f || new >= NOFILE || (new != old && new >= rlimit(current(), RLIMIT_NOFILE)))
		return -EBADF;
	if (old != new)
		fd_install(new, f, false);
	return new;
}
