/*
 * elf.c - a strict ELF64 / ELF32 validator (see lib/elf.h).
 *
 * Header fields are copied out of the image a byte at a time before they are
 * looked at, so elf_check() itself works on an image at any address. The
 * struct elf_info it fills, however, points into the image (info->phdrs), so
 * callers must pass an 8-byte aligned image: together with the 8-aligned
 * e_phoff insisted on below, that makes phdrs a properly aligned pointer.
 * An ELF32 image's headers are widened into the Elf64 shapes as they are
 * read, so both classes go through the very same checks.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/elf.h"

#define ELF_PAGE 4096ULL
#define ELF_MAX_PHNUM 64

/* Highest address a segment may end at: vaddr_hi must be able to round up
 * to it (for ELF32, stay below 4 GiB: a 32-bit program's whole space). */
#define ELF_MAX_END   (UINT64_MAX - (ELF_PAGE - 1))
#define ELF32_MAX_END (0x100000000ULL - ELF_PAGE)

/* There is no libc here: copy with a plain loop. */
static void copy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n-- > 0)
		*d++ = *s++;
}

/* True when [off, off+len) lies inside a file of size bytes. */
static bool in_file(uint64_t off, uint64_t len, size_t size)
{
	/* Written as two comparisons so off+len is never computed and cannot wrap. */
	return off <= size && len <= size - off;
}

/* Check one PT_LOAD segment on its own: its bytes, its range (below
 * max_end), its alignment. */
static int check_load(const Elf64_Phdr *ph, size_t size, uint64_t max_end)
{
	if (ph->p_filesz > ph->p_memsz)
		return ELF_ESEGMENT;
	if (!in_file(ph->p_offset, ph->p_filesz, size))
		return ELF_ESEGMENT;
	/*
	 * vaddr+memsz must not wrap, and its page-rounded value (vaddr_hi) must
	 * still fit in 64 bits; compare against the limit minus vaddr instead of
	 * adding, so the check itself cannot overflow.
	 */
	if (ph->p_vaddr > max_end || ph->p_memsz > max_end - ph->p_vaddr)
		return ELF_ESEGMENT;
	if (ph->p_align > 1) {
		if (ph->p_align & (ph->p_align - 1))
			return ELF_EALIGN;
		/* vaddr == offset (mod align); unsigned wrap-around keeps the residue. */
		if ((ph->p_vaddr - ph->p_offset) & (ph->p_align - 1))
			return ELF_EALIGN;
	}
	return ELF_OK;
}

/* Read the ELF header of the given class (file has room for it), widened. */
static void read_ehdr(const unsigned char *file, int elf_class, Elf64_Ehdr *eh)
{
	Elf32_Ehdr e32;

	if (elf_class == ELFCLASS64) {
		copy(eh, file, sizeof(*eh));
		return;
	}
	copy(&e32, file, sizeof(e32));
	copy(eh->e_ident, e32.e_ident, EI_NIDENT);
	eh->e_type = e32.e_type, eh->e_machine = e32.e_machine, eh->e_version = e32.e_version;
	eh->e_entry = e32.e_entry, eh->e_phoff = e32.e_phoff, eh->e_shoff = e32.e_shoff;
	eh->e_flags = e32.e_flags, eh->e_ehsize = e32.e_ehsize;
	eh->e_phentsize = e32.e_phentsize, eh->e_phnum = e32.e_phnum;
	eh->e_shentsize = e32.e_shentsize, eh->e_shnum = e32.e_shnum, eh->e_shstrndx = e32.e_shstrndx;
}

/* Read program header i at phoff (already known to lie inside the file), widened. */
static void read_phdr(const unsigned char *file, int elf_class, uint64_t phoff, unsigned i, Elf64_Phdr *ph)
{
	Elf32_Phdr p32;

	if (elf_class == ELFCLASS64) {
		copy(ph, file + phoff + (uint64_t)i * sizeof(Elf64_Phdr), sizeof(*ph));
		return;
	}
	copy(&p32, file + phoff + (uint64_t)i * sizeof(Elf32_Phdr), sizeof(p32));
	*ph = (Elf64_Phdr){ p32.p_type, p32.p_flags, p32.p_offset, p32.p_vaddr,
			    p32.p_paddr, p32.p_filesz, p32.p_memsz, p32.p_align };
}

void elf_phdr(const struct elf_info *info, unsigned i, Elf64_Phdr *ph)
{
	read_phdr(info->file, info->elf_class, info->phoff, i, ph);
}

/* The validator for both classes: x86-64 ELF64 or i386 ELF32. head holds
 * the first headlen bytes of a file of size bytes. */
static int check(const void *head, size_t headlen, size_t size, int elf_class, uint16_t want_type,
		 struct elf_info *info)
{
	const unsigned char *f = head;
	bool is64 = elf_class == ELFCLASS64;
	size_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	size_t phsize = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	uint64_t max_end = is64 ? ELF_MAX_END : ELF32_MAX_END;
	Elf64_Ehdr eh;
	Elf64_Phdr ph, other;
	uint64_t lo = UINT64_MAX, hi = 0;
	bool any_load = false, entry_ok = false;
	int err;

	if (size < ehsize || headlen < ehsize)
		return ELF_ETRUNC;
	read_ehdr(f, elf_class, &eh);

	if (eh.e_ident[0] != ELFMAG0 || eh.e_ident[1] != 'E' ||
	    eh.e_ident[2] != 'L' || eh.e_ident[3] != 'F')
		return ELF_EMAGIC;
	/* e_ident[4..6]: EI_CLASS, EI_DATA, EI_VERSION. */
	if (eh.e_ident[4] != elf_class || eh.e_ident[5] != ELFDATA2LSB ||
	    eh.e_ident[6] != EV_CURRENT || eh.e_version != EV_CURRENT)
		return ELF_ECLASS;
	if (eh.e_machine != (is64 ? EM_X86_64 : EM_386))
		return ELF_EMACHINE;
	if (eh.e_type != want_type)
		return ELF_ETYPE;

	if (eh.e_phentsize != phsize)
		return ELF_EPHDR;
	if (eh.e_phnum == 0 || eh.e_phnum > ELF_MAX_PHNUM)
		return ELF_EPHDR;
	/* info->phdrs points at the table: it must be aligned like an Elf64_Phdr
	 * (an Elf32_Phdr: 4 bytes). */
	if (eh.e_phoff % (is64 ? 8 : 4) != 0)
		return ELF_EPHDR;
	/* phnum*phentsize <= 64*56 cannot overflow; in_file() guards phoff+that.
	 * The table is read from head, so it must lie there too. */
	if (!in_file(eh.e_phoff, (uint64_t)eh.e_phnum * eh.e_phentsize, size) ||
	    !in_file(eh.e_phoff, (uint64_t)eh.e_phnum * eh.e_phentsize, headlen))
		return ELF_EPHDR;

	/* Each PT_LOAD on its own, and the span they cover. */
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		read_phdr(f, elf_class, eh.e_phoff, i, &ph);
		if (ph.p_type != PT_LOAD)
			continue;
		err = check_load(&ph, size, max_end);
		if (err != ELF_OK)
			return err;
		any_load = true;
		if (ph.p_vaddr < lo)
			lo = ph.p_vaddr;
		if (ph.p_vaddr + ph.p_memsz > hi)
			hi = ph.p_vaddr + ph.p_memsz;
		if ((ph.p_flags & PF_X) && eh.e_entry >= ph.p_vaddr &&
		    eh.e_entry - ph.p_vaddr < ph.p_memsz)
			entry_ok = true;
	}

	/* Pairs of PT_LOADs: [vaddr, vaddr+memsz) ranges must be disjoint (no wrap: checked above). */
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		read_phdr(f, elf_class, eh.e_phoff, i, &ph);
		if (ph.p_type != PT_LOAD)
			continue;
		for (unsigned j = i + 1; j < eh.e_phnum; j++) {
			read_phdr(f, elf_class, eh.e_phoff, j, &other);
			if (other.p_type != PT_LOAD)
				continue;
			if (ph.p_vaddr < other.p_vaddr + other.p_memsz &&
			    other.p_vaddr < ph.p_vaddr + ph.p_memsz)
				return ELF_EOVERLAP;
		}
	}

	if (!any_load)
		return ELF_ENOLOAD;
	if (!entry_ok)
		return ELF_EENTRY;

	if (info) {
		info->entry = eh.e_entry;
		info->vaddr_lo = lo & ~(ELF_PAGE - 1);
		/* hi <= ELF_MAX_END, so rounding up cannot wrap. */
		info->vaddr_hi = (hi + ELF_PAGE - 1) & ~(ELF_PAGE - 1);
		info->phdrs = is64 ? (const Elf64_Phdr *)(f + eh.e_phoff) : NULL;
		info->phnum = eh.e_phnum;
		info->elf_class = elf_class;
		info->phoff = eh.e_phoff;
		info->file = head;
	}
	return ELF_OK;
}

int elf_check(const void *file, size_t size, uint16_t want_type, struct elf_info *info)
{
	return check(file, size, size, ELFCLASS64, want_type, info);
}

int elf32_check(const void *file, size_t size, uint16_t want_type, struct elf_info *info)
{
	return check(file, size, size, ELFCLASS32, want_type, info);
}

int elf_check_head(const void *head, size_t headlen, size_t size, uint16_t want_type, struct elf_info *info)
{
	return check(head, headlen, size, ELFCLASS64, want_type, info);
}

int elf32_check_head(const void *head, size_t headlen, size_t size, uint16_t want_type, struct elf_info *info)
{
	return check(head, headlen, size, ELFCLASS32, want_type, info);
}

const char *elf_strerror(int err)
{
	switch (err) {
	case ELF_OK:       return "ok";
	case ELF_ETRUNC:   return "file smaller than an ELF header";
	case ELF_EMAGIC:   return "not an ELF file (bad magic)";
	case ELF_ECLASS:   return "not a little-endian ELF64 (ELF32) version 1 file";
	case ELF_EMACHINE: return "not an x86-64 (i386) file";
	case ELF_ETYPE:    return "wrong ELF file type";
	case ELF_EPHDR:    return "bad program header table";
	case ELF_ESEGMENT: return "bad PT_LOAD segment size or file range";
	case ELF_EALIGN:   return "bad PT_LOAD segment alignment";
	case ELF_ENOLOAD:  return "no PT_LOAD segment";
	case ELF_EENTRY:   return "entry point not in an executable segment";
	case ELF_EOVERLAP: return "PT_LOAD segments overlap";
	default:           return "unknown ELF error";
	}
}
