#include <unistd.h>

#include "syscall.h"

/* SIGALRM in that many seconds (0: cancel); the seconds the old one had left. */
unsigned alarm(unsigned seconds) { return (unsigned)__syscall1(SYS_alarm, seconds); }
