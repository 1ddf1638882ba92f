/*
 * cpuid_freq.c - what CPUID says about the TSC's and the LAPIC timer's
 * rates, decoded from raw register values (calibrate.c reads them). No
 * hardware: host-tested.
 *
 * A leaf beyond the highest one the CPU has is not an error: Intel CPUs
 * answer it with the data of their highest basic leaf. So every leaf is
 * believed only after the maximum that covers it has been checked.
 */
#include "time/calib_math.h"

#define HV_PRESENT (1u << 31)           /* CPUID.1:ECX: running under a hypervisor */
#define LEAF_HV_MAX 0x400000ffu         /* the hypervisor range ends here */

void cpu_clock_decode(const struct cpu_clock_leaves *l, struct cpu_clock_report *r)
{
	uint32_t max_basic = l->basic0.eax;

	*r = (struct cpu_clock_report){ .source = FREQ_NONE };

	/* The hypervisor's timing leaf (VMware's, also QEMU/KVM's with
	 * vmware-cpuid-freq): the rates of this virtual machine. */
	if ((l->basic1.ecx & HV_PRESENT) && l->hv0.eax >= 0x40000010 && l->hv0.eax <= LEAF_HV_MAX &&
	    l->hv10.eax) {
		r->source = FREQ_HYPERVISOR;
		r->tsc_hz = (uint64_t)l->hv10.eax * 1000;
		r->lapic_bus_hz = (uint64_t)l->hv10.ebx * 1000;
		r->exact = true;
		return;
	}
	/* Leaf 0x15: TSC = crystal * EBX / EAX. All three must be there; a
	 * zero ECX means the crystal is not enumerated (we do not guess it
	 * from the model). On bare metal the LAPIC timer runs from the same
	 * crystal; under a hypervisor it runs from whatever clock the
	 * hypervisor chose (KVM: 1 GHz), so the crystal says nothing of it. */
	if (max_basic >= 0x15 && l->tsc15.eax && l->tsc15.ebx && l->tsc15.ecx) {
		r->source = FREQ_CPUID_15;
		r->tsc_hz = (uint64_t)l->tsc15.ecx * l->tsc15.ebx / l->tsc15.eax;
		r->lapic_bus_hz = (l->basic1.ecx & HV_PRESENT) ? 0 : l->tsc15.ecx;
		r->exact = true;
		return;
	}
	/* Leaf 0x16: the nominal base frequency in MHz; the TSC usually runs
	 * near it, but it is a label, not a measurement. */
	if (max_basic >= 0x16 && (l->freq16.eax & 0xffff)) {
		r->source = FREQ_CPUID_16;
		r->tsc_hz = (uint64_t)(l->freq16.eax & 0xffff) * 1000000;
		return;
	}
}

const char *freq_source_name(enum freq_source s)
{
	switch (s) {
	case FREQ_HYPERVISOR: return "hypervisor leaf 0x40000010";
	case FREQ_CPUID_15: return "CPUID leaf 0x15";
	case FREQ_CPUID_16: return "CPUID leaf 0x16";
	default: return "nothing";
	}
}
