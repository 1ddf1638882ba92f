/* mount.h - mount() and umount2() flags, shared by the kernel and libc (Linux's values). */
#ifndef API_MOUNT_H
#define API_MOUNT_H

/* mount(source, target, fstype, flags, data) */
#define MS_RDONLY      1          /* no writes: -EROFS */
#define MS_NOSUID      2
#define MS_NODEV       4
#define MS_NOEXEC      8          /* execve of its files: -EACCES */
#define MS_SYNCHRONOUS 16
#define MS_REMOUNT     32
#define MS_MANDLOCK    64
#define MS_DIRSYNC     128
#define MS_NOSYMFOLLOW 256
#define MS_NOATIME     1024
#define MS_NODIRATIME  2048
#define MS_BIND        4096
#define MS_MOVE        8192
#define MS_REC         16384
#define MS_SILENT      32768
#define MS_RELATIME    (1 << 21)
#define MS_STRICTATIME (1 << 24)
#define MS_LAZYTIME    (1 << 25)
#define MS_MGC_VAL     0xc0ed0000 /* old programs' magic in the top 16 bits: ignored */
#define MS_MGC_MSK     0xffff0000

/* umount2(target, flags) */
#define MNT_FORCE       1
#define MNT_DETACH      2
#define MNT_EXPIRE      4
#define UMOUNT_NOFOLLOW 8

#endif
