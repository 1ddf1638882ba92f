/*
 * t_pipe.c - pipes: data between processes, end of file, EPIPE and
 * SIGPIPE, O_NONBLOCK, a large transfer, atomic writes from several
 * writers, dup2 of the ends onto stdin/stdout across execve, and errors.
 */
#include <stdio.h>
#include <string.h>

#include "usertests.h"

#define PIPE_SIZE 4096

static void close2(int fds[2])
{
	sys_close(fds[0]);
	sys_close(fds[1]);
}

USERTEST(pipe_basic)
{
	int fds[2] = { -1, -1 };
	char buf[64];
	struct stat st, st2;

	EXPECT_EQ(sys_pipe(fds), 0);
	EXPECT_EQ(fds[0], 3);                        /* the lowest free descriptors */
	EXPECT_EQ(fds[1], 4);
	EXPECT_EQ(sys_write(fds[1], "hello", 5), 5);
	EXPECT_EQ(sys_read(fds[0], buf, sizeof(buf)), 5);      /* what is there, no more */
	EXPECT(memcmp(buf, "hello", 5) == 0);
	EXPECT_EQ(sys_write(fds[1], "ab", 2), 2);
	EXPECT_EQ(sys_write(fds[1], "cd", 2), 2);
	EXPECT_EQ(sys_read(fds[0], buf, 3), 3);                /* a byte stream: no boundaries */
	EXPECT_EQ(sys_read(fds[0], buf + 3, 3), 1);
	EXPECT(memcmp(buf, "abcd", 4) == 0);
	EXPECT_EQ(sys_write(fds[1], "x", 0), 0);
	EXPECT_EQ(sys_read(fds[0], buf, 0), 0);                /* zero bytes: no wait */

	/* The wrong end, seeking, and what fstat says. */
	EXPECT_EQ(sys_read(fds[1], buf, 1), -EBADF);
	EXPECT_EQ(sys_write(fds[0], "x", 1), -EBADF);
	EXPECT_EQ(sys_lseek(fds[0], 0, SEEK_SET), -ESPIPE);
	EXPECT_EQ(sys_lseek(fds[1], 0, SEEK_CUR), -ESPIPE);
	EXPECT_EQ(sys_fstat(fds[0], &st), 0);
	EXPECT_EQ(sys_fstat(fds[1], &st2), 0);
	EXPECT(S_ISFIFO(st.st_mode) && S_ISFIFO(st2.st_mode));
	EXPECT(st.st_ino == st2.st_ino);                       /* one pipe */
	EXPECT_EQ(sys_getdents64(fds[0], buf, sizeof(buf)), -ENOTDIR);
	EXPECT_EQ(sys_ftruncate(fds[1], 0), -EINVAL);
	close2(fds);
	EXPECT_EQ(sys_read(fds[0], buf, 1), -EBADF);

	/* Bad arrays and flags. */
	EXPECT_EQ(sys_pipe(0), -EFAULT);
	EXPECT_EQ(sys_pipe((int *)KERNEL_ADDR), -EFAULT);
	EXPECT_EQ(sys_pipe((int *)UNMAPPED), -EFAULT);
	EXPECT_EQ(sys_pipe((int *)ro_page), -EFAULT);
	EXPECT_EQ(sys_pipe2(fds, 1), -EINVAL);
	EXPECT_EQ(sys_pipe2(fds, O_DIRECTORY), -EINVAL);
	EXPECT_EQ(sys_pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
	EXPECT_EQ(fds[0], 3);                        /* nothing above leaked a descriptor */
	close2(fds);
}

static void write_then_read(void *fdp)
{
	int *fds = fdp;                          /* [0..1] to the child, [2..3] from it */
	char buf[16];

	sys_close(fds[1]);
	sys_close(fds[2]);
	sys_write(fds[3], "from child", 10);
	long n = sys_read(fds[0], buf, sizeof(buf));
	quit(n == 11 && memcmp(buf, "from parent", 11) == 0 ? 0 : 1);
}

USERTEST(pipe_between_processes)
{
	int fds[4];
	char buf[16];

	sys_pipe(fds);
	sys_pipe(fds + 2);
	pid_t pid = spawn(write_then_read, fds);
	sys_close(fds[0]);
	sys_close(fds[3]);
	EXPECT_EQ(sys_read(fds[2], buf, sizeof(buf)), 10);     /* waits for the child */
	EXPECT(memcmp(buf, "from child", 10) == 0);
	EXPECT_EQ(sys_write(fds[1], "from parent", 11), 11);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sys_read(fds[2], buf, sizeof(buf)), 0);      /* the child's end is gone */
	sys_close(fds[1]);
	sys_close(fds[2]);
}

static void hold_then_exit(void *fdp)
{
	int *fds = fdp;
	struct timespec ts = { 0, 30000000 };

	sys_close(fds[0]);
	sys_nanosleep(&ts, 0);                   /* the parent waits in read meanwhile */
	sys_write(fds[1], "z", 1);
	quit(0);                                 /* exit closes the last write end */
}

USERTEST(pipe_eof)
{
	int fds[2];
	char c;

	/* EOF once every write end is closed, dup'ed ones included. */
	sys_pipe(fds);
	long extra = sys_dup(fds[1]);
	EXPECT_EQ(sys_write(fds[1], "a", 1), 1);
	sys_close(fds[1]);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(sys_write(extra, "b", 1), 1);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(c, 'b');
	sys_close(extra);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 0);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 0);                 /* and stays so */
	sys_close(fds[0]);

	/* A reader asleep wakes up for data, then for the writer's exit. */
	sys_pipe(fds);
	pid_t pid = spawn(hold_then_exit, fds);
	sys_close(fds[1]);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 1);
	EXPECT_EQ(sys_read(fds[0], &c, 1), 0);
	EXPECT_EQ(reap(pid), 0);
	sys_close(fds[0]);
}

static void write_to_closed(void *fdp)
{
	int *fds = fdp;

	sys_close(fds[0]);
	sys_write(fds[1], "x", 1);               /* SIGPIPE: the default ends us */
	quit(0);
}

static volatile int sigpipes;
static void on_sigpipe(int sig, struct k_siginfo *info, void *uc) { sigpipes++; }

USERTEST(pipe_epipe_sigpipe)
{
	int fds[2];

	/* Default action: killed by SIGPIPE. */
	sys_pipe(fds);
	sys_close(fds[0]);
	EXPECT_EQ(run_child(write_to_closed, fds), STATUS_SIG(SIGPIPE));
	sys_close(fds[1]);

	/* Ignored: -EPIPE. Handled: the handler runs, and -EPIPE. */
	sys_pipe(fds);
	sys_close(fds[0]);
	sigign(SIGPIPE);
	EXPECT_EQ(sys_write(fds[1], "x", 1), -EPIPE);
	sigpipes = 0;
	sigact(SIGPIPE, on_sigpipe, 0, 0);
	EXPECT_EQ(sys_write(fds[1], "x", 1), -EPIPE);
	EXPECT_EQ(sigpipes, 1);
	EXPECT_EQ(sys_write(fds[1], "x", 0), 0);               /* nothing to write: no signal */
	EXPECT_EQ(sigpipes, 1);
	/* Blocked: -EPIPE now, the signal once it is unblocked. */
	sigmask_set(SIG_BLOCK, SIGBIT(SIGPIPE));
	EXPECT_EQ(sys_write(fds[1], "x", 1), -EPIPE);
	EXPECT_EQ(sigpipes, 1);
	sigmask_set(SIG_SETMASK, 0);
	EXPECT_EQ(sigpipes, 2);
	sigdfl(SIGPIPE);
	sys_close(fds[1]);
}

/* A writer asleep on a full pipe learns that the reader went away. */
static void fill_and_block(void *fdp)
{
	int *fds = fdp;
	static char buf[PIPE_SIZE + 100];

	sigign(SIGPIPE);
	sys_close(fds[0]);
	long r = sys_write(fds[1], buf, sizeof(buf));  /* 4096 fit, then it sleeps */
	quit(r == PIPE_SIZE ? 0 : r == -EPIPE ? 2 : 3);
}

USERTEST(pipe_reader_leaves)
{
	int fds[2];

	sys_pipe(fds);
	pid_t pid = spawn(fill_and_block, fds);
	sys_close(fds[1]);
	EXPECT(wait_blocked(pid));
	sys_close(fds[0]);                                     /* the last reader */
	EXPECT_EQ(reap(pid), 0);                               /* the count so far */
}

USERTEST(pipe_nonblock)
{
	int fds[2];
	static char buf[PIPE_SIZE + 1000];
	char c;

	EXPECT_EQ(sys_pipe2(fds, O_NONBLOCK), 0);
	EXPECT_EQ(sys_read(fds[0], &c, 1), -EAGAIN);           /* empty, a writer is there */
	EXPECT_EQ(sys_write(fds[1], buf, PIPE_SIZE - 100), PIPE_SIZE - 100);
	EXPECT_EQ(sys_write(fds[1], buf, 200), -EAGAIN);       /* small: all or nothing */
	EXPECT_EQ(sys_write(fds[1], buf, 100), 100);
	EXPECT_EQ(sys_write(fds[1], buf, 1), -EAGAIN);         /* full */
	EXPECT_EQ(sys_read(fds[0], buf, sizeof(buf)), PIPE_SIZE);
	EXPECT_EQ(sys_write(fds[1], buf, sizeof(buf)), PIPE_SIZE);   /* large: what fits */
	EXPECT_EQ(sys_read(fds[0], buf, 10), 10);
	EXPECT_EQ(sys_write(fds[1], buf, sizeof(buf)), 10);
	sys_close(fds[1]);
	EXPECT_EQ(sys_read(fds[0], buf, sizeof(buf)), PIPE_SIZE);    /* data before the end */
	EXPECT_EQ(sys_read(fds[0], &c, 1), 0);                 /* no writer: EOF, not EAGAIN */
	sys_close(fds[0]);

	/* No reader: EPIPE, even when it would not fit anyway. */
	EXPECT_EQ(sys_pipe2(fds, O_NONBLOCK), 0);
	sigign(SIGPIPE);
	sys_close(fds[0]);
	EXPECT_EQ(sys_write(fds[1], buf, 1), -EPIPE);
	sigdfl(SIGPIPE);
	sys_close(fds[1]);
}

#define BIG (1 << 20)

/* The byte at position i of the stream: a pattern no shift repeats. */
static unsigned char pattern(long i) { return (unsigned char)(i * 7 + (i >> 8) * 13 + (i >> 16)); }

static void send_big(void *fdp)
{
	int *fds = fdp;
	static unsigned char buf[4099];
	long sent = 0, n;

	sys_close(fds[0]);
	while (sent < BIG) {
		long want = BIG - sent < (long)sizeof(buf) ? BIG - sent : (long)sizeof(buf);
		for (long i = 0; i < want; i++)
			buf[i] = pattern(sent + i);
		if ((n = sys_write(fds[1], buf, want)) != want)
			quit(1);
		sent += n;
	}
	quit(0);
}

USERTEST(pipe_large_transfer)
{
	int fds[2];
	static unsigned char buf[1000];
	long got = 0, n, bad = 0;
	uint64_t h = FNV_INIT, want = FNV_INIT;

	sys_pipe(fds);
	pid_t pid = spawn(send_big, fds);
	sys_close(fds[1]);
	while ((n = sys_read(fds[0], buf, 1 + got % sizeof(buf))) > 0) {
		for (long i = 0; i < n; i++)
			bad += buf[i] != pattern(got + i);
		h = fnv(h, buf, n);
		got += n;
	}
	for (long i = 0; i < BIG; i++) {
		unsigned char c = pattern(i);
		want = fnv(want, &c, 1);
	}
	EXPECT_EQ(n, 0);
	EXPECT_EQ(got, BIG);
	EXPECT_EQ(bad, 0);
	EXPECT(h == want);
	EXPECT_EQ(reap(pid), 0);
	sys_close(fds[0]);
}

/* Writers of whole records: each write of at most PIPE_BUF bytes lands in
 * one piece, so the reader sees whole records, each writer's in order. */
#define WRITERS 4
#define RECORDS 100

struct record_spec {
	int fd, id, size;
};

static void write_records(void *arg)
{
	struct record_spec *r = arg;
	static unsigned char rec[PIPE_SIZE];

	for (int seq = 0; seq < RECORDS; seq++) {
		memset(rec, r->id, r->size);
		rec[1] = (unsigned char)seq;
		if (sys_write(r->fd, rec, r->size) != r->size)
			quit(1);
	}
	quit(0);
}

static int atomic_round(int size)
{
	int fds[2], next[WRITERS] = { 0 }, torn = 0;
	pid_t pids[WRITERS];
	unsigned char *rec = map_pages(PIPE_SIZE);
	long n, have = 0, total = 0;

	sys_pipe(fds);
	for (int w = 0; w < WRITERS; w++) {
		struct record_spec spec = { fds[1], 'A' + w, size };
		pids[w] = spawn(write_records, &spec);
	}
	sys_close(fds[1]);
	/* Reassemble records (reads may split them) and check each. */
	while ((n = sys_read(fds[0], rec + have, size - have)) > 0) {
		have += n;
		total += n;
		if (have < size)
			continue;
		int id = rec[0] - 'A';
		if (id < 0 || id >= WRITERS || rec[1] != (unsigned char)next[id]) {
			torn++;
		} else {
			next[id]++;
			for (int i = 2; i < size; i++)
				torn += rec[i] != rec[0];
		}
		have = 0;
	}
	for (int w = 0; w < WRITERS; w++)
		EXPECT_EQ(reap(pids[w]), 0);
	EXPECT_EQ(total, (long)WRITERS * RECORDS * size);
	sys_close(fds[0]);
	sys_munmap((unsigned long)rec, PIPE_SIZE);
	return torn;
}

USERTEST(pipe_atomic_writes)
{
	EXPECT_EQ(atomic_round(512), 0);
	EXPECT_EQ(atomic_round(PIPE_SIZE), 0);                 /* PIPE_BUF itself */
	EXPECT_EQ(atomic_round(1000), 0);
}

USERTEST(pipe_dup2_exec)
{
	int in[2], out[2];
	char buf[128];
	static char data[10000];

	/* A pipeline: we | cat | we, with the helper's stdin and stdout as pipe ends. */
	sys_pipe(in);
	sys_pipe(out);
	fflush(stdout);
	long pid = sys_fork();
	if (pid == 0) {
		sys_dup2(in[0], 0);
		sys_dup2(out[1], 1);
		close2(in);
		close2(out);
		exec_helper((char *[]){ "sum", NULL });
		quit(127);
	}
	sys_close(in[0]);
	sys_close(out[1]);
	for (int i = 0; i < (int)sizeof(data); i++)
		data[i] = (char)(i * 31);
	EXPECT_EQ(sys_write(in[1], data, sizeof(data)), sizeof(data));   /* blocks till sum reads */
	sys_close(in[1]);                                     /* its EOF */
	long n = 0, r;
	while ((r = sys_read(out[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	char want[64];
	snprintf(want, sizeof(want), "10000 bytes, fnv %lx\n", (unsigned long)fnv(FNV_INIT, data, sizeof(data)));
	EXPECT(strcmp(buf, want) == 0);
	note("%s", buf);
	EXPECT_EQ(reap(pid), 0);
	sys_close(out[0]);

	/* dup2 of a pipe end shares it: closing one copy does not end it. */
	sys_pipe(in);
	EXPECT_EQ(sys_dup2(in[1], 30), 30);
	sys_close(in[1]);
	EXPECT_EQ(sys_write(30, "q", 1), 1);
	EXPECT_EQ(sys_read(in[0], buf, 1), 1);
	sys_close(30);
	EXPECT_EQ(sys_read(in[0], buf, 1), 0);
	sys_close(in[0]);
}

USERTEST(pipe_bad_buffers)
{
	int fds[2];
	char buf[8];
	char *two = map_pages(2 * PAGE);

	sys_pipe2(fds, O_NONBLOCK);
	EXPECT_EQ(sys_write(fds[1], 0, 10), -EFAULT);
	EXPECT_EQ(sys_write(fds[1], (void *)KERNEL_ADDR, 10), -EFAULT);
	EXPECT_EQ(sys_write(fds[1], (void *)NONCANONICAL, 10), -EFAULT);
	EXPECT_EQ(sys_read(fds[0], buf, 1), -EAGAIN);          /* nothing got in */
	EXPECT_EQ(sys_write(fds[1], "data", 4), 4);
	EXPECT_EQ(sys_read(fds[0], 0, 4), -EFAULT);
	EXPECT_EQ(sys_read(fds[0], (void *)ro_page, 4), -EFAULT);
	EXPECT_EQ(sys_read(fds[0], (void *)KERNEL_ADDR, 4), -EFAULT);
	EXPECT_EQ(sys_read(fds[0], buf, 8), 4);                /* still there, all of it */
	EXPECT(memcmp(buf, "data", 4) == 0);
	/* Half a buffer: what was copied counts (or -EFAULT, never more). */
	sys_munmap((unsigned long)two + PAGE, PAGE);
	memset(two, 'h', PAGE);
	long r = sys_write(fds[1], two + PAGE - 100, 200);
	EXPECT(r == 100 || r == -EFAULT);
	long got = sys_read(fds[0], two, PAGE);
	EXPECT(got == (r > 0 ? r : -EAGAIN));
	close2(fds);
	sys_munmap((unsigned long)two, PAGE);
}

/* Descriptors run out before pipes do; nothing leaks either way. */
USERTEST(pipe_many)
{
	int fds[2], n = 0, opened[64];
	long r;

	for (int i = 0; i < 200; i++) {                    /* make and close */
		if ((r = sys_pipe(fds)) < 0)
			break;
		close2(fds);
	}
	EXPECT_EQ(r, 0);
	while (n < 64 && (r = sys_pipe(fds)) == 0) {
		opened[n++] = fds[0];
		opened[n++] = fds[1];
	}
	EXPECT_EQ(r, -EMFILE);
	EXPECT_EQ(n, 60);                                  /* 3..62 */
	sys_close(opened[0]);
	EXPECT_EQ(sys_pipe(fds), -EMFILE);                 /* it needs two */
	EXPECT_EQ(sys_pipe2(fds, O_CLOEXEC), -EMFILE);
	EXPECT_EQ(sys_dup(0), opened[0]);                  /* the one is still free */
	for (int i = 0; i < n; i++)
		sys_close(opened[i]);
	EXPECT_EQ(sys_pipe(fds), 0);
	EXPECT_EQ(fds[0], 3);
	close2(fds);
}
