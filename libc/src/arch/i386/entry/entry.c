/*
 * entry.c (i386) - which entry a -m32 program's wrappers use: the 32-bit
 * vDSO's __kernel_vsyscall (AT_SYSINFO: the kernel's own pick) when there
 * is one, else int $0x80; LIBC_SYSCALL=int80|sysenter|syscall forces one
 * instruction. sysenter and syscall return through the vDSO's landing pad,
 * so they are offered only with a vDSO, and only when AT_TRAPDOOR_ENTRIES
 * lists them. A kernel without that key (Linux) gets what the CPU vendor
 * allows in compat mode, as Linux's own vDSO decides: sysenter on Intel,
 * syscall on AMD (and Hygon).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "syscall.h"

typedef long (*call6)(long, long, long, long, long, long, long);

unsigned long __libc_sysinfo;
int __libc_entry_in_use = ENTRY_INT80_32;
call6 __libc_call6 = __syscall6_int80;   /* safe before crt decides */
static unsigned long offered = ENTRY_INT80_32;

static const struct {
	int entry;
	const char *name, *force;            /* libc_entry_name(), LIBC_SYSCALL's word */
	call6 fn;
} entries[] = {
	{ ENTRY_INT80_32, "int80_32", "int80", __syscall6_int80 },
	{ ENTRY_SYSENTER, "sysenter", "sysenter", __syscall6_sysenter },
	{ ENTRY_SYSCALL32, "syscall32", "syscall", __syscall6_syscall32 },
	{ ENTRY_KERNEL_VSYSCALL, "kernel_vsyscall", "kernel_vsyscall", __syscall6_vsyscall },
};
#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

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

void __libc_init_entry(void)
{
	const char *force = getenv("LIBC_SYSCALL");
	unsigned long t = getauxval(AT_TRAPDOOR_ENTRIES);

	__libc_sysinfo = getauxval(AT_SYSINFO);
	offered = ENTRY_INT80_32;
	if (getauxval(AT_SYSINFO_EHDR))      /* the landing pad the fast stubs return to */
		offered |= t ? t & (ENTRY_SYSENTER | ENTRY_SYSCALL32) : vendor_entries();
	if (__libc_sysinfo)
		offered |= ENTRY_KERNEL_VSYSCALL;
	libc_set_entry(__libc_sysinfo ? ENTRY_KERNEL_VSYSCALL : ENTRY_INT80_32);
	for (unsigned i = 0; force && i < NENTRIES; i++)
		if (strcmp(force, entries[i].force) == 0)
			libc_set_entry(entries[i].entry);
}

int libc_entry(void) { return __libc_entry_in_use; }

const char *libc_entry_name(void)
{
	for (unsigned i = 0; i < NENTRIES; i++)
		if (entries[i].entry == __libc_entry_in_use)
			return entries[i].name;
	return "?";
}

int libc_set_entry(int entry)
{
	for (unsigned i = 0; i < NENTRIES; i++)
		if (entries[i].entry == entry && (offered & (unsigned long)entry)) {
			__libc_entry_in_use = entry;
			__libc_call6 = entries[i].fn;
			return 0;
		}
	return -1;
}
