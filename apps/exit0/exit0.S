/*
 * exit0 - the smallest program: exit_group(0) and nothing else, no libc.
 * trapbench's fork_exec case execs it, so that case times fork, execve and
 * wait4 rather than a C runtime's start-up. The same source builds for
 * trapdoor (/bin/exit0, CMakeLists.txt here) and for Linux's initramfs
 * (/exit0, scripts/lib/linux.sh): both kernels exec the same three
 * instructions. 231 is exit_group on both (Linux x86-64 numbers).
 */
	.text
	.globl _start
_start:
	mov $231, %eax
	xor %edi, %edi
	syscall
	ud2                     /* not reached */
