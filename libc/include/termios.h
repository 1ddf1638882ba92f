/* termios.h - terminal settings (struct termios is the kernel's: api/termios.h). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <api/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);

#endif
