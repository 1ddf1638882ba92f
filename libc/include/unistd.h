/* unistd.h - POSIX system-call wrappers. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* access() modes (api/fcntl.h has them too) */
#ifndef F_OK
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#endif

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
void _exit(int status) __attribute__((noreturn));
pid_t getpid(void);
pid_t getppid(void);
pid_t fork(void);
pid_t vfork(void);           /* the child may only _exit or execve (vfork.S) */
int execve(const char *path, char *const argv[], char *const envp[]);
int brk(void *addr);
void *sbrk(intptr_t increment);
long syscall(long nr, ...);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
int dup(int fd);
int dup2(int old, int new);
int unlink(const char *path);
int rmdir(const char *path);
int link(const char *old, const char *new);
int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags);
int unlinkat(int dirfd, const char *path, int flags);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dirfd, const char *path);
int chown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int truncate(const char *path, off_t size);
int ftruncate(int fd, off_t size);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int pause(void);
unsigned alarm(unsigned seconds);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
ssize_t readlink(const char *path, char *buf, size_t size);
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size);
int dup3(int old, int new, int flags);
int fsync(int fd);
int fdatasync(int fd);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
int isatty(int fd);
pid_t gettid(void);

/* Credentials: one user, id 0 (docs/abi.md): every id is 0, and the set
 * calls accept 0 (or -1, "unchanged", where Linux does), else EINVAL. */
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int getgroups(int size, gid_t list[]);

extern char **environ;

#endif
