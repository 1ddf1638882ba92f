/*
 * util.c - what many cases need: children, signal handlers, the kernel's
 * counters, a scratch directory.
 */
#include <stdio.h>
#include <string.h>

#include "concurrent.h"
#include "usertests.h"

/* A page of read-only data: the kernel must refuse to write into it. */
const char ro_page[PAGE] __attribute__((aligned(PAGE))) = "read-only";

void quit(int code)
{
	fflush(stdout);
	for (;;)
		sys_exit(code);
}

pid_t spawn(void (*fn)(void *), void *arg)
{
	long pid;

	fflush(stdout);                    /* or the child writes our buffer again */
	if ((pid = sys_fork()) == 0) {
		fn(arg);
		quit(ut_failures ? 1 : 0);
	}
	return pid;
}

void child_exit(void *code) { quit((int)(long)code); }

void child_pause(void *unused)
{
	for (;;)
		sys_pause();
}

void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	sys_nanosleep(&ts, 0);
}

int reap(pid_t pid)
{
	int status;
	long r;

	while ((r = sys_wait4(pid, &status, 0, 0)) == -EINTR)
		;                          /* a handler of the case ran meanwhile */
	return r == pid ? status : (r < 0 ? (int)r : -1000);
}

int run_child(void (*fn)(void *), void *arg)
{
	pid_t pid = spawn(fn, arg);

	return pid < 0 ? pid : reap(pid);
}

char proc_state(pid_t pid)
{
	struct trapdoor_proc ps[64];
	long n = sys_procs(ps, 64);

	for (long i = 0; i < n; i++)
		if (ps[i].pid == pid)
			return ps[i].state;
	return 0;
}

int wait_blocked(pid_t pid)
{
	struct timespec ms = { 0, 1000000 };

	for (int i = 0; i < 3000; i++) {
		if (proc_state(pid) == 'S')
			return 1;
		sys_nanosleep(&ms, 0);
	}
	return 0;
}

/* --- signals ------------------------------------------------------------- */

long sigact(int sig, sig_fn fn, unsigned long flags, uint64_t mask)
{
	struct k_sigaction a = {
		.handler = (uint64_t)fn,
		.flags = flags | SA_SIGINFO | SA_RESTORER,
		.restorer = (uint64_t)libc_restorer(),
		.mask = mask,
	};

	return sys_sigaction(sig, &a, 0, SIGSET_SIZE);
}

static long sigset_handler(int sig, uint64_t h)
{
	struct k_sigaction a = { .handler = h };

	return sys_sigaction(sig, &a, 0, SIGSET_SIZE);
}

long sigdfl(int sig) { return sigset_handler(sig, SIG_DFL); }

volatile struct seen seen;

void record(int sig, struct k_siginfo *info, void *uc)
{
	seen.hits++;
	seen.sig = sig;
	seen.signo = info->si_signo;
	seen.code = info->si_code;
	seen.pid = info->u.kill.pid;
	seen.addr = info->u.addr;
	seen.status = info->u.chld.status;         /* SIGCHLD's si_status */
	seen.mask = sigmask_now();
	seen.saved_mask = ((struct k_ucontext *)uc)->uc_sigmask;
	seen.rip = uc_regs(uc)->rip;
}

void seen_reset(void)
{
	memset((void *)&seen, 0, sizeof(seen));
}
long sigign(int sig) { return sigset_handler(sig, SIG_IGN); }

uint64_t sigmask_now(void)
{
	uint64_t old = 0;

	sys_sigprocmask(SIG_BLOCK, 0, &old, SIGSET_SIZE);
	return old;
}

long sigmask_set(int how, uint64_t set)
{
	return sys_sigprocmask(how, &set, 0, SIGSET_SIZE);
}

/* --- memory and counters ---------------------------------------------------- */

void *map_pages(long n)
{
	long p = sys_mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);

	return p < 0 ? NULL : (void *)p;
}

struct trapdoor_stats stats_now(void)
{
	struct trapdoor_stats s = { 0 };

	sys_stats(&s);
	return s;
}

int counters_mine(void)
{
	static int mine = -1;

	if (mine < 0)
		mine = !concurrent_run();
	return mine;
}

/* --- the scratch directory ---------------------------------------------- */

void rm_tree(const char *path)
{
	char buf[1024], child[256];
	struct stat st;
	long fd, n;

	sys_umount2(path, 0);                  /* a case may have left a mount here */
	if (sys_lstat(path, &st) < 0)          /* a link goes itself, never what it names */
		return;
	if (!S_ISDIR(st.st_mode)) {
		sys_unlink(path);
		return;
	}
	sys_chmod(path, 0755);                 /* a case may have taken its rights away */
	/* Remove entries until the directory reads empty; restart each time,
	 * as removing moves the others. */
	for (int round = 0; round < 100; round++) {
		int removed = 0;
		if ((fd = sys_open(path, O_RDONLY | O_DIRECTORY, 0)) < 0)
			break;
		while (!removed && (n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
			for (long off = 0; off < n && !removed; ) {
				struct linux_dirent64 *d = (void *)(buf + off);
				off += d->d_reclen;
				if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
					continue;
				snprintf(child, sizeof(child), "%s/%s", path, d->d_name);
				rm_tree(child);
				removed = 1;
			}
		}
		sys_close(fd);
		if (!removed)
			break;
	}
	sys_rmdir(path);
}

void dir_remove(void)
{
	sys_chdir("/");
	rm_tree(TDIR);
}

void dir_fresh(void)
{
	dir_remove();
	sys_mkdir(TDIR, 0755);
}

long write_file(const char *path, const char *s, int mode)
{
	long fd = sys_open(path, O_CREAT | O_TRUNC | O_WRONLY, mode), r;

	if (fd < 0)
		return fd;
	r = sys_write(fd, s, strlen(s));
	sys_close(fd);
	return r;
}

void pin_to_cpu0(void)
{
	unsigned long one = 1;

	EXPECT(RAW(SYS_sched_setaffinity, 0, sizeof(one), &one, 0, 0, 0) == 0);
}
