/*
 * offered.c (i386) - the entries a -m32 program may use, and the one libc
 * prefers: the 32-bit vDSO's __kernel_vsyscall (AT_SYSINFO: the kernel's
 * own pick) when there is one, else int $0x80. sysenter and syscall return
 * through the vDSO's landing pad, so they are offered only with a vDSO,
 * and only when AT_TRAPDOOR_ENTRIES lists them. A kernel without that key
 * (Linux) gets what the CPU vendor allows in compat mode, as Linux's own
 * vDSO decides: sysenter on Intel, syscall on AMD (and Hygon).
 */
#include <sys/auxv.h>

#include "syscall.h"

unsigned long __libc_sysinfo;

/* The fast compat entry this CPU has: CPUID leaf 0's vendor string. */
static unsigned long vendor_entries(void)
{
	unsigned int a = 0, b, c, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	if (b == 0x756e6547 && d == 0x49656e69 && c == 0x6c65746e)      /* "Genu" "ineI" "ntel" */
		return ENTRY_SYSENTER;
	if ((b == 0x68747541 && d == 0x69746e65 && c == 0x444d4163) ||  /* "Auth" "enti" "cAMD" */
	    (b == 0x6f677948 && d == 0x6e65476e && c == 0x656e6975))    /* "Hygo" "nGen" "uine" */
		return ENTRY_SYSCALL32;
	return 0;
}

int __libc_offered_entries(unsigned long *offered)
{
	unsigned long t = getauxval(AT_TRAPDOOR_ENTRIES);

	__libc_sysinfo = getauxval(AT_SYSINFO);
	*offered = ENTRY_INT80_32;
	if (getauxval(AT_SYSINFO_EHDR))      /* the landing pad the fast stubs return to */
		*offered |= t ? t & (ENTRY_SYSENTER | ENTRY_SYSCALL32) : vendor_entries();
	if (__libc_sysinfo)
		*offered |= ENTRY_KERNEL_VSYSCALL;
	return __libc_sysinfo ? ENTRY_KERNEL_VSYSCALL : ENTRY_INT80_32;
}
