/*
 * sys/entry_i386.h - the raw calls of a -m32 program (included by
 * sys/entry.h): Linux's i386 convention, number in eax, arguments in ebx
 * ecx edx esi edi ebp, result in eax. Each is a small function in
 * libc/src/arch/i386/syscall.S.
 *
 * sysenter and syscall32 follow the 32-bit vDSO's convention (push ecx,
 * edx, ebp; then mov %esp,%ebp; sysenter or mov %ecx,%ebp; syscall): the
 * kernel returns to the vDSO's int80 landing pad, which pops the three and
 * returns to the stub's caller. So they need the vDSO (AT_SYSINFO_EHDR),
 * on trapdoor and on Linux alike.
 */
#ifndef _SYS_ENTRY_I386_H
#define _SYS_ENTRY_I386_H

/* libc's own entry value (no kernel bit): call *AT_SYSINFO. */
#define ENTRY_KERNEL_VSYSCALL (1u << 16)

long __syscall6_int80(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall6_sysenter(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall6_syscall32(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall6_vsyscall(long n, long a1, long a2, long a3, long a4, long a5, long a6);

/* AT_SYSINFO: __kernel_vsyscall's address (0 when the kernel gave none). */
extern unsigned long __libc_sysinfo;

#endif
