/*
 * fdctl.c - calls on descriptors: fcntl, dup3, fsync, fdatasync, ioctl,
 * and what is built on ioctl: isatty, tcgetattr, tcsetattr.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "syscall.h"

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	unsigned long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);     /* every command here takes an int or nothing */
	va_end(ap);
#ifdef SYS_fcntl64
	return __syscall_ret(__syscall3(SYS_fcntl64, fd, cmd, arg));   /* i386: the 64-bit-offset fcntl */
#else
	return __syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
#endif
}

int dup3(int old, int new, int flags) { return __syscall_ret(__syscall3(SYS_dup3, old, new, flags)); }
int fsync(int fd) { return __syscall_ret(__syscall1(SYS_fsync, fd)); }
int fdatasync(int fd) { return __syscall_ret(__syscall1(SYS_fdatasync, fd)); }

int ioctl(int fd, int req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	return __syscall_ret(__syscall3(SYS_ioctl, fd, req, arg));
}

/* A terminal is what answers TIOCGWINSZ (musl's test); errno is ENOTTY otherwise. */
int isatty(int fd)
{
	struct winsize w;

	return ioctl(fd, TIOCGWINSZ, &w) == 0;
}

int tcgetattr(int fd, struct termios *t) { return ioctl(fd, TCGETS, t); }

/* TCSANOW, TCSADRAIN and TCSAFLUSH are TCSETS, TCSETSW and TCSETSF. */
int tcsetattr(int fd, int action, const struct termios *t)
{
	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + action, t);
}
