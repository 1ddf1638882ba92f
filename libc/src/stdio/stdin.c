/* stdin.c - standard input: fd 0 (there are no input functions yet). */
#include "../internal/stdio_impl.h"

static FILE f = { .fd = 0, .mode = BUF_NONE };

FILE *stdin = &f;
