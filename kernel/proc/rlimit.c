/*
 * rlimit.c - resource limits (api/resource.h): each process has its own
 * table, which fork copies and execve keeps, so a limit set before exec
 * holds for the program that follows. docs/abi.md lists the limits the
 * kernel enforces; the others are kept and reported only.
 *
 * There is no root here (docs/abi.md): no process has CAP_SYS_RESOURCE, so
 * a hard limit can be lowered, never raised, as for an unprivileged process
 * on Linux. Every process counts as the same user, so any process may read
 * and set any other's limits (Linux's prlimit64 asks only for the same
 * user).
 */
#include "api/errno.h"
#include "kernel.h"
#include "lib/nospec.h"
#include "mm/pmm.h"
#include "proc.h"

#define INF RLIM_INFINITY

/* Linux's defaults for a normal process, except where this kernel has a
 * real bound, which is what is reported instead. */
static const struct rlimit rlimit_defaults[RLIMIT_NLIMITS] = {
	[RLIMIT_CPU]        = { INF, INF },
	[RLIMIT_FSIZE]      = { INF, INF },
	[RLIMIT_DATA]       = { INF, INF },
	[RLIMIT_STACK]      = { 8 << 20, INF },          /* Linux's _STK_LIM */
	[RLIMIT_CORE]       = { 0, INF },                /* no core files, as Linux starts */
	[RLIMIT_RSS]        = { INF, INF },
	[RLIMIT_NPROC]      = { NPROC, NPROC },          /* the process table */
	[RLIMIT_NOFILE]     = { NOFILE, NOFILE },        /* the descriptor table, which cannot grow */
	[RLIMIT_MEMLOCK]    = { 8 << 20, 8 << 20 },      /* Linux's MLOCK_LIMIT */
	[RLIMIT_AS]         = { INF, INF },
	[RLIMIT_LOCKS]      = { INF, INF },
	[RLIMIT_SIGPENDING] = { NPROC, NPROC },          /* Linux starts it equal to RLIMIT_NPROC */
	[RLIMIT_MSGQUEUE]   = { 819200, 819200 },        /* Linux's MQ_BYTES_MAX */
	[RLIMIT_NICE]       = { 0, 0 },
	[RLIMIT_RTPRIO]     = { 0, 0 },
	[RLIMIT_RTTIME]     = { INF, INF },
};

void rlimit_init(struct proc *p)
{
	memcpy(p->g->rlim, rlimit_defaults, sizeof(p->g->rlim));
}

long rlimit_change(struct proc *p, uint32_t resource, const struct rlimit *new, struct rlimit *old)
{
	if (resource >= RLIMIT_NLIMITS)
		return -EINVAL;
	struct rlimit *lim = &p->g->rlim[index_nospec(resource, RLIMIT_NLIMITS)];

	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		/* Linux refuses a descriptor limit past nr_open, the most a
		 * table can grow to, even to root; ours is fixed at NOFILE. */
		if (resource == RLIMIT_NOFILE && new->rlim_max > NOFILE)
			return -EPERM;
		if (new->rlim_max > lim->rlim_max)
			return -EPERM;           /* raising a hard limit takes CAP_SYS_RESOURCE */
	}
	if (old)
		*old = *lim;                     /* before the change: prlimit64 returns the old one */
	if (new)
		*lim = *new;
	return 0;
}

bool vm_may_expand(const struct proc *p, const struct vm_usage *u, uint64_t npages, bool data)
{
	uint64_t as = rlimit(p, RLIMIT_AS) / PAGE_SIZE, dl = rlimit(p, RLIMIT_DATA) / PAGE_SIZE;

	if (u->pages + npages > as)
		return false;
	if (data && u->data + npages > dl) {
		/* Linux's exception for Valgrind, which sets the soft limit to
		 * 0 for its own reasons: then the hard one decides. */
		return rlimit(p, RLIMIT_DATA) == 0 && u->data + npages <= p->g->rlim[RLIMIT_DATA].rlim_max / PAGE_SIZE;
	}
	return true;
}
