/* vfork_ret.c - vfork.S's way to __syscall_ret(), which is inline. */
#include "syscall.h"

long __vfork_ret(long r) { return __syscall_ret(r); }

_Static_assert(ENTRY_SYSCALL == 2, "vfork.S compares __libc_entry_in_use with 2");
