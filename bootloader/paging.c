/*
 * paging.c - the page tables the kernel starts on.
 *
 *   PML4[0..n)      identity map of [0, top) with 2 MiB pages, so this loader
 *                   keeps running for the few instructions after the CR3 switch
 *   PML4[256..+n)   the same PDPTs again: the direct map at DIRECT_MAP_BASE
 *   PML4[511]       PDPT[510] -> PD -> PTs: the kernel image at KERNEL_VBASE
 *                   with 4 KiB pages onto boot_info.kernel_phys
 *
 * Everything is present+writable and nothing is NX: the loader does not know
 * whether EFER.NXE is on. The kernel builds its own, stricter tables at once.
 */
#include "loader.h"

#define PTE_P  0x001ULL
#define PTE_W  0x002ULL
#define PTE_PS 0x080ULL /* 2 MiB page in a PD entry */

#define GIB (1ULL << 30)

EFI_STATUS build_page_tables(const struct boot_info *bi, UINT64 top, UINT64 *cr3)
{
	UINT64 ngib = (top + GIB - 1) / GIB;      /* one PD per GiB */
	UINT64 npdpt = (ngib + 511) / 512;        /* one PDPT per 512 GiB */
	UINT64 kpages = PAGES(bi->kernel_size);
	UINT64 npt = (kpages + 511) / 512;        /* one PT per 2 MiB of kernel */
	UINT64 *pml4, *pdpt, *pd, *kpdpt, *kpd, *pt;

	if (npdpt > 255)   /* PML4 256..510 direct map; 511 is the kernel's */
		return fail(EFI_UNSUPPORTED, L"physical memory above 127 TiB is not supported");
	pml4 = alloc_pages(1);
	pdpt = alloc_pages(npdpt);
	pd = alloc_pages(ngib);
	kpdpt = alloc_pages(1);
	kpd = alloc_pages(1);
	pt = alloc_pages(npt);
	if (!pml4 || !pdpt || !pd || !kpdpt || !kpd || !pt)
		return fail(EFI_OUT_OF_RESOURCES, L"no memory for page tables");

	/* Identity and direct map share the PDPTs and PDs. */
	for (UINT64 i = 0; i < ngib * 512; i++)
		pd[i] = (i << 21) | PTE_P | PTE_W | PTE_PS;
	for (UINT64 i = 0; i < ngib; i++)
		pdpt[i] = (UINT64)&pd[i * 512] | PTE_P | PTE_W;
	for (UINT64 i = 0; i < npdpt; i++) {
		pml4[i] = (UINT64)&pdpt[i * 512] | PTE_P | PTE_W;
		pml4[256 + i] = pml4[i];
	}

	/* The kernel image: KERNEL_VBASE is PML4 511, PDPT 510, PD 0. */
	for (UINT64 i = 0; i < kpages; i++)
		pt[i] = (bi->kernel_phys + i * PAGE) | PTE_P | PTE_W;
	for (UINT64 i = 0; i < npt; i++)
		kpd[i] = (UINT64)&pt[i * 512] | PTE_P | PTE_W;
	kpdpt[510] = (UINT64)kpd | PTE_P | PTE_W;
	pml4[511] = (UINT64)kpdpt | PTE_P | PTE_W;

	*cr3 = (UINT64)pml4;
	return EFI_SUCCESS;
}
