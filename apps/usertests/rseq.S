/*
 * rseq.S - restartable-sequence critical sections for t_rseq.c. Each
 * function enters its section by storing the section's struct rseq_cs
 * in area->rseq_cs (offset 8); only an abort leaves the section, at
 * abort_ip, which returns 1. The 4 bytes before each abort_ip are the
 * signature the kernel checks (RSEQ_SIG, or a wrong one).
 */
#define RSEQ_SIG 0x53053053

/* One struct rseq_cs: version 0, flags 0, start_ip, post_commit_offset, abort_ip. */
#define RSEQ_CS(name, start, end, abort) \
	.pushsection .data; .balign 32; name: .long 0, 0; .quad start, end - start, abort; .popsection

	.text

/* long rseq_spin(struct rseq *area): spin inside a section until the
 * timer preempts it, which must abort it. */
	.global rseq_spin
rseq_spin:
	leaq	spin_cs(%rip), %rax
	movq	%rax, 8(%rdi)			/* area->rseq_cs = &spin_cs: in */
spin_start:
	jmp	spin_start
spin_end:
	.long	RSEQ_SIG
spin_abort:
	movl	$1, %eax
	ret
	RSEQ_CS(spin_cs, spin_start, spin_end, spin_abort)

/* long rseq_kill_self(struct rseq *area, long pid, long sig): inside a
 * section, kill(pid, sig) by syscall: the signal is delivered on the
 * way out, which must abort the section (its handler sees abort_ip as
 * the saved rip). Falling out of the section returns 0. */
	.global rseq_kill_self
rseq_kill_self:
	leaq	kill_cs(%rip), %rax
	movq	%rax, 8(%rdi)
kill_start:
	movl	$62, %eax			/* SYS_kill */
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	syscall
	jmp	kill_start			/* (never twice: the signal aborts) */
kill_end:
	.long	RSEQ_SIG
	.global rseq_kill_abort
rseq_kill_abort:
	movl	$1, %eax
	ret
	RSEQ_CS(kill_cs, kill_start, kill_end, rseq_kill_abort)

/* long rseq_spin_badsig(struct rseq *area): as rseq_spin, but the bytes
 * before abort_ip are not the signature: preemption must end the
 * process with SIGSEGV. */
	.global rseq_spin_badsig
rseq_spin_badsig:
	leaq	bad_cs(%rip), %rax
	movq	%rax, 8(%rdi)
bad_start:
	jmp	bad_start
bad_end:
	.long	RSEQ_SIG + 1
bad_abort:
	movl	$1, %eax
	ret
	RSEQ_CS(bad_cs, bad_start, bad_end, bad_abort)
