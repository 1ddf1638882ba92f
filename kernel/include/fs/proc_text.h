/*
 * proc_text.h - the text of each /proc file, in Linux's formats (proc(5)),
 * made from plain values (host-tested; the files in kernel/fs/proc).
 *
 * Every generator appends to a seqbuf and takes a snapshot struct the
 * kernel fills from its own state (fs/proc/snap.c), so the formatting can
 * be tested on the host and the field order checked against Linux's. The
 * order and count of fields is what matters to readers such as busybox's
 * ps and top, whose parsers are strict.
 */
#ifndef FS_PROC_TEXT_H
#define FS_PROC_TEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/seqbuf.h"

#define PROC_USER_HZ 100             /* clock ticks in /proc (Linux's USER_HZ, sysconf(_SC_CLK_TCK)) */

/* What /proc/<pid>/stat, status and statm say of one process. Times are
 * in PROC_USER_HZ ticks; sizes in pages unless named otherwise. */
struct pid_snap {
	int pid, tgid, ppid, pgid, sid, tty_nr, tpgid;   /* pid: the thread's id (the process's for its leader) */
	char comm[16];                   /* NUL-terminated */
	char state;                      /* R S D T t Z X */
	uint32_t flags;                  /* Linux's PF_* */
	uint32_t umask;
	int threads, fdsize;
	long priority, nice;
	uint64_t utime, stime, cutime, cstime, start_time;
	bool has_mm;                     /* a zombie has no memory: its sizes and addresses are 0 */
	uint64_t vm_pages, rss_pages, data_pages, stack_pages, exe_pages, shared_pages, pte_pages;
	uint64_t rsslim;                 /* bytes */
	uint64_t start_code, end_code, start_stack;
	uint64_t start_data, end_data, start_brk, arg_start, arg_end, env_start, env_end;
	uint64_t sig_pending, sig_blocked, sig_ignored, sig_caught;  /* bit n-1: signal n */
	uint64_t sigq_limit;             /* RLIMIT_SIGPENDING */
	int exit_code;                   /* a zombie's wait status, else 0 */
	uint64_t nvcsw, nivcsw;          /* voluntary and forced context switches */
	uint64_t cpus_allowed;           /* its affinity: bit n, CPU n */
	int ncpus;                       /* the CPUs there are (Linux's nr_cpu_ids): the mask's width */
};

void proc_pid_stat(struct seqbuf *s, const struct pid_snap *p);
void proc_pid_status(struct seqbuf *s, const struct pid_snap *p);
void proc_pid_statm(struct seqbuf *s, const struct pid_snap *p);

/* One line of /proc/<pid>/maps. */
struct map_line {
	uint64_t start, end;
	bool read, write, exec, shared;
	uint64_t offset;
	uint32_t major, minor;
	uint64_t ino;
	const char *name;                /* a path, "[stack]" ...; NULL: none */
};

void proc_maps_line(struct seqbuf *s, const struct map_line *m);

/* /proc/meminfo, in kB. */
struct mem_snap {
	uint64_t total, free, available, cached, shmem, anon, kernel_stack, page_tables,
		 slab, vmalloc_total, commit_limit, committed;
};

void proc_meminfo(struct seqbuf *s, const struct mem_snap *m);

/* /proc/uptime: both in ns. */
void proc_uptime(struct seqbuf *s, uint64_t uptime_ns, uint64_t idle_ns);

/* /proc/loadavg: the load averages in 11-bit fixed point (proc.h's avenrun). */
struct load_snap {
	unsigned long avenrun[3];
	int running, total, last_pid;
};

void proc_loadavg(struct seqbuf *s, const struct load_snap *l);

/* /proc/stat: every CPU's and each one's. Times in PROC_USER_HZ ticks; btime in seconds since the epoch. */
#define STAT_CPUS 16                      /* per-CPU lines at most (arch/smp.h's MAX_CPUS) */
struct stat_snap {
	uint64_t user, nice, system, idle;        /* every CPU's, added up */
	unsigned ncpus;                           /* the CPUs online: a "cpuN" line each */
	struct { uint64_t user, system, idle; } cpu[STAT_CPUS];
	uint64_t intr, ctxt, btime, processes;
	int running, blocked;
};

void proc_stat(struct seqbuf *s, const struct stat_snap *st);

/* One line of /proc/mounts. */
struct mount_line {
	const char *source, *path, *type;
	bool rdonly, noexec, nosuid, nodev;
};

void proc_mounts_line(struct seqbuf *s, const struct mount_line *m);

/* /proc/filesystems: one line per type. */
void proc_filesystems_line(struct seqbuf *s, const char *type, bool nodev);

/* /proc/version: sysname, release, version (uname's) and the compiler. */
void proc_version(struct seqbuf *s, const char *sysname, const char *release, const char *version,
		  const char *compiler);

/* /proc/cpuinfo: one CPU's block (index cpu, its APIC id, of ncpus
 * online), from CPUID (the BSP's: QEMU's CPUs are alike). */
enum {                               /* CPUID's feature registers, in the order Linux prints them */
	CPUW_1_EDX, CPUW_X1_EDX, CPUW_1_ECX, CPUW_X1_ECX, CPUW_7_EBX, CPUW_7_ECX, CPUW_7_EDX, CPUW_N
};                                   /* (1: leaf 1, 7: leaf 7, X1: leaf 0x80000001) */
struct cpu_snap {
	const char *vendor, *model_name;
	unsigned family, model, stepping, cpuid_level, clflush, phys_bits, virt_bits;
	uint64_t khz;                    /* the TSC's frequency */
	uint32_t words[CPUW_N];          /* CPUID leaves' feature registers */
};

void proc_cpuinfo(struct seqbuf *s, const struct cpu_snap *c, unsigned cpu, unsigned apicid, unsigned ncpus);

#endif
