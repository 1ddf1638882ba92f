#include <stdarg.h>
#include <sys/prctl.h>

#include "syscall.h"

/* prctl(option, ...): up to four more arguments, each an unsigned long. */
int prctl(int option, ...)
{
	unsigned long a[4];
	va_list ap;

	va_start(ap, option);
	for (int i = 0; i < 4; i++)
		a[i] = va_arg(ap, unsigned long);
	va_end(ap);
	return __syscall_ret(__syscall5(SYS_prctl, option, a[0], a[1], a[2], a[3]));
}
