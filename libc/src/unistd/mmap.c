#include <sys/mman.h>

#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)__syscall_ret(__syscall6(SYS_mmap, (long)addr, len, prot, flags, fd, off));
}

int munmap(void *addr, size_t len) { return __syscall_ret(__syscall2(SYS_munmap, addr, len)); }
