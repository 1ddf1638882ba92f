/*
 * tty.c - /dev/console: writes go to the serial port and the framebuffer;
 * reads take input from the line discipline (ldisc.c), which the ioctls
 * here set up (termios); tty_job.c is the job control. Input comes
 * from COM1 and the PS/2 keyboard by interrupt (IRQ 4 and 1 through the
 * IOAPIC); with no IOAPIC the timer polls them instead (tty_poll).
 */
#include "api/errno.h"
#include "api/signal.h"
#include "api/termios.h"
#include "arch/irq.h"
#include "dev/tty.h"
#include "kernel.h"
#include "time/timer.h"
#include "uaccess.h"

#define CHUNK 256

static bool irq_driven, have_kbd;

long tty_write_user(const char *u, size_t n)
{
	char buf[CHUNK];
	size_t done = 0;
	long r;

	if ((r = tty_check_write()) < 0)
		return r;                         /* TOSTOP, from the background */
	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_from_user_upto(buf, u + done, c);
		ldisc_output(buf, got);
		done += got;
		if (got < c)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

long tty_write_kernel(const char *buf, size_t n)
{
	ldisc_output(buf, n);
	return n;
}

/* Read what the line discipline gives, or -EAGAIN when it has nothing
 * and nonblock. */
static long tty_read(char *u, size_t n, bool nonblock)
{
	char kbuf[CHUNK];
	long got;

	if (n > CHUNK)
		n = CHUNK;
	/* Fail before waiting: nobody should block on a read that cannot land. */
	if (!user_writable((uint64_t)u, n))
		return -EFAULT;
	if (n == 0)
		return 0;
	if ((got = tty_check_read()) < 0)
		return got;                       /* a background reader */
	if (nonblock && !ldisc_ready())
		return -EAGAIN;
	got = ldisc_read(kbuf, n);
	if (got <= 0)
		return got;
	return copy_to_user(u, kbuf, got) < 0 ? -EFAULT : got;
}

long tty_read_user(char *u, size_t n) { return tty_read(u, n, false); }

long tty_read_kernel(char *buf, size_t n, bool nonblock)
{
	long r;

	if (n == 0)
		return 0;
	if ((r = tty_check_read()) < 0)
		return r;
	if (nonblock && !ldisc_ready())
		return -EAGAIN;
	return ldisc_read(buf, n < CHUNK ? n : CHUNK);
}
long tty_read_user_nonblock(char *u, size_t n) { return tty_read(u, n, true); }

/* The size programs are told. A serial line has no size of its own:
 * 80x25, the text console's, until someone sets another (TIOCSWINSZ, as
 * `stty rows`; the terminal only keeps it, as Linux's does, and tells
 * the foreground group of a change by SIGWINCH). */
static struct winsize console_size = { .ws_row = 25, .ws_col = 80 };

/* TCSETS, TCSETSW, TCSETSF: new settings (no output waits to drain:
 * writes are synchronous); TCSETSF drops the unread input first. */
static long set_termios(uint32_t cmd, const struct termios *u)
{
	struct termios t;
	long r;

	if ((r = tty_check_change()) < 0)
		return r;
	if (copy_from_user(&t, u, sizeof(t)) < 0)
		return -EFAULT;
	if (cmd == TCSETSF)
		ldisc_flush();
	ldisc_set_termios(&t);
	return 0;
}

long tty_ioctl(uint32_t cmd, uint64_t uarg)
{
	struct termios t;
	struct winsize w;
	int n;
	long r;

	switch (cmd) {
	case TCGETS:
		ldisc_get_termios(&t);
		return copy_to_user((void *)uarg, &t, sizeof(t));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(cmd, (const struct termios *)uarg);
	case TCFLSH:                              /* output is never queued: only input to drop */
		if (uarg > TCIOFLUSH)
			return -EINVAL;
		if ((r = tty_check_change()) < 0)
			return r;
		if (uarg != TCOFLUSH)
			ldisc_flush();
		return 0;
	case TCXONC:                              /* nothing is queued to suspend: accepted */
		if (uarg > TCION)
			return -EINVAL;
		return tty_check_change();
	case FIONREAD:
		n = ldisc_avail();
		return copy_to_user((void *)uarg, &n, sizeof(n));
	case TIOCOUTQ:
		n = 0;
		return copy_to_user((void *)uarg, &n, sizeof(n));
	case TIOCGWINSZ:
		return copy_to_user((void *)uarg, &console_size, sizeof(console_size));
	case TIOCSWINSZ:
		if (copy_from_user(&w, (const void *)uarg, sizeof(w)) < 0)
			return -EFAULT;                  /* a half-copied size must not land */
		if (memcmp(&w, &console_size, sizeof(w))) {
			console_size = w;
			tty_signal_fg(SIGWINCH);
		}
		return 0;
	default:
		return tty_job_ioctl(cmd, uarg);  /* process groups, sessions */
	}
}

/* At most this many bytes per interrupt or tick, so hardware that never
 * stops reporting data cannot hold the kernel. */
#define DRAIN_MAX 64

/* IRQ 4: the bytes COM1 holds (reading them clears the interrupt). */
static void com1_intr(void)
{
	int c;

	for (int i = 0; i < DRAIN_MAX && (c = serial_getc()) >= 0; i++)
		ldisc_input(c);
}

/* IRQ 1: the keys the controller holds. */
static void kbd_intr(void)
{
	int c;

	for (int i = 0; i < DRAIN_MAX && (c = kbd_getc()) >= 0; i++)
		ldisc_input(c);
}

/* With no IOAPIC to interrupt us, a timer tick handler: look for input. */
static void tty_poll(struct trap_frame *tf)
{
	com1_intr();
	if (have_kbd)
		kbd_intr();
}

void tty_init(void)
{
	have_kbd = kbd_init();
	if (irq_init() && irq_route(IRQ_COM1, com1_intr)) {
		serial_irq_enable();
		irq_driven = true;
		if (have_kbd)
			irq_route(IRQ_KBD, kbd_intr);
	}
	if (!irq_driven)
		timer_hook_add(tty_poll);
	kprintf("tty: console input from COM1%s, %s\n", have_kbd ? " and the PS/2 keyboard" : "",
		irq_driven ? "by interrupt" : "polled on the timer");
}

