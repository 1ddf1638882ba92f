/*
 * vdso.c - find functions in the vDSO the kernel mapped into this process
 * (AT_SYSINFO_EHDR): its PT_DYNAMIC gives the symbol and string tables,
 * and DT_HASH's chain count says how many symbols there are.
 */
#include <string.h>
#include <sys/auxv.h>
#include <sys/entry.h>

#include "lib/elf.h"

void *libc_vdso_sym(const char *name)
{
	const char *base = (const char *)getauxval(AT_SYSINFO_EHDR);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)base;
	const Elf64_Dyn *dyn = 0;
	const Elf64_Sym *sym = 0;
	const uint32_t *hash = 0;
	const char *str = 0;
	uint64_t bias = 0;

	if (!base || memcmp(eh->e_ident, "\177ELF", 4) != 0 || eh->e_ident[4] != ELFCLASS64)
		return 0;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(base + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !bias)
			bias = (uint64_t)base - ph[i].p_vaddr;   /* where it was linked vs mapped */
		else if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)(ph[i].p_vaddr);
	}
	if (!bias || !dyn)
		return 0;
	dyn = (const Elf64_Dyn *)((uint64_t)dyn + bias);
	for (; dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == DT_HASH)
			hash = (const uint32_t *)(dyn->d_val + bias);
		else if (dyn->d_tag == DT_SYMTAB)
			sym = (const Elf64_Sym *)(dyn->d_val + bias);
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
