/*
 * cases_regs.c - what the entry does to registers: preserved ones, flags,
 * the six argument registers, and numbers that are not system calls.
 */
#include <string.h>
#include <sys/syscall.h>

#include "conform.h"

#ifdef __x86_64__      /* x86-64 only: conform32 leaves these cases out (conform.h) */

#define RF_CF 0x001
#define RF_DF 0x400
#define RF_NT 0x4000
#define RF_AC 0x40000
#define KERNEL_HALF 0xffff800000000000UL

static const char *const names[15] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

/* getpid with every register poisoned (distinct user-half values), the
 * given flags and, with set_rsp, rsp = rsp; checks what changed. */
static void poisoned_getpid(const struct path *P, struct transcript *t, uint64_t flags, int set_rsp, uint64_t rsp)
{
	struct regs in = { .rsp = rsp, .set_rsp = set_rsp }, out;
	uint64_t *i = (uint64_t *)&in, *o = (uint64_t *)&out;

	for (int k = 0; k < 15; k++)
		i[k] = 0x00005a0000000000UL + ((uint64_t)(k + 1) << 32) + 0x1111 * (k + 1);
	in.rax = SYS_getpid;
	in.rflags = 0x202 | flags;
	if (P->entry == ENTRY_INT80)
		regs_call_int80(&in, &out);
	else
		regs_call_syscall(&in, &out);

	for (int k = 1; k < 15; k++) {
		int clobbered_ok = P->entry == ENTRY_SYSCALL && (k == 2 || k == 10);   /* rcx, r11 */
		if (!clobbered_ok && o[k] != i[k]) {
			note(t, "%s changed; ", names[k]);
			t->failures++;
		}
	}
	for (int k = 0; k < 16; k++)
		EXPECT(t, P, o[k] < KERNEL_HALF);    /* no kernel address in any register */
	if (P->entry == ENTRY_SYSCALL) {
		EXPECT(t, P, out.rcx == (uint64_t)regs_syscall_return);   /* the return rip */
		EXPECT(t, P, out.r11 == in.rflags);                        /* the rflags at the call */
	}
	EXPECT(t, P, (long)out.rax == CALL0(P, SYS_getpid));
	EXPECT(t, P, out.rflags == in.rflags);   /* DF, AC, NT, CF come back as they were */
	if (set_rsp)
		EXPECT(t, P, out.rsp == rsp);    /* the kernel neither used nor changed it */
	note(t, "flags %#lx -> %#lx; ", flags, out.rflags & (RF_DF | RF_AC | RF_NT | RF_CF));
}

int case_registers_preserved(const struct path *P, struct transcript *t)
{
	poisoned_getpid(P, t, 0, 0, 0);
	return 0;
}

/* DF, AC and NT set at the call: the kernel runs with them clear (FMASK for
 * syscall, entry code for int $0x80) and gives them back as they were. */
int case_entry_flags(const struct path *P, struct transcript *t)
{
	static const uint64_t set[] = { RF_DF, RF_AC, RF_NT, RF_CF, RF_DF | RF_AC | RF_NT };

	for (unsigned i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		poisoned_getpid(P, t, set[i], 0, 0);
	return 0;
}

/* rsp anywhere at the call: the kernel never touches the user stack on
 * entry or exit, so the call completes and rsp comes back unchanged. */
int case_entry_bad_rsp(const struct path *P, struct transcript *t)
{
	static const uint64_t rsps[] = {
		0, ~0UL, 0x0000800000000000UL, 0x8000000000000000UL, KERNEL_HALF, 0xffffffff80000000UL,
		0x1000, 0x00007ffffffffff8UL,
	};

	for (unsigned i = 0; i < sizeof(rsps) / sizeof(rsps[0]); i++) {
		poisoned_getpid(P, t, 0, 1, rsps[i]);
		poisoned_getpid(P, t, RF_DF | RF_AC | RF_NT, 1, rsps[i]);
	}
	return 0;
}

/* trapdoor_args digests its six arguments: argument i rotated by 8*i, xored. */
static uint64_t digest(const uint64_t a[6])
{
	uint64_t d = 0;

	for (int i = 0; i < 6; i++)
		d ^= i ? a[i] << (8 * i) | a[i] >> (64 - 8 * i) : a[i];
	return d;
}

int case_six_arguments(const struct path *P, struct transcript *t)
{
	static const uint64_t sets[][6] = {
		{ 1, 2, 3, 4, 5, 6 },
		{ 0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
		  0x4444444444444444, 0x5555555555555555, 0x6666666666666666 },
		{ ~0UL, 0, ~0UL, 0, ~0UL, 0 },
		{ 0x8000000000000000, 0x7fffffffffffffff, 0xffffffff, 0x100000000, 0xffff800000000000, 42 },
	};

	for (unsigned s = 0; s < sizeof(sets) / sizeof(sets[0]); s++) {
		const uint64_t *a = sets[s];
		uint64_t r = P->call(SYS_trapdoor_args, a[0], a[1], a[2], a[3], a[4], a[5]);
		EXPECT(t, P, r == digest(a));
		/* and each argument alone, so a swap of two registers shows */
		for (int k = 0; k < 6; k++) {
			uint64_t one[6] = { 0 };
			one[k] = a[k];
			EXPECT(t, P, (uint64_t)P->call(SYS_trapdoor_args, one[0], one[1], one[2], one[3], one[4], one[5]) == digest(one));
		}
	}
	note(t, "six arguments checked");
	return 0;
}

/* Numbers that name no call give -ENOSYS; the number is eax, as on Linux
 * (the upper half of rax is ignored: (1 << 32) | getpid is getpid). A
 * Linux call the kernel lacks is -ENOSYS too, and the console names it
 * once per process (afs_syscall, three times per path here, all in one
 * process: scripts/test.sh expects one line). */
int case_enosys_numbers(const struct path *P, struct transcript *t)
{
	static const long odd[] = {
		-1, -2, 0x7fffffff, 0x80000000, 0xffffffff, 0x40000000 | SYS_getpid /* x32 */,
		0x7fffffffffffffff, (1L << 32) | NR_SYSCALLS,
		SYS_afs_syscall, SYS_afs_syscall, SYS_afs_syscall,   /* never implemented, in Linux either */
	};
	int bad = 0;

	for (long n = NR_SYSCALLS; n <= NR_SYSCALLS + 64; n++)
		bad += CALL0(P, n) != -ENOSYS;
	for (unsigned i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		bad += CALL0(P, odd[i]) != -ENOSYS;
	EXPECT(t, P, bad == 0);
	note(t, "%d numbers did not give ENOSYS", bad);
	EXPECT(t, P, CALL0(P, (1L << 32) | SYS_getpid) == CALL0(P, SYS_getpid));
	EXPECT(t, P, CALL0(P, (long)0x8000000000000000UL | SYS_getpid) == CALL0(P, SYS_getpid));
	return 0;
}

#endif
