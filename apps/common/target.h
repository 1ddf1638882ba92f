/*
 * target.h - the argument rule cp and mv share: `cmd SOURCE... DEST`, where
 * DEST is a directory or, with one source, a name.
 */
#ifndef APPS_TARGET_H
#define APPS_TARGET_H

#include <stddef.h>

/* Check the arguments (a usage line and 2, or ENOTDIR and 1, on stderr
 * under cmd's name); 0 with *dir saying whether DEST is a directory. */
int target_check(const char *cmd, int argc, char **argv, int *dir);

/* Where source goes: DEST itself, or DEST/<source's last name> in buf. */
const char *target_of(const char *dest, int dir, const char *source, char *buf, size_t n);

#endif
