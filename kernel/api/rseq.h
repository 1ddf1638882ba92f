/*
 * rseq.h - restartable sequences (Linux's include/uapi/linux/rseq.h
 * layout), shared by the kernel and libc: the area a thread registers
 * with rseq(2), and the descriptor of one critical section.
 */
#ifndef API_RSEQ_H
#define API_RSEQ_H

#include <stdint.h>

#define RSEQ_FLAG_UNREGISTER      1    /* rseq's flags: drop the registration */
#define RSEQ_CPU_ID_UNINITIALIZED (-1) /* cpu_id while no area is registered */

/* The area: the kernel keeps the cpu fields current and reads rseq_cs
 * on the way back to user mode after a preemption or with a signal. */
struct rseq {
	uint32_t cpu_id_start;         /* the CPU the thread runs on, always valid */
	uint32_t cpu_id;               /* the same, or RSEQ_CPU_ID_UNINITIALIZED */
	uint64_t rseq_cs;              /* the struct rseq_cs of the section user code is in, or 0 */
	uint32_t flags;                /* must be 0 (the RSEQ_CS_FLAG_NO_RESTART_* are gone) */
	uint32_t node_id;              /* the NUMA node: 0 */
	uint32_t mm_cid;               /* the concurrency id within the space: 0 */
	char end[];                    /* what this kernel fills ends here (AT_RSEQ_FEATURE_SIZE) */
} __attribute__((aligned(32)));

#define ORIG_RSEQ_SIZE     32          /* the first size rseq took (4.18): struct rseq's */
#define RSEQ_FEATURE_SIZE  28          /* offsetof(struct rseq, end), given as AT_RSEQ_FEATURE_SIZE */
#define RSEQ_ALIGN         32          /* __alignof__(struct rseq), given as AT_RSEQ_ALIGN */

/* One critical section: an interruption with the instruction pointer
 * in [start_ip, start_ip + post_commit_offset) resumes at abort_ip,
 * whose preceding 4 bytes must be the registered signature. */
struct rseq_cs {
	uint32_t version;              /* 0 */
	uint32_t flags;                /* must be 0 */
	uint64_t start_ip;
	uint64_t post_commit_offset;
	uint64_t abort_ip;
} __attribute__((aligned(32)));

#endif
