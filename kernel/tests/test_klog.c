/*
 * test_klog.c - host tests for lib/klog.c: the kernel log ring's record
 * format, whole lines for readers, clearing, reading, and wrapping.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "lib/klog.h"

/* What klog.c uses of the kernel: the clock (and the vvar page it needs)
 * and the copy to user memory, which here faults for the address 1. */
static char vvar_page;
struct vvar *vvar;
static uint64_t now_ns;
uint64_t clock_monotonic_ns(void) { return now_ns; }
long copy_to_user(void *u, const void *src, size_t n)
{
	if (u == (void *)1)
		return -14;
	memcpy(u, src, n);
	return 0;
}

static char out[KLOG_SIZE + 1];

/* read_all into out, NUL-terminated: the count. */
static long all(size_t len)
{
	long n = klog_read_all(out, len);

	out[n > 0 ? n : 0] = 0;
	return n;
}

static void say(const char *s) { klog_write(s, strlen(s)); }

int main(void)
{
	/* Before the clocks run the time is 0; a line's pieces make one record. */
	say("hello\n");
	say("wor");
	say("ld\n");
	CHECK_EQ(all(KLOG_SIZE), 48);
	CHECK_STR(out, "<6>[    0.000000] hello\n<6>[    0.000000] world\n");
	vvar = (struct vvar *)&vvar_page;
	now_ns = 1234567890;
	say("later\n");
	/* A short buffer gets the newest whole lines that fit. */
	CHECK_EQ(all(30), 24);
	CHECK_STR(out, "<6>[    1.234567] later\n");
	CHECK_EQ(all(23), 0);
	CHECK_EQ(klog_read_all((void *)1, 100), -14);
	/* klog_read takes unread bytes, once. */
	CHECK_EQ(klog_unread(), 72);
	CHECK_EQ(klog_read(out, 10), 10);
	CHECK(memcmp(out, "<6>[    0.", 10) == 0);
	CHECK_EQ(klog_unread(), 62);
	CHECK_EQ(klog_read(out, 100), 62);
	CHECK_EQ(klog_unread(), 0);
	CHECK_EQ(klog_read(out, 100), 0);
	/* Clearing: read_all starts after what is there now. */
	klog_clear();
	CHECK_EQ(all(KLOG_SIZE), 0);
	say("after\n");
	CHECK_STR((all(KLOG_SIZE), out), "<6>[    1.234567] after\n");
	/* Wrapping: 3000 lines of 23 bytes; the reader gets whole lines only. */
	now_ns = 0;
	for (int i = 0; i < 3000; i++)
		say("line\n");                    /* "<6>[    0.000000] line\n": 23 bytes */
	long n = all(KLOG_SIZE);
	CHECK(n <= KLOG_SIZE && n > KLOG_SIZE - 23);
	CHECK_EQ(n % 23, 0);
	CHECK(memcmp(out, "<6>[    0.000000] line\n", 23) == 0 && out[n - 1] == '\n');
	/* klog_read fell behind: it goes on at a whole line too. */
	CHECK_EQ(klog_unread(), (uint64_t)n);
	return check_done();
}
