/*
 * elf.h - ELF64 and ELF32 definitions and a strict validator (host-tested).
 *
 * Used by the bootloader for kernel.elf and by the kernel for user programs
 * (64-bit x86-64 ones, and 32-bit i386 ones that run in compat mode).
 * elf_check() looks only inside [file, file+size) and never trusts a field
 * before checking it, so a truncated or hostile file is rejected, not read
 * out of bounds.
 */
#ifndef LIB_ELF_H
#define LIB_ELF_H

#include <stddef.h>
#include <stdint.h>

#define EI_NIDENT 16
#define ELFMAG0 0x7f
#define ELFCLASS32 1
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define EV_CURRENT 1
#define ET_EXEC 2
#define ET_DYN 3
#define EM_386 3
#define EM_X86_64 62

#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_NOTE 4
#define PT_PHDR 6
#define PT_TLS 7
#define PT_GNU_STACK 0x6474e551

#define PF_X 1
#define PF_W 2
#define PF_R 4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
} Elf64_Phdr;

/* The ELF32 shapes (i386 programs): the same fields, narrower and
 * (for the program header) in another order. */
typedef struct {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint32_t e_entry;
	uint32_t e_phoff;
	uint32_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	uint32_t p_type;
	uint32_t p_offset;
	uint32_t p_vaddr;
	uint32_t p_paddr;
	uint32_t p_filesz;
	uint32_t p_memsz;
	uint32_t p_flags;
	uint32_t p_align;
} Elf32_Phdr;

/* The dynamic section and symbols (what libc reads in the vDSO). */
#define DT_NULL 0
#define DT_HASH 4
#define DT_STRTAB 5
#define DT_SYMTAB 6
#define STT_FUNC 2
#define SHN_UNDEF 0

typedef struct {
	int64_t d_tag;
	uint64_t d_val;
} Elf64_Dyn;

typedef struct {
	uint32_t st_name;
	unsigned char st_info;
	unsigned char st_other;
	uint16_t st_shndx;
	uint64_t st_value;
	uint64_t st_size;
} Elf64_Sym;

enum elf_err {
	ELF_OK = 0,
	ELF_ETRUNC = -1,    /* file smaller than the ELF header */
	ELF_EMAGIC = -2,    /* not \x7fELF */
	ELF_ECLASS = -3,    /* not the class asked for (ELFCLASS64 / 32) / little-endian / version 1 */
	ELF_EMACHINE = -4,  /* not x86-64 (ELF64) / i386 (ELF32) */
	ELF_ETYPE = -5,     /* e_type not the one asked for */
	ELF_EPHDR = -6,     /* program header table bad: size, count, or outside the file */
	ELF_ESEGMENT = -7,  /* a PT_LOAD segment's bytes lie outside the file, filesz > memsz, or its range overflows */
	ELF_EALIGN = -8,    /* p_align not a power of two, or vaddr and offset disagree modulo it */
	ELF_ENOLOAD = -9,   /* no PT_LOAD segment */
	ELF_EENTRY = -10,   /* entry point not inside an executable PT_LOAD segment */
	ELF_EOVERLAP = -11, /* two PT_LOAD segments overlap in memory */
};

/* What elf_check() learnt: the span of all PT_LOAD segments, page-rounded. */
struct elf_info {
	uint64_t entry;
	uint64_t vaddr_lo;  /* lowest PT_LOAD p_vaddr, rounded down to 4096 */
	uint64_t vaddr_hi;  /* highest p_vaddr + p_memsz, rounded up to 4096 */
	const Elf64_Phdr *phdrs; /* inside the file image (ELF64 only; NULL for ELF32: use elf_phdr) */
	uint16_t phnum;
	uint8_t elf_class;       /* ELFCLASS64 or ELFCLASS32 */
	uint64_t phoff;          /* e_phoff: where the program headers are in the file */
	const void *file;        /* the image, or its head (for elf_phdr) */
};

/*
 * Validate an ELF64 x86-64 image of the given e_type (ET_EXEC or ET_DYN).
 * On success fill *info and return ELF_OK; otherwise return an enum elf_err.
 */
int elf_check(const void *file, size_t size, uint16_t want_type, struct elf_info *info);

/*
 * The same for an ELF32 i386 image (a 32-bit program): every address and
 * segment must lie below 4 GiB. info->phdrs is NULL; read the program
 * headers, widened, with elf_phdr().
 */
int elf32_check(const void *file, size_t size, uint16_t want_type, struct elf_info *info);

/*
 * The same checks with only the start of the file at hand (exec reads a
 * program through the page cache): head holds bytes [0, headlen) of a
 * file of size bytes. The program header table must lie inside head
 * (ELF_EPHDR otherwise: linkers put it right after the ELF header, and
 * ELF_HEAD_MAX bytes hold the largest table this accepts); segments are
 * checked against size. info points into head.
 */
#define ELF_HEAD_MAX 4096
int elf_check_head(const void *head, size_t headlen, size_t size, uint16_t want_type, struct elf_info *info);
int elf32_check_head(const void *head, size_t headlen, size_t size, uint16_t want_type, struct elf_info *info);

/* Program header i (< info->phnum) of a checked image of either class, as an Elf64_Phdr. */
void elf_phdr(const struct elf_info *info, unsigned i, Elf64_Phdr *ph);

/* A short English description of an elf_check() result. */
const char *elf_strerror(int err);

#endif
