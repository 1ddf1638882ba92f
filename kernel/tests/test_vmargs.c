/*
 * test_vmargs.c - host tests for mm/vmargs.c: mprotect's, madvise's and
 * mremap's argument checks give Linux's errors in Linux's order, and prot
 * turns into the page rights it should.
 */
#include <stdint.h>

#include "api/abi.h"
#include "api/errno.h"
#include "check.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "mm/vmargs.h"

#define P 4096ULL

static void test_prot_rights(void)
{
	CHECK_EQ(prot_rights(PROT_NONE, true), PTE_PROTNONE);
	CHECK_EQ(prot_rights(PROT_READ, true), PTE_NX);
	CHECK_EQ(prot_rights(PROT_READ, false), 0);
	CHECK_EQ(prot_rights(PROT_WRITE, true), PTE_W | PTE_NX);   /* write implies read on x86 */
	CHECK_EQ(prot_rights(PROT_READ | PROT_WRITE, true), PTE_W | PTE_NX);
	CHECK_EQ(prot_rights(PROT_EXEC, true), 0);
	CHECK_EQ(prot_rights(PROT_READ | PROT_WRITE | PROT_EXEC, true), PTE_W);
	CHECK_EQ(prot_rights(PROT_SEM, true), PTE_PROTNONE);       /* no access right at all */
}

static void test_mprotect(void)
{
	uint64_t end = 1;

	CHECK_EQ(mprotect_args(0x10000, P, PROT_READ, &end), 0);
	CHECK_EQ(end, 0x10000 + P);
	CHECK_EQ(mprotect_args(0x10000, 1, PROT_READ, &end), 0);   /* a partial page is a page */
	CHECK_EQ(end, 0x10000 + P);
	CHECK_EQ(mprotect_args(0x10000, 0, 0x10, &end), 0);        /* length 0 before prot */
	CHECK_EQ(end, 0x10000);
	CHECK_EQ(mprotect_args(0x10001, 0, PROT_READ, &end), -EINVAL); /* alignment before length */
	CHECK_EQ(mprotect_args(0x10000, P, 0x10, &end), -EINVAL);
	CHECK_EQ(mprotect_args(0x10000, P, PROT_READ | PROT_SEM, &end), 0);
	CHECK_EQ(mprotect_args(0x10000, P, PROT_GROWSDOWN | PROT_GROWSUP, &end), -EINVAL);
	CHECK_EQ(mprotect_args(0x10001, P, PROT_GROWSDOWN | PROT_GROWSUP, &end), -EINVAL);
	CHECK_EQ(mprotect_args(0x10000, P, PROT_READ | PROT_GROWSDOWN, &end), -EINVAL);
	CHECK_EQ(mprotect_args(-P, P, PROT_READ, &end), -ENOMEM);  /* ends at 0: wraps */
	CHECK_EQ(mprotect_args(0x10000, -1ULL, PROT_READ, &end), -ENOMEM);  /* rounds to 0 */
	CHECK_EQ(mprotect_args(0x10000, -P, 0x10, &end), -ENOMEM); /* wrap before prot, as Linux */
}

static void test_madvise(void)
{
	uint64_t end = 1;

	CHECK_EQ(madvise_args(0x10000, 3 * P - 1, MADV_DONTNEED, &end), 0);
	CHECK_EQ(end, 0x10000 + 3 * P);
	CHECK_EQ(madvise_args(0x10000, 0, MADV_NORMAL, &end), 0);
	CHECK_EQ(end, 0x10000);
	CHECK_EQ(madvise_args(0x10001, 0, 5, &end), -EINVAL);      /* advice first */
	CHECK_EQ(madvise_args(0x10001, 0, MADV_NORMAL, &end), -EINVAL);
	CHECK_EQ(madvise_args(0x10000, -1ULL, MADV_NORMAL, &end), -EINVAL);
	CHECK_EQ(madvise_args(-P, 2 * P, MADV_NORMAL, &end), -EINVAL);
	static const uint64_t known[] = { 0, 1, 2, 3, 4, 8, 16, 17 };
	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		CHECK_EQ(madvise_args(0x10000, P, known[i], &end), 0);
	CHECK_EQ(madvise_args(0x10000, P, 9, &end), -EINVAL);
	CHECK_EQ(madvise_args(0x10000, P, 1ULL << 32, &end), -EINVAL);
}

static void test_mremap(void)
{
	uint64_t o = 0, n = 0;

	CHECK_EQ(mremap_args(0x10000, P + 1, 3 * P - 1, MREMAP_MAYMOVE, 0, &o, &n), 0);
	CHECK_EQ(o, 2 * P);
	CHECK_EQ(n, 3 * P);
	CHECK_EQ(mremap_args(0x10000, P, P, 8, 0, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10001, P, P, 0, 0, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10000, P, 0, 0, 0, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10000, P, -1ULL, 0, 0, &o, &n), -EINVAL);   /* rounds to 0 */
	CHECK_EQ(mremap_args(0x10000, 0, P, 0, 0, &o, &n), 0);             /* old 0: later */
	CHECK_EQ(mremap_args(0x10000, P, P, MREMAP_FIXED, 0x20000, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10000, P, P, MREMAP_FIXED | MREMAP_MAYMOVE, 0x20001, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10000, P, P, MREMAP_FIXED | MREMAP_MAYMOVE, 0x20000, &o, &n), 0);
	CHECK_EQ(mremap_args(0x10000, P, 2 * P, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10000, P, P, MREMAP_DONTUNMAP, 0, &o, &n), -EINVAL);
	CHECK_EQ(mremap_args(0x10000, P, P, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0, &o, &n), 0);
	/* Without MREMAP_FIXED the new address is not looked at. */
	CHECK_EQ(mremap_args(0x10000, P, P, MREMAP_MAYMOVE, 0x20001, &o, &n), 0);
}

int main(void)
{
	test_prot_rights();
	test_mprotect();
	test_madvise();
	test_mremap();
	return check_done();
}
