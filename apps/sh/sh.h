/*
 * sh.h - a small POSIX-like shell: simple commands with arguments,
 * quotes, $VAR, $?, redirections, pipelines, ; && || & and comments.
 * No control flow, functions, globbing or command substitution.
 *
 * A line is parsed and run one pipeline at a time (parse.c, exec.c), so
 * `false; echo $?` expands $? after false has run.
 */
#ifndef SH_H
#define SH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define MAXARGS  128                /* words of one command */
#define MAXREDIR 8                  /* redirections of one command */
#define MAXCMDS  16                 /* commands of one pipeline */

enum redir_op { R_IN, R_OUT, R_APPEND, R_DUP };   /* <  >  >>  n>&m / n<&m */

struct redir {
	int fd;                     /* the descriptor it sets up */
	enum redir_op op;
	char *word;                 /* the file, or for R_DUP the source descriptor ("-": close) */
};

struct cmd {
	int argc;                   /* words, assignments included */
	int nassign;                /* argv[0..nassign) are NAME=value assignments */
	char *argv[MAXARGS + 1];
	int nredir;
	struct redir redir[MAXREDIR];
};

struct pipeline {
	int n;                      /* commands joined by | (0: an empty line) */
	struct cmd cmd[MAXCMDS];
};

/* How a pipeline ends: what joins it to the next one. */
enum { T_END, T_SEMI, T_AMP, T_AND, T_OR };

/* main.c: the shell's state. */
extern int status;                  /* $? */
extern bool interactive;            /* reading commands from the console */
extern pid_t last_bg;               /* $! (0: none yet) */
extern int nargs;                   /* $# */
extern char **args;                 /* $0, $1, ... */

/* parse.c */
void arena_reset(void);             /* forget the previous line's words */
/* Parse (and expand) the pipeline at *s, moving *s past it; its end in
 * *end. -1 after printing a syntax error. */
int parse_pipeline(const char **s, struct pipeline *pl, int *end);

/* exec.c */
void run_line(const char *line);    /* run every pipeline on the line; sets status */
int run_pipeline(struct pipeline *pl, bool bg);   /* its status (0 when bg) */
int wait_status(int st);            /* $? from a wait status, telling of signals */
/* Replace this process with argv[0], searched in $PATH (default /bin)
 * when it has no slash. Exits 127 when it is not found, 126 when it cannot run. */
void exec_path(char **argv) __attribute__((noreturn));

/* builtin.c: the built-in command named name, or NULL. */
typedef int builtin_fn(int argc, char **argv);
builtin_fn *builtin_find(const char *name);

/* var.c: shell variables, all exported: environ is the table. */
void var_init(char **envp);
const char *var_get(const char *name, size_t len);  /* name need not end in NUL */
int var_set(const char *assignment);                /* "NAME=value"; -1 for a bad name */
void var_unset(const char *name);
bool var_name_ok(const char *s, size_t len);

#endif
