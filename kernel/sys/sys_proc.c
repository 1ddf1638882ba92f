/*
 * sys_proc.c - process calls: identity, exit, fork, execve, and the
 * per-thread bits (set_tid_address, arch_prctl, gettid, the robust futex
 * list). A process is a thread group (proc.h): its id is its first
 * thread's.
 */
#include "api/abi.h"
#include "api/usage.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/segs.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define PATH_MAX     4096
#define ARG_MAX      (32 * 1024)       /* argv and envp strings together (exec.c agrees) */
#define MAX_ARGV     128               /* entries in argv, and in envp */

long sys_getpid(struct trap_frame *tf) { return current()->g->tgid; }

long sys_getppid(struct trap_frame *tf)
{
	struct tgroup *g = current()->g;

	return g->parent == g->leader ? 0 : g->parent->g->tgid;
}

/* exit ends the calling thread; exit_group (what C's exit calls) all. */
long sys_exit(struct trap_frame *tf) { thread_exit((arg(tf, 0) & 0xff) << 8); }

long sys_exit_group(struct trap_frame *tf) { proc_exit((arg(tf, 0) & 0xff) << 8); }

long sys_set_tid_address(struct trap_frame *tf)
{
	current()->clear_child_tid = arg(tf, 0);
	return current()->pid;
}

/* fork: a copy of the caller (its memory shared copy-on-write) that
 * returns 0 from the same call. */
long sys_fork(struct trap_frame *tf) { return proc_fork(tf, false); }

long proc_fork(struct trap_frame *tf, bool share_vm)
{
	struct proc *p = current(), *c = proc_alloc();

	if (!c)
		return -EAGAIN;
	if (!tgroup_alloc(c)) {
		proc_free(c);
		return -EAGAIN;
	}
	if (share_vm)
		mm_get(c->mm = p->mm);
	else if (!(c->mm = mm_fork(p->mm))) {
		proc_free(c);
		return -ENOMEM;
	}
	c->cr3 = c->mm->root;
	*c->tf = *tf;
	c->tf->rax = 0;
	fpu_save(c->fpu);                         /* the caller's live x87/SSE/AVX registers */
	c->g->parent = p->g->leader;
	proc_copy_segs(c, p);
	c->g->brk_start = p->g->brk_start, c->g->brk = p->g->brk;
	c->compat = p->compat, c->vdso_base = p->vdso_base;
	c->g->data_size = p->g->data_size;
	memcpy(c->g->rlim, p->g->rlim, sizeof(c->g->rlim));
	for (size_t i = 0; i < sizeof(c->name); i++)
		c->name[i] = p->name[i];
	for (int fd = 0; fd < NOFILE; fd++) {     /* the same open files, shared */
		if ((c->g->fds[fd] = p->g->fds[fd]))
			file_get(c->g->fds[fd]);
		c->g->cloexec[fd] = p->g->cloexec[fd];
	}
	if ((c->g->cwd = p->g->cwd))
		rnode_get(c->g->cwd);
	if ((c->g->exe = p->g->exe))
		rnode_get(c->g->exe);
	c->g->image = p->g->image;
	c->g->umask = p->g->umask;
	if (!share_vm)                            /* Linux's rseq_fork: vfork's child has none */
		c->rseq = p->rseq, c->rseq_len = p->rseq_len, c->rseq_sig = p->rseq_sig;
	c->g->pgid = p->g->pgid, c->g->sid = p->g->sid;       /* the same group, session and terminal */
	c->g->has_ctty = p->g->has_ctty;
	c->nice = p->nice, c->ioprio = p->ioprio;
	c->no_new_privs = p->no_new_privs, c->ngroups = p->ngroups;
	signal_fork(c, p);
	c->cpus_allowed = p->cpus_allowed;       /* inherited, as Linux's */
	sched_make_runnable(c);
	return c->pid;
}

/* Copy a NULL-terminated user array of strings (of 8-byte pointers, or
 * 4-byte ones from a 32-bit caller: word) into the arena at *pos; out[]
 * gets kernel pointers and a NULL. 0 or -errno. */
static long copy_strings(uint64_t uv, size_t word, char **out, char *arena, size_t *pos)
{
	int n = 0;

	for (; uv; n++) {
		uint64_t up = 0;
		if (n == MAX_ARGV)
			return -E2BIG;
		if (copy_from_user(&up, (const char *)uv + n * word, word) < 0)   /* little-endian: the low bytes */
			return -EFAULT;
		if (!up)
			break;
		if (*pos >= ARG_MAX)
			return -E2BIG;            /* the arena is full */
		long len = strncpy_from_user(arena + *pos, (const char *)up, ARG_MAX - *pos);
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : len;
		out[n] = arena + *pos;
		*pos += len + 1;
	}
	out[n] = NULL;
	return 0;
}

/* execve(path, argv, envp), the arrays' pointers word bytes wide. */
static long do_execve(struct trap_frame *tf, size_t word)
{
	char *path = kmalloc(PATH_MAX), *arena = kmalloc(ARG_MAX);
	char **argv = kmalloc((MAX_ARGV + 1) * sizeof(char *)), **envp = kmalloc((MAX_ARGV + 1) * sizeof(char *));
	size_t pos = 0;
	long r = -ENOMEM;

	if (path && arena && argv && envp) {
		r = strncpy_from_user(path, (const char *)arg(tf, 0), PATH_MAX);
		if (r == 0)
			r = -ENOENT;
		if (r > 0 && (r = copy_strings(arg(tf, 1), word, argv, arena, &pos)) == 0 &&
		    (r = copy_strings(arg(tf, 2), word, envp, arena, &pos)) == 0)
			r = proc_exec(current(), path, argv, envp);
	}
	kfree(path), kfree(arena), kfree(argv), kfree(envp);
	return r;
}

long sys_execve(struct trap_frame *tf) { return do_execve(tf, 8); }

/* execve for a 32-bit caller: argv and envp are arrays of u32 pointers. */
long compat_sys_execve(struct trap_frame *tf) { return do_execve(tf, 4); }

long sys_arch_prctl(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t code = arg(tf, 0), addr = arg(tf, 1);

	switch (code) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (addr >= USER_TOP)
			return -EPERM;                   /* only user addresses, never non-canonical */
		/* Selector 0 first, as Linux: a TLS selector would name another base. */
		if (code == ARCH_SET_FS)
			user_set_fs_base(p->fs_base = addr);
		else
			user_set_gs_base(p->gs_base = addr);
		return 0;
	case ARCH_GET_FS:                             /* the bases the CPU really has */
		proc_sync_bases(p);
		return copy_to_user((void *)addr, &p->fs_base, sizeof(uint64_t));
	case ARCH_GET_GS:
		proc_sync_bases(p);
		return copy_to_user((void *)addr, &p->gs_base, sizeof(uint64_t));
	default:
		return -EINVAL;
	}
}

/* arch_prctl for a 32-bit caller (i386's 384): Linux's compat form has
 * only the options common to both modes (CPUID faulting, AMX state
 * permission), none of which this kernel has: every code is -EINVAL.
 * ARCH_SET_FS and the other base options are 64-bit only. */
long compat_sys_arch_prctl(struct trap_frame *tf) { return -EINVAL; }

/* gettid: the calling thread's id (its process's for the first thread). */
long sys_gettid(struct trap_frame *tf) { return current()->pid; }

#define ROBUST_LIST_HEAD_SIZE 24         /* sizeof(struct robust_list_head) on x86-64 */
#define ROBUST_LIST_HEAD_SIZE32 12       /* ... on i386 */

/* set_robust_list(head, len): remember where the thread's list of held
 * robust futexes is, for the C library; len must be the head's size (of
 * the caller's ABI). Walked when the thread ends (proc/robust.c). */
static long set_robust_list(struct trap_frame *tf, uint64_t size)
{
	if (arg(tf, 1) != size)
		return -EINVAL;
	current()->robust_list = arg(tf, 0);
	return 0;
}

/* get_robust_list(pid, head_ptr, len_ptr): pid 0 is the caller; a
 * process that has ended has none. The length is written first, as
 * Linux; both are word bytes wide (4 for an i386 caller). */
static long get_robust_list(struct trap_frame *tf, uint64_t size, size_t word)
{
	int pid = (int)arg(tf, 0);
	struct proc *p = pid ? proc_by_pid(pid) : current();
	uint64_t len = size, head;

	if (!p)
		return -ESRCH;
	head = p->state == P_ZOMBIE ? 0 : p->robust_list;
	if (copy_to_user((void *)arg(tf, 2), &len, word) < 0)    /* little-endian: the low bytes */
		return -EFAULT;
	return copy_to_user((void *)arg(tf, 1), &head, word);
}

long sys_set_robust_list(struct trap_frame *tf) { return set_robust_list(tf, ROBUST_LIST_HEAD_SIZE); }
long sys_get_robust_list(struct trap_frame *tf) { return get_robust_list(tf, ROBUST_LIST_HEAD_SIZE, 8); }
long compat_sys_set_robust_list(struct trap_frame *tf) { return set_robust_list(tf, ROBUST_LIST_HEAD_SIZE32); }
long compat_sys_get_robust_list(struct trap_frame *tf) { return get_robust_list(tf, ROBUST_LIST_HEAD_SIZE32, 4); }
