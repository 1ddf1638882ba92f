/*
 * test_elf.c - host tests for lib/elf.c: a valid image built in memory, then
 * one malformed variant per error code. Every image is checked from a heap
 * copy of exactly `size` bytes, so ASan catches any read past the end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/elf.h"

/* The image: header, three program headers, then the segments' bytes (0x300 in all). */
struct img {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[3];
	unsigned char data[0x300 - sizeof(Elf64_Ehdr) - 3 * sizeof(Elf64_Phdr)];
};

#define IMG_SIZE sizeof(struct img)
#define PHOFF offsetof(struct img, ph)

/*
 * A valid ET_EXEC with two PT_LOADs:
 *   text: offset 0,     vaddr 0x400000, filesz = memsz = 0x200, R+X (holds the headers)
 *   data: offset 0x200, vaddr 0x401200, filesz 0x100, memsz 0x3000 (bss), R+W
 * entry 0x400100; ph[2] exists but e_phnum is 2 unless a test says otherwise.
 */
static void build(struct img *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.e_ident, "\x7f" "ELF", 4);
	im->eh.e_ident[4] = ELFCLASS64;
	im->eh.e_ident[5] = ELFDATA2LSB;
	im->eh.e_ident[6] = EV_CURRENT;
	im->eh.e_type = ET_EXEC;
	im->eh.e_machine = EM_X86_64;
	im->eh.e_version = EV_CURRENT;
	im->eh.e_entry = 0x400100;
	im->eh.e_phoff = PHOFF;
	im->eh.e_ehsize = sizeof(Elf64_Ehdr);
	im->eh.e_phentsize = sizeof(Elf64_Phdr);
	im->eh.e_phnum = 2;

	im->ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X,
		.p_offset = 0, .p_vaddr = 0x400000, .p_paddr = 0x400000,
		.p_filesz = 0x200, .p_memsz = 0x200, .p_align = 0x1000 };
	im->ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W,
		.p_offset = 0x200, .p_vaddr = 0x401200, .p_paddr = 0x401200,
		.p_filesz = 0x100, .p_memsz = 0x3000, .p_align = 0x1000 };
	im->ph[2] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W,
		.p_offset = 0xdeadbeef, .p_filesz = 0x10, .p_align = 3 };
	for (size_t i = 0; i < sizeof(im->data); i++)
		im->data[i] = (unsigned char)i;
}

/* elf_check on a heap copy of the first size bytes of im. */
static int check_n(const struct img *im, size_t size, uint16_t type, struct elf_info *info)
{
	unsigned char *copy = malloc(size ? size : 1);
	struct elf_info dummy;
	int err;

	memcpy(copy, im, size);
	err = elf_check(copy, size, type, info ? info : &dummy);
	free(copy);
	return err;
}

static int check_img(const struct img *im)
{
	return check_n(im, IMG_SIZE, ET_EXEC, NULL);
}

static void test_valid(void)
{
	struct img im;
	struct elf_info info;
	unsigned char *copy;
	unsigned char raw[IMG_SIZE + 1];
	int err;

	build(&im);
	copy = malloc(IMG_SIZE);
	memcpy(copy, &im, IMG_SIZE);
	memset(&info, 0xa5, sizeof(info));
	err = elf_check(copy, IMG_SIZE, ET_EXEC, &info);
	CHECK_EQ(err, ELF_OK);
	CHECK_EQ(info.entry, 0x400100);
	CHECK_EQ(info.vaddr_lo, 0x400000);
	CHECK_EQ(info.vaddr_hi, 0x405000); /* 0x401200 + 0x3000 = 0x404200, rounded up */
	CHECK_EQ(info.phnum, 2);
	CHECK((const unsigned char *)info.phdrs == copy + PHOFF);
	CHECK_EQ(info.phdrs[1].p_memsz, 0x3000);
	free(copy);

	/* elf_check itself copes with an unaligned image. */
	memcpy(raw + 1, &im, IMG_SIZE);
	CHECK_EQ(elf_check(raw + 1, IMG_SIZE, ET_EXEC, &info), ELF_OK);
	CHECK((const unsigned char *)info.phdrs == raw + 1 + PHOFF);

	/* A non-PT_LOAD entry with nonsense fields is ignored. */
	im.eh.e_phnum = 3;
	CHECK_EQ(check_n(&im, IMG_SIZE, ET_EXEC, &info), ELF_OK);
	CHECK_EQ(info.phnum, 3);

	/* ET_DYN when asked for ET_DYN. */
	build(&im);
	im.eh.e_type = ET_DYN;
	CHECK_EQ(check_n(&im, IMG_SIZE, ET_DYN, NULL), ELF_OK);

	/* Segments that merely touch do not overlap. */
	build(&im);
	im.ph[1].p_vaddr = 0x400200;
	CHECK_EQ(check_n(&im, IMG_SIZE, ET_EXEC, &info), ELF_OK);
	CHECK_EQ(info.vaddr_hi, 0x404000); /* 0x400200 + 0x3000 = 0x403200, rounded up */

	/* Last byte of the executable segment is a valid entry. */
	build(&im);
	im.eh.e_entry = 0x4001ff;
	CHECK_EQ(check_img(&im), ELF_OK);

	/* Align 0 and 1 impose nothing; memsz 0 is fine. */
	build(&im);
	im.ph[1].p_align = 0;
	im.ph[1].p_vaddr = 0x401234;
	CHECK_EQ(check_img(&im), ELF_OK);
	im.ph[1].p_align = 1;
	CHECK_EQ(check_img(&im), ELF_OK);
	im.ph[1].p_filesz = 0;
	im.ph[1].p_memsz = 0;
	CHECK_EQ(check_img(&im), ELF_OK);

	/* A higher-half kernel layout, unaligned vaddr_lo rounded down. */
	build(&im);
	im.ph[0].p_vaddr = 0xffffffff80000000ULL;
	im.ph[1].p_vaddr = 0xffffffff80201200ULL;
	im.eh.e_entry = 0xffffffff80000010ULL;
	CHECK_EQ(check_n(&im, IMG_SIZE, ET_EXEC, &info), ELF_OK);
	CHECK_EQ(info.vaddr_lo, 0xffffffff80000000ULL);
	CHECK_EQ(info.vaddr_hi, 0xffffffff80205000ULL);
	CHECK_EQ(info.entry, 0xffffffff80000010ULL);

	/* A segment may end on the last page boundary below 2^64. */
	build(&im);
	im.ph[1].p_vaddr = 0xffffffffffffc200ULL;
	im.ph[1].p_memsz = 0x2e00;
	CHECK_EQ(check_n(&im, IMG_SIZE, ET_EXEC, &info), ELF_OK);
	CHECK_EQ(info.vaddr_hi, 0xfffffffffffff000ULL);
}

static void test_header(void)
{
	struct img im;

	build(&im);
	for (size_t n = 0; n < sizeof(Elf64_Ehdr); n++)
		CHECK_EQ(check_n(&im, n, ET_EXEC, NULL), ELF_ETRUNC);

	for (int i = 0; i < 4; i++) {
		build(&im);
		im.eh.e_ident[i] ^= 0x20;
		CHECK_EQ(check_img(&im), ELF_EMAGIC);
	}
	/* The magic is checked before anything that follows it. */
	build(&im);
	im.eh.e_ident[0] = 0;
	im.eh.e_ident[4] = 1;
	im.eh.e_machine = 3;
	CHECK_EQ(check_img(&im), ELF_EMAGIC);

	build(&im);
	im.eh.e_ident[4] = 1; /* ELFCLASS32 */
	CHECK_EQ(check_img(&im), ELF_ECLASS);
	build(&im);
	im.eh.e_ident[5] = 2; /* ELFDATA2MSB */
	CHECK_EQ(check_img(&im), ELF_ECLASS);
	build(&im);
	im.eh.e_ident[6] = 0;
	CHECK_EQ(check_img(&im), ELF_ECLASS);
	build(&im);
	im.eh.e_version = 2;
	CHECK_EQ(check_img(&im), ELF_ECLASS);

	build(&im);
	im.eh.e_machine = 3; /* EM_386 */
	CHECK_EQ(check_img(&im), ELF_EMACHINE);

	build(&im);
	im.eh.e_type = ET_DYN;
	CHECK_EQ(check_img(&im), ELF_ETYPE);
	build(&im);
	CHECK_EQ(check_n(&im, IMG_SIZE, ET_DYN, NULL), ELF_ETYPE);
}

static void test_phdr_table(void)
{
	struct img im;

	build(&im);
	im.eh.e_phentsize = 32;
	CHECK_EQ(check_img(&im), ELF_EPHDR);
	build(&im);
	im.eh.e_phentsize = sizeof(Elf64_Phdr) + 8;
	CHECK_EQ(check_img(&im), ELF_EPHDR);

	build(&im);
	im.eh.e_phnum = 0;
	CHECK_EQ(check_img(&im), ELF_EPHDR);
	build(&im);
	im.eh.e_phnum = 65;
	CHECK_EQ(check_img(&im), ELF_EPHDR);

	/* 64 headers are allowed, 65 are not, even when the file holds them all. */
	{
		size_t big = 0x1000;
		unsigned char *buf = calloc(1, big);

		build(&im);
		memcpy(buf, &im, IMG_SIZE); /* the extra headers are zero: PT_NULL */
		((Elf64_Ehdr *)buf)->e_phnum = 64;
		CHECK_EQ(elf_check(buf, big, ET_EXEC, &(struct elf_info){ 0 }), ELF_OK);
		((Elf64_Ehdr *)buf)->e_phnum = 65;
		CHECK_EQ(elf_check(buf, big, ET_EXEC, &(struct elf_info){ 0 }), ELF_EPHDR);
		free(buf);
	}

	build(&im);
	im.eh.e_phoff = 0x1000;
	CHECK_EQ(check_img(&im), ELF_EPHDR);
	build(&im);
	im.eh.e_phoff = IMG_SIZE; /* starts exactly at the end */
	CHECK_EQ(check_img(&im), ELF_EPHDR);
	build(&im);
	im.eh.e_phoff = IMG_SIZE - sizeof(Elf64_Phdr); /* room for one, not two */
	CHECK_EQ(check_img(&im), ELF_EPHDR);

	/* phoff + phnum*phentsize wraps round to a small number. */
	build(&im);
	im.eh.e_phoff = UINT64_MAX & ~7ULL;
	CHECK_EQ(check_img(&im), ELF_EPHDR);
	build(&im);
	im.eh.e_phoff = 0 - (uint64_t)sizeof(Elf64_Phdr); /* + 2*56 = 56 */
	CHECK_EQ(check_img(&im), ELF_EPHDR);

	/* A misaligned table could not be handed back as an Elf64_Phdr pointer. */
	build(&im);
	im.eh.e_phoff = PHOFF + 4;
	CHECK_EQ(check_img(&im), ELF_EPHDR);

	/* File cut one byte into the table, then just after it. */
	build(&im);
	CHECK_EQ(check_n(&im, PHOFF + 2 * sizeof(Elf64_Phdr) - 1, ET_EXEC, NULL), ELF_EPHDR);
	CHECK_EQ(check_n(&im, PHOFF + 2 * sizeof(Elf64_Phdr), ET_EXEC, NULL), ELF_ESEGMENT);
}

static void test_segments(void)
{
	struct img im;

	build(&im);
	im.ph[1].p_offset = 0x1000; /* past the end */
	CHECK_EQ(check_img(&im), ELF_ESEGMENT);
	build(&im);
	im.ph[1].p_offset = IMG_SIZE - 0xff; /* last byte one past the end */
	CHECK_EQ(check_img(&im), ELF_ESEGMENT);
	build(&im);
	im.ph[1].p_offset = IMG_SIZE - 0x100; /* ends exactly at the end */
	im.ph[1].p_align = 0;
	CHECK_EQ(check_img(&im), ELF_OK);

	/* offset + filesz wraps to 0xff: must not look like it fits. */
	build(&im);
	im.ph[1].p_filesz = UINT64_MAX - 0x100;
	im.ph[1].p_memsz = UINT64_MAX;
	im.ph[1].p_vaddr = 0;
	CHECK_EQ(check_img(&im), ELF_ESEGMENT);

	build(&im);
	im.ph[1].p_memsz = 0xff; /* filesz 0x100 > memsz */
	CHECK_EQ(check_img(&im), ELF_ESEGMENT);

	/* vaddr + memsz wraps past 2^64. */
	build(&im);
	im.ph[1].p_vaddr = 0xfffffffffffff200ULL;
	CHECK_EQ(check_img(&im), ELF_ESEGMENT);
	/* Ending exactly at 2^64 leaves vaddr_hi unrepresentable. */
	build(&im);
	im.ph[1].p_vaddr = 0xffffffffffffd200ULL;
	im.ph[1].p_memsz = 0x2e00;
	CHECK_EQ(check_img(&im), ELF_ESEGMENT);

	/* Alignment. */
	build(&im);
	im.ph[1].p_align = 3;
	CHECK_EQ(check_img(&im), ELF_EALIGN);
	build(&im);
	im.ph[0].p_align = 0x3000;
	CHECK_EQ(check_img(&im), ELF_EALIGN);
	build(&im);
	im.ph[1].p_vaddr = 0x401300; /* vaddr 0x300, offset 0x200 modulo 0x1000 */
	CHECK_EQ(check_img(&im), ELF_EALIGN);
	build(&im);
	im.ph[1].p_vaddr = 0x401100; /* offset > vaddr residue: subtraction wraps */
	CHECK_EQ(check_img(&im), ELF_EALIGN);

	/* Overlap: one byte, and containment. */
	build(&im);
	im.ph[1].p_vaddr = 0x400200;
	im.ph[0].p_memsz = 0x201;
	CHECK_EQ(check_img(&im), ELF_EOVERLAP);
	build(&im);
	im.ph[1].p_vaddr = 0x3ff200; /* [0x3ff200, 0x402200) contains the text */
	CHECK_EQ(check_img(&im), ELF_EOVERLAP);
	build(&im);
	im.ph[1].p_vaddr = 0x3fd200; /* [0x3fd200, 0x400200) covers the text's start */
	CHECK_EQ(check_img(&im), ELF_EOVERLAP);
	build(&im);
	im.ph[1].p_vaddr = 0x3fd000;
	im.ph[1].p_offset = 0;
	CHECK_EQ(check_img(&im), ELF_OK); /* [0x3fd000, 0x400000) just touches */

	/* No PT_LOAD at all. */
	build(&im);
	im.ph[0].p_type = PT_NOTE;
	im.ph[1].p_type = PT_NULL;
	CHECK_EQ(check_img(&im), ELF_ENOLOAD);

	/* Entry point. */
	build(&im);
	im.eh.e_entry = 0x500000;
	CHECK_EQ(check_img(&im), ELF_EENTRY);
	build(&im);
	im.eh.e_entry = 0x400200; /* one past the text */
	CHECK_EQ(check_img(&im), ELF_EENTRY);
	build(&im);
	im.eh.e_entry = 0x3fffff;
	CHECK_EQ(check_img(&im), ELF_EENTRY);
	build(&im);
	im.eh.e_entry = 0x401300; /* inside the data segment: not PF_X */
	CHECK_EQ(check_img(&im), ELF_EENTRY);
	build(&im);
	im.ph[0].p_flags = PF_R; /* the text is not executable either */
	CHECK_EQ(check_img(&im), ELF_EENTRY);
}

static void test_strerror(void)
{
	const char *s[12];

	for (int i = 0; i < 12; i++) {
		s[i] = elf_strerror(-i);
		CHECK(s[i] != NULL && s[i][0] != '\0');
	}
	for (int i = 0; i < 12; i++)
		for (int j = i + 1; j < 12; j++)
			CHECK(strcmp(s[i], s[j]) != 0);
	CHECK(elf_strerror(ELF_EOVERLAP) == s[11]);
	CHECK(elf_strerror(42) != NULL && elf_strerror(42)[0] != '\0');
	CHECK(elf_strerror(-12) != NULL);
}

/* An ELF32 i386 image: header, two program headers, the segments' bytes. */
struct img32 {
	Elf32_Ehdr eh;
	Elf32_Phdr ph[2];
	unsigned char data[0x300 - sizeof(Elf32_Ehdr) - 2 * sizeof(Elf32_Phdr)];
};

/* The 32-bit twin of build(): text at 0x8048000 (R+X), data at 0x8049200 (bss). */
static void build32(struct img32 *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.e_ident, "\x7f" "ELF", 4);
	im->eh.e_ident[4] = ELFCLASS32;
	im->eh.e_ident[5] = ELFDATA2LSB;
	im->eh.e_ident[6] = EV_CURRENT;
	im->eh.e_type = ET_EXEC;
	im->eh.e_machine = EM_386;
	im->eh.e_version = EV_CURRENT;
	im->eh.e_entry = 0x8048100;
	im->eh.e_phoff = offsetof(struct img32, ph);
	im->eh.e_ehsize = sizeof(Elf32_Ehdr);
	im->eh.e_phentsize = sizeof(Elf32_Phdr);
	im->eh.e_phnum = 2;
	im->ph[0] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
		.p_vaddr = 0x8048000, .p_filesz = 0x200, .p_memsz = 0x200, .p_align = 0x1000 };
	im->ph[1] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = 0x200,
		.p_vaddr = 0x8049200, .p_filesz = 0x100, .p_memsz = 0x3000, .p_align = 0x1000 };
}

/* elf32_check on a heap copy of the first size bytes of im. */
static int check32_n(const struct img32 *im, size_t size, struct elf_info *info)
{
	unsigned char *copy = malloc(size ? size : 1);
	struct elf_info dummy;
	int err;

	memcpy(copy, im, size);
	err = elf32_check(copy, size, ET_EXEC, info ? info : &dummy);
	free(copy);
	return err;
}

static void test_elf32(void)
{
	struct img32 im;
	struct elf_info info;
	Elf64_Phdr ph;
	unsigned char *copy = malloc(sizeof(im));

	/* A valid image: the span, and the headers widened by elf_phdr. */
	build32(&im);
	memcpy(copy, &im, sizeof(im));
	CHECK_EQ(elf32_check(copy, sizeof(im), ET_EXEC, &info), ELF_OK);
	CHECK_EQ(info.elf_class, ELFCLASS32);
	CHECK(info.phdrs == NULL);
	CHECK_EQ(info.entry, 0x8048100);
	CHECK_EQ(info.vaddr_lo, 0x8048000);
	CHECK_EQ(info.vaddr_hi, 0x804d000);
	CHECK_EQ(info.phnum, 2);
	CHECK_EQ(info.phoff, offsetof(struct img32, ph));
	elf_phdr(&info, 1, &ph);
	CHECK_EQ(ph.p_type, PT_LOAD);
	CHECK_EQ(ph.p_flags, PF_R | PF_W);
	CHECK_EQ(ph.p_offset, 0x200);
	CHECK_EQ(ph.p_vaddr, 0x8049200);
	CHECK_EQ(ph.p_filesz, 0x100);
	CHECK_EQ(ph.p_memsz, 0x3000);
	CHECK_EQ(ph.p_align, 0x1000);
	free(copy);

	/* Each class is only what it says: ELF32 is not an elf_check image, nor ELF64 an elf32_check one. */
	CHECK_EQ(check_n((const struct img *)&im, sizeof(im), ET_EXEC, NULL), ELF_ECLASS);
	{
		struct img im64;
		build(&im64);
		CHECK_EQ(check32_n((const struct img32 *)&im64, sizeof(im), NULL), ELF_ECLASS);
	}
	build32(&im);
	im.eh.e_machine = EM_X86_64;
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_EMACHINE);
	build32(&im);
	im.eh.e_phentsize = sizeof(Elf64_Phdr);
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_EPHDR);
	build32(&im);
	im.eh.e_phoff = offsetof(struct img32, ph) + 2;   /* not 4-aligned */
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_EPHDR);
	build32(&im);
	im.eh.e_phnum = 40;                                /* table runs past the end */
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_EPHDR);

	/* Truncated: every size below the ELF32 header. */
	build32(&im);
	for (size_t n = 0; n < sizeof(Elf32_Ehdr); n++)
		CHECK_EQ(check32_n(&im, n, NULL), ELF_ETRUNC);

	/* Segments must end below 4 GiB, in the last page at the latest not at all. */
	build32(&im);
	im.ph[1].p_vaddr = 0xfffff200;
	im.ph[1].p_memsz = 0x100;
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_ESEGMENT);
	build32(&im);
	im.ph[1].p_vaddr = 0xffffe200;
	im.ph[1].p_memsz = 0xe00;                           /* ends exactly at 0xfffff000 */
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_OK);
	build32(&im);
	im.ph[1].p_filesz = 0x4000;                         /* filesz > memsz */
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_ESEGMENT);
	build32(&im);
	im.ph[1].p_vaddr = 0x8047200;                       /* its bss overlaps the text */
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_EOVERLAP);
	build32(&im);
	im.eh.e_entry = 0x8049300;                          /* in the data */
	CHECK_EQ(check32_n(&im, sizeof(im), NULL), ELF_EENTRY);
}

/* elf_check_head on a heap copy of the first headlen bytes of an image
 * said to be size bytes long. */
static int check_head(const void *im, size_t headlen, size_t size, int is64, struct elf_info *info)
{
	unsigned char *copy = malloc(headlen ? headlen : 1);
	int err;

	memcpy(copy, im, headlen);
	err = is64 ? elf_check_head(copy, headlen, size, ET_EXEC, info)
		   : elf32_check_head(copy, headlen, size, ET_EXEC, info);
	free(copy);
	return err;
}

/* Only the start of the file at hand (exec reads it through the page
 * cache): the table must be in the head, segments inside the file size. */
static void test_head(void)
{
	struct img im;
	struct img32 im32;
	struct elf_info info;
	size_t head = PHOFF + 2 * sizeof(Elf64_Phdr), head32 = offsetof(struct img32, ph) + 2 * sizeof(Elf32_Phdr);
	unsigned char *copy;

	build(&im);
	copy = malloc(head);
	memcpy(copy, &im, head);
	CHECK_EQ(elf_check_head(copy, head, IMG_SIZE, ET_EXEC, &info), ELF_OK);
	CHECK(info.file == copy && (const unsigned char *)info.phdrs == copy + PHOFF);
	CHECK_EQ(info.vaddr_hi, 0x405000);
	free(copy);
	CHECK_EQ(check_head(&im, head - 1, IMG_SIZE, 1, &info), ELF_EPHDR);  /* the table's last byte is not there */
	CHECK_EQ(check_head(&im, sizeof(Elf64_Ehdr) - 1, IMG_SIZE, 1, &info), ELF_ETRUNC);
	CHECK_EQ(check_head(&im, head, IMG_SIZE - 1, 1, &info), ELF_ESEGMENT); /* data ends past the file */
	/* Segment bytes far past the head, inside the file: never read, fine. */
	im.ph[1].p_offset = 0x80200;
	im.ph[1].p_vaddr = 0x481200;
	CHECK_EQ(check_head(&im, head, 0x80300, 1, &info), ELF_OK);
	CHECK_EQ(check_head(&im, head, 0x802ff, 1, &info), ELF_ESEGMENT);
	/* A table inside the file but past the head. */
	build(&im);
	CHECK_EQ(check_head(&im, PHOFF, IMG_SIZE, 1, &info), ELF_EPHDR);

	build32(&im32);
	CHECK_EQ(check_head(&im32, head32, sizeof(im32), 0, &info), ELF_OK);
	CHECK_EQ(check_head(&im32, head32 - 1, sizeof(im32), 0, &info), ELF_EPHDR);
	CHECK_EQ(check_head(&im32, head32, 0x2ff, 0, &info), ELF_ESEGMENT);
}

int main(void)
{
	test_valid();
	test_header();
	test_phdr_table();
	test_segments();
	test_strerror();
	test_elf32();
	test_head();
	return check_done();
}
