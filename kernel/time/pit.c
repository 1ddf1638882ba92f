/*
 * pit.c - the 8254 PIT's channel 2 as a free-running counter to measure
 * other clocks against. Its input is a 1.193182 MHz crystal (PIT_HZ) on
 * every PC and in every emulator. Channel 2 is the one software may gate
 * (port 0x61, where it also drives the PC speaker), and it raises no
 * interrupt, so using it disturbs nothing.
 */
#include "arch/cpu.h"
#include "time/calibrate.h"

#define PIT_CH2  0x42
#define PIT_CMD  0x43
#define PORT_B   0x61                   /* bit 0: channel 2's gate; bit 1: speaker data */

void pit_freerun(void)
{
	outb(PORT_B, (inb(PORT_B) & ~0x02) | 0x01);   /* gate on, speaker off */
	/* Channel 2, low then high byte, mode 0 (count down once; at zero
	 * the count wraps to 0xffff and goes on: a 16-bit down-counter that
	 * never stops), binary. */
	outb(PIT_CMD, 0xb0);
	outb(PIT_CH2, 0xff);
	outb(PIT_CH2, 0xff);                /* loaded on the next input clock */
}

uint16_t pit_read(void)
{
	uint8_t lo;

	/* The latch command copies the count at once; the two byte reads
	 * then cannot straddle a change (a carry between them). */
	outb(PIT_CMD, 0x80);                /* channel 2, latch */
	lo = inb(PIT_CH2);
	return (uint16_t)(lo | inb(PIT_CH2) << 8);
}
