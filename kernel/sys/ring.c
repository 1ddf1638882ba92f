/*
 * ring.c - the last 64 system calls (number, arguments, result, entry
 * path, pid), kept so that a panic can show what user space was doing.
 *
 * Recording costs instructions on every call, so it is chosen once at
 * boot, like a static key: both entry stubs call through percpu.dispatch,
 * which is syscall_dispatch (lean) or syscall_dispatch_traced (records).
 * It is on unless the command line says syscall_ring=off (the benchmark
 * measures both; docs/benchmarks.md).
 */
#include "api/entry_paths.h"
#include "arch/frame.h"
#include "arch/percpu.h"
#include "kernel.h"
#include "lib/cmdline.h"
#include "proc.h"
#include "syscall.h"

#define RING 64

struct ring_entry {
	uint64_t seq;                /* 1, 2, 3, ...: 0 is an empty slot */
	uint64_t nr, args[6];
	int64_t result;              /* once done */
	int32_t pid;
	uint16_t vector;             /* tf->vector: with compat, the entry path (api/entry_paths.h) */
	bool compat;                 /* from compat mode: nr and args are the i386 table's */
	bool done;                   /* the call returned */
};

static struct ring_entry ring[RING];
static uint64_t ring_seq;
static bool ring_on;

/* The dispatchers with a record before and after (see above): the
 * arguments in the registers of the caller's ABI, 64-bit or i386. */
static long syscall_dispatch_traced(struct trap_frame *tf)
{
	uint64_t seq = ++ring_seq;
	struct ring_entry *e = &ring[seq % RING];
	struct proc *p = current();

	e->seq = seq;
	e->nr = tf->rax;
	e->args[0] = tf->rdi, e->args[1] = tf->rsi, e->args[2] = tf->rdx;
	e->args[3] = tf->r10, e->args[4] = tf->r8, e->args[5] = tf->r9;
	e->done = e->compat = false;
	e->pid = p ? p->pid : 0;
	e->vector = tf->vector;
	long r = syscall_dispatch(tf);
	if (e->seq == seq)                /* not reused while this call slept */
		e->result = r, e->done = true;
	return r;
}

static long syscall32_dispatch_traced(struct trap_frame *tf)
{
	uint64_t seq = ++ring_seq;
	struct ring_entry *e = &ring[seq % RING];
	struct proc *p = current();

	e->seq = seq;
	e->nr = tf->rax;
	/* The i386 registers (arg()'s compat case), read directly: this
	 * runs on every 32-bit call while the ring is on. */
	e->args[0] = (uint32_t)tf->rbx, e->args[1] = (uint32_t)tf->rcx, e->args[2] = (uint32_t)tf->rdx;
	e->args[3] = (uint32_t)tf->rsi, e->args[4] = (uint32_t)tf->rdi, e->args[5] = (uint32_t)tf->rbp;
	e->done = false;
	e->compat = true;
	e->pid = p ? p->pid : 0;
	e->vector = tf->vector;
	long r = syscall32_dispatch(tf);
	if (e->seq == seq)
		e->result = r, e->done = true;
	return r;
}

/* The entry path's letter (api/entry_paths.h), '?' for none. */
static char letter(const struct ring_entry *e)
{
#define X(name, mode, entry, ret, counter, bit, vec, ch) \
	if (e->vector == (vec) && e->compat == ((mode) == 32)) \
		return ch;
	ENTRY_PATHS(X)
#undef X
	return '?';
}

void syscall_ring_init(void)
{
	char v[8] = "";

	ring_on = !(cmdline_get(cmdline, "syscall_ring", v, sizeof(v)) > 0 && strcmp(v, "off") == 0);
	kprintf("syscall: ring of the last %d calls %s\n", RING, ring_on ? "on" : "off (syscall_ring=off)");
}

void syscall_ring_cpu_init(void)
{
	this_cpu()->dispatch = ring_on ? syscall_dispatch_traced : syscall_dispatch;
	this_cpu()->dispatch32 = ring_on ? syscall32_dispatch_traced : syscall32_dispatch;
}

void syscall_ring_dump(void)
{
	if (!ring_on) {
		kprintf("  system-call ring: off (syscall_ring=off)\n");
		return;
	}
	kprintf("  last system calls, oldest first (i = int $0x80, s = syscall; 32-bit: I = int $0x80, E = sysenter, S = syscall):\n");
	for (uint64_t s = ring_seq >= RING ? ring_seq - RING + 1 : 1; s <= ring_seq; s++) {
		const struct ring_entry *e = &ring[s % RING];
		uint32_t nr = (uint32_t)e->nr;
		const char *name = e->compat ? syscall32_name(nr) : nr < NR_SYSCALLS ? syscall_names[nr] : NULL;
		kprintf("  #%lu pid %d %c %s(%lu) %lx %lx %lx %lx %lx %lx", e->seq, e->pid,
			letter(e), name ? name : "?", e->nr,
			e->args[0], e->args[1], e->args[2], e->args[3], e->args[4], e->args[5]);
		if (e->done)
			kprintf(" = %ld\n", e->result);
		else
			kprintf(" (not returned)\n");
	}
}
