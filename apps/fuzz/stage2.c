/*
 * stage2.c - one batch of random calls, in a child: a call from the
 * table (or, now and then, a number the kernel lacks), typed arguments
 * from the pools, guard_before, the call through the batch's entry path,
 * the result checked, guard_after. The batch's random state comes from
 * the seed and the batch number alone, so `fuzz --seed S --batch B`
 * makes the same calls again.
 */
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

#define REFRESH_EVERY 250                 /* calls between reopening closed pool descriptors */

/* Some batches make their second half with a table full: one in 32 with
 * no memory left (that costs 2 s under TCG), four with no descriptor
 * left, two with no process slot left. */
static const struct {
	const char *what;
	void (*fill)(void);
} fillers[32] = {
	[0] = { "taking all free memory", world_squeeze },
	[1] = { "filling the descriptor table", world_fill_fds },
	[2] = { "filling the descriptor table", world_fill_fds },
	[3] = { "filling the descriptor table", world_fill_fds },
	[4] = { "filling the descriptor table", world_fill_fds },
	[5] = { "filling the process table", world_fill_procs },
	[6] = { "filling the process table", world_fill_procs },
};

/* Arguments a random value may replace now and then (the rest keep the
 * batch alive: descriptors, paths that change things, handlers, sleeps,
 * mappings, the break, kill's pair). */
static const uint8_t may_be_random[K_COUNT] = {
	[K_INT] = 1, [K_IN] = 1, [K_OUT] = 1, [K_LEN] = 1, [K_RPATH] = 1, [K_OFLAGS] = 1,
	[K_MODE] = 1, [K_WHENCE] = 1, [K_OFF] = 1, [K_SIG] = 1, [K_HOW] = 1, [K_SIGSZ] = 1,
	[K_CLOCK] = 1, [K_WPID] = 1, [K_WOPTS] = 1, [K_PROT] = 1, [K_MAPFLAGS] = 1, [K_IOV] = 1,
	[K_IOVCNT] = 1, [K_ARGV] = 1, [K_STR] = 1, [K_FSTYPE] = 1, [K_MDATA] = 1, [K_MSFLAGS] = 1, [K_UMFLAGS] = 1,
	[K_PIPEFLAGS] = 1, [K_PRCTL] = 1, [K_RES] = 1, [K_ATFLAGS] = 1, [K_AMODE] = 1, [K_LOFF] = 1,
	[K_ID] = 1, [K_WHO] = 1, [K_PROPT] = 1, [K_GRND] = 1, [K_ADVICE] = 1, [K_REMAPFLAGS] = 1, [K_RNFLAGS] = 1,
	[K_NODEMODE] = 1,
};

static const struct sysc *fuzzable[NR_SYSCALLS];
static int nfuzzable;

/* A number the kernel lacks: just past the table, in a gap, or wide. The
 * number is eax (as on Linux), so a wide one's low 32 bits must be missing
 * too: 1 << 32 would be read, (1 << 32) + 39 getpid (conform's
 * enosys_numbers checks those). */
static long missing(uint64_t *rng)
{
	static const long wide[] = { -1L, (long)0x80000000UL, (1L << 32) | 0xfffffff0L,
				     (long)0x8000000000000000UL | 0x7fffffff, NR_SYSCALLS, 4096, 0x7fffffff };

	for (int tries = 0; tries < 8; tries++) {
		long nr = below(rng, NR_MAX + 17);
		if (!sysc_by_nr(nr))
			return nr;
	}
	return wide[below(rng, sizeof(wide) / sizeof(wide[0]))];
}

/* One call in ODD_ONE is made with DF, AC or NT set, or rsp elsewhere. */
#define ODD_ONE 16
static void odd_state(struct call *c, uint64_t *rng)
{
	static const uint64_t flags[] = { 0x400, 0x40000, 0x4000, 0x44400, 0 };
	static const struct { uint64_t rsp; const char *what; } stacks[] = {
		{ 0, "rsp 0" }, { 1, "rsp 1" }, { USER_END, "rsp non-canonical" },
		{ 0xffff800000000000UL, "rsp kernel half" }, { 0xffffffff80000000UL, "rsp kernel text" },
	};
	int k;

	c->flags = flags[below(rng, sizeof(flags) / sizeof(flags[0]))];
	switch (k = below(rng, 8)) {
	case 0: case 1: case 2: case 3: case 4:
		c->odd_rsp = 1, c->rsp = stacks[k].rsp, c->rsp_what = stacks[k].what;
		break;
	case 5:
		c->odd_rsp = 1, c->rsp = W.buf_end, c->rsp_what = "rsp at an unmapped page";
		break;
	case 6:
		c->odd_rsp = 1, c->rsp = W.buf + 2 * PAGE + 3, c->rsp_what = "rsp misaligned";
		break;
	}
}

/* Make c through path p, from the odd state when it has one. */
static long make(const struct call *c, int p)
{
	if (!c->flags && !c->odd_rsp)
		return paths[p].call(c->nr, c->a[0], c->a[1], c->a[2], c->a[3], c->a[4], c->a[5]);
	struct odd o = { c->nr, { c->a[0], c->a[1], c->a[2], c->a[3], c->a[4], c->a[5] },
			 c->flags, c->rsp, p == 0, c->odd_rsp };
	return odd_call(&o);
}

static void gen(struct call *c, uint64_t *rng)
{
	*c = (struct call){ 0 };
	if (below(rng, 50) == 0) {
		c->nr = missing(rng);
		for (int i = 0; i < 6; i++)
			pick(c, i, K_INT, rng);
		return;
	}
	c->sc = fuzzable[below(rng, nfuzzable)];
	c->nr = c->sc->nr;
	for (int i = 0; i < 6; i++) {
		int k = i < c->sc->nargs ? c->sc->spec->arg[i] : K_INT;
		if (may_be_random[k] && below(rng, 32) == 0)
			k = K_INT;
		pick(c, i, k, rng);
	}
	if (below(rng, ODD_ONE) == 0)
		odd_state(c, rng);
	guard_before(c);
}

void stage2_batch(void *arg)
{
	struct batch *b = arg;
	const struct path *P = &paths[b->path];
	uint64_t rng = b->seed ^ (0x2545f4914f6cdd1dULL * (uint64_t)(b->index + 1));
	int fails = 0;
	char d[768];
	static uint32_t made[NR_SYSCALLS], ok[NR_SYSCALLS];

	for (int i = 0; i < nsysc; i++)
		if (sysc[i].spec && !(sysc[i].spec->flags & F_SKIP) && nfuzzable < NR_SYSCALLS)
			fuzzable[nfuzzable++] = &sysc[i];
	if (world_setup() < 0) {
		report('F', "could not set up the child");
		_exit(1);
	}
	int filler = below(&rng, 32);
	for (int i = 0; i < b->calls; i++) {
		struct call c;
		if (i && i % REFRESH_EVERY == 0)
			world_refresh();
		/* (Concurrent: not memory or process slots, which the other
		 * suites need too; the same random choices all the same.) */
		int global = fillers[filler].fill == world_squeeze || fillers[filler].fill == world_fill_procs;
		if (i == b->calls / 2 && fillers[filler].fill && !(concurrent && global)) {
			if (b->trace)
				report('C', "call %d: (%s first)", i, fillers[filler].what);
			if (fillers[filler].fill == world_squeeze)
				report('M', "squeezed");  /* an out-of-memory kill may end it now */
			fillers[filler].fill();
		}
		gen(&c, &rng);
		if (b->trace) {
			describe(&c, d, sizeof(d));
			report('C', "call %d: %s", i, d);
		}
		if (making)
			making->index = i, making->returned = 0, making->c = c;
		canary_set(&c);
		long r = make(&c, b->path);
		if (r == 0 && c.sc && c.sc->spec->result == R_CHILD && getpid() != W.pid)
			_exit(0);                         /* the copy fork made: end at once */
		if (making)
			making->returned = 1, making->result = r;
		if (b->trace)
			report('R', "= %ld", r);
		const char *why = check_result(&c, r);
		if (!why)
			why = canary_check(&c, r);
		if (why) {
			describe(&c, d, sizeof(d));
			report('F', "call %d: %s = %ld: %s", i, d, r, why);
			fails++;
		}
		guard_after(&c, r, P);
		if (c.sc) {
			made[c.sc - sysc]++;
			ok[c.sc - sysc] += r >= 0 || r < -MAX_ERRNO;
		}
	}
	for (int i = 0; b->stats && i < nsysc; i++)
		if (made[i])
			report('S', "%d %u %u", i, made[i], ok[i]);
	while (wait4(-1, 0, 0, 0) > 0)                /* no process outlives the batch */
		;
	_exit(fails ? 1 : 0);
}
