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
	uint16_t vector;             /* VEC_INT80 or VEC_SYSCALL_INSN: the entry path */
	bool done;                   /* the call returned */
};

static struct ring_entry ring[RING];
static uint64_t ring_seq;
static bool ring_on;

/* The dispatcher with a record before and after (see above). */
static long syscall_dispatch_traced(struct trap_frame *tf)
{
	uint64_t seq = ++ring_seq;
	struct ring_entry *e = &ring[seq % RING];
	struct proc *p = current();

	e->seq = seq;
	e->nr = tf->rax;
	e->args[0] = tf->rdi, e->args[1] = tf->rsi, e->args[2] = tf->rdx;
	e->args[3] = tf->r10, e->args[4] = tf->r8, e->args[5] = tf->r9;
	e->done = false;
	e->pid = p ? p->pid : 0;
	e->vector = tf->vector;
	long r = syscall_dispatch(tf);
	if (e->seq == seq)                /* not reused while this call slept */
		e->result = r, e->done = true;
	return r;
}

void syscall_ring_init(void)
{
	char v[8] = "";

	ring_on = !(cmdline_get(cmdline, "syscall_ring", v, sizeof(v)) > 0 && strcmp(v, "off") == 0);
	this_cpu()->dispatch = ring_on ? syscall_dispatch_traced : syscall_dispatch;
	kprintf("syscall: ring of the last %d calls %s\n", RING, ring_on ? "on" : "off (syscall_ring=off)");
}

void syscall_ring_dump(void)
{
	if (!ring_on) {
		kprintf("  system-call ring: off (syscall_ring=off)\n");
		return;
	}
	kprintf("  last system calls, oldest first (i = int $0x80, s = syscall):\n");
	for (uint64_t s = ring_seq >= RING ? ring_seq - RING + 1 : 1; s <= ring_seq; s++) {
		const struct ring_entry *e = &ring[s % RING];
		const char *name = (uint32_t)e->nr < NR_SYSCALLS && syscall_names[(uint32_t)e->nr] ? syscall_names[(uint32_t)e->nr] : "?";
		kprintf("  #%lu pid %d %c %s(%lu) %lx %lx %lx %lx %lx %lx", e->seq, e->pid,
			e->vector == VEC_INT80 ? 'i' : 's', name, e->nr,
			e->args[0], e->args[1], e->args[2], e->args[3], e->args[4], e->args[5]);
		if (e->done)
			kprintf(" = %ld\n", e->result);
		else
			kprintf(" (not returned)\n");
	}
}
