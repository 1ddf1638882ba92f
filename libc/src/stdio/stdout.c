/* stdout.c - standard output: fd 1, line-buffered. */
#include "../internal/stdio_impl.h"

static char buf[1024];
static FILE f = { .fd = 1, .mode = BUF_LINE, .buf = buf, .size = sizeof(buf) };

FILE *stdout = &f;
