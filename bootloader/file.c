/* file.c - read whole files from the volume the loader was started from. */
#include "loader.h"

EFI_STATUS read_file(EFI_FILE_HANDLE root, CHAR16 *path, BOOLEAN optional, struct blob *out)
{
	EFI_FILE_HANDLE fh;
	EFI_FILE_INFO *info;
	EFI_STATUS st;
	UINTN size;

	out->data = NULL;
	out->size = 0;
	st = root->Open(root, &fh, path, EFI_FILE_MODE_READ, 0);
	if (st == EFI_NOT_FOUND && optional)
		return EFI_NOT_FOUND;
	if (EFI_ERROR(st))
		return fail(st, L"cannot open %s", path);

	info = LibFileInfo(fh);
	if (!info) {
		fh->Close(fh);
		return fail(EFI_DEVICE_ERROR, L"cannot stat %s", path);
	}
	size = info->FileSize;
	FreePool(info);

	if (size > 0) {
		out->data = alloc_pages(PAGES(size));
		if (!out->data) {
			fh->Close(fh);
			return fail(EFI_OUT_OF_RESOURCES, L"no memory for %s (%lu bytes)", path, size);
		}
		out->size = size;
		st = fh->Read(fh, &out->size, out->data);
		if (EFI_ERROR(st) || out->size != size) {
			fh->Close(fh);
			return fail(EFI_ERROR(st) ? st : EFI_END_OF_FILE, L"short read of %s", path);
		}
	}
	fh->Close(fh);
	return EFI_SUCCESS;
}
