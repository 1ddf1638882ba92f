/*
 * fpu.h - the x87/SSE/AVX state of user processes (arch/x86_64/fpu.c).
 *
 * Every process has one state area (struct proc's fpu), in the layout
 * XSAVE writes in its standard form (FXSAVE's 512 bytes on a CPU without
 * XSAVE). The kernel itself never uses these registers (it is built with
 * -mno-sse), so they hold the running process's state the whole time it
 * runs, system calls included: only a switch saves and loads them
 * (eagerly, never by #NM), and only calls that change the state on
 * purpose (fork, execve, signal delivery and return) touch it.
 */
#ifndef ARCH_FPU_H
#define ARCH_FPU_H

#include <stdbool.h>
#include <stdint.h>

#define MXCSR_DEFAULT      0x1f80          /* every exception masked, round to nearest */
#define FCW_DEFAULT        0x037f          /* the same for x87, 64-bit precision */
#define MXCSR_MASK_DEFAULT 0xffbf          /* when FXSAVE reports a mask of 0 (no DAZ) */
#define FPU_AREA_MAX       4096            /* x87..AVX-512 take 2688 bytes; AMX is not enabled */

struct fpu_config {
	bool xsave;                      /* XSAVE/XRSTOR (CR4.OSXSAVE), else FXSAVE/FXRSTOR */
	bool xsaveopt;                   /* XSAVEOPT for the switch */
	uint64_t xcr0;                   /* the features enabled; X87|SSE without XSAVE */
	uint32_t size;                   /* bytes in one state area */
	uint32_t mxcsr_mask;             /* the MXCSR bits this CPU allows */
};
extern struct fpu_config fpu;

/* From cpu_init, once: XSAVE or not, and the XCR0 every CPU will set. */
void fpu_detect(void);
/* On every CPU (cpu_enable): CR0 (MP, NE; no EM, no TS), CR4 (OSFXSR,
 * OSXMMEXCPT, OSXSAVE), XCR0. */
void fpu_enable(void);
/* Once, on the BSP after fpu_enable: the area's size from CPUID leaf 0xd,
 * XSAVEOPT, the MXCSR mask, the initial state; print one line. */
void fpu_init(void);

/* A state area holding the initial state (64-byte aligned), or NULL. */
void *fpu_alloc(void);
void fpu_free(void *area);

/* The registers <- area (XRSTOR/FXRSTOR). The area must be valid: one
 * the CPU wrote, or one fpu_frame_restore checked. */
void fpu_load(const void *area);
/* area <- the registers, for the switch (XSAVEOPT where present). */
void fpu_switch_save(void *area);
/* area <- the registers, every byte written (XSAVE/FXSAVE): for an area
 * the last fpu_load did not come from (fork, signal frames). */
void fpu_save(void *area);
/* The registers <- the initial state: FCW 0x37f, MXCSR 0x1f80, the rest 0. */
void fpu_load_init(void);
/* A process not running gets the initial state in its area. */
void fpu_init_area(void *area);

/* The si_code of a user's #MF (16) or #XM (19), from the live registers
 * (Linux's choice among FPE_FLT*); 0 when no unmasked exception is flagged. */
int fpu_fault_code(uint64_t vector);

/* proc/fpu_frame.c: the state in signal frames (docs/abi.md). */
/* Bytes a signal frame needs for the state (64-byte aligned). */
uint64_t fpu_frame_size(void);
/* Write the live state to the user's frame area at uaddr (64-byte
 * aligned, fpu_frame_size() bytes): 0, or -EFAULT. */
long fpu_frame_save(uint64_t uaddr);
/* rt_sigreturn: load the state from the user's frame area at uaddr (0:
 * the initial state), after checking everything XRSTOR would fault on.
 * 0, or -1 when the process must get SIGSEGV (the registers unchanged). */
long fpu_frame_restore(uint64_t uaddr);

#endif
