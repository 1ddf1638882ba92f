/*
 * main.c - BOOTX64.EFI: load /boot/kernel.elf, /boot/initrd and /boot/cmdline
 * from the volume this loader came from, describe the machine in one
 * struct boot_info, leave UEFI and jump to the higher-half kernel.
 *
 * Every failure before ExitBootServices prints `bootloader: error: ...` and
 * returns to the firmware: the loader never jumps into an image it has not
 * checked.
 */
#include "loader.h"

static EFI_GUID gop_guid = EFI_GRAPHICS_OUTPUT_PROTOCOL_GUID;
static EFI_GUID acpi20_guid = ACPI_20_TABLE_GUID;
static EFI_GUID acpi10_guid = ACPI_TABLE_GUID;

EFI_STATUS fail(EFI_STATUS status, const CHAR16 *fmt, ...)
{
	va_list ap;

	Print(L"bootloader: error: ");
	va_start(ap, fmt);
	VPrint(fmt, ap);
	va_end(ap);
	Print(L" (EFI error %lu)\n", (UINT64)status & ~EFI_ERROR_MASK);
	return status;
}

void *alloc_pages(UINTN npages)
{
	EFI_PHYSICAL_ADDRESS addr;

	if (BS->AllocatePages(AllocateAnyPages, EfiLoaderData, npages, &addr) != EFI_SUCCESS)
		return NULL;
	SetMem((void *)addr, npages * PAGE, 0);
	return (void *)addr;
}

/* Position of the lowest set bit of a GOP channel mask. */
static UINT8 mask_shift(UINT32 mask)
{
	UINT8 s = 0;

	while (mask && !(mask & 1)) {
		mask >>= 1;
		s++;
	}
	return s;
}

/* Describe the current GOP mode; leave fb zeroed when there is no linear framebuffer. */
static void find_framebuffer(struct bi_framebuffer *fb)
{
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;

	if (EFI_ERROR(BS->LocateProtocol(&gop_guid, NULL, (void **)&gop)) || !gop->Mode)
		return;
	info = gop->Mode->Info;
	switch (info->PixelFormat) {
	case PixelBlueGreenRedReserved8BitPerColor:
		fb->red_shift = 16, fb->green_shift = 8, fb->blue_shift = 0;
		break;
	case PixelRedGreenBlueReserved8BitPerColor:
		fb->red_shift = 0, fb->green_shift = 8, fb->blue_shift = 16;
		break;
	case PixelBitMask:
		fb->red_shift = mask_shift(info->PixelInformation.RedMask);
		fb->green_shift = mask_shift(info->PixelInformation.GreenMask);
		fb->blue_shift = mask_shift(info->PixelInformation.BlueMask);
		break;
	default:                       /* PixelBltOnly: no linear framebuffer */
		return;
	}
	fb->base = gop->Mode->FrameBufferBase;
	fb->size = gop->Mode->FrameBufferSize;
	fb->width = info->HorizontalResolution;
	fb->height = info->VerticalResolution;
	fb->pitch = info->PixelsPerScanLine * 4;
	fb->bpp = 32;
}

/* The ACPI RSDP from the configuration table (2.0 preferred), or 0. */
static UINT64 find_rsdp(void)
{
	void *t = NULL;

	if (LibGetSystemConfigurationTable(&acpi20_guid, &t) == EFI_SUCCESS && t)
		return (UINT64)t;
	if (LibGetSystemConfigurationTable(&acpi10_guid, &t) == EFI_SUCCESS && t)
		return (UINT64)t;
	return 0;
}

/* Copy the command line, dropping trailing whitespace (an editor's newline). */
static void set_cmdline(struct boot_info *bi, const struct blob *b, char *dst, UINTN cap)
{
	UINTN n = b->data ? b->size : 0;

	if (n > cap - 1)
		n = cap - 1;
	CopyMem(dst, b->data ? b->data : "", n);
	while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == '\r' || dst[n - 1] == ' ' || dst[n - 1] == '\t'))
		n--;
	dst[n] = 0;
	bi->cmdline = (UINT64)dst;
	bi->cmdline_len = n;
}

static inline UINT64 rdtsc(void)
{
	UINT32 lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((UINT64)hi << 32) | lo;
}

static EFI_STATUS load_and_boot(EFI_HANDLE image);

/* Called by gnu-efi's crt0 with the System V convention (rdi, rsi): no EFIAPI. */
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	EFI_STATUS st;

	InitializeLib(image, systab);
	Print(L"bootloader: started\n");
	st = load_and_boot(image);
	/* Only failures come back here: leave the message up, then return to the firmware. */
	Print(L"bootloader: giving up; returning to the firmware in 5 seconds\n");
	BS->Stall(5 * 1000 * 1000);
	return st;
}

/* Load everything, leave UEFI and jump to the kernel; returns only on failure. */
static EFI_STATUS load_and_boot(EFI_HANDLE image)
{
	EFI_LOADED_IMAGE *li;
	EFI_FILE_HANDLE root;
	struct blob kernel, initrd, cmdline;
	struct boot_info *bi;
	char *cmdbuf;
	UINT64 entry, cr3, top;
	EFI_STATUS st;

	st = BS->HandleProtocol(image, &LoadedImageProtocol, (void **)&li);
	if (EFI_ERROR(st))
		return fail(st, L"no loaded-image protocol");
	root = LibOpenRoot(li->DeviceHandle);
	if (!root)
		return fail(EFI_NOT_FOUND, L"cannot open the boot volume");

	if (EFI_ERROR(read_file(root, L"\\boot\\kernel.elf", FALSE, &kernel)))
		return EFI_LOAD_ERROR;
	st = read_file(root, L"\\boot\\initrd", TRUE, &initrd);
	if (EFI_ERROR(st) && st != EFI_NOT_FOUND)
		return st;
	st = read_file(root, L"\\boot\\cmdline", TRUE, &cmdline);
	if (EFI_ERROR(st) && st != EFI_NOT_FOUND)
		return st;

	/* boot_info and the command line share one page. */
	bi = alloc_pages(1);
	if (!bi)
		return fail(EFI_OUT_OF_RESOURCES, L"no memory for boot_info");
	cmdbuf = (char *)(bi + 1);
	bi->magic = BOOT_INFO_MAGIC;
	bi->version = BOOT_INFO_VERSION;
	bi->size = sizeof(*bi);
	set_cmdline(bi, &cmdline, cmdbuf, PAGE - sizeof(*bi));
	bi->initrd_base = (UINT64)initrd.data;
	bi->initrd_size = initrd.size;

	st = load_kernel(&kernel, bi, &entry);
	if (EFI_ERROR(st))
		return st;
	Print(L"bootloader: kernel.elf: %lu bytes at phys 0x%lx, entry 0x%lx; initrd %lu bytes; cmdline \"%a\"\n",
	      bi->kernel_size, bi->kernel_phys, entry, bi->initrd_size, cmdbuf);

	find_framebuffer(&bi->fb);
	bi->rsdp = find_rsdp();

	/* The direct map covers all RAM, at least 4 GiB (LAPIC, IOAPIC), and the framebuffer. */
	{
		UINTN n, key, dsize;
		UINT32 dver;
		EFI_MEMORY_DESCRIPTOR *m = LibMemoryMap(&n, &key, &dsize, &dver);
		if (!m)
			return fail(EFI_DEVICE_ERROR, L"cannot read the memory map");
		top = memmap_top(m, n * dsize, dsize);
		FreePool(m);
	}
	if (top < (4ULL << 30))
		top = 4ULL << 30;
	if (bi->fb.base && bi->fb.base + bi->fb.size > top)
		top = bi->fb.base + bi->fb.size;
	st = build_page_tables(bi, top, &cr3);
	if (EFI_ERROR(st))
		return st;

	Print(L"bootloader: exiting boot services, jumping to the kernel\n");
	st = exit_boot_services(image, bi);
	if (EFI_ERROR(st))
		return st;

	/*
	 * No firmware from here on. Interrupts off (the kernel has no IDT yet),
	 * load our tables (this code is identity-mapped in them) and jump with
	 *   rdi = boot_info through the direct map.
	 * The kernel sets up its own stack first thing.
	 */
	bi->loader_tsc = rdtsc();
	__asm__ volatile(
		"cli\n\t"
		"mov %0, %%cr3\n\t"
		"jmp *%2\n\t"
		:
		: "r"(cr3), "D"((UINT64)bi + DIRECT_MAP_BASE), "r"(entry)
		: "memory");
	__builtin_unreachable();
}
