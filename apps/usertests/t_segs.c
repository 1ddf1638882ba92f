/*
 * t_segs.c - segment registers as user mode sees them, as on Linux: an
 * LDT selector names nothing (there is no LDT), and every thread keeps
 * the FS and GS selectors it loaded across switches (Linux's sigreturn and
 * fsgsbase selftests, docs/linux-selftests.md).
 */
#include "usertests.h"

/* lar: 1 when selector sel names a descriptor user mode may see (ZF). */
static int lar_ok(uint16_t sel)
{
	uint32_t ar = 0;
	uint8_t ok;

	__asm__ volatile("lar %k2, %0\n\tsetz %1" : "+r"(ar), "=q"(ok) : "r"((uint32_t)sel) : "cc");
	return ok;
}

/* No LDT: `lar` of any LDT selector fails quietly (ZF clear), and the
 * GDT's user segments are there. With a stale LDTR (base 0) the CPU
 * would read descriptors from user address index * 8 and fault. */
USERTEST(segs_no_ldt)
{
	uint16_t ss;

	__asm__ volatile("movw %%ss, %0" : "=r"(ss));
	EXPECT_EQ(lar_ok(0x07), 0);           /* LDT index 0, RPL 3 */
	EXPECT_EQ(lar_ok(0x47), 0);           /* index 8: linear 0x40 with a stale LDTR */
	EXPECT_EQ(lar_ok(0xfff7), 0);         /* the last index */
	EXPECT_EQ(lar_ok(ss), 1);
}

static uint16_t gs_now(void)
{
	uint16_t sel;

	__asm__ volatile("movw %%gs, %0" : "=r"(sel));
	return sel;
}

static void gs_load(uint16_t sel)
{
	__asm__ volatile("movw %0, %%gs" : : "r"(sel));
}

/* Both ends on CPU 0, so every hand-over is a switch on one CPU. */
static void pin_cpu0(void)
{
	uint64_t mask = 1;

	RAW(SYS_sched_setaffinity, 0, sizeof(mask), &mask, 0, 0, 0);
}

/* Ping-pong over two pipes n times, loading sel into GS first: exit 0
 * when GS still held sel after every hand-over. */
static void gs_pingpong(int in, int out, uint16_t sel, int first)
{
	char c = 0;
	int bad = 0;

	pin_cpu0();
	gs_load(sel);
	for (int i = 0; i < 50; i++) {
		if (!(first && i == 0) && sys_read(in, &c, 1) != 1)
			quit(2);
		bad |= gs_now() != sel;
		if (sys_write(out, &c, 1) != 1)
			quit(2);
	}
	quit(bad);
}

static int pipes[2][2];
static uint16_t user_ss;

static void gs_null_side(void *unused)
{
	gs_pingpong(pipes[0][0], pipes[1][1], 0, 0);
}

static void gs_ss_side(void *unused)
{
	gs_pingpong(pipes[1][0], pipes[0][1], user_ss, 1);
}

/* A process that loaded its stack selector into GS keeps it while a
 * process with a null GS runs in between on the same CPU, and the other
 * way round: the scheduler saves and reloads the selector, not only the
 * base. */
USERTEST(segs_gs_kept_across_switch)
{
	__asm__ volatile("movw %%ss, %0" : "=r"(user_ss));
	EXPECT_EQ(sys_pipe(pipes[0]), 0);
	EXPECT_EQ(sys_pipe(pipes[1]), 0);
	pid_t a = spawn(gs_null_side, 0);
	pid_t b = spawn(gs_ss_side, 0);
	EXPECT_EQ(reap(b), 0);
	EXPECT_EQ(reap(a), 0);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			sys_close(pipes[i][j]);
}
