/*
 * fpu_frame32.c - the x87/SSE/AVX state in i386 signal frames, laid out
 * as Linux's: the x87 state as FSAVE writes it (struct
 * compat_fpstate_head, 112 bytes, magic X86_FXSR_MAGIC), then the very
 * area the 64-bit frames hold (proc/fpu_frame.c: FXSAVE, XSAVE header,
 * components, FP_XSTATE_MAGIC2), 64-byte aligned. The frame's fpstate
 * points at the header.
 *
 * Saving writes the 64-bit area through fpu_frame_save and derives the
 * header from its FXSAVE part. Restoring loads the area through
 * fpu_frame_restore (every check it makes) and then, as Linux's
 * convert_to_fxsr, takes the x87 environment and registers from the
 * header, which is what an i386 program edits.
 */
#include "api/errno.h"
#include "api/signal.h"
#include "arch/fpu.h"
#include "compat.h"
#include "kernel.h"
#include "uaccess.h"

/* The live state, patched, on its way back (under the big kernel lock:
 * one user at a time). */
static uint8_t area[FPU_AREA_MAX] __attribute__((aligned(64)));

/* The full i387 tag word from FXSAVE's abridged one (Linux's
 * twd_fxsr_to_i387): per physical register, empty (3) where the abridged
 * bit is clear, else zero (1), special (2) or valid (0) by its value. */
static uint32_t tag_from_fxsr(const struct k_fpstate *fx)
{
	int top = (fx->swd >> 11) & 7;
	uint32_t tag = 0;

	for (int i = 0; i < 8; i++) {
		int t = 3;
		if (fx->twd & (1 << i)) {
			const uint8_t *st = (const uint8_t *)fx->st_space + 16 * ((i - top) & 7);
			uint64_t mant;
			uint16_t exp;
			memcpy(&mant, st, 8);
			memcpy(&exp, st + 8, 2);
			exp &= 0x7fff;
			if (exp == 0x7fff)
				t = 2;
			else if (exp == 0)
				t = mant ? 2 : 1;
			else
				t = mant >> 63 ? 0 : 2;
		}
		tag |= (uint32_t)t << (2 * i);
	}
	return tag | 0xffff0000u;
}

/* The abridged tag (one bit per register: not empty) from a full one. */
static uint16_t tag_to_fxsr(uint32_t tag)
{
	uint16_t twd = 0;

	for (int i = 0; i < 8; i++)
		if (((tag >> (2 * i)) & 3) != 3)
			twd |= 1 << i;
	return twd;
}

long fpu_frame32_save(uint64_t fpstate)
{
	struct compat_fpstate_head h = { 0 };
	struct k_fpstate fx;
	uint16_t ds;

	if (fpu_frame_save(fpstate + FPU_FSAVE_HEADER) < 0 ||
	    copy_from_user(&fx, (void *)(fpstate + FPU_FSAVE_HEADER), sizeof(fx)) < 0)
		return -EFAULT;
	__asm__("movw %%ds, %0" : "=r"(ds));
	h.cw = fx.cwd | 0xffff0000u;
	h.sw = fx.swd | 0xffff0000u;
	h.tag = tag_from_fxsr(&fx);
	h.ipoff = (uint32_t)fx.rip;
	h.cssel = USER32_CS | (uint32_t)(fx.fop & 0x7ff) << 16;   /* 64-bit mode keeps no FCS (Linux's choice too) */
	h.dataoff = (uint32_t)fx.rdp;
	h.datasel = ds | 0xffff0000u;
	for (int i = 0; i < 8; i++)
		memcpy(h.st[i], (const uint8_t *)fx.st_space + 16 * i, 10);
	h.status = fx.swd;
	h.magic = COMPAT_FXSR_MAGIC;
	return copy_to_user((void *)fpstate, &h, sizeof(h));
}

long fpu_frame32_restore(uint64_t fpstate)
{
	struct compat_fpstate_head h;

	if (!fpstate)
		return fpu_frame_restore(0);      /* the initial state */
	if (copy_from_user(&h, (void *)fpstate, sizeof(h)) < 0)
		return -1;
	/* A frame without the FXSAVE area (magic 0xffff, a pre-FXSR CPU's)
	 * is never one this kernel wrote: refused. */
	if (h.magic != COMPAT_FXSR_MAGIC || fpu_frame_restore(fpstate + FPU_FSAVE_HEADER) < 0)
		return -1;
	/* The header's x87 part wins over the area's (Linux's convert_to_fxsr);
	 * none of these fields can make XRSTOR fault. */
	struct k_fpstate *fx = (struct k_fpstate *)area;
	fpu_save(area);
	if (fpu.xsave)                            /* XRSTOR takes the legacy part only when flagged */
		((struct k_xstate_header *)(area + sizeof(*fx)))->xfeatures |= XFEATURE_X87 | XFEATURE_SSE;
	fx->cwd = (uint16_t)h.cw;
	fx->swd = (uint16_t)h.sw;
	fx->twd = tag_to_fxsr(h.tag);
	fx->fop = (uint16_t)(h.cssel >> 16) & 0x7ff;
	fx->rip = h.ipoff;
	fx->rdp = h.dataoff;
	for (int i = 0; i < 8; i++)
		memcpy((uint8_t *)fx->st_space + 16 * i, h.st[i], 10);
	fpu_load(area);
	return 0;
}
