/*
 * cpuinfo.c - /proc/cpuinfo (proc(5)): Linux's "name\t: value" block for
 * each online CPU (arch/x86/kernel/cpu/proc.c), its flags named as Linux's
 * cpufeatures.h names them, word by word in Linux's order. Bits with no
 * name here (or that Linux hides) are left out.
 */
#include "fs/proc_text.h"

static const char *const flag_names[CPUW_N][32] = {
	[CPUW_1_EDX] = {
		"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", 0, "sep",
		"mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", 0, "dts", "acpi", "mmx",
		"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe" },
	[CPUW_X1_EDX] = {
		[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext", [25] = "fxsr_opt",
		[26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm", [30] = "3dnowext", [31] = "3dnow" },
	[CPUW_1_ECX] = {
		"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est", "tm2", "ssse3",
		"cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", 0, "pcid", "dca", "sse4_1", "sse4_2",
		"x2apic", "movbe", "popcnt", "tsc_deadline_timer", "aes", "xsave", 0, "avx", "f16c",
		"rdrand", "hypervisor" },
	[CPUW_X1_ECX] = {
		"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm", "sse4a", "misalignsse",
		"3dnowprefetch", "osvw", "ibs", "xop", "skinit", "wdt", 0, "lwp", "fma4", "tce", 0,
		"nodeid_msr", 0, "tbm", "topoext", "perfctr_core", "perfctr_nb", 0, "bpext", "ptsc",
		"perfctr_llc", "mwaitx" },
	[CPUW_7_EBX] = {
		"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", 0, "smep", "bmi2", "erms",
		"invpcid", "rtm", "cqm", 0, "mpx", "rdt_a", "avx512f", "avx512dq", "rdseed", "adx",
		"smap", "avx512ifma", 0, "clflushopt", "clwb", "intel_pt", "avx512pf", "avx512er",
		"avx512cd", "sha_ni", "avx512bw", "avx512vl" },
	[CPUW_7_ECX] = {
		[1] = "avx512vbmi", [2] = "umip", [3] = "pku", [4] = "ospke", [5] = "waitpkg",
		[6] = "avx512_vbmi2", [8] = "gfni", [9] = "vaes", [10] = "vpclmulqdq",
		[11] = "avx512_vnni", [12] = "avx512_bitalg", [13] = "tme", [14] = "avx512_vpopcntdq",
		[16] = "la57", [22] = "rdpid", [25] = "cldemote", [27] = "movdiri", [28] = "movdir64b" },
	[CPUW_7_EDX] = {
		[2] = "avx512_4vnniw", [3] = "avx512_4fmaps", [4] = "fsrm", [8] = "avx512_vp2intersect",
		[10] = "md_clear", [14] = "serialize", [16] = "tsxldtrk", [18] = "pconfig",
		[19] = "arch_lbr", [22] = "amx_bf16", [23] = "avx512_fp16", [24] = "amx_tile",
		[25] = "amx_int8", [28] = "flush_l1d", [29] = "arch_capabilities" },
};

static void flags(struct seqbuf *s, const struct cpu_snap *c)
{
	seq_puts(s, "flags\t\t:");
	for (int w = 0; w < CPUW_N; w++)
		for (int b = 0; b < 32; b++)
			if ((c->words[w] >> b & 1) && flag_names[w][b])
				seq_printf(s, " %s", flag_names[w][b]);
	seq_putc(s, '\n');
}

void proc_cpuinfo(struct seqbuf *s, const struct cpu_snap *c, unsigned cpu, unsigned apicid, unsigned ncpus)
{
	uint64_t mips = c->khz * 2 / 10;           /* BogoMIPS, in hundredths: twice the MHz */

	seq_printf(s, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		      "model name\t: %s\nstepping\t: %u\n", cpu, c->vendor, c->family, c->model,
		   c->model_name, c->stepping);
	seq_printf(s, "cpu MHz\t\t: %lu.%03lu\n", c->khz / 1000, c->khz % 1000);
	/* One package whose cores are the CPUs (QEMU's -smp N gives N cores
	 * by default), core id the CPU's index. */
	seq_printf(s, "physical id\t: 0\nsiblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\n"
		      "apicid\t\t: %u\ninitial apicid\t: %u\nfpu\t\t: yes\nfpu_exception\t: yes\n",
		   ncpus, cpu, ncpus, apicid, apicid);
	seq_printf(s, "cpuid level\t: %u\nwp\t\t: yes\n", c->cpuid_level);
	flags(s, c);
	seq_printf(s, "bugs\t\t:\nbogomips\t: %lu.%02lu\n", mips / 100, mips % 100);
	seq_printf(s, "clflush size\t: %u\ncache_alignment\t: %u\n", c->clflush, c->clflush);
	seq_printf(s, "address sizes\t: %u bits physical, %u bits virtual\npower management:\n\n",
		   c->phys_bits, c->virt_bits);
}
