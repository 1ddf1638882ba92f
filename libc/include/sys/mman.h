/* sys/mman.h - memory mappings (anonymous only, for now), their rights and advice. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <api/abi.h>
#include <sys/types.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ... /* void *new_addr */);

#endif
