/*
 * vdso.c (kernel side) - the vDSO image and the vvar page, shared by every
 * process: copied once into frames of their own at boot, then mapped into
 * each new program at a random address, the vvar page (read-only, NX)
 * right below the vDSO (read+execute). The frames are never freed or
 * copied per process (PTE_SHARED).
 */
#include "api/vvar.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "lib/elf.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"
#include "vdso32.h"

#define VDSO_MAX_PAGES 4
/* Between mmap's region and the stack, with 1 MiB to spare below the stack. */
#define VDSO_AREA_START USER_MMAP_TOP
#define VDSO_AREA_END   (USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE - (1UL << 20))
#define VDSO_AREA_PAGES ((VDSO_AREA_END - VDSO_AREA_START) / PAGE_SIZE)

extern const char vdso_image_start[], vdso_image_end[];

struct vvar *vvar;                                     /* the kernel's view (direct map) */
static uint64_t vvar_frame, vdso_frames[VDSO_MAX_PAGES];
static size_t vdso_pages;

void vdso_init(void)
{
	size_t size = vdso_image_end - vdso_image_start;
	struct elf_info info;

	if (elf_check(vdso_image_start, size, ET_DYN, &info) != ELF_OK)
		panic("vdso: the embedded image is not a valid ELF shared object");
	vdso_pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
	if (vdso_pages > VDSO_MAX_PAGES)
		panic("vdso: image of %zu bytes is too big", size);
	for (size_t i = 0; i < vdso_pages; i++) {
		if (!(vdso_frames[i] = frame_alloc()))
			panic("vdso: out of memory");
		size_t n = size - i * PAGE_SIZE < PAGE_SIZE ? size - i * PAGE_SIZE : PAGE_SIZE;
		memcpy(phys_to_virt(vdso_frames[i]), vdso_image_start + i * PAGE_SIZE, n);
	}
	if (!(vvar_frame = frame_alloc()))
		panic("vdso: out of memory");
	vvar = phys_to_virt(vvar_frame);
	kprintf("vdso: %zu bytes (%zu pages) + vvar page, mapped into every process\n", size, vdso_pages);
}

uint64_t vdso_map(struct mm *mm, uint64_t random)
{
	uint64_t vvar_va = VDSO_AREA_START + random % (VDSO_AREA_PAGES - vdso_pages - 1) * PAGE_SIZE;
	uint64_t base = vvar_va + PAGE_SIZE;

	uint64_t root = mm->root, kf = PTE_SHARED | PTE_KFRAME;

	if (vm_map(mm, vvar_va, PAGE_SIZE, kf | (cpu.nx ? PTE_NX : 0)) < 0 ||
	    vm_map(mm, base, vdso_pages * PAGE_SIZE, kf) < 0 ||
	    uvm_map_shared(root, vvar_va, vvar_frame, cpu.nx ? PTE_NX : 0) < 0)
		return 0;
	for (size_t i = 0; i < vdso_pages; i++)
		if (uvm_map_shared(root, base + i * PAGE_SIZE, vdso_frames[i], 0) < 0)
			return 0;
	return base;
}

uint64_t vdso_vvar_frame(void)
{
	return vvar_frame;
}

const char *vdso_frame_name(uint64_t pa)
{
	if (pa == vvar_frame)
		return "[vvar]";
	for (size_t i = 0; i < vdso_pages; i++)
		if (pa == vdso_frames[i])
			return "[vdso]";
	return vdso32_frame_name(pa);        /* a 32-bit process's [vdso] */
}
