/*
 * text_file.c - open files whose contents is a text made when they were
 * opened (file_set_text in fs/vfs.h): procfs files, whose reader sees one
 * consistent snapshot however it reads and seeks.
 */
#include "api/errno.h"
#include "fs/vfs.h"
#include "kernel.h"
#include "uaccess.h"

struct text {
	char *buf;
	size_t len;
};

/* How many of n bytes from off the text still has (0 at or past its end). */
static size_t text_left(const struct text *t, int64_t off, size_t n)
{
	if ((uint64_t)off >= t->len)
		return 0;
	return n < t->len - off ? n : t->len - off;
}

/* Up to n bytes from *off into buf (kernel memory): the count, 0 at the end. */
static long text_read_k(struct file *f, char *buf, size_t n, int64_t *off)
{
	struct text *t = f->priv;

	if (!(n = text_left(t, *off, n)))
		return 0;
	memcpy(buf, t->buf + *off, n);
	*off += n;
	return n;
}

static long text_read(struct file *f, char *u, size_t n, int64_t *off)
{
	struct text *t = f->priv;

	if (!(n = text_left(t, *off, n)))
		return 0;
	size_t got = copy_to_user_upto(u, t->buf + *off, n);
	*off += got;
	return got ? (long)got : -EFAULT;
}

static int64_t text_lseek(struct file *f, int64_t off, int whence)
{
	return file_seek(f, off, whence, ((struct text *)f->priv)->len);
}

static void text_release(struct file *f)
{
	struct text *t = f->priv;

	kfree(t->buf);
	kfree(t);
}

/* write is NULL: -EINVAL, as for Linux's read-only proc files opened for writing. */
static const struct file_ops text_file_ops = {
	.read = text_read, .read_k = text_read_k, .lseek = text_lseek, .release = text_release,
};

int file_set_text(struct file *f, char *text, size_t len)
{
	struct text *t = kmalloc(sizeof(*t));

	if (!t) {
		kfree(text);
		return -ENOMEM;
	}
	*t = (struct text){ text, len };
	f->ops = &text_file_ops;
	f->priv = t;
	return 0;
}
