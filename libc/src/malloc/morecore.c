/* morecore.c - where malloc's memory comes from: brk for the heap, mmap for big blocks. */
#include <sys/mman.h>
#include <unistd.h>

#include "morecore.h"

void *__morecore(size_t n)
{
	void *p = sbrk(n);

	return p == (void *)-1 ? NULL : p;
}

void *__map_pages(size_t n)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void __unmap_pages(void *p, size_t n) { munmap(p, n); }
