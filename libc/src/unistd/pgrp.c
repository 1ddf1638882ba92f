/* pgrp.c - process groups and sessions: setpgid, getpgid, getpgrp, setsid,
 * getsid, and the terminal's foreground group (tcgetpgrp, tcsetpgrp). */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "syscall.h"

int setpgid(pid_t pid, pid_t pgid) { return __syscall_ret(__syscall2(SYS_setpgid, pid, pgid)); }
pid_t getpgid(pid_t pid) { return __syscall_ret(__syscall1(SYS_getpgid, pid)); }
pid_t getpgrp(void) { return __syscall0(SYS_getpgrp); }
pid_t setsid(void) { return __syscall_ret(__syscall0(SYS_setsid)); }
pid_t getsid(pid_t pid) { return __syscall_ret(__syscall1(SYS_getsid, pid)); }

pid_t tcgetpgrp(int fd)
{
	int pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	int p = pgrp;

	return ioctl(fd, TIOCSPGRP, &p);
}
