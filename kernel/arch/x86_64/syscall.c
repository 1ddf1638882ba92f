/*
 * syscall.c - the SYSCALL/SYSRET side of the entry code: the MSRs. (Whether
 * a frame may leave by sysretq is decided in entry.S and arch/sysret.h.)
 */
#include "api/abi.h"
#include "arch/cpu.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"

/* Cleared on entry, as Linux does: no single-step, interrupts, direction,
 * alignment checks or nested-task semantics inside the kernel. */
#define SYSCALL_FMASK (RFLAGS_TF | RFLAGS_IF | RFLAGS_DF | RFLAGS_NT | RFLAGS_AC | \
		       (3ULL << 12) /* IOPL */ | (1ULL << 17) /* VM */ | (1ULL << 19) /* VIF */ | \
		       (1ULL << 20) /* VIP */ | (1ULL << 21) /* ID */)

void syscall_entry(void);                /* entry.S */
void syscall32_entry(void);

void syscall_init(void)
{
	syscall_ring_init();                     /* both stubs call percpu.dispatch */
	if (!cpu.syscall) {
		kprintf("syscall: CPU has no SYSCALL instruction; only int $0x80\n");
		return;
	}
	/* STAR[47:32]: syscall CS = 0x10, SS = 0x18. STAR[63:48]: sysretq CS =
	 * 0x20 + 16 = 0x30, SS = 0x20 + 8 = 0x28, both with RPL forced to 3
	 * (0x33 and 0x2b, Linux's numbers). */
	wrmsr(MSR_STAR, ((uint64_t)(USER32_CS & ~3) << 48) | ((uint64_t)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_CSTAR, (uint64_t)syscall32_entry);   /* 32-bit callers: refused */
	wrmsr(MSR_FMASK, SYSCALL_FMASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	kprintf("syscall: int $0x80 and syscall enabled (LSTAR %p, FMASK 0x%lx)\n",
		(void *)syscall_entry, (uint64_t)SYSCALL_FMASK);
}
