/*
 * t_proc.c - processes: fork, execve, wait4 and exit, their status words
 * and errors, orphans, a stress loop, a fork bomb and memory exhaustion.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "usertests.h"

/* The entry path really is the one the runner chose, for our raw calls
 * and for libc's (the counters are global, so allow for the runner's few). */
USERTEST(entry_path_used)
{
	struct trapdoor_stats a, b;
	int mine = libc_entry() == ENTRY_SYSCALL;

	sys_stats(&a);
	for (int i = 0; i < 500; i++)
		sys_getpid();
	for (int i = 0; i < 500; i++)
		syscall(SYS_getppid);              /* libc's generic wrapper */
	sys_stats(&b);
	long int80 = b.int80_calls - a.int80_calls, fast = b.syscall_calls - a.syscall_calls;
	EXPECT((mine ? fast : int80) >= 1000);
	if (counters_mine())                     /* other suites use both paths meanwhile */
		EXPECT((mine ? int80 : fast) < 100);
	note("1000 calls through the chosen entry");
}

static void exit_group_with(void *code) { sys_exit_group((long)code); }
static void return_from_fn(void *code) { }   /* spawn exits 0 */

USERTEST(wait_exit_status)
{
	static const long codes[] = { 0, 1, 42, 127, 255, 256, 257, -1 };

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int s = run_child(child_exit, (void *)codes[i]);
		EXPECT_EQ(s, STATUS_EXIT(codes[i]));          /* only the low 8 bits count */
		EXPECT(WIFEXITED(s) && !WIFSIGNALED(s));
		EXPECT_EQ(WEXITSTATUS(s), codes[i] & 0xff);
	}
	EXPECT_EQ(run_child(exit_group_with, (void *)7), STATUS_EXIT(7));
	EXPECT_EQ(run_child(return_from_fn, 0), 0);
}

static void null_read(void *a) { (void)*(volatile char *)0; }

USERTEST(wait_signal_status)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGUSR1, SIGINT, SIGHUP, SIGALRM, 40, 64 };

	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		pid_t pid = spawn(child_pause, 0);
		EXPECT_EQ(sys_kill(pid, sigs[i]), 0);
		int s = reap(pid);
		EXPECT_EQ(s, STATUS_SIG(sigs[i]));
		EXPECT(WIFSIGNALED(s) && !WIFEXITED(s) && WTERMSIG(s) == sigs[i]);
	}
	int s = run_child(null_read, 0);
	EXPECT_EQ(s, STATUS_SIG(SIGSEGV));
}

static void wait_for_pipe(void *fd)
{
	char c;

	quit(sys_read((long)fd, &c, 1) == 1 ? c : 99);
}

USERTEST(wait_nohang_echild)
{
	int fds[2], status = 12345;
	char rusage[144];

	/* No children at all. */
	EXPECT_EQ(sys_wait4(-1, &status, 0, 0), -ECHILD);
	EXPECT_EQ(sys_wait4(-1, &status, WNOHANG, 0), -ECHILD);
	EXPECT_EQ(sys_wait4(0, 0, 0, 0), -ECHILD);
	EXPECT_EQ(sys_wait4(sys_getppid(), &status, 0, 0), -ECHILD);  /* not our child */
	EXPECT_EQ(sys_wait4(1, &status, WNOHANG, 0), -ECHILD);
	EXPECT_EQ(status, 12345);                                   /* untouched */

	sys_pipe(fds);
	pid_t pid = spawn(wait_for_pipe, (void *)(long)fds[0]);
	EXPECT_EQ(sys_wait4(pid, &status, WNOHANG, 0), 0);          /* still running */
	EXPECT_EQ(sys_wait4(-1, &status, WNOHANG, 0), 0);
	EXPECT_EQ(sys_wait4(-5, &status, WNOHANG, 0), -ECHILD);     /* no such group */
	EXPECT_EQ(sys_wait4(pid, &status, 0x100, 0), -EINVAL);      /* unknown option */
	EXPECT_EQ(sys_wait4(pid + 1000, &status, 0, 0), -ECHILD);
	sys_write(fds[1], "x", 1);
	/* Bad pointers fail before reaping: the child is still there after. */
	for (int i = 0; i < 5000 && proc_state(pid) != 'Z'; i++)
		sleep_ms(1);                    /* (sched_yield need not wait at all) */
	EXPECT_EQ(proc_state(pid), 'Z');
	EXPECT_EQ(sys_wait4(pid, (void *)KERNEL_ADDR, 0, 0), -EFAULT);
	EXPECT_EQ(sys_wait4(pid, (void *)UNMAPPED, 0, 0), -EFAULT);
	EXPECT_EQ(sys_wait4(pid, (void *)ro_page, 0, 0), -EFAULT);
	EXPECT_EQ(sys_wait4(pid, &status, 0, (void *)ro_page), -EFAULT);
	memset(rusage, 0x55, sizeof(rusage));
	EXPECT(sys_wait4(pid, &status, 0, rusage) == pid);
	EXPECT_EQ(status, STATUS_EXIT('x'));
	EXPECT(rusage[0] == 0 && rusage[143] == 0);                 /* filled (with zeros) */
	EXPECT_EQ(sys_wait4(pid, &status, 0, 0), -ECHILD);          /* reaped once only */
	sys_close(fds[0]);
	sys_close(fds[1]);
}

USERTEST(wait_any_child)
{
	pid_t pids[6];
	int got[6] = { 0 }, status;
	long r;

	for (int i = 0; i < 6; i++)
		pids[i] = spawn(child_exit, (void *)(long)(10 + i));
	for (int n = 0; n < 6; n++) {
		r = sys_wait4(n % 2 ? 0 : -1, &status, 0, 0);       /* 0: "our group", every child */
		for (int i = 0; i < 6; i++)
			if (r == pids[i]) {
				got[i]++;
				EXPECT(status == STATUS_EXIT(10 + i));
			}
	}
	for (int i = 0; i < 6; i++)
		EXPECT_EQ(got[i], 1);
	EXPECT_EQ(sys_wait4(-1, &status, 0, 0), -ECHILD);
}

USERTEST(fork_copies_memory)
{
	static volatile int data = 1;
	int fds[2];
	char *heap = map_pages(PAGE), c;
	long brk0 = sys_brk(0), brk1 = sys_brk(brk0 + PAGE);

	EXPECT(heap && brk1 == brk0 + PAGE);
	heap[0] = 'p';
	((char *)brk0)[0] = 'b';
	data = 2;
	sys_pipe(fds);
	long pid = sys_fork();
	if (pid == 0) {
		/* The child sees what the parent wrote before fork... */
		int ok = data == 2 && heap[0] == 'p' && ((char *)brk0)[0] == 'b' && sys_brk(0) == brk1;
		/* ...and its own writes stay its own. */
		data = 3, heap[0] = 'c', ((char *)brk0)[0] = 'c';
		sys_write(fds[1], ok ? "y" : "n", 1);
		quit(0);
	}
	EXPECT(pid > 0);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(c, 'y');
	EXPECT_EQ(reap(pid), 0);
	EXPECT(data == 2 && heap[0] == 'p' && ((char *)brk0)[0] == 'b');
	sys_close(fds[0]);
	sys_close(fds[1]);
	sys_munmap((unsigned long)heap, PAGE);
	sys_brk(brk0);
}

USERTEST(fork_pids)
{
	int fds[2];
	long me = sys_getpid(), got[2];

	sys_pipe(fds);
	long pid = sys_fork();
	if (pid == 0) {
		long mine[2] = { sys_getpid(), sys_getppid() };
		sys_write(fds[1], mine, sizeof(mine));
		quit(0);
	}
	EXPECT_EQ(sys_read(fds[0], got, sizeof(got)), sizeof(got));
	EXPECT(got[0] == pid && got[0] != me);       /* fork returned the child's pid */
	EXPECT(got[1] == me);                        /* and we are its parent */
	EXPECT(sys_getppid() > 0 && me > 1);
	EXPECT_EQ(reap(pid), 0);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

/* Read a child's whole stdout (it writes into fds[1]). */
static long read_all(int fd, char *buf, long size)
{
	long n, len = 0;

	while (len < size - 1 && (n = sys_read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = 0;
	return len;
}

/* Run run(arg) in a child with stdout into a pipe: its wait status, and
 * what it printed in out. */
static int output_of(void (*run)(void *), void *arg, char *out, long size)
{
	int fds[2];

	sys_pipe(fds);
	fflush(stdout);
	long pid = sys_fork();
	if (pid == 0) {
		sys_dup2(fds[1], 1);
		sys_close(fds[0]);
		sys_close(fds[1]);
		run(arg);
		quit(127);
	}
	sys_close(fds[1]);
	read_all(fds[0], out, size);
	sys_close(fds[0]);
	return reap(pid);
}

/* execve ourselves as the "args" helper, with argv[0] not the path and an
 * envp of our own (the entry in use kept). */
static void exec_self_env(void *unused)
{
	char *av[] = { "not-the-path", "--helper", "args", "a", NULL };
	char *ev[] = { "X=1", "EMPTY=",
		       libc_entry() == ENTRY_SYSCALL ? "LIBC_SYSCALL=syscall" : "LIBC_SYSCALL=int80", NULL };

	sys_execve(SELF, av, ev);
}

USERTEST(exec_args_env)
{
	char out[512];
	char big[200];
	char *args[] = { "args", "one", "two words", "", big, NULL };

	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	EXPECT_EQ(output_of(exec_helper_child, args, out, sizeof(out)), 0);
	char want[512];
	snprintf(want, sizeof(want), "argc=5 [one] [two words] [] [%s]\n", big);
	EXPECT(strcmp(out, want) == 0);

	/* Our own envp, exactly; and argv[0] is whatever the caller says. */
	EXPECT_EQ(output_of(exec_self_env, 0, out, sizeof(out)), 0);
	EXPECT(strcmp(out, "argc=2 [a] {X=1} {EMPTY=}\n") == 0);
	note("[%s]", out);

	/* NULL argv and envp are empty lists: the program starts with no
	 * arguments (main() answers 120 to that). */
	long pid = sys_fork();
	if (pid == 0) {
		sys_execve(SELF, 0, 0);
		quit(127);
	}
	EXPECT_EQ(reap(pid), STATUS_EXIT(120));
}

USERTEST(exec_helper_entry)
{
	/* LIBC_SYSCALL reaches the new program: it uses our entry. */
	char *args[] = { "entry", NULL };
	int s = run_child(exec_helper_child, args);

	EXPECT(s == STATUS_EXIT(libc_entry()));
	char *args2[] = { "exit", "77", NULL };
	EXPECT_EQ(run_child(exec_helper_child, args2), STATUS_EXIT(77));
}

static long marker = 0x1234;

static void on_usr1(int sig, struct k_siginfo *info, void *uc) { }

/* Every failing execve leaves the caller as it was. */
USERTEST(exec_failure_untouched)
{
	static char longpath[5000];
	char *many[140];
	char *av[] = { SELF, NULL };
	int fds[2];

	dir_fresh();
	EXPECT_EQ(write_file(TDIR "/plain", "not a program", 0644), 13);
	EXPECT_EQ(write_file(TDIR "/junk", "#!not an elf either, but executable", 0755), 35);
	EXPECT_EQ(write_file(TDIR "/empty", "", 0755), 0);
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	for (int i = 0; i < 139; i++)
		many[i] = "x";
	many[139] = NULL;
	sys_pipe(fds);
	sigact(SIGUSR1, on_usr1, 0, 0);
	marker = 0x5678;

	EXPECT_EQ(sys_execve("/no/such/program", av, 0), -ENOENT);
	EXPECT_EQ(sys_execve("/bin", av, 0), -EACCES);                 /* a directory */
	EXPECT_EQ(sys_execve(TDIR "/plain", av, 0), -EACCES);          /* no x bit */
	EXPECT_EQ(sys_execve(TDIR "/junk", av, 0), -ENOEXEC);
	EXPECT_EQ(sys_execve(TDIR "/empty", av, 0), -ENOEXEC);
	EXPECT_EQ(sys_execve(TDIR "/plain/x", av, 0), -ENOTDIR);
	EXPECT_EQ(sys_execve("", av, 0), -ENOENT);
	EXPECT_EQ(sys_execve(0, av, 0), -EFAULT);
	EXPECT_EQ(sys_execve((char *)KERNEL_ADDR, av, 0), -EFAULT);
	EXPECT_EQ(sys_execve(longpath, av, 0), -ENAMETOOLONG);
	EXPECT_EQ(sys_execve(SELF, (char **)UNMAPPED, 0), -EFAULT);
	EXPECT_EQ(sys_execve(SELF, (char *[]){ SELF, (char *)KERNEL_ADDR, NULL }, 0), -EFAULT);
	EXPECT_EQ(sys_execve(SELF, av, (char **)KERNEL_ADDR), -EFAULT);
	EXPECT_EQ(sys_execve(SELF, av, (char *[]){ (char *)NONCANONICAL, NULL }), -EFAULT);
	EXPECT_EQ(sys_execve(SELF, many, 0), -E2BIG);                  /* more than 128 */

	/* Still us: memory, descriptors, handlers, cwd. */
	struct k_sigaction old;
	char cwd[8];
	EXPECT_EQ(marker, 0x5678);
	EXPECT_EQ(sys_write(fds[1], "k", 1), 1);
	EXPECT_EQ(sys_sigaction(SIGUSR1, 0, &old, SIGSET_SIZE), 0);
	EXPECT(old.handler == (uint64_t)on_usr1);
	EXPECT_EQ(sys_getcwd(cwd, sizeof(cwd)), 2);
	sigdfl(SIGUSR1);
	sys_close(fds[0]);
	sys_close(fds[1]);
	dir_remove();
}

/* What crosses execve: handlers reset, SIG_IGN and the mask kept, O_CLOEXEC closed. */
USERTEST(exec_signal_fd_state)
{
	char out[128];
	char *args[] = { "sigstate", NULL };

	sigact(SIGUSR1, on_usr1, 0, 0);
	sigign(SIGUSR2);
	sigmask_set(SIG_SETMASK, SIGBIT(SIGTERM));
	EXPECT_EQ(output_of(exec_helper_child, args, out, sizeof(out)), 0);
	EXPECT(strcmp(out, "10:dfl 12:ign 15:dfl 13:dfl mask:4000\n") == 0);
	note("[%s]", out);
	sigmask_set(SIG_SETMASK, 0);
	sigdfl(SIGUSR1);
	sigdfl(SIGUSR2);

	long keep = sys_open("/bin/usertests", O_RDONLY, 0);
	long drop = sys_open("/bin/usertests", O_RDONLY | O_CLOEXEC, 0);
	int p[2];
	EXPECT_EQ(sys_pipe2(p, O_CLOEXEC), 0);
	char k[8], d[8], pp[8];
	snprintf(k, sizeof(k), "%ld", keep);
	snprintf(d, sizeof(d), "%ld", drop);
	snprintf(pp, sizeof(pp), "%d", p[1]);
	EXPECT_EQ(run_child(exec_helper_child, (char *[]){ "isopen", k, NULL }), STATUS_EXIT(1));
	EXPECT_EQ(run_child(exec_helper_child, (char *[]){ "isopen", d, NULL }), STATUS_EXIT(0));
	EXPECT_EQ(run_child(exec_helper_child, (char *[]){ "isopen", pp, NULL }), STATUS_EXIT(0));
	/* dup2 makes a descriptor without the flag. */
	EXPECT_EQ(sys_dup2(drop, 20), 20);
	EXPECT_EQ(run_child(exec_helper_child, (char *[]){ "isopen", "20", NULL }), STATUS_EXIT(1));
	sys_close(20);
	sys_close(keep);
	sys_close(drop);
	sys_close(p[0]);
	sys_close(p[1]);
}

/* The grandchild outlives its parent: getppid becomes 1. fds[0..1]: the
 * answer for the case; fds[2..3]: the grandchild tells its parent it has
 * looked at getppid once, before that parent goes. */
static void orphan_maker(void *fdp)
{
	int *fds = fdp;
	char c;
	long pid = sys_fork();

	if (pid == 0) {
		char r[2] = { sys_getppid() > 1 ? 'p' : '?', 'x' };
		sys_write(fds[3], "", 1);
		for (int i = 0; i < 2000 && sys_getppid() != 1; i++) {
			struct timespec ms = { 0, 1000000 };
			sys_nanosleep(&ms, 0);           /* until the parent is gone (bounded) */
		}
		r[1] = sys_getppid() == 1 ? '1' : 'x';
		sys_write(fds[1], r, 2);
		quit(0);
	}
	sys_read(fds[2], &c, 1);
	quit(0);                                     /* the parent goes first */
}

USERTEST(orphan_getppid_1)
{
	int fds[4];
	char r[3] = { 0 };

	sys_pipe(fds);
	sys_pipe(fds + 2);
	EXPECT_EQ(run_child(orphan_maker, fds), 0);
	sys_close(fds[1]);
	sys_close(fds[2]);
	sys_close(fds[3]);
	EXPECT_EQ(sys_read(fds[0], r, 2), 2);        /* the orphan answers... */
	EXPECT(strcmp(r, "p1") == 0);
	EXPECT_EQ(sys_read(fds[0], r, 2), 0);        /* ...and ends (end of file) */
	note("orphan: %s", r);
	sys_close(fds[0]);
	/* The orphan is not ours to wait for, and the kernel frees it
	 * (the runner checks the slot comes back). */
	EXPECT_EQ(sys_wait4(-1, 0, WNOHANG, 0), -ECHILD);
}

USERTEST(fork_exec_wait_stress)
{
	int bad = 0;
	char code[8];
	char *args[] = { "exit", code, NULL };

	for (int i = 0; i < 200; i++) {
		snprintf(code, sizeof(code), "%d", i & 0xff);
		fflush(stdout);
		long pid = sys_fork();
		if (pid == 0) {
			if (i % 2)
				exec_helper(args);
			quit(i & 0xff);                      /* even ones: no exec */
		}
		if (pid < 0 || reap(pid) != STATUS_EXIT(i & 0xff))
			bad++;
	}
	EXPECT_EQ(bad, 0);
}

/* A fork bomb: fork until the kernel says -EAGAIN, then let them all go. */
USERTEST(fork_bomb)
{
	int fds[2], n = 0;
	long r, pids[64];
	struct trapdoor_stats peak;

	SKIP_IF_CONCURRENT("it takes every process slot");
	sys_pipe(fds);
	fflush(stdout);
	while (n < 64 && (r = sys_fork()) >= 0) {
		if (r == 0) {
			char c;
			sys_close(fds[1]);
			quit(sys_read(fds[0], &c, 1) == 0 ? 0 : 1);   /* wait for the end */
		}
		pids[n++] = r;
	}
	peak = stats_now();
	EXPECT_EQ(r, -EAGAIN);
	EXPECT(n > 10);
	EXPECT_EQ(sys_fork(), -EAGAIN);                    /* still full */
	sys_close(fds[1]);                                 /* everyone reads EOF and exits */
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad += reap(pids[i]) != 0;
	EXPECT_EQ(bad, 0);
	if (counters_mine())
		EXPECT(stats_now().procs == peak.procs - n);
	/* Everything works again. */
	EXPECT_EQ(run_child(child_exit, (void *)3), STATUS_EXIT(3));
	sys_close(fds[0]);
	note("fork bomb stopped by -EAGAIN");
}

/* Memory running out, under the heuristic overcommit of Linux (t_vm.c
 * says what it promises), both ways it shows:
 *  - refused: a private writable mmap larger than all of RAM is -ENOMEM
 *    at once, as is brk growth that large (the old break);
 *  - killed: a child that maps 16 MiB at a time (each far below RAM, so
 *    each granted) and touches every page dies of SIGKILL at the fault
 *    that finds no frame; we go on, and the runner sees every frame back.
 * Touching memory takes time in proportion to it: an RLIMIT_AS of 1 GiB
 * bounds that. Up to 1 GiB of guest memory (the default 512 MiB, and the
 * smallest, 128 MiB) memory runs out first and the kill is tested; on
 * bigger guests the limit says -ENOMEM first, after the same work.
 *
 * An eager kernel refuses the mmap once memory is full instead of
 * killing (EXHAUST_REFUSED): that fails here. */
#define EXHAUST_AS      (1L << 30)
#define EXHAUST_CHUNK   (16L << 20)
#define EXHAUST_LIMITED 3                /* the toucher's status: RLIMIT_AS said no */
#define EXHAUST_REFUSED 4                /* ... mmap said no with memory full */

static void exhaust(void *arg)
{
	struct rlimit as = { EXHAUST_AS, EXHAUST_AS };
	long r;

	EXPECT_EQ(sys_setrlimit(RLIMIT_AS, &as), 0);
	while ((r = sys_mmap(0, EXHAUST_CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS)) > 0)
		for (long off = 0; off < EXHAUST_CHUNK; off += PAGE)
			((volatile char *)r)[off] = 1;
	EXPECT_EQ(r, -ENOMEM);
	/* Not even a chunk left above the kernel's reserve (512 frames):
	 * memory ran out; else the limit answered. */
	quit(stats_now().free_frames < EXHAUST_CHUNK / PAGE + 512 ? EXHAUST_REFUSED : EXHAUST_LIMITED);
}

USERTEST(memory_exhaustion)
{
	SKIP_IF_CONCURRENT("it takes all free memory");
	struct trapdoor_stats before = stats_now();
	struct sysinfo si;
	unsigned long ram, big;
	long brk0 = sys_brk(0);

	EXPECT_EQ(sys_sysinfo(&si), 0);
	ram = si.totalram * (si.mem_unit ? si.mem_unit : 1);
	big = (ram + (64L << 20)) & ~(PAGE - 1);
	EXPECT_EQ(sys_mmap(0, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS), -ENOMEM);
	EXPECT(sys_brk(brk0 + big) == brk0);
	int status = run_child(exhaust, 0);
	int limited = ram > EXHAUST_AS && status == STATUS_EXIT(EXHAUST_LIMITED);
	if (!EXPECT(status == STATUS_SIG(SIGKILL) || limited))
		printf("# memory_exhaustion: the toucher %s\n", status == STATUS_EXIT(EXHAUST_REFUSED) ?
		       "was refused memory instead of killed (an eager kernel?)" : "ended otherwise");
	struct trapdoor_stats after = stats_now();
	/* Allow for kernel caches filled once (the runner retries its own check). */
	EXPECT(after.free_frames + 64 >= before.free_frames);
	note("refused; toucher %s; memory back", limited ? "stopped by RLIMIT_AS" : "killed");
}

/* A process that exits with files open leaves nothing open. */
static void open_and_exit(void *arg)
{
	int fds[2];

	sys_pipe(fds);
	sys_open("/bin/usertests", O_RDONLY, 0);
	sys_dup(fds[1]);
	sys_open("/dev/null", O_WRONLY, 0);
	sys_exit(0);
}

USERTEST(exit_closes_files)
{
	struct trapdoor_stats a = stats_now();

	EXPECT_EQ(run_child(open_and_exit, 0), 0);
	struct trapdoor_stats b = stats_now();
	if (counters_mine()) {
		EXPECT_EQ(b.open_files - a.open_files, 0);
		EXPECT_EQ(b.procs - a.procs, 0);
	}
}
