/* percpu.c - the (one) per-CPU area and the GS set-up (see arch/percpu.h). */
#include "arch/cpu.h"
#include "arch/percpu.h"

static struct percpu cpu0;

void percpu_init(void)
{
	cpu0.self = &cpu0;
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);      /* the first user process starts with GS.base 0 */
}
