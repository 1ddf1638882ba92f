/* cpu.h - thin wrappers around x86-64 instructions the kernel needs. */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

#define MSR_EFER          0xc0000080
#define MSR_STAR          0xc0000081
#define MSR_LSTAR         0xc0000082
#define MSR_CSTAR         0xc0000083
#define MSR_SYSENTER_CS   0x00000174
#define MSR_SYSENTER_ESP  0x00000175
#define MSR_SYSENTER_EIP  0x00000176
#define MSR_FMASK         0xc0000084
#define MSR_FS_BASE       0xc0000100
#define MSR_GS_BASE       0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define MSR_APIC_BASE     0x0000001b
#define MSR_TSC_DEADLINE  0x000006e0     /* the LAPIC timer's deadline in TSC-deadline mode */
#define MSR_PAT           0x00000277
#define MSR_TSC_AUX       0xc0000103     /* what rdtscp and rdpid return in ecx / their operand */

#define EFER_SCE (1ULL << 0)
#define EFER_NXE (1ULL << 11)

#define CR0_MP   (1ULL << 1)
#define CR0_EM   (1ULL << 2)
#define CR0_WP   (1ULL << 16)
#define CR4_PGE  (1ULL << 7)
#define CR4_OSFXSR (1ULL << 9)
#define CR4_OSXMMEXCPT (1ULL << 10)
#define CR4_OSXSAVE (1ULL << 18)
#define CR4_FSGSBASE (1ULL << 16)
#define CR4_SMEP (1ULL << 20)
#define CR4_SMAP (1ULL << 21)

#define RFLAGS_TF (1ULL << 8)
#define RFLAGS_IF (1ULL << 9)
#define RFLAGS_DF (1ULL << 10)
#define RFLAGS_NT (1ULL << 14)
#define RFLAGS_RF (1ULL << 16)
#define RFLAGS_AC (1ULL << 18)

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

/* TSC read ordered after all earlier instructions (lfence; rdtsc). */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

#define CR_ACCESSORS(n) \
	static inline uint64_t read_cr##n(void) { uint64_t v; __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; } \
	static inline void write_cr##n(uint64_t v) { __asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory"); }
CR_ACCESSORS(0)
CR_ACCESSORS(2)
CR_ACCESSORS(3)
CR_ACCESSORS(4)
CR_ACCESSORS(8)           /* the LAPIC's task priority: vectors below (CR8+1)*16 wait */
#undef CR_ACCESSORS

/* DR6 says why a #DB came: BS (bit 14) for a single step. Its bits stick
 * until written back, so a handler resets it (the value with none set). */
#define DR6_BS    (1ULL << 14)
#define DR6_RESET 0xffff0ff0ULL
static inline uint64_t read_dr6(void) { uint64_t v; __asm__ volatile("mov %%dr6, %0" : "=r"(v)); return v; }
static inline void write_dr6(uint64_t v) { __asm__ volatile("mov %0, %%dr6" : : "r"(v)); }

static inline void invlpg(uint64_t va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }
static inline void cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hlt(void) { __asm__ volatile("hlt" ::: "memory"); }
static inline void pause(void) { __asm__ volatile("pause"); }

static inline uint64_t read_rflags(void)
{
	uint64_t v;
	__asm__ volatile("pushfq; popq %0" : "=r"(v));
	return v;
}

/* CPU features found by cpu_detect(). */
struct cpu_features {
	char vendor[13];
	char brand[49];
	int syscall, nx, smep, smap, rdtscp, fsgsbase, pdpe1gb, invariant_tsc, x2apic;
	int tsc_deadline;                /* CPUID 1 ECX bit 24: the LAPIC timer's TSC-deadline mode */
	int pat;                         /* CPUID 1 EDX bit 16: the PAT MSR */
	int rdpid;                       /* CPUID 7 ECX bit 22: rdpid reads TSC_AUX */
	uint32_t leaf1_edx;              /* CPUID 1's feature bits: AT_HWCAP */
	/* The fast compat entries this CPU has in long mode (Linux's
	 * X86_FEATURE_SYSENTER32 and _SYSCALL32): sysenter on Intel vendors
	 * with CPUID 1 EDX.SEP (bit 11); AMD vendors #UD it in long mode
	 * (QEMU >= 8.1 too), but they take syscall from compat mode
	 * (CPUID 0x80000001 EDX.SYSCALL, bit 11), which Intel CPUs #UD. */
	int sysenter32, syscall32;
};
extern struct cpu_features cpu;
extern uint8_t smap_enabled;       /* CR4.SMAP on: entry stubs clac */

/* Once, on the BSP: fill `cpu` from CPUID (taken for every CPU: QEMU's
 * are alike) and print it; choose the x87/SSE/AVX state (fpu_detect). */
void cpu_init(void);
/* On every CPU (from cpu_local_init): enable NXE, WP, PGE, SMEP, SMAP and
 * FSGSBASE when present, the BSP's PAT, user mode's x87/SSE/AVX state. */
void cpu_enable(void);

#endif
