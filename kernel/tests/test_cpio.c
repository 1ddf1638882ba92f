/*
 * test_cpio.c - host tests for lib/cpio.c: newc archives built in memory by a
 * small writer below, read back whole, cut at every byte, and corrupted one
 * field at a time. Every archive is read from a heap copy of exactly `size`
 * bytes, so ASan catches any read past the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/cpio.h"

/* Field numbers for set_field(), counting from 0 after the magic. */
#define F_MODE 1
#define F_FILESIZE 6
#define F_NAMESIZE 11
#define F_CHECK 12
#define FIELD_OFF(i) (6 + 8 * (i))

struct ar {
	unsigned char buf[16384];
	size_t len;
};

/* Append zero bytes until len is a multiple of 4. */
static void ar_pad(struct ar *a)
{
	while (a->len % 4 != 0)
		a->buf[a->len++] = 0;
}

/* Append one entry the way `cpio -o -H newc` does; return its header's offset. */
static size_t ar_add(struct ar *a, const char *name, uint32_t mode, const void *data, size_t size)
{
	char hdr[CPIO_HDR_SIZE + 1];
	size_t off = a->len, namesize = strlen(name) + 1;

	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 CPIO_MAGIC, 1000u + (unsigned)off, mode, 0u, 0u, 1u, 0x5f000000u,
		 (unsigned)size, 8u, 1u, 0u, 0u, (unsigned)namesize, 0u);
	memcpy(a->buf + a->len, hdr, CPIO_HDR_SIZE);
	a->len += CPIO_HDR_SIZE;
	memcpy(a->buf + a->len, name, namesize);
	a->len += namesize;
	ar_pad(a);
	memcpy(a->buf + a->len, data, size);
	a->len += size;
	ar_pad(a);
	return off;
}

static size_t ar_trailer(struct ar *a)
{
	return ar_add(a, "TRAILER!!!", 0, "", 0);
}

/* Overwrite field i of the header at hdr with value v (8 hex digits). */
static void set_field(struct ar *a, size_t hdr, int i, uint32_t v)
{
	char tmp[9];

	snprintf(tmp, sizeof(tmp), "%08X", v);
	memcpy(a->buf + hdr + FIELD_OFF(i), tmp, 8);
}

/* A heap copy of the first n bytes of a, so ASan sees its exact end. */
static unsigned char *heap(const struct ar *a, size_t n)
{
	unsigned char *p = malloc(n ? n : 1);

	memcpy(p, a->buf, n);
	return p;
}

/* cpio_next on a heap copy of the first n bytes, starting at pos. */
static int next_n(const struct ar *a, size_t n, size_t pos)
{
	unsigned char *p = heap(a, n);
	struct cpio_entry e;
	int r = cpio_next(p, n, &pos, &e);

	free(p);
	return r;
}

/* cpio_find on a heap copy of the first n bytes. */
static int find_n(const struct ar *a, size_t n, const char *path)
{
	unsigned char *p = heap(a, n);
	int r = cpio_find(p, n, path, NULL);

	free(p);
	return r;
}

/* The archive most tests use: a root, two directories, files of odd sizes. */
#define NFILES 8
static const struct {
	const char *name;
	uint32_t mode;
	const char *data;
	size_t size;
} files[NFILES] = {
	{ ".",           CPIO_S_IFDIR | 0755, "",          0 },
	{ "bin",         CPIO_S_IFDIR | 0755, "",          0 },
	{ "bin/init",    CPIO_S_IFREG | 0755, "\x7f" "ELF\0\1", 6 },
	{ "etc",         CPIO_S_IFDIR | 0755, "",          0 },
	{ "etc/empty",   CPIO_S_IFREG | 0644, "",          0 },
	{ "./etc/hosts", CPIO_S_IFREG | 0644, "127.0.0.1 localhost\n", 20 },
	{ "/etc/motd",   CPIO_S_IFREG | 0644, "hi\n",      3 },
	{ "x",           CPIO_S_IFLNK | 0777, "bin/init",  8 },
};

/* Build the archive; hdr[i] gets the offset of entry i's header, hdr[NFILES] the trailer's. */
static void build(struct ar *a, size_t *hdr, int trailer_pad)
{
	size_t dummy[NFILES + 1];

	if (!hdr)
		hdr = dummy;
	a->len = 0;
	for (int i = 0; i < NFILES; i++)
		hdr[i] = ar_add(a, files[i].name, files[i].mode, files[i].data, files[i].size);
	hdr[NFILES] = ar_trailer(a);
	while (trailer_pad && a->len % 512 != 0)
		a->buf[a->len++] = 0;
}

/*
 * True when e is exactly files[i], its data at its place in the archive p of
 * n bytes: after the padding, or at the end when the cut removed the padding.
 */
static int is_file(const struct cpio_entry *e, int i, const unsigned char *p, size_t n, size_t hdr)
{
	size_t namesize = strlen(files[i].name) + 1;
	size_t data = (hdr + CPIO_HDR_SIZE + namesize + 3) & ~(size_t)3;

	if (data > n)
		data = n;

	return e->namelen == namesize - 1 && strcmp(e->name, files[i].name) == 0 &&
	       e->name == (const char *)p + hdr + CPIO_HDR_SIZE &&
	       e->mode == files[i].mode && e->size == files[i].size &&
	       e->data == p + data && memcmp(e->data, files[i].data, e->size) == 0;
}

static void test_empty(void)
{
	struct ar a = { .len = 0 };
	struct cpio_entry e;
	unsigned char *p = calloc(1, 1);
	size_t pos = 0;

	CHECK_EQ(cpio_next(p, 0, &pos, &e), 0);
	CHECK_EQ(pos, 0);
	CHECK_EQ(cpio_find(p, 0, "/bin/init", &e), 0);
	CHECK_EQ(cpio_find(p, 0, "/", NULL), 0);
	CHECK_EQ(cpio_next(NULL, 0, &pos, &e), 0);
	free(p);

	/* Only a trailer; then the trailer and zero padding to 512 bytes. */
	ar_trailer(&a);
	CHECK_EQ(a.len, 124);
	CHECK_EQ(next_n(&a, a.len, 0), 0);
	CHECK_EQ(find_n(&a, a.len, "TRAILER!!!"), 0);
	while (a.len < 512)
		a.buf[a.len++] = 0;
	CHECK_EQ(next_n(&a, a.len, 0), 0);
	CHECK_EQ(find_n(&a, a.len, "/x"), 0);
}

static void test_walk(void)
{
	struct ar a;
	struct cpio_entry e;
	size_t hdr[NFILES + 1], pos = 0, old;
	unsigned char *p;

	build(&a, hdr, 1);
	CHECK_EQ(a.len % 512, 0);
	p = heap(&a, a.len);
	for (int i = 0; i < NFILES; i++) {
		CHECK_EQ(pos, hdr[i]);
		memset(&e, 0xa5, sizeof(e));
		CHECK_EQ(cpio_next(p, a.len, &pos, &e), 1);
		CHECK(is_file(&e, i, p, a.len, hdr[i]));
		CHECK_EQ(((const unsigned char *)e.data - p) % 4, 0);
		CHECK_EQ(e.name[e.namelen], '\0');
	}
	CHECK_EQ(pos, hdr[NFILES]);
	/* The trailer ends it and leaves pos there, so asking again says the same. */
	for (int k = 0; k < 2; k++) {
		CHECK_EQ(cpio_next(p, a.len, &pos, &e), 0);
		CHECK_EQ(pos, hdr[NFILES]);
	}
	/* *pos past the end is an error, not a read. */
	old = pos = a.len + 1;
	CHECK_EQ(cpio_next(p, a.len, &pos, &e), CPIO_ETRUNC);
	CHECK_EQ(pos, old);
	free(p);

	/* Without a trailer the archive simply ends after the last entry. */
	build(&a, hdr, 0);
	p = heap(&a, hdr[NFILES]);
	pos = 0;
	for (int i = 0; i < NFILES; i++)
		CHECK_EQ(cpio_next(p, hdr[NFILES], &pos, &e), 1);
	CHECK_EQ(pos, hdr[NFILES]);
	CHECK_EQ(cpio_next(p, hdr[NFILES], &pos, &e), 0);
	free(p);

	/* The archive need not be aligned in memory: padding counts from its start. */
	{
		static unsigned char raw[sizeof(a.buf) + 1];

		build(&a, hdr, 1);
		memcpy(raw + 1, a.buf, a.len);
		pos = 0;
		for (int i = 0; i < NFILES; i++) {
			CHECK_EQ(cpio_next(raw + 1, a.len, &pos, &e), 1);
			CHECK(is_file(&e, i, raw + 1, a.len, hdr[i]));
		}
		CHECK_EQ(cpio_next(raw + 1, a.len, &pos, &e), 0);
	}
}

static void test_find(void)
{
	struct ar a;
	struct cpio_entry e;
	size_t hdr[NFILES + 1];
	unsigned char *p;

	build(&a, hdr, 1);
	p = heap(&a, a.len);

	static const struct { const char *path; int idx; } q[] = {
		{ "/bin/init", 2 }, { "bin/init", 2 }, { "./bin/init", 2 },
		{ "//bin/init", 2 }, { "/./bin/init", 2 }, { ".//./bin/init", 2 },
		{ "/bin", 1 }, { "bin", 1 }, { "/", 0 }, { "", 0 }, { ".", 0 }, { "./", 0 },
		{ "/etc/hosts", 5 }, { "etc/hosts", 5 }, { "./etc/hosts", 5 },
		{ "/etc/motd", 6 }, { "etc/motd", 6 }, { "./etc/motd", 6 },
		{ "etc/empty", 4 }, { "/x", 7 },
		{ "/bin/ini", -1 }, { "/bin/initx", -1 }, { "/bin/init/", -1 },
		{ "bin//init", -1 }, { "../bin/init", -1 }, { ".bin/init", -1 },
		{ "/BIN/INIT", -1 }, { "TRAILER!!!", -1 }, { "/etc/nope", -1 },
	};
	for (size_t k = 0; k < sizeof(q) / sizeof(q[0]); k++) {
		int r;

		memset(&e, 0xa5, sizeof(e));
		r = cpio_find(p, a.len, q[k].path, &e);
		if (q[k].idx < 0) {
			if (r != 0)
				printf("  path \"%s\"\n", q[k].path);
			CHECK_EQ(r, 0);
		} else {
			if (r != 1 || !is_file(&e, q[k].idx, p, a.len, hdr[q[k].idx]))
				printf("  path \"%s\"\n", q[k].path);
			CHECK_EQ(r, 1);
			CHECK(is_file(&e, q[k].idx, p, a.len, hdr[q[k].idx]));
		}
	}
	CHECK_EQ(cpio_find(p, a.len, "/bin/init", NULL), 1);
	CHECK_EQ(cpio_find(p, a.len, "/bin/nope", NULL), 0);
	CHECK(cpio_find(p, a.len, "/bin", &e) == 1 && (e.mode & CPIO_S_IFMT) == CPIO_S_IFDIR);
	CHECK(cpio_find(p, a.len, "/x", &e) == 1 && (e.mode & CPIO_S_IFMT) == CPIO_S_IFLNK);
	free(p);

	/* The first of two entries with one path wins. */
	a.len = 0;
	ar_add(&a, "./a", CPIO_S_IFREG, "1", 1);
	ar_add(&a, "/a", CPIO_S_IFREG, "22", 2);
	ar_trailer(&a);
	p = heap(&a, a.len);
	CHECK(cpio_find(p, a.len, "a", &e) == 1 && e.size == 1);
	free(p);
}

/* Every name length 1..8 with every size 0..9: all the padding cases. */
static void test_padding(void)
{
	static const char data[] = "0123456789";
	char name[16];
	struct ar a;
	struct cpio_entry e;
	unsigned char *p;

	for (int nl = 1; nl <= 8; nl++) {
		for (size_t size = 0; size <= 9; size++) {
			size_t pos = 0, h0, h1;
			int ok;

			memset(name, 'n', sizeof(name));
			name[nl] = '\0';
			a.len = 0;
			h0 = ar_add(&a, name, CPIO_S_IFREG | 0600, data, size);
			h1 = ar_add(&a, "z", CPIO_S_IFREG | 0600, "Z", 1);
			ar_trailer(&a);
			p = heap(&a, a.len);
			ok = cpio_next(p, a.len, &pos, &e) == 1 && e.namelen == (size_t)nl &&
			     e.size == size && memcmp(e.data, data, size) == 0 &&
			     (const unsigned char *)e.data == p + ((CPIO_HDR_SIZE + nl + 1 + 3) & ~3) &&
			     pos == h1 && h0 == 0;
			ok = ok && cpio_next(p, a.len, &pos, &e) == 1 && strcmp(e.name, "z") == 0 &&
			     e.size == 1 && *(const char *)e.data == 'Z';
			ok = ok && cpio_next(p, a.len, &pos, &e) == 0;
			if (!ok)
				printf("  namelen %d size %zu\n", nl, size);
			CHECK(ok);
			free(p);
		}
	}
}

/*
 * Cut the archive at every length: reading must stop with an error or at the
 * end, never crash, and every entry it does return must be the real one.
 * A cut exactly between entries, or inside the last padding, is a clean end.
 */
static void test_truncated(void)
{
	struct ar a;
	struct cpio_entry e;
	size_t hdr[NFILES + 1];
	int bad = 0, clean_ends = 0, found = 0, want;

	build(&a, hdr, 0);
	for (size_t n = 0; n < a.len; n++) {
		unsigned char *p = heap(&a, n);
		size_t pos = 0;
		int i = 0, r;

		while ((r = cpio_next(p, n, &pos, &e)) == 1) {
			if (i >= NFILES || !is_file(&e, i, p, n, hdr[i]) || pos > n) {
				bad++;
				break;
			}
			i++;
		}
		if (r == 0) {
			clean_ends++;
			/* Either we ran out exactly, or we read the (perhaps unpadded) trailer. */
			if (!(pos == n || (i == NFILES && pos == hdr[NFILES])))
				bad++;
		} else if (r < CPIO_ENAME || r > CPIO_ETRUNC) {
			bad++;
		}
		/* Exactly the entries whose header, name and data fit are read. */
		want = 0;
		for (int k = 0; k < NFILES; k++) {
			size_t name_end = hdr[k] + CPIO_HDR_SIZE + strlen(files[k].name) + 1;
			size_t data = (name_end + 3) & ~(size_t)3;

			if (name_end <= n && (files[k].size == 0 || data + files[k].size <= n))
				want = k + 1;
		}
		if (i != want)
			bad++;
		/* The last entry is found just when it is all there. */
		r = cpio_find(p, n, "/x", &e);
		if ((r == 1) != (want == NFILES) ||
		    (r == 1 && !is_file(&e, NFILES - 1, p, n, hdr[NFILES - 1])))
			bad++;
		if (r == 1)
			found++;
		free(p);
	}
	CHECK_EQ(bad, 0);
	/* "x" is complete from its data's end to the trailer's last byte. */
	CHECK_EQ(found, (int)(a.len - hdr[NFILES]));
	/* At least n = 0 and the NFILES entry boundaries after it end cleanly... */
	CHECK(clean_ends >= NFILES + 1);
	/* ... and reading from each boundary itself is a clean end. */
	for (int k = 0; k <= NFILES; k++)
		CHECK_EQ(next_n(&a, hdr[k], hdr[k]), 0);
	/* A cut inside a header is CPIO_ETRUNC. */
	CHECK_EQ(next_n(&a, hdr[2] + CPIO_HDR_SIZE - 1, hdr[2]), CPIO_ETRUNC);
	CHECK_EQ(next_n(&a, hdr[2] + 1, hdr[2]), CPIO_ETRUNC);
	/* A cut inside a name, or one byte short of the data. */
	CHECK_EQ(next_n(&a, hdr[2] + CPIO_HDR_SIZE + 3, hdr[2]), CPIO_ETRUNC);
	CHECK_EQ(next_n(&a, hdr[3] - 3, hdr[2]), CPIO_ETRUNC);
	CHECK_EQ(next_n(&a, hdr[3] - 2, hdr[2]), 1); /* "bin/init" has 6 bytes: 2 of padding */
}

static void test_magic(void)
{
	struct ar a;
	size_t hdr[NFILES + 1];

	for (int i = 0; i < 6; i++) {
		build(&a, hdr, 1);
		a.buf[i] ^= 0x01;
		CHECK_EQ(next_n(&a, a.len, 0), CPIO_EMAGIC);
	}
	/* The old binary and odc formats, and newc with CRC, are all refused. */
	build(&a, hdr, 1);
	memcpy(a.buf, "070707", 6);
	CHECK_EQ(next_n(&a, a.len, 0), CPIO_EMAGIC);
	memcpy(a.buf, "070702", 6);
	CHECK_EQ(next_n(&a, a.len, 0), CPIO_EMAGIC);
	memcpy(a.buf, "\xc7\x71", 2);
	CHECK_EQ(next_n(&a, a.len, 0), CPIO_EMAGIC);

	/* A bad second header: the first entry reads, then the error; find stops there. */
	build(&a, hdr, 1);
	a.buf[hdr[1]] = 'X';
	CHECK_EQ(next_n(&a, a.len, 0), 1);
	CHECK_EQ(next_n(&a, a.len, hdr[1]), CPIO_EMAGIC);
	CHECK_EQ(find_n(&a, a.len, "/"), 1);
	CHECK_EQ(find_n(&a, a.len, "/bin/init"), CPIO_EMAGIC);
	CHECK_EQ(find_n(&a, a.len, "/nope"), CPIO_EMAGIC);
	/* Zero padding in place of the trailer is not an end. */
	build(&a, hdr, 1);
	memset(a.buf + hdr[NFILES], 0, CPIO_HDR_SIZE);
	CHECK_EQ(next_n(&a, a.len, hdr[NFILES]), CPIO_EMAGIC);
}

static void test_hex(void)
{
	static const char badc[] = { 'g', 'G', 'x', ' ', '-', '+', '\0', ':', '@', '`' };
	struct ar a;
	size_t hdr[NFILES + 1];

	/* Every field, every digit position gets a non-hex byte in turn. */
	for (int f = 0; f < 13; f++) {
		for (int d = 0; d < 8; d++) {
			int r;

			build(&a, hdr, 1);
			a.buf[hdr[2] + FIELD_OFF(f) + d] = badc[(f + d) % sizeof(badc)];
			r = next_n(&a, a.len, hdr[2]);
			if (r != CPIO_EHEX)
				printf("  field %d digit %d\n", f, d);
			CHECK_EQ(r, CPIO_EHEX);
		}
	}
	/* The trailer's fields are checked too. */
	build(&a, hdr, 1);
	a.buf[hdr[NFILES] + FIELD_OFF(F_CHECK)] = 'z';
	CHECK_EQ(next_n(&a, a.len, hdr[NFILES]), CPIO_EHEX);

	/* Lower-case hex is hex. */
	build(&a, hdr, 1);
	memcpy(a.buf + hdr[2] + FIELD_OFF(F_MODE), "000081ed", 8);
	{
		unsigned char *p = heap(&a, a.len);
		struct cpio_entry e;
		size_t pos = hdr[2];

		CHECK_EQ(cpio_next(p, a.len, &pos, &e), 1);
		CHECK_EQ(e.mode, 0100755);
		CHECK_EQ(pos, hdr[3]);
		free(p);
	}
}

static void test_sizes(void)
{
	struct ar a;
	size_t hdr[NFILES + 1];
	unsigned char *p;
	struct cpio_entry e;
	size_t pos;

	/* Huge sizes: rejected without any sum wrapping round. */
	build(&a, hdr, 1);
	set_field(&a, hdr[2], F_FILESIZE, 0xffffffff);
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ETRUNC);
	build(&a, hdr, 1);
	set_field(&a, hdr[2], F_NAMESIZE, 0xffffffff);
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ETRUNC);
	build(&a, hdr, 1);
	set_field(&a, hdr[NFILES], F_FILESIZE, 0xffffffff);
	CHECK_EQ(next_n(&a, a.len, hdr[NFILES]), CPIO_ETRUNC);
	build(&a, hdr, 1);
	set_field(&a, hdr[0], F_NAMESIZE, 0x80000000);
	CHECK_EQ(find_n(&a, a.len, "/bin/init"), CPIO_ETRUNC);

	/* The data of the last entry may end exactly at the end, not one byte beyond. */
	build(&a, hdr, 0);
	{
		size_t data_end = hdr[NFILES - 1] + CPIO_HDR_SIZE + 2 + 8; /* "x\0" ends on 4, then 8 bytes */

		CHECK_EQ(data_end, hdr[NFILES]);
		CHECK_EQ(next_n(&a, data_end, hdr[NFILES - 1]), 1);
		set_field(&a, hdr[NFILES - 1], F_FILESIZE, 9);
		CHECK_EQ(next_n(&a, data_end, hdr[NFILES - 1]), CPIO_ETRUNC);
		/* With the whole archive there, 9 bytes fit: the 9th is the trailer's "0". */
		CHECK_EQ(next_n(&a, a.len, hdr[NFILES - 1]), 1);
	}

	/* A size 0 file's data is an empty range at its aligned place. */
	build(&a, hdr, 1);
	p = heap(&a, a.len);
	pos = hdr[4];
	CHECK_EQ(cpio_next(p, a.len, &pos, &e), 1);
	CHECK(is_file(&e, 4, p, a.len, hdr[4]));
	CHECK_EQ(e.size, 0);
	CHECK_EQ(pos, hdr[5]);
	free(p);

	/* A size 0 last entry whose padding is cut off still ends at the end. */
	a.len = 0;
	ar_add(&a, "abcd", CPIO_S_IFREG, "", 0); /* 110 + 5 = 115, padded to 116 */
	p = heap(&a, 115);
	pos = 0;
	CHECK_EQ(cpio_next(p, 115, &pos, &e), 1);
	CHECK_EQ(e.size, 0);
	CHECK(e.data == p + 115);
	CHECK_EQ(pos, 115);
	CHECK_EQ(cpio_next(p, 115, &pos, &e), 0);
	free(p);
}

static void test_names(void)
{
	struct ar a;
	size_t hdr[NFILES + 1];

	/* namesize 0. */
	build(&a, hdr, 1);
	set_field(&a, hdr[2], F_NAMESIZE, 0);
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ENAME);

	/* The NUL overwritten: "bin/initX" runs into the padding. */
	build(&a, hdr, 1);
	a.buf[hdr[2] + CPIO_HDR_SIZE + 8] = 'X';
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ENAME);
	CHECK_EQ(find_n(&a, a.len, "/etc/motd"), CPIO_ENAME);
	CHECK_EQ(find_n(&a, a.len, "/bin"), 1);

	/* namesize one short, so the NUL is outside it. */
	build(&a, hdr, 1);
	set_field(&a, hdr[2], F_NAMESIZE, 8);
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ENAME);

	/* namesize one long, so the name holds a NUL before its last byte. */
	build(&a, hdr, 1);
	set_field(&a, hdr[2], F_NAMESIZE, 10);
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ENAME);

	/* A NUL in the middle of the name. */
	build(&a, hdr, 1);
	a.buf[hdr[2] + CPIO_HDR_SIZE + 3] = '\0';
	CHECK_EQ(next_n(&a, a.len, hdr[2]), CPIO_ENAME);

	/* A name without a NUL that ends exactly at the end of the archive. */
	build(&a, hdr, 0);
	a.buf[hdr[NFILES] + CPIO_HDR_SIZE + 10] = '!';
	CHECK_EQ(next_n(&a, hdr[NFILES] + CPIO_HDR_SIZE + 11, hdr[NFILES]), CPIO_ENAME);

	/* "TRAILER!!!" only as the whole name. */
	a.len = 0;
	ar_add(&a, "TRAILER!!!x", CPIO_S_IFREG, "", 0);
	ar_add(&a, "TRAILER!!", CPIO_S_IFREG, "", 0);
	ar_add(&a, "./TRAILER!!!", CPIO_S_IFREG, "", 0);
	ar_trailer(&a);
	{
		unsigned char *p = heap(&a, a.len);
		struct cpio_entry e;
		size_t pos = 0;
		int n = 0;

		while (cpio_next(p, a.len, &pos, &e) == 1)
			n++;
		CHECK_EQ(n, 3);
		free(p);
	}
}

static void test_strerror(void)
{
	const char *s[7];

	for (int i = 0; i < 7; i++) {
		s[i] = cpio_strerror(1 - i); /* 1, 0, then the four errors, then -5 */
		CHECK(s[i] != NULL && s[i][0] != '\0');
	}
	for (int i = 0; i < 7; i++)
		for (int j = i + 1; j < 7; j++)
			CHECK(strcmp(s[i], s[j]) != 0);
	CHECK(cpio_strerror(CPIO_ENAME) == s[5]);
	CHECK(cpio_strerror(42) == s[6]);
}

int main(void)
{
	test_empty();
	test_walk();
	test_find();
	test_padding();
	test_truncated();
	test_magic();
	test_hex();
	test_sizes();
	test_names();
	test_strerror();
	return check_done();
}
