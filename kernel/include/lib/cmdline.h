/*
 * cmdline.h - the kernel command line (/boot/cmdline), host-tested.
 *
 * Grammar: words separated by spaces, tabs or newlines. A word is `key` or
 * `key=value`; a value may be double-quoted to hold spaces ("a b"), the
 * quotes are not part of it. Keys are case-sensitive. When a key repeats,
 * the last occurrence wins.
 */
#ifndef LIB_CMDLINE_H
#define LIB_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

/* True when key appears, with or without a value. */
bool cmdline_has(const char *cmdline, const char *key);

/*
 * Copy key's value into out (NUL-terminated, at most outsz-1 chars).
 * Returns the value's full length, 0 for a bare `key` or `key=`, and -1
 * when key is absent. A value longer than outsz-1 is truncated.
 */
int cmdline_get(const char *cmdline, const char *key, char *out, size_t outsz);

#endif
