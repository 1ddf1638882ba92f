/* sys/random.h - getrandom (GRND_* flags in api/random.h). */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <api/random.h>
#include <sys/types.h>

ssize_t getrandom(void *buf, size_t len, unsigned flags);

#endif
