/*
 * tty.c - /dev/console: writes go to the serial port and the framebuffer;
 * reads take edited lines from the line discipline (ldisc.c). Input comes
 * from COM1 and the PS/2 keyboard by interrupt (IRQ 4 and 1 through the
 * IOAPIC); with no IOAPIC the timer polls them instead (tty_poll).
 */
#include "api/errno.h"
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

	while (done < n) {
		size_t c = n - done < CHUNK ? n - done : CHUNK;
		size_t got = copy_from_user_upto(buf, u + done, c);
		console_write(buf, got);
		done += got;
		if (got < c)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

long tty_write_kernel(const char *buf, size_t n)
{
	console_write(buf, n);
	return n;
}

/* Read a line, or -EAGAIN when none is complete and nonblock. */
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
	if (n == 0)
		return 0;
	if (nonblock && !ldisc_ready())
		return -EAGAIN;
	return ldisc_read(buf, n < CHUNK ? n : CHUNK);
}
long tty_read_user_nonblock(char *u, size_t n) { return tty_read(u, n, true); }

/*
 * The settings the line discipline keeps, which are Linux's defaults
 * for a new tty (its tty_std_termios): canonical input with echo and
 * signals, CR read as NL, NL written as CR NL. They are fixed: TCSETS
 * and its kin take a struct termios and change nothing (docs/abi.md).
 */
static const struct termios std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = { [VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025, [VEOF] = 004,
		  [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023, [VSUSP] = 032, [VREPRINT] = 022,
		  [VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026 },
};

/* The size programs are told. A serial line has no size of its own:
 * 80x25, the text console's, until someone sets another (TIOCSWINSZ, as
 * `stty rows`; the terminal only keeps it, as Linux's does). */
static struct winsize console_size = { .ws_row = 25, .ws_col = 80 };

long tty_ioctl(uint32_t cmd, uint64_t uarg)
{
	struct termios t;
	struct winsize w;

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)uarg, &std_termios, sizeof(std_termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return copy_from_user(&t, (const void *)uarg, sizeof(t));
	case TIOCGWINSZ:
		return copy_to_user((void *)uarg, &console_size, sizeof(console_size));
	case TIOCSWINSZ:
		if (copy_from_user(&w, (const void *)uarg, sizeof(w)) < 0)
			return -EFAULT;                  /* a half-copied size must not land */
		console_size = w;
		return 0;
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
		/* No sessions yet, so this is nobody's controlling terminal:
		 * Linux's answer for a terminal that is not the caller's. */
		return -ENOTTY;
	default:
		return -ENOTTY;
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

