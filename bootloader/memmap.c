/*
 * memmap.c - the final memory map and ExitBootServices.
 *
 * After the first ExitBootServices() call only GetMemoryMap() and another
 * ExitBootServices() are allowed, so every buffer is allocated beforehand and
 * the conversion to boot_info's own region list is plain computation.
 */
#include "loader.h"

/* Fold a UEFI memory type into the kernel's enum bi_mem_type. */
static UINT32 bi_type(UINT32 efi)
{
	switch (efi) {
	case EfiConventionalMemory:
	case EfiBootServicesCode:
	case EfiBootServicesData:      /* free once boot services are gone */
		return BI_MEM_USABLE;
	case EfiLoaderCode:
	case EfiLoaderData:            /* this loader, kernel, initrd, boot_info, tables */
		return BI_MEM_BOOTLOADER;
	case EfiACPIReclaimMemory:
		return BI_MEM_ACPI_RECLAIM;
	case EfiACPIMemoryNVS:
		return BI_MEM_ACPI_NVS;
	case EfiMemoryMappedIO:
	case EfiMemoryMappedIOPortSpace:
		return BI_MEM_MMIO;
	case EfiUnusableMemory:
		return BI_MEM_UNUSABLE;
	default:                       /* runtime services, PAL code, persistent, unknown */
		return BI_MEM_RESERVED;
	}
}

static EFI_MEMORY_DESCRIPTOR *desc(EFI_MEMORY_DESCRIPTOR *map, UINTN dsize, UINTN i)
{
	return (EFI_MEMORY_DESCRIPTOR *)((UINT8 *)map + i * dsize); /* stride is dsize, not sizeof */
}

/* End of the highest RAM-like region (MMIO excluded): what the direct map must cover. */
UINT64 memmap_top(EFI_MEMORY_DESCRIPTOR *map, UINTN size, UINTN dsize)
{
	UINT64 top = 0;

	for (UINTN i = 0; i < size / dsize; i++) {
		EFI_MEMORY_DESCRIPTOR *d = desc(map, dsize, i);
		UINT64 end = d->PhysicalStart + d->NumberOfPages * PAGE;
		if (bi_type(d->Type) != BI_MEM_MMIO && end > top)
			top = end;
	}
	return top;
}

/* Convert, sort by base and merge neighbours of one type; return the count. */
static UINT64 convert(EFI_MEMORY_DESCRIPTOR *map, UINTN size, UINTN dsize,
		      struct bi_mem_region *out, UINT64 cap)
{
	UINT64 n = 0;

	for (UINTN i = 0; i < size / dsize && n < cap; i++) {
		EFI_MEMORY_DESCRIPTOR *d = desc(map, dsize, i);
		struct bi_mem_region r = {
			.base = d->PhysicalStart,
			.length = d->NumberOfPages * PAGE,
			.type = bi_type(d->Type),
		};
		UINT64 j = n++;
		/* Insertion sort: UEFI usually sorts already, but does not promise. */
		while (j > 0 && out[j - 1].base > r.base) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = r;
	}

	UINT64 m = 0;
	for (UINT64 i = 0; i < n; i++) {
		if (m > 0 && out[m - 1].type == out[i].type &&
		    out[m - 1].base + out[m - 1].length == out[i].base)
			out[m - 1].length += out[i].length;
		else
			out[m++] = out[i];
	}
	return m;
}

EFI_STATUS exit_boot_services(EFI_HANDLE image, struct boot_info *bi)
{
	UINTN size = 0, key, dsize;
	UINT32 dver;
	EFI_MEMORY_DESCRIPTOR *map = NULL;
	EFI_STATUS st;

	st = BS->GetMemoryMap(&size, NULL, &key, &dsize, &dver);
	if (st != EFI_BUFFER_TOO_SMALL)
		return fail(st, L"GetMemoryMap failed");
	/* Room for the entries our own allocations below will add. */
	size += 16 * dsize;
	UINTN cap = size / dsize + 16;
	map = alloc_pages(PAGES(size));
	struct bi_mem_region *regions = alloc_pages(PAGES(cap * sizeof(*regions)));
	if (!map || !regions)
		return fail(EFI_OUT_OF_RESOURCES, L"no memory for the memory map");
	UINTN bufsize = size;

	/* The map key changes whenever the map does: retry a few times. */
	for (int tries = 0; tries < 8; tries++) {
		size = bufsize;
		st = BS->GetMemoryMap(&size, map, &key, &dsize, &dver);
		if (EFI_ERROR(st))
			return fail(st, L"GetMemoryMap failed");
		st = BS->ExitBootServices(image, key);
		if (st == EFI_SUCCESS) {
			bi->mem_map = (UINT64)regions;
			bi->mem_map_count = convert(map, size, dsize, regions, cap);
			return EFI_SUCCESS;
		}
		if (st != EFI_INVALID_PARAMETER)
			break;
	}
	/* Boot services may be half gone here; fail() only prints. */
	return fail(st, L"ExitBootServices failed");
}
