#include <errno.h>
#include <sys/mman.h>

#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
#ifdef __i386__
	/* mmap2: the offset in pages, so a 32-bit register reaches 16 TiB. */
	if (off & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(__syscall6(SYS_mmap2, (long)addr, len, prot, flags, fd, (long)(off >> 12)));
#else
	return (void *)__syscall_ret(__syscall6(SYS_mmap, (long)addr, len, prot, flags, fd, off));
#endif
}

int munmap(void *addr, size_t len) { return __syscall_ret(__syscall2(SYS_munmap, addr, len)); }
