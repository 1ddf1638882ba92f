/*
 * stage1.c - every number from 0 to NR_MAX+16 (and a few with high bits
 * set), on one entry path, with three argument sets: all zeros, all
 * kernel-half pointers, all non-canonical values. A number the kernel has
 * must never answer -ENOSYS, one it lacks must always answer exactly that.
 *
 * The harmless numbers run together in one child per argument set; calls
 * that end, replace or block the caller (F_SOLO in spec.c) run alone, and
 * one that blocks or ends its child counts as "not -ENOSYS".
 */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

#define SOLO_LIMIT_MS  300                /* pause must still be waiting by then */
#define BATCH_LIMIT_MS 30000
#define EXIT_ENOSYS    10                 /* a solo child's answers */
#define EXIT_OTHER     11

static const char *const set_names[3] = { "zeros", "kernel-half pointers", "non-canonical values" };
static const uint64_t sets[3][2] = {
	{ 0, 0 },
	{ 0xffffffff80000000UL, 0xffff800000000000UL },
	{ 0x8000000000000000UL, 0x0000800000000000UL },
};

/* Numbers with bits above the low 32, which name the call of their low
 * 32 bits (as on Linux), or none. */
static const long wide[] = {
	1L << 32, (1L << 32) + 39, -1L, (long)0x8000000000000000UL, 0x7fffffff, 0x100000000L + 1,
};
#define NWIDE (int)(sizeof(wide) / sizeof(wide[0]))

static int solo(long nr)
{
	const struct sysc *s = sysc_by_nr((uint32_t)nr);

	return s && s->spec && (s->spec->flags & F_SOLO);
}

static void fill(struct call *c, long nr, int set)
{
	uint32_t low = (uint32_t)nr;             /* the number the kernel sees */

	*c = (struct call){ .nr = nr, .sc = low <= NR_MAX ? sysc_by_nr(low) : 0 };
	for (int i = 0; i < 6; i++)
		c->a[i] = sets[set][i % 2];
}

static long make(const struct path *P, const struct call *c)
{
	return P->call(c->nr, c->a[0], c->a[1], c->a[2], c->a[3], c->a[4], c->a[5]);
}

/* The child for the harmless numbers: b->seed is the argument set. */
static void sweep(void *arg)
{
	struct batch *b = arg;
	const struct path *P = &paths[b->path];
	int fails = 0;

	if (world_setup() < 0) {
		report('F', "could not set up the child");
		_exit(1);
	}
	for (long k = 0; k <= NR_MAX + 16 + NWIDE; k++) {
		long nr = k <= NR_MAX + 16 ? k : wide[k - NR_MAX - 17];
		struct call c;
		if (solo(nr))
			continue;
		fill(&c, nr, b->seed);
		if (b->trace) {
			char d[512];
			describe(&c, d, sizeof(d));
			report('C', "%s", d);
		}
		long r = make(P, &c);
		const char *why = check_result(&c, r);
		if (why) {
			char d[512];
			describe(&c, d, sizeof(d));
			report('F', "%s = %ld: %s", d, r, why);
			fails++;
		}
	}
	_exit(fails ? 1 : 0);
}

/* The child for one dangerous number: exits EXIT_ENOSYS or EXIT_OTHER. */
static struct call solo_call;
static int solo_path;

static void one(void *unused)
{
	const struct path *P = &paths[solo_path];

	world_setup();                            /* descriptors 0-2 on /dev/null first */
	long r = solo_call.sc && (solo_call.sc->spec->flags & F_VFORK) ?
		vfork_call(solo_call.nr, P == &paths[0]) : make(P, &solo_call);
	if (r == 0 && solo_call.sc && solo_call.sc->spec->result == R_CHILD)
		_exit(0);                         /* the copy fork made: end at once */
	if (solo_call.sc && solo_call.sc->spec->result == R_CHILD && r > 0)
		wait4(r, 0, 0, 0);                /* so no process outlives this child */
	_exit(r == -ENOSYS ? EXIT_ENOSYS : EXIT_OTHER);
}

int stage1(int p)
{
	int fails = 0, nsolo = 0;
	char label[160];
	struct outcome o;

	for (int i = 0; i < nsysc; i++)
		nsolo += solo(sysc[i].nr);
	for (int set = 0; set < 3; set++) {
		struct batch b = { .seed = set, .path = p };
		snprintf(label, sizeof(label), "stage 1 [%s] %s", paths[p].name, set_names[set]);
		guarded(label, sweep, &b, BATCH_LIMIT_MS, &b.trace, &o);
		fails += o.failures;                  /* leaks and deaths count apart */
		ST.calls[0][p] += NR_MAX + 17 + NWIDE - nsolo;

		for (int i = 0; i < nsysc; i++) {
			if (!solo(sysc[i].nr))
				continue;
			fill(&solo_call, sysc[i].nr, set);
			solo_path = p;
			snprintf(label, sizeof(label), "stage 1 [%s] %s alone, %s", paths[p].name,
				 sysc[i].name, set_names[set]);
			/* A dead, ended or blocked child is an answer here, not a failure. */
			guarded(label, one, 0, SOLO_LIMIT_MS, 0, &o);
			fails += o.failures;
			ST.calls[0][p]++;
			int enosys = !o.hung && WIFEXITED(o.status) && WEXITSTATUS(o.status) == EXIT_ENOSYS;
			if (enosys) {
				char d[512];
				describe(&solo_call, d, sizeof(d));
				say("# FAIL %s: %s answered -ENOSYS, but the kernel has it", label, d);
				fails++;
			}
		}
	}
	ST.failures[0][p] += fails;
	return fails;
}
