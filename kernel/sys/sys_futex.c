/*
 * sys_futex.c - futex(2): sleeping on a 32-bit user word until someone
 * wakes that word (futex(2), Linux's kernel/futex/), the call glibc's and
 * musl's mutexes, condition variables and pthread_join rest on.
 *
 * Operations: FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET,
 * FUTEX_REQUEUE, FUTEX_CMP_REQUEUE and FUTEX_WAKE_OP, each with
 * FUTEX_PRIVATE_FLAG, and FUTEX_CLOCK_REALTIME for FUTEX_WAIT_BITSET.
 * Every other op is -ENOSYS (the PI ones, FUTEX_FD), as Linux answers an
 * unknown one.
 *
 * Keys: what "the same futex" means (lib/futex_hash.h has the three kinds).
 *   - FUTEX_PRIVATE_FLAG: (address space, user address). Threads share
 *     their struct mm, so their private futexes meet; nothing is looked up
 *     but the address's range (Linux's access_ok): a private FUTEX_WAKE on
 *     an unmapped word is 0, not -EFAULT, as on Linux.
 *   - Shared, on a MAP_SHARED page: (physical frame + offset in the page),
 *     so processes that map the same frame (fork children of a
 *     MAP_SHARED|MAP_ANONYMOUS mapping; there are no file mappings yet)
 *     meet wherever each maps it. Linux keys shared memory by its inode
 *     and page offset; a frame is the same thing here, because shared
 *     memory is allocated at mmap and never moves or swaps.
 *   - Shared, on a private page: (address space, user address), kept apart
 *     from the private kind as Linux keeps FUT_OFF_MMSHARED keys apart.
 *   The word is read first, through copy_from_user (a fault brings the page
 *   in, an unmapped word is -EFAULT), and only then is its frame looked up.
 *   A key holds no reference: a waiter's frame cannot be freed while its
 *   process waits (its mapping holds it), and a stale key could at worst
 *   wake someone early, which futex users must tolerate anyway.
 *
 * Waiting: the waiter's struct futex_q lives on its kernel stack, queued
 * in the bucket of its key, and it sleeps (proc/sleep.c) on the address of
 * that futex_q; a waker takes it off the queue and wakes that channel. The
 * check of the word and the queueing happen with nothing in between (one
 * CPU, interrupts off in the kernel), so a wake-up cannot slip past. The
 * waiter always takes itself off before it returns (woken, timed out,
 * interrupted, or killed: SIGKILL is a signal like any other here), so no
 * queue ever points into a stack that has gone. Whoever took it off
 * decides the answer: the waker (0), else the time (-ETIMEDOUT), else the
 * signal.
 *
 * Signals, as Linux: an untimed wait returns -ERESTARTSYS (restarted for
 * an SA_RESTART handler or none, else -EINTR); a timed one leaves a
 * restart block with the absolute deadline and returns
 * -ERESTART_RESTARTBLOCK (-EINTR for any handler, restart_syscall goes on
 * to the same deadline otherwise). FUTEX_WAIT's timeout is relative on
 * CLOCK_MONOTONIC, FUTEX_WAIT_BITSET's absolute on CLOCK_MONOTONIC, or on
 * CLOCK_REALTIME with FUTEX_CLOCK_REALTIME (the wall clock never jumps
 * here, so that deadline is turned into a monotonic one at once).
 *
 * SMP will need the buckets' locks (lib/futex_hash.h) and the check and
 * queueing under the bucket's lock, as Linux's futex_wait_setup.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "api/futex.h"
#include "api/vvar.h"
#include "compat.h"
#include "futex.h"
#include "kernel.h"
#include "lib/futex_hash.h"
#include "lib/futex_op.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"
#include "restart.h"
#include "syscall.h"
#include "time/clock.h"
#include "uaccess.h"

#define NSEC 1000000000ULL
#define NO_DEADLINE 0                    /* sleep_on's "none"; real deadlines are >= 1 */

static struct futex_table futexes;

/* A waker took q off its queue: its sleeper runs again. */
static void wake_waiter(struct futex_q *q) { wakeup(q); }

/* The key of a shared futex at uaddr of mm, whose page is present. */
static long shared_key(struct mm *mm, uint64_t uaddr, struct futex_key *k)
{
	uint64_t frame = uvm_frame(mm->root, uaddr);

	if (!frame)
		return -EFAULT;
	if (uvm_flags(mm->root, uaddr) & PTE_SHARED)
		*k = (struct futex_key){ 0, frame | (uaddr & (PAGE_SIZE - 1)), FUTEX_KEY_FRAME };
	else
		*k = (struct futex_key){ (uint64_t)mm, uaddr, FUTEX_KEY_MM };
	return 0;
}

static long get_word(uint64_t uaddr, uint32_t *v)
{
	return copy_from_user(v, (void *)uaddr, sizeof(*v)) < 0 ? -EFAULT : 0;
}

/* The key of the current process's futex at uaddr (Linux's
 * get_futex_key): -EINVAL when not 4-byte aligned, -EFAULT outside the
 * user half or (shared) where no page can be read. */
static long key_of(uint64_t uaddr, bool private, struct futex_key *k)
{
	struct mm *mm = current()->mm;
	uint32_t v;
	long r;

	if (uaddr & 3)
		return -EINVAL;
	if (!user_range_ok(uaddr, sizeof(uint32_t)))
		return -EFAULT;
	if (private) {
		*k = (struct futex_key){ (uint64_t)mm, uaddr, FUTEX_KEY_PRIVATE };
		return 0;
	}
	if ((r = get_word(uaddr, &v)) < 0)       /* brings the page in */
		return r;
	return shared_key(mm, uaddr, k);
}

static bool passed(uint64_t deadline) { return deadline != NO_DEADLINE && clock_monotonic_ns() >= deadline; }

static long wait_restart(struct restart_block *r);

/* FUTEX_WAIT(_BITSET): sleep while the word at uaddr is val, until a wake
 * whose bitset meets bitset, the monotonic deadline, or a signal. */
static long futex_wait(uint64_t uaddr, bool private, uint32_t val, uint64_t deadline, uint32_t bitset)
{
	struct futex_q q = { .bitset = bitset, .waiter = current() };
	uint32_t cur;
	long r;

	if (!bitset)
		return -EINVAL;
	if ((r = key_of(uaddr, private, &q.key)) < 0 || (r = get_word(uaddr, &cur)) < 0)
		return r;
	if (cur != val)
		return -EAGAIN;
	futex_enqueue(&futexes, &q);
	/* sleep_on says 0 for a wake-up, the deadline, or a stop that ended:
	 * look again at which one it was. */
	while (q.bucket && !passed(deadline) && sleep_on(&q, deadline) == 0)
		;
	if (!futex_dequeue(&q))
		return 0;                        /* woken: that wins over a signal or the time */
	if (passed(deadline))
		return -ETIMEDOUT;
	if (deadline == NO_DEADLINE)
		return -ERESTARTSYS;
	return restart_set(wait_restart, uaddr, val | (uint64_t)private << 32, deadline, bitset);
}

/* restart_syscall's futex wait: the same word, value and absolute deadline. */
static long wait_restart(struct restart_block *r)
{
	return futex_wait(r->arg[0], r->arg[1] >> 32, (uint32_t)r->arg[1], r->arg[2], (uint32_t)r->arg[3]);
}

/* FUTEX_WAKE(_BITSET): wake up to nr waiters whose bitset meets bitset. */
static long futex_wake(uint64_t uaddr, bool private, int nr, uint32_t bitset)
{
	struct futex_key k;
	long r;

	if (!bitset)
		return -EINVAL;
	if ((r = key_of(uaddr, private, &k)) < 0)
		return r;
	return futex_wake_key(&futexes, &k, nr, bitset, wake_waiter);
}

/* FUTEX_(CMP_)REQUEUE: wake nr_wake waiters of uaddr and move up to
 * nr_requeue more to uaddr2; with cmp, only while *uaddr == *cmp. */
static long futex_requeue(uint64_t uaddr, bool private, uint64_t uaddr2, int nr_wake, int nr_requeue,
			  const uint32_t *cmp)
{
	struct futex_key k1, k2;
	uint32_t cur;
	long r;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if ((r = key_of(uaddr, private, &k1)) < 0 || (r = key_of(uaddr2, private, &k2)) < 0)
		return r;
	if (cmp) {
		if ((r = get_word(uaddr, &cur)) < 0)
			return r;
		if (cur != *cmp)
			return -EAGAIN;
	}
	return futex_requeue_key(&futexes, &k1, &k2, nr_wake, nr_requeue, wake_waiter);
}

/* FUTEX_WAKE_OP: change the word at uaddr2 atomically by the operation
 * val3 encodes (lib/futex_op.h), wake up to nr waiters of uaddr, and up to
 * nr2 of uaddr2 too when the comparison holds for the word's old value
 * (glibc's condition variables before 2.25 signalled this way). */
static long futex_wake_op(uint64_t uaddr, bool private, uint64_t uaddr2, int nr, int nr2, uint32_t val3)
{
	struct futex_key k1, k2;
	struct futex_op o;
	uint32_t old, seen;
	long r;
	int cmp;

	if ((r = key_of(uaddr, private, &k1)) < 0 || (r = key_of(uaddr2, private, &k2)) < 0)
		return r;
	if (!futex_op_decode(val3, &o))
		return -ENOSYS;
	if ((r = get_word(uaddr2, &old)) < 0)
		return r;
	/* Read, compute, swap in if unchanged (another CPU's thread may
	 * write the word meanwhile, without the big lock: it is user memory). */
	for (;;) {
		seen = old;
		if ((r = cmpxchg_user32(uaddr2, &seen, futex_op_apply(&o, old))) < 0)
			return r;                    /* (a read-only page, say) */
		if (seen == old)
			break;
		old = seen;
	}
	if ((cmp = futex_op_compare(&o, old)) < 0)
		return -ENOSYS;                      /* as Linux: after the word changed */
	r = futex_wake_key(&futexes, &k1, nr, FUTEX_BITSET_MATCH_ANY, wake_waiter);
	if (cmp)
		r += futex_wake_key(&futexes, &k2, nr2, FUTEX_BITSET_MATCH_ANY, wake_waiter);
	return r;
}

static uint64_t ts_ns(const struct timespec *t)
{
	if ((uint64_t)t->tv_sec >= UINT64_MAX / NSEC - 1)
		return UINT64_MAX;                   /* past any uptime: never */
	return (uint64_t)t->tv_sec * NSEC + (uint64_t)t->tv_nsec;
}

static uint64_t add_sat(uint64_t a, uint64_t b) { return b > UINT64_MAX - a ? UINT64_MAX : a + b; }

/* The monotonic deadline of a valid timeout: relative for FUTEX_WAIT,
 * absolute for FUTEX_WAIT_BITSET (on the wall clock with realtime). */
static uint64_t deadline_of(int cmd, bool realtime, const struct timespec *t)
{
	uint64_t d, mono;
	struct timespec now;

	if (cmd == FUTEX_WAIT) {
		d = add_sat(clock_monotonic_ns(), ts_ns(t));
	} else if (!realtime) {
		d = ts_ns(t);
	} else {
		/* The wall clock, then the monotonic time the deadline counts
		 * from (clock_nanosleep's order: never early). */
		vvar_clock(vvar, CLOCK_REALTIME, &now);
		mono = clock_monotonic_ns();
		uint64_t want = ts_ns(t), wall = ts_ns(&now);
		d = want > wall ? add_sat(mono, want - wall) : mono;
	}
	return d ? d : 1;
}

/* futex(uaddr, op, val, timeout or val2, uaddr2, val3); ts32: the timeout
 * is the i386 ABI's 32-bit timespec. Linux's order of checks: the timeout
 * (-EFAULT, -EINVAL), the clock flag (-ENOSYS), then the op's own. */
static long do_futex(struct trap_frame *tf, bool ts32)
{
	uint64_t uaddr = arg(tf, 0), utime = arg(tf, 3), uaddr2 = arg(tf, 4);
	int op = (int)arg(tf, 1), cmd = op & FUTEX_CMD_MASK;
	uint32_t val = (uint32_t)arg(tf, 2), val3 = (uint32_t)arg(tf, 5);
	bool private = op & FUTEX_PRIVATE_FLAG, realtime = op & FUTEX_CLOCK_REALTIME;
	uint64_t deadline = NO_DEADLINE;
	struct timespec ts;

	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		if ((ts32 ? get_compat_timespec(utime, &ts) : copy_from_user(&ts, (void *)utime, sizeof(ts))) < 0)
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || (uint64_t)ts.tv_nsec >= NSEC)
			return -EINVAL;
		deadline = deadline_of(cmd, realtime, &ts);
	}
	if (realtime && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;                      /* Linux allows it only there (and on PI ops) */
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, private, val, deadline, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, private, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, private, (int)val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, (int)val, val3);
	case FUTEX_REQUEUE:
		/* val2, the second count, travels in the timeout's place. */
		return futex_requeue(uaddr, private, uaddr2, (int)val, (int)(uint32_t)utime, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, private, uaddr2, (int)val, (int)(uint32_t)utime, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, private, uaddr2, (int)val, (int)(uint32_t)utime, val3);
	}
	return -ENOSYS;
}

long sys_futex(struct trap_frame *tf) { return do_futex(tf, false); }

/* i386's futex (240): the timeout is a 32-bit timespec. Its futex_time64
 * (422) takes the 64-bit one: sys_futex, the same as for 64-bit callers. */
long compat_sys_futex(struct trap_frame *tf) { return do_futex(tf, true); }

int futex_wake_addr(struct mm *mm, uint64_t uaddr, int nr)
{
	struct futex_key k;
	long r;

	if (uaddr & 3)
		return -EINVAL;
	if (!user_range_ok(uaddr, sizeof(uint32_t)))
		return -EFAULT;
	if ((r = shared_key(mm, uaddr, &k)) < 0)
		return (int)r;
	return futex_wake_key(&futexes, &k, nr, FUTEX_BITSET_MATCH_ANY, wake_waiter);
}
