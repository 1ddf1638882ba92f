/*
 * pools.c - the values arguments come from, by kind (enum kind in fuzz.h):
 * mostly ones a call can take, and the edges around them.
 *
 * Paths that may change something name only the scratch directory
 * (SCRATCH_DIR, the child's cwd), which the parent removes after each
 * child. Nothing here ever hands the kernel a real signal handler, a long
 * sleep, a blocking descriptor or a program to run.
 */
#include <api/futex.h>
#include <api/poll.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fuzz.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct val {
	uint64_t v;
	const char *what;
};

/* --- the pools ---------------------------------------------------------------------- */

static const struct val ints[] = {
	{ 0, 0 }, { 1, 0 }, { 2, 0 }, { 3, 0 }, { -1UL, 0 }, { -2UL, 0 }, { 7, 0 }, { 8, 0 },
	{ 63, 0 }, { 64, 0 }, { 0x7f, 0 }, { 0x80, 0 }, { 0xff, 0 }, { 0x100, 0 },
	{ 0xfff, 0 }, { 0x1000, 0 }, { 0x1001, 0 }, { 0x7fff, 0 }, { 0x8000, 0 }, { 0xffff, 0 },
	{ 0x10000, 0 }, { 0x7fffffff, "INT_MAX" }, { 0xffffffff80000000UL, "INT_MIN" },
	{ 0xffffffff, "UINT_MAX" }, { 1UL << 32, 0 }, { (1UL << 32) + 1, 0 },
	{ 0x7fffffffffffffffUL, "LONG_MAX" }, { 0x8000000000000000UL, "non-canonical" },
	{ 0x0000800000000000UL, "first non-canonical" }, { 0xffff800000000000UL, "kernel half" },
	{ 0xffffffff80000000UL, "kernel text" },
};

/* Pointers that are never valid, whatever the call (the last user page is
 * mapped, so it is not one of them). */
static const struct val bad_ptrs[] = {
	{ 0, "NULL" }, { 1, 0 }, { 0xf000, "below USER_MIN" },
	{ 0x0000800000000000UL, "first non-canonical" },
	{ 0x8000000000000000UL, "non-canonical" }, { 0xffff800000000000UL, "kernel half" },
	{ 0xffffffff80000000UL, "kernel text" }, { 0xfffffffffffff000UL, "last page" }, { -1UL, 0 },
};

static const struct val lens[] = {
	{ 0, 0 }, { 1, 0 }, { 2, 0 }, { 8, 0 }, { 16, 0 }, { 28, 0 }, { 64, 0 }, { 255, 0 },
	{ 256, 0 }, { 4095, 0 }, { 4096, 0 }, { 4097, 0 }, { 8192, 0 }, { 16384, 0 },
	{ 1 << 20, 0 }, { 0x7fffffff, "INT_MAX" }, { 0x80000000, 0 }, { 0xffffffff, "UINT_MAX" },
	{ 1UL << 32, 0 }, { 1UL << 47, 0 }, { -4096UL, 0 }, { -1UL, "SIZE_MAX" },
};

/* Scratch-directory paths (cwd is SCRATCH_DIR; ".." never leaves it). */
static const char *const paths_rw[] = {
	"f", "d", "d/g", "e", "mnt", "new", "d/new", "e/new", "f/x", "", ".", "d/..",
	"d//g", "./d/./g", "d/../f", "nothere/x", SCRATCH_DIR, SCRATCH_DIR "/f",
	SCRATCH_DIR "/d/g", SCRATCH_DIR "/new", SCRATCH_DIR "/e/", "f/", "new/", "d/g/",
	"/" SCRATCH_DIR "//d///g", "mnt/new", "mnt/f", "l", "loop", "l/", "d/l",
};
/* Symbolic links' texts: relative names and absolute paths into the
 * scratch directory, without "..", so following a link made in the scratch
 * directory never leads out of it; "loop" and "l" meet other links. */
static const char *const targets[] = {
	"f", "d", "d/g", "new", "loop", "l", ".", "d/", "f/", "nothere/x", SCRATCH_DIR, SCRATCH_DIR "/f",
	SCRATCH_DIR "/d/g", SCRATCH_DIR "/loop", "",
};
/* Looked at only. */
static const char *const paths_ro[] = {
	"/", "/dev", "/dev/null", "/dev/console", "/bin/fuzz", "/bin", "/nonexistent",
	"/dev/null/x", "//", "/../..", "/bin/../dev",
	"/proc", "/proc/self", "/proc/thread-self", "/proc/self/stat", "/proc/self/status",
	"/proc/self/maps", "/proc/self/cmdline", "/proc/self/environ", "/proc/self/exe",
	"/proc/self/cwd", "/proc/self/fd", "/proc/self/fd/0", "/proc/self/fd/99", "/proc/self/task",
	"/proc/1/stat", "/proc/1/exe", "/proc/999999/stat", "/proc/meminfo", "/proc/mounts",
	"/proc/stat", "/proc/cpuinfo", "/proc/self/exe/x", "/proc/self/fd/0/",
};
/* Nothing execve can run. */
static const char *const paths_x[] = {
	"/nonexistent", "/dev/null", "/", "/dev", "d", "e", "", "/bin/", "/dev/null/x", "f/x",
};
static const char *const strs[] = { "tmpfs", "ramfs", "", "none", "ext4", "size=1M", "x" };

static const int64_t offs[] = {
	0, 1, -1, 2, 4095, 4096, 4097, 1 << 20, INT64_MAX, INT64_MIN, 1LL << 32, -4096, 1LL << 62,
};
static const uint32_t modes[] = {
	0, 0600, 0644, 0755, 0777, 07777, 0400, 0200, 0100, 0xffffffff, 0x10000 | 0644, 01777,
};

/* A value from a list, with its description. */
static void from(struct call *c, int i, const struct val *v, int n, uint64_t *rng)
{
	const struct val *p = &v[below(rng, n)];

	c->a[i] = p->v, c->what[i] = p->what;
}

static void set(struct call *c, int i, uint64_t v, const char *what)
{
	c->a[i] = v, c->what[i] = what;
}

/* A string from a list; describe() prints it, as its description is itself. */
static void pick_string(struct call *c, int i, const char *const *list, int n, uint64_t *rng)
{
	const char *p = list[below(rng, n)];

	set(c, i, (uint64_t)p, p);
}

/* A pointer to memory the kernel may read (sometimes a bad one). */
static void pick_in(struct call *c, int i, uint64_t *rng)
{
	switch (below(rng, 9)) {
	case 0: case 1: set(c, i, W.buf, "buf"); break;
	case 2: set(c, i, W.buf_end - 1, "buf's last byte"); break;
	case 3: set(c, i, W.text, "program text"); break;
	case 4: set(c, i, W.rodata, "rodata"); break;
	case 5: set(c, i, W.vdso ? W.vdso : W.in, W.vdso ? "vDSO" : "in"); break;
	case 6: set(c, i, W.buf_end, "unmapped hole"); break;
	case 7: set(c, i, USER_END - 8 * below(rng, 3), "the user half's last bytes"); break;
	default: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
	}
}

/* A pointer to memory the kernel may write (sometimes read-only or bad). */
static void pick_out(struct call *c, int i, uint64_t *rng)
{
	switch (below(rng, 13)) {
	case 0: case 1: case 2: set(c, i, W.buf, "buf"); break;
	case 3: set(c, i, W.buf + 1, "buf+1"); break;
	case 4: set(c, i, W.buf_end - 1, "buf's last byte"); break;
	case 5: set(c, i, W.buf_end - 8, "buf's last 8 bytes"); break;
	case 6: set(c, i, W.scratch + below(rng, 16) * PAGE, "scratch page"); break;
	case 7: set(c, i, W.text, "program text (read-only)"); break;
	case 8: set(c, i, W.vdso ? W.vdso : W.rodata, "read-only page"); break;
	case 9: set(c, i, W.buf_end, "unmapped hole"); break;
	case 10: set(c, i, USER_END - 8 * below(rng, 3), "the user half's last bytes"); break;
	default: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
	}
}

static void pick_fd(struct call *c, int i, uint64_t *rng)
{
	static const struct val bad[] = {
		{ -1UL, 0 }, { 64, 0 }, { 100, 0 }, { 40, "unused" }, { 0x7fffffff, "INT_MAX" },
		{ 0x80000000, "1<<31" }, { -100UL, "AT_FDCWD" }, { 1UL << 32, "1<<32" },
		{ 0x123456789abcUL, "huge" },
	};
	uint64_t k = below(rng, 16);

	if (k < 3 && W.nkept) {
		int s = below(rng, W.nkept);
		set(c, i, W.kept[s], "kept from an earlier call");
	} else if (k < 10) {
		int s = below(rng, W.npool);
		set(c, i, W.pool[s], W.pool_what[s]);
	} else if (k < 12) {
		set(c, i, k - 10 + 1, "/dev/null");      /* 1 or 2 */
	} else {
		from(c, i, bad, N(bad), rng);
	}
}

static void pick_path(struct call *c, int i, const char *const *list, int n, uint64_t *rng)
{
	switch (below(rng, 24)) {
	case 0: set(c, i, W.in + IN_P4095, "path of 4095 characters"); break;
	case 1: set(c, i, W.in + IN_P4096, "path of 4096 characters"); break;
	case 2: set(c, i, W.in + IN_P8191, "path of 8191 characters"); break;
	case 3: set(c, i, W.in + IN_LONGNAME, "d/ + 300-character name"); break;
	case 4: set(c, i, W.in_end - 64, "unterminated at a page edge"); break;
	case 5: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
	case 6: set(c, i, W.in + IN_NAME255, "d/ + 255-character name"); break;
	case 7: set(c, i, W.in + IN_NAME256, "d/ + 256-character name"); break;
	case 8: set(c, i, USER_END - 64, "unterminated at the user half's end"); break;
	default: pick_string(c, i, list, n, rng); break;
	}
}

/* A random flag set: some of the known bits, sometimes one more bit flipped. */
static uint64_t flags_of(uint64_t known, uint64_t *rng)
{
	uint64_t f = rnd(rng) & known;

	if (below(rng, 4) == 0)
		f ^= 1ULL << below(rng, 64);
	return f;
}

/* A sigaction with SIG_DFL or SIG_IGN only: a real handler could be run. */
static void pick_sigact(struct call *c, int i, uint64_t *rng)
{
	struct k_sigaction *a = (struct k_sigaction *)W.sigact;

	switch (below(rng, 8)) {
	case 0: case 1: set(c, i, 0, "NULL"); break;
	case 2: set(c, i, W.buf_end - 8, "straddling buf's end"); break;
	case 3: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
	default:
		a->handler = below(rng, 2);              /* SIG_DFL (0) or SIG_IGN (1) */
		a->flags = flags_of(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_RESTORER | SA_ONSTACK |
				    SA_RESTART | SA_NODEFER | SA_RESETHAND, rng);
		a->restorer = ints[below(rng, N(ints))].v;
		a->mask = rnd(rng);
		set(c, i, (uint64_t)a, a->handler ? "{SIG_IGN}" : "{SIG_DFL}");
	}
}

static void pick_timespec(struct call *c, int i, uint64_t *rng)
{
	/* Valid ones sleep 1 ms at most. */
	static const struct timespec ts[] = {
		{ 0, 0 }, { 0, 0 }, { 0, 1 }, { 0, 1000 }, { 0, 1000000 }, { -1, 0 }, { 0, -1 },
		{ 0, 1000000000 }, { INT64_MIN, 0 }, { 0, INT64_MAX }, { INT64_MAX, 1000000000 },
		{ 1, -1 },
	};
	static char what[N(ts)][48];
	struct timespec *t = (struct timespec *)(W.in + IN_TIMESPEC);
	int k = below(rng, N(ts) + 3);

	if (k >= (int)N(ts)) {
		if (k == N(ts))
			set(c, i, W.buf_end - 8, "straddling buf's end");
		else
			from(c, i, bad_ptrs, N(bad_ptrs), rng);
		return;
	}
	*t = ts[k];
	if (!what[k][0])
		snprintf(what[k], sizeof(what[k]), "{%ld, %ld}", (long)ts[k].tv_sec, (long)ts[k].tv_nsec);
	set(c, i, (uint64_t)t, what[k]);
}

/* poll's array: n entries of pool descriptors (or negative, closed
 * ones), any events; or a pointer the kernel cannot use. */
static void pick_pollfds(struct call *c, int i, uint64_t *rng)
{
	struct pollfd *f = (struct pollfd *)(W.in + IN_POLLFDS);

	switch (below(rng, 6)) {
	case 0: from(c, i, bad_ptrs, N(bad_ptrs), rng); return;
	case 1: set(c, i, W.text, "program text (read-only)"); return;
	}
	for (int k = 0; k < 8; k++) {
		uint64_t r = below(rng, 8);
		f[k].fd = r < 5 ? W.pool[below(rng, W.npool)] : r == 5 ? -1 : r == 6 ? 40 : 1;
		f[k].events = below(rng, 2) ? POLLIN | POLLOUT : (short)rnd(rng);
		f[k].revents = (short)rnd(rng);
	}
	set(c, i, (uint64_t)f, "pollfds");
}

/* A select set (one of three places, so a call's sets differ). */
static void pick_fdset(struct call *c, int i, uint64_t *rng)
{
	uint64_t *set_at = (uint64_t *)(W.in + IN_FDSETS) + i % 3;

	switch (below(rng, 7)) {
	case 0: case 1: set(c, i, 0, "NULL"); return;
	case 2: from(c, i, bad_ptrs, N(bad_ptrs), rng); return;
	case 3: set(c, i, W.text, "program text (read-only)"); return;
	case 4: *set_at = rnd(rng); break;
	default:
		*set_at = 0;
		for (int k = below(rng, 4); k >= 0; k--)
			*set_at |= 1ULL << (W.pool[below(rng, W.npool)] & 63);
	}
	set(c, i, (uint64_t)set_at, "fd_set");
}

/* A wait's timeout (timespec or timeval: two 64-bit fields), short or
 * invalid, never NULL (that waits for ever), or a bad pointer. */
static void pick_wait(struct call *c, int i, uint64_t *rng, int off)
{
	static const int64_t v[][2] = {
		{ 0, 0 }, { 0, 0 }, { 0, 1 }, { 0, 999 }, { -1, 0 }, { 0, -1 }, { 0, 1000000000 }, { INT64_MIN, 0 },
	};
	int64_t *t = (int64_t *)(W.in + off);
	int k = (int)below(rng, N(v) + 2), n = (int)N(v);

	if (k == n) {
		set(c, i, W.buf_end - 8, "straddling buf's end");
	} else if (k > n) {
		from(c, i, bad_ptrs + 1, N(bad_ptrs) - 1, rng);     /* not NULL */
	} else {
		t[0] = v[k][0], t[1] = v[k][1];
		if (off == IN_WAITTV && t[1] >= 1000000)
			t[1] = 1000;                     /* select carries microseconds over: keep it short */
		set(c, i, (uint64_t)t, "short timeout");
	}
}

/* pselect6's sixth argument. */
static void pick_sigpack(struct call *c, int i, uint64_t *rng)
{
	uint64_t *p = (uint64_t *)(W.in + IN_SIGPACK);

	switch (below(rng, 5)) {
	case 0: set(c, i, 0, "NULL"); return;
	case 1: from(c, i, bad_ptrs, N(bad_ptrs), rng); return;
	case 2: p[0] = W.in + IN_SIGSET, p[1] = below(rng, 2) ? 8 : rnd(rng); break;
	case 3: p[0] = 0, p[1] = rnd(rng); break;
	default: p[0] = bad_ptrs[below(rng, N(bad_ptrs))].v, p[1] = 8; break;
	}
	set(c, i, (uint64_t)p, "sigset pack");
}

/* A new resource limit: lower, equal, soft above hard, or no struct at all.
 * (The batch's hard RLIMIT_AS stays at BATCH_AS: none of these raise it.) */
static void pick_rlim(struct call *c, int i, uint64_t *rng)
{
	static const struct rlimit rl[] = {
		{ 0, 0 }, { 1, 2 }, { 2, 1 }, { 8, 64 }, { 64, 64 }, { 65, 65 }, { 4096, RLIM_INFINITY },
		{ RLIM_INFINITY, RLIM_INFINITY }, { RLIM_INFINITY, 0 }, { 1 << 20, 1 << 30 },
	};
	static char what[N(rl)][48];
	struct rlimit *l = (struct rlimit *)(W.in + IN_RLIM);
	int k = below(rng, N(rl) + 3);

	if (k >= (int)N(rl)) {
		if (k == N(rl))
			set(c, i, 0, "NULL");
		else if (k == N(rl) + 1)
			set(c, i, W.buf_end - 8, "straddling buf's end");
		else
			from(c, i, bad_ptrs, N(bad_ptrs), rng);
		return;
	}
	*l = rl[k];
	if (!what[k][0])
		snprintf(what[k], sizeof(what[k]), "{0x%lx, 0x%lx}", (unsigned long)rl[k].rlim_cur,
			 (unsigned long)rl[k].rlim_max);
	set(c, i, (uint64_t)l, what[k]);
}

static void pick_iov(struct call *c, int i, uint64_t *rng)
{
	struct iovec *v = (struct iovec *)(W.in + IN_IOV);
	struct call tmp;

	if (below(rng, 4) == 0) {
		pick_in(c, i, rng);                      /* the array itself is bad (or junk) */
		return;
	}
	for (int k = 0; k < 8; k++) {
		if (below(rng, 4) == 0) {
			pick_in(&tmp, 0, rng);
			from(&tmp, 1, lens, N(lens), rng);
		} else {
			tmp.a[0] = W.buf + below(rng, 4 * PAGE);
			tmp.a[1] = below(rng, 64);
		}
		v[k].iov_base = (void *)tmp.a[0];
		v[k].iov_len = tmp.a[1];
	}
	set(c, i, (uint64_t)v, "iovec[8]");
}

/* sendfile's offset: mostly none (the file's own), else a loff_t at,
 * past or before the data, or a pointer it cannot use. */
static void pick_loff(struct call *c, int i, uint64_t *rng)
{
	static const int64_t v[] = { 0, 1, 4095, 1 << 20, -1, INT64_MAX, INT64_MIN };
	int64_t *l = (int64_t *)(W.in + IN_LOFF);

	switch (below(rng, 6)) {
	case 0: case 1: set(c, i, 0, "NULL"); break;
	case 2: set(c, i, W.buf_end - 4, "straddling buf's end"); break;
	case 3: set(c, i, W.text, "program text (read-only)"); break;
	case 4: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
	default:
		*l = v[below(rng, N(v))];
		set(c, i, (uint64_t)l, "loff_t");
	}
}

static void pick_argv(struct call *c, int i, uint64_t *rng)
{
	switch (below(rng, 7)) {
	case 0: set(c, i, W.in2, "{\"x\", NULL}"); break;
	case 1: set(c, i, W.in2 + 16, "{\"x\", kernel pointer}"); break;
	case 2: set(c, i, W.in2 + 64, "130 entries"); break;
	case 3: set(c, i, W.in2_end - 32 * 8, "unterminated at a page edge"); break;
	case 4: set(c, i, 0, "NULL"); break;
	default: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
	}
}

void pick(struct call *c, int i, int k, uint64_t *rng)
{
	switch (k) {
	case K_INT:
		switch (below(rng, 8)) {
		case 0: set(c, i, rnd(rng), 0); break;
		case 1: set(c, i, rnd(rng) & 0xffffffff, 0); break;
		case 2: set(c, i, below(rng, 256), 0); break;
		default: from(c, i, ints, N(ints), rng); break;
		}
		break;
	case K_FD: pick_fd(c, i, rng); break;
	case K_IN: pick_in(c, i, rng); break;
	case K_OUT: pick_out(c, i, rng); break;
	case K_LEN:
		/* Half the time a size that fits buf, the other half an edge. */
		if (below(rng, 2))
			set(c, i, below(rng, 2) ? below(rng, 300) : below(rng, 4 * PAGE + 1), 0);
		else
			from(c, i, lens, N(lens), rng);
		break;
	case K_PATH: pick_path(c, i, paths_rw, N(paths_rw), rng); break;
	case K_RPATH:
		if (below(rng, 3) == 0)
			pick_string(c, i, paths_ro, N(paths_ro), rng);
		else
			pick_path(c, i, paths_rw, N(paths_rw), rng);
		break;
	case K_XPATH: pick_path(c, i, paths_x, N(paths_x), rng); break;
	case K_OFLAGS: {
		static const uint64_t common[] = {
			O_RDONLY, O_RDWR, O_WRONLY | O_CREAT | O_TRUNC, O_RDWR | O_CREAT, O_RDONLY | O_DIRECTORY,
			O_WRONLY | O_APPEND, O_RDWR | O_CREAT | O_EXCL, O_RDONLY | O_CLOEXEC,
		};
		set(c, i, below(rng, 2) ? common[below(rng, N(common))] :
			  flags_of(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_NONBLOCK |
				   O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW | O_PATH, rng), 0);
		break;
	}
	case K_MODE: set(c, i, modes[below(rng, N(modes))], 0); break;
	case K_WHENCE: {
		static const uint64_t w[] = { 0, 1, 2, 0, 1, 2, 3, 4, -1UL, 1UL << 32 };
		set(c, i, w[below(rng, N(w))], 0);
		break;
	}
	case K_OFF: set(c, i, offs[below(rng, N(offs))], 0); break;
	case K_SIG: {
		static const uint64_t s[] = { 0, 64, 65, -1UL, (1UL << 32) | 2, SIGKILL, SIGSTOP, SIGPIPE };
		set(c, i, below(rng, 2) ? 1 + below(rng, 64) : s[below(rng, N(s))], 0);
		break;
	}
	case K_SIGACT: pick_sigact(c, i, rng); break;
	case K_SIGSET:
		if (below(rng, 2)) {
			*(uint64_t *)(W.in + IN_SIGSET) = rnd(rng);
			set(c, i, W.in + IN_SIGSET, "sigset");
		} else if (below(rng, 2)) {
			set(c, i, 0, "NULL");
		} else {
			pick_in(c, i, rng);
		}
		break;
	case K_HOW: {
		static const uint64_t h[] = { 0, 1, 2, 0, 1, 2, 3, -1UL };
		set(c, i, h[below(rng, N(h))], 0);
		break;
	}
	case K_SIGSZ: {
		static const uint64_t z[] = { 0, 4, 7, 16, -1UL, (1UL << 32) | 8 };
		set(c, i, below(rng, 4) ? 8 : z[below(rng, N(z))], 0);
		break;
	}
	case K_CLOCK: {
		static const uint64_t k2[] = { 0, 1, 4, 5, 6, 7, 2, 3, 8, 11, -1UL, 12345, (1UL << 32) | 1 };
		set(c, i, k2[below(rng, N(k2))], 0);
		break;
	}
	case K_TIMESPEC: pick_timespec(c, i, rng); break;
	case K_WPID: {
		uint64_t w[] = { -1UL, 0, -2UL, 0xffffffff80000000UL, W.pid, W.ppid, 1, 99999,
				 last_child, (1UL << 32) | 0xffffffff };
		set(c, i, w[below(rng, N(w))], 0);
		break;
	}
	case K_WOPTS: {
		static const uint64_t o[] = { 1, 1, 1, 0, 2, 4, 0x80000000, 1UL << 32 };
		set(c, i, o[below(rng, N(o))], 0);
		break;
	}
	case K_KPID: {
		uint64_t p[] = { W.pid, W.pid, 0, -1UL, 1, W.ppid, -2UL, 0xffffffff80000000UL, 99999,
				 0x7fffffff, (1UL << 32) | W.pid };
		set(c, i, p[below(rng, N(p))], 0);
		break;
	}
	case K_KSIG: {
		static const uint64_t s[] = { 0, 0, 65, 128, -1UL, 1UL << 32, 0xffffffff80000000UL,
					      SIGCHLD, SIGURG, SIGWINCH, SIGCONT };
		set(c, i, below(rng, 4) ? s[below(rng, N(s))] : 1 + below(rng, 64), 0);
		break;
	}
	case K_MAPADDR: {
		uint64_t a[] = { 0, W.scratch, W.scratch + 4 * PAGE, W.scratch + 15 * PAGE,
				 W.scratch + 1, W.buf_end, 0x10000, 0x00007ffffffff000UL,
				 0xffff800000000000UL, 0x0000800000000000UL, 0x8000000000000000UL,
				 0x0000400000000000UL };
		set(c, i, a[below(rng, N(a))], 0);
		break;
	}
	case K_UNMAPADDR: {
		uint64_t a[] = { W.scratch, W.scratch + PAGE, W.scratch + 8 * PAGE,
				 W.scratch + 15 * PAGE, W.scratch + 1, 0, 0xffff800000000000UL,
				 0x0000800000000000UL, 0x8000000000000000UL, -PAGE };
		set(c, i, a[below(rng, N(a))], 0);
		break;
	}
	case K_PROT: set(c, i, below(rng, 8) ? below(rng, 8) : 1ULL << below(rng, 64), 0); break;
	case K_VMADDR: {
		uint64_t a[] = { W.scratch, W.scratch + PAGE, W.scratch + 8 * PAGE, W.scratch + 15 * PAGE,
				 W.scratch + 1, 0, 0x10000, 0xffff800000000000UL, 0x0000800000000000UL,
				 0x8000000000000000UL, -PAGE, 0x00007ffffffff000UL };
		set(c, i, a[below(rng, N(a))], 0);
		break;
	}
	case K_ADVICE: {
		static const uint64_t a[] = { MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
					      MADV_DONTNEED, MADV_FREE, MADV_DONTDUMP, MADV_DODUMP, 5, 100, -1UL };
		set(c, i, a[below(rng, N(a))], 0);
		break;
	}
	case K_REMAPFLAGS: {
		static const uint64_t f[] = { 0, MREMAP_MAYMOVE, MREMAP_MAYMOVE | MREMAP_FIXED, MREMAP_FIXED,
					      MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 8, 1UL << 32 };
		set(c, i, f[below(rng, N(f))], 0);
		break;
	}
	case K_CLONEFLAGS: {
		static const uint64_t f[] = {
			SIGCHLD, SIGCHLD, CLONE_VFORK | SIGCHLD,
			CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
			CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | SIGCHLD, CLONE_SIGHAND | SIGCHLD,
			CLONE_THREAD | SIGCHLD, CLONE_FILES | SIGCHLD, CLONE_SETTLS | SIGCHLD, 0, SIGUSR1,
			(1UL << 32) | SIGCHLD,
		};
		uint64_t v = f[below(rng, N(f))];
		if (below(rng, 4) == 0)
			v ^= 1ULL << below(rng, 64);
		set(c, i, v, 0);
		break;
	}
	case K_CLONESP: set(c, i, 0, 0); break;
	case K_POLLFDS: pick_pollfds(c, i, rng); break;
	case K_POLLMS: set(c, i, below(rng, 2), 0); break;
	case K_WAITTS: pick_wait(c, i, rng, IN_TIMESPEC); break;
	case K_WAITTV: pick_wait(c, i, rng, IN_WAITTV); break;
	case K_FDSET: pick_fdset(c, i, rng); break;
	case K_SIGPACK: pick_sigpack(c, i, rng); break;
	case K_IDTYPE: {
		static const uint64_t o[] = { P_ALL, P_ALL, P_PID, P_PGID, P_PIDFD, 4, 1UL << 32 };
		set(c, i, o[below(rng, N(o))], 0);
		break;
	}
	case K_WIDOPTS: {
		static const uint64_t o[] = { WEXITED, WEXITED | WSTOPPED | WCONTINUED, WEXITED | WNOWAIT,
					      WSTOPPED, WCONTINUED, 0, 0x100, 1UL << 32 | WEXITED, __WALL | WEXITED };
		set(c, i, o[below(rng, N(o))] | WNOHANG, 0);
		break;
	}
	case K_MAPFLAGS: {
		static const uint64_t f[] = {
			MAP_PRIVATE | MAP_ANONYMOUS, MAP_PRIVATE | MAP_ANONYMOUS, MAP_PRIVATE | MAP_ANONYMOUS,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			MAP_SHARED | MAP_ANONYMOUS, MAP_PRIVATE, 0, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS,
		};
		uint64_t v = f[below(rng, N(f))];
		if (below(rng, 4) == 0)
			v ^= 1ULL << below(rng, 64);
		set(c, i, v, 0);
		break;
	}
	case K_BRK: {
		uint64_t b[] = { 0, W.brk0, W.brk0 + 1, W.brk0 + PAGE, W.brk0 + (1 << 20),
				 W.brk_start - 1, W.brk_start + (1UL << 30), W.brk_start + (1UL << 30) + 1,
				 0xffff800000000000UL, 0x0000800000000000UL, -1UL };
		set(c, i, b[below(rng, N(b))], 0);
		break;
	}
	case K_IOV: pick_iov(c, i, rng); break;
	case K_IOVCNT: {
		static const uint64_t n[] = { 0, 1, 2, 3, 8, 1, 2, 3, 8, 1024, 1025, -1UL, 0x7fffffff, (1UL << 32) | 1 };
		set(c, i, n[below(rng, N(n))], 0);
		break;
	}
	case K_ARGV: pick_argv(c, i, rng); break;
	case K_STR:
		switch (below(rng, 12)) {
		case 0: set(c, i, W.in + IN_P4096, "string of 4096 characters"); break;
		case 1: set(c, i, W.in_end - 64, "unterminated at a page edge"); break;
		case 2: from(c, i, bad_ptrs, N(bad_ptrs), rng); break;
		case 3: case 4: case 5: set(c, i, 0, "NULL"); break;
		case 6: case 7: set(c, i, (uint64_t)"tmpfs", "tmpfs"); break;
		default: pick_string(c, i, strs, N(strs), rng); break;
		}
		break;
	case K_FSTYPE:                                   /* mostly one mount takes */
		if (below(rng, 4)) {
			uint64_t k = below(rng, 8);
			const char *t = k < 5 ? "tmpfs" : k < 7 ? "ramfs" : "proc";
			set(c, i, (uint64_t)t, t);
		} else {
			pick(c, i, K_STR, rng);
		}
		break;
	case K_MDATA:                                    /* mostly no options */
		if (below(rng, 4)) {
			const char *d = below(rng, 2) ? 0 : "";
			set(c, i, (uint64_t)d, d ? d : "NULL");
		} else {
			pick(c, i, K_STR, rng);
		}
		break;
	case K_MSFLAGS: {
		/* Mostly what a tmpfs takes; else any of the known bits, or the old magic. */
		uint64_t ok = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS | MS_DIRSYNC |
			      MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_SILENT;
		uint64_t f = below(rng, 3) == 0 ? 0 : rnd(rng) & (below(rng, 2) ? ok : 0xffff | MS_RELATIME |
								     MS_STRICTATIME | MS_LAZYTIME);
		if (below(rng, 8) == 0)
			f |= MS_MGC_VAL;
		if (below(rng, 8) == 0)
			f ^= 1ULL << below(rng, 64);
		set(c, i, f, 0);
		break;
	}
	case K_UMFLAGS: set(c, i, below(rng, 2) ? 0 : below(rng, 2) ? below(rng, 16) : flags_of(15, rng), 0); break;
	case K_PIPEFLAGS: set(c, i, flags_of(O_CLOEXEC | O_NONBLOCK, rng), 0); break;
	case K_PRCTL: {
		static const uint64_t p[] = { 0x1001, 0x1002, 0x1003, 0x1004, 0x1001, 0x1002, 0x1003,
					      0x1004, 0, 0x1005, 0x3001, -1UL, (1UL << 32) | 0x1003 };
		set(c, i, p[below(rng, N(p))], 0);
		break;
	}
	case K_RES: {
		static const uint64_t r[] = { 16, 17, -1UL, 0x7fffffff, (1UL << 32) | 7, (1UL << 32) | 16 };
		set(c, i, below(rng, 4) ? below(rng, 16) : r[below(rng, N(r))], 0);
		break;
	}
	case K_RLIM: pick_rlim(c, i, rng); break;
	case K_DIRFD:
		if (below(rng, 2))
			set(c, i, -100UL, "AT_FDCWD");
		else if (below(rng, 2))
			set(c, i, W.pool[3], W.pool_what[3]);    /* the scratch directory */
		else
			pick_fd(c, i, rng);
		break;
	case K_ATFLAGS:
		set(c, i, below(rng, 2) ? below(rng, 2) * AT_EMPTY_PATH :
			  flags_of(AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_SYMLINK_FOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
				   AT_STATX_SYNC_TYPE, rng), 0);
		break;
	case K_TARGET: pick_path(c, i, targets, N(targets), rng); break;
	case K_NODEMODE: {
		static const uint64_t m[] = { S_IFIFO | 0644, S_IFIFO | 0600, S_IFREG | 0644, 0644, S_IFCHR | 0666,
					      S_IFBLK | 0600, S_IFSOCK | 0755, S_IFDIR | 0755, S_IFLNK | 0777, S_IFMT,
					      0x10000 | S_IFIFO | 0644, -1UL };
		set(c, i, m[below(rng, N(m))], 0);
		break;
	}
	case K_DEV: {
		static const uint64_t d[] = { 0, 0x103, 0x105, 0x700, 0xfffff, -1UL, (1UL << 32) | 0x103 };
		set(c, i, d[below(rng, N(d))], 0);
		break;
	}
	case K_RNFLAGS: set(c, i, flags_of(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT, rng), 0); break;
	case K_AMODE: {
		static const uint64_t m[] = { F_OK, R_OK, W_OK, X_OK, R_OK | W_OK, 7, 8, -1UL, 1UL << 32 };
		set(c, i, m[below(rng, N(m))], 0);
		break;
	}
	case K_FCNTL: {
		static const struct val f[] = {
			{ F_DUPFD, "F_DUPFD" }, { F_DUPFD_CLOEXEC, "F_DUPFD_CLOEXEC" }, { F_GETFD, "F_GETFD" },
			{ F_SETFD, "F_SETFD" }, { F_GETFL, "F_GETFL" }, { F_SETFL, "F_SETFL" }, { 5, "F_GETLK" },
			{ 1031, "F_SETPIPE_SZ" }, { -1UL, 0 }, { (1UL << 32) | F_GETFL, "F_GETFL | 1 << 32" },
		};
		from(c, i, f, N(f), rng);
		break;
	}
	case K_IOCTL: {
		static const struct val r[] = {
			{ TCGETS, "TCGETS" }, { TCSETS, "TCSETS" }, { TCSETSF, "TCSETSF" }, { TIOCGWINSZ, "TIOCGWINSZ" },
			{ TIOCSWINSZ, "TIOCSWINSZ" }, { TIOCGPGRP, "TIOCGPGRP" }, { FIONBIO, "FIONBIO" },
			{ FIOCLEX, "FIOCLEX" }, { FIONCLEX, "FIONCLEX" }, { 0x541b, "FIONREAD" },
			{ TIOCSPGRP, "TIOCSPGRP" }, { TIOCGSID, "TIOCGSID" }, { TIOCSCTTY, "TIOCSCTTY" },
			{ TIOCNOTTY, "TIOCNOTTY" }, { TCFLSH, "TCFLSH" }, { TCXONC, "TCXONC" }, { TIOCOUTQ, "TIOCOUTQ" },
			{ (1UL << 32) | TCGETS, "TCGETS | 1 << 32" },
		};
		if (below(rng, 8))
			from(c, i, r, N(r), rng);
		else
			set(c, i, rnd(rng), 0);
		break;
	}
	case K_LOFF: pick_loff(c, i, rng); break;
	case K_SFLEN: {
		static const uint64_t n[] = { 0, 1, 2, 100, 4095, 4096, 4097, 65536, 1 << 20, 1UL << 63, -1UL };
		set(c, i, n[below(rng, N(n))], 0);
		break;
	}
	case K_ID: {
		static const uint64_t id[] = { 0, 0, 0xffffffff, -1UL, 1, 1000, 65534, 1UL << 32, 0x7fffffff };
		set(c, i, id[below(rng, N(id))], 0);
		break;
	}
	case K_WHO: {
		static const uint64_t w[] = { 0, -1UL, 1, 0, -1UL, 2, -2UL, 0xffffffff, 1UL << 32 };
		set(c, i, w[below(rng, N(w))], 0);
		break;
	}
	case K_PROPT: {
		static const uint64_t o[] = { 15, 16, 15, 16, 0, 1, 38, 39, 7, 23, 27, 47, 0x59616d61, -1UL, (1UL << 32) | 16 };
		set(c, i, o[below(rng, N(o))], 0);
		break;
	}
	case K_LOGTYPE: {
		static const uint64_t l[] = { 3, 3, 4, 9, 10, 0, 1, 5, 6, 7, 8, 11, -1UL, (1UL << 32) | 3 };
		set(c, i, l[below(rng, N(l))], 0);
		break;
	}
	case K_GRND: set(c, i, below(rng, 4) ? below(rng, 8) : 1ULL << below(rng, 64), 0); break;
	case K_FUTEXOP: {
		static const uint64_t op[] = { FUTEX_WAIT, FUTEX_WAKE, FUTEX_REQUEUE, FUTEX_CMP_REQUEUE,
					       FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET, FUTEX_WAKE_OP, FUTEX_LOCK_PI,
					       14, -1UL, 1UL << 32 };
		uint64_t o = op[below(rng, N(op))];
		if (below(rng, 2))
			o |= FUTEX_PRIVATE_FLAG;
		if (!below(rng, 4))
			o |= FUTEX_CLOCK_REALTIME;
		set(c, i, o, 0);
		break;
	}
	case K_RPID: {
		uint64_t p[] = { 0, 0, W.pid, W.ppid, 1, -1UL, 99999, last_child, 1UL << 32, (1UL << 32) | W.pid };
		set(c, i, p[below(rng, N(p))], 0);
		break;
	}
	}
}
