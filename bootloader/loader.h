/*
 * loader.h - the UEFI loader's internal interfaces.
 *
 * Built with gnu-efi and -DGNU_EFI_USE_MS_ABI, so firmware services are called
 * directly (BS->AllocatePages(...)): the function pointer types carry
 * __attribute__((ms_abi)) and clang emits the right calling convention.
 */
#ifndef LOADER_H
#define LOADER_H

#include <efi.h>
#include <efilib.h>

#include "api/boot_info.h"

#define PAGE 4096ULL
#define PAGES(bytes) (((bytes) + PAGE - 1) / PAGE)

/* A whole file read into page-aligned EfiLoaderData memory. */
struct blob {
	void *data;   /* NULL when the file is absent or empty */
	UINTN size;
};

/* Print a clear error on the console (and so on the serial port), wait, return status. */
EFI_STATUS fail(EFI_STATUS status, const CHAR16 *fmt, ...);

/* Allocate zeroed EfiLoaderData pages; NULL on failure. */
void *alloc_pages(UINTN npages);

/* file.c: read path from the root; EFI_NOT_FOUND when absent and optional. */
EFI_STATUS read_file(EFI_FILE_HANDLE root, CHAR16 *path, BOOLEAN optional, struct blob *out);

/* kernel.c: validate kernel.elf, load its segments; fill entry and bi's kernel fields. */
EFI_STATUS load_kernel(const struct blob *elf, struct boot_info *bi, UINT64 *entry);

/* paging.c: 4-level tables: identity + direct map of [0, top), kernel at KERNEL_VBASE. */
EFI_STATUS build_page_tables(const struct boot_info *bi, UINT64 top, UINT64 *cr3);

/* memmap.c */
UINT64 memmap_top(EFI_MEMORY_DESCRIPTOR *map, UINTN size, UINTN dsize);
EFI_STATUS exit_boot_services(EFI_HANDLE image, struct boot_info *bi);

#endif
