/*
 * check.c - is a result possible for the call that gave it? Errors must
 * be numbers errno.h has (and never -ENOSYS from a call the kernel has);
 * anything else must be in the range the call's result class allows
 * (spec.c), and what a counting call wrote must lie inside what it
 * counted. And a call's description, for replaying it.
 */
#include <api/dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "fuzz.h"

#define USER_MIN 0x10000UL

int errno_known(long e)
{
	switch (e) {
#define ERRNO_CASE(name, value, text) case value:
	ERRNO_LIST(ERRNO_CASE)
#undef ERRNO_CASE
		return 1;
	}
	return 0;
}

/* trapdoor_args' digest: argument i rotated left by 8*i bits, xored. */
static uint64_t digest(const uint64_t *a)
{
	uint64_t d = 0;

	for (int i = 0; i < 6; i++)
		d ^= i ? a[i] << (8 * i) | a[i] >> (64 - 8 * i) : a[i];
	return d;
}

static int valid_fd(long fd) { return fd >= 0 && fd < FUZZ_NOFILE; }

/* The argument of kind k (its first), or -1. */
static int arg_of(const struct call *c, int k)
{
	for (int i = 0; i < c->sc->nargs; i++)
		if (c->sc->spec->arg[i] == k)
			return i;
	return -1;
}

/* n bytes of linux_dirent64 records at p: whole, aligned, NUL-terminated names. */
static const char *dirents_ok(const unsigned char *p, long n)
{
	const size_t hdr = offsetof(struct linux_dirent64, d_name);

	for (long off = 0; off < n;) {
		const struct linux_dirent64 *d = (const void *)(p + off);
		if (n - off < (long)hdr + 2 || d->d_reclen < hdr + 2 || d->d_reclen % 8 || d->d_reclen > n - off)
			return "a directory record that does not fit its length";
		if (!memchr(d->d_name, 0, d->d_reclen - hdr) || !d->d_name[0])
			return "a directory record without a name";
		off += d->d_reclen;
	}
	return 0;
}

const char *check_result(const struct call *c, long r)
{
	const struct spec *s = c->sc ? c->sc->spec : 0;
	int is_error = r < 0 && r >= -MAX_ERRNO;

	if (!c->sc)
		return r == -ENOSYS ? 0 : "a number the kernel lacks must answer -ENOSYS";
	if (r == -ENOSYS && !(s && (s->flags & F_OPS)))
		return "a call the kernel has answered -ENOSYS";
	if (!s)
		return is_error && !errno_known(-r) ? "an error number errno.h does not have" : 0;
	/* Results that may look like errors come first. */
	if (s->result == R_DIGEST)
		return (uint64_t)r == digest(c->a) ? 0 : "not the digest of the six arguments";
	if (s->result == R_BRK) {
		if (is_error)
			return "brk never fails: it answers the old break";
		return (uint64_t)r == c->a[0] || (uint64_t)r == W.brk0 ? 0 : "neither the break asked for nor the old one";
	}
	if (is_error)
		return errno_known(-r) ? 0 : "an error number errno.h does not have";
	if (r < 0)
		return "negative, but not an error number";
	switch (s->result) {
	case R_ZERO:
		return r == 0 ? 0 : "should be 0";
	case R_NEWFD:
		return valid_fd(r) ? 0 : "not a descriptor (0..63)";
	case R_FD:
		return r == (long)(uint32_t)c->a[1] && valid_fd(r) ? 0 : "not the descriptor asked for";
	case R_COUNT:
		return (uint64_t)r <= c->a[s->len_arg - 1] ? 0 : "more than the length given";
	case R_DIRENTS:
		if ((uint64_t)r > c->a[s->len_arg - 1])
			return "more than the length given";
		return dirents_ok((const unsigned char *)c->a[arg_of(c, K_OUT)], r);
	case R_CLOCK: {
		const struct timespec *t = (const struct timespec *)c->a[arg_of(c, K_OUT)];
		if (r != 0)
			return "should be 0";
		return !t || (t->tv_sec >= 0 && t->tv_nsec >= 0 && t->tv_nsec < 1000000000) ? 0 : "not a time";
	}
	case R_NONNEG:
		return 0;
	case R_SELF:
		return r == W.pid ? 0 : "not the caller's pid";
	case R_PARENT:
		return r == W.ppid ? 0 : "not the parent's pid";
	case R_CHILD:
		return r > 0 ? 0 : "not a pid";
	case R_ADDR:
		if ((r & (PAGE - 1)) || (uint64_t)r < USER_MIN || (uint64_t)r >= USER_END)
			return "not a page-aligned user address";
		if (c->sc->nargs > 3 && (c->a[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && (uint64_t)r != c->a[0])
			return "MAP_FIXED, but not at the address asked for";
		return 0;
	case R_REMAP:
		if ((r & (PAGE - 1)) || (uint64_t)r < USER_MIN || (uint64_t)r >= USER_END)
			return "not a page-aligned user address";
		return !(c->a[3] & MREMAP_FIXED) || (uint64_t)r == c->a[4] ? 0 : "MREMAP_FIXED, but not at the address asked for";
	case R_ERROR:
		return "should have failed";
	case R_PAIR: {
		const int *fd = (const int *)c->a[0];
		if (r != 0)
			return "should be 0";
		return valid_fd(fd[0]) && valid_fd(fd[1]) && fd[0] != fd[1] ? 0 : "not two new descriptors";
	}
	}
	return 0;
}

/* --- what the kernel wrote ------------------------------------------------------- */

#define CANARY 0xa5
#define WINDOW 64                         /* bytes checked before the destination */

/* The destination of a counting call, when it lies in buf: its argument index, else -1. */
static int counted_out(const struct call *c)
{
	if (!c->sc || !c->sc->spec || (c->sc->spec->result != R_COUNT && c->sc->spec->result != R_DIRENTS))
		return -1;
	for (int i = 0; i < c->sc->nargs; i++)
		if (c->sc->spec->arg[i] == K_OUT && c->a[i] >= W.buf && c->a[i] < W.buf_end)
			return i;
	return -1;
}

static uint64_t window_start(uint64_t p) { return p - W.buf < WINDOW ? W.buf : p - WINDOW; }

void canary_set(const struct call *c)
{
	int i = counted_out(c);

	if (i >= 0)
		memset((char *)window_start(c->a[i]), CANARY, W.buf_end - window_start(c->a[i]));
}

const char *canary_check(const struct call *c, long r)
{
	int i = counted_out(c);

	if (i < 0 || r < 0)
		return 0;
	const unsigned char *p = (const unsigned char *)c->a[i], *end = (const unsigned char *)W.buf_end;
	uint64_t written = (uint64_t)r * c->sc->spec->unit;
	for (const unsigned char *q = (const unsigned char *)window_start(c->a[i]); q < p; q++)
		if (*q != CANARY)
			return "wrote before the destination";
	if (written > W.buf_end - c->a[i])
		return 0;                        /* more than fits: check_result's business */
	for (const unsigned char *q = p + written; q < end; q++)
		if (*q != CANARY)
			return "wrote past what it counted";
	return 0;
}

/* Append to buf[size] at *n, never past its end. */
static void add(char *buf, int size, int *n, const char *fmt, ...)
{
	va_list ap;

	if (*n >= size - 1)
		return;
	va_start(ap, fmt);
	int k = vsnprintf(buf + *n, size - *n, fmt, ap);
	va_end(ap);
	*n += k < size - *n ? k : size - 1 - *n;
}

void describe(const struct call *c, char *buf, int size)
{
	int n = 0, nargs = c->sc ? c->sc->nargs : 6;

	buf[0] = '\0';
	if (c->sc)
		add(buf, size, &n, "%s(", c->sc->name);
	else
		add(buf, size, &n, "syscall 0x%lx(", (unsigned long)c->nr);
	for (int i = 0; i < nargs; i++) {
		int64_t v = c->a[i];
		/* Small numbers in decimal, the rest in hex, and what it is. */
		add(buf, size, &n, v > -100000 && v < 100000 ? "%s%ld" : "%s0x%lx", i ? ", " : "", (long)v);
		if (c->what[i] && (uint64_t)c->what[i] == c->a[i])
			add(buf, size, &n, " \"%s\"", c->what[i]);     /* a string from a list */
		else if (c->what[i] && c->what[i][0])   /* (a label the child made is empty in the parent) */
			add(buf, size, &n, " [%s]", c->what[i]);
	}
	add(buf, size, &n, ")");
	if (c->flags)
		add(buf, size, &n, " with rflags |= 0x%lx", (unsigned long)c->flags);
	if (c->odd_rsp)
		add(buf, size, &n, " with %s (0x%lx)", c->rsp_what, (unsigned long)c->rsp);
}
