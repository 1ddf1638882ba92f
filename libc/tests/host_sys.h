/*
 * host_sys.h - the host tests' stand-ins for what the libc gets from the OS
 * (host_sys.c), and the knobs the tests turn on them.
 *
 * A test file includes the host's headers and check.h first, then this
 * header, which brings in host_rename.h's tl_ declarations.
 */
#ifndef HOST_SYS_H
#define HOST_SYS_H

#define HOST_RENAME_DECLARE_ONLY
#include "host_rename.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

/* ---- tl_write(): captured output --------------------------------------- */

#define SYS_MAX_FD 8
#define SYS_CAPTURE_MAX 8192

struct sys_capture {
	char data[SYS_CAPTURE_MAX + 1];  /* what was written, NUL-terminated */
	size_t len;
	int writes;                      /* tl_write() calls */
};

/* Writes to fds below SYS_MAX_FD land here instead of on the host. */
extern struct sys_capture sys_out[SYS_MAX_FD];
/* When not 0, tl_write() writes at most this many bytes per call. */
extern size_t sys_write_chunk;
/* When true, tl_write() fails with EIO. */
extern bool sys_write_fail;

/* Forget everything captured. */
void sys_capture_reset(void);

/* ---- tl__exit(): caught ------------------------------------------------ */

/*
 * Run call (a statement that ends the program) and catch the tl__exit() it
 * makes: status gets the exit status, or -1 when call returned.
 */
#define SYS_CATCH_EXIT(status, call) do { \
	if (setjmp(sys_exit_jmp) == 0) { \
		call; \
		(status) = -1; \
	} else { \
		(status) = sys_exit_status; \
	} \
} while (0)
extern jmp_buf sys_exit_jmp;
extern int sys_exit_status;

/* ---- tl___morecore() and tl___map_pages(): a static arena and mmap ----- */

#define SYS_ARENA_SIZE (8u << 20)

extern unsigned char sys_arena[SYS_ARENA_SIZE];
extern size_t sys_arena_used;  /* bytes tl___morecore() handed out */
extern size_t sys_arena_limit; /* tl___morecore() fails beyond this many */
extern size_t sys_mapped;      /* bytes tl___map_pages() has out now */
extern int sys_map_calls, sys_unmap_calls;

#endif
