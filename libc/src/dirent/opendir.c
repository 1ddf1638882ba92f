#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "dirent_impl.h"

/* Open the directory at path for readdir; NULL (and errno) on failure. */
DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	if (!(d = calloc(1, sizeof(*d)))) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	return d;
}
