/*
 * node_path.c - the path of a node, for /proc's links (exe, fd/N) and
 * maps. A directory knows its parent (path_getcwd walks up); any other
 * node only knows how many names it has, so its path is found by searching
 * the tree from the root, into mounted file systems. The tree is small:
 * the initrd, what processes made, and /proc.
 */
#include "api/errno.h"
#include "api/stat.h"
#include "fs/path.h"
#include "fs/pipe.h"
#include "fs/procfs.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "lib/fmt.h"

#define MAX_DEPTH 64                      /* deeper trees are not searched further */

/* Look for n below dir, whose path is buf[0..len): true with buf holding n's. */
static bool search(const struct rnode *dir, const struct rnode *n, char *buf, size_t size, size_t len, int depth)
{
	for (size_t i = 0; i < dir->nents; i++) {
		const struct rdirent *d = dir->ents[i];
		const struct rnode *c = d->node;
		if (len + 1 + d->len + 1 > size)
			continue;
		buf[len] = '/';
		memcpy(buf + len + 1, d->name, d->len);
		buf[len + 1 + d->len] = '\0';
		if (c == n)
			return true;
		while (c->mounted)
			c = c->mounted;
		if (S_ISDIR(c->mode) && depth < MAX_DEPTH &&
		    search(c, n, buf, size, len + 1 + d->len, depth + 1))
			return true;
	}
	return false;
}

long node_path(struct rnode *n, char *buf, size_t size)
{
	if (n->fs->dev == PIPEFS_DEV)
		return fmt_snprintf(buf, size, "pipe:[%lu]", n->ino) < (int)size ? (long)strlen(buf) : -ERANGE;
	if (S_ISDIR(n->mode)) {
		long r = path_getcwd(vfs_root, n, buf, size);
		return r < 0 ? r : r - 1;
	}
	if (size < 2)
		return -ERANGE;
	return search(vfs_root, n, buf, size, 0, 0) ? (long)strlen(buf) : -ENOENT;
}
