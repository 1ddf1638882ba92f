/*
 * vmargs.c - argument checks for mprotect, madvise and mremap (see
 * mm/vmargs.h), in the order Linux makes them (mm/mprotect.c's
 * do_mprotect_pkey, mm/madvise.c's do_madvise, mm/mremap.c's
 * check_mremap_params), so the same bad call gets the same errno.
 */
#include "api/abi.h"
#include "api/errno.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "mm/vmargs.h"

#define PAGE 4096ULL

/* Round up to a page; 0 when that wraps (Linux's PAGE_ALIGN does too). */
static uint64_t round_up(uint64_t n) { return (n + PAGE - 1) & ~(PAGE - 1); }

uint64_t prot_rights(uint64_t prot, bool nx)
{
	if (!(prot & (PROT_READ | PROT_WRITE | PROT_EXEC)))
		return PTE_PROTNONE;
	return ((prot & PROT_WRITE) ? PTE_W : 0) | (!(prot & PROT_EXEC) && nx ? PTE_NX : 0);
}

long mprotect_args(uint64_t start, uint64_t len, uint64_t prot, uint64_t *end)
{
	uint64_t grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);

	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & (PAGE - 1))
		return -EINVAL;
	*end = start;
	if (len == 0)
		return 0;
	len = round_up(len);
	if (len == 0 || start + len <= start)
		return -ENOMEM;                  /* wraps round the top */
	if (prot & ~(uint64_t)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM | grows))
		return -EINVAL;
	/* Linux lets PROT_GROWSDOWN/UP stretch the range to the start (end)
	 * of a stack-like mapping; no mapping here grows, so Linux's answer
	 * for any other mapping applies to all. */
	if (grows)
		return -EINVAL;
	*end = start + len;
	return 0;
}

/* The advice this kernel knows: the hints (nothing to do), and DONTNEED. */
static bool advice_known(uint64_t advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_DONTNEED: case MADV_FREE: case MADV_DONTDUMP: case MADV_DODUMP:
		return true;
	default:
		return false;
	}
}

long madvise_args(uint64_t start, uint64_t len, uint64_t advice, uint64_t *end)
{
	uint64_t rounded = round_up(len);

	if (!advice_known(advice))
		return -EINVAL;
	if (start & (PAGE - 1))
		return -EINVAL;
	if (len && !rounded)
		return -EINVAL;                  /* a small negative length rounded to 0 */
	if (start + rounded < start)
		return -EINVAL;
	*end = start + rounded;
	return 0;
}

long mremap_args(uint64_t addr, uint64_t old_len, uint64_t new_len, uint64_t flags,
		 uint64_t new_addr, uint64_t *old_rounded, uint64_t *new_rounded)
{
	if (flags & ~(uint64_t)(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if (addr & (PAGE - 1))
		return -EINVAL;
	if (!round_up(new_len))
		return -EINVAL;                  /* zero, or so big it wraps */
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		if (new_addr & (PAGE - 1))
			return -EINVAL;
		if (!(flags & MREMAP_MAYMOVE))
			return -EINVAL;          /* a fixed address implies a move */
		if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
			return -EINVAL;
	}
	*old_rounded = round_up(old_len);
	*new_rounded = round_up(new_len);
	return 0;
}
