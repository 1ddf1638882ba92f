/*
 * boot_info.h - the one structure that crosses the loader -> kernel boundary.
 *
 * Shared by bootloader/ and kernel/. Every address inside is PHYSICAL; the
 * kernel reaches it through the direct map (DIRECT_MAP_BASE + phys). The
 * pointer handed to the kernel entry in %rdi is itself a direct-map address.
 * Bump BOOT_INFO_VERSION whenever the layout changes.
 */
#ifndef API_BOOT_INFO_H
#define API_BOOT_INFO_H

#include <stdint.h>

#define BOOT_INFO_MAGIC   0x4f464e49544f4f42UL /* "BOOTINFO" little-endian */
#define BOOT_INFO_VERSION 1

/* Virtual memory layout (see docs/boot.md). */
#define KERNEL_VBASE      0xffffffff80000000ULL /* kernel image is linked here */
#define DIRECT_MAP_BASE   0xffff800000000000ULL /* phys 0 maps here (PML4 slot 256) */
#define USER_TOP          0x0000800000000000ULL /* user half is [0, USER_TOP) */

/* Memory region types: the loader folds UEFI's types into these. */
enum bi_mem_type {
	BI_MEM_USABLE       = 1, /* free RAM (incl. boot-services memory after exit) */
	BI_MEM_RESERVED     = 2, /* firmware, runtime services, anything unknown */
	BI_MEM_ACPI_RECLAIM = 3, /* ACPI tables; free once parsed */
	BI_MEM_ACPI_NVS     = 4, /* must be preserved */
	BI_MEM_MMIO         = 5, /* device memory listed by firmware */
	BI_MEM_BOOTLOADER   = 6, /* loader, kernel image, initrd, boot_info, page tables */
	BI_MEM_UNUSABLE     = 7, /* faulty RAM */
};

struct bi_mem_region {
	uint64_t base;   /* page-aligned physical address */
	uint64_t length; /* bytes, multiple of 4096 */
	uint32_t type;   /* enum bi_mem_type */
	uint32_t reserved;
};

/* A linear 32-bit-per-pixel framebuffer from UEFI GOP. base == 0: none. */
struct bi_framebuffer {
	uint64_t base;     /* physical address */
	uint64_t size;     /* bytes */
	uint32_t width;    /* pixels */
	uint32_t height;   /* pixels */
	uint32_t pitch;    /* bytes per scan line */
	uint32_t bpp;      /* bits per pixel, always 32 when present */
	uint8_t red_shift, green_shift, blue_shift, reserved;
	uint32_t reserved2;
};

struct boot_info {
	uint64_t magic;           /* BOOT_INFO_MAGIC */
	uint32_t version;         /* BOOT_INFO_VERSION */
	uint32_t size;            /* sizeof(struct boot_info) as the loader saw it */

	uint64_t mem_map;         /* phys address of struct bi_mem_region[] */
	uint64_t mem_map_count;   /* sorted by base, no overlaps, adjacent equal types merged */

	struct bi_framebuffer fb;

	uint64_t rsdp;            /* phys address of the ACPI RSDP, 0 if none */

	uint64_t kernel_phys;     /* the image span [KERNEL_VBASE, +kernel_size) lives here */
	uint64_t kernel_size;     /* bytes, page-aligned */

	uint64_t initrd_base;     /* phys, 0 when there is no initrd */
	uint64_t initrd_size;     /* bytes, may be 0 */

	uint64_t cmdline;         /* phys address of a NUL-terminated string */
	uint64_t cmdline_len;     /* strlen of it */

	uint64_t loader_tsc;      /* TSC just before the jump, for boot-time figures */
};

#endif
