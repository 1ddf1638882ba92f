/*
 * rtc.c - read the date and time from the CMOS real-time clock once, for
 * CLOCK_REALTIME. (QEMU's RTC runs in UTC by default.)
 */
#include "arch/cpu.h"
#include "kernel.h"
#include "time/clock.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71

static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_INDEX, reg | 0x80);      /* bit 7: keep NMIs disabled while we talk */
	return inb(CMOS_DATA);
}

static uint8_t bcd(uint8_t v) { return (v & 15) + (v >> 4) * 10; }

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; m 1..12). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

uint64_t rtc_read_epoch(void)
{
	uint8_t s, min, h, d, mon, y, b;

	for (int tries = 0; tries < 1000000 && (cmos(0x0a) & 0x80); tries++)
		pause();                   /* an update is in progress: wait it out */
	s = cmos(0x00), min = cmos(0x02), h = cmos(0x04);
	d = cmos(0x07), mon = cmos(0x08), y = cmos(0x09), b = cmos(0x0b);
	if (!(b & 0x04)) {                 /* BCD unless status B says binary */
		s = bcd(s), min = bcd(min), d = bcd(d), mon = bcd(mon), y = bcd(y);
		h = bcd(h & 0x7f) | (h & 0x80);
	}
	if (!(b & 0x02) && (h & 0x80))     /* 12-hour clock, PM */
		h = ((h & 0x7f) % 12) + 12;
	if (mon < 1 || mon > 12 || d < 1 || d > 31)
		return 0;
	return (uint64_t)(days_from_civil(2000 + y, mon, d) * 86400 + h * 3600 + min * 60 + s);
}
