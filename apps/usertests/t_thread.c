/*
 * t_thread.c - threads (clone with CLONE_THREAD, the set pthread_create
 * uses): a thread shares its process's id, memory, files and handlers,
 * has its own tid, mask and FS base; exit ends one thread, exit_group and
 * a fatal signal all of them; execve from a thread leaves one; the tid
 * word is cleared when a thread ends (pthread_join's wait); clone3, the
 * same in a struct (glibc 2.34's pthread_create and posix_spawn try it
 * first).
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

#define CLONE_VM             0x00000100
#define CLONE_FS             0x00000200
#define CLONE_FILES          0x00000400
#define CLONE_SIGHAND        0x00000800
#define CLONE_THREAD         0x00010000
#define CLONE_SYSVSEM        0x00040000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
/* What glibc's and musl's pthread_create pass. */
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | \
		      CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
#define FUTEX_WAIT 0
#define STACK_SIZE (64 * 1024)

struct thread_start { long entry; void (*fn)(void *); void *arg; };
long thread_clone(long entry, long flags, struct thread_start *sp, volatile int *ptid, volatile int *ctid, long tls);
long thread_clone3(long entry, struct clone_args *args, long size);

static long sys_gettid(void) { return RAW(SYS_gettid, 0, 0, 0, 0, 0, 0); }
static long sys_tgkill(long tgid, long tid, long sig) { return RAW(SYS_tgkill, tgid, tid, sig, 0, 0, 0); }

/* Start fn(arg) in a new thread with extra flags on a fresh stack; *tid
 * gets its tid, and 0 again when it ends. The tid, or the raw error. */
static long thread_start(void (*fn)(void *), void *arg, long extra, long tls, volatile int *tid)
{
	char *stack = map_pages(STACK_SIZE);
	struct thread_start *s;

	if (!stack)
		return -ENOMEM;
	s = (struct thread_start *)(stack + STACK_SIZE) - 1;
	*s = (struct thread_start){ libc_entry(), fn, arg };
	return thread_clone(libc_entry(), THREAD_FLAGS | extra, s, tid, tid, tls);
}

/* pthread_join's wait: until the kernel clears *tid (futex, or yield
 * while there is none). 1 when it did, 0 after a few seconds. */
static int thread_join(volatile int *tid)
{
	for (long i = 0; i < 200000; i++) {
		int t = *tid;
		if (!t)
			return 1;
		if (RAW(SYS_futex, tid, FUTEX_WAIT, t, 0, 0, 0) == -ENOSYS)
			sys_sched_yield();
	}
	return 0;
}

static volatile long t_pid, t_tid, t_ppid, t_fs;
static volatile int flag;

static void report_ids(void *unused)
{
	t_pid = sys_getpid();
	t_tid = sys_gettid();
	t_ppid = sys_getppid();
	flag = 1;
}

USERTEST(thread_ids)
{
	static volatile int tid;

	flag = 0;
	long r = thread_start(report_ids, 0, 0, 0, &tid);
	EXPECT(r > 0);
	EXPECT(thread_join(&tid));
	EXPECT_EQ(flag, 1);                          /* it ran, in our memory */
	EXPECT(t_pid == sys_getpid());               /* the same process */
	EXPECT(t_ppid == sys_getppid());
	EXPECT(t_tid == r && t_tid != t_pid);        /* its own id, which clone returned */
	EXPECT_EQ(sys_gettid() == sys_getpid(), 1);  /* the first thread's id is the process's */
}

static void read_fs(void *unused)
{
	long fs = 0;

	RAW(SYS_arch_prctl, 0x1003 /* ARCH_GET_FS */, &fs, 0, 0, 0, 0);
	t_fs = fs;
}

USERTEST(thread_settls)
{
	static volatile int tid;
	static long tls_block[4];

	EXPECT(thread_start(read_fs, 0, CLONE_SETTLS, (long)tls_block, &tid) > 0);
	EXPECT(thread_join(&tid));
	EXPECT(t_fs == (long)tls_block);             /* its FS base, not ours */
}

static void open_pipe(void *fds)
{
	EXPECT_EQ(sys_pipe(fds), 0);
}

USERTEST(thread_shares_files)
{
	static volatile int tid;
	static int fds[2];
	char c = 0;

	EXPECT(thread_start(open_pipe, fds, 0, 0, &tid) > 0);
	EXPECT(thread_join(&tid));
	EXPECT_EQ(sys_write(fds[1], "t", 1), 1);    /* its descriptors are ours */
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(c, 't');
	sys_close(fds[0]), sys_close(fds[1]);
}

static volatile long handler_tid;
static void note_tid(int sig, struct k_siginfo *info, void *uc) { handler_tid = sys_gettid(); }

static void wait_flag(void *unused)
{
	flag = 1;
	while (flag != 2)
		sys_sched_yield();
}

USERTEST(thread_tgkill)
{
	static volatile int tid;

	flag = 0, handler_tid = 0;
	sigact(SIGUSR1, note_tid, 0, 0);
	long t = thread_start(wait_flag, 0, 0, 0, &tid);
	while (flag != 1)
		sys_sched_yield();
	EXPECT_EQ(sys_tgkill(sys_getpid(), t, SIGUSR1), 0);
	EXPECT_EQ(sys_tgkill(sys_getpid() + 100000, t, SIGUSR1), -ESRCH);   /* the wrong group */
	for (int i = 0; i < 5000 && !handler_tid; i++)
		sleep_ms(1);                    /* (sched_yield need not wait at all) */
	EXPECT(handler_tid == t);                    /* it ran in that thread */
	flag = 2;
	EXPECT(thread_join(&tid));
	sigdfl(SIGUSR1);
}

static void unblock_and_wait(void *unused)
{
	sigmask_set(SIG_UNBLOCK, SIGBIT(SIGUSR2));
	flag = 1;
	while (!handler_tid)
		sys_sched_yield();
}

USERTEST(thread_process_signal_to_unblocked)
{
	static volatile int tid;

	flag = 0, handler_tid = 0;
	sigact(SIGUSR2, note_tid, 0, 0);
	sigmask_set(SIG_BLOCK, SIGBIT(SIGUSR2));     /* we block it; the thread will not */
	long t = thread_start(unblock_and_wait, 0, 0, 0, &tid);
	while (flag != 1)
		sys_sched_yield();
	EXPECT_EQ(sys_kill(sys_getpid(), SIGUSR2), 0);  /* to the process */
	EXPECT(thread_join(&tid));
	EXPECT(handler_tid == t);                    /* the thread that did not block it took it */
	sigmask_set(SIG_UNBLOCK, SIGBIT(SIGUSR2));
	sigdfl(SIGUSR2);
}

static void group_exit7(void *unused) { sys_exit_group(7); }

static void exit_group_child(void *unused)
{
	static volatile int tid;

	thread_start(group_exit7, 0, 0, 0, &tid);
	for (;;)
		sys_pause();                         /* ended by the thread's exit_group */
}

USERTEST(thread_exit_group)
{
	EXPECT_EQ(run_child(exit_group_child, 0), STATUS_EXIT(7));
}

static void kill_process(void *unused) { sys_kill(sys_getpid(), SIGTERM); for (;;) sys_pause(); }

static void fatal_child(void *unused)
{
	static volatile int tid;

	thread_start(kill_process, 0, 0, 0, &tid);
	for (;;)
		sys_pause();
}

USERTEST(thread_fatal_signal_ends_all)
{
	EXPECT_EQ(run_child(fatal_child, 0), STATUS_SIG(SIGTERM));
}

static void late_exit(void *unused)
{
	while (flag != 1)
		sys_sched_yield();
	sys_exit_group(3);
}

static void leader_exits_child(void *unused)
{
	static volatile int tid;

	flag = 0;
	thread_start(late_exit, 0, 0, 0, &tid);
	flag = 1;
	sys_exit(0);                                 /* the leader alone: the process goes on */
}

USERTEST(thread_leader_exits_first)
{
	EXPECT_EQ(run_child(leader_exits_child, 0), STATUS_EXIT(3));
}

static void last_thread_exit(void *unused)
{
	sleep_ms(20);
	sys_exit(9);                                 /* the last thread: its status is the process's */
}

static void leader_status_child(void *unused)
{
	static volatile int tid;

	thread_start(last_thread_exit, 0, 0, 0, &tid);
	sys_exit(4);
}

USERTEST(thread_leader_status)
{
	pid_t pid = spawn(leader_status_child, 0);
	int status = 0;

	sleep_ms(5);
	EXPECT_EQ(sys_wait4(pid, &status, 1 /* WNOHANG */, 0), 0);   /* a thread lives: not ended */
	EXPECT_EQ(reap(pid), STATUS_EXIT(9));        /* as Linux (6.18 measured): the last exit's */
}

static void exec_true(void *unused)
{
	char *argv[] = { "/bin/true", 0 };

	sys_execve("/bin/true", argv, 0);
	sys_exit_group(99);
}

static void exec_child(void *unused)
{
	static volatile int tid;

	thread_start(exec_true, 0, 0, 0, &tid);
	for (;;)
		sys_pause();                         /* ended by the thread's execve */
}

USERTEST(thread_execve)
{
	EXPECT_EQ(run_child(exec_child, 0), STATUS_EXIT(0));
}

static void stay(void *unused)
{
	flag = 1;
	while (flag != 2)
		sys_sched_yield();
}

USERTEST(thread_proc_task)
{
	static volatile int tid;
	struct stat sb;
	char path[64];

	flag = 0;
	if (sys_stat("/proc/self", &sb) < 0)
		sys_mount("proc", "/proc", "proc", 0, 0);
	long t = thread_start(stay, 0, 0, 0, &tid);
	while (flag != 1)
		sys_sched_yield();
	snprintf(path, sizeof(path), "/proc/self/task/%ld", t);
	EXPECT_EQ(sys_stat(path, &sb), 0);
	snprintf(path, sizeof(path), "/proc/self/task/%ld", sys_getpid());
	EXPECT_EQ(sys_stat(path, &sb), 0);
	flag = 2;
	EXPECT(thread_join(&tid));
	snprintf(path, sizeof(path), "/proc/self/task/%ld", t);
	EXPECT_EQ(sys_stat(path, &sb), -ENOENT);     /* gone with the thread */
}

USERTEST(thread_clone_flag_rules)
{
	static volatile int tid;
	char *stack = map_pages(PAGE);
	struct thread_start *s = (struct thread_start *)(stack + PAGE) - 1;

	*s = (struct thread_start){ libc_entry(), stay, 0 };
	/* Linux's rules: CLONE_THREAD needs CLONE_SIGHAND, which needs CLONE_VM. */
	EXPECT_EQ(thread_clone(libc_entry(), CLONE_VM | CLONE_THREAD, s, &tid, &tid, 0), -EINVAL);
	EXPECT_EQ(thread_clone(libc_entry(), CLONE_SIGHAND | 17, s, &tid, &tid, 0), -EINVAL);
	sys_munmap((unsigned long)stack, PAGE);
}

/* clone3: a thread (pthread_create's clone3, stack and size apart), and a
 * process with exit_signal SIGCHLD (fork's). */
USERTEST(thread_clone3_thread_and_fork)
{
	static volatile int tid;
	char *stack = map_pages(STACK_SIZE);
	struct thread_start *s = (struct thread_start *)(stack + STACK_SIZE) - 1;
	int status;

	*s = (struct thread_start){ libc_entry(), report_ids, 0 };
	struct clone_args a = { .flags = THREAD_FLAGS, .child_tid = (uint64_t)&tid, .parent_tid = (uint64_t)&tid,
				.stack = (uint64_t)stack, .stack_size = (char *)s - stack };
	flag = 0;
	long r = thread_clone3(libc_entry(), &a, sizeof(a));
	EXPECT(r > 0);
	EXPECT(thread_join(&tid));
	EXPECT(flag == 1 && t_pid == sys_getpid() && t_tid == r);
	/* A bigger struct than the kernel knows is fine while the rest is 0. */
	char big[sizeof(a) + 16] = { 0 };
	memcpy(big, &a, sizeof(a));
	flag = 0;
	r = thread_clone3(libc_entry(), (struct clone_args *)big, sizeof(big));
	EXPECT(r > 0 && thread_join(&tid) && flag == 1);
	/* A process: exit_signal is SIGCHLD, no stack (the child goes on here). */
	struct clone_args f = { .exit_signal = SIGCHLD };
	long pid = RAW(SYS_clone3, &f, sizeof(f), 0, 0, 0, 0);
	if (pid == 0)
		sys_exit(7);
	EXPECT(pid > 0 && sys_wait4(pid, &status, 0, 0) == pid && status == STATUS_EXIT(7));
	sys_munmap((unsigned long)stack, STACK_SIZE);
}

/* clone3's own errors, Linux's (checked on the host): the size, bytes
 * past the known struct, the exit signal in its field only, a stack as
 * base and size, no exit signal for a thread. */
USERTEST(thread_clone3_errors)
{
	struct clone_args a = { .exit_signal = SIGCHLD };
	char big[4097] = { 0 };

	EXPECT_EQ(RAW(SYS_clone3, &a, 63, 0, 0, 0, 0), -EINVAL);
	EXPECT_EQ(RAW(SYS_clone3, big, sizeof(big), 0, 0, 0, 0), -E2BIG);
	big[sizeof(a) + 3] = 1;
	EXPECT_EQ(RAW(SYS_clone3, big, sizeof(a) + 8, 0, 0, 0, 0), -E2BIG);
	EXPECT_EQ(RAW(SYS_clone3, UNMAPPED, sizeof(a), 0, 0, 0, 0), -EFAULT);
	a.exit_signal = 65;
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
	a.exit_signal = 0x100 | SIGCHLD;
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
	a = (struct clone_args){ .flags = SIGCHLD };                   /* the signal in the flags */
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
	a = (struct clone_args){ .exit_signal = SIGCHLD, .stack = 0x10000 };
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
	a = (struct clone_args){ .exit_signal = SIGCHLD, .stack_size = 4096 };
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
	a = (struct clone_args){ .flags = THREAD_FLAGS, .exit_signal = SIGCHLD };
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
	a = (struct clone_args){ .flags = CLONE_VM | CLONE_THREAD, .exit_signal = 0 };   /* clone's rules too */
	EXPECT_EQ(RAW(SYS_clone3, &a, sizeof(a), 0, 0, 0, 0), -EINVAL);
}
