/* serial.c - COM1 at 115200 8N1: the console the test harness reads.
 * Output is polled; input raises IRQ 4 once serial_irq_enable ran. */
#include "arch/cpu.h"
#include "kernel.h"

#define COM1 0x3f8

void serial_init(void)
{
	outb(COM1 + 1, 0x00);   /* no interrupts */
	outb(COM1 + 3, 0x80);   /* DLAB on: next two are the divisor */
	outb(COM1 + 0, 0x01);   /* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);   /* 8 bits, no parity, 1 stop; DLAB off */
	outb(COM1 + 2, 0xc7);   /* FIFO on, cleared, 14-byte threshold */
	outb(COM1 + 4, 0x03);   /* DTR, RTS */
}

static void putc(char c)
{
	while (!(inb(COM1 + 5) & 0x20))   /* wait for an empty transmit register */
		pause();
	outb(COM1, c);
}

void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			putc('\r');
		putc(s[i]);
	}
}

void serial_write_raw(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putc(s[i]);
}

int serial_getc(void)
{
	uint8_t lsr = inb(COM1 + 5);

	/* Data ready? (0xff: no UART decodes the port, so never.) */
	if (lsr == 0xff || !(lsr & 0x01))
		return -1;
	return inb(COM1);
}

void serial_irq_enable(void)
{
	outb(COM1 + 2, 0x01);   /* FIFO on, threshold 1 byte: each byte interrupts at once */
	outb(COM1 + 4, 0x0b);   /* DTR, RTS, OUT2 (on a PC, OUT2 gates the IRQ line) */
	outb(COM1 + 1, 0x01);   /* interrupt on received data */
}
