/* sys_sched.c - giving up the CPU: sched_yield (nanosleep is time/sleep.c's). */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"

long sys_sched_yield(struct trap_frame *tf)
{
	yield();
	return 0;
}
