/*
 * t_compat.c - 32-bit (compat-mode) processes and the compat entries, seen
 * from a 64-bit process: execve of the i386 test program /bin/entry32
 * (apps/entry32), which checks each entry from the inside, and the edge
 * cases that end a process: sysenter with TF, a fast entry with a bad
 * stack, sysenter from 64-bit mode, a far jump to compat mode and back.
 * The compat entries differ by the CPU's vendor (sysenter on Intel, syscall
 * on AMD); the transcript names the outcome, the same on both 64-bit paths.
 */
#include "usertests.h"

long farjump_getpid(uint64_t regs_out[8]);   /* farjump.S */
void sysenter64(void);

/* Is the CPU an Intel vendor (the 32-bit fast entry is sysenter), or not
 * (syscall: AMD)? */
static int intel(void)
{
	uint32_t a = 0, b, c, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return b == 0x756e6547;                  /* "Genu" */
}

/* Child: run /bin/entry32 with argv, its output (TAP lines of its own)
 * to /dev/null. */
static void exec32(void *argv)
{
	char *env[] = { NULL };
	long fd = sys_open("/dev/null", 1 /* O_WRONLY */, 0);

	if (fd >= 0)
		sys_dup2(fd, 1);
	sys_execve("/bin/entry32", argv, env);
	sys_exit_group(99);
}

USERTEST(compat_exec)
{
	char *args[] = { "entry32", NULL };

	EXPECT_EQ(run_child(exec32, args), STATUS_EXIT(0));
}

USERTEST(compat_entries_agree)
{
	char *args[] = { "entry32", "paths", NULL };
	struct trapdoor_stats before = stats_now(), after;

	/* entry32 exits with the number of failed checks: every path must
	 * give int $0x80's results and keep every register but eax. */
	EXPECT_EQ(run_child(exec32, args), STATUS_EXIT(0));
	after = stats_now();
	EXPECT(after.int80_32_calls > before.int80_32_calls);
	if (intel())
		EXPECT(after.sysenter_calls > before.sysenter_calls);
	else
		EXPECT(after.syscall32_calls > before.syscall32_calls);
	if (counters_mine()) {               /* another suite's 32-bit calls may fall back */
		EXPECT(after.sysexit_fallbacks == before.sysexit_fallbacks);
		EXPECT(after.sysretl_fallbacks == before.sysretl_fallbacks);
	}
}

USERTEST(compat_odd_flags)
{
	char *args[] = { "entry32", "flags", NULL };
	struct trapdoor_stats before = stats_now(), after;

	/* NT, AC and DF as a user may set them: every path's call works and
	 * gives the bits back. The fast returns cannot load NT into the
	 * kernel's flags before leaving (sysexit's popfq) or do not take it
	 * (sysretl: trapdoor's rule), so those calls leave by iretq, counted. */
	EXPECT_EQ(run_child(exec32, args), STATUS_EXIT(0));
	after = stats_now();
	if (intel())
		EXPECT(after.sysexit_fallbacks > before.sysexit_fallbacks);
	else
		EXPECT(after.sysretl_fallbacks > before.sysretl_fallbacks);
}

USERTEST(compat_sysenter_tf)
{
	char *args[] = { "entry32", "tf", NULL };

	/* sysenter with TF: no panic, and SIGTRAP after the call returns
	 * (by iretq). Only Intel vendors have sysenter in long mode. */
	if (!intel()) {
		note("no sysenter on this vendor ");
		return;
	}
	struct trapdoor_stats before = stats_now();
	EXPECT_EQ(run_child(exec32, args), STATUS_SIG(SIGTRAP));
	EXPECT(stats_now().sysexit_fallbacks > before.sysexit_fallbacks);
}

USERTEST(compat_fast_bad_esp)
{
	static char *modes[2][2] = { { "badesp-syscall32", "badesp-sysenter" } };
	const char *addrs[] = { "0x10", "0xfffff000", "0xffffe000" };

	/* The stack the fast entry reads arg 6 from is unmapped (or above
	 * the 32-bit space): -EFAULT, then the landing pad's pops fault. */
	for (unsigned i = 0; i < 3; i++) {
		char *args[] = { "entry32", modes[0][intel()], (char *)addrs[i], NULL };
		EXPECT_EQ(run_child(exec32, args), STATUS_SIG(SIGSEGV));
	}
}

static void sysenter_child(void *unused) { sysenter64(); }

USERTEST(sysenter_from_64bit)
{
	/* Intel: the kernel ends it as if sysenter did not exist (SIGILL);
	 * AMD vendors #UD it in long mode (QEMU too): SIGILL as well. */
	EXPECT_EQ(run_child(sysenter_child, 0), STATUS_SIG(SIGILL));
}

USERTEST(compat_farjump_r8_r15)
{
	uint64_t r[8];

	/* int $0x80 from compat mode uses the i386 table (20 = getpid) by the
	 * CS it came from, and r8-r15 come back zero. */
	EXPECT(farjump_getpid(r) == sys_getpid());
	for (int i = 0; i < 8; i++)
		EXPECT_EQ(r[i], 0);
}
