/*
 * test_ldisc_rules.c - host tests for dev/ldisc_rules.c: for a struct
 * termios and a typed byte, what goes to the buffer, what is echoed and
 * which signal is sent; and the output processing (ONLCR).
 */
#include "check.h"
#include "api/signal.h"
#include "dev/ldisc_rules.h"

static struct termios std(void) { return ld_std_termios; }

static void test_canonical_keys(void)
{
	struct termios t = std();

	CHECK_EQ(ld_input(&t, 'a', false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, '\n', false).act, LD_LINE_END);
	CHECK_EQ(ld_input(&t, 0x7f, false).act, LD_ERASE);
	CHECK_EQ(ld_input(&t, 025, false).act, LD_KILL);
	CHECK_EQ(ld_input(&t, 027, false).act, LD_WERASE);
	CHECK_EQ(ld_input(&t, 022, false).act, LD_REPRINT);
	CHECK_EQ(ld_input(&t, 026, false).act, LD_LNEXT);
	CHECK_EQ(ld_input(&t, 004, false).act, LD_EOF);
	CHECK_EQ(ld_input(&t, 004, true).act, LD_DATA);      /* after ^V */
	CHECK_EQ(ld_input(&t, 003, true).act, LD_DATA);
	t.c_cc[VEOL] = '@';
	CHECK_EQ(ld_input(&t, '@', false).act, LD_LINE_END);
	t.c_cc[VERASE] = 0;                                     /* disabled */
	CHECK_EQ(ld_input(&t, 0x7f, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 0, false).act, LD_DATA);          /* a NUL is not a disabled key */
	t = std();
	t.c_lflag &= ~IEXTEN;                                   /* ^W ^R ^V need IEXTEN */
	CHECK_EQ(ld_input(&t, 027, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 026, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 0x7f, false).act, LD_ERASE);
}

static void test_raw_keys(void)
{
	struct termios t = std();

	t.c_lflag &= ~ICANON;
	CHECK_EQ(ld_input(&t, 0x7f, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 004, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, '\n', false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 026, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 003, false).act, LD_SIGNAL);     /* ISIG is apart from ICANON */
}

static void test_signals(void)
{
	struct termios t = std();
	struct ld_in d = ld_input(&t, 003, false);

	CHECK_EQ(d.act, LD_SIGNAL);
	CHECK_EQ(d.sig, SIGINT);
	CHECK(d.flush);
	CHECK_EQ(ld_input(&t, 034, false).sig, SIGQUIT);
	CHECK_EQ(ld_input(&t, 032, false).sig, SIGTSTP);
	t.c_lflag |= NOFLSH;
	CHECK(!ld_input(&t, 003, false).flush);
	t.c_lflag &= ~ISIG;
	CHECK_EQ(ld_input(&t, 003, false).act, LD_DATA);
	CHECK_EQ(ld_input(&t, 032, false).act, LD_DATA);
	t = std();
	t.c_cc[VINTR] = 'x';                                    /* any byte can be the key */
	CHECK_EQ(ld_input(&t, 'x', false).sig, SIGINT);
	CHECK_EQ(ld_input(&t, 003, false).act, LD_DATA);
}

static void test_input_mapping(void)
{
	struct termios t = std();
	struct ld_in d = ld_input(&t, '\r', false);

	CHECK_EQ(d.act, LD_LINE_END);                           /* ICRNL */
	CHECK_EQ(d.c, '\n');
	t.c_iflag &= ~ICRNL;
	d = ld_input(&t, '\r', false);
	CHECK_EQ(d.act, LD_DATA);
	CHECK_EQ(d.c, '\r');
	t.c_iflag |= IGNCR;
	CHECK_EQ(ld_input(&t, '\r', false).act, LD_IGNORE);
	t.c_iflag = INLCR;
	d = ld_input(&t, '\n', false);
	CHECK_EQ(d.act, LD_DATA);                               /* NL read as CR: not a line end */
	CHECK_EQ(d.c, '\r');
	t = std();
	d = ld_input(&t, '\r', true);                           /* ^V CR: CR itself */
	CHECK_EQ(d.c, '\r');
}

/* The echo of c under t, as a string. */
static const char *echo_of(const struct termios *t, unsigned char c)
{
	static char s[3];
	size_t n = ld_echo(t, c, s);

	s[n] = 0;
	return s;
}

static void test_echo(void)
{
	struct termios t = std();

	CHECK_STR(echo_of(&t, 'a'), "a");
	CHECK_STR(echo_of(&t, 003), "^C");
	CHECK_STR(echo_of(&t, 0x7f), "^?");
	CHECK_STR(echo_of(&t, '\t'), "\t");
	CHECK_STR(echo_of(&t, '\n'), "\n");
	t.c_lflag &= ~ECHOCTL;
	CHECK_STR(echo_of(&t, 003), "\x03");
	t.c_lflag &= ~ECHO;
	CHECK_STR(echo_of(&t, 'a'), "");
	CHECK_STR(echo_of(&t, '\n'), "");
	t.c_lflag |= ECHONL;
	CHECK_STR(echo_of(&t, '\n'), "\n");
	CHECK_STR(echo_of(&t, 'a'), "");
	t.c_lflag &= ~ICANON;                                   /* ECHONL is canonical only */
	CHECK_STR(echo_of(&t, '\n'), "");
}

static void test_output(void)
{
	struct termios t = std();
	char out[2];

	CHECK_EQ(ld_output(&t, '\n', out), 2);
	CHECK(out[0] == '\r' && out[1] == '\n');
	CHECK_EQ(ld_output(&t, 'a', out), 1);
	t.c_oflag &= ~ONLCR;
	CHECK_EQ(ld_output(&t, '\n', out), 1);
	t.c_oflag = ONLCR;                                      /* nothing without OPOST */
	CHECK_EQ(ld_output(&t, '\n', out), 1);
	CHECK(out[0] == '\n');
}

int main(void)
{
	test_canonical_keys();
	test_raw_keys();
	test_signals();
	test_input_mapping();
	test_echo();
	test_output();
	return check_done();
}
