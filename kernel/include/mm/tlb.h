/*
 * tlb.h - TLB shootdowns (mm/tlb.c): when a mapping of an address space
 * shrinks or loses rights, every other CPU that may hold it in its TLB -
 * every CPU running a thread of that space - flushes it before the
 * change counts (before the frame is freed or the write is trusted).
 */
#ifndef MM_TLB_H
#define MM_TLB_H

#include <stdint.h>

/* The page at va of the space whose PML4 is root changed: flush it here
 * (when root is live) and on every other CPU running it, and wait for
 * them. npages 0 means the whole space (a CR3 reload). */
void tlb_flush_range(uint64_t root, uint64_t va, uint64_t npages);
static inline void tlb_flush_page(uint64_t root, uint64_t va) { tlb_flush_range(root, va, 1); }
static inline void tlb_flush_all(uint64_t root) { tlb_flush_range(root, 0, 0); }
/* A CPU spinning with interrupts off answers a shootdown meanwhile. */
void tlb_poll(void);
/* The VEC_TLB_SHOOTDOWN IPI (from trap()). */
void tlb_ipi(void);
extern uint64_t tlb_shootdowns;          /* IPIs sent (trapdoor_stats, ktests) */

#endif
