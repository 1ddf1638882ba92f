/*
 * klog.c - the kernel log ring (lib/klog.h). Positions count every byte
 * ever written; byte pos lives at ring[pos % KLOG_SIZE] while
 * pos >= head - KLOG_SIZE. Readers that fall behind skip to the next whole
 * line still held.
 */
#include "api/errno.h"
#include "kernel.h"
#include "lib/fmt.h"
#include "lib/klog.h"
#include "proc.h"
#include "time/clock.h"
#include "uaccess.h"

static char ring[KLOG_SIZE];
static uint64_t head;                    /* the next byte's position */
static uint64_t first;                   /* where read_all starts (klog_clear) */
static uint64_t rd;                      /* where klog_read goes on */
static bool mid_line;                    /* the last byte was not a newline */

static void put(char c) { ring[head++ % KLOG_SIZE] = c; }

/* The start of a line's record: level 6 and the time since boot (0 before
 * the clocks run). */
static void prefix(void)
{
	uint64_t ns = vvar ? clock_monotonic_ns() : 0;
	char p[40];
	int n = fmt_snprintf(p, sizeof(p), "<6>[%5lu.%06lu] ", (unsigned long)(ns / 1000000000),
			     (unsigned long)(ns % 1000000000 / 1000));

	for (int i = 0; i < n && i < (int)sizeof(p) - 1; i++)
		put(p[i]);
}

void klog_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!mid_line)
			prefix();
		put(s[i]);
		mid_line = s[i] != '\n';
	}
}

/* The first line start at or after pos among the bytes still held. */
static uint64_t line_start(uint64_t pos)
{
	uint64_t oldest = head > KLOG_SIZE ? head - KLOG_SIZE : 0;

	if (pos < oldest)
		pos = oldest;
	if (pos == 0 || (pos > oldest && ring[(pos - 1) % KLOG_SIZE] == '\n'))
		return pos;
	while (pos < head && ring[pos++ % KLOG_SIZE] != '\n')
		;
	return pos;
}

/* Where a reader at pos goes on: pos, or the first whole line still held
 * when the ring has overwritten pos. */
static uint64_t held(uint64_t pos)
{
	return head > KLOG_SIZE && pos < head - KLOG_SIZE ? line_start(pos) : pos;
}

/* Copy [from, from + n) to u, in the two pieces a wrap makes. */
static long copy_out(void *u, uint64_t from, size_t n)
{
	size_t at = from % KLOG_SIZE, one = n < KLOG_SIZE - at ? n : KLOG_SIZE - at;

	if (copy_to_user(u, ring + at, one) < 0 || copy_to_user((char *)u + one, ring, n - one) < 0)
		return -EFAULT;
	return n;
}

long klog_read_all(void *u, size_t len)
{
	uint64_t from = first;

	if (head - from > len)
		from = head - len;
	from = line_start(from);
	return copy_out(u, from, head - from);
}

void klog_clear(void) { first = head; }

long klog_read(void *u, size_t len)
{
	uint64_t n;
	long r;

	rd = held(rd);
	n = head - rd < len ? head - rd : len;
	if ((r = copy_out(u, rd, n)) > 0)
		rd += n;
	return r;
}

uint64_t klog_unread(void) { return head - held(rd); }
