/*
 * conform.h - the entry conformance suite: every case runs once through
 * each entry path (x86-64: int $0x80 and syscall; conform32, the -m32
 * build: int $0x80, sysenter, syscall and __kernel_vsyscall, as the kernel
 * offers them), and all runs must agree.
 *
 * A case writes what it observed into a transcript (outcomes only: error
 * numbers, yes/no facts, never addresses or times), and returns 0 when
 * every expectation held. The runner (main.c) runs each case in a child
 * process, so a crash cannot take the suite down, compares the
 * transcripts, and prints TAP lines.
 */
#ifndef CONFORM_H
#define CONFORM_H

#include <errno.h>
#include <stdint.h>
#include <sys/entry.h>
#include <time.h>

#include "concurrent.h"                 /* TRAPDOOR_CONCURRENT: other suites run meanwhile */

#ifdef __i386__
#include "sys32.h"
#endif

/* One entry mechanism, as a case sees it. */
struct path {
	const char *name;                /* a LIBC_ENTRIES path (sys/entry.h): "int80", "syscall"; -m32: "int80_32", ... */
	int entry;                       /* ENTRY_INT80, ENTRY_SYSCALL, ...: what libc_set_entry() takes */
	const char *word;                /* LIBC_SYSCALL's word for it */
	long (*call)(long n, long a1, long a2, long a3, long a4, long a5, long a6);
};

struct transcript {
	char text[2048];
	int len;
	int failures;
	int checks;                      /* EXPECTs made, passed or not */
};

/* Append an observation to the transcript. */
void note(struct transcript *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record one expectation: prints `# FAIL ...` with the path when it fails. */
#define EXPECT(t, P, cond) expect_(t, P, !!(cond), #cond, __FILE__, __LINE__)
void expect_(struct transcript *t, const struct path *P, int ok, const char *what, const char *file, int line);
/* Each r[i] must be want[i] (i < n); the results go into the transcript. */
#define EXPECT_ALL(P, t, r, want, n) expect_all_(P, t, r, want, n, __FILE__, __LINE__)
void expect_all_(const struct path *P, struct transcript *t, const long *r, const long *want, unsigned n,
		 const char *file, int line);

/* Shorthands for calls through one path. */
#define CALL0(P, n)             (P)->call(n, 0, 0, 0, 0, 0, 0)
#define CALL1(P, n, a)          (P)->call(n, (long)(a), 0, 0, 0, 0, 0)
#define CALL2(P, n, a, b)       (P)->call(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define CALL3(P, n, a, b, c)    (P)->call(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define CALL4(P, n, a, b, c, d) (P)->call(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define CALL5(P, n, a, b, c, d, e) (P)->call(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define N(a) (sizeof(a) / sizeof((a)[0]))
/* pread64 and pwrite64 at a 64-bit offset: one register on x86-64, two
 * (low word first) on i386; PV_HI is preadv/pwritev's high word. */
#ifdef __i386__
#define PRW64(P, nr, fd, buf, n, off) CALL5(P, nr, fd, buf, n, (long)(int64_t)(off), (long)((int64_t)(off) >> 32))
#define PV_HI(off) (long)((int64_t)(off) >> 32)
#else
#define PRW64(P, nr, fd, buf, n, off) CALL4(P, nr, fd, buf, n, off)
#define PV_HI(off) 0
#endif
/* statfs and fstatfs into a struct statfs: under -m32 that is i386's
 * statfs64, whose calls take its size too. */
#ifdef __i386__
#define STATFS(P, path, buf) CALL3(P, SYS_statfs64, path, 84, buf)
#define FSTATFS(P, fd, buf) CALL3(P, SYS_fstatfs64, fd, 84, buf)
#else
#define STATFS(P, path, buf) CALL2(P, SYS_statfs, path, buf)
#define FSTATFS(P, fd, buf) CALL2(P, SYS_fstatfs, fd, buf)
#endif

extern int suite_pid;                /* the runner's pid (the parent of every case) */

/* Run fn in a child and return how it ended: its wait status. */
int run_child(void (*fn)(const struct path *P, void *arg), const struct path *P, void *arg);

/* Registers of one raw call (regs.S): in[] before, out[] after. rsp is
 * the caller's own unless in->set_rsp. */
struct regs {
	uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15, rflags;
	uint64_t rsp, set_rsp;
};
void regs_call_int80(const struct regs *in, struct regs *out);
void regs_call_syscall(const struct regs *in, struct regs *out);
extern const char regs_syscall_return[];    /* the instruction after regs.S's syscall */

/* The registers _start found (libc/src/crt/crt0.S): rax .. r15, rflags. */
extern const uint64_t __start_regs[16];

/* cases_rlimit.c: the pages the calling process maps, as resource
 * (RLIMIT_AS or RLIMIT_DATA) counts them, found by trying one more page
 * under soft limits (its hard limit must be infinite). */
long mapped_pages(const struct path *P, long resource);

/* cases_rseq.c: `conform --rseq-free`: 0 when no rseq area is registered. */
int rseq_free_main(void);
/* cases_tls.c: `conform32 --tls-free`: 0 when execve left no TLS segment,
 * gs = fs = 0 and ds = es = the user data segment. */
int tls_free_main(void);

/* Addresses and sizes the cases use, per build: FAR_AT is far below where
 * mmap hands out memory (top down) and above the program and its heap;
 * USER_END is the first address past user space; BRK_FAR a brk step no
 * address space can take. */
#ifdef __i386__
#define CONFORM_BIN "/bin/conform32"     /* this program, for the cases that run it again */
#define CONFORM_COMM "conform32"         /* its name (comm) */
#define PLATFORM "i686"                  /* AT_PLATFORM, as Linux gives a 32-bit process */
#define KERNEL_ADDR 0xffffe000UL         /* the first address past user space */
#define FAR_AT 0x60000000L
#define USER_END 0xffffe000UL            /* TASK_SIZE of a 32-bit process, as on Linux */
#define BRK_FAR 0x7fffffffL
#else
#define CONFORM_BIN "/bin/conform"
#define CONFORM_COMM "conform"
#define PLATFORM "x86_64"
#define KERNEL_ADDR 0xffff800000000000UL  /* the first kernel-half address */
#define FAR_AT 0x300000000000L
#define USER_END 0x800000000000UL
#define BRK_FAR (1L << 40)
#endif

/* An address a call returned, not NULL or -errno: a 32-bit process's
 * addresses above 2 GiB are negative as a long. */
static inline int mapped_(unsigned long p) { return p != 0 && p < -4095UL; }
#define MAPPED(p) mapped_((unsigned long)(p))      /* p evaluated once */

typedef int (*case_fn)(const struct path *P, struct transcript *t);

/* The cases, by file. CASES lists them all (main.c); the summary counts
 * the checks of efault_* (the EFAULT matrix) and entry_* (entry edge
 * cases) apart. X64 marks the cases of x86-64 programs only (64-bit
 * registers, assembly, 64-bit-only calls or addresses): conform32 (-m32)
 * leaves them out. I386 marks the cases of i386 programs only (segments:
 * set_thread_area and %gs), which the x86-64 build leaves out. */
#ifdef __i386__
#define I386(X, name) X(name)
#else
#define I386(X, name)
#endif
#define CASES(X, X64) \
	X64(registers_preserved) \
	X64(six_arguments) \
	X64(enosys_numbers) \
	X64(entry_flags) \
	X64(entry_bad_rsp) \
	X64(entry_single_step) \
	X64(entry_step_dies) \
	X64(entry_sigreturn_rewritten) \
	X64(entry_at_top) \
	X64(entry_bad_return_caught) \
	X64(entry_at_top_caught) \
	X64(int3_and_into) \
	X(efault_read) \
	X(efault_write) \
	X(efault_writev) \
	X(efault_open) \
	X(efault_stat_path) \
	X(efault_stat) \
	X(efault_mkdir) \
	X(efault_unlink) \
	X(efault_execve) \
	X(efault_clock_gettime) \
	X(efault_uname) \
	X(efault_signals_timers) \
	X(efault_fileat_paths) \
	X(efault_fileat_buffers) \
	X(efault_pread_pwrite) \
	X(efault_vectors) \
	X(efault_sendfile) \
	X(efault_ioctl) \
	X(getpid_getppid) \
	X(restart_syscall_none) \
	X(write_writev) \
	X(brk_grow_shrink) \
	X(mmap_munmap) \
	X(mmap_fixed) \
	X64(mmap_errors) \
	X(clock_gettime_works) \
	X(uname_fields) \
	X64(arch_prctl_fs) \
	X(arch_prctl_codes) \
	X64(fsgsbase_user) \
	X(auxv_linux) \
	X(set_tid_address_pid) \
	X(fork_wait_exit) \
	X(execve_errors) \
	X(privileged_insns) \
	X(user_faults) \
	X(kernel_addresses) \
	X64(memory_exhaustion) \
	X(vdso_between_syscalls) \
	X(vdso_errors_match) \
	X64(vvar_read_only) \
	X(files_read_write_seek) \
	X(files_directories) \
	X(files_links_dup) \
	X(files_bad_pointers) \
	X(files_devices) \
	X(files_cloexec) \
	X(rlimit_defaults) \
	X(rlimit_set_get) \
	X64(rlimit_errors) \
	X(rlimit_other_process) \
	X(rlimit_inherit) \
	X64(rlimit_as) \
	X(rlimit_data) \
	X64(rlimit_vm_exact) \
	X(rlimit_nofile) \
	X(fileat_openat_stat) \
	X(fileat_umask) \
	X(fileat_access_readlink) \
	X(links_symlink_readlink) \
	X(links_follow) \
	X(links_at_calls) \
	X(links_opath) \
	X(links_utimensat) \
	X64(links_chown) \
	X(efault_links) \
	X(fifo_mknod) \
	X(fifo_open_nonblock) \
	X(fd_fcntl_dup3) \
	X(io_pread_pwrite) \
	X(io_vectors) \
	X(io_sendfile) \
	X(poll_pipes) \
	X(poll_errors) \
	X(select_pipes) \
	X(pselect6_mask) \
	X(devices_table) \
	X(efault_poll) \
	X(fd_ioctl_sync_statfs) \
	X(efault_sysinfo) \
	X(efault_getrusage) \
	X(efault_times) \
	X(efault_getresuid) \
	X(efault_robust_list) \
	X(efault_prctl_name) \
	X(efault_affinity) \
	X(efault_getrandom) \
	X(creds_root) \
	X(creds_set) \
	X(gettid_tkill) \
	X(tkill_delivers) \
	X(robust_list) \
	X(cpu_times) \
	X(sysinfo_fields) \
	X(prctl_name) \
	X64(affinity) \
	X(getrandom_works) \
	X(mprotect_rights) \
	X(mprotect_errors) \
	X(mprotect_counts) \
	X(madvise_calls) \
	X64(mremap_calls) \
	X(mmap_shared) \
	X64(clone_flags) \
	X(efault_address_calls) \
	X64(efault_clone_tid) \
	X(pgrp_calls) \
	X(setsid_session) \
	X(tty_job_ioctls) \
	X(stop_continue) \
	X(waitid) \
	X(efault_waitid) \
	X64(rseq_register) \
	X64(efault_rseq) \
	X(prio_nice) \
	X(ioprio_calls) \
	X(prctl_privs) \
	X(capget_root) \
	X(setgroups_calls) \
	X(syslog_calls) \
	X(efault_misc) \
	I386(X, tls_set_get) \
	I386(X, tls_segments) \
	I386(X, tls_clone_settls)

#define DECLARE_CASE(name) int case_##name(const struct path *P, struct transcript *t);
CASES(DECLARE_CASE, DECLARE_CASE)
#undef DECLARE_CASE

#endif
