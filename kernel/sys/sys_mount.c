/*
 * sys_mount.c - mount(source, target, fstype, flags, data) and
 * umount2(target, flags), for tmpfs and proc instances (fs/mount.c). As on Linux,
 * every string is copied in before the target is looked up, and the
 * target is looked up before the type and flags are judged. There is no
 * privilege: any process may mount and unmount. And statfs and fstatfs,
 * what a mounted file system holds (fs/statfs.h).
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/mount.h"
#include "api/statfs.h"
#include "fs/mount.h"
#include "fs/path.h"
#include "fs/pipe.h"
#include "fs/procfs.h"
#include "fs/statfs.h"
#include "fs/vfs.h"
#include "compat.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "upath.h"

/* Flags a mount takes: two obeyed, the others true of it anyway
 * (no set-user-ID, no device nodes can be made in it, RAM is synchronous,
 * atime is never updated). */
#define MOUNT_OBEYED (MS_RDONLY | MS_NOEXEC)
#define MOUNT_OK (MOUNT_OBEYED | MS_NOSUID | MS_NODEV | MS_SYNCHRONOUS | MS_DIRSYNC | \
		  MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_SILENT)

#define UMOUNT_FLAGS (MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)

/* Copy optional user string u (NULL reads as "") into buf[PATH_MAX]: 0, -EFAULT, -EINVAL (too long, as Linux). */
static long string_in(uint64_t u, char *buf)
{
	long r;

	buf[0] = '\0';
	if (!u)
		return 0;
	r = strncpy_from_user(buf, (const char *)u, PATH_MAX);
	return r == -ENAMETOOLONG ? -EINVAL : (r < 0 ? r : 0);
}

/* The node user path u names, in buf[PATH_MAX] (borrowed; walk: 0 or PATH_NOFOLLOW): 0, or -errno. */
static long target_in(uint64_t u, char *buf, int walk, struct rnode **out)
{
	struct path_result res;
	struct rnode *cwd = current()->g->cwd ? current()->g->cwd : vfs_root;
	long r = strncpy_from_user(buf, (const char *)u, PATH_MAX);

	if (r < 0 || (r = path_walk(vfs_root, cwd, buf, walk, &res)) < 0)
		return r;
	*out = res.node;
	return 0;
}

/*
 * mount: fstype "tmpfs", "ramfs" or "proc" (NULL: -EINVAL, others: -ENODEV); the
 * source is read (-EFAULT) and ignored; data must be NULL or "" (no
 * options: -EINVAL). Flags: see MOUNT_OK; the old magic number in the top
 * half is dropped; anything else (MS_REMOUNT, MS_BIND, ...) is -EINVAL.
 */
long sys_mount(struct trap_frame *tf)
{
	uint64_t flags = arg(tf, 3);
	long type, opts, r;
	struct rnode *dir;
	char *buf = kmalloc(PATH_MAX);

	if (!buf)
		return -ENOMEM;
	if ((r = string_in(arg(tf, 2), buf)) < 0)
		goto out;
	if (!arg(tf, 2))
		type = -EINVAL;
	else
		type = mount_type(buf);
	if ((r = string_in(arg(tf, 0), buf)) < 0 || (r = string_in(arg(tf, 4), buf)) < 0)
		goto out;
	opts = buf[0] ? -EINVAL : 0;
	if ((r = target_in(arg(tf, 1), buf, 0, &dir)) < 0)
		goto out;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~(uint64_t)MS_MGC_MSK;
	if (flags & ~(uint64_t)MOUNT_OK)
		r = -EINVAL;
	else if (type < 0 || opts < 0)
		r = type < 0 ? type : opts;
	else
		r = mount_new(dir, type, flags & MOUNT_OBEYED);
out:
	kfree(buf);
	return r;
}

/*
 * umount2: the target must be the root of a mount (-EINVAL; "/" is
 * -EBUSY). MNT_FORCE changes nothing for a RAM filesystem (as for Linux's
 * tmpfs); with UMOUNT_NOFOLLOW a link as the last component is not
 * followed (so it names no mount: -EINVAL); MNT_DETACH and
 * MNT_EXPIRE are not supported (-EINVAL), nor are other bits.
 */
long sys_umount2(struct trap_frame *tf)
{
	uint32_t flags = arg(tf, 1);          /* Linux's int */
	struct rnode *root;
	char *buf;
	long r;

	if (flags & ~UMOUNT_FLAGS)
		return -EINVAL;
	if (!(buf = kmalloc(PATH_MAX)))
		return -ENOMEM;
	r = target_in(arg(tf, 0), buf, flags & UMOUNT_NOFOLLOW ? PATH_NOFOLLOW : 0, &root);
	kfree(buf);
	if (r < 0)
		return r;
	if (flags & (MNT_DETACH | MNT_EXPIRE))
		return -EINVAL;
	return mount_remove(root);
}

/* struct statfs for the file system n lives in. */
static void node_statfs(const struct rnode *n, struct statfs *st)
{
	struct frame_budget b = { frames_total(), frames_free_count(), UVM_FRAME_RESERVE };

	ramfs_statfs(n->fs, n->fs->dev == PIPEFS_DEV ? PIPEFS_MAGIC : procfs_owns(n->fs) ? PROC_SUPER_MAGIC : 0,
		     &b, st);
}

long statfs_lookup(uint64_t upath, struct statfs *st)
{
	struct rnode *n;
	long r = lookup_at(AT_FDCWD, upath, 0, &n);

	if (r == 0)
		node_statfs(n, st);
	return r;
}

long statfs_fd(uint64_t fd, struct statfs *st)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	node_statfs(f->node, st);
	return 0;
}

long sys_statfs(struct trap_frame *tf)
{
	struct statfs st;
	long r = statfs_lookup(arg(tf, 0), &st);

	return r < 0 ? r : copy_to_user((void *)arg(tf, 1), &st, sizeof(st));
}

long sys_fstatfs(struct trap_frame *tf)
{
	struct statfs st;
	long r = statfs_fd(arg(tf, 0), &st);

	return r < 0 ? r : copy_to_user((void *)arg(tf, 1), &st, sizeof(st));
}
