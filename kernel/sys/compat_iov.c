/*
 * compat_iov.c - the i386 ABI's vector calls: readv, writev, preadv and
 * pwritev with struct compat_iovec (32-bit base and length), and for the
 * positioned two the offset in two registers, low half first (Linux's
 * pos_from_hilo). The 64-bit calls' rules apply (sys_io.c).
 */
#include "compat.h"
#include "kernel.h"
#include "syscall.h"

long compat_sys_readv(struct trap_frame *tf) { return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), NULL, false, true); }
long compat_sys_writev(struct trap_frame *tf) { return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), NULL, true, true); }

/* preadv(fd, iov, cnt, pos_lo, pos_hi), pwritev the same */
static long prwv32(struct trap_frame *tf, bool write)
{
	int64_t pos = (int64_t)((uint32_t)arg(tf, 3) | (uint64_t)(uint32_t)arg(tf, 4) << 32);

	return rw_vector(arg(tf, 0), arg(tf, 1), arg(tf, 2), &pos, write, true);
}

long compat_sys_preadv(struct trap_frame *tf) { return prwv32(tf, false); }
long compat_sys_pwritev(struct trap_frame *tf) { return prwv32(tf, true); }
