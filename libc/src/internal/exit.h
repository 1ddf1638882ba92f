/* exit.h - what exit() runs before _exit(). */
#ifndef LIBC_EXIT_H
#define LIBC_EXIT_H

/* Call the atexit() handlers, the last registered first. */
void __run_atexit(void);

/* Flush every stdio stream (stdout holds buffered output). */
void __stdio_flush(void);

#endif
