/*
 * test_ldisc.c - host tests for dev/ldisc.c (with console.c's column
 * keeping and ldisc_rules.c): what the echo draws for erasing tabs and
 * control characters, the edit line typed again after other output,
 * Ctrl-C and Ctrl-Z to the foreground group, a full ring, the Ctrl-D
 * rules, and the modes TCSETS sets (raw reads, no echo, ONLCR off). The guest suite (apps/ttytest) covers the
 * same discipline end to end, with real input.
 */
#include <string.h>

#include "check.h"
#include "api/errno.h"
#include "api/termios.h"
#include "dev/tty.h"
#include "kernel.h"
#include "lock.h"
#include "proc.h"

/* What reached the "serial port", since the last take(). */
static char out[8192];
static size_t outlen;

void serial_write(const char *s, size_t n)
{
	memcpy(out + outlen, s, n);
	outlen += n;
}

void serial_write_raw(const char *s, size_t n) { serial_write(s, n); }
void fbcon_write(const char *s, size_t n) { (void)s, (void)n; }
void klog_write(const char *s, size_t n) { (void)s, (void)n; }
uint64_t clock_monotonic_ns(void) { return 0; }
void spin_lock(struct spinlock *l) { (void)l; }     /* one thread here: console.c's lock is a no-op */
void spin_unlock(struct spinlock *l) { (void)l; }

static const char *take(void)
{
	out[outlen] = 0;
	outlen = 0;
	return out;
}

struct proc procs[NPROC];
static int fg_got[NSIG + 1], wakeups;

void tty_signal_fg(int sig) { fg_got[sig]++; }
long tty_check_read(void) { return 0; }   /* always the foreground here */

void wakeup(const void *chan) { (void)chan, wakeups++; }
static const char *typed_while_asleep;  /* a sleeping reader wakes to this input */
static void type(const char *s);

int sleep_on(const void *chan, uint64_t deadline)
{
	const char *s = typed_while_asleep;

	(void)chan, (void)deadline;
	if (!s)
		return -EINTR;
	typed_while_asleep = NULL;
	type(s);
	return 0;
}

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
	CHECK_STR(take(), "ok\r\n");          /* ONLCR: the echoed NL is CR NL */
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
	CHECK_STR(take(), "\r\nls -l\b \b");
	type("\x12");                          /* Ctrl-R types it again on request */
	CHECK_STR(take(), "^R\r\nls -");
	type("\n");
	CHECK_STR(rd(100), "ls -\n");
	take();
}

static void test_ctrl_c(void)
{
	type("done\nhalf");
	type("\x03");
	CHECK_STR(take(), "done\r\nhalf^C");   /* no NL of its own, as Linux */
	CHECK_EQ(fg_got[SIGINT], 1);           /* to the foreground group (tty_job.c) */
	type("x\n");                           /* unread input went with the ^C */
	CHECK_STR(rd(100), "x\n");
	type("\x1a\x1c");                      /* Ctrl-Z, Ctrl-backslash */
	CHECK_EQ(fg_got[SIGTSTP], 1);
	CHECK_EQ(fg_got[SIGQUIT], 1);
	CHECK_STR(take(), "x\r\n^Z^\\");
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

/* Set the terminal's flags: lflag bits off and on, VMIN, VTIME. */
static void mode(tcflag_t loff, tcflag_t lon, int vmin, int vtime)
{
	struct termios t;

	ldisc_get_termios(&t);
	t.c_lflag = (t.c_lflag & ~loff) | lon;
	t.c_cc[VMIN] = vmin, t.c_cc[VTIME] = vtime;
	ldisc_set_termios(&t);
}

static void test_raw(void)
{
	mode(ICANON | ECHO, 0, 1, 0);          /* as busybox's line editing */
	type("ab\x7f\x15");                    /* no editing: every byte is data */
	CHECK(ldisc_ready());
	CHECK_EQ(ldisc_avail(), 4);
	CHECK_STR(rd(2), "ab");
	CHECK_STR(rd(100), "\x7f\x15");
	CHECK_STR(take(), "");                 /* no echo */
	type("\r");                            /* ICRNL still maps */
	CHECK_STR(rd(100), "\n");
	type("\x04");                          /* no end of file: Ctrl-D is data */
	CHECK_STR(rd(100), "\x04");
	type("\x03");                          /* ISIG still on */
	CHECK_EQ(fg_got[SIGINT], 2);
	mode(0, 0, 3, 0);                      /* VMIN 3: a read waits for three */
	type("xy");
	typed_while_asleep = "zw";
	CHECK_STR(rd(100), "xyzw");            /* slept once for more */
	type("ab");
	CHECK_STR(rd(100), "ab");              /* interrupted: what came so far */
	mode(0, 0, 0, 0);                      /* VMIN 0, VTIME 0: never waits */
	CHECK(ldisc_ready());
	CHECK_STR(rd(100), "");
	mode(0, ECHO, 1, 0);
	type("q");
	CHECK_STR(take(), "q");                /* raw with ECHO: echoed as typed */
	CHECK_STR(rd(100), "q");
	mode(ISIG, 0, 1, 0);
	type("\x03");                          /* no ISIG: ^C is data */
	CHECK_EQ(fg_got[SIGINT], 2);
	CHECK_STR(rd(100), "\x03");
	mode(0, ICANON | ISIG, 1, 0);
	take();
}

static void test_echo_modes(void)
{
	mode(ECHO, ECHONL, 1, 0);              /* ECHO off, ECHONL: only the NL shows */
	type("secret\n");
	CHECK_STR(take(), "\r\n");
	CHECK_STR(rd(100), "secret\n");
	mode(ECHONL | ECHOCTL, ECHO, 1, 0);    /* no ECHOCTL: controls echo as themselves */
	type("a\x02\n");
	CHECK_STR(take(), "a\x02\r\n");
	CHECK_STR(rd(100), "a\x02\n");
	mode(ECHOE, ECHOCTL, 1, 0);            /* no ECHOE: erase shows the erase char */
	type("ab\x7f\n");
	CHECK_STR(take(), "ab^?\r\n");
	CHECK_STR(rd(100), "a\n");
	mode(ECHOKE, ECHOE, 1, 0);             /* ECHOK without ECHOKE: ^U and a NL */
	type("xy\x15z\n");
	CHECK_STR(take(), "xy^U\r\nz\r\n");
	CHECK_STR(rd(100), "z\n");
	mode(0, ECHOKE, 1, 0);
	type("a\x16\x03\x16\x7f\n");           /* Ctrl-V: the next byte is data */
	CHECK_STR(rd(100), "a\x03\x7f\n");
	CHECK_EQ(fg_got[SIGINT], 2);
	take();
	struct termios t;                      /* ONLCR off: a NL goes out alone */
	ldisc_get_termios(&t);
	t.c_oflag &= ~ONLCR;
	ldisc_set_termios(&t);
	ldisc_output("a\nb", 3);
	CHECK_STR(take(), "a\nb");
	t.c_oflag |= ONLCR;
	ldisc_set_termios(&t);
	ldisc_output("a\nb", 3);
	CHECK_STR(take(), "a\r\nb");
}

static void test_flush(void)
{
	type("line\npart");
	CHECK_EQ(ldisc_avail(), 5);
	ldisc_flush();
	CHECK(!ldisc_ready());
	type("new\n");
	CHECK_STR(rd(100), "new\n");
	take();
}

int main(void)
{
	test_erase_widths();
	test_retype_after_output();
	test_ctrl_c();
	test_eof();
	test_full_ring();
	test_raw();
	test_echo_modes();
	test_flush();
	return check_done();
}
