/*
 * test_proc_text.c - host tests for kernel/fs/proc's generators: each
 * /proc file's text against the line Linux would write for the same values.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fs/proc_text.h"

static char text[8192];

/* A fresh buffer of size bytes (at most sizeof text). */
static struct seqbuf buf(size_t size)
{
	memset(text, 0, sizeof(text));
	return (struct seqbuf){ .buf = text, .size = size };
}

/* The number of space-separated fields of a line. */
static int fields(const char *s)
{
	int n = 0;

	for (const char *p = s; *p && *p != '\n'; p++)
		n += *p != ' ' && (p == s || p[-1] == ' ');
	return n;
}

static void test_seqbuf(void)
{
	struct seqbuf s = buf(8);

	seq_printf(&s, "%d-%s", 42, "abc");
	CHECK_EQ(s.len, 6);
	CHECK(seq_fits(&s));
	seq_puts(&s, "overflow");              /* 14 needed, 8 kept */
	CHECK_EQ(s.len, 14);
	CHECK(!seq_fits(&s));
	CHECK(memcmp(text, "42-abcov", 8) == 0);
	CHECK_EQ(text[8], 0);                  /* nothing written past size */

	s = buf(64);
	seq_escape(&s, "a b\\c\td\n", " \t\n");
	seq_putc(&s, 0);
	CHECK_STR(text, "a\\040b\\134c\\011d\\012");
	s = buf(64);
	seq_puts(&s, "ab");
	seq_pad(&s, 5);
	seq_pad(&s, 3);                        /* already past: nothing */
	seq_putc(&s, '|');
	CHECK_STR(text, "ab   |");
}

static struct pid_snap sample(void)
{
	return (struct pid_snap){
		.pid = 7, .tgid = 7, .ppid = 1, .pgid = 7, .sid = 1, .tty_nr = 0x501, .tpgid = 7,
		.comm = "sh", .state = 'S', .flags = 0x400000, .umask = 022, .threads = 1,
		.fdsize = 64, .priority = 20, .utime = 3, .stime = 1, .cutime = 5, .cstime = 2,
		.start_time = 123, .has_mm = true, .vm_pages = 100, .rss_pages = 40, .data_pages = 10,
		.stack_pages = 32, .exe_pages = 5, .shared_pages = 3, .pte_pages = 4,
		.rsslim = UINT64_MAX, .start_code = 0x400000, .end_code = 0x401000,
		.start_stack = 0x7ffffff00000 - 0x100, .start_data = 0x402000, .end_data = 0x403000,
		.start_brk = 0x404000, .arg_start = 0x7fffffeffe00, .arg_end = 0x7fffffeffe10,
		.env_start = 0x7fffffeffe10, .env_end = 0x7fffffeffe20, .sig_pending = 1ULL << 40 | 2,
		.sig_blocked = 0x80000001, .sig_ignored = 4, .sig_caught = 8, .sigq_limit = 100,
		.cpus_allowed = 3, .ncpus = 2,
		.nvcsw = 9, .nivcsw = 2,
	};
}

static void test_stat(void)
{
	struct pid_snap p = sample();
	struct seqbuf s = buf(sizeof(text));

	proc_pid_stat(&s, &p);
	CHECK(seq_fits(&s));
	CHECK_STR(text, "7 (sh) S 1 7 1 1281 7 4194304 0 0 0 0 3 1 5 2 20 0 1 0 123 409600 40 "
			"18446744073709551615 4194304 4198400 140737487306496 0 0 2 1 4 8 0 0 0 17 0 0 0 0 0 0 "
			"4202496 4206592 4210688 140737487306240 140737487306256 140737487306256 "
			"140737487306272 0\n");
	CHECK_EQ(fields(text), 52);

	/* A comm with spaces and parentheses: readers split at the last ')'. */
	strcpy(p.comm, "a) (b c");
	p.state = 'Z', p.has_mm = false, p.exit_code = 0x100;
	s = buf(sizeof(text));
	proc_pid_stat(&s, &p);
	CHECK(strncmp(text, "7 (a) (b c) Z 1 ", 16) == 0);
	char *rest = strrchr(text, ')') + 2;
	CHECK_EQ(fields(rest), 50);
	CHECK(strstr(text, " 0 0 0 0 0 0 0 0 0 0 256\n") != NULL);  /* no addresses without memory */

	p = sample();
	s = buf(sizeof(text));
	proc_pid_statm(&s, &p);
	CHECK_STR(text, "100 40 3 5 0 42 0\n");
}

static void test_status(void)
{
	struct pid_snap p = sample();
	struct seqbuf s = buf(sizeof(text));

	proc_pid_status(&s, &p);
	CHECK(seq_fits(&s));
	CHECK(strncmp(text, "Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t7\nNgid:\t0\n"
			    "Pid:\t7\nPPid:\t1\nTracerPid:\t0\nUid:\t0\t0\t0\t0\n", 85) == 0);
	CHECK(strstr(text, "\nVmSize:\t     400 kB\n") != NULL);
	CHECK(strstr(text, "\nVmRSS:\t     160 kB\n") != NULL);
	CHECK(strstr(text, "\nVmStk:\t     128 kB\n") != NULL);
	CHECK(strstr(text, "\nThreads:\t1\nSigQ:\t2/100\n") != NULL);
	CHECK(strstr(text, "\nSigPnd:\t0000010000000002\nShdPnd:\t0000000000000000\n"
			   "SigBlk:\t0000000080000001\nSigIgn:\t0000000000000004\n"
			   "SigCgt:\t0000000000000008\n") != NULL);
	CHECK(strstr(text, "\nvoluntary_ctxt_switches:\t9\nnonvoluntary_ctxt_switches:\t2\n") != NULL);
	CHECK_EQ(text[s.len - 1], '\n');
	CHECK(strstr(text, "\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems_allowed:") != NULL);
	/* The mask's width is the CPUs there are, in groups of 32 bits. */
	p.ncpus = 40, p.cpus_allowed = 1ULL << 35 | 0xd;
	s = buf(sizeof(text));
	proc_pid_status(&s, &p);
	CHECK(strstr(text, "\nCpus_allowed:\t08,0000000d\nCpus_allowed_list:\t0,2-3,35\n") != NULL);
	p.ncpus = 4, p.cpus_allowed = 0x4;
	s = buf(sizeof(text));
	proc_pid_status(&s, &p);
	CHECK(strstr(text, "\nCpus_allowed:\t4\nCpus_allowed_list:\t2\n") != NULL);

	p.state = 'Z', p.has_mm = false;
	strcpy(p.comm, "x\ny");
	s = buf(sizeof(text));
	proc_pid_status(&s, &p);
	CHECK(strncmp(text, "Name:\tx\\012y\n", 13) == 0);
	CHECK(strstr(text, "State:\tZ (zombie)\n") != NULL);
	CHECK(strstr(text, "VmSize") == NULL);
}

static void test_maps(void)
{
	struct map_line m = { .start = 0x400000, .end = 0x401000, .read = true, .exec = true,
			      .major = 0, .minor = 1, .ino = 12, .name = "/bin/sh" };
	struct seqbuf s = buf(sizeof(text));

	proc_maps_line(&s, &m);
	m = (struct map_line){ .start = 0x7ffffffde000, .end = 0x7ffffff00000, .read = true,
			       .write = true, .name = "[stack]" };
	proc_maps_line(&s, &m);
	m = (struct map_line){ .start = 0x10000, .end = 0x12000, .shared = true, .offset = 0x1000 };
	proc_maps_line(&s, &m);
	CHECK_STR(text,
		  "00400000-00401000 r-xp 00000000 00:01 12                                 /bin/sh\n"
		  "7ffffffde000-7ffffff00000 rw-p 00000000 00:00 0                          [stack]\n"
		  "00010000-00012000 ---s 00001000 00:00 0 \n");
}

static void test_meminfo(void)
{
	struct mem_snap m = { .total = 1024000, .free = 512000, .available = 600000, .cached = 100,
			      .anon = 2000, .slab = 300, .kernel_stack = 64, .page_tables = 48 };
	struct seqbuf s = buf(sizeof(text));

	proc_meminfo(&s, &m);
	CHECK(seq_fits(&s));
	CHECK(strncmp(text, "MemTotal:        1024000 kB\nMemFree:          512000 kB\n"
			    "MemAvailable:     600000 kB\nBuffers:               0 kB\n"
			    "Cached:              100 kB\n", 140) == 0);
	CHECK(strstr(text, "\nAnonPages:          2000 kB\n") != NULL);
	CHECK(strstr(text, "\nSwapTotal:             0 kB\nSwapFree:              0 kB\n") != NULL);
	CHECK(strstr(text, "\nActive(anon):       2000 kB\n") != NULL);
	for (char *l = text; *l; l = strchr(l, '\n') + 1)
		CHECK(strchr(l, '\n') - l >= 27 && memcmp(strchr(l, '\n') - 3, " kB", 3) == 0);
}

static void test_uptime_loadavg(void)
{
	struct seqbuf s = buf(sizeof(text));
	struct load_snap l = { .avenrun = { 2048, 1024 + 20, 0 }, .running = 1, .total = 5, .last_pid = 42 };

	proc_uptime(&s, 12345678901ULL, 999999999ULL);
	CHECK_STR(text, "12.34 0.99\n");
	s = buf(sizeof(text));
	proc_loadavg(&s, &l);
	CHECK_STR(text, "1.00 0.51 0.00 1/5 42\n");
}

static void test_stat_file(void)
{
	struct stat_snap st = { .user = 10, .system = 2, .idle = 300, .intr = 1000, .ctxt = 77,
				.btime = 1700000000, .processes = 9, .running = 1, .blocked = 0, .ncpus = 2,
				.cpu = { { 7, 2, 100 }, { 3, 0, 200 } } };
	struct seqbuf s = buf(sizeof(text));

	proc_stat(&s, &st);
	CHECK_STR(text, "cpu  10 0 2 300 0 0 0 0 0 0\ncpu0 7 0 2 100 0 0 0 0 0 0\ncpu1 3 0 0 200 0 0 0 0 0 0\n"
			"intr 1000\nctxt 77\n"
			"btime 1700000000\nprocesses 9\nprocs_running 1\nprocs_blocked 0\n"
			"softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	unsigned long long v[8];
	CHECK_EQ(sscanf(text, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
			&v[3], &v[4], &v[5], &v[6], &v[7]), 8);   /* busybox top's parse */
}

static void test_mounts(void)
{
	struct mount_line m = { .source = "rootfs", .path = "/", .type = "rootfs" };
	struct seqbuf s = buf(sizeof(text));

	proc_mounts_line(&s, &m);
	m = (struct mount_line){ .source = "tmpfs", .path = "/tmp/a b", .type = "tmpfs",
				 .rdonly = true, .noexec = true, .nosuid = true, .nodev = true };
	proc_mounts_line(&s, &m);
	proc_filesystems_line(&s, "tmpfs", true);
	proc_filesystems_line(&s, "ext2", false);
	CHECK_STR(text, "rootfs / rootfs rw 0 0\ntmpfs /tmp/a\\040b tmpfs ro,nosuid,nodev,noexec 0 0\n"
			"nodev\ttmpfs\n\text2\n");
}

static void test_version_cpuinfo(void)
{
	struct seqbuf s = buf(sizeof(text));
	struct cpu_snap c = { .vendor = "GenuineIntel", .model_name = "Test CPU", .family = 6,
			      .model = 85, .stepping = 7, .cpuid_level = 13, .clflush = 64,
			      .phys_bits = 40, .virt_bits = 48, .khz = 2999876 };

	proc_version(&s, "trapdoor", "0.1.0", "#1 today", "clang 16");
	CHECK_STR(text, "trapdoor version 0.1.0 (trapdoor@trapdoor) (clang 16) #1 today\n");

	c.words[CPUW_1_EDX] = 1 | 1 << 25;
	c.words[CPUW_X1_EDX] = 1 << 29;
	c.words[CPUW_1_ECX] = 1u << 31 | 1 << 27;  /* hypervisor; osxsave has no name */
	c.words[CPUW_7_EBX] = 1;
	s = buf(sizeof(text));
	proc_cpuinfo(&s, &c, 0, 0, 1);
	CHECK(strncmp(text, "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n"
			    "model name\t: Test CPU\nstepping\t: 7\ncpu MHz\t\t: 2999.876\n", 120) == 0);
	CHECK(strstr(text, "\nflags\t\t: fpu sse lm hypervisor fsgsbase\n") != NULL);
	CHECK(strstr(text, "\nbogomips\t: 5999.75\n") != NULL);
	CHECK(strstr(text, "\naddress sizes\t: 40 bits physical, 48 bits virtual\npower management:\n\n") != NULL);
	CHECK(strstr(text, "\nsiblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\napicid\t\t: 0\n") != NULL);
	s = buf(sizeof(text));                     /* the second of four CPUs */
	proc_cpuinfo(&s, &c, 1, 2, 4);
	CHECK(strncmp(text, "processor\t: 1\n", 14) == 0);
	CHECK(strstr(text, "\nsiblings\t: 4\ncore id\t\t: 1\ncpu cores\t: 4\napicid\t\t: 2\ninitial apicid\t: 2\n") != NULL);
}

int main(void)
{
	test_seqbuf();
	test_stat();
	test_status();
	test_maps();
	test_meminfo();
	test_uptime_loadavg();
	test_stat_file();
	test_mounts();
	test_version_cpuinfo();
	return check_done();
}
