/*
 * devices.c - the device table (dev/dev.h): every character device there
 * is, with Linux's numbers. /dev holds one node per row.
 */
#include "dev/dev.h"
#include "fs/vfs.h"

const struct device devices[] = {
	{ "null",    MKDEV(1, 3),  0666, &null_ops, NULL },
	{ "zero",    MKDEV(1, 5),  0666, &zero_ops, NULL },
	{ "full",    MKDEV(1, 7),  0666, &full_ops, NULL },
	{ "random",  MKDEV(1, 8),  0666, &random_ops, NULL },
	{ "urandom", MKDEV(1, 9),  0666, &random_ops, NULL },
	{ "tty",     MKDEV(5, 0),  0666, NULL, tty_open_ctty },
	{ "console", DEV_CONSOLE,  0666, &console_ops, NULL },
	{ "ttyS0",   MKDEV(4, 64), 0660, &console_ops, NULL },   /* COM1: the console's terminal for now */
};
const int ndevices = sizeof(devices) / sizeof(devices[0]);

const struct device *dev_find(uint64_t rdev)
{
	for (int i = 0; i < ndevices; i++)
		if (devices[i].rdev == rdev)
			return &devices[i];
	return NULL;
}
