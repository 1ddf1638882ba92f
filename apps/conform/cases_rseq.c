/*
 * cases_rseq.c - rseq(2): registration and unregistration with Linux's
 * errors in Linux's order, the cpu fields the kernel writes (one CPU: 0),
 * fork's child keeping the registration, vfork's child and execve
 * dropping it.
 */
#include <api/auxv.h>
#include <sys/auxv.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "conform.h"

#define OTHER_SIG 0x12345678

static struct rseq area;             /* 32 bytes on a 32-byte boundary */
#ifdef __x86_64__
static struct rseq other;
static char big[64] __attribute__((aligned(32)));

/* In a fork child: the same registration is there (-EBUSY), and its
 * fields were refreshed on the way back to user mode. */
static void rseq_in_child(const struct path *P, void *arg)
{
	(void)arg;
	struct timespec ms = { 0, 1000000 };

	area.cpu_id = 77;
	/* Switched out and back: refreshed. A sleep, not sched_yield, which
	 * need not switch at all when nobody else may run (Linux's neither). */
	CALL2(P, SYS_nanosleep, &ms, 0);
	_exit(CALL4(P, SYS_rseq, &area, 32, 0, RSEQ_SIG) == -EBUSY && area.cpu_id == 0 ? 0 : 1);
}

/* In a child: exec `conform --rseq-free`, which says whether it can
 * register (execve dropped the registration), and pass on its status. */
static void rseq_exec_child(const struct path *P, void *arg)
{
	char *argv[] = { "/bin/conform", "--rseq-free", 0 };

	(void)arg;
	CALL3(P, SYS_execve, "/bin/conform", argv, 0);
	CALL1(P, SYS_exit, 99);
}
#endif

long vfork_rseq(long entry, void *area, long sig);   /* vfork_rseq.S */

int rseq_free_main(void)
{
	return syscall(SYS_rseq, &area, 32, 0, RSEQ_SIG) == 0 ? 0 : 1;
}

#ifdef __x86_64__      /* conform32 leaves it out (conform.h) */
int case_rseq_register(const struct path *P, struct transcript *t)
{
	static const unsigned long cpu0 = 1, every = ~0UL;

	/* On CPU 0 only for the case, so the CPU the area shows is known. */
	CALL3(P, SYS_sched_setaffinity, 0, sizeof(cpu0), &cpu0);
	long r[] = {
		CALL4(P, SYS_rseq, &area, 32, 2, RSEQ_SIG),                      /* unknown flag */
		CALL4(P, SYS_rseq, &area, 31, 0, RSEQ_SIG),                      /* too short */
		CALL4(P, SYS_rseq, &area, 28, 0, RSEQ_SIG),
		CALL4(P, SYS_rseq, (char *)&area + 16, 32, 0, RSEQ_SIG),         /* misaligned */
		CALL4(P, SYS_rseq, big + 8, 56, 0, RSEQ_SIG),
		CALL4(P, SYS_rseq, 0xffff800000000000UL, 32, 0, RSEQ_SIG),       /* kernel half */
		CALL4(P, SYS_rseq, &area, 32, RSEQ_FLAG_UNREGISTER, RSEQ_SIG),   /* none registered */
	};
	long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EFAULT, -EINVAL };

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	EXPECT(t, P, getauxval(AT_RSEQ_FEATURE_SIZE) == 28 && getauxval(AT_RSEQ_ALIGN) == 32);

	/* Registered, the fields are written before user code runs again. */
	area = (struct rseq){ .cpu_id_start = 5, .cpu_id = 6, .node_id = 7, .mm_cid = 8 };
	EXPECT(t, P, CALL4(P, SYS_rseq, &area, 32, 0, RSEQ_SIG) == 0);
	EXPECT(t, P, area.cpu_id_start == 0 && area.cpu_id == 0 && area.node_id == 0 && area.mm_cid == 0);
	long again[] = {
		CALL4(P, SYS_rseq, &area, 32, 0, RSEQ_SIG),                      /* the same: -EBUSY */
		CALL4(P, SYS_rseq, &other, 32, 0, RSEQ_SIG),                     /* another area */
		CALL4(P, SYS_rseq, &area, 64, 0, RSEQ_SIG),                      /* another length */
		CALL4(P, SYS_rseq, &area, 32, 0, OTHER_SIG),                     /* another signature */
	};
	long want_again[] = { -EBUSY, -EINVAL, -EINVAL, -EPERM };
	for (unsigned i = 0; i < sizeof(again) / sizeof(again[0]); i++) {
		EXPECT(t, P, again[i] == want_again[i]);
		note(t, "%ld ", again[i]);
	}
	EXPECT(t, P, run_child(rseq_in_child, P, 0) == 0);
	EXPECT(t, P, run_child(rseq_exec_child, P, 0) == 0);
	int status = -1;
	long pid = vfork_rseq(P->entry, &area, RSEQ_SIG);
	EXPECT(t, P, pid > 0 && CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid);
	note(t, "vfork child: status 0x%x ", status);
	EXPECT(t, P, status == 0);                   /* it could register: it had none */
	EXPECT(t, P, CALL4(P, SYS_rseq, &area, 32, 0, RSEQ_SIG) == -EBUSY);  /* ours stays */

	/* Unregistering checks flags, area, length, then the signature. */
	long un[] = {
		CALL4(P, SYS_rseq, &area, 32, RSEQ_FLAG_UNREGISTER | 2, RSEQ_SIG),
		CALL4(P, SYS_rseq, &other, 32, RSEQ_FLAG_UNREGISTER, RSEQ_SIG),
		CALL4(P, SYS_rseq, &area, 64, RSEQ_FLAG_UNREGISTER, RSEQ_SIG),
		CALL4(P, SYS_rseq, &area, 32, RSEQ_FLAG_UNREGISTER, OTHER_SIG),
		CALL4(P, SYS_rseq, &area, 32, RSEQ_FLAG_UNREGISTER, RSEQ_SIG),
	};
	long want_un[] = { -EINVAL, -EINVAL, -EINVAL, -EPERM, 0 };
	for (unsigned i = 0; i < sizeof(un) / sizeof(un[0]); i++) {
		EXPECT(t, P, un[i] == want_un[i]);
		note(t, "%ld ", un[i]);
	}
	EXPECT(t, P, area.cpu_id_start == 0 && area.cpu_id == (uint32_t)RSEQ_CPU_ID_UNINITIALIZED);

	/* Then any area may be registered, a longer one too (aligned, at
	 * least 32 bytes: Linux's extended size). */
	EXPECT(t, P, CALL4(P, SYS_rseq, big, 64, 0, OTHER_SIG) == 0);
	EXPECT(t, P, CALL4(P, SYS_rseq, big, 64, 0, OTHER_SIG) == -EBUSY);
	EXPECT(t, P, CALL4(P, SYS_rseq, big, 64, RSEQ_FLAG_UNREGISTER, OTHER_SIG) == 0);
	CALL3(P, SYS_sched_setaffinity, 0, sizeof(every), &every);   /* every CPU again */
	return 0;
}
#endif
