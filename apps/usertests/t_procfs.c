/*
 * t_procfs.c - /proc: the caller's own files (stat, status, maps, exe,
 * cmdline, fd/), a child's as it runs, as a zombie and once reaped, the
 * system-wide files, a second procfs mounted by hand, and what procfs
 * refuses. Transcripts note outcomes only, never pids or figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "usertests.h"

/* The whole of file path into buf (NUL-terminated): its length, or the raw error. */
static long slurp(const char *path, char *buf, long size)
{
	long fd = sys_open(path, O_RDONLY, 0), n, got = 0;

	if (fd < 0)
		return fd;
	while (got < size - 1 && (n = sys_read(fd, buf + got, size - 1 - got)) > 0)
		got += n;
	sys_close(fd);
	buf[got] = '\0';
	return n < 0 ? n : got;
}

/* The number of space-separated fields after the ')' that ends comm. */
static int stat_fields(const char *s)
{
	const char *p = strrchr(s, ')');
	int n = 2;                            /* pid and comm */

	if (!p)
		return -1;
	for (p++; *p && *p != '\n'; p++)
		n += *p != ' ' && p[-1] == ' ';
	return n;
}

/* Field i (1-based, Linux's numbering) of a stat line, as a number (-1: no such field). */
static long stat_field(const char *s, int i)
{
	const char *p = strrchr(s, ')');

	if (!p || !p[1])
		return -1;
	p += 2;
	for (int f = 3; f < i; f++)
		if (!(p = strchr(p, ' ')))
			return -1;
		else
			p++;
	return i == 3 ? *p : strtol(p, 0, 10);
}

/* The names in directory path, "." and ".." left out: the count, or the raw error. */
static long count_entries(const char *path)
{
	static char d[8192];
	long fd = sys_open(path, O_RDONLY | O_DIRECTORY, 0), n, count = 0;

	if (fd < 0)
		return fd;
	while ((n = sys_getdents64(fd, d, sizeof(d))) > 0)
		for (long off = 0; off < n; off += ((struct linux_dirent64 *)(d + off))->d_reclen) {
			const char *name = ((struct linux_dirent64 *)(d + off))->d_name;
			count += strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
		}
	sys_close(fd);
	return n < 0 ? n : count;
}

/* The suite may run as init, before anyone mounted /proc: mount it (it stays). */
static void need_proc(void)
{
	struct stat sb;

	if (sys_stat("/proc/self", &sb) < 0)
		EXPECT(sys_mount("proc", "/proc", "proc", 0, 0) == 0);  /* (not in the transcript: once only) */
}

static char buf[16384];

USERTEST(procfs_self)
{
	char path[64], want[64], link[256];
	long pid = sys_getpid(), n, fd;

	need_proc();

	EXPECT(slurp("/proc/self/stat", buf, sizeof(buf)) > 0);
	EXPECT_EQ(stat_fields(buf), 52);
	EXPECT(strtol(buf, 0, 10) == pid);
	EXPECT(strstr(buf, " (usertests) R ") != NULL);
	EXPECT(stat_field(buf, 4) == sys_getppid());
	EXPECT_EQ(stat_field(buf, 20), 1);                   /* num_threads */
	snprintf(want, sizeof(want), "\nPid:\t%ld\n", pid);
	EXPECT(slurp("/proc/self/status", buf, sizeof(buf)) > 0);
	EXPECT(strncmp(buf, "Name:\tusertests\n", 16) == 0);
	EXPECT(strstr(buf, want) != NULL);
	EXPECT(strstr(buf, "\nState:\tR (running)\n") != NULL);
	EXPECT(strstr(buf, "\nVmRSS:\t") != NULL);
	EXPECT(slurp("/proc/self/maps", buf, sizeof(buf)) > 0);
	EXPECT(strstr(buf, " /bin/usertests\n") != NULL);
	EXPECT(strstr(buf, " [stack]\n") && strstr(buf, " [vdso]\n") && strstr(buf, " [vvar]\n"));
	EXPECT(strstr(buf, " r-xp ") != NULL);
	/* exe, self, cwd and fd/N name what they stand for. */
	n = sys_readlink("/proc/self/exe", link, sizeof(link));
	EXPECT_EQ(n, 14);
	EXPECT(n == 14 && memcmp(link, SELF, 14) == 0);
	EXPECT_EQ(sys_readlink("/proc/self/exe", link, 4), 4);   /* cut short, no NUL */
	n = sys_readlink("/proc/self", link, sizeof(link));
	snprintf(want, sizeof(want), "%ld", pid);
	EXPECT(n == (long)strlen(want) && memcmp(link, want, n) == 0);
	memset(link, '#', sizeof(link));
	EXPECT_EQ(sys_readlink("/proc/self", link, 1), 1);       /* cut short: the first digit, no NUL */
	EXPECT(link[0] == want[0] && link[1] == '#');
	n = sys_readlink("/proc/thread-self", link, 3);
	EXPECT_EQ(n, 3);
	char ts[64];
	snprintf(ts, sizeof(ts), "%ld/task/%ld", pid, pid);
	EXPECT(n == 3 && memcmp(link, ts, 3) == 0);
	EXPECT_EQ(sys_readlink("/proc/self/stat", link, sizeof(link)), -EINVAL);
	EXPECT_EQ(sys_chdir("/etc"), 0);
	EXPECT_EQ(sys_readlink("/proc/self/cwd", link, sizeof(link)), 4);
	EXPECT_EQ(sys_chdir("/"), 0);
	dir_fresh();
	EXPECT_EQ(write_file(TDIR "/f", "x", 0644), 1);
	fd = sys_open(TDIR "/f", O_RDONLY, 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	EXPECT_EQ(sys_readlink(path, link, sizeof(link)), 5);
	EXPECT(memcmp(link, TDIR "/f", 5) == 0);
	/* Following it opens the same file. */
	long fd2 = sys_open(path, O_RDONLY, 0);
	EXPECT_EQ(sys_read(fd2, link, 8), 1);
	sys_close(fd2);
	sys_close(fd);
	EXPECT_EQ(sys_readlink(path, link, sizeof(link)), -ENOENT);  /* closed: gone from fd/ */
	/* cmdline: argv, NUL-separated; the same as the first stack holds. */
	n = slurp("/proc/self/cmdline", buf, sizeof(buf));
	EXPECT(n >= 15 && memcmp(buf, SELF, 15) == 0);
	EXPECT_EQ(buf[n - 1], 0);
	EXPECT(slurp("/proc/self/environ", buf, sizeof(buf)) >= 0);
	EXPECT(slurp("/proc/self/comm", buf, sizeof(buf)) == 10 && strcmp(buf, "usertests\n") == 0);
	EXPECT(slurp("/proc/thread-self/stat", buf, sizeof(buf)) > 0 && strtol(buf, 0, 10) == pid);
	snprintf(path, sizeof(path), "/proc/self/task/%ld/status", pid);
	EXPECT(slurp(path, buf, sizeof(buf)) > 0 && strstr(buf, want) != NULL);
	/* Listing /proc/self shows every entry; task/ has the one thread. */
	EXPECT_EQ(count_entries("/proc/self"), 12);
	EXPECT_EQ(count_entries("/proc/self/task"), 1);
	EXPECT_EQ(count_entries("/proc/self/task/."), 1);
	snprintf(path, sizeof(path), "/proc/self/task/%ld", pid);
	EXPECT_EQ(count_entries(path), 11);                  /* no task/ in there */
	EXPECT_EQ(count_entries("/proc/self/fd"), 5);        /* 0, 1, 2, 63 (the transcript), the listing's own */
	dir_remove();
}

/* Cpus_allowed(_list) is the thread's affinity, as sched_getaffinity says. */
USERTEST(procfs_cpus_allowed)
{
	static char buf[2048];
	unsigned long mask = 0;
	char want[64];

	need_proc();
	EXPECT(RAW(SYS_sched_getaffinity, 0, sizeof(mask), &mask, 0, 0, 0) > 0);
	int n = __builtin_popcountl(mask);           /* every CPU: 0 .. n-1 */
	snprintf(want, sizeof(want), n > 1 ? "\nCpus_allowed_list:\t0-%d\n" : "\nCpus_allowed_list:\t0\n", n - 1);
	EXPECT(slurp("/proc/self/status", buf, sizeof(buf)) > 0);
	EXPECT(strstr(buf, want) != NULL);
	pin_to_cpu0();
	EXPECT(slurp("/proc/self/status", buf, sizeof(buf)) > 0);
	EXPECT(strstr(buf, "1\nCpus_allowed_list:\t0\n") != NULL);
}

/* A child's directory while it sleeps, as a zombie, and after the reap. */
USERTEST(procfs_child)
{
	char path[64], st[64];
	struct stat sb;
	pid_t pid = spawn(child_pause, 0);
	long fd;

	need_proc();

	EXPECT(pid > 0 && wait_blocked(pid));
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	EXPECT(slurp(path, buf, sizeof(buf)) > 0);
	EXPECT_EQ(stat_fields(buf), 52);
	EXPECT_EQ(stat_field(buf, 3), 'S');
	EXPECT(stat_field(buf, 4) == sys_getpid());
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	EXPECT(slurp(path, buf, sizeof(buf)) > 0 && memcmp(buf, SELF, 15) == 0);  /* forked: the same argv */
	/* A file opened now keeps its text whatever happens to the process. */
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	fd = sys_open(path, O_RDONLY, 0);
	EXPECT(fd >= 0);
	EXPECT_EQ(sys_kill(pid, SIGKILL), 0);
	for (int i = 0; i < 2000 && proc_state(pid) != 'Z'; i++)
		sleep_ms(1);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	EXPECT(slurp(path, buf, sizeof(buf)) > 0);
	EXPECT_EQ(stat_field(buf, 3), 'Z');
	EXPECT_EQ(stat_field(buf, 52), SIGKILL);             /* exit_code: the wait status */
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	EXPECT_EQ(slurp(path, buf, sizeof(buf)), 0);          /* a zombie has no memory */
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	EXPECT(slurp(path, buf, sizeof(buf)) > 0 && strstr(buf, "State:\tZ (zombie)") && !strstr(buf, "VmSize"));
	EXPECT_EQ(reap(pid), STATUS_SIG(SIGKILL));
	snprintf(path, sizeof(path), "/proc/%d", pid);
	EXPECT_EQ(sys_stat(path, &sb), -ENOENT);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	EXPECT_EQ(sys_open(path, O_RDONLY, 0), -ENOENT);
	EXPECT_EQ(sys_read(fd, st, sizeof(st)), (long)sizeof(st));  /* the snapshot of the sleeper */
	EXPECT(memcmp(st, "Name:\tusertests\n", 16) == 0);
	sys_close(fd);
	/* Listing /proc shows the living, not the reaped. */
	snprintf(path, sizeof(path), "%d", pid);
	fd = sys_open("/proc", O_RDONLY | O_DIRECTORY, 0);
	long n = sys_getdents64(fd, buf, sizeof(buf));
	int self = 0, dead = 0;
	char me[16];
	snprintf(me, sizeof(me), "%ld", sys_getpid());
	for (long off = 0; off < n;) {
		struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);
		self += strcmp(d->d_name, me) == 0;
		dead += strcmp(d->d_name, path) == 0;
		off += d->d_reclen;
	}
	sys_close(fd);
	EXPECT(self == 1 && dead == 0);
}

/* The system-wide files start as Linux's do. */
USERTEST(procfs_files)
{
	static const struct { const char *path, *start; } files[] = {
		{ "/proc/meminfo", "MemTotal:" }, { "/proc/uptime", "" }, { "/proc/loadavg", "" },
		{ "/proc/stat", "cpu  " }, { "/proc/mounts", "rootfs / rootfs rw 0 0\n" },
		{ "/proc/cpuinfo", "processor\t: 0\n" }, { "/proc/version", "trapdoor version " },
		{ "/proc/filesystems", "nodev\t" }, { "/proc/self/mounts", "rootfs / " },
		{ "/proc/self/statm", "" },
	};
	struct stat sb;

	need_proc();

	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		long n = slurp(files[i].path, buf, sizeof(buf));
		EXPECT(n > 0 && buf[n - 1] == '\n');
		EXPECT(strncmp(buf, files[i].start, strlen(files[i].start)) == 0);
	}
	slurp("/proc/mounts", buf, sizeof(buf));
	EXPECT(strstr(buf, "\nproc /proc proc rw 0 0\n") != NULL);
	slurp("/proc/filesystems", buf, sizeof(buf));
	EXPECT(strstr(buf, "\tproc\n") && strstr(buf, "\ttmpfs\n"));
	EXPECT(slurp("/proc/meminfo", buf, sizeof(buf)) > 0 && strstr(buf, "\nMemAvailable:") != NULL);
	/* What does not exist, and what may not be done. */
	EXPECT_EQ(sys_stat("/proc/999999", &sb), -ENOENT);
	EXPECT_EQ(sys_open("/proc/999999/stat", O_RDONLY, 0), -ENOENT);
	EXPECT_EQ(sys_stat("/proc/0", &sb), -ENOENT);
	EXPECT_EQ(sys_stat("/proc/01", &sb), -ENOENT);         /* no leading zeros, as Linux */
	EXPECT_EQ(sys_stat("/proc/nothing", &sb), -ENOENT);
	EXPECT_EQ(sys_open("/proc/meminfo", O_WRONLY, 0), -EACCES);
	EXPECT_EQ(sys_open("/proc/new", O_CREAT | O_WRONLY, 0644), -EACCES);
	EXPECT_EQ(sys_mkdir("/proc/new", 0755), -EACCES);
	EXPECT_EQ(sys_unlink("/proc/meminfo"), -EACCES);
	EXPECT_EQ(sys_chmod("/proc/meminfo", 0666), -EPERM);
	EXPECT_EQ(sys_chmod("/proc", 0777), -EPERM);
	EXPECT_EQ(sys_mount("none", "/proc/self/fd", "tmpfs", 0, 0), -EPERM);
	EXPECT_EQ(sys_stat("/proc/self", &sb), 0);
	EXPECT(S_ISDIR(sb.st_mode));
	EXPECT_EQ(sys_lstat("/proc/self", &sb), 0);
	EXPECT(S_ISLNK(sb.st_mode));
	EXPECT_EQ(sys_stat("/proc/self/exe", &sb), 0);       /* followed: the program file */
	EXPECT(S_ISREG(sb.st_mode));
}

/* mount -t proc proc DIR: another instance, the same processes. */
USERTEST(procfs_mount)
{
	struct stat a, b;

	need_proc();

	dir_fresh();
	EXPECT_EQ(sys_mkdir(TDIR "/p", 0755), 0);
	EXPECT_EQ(sys_mount("proc", TDIR "/p", "proc", 0, 0), 0);
	EXPECT(slurp(TDIR "/p/self/stat", buf, sizeof(buf)) > 0 && strtol(buf, 0, 10) == sys_getpid());
	EXPECT_EQ(sys_stat(TDIR "/p", &a), 0);
	EXPECT_EQ(sys_stat("/proc", &b), 0);
	EXPECT(a.st_dev != b.st_dev);
	slurp("/proc/mounts", buf, sizeof(buf));
	EXPECT(strstr(buf, " " TDIR "/p proc rw 0 0\n") != NULL);
	long fd = sys_open(TDIR "/p/meminfo", O_RDONLY, 0);
	EXPECT_EQ(sys_umount2(TDIR "/p", 0), -EBUSY);          /* a file in it is open */
	sys_close(fd);
	EXPECT_EQ(sys_umount2(TDIR "/p", 0), 0);
	EXPECT_EQ(sys_stat(TDIR "/p/self", &a), -ENOENT);
	dir_remove();
}

/* The vsyscall page comes last, execute-only, as Linux's vsyscall=xonly shows it. */
USERTEST(procfs_maps_vsyscall)
{
	static char buf[8192];
	static const char want[] =
		"ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n";
	long n, w = sizeof(want) - 1;

	need_proc();
	n = slurp("/proc/self/maps", buf, sizeof(buf));
	EXPECT(n > w);
	EXPECT(n > w && memcmp(buf + n - w, want, w) == 0);          /* the last line */
}
