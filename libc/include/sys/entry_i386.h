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

/* libc's own path, the one row LIBC_ENTRIES has beyond the kernel's list
 * (api/entry_paths.h): call *AT_SYSINFO, which enters by one of the others.
 * Its bit is libc's alone (no kernel bit is this high). */
#define ENTRY_KERNEL_VSYSCALL (1u << 16)
enum { __entry_bit_kernel_vsyscall = (int)ENTRY_KERNEL_VSYSCALL, __entry_mode_kernel_vsyscall = 32 };

long __syscall6_int80(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall6_sysenter(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall6_syscall32(long n, long a1, long a2, long a3, long a4, long a5, long a6);
long __syscall6_vsyscall(long n, long a1, long a2, long a3, long a4, long a5, long a6);

/* libc's entry paths under -m32 (sys/entry.h has the x86-64 list and
 * the columns), in api/entry_paths.h's order, then kernel_vsyscall. */
#define LIBC_ENTRIES(X) \
	X(int80_32,        "int80",           __syscall6_int80) \
	X(sysenter,        "sysenter",        __syscall6_sysenter) \
	X(syscall32,       "syscall",         __syscall6_syscall32) \
	X(kernel_vsyscall, "kernel_vsyscall", __syscall6_vsyscall)

/* AT_SYSINFO: __kernel_vsyscall's address (0 when the kernel gave none). */
extern unsigned long __libc_sysinfo;

#endif
