/* sched.h - giving up the processor, and CPU affinity (one CPU here: CPU 0). */
#ifndef _SCHED_H
#define _SCHED_H

#include <stddef.h>
#include <sys/types.h>

int sched_yield(void);

/* A set of CPUs, as glibc and musl have it: 1024 bits. */
#define CPU_SETSIZE 1024
typedef struct { unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))]; } cpu_set_t;

#define __CPU_WORD(cpu) ((cpu) / (8 * sizeof(unsigned long)))
#define __CPU_BIT(cpu)  (1UL << ((cpu) % (8 * sizeof(unsigned long))))
#define CPU_ZERO(set)        __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)    ((set)->__bits[__CPU_WORD(cpu)] |= __CPU_BIT(cpu))
#define CPU_CLR(cpu, set)    ((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_BIT(cpu))
#define CPU_ISSET(cpu, set)  (((set)->__bits[__CPU_WORD(cpu)] & __CPU_BIT(cpu)) != 0)
int __sched_cpucount(size_t size, const cpu_set_t *set);
#define CPU_COUNT(set)       __sched_cpucount(sizeof(cpu_set_t), (set))

/* pid 0 is the caller. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);

#endif
