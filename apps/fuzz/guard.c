/*
 * guard.c - what keeps a batch alive: before a call, arguments that would
 * end or wreck the batch itself are made harmless (only the argument
 * values count, so a randomly replaced argument is caught too); after it,
 * what the call made is undone, so the next thousand calls find the same
 * world: new descriptors closed, new mappings outside the scratch region
 * unmapped, the break put back, forked copies ended and reaped.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

#define USER_MIN 0x10000UL                /* nothing is ever mapped below (docs/abi.md) */

static uint64_t page_up(uint64_t a) { return (a + PAGE - 1) & ~(PAGE - 1); }

/* The index of the first argument of kind k in c's spec, or -1. */
static int arg_of(const struct call *c, int k)
{
	for (int i = 0; i < c->sc->nargs; i++)
		if (c->sc->spec->arg[i] == k)
			return i;
	return -1;
}

static int ignored_by_default(uint64_t sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

/* [*addr, *addr + len) must stay inside [lo, hi): clamp the length. */
static void clamp(struct call *c, int ia, int il, uint64_t lo, uint64_t hi)
{
	uint64_t addr = c->a[ia], len = c->a[il];

	if (addr < lo || addr >= hi) {
		/* Another user address: move it into the scratch region. */
		c->a[ia] = addr = W.scratch + ((addr >> 12) % 16) * PAGE;
		c->what[ia] = "scratch page (moved)";
		lo = W.scratch, hi = W.scratch_end;
	}
	if (page_up(len) > hi - addr) {
		c->a[il] = hi - addr;
		c->what[il] = "clamped to the scratch region";
	}
}

/* Does path (the scratch directory's, a real string) name a FIFO now? */
static int is_fifo(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISFIFO(st.st_mode);
}

void guard_before(struct call *c)
{
	int i, j, f;

	if (!c->sc)
		return;
	/* kill: a real signal only to the batch itself, and one it ignores. */
	if ((i = arg_of(c, K_KPID)) >= 0 && (j = arg_of(c, K_KSIG)) >= 0) {
		uint64_t sig = c->a[j];
		if (sig >= 1 && sig <= 64 && ((int)c->a[i] != W.pid || !ignored_by_default(sig)))
			c->a[j] = 0, c->what[j] = "0 (was a real signal)";
	}
	/* rt_sigaction: SIGPIPE stays ignored, and the terminal's stops (world.c). */
	if ((i = arg_of(c, K_SIG)) >= 0 && (j = arg_of(c, K_SIGACT)) >= 0 && c->a[j] == W.sigact &&
	    (c->a[i] == SIGPIPE || c->a[i] == SIGTTIN || c->a[i] == SIGTTOU || c->a[i] == SIGTSTP)) {
		((struct k_sigaction *)W.sigact)->handler = 1;
		c->what[j] = "{SIG_IGN} (SIGPIPE or a terminal's stop)";
	}
	/* ioctl(TCSETS*): the console's own settings, so the serial log stays
	 * readable (the EFAULT paths are conform's). */
	if ((i = arg_of(c, K_IOCTL)) >= 0 && i + 1 < c->sc->nargs &&
	    ((uint32_t)c->a[i] == TCSETS || (uint32_t)c->a[i] == TCSETSW || (uint32_t)c->a[i] == TCSETSF)) {
		memcpy((void *)W.buf, &W.tio, sizeof(W.tio));
		c->a[i + 1] = W.buf, c->what[i + 1] = "the console's own settings";
	}
	/* With other suites running (concurrent: /bin/stress), what is theirs
	 * too stays out of reach: the calls that change another process (a
	 * group's or a user's priority is every process's here) change the
	 * batch itself, and the devices everyone opens (/dev/null, /dev/zero)
	 * keep their mode and owner. */
	if (concurrent && (i = arg_of(c, K_RPID)) >= 0 && (int)c->a[i] != W.pid &&
	    (strcmp(c->sc->name, "setpriority") == 0 || strcmp(c->sc->name, "ioprio_set") == 0 ||
	     strcmp(c->sc->name, "sched_setaffinity") == 0))
		c->a[i] = W.pid, c->what[i] = "the batch itself (other suites run meanwhile)";
	if (concurrent && (strcmp(c->sc->name, "fchmod") == 0 || strcmp(c->sc->name, "fchown") == 0 ||
			   strcmp(c->sc->name, "fchmodat") == 0 || strcmp(c->sc->name, "fchownat") == 0)) {
		struct stat st;
		if (fstat((int)c->a[0], &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
			c->a[0] = -1, c->what[0] = "-1 (a device the other suites use)";
	}
	/* ... and the kernel log stays as the others read it: syslog only
	 * reads it whole or asks its sizes (no clear, no reader position to
	 * move, no console level to change). */
	if (concurrent && strcmp(c->sc->name, "syslog") == 0 && (j = arg_of(c, K_LOGTYPE)) >= 0) {
		int type = (int)c->a[j];
		if (type == 2 || type == 4)
			c->a[j] = 3, c->what[j] = "3 (READ_ALL: the log is the other suites' too)";
		else if (type >= 5 && type <= 8)
			c->a[j] = 10, c->what[j] = "10 (SIZE_BUFFER: the log is the other suites' too)";
	}
	/* prlimit64 sets limits only of the batch itself: another process's
	 * (the runner's!) are only read. */
	if ((i = arg_of(c, K_RPID)) >= 0 && (j = arg_of(c, K_RLIM)) >= 0 && c->a[j] &&
	    (int)c->a[i] != 0 && (int)c->a[i] != W.pid)
		c->a[j] = 0, c->what[j] = "NULL (another process's limits)";
	/* fcntl(F_SETFL) and ioctl(FIONBIO) leave O_NONBLOCK set: a blocking
	 * pool pipe could make a read wait for ever. */
	if ((i = arg_of(c, K_FCNTL)) >= 0 && (uint32_t)c->a[i] == F_SETFL && !(c->a[i + 1] & O_NONBLOCK)) {
		c->a[i + 1] |= O_NONBLOCK;
		c->what[i + 1] = "with O_NONBLOCK (kept on)";
	}
	if ((i = arg_of(c, K_IOCTL)) >= 0 && (uint32_t)c->a[i] == FIONBIO) {
		static const int on = 1;
		c->a[i + 1] = (uint64_t)&on, c->what[i + 1] = "&1 (O_NONBLOCK kept on)";
	}
	/* open and openat never wait: a FIFO the batch made (mknod) would
	 * wait for ever for its other end. creat (a write-only open) of a
	 * FIFO becomes creat of ".", the scratch directory itself (-EISDIR):
	 * "d" may have become a FIFO too. */
	if ((i = arg_of(c, K_OFLAGS)) >= 0 && !(c->a[i] & O_NONBLOCK))
		c->a[i] |= O_NONBLOCK, c->what[i] = "with O_NONBLOCK (a FIFO never waits)";
	if (strcmp(c->sc->name, "creat") == 0 && is_fifo((const char *)c->a[0]))
		c->a[0] = (uint64_t)".", c->what[0] = "\".\" (was a FIFO: its open would wait)";
	/* prctl(PR_SET_NAME): the name shows in the console's lines, which the
	 * host parses, so it is printable: in buf the bytes there become a
	 * name (one cut by buf's end stays unterminated: -EFAULT); other user
	 * pages are swapped for a name; bad pointers stay. */
	if ((i = arg_of(c, K_PROPT)) >= 0 && (uint32_t)c->a[i] == 15 && c->a[i + 1] >= USER_MIN &&
	    c->a[i + 1] < USER_END) {
		uint64_t p = c->a[i + 1];
		if (p >= W.buf && p < W.buf_end) {
			for (int k = 0; k < 16 && p + k < W.buf_end; k++)
				((char *)p)[k] = k < 9 ? "fuzz-name"[k] : 0;
		} else {
			c->a[i + 1] = (uint64_t)"fuzz-name", c->what[i + 1] = "\"fuzz-name\" (was another readable page)";
		}
	}
	/* mmap with MAP_FIXED replaces what is there: only in the scratch region. */
	if ((i = arg_of(c, K_MAPADDR)) >= 0 && (j = arg_of(c, K_LEN)) >= 0 && (f = arg_of(c, K_MAPFLAGS)) >= 0 &&
	    (c->a[f] & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && !(c->a[i] & (PAGE - 1)) &&
	    c->a[i] >= USER_MIN && c->a[i] < USER_END && c->a[j] && c->a[j] <= USER_END)
		clamp(c, i, j, W.scratch, W.scratch_end);
	/* mprotect, madvise, mremap: an aligned user address and all its
	 * lengths in the scratch region, however long they were (the fuzzer's
	 * own memory is out of reach); mremap's MREMAP_FIXED target too. Other
	 * addresses (unaligned, the kernel's, past the top) stay as they are. */
	if ((i = arg_of(c, K_VMADDR)) >= 0 && !(c->a[i] & (PAGE - 1)) && c->a[i] < USER_END) {
		for (j = i + 1; j < c->sc->nargs; j++)
			if (c->sc->spec->arg[j] == K_LEN && c->a[j] > USER_END)
				c->a[j] = USER_END, c->what[j] = "clamped to the scratch region";
		for (j = i + 1; j < c->sc->nargs; j++)
			if (c->sc->spec->arg[j] == K_LEN)
				clamp(c, i, j, W.scratch, W.scratch_end);
	}
	if ((f = arg_of(c, K_REMAPFLAGS)) >= 0 && (c->a[f] & MREMAP_FIXED) && !(c->a[4] & (PAGE - 1)) &&
	    c->a[4] < USER_END) {
		if (c->a[2] > USER_END)
			c->a[2] = USER_END;
		clamp(c, 4, 2, W.scratch, W.scratch_end);
	}
	/* clone: never the caller's space while it runs on (no CLONE_VM). */
	if ((i = arg_of(c, K_CLONEFLAGS)) >= 0 && (c->a[i] & CLONE_VM))
		c->a[i] &= ~(uint64_t)CLONE_VM, c->what[i] = "flags without CLONE_VM";
	/* munmap: the scratch region, or below USER_MIN where nothing is. */
	if ((i = arg_of(c, K_UNMAPADDR)) >= 0 && (j = arg_of(c, K_LEN)) >= 0 &&
	    !(c->a[i] & (PAGE - 1)) && c->a[i] < USER_END && c->a[j] && c->a[j] <= USER_END) {
		if (c->a[i] < USER_MIN)
			clamp(c, i, j, 0, USER_MIN);
		else
			clamp(c, i, j, W.scratch, W.scratch_end);
	}
}

/* A descriptor a call made. Its number may be a pool slot a call closed
 * (the lowest free one): close it all the same, world_refresh reopens. */
static void close_new(long fd)
{
	if (fd >= 0 && fd < FUZZ_NOFILE && fd != REPORT_FD)
		close(fd);
}

/* Keep a descriptor a call made for later calls (then a file can be open
 * while its directory goes, its mount is unmounted, ...); the oldest
 * kept one is closed to make room. Only ones that cannot block. */
static void keep(long fd)
{
	static int next;

	if (fd < 0 || fd >= FUZZ_NOFILE || fd == REPORT_FD)
		return;
	if (W.nkept < (int)(sizeof(W.kept) / sizeof(W.kept[0]))) {
		W.kept[W.nkept++] = fd;
		return;
	}
	close(W.kept[next]);
	W.kept[next] = fd;
	next = (next + 1) % W.nkept;
}

/* Forked copies not yet reaped; past this many, reap them all. */
static int children;

void guard_after(const struct call *c, long r, const struct path *P)
{
	if (!c->sc)
		return;
	/* fcntl's F_DUPFD and F_DUPFD_CLOEXEC make a descriptor. */
	int i = arg_of(c, K_FCNTL);
	if (i >= 0 && ((uint32_t)c->a[i] == F_DUPFD || (uint32_t)c->a[i] == F_DUPFD_CLOEXEC))
		keep(r);
	switch (c->sc->spec->result) {
	case R_NEWFD:
		/* open takes scratch paths only (no console, no FIFO); dup copies the pool. */
		keep(r);
		break;
	case R_PAIR:
		if (r == 0) {
			const int *fd = (const int *)c->a[0];
			int f = arg_of(c, K_PIPEFLAGS);
			if (f >= 0 && (c->a[f] & O_NONBLOCK)) {
				keep(fd[0]), keep(fd[1]);
			} else {
				close_new(fd[0]);      /* a blocking pipe: a read could wait forever */
				close_new(fd[1]);
			}
		}
		break;
	case R_ADDR:
		if (r > 0 && (uint64_t)r < USER_END && ((uint64_t)r < W.scratch || (uint64_t)r >= W.scratch_end))
			munmap((void *)r, c->a[1]);
		break;
	case R_REMAP:                                 /* moved out of the scratch region */
		if (r > 0 && (uint64_t)r < USER_END && ((uint64_t)r < W.scratch || (uint64_t)r >= W.scratch_end))
			munmap((void *)r, c->a[2]);
		break;
	case R_BRK:
		P->call(SYS_brk, W.brk0, 0, 0, 0, 0, 0);
		break;
	case R_CHILD:
		if (r > 0) {
			last_child = r;
			if (++children > 16) {
				while (wait4(-1, 0, 0, 0) > 0)
					;
				children = 0;
			}
		}
		break;
	}
}
