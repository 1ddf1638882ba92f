/* vfork_ret.c - vfork.S's way to __syscall_ret(), which is inline. */
#include "syscall.h"

long __vfork_ret(long r) { return __syscall_ret(r); }
