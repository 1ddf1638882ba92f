/*
 * syscall.c - the MSRs of the entry instructions: SYSCALL/SYSRET (from
 * 64-bit and compat mode) and SYSENTER/SYSEXIT. (Whether a frame may leave
 * by sysretq is decided in entry.S and arch/sysret.h; by sysexit or
 * sysretl in entry.S and arch/x86_64/fast32.c.)
 */
#include "api/abi.h"
#include "arch/cpu.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "arch/smp.h"
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
void sysenter_entry(void);

/* The stacks sysenter arrives on (IA32_SYSENTER_ESP), one per CPU. The
 * stub leaves it at once for the process's kernel stack; only the #DBs of
 * a sysenter with TF set (isr.S) push their frames here first. */
static uint8_t sysenter_stack[MAX_CPUS][512] __attribute__((aligned(16)));

void syscall_init(void)
{
	syscall_ring_init();                     /* every stub calls percpu.dispatch */
	if (cpu.sysenter32)
		kprintf("syscall: sysenter enabled for 32-bit programs (SYSENTER_EIP %p)\n", (void *)sysenter_entry);
	if (!cpu.syscall)
		kprintf("syscall: CPU has no SYSCALL instruction; only int $0x80\n");
	else
		kprintf("syscall: int $0x80 and syscall enabled (LSTAR %p, FMASK 0x%lx)\n",
			(void *)syscall_entry, (uint64_t)SYSCALL_FMASK);
}

void syscall_cpu_init(void)
{
	syscall_ring_cpu_init();
	/* sysenter only on Intel vendors with SEP (cpu.sysenter32): AMD CPUs #UD
	 * it in long mode, so the MSRs stay 0 there and a sysenter #GPs (SIGSEGV). */
	if (cpu.sysenter32) {
		wrmsr(MSR_SYSENTER_CS, KERNEL_CS);   /* sysexit: CS = 0x10 + 16 | 3 = 0x23, SS = + 24 | 3 = 0x2b */
		wrmsr(MSR_SYSENTER_ESP, (uint64_t)sysenter_stack[cpu_id()] + sizeof(sysenter_stack[0]));
		wrmsr(MSR_SYSENTER_EIP, (uint64_t)sysenter_entry);
	}
	if (!cpu.syscall)
		return;
	/* STAR[47:32]: syscall CS = 0x10, SS = 0x18. STAR[63:48]: sysretq CS =
	 * 0x20 + 16 = 0x30, SS = 0x20 + 8 = 0x28, both with RPL forced to 3
	 * (0x33 and 0x2b, Linux's numbers). */
	wrmsr(MSR_STAR, ((uint64_t)(USER32_CS & ~3) << 48) | ((uint64_t)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	/* Compat-mode syscall: on every CPU that has it in compat mode (AMD
	 * vendors; Intel ones #UD, QEMU's TCG allows it): auxv offers it
	 * only where Linux does (ENTRY_SYSCALL32), but it works anywhere. */
	wrmsr(MSR_CSTAR, (uint64_t)syscall32_entry);
	wrmsr(MSR_FMASK, SYSCALL_FMASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
