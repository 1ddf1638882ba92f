/*
 * vdso32.c - the 32-bit vDSO for compat processes: copied once into frames
 * of its own at boot, its __kernel_vsyscall patched to the fastest entry
 * this CPU has in compat mode, then mapped below 4 GiB into each 32-bit
 * program, right above the same vvar page the 64-bit vDSO reads (vdso.c).
 */
#include "api/auxv.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "lib/elf.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"
#include "vdso32.h"

#define VDSO32_MAX_PAGES 2
/* Between mmap's region and the stack, 1 MiB clear of the stack. */
#define VDSO32_AREA_START USER32_MMAP_TOP
#define VDSO32_AREA_END   (USER32_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE - (1UL << 20))
#define VDSO32_AREA_PAGES ((VDSO32_AREA_END - VDSO32_AREA_START) / PAGE_SIZE)

extern const char vdso32_image_start[], vdso32_image_end[];

static uint64_t frames[VDSO32_MAX_PAGES];
static size_t pages;

/* The 4-byte slot in __kernel_vsyscall (vdso32/vsyscall.S), by vendor:
 * 89 e5 0f 34 = movl %esp,%ebp; sysenter   89 cd 0f 05 = movl %ecx,%ebp; syscall */
static const uint8_t slot_sysenter[4] = { 0x89, 0xe5, 0x0f, 0x34 };
static const uint8_t slot_syscall[4] = { 0x89, 0xcd, 0x0f, 0x05 };

void vdso32_init(void)
{
	size_t size = vdso32_image_end - vdso32_image_start;
	struct elf_info info;
	const uint8_t *slot = NULL;

	if (elf32_check(vdso32_image_start, size, ET_DYN, &info) != ELF_OK)
		panic("vdso32: the embedded image is not a valid ELF32 shared object");
	pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
	if (pages > VDSO32_MAX_PAGES || VDSO32_SYM_vsyscall_slot + 4 > size)
		panic("vdso32: image of %zu bytes is too big, or has no patch slot", size);
	for (size_t i = 0; i < pages; i++) {
		if (!(frames[i] = frame_alloc()))
			panic("vdso32: out of memory");
		size_t n = size - i * PAGE_SIZE < PAGE_SIZE ? size - i * PAGE_SIZE : PAGE_SIZE;
		memcpy(phys_to_virt(frames[i]), vdso32_image_start + i * PAGE_SIZE, n);
	}
	/* Linux's choice (X86_FEATURE_SYSENTER32 / SYSCALL32, arch/cpu.h). */
	if (cpu.sysenter32)
		slot = slot_sysenter;
	else if (cpu.syscall32)
		slot = slot_syscall;
	if (slot) {
		uint64_t off = VDSO32_SYM_vsyscall_slot;
		memcpy((char *)phys_to_virt(frames[off / PAGE_SIZE]) + off % PAGE_SIZE, slot, 4);
	}
	kprintf("syscall: 32-bit __kernel_vsyscall uses %s\n",
		slot == slot_sysenter ? "sysenter" : slot ? "syscall" : "int $0x80");
}

uint32_t vdso32_entries(void)
{
	return ENTRY_INT80_32 | (cpu.sysenter32 ? ENTRY_SYSENTER : 0) | (cpu.syscall32 ? ENTRY_SYSCALL32 : 0);
}

uint64_t vdso32_map(struct mm *mm, uint64_t random)
{
	uint64_t vvar_va = VDSO32_AREA_START + random % (VDSO32_AREA_PAGES - pages - 1) * PAGE_SIZE;
	uint64_t base = vvar_va + PAGE_SIZE;

	uint64_t root = mm->root, kf = PTE_SHARED | PTE_KFRAME;

	if (vm_map(mm, vvar_va, PAGE_SIZE, kf | (cpu.nx ? PTE_NX : 0)) < 0 ||
	    vm_map(mm, base, pages * PAGE_SIZE, kf) < 0 ||
	    uvm_map_shared(root, vvar_va, vdso_vvar_frame(), cpu.nx ? PTE_NX : 0) < 0)
		return 0;
	for (size_t i = 0; i < pages; i++)
		if (uvm_map_shared(root, base + i * PAGE_SIZE, frames[i], 0) < 0)
			return 0;
	return base;
}

const char *vdso32_frame_name(uint64_t pa)
{
	for (size_t i = 0; i < pages; i++)
		if (pa == frames[i])
			return "[vdso]";
	return NULL;
}
