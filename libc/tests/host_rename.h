/*
 * host_rename.h - lets the host tests link this libc next to the host's.
 *
 * The host tests run on the host's C library (and under ASan, which wraps
 * malloc, memcpy, strtol, ...), so this libc must not define those names
 * there. The libc sources are compiled for the tests with
 * `-include host_rename.h`, whose second half renames every name the libc
 * defines or uses from outside (memcpy -> tl_memcpy, write -> tl_write, ...).
 *
 * The first half declares the tl_ names with standard types only, for the
 * test files, which include the host's headers and then this one with
 * HOST_RENAME_DECLARE_ONLY defined, calling tl_memcpy and friends by those
 * names. As the libc sources see these declarations before the libc
 * headers' (renamed) ones, the compiler checks that the two agree.
 *
 * A new public or internal libc function needs a line in each half.
 */
#ifndef HOST_RENAME_H
#define HOST_RENAME_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- declarations ------------------------------------------------------ */

/* string.h */
void *tl_memcpy(void *restrict dst, const void *restrict src, size_t n);
void *tl_memmove(void *dst, const void *src, size_t n);
void *tl_memset(void *dst, int c, size_t n);
int tl_memcmp(const void *a, const void *b, size_t n);
void *tl_memchr(const void *s, int c, size_t n);
size_t tl_strlen(const char *s);
size_t tl_strnlen(const char *s, size_t max);
int tl_strcmp(const char *a, const char *b);
int tl_strncmp(const char *a, const char *b, size_t n);
char *tl_strcpy(char *restrict dst, const char *restrict src);
char *tl_strncpy(char *restrict dst, const char *restrict src, size_t n);
char *tl_strcat(char *restrict dst, const char *restrict src);
char *tl_strncat(char *restrict dst, const char *restrict src, size_t n);
char *tl_strchr(const char *s, int c);
char *tl_strrchr(const char *s, int c);
char *tl_strstr(const char *haystack, const char *needle);
size_t tl_strspn(const char *s, const char *accept);
size_t tl_strcspn(const char *s, const char *reject);
char *tl_strdup(const char *s);
char *tl_strndup(const char *s, size_t n);
char *tl_strerror(int errnum);
char *tl_strsignal(int sig);

/* ctype.h */
int tl_isalpha(int c);
int tl_isdigit(int c);
int tl_isalnum(int c);
int tl_isspace(int c);
int tl_isupper(int c);
int tl_islower(int c);
int tl_isxdigit(int c);
int tl_isprint(int c);
int tl_isgraph(int c);
int tl_ispunct(int c);
int tl_iscntrl(int c);
int tl_toupper(int c);
int tl_tolower(int c);

/* stdlib.h */
int tl_atoi(const char *s);
long tl_atol(const char *s);
long long tl_atoll(const char *s);
long tl_strtol(const char *restrict s, char **restrict end, int base);
unsigned long tl_strtoul(const char *restrict s, char **restrict end, int base);
long long tl_strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long tl_strtoull(const char *restrict s, char **restrict end, int base);
int tl_abs(int n);
long tl_labs(long n);
long long tl_llabs(long long n);
void tl_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *tl_bsearch(const void *key, const void *base, size_t n, size_t size,
		 int (*cmp)(const void *, const void *));
void *tl_malloc(size_t n);
void *tl_calloc(size_t n, size_t size);
void *tl_realloc(void *p, size_t n);
void tl_free(void *p);
char *tl_getenv(const char *name);
int tl_atexit(void (*fn)(void));
_Noreturn void tl_exit(int status);
_Noreturn void tl__Exit(int status);
_Noreturn void tl_abort(void);

/* stdio.h */
typedef struct tl_FILE tl_FILE;
extern tl_FILE *tl_stdin, *tl_stdout, *tl_stderr;
int tl_printf(const char *restrict fmt, ...);
int tl_fprintf(tl_FILE *restrict f, const char *restrict fmt, ...);
int tl_dprintf(int fd, const char *restrict fmt, ...);
int tl_sprintf(char *restrict buf, const char *restrict fmt, ...);
int tl_snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...);
int tl_vprintf(const char *restrict fmt, va_list ap);
int tl_vfprintf(tl_FILE *restrict f, const char *restrict fmt, va_list ap);
int tl_vdprintf(int fd, const char *restrict fmt, va_list ap);
int tl_vsprintf(char *restrict buf, const char *restrict fmt, va_list ap);
int tl_vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap);
int tl_fputc(int c, tl_FILE *f);
int tl_putc(int c, tl_FILE *f);
int tl_putchar(int c);
int tl_fputs(const char *restrict s, tl_FILE *restrict f);
int tl_puts(const char *s);
size_t tl_fwrite(const void *restrict p, size_t size, size_t n, tl_FILE *restrict f);
int tl_fflush(tl_FILE *f);
int tl_ferror(tl_FILE *f);
void tl_clearerr(tl_FILE *f);
void tl_perror(const char *s);

/* signal.h (sigset_t is uint64_t, 64 bits under -m32 too) */
int tl_sigemptyset(uint64_t *set);
int tl_sigfillset(uint64_t *set);
int tl_sigaddset(uint64_t *set, int sig);
int tl_sigdelset(uint64_t *set, int sig);
int tl_sigismember(const uint64_t *set, int sig);

/* assert.h */
_Noreturn void tl___assert_fail(const char *expr, const char *file, int line, const char *func);

/* libc internals (src/internal/) */
size_t tl___malloc_in_use(void);
void tl___stdio_flush(void);

/* what the libc uses from outside: host_sys.c provides them for the tests */
extern int tl_errno;
extern char **tl_environ;
long tl_write(int fd, const void *buf, size_t n);
_Noreturn void tl__exit(int status);
void *tl___morecore(size_t n);
void *tl___map_pages(size_t n);
void tl___unmap_pages(void *p, size_t n);

/* ---- renames, for the libc sources ------------------------------------- */
#ifndef HOST_RENAME_DECLARE_ONLY

#define memcpy tl_memcpy
#define memmove tl_memmove
#define memset tl_memset
#define memcmp tl_memcmp
#define memchr tl_memchr
#define strlen tl_strlen
#define strnlen tl_strnlen
#define strcmp tl_strcmp
#define strncmp tl_strncmp
#define strcpy tl_strcpy
#define strncpy tl_strncpy
#define strcat tl_strcat
#define strncat tl_strncat
#define strchr tl_strchr
#define strrchr tl_strrchr
#define strstr tl_strstr
#define strspn tl_strspn
#define strcspn tl_strcspn
#define strdup tl_strdup
#define strndup tl_strndup
#define strerror tl_strerror
#define strsignal tl_strsignal

#define isalpha tl_isalpha
#define isdigit tl_isdigit
#define isalnum tl_isalnum
#define isspace tl_isspace
#define isupper tl_isupper
#define islower tl_islower
#define isxdigit tl_isxdigit
#define isprint tl_isprint
#define isgraph tl_isgraph
#define ispunct tl_ispunct
#define iscntrl tl_iscntrl
#define toupper tl_toupper
#define tolower tl_tolower

#define atoi tl_atoi
#define atol tl_atol
#define atoll tl_atoll
#define strtol tl_strtol
#define strtoul tl_strtoul
#define strtoll tl_strtoll
#define strtoull tl_strtoull
#define abs tl_abs
#define labs tl_labs
#define llabs tl_llabs
#define qsort tl_qsort
#define bsearch tl_bsearch
#define malloc tl_malloc
#define calloc tl_calloc
#define realloc tl_realloc
#define free tl_free
#define getenv tl_getenv
#define atexit tl_atexit
#define exit tl_exit
#define _Exit tl__Exit
#define abort tl_abort

#define FILE tl_FILE
#define stdin tl_stdin
#define stdout tl_stdout
#define stderr tl_stderr
/* Function-like, so that a format(printf, ...) attribute (lib/fmt.h) keeps its meaning. */
#define printf(...) tl_printf(__VA_ARGS__)
#define fprintf tl_fprintf
#define dprintf tl_dprintf
#define sprintf tl_sprintf
#define snprintf tl_snprintf
#define vprintf tl_vprintf
#define vfprintf tl_vfprintf
#define vdprintf tl_vdprintf
#define vsprintf tl_vsprintf
#define vsnprintf tl_vsnprintf
#define fputc tl_fputc
#define putc tl_putc
#define putchar tl_putchar
#define fputs tl_fputs
#define puts tl_puts
#define fwrite tl_fwrite
#define fflush tl_fflush
#define ferror tl_ferror
#define clearerr tl_clearerr
#define perror tl_perror

#define sigemptyset tl_sigemptyset
#define sigfillset tl_sigfillset
#define sigaddset tl_sigaddset
#define sigdelset tl_sigdelset
#define sigismember tl_sigismember

#define __assert_fail tl___assert_fail

/* Internal names too: glibc has some (__assert_fail), ASan may wrap others. */
#define __malloc_in_use tl___malloc_in_use
#define __malloc_block tl___malloc_block
#define __stdio_flush tl___stdio_flush
#define __run_atexit tl___run_atexit
#define __fwritex tl___fwritex
#define __write_all tl___write_all
#define __strtox tl___strtox

#define errno tl_errno
#define environ tl_environ
#define write tl_write
#define _exit tl__exit
#define __morecore tl___morecore
#define __map_pages tl___map_pages
#define __unmap_pages tl___unmap_pages

/* The rest of unistd.h, which the libc does not use yet. */
#define read tl_read
#define getpid tl_getpid
#define getppid tl_getppid
#define fork tl_fork
#define execve tl_execve
#define brk tl_brk
#define sbrk tl_sbrk
#define syscall tl_syscall

#endif /* HOST_RENAME_DECLARE_ONLY */
#endif
