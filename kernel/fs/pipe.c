/*
 * pipe.c - pipes: a ring of PIPE_SIZE bytes between a read end and a write
 * end, each an open file (pipe_ops) that may be shared by dup and fork.
 * Readers sleep while it is empty and writers remain; writers sleep while
 * it is full and readers remain. Writing with no reader left gives SIGPIPE
 * and -EPIPE. A write of at most PIPE_BUF bytes lands in one piece.
 *
 * Each pipe has a node of its own (S_IFIFO, no name anywhere) so fstat
 * answers as for a FIFO.
 *
 * A named pipe (FIFO, fifo(7)) is a node made by mknod; opening it
 * attaches to the node's pipe (node->priv), made by the first open and
 * freed, with any bytes left in it, by the last close. An open for
 * reading waits for a writer's open, one for writing for a reader's
 * (O_NONBLOCK: a reader goes on at once, a writer gets -ENXIO); O_RDWR
 * never waits. A wait ends with -ERESTARTSYS on a signal (restart.h:
 * -EINTR, or the call again under SA_RESTART).
 */
#include "api/errno.h"
#include "api/fcntl.h"
#include "api/poll.h"
#include "api/signal.h"
#include "api/stat.h"
#include "fs/pipe.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "mm/uvm.h"
#include "proc.h"
#include "uaccess.h"

#define PIPE_SIZE 4096                    /* the ring */
#define CHUNK 256

struct pipe {
	char *buf;                        /* PIPE_SIZE bytes, a frame's worth */
	uint64_t head, tail;              /* bytes buf[tail..head) (mod PIPE_SIZE) wait */
	int readers, writers;             /* open files on each end */
	unsigned r_opens, w_opens;        /* opens of each end ever: what a FIFO's open waits to see change */
	struct rnode *node;               /* whose priv points here (cleared when the pipe goes) */
};

static struct ramfs *pipefs;              /* the nameless nodes live here */
static const struct file_ops pipe_ops;

/* A nameless FIFO node, held once; NULL when out of memory. */
static struct rnode *pipe_node(void)
{
	struct rnode *n;

	if (!pipefs && !(pipefs = ramfs_new(PIPEFS_DEV, 0700)))
		return NULL;
	pipefs->now = vfs_root->fs->now;
	if (ramfs_create(pipefs->root, "pipe", 4, S_IFIFO | 0600, &n) < 0)
		return NULL;
	rnode_get(n);
	ramfs_unlink(pipefs->root, "pipe", 4);    /* lives on through the reference */
	return n;
}

/* A new empty pipe with no ends, for node n (n->priv set); NULL when out of memory. */
static struct pipe *pipe_new(struct rnode *n)
{
	struct pipe *pp;

	/* The ring is kernel memory, like file data: not from the reserve. */
	if (frames_free_count() < UVM_FRAME_RESERVE + 2)
		return NULL;
	if (!(pp = kzalloc(sizeof(*pp))))
		return NULL;
	if (!(pp->buf = kmalloc(PIPE_SIZE))) {
		kfree(pp);
		return NULL;
	}
	pp->node = n;
	n->priv = pp;
	return pp;
}

/* Free pp (its bytes too) once neither end is open; wake whoever waits on an end. */
static void pipe_drop(struct pipe *pp)
{
	wakeup(pp);                               /* EOF for readers, EPIPE for writers */
	if (pp->readers == 0 && pp->writers == 0) {
		pp->node->priv = NULL;
		kfree(pp->buf);
		kfree(pp);
	}
}

int pipe_open(uint32_t flags, struct file **rd, struct file **wr)
{
	struct pipe *pp = NULL;
	struct rnode *n;

	*rd = *wr = NULL;
	if (!(n = pipe_node()))
		return -ENOMEM;
	if (!(pp = pipe_new(n)) ||
	    !(*rd = file_alloc(n, O_RDONLY | (flags & O_NONBLOCK), NULL)) ||
	    !(*wr = file_alloc(n, O_WRONLY | (flags & O_NONBLOCK), NULL))) {
		if (*rd)
			file_put(*rd);                /* no ops yet: drops its reference to n */
		if (pp)
			pipe_drop(pp);                /* no ends: freed */
		rnode_put(n);
		return -ENOMEM;
	}
	rnode_put(n);                             /* the two files hold it now */
	(*rd)->ops = (*wr)->ops = &pipe_ops;
	(*rd)->priv = (*wr)->priv = pp;
	pp->readers = pp->writers = 1;
	pp->r_opens = pp->w_opens = 1;
	return 0;
}

/* Sleep until *opens changes (the other end was opened): 0, or -ERESTARTSYS. */
static int wait_partner(struct pipe *pp, const unsigned *opens)
{
	unsigned seen = *opens;

	while (*opens == seen)
		if (sleep_on(pp, 0) < 0)
			return *opens == seen ? -ERESTARTSYS : 0;
	return 0;
}

/*
 * Linux's fifo_open. A reader's f->off (a pipe has no offset) keeps the
 * writer opens it has seen, so poll reports POLLHUP only after a writer
 * came and went, not for a reader still waiting for its first writer.
 */
int fifo_open(struct rnode *n, struct file *f)
{
	struct pipe *pp = n->priv;
	bool named = n->fs != pipefs;             /* a nameless pipe's node (reopened) never waits */
	bool wait = named && !(f->flags & O_NONBLOCK);
	int r = 0;

	if ((f->flags & O_ACCMODE) == 3)
		return -EINVAL;                   /* neither end */
	if (named && (f->flags & O_ACCMODE) == O_WRONLY && (f->flags & O_NONBLOCK) && (!pp || pp->readers == 0))
		return -ENXIO;                    /* nobody to read it */
	if (!pp && !(pp = pipe_new(n)))
		return -ENOMEM;
	f->ops = &pipe_ops;
	f->priv = pp;
	if (file_readable(f))
		pp->readers++, pp->r_opens++;
	if (file_writable(f))
		pp->writers++, pp->w_opens++;
	wakeup(pp);                               /* a partner waiting in its open */
	if (wait && (f->flags & O_ACCMODE) == O_RDONLY && pp->writers == 0)
		r = wait_partner(pp, &pp->w_opens);
	else if (wait && (f->flags & O_ACCMODE) == O_WRONLY && pp->readers == 0)
		r = wait_partner(pp, &pp->r_opens);
	if (r < 0) {
		if (file_readable(f))
			pp->readers--;
		else
			pp->writers--;
		pipe_drop(pp);
		return r;                         /* vfs_open frees f without release */
	}
	f->off = pp->w_opens;
	return 0;
}

/* One end's last close. */
static void pipe_close(struct file *f)
{
	struct pipe *pp = f->priv;

	if (file_readable(f))
		pp->readers--;
	if (file_writable(f))
		pp->writers--;
	pipe_drop(pp);
}

/* Read up to n bytes into dst (user memory when user, else kernel memory). */
static long pipe_read(struct file *f, char *dst, size_t n, bool user)
{
	struct pipe *pp = f->priv;
	char buf[CHUNK];
	size_t done = 0;
	long r;

	while (pp->head == pp->tail) {
		if (pp->writers == 0)
			return 0;                 /* end of file */
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if ((r = sleep_on(pp, 0)) < 0)
			return r;
	}
	while (done < n && pp->head != pp->tail) {
		size_t c = 0;
		while (c < CHUNK && done + c < n && pp->tail + c != pp->head) {
			buf[c] = pp->buf[(pp->tail + c) % PIPE_SIZE];
			c++;
		}
		size_t got = c;
		if (user)
			got = copy_to_user_upto(dst + done, buf, c);
		else
			memcpy(dst + done, buf, c);
		pp->tail += got;
		done += got;
		if (got < c)
			break;                    /* the rest stays in the pipe */
	}
	if (done)
		wakeup(pp);                       /* room for writers */
	return done ? (long)done : -EFAULT;
}

static long pipe_read_user(struct file *f, char *u, size_t n, int64_t *off) { return pipe_read(f, u, n, true); }
static long pipe_read_kernel(struct file *f, char *buf, size_t n, int64_t *off) { return pipe_read(f, buf, n, false); }

/* Write n bytes from src (user memory when user, else kernel memory). */
static long pipe_write(struct file *f, const char *src, size_t n, bool user)
{
	struct pipe *pp = f->priv;
	char buf[CHUNK];
	size_t done = 0;
	long r;

	while (done < n) {
		/* Wait for room: for all of it when it must land in one piece
		 * (the whole write is small, not just what is left of it). */
		size_t want = n <= PIPE_BUF ? n - done : 1;
		while (pp->readers > 0 && PIPE_SIZE - (pp->head - pp->tail) < want) {
			if (f->flags & O_NONBLOCK)
				return done ? (long)done : -EAGAIN;
			if ((r = sleep_on(pp, 0)) < 0)
				return done ? (long)done : r;
		}
		if (pp->readers == 0) {
			signal_send(current(), SIGPIPE);
			return done ? (long)done : -EPIPE;
		}
		size_t room = PIPE_SIZE - (pp->head - pp->tail);
		size_t c = n - done < room ? n - done : room;
		if (c > CHUNK)
			c = CHUNK;
		if (!user)
			memcpy(buf, src + done, c);
		else if (copy_from_user(buf, src + done, c) < 0)
			return done ? (long)done : -EFAULT;
		for (size_t i = 0; i < c; i++)
			pp->buf[(pp->head + i) % PIPE_SIZE] = buf[i];
		pp->head += c;
		done += c;
		wakeup(pp);                       /* data for readers */
	}
	return done;
}

static long pipe_write_user(struct file *f, const char *u, size_t n, int64_t *off) { return pipe_write(f, u, n, true); }
static long pipe_write_kernel(struct file *f, const char *buf, size_t n, int64_t *off) { return pipe_write(f, buf, n, false); }

/*
 * Linux's pipe_poll: the read end is readable with bytes in the ring and
 * hung up (POLLHUP) with no writer left (a FIFO's: once one came,
 * fifo_open); the write end is writable when a PIPE_BUF write would land
 * at once, and POLLERR with no reader left.
 */
static unsigned pipe_poll(struct file *f)
{
	struct pipe *pp = f->priv;
	unsigned mask = 0;

	if (file_readable(f)) {
		if (pp->head != pp->tail)
			mask |= POLLIN | POLLRDNORM;
		if (pp->writers == 0 && f->off != pp->w_opens)
			mask |= POLLHUP;          /* a writer came and went */
	}
	if (file_writable(f)) {
		if (PIPE_SIZE - (pp->head - pp->tail) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (pp->readers == 0)
			mask |= POLLERR;
	}
	return mask;
}

/* No lseek: a pipe is a stream. */
static const struct file_ops pipe_ops = {
	.read = pipe_read_user, .write = pipe_write_user, .read_k = pipe_read_kernel, .write_k = pipe_write_kernel,
	.poll = pipe_poll, .release = pipe_close, .flags = FOP_READV_GATHER | FOP_WRITEV_GATHER | FOP_PIPE,
};
