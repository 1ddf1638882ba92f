/*
 * test_syscall_table.c - the generated headers, as the kernel and libc see
 * them: numbers match Linux x86-64, the list is sorted and unique, and the
 * kernel's designated-initializer table puts each name at its number.
 */
#include "check.h"
#include "sys/syscall.h"

static const char *const names[NR_SYSCALLS] = {
#define SYSCALL(nr, name, entry, nargs) [nr] = #name,
#include "syscall_list.h"
#undef SYSCALL
};

static const struct { int nr, nargs; } list[] = {
#define SYSCALL(nr, name, entry, nargs) { nr, nargs },
#include "syscall_list.h"
#undef SYSCALL
};

int main(void)
{
	int n = sizeof(list) / sizeof(list[0]);

	/* Linux x86-64's numbers, which both entry paths use. */
	CHECK_EQ(SYS_read, 0);
	CHECK_EQ(SYS_write, 1);
	CHECK_EQ(SYS_mmap, 9);
	CHECK_EQ(SYS_getpid, 39);
	CHECK_EQ(__NR_exit, 60);
	CHECK_EQ(SYS_exit_group, 231);
	CHECK_EQ(SYS_clock_gettime, 228);
	CHECK_STR(names[SYS_getpid], "getpid");
	CHECK_STR(names[SYS_arch_prctl], "arch_prctl");
	CHECK(names[213] == NULL);                     /* epoll_create: not implemented yet */
	CHECK_EQ(SYS_epoll_create, 213);               /* ... but libc knows its number */

	for (int i = 0; i < n; i++) {
		CHECK(list[i].nr >= 0 && list[i].nr < NR_SYSCALLS);
		CHECK(list[i].nargs >= 0 && list[i].nargs <= 6);
		CHECK(names[list[i].nr] != NULL);
		if (i > 0)
			CHECK(list[i].nr > list[i - 1].nr);
	}
	CHECK_EQ(list[n - 1].nr + 1, NR_SYSCALLS);
	return check_done();
}
