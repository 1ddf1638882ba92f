/*
 * cmdline.h - the kernel command line (/boot/cmdline), host-tested.
 *
 * Grammar: words separated by spaces, tabs or newlines. A word is `key` or
 * `key=value`; a value may be double-quoted to hold spaces ("a b"), the
 * quotes are not part of it. Keys are case-sensitive. When a key repeats,
 * the last occurrence wins. A bare `--` ends the kernel's part: the words
 * after it (quoted the same way) are init's arguments, as on Linux.
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

/*
 * The words after `--`, unquoted, copied into buf back to back: argv[i]
 * points at word i. Returns how many (0 without `--`), or -1 when more
 * than max words or more than bufsz bytes would be needed.
 */
int cmdline_args(const char *cmdline, char *buf, size_t bufsz, char **argv, int max);

#endif
