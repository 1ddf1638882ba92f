/*
 * test_ldisc.c - host tests for dev/ldisc.c (with console.c's column
 * keeping): what the echo draws for erasing tabs and control characters,
 * the edit line typed again after other output, Ctrl-C's targets, a full
 * ring, and the Ctrl-D rules. The guest suite (apps/ttytest) covers the
 * same discipline end to end, with real input.
 */
#include <string.h>

#include "check.h"
#include "api/errno.h"
#include "dev/tty.h"
#include "kernel.h"
#include "proc.h"

/* What reached the "serial port", since the last take(). */
static char out[8192];
static size_t outlen;

void serial_write(const char *s, size_t n)
{
	memcpy(out + outlen, s, n);
	outlen += n;
}

void fbcon_write(const char *s, size_t n) { (void)s, (void)n; }

static const char *take(void)
{
	out[outlen] = 0;
	outlen = 0;
	return out;
}

struct proc procs[NPROC];
static int sigint_to[NPROC], wakeups;

void signal_send_from(struct proc *p, int sig, int sender)
{
	if (sig == SIGINT && sender == 0)
		sigint_to[p - procs]++;
}

void wakeup(const void *chan) { (void)chan, wakeups++; }
int sleep_on(const void *chan, uint64_t deadline) { (void)chan, (void)deadline; return -EINTR; }

static void type(const char *s)
{
	for (; *s; s++)
		ldisc_input((unsigned char)*s);
}

/* One read of at most n bytes, as a C string ("<-N>" for an error). */
static const char *rd(size_t n)
{
	static char buf[2048];
	long got = ldisc_read(buf, n);

	if (got < 0)
		snprintf(buf, sizeof(buf), "<%ld>", got);
	else
		buf[got] = 0;
	return buf;
}

static void test_erase_widths(void)
{
	console_write("$ ", 2);              /* a prompt: the line starts at column 2 */
	take();
	type("ab\tc\x02");
	CHECK_STR(take(), "ab\tc^B");
	type("\x7f");                          /* ^B took two columns */
	CHECK_STR(take(), "\b \b\b \b");
	type("\x7f");
	CHECK_STR(take(), "\b \b");
	type("\x7f");                          /* the tab went from column 4 to 8 */
	CHECK_STR(take(), "\b\b\b\b");
	type("\x15");                          /* Ctrl-U: the rest */
	CHECK_STR(take(), "\b \b\b \b");
	type("\x7f");                          /* nothing left: nothing drawn */
	CHECK_STR(take(), "");
	type("ok\r");
	CHECK_STR(take(), "ok\n");
	CHECK_STR(rd(100), "ok\n");
}

static void test_retype_after_output(void)
{
	type("ls -");
	take();
	kprintf("kernel: a message\n");       /* lands after the partial line */
	take();
	type("l");                             /* the line comes back, on a line of its own */
	CHECK_STR(take(), "ls -l");
	console_write("no newline", 10);
	take();
	type("\x7f");
	CHECK_STR(take(), "\nls -l\b \b");
	type("\x12");                          /* Ctrl-R types it again on request */
	CHECK_STR(take(), "^R\nls -");
	type("\n");
	CHECK_STR(rd(100), "ls -\n");
	take();
}

static void test_ctrl_c(void)
{
	procs[0] = (struct proc){ .pid = 1, .state = P_BLOCKED };
	procs[1] = (struct proc){ .pid = 2, .state = P_RUNNING };
	procs[2] = (struct proc){ .pid = 3, .state = P_ZOMBIE };
	procs[3] = (struct proc){ .pid = 4, .state = P_BLOCKED };
	type("done\nhalf");
	type("\x03");
	CHECK_STR(take(), "done\nhalf^C\n");
	CHECK_EQ(sigint_to[0], 0);             /* init is spared */
	CHECK_EQ(sigint_to[1], 1);
	CHECK_EQ(sigint_to[2], 0);             /* a zombie gets nothing */
	CHECK_EQ(sigint_to[3], 1);
	CHECK_EQ(sigint_to[4], 0);             /* nor a free slot */
	type("x\n");                           /* unread input went with the ^C */
	CHECK_STR(rd(100), "x\n");
	memset(procs, 0, sizeof(procs));
	take();
}

static void test_eof(void)
{
	type("\x04");
	CHECK_STR(rd(100), "");
	type("abc\x04" "def\x04");
	CHECK_STR(rd(3), "abc");               /* ...and the mark goes with it */
	CHECK_STR(rd(100), "def");
	CHECK_STR(rd(100), "<-4>");            /* nothing left: would sleep (-EINTR here) */
	CHECK_STR(take(), "abcdef");           /* ^D is not echoed */
}

static void test_full_ring(void)
{
	int before = wakeups;

	for (int i = 0; i < 2000; i++)
		ldisc_input('x');
	ldisc_input('\n');                     /* a line's end always fits */
	CHECK_EQ(wakeups, before + 1);
	const char *s = rd(2000);
	CHECK_EQ(strlen(s), 1024);
	CHECK(s[1022] == 'x' && s[1023] == '\n');
	take();
}

int main(void)
{
	test_erase_widths();
	test_retype_after_output();
	test_ctrl_c();
	test_eof();
	test_full_ring();
	return check_done();
}
