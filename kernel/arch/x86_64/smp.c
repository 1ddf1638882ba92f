/*
 * smp.c - start every CPU the ACPI MADT lists and park it (arch/smp.h).
 *
 * The BSP makes everything an AP needs before starting it (its struct
 * percpu, IST and kernel stacks: the allocators are not safe to call from
 * two CPUs), copies the real-mode trampoline (trampoline.S) to low pages
 * and starts the APs one at a time with INIT, 10 ms, SIPI, 200 us, SIPI
 * (Intel SDM vol. 3A, "MP initialization"). An AP runs cpu_local_init,
 * the BSP's own per-CPU set-up, turns its LAPIC and timer on, fills its
 * self-check record and goes idle. One that does not answer within
 * AP_TIMEOUT_MS is reported, sent INIT again (back to waiting for a SIPI,
 * so it cannot wake on a later AP's data) and skipped.
 *
 * Low memory: the trampoline's pages are below 1 MiB, in memory the
 * loader's map calls usable. The frame allocator never hands out anything
 * below 1 MiB (mm/pmm.h, PMM_LOW_RESERVED), so nothing else can be there;
 * the loader needs to reserve nothing (docs/boot.md).
 *
 * The TSC: QEMU gives every vCPU one TSC (the same count at the same
 * moment, as a host with an invariant, synchronised TSC does), so the
 * vvar page's one TSC-based clock serves every CPU and nothing here
 * synchronises TSCs.
 */
#include "arch/cpu.h"
#include "arch/irq.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "kernel.h"
#include "lib/fmt.h"
#include "mm/pmm.h"
#include "proc.h"
#include "time/clock.h"
#include "time/timer.h"

#define AP_TIMEOUT_MS 1000         /* TCG with a loaded host starts an AP in a few ms */
#define TRAMP_PAGES 4              /* code+data, PML4, PDPT, PD */
#define IST_PAGES 4
#define IDLE_STACK_PAGES 4

struct percpu cpus[MAX_CPUS];
volatile unsigned ncpus_online = 1;
struct cpu_selfcheck ap_selfcheck[MAX_CPUS];

static unsigned listed = 1;        /* processors in the MADT (1 when there is none) */
static struct madt_info madt;
static volatile unsigned ap_ready; /* set by the AP being started, once it is idle */
static volatile unsigned panic_ap = ~0u;  /* ktest panic-ap: the AP that panics on purpose */

extern const char trampoline_start[], trampoline_end[], tr_gdt[], tr_gdtr[], tr_far32[], tr_far64[],
	tr_prot[], tr_long[], tr_pml4[], tr_cr4[], tr_cr0[], tr_efer[], tr_cr3[], tr_stack[], tr_percpu[],
	tr_entry[];
void ap_start64(void);
void ap_main(struct percpu *pc) __attribute__((noreturn));

static uint64_t tramp;             /* physical address of the trampoline's first page */

/* Where the label sym of trampoline.S lies in the copy: its kernel address
 * and its physical one. */
static void *tr_at(const char *sym) { return (char *)phys_to_virt(tramp) + (sym - trampoline_start); }
static uint32_t tr_phys(const char *sym) { return (uint32_t)(tramp + (sym - trampoline_start)); }

/* Spin for us microseconds by the TSC (calibrated by timer_init). */
static void delay_us(uint64_t us)
{
	uint64_t end = rdtsc() + tsc_hz / 1000000 * us;

	while (rdtsc() < end)
		pause();
}

/* TRAMP_PAGES free pages below 1 MiB (not page 0) in usable memory, or 0. */
static uint64_t find_low_pages(void)
{
	const struct bi_mem_region *m = phys_to_virt(boot->mem_map);

	for (uint64_t i = 0; i < boot->mem_map_count; i++) {
		uint64_t lo = m[i].base < PAGE_SIZE ? PAGE_SIZE : m[i].base, hi = m[i].base + m[i].length;
		if (m[i].type != BI_MEM_USABLE)
			continue;
		if (hi > PMM_LOW_RESERVED)
			hi = PMM_LOW_RESERVED;
		if (lo < hi && hi - lo >= TRAMP_PAGES * PAGE_SIZE)
			return lo;
	}
	return 0;
}

/* Copy the trampoline and build its tables; the per-AP fields are filled by start_ap. */
static void tramp_setup(void)
{
	uint64_t *pml4 = phys_to_virt(tramp + PAGE_SIZE), *pdpt = phys_to_virt(tramp + 2 * PAGE_SIZE),
		 *pd = phys_to_virt(tramp + 3 * PAGE_SIZE), *kernel = vmm_kernel_root();

	memset(phys_to_virt(tramp), 0, TRAMP_PAGES * PAGE_SIZE);
	memcpy(phys_to_virt(tramp), trampoline_start, trampoline_end - trampoline_start);
	for (int i = 256; i < 512; i++)
		pml4[i] = kernel[i];           /* the kernel half: the kernel's own PDPTs, shared */
	pml4[0] = (tramp + 2 * PAGE_SIZE) | PTE_P | PTE_W;
	pdpt[0] = (tramp + 3 * PAGE_SIZE) | PTE_P | PTE_W;
	pd[0] = 0 | PTE_P | PTE_W | PTE_PS; /* [0, 2 MiB) identity-mapped: the trampoline's code */

	*(uint32_t *)tr_at(tr_gdtr + 2) = tr_phys(tr_gdt);
	*(uint32_t *)tr_at(tr_far32) = tr_phys(tr_prot);
	*(uint32_t *)tr_at(tr_far64) = tr_phys(tr_long);
	*(uint32_t *)tr_at(tr_pml4) = (uint32_t)(tramp + PAGE_SIZE);
	*(uint32_t *)tr_at(tr_cr4) = (uint32_t)(read_cr4() & ~(1ULL << 17));  /* no PCIDE outside long mode */
	*(uint32_t *)tr_at(tr_cr0) = (uint32_t)read_cr0();
	*(uint32_t *)tr_at(tr_efer) = (uint32_t)((1 << 8) /* LME */ | (rdmsr(MSR_EFER) & EFER_NXE));
	*(uint64_t *)tr_at(tr_cr3) = read_cr3();
	*(uint64_t *)tr_at(tr_entry) = (uint64_t)ap_start64;
}

/* The identity map and the code go once every AP is up: nothing runs there again. */
static void tramp_teardown(void)
{
	memset(phys_to_virt(tramp), 0, TRAMP_PAGES * PAGE_SIZE);
}

/* Start the AP with this APIC id as CPU index i; true once it is idle. */
static bool start_ap(unsigned i, uint32_t apic_id)
{
	struct percpu *pc = &cpus[i];
	uint64_t t0;

	pc->cpu = i;
	pc->apic_id = apic_id;
	for (int ist = 1; ist <= 3; ist++)     /* #DF, NMI, #MC: guarded stacks of its own */
		tss_set_ist(pc, ist, kstack_alloc(IST_PAGES));
	*(uint64_t *)tr_at(tr_stack) = kstack_alloc(IDLE_STACK_PAGES);
	*(uint64_t *)tr_at(tr_percpu) = (uint64_t)pc;
	ap_ready = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);

	lapic_send_init(apic_id);
	delay_us(10000);
	for (int n = 0; n < 2 && !ap_ready; n++) {
		lapic_send_sipi(apic_id, (uint8_t)(tramp >> 12));
		delay_us(200);
	}
	t0 = rdtsc();
	while (!__atomic_load_n(&ap_ready, __ATOMIC_ACQUIRE)) {
		if (tsc_to_ns(rdtsc() - t0) > AP_TIMEOUT_MS * 1000000ULL) {
			lapic_send_init(apic_id);   /* back to waiting for a SIPI */
			return false;
		}
		pause();
	}
	return true;
}

void smp_boot(void)
{
	uint32_t bsp = lapic_id();
	char ids[MAX_CPUS * 4 + 1] = "";
	size_t used = 0;

	cpus[0].apic_id = bsp;
	acpi_madt(boot->rsdp, &madt);
	listed = madt.ncpus ? madt.ncpus : 1;
	if (madt.ncpus > 1 && !(tramp = find_low_pages()))
		kprintf("smp: no free page below 1 MiB for the AP trampoline; the APs stay off\n");
	if (tramp)
		tramp_setup();
	for (unsigned k = 0; tramp && k < madt.ncpus; k++) {
		uint32_t id = madt.cpu_apic_id[k];
		if (id == bsp)
			continue;
		if (ncpus_online == MAX_CPUS) {
			kprintf("smp: CPU with LAPIC id %u left off: MAX_CPUS is %d\n", id, MAX_CPUS);
			continue;
		}
		if (id > 0xfe) {                   /* xAPIC IPIs address 8-bit ids; 0xff is the broadcast */
			kprintf("smp: CPU with x2APIC id %u left off: this kernel runs the LAPIC in xAPIC mode\n", id);
			continue;
		}
		if (!start_ap(ncpus_online, id)) {
			kprintf("smp: CPU with LAPIC id %u did not answer within %d ms; skipped\n", id, AP_TIMEOUT_MS);
			continue;
		}
		ncpus_online++;
	}
	if (tramp)
		tramp_teardown();
	for (unsigned i = 0; i < ncpus_online; i++)
		used += fmt_snprintf(ids + used, sizeof(ids) - used, " %u", cpus[i].apic_id);
	kprintf("smp: %u CPU%s online (LAPIC ids%s)\n", ncpus_online, ncpus_online == 1 ? "" : "s", ids);
}

unsigned smp_cpus_listed(void)
{
	return listed;
}

/* Wait here for work. The next step's scheduler runs processes on this
 * CPU from here: it will take the CPU's run queue when VEC_RESCHEDULE (or
 * its own tick) wakes it. Until then only the AP's own timer and IPIs
 * wake it, and nothing it runs touches shared state. */
static void __attribute__((noreturn)) ap_idle(struct percpu *pc)
{
	/* Halt until CPU 0's scheduler runs (the kernel is set up then, and
	 * init queued), then schedule threads here too (proc/sched.c). */
	while (!__atomic_load_n(&sched_started, __ATOMIC_ACQUIRE)) {
		if (panic_ap == pc->cpu)
			panic("ktest: panic on CPU %u on purpose (test=panic-ap)", pc->cpu);
		__asm__ volatile("sti; hlt; cli" ::: "memory");
	}
	scheduler();
	panic("an AP's scheduler returned");
}

void ap_main(struct percpu *pc)
{
	cpu_local_init(pc);                /* the BSP's own per-CPU set-up, for this CPU */
	lapic_cpu_init();
	timer_start();                     /* its own tick, at the BSP's rate */
	smp_selfcheck(&ap_selfcheck[pc->cpu]);
	__atomic_store_n(&ap_ready, 1, __ATOMIC_RELEASE);
	ap_idle(pc);
}

void smp_selfcheck(struct cpu_selfcheck *r)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) g, i;
	uint32_t lo, hi;

	*r = (struct cpu_selfcheck){ 0 };
	__asm__ volatile("sgdt %0; sidt %1; str %2" : "=m"(g), "=m"(i), "=r"(r->tr));
	const uint64_t *desc = (const uint64_t *)g.base + r->tr / 8;
	r->gdt_base = g.base;
	r->idt_base = i.base;
	r->tss_base = (desc[0] >> 16 & 0xffffff) | (desc[0] >> 56 & 0xff) << 24 | desc[1] << 32;
	r->cr0 = read_cr0();
	r->cr4 = read_cr4();
	r->efer = rdmsr(MSR_EFER);
	r->xcr0 = 0;
	if (r->cr4 & CR4_OSXSAVE) {
		__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		r->xcr0 = (uint64_t)hi << 32 | lo;
	}
	r->pat = cpu.pat ? rdmsr(MSR_PAT) : 0;
	r->tsc_aux = cpu.rdtscp || cpu.rdpid ? rdmsr(MSR_TSC_AUX) : 0;
	r->gs_base = rdmsr(MSR_GS_BASE);
	r->kernel_gs_base = rdmsr(MSR_KERNEL_GS_BASE);
	r->star = rdmsr(MSR_STAR);
	r->lstar = rdmsr(MSR_LSTAR);
	r->cstar = rdmsr(MSR_CSTAR);
	r->fmask = rdmsr(MSR_FMASK);
	if (cpu.sysenter32) {
		r->sysenter_cs = rdmsr(MSR_SYSENTER_CS);
		r->sysenter_esp = rdmsr(MSR_SYSENTER_ESP);
		r->sysenter_eip = rdmsr(MSR_SYSENTER_EIP);
	}
	r->apic_id = lapic_id();
	__asm__ volatile("lsl %1, %0" : "=r"(r->cpunode) : "r"(0x7bu));
}

void smp_test_panic_ap(void)
{
	panic_ap = ncpus_online > 1 ? 1 : 0;
	if (panic_ap == 0)
		panic("ktest: panic on CPU 0 on purpose (test=panic-ap, no AP online)");
}

/* --- stopping the others when one CPU panics ------------------------------- */

static volatile int stopping;      /* a panic sent its NMIs */
static volatile unsigned nstopped; /* CPUs that reported and halted */
static volatile int print_lock;    /* one stopped CPU prints at a time */

unsigned smp_cpu_by_lapic(void)
{
	uint32_t id;

	if (ncpus_online == 1)
		return 0;
	id = lapic_id();
	for (unsigned i = 0; i < ncpus_online; i++)
		if (cpus[i].apic_id == id)
			return i;
	return 0;
}

void smp_stop_others(void)
{
	unsigned others = ncpus_online - 1;
	uint64_t spins = 0;

	if (others == 0)
		return;
	__atomic_store_n(&stopping, 1, __ATOMIC_SEQ_CST);
	lapic_send_nmi_others();
	/* A bounded wait (a stuck CPU must not hang the report): about a
	 * second by the TSC, or by a spin count before it is calibrated. */
	for (uint64_t t0 = rdtsc(); __atomic_load_n(&nstopped, __ATOMIC_ACQUIRE) < others; spins++) {
		if (tsc_hz ? tsc_to_ns(rdtsc() - t0) > 1000000000ULL : spins > 100000000ULL)
			break;
		pause();
	}
	if (nstopped < others)
		kprintf("  %u of the %u other CPUs did not report\n", others - nstopped, others);
}

bool smp_nmi(const struct trap_frame *tf)
{
	unsigned me;

	if (!__atomic_load_n(&stopping, __ATOMIC_ACQUIRE))
		return false;
	me = smp_cpu_by_lapic();
	while (__atomic_exchange_n(&print_lock, 1, __ATOMIC_ACQUIRE))
		pause();
	kprintf("  cpu %u (LAPIC id %u) stopped by NMI:\n", me, cpus[me].apic_id);
	regs_dump(tf);
	__atomic_store_n(&print_lock, 0, __ATOMIC_RELEASE);
	__atomic_add_fetch(&nstopped, 1, __ATOMIC_RELEASE);
	for (;;)
		__asm__ volatile("cli; hlt");
}
