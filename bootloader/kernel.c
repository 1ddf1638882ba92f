/* kernel.c - check kernel.elf and place its PT_LOAD segments in memory. */
#include "loader.h"
#include "lib/elf.h"

EFI_STATUS load_kernel(const struct blob *elf, struct boot_info *bi, UINT64 *entry)
{
	struct elf_info ei;
	UINT8 *image;
	UINT64 span;
	int err;

	if (!elf->data)
		return fail(EFI_LOAD_ERROR, L"\\boot\\kernel.elf is empty");
	err = elf_check(elf->data, elf->size, ET_EXEC, &ei);
	if (err != ELF_OK)
		return fail(EFI_LOAD_ERROR, L"\\boot\\kernel.elf is not a valid x86-64 ELF executable: %a",
			    elf_strerror(err));
	/* The kernel's page tables and boot_info.kernel_phys assume this base. */
	if (ei.vaddr_lo != KERNEL_VBASE)
		return fail(EFI_LOAD_ERROR, L"kernel.elf must be linked at 0x%lx, not 0x%lx",
			    KERNEL_VBASE, ei.vaddr_lo);
	span = ei.vaddr_hi - ei.vaddr_lo;
	if (span > (1ULL << 30))
		return fail(EFI_LOAD_ERROR, L"kernel image spans %lu bytes; the limit is 1 GiB", span);

	/* One zeroed physically contiguous block: .bss comes out zero for free. */
	image = alloc_pages(PAGES(span));
	if (!image)
		return fail(EFI_OUT_OF_RESOURCES, L"no memory for the kernel image (%lu bytes)", span);
	for (UINT16 i = 0; i < ei.phnum; i++) {
		const Elf64_Phdr *ph = &ei.phdrs[i];
		if (ph->p_type != PT_LOAD)
			continue;
		CopyMem(image + (ph->p_vaddr - ei.vaddr_lo), (UINT8 *)elf->data + ph->p_offset, ph->p_filesz);
	}

	bi->kernel_phys = (UINT64)image;
	bi->kernel_size = span;
	*entry = ei.entry;
	return EFI_SUCCESS;
}
