/*
 * t_vm.c - virtual memory as Linux gives it (issue 16): demand-zero
 * anonymous memory, copy-on-write fork, the stack that grows down to its
 * limit and its guard gap, vfork's borrowed space, and the kernel's own
 * copies faulting pages in. Every case checks behaviour, never cost, so
 * most pass on an eager kernel too (one that gives every page a frame at
 * mmap and copies every page at fork); the ones that cannot are said so
 * above them. Out of memory is t_vm_oom.c's.
 *
 * The semantics these cases hold the kernel to (Linux's, with
 * vm.overcommit_memory = 0, the heuristic):
 *  - a private writable mapping, or brk growth, larger by itself than all
 *    of RAM is refused with ENOMEM, unless MAP_NORESERVE; anything smaller
 *    is reserved lazily, a frame per page at its first touch;
 *  - fork shares pages read-only and copies one at its first write;
 *    MAP_SHARED memory stays shared; vfork shares everything until the
 *    child execs or exits;
 *  - MADV_DONTNEED makes private memory read back as zeros and leaves
 *    shared memory as it was;
 *  - the main stack grows down on a fault below it, up to RLIMIT_STACK,
 *    never closer than the guard gap (Linux's stack_guard_gap: 256 pages,
 *    1 MiB) to an accessible mapping below it; a fault past either is
 *    SIGSEGV, SEGV_MAPERR.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "usertests.h"

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0x4000          /* Linux's value (api/abi.h may not name it yet) */
#endif
#define MiB (1L << 20)
#define GiB (1L << 30)

void fault_write(void *p);            /* faults.S */
extern const char fault_write_at[];

static unsigned long total_ram(void)
{
	struct sysinfo si;

	return sys_sysinfo(&si) == 0 ? si.totalram * (si.mem_unit ? si.mem_unit : 1) : 0;
}

static char *map_flags(long n, long flags)
{
	long r = sys_mmap(0, n, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS);

	return r < 0 ? NULL : (char *)r;
}

/* The word each page of a pattern starts with: page i, generation tag. */
static uint64_t mark(long i, uint64_t tag) { return (uint64_t)i * 0x9e3779b97f4a7c15ULL ^ tag; }

static void pages_mark(char *p, long pages, uint64_t tag)
{
	for (long i = 0; i < pages; i++)
		*(volatile uint64_t *)(p + i * PAGE) = mark(i, tag);
}

/* How many of the pages do not start with their mark for tag. */
static long pages_wrong(const char *p, long pages, uint64_t tag)
{
	long bad = 0;

	for (long i = 0; i < pages; i++)
		bad += *(volatile const uint64_t *)(p + i * PAGE) != mark(i, tag);
	return bad;
}

static int all_bytes(const char *p, long n, char c)
{
	for (long i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

/* Block until one byte comes (a step of another process), or EOF. */
static void await(int fd)
{
	char c;

	while (sys_read(fd, &c, 1) == -EINTR)
		;
}

static void signal_step(int fd) { sys_write(fd, "!", 1); }

/* --- demand-zero memory and overcommit --------------------------------------- */

/* 1 GiB with MAP_NORESERVE, one page touched at each end and in the
 * middle: the mapping takes address space only, each touch one zeroed
 * frame (and a page table or two); the kernel's copies fault pages in
 * there too, and MADV_DONTNEED over the whole gives zeros back. Fails on
 * an eager kernel: it cannot map more than the guest has, and at 4 GiB it
 * spends 1 GiB of frames. */
USERTEST(vm_lazy_1g)
{
	struct trapdoor_stats before;
	/* trapdoor's own call (not on Linux), with nobody else taking frames */
	int have_stats = sys_stats(&before) == 0 && counters_mine();
	char *p = map_flags(GiB, MAP_PRIVATE | MAP_NORESERVE);

	if (!EXPECT(p != NULL))
		return;
	EXPECT(p[0] == 0 && p[GiB / 2] == 0 && p[GiB - 1] == 0);   /* reads of untouched memory */
	p[0] = 'a', p[GiB / 2] = 'b', p[GiB - 1] = 'c';
	EXPECT(p[0] == 'a' && p[GiB / 2] == 'b' && p[GiB - 1] == 'c');
	EXPECT(p[1] == 0 && p[GiB / 2 + PAGE] == 0);
	if (have_stats) {
		uint64_t used = before.free_frames - stats_now().free_frames;
		/* 3 data pages, up to 3 page tables per touch, some slack. */
		if (!EXPECT(used < 32))
			printf("# vm_lazy_1g: touching 3 pages took %lu frames\n", (unsigned long)used);
	}
	/* The kernel's copy faults in the pages it writes, across a boundary. */
	EXPECT_EQ(sys_clock_gettime(CLOCK_MONOTONIC, p + GiB / 4 - 8), 0);
	EXPECT(*(uint64_t *)(p + GiB / 4 - 8) != 0 || *(uint64_t *)(p + GiB / 4) != 0);
	/* MADV_DONTNEED over all of it: the touched pages read zeros again. */
	EXPECT_EQ(sys_madvise(p, GiB, MADV_DONTNEED), 0);
	EXPECT(p[0] == 0 && p[GiB / 2] == 0 && p[GiB - 1] == 0);
	EXPECT_EQ(sys_munmap((unsigned long)p, GiB), 0);
	note("lazy");
}

/* The heuristic's refusal: a private writable request larger than all of
 * RAM, mmap or brk, without MAP_NORESERVE, is ENOMEM before any frame is
 * taken; the same 1 GiB that vm_lazy_1g maps with MAP_NORESERVE is
 * refused when the guest has less (the default 512 MiB, and 128 MiB). An
 * eager kernel refuses these too, after trying. */
USERTEST(vm_overcommit_refused)
{
	unsigned long ram = total_ram(), big = (ram + 64 * MiB) & ~(PAGE - 1);

	if (!EXPECT(ram > 0))
		return;
	EXPECT_EQ(sys_mmap(0, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS), -ENOMEM);
	if (ram < (unsigned long)GiB)
		EXPECT_EQ(sys_mmap(0, GiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS), -ENOMEM);
	/* brk: refused is the old break, never an error. */
	long cur = sys_brk(0);
	EXPECT(sys_brk(cur + big) == cur);
	EXPECT(sys_brk(0) == cur);
	/* A request that fits is granted, and usable. */
	char *p = map_flags(ram / 8, MAP_PRIVATE);
	if (EXPECT(p != NULL)) {
		p[ram / 8 - 1] = 1;
		EXPECT_EQ(sys_munmap((unsigned long)p, ram / 8), 0);
	}
	note("refused");
}

/* .bss is zero everywhere, as is a break that grows, and a break that
 * grows again after shrinking (Linux hands back zeros, not the old data).
 * The array is 32 pages: every usertests process carries it, and an eager
 * kernel copies it at each fork (1 MiB made fork_bomb run out of memory
 * before process slots at 128 MiB). */
static char bss_big[128 * 1024];

USERTEST(vm_bss_zeroed)
{
	EXPECT(all_bytes(bss_big, sizeof(bss_big), 0));
	memset(bss_big, 0x77, sizeof(bss_big));        /* our copy only: the next case starts from zeros */
	EXPECT(bss_big[sizeof(bss_big) - 1] == 0x77);

	/* Whole pages above the break (the bytes after it in its own page are
	 * what they were if the break ever stood higher, on Linux too). */
	long b0 = sys_brk(0), base = (b0 + PAGE - 1) & ~(PAGE - 1), top = base + MiB;
	if (!EXPECT(sys_brk(top) == top))
		return;
	EXPECT(all_bytes((char *)base, MiB, 0));
	memset((char *)b0, 0x55, top - b0);
	EXPECT(sys_brk(b0) == b0);
	EXPECT(sys_brk(top) == top);
	EXPECT(all_bytes((char *)base, MiB, 0));
	EXPECT(sys_brk(b0) == b0);
	note("zeros");
}

/* read() and write() on memory nobody touched: the kernel's copies fault
 * the pages in (a frame of zeros for a write's source) exactly as a user
 * access would; into a read-only page the read is -EFAULT. */
USERTEST(vm_read_into_fresh)
{
	static char data[3 * PAGE];
	int fds[2];
	long fd;

	dir_fresh();
	for (long i = 0; i < (long)sizeof(data); i++)
		data[i] = (char)(i * 7 + i / PAGE);
	fd = sys_open(TDIR "/f", O_CREAT | O_RDWR, 0644);
	EXPECT(fd >= 0);
	EXPECT_EQ(sys_write(fd, data, sizeof(data)), sizeof(data));
	/* A file into a fresh private mapping, across three page boundaries. */
	char *p = map_pages(4 * PAGE);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(sys_read(fd, p + 100, sizeof(data)), sizeof(data));
	EXPECT(memcmp(p + 100, data, sizeof(data)) == 0);
	EXPECT(p[99] == 0 && p[100 + sizeof(data)] == 0);
	/* A pipe into a fresh shared page, across its end into the next. */
	char *s = map_flags(2 * PAGE, MAP_SHARED);
	EXPECT_EQ(sys_pipe(fds), 0);
	EXPECT_EQ(sys_write(fds[1], data, 300), 300);
	EXPECT_EQ(sys_read(fds[0], s + PAGE - 150, 300), 300);
	EXPECT(memcmp(s + PAGE - 150, data, 300) == 0);
	/* write() from an untouched page writes its zeros. */
	char *z = map_pages(PAGE), back[PAGE];
	EXPECT_EQ(sys_write(fds[1], z, PAGE), PAGE);
	EXPECT_EQ(sys_read(fds[0], back, PAGE), PAGE);
	EXPECT(all_bytes(back, PAGE, 0));
	/* Read-only, never touched: nothing to fault in for a write. */
	long ro = sys_mmap(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS);
	EXPECT_EQ(sys_lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(sys_read(fd, (void *)ro, 10), -EFAULT);
	EXPECT(((char *)ro)[0] == 0);
	sys_close(fds[0]);
	sys_close(fds[1]);
	sys_close(fd);
	sys_munmap((unsigned long)p, 4 * PAGE);
	sys_munmap((unsigned long)s, 2 * PAGE);
	sys_munmap((unsigned long)z, PAGE);
	sys_munmap(ro, PAGE);
	dir_remove();
	note("copied");
}

/* --- copy-on-write fork ------------------------------------------------------- */

static char *big;                      /* the quarter of memory (vm_fork_quarter) */
static long big_pages;
static int to_child[2], to_parent[2];

/* The child: sees the parent's data, writes its own, and keeps seeing
 * its own after the parent wrote all of its copy. */
static void quarter_child(void *unused)
{
	EXPECT_EQ(pages_wrong(big, big_pages, 0xa), 0);
	pages_mark(big, big_pages, 0xc);
	EXPECT_EQ(pages_wrong(big, big_pages, 0xc), 0);
	signal_step(to_parent[1]);
	await(to_child[0]);                  /* the parent has written its pages */
	EXPECT_EQ(pages_wrong(big, big_pages, 0xc), 0);
}

/* A quarter of the guest's memory, every page touched, then fork, and
 * writes to every page in both: each sees its own. Must pass at 128 MiB:
 * COW or not, the two copies take half the memory at most. */
USERTEST(vm_fork_quarter)
{
	unsigned long ram = total_ram();
	long n = (ram / 4) & ~(PAGE - 1);

	if (!EXPECT(ram > 0) || !EXPECT((big = map_pages(n)) != NULL))
		return;
	big_pages = n / PAGE;
	pages_mark(big, big_pages, 0xa);
	EXPECT_EQ(sys_pipe(to_child), 0);
	EXPECT_EQ(sys_pipe(to_parent), 0);
	pid_t pid = spawn(quarter_child, 0);
	EXPECT(pid > 0);
	await(to_parent[0]);                  /* the child has written its pages */
	EXPECT_EQ(pages_wrong(big, big_pages, 0xa), 0);
	pages_mark(big, big_pages, 0xe);
	signal_step(to_child[1]);
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
	EXPECT_EQ(pages_wrong(big, big_pages, 0xe), 0);
	for (int i = 0; i < 2; i++)
		sys_close(to_child[i]), sys_close(to_parent[i]);
	EXPECT_EQ(sys_munmap((unsigned long)big, n), 0);
	note("own data each");
}

/* Three generations over 4 pages (filled whole, so a partial copy shows):
 *   parent  P: 'a' everywhere; after the fork writes 'p' to page 3
 *   child   C: writes 'c' to page 1, forks G, checks after G wrote
 *   grandchild G: writes 'g' to pages 1 and 2, then waits for C to be
 *                 gone, and finds its pages as it left them; an orphan
 *                 then, it sends its verdict to P through a pipe
 * Each must see only its own writes and the data from before its fork. */
static char *gen;
static int gen_pipe[2];                /* P -> C: page 3 written */
static int g_pipe[2];                  /* C -> G: C is about to exit (EOF) */
static int res_pipe[2];                /* G -> P: G's verdict, 'k' or 'f' (G may be an orphan) */

static int page_is(int i, char c) { return all_bytes(gen + i * PAGE, PAGE, c); }

static void grandchild(void *unused)
{
	sys_close(g_pipe[1]);
	EXPECT(page_is(0, 'a') && page_is(1, 'c') && page_is(2, 'a') && page_is(3, 'a'));
	memset(gen + PAGE, 'g', 2 * PAGE);
	EXPECT(page_is(1, 'g') && page_is(2, 'g'));
	await(g_pipe[0]);                    /* C has written again, and is gone */
	EXPECT(page_is(0, 'a') && page_is(1, 'g') && page_is(2, 'g') && page_is(3, 'a'));
	sys_write(res_pipe[1], ut_failures ? "f" : "k", 1);
}

static void child_gen(void *unused)
{
	await(gen_pipe[0]);                  /* P wrote page 3 after our fork */
	EXPECT(page_is(0, 'a') && page_is(1, 'a') && page_is(2, 'a') && page_is(3, 'a'));
	memset(gen + PAGE, 'c', PAGE);
	EXPECT_EQ(sys_pipe(g_pipe), 0);
	pid_t g = spawn(grandchild, 0);
	EXPECT(g > 0);
	sys_close(g_pipe[0]);
	/* G runs on; we write a page G still shares with us, then leave
	 * without waiting: G is an orphan when it looks again. */
	sleep_ms(20);
	memset(gen, 'C', PAGE);
	EXPECT(page_is(0, 'C') && page_is(1, 'c') && page_is(2, 'a') && page_is(3, 'a'));
	sys_close(g_pipe[1]);
}

USERTEST(vm_cow_generations)
{
	EXPECT((gen = map_pages(4 * PAGE)) != NULL);
	memset(gen, 'a', 4 * PAGE);
	EXPECT_EQ(sys_pipe(gen_pipe), 0);
	EXPECT_EQ(sys_pipe(res_pipe), 0);
	pid_t c = spawn(child_gen, 0);
	EXPECT(c > 0);
	memset(gen + 3 * PAGE, 'p', PAGE);
	signal_step(gen_pipe[1]);
	EXPECT_EQ(reap(c), STATUS_EXIT(0));
	char verdict = 0;
	EXPECT_EQ(sys_read(res_pipe[0], &verdict, 1), 1);
	EXPECT_EQ(verdict, 'k');
	EXPECT(page_is(0, 'a') && page_is(1, 'a') && page_is(2, 'a') && page_is(3, 'p'));
	/* The last sharer writes its own pages in place. */
	memset(gen, 'q', 4 * PAGE);
	EXPECT(page_is(0, 'q') && page_is(3, 'q'));
	/* The runner checks that the orphan G is gone, and its frames with it. */
	for (int i = 0; i < 2; i++)
		sys_close(gen_pipe[i]), sys_close(res_pipe[i]);
	EXPECT_EQ(sys_munmap((unsigned long)gen, 4 * PAGE), 0);
	note("three generations");
}

/* The same with G kept as C's child (C waits for it), and C writing a
 * page they share while G runs. */
static void child_gen_waits(void *unused)
{
	memset(gen + PAGE, 'c', PAGE);
	EXPECT_EQ(sys_pipe(g_pipe), 0);
	pid_t g = spawn(grandchild, 0);
	sys_close(g_pipe[0]);
	memset(gen, 'C', PAGE);
	sys_close(g_pipe[1]);                /* G goes on */
	EXPECT_EQ(reap(g), STATUS_EXIT(0));
	EXPECT(page_is(0, 'C') && page_is(1, 'c') && page_is(2, 'a') && page_is(3, 'a'));
}

USERTEST(vm_cow_grandchild)
{
	EXPECT((gen = map_pages(4 * PAGE)) != NULL);
	memset(gen, 'a', 4 * PAGE);
	EXPECT_EQ(sys_pipe(res_pipe), 0);
	EXPECT_EQ(run_child(child_gen_waits, 0), STATUS_EXIT(0));
	char verdict = 0;
	EXPECT_EQ(sys_read(res_pipe[0], &verdict, 1), 1);
	EXPECT_EQ(verdict, 'k');
	sys_close(res_pipe[0]);
	sys_close(res_pipe[1]);
	EXPECT(page_is(0, 'a') && page_is(1, 'a') && page_is(2, 'a') && page_is(3, 'a'));
	EXPECT_EQ(sys_munmap((unsigned long)gen, 4 * PAGE), 0);
	note("ok");
}

/* --- madvise and mprotect on shared and copied pages ------------------------- */

static char *mp, *ms;

/* A child drops its copy: zeros for it, the parent's data untouched; it
 * drops the shared page too, which keeps its data and stays shared. */
static void child_drops(void *unused)
{
	EXPECT_EQ(sys_madvise(mp, 2 * PAGE, MADV_DONTNEED), 0);
	EXPECT(all_bytes(mp, 2 * PAGE, 0));
	EXPECT_EQ(sys_madvise(ms, PAGE, MADV_DONTNEED), 0);
	EXPECT(all_bytes(ms, PAGE, 's'));
	ms[0] = 't';
}

USERTEST(vm_madvise_dontneed)
{
	EXPECT((mp = map_pages(2 * PAGE)) != NULL && (ms = map_flags(PAGE, MAP_SHARED)) != NULL);
	memset(mp, 'x', 2 * PAGE);
	memset(ms, 's', PAGE);
	EXPECT_EQ(run_child(child_drops, 0), STATUS_EXIT(0));
	EXPECT(all_bytes(mp, 2 * PAGE, 'x'));
	EXPECT(ms[0] == 't' && all_bytes(ms + 1, PAGE - 1, 's'));
	/* Here too: private back to zeros, then usable. */
	EXPECT_EQ(sys_madvise(mp + PAGE, PAGE, MADV_DONTNEED), 0);
	EXPECT(all_bytes(mp, PAGE, 'x') && all_bytes(mp + PAGE, PAGE, 0));
	mp[PAGE] = 'y';
	EXPECT_EQ(mp[PAGE], 'y');
	EXPECT_EQ(sys_munmap((unsigned long)mp, 2 * PAGE), 0);
	EXPECT_EQ(sys_munmap((unsigned long)ms, PAGE), 0);
	note("zeros private, kept shared");
}

static char *fix_page;

/* Record the fault, make the page writable, and let the write run again. */
static void make_writable(int sig, struct k_siginfo *info, void *uc)
{
	record(sig, info, uc);
	if (sys_mprotect(fix_page, PAGE, PROT_READ | PROT_WRITE) != 0)
		sys_exit(98);
}

/* A write to a read-only page: one SIGSEGV, SEGV_ACCERR, at addr. */
static void expect_accerr(char *addr)
{
	fix_page = (char *)((unsigned long)addr & ~(PAGE - 1));
	seen_reset();
	fault_write(addr);
	EXPECT_EQ(seen.hits, 1);
	EXPECT_EQ(seen.signo, SIGSEGV);
	EXPECT_EQ(seen.code, SEGV_ACCERR);
	EXPECT(seen.addr == (uint64_t)addr);
	EXPECT(seen.rip == (uint64_t)fault_write_at);
	EXPECT_EQ(*addr, 1);                     /* the second try went through */
}

static void child_keeps(void *unused)
{
	await(to_child[0]);
	EXPECT(all_bytes(mp, PAGE, 'a'));
}

/* mprotect(PROT_READ) wins over copy-on-write: a page shared with a child
 * after fork, made read-only, faults with SEGV_ACCERR on a write (it is
 * not quietly copied), as does a page never touched; writable again, both
 * take the write, and the child's copy is left alone. */
USERTEST(vm_mprotect_accerr)
{
	EXPECT((mp = map_pages(3 * PAGE)) != NULL);
	memset(mp, 'a', PAGE);
	sigact(SIGSEGV, make_writable, 0, 0);
	EXPECT_EQ(sys_pipe(to_child), 0);
	pid_t pid = spawn(child_keeps, 0);
	EXPECT_EQ(sys_mprotect(mp, 3 * PAGE, PROT_READ), 0);
	EXPECT(mp[0] == 'a' && mp[2 * PAGE] == 0);   /* reads are fine */
	expect_accerr(mp + 17);                      /* shared with the child */
	expect_accerr(mp + PAGE + 5);                /* never touched */
	expect_accerr(mp + 2 * PAGE + PAGE - 1);     /* read once, never written */
	EXPECT(mp[0] == 'a' && mp[PAGE] == 0);
	signal_step(to_child[1]);
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
	sigdfl(SIGSEGV);
	sys_close(to_child[0]);
	sys_close(to_child[1]);
	EXPECT_EQ(sys_munmap((unsigned long)mp, 3 * PAGE), 0);
	note("accerr");
}

/* --- vfork ------------------------------------------------------------------- */

static volatile long vf_before_exec;
static volatile long vf_exec_error;

/* The vfork child runs in our memory: what it writes before it execs or
 * exits is ours when we go on; an exec that fails leaves its error here
 * too. A write the vfork child makes to a page we share copy-on-write
 * with a fork child lands in our copy, not the fork child's. */
USERTEST(vm_vfork_exec)
{
	static char *const argv[] = { "true", 0 }, *const envp[] = { 0 };
	volatile long local = 0;

	pid_t pid = vfork();
	if (pid == 0) {
		vf_before_exec = 1;
		local = 2;
		sys_execve("/bin/true", argv, envp);
		sys_exit(127);
	}
	EXPECT(pid > 0);
	EXPECT(vf_before_exec == 1 && local == 2);
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));

	pid = vfork();
	if (pid == 0) {
		vf_exec_error = sys_execve("/bin/no-such-program", argv, envp);
		sys_exit(127);
	}
	EXPECT_EQ(vf_exec_error, -ENOENT);
	EXPECT_EQ(reap(pid), STATUS_EXIT(127));

	/* vfork then _exit, over a page a fork child holds a copy of. */
	EXPECT((mp = map_pages(PAGE)) != NULL);
	memset(mp, 'a', PAGE);
	EXPECT_EQ(sys_pipe(to_child), 0);
	pid_t keeper = spawn(child_keeps, 0);
	pid = vfork();
	if (pid == 0) {
		mp[0] = 'v';
		sys_exit(0);
	}
	EXPECT_EQ(mp[0], 'v');
	EXPECT_EQ(reap(pid), STATUS_EXIT(0));
	mp[0] = 'a';                                 /* as the keeper checks all of it */
	signal_step(to_child[1]);
	EXPECT_EQ(reap(keeper), STATUS_EXIT(0));
	sys_close(to_child[0]);
	sys_close(to_child[1]);
	EXPECT_EQ(sys_munmap((unsigned long)mp, PAGE), 0);
	note("shared until exec");
}

/* --- the stack ---------------------------------------------------------------- */

#define FRAME     (16 * 1024)          /* stack each level of dive() takes */
#define GUARD_GAP (256 * PAGE)         /* Linux's stack_guard_gap */

/* A shared page the stack cases' children report through, as they may
 * die of their stack: where they started, the deepest byte they touched,
 * and their SIGSEGV. */
static volatile struct {
	uint64_t start, deepest, code, addr, hits;
} *rep;

/* Go `bytes` further down the stack, FRAME at a time, touching each frame
 * from its top every 512 bytes (as a stack grows: no page skipped) and
 * leaving a pattern that is checked on the way back up: 1 when it all
 * read back. */
static __attribute__((noinline)) int dive(long bytes, int level)
{
	volatile char frame[FRAME];
	int ok = 1;

	for (long i = FRAME - 1; i >= 0; i -= 512) {
		frame[i] = (char)(level + i);
		rep->deepest = (uint64_t)&frame[i];
	}
	if (bytes > FRAME)
		ok = dive(bytes - FRAME, level + 1);
	for (long i = FRAME - 1; i >= 0; i -= 512)
		ok &= frame[i] == (char)(level + i);
	return ok;
}

/* A SIGSEGV, on the alternate stack: report it and end (the stack is used up). */
static void stack_fault(int sig, struct k_siginfo *info, void *uc)
{
	rep->hits++;
	rep->code = info->si_code;
	rep->addr = info->u.addr;
	sys_exit(42);
}

static void on_alt_stack(void)
{
	struct k_stack ss = { (uint64_t)map_pages(4 * PAGE), 0, 0, 4 * PAGE };

	EXPECT_EQ(sys_sigaltstack(&ss, 0), 0);
	sigact(SIGSEGV, stack_fault, SA_ONSTACK, 0);
}

static uint64_t sp_now(void) { return (uint64_t)__builtin_frame_address(0); }

static int map_report(void)
{
	long r = sys_mmap(0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS);

	rep = r < 0 ? NULL : (void *)r;
	return rep != NULL;
}

static void dive_child(void *bytes) { EXPECT(dive((long)bytes, 0)); }

/* Several MiB below where the stack stands (less than RLIMIT_STACK's 8
 * MiB), in a child and here, twice. Fails on an eager kernel, whose stack
 * is a fixed 128 KiB (the child dies of SIGSEGV). */
USERTEST(vm_stack_grows)
{
	uint64_t sp = sp_now();

	if (!EXPECT(map_report()))
		return;
	if (EXPECT_EQ(run_child(dive_child, (void *)(6 * MiB)), STATUS_EXIT(0))) {
		EXPECT(rep->deepest < sp - 6 * MiB + PAGE);
		EXPECT(dive(5 * MiB, 3));
		EXPECT(dive(5 * MiB, 5));            /* the grown stack, again */
	}
	sys_munmap((unsigned long)rep, PAGE);
	note("grew");
}

/* Past RLIMIT_STACK (set to 1 MiB): SIGSEGV, SEGV_MAPERR, just below the
 * deepest byte the stack reached. */
static void dive_limited(void *unused)
{
	struct rlimit lim = { MiB, RLIM_INFINITY };

	on_alt_stack();
	EXPECT_EQ(sys_setrlimit(RLIMIT_STACK, &lim), 0);
	rep->start = sp_now();
	dive(4 * MiB, 0);
	quit(3);                                     /* 4 MiB went through: wrong */
}

USERTEST(vm_stack_rlimit)
{
	if (!EXPECT(map_report()))
		return;
	EXPECT_EQ(run_child(dive_limited, 0), STATUS_EXIT(42));
	EXPECT_EQ(rep->hits, 1);
	EXPECT_EQ(rep->code, SEGV_MAPERR);
	EXPECT(rep->addr < rep->deepest && rep->addr >= rep->deepest - 2 * FRAME);
	/* The stack's top is above the start, so the limit ends above start -
	 * 1 MiB; the top is only a few KiB above it (the runner's frames,
	 * argv, envp), so the stack reached most of the way there. */
	EXPECT(rep->deepest >= rep->start - MiB);
	if (!EXPECT(rep->deepest < rep->start - MiB + 256 * 1024))
		printf("# vm_stack_rlimit: the stack ended %lu KiB below the start\n",
		       (unsigned long)(rep->start - rep->deepest) >> 10);
	sys_munmap((unsigned long)rep, PAGE);
	note("limit");
}

/* A shared mapping 3 MiB below the stack: the stack grows down to its
 * guard gap above it and no further (SIGSEGV, SEGV_MAPERR), and the
 * mapping keeps every byte. On Linux the gap counts from an accessible
 * mapping (this one is read-write). On an eager kernel the stack stops
 * at its fixed 128 KiB: the mapping is safe, but the growth check fails. */
#define BELOW_LEN (64 * 1024)

static char *below;

static void dive_to_gap(void *unused)
{
	on_alt_stack();
	rep->start = sp_now();
	dive(4 * MiB, 0);
	quit(3);
}

USERTEST(vm_stack_guard_gap)
{
	uint64_t top = (sp_now() & ~(PAGE - 1)) - 3 * MiB;
	long r;

	if (!EXPECT(map_report()))
		return;
	r = sys_mmap(top - BELOW_LEN, BELOW_LEN, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE);
	if (!EXPECT(r == (long)(top - BELOW_LEN)))
		return;
	below = (char *)r;
	memset(below, 0x5a, BELOW_LEN);
	EXPECT_EQ(run_child(dive_to_gap, 0), STATUS_EXIT(42));
	EXPECT(all_bytes(below, BELOW_LEN, 0x5a));
	EXPECT_EQ(rep->code, SEGV_MAPERR);
	EXPECT(rep->deepest >= top + GUARD_GAP);     /* never into the gap */
	if (!EXPECT(rep->deepest < top + GUARD_GAP + 64 * 1024))   /* but down to it */
		printf("# vm_stack_guard_gap: the stack ended %lu KiB above the mapping\n",
		       (unsigned long)(rep->deepest - top) >> 10);
	sys_munmap((unsigned long)below, BELOW_LEN);
	sys_munmap((unsigned long)rep, PAGE);
	note("gap kept");
}
