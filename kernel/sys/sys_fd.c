/*
 * sys_fd.c - calls on descriptors and the open files behind them: dup,
 * dup2, dup3, fcntl, ioctl, fsync and fdatasync. A descriptor's own
 * state is its close-on-exec bit; the rest (offset, status flags) belongs
 * to the open file and is shared by every descriptor that came from the
 * same open (fs/vfs.h).
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/stat.h"
#include "api/termios.h"          /* FIOCLEX, FIONCLEX, FIONBIO */
#include "fs/vfs.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

/* The status flags F_SETFL (and FIONBIO) may change. Linux's also has
 * O_ASYNC, O_DIRECT and O_NOATIME, which mean nothing here: ignored. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

/* Point descriptor fd (free or not, below NOFILE) at f, which gains a reference. */
static void fd_install(uint32_t fd, struct file *f, bool cloexec)
{
	struct proc *p = current();

	fd = index_nospec(fd, NOFILE);
	file_get(f);
	if (p->g->fds[fd])
		file_put(p->g->fds[fd]);
	p->g->fds[fd] = f;
	p->g->cloexec[fd] = cloexec;
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

/* dup3(old, new, flags): dup2 with O_CLOEXEC as its only flag, and
 * old == new an error. Linux's order: the flags and the equal numbers
 * (-EINVAL), new past the limit, then old (-EBADF). */
long sys_dup3(struct trap_frame *tf)
{
	uint32_t old = arg(tf, 0), new = arg(tf, 1), flags = arg(tf, 2);
	struct file *f;

	if ((flags & ~(uint32_t)O_CLOEXEC) || old == new)
		return -EINVAL;
	if (new >= NOFILE || new >= rlimit(current(), RLIMIT_NOFILE) || !(f = fd_file(old)))
		return -EBADF;
	fd_install(new, f, flags & O_CLOEXEC);
	return new;
}

/*
 * fcntl(fd, cmd, arg) with the commands programs need at start-up:
 * F_DUPFD and F_DUPFD_CLOEXEC (the lowest free descriptor >= arg; -EINVAL
 * when arg is at or past RLIMIT_NOFILE), F_GETFD and F_SETFD (FD_CLOEXEC),
 * F_GETFL (the access mode and status flags) and F_SETFL (O_APPEND,
 * O_NONBLOCK; the rest of arg is ignored, as Linux ignores what it cannot
 * change). Any other command is -EINVAL (docs/abi.md), a bad fd -EBADF first.
 */
long sys_fcntl(struct trap_frame *tf)
{
	uint32_t fd = arg(tf, 0), cmd = arg(tf, 1);
	uint64_t a = arg(tf, 2);
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	fd = index_nospec(fd, NOFILE);
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((uint32_t)a >= rlimit(current(), RLIMIT_NOFILE))
			return -EINVAL;                  /* dup's -EMFILE is F_DUPFD's -EINVAL here */
		return dup_from(f, (uint32_t)a, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return current()->g->cloexec[fd] ? FD_CLOEXEC : 0;
	case F_SETFD:
		current()->g->cloexec[fd] = a & FD_CLOEXEC;
		return 0;
	case F_GETFL:
		return f->flags;
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | (a & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * ioctl(fd, request, arg): the requests every file takes (FIOCLEX,
 * FIONCLEX, FIONBIO), then the file's own (f->ops->ioctl: a terminal's,
 * dev/tty.c). Anything else, and any request to a file with no ioctl
 * operation, is -ENOTTY: that is how isatty() learns the answer.
 */
long sys_ioctl(struct trap_frame *tf)
{
	uint32_t fd = arg(tf, 0), cmd = arg(tf, 1);
	uint64_t a = arg(tf, 2);
	struct file *f = fd_file(fd);
	int on;

	if (!f || file_is_path(f))
		return -EBADF;                           /* O_PATH names a file, has none to ask (Linux's fdget) */
	fd = index_nospec(fd, NOFILE);
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		current()->g->cloexec[fd] = cmd == FIOCLEX;
		return 0;
	case FIONBIO:
		if (copy_from_user(&on, (const void *)a, sizeof(on)) < 0)
			return -EFAULT;
		f->flags = on ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
		return 0;
	}
	return f->ops->ioctl ? f->ops->ioctl(f, cmd, a) : -ENOTTY;
}

/* fsync(fd): the file's fsync operation (the RAM file system's files and
 * directories are always as stored as they will ever be: 0). Pipes and
 * devices have none: -EINVAL, as on Linux. fdatasync is the same. */
long sys_fsync(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	if (!f || file_is_path(f))
		return -EBADF;
	return f->ops->fsync ? f->ops->fsync(f) : -EINVAL;
}

long sys_fdatasync(struct trap_frame *tf) { return sys_fsync(tf); }

/* sync(): every file system is in RAM, so there is nothing to write back. */
long sys_sync(struct trap_frame *tf) { return 0; }

/* syncfs(fd): the same for the file system behind fd: 0, or -EBADF for a
 * descriptor that is not open or is O_PATH (Linux's fdget refuses it). */
long sys_syncfs(struct trap_frame *tf)
{
	struct file *f = fd_file(arg(tf, 0));

	return !f || file_is_path(f) ? -EBADF : 0;
}
