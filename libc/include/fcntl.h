/* fcntl.h - open() and its flags (values in api/fcntl.h). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <api/fcntl.h>
#include <sys/types.h>

int open(const char *path, int flags, ...);

#endif
