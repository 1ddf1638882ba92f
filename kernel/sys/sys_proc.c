/*
 * sys_proc.c - process calls: identity, exit, fork, wait4, execve, and the
 * per-thread bits (set_tid_address, arch_prctl).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"

#define PATH_MAX     4096
#define ARG_MAX      (32 * 1024)       /* argv and envp strings together (exec.c agrees) */
#define MAX_ARGV     128               /* entries in argv, and in envp */
#define RUSAGE_SIZE  144               /* sizeof(struct rusage) on x86-64 */

long sys_getpid(struct trap_frame *tf) { return current()->pid; }

long sys_getppid(struct trap_frame *tf)
{
	struct proc *p = current();

	return p->parent == p ? 0 : p->parent->pid;
}

long sys_exit(struct trap_frame *tf) { proc_exit((arg(tf, 0) & 0xff) << 8); }

long sys_exit_group(struct trap_frame *tf) { proc_exit((arg(tf, 0) & 0xff) << 8); }

long sys_set_tid_address(struct trap_frame *tf)
{
	current()->clear_child_tid = arg(tf, 0);
	return current()->pid;
}

/* fork: a copy of the caller (memory copied now, not on write) that
 * returns 0 from the same call. */
long sys_fork(struct trap_frame *tf)
{
	struct proc *p = current(), *c = proc_alloc();

	if (!c)
		return -EAGAIN;
	if (!(c->cr3 = uvm_clone(p->cr3))) {
		proc_free(c);
		return -ENOMEM;
	}
	*c->tf = *tf;
	c->tf->rax = 0;
	c->parent = p;
	proc_sync_bases(p);                       /* as the CPU has them now */
	c->fs_base = p->fs_base, c->gs_base = p->gs_base;
	c->brk_start = p->brk_start, c->brk = p->brk;
	c->mmap_next = p->mmap_next;
	c->vm = p->vm;                            /* the copy maps exactly what p maps */
	c->data_size = p->data_size;
	memcpy(c->rlim, p->rlim, sizeof(c->rlim));
	for (size_t i = 0; i < sizeof(c->name); i++)
		c->name[i] = p->name[i];
	for (int fd = 0; fd < NOFILE; fd++) {     /* the same open files, shared */
		if ((c->fds[fd] = p->fds[fd]))
			file_get(c->fds[fd]);
		c->cloexec[fd] = p->cloexec[fd];
	}
	if ((c->cwd = p->cwd))
		rnode_get(c->cwd);
	c->umask = p->umask;
	signal_fork(c, p);
	c->state = P_RUNNABLE;
	return c->pid;
}

/* wait4(pid, status, options, rusage): pid -1 (or 0: there are no process
 * groups) waits for any child, pid < -1 finds none. rusage, when given, is
 * filled with zeros. Orphans the kernel reaps itself are never reported. */
long sys_wait4(struct trap_frame *tf)
{
	struct proc *p = current();
	long pid = (int)arg(tf, 0);
	uint64_t ustatus = arg(tf, 1), options = arg(tf, 2), rusage = arg(tf, 3);
	static const char zeros[RUSAGE_SIZE];

	/* WUNTRACED and WCONTINUED are fine: nothing ever stops (no job control). */
	if (options & ~(uint64_t)(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	if (pid < -1)
		return -ECHILD;                          /* no process groups: none in it */
	/* Check the pointers before reaping: a bad one must not lose a child. */
	if ((ustatus && !user_writable(ustatus, sizeof(int))) ||
	    (rusage && !user_writable(rusage, RUSAGE_SIZE)))
		return -EFAULT;
	for (;;) {
		bool any = false;
		for (struct proc *c = procs; c < procs + NPROC; c++) {
			if (c->state == P_FREE || c->parent != p || c == p || c->autoreap || (pid > 0 && c->pid != pid))
				continue;
			any = true;
			if (c->state != P_ZOMBIE)
				continue;
			int status = c->status, cpid = c->pid;
			if ((ustatus && copy_to_user((void *)ustatus, &status, sizeof(status)) < 0) ||
			    (rusage && copy_to_user((void *)rusage, zeros, RUSAGE_SIZE) < 0))
				return -EFAULT;
			proc_free(c);
			return cpid;
		}
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		long r = sleep_on(p, 0);                 /* proc_exit wakes us */
		if (r < 0)
			return r;
	}
}

/* Copy a NULL-terminated user array of strings into the arena at *pos;
 * out[] gets kernel pointers and a NULL. 0 or -errno. */
static long copy_strings(uint64_t uv, char **out, char *arena, size_t *pos)
{
	int n = 0;

	for (; uv; n++) {
		uint64_t up;
		if (n == MAX_ARGV)
			return -E2BIG;
		if (copy_from_user(&up, (uint64_t *)uv + n, sizeof(up)) < 0)
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

long sys_execve(struct trap_frame *tf)
{
	char *path = kmalloc(PATH_MAX), *arena = kmalloc(ARG_MAX);
	char **argv = kmalloc((MAX_ARGV + 1) * sizeof(char *)), **envp = kmalloc((MAX_ARGV + 1) * sizeof(char *));
	size_t pos = 0;
	long r = -ENOMEM;

	if (path && arena && argv && envp) {
		r = strncpy_from_user(path, (const char *)arg(tf, 0), PATH_MAX);
		if (r == 0)
			r = -ENOENT;
		if (r > 0 && (r = copy_strings(arg(tf, 1), argv, arena, &pos)) == 0 &&
		    (r = copy_strings(arg(tf, 2), envp, arena, &pos)) == 0)
			r = proc_exec(current(), path, argv, envp);
	}
	kfree(path), kfree(arena), kfree(argv), kfree(envp);
	return r;
}

long sys_arch_prctl(struct trap_frame *tf)
{
	struct proc *p = current();
	uint64_t code = arg(tf, 0), addr = arg(tf, 1);

	switch (code) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (addr >= USER_TOP)
			return -EPERM;                   /* only user addresses, never non-canonical */
		if (code == ARCH_SET_FS)
			wrmsr(MSR_FS_BASE, p->fs_base = addr);
		else
			wrmsr(MSR_KERNEL_GS_BASE, p->gs_base = addr);  /* swapgs installs it on return */
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
