/*
 * vdso.c - find functions in the vDSO the kernel mapped into this process
 * (AT_SYSINFO_EHDR): its PT_DYNAMIC gives the symbol and string tables,
 * and DT_HASH's chain count says how many symbols there are. A -m32
 * program reads the 32-bit vDSO: the same walk over ELF32 shapes.
 */
#include <string.h>
#include <sys/auxv.h>
#include <sys/entry.h>

#include "lib/elf.h"

#ifdef __i386__
#define VDSO_CLASS 1                         /* ELFCLASS32 */
typedef struct {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Ehdr;
typedef struct {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
} Phdr;
typedef struct {
	int32_t d_tag;
	uint32_t d_val;
} Dyn;
typedef struct {
	uint32_t st_name, st_value, st_size;
	unsigned char st_info, st_other;
	uint16_t st_shndx;
} Sym;
#else
#define VDSO_CLASS ELFCLASS64
typedef Elf64_Ehdr Ehdr;
typedef Elf64_Phdr Phdr;
typedef Elf64_Dyn Dyn;
typedef Elf64_Sym Sym;
#endif

void *libc_vdso_sym(const char *name)
{
	const char *base = (const char *)getauxval(AT_SYSINFO_EHDR);
	const Ehdr *eh = (const Ehdr *)base;
	const Dyn *dyn = 0;
	const Sym *sym = 0;
	const uint32_t *hash = 0;
	const char *str = 0;
	uintptr_t bias = 0;

	if (!base || memcmp(eh->e_ident, "\177ELF", 4) != 0 || eh->e_ident[4] != VDSO_CLASS)
		return 0;
	const Phdr *ph = (const Phdr *)(base + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !bias)
			bias = (uintptr_t)base - ph[i].p_vaddr;   /* where it was linked vs mapped */
		else if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Dyn *)(uintptr_t)(ph[i].p_vaddr);
	}
	if (!bias || !dyn)
		return 0;
	dyn = (const Dyn *)((uintptr_t)dyn + bias);
	for (; dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_HASH)
			hash = (const uint32_t *)(dyn->d_val + bias);
		else if (dyn->d_tag == DT_SYMTAB)
			sym = (const Sym *)(dyn->d_val + bias);
		else if (dyn->d_tag == DT_STRTAB)
			str = (const char *)(dyn->d_val + bias);
	}
	if (!hash || !sym || !str)
		return 0;
	for (uint32_t i = 0; i < hash[1]; i++)            /* hash[1]: nchain = symbol count */
		if ((sym[i].st_info & 15) == STT_FUNC && sym[i].st_shndx != SHN_UNDEF &&
		    strcmp(str + sym[i].st_name, name) == 0)
			return (void *)(sym[i].st_value + bias);
	return 0;
}
