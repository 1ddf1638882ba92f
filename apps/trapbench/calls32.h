/*
 * calls32.h - trapbench32's cases (trapbench.c built -m32, for trapdoor
 * with libc32 and for Linux with gcc -m32 -static): getpid through each
 * way a 32-bit process enters the kernel, and clock_gettime through the
 * 32-bit vDSO, which enters none. Path names are the ones conform32 uses:
 *
 *   int80_32         int $0x80 from compat mode
 *   sysenter         push ecx, edx, ebp; mov %esp,%ebp; sysenter (Intel)
 *   syscall32        push ecx, edx, ebp; mov %ecx,%ebp; syscall (AMD)
 *   kernel_vsyscall  call *AT_SYSINFO: the vDSO's pick of the three
 *   vdso32           clock_gettime in the 32-bit vDSO
 *
 * and clock_gettime, read and write by int $0x80 beside the 64-bit ones.
 *
 * sysenter and syscall32 are inline copies of __kernel_vsyscall's body:
 * the kernel returns to the vDSO's landing pad, which pops ebp, edx, ecx
 * and returns, so each is entered by a call (to the local label 1) and
 * comes back to the jmp after it.
 */
#ifndef TRAPBENCH_CALLS32_H
#define TRAPBENCH_CALLS32_H

#include <string.h>

#include "vendor.h"

/* What a case needs beyond int $0x80 (os_offers() says what is there). */
#define NEED_VDSO     1u
#define NEED_SYSENTER 2u
#define NEED_SYSCALL  4u
#define NEED_SYSINFO  8u

static struct timespec ts;
static unsigned long sysinfo;            /* AT_SYSINFO: __kernel_vsyscall */

static void call_none(void) {}

static void call_getpid_int80_32(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(NR_GETPID_INT80) : "memory");
}

static void call_getpid_sysenter(void)
{
	long r;
	__asm__ volatile("call 1f\n\t"
			 "jmp 2f\n"
			 "1:\tpushl %%ecx\n\t"
			 "pushl %%edx\n\t"
			 "pushl %%ebp\n\t"
			 "movl %%esp, %%ebp\n\t"     /* sysenter keeps no esp */
			 "sysenter\n"
			 "2:" : "=a"(r) : "a"(NR_GETPID_INT80) : "memory");
}

static void call_getpid_syscall32(void)
{
	long r;
	__asm__ volatile("call 1f\n\t"
			 "jmp 2f\n"
			 "1:\tpushl %%ecx\n\t"
			 "pushl %%edx\n\t"
			 "pushl %%ebp\n\t"
			 "movl %%ecx, %%ebp\n\t"     /* syscall overwrites ecx */
			 "syscall\n"
			 "2:" : "=a"(r) : "a"(NR_GETPID_INT80) : "memory");
}

static void call_getpid_vsyscall(void)
{
	long r;
	__asm__ volatile("call *%1" : "=a"(r) : "r"(sysinfo), "a"(NR_GETPID_INT80) : "memory");
}

static void call_clock_int80_32(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(NR_CLOCK_INT80), "b"(CLOCK_MONOTONIC), "c"(&ts) : "memory");
}

static void call_clock_vdso(void) { clock_gettime(CLOCK_MONOTONIC, &ts); }

/* One byte from /dev/zero, one byte to /dev/null, by int $0x80. */
static int zero_fd, null_fd;
static char byte;

static inline void int80_32_3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
}

static void call_read_int80_32(void) { int80_32_3(NR_READ_INT80, zero_fd, (long)&byte, 1); }
static void call_write_int80_32(void) { int80_32_3(NR_WRITE_INT80, null_fd, (long)&byte, 1); }

static const struct bench {
	const char *path, *call;
	void (*fn)(void);
	unsigned needs;                  /* NEED_* bits */
} benches[] = {
	{ "none32", "empty", call_none, 0 },
	{ "int80_32", "getpid", call_getpid_int80_32, 0 },
	{ "sysenter", "getpid", call_getpid_sysenter, NEED_VDSO | NEED_SYSENTER },
	{ "syscall32", "getpid", call_getpid_syscall32, NEED_VDSO | NEED_SYSCALL },
	{ "kernel_vsyscall", "getpid", call_getpid_vsyscall, NEED_SYSINFO },
	{ "int80_32", "clock_gettime", call_clock_int80_32, 0 },
	{ "vdso32", "clock_gettime", call_clock_vdso, NEED_VDSO },
	{ "int80_32", "read", call_read_int80_32, 0 },
	{ "int80_32", "write", call_write_int80_32, 0 },
};

/* The cases this system offers: the vDSO, AT_SYSINFO, and the fast entry
 * the kernel lists (trapdoor: AT_TRAPDOOR_ENTRIES) or, on Linux, the one
 * the CPU vendor has in compat mode (sysenter on Intel, syscall on AMD). */
static unsigned os_offers(void)
{
	unsigned have = os_has_vdso() ? NEED_VDSO : 0;
	char vendor[13];

	sysinfo = getauxval(AT_SYSINFO);
	if (sysinfo)
		have |= NEED_SYSINFO;
#ifdef __linux__
	cpu_vendor(vendor);
	if (strcmp(vendor, "GenuineIntel") == 0)
		have |= NEED_SYSENTER;
	else if (strcmp(vendor, "AuthenticAMD") == 0 || strcmp(vendor, "HygonGenuine") == 0)
		have |= NEED_SYSCALL;
#else
	unsigned long e = getauxval(AT_TRAPDOOR_ENTRIES);
	(void)vendor;
	if (e & ENTRY_SYSENTER)
		have |= NEED_SYSENTER;
	if (e & ENTRY_SYSCALL32)
		have |= NEED_SYSCALL;
#endif
	return have;
}

#endif
