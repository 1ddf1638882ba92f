/*
 * vsyscall.c - the legacy vsyscall page at VSYSCALL_ADDR (api/abi.h), as
 * Linux's vsyscall=xonly (arch/x86/entry/vsyscall/vsyscall_64.c).
 *
 * Old x86_64 programs call three fixed addresses: gettimeofday at +0,
 * time at +0x400 and getcpu at +0x800. Paging cannot make a page
 * executable but unreadable, so the page stays unmapped (nothing in the
 * kernel's layout, mm/vmm.c, comes near it) and a user instruction fetch
 * there faults into vsyscall_fault, which does the call and emulates the
 * `ret` the real entry would end with:
 *
 *   fetch at one of the entries     the call; rax = its result,
 *                                   rip = the return address on the stack, rsp += 8
 *   fetch at any other offset       SIGSEGV, SI_KERNEL ("misaligned vsyscall")
 *   return address unreadable       SIGSEGV, SI_KERNEL ("bad stack")
 *   a pointer argument outside      SIGSEGV, SEGV_MAPERR at the pointer, as a user
 *   the user half                   write there; no return: rip stays on the entry
 *   a pointer argument the copy     SIGSEGV, SI_KERNEL; no return, rax = -ENOSYS
 *   faults on
 *   a read or write of the page     the ordinary fault: SIGSEGV, SEGV_MAPERR there
 *
 * Each case but a write prints one rate-limited line, as Linux does. These
 * are Linux 6.1's answers as Debian's build gives them (a copy that faults
 * is no longer reported as the user's own fault there).
 */
#include "api/abi.h"
#include "api/errno.h"
#include "arch/cpu.h"
#include "arch/trap.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "time/timer.h"
#include "uaccess.h"

/* Each entry: the handler it shares with the system call, and the sizes
 * its pointer arguments (rdi, rsi) are written with (0: none). */
static const struct {
	syscall_fn fn;
	uint8_t size[2];
} entries[3] = {
	{ sys_gettimeofday, { sizeof(struct timeval), sizeof(struct timezone) } },
	{ sys_time, { sizeof(int64_t), 0 } },
	{ sys_getcpu, { sizeof(unsigned), sizeof(unsigned) } },
};

/* Print a line about a bad vsyscall, at most 10 every 5 s (printk_ratelimited). */
static void warn(const struct trap_frame *tf, const char *what)
{
	static uint64_t window, printed;
	uint64_t now = timer_ticks();
	struct proc *p = current();

	if (now - window >= 5 * HZ)
		window = now, printed = 0;
	if (printed++ >= 10)
		return;
	kprintf("kernel: %s[%d] %s ip:%lx cs:%lx sp:%lx ax:%lx si:%lx di:%lx\n", p->name, p->pid, what,
		tf->rip, tf->cs, tf->rsp, tf->rax, tf->rsi, tf->rdi);
}

/* The entry addr is (0..2), or -1 for any other place in the page. */
static int entry_of(uint64_t addr)
{
	int nr = (addr & 0xc00) >> 10;

	return (addr & ~0xc00ULL) == VSYSCALL_ADDR && nr < 3 ? nr : -1;
}

/* SIGSEGV with no address (Linux's force_sig), after the console's word. */
static bool segv(struct trap_frame *tf, const char *what)
{
	warn(tf, what);
	signal_force_segv(tf, what);
	return true;
}

/* SIGSEGV for a pointer outside the user half, reported as the user's own
 * write fault there (Linux's write_ok_or_segv). */
static bool bad_pointer(struct trap_frame *tf, uint64_t ptr)
{
	warn(tf, "vsyscall fault (exploit attempt?)");
	tf->error = X86_PF_USER | X86_PF_WRITE;
	this_cpu()->fault_addr = ptr;
	signal_fault(tf, SIGSEGV, "vsyscall fault");
	return true;
}

bool vsyscall_fast(struct trap_frame *tf)
{
	uint64_t addr = read_cr2(), caller;
	int nr;
	long ret;

	if ((addr & ~0xfffULL) != VSYSCALL_ADDR ||
	    (tf->error & (X86_PF_WRITE | X86_PF_USER | X86_PF_INSTR)) != (X86_PF_USER | X86_PF_INSTR) ||
	    (nr = entry_of(addr)) < 0)
		return false;
	if (copy_from_user(&caller, (const void *)tf->rsp, sizeof(caller)) < 0)
		goto slow;
	for (int i = 0; i < 2; i++) {
		uint64_t ptr = i ? tf->rsi : tf->rdi;
		if (entries[nr].size[i] && !user_range_ok(ptr, entries[nr].size[i]))
			goto slow;
	}
	tf->rax = -ENOSYS;
	if ((ret = entries[nr].fn(tf)) == -EFAULT)
		goto slow;
	tf->rax = ret;
	tf->rip = caller;                        /* the entry's `ret` */
	tf->rsp += 8;
	this_cpu()->vsyscall_calls++;
	return true;
slow:
	write_cr2(addr);                         /* a copy's fault moved it: vsyscall_fault reads it again */
	return false;
}

bool vsyscall_fault(struct trap_frame *tf)
{
	uint64_t addr = read_cr2(), caller;
	int nr;
	long ret;

	if ((addr & ~0xfffULL) != VSYSCALL_ADDR)
		return false;
	/* A write, or a read (not a fetch): the ordinary SIGSEGV. The CPU
	 * marks fetches (I/D) since EFER.NXE is always on (cpu.c). */
	if ((tf->error & (X86_PF_WRITE | X86_PF_USER | X86_PF_INSTR)) != (X86_PF_USER | X86_PF_INSTR)) {
		if (!(tf->error & X86_PF_WRITE))
			warn(tf, "vsyscall read attempt denied");
		return false;
	}
	this_cpu()->fault_addr = addr;          /* for the signals below */
	if ((nr = entry_of(addr)) < 0)
		return segv(tf, "misaligned vsyscall (exploit attempt or buggy program)");
	if (copy_from_user(&caller, (const void *)tf->rsp, sizeof(caller)) < 0)
		return segv(tf, "vsyscall with bad stack (exploit attempt?)");

	/* NULL means "not wanted"; any other pointer must lie in the user half. */
	for (int i = 0; i < 2; i++) {
		uint64_t ptr = i ? tf->rsi : tf->rdi;
		if (entries[nr].size[i] && !user_range_ok(ptr, entries[nr].size[i]))
			return bad_pointer(tf, ptr);
	}
	tf->rax = -ENOSYS;                       /* what a handler sees if the call faults */
	ret = entries[nr].fn(tf);
	if (ret == -EFAULT)                      /* a copy faulted: no return */
		return segv(tf, "vsyscall fault (exploit attempt?)");

	tf->rax = ret;
	tf->rip = caller;                        /* the entry's `ret` */
	tf->rsp += 8;
	this_cpu()->vsyscall_calls++;
	return true;
}
