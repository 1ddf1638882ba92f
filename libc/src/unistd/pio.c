/*
 * pio.c - reads and writes at an offset of their own (pread, pwrite,
 * preadv, pwritev), readv, and sendfile.
 */
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <unistd.h>

#include "syscall.h"

#ifdef __i386__
/* i386: 64-bit offsets in two registers (low word first), and sendfile64,
 * whose offset is a 64-bit one like libc's off_t. */
ssize_t pread(int fd, void *buf, size_t n, off_t off) { return __syscall_ret(__syscall5(SYS_pread64, fd, buf, n, __LL_LO(off), __LL_HI(off))); }

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __syscall_ret(__syscall5(SYS_pwrite64, fd, buf, n, __LL_LO(off), __LL_HI(off)));
}

ssize_t preadv(int fd, const struct iovec *iov, int cnt, off_t off)
{
	return __syscall_ret(__syscall5(SYS_preadv, fd, iov, cnt, __LL_LO(off), __LL_HI(off)));
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
	return __syscall_ret(__syscall5(SYS_pwritev, fd, iov, cnt, __LL_LO(off), __LL_HI(off)));
}

ssize_t sendfile(int out, int in, off_t *off, size_t count)
{
	return __syscall_ret(__syscall4(SYS_sendfile64, out, in, off, count));
}
#else
ssize_t pread(int fd, void *buf, size_t n, off_t off) { return __syscall_ret(__syscall4(SYS_pread64, fd, buf, n, off)); }

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __syscall_ret(__syscall4(SYS_pwrite64, fd, buf, n, off));
}

/* The offset's high half goes in the fifth argument; on x86-64 the kernel ignores it. */
ssize_t preadv(int fd, const struct iovec *iov, int cnt, off_t off)
{
	return __syscall_ret(__syscall5(SYS_preadv, fd, iov, cnt, off, 0));
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
	return __syscall_ret(__syscall5(SYS_pwritev, fd, iov, cnt, off, 0));
}

ssize_t sendfile(int out, int in, off_t *off, size_t count)
{
	return __syscall_ret(__syscall4(SYS_sendfile, out, in, off, count));
}
#endif

ssize_t readv(int fd, const struct iovec *iov, int cnt) { return __syscall_ret(__syscall3(SYS_readv, fd, iov, cnt)); }
