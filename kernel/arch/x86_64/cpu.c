/* cpu.c - what this CPU can do (CPUID), and the protections that follow. */
#include <stdint.h>

#include "arch/cpu.h"
#include "arch/fpu.h"
#include "kernel.h"

struct cpu_features cpu;
uint8_t smap_enabled;      /* for the entry stubs: clac exists and matters */
static uint64_t pat;       /* the firmware's PAT on the BSP, copied to every CPU */

static void detect(void)
{
	uint32_t r[4], max, maxext;

	cpuid(0, 0, r);
	max = r[0];
	((uint32_t *)cpu.vendor)[0] = r[1];
	((uint32_t *)cpu.vendor)[1] = r[3];
	((uint32_t *)cpu.vendor)[2] = r[2];
	if (max >= 7) {
		cpuid(7, 0, r);
		cpu.fsgsbase = r[1] >> 0 & 1;
		cpu.smep = r[1] >> 7 & 1;
		cpu.smap = r[1] >> 20 & 1;
		cpu.rdpid = r[2] >> 22 & 1;
	}
	cpuid(1, 0, r);
	cpu.x2apic = r[2] >> 21 & 1;
	cpu.pat = r[3] >> 16 & 1;
	cpu.tsc_deadline = r[2] >> 24 & 1;
	cpu.leaf1_edx = r[3];
	cpuid(0x80000000, 0, r);
	maxext = r[0];
	if (maxext >= 0x80000001) {
		cpuid(0x80000001, 0, r);
		cpu.syscall = r[3] >> 11 & 1;
		cpu.nx = r[3] >> 20 & 1;
		cpu.pdpe1gb = r[3] >> 26 & 1;
		cpu.rdtscp = r[3] >> 27 & 1;
	}
	cpu.sysenter32 = cpu.leaf1_edx >> 11 & 1 && strcmp(cpu.vendor, "GenuineIntel") == 0;
	cpu.syscall32 = cpu.syscall && (strcmp(cpu.vendor, "AuthenticAMD") == 0 ||
					strcmp(cpu.vendor, "HygonGenuine") == 0);
	if (maxext >= 0x80000004) {
		for (uint32_t i = 0; i < 3; i++)
			cpuid(0x80000002 + i, 0, (uint32_t *)&cpu.brand[i * 16]);
	}
	if (maxext >= 0x80000007) {
		cpuid(0x80000007, 0, r);
		cpu.invariant_tsc = r[3] >> 8 & 1;
	}
}

/* " name" when present, for the one-line summary. */
static const char *flag(int on, const char *name) { return on ? name : ""; }

void cpu_init(void)
{
	const char *brand = cpu.brand;

	detect();
	while (*brand == ' ')
		brand++;
	kprintf("cpu: %s %s\n", cpu.vendor, brand);
	kprintf("cpu: features:%s%s%s%s%s%s%s%s%s\n", flag(cpu.syscall, " syscall"), flag(cpu.nx, " nx"),
		flag(cpu.smep, " smep"), flag(cpu.smap, " smap"), flag(cpu.rdtscp, " rdtscp"),
		flag(cpu.fsgsbase, " fsgsbase"), flag(cpu.pdpe1gb, " pdpe1gb"),
		flag(cpu.invariant_tsc, " invariant-tsc"), flag(cpu.tsc_deadline, " tsc-deadline"));
	if (!cpu.syscall || !cpu.nx || !cpu.smep || !cpu.smap || !cpu.rdtscp || !cpu.fsgsbase)
		kprintf("cpu: missing:%s%s%s%s%s%s\n", flag(!cpu.syscall, " syscall"), flag(!cpu.nx, " nx"),
			flag(!cpu.smep, " smep"), flag(!cpu.smap, " smap"), flag(!cpu.rdtscp, " rdtscp"),
			flag(!cpu.fsgsbase, " fsgsbase"));

	smap_enabled = cpu.smap;
	if (cpu.pat)
		pat = rdmsr(MSR_PAT);
	fpu_detect();           /* which x87/SSE/AVX state every CPU will enable */
}

void cpu_enable(void)
{
	/* Page-level protections: NX bits honoured, WP for kernel writes too. */
	if (cpu.nx)
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	write_cr0(read_cr0() | CR0_WP);
	/* SMEP: never run user pages in ring 0. SMAP: never touch them outside stac/clac.
	 * FSGSBASE: user mode may read and write its own FS and GS bases
	 * (rdfsbase, wrgsbase, ...), as on Linux since 5.9; the scheduler reads
	 * them back on every switch, and the entries swapgs only by the CPL the
	 * frame shows, so a user GS base is never taken for the kernel's. */
	write_cr4(read_cr4() | CR4_PGE | (cpu.smep ? CR4_SMEP : 0) | (cpu.smap ? CR4_SMAP : 0) |
		  (cpu.fsgsbase ? CR4_FSGSBASE : 0));
	/* The memory types: the same PAT on every CPU (the kernel maps
	 * nothing with PAT bits yet; an AP after INIT keeps whatever the
	 * firmware left it, so it gets the BSP's explicitly). */
	if (cpu.pat)
		wrmsr(MSR_PAT, pat);
	fpu_enable();           /* user mode's x87/SSE/AVX state */
}
