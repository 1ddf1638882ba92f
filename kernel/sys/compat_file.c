/*
 * compat_file.c - the i386 ABI's file calls that differ: lseek (a signed
 * 32-bit offset, and a result that must fit one), _llseek (a 64-bit
 * offset in two halves, the result stored), getdents (struct
 * linux_dirent with 32-bit d_ino and d_off), and the calls whose 64-bit
 * offset comes in two registers, low half first: pread64, pwrite64,
 * truncate64, ftruncate64; and truncate, ftruncate, whose length is a
 * signed 32-bit one. (getdents64 and fcntl64 share the 64-bit
 * handlers: the same records, and no lock commands here.)
 */
#include <stddef.h>

#include "api/dirent.h"
#include "api/errno.h"
#include "compat.h"
#include "kernel.h"
#include "syscall.h"
#include "uaccess.h"

/* A 64-bit value from two 32-bit arguments, the low one first. */
static uint64_t lo_hi(uint64_t lo, uint64_t hi) { return (uint32_t)lo | (uint64_t)(uint32_t)hi << 32; }

/* lseek(fd, offset, whence): as a 32-bit kernel's, an offset past
 * 2^31 - 1 is -EOVERFLOW (the file position moves all the same, as
 * there: the call is made before its result is judged). */
long compat_sys_lseek(struct trap_frame *tf)
{
	long r = do_lseek(arg(tf, 0), (int32_t)arg(tf, 1), (uint32_t)arg(tf, 2));

	return r > INT32_MAX ? -EOVERFLOW : r;
}

/* _llseek(fd, offset_high, offset_low, result, whence): the new offset in
 * *result (a 64-bit loff_t), 0 as the result. */
long compat_sys_llseek(struct trap_frame *tf)
{
	long r = do_lseek(arg(tf, 0), (int64_t)lo_hi(arg(tf, 2), arg(tf, 1)), (uint32_t)arg(tf, 4));

	if (r < 0)
		return r;
	int64_t off = r;
	return copy_to_user((void *)arg(tf, 3), &off, sizeof(off));
}

/* Rewrite n bytes of struct linux_dirent64 records as i386's struct
 * linux_dirent, in place (each is no longer than the record it comes
 * from): the new length, or -EOVERFLOW for an inode or offset that does
 * not fit 32 bits. */
static long dirent32(char *buf, long n)
{
	long in = 0, out = 0;

	while (in < n) {
		struct linux_dirent64 d;
		memcpy(&d, buf + in, sizeof(d));
		const char *name = buf + in + offsetof(struct linux_dirent64, d_name);
		size_t len = strlen(name);
		size_t reclen = (offsetof(struct compat_linux_dirent, d_name) + len + 2 + 3) & ~(size_t)3;
		if (d.d_ino > UINT32_MAX || (uint64_t)d.d_off > UINT32_MAX)
			return -EOVERFLOW;
		struct compat_linux_dirent c = { (uint32_t)d.d_ino, (uint32_t)d.d_off, (uint16_t)reclen };
		memmove(buf + out + offsetof(struct compat_linux_dirent, d_name), name, len + 1);
		memcpy(buf + out, &c, offsetof(struct compat_linux_dirent, d_name));
		memset(buf + out + offsetof(struct compat_linux_dirent, d_name) + len + 1, 0,
		       reclen - offsetof(struct compat_linux_dirent, d_name) - len - 1);
		buf[out + reclen - 1] = (char)d.d_type;      /* the type is the record's last byte */
		in += d.d_reclen;
		out += reclen;
	}
	return out;
}

/* getdents(fd, buf, len) */
long compat_sys_getdents(struct trap_frame *tf) { return do_getdents64(arg(tf, 0), arg(tf, 1), arg(tf, 2), dirent32); }

/* Call the 64-bit handler fn with argument n replaced by the 64-bit
 * offset in arguments n (low) and n + 1 (high). */
static long with_offset(struct trap_frame *tf, int n, long (*fn)(struct trap_frame *))
{
	uint64_t a[6] = COMPAT_ARGS(tf);

	a[n] = lo_hi(a[n], a[n + 1]);
	struct trap_frame c = compat_as64(tf, a);
	return fn(&c);
}

/* truncate(path, len), ftruncate(fd, len): len is a signed 32-bit off_t
 * (-1 is -EINVAL, not 4 GiB). */
static long with_signed(struct trap_frame *tf, int n, long (*fn)(struct trap_frame *))
{
	uint64_t a[6] = COMPAT_ARGS(tf);

	a[n] = (uint64_t)(int64_t)(int32_t)a[n];
	struct trap_frame c = compat_as64(tf, a);
	return fn(&c);
}

long compat_sys_truncate(struct trap_frame *tf) { return with_signed(tf, 1, sys_truncate); }
long compat_sys_ftruncate(struct trap_frame *tf) { return with_signed(tf, 1, sys_ftruncate); }

/* pread64(fd, buf, count, pos_lo, pos_hi), pwrite64 the same */
long compat_sys_pread64(struct trap_frame *tf) { return with_offset(tf, 3, sys_pread64); }
long compat_sys_pwrite64(struct trap_frame *tf) { return with_offset(tf, 3, sys_pwrite64); }
/* truncate64(path, len_lo, len_hi), ftruncate64(fd, len_lo, len_hi) */
long compat_sys_truncate64(struct trap_frame *tf) { return with_offset(tf, 1, sys_truncate); }
long compat_sys_ftruncate64(struct trap_frame *tf) { return with_offset(tf, 1, sys_ftruncate); }
