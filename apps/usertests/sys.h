/*
 * sys.h - the raw system calls the suite makes: each returns what the
 * kernel put in rax (a value, or -errno; errno is never touched), through
 * the entry this process uses. The runner picks that entry per run with
 * libc_set_entry(), so libc's own calls (printf, fork in libc) follow it
 * too; case entry_path_used checks that they do.
 *
 * The suite keeps its own wrappers, independent of libc's, so that it sees
 * every error exactly as the kernel returns it.
 */
#ifndef USERTESTS_SYS_H
#define USERTESTS_SYS_H

#include <api/abi.h>
#include <api/dirent.h>
#include <api/fcntl.h>
#include <api/resource.h>
#include <api/signal.h>
#include <api/stat.h>
#include <api/syslog.h>
#include <api/usage.h>
#include <errno.h>
#include <sys/entry.h>
#include <sys/syscall.h>

/* One call through the entry in use. */
static inline long raw6(long n, long a, long b, long c, long d, long e, long f)
{
	if (libc_entry() == ENTRY_SYSCALL)
		return __syscall6_fast(n, a, b, c, d, e, f);
	return __syscall6_int80(n, a, b, c, d, e, f);
}

#define RAW(n, a, b, c, d, e, f) \
	raw6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

/* processes */
static inline long sys_getpid(void) { return RAW(SYS_getpid, 0, 0, 0, 0, 0, 0); }
static inline long sys_getppid(void) { return RAW(SYS_getppid, 0, 0, 0, 0, 0, 0); }
static inline long sys_fork(void) { return RAW(SYS_fork, 0, 0, 0, 0, 0, 0); }
static inline long sys_execve(const char *p, char *const *av, char *const *ev) { return RAW(SYS_execve, p, av, ev, 0, 0, 0); }
static inline long sys_exit(long code) { return RAW(SYS_exit, code, 0, 0, 0, 0, 0); }
static inline long sys_exit_group(long code) { return RAW(SYS_exit_group, code, 0, 0, 0, 0, 0); }
static inline long sys_wait4(long pid, void *status, long opt, void *ru) { return RAW(SYS_wait4, pid, status, opt, ru, 0, 0); }
static inline long sys_brk(unsigned long a) { return RAW(SYS_brk, a, 0, 0, 0, 0, 0); }
static inline long sys_mmap(unsigned long a, unsigned long n, long prot, long flags) { return RAW(SYS_mmap, a, n, prot, flags, -1, 0); }
static inline long sys_munmap(unsigned long a, unsigned long n) { return RAW(SYS_munmap, a, n, 0, 0, 0, 0); }
static inline long sys_mprotect(void *a, long n, long prot) { return RAW(SYS_mprotect, a, n, prot, 0, 0, 0); }
static inline long sys_madvise(void *a, long n, long adv) { return RAW(SYS_madvise, a, n, adv, 0, 0, 0); }
static inline long sys_mremap(void *a, long n, long m, long flags, void *to) { return RAW(SYS_mremap, a, n, m, flags, to, 0); }
static inline long sys_sysinfo(struct sysinfo *s) { return RAW(SYS_sysinfo, s, 0, 0, 0, 0, 0); }
static inline long sys_syslog(long type, char *buf, long len) { return RAW(SYS_syslog, type, buf, len, 0, 0, 0); }
static inline long sys_procs(struct trapdoor_proc *b, long n) { return RAW(SYS_trapdoor_procs, b, n, 0, 0, 0, 0); }
static inline long sys_stats(struct trapdoor_stats *s) { return RAW(SYS_trapdoor_stats, s, 0, 0, 0, 0, 0); }
static inline long sys_bench(long which, long n, struct trapdoor_bench *b, long flags) { return RAW(SYS_trapdoor_bench, which, n, b, flags, 0, 0); }
static inline long sys_getrlimit(long r, struct rlimit *l) { return RAW(SYS_getrlimit, r, l, 0, 0, 0, 0); }
static inline long sys_setrlimit(long r, const struct rlimit *l) { return RAW(SYS_setrlimit, r, l, 0, 0, 0, 0); }
static inline long sys_prlimit64(long pid, long r, const struct rlimit *n, struct rlimit *o) { return RAW(SYS_prlimit64, pid, r, n, o, 0, 0); }

/* process groups, sessions, the terminal */
static inline long sys_setpgid(long pid, long pgid) { return RAW(SYS_setpgid, pid, pgid, 0, 0, 0, 0); }
static inline long sys_getpgid(long pid) { return RAW(SYS_getpgid, pid, 0, 0, 0, 0, 0); }
static inline long sys_getpgrp(void) { return RAW(SYS_getpgrp, 0, 0, 0, 0, 0, 0); }
static inline long sys_setsid(void) { return RAW(SYS_setsid, 0, 0, 0, 0, 0, 0); }
static inline long sys_getsid(long pid) { return RAW(SYS_getsid, pid, 0, 0, 0, 0, 0); }
static inline long sys_ioctl(long fd, long req, const void *arg) { return RAW(SYS_ioctl, fd, req, arg, 0, 0, 0); }

/* signals */
static inline long sys_kill(long pid, long sig) { return RAW(SYS_kill, pid, sig, 0, 0, 0, 0); }
static inline long sys_sigaction(long sig, const void *act, void *old, long size) { return RAW(SYS_rt_sigaction, sig, act, old, size, 0, 0); }
static inline long sys_sigprocmask(long how, const void *set, void *old, long size) { return RAW(SYS_rt_sigprocmask, how, set, old, size, 0, 0); }
static inline long sys_pause(void) { return RAW(SYS_pause, 0, 0, 0, 0, 0, 0); }
static inline long sys_sigaltstack(const void *ss, void *old) { return RAW(SYS_sigaltstack, ss, old, 0, 0, 0, 0); }
static inline long sys_sigsuspend(const uint64_t *mask, long size) { return RAW(SYS_rt_sigsuspend, mask, size, 0, 0, 0, 0); }
static inline long sys_sigpending(uint64_t *set, long size) { return RAW(SYS_rt_sigpending, set, size, 0, 0, 0, 0); }
static inline long sys_sigtimedwait(const uint64_t *set, void *info, const void *ts, long size) { return RAW(SYS_rt_sigtimedwait, set, info, ts, size, 0, 0); }
static inline long sys_alarm(long s) { return RAW(SYS_alarm, s, 0, 0, 0, 0, 0); }
static inline long sys_setitimer(long w, const void *v, void *old) { return RAW(SYS_setitimer, w, v, old, 0, 0, 0); }
static inline long sys_getitimer(long w, void *v) { return RAW(SYS_getitimer, w, v, 0, 0, 0, 0); }

/* time */
static inline long sys_nanosleep(const void *req, void *rem) { return RAW(SYS_nanosleep, req, rem, 0, 0, 0, 0); }
static inline long sys_sched_yield(void) { return RAW(SYS_sched_yield, 0, 0, 0, 0, 0, 0); }
static inline long sys_clock_gettime(long clk, void *ts) { return RAW(SYS_clock_gettime, clk, ts, 0, 0, 0, 0); }
static inline long sys_gettimeofday(void *tv, void *tz) { return RAW(SYS_gettimeofday, tv, tz, 0, 0, 0, 0); }
static inline long sys_time(void *t) { return RAW(SYS_time, t, 0, 0, 0, 0, 0); }
static inline long sys_clock_nanosleep(long clk, long flags, const void *req, void *rem) { return RAW(SYS_clock_nanosleep, clk, flags, req, rem, 0, 0); }
static inline long sys_futex(volatile void *u, long op, long val, const void *ts, volatile void *u2, long v3) { return RAW(SYS_futex, u, op, val, ts, u2, v3); }

/* descriptors */
static inline long sys_read(long fd, void *b, unsigned long n) { return RAW(SYS_read, fd, b, n, 0, 0, 0); }
static inline long sys_write(long fd, const void *b, unsigned long n) { return RAW(SYS_write, fd, b, n, 0, 0, 0); }
static inline long sys_open(const char *p, long flags, long mode) { return RAW(SYS_open, p, flags, mode, 0, 0, 0); }
static inline long sys_close(long fd) { return RAW(SYS_close, fd, 0, 0, 0, 0, 0); }
static inline long sys_lseek(long fd, long off, long whence) { return RAW(SYS_lseek, fd, off, whence, 0, 0, 0); }
static inline long sys_dup(long fd) { return RAW(SYS_dup, fd, 0, 0, 0, 0, 0); }
static inline long sys_dup2(long a, long b) { return RAW(SYS_dup2, a, b, 0, 0, 0, 0); }
static inline long sys_pipe(int *fds) { return RAW(SYS_pipe, fds, 0, 0, 0, 0, 0); }
static inline long sys_pipe2(int *fds, long flags) { return RAW(SYS_pipe2, fds, flags, 0, 0, 0, 0); }
static inline long sys_poll(void *fds, long n, long ms) { return RAW(SYS_poll, fds, n, ms, 0, 0, 0); }
static inline long sys_ppoll(void *fds, long n, void *ts, const uint64_t *mask, long size) { return RAW(SYS_ppoll, fds, n, ts, mask, size, 0); }
static inline long sys_select(long n, void *in, void *out, void *ex, void *tv) { return RAW(SYS_select, n, in, out, ex, tv, 0); }
static inline long sys_pselect6(long n, void *in, void *out, void *ex, void *ts, void *sig) { return RAW(SYS_pselect6, n, in, out, ex, ts, sig); }
static inline long sys_fstat(long fd, struct stat *st) { return RAW(SYS_fstat, fd, st, 0, 0, 0, 0); }
static inline long sys_getdents64(long fd, void *b, unsigned long n) { return RAW(SYS_getdents64, fd, b, n, 0, 0, 0); }
static inline long sys_ftruncate(long fd, long n) { return RAW(SYS_ftruncate, fd, n, 0, 0, 0, 0); }
static inline long sys_fchmod(long fd, long mode) { return RAW(SYS_fchmod, fd, mode, 0, 0, 0, 0); }

/* names */
static inline long sys_stat(const char *p, struct stat *st) { return RAW(SYS_stat, p, st, 0, 0, 0, 0); }
static inline long sys_lstat(const char *p, struct stat *st) { return RAW(SYS_lstat, p, st, 0, 0, 0, 0); }
static inline long sys_mkdir(const char *p, long mode) { return RAW(SYS_mkdir, p, mode, 0, 0, 0, 0); }
static inline long sys_rmdir(const char *p) { return RAW(SYS_rmdir, p, 0, 0, 0, 0, 0); }
static inline long sys_mknod(const char *p, long mode, long dev) { return RAW(SYS_mknod, p, mode, dev, 0, 0, 0); }
static inline long sys_unlink(const char *p) { return RAW(SYS_unlink, p, 0, 0, 0, 0, 0); }
static inline long sys_link(const char *a, const char *b) { return RAW(SYS_link, a, b, 0, 0, 0, 0); }
static inline long sys_rename(const char *a, const char *b) { return RAW(SYS_rename, a, b, 0, 0, 0, 0); }
static inline long sys_truncate(const char *p, long n) { return RAW(SYS_truncate, p, n, 0, 0, 0, 0); }
static inline long sys_chdir(const char *p) { return RAW(SYS_chdir, p, 0, 0, 0, 0, 0); }
static inline long sys_getcwd(char *b, unsigned long n) { return RAW(SYS_getcwd, b, n, 0, 0, 0, 0); }
static inline long sys_symlink(const char *t, const char *p) { return RAW(SYS_symlink, t, p, 0, 0, 0, 0); }
static inline long sys_readlink(const char *p, char *b, unsigned long n) { return RAW(SYS_readlink, p, b, n, 0, 0, 0); }
static inline long sys_chmod(const char *p, long mode) { return RAW(SYS_chmod, p, mode, 0, 0, 0, 0); }
static inline long sys_mount(const char *src, const char *dst, const char *type, long flags, const void *data) { return RAW(SYS_mount, src, dst, type, flags, data, 0); }
static inline long sys_umount2(const char *p, long flags) { return RAW(SYS_umount2, p, flags, 0, 0, 0, 0); }

#endif
