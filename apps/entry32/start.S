/*
 * start.S - entry32's 32-bit machine code: one small function per way
 * into the kernel (the process entry is apps/common/start32.S). Built for
 * i386 without a libc (apps/entry32/CMakeLists.txt), so it also runs on
 * the host's Linux.
 */
	.text
	.code32

/*
 * long enter(void *fn, long nr, const long args[6]) - call fn with the
 * i386 system-call registers: eax = nr, ebx ecx edx esi edi ebp = args;
 * fn returns eax. The callee-saved registers (and ebp) are restored here.
 */
	.global enter
enter:
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	28(%esp), %eax			/* args (ret 16, fn 20, nr 24, args 28) */
	movl	0(%eax), %ebx
	movl	4(%eax), %ecx
	movl	8(%eax), %edx
	movl	12(%eax), %esi
	movl	16(%eax), %edi
	movl	20(%eax), %ebp
	movl	24(%esp), %eax			/* nr */
	call	*20(%esp)			/* fn (the operand is read before the push) */
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

/*
 * void call_regs(void *fn, long nr, struct regs *out) - call fn with eax =
 * nr and a known value in every other register (ebx 0x11111111 .. ebp
 * 0x66666666), then store ebx ecx edx esi edi ebp eax as they came back.
 */
	.global call_regs
call_regs:
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	24(%esp), %eax			/* nr (ret 16, fn 20, nr 24, out 28) */
	movl	$0x11111111, %ebx
	movl	$0x22222222, %ecx
	movl	$0x33333333, %edx
	movl	$0x44444444, %esi
	movl	$0x55555555, %edi
	movl	$0x66666666, %ebp
	call	*20(%esp)
	pushl	%eax
	movl	32(%esp), %eax			/* out (one push further) */
	movl	%ebx, 0(%eax)
	movl	%ecx, 4(%eax)
	movl	%edx, 8(%eax)
	movl	%esi, 12(%eax)
	movl	%edi, 16(%eax)
	movl	%ebp, 20(%eax)
	popl	24(%eax)
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

/*
 * long call_flags(void *fn, long nr, uint32_t set, uint32_t *after) - call
 * fn with eax = nr and the eflags bits `set` turned on (NT, AC, DF: what a
 * user may set with popf), store eflags as they came back in *after, and
 * give the caller its own eflags again.
 */
	.global call_flags
call_flags:
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	pushfl					/* the caller's eflags, for the end */
	movl	28(%esp), %eax			/* nr (ret 20, fn 24, nr 28, set 32, after 36) */
	pushfl
	movl	36(%esp), %ecx			/* set (one push further) */
	orl	%ecx, (%esp)
	popfl					/* the odd bits are on from here */
	call	*24(%esp)
	pushfl
	popl	%ecx				/* ecx = eflags after the call */
	popfl					/* the caller's eflags again */
	movl	32(%esp), %edx			/* after (ret 16 again) */
	movl	%ecx, (%edx)
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

/* The four ways in, each a function enter() calls. */
	.global via_int80
via_int80:
	int	$0x80
	ret

/* Linux's vDSO convention (docs/abi.md): the kernel returns to the vDSO's
 * int80_landing_pad, which pops ebp, edx, ecx and returns to our caller. */
	.global via_sysenter
via_sysenter:
	pushl	%ecx
	pushl	%edx
	pushl	%ebp
	movl	%esp, %ebp			/* the user esp, which sysenter does not save */
	sysenter
	ud2					/* never: the kernel returns to the landing pad */

	.global via_syscall32
via_syscall32:
	pushl	%ecx
	pushl	%edx
	pushl	%ebp
	movl	%ecx, %ebp			/* arg2: syscall overwrites ecx */
	syscall
	ud2

/* sysenter with the trap flag set (popf; sysenter, as Linux's selftest):
 * the kernel sees a #DB on its first instruction and must survive it; the
 * process gets SIGTRAP after the call returns. */
	.global sysenter_tf
sysenter_tf:
	movl	$20, %eax			/* getpid */
	pushl	%ecx
	pushl	%edx
	pushl	%ebp
	movl	%esp, %ebp
	pushfl
	orl	$0x100, (%esp)			/* TF */
	popfl
	sysenter
	ud2

/* A fast entry with a bad user stack: ebp (the esp the kernel is told)
 * points at an address given in eax' place; arg6 cannot be read there:
 * -EFAULT, then the landing pad's pops fault: SIGSEGV. */
	.global sysenter_badesp
sysenter_badesp:
	movl	4(%esp), %ebp
	movl	$20, %eax
	sysenter
	ud2

	.global syscall32_badesp
syscall32_badesp:
	movl	4(%esp), %esp			/* the stack the kernel reads arg6 from */
	movl	$20, %eax
	syscall
	ud2

/* The benchmark's calls: getpid with no more code than each path needs
 * (as trapbench's call_getpid_*), and an empty one for the timer's cost. */
	.global getpid_none, getpid_int80, getpid_vsyscall, getpid_sysenter, getpid_syscall32
getpid_none:
	ret
getpid_int80:
	movl	$20, %eax
	int	$0x80
	ret
getpid_vsyscall:
	movl	$20, %eax
	jmp	*vsyscall			/* its ret returns to our caller */
getpid_sysenter:
	movl	$20, %eax
	jmp	via_sysenter
getpid_syscall32:
	movl	$20, %eax
	jmp	via_syscall32

/* uint64_t rdtsc64(void): the TSC in edx:eax, serialised by lfence. */
	.global rdtsc64
rdtsc64:
	lfence
	rdtsc
	lfence
	ret

	.section .note.GNU-stack, "", @progbits
