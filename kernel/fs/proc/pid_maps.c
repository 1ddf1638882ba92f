/*
 * pid_maps.c - /proc/<pid>/maps from the regions (mm/vma.h): each region
 * is a line, cut where the program's segments and the heap begin and end
 * (and, in the kernel's pages, where [vvar] turns into [vdso]), and named
 * as Linux names them: the program's path
 * for its segments, [heap], [stack], [vvar] and [vdso]. Last comes the
 * vsyscall page, which no page table maps (arch/x86_64/vsyscall.c),
 * execute-only as Linux's vsyscall=xonly shows it; a 32-bit process, which
 * cannot reach it, has no such line (as on Linux).
 */
#include "api/abi.h"
#include "arch/cpu.h"
#include "fs/path.h"
#include "fs/procfs.h"
#include "kernel.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"

static uint64_t page_up(uint64_t a) { return (a + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1); }

/* The first place above va where a line must end: a segment's or the heap's edge. */
static uint64_t next_edge(const struct proc *p, uint64_t va)
{
	uint64_t edges[2 * PROC_SEGS + 2] = { page_up(p->g->brk_start), page_up(p->g->brk) }, best = USER_TOP;
	int n = 2;

	for (int i = 0; i < p->g->image.nsegs; i++)
		edges[n++] = p->g->image.seg[i].start, edges[n++] = p->g->image.seg[i].end;
	for (int i = 0; i < n; i++)
		if (edges[i] > va && edges[i] < best)
			best = edges[i];
	return best;
}

/* Which program segment holds va: its index, or -1. */
static int segment_of(const struct proc *p, uint64_t va)
{
	for (int i = 0; i < p->g->image.nsegs; i++)
		if (va >= p->g->image.seg[i].start && va < p->g->image.seg[i].end)
			return i;
	return -1;
}

/* A line's worth of a region: [start, end), the region's flags, and for
 * the kernel's pages the first one's frame (which says [vvar] or [vdso]). */
struct uvm_run {
	uint64_t start, end, flags, pa;
};

/* Call fn for each run of p's space, cut at the edges; false from fn stops. */
static void each_run(struct proc *p, bool (*fn)(struct proc *, const struct uvm_run *, void *), void *ctx)
{
	if (p->state == P_ZOMBIE || !p->mm)
		return;
	for (struct vma *v = p->mm->vmas; v; v = v->next) {
		for (uint64_t va = v->start; va < v->end;) {
			struct uvm_run r = { va, next_edge(p, va), v->flags, 0 };
			if (r.end > v->end)
				r.end = v->end;
			if (v->flags & PTE_KFRAME) {
				r.pa = uvm_frame(p->mm->root, va);
				const char *name = vdso_frame_name(r.pa);
				uint64_t e = va + PAGE_SIZE;
				while (e < r.end && vdso_frame_name(uvm_frame(p->mm->root, e)) == name)
					e += PAGE_SIZE;
				r.end = e;
			}
			if (!fn(p, &r, ctx))
				return;
			va = r.end;
		}
	}
}

struct maps_ctx {
	struct seqbuf *s;
	char *path;                          /* the program's path, or NULL */
};

static bool show_run(struct proc *p, const struct uvm_run *r, void *arg)
{
	struct maps_ctx *c = arg;
	bool none = r->flags & PTE_PROTNONE, kframe = r->flags & PTE_KFRAME;
	int seg = segment_of(p, r->start);
	struct map_line m = {
		.start = r->start, .end = r->end, .read = !none, .write = r->flags & PTE_W,
		.exec = !none && !(r->flags & PTE_NX), .shared = (r->flags & PTE_SHARED) && !kframe,
	};

	if (kframe)
		m.name = vdso_frame_name(r->pa);
	else if (r->flags & PTE_STACK)
		m.name = "[stack]";
	else if (r->start >= page_up(p->g->brk_start) && r->end <= page_up(p->g->brk) && p->g->brk > p->g->brk_start)
		m.name = "[heap]";
	else if (seg >= 0 && p->g->exe) {
		m.name = c->path;
		m.offset = p->g->image.seg[seg].offset + (r->start - p->g->image.seg[seg].start);
		m.major = p->g->exe->fs->dev >> 8, m.minor = p->g->exe->fs->dev & 0xff, m.ino = p->g->exe->ino;
	}
	proc_maps_line(c->s, &m);
	return true;
}

void proc_show_maps(struct seqbuf *s, struct proc *p)
{
	struct maps_ctx c = { s, NULL };

	if (p->g->exe && (c.path = kmalloc(PATH_MAX)) && node_path(p->g->exe, c.path, PATH_MAX) < 0) {
		kfree(c.path);
		c.path = NULL;
	}
	each_run(p, show_run, &c);
	kfree(c.path);
	if (p->state != P_ZOMBIE && p->mm && !p->compat) {
		struct map_line v = { .start = VSYSCALL_ADDR, .end = VSYSCALL_ADDR + PAGE_SIZE,
				      .exec = true, .name = "[vsyscall]" };
		proc_maps_line(s, &v);
	}
}

struct counts { uint64_t stack, shared, exe; };

static bool count_run(struct proc *p, const struct uvm_run *r, void *arg)
{
	struct counts *c = arg;
	uint64_t n = (r->end - r->start) / PAGE_SIZE;

	if (r->flags & PTE_STACK)
		c->stack += n;
	if (r->flags & PTE_SHARED)
		c->shared += n;
	if (segment_of(p, r->start) >= 0 && !(r->flags & PTE_W))
		c->exe += n;
	return true;
}

void proc_vm_counts(struct proc *p, uint64_t *stack, uint64_t *shared, uint64_t *exe)
{
	struct counts c = { 0, 0, 0 };

	each_run(p, count_run, &c);
	*stack = c.stack, *shared = c.shared, *exe = c.exe;
}
