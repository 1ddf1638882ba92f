/*
 * vdso32.h - the 32-bit vDSO (proc/vdso32.c): where its symbols are.
 * VDSO32_SYM_<name> is a symbol's offset in the image, generated from the
 * built vdso32.so (scripts/gen-vdso-syms.sh).
 */
#ifndef VDSO32_H
#define VDSO32_H

#include <stdint.h>

#include "proc.h"
#include "vdso32_syms.h"

void vdso32_init(void);                     /* copy the image, patch __kernel_vsyscall for this CPU */
struct mm;
uint64_t vdso32_map(struct mm *mm, uint64_t random);   /* map it (and vvar) below 4 GiB; its base, or 0 */
const char *vdso32_frame_name(uint64_t pa); /* "[vdso]" for one of its frames, else NULL */
uint32_t vdso32_entries(void);              /* AT_TRAPDOOR_ENTRIES of a 32-bit process: ENTRY_*_32 bits */

/* The user address of the 32-bit vDSO symbol at sym_offset in p. */
static inline uint32_t vdso32_addr(const struct proc *p, unsigned long sym_offset)
{
	return (uint32_t)(p->vdso_base + sym_offset);
}

#endif
