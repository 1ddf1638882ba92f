/*
 * fpu_frame.c - the x87/SSE/AVX state in signal frames, laid out as
 * Linux's (api/signal.h, docs/abi.md): the FXSAVE area, the XSAVE header
 * and the extended components in the standard layout, sw_reserved
 * describing them and FP_XSTATE_MAGIC2 after them.
 *
 * Both ways go through one kernel buffer: the state is saved there and
 * copied out, and a frame is copied in, checked there for everything
 * XRSTOR/FXRSTOR would fault on, and only then loaded, so neither ever
 * faults in the kernel. (Under the big kernel lock: the buffer has one
 * user at a time.)
 */
#include <stddef.h>

#include "api/signal.h"
#include "arch/fpu.h"
#include "kernel.h"
#include "uaccess.h"

#define LEGACY_SIZE  sizeof(struct k_fpstate)                       /* 512 */
#define XSTATE_MIN   (LEGACY_SIZE + sizeof(struct k_xstate_header))  /* 576 */

static uint8_t buf[FPU_AREA_MAX + FP_XSTATE_MAGIC2_SIZE] __attribute__((aligned(64)));

uint64_t fpu_frame_size(void)
{
	return fpu.xsave ? fpu.size + FP_XSTATE_MAGIC2_SIZE : fpu.size;
}

long fpu_frame_save(uint64_t uaddr)
{
	struct k_fpstate *fx = (struct k_fpstate *)buf;
	struct k_xstate_header *h = (struct k_xstate_header *)(buf + LEGACY_SIZE);

	/* XSAVE leaves reserved bytes and gaps alone: none of them may carry
	 * what an earlier user of the buffer left. */
	memset(buf, 0, fpu_frame_size());
	fpu_save(buf);
	fx->sw_reserved = (struct k_fpx_sw_bytes){
		.magic1 = FP_XSTATE_MAGIC1, .extended_size = fpu.size + FP_XSTATE_MAGIC2_SIZE,
		.xfeatures = fpu.xcr0, .xstate_size = fpu.size,
	};
	if (fpu.xsave) {
		/* As Linux: x87 and SSE always count as present, so a program
		 * that edits only the FXSAVE part sees its edits restored. */
		h->xfeatures |= XFEATURE_X87 | XFEATURE_SSE;
		*(uint32_t *)(buf + fpu.size) = FP_XSTATE_MAGIC2;
	}
	return copy_to_user((void *)uaddr, buf, fpu_frame_size());
}

/* Is the header one XRSTOR (standard form) takes: only enabled features,
 * XCOMP_BV and the reserved bytes zero? */
static bool header_ok(const struct k_xstate_header *h)
{
	if ((h->xfeatures & ~fpu.xcr0) || h->xcomp_bv)
		return false;
	for (int i = 0; i < 6; i++)
		if (h->reserved[i])
			return false;
	return true;
}

/*
 * Linux's rules (arch/x86/kernel/fpu/signal.c): without a valid
 * sw_reserved (magic1, sizes) and FP_XSTATE_MAGIC2 after the state, the
 * frame holds only the FXSAVE part: x87 and SSE come from it and every
 * other component starts in its initial state. What would make the
 * instruction fault (reserved MXCSR bits, XSTATE_BV outside XCR0, a
 * compacted or dirty header, a misaligned area) gives SIGSEGV.
 */
long fpu_frame_restore(uint64_t uaddr)
{
	struct k_fpstate *fx = (struct k_fpstate *)buf;
	struct k_xstate_header *h = (struct k_xstate_header *)(buf + LEGACY_SIZE);

	if (!uaddr) {
		fpu_load_init();                  /* no state in the frame: the initial one */
		return 0;
	}
	if (uaddr & (fpu.xsave ? 63 : 15))
		return -1;                        /* XRSTOR, FXRSTOR: #GP */
	/* Every byte XRSTOR reads below comes from this frame, or is zeroed
	 * (the tail past a short xstate_size): never an earlier frame's. */
	if (copy_from_user(buf, (void *)uaddr, LEGACY_SIZE) < 0 || (fx->mxcsr & ~fpu.mxcsr_mask))
		return -1;
	if (!fpu.xsave) {
		fpu_load(buf);
		return 0;
	}

	struct k_fpx_sw_bytes sw = fx->sw_reserved;
	uint32_t magic2 = 0;
	bool extended = sw.magic1 == FP_XSTATE_MAGIC1 && sw.xstate_size >= XSTATE_MIN &&
			sw.xstate_size <= fpu.size && sw.xstate_size <= sw.extended_size;
	if (extended) {
		if (copy_from_user(&magic2, (void *)(uaddr + sw.xstate_size), sizeof(magic2)) < 0)
			return -1;
		extended = magic2 == FP_XSTATE_MAGIC2;
	}
	if (!extended) {
		*h = (struct k_xstate_header){ .xfeatures = XFEATURE_X87 | XFEATURE_SSE };
	} else {
		if (copy_from_user(h, (void *)(uaddr + LEGACY_SIZE), sw.xstate_size - LEGACY_SIZE) < 0 ||
		    !header_ok(h))
			return -1;
		memset(buf + sw.xstate_size, 0, fpu.size - sw.xstate_size);
		h->xfeatures &= sw.xfeatures;     /* what the frame does not claim starts initial */
	}
	fpu_load(buf);
	return 0;
}
