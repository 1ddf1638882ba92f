/* vendor.h - the CPU vendor the guest sees: CPUID leaf 0's twelve bytes
 * ("GenuineIntel", "AuthenticAMD"), the "guest_vendor" key of BENCH lines. */
#ifndef TRAPBENCH_VENDOR_H
#define TRAPBENCH_VENDOR_H

#include <stdint.h>
#include <string.h>

/* Fill out (13 bytes) with the vendor string: ebx, edx, ecx in that order. */
static inline void cpu_vendor(char out[13])
{
	uint32_t eax = 0, ebx, ecx, edx;

	__asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	memcpy(out, &ebx, 4);
	memcpy(out + 4, &edx, 4);
	memcpy(out + 8, &ecx, 4);
	out[12] = '\0';
}

#endif
