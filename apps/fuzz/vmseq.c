/*
 * vmseq.c - stage 3: random sequences of mmap, munmap, mprotect, madvise,
 * mremap and fork over a small region, with reads and writes of its pages
 * between them, each checked against a model of what Linux would do: a
 * touch faults exactly when the model says (SIGSEGV, SEGV_MAPERR where
 * nothing is mapped, SEGV_ACCERR where the rights say no, si_addr the
 * byte), and reads what the model says the page holds. A fork's child
 * checks every page, writes some, and the parent then sees the child's
 * writes in shared pages only (copy-on-write). The runner's leak check
 * (guarded) sees the frames come back after the batch child ends; the
 * batch itself checks that unmapping the region gave back what it took.
 *
 * The region is REGION_PAGES pages at REGION_BASE, far below where the
 * kernel hands out addresses, so MAP_FIXED there replaces nothing else.
 * Where Linux leaves a result open (mprotect or madvise over a hole:
 * -ENOMEM after changing some pages), the model marks those pages
 * unknown and stops checking them until a later call makes them known.
 * Growing a shared mapping with mremap is left out (Linux then gives
 * SIGBUS past the shared object's end).
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

#define REGION_BASE   0x0000100000000000UL   /* 16 TiB: nothing else maps here */
#define REGION_PAGES  48
#define VERIFY_EVERY  16                     /* ops between checks of every page */
#define FRAME_SLACK   32                     /* page tables the kernel may keep */
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0x4000                 /* Linux's value (api/abi.h may not name it yet) */
#endif

long touch_read(const void *addr);           /* touch.S */
long touch_write(void *addr, int byte);
extern const char touch_read_at[], touch_read_resume[], touch_write_at[], touch_write_resume[];

/* What the model knows of one page. */
struct vpage {
	uint8_t mapped, prot, shared, value;     /* value: the byte at each probe offset */
	uint8_t prot_known, value_known;
	uint32_t id;                             /* pages of one id, side by side, are one mapping */
};
static struct vpage M[REGION_PAGES];
static uint32_t next_id = 1;
static const struct path *P;
static int fails, op_no;
static const int probes[3] = { 0, PAGE / 2 + 7, PAGE - 1 };

static volatile int fault_hits, fault_code;
static volatile uint64_t fault_addr;

static uint64_t page_addr(int i) { return REGION_BASE + (uint64_t)i * PAGE; }

#define FAIL(fmt, ...) (report('F', "op %d: " fmt, op_no, ##__VA_ARGS__), fails++)

/* SIGSEGV: note it, and resume after the access with -1. */
static void on_segv(int sig, struct k_siginfo *info, void *ucv)
{
	struct k_sigcontext *r = &((struct k_ucontext *)ucv)->uc_mcontext;

	fault_hits++;
	fault_code = info->si_code;
	fault_addr = info->u.addr;
	if (r->rip == (uint64_t)touch_read_at)
		r->rip = (uint64_t)touch_read_resume;
	else if (r->rip == (uint64_t)touch_write_at)
		r->rip = (uint64_t)touch_write_resume;
	else
		_exit(3);                              /* a fault nobody planned */
	r->rax = (uint64_t)-1;
}

static int readable(const struct vpage *v) { return v->mapped && v->prot != PROT_NONE; }
static int writable(const struct vpage *v) { return v->mapped && (v->prot & PROT_WRITE); }

/* One access to page i at probe offset off; checks the fault against the model. */
static void touch(int i, int off, int write, uint8_t byte)
{
	struct vpage *v = &M[i];
	uint64_t a = page_addr(i) + off;

	if (v->mapped && !v->prot_known)
		return;                                /* either outcome would be right */
	int want_fault = write ? !writable(v) : !readable(v);
	int want_code = v->mapped ? SEGV_ACCERR : SEGV_MAPERR;
	fault_hits = 0;
	long r = write ? touch_write((void *)a, byte) : touch_read((void *)a);
	if (want_fault) {
		if (fault_hits != 1 || fault_code != want_code || fault_addr != a)
			FAIL("%s of page %d (%s, prot %d): faults %d, si_code %d, si_addr %s; want one fault, %s",
			     write ? "write" : "read", i, v->mapped ? "mapped" : "unmapped", v->prot, fault_hits,
			     fault_code, fault_addr == a ? "right" : "wrong",
			     want_code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
		return;
	}
	if (fault_hits || r < 0) {
		FAIL("%s of page %d (prot %d) faulted (si_code %d)", write ? "write" : "read", i, v->prot, fault_code);
		return;
	}
	if (write)
		v->value = byte;                       /* every probe gets it (touch_page) */
	else if (v->value_known && r != v->value)
		FAIL("page %d reads %ld at +%d, want %d", i, r, off, v->value);
}

/* All three probes of page i: a write keeps the page's value one byte. */
static void touch_page(int i, int write, uint8_t byte)
{
	for (int k = 0; k < 3; k++)
		touch(i, probes[k], write, byte);
	if (write && writable(&M[i]) && M[i].prot_known)
		M[i].value_known = 1;
}

static void verify_all(void)
{
	for (int i = 0; i < REGION_PAGES; i++)
		if (!M[i].mapped || M[i].prot_known)
			touch(i, probes[i % 3], 0, 0);
}

static void set_mapped(int i, int prot, int shared, uint32_t id)
{
	M[i] = (struct vpage){ 1, (uint8_t)prot, (uint8_t)shared, 0, 1, 1, id };
}

static void set_unmapped(int i) { M[i] = (struct vpage){ 0 }; }

static long call(long nr, long a, long b, long c, long d, long e)
{
	return P->call(nr, a, b, c, d, e, 0);
}

static int pick_prot(uint64_t *rng)
{
	static const int prots[] = { PROT_NONE, PROT_READ, PROT_READ | PROT_WRITE, PROT_READ | PROT_WRITE,
				     PROT_WRITE };
	return prots[below(rng, sizeof(prots) / sizeof(prots[0]))];
}

/* --- the operations ------------------------------------------------------------ */

static void op_mmap(int a, int n, uint64_t *rng, int trace)
{
	int prot = pick_prot(rng), shared = below(rng, 4) == 0;
	long flags = (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS | MAP_FIXED |
		     (below(rng, 4) == 0 ? MAP_NORESERVE : 0);

	if (trace)
		report('C', "op %d: mmap(page %d, %d pages, prot %d, %s)", op_no, a, n, prot, shared ? "shared" : "private");
	long r = call(SYS_mmap, page_addr(a), n * PAGE, prot, flags, -1);
	if (r != (long)page_addr(a)) {
		FAIL("mmap(MAP_FIXED at page %d, %d pages, prot %d) = %ld", a, n, prot, r);
		return;
	}
	uint32_t id = next_id++;
	for (int i = a; i < a + n; i++)
		set_mapped(i, prot, shared, id);
}

static void op_munmap(int a, int n, int trace)
{
	if (trace)
		report('C', "op %d: munmap(page %d, %d pages)", op_no, a, n);
	long r = call(SYS_munmap, page_addr(a), n * PAGE, 0, 0, 0);
	if (r != 0)
		FAIL("munmap(page %d, %d pages) = %ld", a, n, r);
	for (int i = a; i < a + n; i++)
		set_unmapped(i);
}

/* The first page of [a, a+n) nothing maps, or a+n. */
static int first_hole(int a, int n)
{
	int i = a;

	while (i < a + n && M[i].mapped)
		i++;
	return i;
}

static void op_mprotect(int a, int n, uint64_t *rng, int trace)
{
	int prot = pick_prot(rng), hole = first_hole(a, n);

	if (trace)
		report('C', "op %d: mprotect(page %d, %d pages, prot %d)", op_no, a, n, prot);
	long r = call(SYS_mprotect, page_addr(a), n * PAGE, prot, 0, 0);
	long want = hole == a + n ? 0 : -ENOMEM;
	if (r != want)
		FAIL("mprotect(page %d, %d pages, prot %d) = %ld, want %ld", a, n, prot, r, want);
	/* The changed pages are new mappings, one per mapping they were part of. */
	uint32_t id = 0, was = 0;
	for (int i = a; i < hole; i++) {
		if (i == a || M[i].id != was)
			id = next_id++;
		was = M[i].id;
		M[i].prot = prot, M[i].id = id;
		/* Over a hole Linux changes the pages before it; leave them open. */
		M[i].prot_known = hole == a + n;
	}
}

static void op_madvise(int a, int n, uint64_t *rng, int trace)
{
	static const int advice[] = { MADV_DONTNEED, MADV_DONTNEED, MADV_NORMAL, MADV_WILLNEED };
	int adv = advice[below(rng, 4)], hole = first_hole(a, n);

	if (trace)
		report('C', "op %d: madvise(page %d, %d pages, %d)", op_no, a, n, adv);
	long r = call(SYS_madvise, page_addr(a), n * PAGE, adv, 0, 0);
	long want = hole == a + n ? 0 : -ENOMEM;
	if (r != want)
		FAIL("madvise(page %d, %d pages, %d) = %ld, want %ld", a, n, adv, r, want);
	if (adv != MADV_DONTNEED)
		return;
	for (int i = a; i < a + n; i++) {
		if (!M[i].mapped || M[i].shared)
			continue;                          /* shared memory keeps its contents */
		if (hole == a + n)
			M[i].value = 0;                    /* private memory reads zeros again */
		else
			M[i].value_known = 0;              /* Linux goes on past the hole; leave it open */
	}
}

/* Check the moved copy of old pages at `to` (n pages), reading what the
 * model said the old pages held. */
static void check_moved(uint64_t to, int from, int n)
{
	for (int i = 0; i < n; i++) {
		struct vpage *v = &M[from + i];
		if (!readable(v) || !v->prot_known)
			continue;
		fault_hits = 0;
		long r = touch_read((void *)(to + i * PAGE + probes[i % 3]));
		if (fault_hits || (v->value_known && r != v->value))
			FAIL("mremap moved page %d: reads %ld (faults %d), want %d", from + i, r, fault_hits, v->value);
	}
}

/* mremap of a piece of one mapping (pages of one id, side by side). */
static void op_mremap(uint64_t *rng, int trace)
{
	int i = below(rng, REGION_PAGES);
	if (!M[i].mapped || !M[i].prot_known)
		return;
	int s = i, e = i + 1;
	while (s > 0 && M[s - 1].mapped && M[s - 1].id == M[i].id)
		s--;
	while (e < REGION_PAGES && M[e].mapped && M[e].id == M[i].id)
		e++;
	int a = s + below(rng, e - s), n = 1 + below(rng, e - a);
	int mode = below(rng, 4), grow = M[i].shared ? 0 : below(rng, 4);
	struct vpage old[REGION_PAGES];
	memcpy(old, M, sizeof(M));

	if (mode == 0) {                           /* shrink in place */
		int m = n > 1 ? 1 + below(rng, n - 1) : n;
		if (trace)
			report('C', "op %d: mremap(page %d, %d pages -> %d)", op_no, a, n, m);
		long r = call(SYS_mremap, page_addr(a), n * PAGE, m * PAGE, 0, 0);
		if (r != (long)page_addr(a))
			FAIL("mremap(page %d, %d pages -> %d) = %ld", a, n, m, r);
		for (int k = a + m; k < a + n; k++)
			set_unmapped(k);
	} else if (mode == 1) {                    /* grow in place, or -ENOMEM */
		int m = n + 1 + grow;
		if (a + m > REGION_PAGES || M[i].shared)
			return;
		int free = a + n == e;                 /* the end of the mapping ... */
		for (int k = a + n; k < a + m; k++)
			free &= !M[k].mapped;              /* ... and nothing after it */
		if (trace)
			report('C', "op %d: mremap(page %d, %d pages -> %d, in place)", op_no, a, n, m);
		long r = call(SYS_mremap, page_addr(a), n * PAGE, m * PAGE, 0, 0);
		long want = free ? (long)page_addr(a) : -ENOMEM;
		if (r != want)
			FAIL("mremap(page %d, %d pages -> %d, in place) = %ld, want %ld", a, n, m, r, want);
		if (r == want && free)
			for (int k = a + n; k < a + m; k++)
				set_mapped(k, M[a].prot, 0, M[a].id);
	} else if (mode == 2) {                    /* MREMAP_MAYMOVE | MREMAP_FIXED, inside the region */
		int m = M[i].shared ? 1 + below(rng, n) : 1 + below(rng, n + 2);
		int t = below(rng, REGION_PAGES - m + 1);
		if (t < a + n && a < t + m)
			return;                            /* overlapping: -EINVAL, not interesting */
		if (trace)
			report('C', "op %d: mremap(page %d, %d pages -> page %d, %d pages)", op_no, a, n, t, m);
		long r = call(SYS_mremap, page_addr(a), n * PAGE, m * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
			      page_addr(t));
		if (r != (long)page_addr(t)) {
			FAIL("mremap(page %d, %d pages -> page %d, %d pages) = %ld", a, n, t, m, r);
			return;
		}
		uint32_t id = next_id++;
		for (int k = a; k < a + n; k++)
			set_unmapped(k);
		for (int k = 0; k < m; k++) {
			if (k < n)
				M[t + k] = old[a + k], M[t + k].id = id;
			else
				set_mapped(t + k, old[a].prot, 0, id);
		}
	} else {                                   /* MREMAP_MAYMOVE: wherever the kernel likes */
		int m = n + (M[i].shared ? 0 : grow);
		if (a + m > REGION_PAGES)
			m = n;                             /* past the region the model knows nothing */
		if (trace)
			report('C', "op %d: mremap(page %d, %d pages -> %d, may move)", op_no, a, n, m);
		long r = call(SYS_mremap, page_addr(a), n * PAGE, m * PAGE, MREMAP_MAYMOVE, 0);
		if (r < 0 || (r & (PAGE - 1))) {
			FAIL("mremap(page %d, %d pages -> %d, may move) = %ld", a, n, m, r);
			return;
		}
		if (r == (long)page_addr(a)) {         /* grown in place: only where it was free */
			for (int k = a + n; k < a + m; k++)
				if (M[k].mapped || a + n != e)
					FAIL("mremap(page %d, %d -> %d pages) grew in place over page %d", a, n, m, k);
			for (int k = a + n; k < a + m; k++)
				set_mapped(k, M[a].prot, 0, M[a].id);
			return;
		}
		/* Moved: the contents came along; then away with it. */
		check_moved(r, a, n);
		for (int k = a; k < a + n; k++)
			set_unmapped(k);
		if (call(SYS_munmap, r, m * PAGE, 0, 0, 0) != 0)
			FAIL("munmap of the moved mapping");
		if (r >= (long)REGION_BASE && r < (long)page_addr(REGION_PAGES))
			for (int k = (r - REGION_BASE) / PAGE; k < REGION_PAGES && k < (int)((r - REGION_BASE) / PAGE) + m; k++)
				set_unmapped(k);
	}
}

/* fork: the child sees every page as it was and writes some (the list is
 * made before the fork, so both know it); then the parent sees the child's
 * writes in shared pages only. */
static void op_fork(uint64_t *rng, int trace)
{
	int pages[8], nw = 0;
	uint8_t bytes[8];

	for (int k = 0; k < 8; k++) {
		int i = below(rng, REGION_PAGES);
		if (writable(&M[i]) && M[i].prot_known)
			pages[nw] = i, bytes[nw++] = (uint8_t)(0x80 | below(rng, 128));
	}
	if (trace)
		report('C', "op %d: fork (the child writes %d pages)", op_no, nw);
	long pid = call(SYS_fork, 0, 0, 0, 0, 0);
	if (pid < 0) {
		FAIL("fork = %ld", pid);
		return;
	}
	if (pid == 0) {
		fails = 0;                             /* the child's own */
		verify_all();
		for (int k = 0; k < nw; k++)
			touch_page(pages[k], 1, bytes[k]);
		verify_all();
		_exit(fails ? 1 : 0);
	}
	int status = -1;
	while (call(SYS_wait4, pid, (long)&status, 0, 0, 0) == -EINTR)
		;
	if (status != 0)
		FAIL("the fork child ended with status 0x%x", status);
	for (int k = 0; k < nw; k++)
		if (M[pages[k]].shared)
			M[pages[k]].value = bytes[k];
	verify_all();
}

/* --- one batch --------------------------------------------------------------- */

void vmseq_batch(void *arg)
{
	struct batch *b = arg;
	uint64_t rng = b->seed ^ (0x9fb21c651e98df25ULL * (uint64_t)(b->index + 1));
	struct k_sigaction sa = { (uint64_t)on_segv, SA_SIGINFO | SA_RESTORER | SA_NODEFER,
				  (uint64_t)libc_restorer(), 0 };
	struct trapdoor_stats st0, st1;

	P = &paths[b->path];
	if (P->call(SYS_rt_sigaction, SIGSEGV, (long)&sa, 0, 8, 0, 0) != 0) {
		report('F', "no SIGSEGV handler");
		_exit(1);
	}
	trapdoor_stats(&st0);
	long r = call(SYS_mmap, REGION_BASE, REGION_PAGES * PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1);
	if (r != (long)REGION_BASE) {
		report('F', "the region at 0x%lx: mmap = %ld", REGION_BASE, r);
		_exit(1);
	}
	for (int i = 0; i < REGION_PAGES; i++)
		set_mapped(i, PROT_READ | PROT_WRITE, 0, 0);
	for (op_no = 0; op_no < b->calls; op_no++) {
		int a = below(&rng, REGION_PAGES), n = 1 + below(&rng, REGION_PAGES - a < 8 ? REGION_PAGES - a : 8);
		int k = below(&rng, 32);
		if (k < 14) {                          /* touches are most of it */
			int i = below(&rng, REGION_PAGES), write = below(&rng, 2);
			if (b->trace)
				report('C', "op %d: %s page %d", op_no, write ? "write" : "read", i);
			touch_page(i, write, (uint8_t)(1 + below(&rng, 126)));
		} else if (k < 18)
			op_mmap(a, n, &rng, b->trace);
		else if (k < 21)
			op_munmap(a, n, b->trace);
		else if (k < 25)
			op_mprotect(a, n, &rng, b->trace);
		else if (k < 28)
			op_madvise(a, n, &rng, b->trace);
		else if (k < 31)
			op_mremap(&rng, b->trace);
		else
			op_fork(&rng, b->trace);
		if (op_no % VERIFY_EVERY == 0)
			verify_all();
	}
	verify_all();
	/* Everything the region took comes back when it goes (page tables
	 * the kernel may keep aside). */
	call(SYS_munmap, REGION_BASE, REGION_PAGES * PAGE, 0, 0, 0);
	trapdoor_stats(&st1);
	if (!concurrent && st1.free_frames + FRAME_SLACK < st0.free_frames)   /* (concurrent: others' frames too) */
		report('F', "unmapping the region left %lu frames taken",
		       (unsigned long)(st0.free_frames - st1.free_frames));
	_exit(fails ? 1 : 0);
}
