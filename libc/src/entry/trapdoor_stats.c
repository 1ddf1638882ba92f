#include <sys/entry.h>

#include "syscall.h"

int trapdoor_stats(struct trapdoor_stats *s) { return __syscall_ret(__syscall1(SYS_trapdoor_stats, s)); }
