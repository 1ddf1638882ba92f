/*
 * entry32 - a 32-bit (i386) test of the kernel's compat entries, with no
 * libc: it runs the same way on trapdoor and on the host's Linux.
 *
 *   entry32            print a greeting (execve of a 32-bit program works)
 *   entry32 paths      every i386 entry this CPU offers (int $0x80 always;
 *                      __kernel_vsyscall from AT_SYSINFO; sysenter on Intel
 *                      vendors, syscall on AMD ones) gives the same results,
 *                      and preserves every register but eax: TAP lines
 *   entry32 flags      each path with NT, AC and DF set: the call works and
 *                      the bits come back as they were (the fast paths
 *                      return by iretq for NT); IF stays on
 *   entry32 tf         sysenter with TF set: ends by SIGTRAP, after the call
 *   entry32 badesp-sysenter | badesp-syscall32 ADDR
 *                      a fast entry whose user stack is at ADDR: SIGSEGV
 *   entry32 bench      getpid through each path: median TSC ticks (under
 *                      QEMU -icount shift=0, instructions), BENCH32 lines
 * Exit status: the number of failed checks.
 */
#include <stdint.h>

#define AT_NULL 0
#define AT_SYSINFO 32
#define AT_TRAPDOOR_ENTRIES 0x7d00
#define ENTRY_INT80_32  (1u << 2)
#define ENTRY_SYSENTER  (1u << 3)
#define ENTRY_SYSCALL32 (1u << 4)

#define NR_exit_group 252
#define NR_write 4
#define NR_getpid 20
#define NR_getppid 64
#define NR_brk 45

long enter(void *fn, long nr, const long args[6]);
long via_int80(void), via_sysenter(void), via_syscall32(void);
long sysenter_tf(void);
void sysenter_badesp(uint32_t esp), syscall32_badesp(uint32_t esp);
uint64_t rdtsc64(void);
void getpid_none(void), getpid_int80(void), getpid_vsyscall(void), getpid_sysenter(void), getpid_syscall32(void);

void *vsyscall;                   /* AT_SYSINFO: __kernel_vsyscall */
static uint32_t entries;                 /* AT_TRAPDOOR_ENTRIES, or what the CPU's vendor implies */
static int failed, n;

static long sys3(long nr, long a, long b, long c)
{
	long args[6] = { a, b, c, 0, 0, 0 };
	return enter(via_int80, nr, args);
}

static unsigned len(const char *s)
{
	unsigned k = 0;
	while (s[k])
		k++;
	return k;
}

static void put(const char *s) { sys3(NR_write, 1, (long)s, len(s)); }

static void putnum(long v)
{
	char b[16];
	int i = 15;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	b[i] = 0;
	do
		b[--i] = '0' + u % 10;
	while (u /= 10);
	if (v < 0)
		b[--i] = '-';
	put(b + i);
}

static void check(int ok, const char *what, const char *path)
{
	put(ok ? "ok " : "not ok ");
	putnum(++n);
	put(" - ");
	put(what);
	put(" via ");
	put(path);
	put("\n");
	failed += !ok;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The vendor's choice when the kernel (Linux) does not say. */
static uint32_t vendor_entries(void)
{
	uint32_t a = 0, b, c, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	if (b == 0x756e6547)                 /* "Genu"ineIntel */
		return ENTRY_INT80_32 | ENTRY_SYSENTER;
	if (b == 0x68747541)                 /* "Auth"enticAMD */
		return ENTRY_INT80_32 | ENTRY_SYSCALL32;
	return ENTRY_INT80_32;
}

struct path {
	const char *name;
	void *fn;
};

static int paths(struct path *p)
{
	int k = 0;

	p[k++] = (struct path){ "int80_32", (void *)via_int80 };
	if (vsyscall)
		p[k++] = (struct path){ "kernel_vsyscall", vsyscall };
	if (entries & ENTRY_SYSENTER)
		p[k++] = (struct path){ "sysenter", (void *)via_sysenter };
	if (entries & ENTRY_SYSCALL32)
		p[k++] = (struct path){ "syscall32", (void *)via_syscall32 };
	return k;
}

/* Registers after a call through fn, with known values in every one but eax. */
struct regs { uint32_t ebx, ecx, edx, esi, edi, ebp, eax; };

void call_regs(void *fn, long nr, struct regs *out);   /* start.S */
long call_flags(void *fn, long nr, uint32_t set, uint32_t *after);

#define EFLAGS_IF 0x200
#define EFLAGS_DF 0x400
#define EFLAGS_NT 0x4000
#define EFLAGS_AC 0x40000

static int run_paths(void)
{
	struct path p[4];
	int k = paths(p);
	long pid = sys3(NR_getpid, 0, 0, 0), ppid = sys3(NR_getppid, 0, 0, 0);
	static const char msg[] = "write through the path\n";

	for (int i = 0; i < k; i++) {
		long a0[6] = { 0 }, aw[6] = { 1, (long)msg, sizeof(msg) - 1, 0, 0, 0 };
		long abad[6] = { 2, 0x10, 4, 0, 0, 0 };     /* (stderr: /dev/null reads nothing) */
		struct regs r;

		check(enter(p[i].fn, NR_getpid, a0) == pid, "getpid", p[i].name);
		check(enter(p[i].fn, NR_getppid, a0) == ppid, "getppid", p[i].name);
		check(enter(p[i].fn, NR_write, aw) == (long)sizeof(msg) - 1, "write (3 arguments)", p[i].name);
		check(enter(p[i].fn, NR_write, abad) == -14, "write from a bad pointer is -EFAULT", p[i].name);
		check(enter(p[i].fn, 100000, a0) == -38, "an unknown number is -ENOSYS", p[i].name);
		call_regs(p[i].fn, NR_getpid, &r);
		check(r.eax == (uint32_t)pid && r.ebx == 0x11111111 && r.ecx == 0x22222222 && r.edx == 0x33333333 &&
		      r.esi == 0x44444444 && r.edi == 0x55555555 && r.ebp == 0x66666666,
		      "every register but eax preserved", p[i].name);
	}
	return failed;
}

/* Each path with the eflags bits a user may set in odd states: NT, AC
 * and DF each alone, then all three. (AC only matters with CR0.AM, which
 * Linux sets: nothing below makes an unaligned access.) */
static int run_flags(void)
{
	static const uint32_t sets[] = { EFLAGS_NT, EFLAGS_AC, EFLAGS_DF, EFLAGS_NT | EFLAGS_AC | EFLAGS_DF };
	static const char *const names[] = { "NT set", "AC set", "DF set", "NT, AC and DF set" };
	struct path p[4];
	int k = paths(p);
	long pid = sys3(NR_getpid, 0, 0, 0);

	for (int i = 0; i < k; i++)
		for (unsigned j = 0; j < sizeof(sets) / sizeof(sets[0]); j++) {
			uint32_t after = 0;
			long r = call_flags(p[i].fn, NR_getpid, sets[j], &after);
			check(r == pid && (after & (EFLAGS_NT | EFLAGS_AC | EFLAGS_DF)) == sets[j] && (after & EFLAGS_IF),
			      names[j], p[i].name);
		}
	return failed;
}

/* Median of the ticks of 301 samples of fn (insertion sort). */
static uint32_t median(void (*fn)(void), uint32_t *min)
{
	uint32_t t[301];

	for (int w = 0; w < 50; w++)
		fn();
	for (int s = 0; s < 301; s++) {
		uint64_t t0 = rdtsc64();
		fn();
		t[s] = (uint32_t)(rdtsc64() - t0);
	}
	for (int a = 1; a < 301; a++)
		for (int b = a; b > 0 && t[b - 1] > t[b]; b--) {
			uint32_t x = t[b];
			t[b] = t[b - 1], t[b - 1] = x;
		}
	*min = t[0];
	return t[150];
}

/* getpid through each path: median TSC ticks (instructions under icount),
 * raw and less the empty call's (the timer's own cost). */
static void bench(void)
{
	static const struct { const char *name; void (*fn)(void); uint32_t need; } b[] = {
		{ "int80_32", getpid_int80, ENTRY_INT80_32 },
		{ "kernel_vsyscall", getpid_vsyscall, 0 },
		{ "sysenter", getpid_sysenter, ENTRY_SYSENTER },
		{ "syscall32", getpid_syscall32, ENTRY_SYSCALL32 },
	};
	uint32_t min, empty = median(getpid_none, &min);

	for (unsigned i = 0; i < sizeof(b) / sizeof(b[0]); i++) {
		if ((b[i].need && !(entries & b[i].need)) || (!b[i].need && !vsyscall))
			continue;
		uint32_t m = median(b[i].fn, &min);
		put("BENCH32 path=");
		put(b[i].name);
		put(" call=getpid median=");
		putnum(m);
		put(" min=");
		putnum(min);
		put(" net_median=");
		putnum(m - empty);
		put("\n");
	}
	put("BENCH32 path=none median=");
	putnum(empty);
	put("\n");
}

static uint32_t parse(const char *s)
{
	uint32_t v = 0;

	if (s[0] == '0' && s[1] == 'x')
		for (s += 2; *s; s++)
			v = v * 16 + (*s <= '9' ? *s - '0' : (*s | 32) - 'a' + 10);
	else
		for (; *s; s++)
			v = v * 10 + (*s - '0');
	return v;
}

int main32(uint32_t *sp)
{
	int argc = sp[0];
	char **argv = (char **)(sp + 1);
	uint32_t *a = sp + 1 + argc + 1;
	int kernel_says = 0;

	while (*a)
		a++;
	for (a++; a[0] != AT_NULL; a += 2) {
		if (a[0] == AT_SYSINFO)
			vsyscall = (void *)a[1];
		if (a[0] == AT_TRAPDOOR_ENTRIES)
			entries = a[1], kernel_says = 1;
	}
	if (!kernel_says)
		entries = vendor_entries();

	if (argc < 2) {
		uint16_t cs;
		__asm__("movw %%cs, %0" : "=r"(cs));
		put("hello from a 32-bit program (cs 0x");
		put(cs == 0x23 ? "23" : "??");
		put(vsyscall ? ", AT_SYSINFO set)\n" : ", no AT_SYSINFO)\n");
		return cs != 0x23 || !vsyscall;
	}
	if (streq(argv[1], "paths"))
		return run_paths();
	if (streq(argv[1], "flags"))
		return run_flags();
	if (streq(argv[1], "tf")) {
		sysenter_tf();
		put("sysenter with TF returned without SIGTRAP\n");
		return 1;
	}
	if (streq(argv[1], "badesp-sysenter") && argc > 2)
		sysenter_badesp(parse(argv[2]));
	if (streq(argv[1], "badesp-syscall32") && argc > 2)
		syscall32_badesp(parse(argv[2]));
	if (streq(argv[1], "bench")) {
		bench();
		return 0;
	}
	put("entry32: unknown mode\n");
	return 100;
}
