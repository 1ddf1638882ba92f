/*
 * cases_misc.c - the small calls busybox's applets need (renice, ionice,
 * setpriv, su, dmesg): getpriority/setpriority, ioprio_get/ioprio_set,
 * prctl's no_new_privs and capability queries, capget, setgroups with
 * getgroups, and syslog, each with its errors in Linux's order.
 */
#include <api/capability.h>
#include <api/ioprio.h>
#include <api/prctl.h>
#include <api/resource.h>
#include <api/syslog.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

#define NOPID 99999                      /* no process has it */
#define BE(level) IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, level)


/* fork a child that exits with fn's answer (0..255); its exit status. */
static int in_child(const struct path *P, long (*fn)(const struct path *P))
{
	int st;
	long pid = CALL0(P, SYS_fork);

	if (pid == 0)
		_exit((int)fn(P));
	CALL4(P, SYS_wait4, pid, &st, 0, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static long child_prio(const struct path *P) { return CALL2(P, SYS_getpriority, PRIO_PROCESS, 0); }
static long child_ioprio(const struct path *P) { return CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0) == BE(3); }
static long child_nnp(const struct path *P) { return CALL5(P, SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0); }
/* Set no_new_privs (for good), again, and see a child inherit it: 1. */
static long child_nnp_set(const struct path *P)
{
	return CALL5(P, SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
	       CALL5(P, SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 &&
	       CALL5(P, SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && in_child(P, child_nnp) == 1;
}
static long child_groups(const struct path *P) { return CALL2(P, SYS_getgroups, 0, 0); }

/* A signed decimal at *s, which moves past it. */
static long number(const char **s)
{
	long sign = **s == '-' ? -1 : 1, v = 0;

	*s += **s == '-';
	while (**s >= '0' && **s <= '9')
		v = v * 10 + *(*s)++ - '0';
	return sign * v;
}

/* /proc/self/stat's fields 18 and 19, priority and nice, as "P N"
 * (procfs mounted first when init did not: the suite may be init). */
static void stat_prio(const struct path *P, char *out, size_t n)
{
	char buf[512];
	int fd;

	if ((fd = open("/proc/self/stat", O_RDONLY)) < 0 && CALL5(P, SYS_mount, "proc", "/proc", "proc", 0, 0) == 0)
		fd = open("/proc/self/stat", O_RDONLY);
	long len = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : 0, prio = -99, nice = -99;
	const char *s;

	if (fd >= 0)
		close(fd);
	buf[len > 0 ? len : 0] = 0;
	if ((s = strrchr(buf, ')'))) {            /* then " S ppid ...": field 3 onwards */
		for (int field = 2; *s && field < 18; s++)
			field += *s == ' ';
		prio = number(&s);
		s++;
		nice = number(&s);
	}
	snprintf(out, n, "%ld %ld", prio, nice);
}

int case_prio_nice(const struct path *P, struct transcript *t)
{
	char st[32];

	EXPECT(t, P, CALL2(P, SYS_setpgid, 0, 0) == 0);     /* a group of our own for PRIO_PGRP */
	EXPECT(t, P, CALL2(P, SYS_getpriority, PRIO_PROCESS, 0) == 20);   /* 20 - nice: nice 0 */
	stat_prio(P, st, sizeof(st));
	EXPECT(t, P, strcmp(st, "20 0") == 0);
	EXPECT(t, P, CALL3(P, SYS_setpriority, PRIO_PROCESS, 0, 5) == 0);
	EXPECT(t, P, CALL2(P, SYS_getpriority, PRIO_PROCESS, getpid()) == 15);
	stat_prio(P, st, sizeof(st));
	EXPECT(t, P, strcmp(st, "25 5") == 0);                /* priority 20 + nice */
	EXPECT(t, P, CALL2(P, SYS_getpriority, PRIO_PGRP, 0) == 15);
	EXPECT(t, P, CALL2(P, SYS_getpriority, PRIO_PGRP, getpid()) == 15);
	/* Clamped to -20..19; root may lower it. */
	EXPECT(t, P, CALL3(P, SYS_setpriority, PRIO_PGRP, 0, 100) == 0 && CALL2(P, SYS_getpriority, PRIO_PROCESS, 0) == 1);
	EXPECT(t, P, CALL3(P, SYS_setpriority, PRIO_PROCESS, 0, -100) == 0 && CALL2(P, SYS_getpriority, PRIO_PROCESS, 0) == 40);
	EXPECT(t, P, CALL2(P, SYS_getpriority, PRIO_USER, 0) == 40);   /* the highest of everyone's */
	EXPECT(t, P, CALL3(P, SYS_setpriority, PRIO_PROCESS, 0, 7) == 0);
	EXPECT(t, P, in_child(P, child_prio) == 13);                   /* fork inherits it */
	/* Errors: which first, then nobody named. */
	long e[] = {
		CALL2(P, SYS_getpriority, 3, 0), CALL2(P, SYS_getpriority, -1, NOPID),
		CALL3(P, SYS_setpriority, 3, NOPID, 0),
		CALL2(P, SYS_getpriority, PRIO_PROCESS, NOPID), CALL2(P, SYS_getpriority, PRIO_PROCESS, -1),
		CALL2(P, SYS_getpriority, PRIO_PGRP, NOPID), CALL2(P, SYS_getpriority, PRIO_USER, 1000),
		CALL3(P, SYS_setpriority, PRIO_PROCESS, NOPID, 0), CALL3(P, SYS_setpriority, PRIO_USER, 1000, 0),
	};
	static const long want[] = { -EINVAL, -EINVAL, -EINVAL, -ESRCH, -ESRCH, -ESRCH, -ESRCH, -ESRCH, -ESRCH };
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		note(t, "%ld ", e[i]);
		EXPECT(t, P, e[i] == want[i]);
	}
	CALL3(P, SYS_setpriority, PRIO_PROCESS, 0, 0);                 /* as found, for the other path */
	return 0;
}

int case_ioprio_calls(const struct path *P, struct transcript *t)
{
	EXPECT(t, P, CALL2(P, SYS_setpgid, 0, 0) == 0);
	/* Never set: 0 (class NONE) for the process; its effective one, best
	 * effort at (nice + 20) / 5, for the group. */
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0) == 0);
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PGRP, 0) == BE(4));
	EXPECT(t, P, CALL3(P, SYS_setpriority, PRIO_PROCESS, 0, 19) == 0);
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PGRP, getpid()) == BE(7));
	EXPECT(t, P, CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, BE(3)) == 0);
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PROCESS, getpid()) == BE(3));
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PGRP, 0) == BE(3));
	EXPECT(t, P, in_child(P, child_ioprio) == 1);                  /* fork inherits it */
	EXPECT(t, P, CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PGRP, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_IDLE, 7)) == 0);
	EXPECT(t, P, CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 0)) == 0);
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0) == IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 0));
	/* Kept in 16 bits: higher ones pass the check and are dropped. */
	EXPECT(t, P, CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, 0x80000000L | BE(5)) == 0);
	EXPECT(t, P, CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0) == BE(5));
	EXPECT(t, P, CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, 0) == 0);   /* back to none */
	/* Errors: the value first, then which, then nobody named. */
	long e[] = {
		CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 1)),
		CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(4, 0)),
		CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, NOPID, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_INVALID, 0)),
		CALL3(P, SYS_ioprio_set, 0, 0, BE(0)), CALL3(P, SYS_ioprio_set, 4, 0, BE(0)),
		CALL2(P, SYS_ioprio_get, 0, 0), CALL2(P, SYS_ioprio_get, 4, NOPID),
		CALL3(P, SYS_ioprio_set, IOPRIO_WHO_PROCESS, NOPID, BE(0)),
		CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PROCESS, NOPID), CALL2(P, SYS_ioprio_get, IOPRIO_WHO_PGRP, NOPID),
		CALL2(P, SYS_ioprio_get, IOPRIO_WHO_USER, 1000),
	};
	static const long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL,
				     -ESRCH, -ESRCH, -ESRCH, -ESRCH };
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		note(t, "%ld ", e[i]);
		EXPECT(t, P, e[i] == want[i]);
	}
	CALL3(P, SYS_setpriority, PRIO_PROCESS, 0, 0);                 /* as found, for the other path */
	return 0;
}

int case_prctl_privs(const struct path *P, struct transcript *t)
{
	EXPECT(t, P, CALL5(P, SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0);
	long e[] = {
		CALL5(P, SYS_prctl, PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), CALL5(P, SYS_prctl, PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0),
		CALL5(P, SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0), CALL5(P, SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 1),
		CALL5(P, SYS_prctl, PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0), CALL5(P, SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 1, 0),
		CALL2(P, SYS_prctl, PR_CAPBSET_READ, CAP_LAST_CAP + 1), CALL2(P, SYS_prctl, PR_CAPBSET_READ, -1L),
		CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 1, 0, 0),
		CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_LAST_CAP + 1, 0, 0),
		CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 0, 1, 0),
		CALL5(P, SYS_prctl, PR_CAP_AMBIENT, 9, 0, 0, 0),
		CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 0, 0, 0),
	};
	static const long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL,
				     -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EPERM };
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		note(t, "%ld ", e[i]);
		EXPECT(t, P, e[i] == want[i]);
	}
	EXPECT(t, P, CALL5(P, SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0);   /* no failed set set it */
	EXPECT(t, P, in_child(P, child_nnp_set) == 1);                 /* in a child: it stays set */
	/* Root's capabilities: all in the bounding set, no ambient ones,
	 * no keepcaps, no securebits. */
	EXPECT(t, P, CALL2(P, SYS_prctl, PR_CAPBSET_READ, 0) == 1 && CALL2(P, SYS_prctl, PR_CAPBSET_READ, CAP_LAST_CAP) == 1);
	EXPECT(t, P, CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 0, 0, 0) == 0);
	EXPECT(t, P, CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, 5, 0, 0) == 0);
	EXPECT(t, P, CALL5(P, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) == 0);
	EXPECT(t, P, CALL1(P, SYS_prctl, PR_GET_KEEPCAPS) == 0 && CALL1(P, SYS_prctl, PR_GET_SECUREBITS) == 0);
	return 0;
}

int case_capget_root(const struct path *P, struct transcript *t)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[3];

	memset(d, 0x55, sizeof(d));
	EXPECT(t, P, CALL2(P, SYS_capget, &h, d) == 0);
	EXPECT(t, P, d[0].effective == ~0u && d[0].permitted == ~0u && d[0].inheritable == 0);
	EXPECT(t, P, d[1].effective == 0x1ff && d[1].permitted == 0x1ff && d[1].inheritable == 0);
	EXPECT(t, P, d[2].effective == 0x55555555);                     /* two structs, no more */
	h = (struct __user_cap_header_struct){ _LINUX_CAPABILITY_VERSION_1, getppid() };
	memset(d, 0x55, sizeof(d));
	EXPECT(t, P, CALL2(P, SYS_capget, &h, d) == 0 && d[0].effective == ~0u && d[1].effective == 0x55555555);
	EXPECT(t, P, CALL2(P, SYS_capget, &h, 0) == 0);                 /* no data: just the version check */
	/* An unknown version: -EINVAL and the preferred one written back;
	 * without data that is how a program asks, so 0. */
	h.version = 1;
	note(t, "%ld ", CALL2(P, SYS_capget, &h, d));
	EXPECT(t, P, h.version == _LINUX_CAPABILITY_VERSION_3);
	h.version = 1;
	EXPECT(t, P, CALL2(P, SYS_capget, &h, 0) == 0 && h.version == _LINUX_CAPABILITY_VERSION_3);
	h.pid = -1;
	note(t, "%ld ", CALL2(P, SYS_capget, &h, d));
	EXPECT(t, P, CALL2(P, SYS_capget, &h, d) == -EINVAL);
	h.pid = NOPID;
	EXPECT(t, P, CALL2(P, SYS_capget, &h, d) == -ESRCH);
	EXPECT(t, P, CALL2(P, SYS_capget, 0, d) == -EFAULT);
	return 0;
}

int case_setgroups_calls(const struct path *P, struct transcript *t)
{
	unsigned zeros[3] = { 0, 0, 0 }, other[2] = { 0, 5 }, got[4] = { 7, 7, 7, 7 };

	EXPECT(t, P, CALL2(P, SYS_setgroups, 0, 0) == 0 && CALL2(P, SYS_getgroups, 0, 0) == 0);
	EXPECT(t, P, CALL2(P, SYS_setgroups, 3, zeros) == 0);
	EXPECT(t, P, CALL2(P, SYS_getgroups, 0, 0) == 3);
	EXPECT(t, P, CALL2(P, SYS_getgroups, 2, got) == -EINVAL && got[0] == 7);   /* too small */
	EXPECT(t, P, CALL2(P, SYS_getgroups, 4, got) == 3);
	EXPECT(t, P, got[0] == 0 && got[1] == 0 && got[2] == 0 && got[3] == 7);
	EXPECT(t, P, in_child(P, child_groups) == 3);                  /* fork inherits them */
	/* Errors: the size, then the copy, then the ids; nothing changes. */
	long e[] = {
		CALL2(P, SYS_setgroups, -1, zeros), CALL2(P, SYS_setgroups, 65537, 0),
		CALL2(P, SYS_setgroups, 65536, 0), CALL2(P, SYS_setgroups, 1, 0),
		CALL2(P, SYS_setgroups, 2, other), CALL2(P, SYS_getgroups, -1, got),
		CALL2(P, SYS_getgroups, 3, 0),
	};
	static const long want[] = { -EINVAL, -EINVAL, -EFAULT, -EFAULT, -EINVAL, -EINVAL, -EFAULT };
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		note(t, "%ld ", e[i]);
		EXPECT(t, P, e[i] == want[i]);
	}
	EXPECT(t, P, CALL2(P, SYS_getgroups, 0, 0) == 3);
	EXPECT(t, P, CALL2(P, SYS_setgroups, 0, 0) == 0 && CALL2(P, SYS_getgroups, 0, 0) == 0);
	return 0;
}

/* Is s a syslog record's start: "<6>[" up to 5 spaces or digits "." 6 digits "] "? */
static int record_start(const char *s)
{
	int i = 4;

	if (strncmp(s, "<6>[", 4))
		return 0;
	while (s[i] == ' ')
		i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (s[i++] != '.')
		return 0;
	for (int k = 0; k < 6; k++, i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[i] == ']' && s[i + 1] == ' ';
}

int case_syslog_calls(const struct path *P, struct transcript *t)
{
	static char buf[65536 + 1];
	long n, small;

	EXPECT(t, P, CALL3(P, SYS_syslog, SYSLOG_ACTION_SIZE_BUFFER, 0, 0) == 65536);
	n = CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, 65536);
	EXPECT(t, P, n > 0 && n <= 65536 && buf[n - 1] == '\n');
	buf[n > 0 ? n : 0] = 0;
	EXPECT(t, P, record_start(buf));
	/* Every line is a record. */
	int lines = 0, bad = 0;
	for (char *s = buf; *s; s = strchr(s, '\n') + 1, lines++)
		bad += !record_start(s);
	EXPECT(t, P, lines > 5 && bad == 0);
	/* A short buffer gets the newest whole lines that fit. */
	small = CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, 200);
	EXPECT(t, P, small >= 0 && small <= 200 && (small == 0 || (record_start(buf) && buf[small - 1] == '\n')));
	n = CALL3(P, SYS_syslog, SYSLOG_ACTION_SIZE_UNREAD, 0, 0);
	EXPECT(t, P, n >= 0 && n <= 65536);
	if (n >= 4)
		EXPECT(t, P, CALL3(P, SYS_syslog, SYSLOG_ACTION_READ, buf, 4) == 4);
	EXPECT(t, P, CALL3(P, SYS_syslog, SYSLOG_ACTION_OPEN, 0, 0) == 0 && CALL3(P, SYS_syslog, SYSLOG_ACTION_CLOSE, 0, 0) == 0);
	EXPECT(t, P, CALL3(P, SYS_syslog, SYSLOG_ACTION_CONSOLE_LEVEL, 0, 7) == 0);
	EXPECT(t, P, CALL3(P, SYS_syslog, SYSLOG_ACTION_CONSOLE_OFF, 0, 0) == 0 && CALL3(P, SYS_syslog, SYSLOG_ACTION_CONSOLE_ON, 0, 0) == 0);
	/* READ_ALL into KERNEL_ADDR asks for 4096 bytes, room for whole records:
	 * a 32-bit process's KERNEL_ADDR (0xffffe000) passes Linux's access_ok
	 * (the 64-bit user half), so its -EFAULT comes from the copy, and with
	 * room for no record Linux copies nothing and returns 0. */
	long e[] = {
		CALL3(P, SYS_syslog, -1, buf, 16), CALL3(P, SYS_syslog, 11, buf, 16), CALL3(P, SYS_syslog, 99, 0, 0),
		CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, 0, 16), CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, -1),
		CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, 0, 0), CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, 0),
		CALL3(P, SYS_syslog, SYSLOG_ACTION_READ, 0, 16), CALL3(P, SYS_syslog, SYSLOG_ACTION_READ, buf, -1),
		CALL3(P, SYS_syslog, SYSLOG_ACTION_READ, buf, 0),
		CALL3(P, SYS_syslog, SYSLOG_ACTION_READ_ALL, KERNEL_ADDR, 4096),
		CALL3(P, SYS_syslog, SYSLOG_ACTION_CONSOLE_LEVEL, 0, 0), CALL3(P, SYS_syslog, SYSLOG_ACTION_CONSOLE_LEVEL, 0, 9),
	};
	static const long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, 0, -EINVAL, -EINVAL, 0,
				     -EFAULT, -EINVAL, -EINVAL };
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		note(t, "%ld ", e[i]);
		EXPECT(t, P, e[i] == want[i]);
	}
	return 0;
}
