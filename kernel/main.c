/*
 * main.c - kmain: bring the machine up in dependency order, then do what the
 * command line says (`test` runs the in-kernel suite).
 */
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "dev/random.h"
#include "dev/tty.h"
#include "kernel.h"
#include "lock.h"
#include "lib/cmdline.h"
#include "fs/vfs.h"
#include "proc.h"
#include "syscall.h"
#include "time/clock.h"
#include "time/timer.h"
#include "vdso32.h"

const struct boot_info *boot;
const char *cmdline = "";

void call_on_stack(void *arg, void (*fn)(void *), uint64_t top) __attribute__((noreturn));

static const char *const mem_type_names[] = {
	"?", "usable", "reserved", "acpi-reclaim", "acpi-nvs", "mmio", "bootloader", "unusable",
};

static void print_memory_map(const struct boot_info *bi)
{
	const struct bi_mem_region *m = phys_to_virt(bi->mem_map);
	uint64_t usable = 0;

	for (uint64_t i = 0; i < bi->mem_map_count; i++) {
		if (m[i].type == BI_MEM_USABLE)
			usable += m[i].length;
		if (cmdline_has(cmdline, "memmap"))
			kprintf("  [%016lx-%016lx) %s\n", m[i].base, m[i].base + m[i].length,
				m[i].type < 8 ? mem_type_names[m[i].type] : "?");
	}
	kprintf("mem: %lu regions, %lu MiB usable\n", bi->mem_map_count, usable >> 20);
}

/* Milliseconds since the loader's last TSC reading (once the TSC is calibrated). */
static uint64_t boot_ms(void)
{
	return tsc_to_ns(rdtsc() - boot->loader_tsc) / 1000000;
}

/* Second half of boot, on a guarded kernel stack. */
static void kmain2(void *unused)
{
	lapic_init();
	timer_init();           /* calibrate; the tick, with the clock and sleep handlers */
	smp_boot();             /* every AP up and idle until the scheduler starts */
	random_init();          /* the generator's seed: the TSC is calibrated now */
	tty_init();             /* console input by interrupt (IOAPIC), or polled on the tick */
	proc_init();            /* the process table */
	acct_init();            /* CPU time and load on the tick, before preemption */
	sched_init();           /* preemption: the tick's last handler */
	vdso_init();
	vdso32_init();          /* after cpu_init: its __kernel_vsyscall is patched by vendor */
	clock_init();
	sti();
	kprintf("kernel: init done, %lu ms after the loader's jump\n", boot_ms());

	if (cmdline_has(cmdline, "test")) {
		char only[64] = "";
		cmdline_get(cmdline, "test", only, sizeof(only));
		machine_exit(ktest_run(only) ? KEXIT_FAILURE : KEXIT_SUCCESS);
	}

	char init[128] = "", argbuf[512], *args[MAX_INIT_ARGS + 1];
	if (cmdline_get(cmdline, "init", init, sizeof(init)) <= 0) {
		kprintf("kernel: no init= on the command line; shutting down\n");
		machine_exit(KEXIT_SUCCESS);
	}
	int nargs = cmdline_args(cmdline, argbuf, sizeof(argbuf), args, MAX_INIT_ARGS);
	if (nargs < 0) {
		kprintf("kernel: init's arguments after -- are too many or too long\n");
		machine_exit(KEXIT_FAILURE);
	}
	args[nargs] = NULL;
	cli();                  /* kernel code runs with interrupts off from here */
	kernel_lock();          /* and under the big kernel lock (lock.h) */
	vfs_init();
	start_init(init, args);
	kernel_unlock();
	scheduler();            /* the APs' schedulers start with this one */
	kprintf("kernel: no process left; shutting down\n");
	machine_exit(KEXIT_SUCCESS);
}

void kmain(struct boot_info *bi)
{
	serial_init();
	if (bi->magic != BOOT_INFO_MAGIC || bi->version != BOOT_INFO_VERSION)
		panic("boot_info magic 0x%lx version %u; expected 0x%lx version %u",
		      bi->magic, bi->version, BOOT_INFO_MAGIC, BOOT_INFO_VERSION);
	boot = bi;
	cmdline = phys_to_virt(bi->cmdline);
	fbcon_init(&bi->fb);    /* the loader's tables direct-map the framebuffer already */

	kprintf("\nkernel: hello from the higher half: kmain at %p, boot_info at %p\n", (void *)kmain, (void *)bi);
	kprintf("kernel: cmdline \"%s\"\n", cmdline);
	if (fbcon_active())
		kprintf("fbcon: %ux%u framebuffer, text console on screen\n", bi->fb.width, bi->fb.height);
	else
		kprintf("fbcon: no linear framebuffer; serial console only\n");

	idt_init();             /* the one IDT every CPU loads */
	cpu_init();             /* what every CPU will enable (CPUID) */
	syscall_init();         /* which entries and dispatchers every CPU will have */
	cpu_local_init(&cpus[0]);  /* this CPU's GDT, TSS, GS, control registers, entry MSRs: as each AP's */
	console_unlocked = false;  /* cpu_id() works now: kprintf's lines are taken whole (console.c) */
	fpu_init();             /* the state areas' size and initial state */
	print_memory_map(bi);
	frames_init(bi);
	vmm_init(bi);

	/* Guarded stacks from here on: an overflow hits an unmapped page, not data. */
	tss_set_ist(&cpus[0], 1, kstack_alloc(4));   /* #DF */
	tss_set_ist(&cpus[0], 2, kstack_alloc(4));   /* NMI */
	tss_set_ist(&cpus[0], 3, kstack_alloc(4));   /* #MC */
	call_on_stack(NULL, kmain2, kstack_alloc(8));
}
