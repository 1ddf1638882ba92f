/*
 * random.c - the kernel's random generator and its seed. The seed is
 * whatever the CPU offers, mixed together: RDSEED and RDRAND when CPUID
 * says they exist, and always the jitter of TSC readings around a little
 * work, and the RTC's time. Without RDSEED/RDRAND (and under QEMU's
 * -icount, where the TSC counts instructions) the seed is weak; the boot
 * line says which sources there were.
 */
#include "arch/cpu.h"
#include "dev/random.h"
#include "kernel.h"
#include "lib/crng.h"
#include "time/clock.h"
#include "uaccess.h"

#define HW_WORDS     8                  /* 64-bit words asked from RDSEED, and from RDRAND */
#define JITTER_READS 256                /* TSC readings */

static struct crng crng;

/* One 64-bit word from RDSEED (seed) or RDRAND, retried as Intel
 * advises; false when the CPU keeps saying it has none. */
static bool hw_random(bool seed, uint64_t *v)
{
	for (int i = 0; i < 10; i++) {
		uint8_t ok;
		if (seed)
			__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
		else
			__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

/* Mix up to HW_WORDS words of RDSEED or RDRAND; how many the CPU gave. */
static int mix_hw(bool seed)
{
	uint64_t w[HW_WORDS];
	int n = 0;

	while (n < HW_WORDS && hw_random(seed, &w[n]))
		n++;
	crng_mix(&crng, w, n * sizeof(w[0]));
	return n;
}

/* The time each of JITTER_READS small, memory-touching steps took: the
 * low bits vary with caches, interrupts and (under emulation) the host. */
static void mix_jitter(void)
{
	static volatile uint64_t scratch[64];
	uint64_t d[JITTER_READS], t = rdtsc();

	for (int i = 0; i < JITTER_READS; i++) {
		for (int j = 0; j < (int)(t & 15); j++)
			scratch[((t >> 4) + j) & 63] += t;
		uint64_t now = rdtsc();
		d[i] = now - t;
		t = now;
	}
	crng_mix(&crng, d, sizeof(d));
}

void random_init(void)
{
	uint32_t r1[4], r7[4] = { 0 };
	uint64_t epoch = rtc_read_epoch();
	int seeds = 0, rands = 0;

	cpuid(1, 0, r1);
	cpuid(0, 0, r7);
	if (r7[0] >= 7)
		cpuid(7, 0, r7);
	else
		r7[1] = 0;
	if (r7[1] & (1u << 18))               /* CPUID.7.0:EBX.RDSEED */
		seeds = mix_hw(true);
	if (r1[2] & (1u << 30))               /* CPUID.1:ECX.RDRAND */
		rands = mix_hw(false);
	mix_jitter();
	crng_mix(&crng, &epoch, sizeof(epoch));
	kprintf("random: seeded from %d RDSEED and %d RDRAND words, TSC jitter and the RTC\n", seeds, rands);
}

void random_bytes(void *buf, size_t n)
{
	crng_generate(&crng, buf, n);
}

size_t random_to_user(char *u, size_t n)
{
	char buf[256];
	size_t done = 0;

	while (done < n) {
		size_t c = n - done < sizeof(buf) ? n - done : sizeof(buf);
		random_bytes(buf, c);
		size_t got = copy_to_user_upto(u + done, buf, c);
		done += got;
		if (got < c)
			break;
	}
	memset(buf, 0, sizeof(buf));             /* no random bytes left on the stack */
	return done;
}

uint64_t random_u64(void)
{
	uint64_t v;

	random_bytes(&v, sizeof(v));
	return v;
}
