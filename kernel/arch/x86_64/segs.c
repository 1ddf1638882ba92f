/*
 * segs.c - the user's segment registers across switches, execve,
 * set_thread_area and sigreturn (arch/segs.h).
 *
 * Loading GS in the kernel replaces GS.base, the kernel's per-CPU pointer,
 * with the descriptor's: load_gs swaps the user's base in around the load
 * (swapgs; mov; swapgs, interrupts off, as Linux's load_gs_index), so the
 * new base lands in MSR_KERNEL_GS_BASE, where the way out finds it. Only
 * an NMI could land between the two swapgs (its stub trusts GS in kernel
 * mode); the kernel sends NMIs only to stop the other CPUs in a panic.
 */
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "arch/segs.h"
#include "arch/trap.h"
#include "kernel.h"
#include "lib/user_desc.h"
#include "proc.h"

static inline void load_ds(uint16_t s) { __asm__ volatile("movw %w0, %%ds" : : "r"(s) : "memory"); }
static inline void load_es(uint16_t s) { __asm__ volatile("movw %w0, %%es" : : "r"(s) : "memory"); }
static inline void load_fs(uint16_t s) { __asm__ volatile("movw %w0, %%fs" : : "r"(s) : "memory"); }

static void load_gs(uint16_t s)
{
	uint64_t flags = read_rflags();

	cli();
	__asm__ volatile("swapgs\n\tmovw %w0, %%gs\n\tswapgs" : : "r"(s) : "memory");
	if (flags & RFLAGS_IF)
		sti();
}

/* A TLS slot's selector: its descriptor may differ from what the register
 * cached, so such a selector is reloaded even when unchanged. */
static bool is_tls(uint16_t s)
{
	return (s >> 3) >= GDT_ENTRY_TLS_MIN && (s >> 3) <= GDT_ENTRY_TLS_MAX;
}

static uint16_t fixup_rpl(uint16_t s) { return s <= 3 ? s : s | 3; }

/* s, or 0 where this CPU's GDT (with the running thread's TLS) would
 * make loading s fault. */
static uint16_t checked(uint16_t s)
{
	return !s || gdt_user_selector_ok(this_cpu(), s) ? s : 0;
}

/* The selectors of a thread that keeps FS and GS at 0 and DS, ES at 0 (a
 * 64-bit program) or the user data segment (a 32-bit one): nothing in
 * them depends on a descriptor that may have changed. */
#define SELS_64     0ULL
#define SELS_COMPAT ((uint64_t)USER_DS | (uint64_t)USER_DS << 16)

/* Everything else: load what differs or may have changed. */
static __attribute__((noinline)) void load_slow(struct proc *p, struct percpu *cpu)
{
	struct user_sels *s = &p->sel;

	if (tls_in_use(p->tls) || cpu->tls_loaded)
		gdt_load_tls(cpu, p->tls);        /* (no TLS here or there: the slots are 0 already) */
	if (s->ds != read_ds() || is_tls(s->ds))
		load_ds(checked(s->ds));
	if (s->es != read_es() || is_tls(s->es))
		load_es(checked(s->es));
	/* Then the saved bases, whatever the selector: a descriptor's base as
	 * it was read back at the switch-out, or what wrfsbase/wrgsbase put
	 * over it (CR4.FSGSBASE lets user code do that with any selector
	 * loaded), as Linux's FSGSBASE switch restores both. */
	if (s->fs || read_fs())
		load_fs(checked(s->fs));
	wrmsr(MSR_FS_BASE, p->fs_base);
	if (s->gs || read_gs())
		load_gs(checked(s->gs));
	wrmsr(MSR_KERNEL_GS_BASE, p->gs_base);   /* swapgs makes it GS.base in user mode */
}

void user_segs_load(struct proc *p)
{
	struct percpu *cpu = this_cpu();
	uint64_t sels = p->sel.packed;

	/* The common case: no TLS descriptor in this thread nor in this CPU's
	 * GDT, and the CPU holds the very selectors the thread had (the last
	 * thread's, saved at its switch-out), plain ones: only the two base
	 * writes the switch always made. */
	if (!tls_in_use(p->tls) && !cpu->tls_loaded && sels == cpu->user_sels &&
	    (sels == SELS_64 || sels == SELS_COMPAT)) {
		wrmsr(MSR_FS_BASE, p->fs_base);
		wrmsr(MSR_KERNEL_GS_BASE, p->gs_base);
		return;
	}
	load_slow(p, cpu);
}

void user_segs_exec(struct proc *p, bool compat)
{
	uint16_t data = compat ? USER_DS : 0;

	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		p->tls[i] = 0;
	if (p == current())
		user_segs_save(&p->sel);          /* the CPU's selectors, for user_segs_load to compare */
	p->sel = (struct user_sels){ .ds = data, .es = data };
	if (p == current())
		user_segs_load(p);                /* with fs_base = gs_base = 0, as exec set */
}

void user_segs_reload(uint16_t sel)
{
	uint16_t s = checked(sel);

	if (read_ds() == sel)
		load_ds(s);
	if (read_es() == sel)
		load_es(s);
	if (read_fs() == sel)
		load_fs(s);
	if (read_gs() == sel)
		load_gs(s);
}

void user_segs_restore(const struct user_sels *s)
{
	/* Linux's reload_segments with its fixup_rpl: RPL 3, but a null
	 * selector (0..3) stays as it is. */
	uint16_t ds = fixup_rpl(s->ds), es = fixup_rpl(s->es), fs = fixup_rpl(s->fs), gs = fixup_rpl(s->gs);

	if (ds != read_ds())
		load_ds(checked(ds));
	if (es != read_es())
		load_es(checked(es));
	if (fs != read_fs())
		load_fs(checked(fs));
	if (gs != read_gs())
		load_gs(checked(gs));
}

void user_segs_signal32(void)
{
	if (read_ds() != USER_DS)
		load_ds(USER_DS);
	if (read_es() != USER_DS)
		load_es(USER_DS);
}

void user_set_fs_base(uint64_t base)
{
	if (read_fs())
		load_fs(0);
	wrmsr(MSR_FS_BASE, base);
}

void user_set_gs_base(uint64_t base)
{
	if (read_gs())
		load_gs(0);
	wrmsr(MSR_KERNEL_GS_BASE, base);         /* swapgs installs it on return */
}
