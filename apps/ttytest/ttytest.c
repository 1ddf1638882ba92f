/*
 * ttytest - /dev/console's line discipline, from user mode, with real
 * input: run as init by scripts/test.sh, which answers every
 * `# feed HEX` line this prints by typing those bytes into COM1 (they
 * arrive by interrupt and go through the editing like keystrokes).
 * Prints `ok N - name` / `not ok N - name`, exits 1 when anything failed.
 *
 * One case types on the PS/2 keyboard instead, through QEMU's monitor.
 *
 * Each case runs in a forked child, so a crash or a hang in one shows as
 * that case's failure. Cases that type Ctrl-C ignore SIGINT themselves
 * (it goes to the foreground process group, theirs unless they put
 * another in front) and watch a grandchild get it. The job-control cases
 * put a grandchild's own group in the foreground (tcsetpgrp), with
 * SIGTTOU ignored so that they may take it back from the background.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <api/abi.h>
#include <api/poll.h>
#include <api/signal.h>

/* Type these bytes on the console: the harness sees the line and sends them. */
static void feed(const char *s)
{
	char line[512];
	int n = snprintf(line, sizeof(line), "# feed ");

	for (; *s && n < (int)sizeof(line) - 4; s++)
		n += snprintf(line + n, sizeof(line) - n, "%02x", (unsigned char)*s);
	line[n++] = '\n';
	write(1, line, n);
}

/* One read of at most n bytes from the console gives exactly want. */
static int reads(size_t n, const char *want)
{
	char buf[256];
	long got = read(0, buf, n);

	if (got == (long)strlen(want) && !memcmp(buf, want, got))
		return 1;
	printf("# read(%zu) gave %ld: \"%.*s\", wanted \"%s\"\n", n, got, got > 0 ? (int)got : 0, buf, want);
	return 0;
}

/* The signal frame returns here: rt_sigreturn (x86-64 needs SA_RESTORER). */
void ttytest_restorer(void);
__asm__(".text\n"
	".globl ttytest_restorer\n"
	"ttytest_restorer:\n\t"
	"mov $15, %eax\n\t"                   /* SYS_rt_sigreturn */
	"syscall\n");

static volatile int caught;
static void on_sigint(int sig) { caught = sig; }

/* rt_sigaction(sig, handler) through the raw call: SIG_DFL, SIG_IGN or a function. */
static int set_handler(int sig, void (*fn)(int), unsigned long disposition)
{
	struct k_sigaction a = {
		.handler = fn ? (uint64_t)fn : disposition,
		.flags = SA_RESTORER,
		.restorer = (uint64_t)ttytest_restorer,
	};
	return syscall(SYS_rt_sigaction, sig, &a, NULL, SIGSET_SIZE);
}

/* Process pid's state letter from trapdoor_procs (R, S, Z), or 0 when it is gone. */
static char state_of(int pid)
{
	struct trapdoor_proc t[64];
	long n = syscall(SYS_trapdoor_procs, t, 64);

	for (long i = 0; i < n; i++)
		if (t[i].pid == pid)
			return t[i].state;
	return 0;
}

/* Start fn in a child (SIGINT at its default), wait until it runs and,
 * when want is set, until trapdoor_procs shows it in that state; then
 * type Ctrl-C and return the child's wait status. */
static int ctrl_c_at(void (*fn)(void), char want)
{
	int status = -1, ready[2];
	char c;
	pid_t pid;

	set_handler(SIGINT, NULL, SIG_IGN);   /* this process stays */
	if (syscall(SYS_pipe, ready) < 0)
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		set_handler(SIGINT, NULL, SIG_DFL);
		write(ready[1], "r", 1);      /* from here on, Ctrl-C reaches fn */
		fn();
		_exit(99);
	}
	read(ready[0], &c, 1);
	for (char s; want && (s = state_of(pid)) && s != want;)
		syscall(SYS_sched_yield);
	feed("\x03");
	waitpid(pid, &status, 0);
	return status;
}

static int case_backspace(void)
{
	feed("helx\x7flo worx\x7fld\n");
	int ok = reads(100, "hello world\n");
	feed("a\bb\n");                      /* BS is not VERASE (DEL): data, as on Linux */
	return ok & reads(100, "a\bb\n");
}

static int case_kill_line(void)
{
	feed("garbage\x15real\n");
	return reads(100, "real\n");
}

static int case_erase_word(void)
{
	feed("one two  \x17three\n");
	return reads(100, "one three\n");
}

static int case_cr_is_newline(void)
{
	feed("cr\r");
	return reads(100, "cr\n");
}

static int case_one_line_per_read(void)
{
	feed("first\nsecond\n");
	return reads(100, "first\n") & reads(100, "second\n");
}

/* poll and select on the console: readable only once a line is complete,
 * and a typed line wakes a waiter. */
static int case_poll_waits_for_a_line(void)
{
	struct pollfd f = { 0, POLLIN, 0 };
	uint64_t rd = 1;                        /* descriptor 0 */
	struct timeval tv = { 10, 0 };
	int ok = syscall(SYS_poll, &f, 1, 0) == 0;       /* nothing typed yet */

	feed("part");
	ok &= syscall(SYS_poll, &f, 1, 200) == 0;        /* half a line is not readable */
	feed("ial\n");
	ok &= syscall(SYS_poll, &f, 1, 10000) == 1 && f.revents == POLLIN;
	ok &= reads(100, "partial\n");
	feed("selected\n");
	ok &= syscall(SYS_select, 1, &rd, 0, 0, &tv) == 1 && rd == 1;
	ok &= reads(100, "selected\n");
	if (!ok)
		printf("# poll or select on the console went wrong\n");
	return ok;
}

static int case_short_reads(void)
{
	feed("abcdef\n");
	return reads(3, "abc") & reads(100, "def\n");
}

static int case_other_controls_are_data(void)
{
	feed("a\x02" "b\n");                  /* ^B: echoed as ^B, read as itself */
	return reads(100, "a\x02" "b\n");
}

static int case_eof_at_line_start(void)
{
	feed("\x04");
	return reads(100, "");
}

static int case_eof_mid_line_ends_it(void)
{
	feed("part\x04");
	int ok = reads(100, "part");
	write(1, "\n", 1);                   /* the cursor is still after "part" */
	return ok;
}

static int case_eof_mark_not_a_false_eof(void)
{
	feed("abc\x04" "after\n");
	return reads(3, "abc") & reads(100, "after\n");
}

/* The PS/2 keyboard: Ctrl-A c switches the harness's stdio to QEMU's
 * monitor, whose sendkey presses keys on the emulated keyboard; Ctrl-A c
 * again switches back to COM1. */
static int case_ps2_keyboard(void)
{
	feed("\x01" "c"
	     "sendkey x\nsendkey ctrl-u\nsendkey h\nsendkey i\nsendkey shift-1\n"
	     "sendkey caps_lock\nsendkey a\nsendkey caps_lock\nsendkey b\nsendkey ret\n"
	     "\x01" "c");
	return reads(100, "hi!Ab\n");
}

/* The keyboard's arrows and editing keys type Linux's console sequences
 * (read as data here: canonical mode keeps them in the line). */
static int case_ps2_arrows(void)
{
	feed("\x01" "c"
	     "sendkey up\nsendkey down\nsendkey right\nsendkey left\nsendkey home\n"
	     "sendkey delete\nsendkey end\nsendkey ret\n"
	     "\x01" "c");
	return reads(100, "\x1b[A\x1b[B\x1b[C\x1b[D\x1b[1~\x1b[3~\x1b[4~\n");
}

static int case_echo(void)
{
	feed("echo-me\n");                    /* the harness finds the echo in the log */
	return reads(100, "echo-me\n");
}

static int case_efault_before_blocking(void)
{
	/* Nothing is typed: a read that blocked would hang the suite. */
	errno = 0;
	long a = read(0, (void *)8, 16);
	int ea = errno;
	errno = 0;
	long b = read(0, (void *)0xffff800000000000UL, 16);
	return a == -1 && ea == EFAULT && b == -1 && errno == EFAULT;
}

static void read_with_handler(void)
{
	char buf[64];

	set_handler(SIGINT, on_sigint, 0);
	long n = read(0, buf, sizeof(buf));
	_exit(n == -1 && errno == EINTR && caught == SIGINT ? 0 : 1);
}

static int case_ctrl_c_interrupts_read(void)
{
	int s = ctrl_c_at(read_with_handler, 'S');
	return WIFEXITED(s) && WEXITSTATUS(s) == 0;
}

static void read_plain(void)
{
	char buf[64];

	read(0, buf, sizeof(buf));
}

static int case_ctrl_c_kills_reader(void)
{
	int s = ctrl_c_at(read_plain, 'S');
	return WIFSIGNALED(s) && WTERMSIG(s) == SIGINT;
}

static void spin(void)
{
	for (;;)
		__asm__ volatile("" ::: "memory");
}

static int case_ctrl_c_kills_spinner(void)
{
	int s = ctrl_c_at(spin, 0);
	return WIFSIGNALED(s) && WTERMSIG(s) == SIGINT;
}

static int case_ctrl_c_discards_input(void)
{
	set_handler(SIGINT, NULL, SIG_IGN);
	feed("stale\x03" "fresh\n");
	return reads(100, "fresh\n");
}

/* Start fn in a child with a process group of its own, which becomes the
 * console's foreground group once the child runs. */
static pid_t start_in_front(void (*fn)(void))
{
	int ready[2];
	char c;
	pid_t pid;

	set_handler(SIGINT, NULL, SIG_IGN);   /* this process stays */
	set_handler(SIGTTOU, NULL, SIG_IGN);  /* and may take the terminal back */
	if (syscall(SYS_pipe, ready) < 0)
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		set_handler(SIGINT, NULL, SIG_DFL);
		set_handler(SIGTTOU, NULL, SIG_DFL);
		setpgid(0, 0);
		read(ready[0], &c, 1);        /* until it is in front */
		fn();
		_exit(99);
	}
	setpgid(pid, pid);                    /* (both: whichever runs first) */
	tcsetpgrp(0, pid);
	write(ready[1], "r", 1);
	return pid;
}

/* Take the foreground back for this process's group. */
static int back_in_front(void)
{
	return tcsetpgrp(0, getpgrp()) == 0 && tcgetpgrp(0) == getpgrp();
}

/* Only the foreground group gets Ctrl-C: a sibling in this group stays. */
static int case_ctrl_c_foreground_only(void)
{
	pid_t other;

	set_handler(SIGINT, NULL, SIG_IGN);
	fflush(stdout);
	if ((other = fork()) == 0) {
		set_handler(SIGINT, NULL, SIG_DFL);   /* would die of it */
		for (;;)
			pause();
	}
	pid_t front = start_in_front(spin);
	while (state_of(front) != 'R')
		syscall(SYS_sched_yield);
	feed("\x03");
	int s = -1, ok;
	waitpid(front, &s, 0);
	ok = WIFSIGNALED(s) && WTERMSIG(s) == SIGINT;
	ok &= back_in_front();
	ok &= state_of(other) == 'S';         /* the background sibling did not get it */
	syscall(SYS_kill, other, SIGKILL);
	waitpid(other, &s, 0);
	return ok;
}

/* Ctrl-Z stops the foreground group (SIGTSTP), Ctrl-\ ends it (SIGQUIT). */
static int case_ctrl_z_stops(void)
{
	int s = -1, ok;
	pid_t front = start_in_front(read_plain);

	while (state_of(front) != 'S')
		syscall(SYS_sched_yield);
	feed("\x1a");
	ok = waitpid(front, &s, WUNTRACED) == front && WIFSTOPPED(s) && WSTOPSIG(s) == SIGTSTP;
	ok &= state_of(front) == 'T';
	syscall(SYS_kill, front, SIGCONT);                 /* it goes on reading */
	ok &= waitpid(front, &s, WCONTINUED) == front && WIFCONTINUED(s);
	feed("\x1c");
	ok &= waitpid(front, &s, 0) == front && WIFSIGNALED(s) && WTERMSIG(s) == SIGQUIT;
	return ok & back_in_front();
}

/* A job started in the background that reads stops on SIGTTIN; put in
 * front and continued (a shell's fg), its read goes on and gets the line. */
static int case_background_reader_fg(void)
{
	int s = -1, ok;
	char buf[64];
	pid_t job;

	set_handler(SIGTTOU, NULL, SIG_IGN);
	fflush(stdout);
	if ((job = fork()) == 0) {
		setpgid(0, 0);                /* a group of its own, not in front */
		long n = read(0, buf, sizeof(buf));
		_exit(n == 6 && !memcmp(buf, "later\n", 6) ? 0 : 1);
	}
	setpgid(job, job);
	ok = waitpid(job, &s, WUNTRACED) == job && WIFSTOPPED(s) && WSTOPSIG(s) == SIGTTIN;
	tcsetpgrp(0, job);
	syscall(SYS_kill, -job, SIGCONT);
	ok &= waitpid(job, &s, WCONTINUED) == job && WIFCONTINUED(s);
	while (state_of(job) != 'S')
		syscall(SYS_sched_yield);
	feed("later\n");
	ok &= waitpid(job, &s, 0) == job && WIFEXITED(s) && WEXITSTATUS(s) == 0;
	return ok & back_in_front();
}

/* Non-canonical input, as busybox's line editing sets it up. */
static int case_raw_mode(void)
{
	struct termios old, t;
	char buf[16];
	int ok = 1;
	long n = 0;

	if (tcgetattr(0, &old) < 0)
		return 0;
	t = old;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1, t.c_cc[VTIME] = 0;
	tcsetattr(0, TCSANOW, &t);
	feed("ab\x7f\x15\x04");               /* no editing, no end of file: data */
	while (n < 5) {
		long r = read(0, buf + n, sizeof(buf) - n);
		if (r <= 0)
			break;
		n += r;
	}
	ok &= n == 5 && !memcmp(buf, "ab\x7f\x15\x04", 5);
	t.c_cc[VMIN] = 3;                     /* a read waits for three bytes */
	tcsetattr(0, TCSANOW, &t);
	feed("xyz");
	ok &= reads(10, "xyz");
	t.c_cc[VMIN] = 0;                     /* never waits */
	tcsetattr(0, TCSANOW, &t);
	ok &= read(0, buf, sizeof(buf)) == 0;
	t.c_cc[VTIME] = 2;                    /* waits 0.2 s for a byte */
	tcsetattr(0, TCSANOW, &t);
	ok &= read(0, buf, sizeof(buf)) == 0;
	tcsetattr(0, TCSAFLUSH, &old);
	feed("canon\n");                      /* canonical again */
	return ok & reads(100, "canon\n");
}

static const struct {
	int (*fn)(void);
	const char *name;
} cases[] = {
	{ case_backspace, "backspace (DEL) erases a character; BS is data" },
	{ case_kill_line, "Ctrl-U erases the line" },
	{ case_erase_word, "Ctrl-W erases a word" },
	{ case_cr_is_newline, "CR ends a line as LF" },
	{ case_one_line_per_read, "a read returns at most one line" },
	{ case_short_reads, "a short read leaves the rest of the line" },
	{ case_poll_waits_for_a_line, "poll and select: readable once a line is complete, woken by typing" },
	{ case_other_controls_are_data, "other control characters are data" },
	{ case_eof_at_line_start, "Ctrl-D at the start of a line: end of file" },
	{ case_eof_mid_line_ends_it, "Ctrl-D after text ends the line without itself" },
	{ case_eof_mark_not_a_false_eof, "Ctrl-D after a line read whole gives no false end of file" },
	{ case_echo, "typed characters are echoed" },
	{ case_ps2_keyboard, "the PS/2 keyboard types (shift, caps lock, ctrl)" },
	{ case_ps2_arrows, "the PS/2 keyboard's arrows and editing keys type ESC [ A ... ESC [ 4 ~" },
	{ case_efault_before_blocking, "a bad buffer gives EFAULT before blocking" },
	{ case_ctrl_c_interrupts_read, "Ctrl-C: SIGINT interrupts a blocked read (EINTR, handler ran)" },
	{ case_ctrl_c_kills_reader, "Ctrl-C: SIGINT ends a reader without a handler" },
	{ case_ctrl_c_kills_spinner, "Ctrl-C: SIGINT ends a process spinning in user mode" },
	{ case_ctrl_c_discards_input, "Ctrl-C discards the typed input" },
	{ case_ctrl_c_foreground_only, "Ctrl-C: only the foreground process group gets SIGINT" },
	{ case_ctrl_z_stops, "Ctrl-Z stops the foreground group (SIGTSTP), SIGCONT goes on, Ctrl-\\ quits" },
	{ case_background_reader_fg, "a background reader stops (SIGTTIN); in front and continued, it reads" },
	{ case_raw_mode, "raw mode (no ICANON, no ECHO): bytes as typed, VMIN and VTIME" },
};

int main(void)
{
	int n = sizeof(cases) / sizeof(cases[0]), failed = 0;

	printf("1..%d\n", n);
	for (int i = 0; i < n; i++) {
		int status = -1;
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			int pass = cases[i].fn();
			fflush(stdout);
			_exit(pass ? 0 : 1);
		}
		waitpid(pid, &status, 0);
		int ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
		if (!ok && WIFSIGNALED(status))
			printf("# killed by signal %d\n", WTERMSIG(status));
		printf("%sok %d - %s\n", ok ? "" : "not ", i + 1, cases[i].name);
		failed += !ok;
	}
	printf("ttytest: %d passed, %d failed\n", n - failed, failed);
	return failed != 0;
}
