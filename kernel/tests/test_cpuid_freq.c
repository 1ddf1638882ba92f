/*
 * test_cpuid_freq.c - host tests for kernel/time/cpuid_freq.c: which
 * frequency the raw CPUID leaves report, if any. The cases are the CPUs
 * and hypervisors trapdoor meets (QEMU TCG, KVM with a timing leaf, Intel
 * with and without the crystal) and the traps: leaves past the maximum
 * (Intel answers them with its highest basic leaf) and hypervisor leaves
 * with no hypervisor.
 */
#include "check.h"
#include "time/calib_math.h"

#define HV (1u << 31)

static struct cpu_clock_report decode(const struct cpu_clock_leaves *l)
{
	struct cpu_clock_report r;

	cpu_clock_decode(l, &r);
	return r;
}

/* QEMU TCG, -cpu max: AMD, basic leaves up to 0xd, a hypervisor whose
 * leaves end at 0x40000001 ("TCGTCGTCGTCG"): nothing reported. */
static void test_qemu_tcg(void)
{
	struct cpu_clock_leaves l = {
		.basic0 = { .eax = 0xd }, .basic1 = { .ecx = HV | 0x1234 },
		.tsc15 = { .eax = 7, .ebx = 8, .ecx = 9, .edx = 10 }, .freq16 = { .eax = 2300 },   /* garbage past the maximum */
		.hv0 = { .eax = 0x40000001 }, .hv10 = { .eax = 2294688, .ebx = 1000000 },
	};
	struct cpu_clock_report r = decode(&l);

	CHECK_EQ(r.source, FREQ_NONE);
	CHECK_EQ(r.tsc_hz, 0);
	CHECK_EQ(r.lapic_bus_hz, 0);
	CHECK(!r.exact);
}

/* KVM with vmware-cpuid-freq (or VMware): the timing leaf, exact. */
static void test_hypervisor_leaf(void)
{
	struct cpu_clock_leaves l = {
		.basic0 = { .eax = 0x16 }, .basic1 = { .ecx = HV },
		.tsc15 = { .eax = 2, .ebx = 188, .ecx = 24000000 }, .freq16 = { .eax = 2400 },
		.hv0 = { .eax = 0x40000010 }, .hv10 = { .eax = 2294688, .ebx = 1000000 },
	};
	struct cpu_clock_report r = decode(&l);

	CHECK_EQ(r.source, FREQ_HYPERVISOR);             /* before leaf 0x15 */
	CHECK_EQ(r.tsc_hz, 2294688000ULL);
	CHECK_EQ(r.lapic_bus_hz, 1000000000ULL);
	CHECK(r.exact);
	CHECK_STR(freq_source_name(r.source), "hypervisor leaf 0x40000010");

	l.hv0.eax = 0x4000000f;                          /* the leaf is past its maximum */
	CHECK_EQ(decode(&l).source, FREQ_CPUID_15);
	l.hv0.eax = 0x40000105;                          /* not a hypervisor-range maximum */
	CHECK_EQ(decode(&l).source, FREQ_CPUID_15);
	l.hv0.eax = 0x40000010;
	l.hv10.eax = 0;                                  /* the leaf says nothing about the TSC */
	CHECK_EQ(decode(&l).source, FREQ_CPUID_15);
}

/* Without the hypervisor bit, leaf 0x40000000 is not a hypervisor's: an
 * Intel CPU answers it with its highest basic leaf, whatever that holds. */
static void test_no_hypervisor(void)
{
	struct cpu_clock_leaves l = {
		.basic0 = { .eax = 0x1f }, .basic1 = { .ecx = 0x7ffefbff },
		.hv0 = { .eax = 0x40000010 }, .hv10 = { .eax = 2294688, .ebx = 1000000 },
	};

	CHECK_EQ(decode(&l).source, FREQ_NONE);
}

/* Intel with the crystal enumerated: TSC = 24 MHz * 188 / 2 = 2256 MHz. */
static void test_leaf_15(void)
{
	struct cpu_clock_leaves l = {
		.basic0 = { .eax = 0x16 }, .tsc15 = { .eax = 2, .ebx = 188, .ecx = 24000000 }, .freq16 = { .eax = 2300 },
	};
	struct cpu_clock_report r = decode(&l);

	CHECK_EQ(r.source, FREQ_CPUID_15);
	CHECK_EQ(r.tsc_hz, 2256000000ULL);
	CHECK_EQ(r.lapic_bus_hz, 24000000);
	CHECK(r.exact);

	/* The same leaf seen by a guest: the TSC still holds, the LAPIC timer's
	 * rate is the hypervisor's own, not the crystal's. */
	l.basic1.ecx = 1u << 31;
	r = decode(&l);
	CHECK_EQ(r.tsc_hz, 2256000000ULL);
	CHECK_EQ(r.lapic_bus_hz, 0);
	l.basic1.ecx = 0;

	/* The largest register values: the product still fits 64 bits. */
	l.tsc15 = (struct cpuid_regs){ .eax = 1, .ebx = 0xffffffff, .ecx = 0xffffffff };
	CHECK_EQ(decode(&l).tsc_hz, 0xffffffffULL * 0xffffffffULL);
}

/* Intel without the crystal (ECX = 0): only the nominal base of leaf 0x16,
 * a hint, not exact. */
static void test_leaf_16_hint(void)
{
	struct cpu_clock_leaves l = {
		.basic0 = { .eax = 0x16 }, .tsc15 = { .eax = 2, .ebx = 200, .ecx = 0 }, .freq16 = { .eax = 0x00640960 },  /* 2400 MHz; bits 16+ ignored */
	};
	struct cpu_clock_report r = decode(&l);

	CHECK_EQ(r.source, FREQ_CPUID_16);
	CHECK_EQ(r.tsc_hz, 2400000000ULL);
	CHECK_EQ(r.lapic_bus_hz, 0);
	CHECK(!r.exact);
	CHECK_STR(freq_source_name(r.source), "CPUID leaf 0x16");

	l.tsc15 = (struct cpuid_regs){ .eax = 0, .ebx = 200, .ecx = 24000000 };   /* no ratio denominator */
	CHECK_EQ(decode(&l).source, FREQ_CPUID_16);
	l.freq16.eax = 0x00640000;                           /* base MHz 0: nothing */
	CHECK_EQ(decode(&l).source, FREQ_NONE);
}

/* Leaves past the CPU's maximum are never believed (Intel's answer to
 * them is its highest basic leaf's data). */
static void test_past_maximum(void)
{
	struct cpu_clock_leaves l = {
		.basic0 = { .eax = 0x14 }, .tsc15 = { .eax = 1, .ebx = 2, .ecx = 3, .edx = 4 }, .freq16 = { .eax = 1, .ebx = 2, .ecx = 3, .edx = 4 },
	};

	CHECK_EQ(decode(&l).source, FREQ_NONE);
	l.basic0.eax = 0x15;                              /* 0x15 is there, 0x16 is not */
	l.tsc15 = (struct cpuid_regs){ .eax = 2, .ebx = 200, .ecx = 0 };
	l.freq16 = (struct cpuid_regs){ .eax = 2400 };
	CHECK_EQ(decode(&l).source, FREQ_NONE);
	l.basic0.eax = 0x16;
	CHECK_EQ(decode(&l).source, FREQ_CPUID_16);
	CHECK_STR(freq_source_name(FREQ_NONE), "nothing");
}

int main(void)
{
	test_qemu_tcg();
	test_hypervisor_leaf();
	test_no_hypervisor();
	test_leaf_15();
	test_leaf_16_hint();
	test_past_maximum();
	return check_done();
}
