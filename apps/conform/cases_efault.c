/*
 * cases_efault.c - bad pointers give -EFAULT on every path and leave the
 * kernel unharmed: NULL, an unmapped hole, the kernel half, non-canonical
 * addresses, a buffer straddling the end of a mapping, a read-only page.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "conform.h"

#define PAGE 4096UL

struct bad {
	const char *what;
	unsigned long ptr;
	int writable_only;               /* bad only as a destination */
};

/* The list of bad pointers, with fresh mappings for the hole, the edge and
 * the read-only page. Returns how many. */
static int bad_pointers(struct bad *b)
{
	char *two = mmap(0, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *ro = mmap(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *hole = mmap(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int n = 0;

	munmap(two + PAGE, PAGE);        /* two's first page now ends a mapping */
	munmap(hole, PAGE);
	b[n++] = (struct bad){ "NULL", 0, 0 };
	b[n++] = (struct bad){ "unmapped hole", (unsigned long)hole, 0 };
	b[n++] = (struct bad){ "first kernel-half address", 0xffff800000000000UL, 0 };
	b[n++] = (struct bad){ "kernel text", 0xffffffff80000000UL, 0 };
	b[n++] = (struct bad){ "first non-canonical address", 0x0000800000000000UL, 0 };
	b[n++] = (struct bad){ "non-canonical", 0x8000000000000000UL, 0 };
	b[n++] = (struct bad){ "last byte of the address space", ~0UL, 0 };
	b[n++] = (struct bad){ "straddling a mapping's end", (unsigned long)two + PAGE - 8, 0 };
	b[n++] = (struct bad){ "read-only page", (unsigned long)ro, 1 };
	return n;
}

int case_efault_write(const struct path *P, struct transcript *t)
{
	struct bad b[16];
	int n = bad_pointers(b);

	for (int i = 0; i < n; i++) {
		if (b[i].writable_only)
			continue;
		long r = CALL3(P, SYS_write, 1, b[i].ptr, 16);
		EXPECT(t, P, r == -EFAULT);
		note(t, "write(%s)=%ld; ", b[i].what, r);
	}
	EXPECT(t, P, CALL3(P, SYS_write, 1, 0, 0) == 0);      /* nothing to read: fine */
	EXPECT(t, P, CALL3(P, SYS_write, 1, 0x1000, ~0UL) == -EFAULT);  /* length SIZE_MAX */
	return 0;
}

int case_efault_read(const struct path *P, struct transcript *t)
{
	struct bad b[16];
	int n = bad_pointers(b);

	for (int i = 0; i < n; i++) {
		long r = CALL3(P, SYS_read, 0, b[i].ptr, 16);
		EXPECT(t, P, r == -EFAULT);
		note(t, "read(%s)=%ld; ", b[i].what, r);
	}
	return 0;
}

int case_efault_clock_gettime(const struct path *P, struct transcript *t)
{
	struct bad b[16];
	int n = bad_pointers(b);

	for (int i = 0; i < n; i++) {
		long r = CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, b[i].ptr);
		EXPECT(t, P, r == -EFAULT);
		note(t, "clock_gettime(%s)=%ld; ", b[i].what, r);
	}
	/* An invalid clock is reported before the pointer is looked at. */
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, 12345, 0) == -EINVAL);
	return 0;
}

int case_efault_uname(const struct path *P, struct transcript *t)
{
	struct bad b[16];
	int n = bad_pointers(b);

	for (int i = 0; i < n; i++) {
		long r = CALL1(P, SYS_uname, b[i].ptr);
		EXPECT(t, P, r == -EFAULT);
		note(t, "uname(%s)=%ld; ", b[i].what, r);
	}
	return 0;
}

int case_efault_writev(const struct path *P, struct transcript *t)
{
	struct bad b[16];
	int n = bad_pointers(b);
	static char ok[] = "";

	for (int i = 0; i < n; i++) {
		if (b[i].writable_only)
			continue;
		struct iovec iov[2] = { { ok, 0 }, { (void *)b[i].ptr, 16 } };
		long r1 = CALL3(P, SYS_writev, 1, b[i].ptr, 1);      /* the array itself */
		long r2 = CALL3(P, SYS_writev, 1, iov, 2);           /* one element */
		EXPECT(t, P, r1 == -EFAULT && r2 == -EFAULT);
		note(t, "writev(%s)=%ld,%ld; ", b[i].what, r1, r2);
	}
	EXPECT(t, P, CALL3(P, SYS_writev, 1, 0, -1) == -EINVAL);
	EXPECT(t, P, CALL3(P, SYS_writev, 1, 0, 1025) == -EINVAL);
	return 0;
}
