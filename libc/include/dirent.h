/* dirent.h - reading directories (struct linux_dirent64 in api/dirent.h). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <api/dirent.h>
#include <sys/types.h>

ssize_t getdents64(int fd, void *buf, size_t n);

#endif
