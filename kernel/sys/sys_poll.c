/*
 * sys_poll.c - waiting until files are ready: poll, ppoll, select and
 * pselect6, as Linux's fs/select.c behaves.
 *
 * Every call looks at its files through their poll operation (fs/vfs.h;
 * none means always readable and writable) and, when nothing is ready,
 * sleeps on the one poll channel (fs/poll.h) until a file changes, the
 * deadline passes or a signal comes, then looks again. In Linux's order:
 * a ready file wins; else a pending signal ends the wait (even with a
 * zero timeout); else a passed deadline returns 0. ppoll and pselect6 put
 * a signal mask in place for the wait, as rt_sigsuspend does: after a
 * signal it stays until the handler has run (its frame saves the old one),
 * else the old one comes back at once. ppoll, select and pselect6 write
 * the time left back (not for a NULL or zero timeout; a write that faults
 * is ignored, as Linux ignores it).
 *
 * A signal's way out is Linux's (restart.h): -EINTR when a handler runs;
 * when none runs, ppoll, select and pselect6 start again with the time
 * left they wrote back (-ERESTARTNOHAND; -EINTR when that write faulted),
 * and poll goes on through restart_syscall to its first deadline.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/poll.h"
#include "api/signal.h"
#include "arch/cpu.h"
#include "fs/vfs.h"
#include "compat.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "uaccess.h"

#define NSEC 1000000000ULL
/* What counts as readable, writable and exceptional for select (Linux's). */
#define POLLIN_SET  (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET  POLLPRI

struct deadline {
	bool forever;                 /* no timeout given */
	bool zero;                    /* a zero timeout: look once */
	uint64_t end;                 /* monotonic ns */
};

/* The deadline sec.nsec from now: 0, or -EINVAL for a negative or unnormalized time. */
static long deadline_in(int64_t sec, int64_t nsec, struct deadline *d)
{
	uint64_t now = clock_monotonic_ns();

	if (sec < 0 || nsec < 0 || (uint64_t)nsec >= NSEC)
		return -EINVAL;
	d->forever = false;
	d->zero = sec == 0 && nsec == 0;
	d->end = (uint64_t)sec >= (UINT64_MAX - now) / NSEC - 1 ? UINT64_MAX
		 : now + (uint64_t)sec * NSEC + (uint64_t)nsec;
	return 0;
}

/* The time left to d, in ns (0 once it has passed). */
static uint64_t time_left(const struct deadline *d)
{
	uint64_t now = clock_monotonic_ns();

	return d->end > now ? d->end - now : 0;
}

/* A file's ready events (always readable and writable without a poll operation). */
static unsigned file_poll(struct file *f)
{
	return f->ops->poll ? f->ops->poll(f) : POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
}

/* Look with look(ctx) until it finds something (its count, or its -errno),
 * a signal comes (-ERESTARTNOHAND) or the deadline passes (0). */
static long wait_ready(long (*look)(void *), void *ctx, const struct deadline *d)
{
	for (;;) {
		long n = look(ctx);
		if (n != 0)
			return n;
		if (signal_pending(current()))
			return -ERESTARTNOHAND;
		if (d->zero || (!d->forever && clock_monotonic_ns() >= d->end))
			return 0;
		if (poll_sleep(d->forever ? 0 : d->end) < 0)
			return -ERESTARTNOHAND;
	}
}

/* --- the signal mask of ppoll and pselect6 ------------------------------------ */

/* Put the mask at umask (size bytes) in place for the wait, if there is one: 0 or -errno. */
static long mask_in(uint64_t umask, uint64_t size)
{
	struct proc *p = current();
	uint64_t mask;

	if (!umask)
		return 0;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&mask, (const void *)umask, sizeof(mask)) < 0)
		return -EFAULT;
	p->saved_mask = p->sig_blocked;
	p->restore_mask = true;
	p->sig_blocked = mask & ~SIG_UNBLOCKABLE;
	signal_recalc(p);
	return 0;
}

/* The wait ended with r: the old mask back now, or after the handler for a signal. */
static long mask_out(long r)
{
	struct proc *p = current();

	if (!p->restore_mask)
		return r;
	if (r == -ERESTARTNOHAND) {
		this_cpu()->exit_work |= EXIT_SIGNAL;     /* deliver, or put the mask back */
		return r;
	}
	p->sig_blocked = p->saved_mask;
	p->restore_mask = false;
	signal_recalc(p);
	return r;
}

/* --- poll ------------------------------------------------------------------------ */

struct poll_ctx {
	struct pollfd *fds;
	uint32_t n;
};

/* The file poll and select look at: NULL for a descriptor that is not
 * open or is O_PATH (which names a file but has none to wait on, as
 * Linux's fdget refuses it). */
static struct file *poll_file(uint32_t fd)
{
	struct file *f = fd_file(fd);

	return f && !(f->flags & O_PATH) ? f : NULL;
}

/* Fill every revents: the events asked for that are ready, with POLLERR
 * and POLLHUP always, POLLNVAL for a descriptor that is not open (or
 * O_PATH), nothing for a negative one. The number of entries with any. */
static long poll_look(void *arg)
{
	struct poll_ctx *c = arg;
	long count = 0;

	for (uint32_t i = 0; i < c->n; i++) {
		struct pollfd *pfd = &c->fds[i];
		struct file *f;
		pfd->revents = 0;
		if (pfd->fd < 0)
			continue;
		if (!(f = poll_file((uint32_t)pfd->fd)))
			pfd->revents = POLLNVAL;
		else
			pfd->revents = file_poll(f) & ((uint16_t)pfd->events | POLLERR | POLLHUP);
		count += pfd->revents != 0;
	}
	return count;
}

/* poll's core: -EINVAL for more entries than RLIMIT_NOFILE, -EFAULT for
 * the array; every revents is written back, whatever the outcome. */
static long do_poll(uint64_t ufds, uint32_t nfds, const struct deadline *d)
{
	struct poll_ctx c = { .n = nfds };
	long r;

	if (nfds > rlimit(current(), RLIMIT_NOFILE))
		return -EINVAL;
	if (!(c.fds = kmalloc(nfds ? nfds * sizeof(struct pollfd) : 1)))
		return -ENOMEM;
	if (copy_from_user(c.fds, (const void *)ufds, nfds * sizeof(struct pollfd)) < 0) {
		kfree(c.fds);
		return -EFAULT;
	}
	r = wait_ready(poll_look, &c, d);
	for (uint32_t i = 0; i < nfds; i++) {
		struct pollfd *u = (struct pollfd *)ufds + i;
		if (copy_to_user(&u->revents, &c.fds[i].revents, sizeof(u->revents)) < 0) {
			r = -EFAULT;
			break;
		}
	}
	kfree(c.fds);
	return r;
}

static long poll_restart(struct restart_block *r);

/* poll with deadline d; a signal leaves restart_syscall poll_restart, to
 * go on to the same deadline (Linux's do_restart_poll). */
static long poll_until(uint64_t ufds, uint32_t nfds, const struct deadline *d)
{
	long r = do_poll(ufds, nfds, d);

	if (r != -ERESTARTNOHAND)
		return r;
	return restart_set(poll_restart, ufds, nfds, d->forever | (uint64_t)d->zero << 1, d->end);
}

/* restart_syscall's poll: the same files, the first deadline. */
static long poll_restart(struct restart_block *r)
{
	struct deadline d = { .forever = r->arg[2] & 1, .zero = r->arg[2] >> 1, .end = r->arg[3] };

	return poll_until(r->arg[0], (uint32_t)r->arg[1], &d);
}

/* poll(fds, nfds, timeout): timeout in ms, negative for none. */
long sys_poll(struct trap_frame *tf)
{
	int ms = (int)arg(tf, 2);
	struct deadline d = { .forever = true };

	if (ms >= 0)
		deadline_in(ms / 1000, (int64_t)(ms % 1000) * 1000000, &d);
	return poll_until(arg(tf, 0), (uint32_t)arg(tf, 1), &d);
}

/* A wait that ended with r wrote its time left back (ok: the write worked,
 * or there was none to write): a signal's -ERESTARTNOHAND may restart it
 * with that time; without it only -EINTR is right (Linux's
 * poll_select_finish). */
static long restart_if(long r, bool ok)
{
	return r == -ERESTARTNOHAND && !ok ? -EINTR : r;
}

/* Write the time left to d back to the timespec at u (ppoll, pselect6;
 * a 32-bit one for ts32, the i386 ABI's): false when that write faulted. */
static bool timespec_back(uint64_t u, const struct deadline *d, bool ts32)
{
	uint64_t left = time_left(d);
	struct timespec ts = { (int64_t)(left / NSEC), (int64_t)(left % NSEC) };

	if (!u || d->zero)
		return true;
	return (ts32 ? put_compat_timespec(u, &ts) : copy_to_user((void *)u, &ts, sizeof(ts))) == 0;
}

/* The timespec at u (NULL: none; 32-bit for ts32) as a deadline: 0,
 * -EFAULT or -EINVAL. */
static long timespec_in(uint64_t u, struct deadline *d, bool ts32)
{
	struct timespec ts;

	*d = (struct deadline){ .forever = true };
	if (!u)
		return 0;
	if ((ts32 ? get_compat_timespec(u, &ts) : copy_from_user(&ts, (const void *)u, sizeof(ts))) < 0)
		return -EFAULT;
	return deadline_in(ts.tv_sec, ts.tv_nsec, d);
}

/* ppoll(fds, nfds, timeout, sigmask, sigsetsize): timeout a timespec. */
static long do_ppoll(struct trap_frame *tf, bool ts32)
{
	uint64_t uts = arg(tf, 2);
	struct deadline d;
	long r;

	if ((r = timespec_in(uts, &d, ts32)) < 0 || (r = mask_in(arg(tf, 3), arg(tf, 4))) < 0)
		return r;
	r = mask_out(do_poll(arg(tf, 0), (uint32_t)arg(tf, 1), &d));
	return restart_if(r, timespec_back(uts, &d, ts32));
}

long sys_ppoll(struct trap_frame *tf) { return do_ppoll(tf, false); }

/* --- select ----------------------------------------------------------------------- */

/* The sets, as one word each: NOFILE is 64, and select looks at no
 * descriptor past the table (Linux's max_fds, also 64 to begin with). */
struct select_ctx {
	int n;
	uint64_t in, out, ex;             /* asked */
	uint64_t rin, rout, rex;          /* ready */
};

/* Fill the ready sets: the number of bits set, or -EBADF for an asked descriptor that is not open. */
static long select_look(void *arg)
{
	struct select_ctx *c = arg;
	long count = 0;

	c->rin = c->rout = c->rex = 0;
	for (int fd = 0; fd < c->n; fd++) {
		uint64_t bit = 1ULL << fd;
		struct file *f;
		if (!((c->in | c->out | c->ex) & bit))
			continue;
		if (!(f = poll_file(fd)))
			return -EBADF;
		unsigned mask = file_poll(f);
		if ((c->in & bit) && (mask & POLLIN_SET))
			c->rin |= bit, count++;
		if ((c->out & bit) && (mask & POLLOUT_SET))
			c->rout |= bit, count++;
		if ((c->ex & bit) && (mask & POLLEX_SET))
			c->rex |= bit, count++;
	}
	return count;
}

/* select's core (Linux's core_sys_select): -EINVAL for n < 0; the sets
 * read and written back as whole longs, word bytes each (8, or 4 for the
 * i386 ABI: the same bits, little-endian); -EBADF before any wait. */
static long do_select(int n, uint64_t uin, uint64_t uout, uint64_t uex, const struct deadline *d, size_t word)
{
	struct select_ctx c = { 0 };
	size_t bytes;
	long r;

	if (n < 0)
		return -EINVAL;
	c.n = n > NOFILE ? NOFILE : n;
	bytes = (size_t)(c.n + word * 8 - 1) / (word * 8) * word;
	if (bytes && ((uin && copy_from_user(&c.in, (const void *)uin, bytes) < 0) ||
		      (uout && copy_from_user(&c.out, (const void *)uout, bytes) < 0) ||
		      (uex && copy_from_user(&c.ex, (const void *)uex, bytes) < 0)))
		return -EFAULT;
	if (c.n < 64) {                           /* bits at and past n are not looked at */
		uint64_t keep = (1ULL << c.n) - 1;
		c.in &= keep, c.out &= keep, c.ex &= keep;
	}
	r = wait_ready(select_look, &c, d);
	if (r < 0)
		return r;                         /* a signal, -EBADF: the sets stay as they were */
	if (bytes && ((uin && copy_to_user((void *)uin, &c.rin, bytes) < 0) ||
		      (uout && copy_to_user((void *)uout, &c.rout, bytes) < 0) ||
		      (uex && copy_to_user((void *)uex, &c.rex, bytes) < 0)))
		return -EFAULT;
	return r;
}

/* select(n, in, out, ex, timeout): timeout a timeval (NULL: none; a
 * 32-bit one and 4-byte set words for the i386 ABI), checked before
 * anything else; the time left is written back. */
static long select_tv(int n, uint64_t uin, uint64_t uout, uint64_t uex, uint64_t utv, bool i386)
{
	struct deadline d = { .forever = true };
	struct timeval tv;
	long r;

	if (utv) {
		if ((i386 ? get_compat_timeval(utv, &tv) : copy_from_user(&tv, (const void *)utv, sizeof(tv))) < 0)
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		/* Linux carries whole seconds of tv_usec over; only then may the sum be invalid. */
		int64_t sec = tv.tv_sec + tv.tv_usec / 1000000;
		if (sec < tv.tv_sec || deadline_in(sec, tv.tv_usec % 1000000 * 1000, &d) < 0)
			return -EINVAL;
	}
	r = do_select(n, uin, uout, uex, &d, i386 ? 4 : 8);
	bool ok = true;
	if (utv && !d.zero) {
		uint64_t left = time_left(&d);
		tv = (struct timeval){ (int64_t)(left / NSEC), (int64_t)(left % NSEC / 1000) };
		ok = (i386 ? put_compat_timeval(utv, &tv) : copy_to_user((void *)utv, &tv, sizeof(tv))) == 0;
	}
	return restart_if(r, ok);
}

long sys_select(struct trap_frame *tf)
{
	return select_tv((int)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), arg(tf, 4), false);
}

/*
 * pselect6(n, in, out, ex, timeout, sig): timeout a timespec; sig (may be
 * NULL) points at { const sigset_t *mask; size_t size } (two u32s for the
 * i386 ABI), read first (-EFAULT); then the timeout, then the mask
 * (-EINVAL for a size other than 8), as Linux.
 */
static long do_pselect6(struct trap_frame *tf, bool i386, bool ts32)
{
	uint64_t uts = arg(tf, 4), usig = arg(tf, 5);
	struct { uint64_t mask, size; } sig = { 0, 0 };
	struct deadline d;
	long r;

	if (usig && i386) {
		uint32_t s32[2];
		if (copy_from_user(s32, (const void *)usig, sizeof(s32)) < 0)
			return -EFAULT;
		sig.mask = s32[0], sig.size = s32[1];
	} else if (usig && copy_from_user(&sig, (const void *)usig, sizeof(sig)) < 0) {
		return -EFAULT;
	}
	if ((r = timespec_in(uts, &d, ts32)) < 0 || (r = mask_in(sig.mask, sig.size)) < 0)
		return r;
	r = mask_out(do_select((int)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), &d, i386 ? 4 : 8));
	return restart_if(r, timespec_back(uts, &d, ts32));
}

long sys_pselect6(struct trap_frame *tf) { return do_pselect6(tf, false, false); }

/* --- the i386 ABI's forms (docs/abi.md, "Compat handlers") ------------------------ */

/* _newselect(n, in, out, ex, timeout): 4-byte set words, a 32-bit timeval. */
long compat_sys_newselect(struct trap_frame *tf)
{
	return select_tv((int)arg(tf, 0), arg(tf, 1), arg(tf, 2), arg(tf, 3), arg(tf, 4), true);
}

/* select(args) (82): the old one, its five arguments in a struct of u32s. */
long compat_sys_old_select(struct trap_frame *tf)
{
	uint32_t a[5];

	if (copy_from_user(a, (const void *)arg(tf, 0), sizeof(a)) < 0)
		return -EFAULT;
	return select_tv((int32_t)a[0], a[1], a[2], a[3], a[4], true);
}

/* pselect6 with a 32-bit timespec, pselect6_time64 with a 64-bit one. */
long compat_sys_pselect6(struct trap_frame *tf) { return do_pselect6(tf, true, true); }
long compat_sys_pselect6_time64(struct trap_frame *tf) { return do_pselect6(tf, true, false); }

/* ppoll with a 32-bit timespec (ppoll_time64 shares sys_ppoll). */
long compat_sys_ppoll(struct trap_frame *tf) { return do_ppoll(tf, true); }
