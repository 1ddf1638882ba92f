/*
 * world.c - the batch child's world: its descriptors, its scratch
 * directory, its memory, and the tables it can fill on purpose.
 *
 * The child maps one region and cuts it into pieces with unmapped guard
 * pages between them, so no kernel write through a pool pointer, however
 * long, can reach memory the fuzzer itself depends on:
 *
 *   buf      4 pages   written by the kernel (destinations)       + guard ("hole")
 *   scratch 16 pages   mmap MAP_FIXED / munmap may do anything     + guard
 *   in1     12 pages   prepared inputs; ends in an unterminated path + guard
 *   in2      4 pages   argv arrays; ends in an unterminated array  + guard
 *
 * and maps the last page of the user half too, so pointers can run off
 * its end into non-canonical addresses.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"

#define FUZZ_PATH_MAX 4096
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define TOP_PAGE      (USER_END - PAGE) /* the last page of the user half, mapped */

/*
 * A batch's address space is at most BATCH_AS: every page is given a
 * zeroed frame at once, so without it a random mmap or brk of gigabytes
 * would cost seconds per GiB on a big guest (on one of 512 MiB or less the
 * memory runs out first, as before). Soft and hard, so no call can lift it.
 */
#define BATCH_AS (512UL << 20)

struct world W;
int last_child;

/* --- the descriptor pool ---------------------------------------------------- */

/* How to open pool slot i (pipe: the read end, and the write end in slot i+1).
 * The file is O_NONBLOCK: world_refresh reopens it by name, and by then
 * the batch may have made "f" a FIFO (mknod, rename). An O_RDWR open of a
 * FIFO succeeds at once (on Linux too: fifo(7)), and a read of the empty
 * FIFO would then wait for ever, the batch being its only writer. */
static const struct {
	const char *what, *path;
	int flags;
	int pipe;                             /* 1 read end, 2 write end */
} pool_src[] = {
	{ "/dev/null", "/dev/null", O_RDWR, 0 },
	{ "/dev/zero", "/dev/zero", O_RDWR, 0 },
	{ "file", SCRATCH_DIR "/f", O_RDWR | O_CREAT | O_NONBLOCK, 0 },
	{ "dir", SCRATCH_DIR, O_RDONLY | O_DIRECTORY, 0 },
	{ "pipe read end", NULL, 0, 1 },
	{ "pipe write end", NULL, 0, 2 },
	{ "/proc/self/maps", "/proc/self/maps", O_RDONLY, 0 },
	{ "/proc", "/proc", O_RDONLY | O_DIRECTORY, 0 },
};

/* Open slot i (both ends of a pipe from its read end's slot); with
 * reuse, at the descriptor numbers the slots had. */
static void pool_open(int i, int reuse)
{
	int fd[2], n = 1;

	if (pool_src[i].pipe) {
		if (pipe2(fd, O_NONBLOCK) < 0)       /* never blocks a read or a write */
			return;
		n = 2;
	} else if ((fd[0] = open(pool_src[i].path, pool_src[i].flags, 0644)) < 0) {
		return;
	}
	for (int k = 0; k < n; k++) {
		if (reuse && fd[k] != W.pool[i + k]) {
			dup2(fd[k], W.pool[i + k]);
			close(fd[k]);
		} else {
			W.pool[i + k] = fd[k];
		}
	}
}

void world_refresh(void)
{
	struct stat st;

	for (int i = 0; i < W.npool; i++) {
		if (fstat(W.pool[i], &st) == 0)
			continue;
		if (pool_src[i].pipe) {
			int r = pool_src[i].pipe == 1 ? i : i - 1;
			close(W.pool[r]), close(W.pool[r + 1]);   /* a pipe comes back whole */
			pool_open(r, 1);
			i = r + 1;
			continue;
		}
		pool_open(i, 1);
	}
}

/* --- setting up ---------------------------------------------------------------- */

static uint64_t page_of(const void *p) { return (uint64_t)p & ~(PAGE - 1); }

static void fill_path(char *dst, int len)
{
	int i = 0;

	for (; i + 2 < len; i += 2)
		dst[i] = '.', dst[i + 1] = '/';
	for (; i < len; i++)
		dst[i] = 'f';
	dst[len] = '\0';
}

static int make_scratch(void)
{
	int fd;

	mkdir("/tmp", 0777);
	mkdir(SCRATCH_DIR, 0777);
	if (chdir(SCRATCH_DIR) < 0)
		return -1;
	if ((fd = open("f", O_RDWR | O_CREAT, 0644)) < 0)
		return -1;
	write(fd, "a regular file for the fuzzer\n", 30);
	close(fd);
	mkdir("d", 0755);
	mkdir("e", 0755);
	mkdir("mnt", 0755);
	if ((fd = open("d/g", O_RDWR | O_CREAT, 0600)) >= 0)
		close(fd);
	return 0;
}

static int make_region(void)
{
	const uint64_t pages = 4 + 1 + 16 + 1 + IN1_PAGES + 1 + IN2_PAGES + 1;
	char *r = mmap(0, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint64_t a = (uint64_t)r;

	if (r == MAP_FAILED)
		return -1;
	W.buf = a, W.buf_end = a + 4 * PAGE;
	W.scratch = W.buf_end + PAGE, W.scratch_end = W.scratch + 16 * PAGE;
	W.in = W.scratch_end + PAGE, W.in_end = W.in + IN1_PAGES * PAGE;
	W.in2 = W.in_end + PAGE, W.in2_end = W.in2 + IN2_PAGES * PAGE;
	W.sigact = W.in + IN_SIGACT;
	munmap((void *)W.buf_end, PAGE);
	munmap((void *)W.scratch_end, PAGE);
	munmap((void *)W.in_end, PAGE);
	munmap((void *)W.in2_end, PAGE);

	for (uint64_t i = 0; i < 4 * PAGE; i++)
		((char *)W.buf)[i] = (char)(i * 7);
	fill_path((char *)W.in + IN_P4095, FUZZ_PATH_MAX - 1);
	fill_path((char *)W.in + IN_P4096, FUZZ_PATH_MAX);
	fill_path((char *)W.in + IN_P8191, 2 * FUZZ_PATH_MAX - 1);
	static const struct { uint64_t at; int len; } names[] = {
		{ IN_LONGNAME, 300 }, { IN_NAME255, 255 }, { IN_NAME256, 256 },
	};
	for (unsigned i = 0; i < N(names); i++) {
		char *ln = (char *)W.in + names[i].at;
		memcpy(ln, "d/", 2);
		memset(ln + 2, 'n', names[i].len);
	}
	memset((char *)W.in_end - 64, 'u', 64);      /* no NUL before the guard */

	/* argv arrays at in2: good, with a bad pointer, too many, unterminated */
	uint64_t *v = (uint64_t *)W.in2;
	v[0] = (uint64_t)"x", v[1] = 0;
	v[2] = (uint64_t)"x", v[3] = 0xffff800000000000UL, v[4] = 0;
	for (int i = 0; i < 130; i++)
		v[8 + i] = (uint64_t)"x";
	v[138] = 0;
	for (uint64_t *e = (uint64_t *)W.in2_end - 32; e < (uint64_t *)W.in2_end; e++)
		*e = (uint64_t)"x";
	return 0;
}

int world_setup(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		return -1;
	dup2(fd, 0), dup2(fd, 1), dup2(fd, 2);
	if (fd > 2)
		close(fd);
	signal(SIGPIPE, SIG_IGN);                  /* writes to a readerless pipe: -EPIPE only */
	/* A batch that leaves the console's foreground group (setpgid,
	 * setsid) must not stop on it: reads get -EIO, the rest goes on. */
	tcgetattr(1, &W.tio);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	if (setrlimit(RLIMIT_AS, &(struct rlimit){ BATCH_AS, BATCH_AS }) < 0)
		return -1;
	W.pid = getpid();
	W.ppid = getppid();
	if (make_scratch() < 0 || make_region() < 0)
		return -1;
	W.npool = N(pool_src);
	for (int i = 0; i < W.npool; i++) {
		W.pool_what[i] = pool_src[i].what;
		if (pool_src[i].pipe != 2)
			pool_open(i, 0);
	}
	if (mmap((void *)TOP_PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		 -1, 0) != (void *)TOP_PAGE)
		return -1;
	memset((char *)USER_END - 64, 't', 64);          /* a string that runs off the user half */
	W.brk0 = __syscall6_fast(SYS_brk, 0, 0, 0, 0, 0, 0);
	W.brk_start = W.brk0;                      /* no lower than this, near enough */
	W.text = page_of((const void *)world_setup);
	W.rodata = (uint64_t)"a string in read-only data";
	W.vdso = getauxval(AT_SYSINFO_EHDR);
	return 0;
}

/* Take the free memory, a chunk at a time, until mmap fails: the calls
 * after this meet the kernel's out-of-memory paths. The chunks may have
 * filled guard pages (with scratch pages munmap freed, they are free
 * ranges like any other): unmap those again.
 *
 * When there is more free memory than BATCH_AS lets the batch take, it
 * would end at the limit, and every fork after it would copy half a GiB:
 * then a soft RLIMIT_AS of 0 makes mmap and brk answer -ENOMEM at once
 * instead (the other calls' out-of-memory paths are met on guests of
 * 512 MiB or less only). */
#define SQUEEZE_SLACK ((512 + 48) * PAGE)  /* the kernel's reserve, and the batch's own pages */

void world_squeeze(void)
{
	struct trapdoor_stats st;

	if (trapdoor_stats(&st) == 0 && st.free_frames * PAGE > BATCH_AS)
		setrlimit(RLIMIT_AS, &(struct rlimit){ 0, BATCH_AS });
	/* Memory is demand-paged: a mapping takes frames only when touched.
	 * Touch until the kernel's own reserve (512 frames, which user pages
	 * never take) and a few pages more are all that is left, so the
	 * batch's calls meet the kernel's out-of-memory answers, while its own
	 * few new pages (stack, break) still find a frame. */
	for (uint64_t len = 64UL << 20; len >= PAGE;) {
		char *m;
		if (trapdoor_stats(&st) < 0 || st.free_frames * PAGE < len + SQUEEZE_SLACK ||
		    (m = mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
			len /= 2;
			continue;
		}
		for (uint64_t off = 0; off < len; off += PAGE)
			m[off] = 1;
	}
	munmap((void *)W.buf_end, PAGE);
	munmap((void *)W.scratch_end, PAGE);
	munmap((void *)W.in_end, PAGE);
	munmap((void *)W.in2_end, PAGE);
}

/* Fill the descriptor table (with /dev/null): calls that make descriptors
 * meet -EMFILE, and the ones that make two, a table with one slot left. */
void world_fill_fds(void)
{
	while (dup(0) >= 0)
		;
	close(W.pool[0]);
}

/* Fill the process table with copies that sleep a moment, then end (the
 * batch reaps them at its end): fork meets -EAGAIN meanwhile. */
void world_fill_procs(void)
{
	struct timespec nap = { 0, 300 * 1000000 };
	long pid;

	while ((pid = fork()) > 0)
		last_child = pid;
	if (pid == 0) {
		nanosleep(&nap, 0);
		_exit(0);
	}
}
