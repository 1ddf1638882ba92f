/*
 * klog.h - the kernel log: a 64 KiB ring that keeps what kprintf printed,
 * each line as syslog(2) gives it: "<6>[    1.234567] text" (level 6,
 * KERN_INFO, for every kprintf line; the time since boot). When full, the
 * oldest lines go. sys/sys_syslog.c reads it for dmesg.
 */
#ifndef LIB_KLOG_H
#define LIB_KLOG_H

#include <stddef.h>
#include <stdint.h>

#define KLOG_SIZE (64 * 1024)

void klog_write(const char *s, size_t n);     /* append printed text */
/* The newest whole lines, at most len bytes, since the last klog_clear,
 * copied to the user buffer u: the count, or -EFAULT. */
long klog_read_all(void *u, size_t len);
void klog_clear(void);                        /* read_all starts after what is there now */
/* Up to len unread bytes to u, which are then read: the count or -EFAULT. */
long klog_read(void *u, size_t len);
uint64_t klog_unread(void);                   /* the bytes klog_read would give */

#endif
