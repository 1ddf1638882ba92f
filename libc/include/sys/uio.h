/* sys/uio.h - vectored I/O. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <api/abi.h>
#include <sys/types.h>

ssize_t writev(int fd, const struct iovec *iov, int cnt);
ssize_t readv(int fd, const struct iovec *iov, int cnt);
ssize_t preadv(int fd, const struct iovec *iov, int cnt, off_t off);
ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off);

#endif
