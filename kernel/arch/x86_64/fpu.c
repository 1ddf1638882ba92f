/*
 * fpu.c - the x87/SSE/AVX state user processes have (arch/fpu.h): turning
 * it on, the areas it is kept in, and the instructions that move it.
 *
 * The switch (proc/sched.c) saves the old process's state with XSAVEOPT
 * and loads the next one's with XRSTOR, every time: no lazy switching, so
 * CR0.TS stays clear and #NM never happens. XSAVEOPT may skip components
 * that did not change since the XRSTOR from the same address; that holds
 * because nothing writes a running process's area: fork, signal frames
 * and execve work on the registers or on other areas (fpu.h).
 */
#include <stdint.h>

#include "api/signal.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "kernel.h"

#define CR0_NE (1ULL << 5)         /* x87 errors as #MF, not the PC's IRQ 13 */
#define CR0_TS (1ULL << 3)

struct fpu_config fpu;

/* The initial state, in the layout of an area: FCW and MXCSR at their
 * defaults, the header's XSTATE_BV 0 (XRSTOR initialises every component). */
static uint8_t init_state[FPU_AREA_MAX] __attribute__((aligned(64)));

static void xsetbv(uint32_t reg, uint64_t v)
{
	__asm__ volatile("xsetbv" : : "c"(reg), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

/* The XSAVE features to enable: x87 and SSE always, AVX and AVX-512 (its
 * three components together) when the CPU has them. */
static uint64_t pick_features(void)
{
	uint32_t r[4], has_avx, has_avx512 = 0, can;

	cpuid(1, 0, r);
	has_avx = r[2] >> 28 & 1;
	cpuid(0, 0, r);
	if (r[0] >= 7) {
		cpuid(7, 0, r);
		has_avx512 = r[1] >> 16 & 1;
	}
	cpuid(0xd, 0, r);
	can = r[0];                        /* the XCR0 bits this CPU supports (low half) */
	uint64_t x = XFEATURE_X87 | XFEATURE_SSE;
	if (has_avx && (can & XFEATURE_YMM))
		x |= XFEATURE_YMM;
	uint32_t avx512 = XFEATURE_OPMASK | XFEATURE_ZMM_HI256 | XFEATURE_HI16_ZMM;
	if ((x & XFEATURE_YMM) && has_avx512 && (can & avx512) == avx512)
		x |= avx512;
	return x;
}

void fpu_detect(void)
{
	uint32_t r[4];

	cpuid(1, 0, r);
	fpu.xsave = r[2] >> 26 & 1;
	fpu.xcr0 = fpu.xsave ? pick_features() : XFEATURE_X87 | XFEATURE_SSE;
}

void fpu_enable(void)
{
	/* Native x87 errors (NE), WAIT obeys TS (MP, though TS stays clear),
	 * no emulation (EM): the FPU is the process's. */
	write_cr0((read_cr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT | (fpu.xsave ? CR4_OSXSAVE : 0));
	if (fpu.xsave)
		xsetbv(0, fpu.xcr0);
}

void fpu_init(void)
{
	uint32_t r[4];

	fpu.size = sizeof(struct k_fpstate);
	if (fpu.xsave) {
		cpuid(0xd, 0, r);
		fpu.size = r[1];           /* the standard layout's size for XCR0 as set */
		cpuid(0xd, 1, r);
		fpu.xsaveopt = r[0] & 1;
		if (fpu.size > FPU_AREA_MAX)
			panic("fpu: a %u-byte XSAVE area for XCR0 0x%lx", fpu.size, fpu.xcr0);
	}

	/* MXCSR_MASK says which MXCSR bits may be set (0: the old default). */
	__asm__ volatile("fninit; fxsave64 (%0)" : : "r"(init_state) : "memory");
	fpu.mxcsr_mask = ((struct k_fpstate *)init_state)->mxcsr_mask;
	if (!fpu.mxcsr_mask)
		fpu.mxcsr_mask = MXCSR_MASK_DEFAULT;

	for (uint32_t i = 0; i < sizeof(init_state); i++)
		init_state[i] = 0;
	struct k_fpstate *fx = (struct k_fpstate *)init_state;
	fx->cwd = FCW_DEFAULT;
	fx->mxcsr = MXCSR_DEFAULT;
	fx->mxcsr_mask = fpu.mxcsr_mask;
	fpu_load_init();
	kprintf("fpu: %s%s, xcr0 0x%lx (x87 sse%s%s), %u-byte state, mxcsr mask 0x%x\n",
		fpu.xsave ? "xsave" : "fxsave", fpu.xsaveopt ? " xsaveopt" : "", fpu.xcr0,
		fpu.xcr0 & XFEATURE_YMM ? " avx" : "", fpu.xcr0 & XFEATURE_OPMASK ? " avx512" : "",
		fpu.size, fpu.mxcsr_mask);
}

void *fpu_alloc(void)
{
	/* kmalloc aligns to 16: take 64 more, and keep what it gave just
	 * below the aligned area, for fpu_free. */
	char *raw = kmalloc(fpu.size + 64 + sizeof(void *));

	if (!raw)
		return NULL;
	void **area = (void **)(((uint64_t)raw + sizeof(void *) + 63) & ~63ULL);
	area[-1] = raw;
	fpu_init_area(area);
	return area;
}

void fpu_free(void *area)
{
	if (area)
		kfree(((void **)area)[-1]);
}

void fpu_init_area(void *area)
{
	memcpy(area, init_state, fpu.size);
}

/* edx:eax = ~0: every feature XCR0 enables. */
void fpu_load(const void *area)
{
	if (fpu.xsave)
		__asm__ volatile("xrstor64 (%0)" : : "r"(area), "a"(~0u), "d"(~0u) : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" : : "r"(area) : "memory");
}

void fpu_switch_save(void *area)
{
	if (fpu.xsaveopt)
		__asm__ volatile("xsaveopt64 (%0)" : : "r"(area), "a"(~0u), "d"(~0u) : "memory");
	else
		fpu_save(area);
}

void fpu_save(void *area)
{
	if (fpu.xsave)
		__asm__ volatile("xsave64 (%0)" : : "r"(area), "a"(~0u), "d"(~0u) : "memory");
	else
		__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
}

void fpu_load_init(void)
{
	fpu_load(init_state);
}

int fpu_fault_code(uint64_t vector)
{
	uint32_t err;

	if (vector == 19) {
		uint32_t mxcsr;
		__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
		err = mxcsr & ~(mxcsr >> 7);      /* flags (bits 0-5) whose mask (7-12) is clear */
	} else {
		uint16_t cw, sw;
		__asm__ volatile("fnstcw %0; fnstsw %1" : "=m"(cw), "=m"(sw));
		err = sw & ~cw;                   /* flags (0-5) whose mask (0-5) is clear */
	}
	/* Linux's order: invalid, divide, overflow, underflow or denormal, inexact. */
	if (err & 0x01)
		return FPE_FLTINV;
	if (err & 0x04)
		return FPE_FLTDIV;
	if (err & 0x08)
		return FPE_FLTOVF;
	if (err & 0x12)
		return FPE_FLTUND;
	if (err & 0x20)
		return FPE_FLTRES;
	return 0;
}
