/* console.c - kprintf: format once, write to the serial port, the screen
 * and the kernel log (lib/klog.h). */
#include "arch/cpu.h"
#include "kernel.h"
#include "lib/fmt.h"
#include "lib/klog.h"
#include "lock.h"

/* One kprintf at a time, so lines from several CPUs do not mix; a panic
 * turns it off (console_unlocked), as the CPUs it stops may hold it. */
static struct spinlock console_lock = SPINLOCK_INIT("console_lock", 2);
volatile bool console_unlocked = true;   /* until this CPU's GS area exists (main.c) */

uint64_t console_writes;
static unsigned column;

/* Keep the column: where the next byte lands. */
static void track(const char *s, size_t n)
{
	console_writes++;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			column = 0;
		else if (s[i] == '\b')
			column -= column > 0;
		else if (s[i] == '\t')
			column = (column + 8) & ~7u;
		else
			column++;
	}
}

void console_write(const char *s, size_t n)
{
	serial_write(s, n);
	fbcon_write(s, n);
	track(s, n);
}

void console_write_raw(const char *s, size_t n)
{
	serial_write_raw(s, n);
	fbcon_write(s, n);
	track(s, n);
}

unsigned console_column(void) { return column; }

static void sink(void *ctx, const char *s, size_t n)
{
	console_write(s, n);
	klog_write(s, n);
}

int kvprintf(const char *fmt, va_list ap)
{
	bool lock = !console_unlocked;
	uint64_t flags = read_rflags();
	int n;

	if (lock) {
		cli();                            /* no interrupt (and its locks) while we hold it */
		spin_lock(&console_lock);
	}
	n = fmt_vformat(sink, NULL, fmt, ap);
	if (lock) {
		spin_unlock(&console_lock);
		if (flags & RFLAGS_IF)
			sti();
	}
	return n;
}

int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}
