/*
 * ldisc_rules.c - the line discipline's decisions under a struct termios
 * (termios(3)): input mapping (IGNCR, ICRNL, INLCR), the signal
 * characters (ISIG), the editing characters (ICANON, IEXTEN), the echo
 * (ECHO, ECHOCTL, ECHONL) and output processing (OPOST, ONLCR). No state
 * and no hardware: ldisc.c keeps the buffer and calls these.
 */
#include "api/signal.h"
#include "dev/ldisc_rules.h"

const struct termios ld_std_termios = LD_STD_TERMIOS;

/* Is c the control character cc[i]? A 0 there (_POSIX_VDISABLE) is no character. */
static bool is(const struct termios *t, int i, unsigned char c) { return t->c_cc[i] && t->c_cc[i] == c; }

struct ld_in ld_input(const struct termios *t, unsigned char c, bool literal)
{
	struct ld_in r = { .act = LD_DATA, .c = c };
	tcflag_t l = t->c_lflag;

	if (literal)
		return r;                         /* after VLNEXT: data, unmapped */
	if (c == '\r') {
		if (t->c_iflag & IGNCR)
			return (struct ld_in){ .act = LD_IGNORE, .c = c };
		if (t->c_iflag & ICRNL)
			r.c = c = '\n';
	} else if (c == '\n' && (t->c_iflag & INLCR)) {
		r.c = c = '\r';
	}
	if (l & ISIG) {
		int sig = is(t, VINTR, c) ? SIGINT : is(t, VQUIT, c) ? SIGQUIT : is(t, VSUSP, c) ? SIGTSTP : 0;
		if (sig)
			return (struct ld_in){ .act = LD_SIGNAL, .c = c, .sig = sig, .flush = !(l & NOFLSH) };
	}
	if ((l & ICANON) && (l & IEXTEN)) {
		if (is(t, VLNEXT, c))
			r.act = LD_LNEXT;
		else if (is(t, VWERASE, c))
			r.act = LD_WERASE;
		else if (is(t, VREPRINT, c))
			r.act = LD_REPRINT;
		if (r.act != LD_DATA)
			return r;
	}
	if (l & ICANON) {
		if (is(t, VERASE, c))
			r.act = LD_ERASE;
		else if (is(t, VKILL, c))
			r.act = LD_KILL;
		else if (is(t, VEOF, c))
			r.act = LD_EOF;
		else if (c == '\n' || is(t, VEOL, c) || is(t, VEOL2, c))
			r.act = LD_LINE_END;
	}
	return r;
}

size_t ld_echo(const struct termios *t, unsigned char c, char out[2])
{
	tcflag_t l = t->c_lflag;

	if (!(l & ECHO)) {
		/* ECHONL: a canonical line's NL shows even without ECHO. */
		if (c == '\n' && (l & ECHONL) && (l & ICANON)) {
			out[0] = '\n';
			return 1;
		}
		return 0;
	}
	if ((l & ECHOCTL) && (c < ' ' || c == 0x7f) && c != '\t' && c != '\n') {
		out[0] = '^';
		out[1] = c ^ 0x40;                /* ^C for 3, ^? for DEL */
		return 2;
	}
	out[0] = c;
	return 1;
}

size_t ld_output(const struct termios *t, unsigned char c, char out[2])
{
	if (c == '\n' && (t->c_oflag & OPOST) && (t->c_oflag & ONLCR)) {
		out[0] = '\r';
		out[1] = '\n';
		return 2;
	}
	out[0] = c;
	return 1;
}
