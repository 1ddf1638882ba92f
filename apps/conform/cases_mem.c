/*
 * cases_mem.c - mprotect, madvise, mremap, shared anonymous memory and
 * clone's fork and vfork flags: each works, and says no as Linux does,
 * through either path.
 */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conform.h"

#define PAGE 4096L
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define AT FAR_AT                               /* far from where mmap hands out memory */

long clone_probe(long entry, long flags, long newsp, long *where);   /* clone.S */

static long map(const struct path *P, long addr, long pages, long prot, long flags)
{
	return P->call(SYS_mmap, addr, pages * PAGE, prot, flags, -1, 0);
}

/* The child ends by the signal it gets from touching p. */
static void read_it(const struct path *P, void *p) { CALL1(P, SYS_exit, *(volatile char *)p); }
static void write_it(const struct path *P, void *p) { *(volatile char *)p = 1; CALL1(P, SYS_exit, 0); }

int case_mprotect_rights(const struct path *P, struct transcript *t)
{
	char *p = (char *)map(P, 0, 3, RW, ANON);
	struct timespec ts;
	int fds[2];

	EXPECT(t, P, MAPPED(p));
	if (!MAPPED(p))
		return 1;
	memset(p, 'a', 3 * PAGE);
	EXPECT(t, P, CALL3(P, SYS_mprotect, p + PAGE, PAGE, PROT_READ) == 0);
	EXPECT(t, P, p[PAGE] == 'a');                               /* still readable */
	EXPECT(t, P, WTERMSIG(run_child(write_it, P, p + PAGE)) == SIGSEGV);
	EXPECT(t, P, WIFEXITED(run_child(write_it, P, p)));        /* the neighbours keep theirs */
	/* The kernel's copies honour it too. */
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, p + PAGE) == -EFAULT);
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, &ts) == 0);
	EXPECT(t, P, CALL1(P, SYS_pipe, fds) == 0);
	EXPECT(t, P, CALL3(P, SYS_write, fds[1], "xy", 2) == 2);
	EXPECT(t, P, CALL3(P, SYS_read, fds[0], p + PAGE, 2) == -EFAULT);
	EXPECT(t, P, CALL3(P, SYS_write, fds[1], p + PAGE, 2) == 2); /* a source may be read-only */
	CALL1(P, SYS_close, fds[0]);
	CALL1(P, SYS_close, fds[1]);
	/* PROT_NONE: no access at all, and the contents come back with the rights. */
	EXPECT(t, P, CALL3(P, SYS_mprotect, p, 3 * PAGE, PROT_NONE) == 0);
	EXPECT(t, P, WTERMSIG(run_child(read_it, P, p + 2 * PAGE)) == SIGSEGV);
	EXPECT(t, P, CALL2(P, SYS_clock_gettime, CLOCK_MONOTONIC, p) == -EFAULT);
	EXPECT(t, P, CALL3(P, SYS_mprotect, p, 3 * PAGE, RW | PROT_EXEC) == 0);
	EXPECT(t, P, p[0] == 'a' && p[PAGE] == 'a' && p[2 * PAGE + 7] == 'a');
	p[PAGE] = 'b';
	/* mmap's PROT_NONE is the same. */
	char *n = (char *)map(P, 0, 1, PROT_NONE, ANON);
	EXPECT(t, P, WTERMSIG(run_child(read_it, P, n)) == SIGSEGV);
	EXPECT(t, P, CALL3(P, SYS_mprotect, n, PAGE, PROT_READ) == 0 && n[5] == 0);
	EXPECT(t, P, CALL2(P, SYS_munmap, n, PAGE) == 0 && CALL2(P, SYS_munmap, p, 3 * PAGE) == 0);
	note(t, "ok");
	return 0;
}

int case_mprotect_errors(const struct path *P, struct transcript *t)
{
	char *p = (char *)map(P, AT, 2, RW, ANON | MAP_FIXED);
	unsigned long vvar = getauxval(AT_SYSINFO_EHDR) - PAGE;
	long r[] = {
		CALL3(P, SYS_mprotect, p + 1, PAGE, PROT_READ),            /* unaligned */
		CALL3(P, SYS_mprotect, p, PAGE, 0x10),                     /* unknown prot */
		CALL3(P, SYS_mprotect, p, PAGE, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP),
		CALL3(P, SYS_mprotect, p, PAGE, PROT_READ | PROT_GROWSDOWN), /* nothing grows here */
		CALL3(P, SYS_mprotect, p, 0, PROT_READ),                   /* nothing to do */
		CALL3(P, SYS_mprotect, AT + 16 * PAGE, 0, 0x10),           /* length 0 first */
		CALL3(P, SYS_mprotect, AT + 16 * PAGE, PAGE, PROT_READ),   /* unmapped */
		CALL3(P, SYS_mprotect, AT - PAGE, 2 * PAGE, PROT_READ),    /* starts in a hole */
		CALL3(P, SYS_mprotect, p, 3 * PAGE, PROT_READ),            /* ends in one */
		CALL3(P, SYS_mprotect, 0x7ffffffff000L, -PAGE, PROT_READ), /* wraps */
		CALL3(P, SYS_mprotect, KERNEL_ADDR, PAGE, PROT_READ), /* the kernel's */
		CALL3(P, SYS_mprotect, vvar, PAGE, PROT_READ | PROT_WRITE),   /* vvar: never writable */
		CALL3(P, SYS_mprotect, vvar, PAGE, PROT_READ),
		CALL3(P, SYS_mprotect, p, 2 * PAGE, PROT_READ | PROT_SEM),    /* PROT_SEM: accepted */
	};
	long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, 0, 0, -ENOMEM, -ENOMEM, -ENOMEM,
			-ENOMEM, -ENOMEM, -EACCES, 0, 0 };

	EXPECT(t, P, (long)p == AT);
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	/* The pages before the hole did change (Linux changes mapping by mapping). */
	EXPECT(t, P, WTERMSIG(run_child(write_it, P, p + PAGE)) == SIGSEGV);
	EXPECT(t, P, CALL2(P, SYS_munmap, p, 2 * PAGE) == 0);
	return 0;
}

/* The data pages (RLIMIT_DATA's count) follow the rights. */
int case_mprotect_counts(const struct path *P, struct transcript *t)
{
	long as = mapped_pages(P, RLIMIT_AS), data = mapped_pages(P, RLIMIT_DATA);
	long p = map(P, 0, 4, PROT_READ, ANON);

	EXPECT(t, P, mapped_pages(P, RLIMIT_AS) == as + 4 && mapped_pages(P, RLIMIT_DATA) == data);
	EXPECT(t, P, CALL3(P, SYS_mprotect, p, 4 * PAGE, RW) == 0);
	EXPECT(t, P, mapped_pages(P, RLIMIT_DATA) == data + 4);
	EXPECT(t, P, CALL3(P, SYS_mprotect, p + PAGE, PAGE, PROT_NONE) == 0);
	EXPECT(t, P, mapped_pages(P, RLIMIT_DATA) == data + 3 && mapped_pages(P, RLIMIT_AS) == as + 4);
	/* Shared memory is never data. */
	long s = map(P, 0, 2, PROT_READ, MAP_SHARED | MAP_ANONYMOUS);
	EXPECT(t, P, CALL3(P, SYS_mprotect, s, 2 * PAGE, RW) == 0);
	EXPECT(t, P, mapped_pages(P, RLIMIT_DATA) == data + 3 && mapped_pages(P, RLIMIT_AS) == as + 6);
	EXPECT(t, P, CALL2(P, SYS_munmap, p, 4 * PAGE) == 0 && CALL2(P, SYS_munmap, s, 2 * PAGE) == 0);
	EXPECT(t, P, mapped_pages(P, RLIMIT_DATA) == data && mapped_pages(P, RLIMIT_AS) == as);
	note(t, "ok");
	return 0;
}

int case_madvise_calls(const struct path *P, struct transcript *t)
{
	char *p = (char *)map(P, AT, 3, RW, ANON | MAP_FIXED);
	char *s = (char *)map(P, 0, 1, RW, MAP_SHARED | MAP_ANONYMOUS);
	static const long hints[] = { MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
				      MADV_FREE, MADV_DONTDUMP, MADV_DODUMP };

	memset(p, 'a', 3 * PAGE);
	s[0] = 's';
	for (unsigned i = 0; i < sizeof(hints) / sizeof(hints[0]); i++)
		EXPECT(t, P, CALL3(P, SYS_madvise, p, 3 * PAGE, hints[i]) == 0);
	EXPECT(t, P, p[PAGE] == 'a');                      /* hints change nothing */
	EXPECT(t, P, CALL3(P, SYS_madvise, p + PAGE, PAGE, MADV_DONTNEED) == 0);
	EXPECT(t, P, p[0] == 'a' && p[PAGE] == 0 && p[2 * PAGE - 1] == 0 && p[2 * PAGE] == 'a');
	EXPECT(t, P, CALL3(P, SYS_madvise, s, PAGE, MADV_DONTNEED) == 0 && s[0] == 's');  /* shared: kept */
	long r[] = {
		CALL3(P, SYS_madvise, p + 1, PAGE, MADV_NORMAL),       /* unaligned */
		CALL3(P, SYS_madvise, p, PAGE, 5),                     /* unknown advice */
		CALL3(P, SYS_madvise, p, PAGE, 1000),
		CALL3(P, SYS_madvise, p, 0, MADV_DONTNEED),            /* nothing */
		CALL3(P, SYS_madvise, p, -1L, MADV_NORMAL),            /* rounds to 0 */
		CALL3(P, SYS_madvise, p, 4 * PAGE, MADV_DONTNEED),     /* a hole after */
		CALL3(P, SYS_madvise, AT + 16 * PAGE, PAGE, MADV_WILLNEED), /* nothing there */
		CALL3(P, SYS_madvise, s, PAGE, MADV_FREE),             /* not on shared memory */
	};
	/* -1L: a 64-bit length rounds up to 0 (EINVAL); a 32-bit one to 4 GiB,
	 * which reaches unmapped pages (ENOMEM, as on Linux). */
	long want[] = { -EINVAL, -EINVAL, -EINVAL, 0, sizeof(long) == 4 ? -ENOMEM : -EINVAL, -ENOMEM, -ENOMEM, -EINVAL };
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == want[i]);
		note(t, "%ld ", r[i]);
	}
	EXPECT(t, P, p[0] == 0 && p[2 * PAGE] == 0);       /* the hole's -ENOMEM came after the work */
	EXPECT(t, P, CALL2(P, SYS_munmap, p, 3 * PAGE) == 0 && CALL2(P, SYS_munmap, s, PAGE) == 0);
	return 0;
}

#ifdef __x86_64__      /* conform32 leaves it out (conform.h) */
int case_mremap_calls(const struct path *P, struct transcript *t)
{
	const long mm = MREMAP_MAYMOVE, fx = MREMAP_FIXED;
	char *p = (char *)map(P, AT, 2, RW, ANON | MAP_FIXED);
	long r;

	p[0] = 'a', p[PAGE] = 'b';
	/* In place: the pages after are free. */
	EXPECT(t, P, P->call(SYS_mremap, AT, 2 * PAGE, 4 * PAGE, 0, 0, 0) == AT);
	EXPECT(t, P, p[PAGE] == 'b' && p[3 * PAGE + 9] == 0);
	EXPECT(t, P, P->call(SYS_mremap, AT, 4 * PAGE, 3 * PAGE, 0, 0, 0) == AT);   /* shrink */
	EXPECT(t, P, CALL3(P, SYS_mprotect, AT + 3 * PAGE, PAGE, PROT_READ) == -ENOMEM);
	EXPECT(t, P, P->call(SYS_mremap, AT, 3 * PAGE, 3 * PAGE, 0, 0, 0) == AT);   /* same */
	/* Something in the way: only a move helps. */
	EXPECT(t, P, map(P, AT + 4 * PAGE, 1, PROT_READ, ANON | MAP_FIXED) == AT + 4 * PAGE);
	EXPECT(t, P, P->call(SYS_mremap, AT, 3 * PAGE, 5 * PAGE, 0, 0, 0) == -ENOMEM);
	r = P->call(SYS_mremap, AT, 3 * PAGE, 5 * PAGE, mm, 0, 0);
	EXPECT(t, P, r > 0 && r != AT);
	if (r > 0) {
		char *q = (char *)r;
		EXPECT(t, P, q[0] == 'a' && q[PAGE] == 'b' && q[4 * PAGE] == 0);
		EXPECT(t, P, CALL3(P, SYS_mprotect, AT, PAGE, PROT_READ) == -ENOMEM);  /* gone from AT */
		/* MREMAP_FIXED: to a given place, replacing what is there. */
		EXPECT(t, P, P->call(SYS_mremap, r, 5 * PAGE, 2 * PAGE, mm | fx, AT + 3 * PAGE, 0) == AT + 3 * PAGE);
		EXPECT(t, P, p[3 * PAGE] == 'a' && p[4 * PAGE] == 'b');   /* over the read-only page */
		EXPECT(t, P, CALL3(P, SYS_mprotect, r, PAGE, PROT_READ) == -ENOMEM);
	}
	long e[] = {
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, PAGE, 8, 0, 0),          /* unknown flag */
		P->call(SYS_mremap, AT + 3 * PAGE + 1, PAGE, PAGE, 0, 0, 0),      /* unaligned */
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, 0, 0, 0, 0),             /* new length 0 */
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, PAGE, fx, AT, 0),        /* FIXED without MAYMOVE */
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, PAGE, mm | fx, AT + 1, 0), /* unaligned target */
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, 2 * PAGE, mm | MREMAP_DONTUNMAP, AT, 0),
		P->call(SYS_mremap, AT + 16 * PAGE, PAGE, 2 * PAGE, mm, 0, 0),    /* nothing mapped */
		P->call(SYS_mremap, AT + 3 * PAGE, 3 * PAGE, 4 * PAGE, mm, 0, 0), /* past the mapping */
		P->call(SYS_mremap, AT + 3 * PAGE, 0, PAGE, mm, 0, 0),            /* "duplicate" private */
		P->call(SYS_mremap, AT + 3 * PAGE, 2 * PAGE, 2 * PAGE, mm | fx, AT + 4 * PAGE, 0), /* overlap */
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, 2 * PAGE, mm | fx, 0x7ffffffff000L, 0),  /* past the top */
		P->call(SYS_mremap, AT + 3 * PAGE, PAGE, 1L << 62, mm, 0, 0),     /* too big to fit */
	};
	long want[] = { -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EFAULT, -EFAULT,
			-EINVAL, -EINVAL, -EINVAL, -ENOMEM };
	for (unsigned i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		EXPECT(t, P, e[i] == want[i]);
		note(t, "%ld ", e[i]);
		if (e[i] != want[i])
			printf("# mremap case %u: %ld\n", i, e[i]);
	}
	EXPECT(t, P, p[3 * PAGE] == 'a');                  /* none of them touched it */
	EXPECT(t, P, CALL2(P, SYS_munmap, AT, 8 * PAGE) == 0);
	return 0;
}
#endif

/* MAP_SHARED: a forked child's writes are the parent's. */
static void write_shared(const struct path *P, void *p) { strcpy(p, "from the child"); CALL1(P, SYS_exit, 0); }

int case_mmap_shared(const struct path *P, struct transcript *t)
{
	char *s = (char *)map(P, 0, 2, RW, MAP_SHARED | MAP_ANONYMOUS);
	char *v = (char *)map(P, 0, 1, RW, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS); /* SHARED_VALIDATE */
	char *q = (char *)map(P, 0, 1, RW, ANON);

	EXPECT(t, P, MAPPED(s) && MAPPED(v) && MAPPED(q));
	EXPECT(t, P, s[0] == 0);
	EXPECT(t, P, WIFEXITED(run_child(write_shared, P, s + PAGE)));
	EXPECT(t, P, strcmp(s + PAGE, "from the child") == 0);
	EXPECT(t, P, WIFEXITED(run_child(write_shared, P, v)) && strcmp(v, "from the child") == 0);
	EXPECT(t, P, WIFEXITED(run_child(write_shared, P, q)) && q[0] == 0);   /* private: a copy */
	EXPECT(t, P, CALL2(P, SYS_munmap, s, 2 * PAGE) == 0);
	EXPECT(t, P, CALL2(P, SYS_munmap, v, PAGE) == 0 && CALL2(P, SYS_munmap, q, PAGE) == 0);
	note(t, "ok");
	return 0;
}

#ifdef __x86_64__
/* A tid word the child checks against its pid. */
static void check_tid(const struct path *P, void *tid)
{
	CALL1(P, SYS_exit, *(volatile int *)tid == CALL0(P, SYS_getpid) ? 0 : 1);
}

int case_clone_flags(const struct path *P, struct transcript *t)
{
	static char stack[4096] __attribute__((aligned(16)));
	long where = 0, pid;
	int status = -1, ptid = 0, ctid = 0;

	/* SIGCHLD alone is fork: the child's store stays in its copy. */
	pid = clone_probe(P->entry, SIGCHLD, 0, &where);
	EXPECT(t, P, pid > 0 && CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid);
	EXPECT(t, P, WIFEXITED(status) && WEXITSTATUS(status) == 7 && where == 0);
	/* vfork's flags: the child ran in our memory, and had ended when we went on. */
	pid = clone_probe(P->entry, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, &where);
	EXPECT(t, P, pid > 0 && where != 0);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid && WEXITSTATUS(status) == 7);
	/* ... on the stack it was given. */
	pid = clone_probe(P->entry, CLONE_VM | CLONE_VFORK | SIGCHLD, (long)(stack + sizeof(stack)), &where);
	EXPECT(t, P, pid > 0 && where == (long)(stack + sizeof(stack)));
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid);
	/* The tid words: the parent's now, the child's in its copy. */
	pid = P->call(SYS_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
		      0, (long)&ptid, (long)&ctid, 0, 0);
	if (pid == 0)
		check_tid(P, &ctid);
	EXPECT(t, P, pid > 0 && ptid == pid && ctid == 0);
	EXPECT(t, P, CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* A process in our memory (CLONE_VM alone): it ran there. */
	where = 0;
	pid = clone_probe(P->entry, CLONE_VM | SIGCHLD, 0, &where);
	EXPECT(t, P, pid > 0 && CALL4(P, SYS_wait4, pid, &status, 0, 0) == pid && WEXITSTATUS(status) == 7);
	EXPECT(t, P, where != 0);
	/* Flag sets refused: Linux's rules, and sharing only part of a
	 * process (files without a thread, a thread without files). */
	where = 0;
	long r[] = {
		clone_probe(P->entry, CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | SIGCHLD, 0, &where),
		clone_probe(P->entry, CLONE_THREAD | SIGCHLD, 0, &where),   /* THREAD needs SIGHAND */
		clone_probe(P->entry, CLONE_SIGHAND | SIGCHLD, 0, &where),  /* SIGHAND needs VM */
		clone_probe(P->entry, CLONE_FILES | SIGCHLD, 0, &where),
		clone_probe(P->entry, CLONE_SETTLS | SIGCHLD, 0, &where),
		clone_probe(P->entry, SIGUSR1, 0, &where),                  /* only SIGCHLD at exit */
	};
	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		EXPECT(t, P, r[i] == -EINVAL);
		note(t, "%ld ", r[i]);
	}
	EXPECT(t, P, where == 0 && CALL4(P, SYS_wait4, -1, 0, WNOHANG, 0) == -ECHILD);
	return 0;
}
#endif
