/*
 * ldisc_rules.h - the line discipline's decisions, apart from its state
 * and the hardware (dev/ldisc_rules.c): what a typed byte means under a
 * struct termios, how a byte is echoed, how an output byte is written.
 * Pure functions, tested on the host (kernel/tests/test_ldisc_rules.c).
 */
#ifndef DEV_LDISC_RULES_H
#define DEV_LDISC_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "api/termios.h"

enum ld_act {
	LD_IGNORE,      /* nothing at all (IGNCR's CR) */
	LD_DATA,        /* store c: on the edit line (ICANON), or readable at once */
	LD_LINE_END,    /* store c and end the line (NL, VEOL, VEOL2) */
	LD_EOF,         /* end the line without c (VEOF): alone, an end of file */
	LD_ERASE,       /* take back a byte (VERASE) */
	LD_WERASE,      /* take back a word (VWERASE) */
	LD_KILL,        /* take back the line (VKILL) */
	LD_REPRINT,     /* type the line again (VREPRINT) */
	LD_LNEXT,       /* take the next byte literally (VLNEXT) */
	LD_SIGNAL,      /* send sig to the foreground group (VINTR, VQUIT, VSUSP) */
};

struct ld_in {
	enum ld_act act;
	unsigned char c;  /* the byte after ICRNL/INLCR, to store or echo */
	int sig;          /* LD_SIGNAL's signal */
	bool flush;       /* LD_SIGNAL: drop the unread input first (no NOFLSH) */
};

/* What typed byte c does under t; literal: it follows a VLNEXT. */
struct ld_in ld_input(const struct termios *t, unsigned char c, bool literal);

/* What echoing c (stored, or a signal's character) shows under t, into
 * out (at most 2 bytes): the count, 0 for nothing. */
size_t ld_echo(const struct termios *t, unsigned char c, char out[2]);

/* Output processing: what writing c puts on the line under t, into out
 * (at most 2 bytes): the count (ONLCR's NL is CR NL). */
size_t ld_output(const struct termios *t, unsigned char c, char out[2]);

/* The termios a terminal starts with: Linux's tty_std_termios (canonical
 * input with echo and signals, CR read as NL, NL written as CR NL). */
#define LD_STD_TERMIOS {                                                                        \
	.c_iflag = ICRNL | IXON,                                                                \
	.c_oflag = OPOST | ONLCR,                                                               \
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,                                                \
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,             \
	.c_cc = { [VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025, [VEOF] = 004,    \
		  [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023, [VSUSP] = 032, [VREPRINT] = 022,   \
		  [VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026 },                          \
}
extern const struct termios ld_std_termios;

#endif
