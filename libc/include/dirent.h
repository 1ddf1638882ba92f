/*
 * dirent.h - reading directories: opendir/readdir/closedir over
 * getdents64 (struct linux_dirent64 in api/dirent.h). A struct dirent has
 * the same layout as the kernel's record, so readdir hands out records
 * straight from its buffer; each stays valid until the next readdir.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <api/dirent.h>
#include <sys/types.h>

struct dirent {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);
int dirfd(DIR *d);

ssize_t getdents64(int fd, void *buf, size_t n);

#endif
