/* sys/ioctl.h - device requests (the terminal's in api/termios.h). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <api/termios.h>

int ioctl(int fd, int req, ...);

#endif
