/* stderr.c - standard error: fd 2, unbuffered. */
#include "../internal/stdio_impl.h"

static FILE f = { .fd = 2, .mode = BUF_NONE };

FILE *stderr = &f;
