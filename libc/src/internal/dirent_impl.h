/* dirent_impl.h - what a DIR is: a directory descriptor and a buffer of getdents64 records. */
#ifndef LIBC_DIRENT_IMPL_H
#define LIBC_DIRENT_IMPL_H

#include <stddef.h>

struct __dirstream {
	int fd;
	size_t pos, len;                 /* the next record is buf[pos]; buf[len..] is empty */
	_Alignas(8) char buf[2048];
};

#endif
