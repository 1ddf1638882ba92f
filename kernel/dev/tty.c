/*
 * tty.c - /dev/console: writes go to the serial port and the framebuffer;
 * reads take edited lines from the line discipline (ldisc.c). Input comes
 * from COM1 and the PS/2 keyboard by interrupt (IRQ 4 and 1 through the
 * IOAPIC); with no IOAPIC the timer polls them instead (tty_poll).
 */
#include "api/errno.h"
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

long tty_read_user(char *u, size_t n)
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
	got = ldisc_read(kbuf, n);
	if (got <= 0)
		return got;
	return copy_to_user(u, kbuf, got) < 0 ? -EFAULT : got;
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

