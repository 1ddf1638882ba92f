/*
 * segs.h - the user's data segment registers (DS, ES, FS, GS) and its
 * three TLS descriptors, per thread (arch/x86_64/segs.c), as Linux keeps
 * them on an x86-64 kernel (process_64.c's __switch_to): the kernel never
 * uses DS, ES or FS and reaches GS only through its base MSRs, so a
 * thread's selectors stay in the CPU until another thread's replace them.
 *
 * A selector's base: a nonzero FS or GS selector takes it from the
 * descriptor (a 32-bit program's set_thread_area segment); a zero one
 * keeps the one arch_prctl (or wrfsbase) wrote, which the switch
 * restores after loading the selector, as Linux's load_seg_legacy does.
 */
#ifndef ARCH_SEGS_H
#define ARCH_SEGS_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/percpu.h"

struct proc;

/* A thread's user selectors (struct proc's sel). */
struct user_sels {
	union {
		struct { uint16_t ds, es, fs, gs; };
		uint64_t packed;                /* all four, for the switch's one comparison */
	};
};

static inline uint16_t read_ds(void) { uint16_t v; __asm__ volatile("movw %%ds, %0" : "=r"(v)); return v; }
static inline uint16_t read_es(void) { uint16_t v; __asm__ volatile("movw %%es, %0" : "=r"(v)); return v; }
static inline uint16_t read_fs(void) { uint16_t v; __asm__ volatile("movw %%fs, %0" : "=r"(v)); return v; }
static inline uint16_t read_gs(void) { uint16_t v; __asm__ volatile("movw %%gs, %0" : "=r"(v)); return v; }

/* Save the selectors the CPU holds into *s, for the thread that just ran
 * or runs, and as what this CPU holds until the next switch-in (inline:
 * every switch-out makes it, from proc_sync_bases). */
static inline void user_segs_save(struct user_sels *s)
{
	*s = (struct user_sels){ .ds = read_ds(), .es = read_es(), .fs = read_fs(), .gs = read_gs() };
	this_cpu()->user_sels = s->packed;
}
/* Make p's TLS descriptors, selectors and FS/GS bases the CPU's (switch-in). */
void user_segs_load(struct proc *p);
/* The fresh image's: no TLS, FS = GS = 0, DS = ES = the user data segment
 * for a 32-bit program and 0 for a 64-bit one (Linux's start_thread). */
void user_segs_exec(struct proc *p, bool compat);
/* After the current thread's TLS slot of selector sel changed: reload
 * every segment register that holds sel (a slot now empty: 0 instead). */
void user_segs_reload(uint16_t sel);
/* Load the selectors a 32-bit sigreturn found (the current thread's), as
 * Linux's reload_segments: each with RPL 3 (a null one, 0..3, as it is),
 * only where it changed, and one
 * ring 3 could not load becomes 0 (what Linux's faulting loadsegment
 * leaves), never a kernel fault. */
void user_segs_restore(const struct user_sels *s);
/* A 32-bit handler starts with DS = ES = the user data segment, whatever
 * the interrupted code had (Linux's ia32 setup_frame); FS and GS stay. */
void user_segs_signal32(void);
/* arch_prctl(ARCH_SET_FS/GS) for the current thread: selector 0, then base. */
void user_set_fs_base(uint64_t base);
void user_set_gs_base(uint64_t base);

#endif
