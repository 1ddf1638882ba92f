/* sys/mman.h - memory mappings (anonymous only, for now). */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <api/abi.h>
#include <sys/types.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);

#endif
