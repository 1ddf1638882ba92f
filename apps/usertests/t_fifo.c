/*
 * t_fifo.c - named pipes between processes (fifo(7)): a blocking open
 * waits for the other end's open, whichever comes first; bytes, end of
 * file once the writer is gone, SIGPIPE once the reader is; a signal
 * ends an open that waits (-EINTR), leaving no end behind.
 */
#include <string.h>

#include "usertests.h"

#define F TDIR "/fifo"

/* In a child: open F for writing (waiting for a reader), write "hello", exit. */
static void writer(void *unused)
{
	long fd = sys_open(F, O_WRONLY, 0);

	quit(fd >= 0 && sys_write(fd, "hello", 5) == 5 ? 0 : 1);
}

/* In a child: open F for reading (waiting for a writer), expect "hi" then end of file. */
static void reader(void *unused)
{
	char buf[8];
	long fd = sys_open(F, O_RDONLY, 0);

	quit(fd >= 0 && sys_read(fd, buf, sizeof(buf)) == 2 && memcmp(buf, "hi", 2) == 0 &&
	     sys_read(fd, buf, sizeof(buf)) == 0 ? 0 : 1);
}

USERTEST(fifo_opens_meet)
{
	char buf[8];
	long fd;

	dir_fresh();
	EXPECT_EQ(sys_mknod(F, S_IFIFO | 0600, 0), 0);
	/* The writer comes first and waits in its open; the reader's open
	 * lets it go, reads its bytes, then end of file. */
	pid_t pid = spawn(writer, 0);
	EXPECT(wait_blocked(pid));
	EXPECT((fd = sys_open(F, O_RDONLY, 0)) >= 0);
	EXPECT_EQ(sys_read(fd, buf, sizeof(buf)), 5);
	EXPECT(memcmp(buf, "hello", 5) == 0);
	EXPECT_EQ(sys_read(fd, buf, sizeof(buf)), 0);
	EXPECT_EQ(reap(pid), 0);
	sys_close(fd);
	/* The reader comes first. */
	pid = spawn(reader, 0);
	EXPECT(wait_blocked(pid));
	EXPECT((fd = sys_open(F, O_WRONLY, 0)) >= 0);
	EXPECT_EQ(sys_write(fd, "hi", 2), 2);
	sys_close(fd);
	EXPECT_EQ(reap(pid), 0);
	/* Both gone: the pipe with them, so a writer finds no reader. */
	EXPECT_EQ(sys_open(F, O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	dir_remove();
}

/* In a child: open F for reading, then leave at once. */
static void reader_leaves(void *unused)
{
	long fd = sys_open(F, O_RDONLY, 0);

	quit(fd >= 0 ? 0 : 1);
}

/* In a child: meet reader_leaves, see it go, then write (SIGPIPE's default ends us). */
static void write_after_reader(void *unused)
{
	pid_t pid = spawn(reader_leaves, 0);
	long fd = sys_open(F, O_WRONLY, 0);

	reap(pid);
	sys_write(fd, "x", 1);
	quit(fd >= 0 ? 3 : 4);
}

USERTEST(fifo_sigpipe)
{
	long fd;

	dir_fresh();
	EXPECT_EQ(sys_mknod(F, S_IFIFO | 0600, 0), 0);
	/* Ignored: -EPIPE once the only reader left. */
	sigign(SIGPIPE);
	pid_t pid = spawn(reader_leaves, 0);
	EXPECT((fd = sys_open(F, O_WRONLY, 0)) >= 0);
	EXPECT_EQ(reap(pid), 0);
	EXPECT_EQ(sys_write(fd, "x", 1), -EPIPE);
	sys_close(fd);
	sigdfl(SIGPIPE);
	/* The default: the writer dies of SIGPIPE. */
	EXPECT_EQ(run_child(write_after_reader, 0), STATUS_SIG(SIGPIPE));
	dir_remove();
}

/* In a child: a handler for SIGUSR1, then an open that waits: its result as the exit status. */
static void open_interrupted(void *flagsp)
{
	sigact(SIGUSR1, record, 0, 0);
	long r = sys_open(F, (long)flagsp, 0);
	quit(r == -EINTR && seen.hits == 1 ? 0 : 1);
}

USERTEST(fifo_open_eintr)
{
	dir_fresh();
	EXPECT_EQ(sys_mknod(F, S_IFIFO | 0600, 0), 0);
	/* A signal ends either wait with -EINTR (Linux restarts the open
	 * under SA_RESTART; this kernel restarts nothing: docs/abi.md). */
	for (long flags = O_RDONLY; flags <= O_WRONLY; flags++) {
		pid_t pid = spawn(open_interrupted, (void *)flags);
		EXPECT(wait_blocked(pid));
		EXPECT_EQ(sys_kill(pid, SIGUSR1), 0);
		EXPECT_EQ(reap(pid), 0);
	}
	/* The interrupted reader left no end behind: a writer finds none. */
	EXPECT_EQ(sys_open(F, O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	/* A killed waiter neither. */
	pid_t pid = spawn(reader_leaves, 0);
	EXPECT(wait_blocked(pid));
	EXPECT_EQ(sys_kill(pid, SIGKILL), 0);
	EXPECT_EQ(reap(pid), STATUS_SIG(SIGKILL));
	EXPECT_EQ(sys_open(F, O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	dir_remove();
}
