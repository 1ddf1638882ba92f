/*
 * entry_paths.h - every way into the kernel for a system call, in one list
 * (docs/abi.md's entry table keeps the same order). The kernel's syscall
 * ring and trapdoor_stats read it; libc's LIBC_ENTRIES (sys/entry.h) names
 * its rows by it; scripts/tests/test_entry_paths.sh checks the docs.
 *
 *   X(name, mode, entry, ret, counter, entry_bit, vector, letter)
 *   name       the path's name in the benchmark and the tests
 *   mode       64 or 32: the caller's mode (32: compat mode, i386 table)
 *   entry      the instruction that enters
 *   ret        how the kernel returns (iretq whenever the fast one cannot)
 *   counter    its struct trapdoor_stats field (api/abi.h)
 *   entry_bit  its AT_TRAPDOOR_ENTRIES bit (api/auxv.h)
 *   vector     what its stub stores in tf->vector (arch/frame.h's VEC_*)
 *   letter     its mark in the syscall ring's panic dump
 */
#ifndef API_ENTRY_PATHS_H
#define API_ENTRY_PATHS_H

#define ENTRY_PATHS(X) \
	X(int80,     64, "int $0x80", "iretq",   int80_calls,     ENTRY_INT80,     0x80,  'i') \
	X(syscall,   64, "syscall",   "sysretq", syscall_calls,   ENTRY_SYSCALL,   0x100, 's') \
	X(int80_32,  32, "int $0x80", "iretq",   int80_32_calls,  ENTRY_INT80_32,  0x80,  'I') \
	X(sysenter,  32, "sysenter",  "sysexit", sysenter_calls,  ENTRY_SYSENTER,  0x101, 'E') \
	X(syscall32, 32, "syscall",   "sysretl", syscall32_calls, ENTRY_SYSCALL32, 0x102, 'S')

#endif
