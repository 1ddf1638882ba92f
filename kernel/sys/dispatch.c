/*
 * dispatch.c - the one system-call dispatcher, for int $0x80 and syscall
 * alike: number in rax, result back in rax.
 */
#include "api/errno.h"
#include "syscall.h"

static const syscall_fn table[NR_SYSCALLS] = {
#define SYSCALL(nr, name, entry, nargs) [nr] = entry,
#include "syscall_list.h"
#undef SYSCALL
};

const char *const syscall_names[NR_SYSCALLS] = {
#define SYSCALL(nr, name, entry, nargs) [nr] = #name,
#include "syscall_list.h"
#undef SYSCALL
};

/*
 * i when i < n, else 0, computed without a branch, so a mispredicted
 * bounds check cannot speculatively index past the table (Spectre v1).
 */
static inline uint64_t index_nospec(uint64_t i, uint64_t n)
{
	uint64_t mask;

	__asm__("cmpq %2, %1\n\tsbbq %0, %0" : "=r"(mask) : "r"(i), "r"(n) : "cc");
	return i & mask;                     /* mask = i < n ? ~0 : 0 */
}

void syscall_dispatch(struct trap_frame *tf)
{
	uint64_t nr = tf->rax;               /* all 64 bits count: 1 << 32 is not 0 */

	if (nr < NR_SYSCALLS) {
		syscall_fn fn = table[index_nospec(nr, NR_SYSCALLS)];
		if (fn) {
			tf->rax = fn(tf);
			return;
		}
	}
	tf->rax = -ENOSYS;
}
