#include <stdarg.h>
#include <sys/mman.h>

#include "syscall.h"

/* The fifth argument, the new address, is read only with MREMAP_FIXED. */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = 0;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(__syscall5(SYS_mremap, old, old_len, new_len, flags, new_addr));
}
