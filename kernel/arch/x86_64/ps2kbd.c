/*
 * ps2kbd.c - the PS/2 keyboard behind the i8042 controller: scancode set 1
 * (the controller translates the keyboard's set 2) to ASCII, US layout,
 * with Shift, Ctrl and Caps Lock. Enter gives CR and Backspace DEL, as a
 * serial terminal sends them; the arrows and the editing keys give the
 * escape sequences Linux's console sends (ESC [ A for Up, ESC [ 3 ~ for
 * Delete, ...), so line editors (busybox ash) read the same bytes from
 * the keyboard as from a terminal on COM1. Function keys give nothing.
 */
#include "arch/cpu.h"
#include "arch/irq.h"
#include "kernel.h"

#define DATA   0x60
#define STATUS 0x64                   /* read: status; write: a controller command */
#define ST_OUT_FULL (1 << 0)          /* a byte waits at DATA */
#define ST_IN_FULL  (1 << 1)          /* the controller has not taken our last byte */
#define ST_AUX      (1 << 5)          /* ... and that byte is from the mouse port */

#define CMD_READ_CONFIG  0x20
#define CMD_WRITE_CONFIG 0x60
#define CMD_DISABLE_AUX  0xa7
#define CMD_ENABLE_KBD   0xae
#define CFG_KBD_IRQ   (1 << 0)
#define CFG_AUX_IRQ   (1 << 1)
#define CFG_KBD_CLOCK_OFF (1 << 4)
#define CFG_TRANSLATE (1 << 6)        /* set 2 -> set 1 */

/* Scancodes 0x00..0x39: what each key types, unshifted and shifted (0: nothing). */
static const char plain[0x3a] =
	"\0\x1b" "1234567890-=" "\x7f"    /* 00-0e: -, Esc, digit row, Backspace */
	"\tqwertyuiop[]" "\r"             /* 0f-1c: Tab, top row, Enter */
	"\0asdfghjkl;'`"                  /* 1d-29: Ctrl, home row, backquote */
	"\0\\zxcvbnm,./" "\0*\0 ";        /* 2a-39: Shift, bottom row, Shift, KP *, Alt, Space */
static const char shifted[0x3a] =
	"\0\x1b" "!@#$%^&*()_+" "\x7f"
	"\tQWERTYUIOP{}" "\r"
	"\0ASDFGHJKL:\"~"
	"\0|ZXCVBNM<>?" "\0*\0 ";

enum { LSHIFT = 0x2a, RSHIFT = 0x36, CTRL = 0x1d, CAPS = 0x3a, RELEASE = 0x80 };

static bool shift_l, shift_r, ctrl, caps, e0;
static const char *pending;           /* the rest of an escape sequence to hand out */

/* The sequence an extended (E0-prefixed) key types, or NULL. */
static const char *extended_seq(uint8_t key)
{
	switch (key) {
	case 0x48: return "\x1b[A";           /* Up */
	case 0x50: return "\x1b[B";           /* Down */
	case 0x4d: return "\x1b[C";           /* Right */
	case 0x4b: return "\x1b[D";           /* Left */
	case 0x47: return "\x1b[1~";          /* Home */
	case 0x52: return "\x1b[2~";          /* Insert */
	case 0x53: return "\x1b[3~";          /* Delete */
	case 0x4f: return "\x1b[4~";          /* End */
	case 0x49: return "\x1b[5~";          /* Page Up */
	case 0x51: return "\x1b[6~";          /* Page Down */
	default:   return NULL;
	}
}

/* Wait until the status bit is as wanted (bounded: a dead controller must not hang boot). */
static bool wait_status(uint8_t bit, bool set)
{
	for (int i = 0; i < 100000; i++) {
		if (!!(inb(STATUS) & bit) == set)
			return true;
		pause();
	}
	return false;
}

/* Send a byte to a controller port once it can take one. */
static bool send(uint16_t port, uint8_t v)
{
	if (!wait_status(ST_IN_FULL, false))
		return false;
	outb(port, v);
	return true;
}

bool kbd_init(void)
{
	if (inb(STATUS) == 0xff)          /* no controller decodes the port */
		return false;
	for (int i = 0; i < 64 && (inb(STATUS) & ST_OUT_FULL); i++)
		inb(DATA);                /* drop what the firmware left behind */
	if (!send(STATUS, CMD_DISABLE_AUX) || !send(STATUS, CMD_READ_CONFIG) ||
	    !wait_status(ST_OUT_FULL, true))
		return false;
	uint8_t cfg = inb(DATA);
	cfg = (cfg | CFG_KBD_IRQ | CFG_TRANSLATE) & ~(CFG_AUX_IRQ | CFG_KBD_CLOCK_OFF);
	return send(STATUS, CMD_WRITE_CONFIG) && send(DATA, cfg) && send(STATUS, CMD_ENABLE_KBD);
}

/* The character scancode sc types in the current modifier state, or -1. */
static int translate(uint8_t sc)
{
	bool up = sc & RELEASE;
	uint8_t key = sc & ~RELEASE;

	if (e0) {                         /* an extended key: right Ctrl, keypad Enter and /, the arrows and editing keys */
		e0 = false;
		if (key == CTRL)
			ctrl = !up;
		else if (!up && (key == 0x1c || key == 0x35))
			return key == 0x1c ? '\r' : '/';
		else if (!up && (pending = extended_seq(key)))
			return (unsigned char)*pending++;
		return -1;
	}
	switch (key) {
	case LSHIFT: shift_l = !up; return -1;
	case RSHIFT: shift_r = !up; return -1;
	case CTRL: ctrl = !up; return -1;
	case CAPS: caps ^= !up; return -1;
	}
	if (up || key >= sizeof(plain) || !plain[key])
		return -1;
	char c = (shift_l || shift_r ? shifted : plain)[key];
	if (caps && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c ^= 0x20;                /* Caps Lock inverts the case Shift chose */
	if (ctrl && ((c >= '@' && c <= '_') || (c >= 'a' && c <= 'z')))
		c &= 0x1f;                /* Ctrl-A = 1 ... Ctrl-_ = 31 */
	return (unsigned char)c;
}

int kbd_getc(void)
{
	uint8_t st;

	if (pending && *pending)
		return (unsigned char)*pending++;  /* the rest of an arrow's sequence first */
	pending = NULL;
	while ((st = inb(STATUS)) & ST_OUT_FULL) {
		uint8_t sc = inb(DATA);
		if (st & ST_AUX)
			continue;             /* a mouse byte: not ours */
		if (sc == 0xe0) {
			e0 = true;
			continue;
		}
		int c = translate(sc);
		if (c >= 0)
			return c;
	}
	return -1;
}
