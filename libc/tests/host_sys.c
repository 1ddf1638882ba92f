/*
 * host_sys.c - the hooks the libc needs from the OS, faked for the host
 * tests (see host_sys.h): errno, environ, write() into capture buffers,
 * _exit() by longjmp, heap from a static arena, big blocks from mmap().
 */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "host_sys.h"

int tl_errno;
char **tl_environ;

struct sys_capture sys_out[SYS_MAX_FD];
size_t sys_write_chunk;
bool sys_write_fail;

jmp_buf sys_exit_jmp;
int sys_exit_status;

_Alignas(4096) unsigned char sys_arena[SYS_ARENA_SIZE];
size_t sys_arena_used;
size_t sys_arena_limit = SYS_ARENA_SIZE;
size_t sys_mapped;
int sys_map_calls, sys_unmap_calls;

void sys_capture_reset(void)
{
	memset(sys_out, 0, sizeof(sys_out));
	sys_write_chunk = 0;
	sys_write_fail = false;
}

long tl_write(int fd, const void *buf, size_t n)
{
	struct sys_capture *c;

	if (fd < 0 || fd >= SYS_MAX_FD) {
		tl_errno = EBADF;
		return -1;
	}
	c = &sys_out[fd];
	c->writes++;
	if (sys_write_fail) {
		tl_errno = EIO;
		return -1;
	}
	if (sys_write_chunk && n > sys_write_chunk)
		n = sys_write_chunk;
	if (n > SYS_CAPTURE_MAX - c->len) {
		fprintf(stderr, "host_sys: capture of fd %d is full\n", fd);
		abort();
	}
	memcpy(c->data + c->len, buf, n);
	c->len += n;
	c->data[c->len] = '\0';
	return (long)n;
}

_Noreturn void tl__exit(int status)
{
	sys_exit_status = status;
	longjmp(sys_exit_jmp, 1);
}

void *tl___morecore(size_t n)
{
	void *p;

	if (n % 4096 != 0) {
		fprintf(stderr, "host_sys: __morecore(%zu) is not whole pages\n", n);
		abort();
	}
	if (n > sys_arena_limit - sys_arena_used)
		return NULL;
	p = sys_arena + sys_arena_used;
	sys_arena_used += n;
	return p;
}

void *tl___map_pages(size_t n)
{
	void *p;

	if (n % 4096 != 0) {
		fprintf(stderr, "host_sys: __map_pages(%zu) is not whole pages\n", n);
		abort();
	}
	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	sys_map_calls++;
	sys_mapped += n;
	return p;
}

void tl___unmap_pages(void *p, size_t n)
{
	sys_unmap_calls++;
	sys_mapped -= n;
	munmap(p, n);
}
