/*
 * proc.h - threads (struct proc, each with a kernel stack) and the
 * processes they make up (struct tgroup): see below.
 *
 * A thread runs until it makes a blocking call, exits, faults, or the
 * timer interrupts it in user mode; the scheduler (proc/sched.c) then
 * picks the next runnable one round-robin.
 */
#ifndef PROC_H
#define PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "api/boot_info.h"
#include "api/resource.h"
#include "api/signal.h"
#include "arch/percpu.h"
#include "arch/segs.h"
#include "arch/trap.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "restart.h"

#define NPROC 64
#define NOFILE 64                        /* descriptors per process */
#define KSTACK_PAGES 4

/* The user half's layout (docs/abi.md). */
#define USER_MIN         0x10000ULL             /* nothing below: NULL stays a fault */
#define USER_STACK_TOP   0x00007ffffff00000ULL  /* initial rsp is just below */
#define USER_STACK_PAGES 32                     /* mapped up front */
#define USER_MMAP_TOP    0x00007fff00000000ULL  /* mmap hands out addresses below this */
#define USER_BRK_MAX     (1ULL << 30)           /* the heap grows at most 1 GiB */
/* A 32-bit (compat) process's space stays below 4 GiB, as Linux's IA32
 * processes: TASK_SIZE 0xffffe000, the stack right below it, mmap below
 * a 128 MiB gap under the stack. */
#define USER32_TOP       0xffffe000ULL
#define USER32_STACK_TOP USER32_TOP
#define USER32_MMAP_TOP  (USER32_STACK_TOP - (128ULL << 20))

enum proc_state { P_FREE, P_RUNNABLE, P_RUNNING, P_BLOCKED, P_ZOMBIE };

#define LINUX_NR_END 512                 /* Linux's call numbers are below; trapdoor's own start here */

#define NSIG 64                          /* signals 1..64, Linux's numbers */
#define SIG_UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))  /* never blocked, caught or ignored */

struct file;
struct rnode;

/* Where execve put the program, as /proc/<pid>/stat, maps, cmdline and
 * environ tell it (Linux keeps the same in its mm_struct). */
#define PROC_SEGS 6
struct proc_image {
	uint64_t arg_start, arg_end;     /* argv's strings on the first stack */
	uint64_t env_start, env_end;     /* envp's */
	uint64_t start_stack;            /* the first rsp */
	uint64_t start_code, end_code;   /* the executable segment(s) */
	uint64_t start_data, end_data;   /* the data the file gives (not .bss) */
	int nsegs;
	struct { uint64_t start, end, offset; } seg[PROC_SEGS];  /* PT_LOAD segments, page-rounded, and their file offsets */
};

/* Who sent a pending signal, and why: its si_pid, si_code and si_status. */
struct sig_origin { int32_t pid, code, status; };

/*
 * A process is a thread group (Linux's model): one or more threads, each a
 * struct proc with its own kernel stack, registers, signal mask and tid
 * (its `pid` field), sharing one struct tgroup for what belongs to the
 * process: its id (the first thread's tid), parent, open files, working
 * directory, signal handlers, limits, process group and session, and the
 * status it ends with. The space (struct mm) is shared by pointer, as fork
 * with CLONE_VM already did. A process with one thread is what fork makes.
 */
struct tgroup {
	int tgid;                        /* the process id: getpid, kill, wait4 */
	struct proc *leader;             /* the thread whose tid is tgid: what the parent reaps */
	int nthreads;                    /* threads not yet ended; the process ends with the last */
	bool exiting;                    /* exit_group or a fatal signal: every thread ends */
	int exit_status;                 /* ... with this wait status word */
	struct proc *execer;             /* a thread in execve, waiting for the others to end */
	uint64_t sig_pending;            /* process-directed signals not yet taken by a thread */
	struct sig_origin sig_info[NSIG];  /* ... their siginfo */
	uint64_t dead_utime, dead_stime, dead_min_flt;  /* CPU time and faults of threads that ended */
	struct proc *parent;             /* the leader of the process that made it (init after it ends) */
	uint64_t brk_start, brk;         /* the heap: [brk_start, brk) */
	uint64_t cutime, cstime;         /* CPU time of the children it reaped, and of theirs */
	uint64_t cmin_flt;               /* ... their page faults resolved without I/O (ru_minflt) */
	struct file *fds[NOFILE];        /* open files by descriptor (fs/vfs.h) */
	bool cloexec[NOFILE];            /* O_CLOEXEC: closed by a successful execve */
	struct rnode *cwd;               /* the working directory, held */
	struct proc_image image;         /* set by execve, inherited by fork */
	struct rnode *exe;               /* the program's file, held: /proc/<pid>/exe (NULL once it ends) */
	uint32_t umask;                  /* taken from new files' modes: inherited by fork, kept by execve */
	struct k_sigaction sig_action[NSIG];  /* the handlers, shared by every thread (CLONE_SIGHAND) */
	uint64_t alarm_ns, alarm_interval_ns; /* ITIMER_REAL: monotonic deadline (0: off) and period */
	uint64_t data_size;              /* the program's data from its file: brk's RLIMIT_DATA counts it */
	struct rlimit rlim[RLIMIT_NLIMITS]; /* resource limits: inherited by fork, kept by execve */
	int pgid, sid;                   /* process group and session (pgrp.c): inherited by fork, kept by execve */
	bool has_ctty;                   /* its session's terminal is its controlling terminal (dev/tty_job.c) */
	bool execed;                     /* called execve since fork: setpgid on it is -EACCES */
	bool stopped;                    /* job control: stopped by a signal until SIGCONT (jobctl.c) */
	int stop_sig;                    /* ... which one */
	int wait_report;                 /* WAIT_REPORT_*: a stop or continue wait4 has not reported yet */
};

struct proc {
	int pid;
	enum proc_state state;
	const void *chan;                /* what a P_BLOCKED process sleeps on (sleep.c) */
	uint64_t wake_ns;                /* ... and until when (monotonic ns; 0: no deadline) */
	char name[16];                   /* the program's file name, for messages */
	struct mm *mm;                   /* its address space (mm/vm.h): regions and page tables */
	uint64_t cr3;                    /* mm->root, where the context switch finds it */
	uint64_t kstack_top;
	uint64_t context;                /* kernel rsp saved by swtch() */
	struct trap_frame *tf;           /* the user frame at the top of the kernel stack */
	uint64_t fs_base, gs_base;       /* the user's segment bases, as of its last switch (proc_sync_bases) */
	uint64_t tls[3];                 /* its set_thread_area descriptors: GDT slots 12..14 while it runs */
	struct user_sels sel;            /* the user's selectors, likewise (arch/segs.h) */
	void *fpu;                       /* x87/SSE/AVX state while not running (arch/fpu.h) */
	bool compat;                     /* runs a 32-bit (i386) program: set by execve, kept by fork */
	uint64_t vdso_base;              /* where execve mapped the vDSO (the 32-bit one for compat) */
	uint64_t clear_child_tid;        /* set_tid_address */
	struct tgroup *g;                /* its process (thread group) */
	uint64_t cpus_allowed;           /* the CPUs it may run on (sched_setaffinity): bit n, CPU n */
	int cpu;                         /* the CPU it runs on, or ran on last */
	struct proc *vfork_parent;       /* a vfork child's parent, asleep until the child execs or ends */
	int status;                      /* wait status word once a zombie */
	bool autoreap;                   /* an orphan, or its parent ignores SIGCHLD: freed when it ends */
	uint64_t utime, stime;           /* CPU time in ticks, in user and in kernel mode (acct.c) */
	uint64_t min_flt;                /* page faults resolved without I/O (ru_minflt) */
	uint64_t robust_list;            /* set_robust_list's head: walked when the thread ends (robust.c) */
	uint64_t rseq;                   /* the registered struct rseq (user address), or 0 (rseq.c) */
	uint32_t rseq_len, rseq_sig;     /* ... its length and the abort signature */
	bool rseq_event;                 /* preempted, blocked or signalled since rseq_resume looked */
	uint64_t start_ns;               /* when it was made (monotonic ns) */
	uint64_t nvcsw, nivcsw;          /* context switches: it blocked, or was preempted (sched.c) */
	uint64_t sig_pending;            /* bit n-1: signal n sent, not yet delivered */
	uint64_t sig_blocked;            /* rt_sigprocmask's mask (never SIGKILL/SIGSTOP) */
	struct sig_origin sig_info[NSIG];  /* each pending signal's si_pid, si_code, si_status */
	bool tf_rewritten;               /* frame_rewritten() since the last exit_work() */
	struct k_stack altstack;         /* sigaltstack (ss_flags: SS_DISABLE or SS_AUTODISARM) */
	uint64_t saved_mask;             /* rt_sigsuspend's mask to restore ... */
	bool restore_mask;               /* ... after the handler it waited for (or at once) */
	struct restart_block restart;    /* what restart_syscall goes on with (restart.c) */
	uint64_t sig_waiting;            /* rt_sigtimedwait's set: these wake it even blocked */
	uint64_t ni_said[LINUX_NR_END / 64]; /* unimplemented calls named on the console (dispatch.c) */
	/* Inherited by fork, kept by execve (sys_prio.c, sys_prctl.c, sys_cred.c): */
	int nice;                        /* setpriority's -20..19; the scheduler ignores it */
	int ioprio;                      /* ioprio_set's value; 0 (IOPRIO_CLASS_NONE) until set */
	bool no_new_privs;               /* PR_SET_NO_NEW_PRIVS: set once, never cleared */
	int ngroups;                     /* supplementary groups (setgroups), every one gid 0 */
};

/* What a parent's wait4 (WUNTRACED, WCONTINUED) may still be told of a child. */
enum { WAIT_REPORT_NONE, WAIT_REPORT_STOPPED, WAIT_REPORT_CONTINUED };

extern struct proc procs[NPROC];         /* the process table (proc.c) */

/* The process running on this CPU (NULL in the scheduler). */
static inline struct proc *current(void)
{
	struct proc *p;
	__asm__("movq %%gs:%c1, %0" : "=r"(p) : "i"(offsetof(struct percpu, current)));
	return p;
}

/* The end of p's user space: 4 GiB (USER32_TOP) for a 32-bit process. */
static inline uint64_t proc_user_top(const struct proc *p)
{
	return p->compat ? USER32_TOP : USER_TOP;
}

/* Is p the thread the process is known by (its tid the process id)? */
static inline bool proc_is_leader(const struct proc *p) { return p->g->leader == p; }
/* Has p's process ended (every thread), so that only its status is left? */
static inline bool proc_ended(const struct proc *p) { return p->g->nthreads == 0; }
/* Is p a process that counts: the leader of a process not yet ended? */
static inline bool proc_live(const struct proc *p)
{
	return p->state != P_FREE && proc_is_leader(p) && !proc_ended(p);
}

/* proc.c */
void proc_init(void);                    /* the table, before the first process */
struct proc *proc_alloc(void);           /* a fresh slot with a kernel stack, or NULL */
/* A fresh process for thread p (its leader): p->g set, zeroed but for the
 * ids; NULL when the table is full. */
struct tgroup *tgroup_alloc(struct proc *p);
void proc_free(struct proc *p);           /* give back a zombie's slot and stack (and a leader's process) */
struct proc *proc_by_pid(int pid);
/* exit_group: end every thread of the current process, which ends with
 * wait status word `status` (unless an exit_group came first). */
void proc_exit(int status) __attribute__((noreturn));
/* exit: end the current thread (status: its wait status word); the last
 * one to end ends the process. */
void thread_exit(int status) __attribute__((noreturn));
/* execve from a thread: end every other thread of p's process and wait
 * until they have; p becomes the leader. 0, or -ERESTARTSYS (killed). */
long thread_group_single(struct proc *p);
void proc_kill_fault(struct trap_frame *tf, int sig, const char *what) __attribute__((noreturn));
int proc_count(void);                     /* live (not free) slots */
int proc_last_pid(void);                  /* the pid given most recently */
void proc_close_files(struct proc *p);    /* every descriptor, the cwd and the program file */
/* p stops using the space mm (it ends, or execve gave it a new one):
 * free it when p was its last user, and let a vfork parent go on. */
void proc_drop_space(struct proc *p, struct mm *mm);
/* robust.c: thread t is ending: mark the robust mutexes it holds
 * FUTEX_OWNER_DIED and wake a waiter of each (set_robust_list's list). */
void robust_list_exit(struct proc *t);
/* sys_proc.c: fork's work for fork, vfork and clone: a child that returns
 * 0 from this call, in a copy of the caller's space or (share_vm) in the
 * same one. The child's pid, or -errno. */
long proc_fork(struct trap_frame *tf, bool share_vm);
/* sys_clone.c: a new thread of the caller's process (CLONE_THREAD): it
 * returns 0 from this call, on stack sp when given, with FS base tls when
 * settls, and descriptor tls_desc in TLS slot tls_idx when that is not 0
 * (a 32-bit caller's CLONE_SETTLS). Its tid, or -errno. */
long thread_clone(struct trap_frame *tf, uint64_t sp, bool settls, uint64_t tls, int tls_idx, uint64_t tls_desc);
/* sys/sys_tls.c: read the struct user_desc at uinfo for thread p and pick
 * its GDT slot (12..14; entry_number -1 takes p's first empty one when
 * can_allocate, and is written back), as Linux's do_set_thread_area:
 * 0 with *idx and the descriptor *desc, or -EFAULT, -EINVAL, -ESRCH. */
long tls_desc_from_user(struct proc *p, uint64_t uinfo, bool can_allocate, int *idx, uint64_t *desc);

/* rlimit.c: resource limits, and the address-space checks they make. */
/* The soft limit of resource r (RLIMIT_*), the one the kernel enforces. */
static inline uint64_t rlimit(const struct proc *p, int r) { return p->g->rlim[r].rlim_cur; }
void rlimit_init(struct proc *p);         /* the first process's limits: the defaults */
/* Linux's do_prlimit: copy p's limit for resource into *old and/or set it
 * to *new (either may be NULL). 0, -EINVAL or -EPERM. */
long rlimit_change(struct proc *p, uint32_t resource, const struct rlimit *new, struct rlimit *old);
/* Linux's may_expand_vm: may a space that maps *u map npages more (data
 * pages, when data) under p's RLIMIT_AS and RLIMIT_DATA? */
bool vm_may_expand(const struct proc *p, const struct vm_usage *u, uint64_t npages, bool data);

/* acct.c: CPU time and the load average, counted on the timer tick. */
struct rusage;
void acct_init(void);                     /* hang the counting on the tick, before preemption */
/* RUSAGE_SELF, RUSAGE_CHILDREN, or both (-2, for wait4): p's usage into *ru. */
#define RUSAGE_BOTH (-2)
void acct_rusage(const struct proc *p, int who, struct rusage *ru);
void acct_reap(struct proc *parent, const struct proc *child);  /* wait4 reaped child: add its times */
/* The CPU's time in ticks: in user mode, in the kernel, idle (nobody's). */
struct cpu_times { uint64_t user, system, idle; };
extern struct cpu_times cpu_times;
extern struct cpu_times cpu_times_of[];   /* ... each CPU's (MAX_CPUS of arch/smp.h) */
#define AVENRUN_SHIFT 11                  /* avenrun's fixed point: 1.0 is 1 << 11 (Linux's FSHIFT) */
extern unsigned long avenrun[3];          /* the 1, 5 and 15 minute load averages */
/* sys_mem.c: the highest free range of len bytes below USER_MMAP_TOP and
 * above the heap's limit (where mmap and mremap put what may go anywhere),
 * or 0. */
uint64_t vm_find_free(struct proc *p, uint64_t len);

/* exec.c: replace p's program with the file at path (root file system). 0 or -errno;
 * on failure p is untouched. argv/envp are kernel copies, NULL-terminated. */
long proc_exec(struct proc *p, const char *path, char *const argv[], char *const envp[]);

/* sched.c */
void sched_init(void);                    /* preempt on the timer tick (time/timer.h) */
void scheduler(void);                     /* this CPU runs threads (the BSP's returns when none is left) */
extern volatile bool sched_started;       /* CPU 0's scheduler runs: the APs' may start */
extern uint64_t sched_switches;           /* context switches so far (/proc/stat's ctxt) */
void sched(void);                         /* give up the CPU (state already set) */
void yield(void);                         /* stay runnable, let others run */
/* sched_yield, called without the big lock: yield if a thread this CPU
 * may run is waiting, else go on at once, no switch at all (Linux's). */
void sched_yield_unlocked(void);
/* Make p runnable: into the run queue (once), and an idle CPU it may run
 * on woken to take it. */
void sched_make_runnable(struct proc *p);
/* Make the CPU running thread p (on another CPU, in user mode perhaps)
 * look at it soon: a signal, a stop, a new affinity (VEC_RESCHEDULE). */
void sched_kick(struct proc *p);
/* The VEC_RESCHEDULE IPI, from trap(): tf is what it interrupted. */
void sched_ipi(struct trap_frame *tf);
/* Read p's FS and GS bases and its selectors back from the CPU: user
 * code may change them itself (wrfsbase, wrgsbase, loading a selector).
 * Only while p's bases are loaded (p running, or just switched away). */
void proc_sync_bases(struct proc *p);
/* c's user segments become p's as the CPU has them now: FS/GS bases,
 * selectors and TLS descriptors (fork's and clone's copy, Linux's
 * copy_thread). */
void proc_copy_segs(struct proc *c, struct proc *p);

/* sleep.c: sleeping on a channel (see there). */
/* Block until wakeup(chan), the deadline (monotonic ns, 0 = none) or a
 * signal: 0 (re-check what you wait for) or -ERESTARTSYS (restart.h). */
int sleep_on(const void *chan, uint64_t deadline_ns);
void wakeup(const void *chan);            /* make every sleeper on chan runnable, and every poller */
extern const char poll_chan;              /* what poll and select sleep on (fs/poll.c): any wakeup wakes them */
void wake_process(struct proc *p);        /* make p runnable if it sleeps (a signal came) */

/* C code changed p's user frame beyond rax (execve, a signal handler,
 * rt_sigreturn): the syscall stub must take the checked way out. */
static inline void frame_rewritten(struct proc *p)
{
	p->tf_rewritten = true;
	if (p == current())
		this_cpu()->exit_work |= EXIT_IRET;
}

/* dispatch.c: the way back to user mode when percpu.exit_work says so:
 * refresh the rseq area (EXIT_RSEQ), deliver signals, forget the rewrite
 * (the caller leaves by a checked path). */
void exit_work(struct trap_frame *tf);
void exit_work_locked(struct trap_frame *tf);  /* the same under the big kernel lock (from the stubs) */

/* signal.c */
/* Signals pending for thread p: its own, and its process's. */
static inline uint64_t signals_pending(const struct proc *p) { return p->sig_pending | p->g->sig_pending; }
/* Is a signal pending that p does not block? */
static inline bool signal_pending(const struct proc *p) { return signals_pending(p) & ~p->sig_blocked; }
/* Process-directed: to p's process, taken by whichever of its threads
 * does not block it (signal(7)). */
void signal_send(struct proc *p, int sig);        /* mark it pending, wake a thread (from current) */
void signal_send_from(struct proc *p, int sig, int sender_pid);
/* With siginfo's code and status (SIGCHLD: CLD_EXITED/CLD_KILLED and the child's). */
void signal_send_info(struct proc *p, int sig, int pid, int code, int status);
/* Thread-directed (tgkill, faults): to thread t alone. */
void signal_send_thread(struct proc *t, int sig, int pid, int code);
/* End every thread of p's process: each gets SIGKILL and is woken; the
 * process ends with wait status `status` unless an end began already
 * (Linux's complete_signal for a fatal signal, and exit_group). */
void signal_kill_group(struct proc *p, int status);
/* Take pending signal sig from p (its own first, then its process's):
 * its siginfo into *info. */
void signal_dequeue(struct proc *p, int sig, struct k_siginfo *info);
void signal_recalc(struct proc *p);               /* after changing p's mask or pending set */
/* On the way back to user mode: act on pending signals (run a handler by
 * rewriting tf, or end the process). */
void signal_deliver(struct trap_frame *tf);
/* A user-mode fault: deliver sig to a handler if one is set and not
 * blocked, else end the process with the message `what`. */
void signal_fault(struct trap_frame *tf, int sig, const char *what);
/* The same with a siginfo the caller made (Linux's force_sig_fault). */
void signal_force(struct trap_frame *tf, const struct k_siginfo *info, const char *what);
/* The same with SIGSEGV, SI_KERNEL and no address (Linux's force_sig(SIGSEGV)). */
void signal_force_segv(struct trap_frame *tf, const char *what);
/* A sigreturn whose frame cannot be used (unreadable, or a bad x87/SSE/AVX
 * image): a forced SIGSEGV with SI_KERNEL, delivered with whatever
 * registers were already taken back (Linux's signal_fault, so a handler
 * that returns resumes the interrupted code). Returns 0 for the dispatcher
 * to store in rax, as Linux's sigreturn does. */
long signal_sigreturn_fault(struct trap_frame *tf, const char *what);
void signal_fork(struct proc *child, const struct proc *parent);  /* inherit dispositions, mask, altstack */
/* The most an x86-64 signal frame takes at the top of an alternate stack:
 * AT_MINSIGSTKSZ, as Linux's get_sigframe_size (an i386 frame is smaller). */
uint64_t signal_frame_max(void);
/* Is user stack pointer sp on p's alternate signal stack (Linux's on_sig_stack)? */
bool on_altstack(const struct proc *p, uint64_t sp);
/* sigaltstack's ss_flags for sp: SS_DISABLE, SS_ONSTACK or 0 (sas_ss_flags). */
int altstack_flags(const struct proc *p, uint64_t sp);
/* sys_sigwait.c: set p's alternate stack from *ss, p's user rsp being sp;
 * 0, -EPERM (running on it), -EINVAL or -ENOMEM. */
long altstack_set(struct proc *p, const struct k_stack *ss, uint64_t sp);
void signal_exec(struct proc *p);                 /* handlers back to SIG_DFL */
/* arch/x86_64/swtch.S: save callee-saved registers on this stack, store
 * rsp in *save, continue on the stack `next` (where an earlier swtch left). */
void swtch(uint64_t *save, uint64_t next);

/* rseq.c: restartable sequences (rseq(2)). */
/* On the way back to user mode after p was switched back in (EXIT_RSEQ):
 * abort the critical section tf is in, refresh the area's cpu fields; a
 * bad area or section gets p a SIGSEGV, as Linux's force_sigsegv. */
void rseq_resume(struct trap_frame *tf);
/* The same before a handler's frame is built for a signal (Linux's
 * rseq_signal_deliver): the frame saves abort_ip, not the section's rip;
 * sig is the signal being delivered. */
void rseq_signal(struct trap_frame *tf, int sig);
/* Forget p's registration (execve, unregistering). */
static inline void rseq_exec(struct proc *p) { p->rseq = 0, p->rseq_len = p->rseq_sig = 0; }

/* pgrp.c: process groups and sessions (credentials(7)). */
/* Send sig to every live member of group pgid, from sender: how many got it. */
int signal_group(int pgid, int sig, int sender);
bool pgrp_in_session(int pgid, int sid);  /* has group pgid a live member in session sid? */
/* Is group pgid orphaned (POSIX): no member has a parent in another group
 * of the same session (init does not count)? A group with no member is. */
bool pgrp_orphaned(int pgid);
/* p is ending: its group, if this leaves it orphaned with stopped members,
 * gets SIGHUP and SIGCONT (POSIX, Linux's kill_orphaned_pgrp); p's session
 * loses its terminal when p leads it. */
void pgrp_exit(struct proc *p);
/* child's parent ended and init took it: the same for child's group,
 * which old_parent linked to the outside (call once all are init's). */
void pgrp_reparented(struct proc *child, const struct proc *old_parent);

/* jobctl.c: stopping and continuing (signal(7)'s job-control signals). */
static inline bool sig_is_stop(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}
#define SIG_STOP_MASK (SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))
void job_stop(struct proc *p, int sig);    /* stop p (it halts on its way to user mode); tell its parent */
void job_continue(struct proc *p);         /* SIGCONT's effect: pending stops go; a stopped p runs, its parent is told */
/* The current process halts here while stopped: until SIGCONT or SIGKILL. */
void job_stop_wait(void);

/* vdso.c: the vDSO and vvar page, shared by all processes. */
extern struct vvar *vvar;
void vdso_init(void);
/* Map both into root at a place chosen by `random`; the vDSO's address, or 0. */
uint64_t vdso_map(struct mm *mm, uint64_t random);
/* "[vvar]" or "[vdso]" when frame pa is one of theirs (or the 32-bit
 * vDSO's), else NULL (/proc/<pid>/maps). */
const char *vdso_frame_name(uint64_t pa);
uint64_t vdso_vvar_frame(void);           /* the vvar page's frame (vdso32.c maps it too) */

/* The first process: init=PATH from the command line, with argv[1..] from
 * args (NULL-terminated: the words after `--`). */
#define MAX_INIT_ARGS 32
void start_init(const char *path, char *const args[]);

#endif
