/*
 * exec.c - load a static ELF64 x86-64 program, or an ELF32 i386 one that
 * then runs in compat mode (p->compat), from the root filesystem (filled
 * from the initrd at boot) into a fresh address space and build its first
 * stack (the System V x86-64 layout, or the i386 one with 4-byte words):
 *
 *   rsp -> argc, argv[0..argc-1], NULL, envp[..], NULL,
 *          auxv pairs (AT_PHDR, AT_ENTRY, AT_PAGESZ, AT_RANDOM, ..., AT_NULL),
 *          then 16 random bytes and the strings, up to USER_STACK_TOP
 *          (USER32_STACK_TOP).
 *
 * proc_exec takes argv and envp as kernel-side string vectors, so the
 * 64-bit execve and the compat one (which reads arrays of 32-bit
 * pointers) share it.
 *
 * Everything is checked before the old program is dropped, so a failed
 * exec leaves the caller as it was.
 */
#include "api/abi.h"
#include "api/auxv.h"
#include "api/errno.h"
#include "api/rseq.h"
#include "api/stat.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/percpu.h"
#include "arch/segs.h"
#include "dev/random.h"
#include "dev/tty.h"
#include "kernel.h"
#include "fs/vfs.h"
#include "lib/elf.h"
#include "mm/pmm.h"
#include "mm/uvm.h"
#include "mm/vm.h"
#include "proc.h"
#include "syscall.h"
#include "time/timer.h"
#include "vdso32.h"

#define MAX_ARGS     256
#define MAX_ARG_SIZE (32 * 1024)        /* all strings of argv and envp together */

/* The region flags of a PT_LOAD segment's p_flags. */
static uint64_t segment_flags(uint32_t pf)
{
	return ((pf & PF_W) ? PTE_W : 0) | (!(pf & PF_X) && cpu.nx ? PTE_NX : 0);
}

/* Add the region [va, va+len) rounded out to pages, with flags; a page a
 * segment before it already has must have the same rights. */
static int map_segment(struct mm *mm, uint64_t va, uint64_t len, uint64_t flags)
{
	uint64_t lo = va & ~(PAGE_SIZE - 1), hi = (va + len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	struct vma *v = vma_at(mm->vmas, lo);

	if (v && (v->flags & ~VMA_FILLED) != flags)
		return -ENOEXEC;                   /* two segments with different rights on one page */
	if (v)
		lo = v->end;                       /* that page is there already */
	if (lo < hi && !vma_range_free(mm->vmas, lo, hi))
		return -ENOEXEC;                   /* segments overlap */
	return lo < hi ? vm_map(mm, lo, hi - lo, flags) : 0;
}

/* Load every PT_LOAD segment: its region, then the bytes the file gives.
 * A page the file fills whole, at a matching offset, is the page cache's
 * own frame, mapped copy-on-write (nothing is copied: a write to a data
 * page copies that page then); a page the segment shares with another or
 * with its .bss is filled by a copy from the cache (a hole in the file
 * leaves the zeros). The rest (.bss) is demand-zero, as the whole region
 * is until touched. */
static int load_segments(struct mm *mm, struct rnode *file, const struct elf_info *info, uint64_t bias)
{
	for (int i = 0; i < info->phnum; i++) {
		Elf64_Phdr ph;
		elf_phdr(info, i, &ph);
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		int r = map_segment(mm, ph.p_vaddr + bias, ph.p_memsz, segment_flags(ph.p_flags));
		if (r < 0)
			return r;
		/* The kernel writes what the file gives, whatever the rights. */
		struct vma *v = vma_at(mm->vmas, (ph.p_vaddr + bias) & ~(PAGE_SIZE - 1));
		uint64_t f = v->flags;
		if (ph.p_filesz)
			vma_mark(&mm->vmas, v, VMA_FILLED);
		for (uint64_t done = 0; done < ph.p_filesz; ) {
			uint64_t va = ph.p_vaddr + bias + done, off = ph.p_offset + done, pa, src;
			uint64_t n = PAGE_SIZE - (va & (PAGE_SIZE - 1));
			if (n > PAGE_SIZE - (off & (PAGE_SIZE - 1)))
				n = PAGE_SIZE - (off & (PAGE_SIZE - 1));   /* within one page of each */
			if (n > ph.p_filesz - done)
				n = ph.p_filesz - done;
			src = ramfs_page_frame(file, off / PAGE_SIZE);
			if (n == PAGE_SIZE && src && !uvm_frame(mm->root, va)) {
				if (uvm_map_file(mm->root, va, src, f) < 0)
					return -ENOMEM;
			} else {
				if (uvm_fault_page(mm->root, va & ~(PAGE_SIZE - 1), f, false) < 0 ||
				    !(pa = uvm_frame(mm->root, va)))
					return -ENOMEM;
				if (src)
					memcpy((char *)phys_to_virt(pa) + (va & (PAGE_SIZE - 1)),
					       (const char *)phys_to_virt(src) + (off & (PAGE_SIZE - 1)), n);
			}
			done += n;
		}
	}
	return 0;
}

/* A PT_INTERP header: a dynamically linked program, which needs ld.so. */
static bool needs_interpreter(const struct elf_info *info)
{
	Elf64_Phdr ph;

	for (int i = 0; i < info->phnum; i++)
		if (elf_phdr(info, i, &ph), ph.p_type == PT_INTERP)
			return true;
	return false;
}

/* Where the program headers are in memory: inside the segment that loads them. */
static uint64_t phdr_address(const struct elf_info *info)
{
	Elf64_Phdr ph;

	for (int i = 0; i < info->phnum; i++) {
		elf_phdr(info, i, &ph);
		if (ph.p_type == PT_LOAD && info->phoff >= ph.p_offset &&
		    info->phoff - ph.p_offset < ph.p_filesz)
			return ph.p_vaddr + (info->phoff - ph.p_offset);
	}
	return 0;
}

/* Linux's end_data - start_data: from the start of the highest segment to
 * the end of the bytes the file gives (not .bss). brk's RLIMIT_DATA check
 * adds it to the heap. */
static uint64_t data_size(const struct elf_info *info)
{
	uint64_t start = 0, end = 0;
	Elf64_Phdr ph;

	for (int i = 0; i < info->phnum; i++) {
		elf_phdr(info, i, &ph);
		if (ph.p_type != PT_LOAD)
			continue;
		start = ph.p_vaddr > start ? ph.p_vaddr : start;
		end = ph.p_vaddr + ph.p_filesz > end ? ph.p_vaddr + ph.p_filesz : end;
	}
	return end > start ? end - start : 0;
}

/* The loaded segments, as Linux's binfmt_elf notes them (start_code is
 * the lowest executable segment's start, end_code the highest end of an
 * executable segment's file bytes, start_data the highest segment's
 * start, end_data the highest end of file bytes), and each page-rounded
 * PT_LOAD segment with its file offset, for /proc/<pid>/maps. */
static void note_segments(const struct elf_info *info, uint64_t bias, struct proc_image *img)
{
	img->start_code = ~0ULL;
	for (int i = 0; i < info->phnum; i++) {
		Elf64_Phdr phdr, *ph = &phdr;
		elf_phdr(info, i, ph);
		uint64_t start = ph->p_vaddr + bias, end = start + ph->p_filesz;
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if ((ph->p_flags & PF_X) && start < img->start_code)
			img->start_code = start;
		if ((ph->p_flags & PF_X) && end > img->end_code)
			img->end_code = end;
		if (start > img->start_data)
			img->start_data = start;
		if (end > img->end_data)
			img->end_data = end;
		if (img->nsegs < PROC_SEGS)
			img->seg[img->nsegs++] = (typeof(img->seg[0])){
				start & ~(PAGE_SIZE - 1), (start + ph->p_memsz + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1),
				ph->p_offset & ~(PAGE_SIZE - 1) };
	}
	if (img->start_code == ~0ULL)
		img->start_code = 0;
}

static int count(char *const v[])
{
	int n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* auxv values build_stack replaces by the address of what it put on the stack. */
/* Where a static PIE goes: Linux's ELF_ET_DYN_BASE on x86-64, plus up to
 * 2^16 random pages. */
#define ET_DYN_BASE         0x555555554000ULL
#define ET_DYN_BASE32       0x400000ULL  /* Linux's for IA32 processes */
#define ET_DYN_RANDOM_PAGES 0xffffULL

#define AUX_RANDOM_BYTES (~0ULL)         /* AT_RANDOM: 16 random bytes */
#define AUX_EXECFN       (~1ULL)         /* AT_EXECFN: the path execve was given */
#define AUX_PLATFORM     (~2ULL)         /* AT_PLATFORM: "x86_64" ("i686") */

/* Put string s below *sp in mm: its address, or 0. */
static uint64_t push_string(struct mm *mm, uint64_t *sp, const char *s)
{
	size_t len = strlen(s) + 1;

	*sp -= len;
	return vm_write(mm, *sp, s, len) < 0 ? 0 : *sp;
}

/* Build the first stack in mm and note where argv's and envp's strings
 * went in *img; returns the initial rsp, or 0 when it does not fit. A
 * 32-bit program (compat) gets 4-byte words (u32 pointers, Elf32_auxv_t)
 * below USER32_STACK_TOP. */
static uint64_t build_stack(struct mm *mm, bool compat, const char *path, char *const argv[],
			    char *const envp[], const uint64_t *auxv, int nauxv, struct proc_image *img)
{
	int argc = count(argv), envc = count(envp);
	size_t ws = compat ? 4 : 8;              /* a word, little-endian: the low bytes of a uint64_t */
	uint64_t sp = compat ? USER32_STACK_TOP : USER_STACK_TOP, ptrs[MAX_ARGS * 2 + 2];
	uint64_t rnd[2] = { random_u64(), random_u64() };
	size_t total = 0;

	/* Strings at the very top, as Linux puts them: the file name highest,
	 * below it argv's then envp's in ascending order (so that
	 * /proc/<pid>/cmdline is the bytes from arg_start to arg_end), then
	 * the platform name. */
	uint64_t execfn = push_string(mm, &sp, path);
	if (!execfn)
		return 0;
	for (int i = 0; i < argc + envc; i++)
		total += strlen(i < argc ? argv[i] : envp[i - argc]) + 1;
	sp -= total;
	uint64_t at = sp;
	for (int i = 0; i < argc + envc; i++) {
		const char *s = i < argc ? argv[i] : envp[i - argc];
		size_t len = strlen(s) + 1;
		if (vm_write(mm, at, s, len) < 0)
			return 0;
		ptrs[i] = at;
		at += len;
	}
	img->arg_start = sp;
	img->arg_end = img->env_start = envc ? ptrs[argc] : at;
	img->env_end = at;
	uint64_t platform = push_string(mm, &sp, compat ? "i686" : "x86_64");
	if (!platform)
		return 0;
	sp = (sp - sizeof(rnd)) & ~15ULL;
	uint64_t at_random = sp;

	/* Below: argc, argv[], NULL, envp[], NULL, auxv; rsp 16-aligned at argc. */
	size_t words = 1 + argc + 1 + envc + 1 + nauxv + 2;
	sp = (sp - words * ws) & ~15ULL;
	/* Give those pages their frames first (each may be the first touch,
	 * and memory may be out): then none of the writes below can fail. */
	for (uint64_t pg = sp & ~(PAGE_SIZE - 1); pg < at_random + sizeof(rnd); pg += PAGE_SIZE)
		if (vm_fault(mm, NULL, pg, VM_WRITE) != VM_OK)
			return 0;
	vm_write(mm, at_random, rnd, sizeof(rnd));
	uint64_t a = sp, zero = 0, w;
	w = argc;
	vm_write(mm, a, &w, ws), a += ws;
	for (int i = 0; i < argc; i++)
		vm_write(mm, a, &ptrs[i], ws), a += ws;
	vm_write(mm, a, &zero, ws), a += ws;
	for (int i = 0; i < envc; i++)
		vm_write(mm, a, &ptrs[argc + i], ws), a += ws;
	vm_write(mm, a, &zero, ws), a += ws;
	for (int i = 0; i < nauxv; i += 2) {
		w = auxv[i + 1] == AUX_RANDOM_BYTES ? at_random : auxv[i + 1] == AUX_EXECFN ? execfn
		    : auxv[i + 1] == AUX_PLATFORM ? platform : auxv[i + 1];
		vm_write(mm, a, &auxv[i], ws), a += ws;
		vm_write(mm, a, &w, ws), a += ws;
	}
	vm_write(mm, a, &zero, ws), a += ws;  /* AT_NULL */
	vm_write(mm, a, &zero, ws);
	img->start_stack = sp;
	return sp;
}

/* Check sizes of argv and envp before anything is built. */
static int check_args(char *const argv[], char *const envp[])
{
	size_t total = 0;
	int n = count(argv) + count(envp);

	if (n > MAX_ARGS * 2)
		return -E2BIG;
	for (int i = 0; argv && argv[i]; i++)
		total += strlen(argv[i]) + 1;
	for (int i = 0; envp && envp[i]; i++)
		total += strlen(envp[i]) + 1;
	return total > MAX_ARG_SIZE ? -E2BIG : 0;
}

/* Read the start of program f (its ELF and program headers, at most
 * ELF_HEAD_MAX bytes) through the page cache into a frame of its own (one
 * page, whatever the heap's fragmentation) and check it: an x86-64
 * program, or an i386 one (*compat: it runs in compat mode). The bytes,
 * which info points into (give them back with frame_put), or NULL and *err. */
static void *read_headers(struct rnode *f, struct elf_info *info, bool *compat, long *err)
{
	_Static_assert(ELF_HEAD_MAX <= PAGE_SIZE, "the headers fit a frame");
	size_t len = f->size < ELF_HEAD_MAX ? f->size : ELF_HEAD_MAX;
	uint64_t pa = frame_alloc();
	void *head = pa ? phys_to_virt(pa) : NULL;
	long got;

	*err = -ENOMEM;
	if (!head)
		return NULL;
	*err = -ENOEXEC;
	if ((got = ramfs_read(f, 0, head, len)) >= 0) {
		*compat = false;
		if (elf_check_head(head, got, f->size, ET_EXEC, info) == ELF_OK ||
		    elf_check_head(head, got, f->size, ET_DYN, info) == ELF_OK)
			return head;
		*compat = true;
		if (elf32_check_head(head, got, f->size, ET_EXEC, info) == ELF_OK ||
		    elf32_check_head(head, got, f->size, ET_DYN, info) == ELF_OK)
			return head;
	}
	frame_put(pa);
	return NULL;
}

/* Replace p's program by f's, whose checked headers are info (a 32-bit
 * one when compat). */
static long exec_image(struct proc *p, const char *path, struct rnode *f, struct elf_info info, bool compat,
		       char *const argv[], char *const envp[])
{
	int r = 0;

	if (needs_interpreter(&info)) {
		kprintf("kernel: pid %d: %s is dynamically linked; only static programs run here\n", p->pid, path);
		return -ENOENT;                   /* Linux's answer when the interpreter is missing */
	}
	/* A static PIE (ET_DYN, no interpreter) goes where Linux puts one, at
	 * a random page offset; it relocates itself. (e_type is at the same
	 * place in both classes.) */
	uint64_t bias = 0;
	if (((const Elf64_Ehdr *)info.file)->e_type == ET_DYN)
		bias = (compat ? ET_DYN_BASE32 : ET_DYN_BASE) + (random_u64() & ET_DYN_RANDOM_PAGES) * PAGE_SIZE -
		       info.vaddr_lo;
	info.entry += bias, info.vaddr_lo += bias, info.vaddr_hi += bias;
	if (info.vaddr_lo < USER_MIN || info.vaddr_hi > (compat ? USER32_MMAP_TOP : USER_MMAP_TOP))
		return -ENOEXEC;

	struct mm *mm = mm_new();
	uint64_t sp = 0, stack_top = compat ? USER32_STACK_TOP : USER_STACK_TOP;
	struct vm_usage none = { 0, 0 };
	struct proc_image img = { 0 };
	if (!mm)
		return -ENOMEM;
	uint64_t vdso = compat ? vdso32_map(mm, random_u64()) : vdso_map(mm, random_u64());
	uint64_t auxv[] = {
		AT_PHDR, phdr_address(&info) + bias, AT_PHENT, compat ? sizeof(Elf32_Phdr) : sizeof(Elf64_Phdr),
		AT_PHNUM, info.phnum, AT_PAGESZ, PAGE_SIZE, AT_ENTRY, info.entry,
		AT_CLKTCK, HZ, AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0, AT_SECURE, 0,
		AT_HWCAP, cpu.leaf1_edx, AT_HWCAP2, cpu.fsgsbase ? HWCAP2_FSGSBASE : 0,
		AT_RANDOM, AUX_RANDOM_BYTES, AT_EXECFN, AUX_EXECFN, AT_PLATFORM, AUX_PLATFORM,
		AT_BASE, 0, AT_FLAGS, 0,         /* no interpreter */
		AT_RSEQ_FEATURE_SIZE, RSEQ_FEATURE_SIZE, AT_RSEQ_ALIGN, RSEQ_ALIGN,
		AT_MINSIGSTKSZ, signal_frame_max(),
		AT_TRAPDOOR_ENTRIES, compat ? vdso32_entries() : ENTRY_INT80 | (cpu.syscall ? ENTRY_SYSCALL : 0),
		AT_SYSINFO_EHDR, vdso,
		/* 32-bit only (the pair is left off for a 64-bit program). */
		AT_SYSINFO, compat ? vdso + VDSO32_SYM___kernel_vsyscall : 0,
	};
	/* The stack: a region that grows down (vm_fault) from its first
	 * USER_STACK_PAGES, whose top pages build_stack fills. */
	if (!vdso || (r = load_segments(mm, f, &info, bias)) < 0 ||
	    (r = vm_map(mm, stack_top - USER_STACK_PAGES * PAGE_SIZE, USER_STACK_PAGES * PAGE_SIZE,
			PTE_W | PTE_STACK | VMA_GROWSDOWN | (cpu.nx ? PTE_NX : 0))) < 0 ||
	    !(sp = build_stack(mm, compat, path, argv, envp, auxv, sizeof(auxv) / 8 - (compat ? 0 : 2), &img))) {
		mm_put(mm);
		return r == -ENOEXEC ? r : -ENOMEM;
	}
	/* The new image must fit the limits the caller passes on. (Linux
	 * finds out while it maps, past its point of no return, and kills
	 * the process; here the caller lives on with -ENOMEM.) */
	if (!vm_may_expand(p, &none, mm->vm.pages, false) || !vm_may_expand(p, &none, mm->vm.data, true)) {
		mm_put(mm);
		return -ENOMEM;
	}

	/* The other threads end first (Linux's de_thread): p becomes the
	 * process's only thread, and its leader. */
	if (p->g->nthreads > 1 && (r = thread_group_single(p)) < 0) {
		mm_put(mm);
		return r;
	}

	/* Point of no return: drop the old program. */
	struct mm *old = p->mm;
	p->mm = mm;
	p->cr3 = mm->root;
	if (p == current())
		write_cr3(mm->root);
	if (old)
		proc_drop_space(p, old);
	p->g->data_size = data_size(&info);
	note_segments(&info, bias, &img);
	p->g->image = img;
	rnode_get(f);                             /* before the old one goes: it may be the same */
	if (p->g->exe)
		rnode_put(p->g->exe);
	p->g->exe = f;
	for (int fd = 0; fd < NOFILE; fd++) {     /* O_CLOEXEC descriptors end here */
		if (p->g->cloexec[fd] && p->g->fds[fd]) {
			file_put(p->g->fds[fd]);
			p->g->fds[fd] = NULL;
		}
		p->g->cloexec[fd] = false;
	}
	signal_exec(p);                           /* handlers are gone with the old image */
	p->g->execed = true;                         /* setpgid from the parent: -EACCES now */

	const char *base = path;
	for (const char *s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	size_t i = 0;
	for (; i < sizeof(p->name) - 1 && base[i]; i++)
		p->name[i] = base[i];
	p->name[i] = 0;
	memset(p->ni_said, 0, sizeof(p->ni_said));  /* a new program: its missing calls are news */

	p->g->brk_start = p->g->brk = info.vaddr_hi;
	p->compat = compat;
	p->vdso_base = vdso;
	p->fs_base = p->gs_base = p->clear_child_tid = 0;
	user_segs_exec(p, compat);                /* no TLS; fs = gs = 0; ds = es as start_thread sets them */
	p->robust_list = 0;                       /* Linux forgets it at execve too */
	rseq_exec(p);                             /* and the rseq area (rseq_execve) */
	if (p == current()) {
		this_cpu()->fast32_pad = fast32_landing_pad(p);   /* as switch_to would */
		fpu_load_init();                  /* FCW 0x37f, MXCSR 0x1f80, the rest 0 */
	} else {
		fpu_init_area(p->fpu);
	}
	/* The documented initial state: every register 0 but rsp; IF set; a
	 * 32-bit program in compat mode (its code segment USER32_CS). */
	*p->tf = (struct trap_frame){
		.rip = info.entry, .cs = compat ? USER32_CS : USER_CS, .rflags = RFLAGS_IF | 2,
		.rsp = sp, .ss = USER_DS, .vector = p->tf->vector,
	};
	frame_rewritten(p);
	return 0;
}

long proc_exec(struct proc *p, const char *path, char *const argv[], char *const envp[])
{
	struct rnode *f;
	struct elf_info info;
	bool compat;
	void *head;
	long r;

	if ((r = check_args(argv, envp)) < 0 || (r = vfs_exec_lookup(p->g->cwd, path, &f)) < 0)
		return r;
	/* (f is borrowed: nothing below touches the file system or sleeps.) */
	if (!(head = read_headers(f, &info, &compat, &r)))
		return r;
	r = exec_image(p, path, f, info, compat, argv, envp);
	frame_put(virt_to_phys(head));
	return r;
}

void start_init(const char *path, char *const args[])
{
	static char *const envp[] = { "PATH=/bin", "HOME=/", NULL };
	char *argv[MAX_INIT_ARGS + 2] = { (char *)path };
	struct proc *p = proc_alloc();
	long r;

	for (int i = 0; i < MAX_INIT_ARGS && args[i]; i++)
		argv[i + 1] = args[i];
	if (!p || !tgroup_alloc(p))
		panic("no process slot for init");
	rlimit_init(p);                          /* before exec, which checks them */
	p->tf->vector = 0;                       /* a fresh frame: leave by iretq */
	for (int fd = 0; fd < 3; fd++)           /* stdin, stdout, stderr: the console */
		p->g->fds[fd] = file_console();
	p->g->cwd = vfs_root;
	rnode_get(vfs_root);
	p->g->umask = 022;                          /* Linux's first umask */
	if ((r = proc_exec(p, path, argv, envp)) < 0) {
		kprintf("kernel: cannot start init %s: error %ld\n", path, -r);
		machine_exit(KEXIT_FAILURE);
	}
	p->g->parent = p;
	p->g->pgid = p->g->sid = p->pid;               /* leads a session whose terminal is the console */
	tty_session_start(p);
	sched_make_runnable(p);
	kprintf("kernel: started init (pid %d): %s\n", p->pid, path);
}
