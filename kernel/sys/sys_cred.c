/*
 * sys_cred.c - credentials: user and group ids. This system has one user,
 * id 0, who owns every file: every id of every process (real, effective,
 * saved) is 0, so is every supplementary group, and the permission
 * checks (fs/perm.c) judge by the owner's bits, never by an id.
 *
 * A set call may therefore "set" an id to 0, or leave it (-1 where Linux
 * allows that), and nothing else: any other id is -EINVAL, Linux's answer
 * (checked before any permission) for an id with no meaning in the
 * caller's user namespace, because here no other id has one. Never a
 * silent success, so no program believes it changed user (docs/abi.md,
 * Credentials). The ids are uid_t/gid_t: the low 32 bits count.
 */
#include "api/errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define KEEP ((uint32_t)-1)              /* setre*id, setres*id: leave this id alone */

/* Is argument n an id the caller may set (0), or KEEP where allowed? */
static bool id_ok(struct trap_frame *tf, int n, bool keep_allowed)
{
	uint32_t id = (uint32_t)arg(tf, n);

	return id == 0 || (keep_allowed && id == KEEP);
}

long sys_getuid(struct trap_frame *tf) { return 0; }
long sys_geteuid(struct trap_frame *tf) { return 0; }
long sys_getgid(struct trap_frame *tf) { return 0; }
long sys_getegid(struct trap_frame *tf) { return 0; }

long sys_setuid(struct trap_frame *tf) { return id_ok(tf, 0, false) ? 0 : -EINVAL; }
long sys_setgid(struct trap_frame *tf) { return id_ok(tf, 0, false) ? 0 : -EINVAL; }

long sys_setreuid(struct trap_frame *tf) { return id_ok(tf, 0, true) && id_ok(tf, 1, true) ? 0 : -EINVAL; }
long sys_setregid(struct trap_frame *tf) { return id_ok(tf, 0, true) && id_ok(tf, 1, true) ? 0 : -EINVAL; }

static long setres(struct trap_frame *tf)
{
	return id_ok(tf, 0, true) && id_ok(tf, 1, true) && id_ok(tf, 2, true) ? 0 : -EINVAL;
}
long sys_setresuid(struct trap_frame *tf) { return setres(tf); }
long sys_setresgid(struct trap_frame *tf) { return setres(tf); }

/* getres*id(real, effective, saved): three ids written in that order; the
 * first pointer that fails stops it with -EFAULT, as Linux. */
static long getres(struct trap_frame *tf)
{
	static const uint32_t root = 0;

	for (int i = 0; i < 3; i++)
		if (copy_to_user((void *)arg(tf, i), &root, sizeof(root)) < 0)
			return -EFAULT;
	return 0;
}
long sys_getresuid(struct trap_frame *tf) { return getres(tf); }
long sys_getresgid(struct trap_frame *tf) { return getres(tf); }

#define NGROUPS_MAX 65536                /* Linux's ceiling on a group list */
#define GID_CHUNK 64                     /* gids copied at a time */

/* getgroups(size, list): the number of supplementary groups (those the
 * last setgroups gave: all gid 0), written to list unless size is 0; a
 * size below the count, or negative, is -EINVAL. */
long sys_getgroups(struct trap_frame *tf)
{
	static const uint32_t zeros[GID_CHUNK];
	int size = (int)arg(tf, 0), n = current()->ngroups;
	uint32_t *list = (uint32_t *)arg(tf, 1);

	if (size < 0 || (size && size < n))
		return -EINVAL;
	for (int i = 0; size && i < n; i += GID_CHUNK) {
		int k = n - i < GID_CHUNK ? n - i : GID_CHUNK;
		if (copy_to_user(list + i, zeros, k * sizeof(uint32_t)) < 0)
			return -EFAULT;
	}
	return n;
}

/* setgroups(size, list): the supplementary groups become list's size gids,
 * every one of which must be 0 (any other gid is -EINVAL, as setgid's);
 * size is 0..NGROUPS_MAX. Linux's order: the size, then the copy, then
 * the ids. Nothing changes unless all of it is fine. */
long sys_setgroups(struct trap_frame *tf)
{
	uint32_t size = (uint32_t)arg(tf, 0), ids[GID_CHUNK];
	const uint32_t *list = (const uint32_t *)arg(tf, 1);
	bool other = false;

	if (size > NGROUPS_MAX)              /* a negative int is huge here too */
		return -EINVAL;
	for (uint32_t i = 0; i < size; i += GID_CHUNK) {
		uint32_t k = size - i < GID_CHUNK ? size - i : GID_CHUNK;
		if (copy_from_user(ids, list + i, k * sizeof(uint32_t)) < 0)
			return -EFAULT;
		for (uint32_t j = 0; j < k; j++)
			other |= ids[j] != 0;
	}
	if (other)
		return -EINVAL;
	current()->ngroups = size;
	return 0;
}
