/* boot_tests.c - the hand-off worked and the CPU is set up as documented. */
#include "api/abi.h"
#include "arch/cpu.h"
#include "arch/trap.h"
#include "ktest.h"
#include "lib/cmdline.h"
#include "lib/fmt.h"

extern const char __kernel_start[], __text_end[], __rodata_end[], __kernel_end[];

void kmain(struct boot_info *bi);

void test_boot_higher_half(void)
{
	uint64_t rip, rsp;

	__asm__ volatile("leaq (%%rip), %0; movq %%rsp, %1" : "=r"(rip), "=r"(rsp));
	KT_CHECK((uint64_t)kmain >= KERNEL_VBASE);
	KT_CHECK(rip >= KERNEL_VBASE);
	KT_CHECK(rsp >= 0xffffe00000000000ULL);            /* on a guarded kernel stack */
	KT_CHECK(vmm_translate(0x100000) == ~0ULL);       /* the loader's identity map is gone */
	KT_CHECK(vmm_translate((uint64_t)kmain) - boot->kernel_phys == (uint64_t)kmain - KERNEL_VBASE);
}

void test_boot_info_sane(void)
{
	const struct bi_mem_region *m = phys_to_virt(boot->mem_map);

	KT_CHECK(boot->magic == BOOT_INFO_MAGIC && boot->version == BOOT_INFO_VERSION);
	KT_CHECK(boot->size == sizeof(struct boot_info));
	KT_CHECK(boot->kernel_phys % 4096 == 0 && boot->kernel_size >= (uint64_t)(__kernel_end - __kernel_start));
	KT_CHECK(boot->mem_map_count > 0);
	for (uint64_t i = 0; i < boot->mem_map_count; i++) {
		KT_CHECK(m[i].base % 4096 == 0 && m[i].length % 4096 == 0 && m[i].length > 0);
		KT_CHECK(m[i].type >= BI_MEM_USABLE && m[i].type <= BI_MEM_UNUSABLE);
		if (i > 0)                                   /* sorted, no overlap */
			KT_CHECK(m[i - 1].base + m[i - 1].length <= m[i].base);
	}
	KT_CHECK(boot->rsdp != 0);                           /* OVMF always has ACPI */
	KT_CHECK(memcmp(phys_to_virt(boot->rsdp), "RSD PTR ", 8) == 0);
}

void test_cmdline_seen(void)
{
	KT_CHECK(cmdline_has(cmdline, "test"));
	KT_CHECK(strlen(cmdline) == boot->cmdline_len);
}

void test_kernel_printf(void)
{
	char buf[64];

	/* The freestanding build of fmt.c (no SSE, kernel code model) behaves like the host's. */
	fmt_snprintf(buf, sizeof(buf), "%d|%5x|%-3s|%lu|%p", -42, 0xbeef, "ab", 1UL << 40, (void *)0x10);
	KT_CHECK(strcmp(buf, "-42| beef|ab |1099511627776|0x0000000000000010") == 0);
}

void test_cpu_features(void)
{
	/* What this OS requires of a CPU; QEMU -cpu max has all of these. */
	KT_CHECK(cpu.syscall);
	KT_CHECK(cpu.nx);
	KT_CHECK(cpu.vendor[0] != 0);
}

void test_protections_on(void)
{
	uint64_t cr4 = read_cr4();

	KT_CHECK(read_cr0() & CR0_WP);
	KT_CHECK(!cpu.nx || (rdmsr(MSR_EFER) & EFER_NXE));
	KT_CHECK(!!(cr4 & CR4_SMEP) == !!cpu.smep);
	KT_CHECK(!!(cr4 & CR4_SMAP) == !!cpu.smap);
}

void test_kernel_wx(void)
{
	uint64_t text = vmm_flags((uint64_t)__kernel_start);
	uint64_t ro = vmm_flags((uint64_t)__text_end);
	uint64_t data = vmm_flags((uint64_t)&last_fixup);
	uint64_t before = last_fixup.count;

	KT_CHECK((text & PTE_P) && !(text & PTE_W) && !(text & PTE_NX));
	KT_CHECK((ro & PTE_P) && !(ro & PTE_W) && (ro & PTE_NX));
	KT_CHECK((data & PTE_P) && (data & PTE_W) && (data & PTE_NX));
	KT_CHECK(!(vmm_flags(DIRECT_MAP_BASE + boot->kernel_phys) & PTE_U));
	/* Writing kernel text faults (#PF, present + write) instead of changing it. */
	__asm__ volatile("1: movb $0, (%0)\n2:\n" EX_TABLE(1b, 2b) : : "r"(__kernel_start) : "memory");
	KT_CHECK(last_fixup.count == before + 1 && last_fixup.vector == 14);
	KT_CHECK((last_fixup.error & 3) == 3);
}

/* Nothing maps the vsyscall page (every address space shares the kernel's
 * upper half): each touch faults, so a call can be emulated (arch/x86_64/vsyscall.c). */
void test_vsyscall_unmapped(void)
{
	KT_CHECK(vmm_flags(VSYSCALL_ADDR) == 0);
}

