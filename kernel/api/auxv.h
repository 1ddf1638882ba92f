/*
 * auxv.h - keys of the auxiliary vector the kernel puts on a new process's
 * stack, after argv and envp (Linux's values, plus one of our own).
 */
#ifndef API_AUXV_H
#define API_AUXV_H

#define AT_NULL          0
#define AT_PHDR          3    /* program headers in memory */
#define AT_PHENT         4
#define AT_PHNUM         5
#define AT_PAGESZ        6
#define AT_BASE          7    /* the interpreter's base: 0, there is none */
#define AT_FLAGS         8
#define AT_ENTRY         9    /* the program's entry point */
#define AT_UID           11
#define AT_EUID          12
#define AT_GID           13
#define AT_EGID          14
#define AT_PLATFORM      15   /* "x86_64" */
#define AT_HWCAP         16   /* CPUID leaf 1's edx, as on Linux */
#define AT_CLKTCK        17
#define AT_SECURE        23
#define AT_RANDOM        25   /* 16 random bytes */
#define AT_HWCAP2        26   /* HWCAP2_* bits */
#define AT_RSEQ_FEATURE_SIZE 27  /* how much of struct rseq the kernel fills (api/rseq.h) */
#define AT_RSEQ_ALIGN    28   /* the alignment an rseq area needs */
#define AT_EXECFN        31   /* the path given to execve */
#define AT_MINSIGSTKSZ   51   /* the least alternate stack a signal frame fits on */
#define AT_SYSINFO       32   /* 32-bit processes: __kernel_vsyscall in the 32-bit vDSO */
#define AT_SYSINFO_EHDR  33   /* the vDSO's ELF header */

#define HWCAP2_FSGSBASE  (1 << 1)  /* user mode may use rdfsbase, wrgsbase, ... */

/*
 * Ours: a bit mask of the system-call entry instructions this kernel
 * accepts, so libc can pick the fastest one at start-up. Far above Linux's
 * keys so it can never be mistaken for one of them.
 */
#define AT_TRAPDOOR_ENTRIES 0x7d00
#define ENTRY_INT80   (1u << 0)   /* int $0x80, returns with iretq */
#define ENTRY_SYSCALL (1u << 1)   /* syscall, returns with sysretq (or iretq) */
/* A 32-bit process's entries (i386 table); docs/abi.md has the table. */
#define ENTRY_INT80_32  (1u << 2) /* int $0x80 from compat mode, returns with iretq */
#define ENTRY_SYSENTER  (1u << 3) /* sysenter (Intel vendors), returns with sysexit (or iretq) */
#define ENTRY_SYSCALL32 (1u << 4) /* syscall from compat mode (AMD vendors), returns with sysretl (or iretq) */

#endif
