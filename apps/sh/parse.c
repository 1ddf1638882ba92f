/*
 * parse.c - words and operators of a command line, expanded as they are
 * read: quotes ('...' literal, "..." with $ and \), backslash, $NAME,
 * ${NAME}, $?, $$, $!, $#, $0-$9, a leading ~, and # comments. An unquoted
 * expansion is not split into fields, and one that is empty gives no word.
 * The words of a line live in one arena, reset for the next line.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define ARENA 65536

static char arena[ARENA];
static size_t used;
static bool overflow;

void arena_reset(void)
{
	used = 0;
	overflow = false;
}

static void put(char c)
{
	if (used < ARENA)
		arena[used++] = c;
	else
		overflow = true;
}

static void puts_arena(const char *s)
{
	while (s && *s)
		put(*s++);
}

static int syntax(const char *what)
{
	fprintf(stderr, "sh: syntax error: %s\n", what);
	return -1;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }
static bool is_meta(char c) { return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '\n'; }
static bool ends_word(char c) { return c == '\0' || is_blank(c) || is_meta(c); }

/* Expand the $ at s into the arena; returns what follows it. */
static const char *dollar(const char *s)
{
	char num[24];
	const char *name = s + 1;
	size_t len = 0;

	switch (*name) {
	case '?': snprintf(num, sizeof(num), "%d", status); puts_arena(num); return s + 2;
	case '$': snprintf(num, sizeof(num), "%d", getpid()); puts_arena(num); return s + 2;
	case '#': snprintf(num, sizeof(num), "%d", nargs - 1); puts_arena(num); return s + 2;
	case '!':
		if (last_bg) {
			snprintf(num, sizeof(num), "%d", last_bg);
			puts_arena(num);
		}
		return s + 2;
	}
	if (isdigit((unsigned char)*name)) {
		if (*name - '0' < nargs)
			puts_arena(args[*name - '0']);
		return s + 2;
	}
	if (*name == '{') {
		const char *close = strchr(++name, '}');
		if (!close || !var_name_ok(name, close - name)) {
			put('$');                 /* not a parameter: keep it as it is */
			return s + 1;
		}
		puts_arena(var_get(name, close - name));
		return close + 1;
	}
	while (isalnum((unsigned char)name[len]) || name[len] == '_')
		len++;
	if (!var_name_ok(name, len)) {
		put('$');
		return s + 1;
	}
	puts_arena(var_get(name, len));
	return name + len;
}

/* Read the word at *sp into the arena: *word is it, or NULL when it
 * expanded to nothing unquoted. -1 on an unclosed quote. */
static int word(const char **sp, char **word)
{
	const char *s = *sp;
	size_t start = used;
	bool quoted = false;

	if (*s == '~' && (s[1] == '/' || ends_word(s[1]))) {
		puts_arena(var_get("HOME", 4));
		s++;
	}
	while (!ends_word(*s)) {
		if (*s == '\'') {
			const char *close = strchr(s + 1, '\'');
			if (!close)
				return syntax("unterminated '");
			while (++s < close)
				put(*s);
			s++, quoted = true;
		} else if (*s == '"') {
			for (s++; *s != '"'; ) {
				if (!*s)
					return syntax("unterminated \"");
				if (*s == '\\' && s[1] && strchr("$\"\\`\n", s[1]))
					put(s[1]), s += 2;
				else if (*s == '$')
					s = dollar(s);
				else
					put(*s++);
			}
			s++, quoted = true;
		} else if (*s == '\\') {
			if (*++s)
				put(*s++);
			quoted = true;
		} else if (*s == '$') {
			s = dollar(s);
		} else {
			put(*s++);
		}
	}
	put('\0');
	if (overflow)
		return syntax("line too long");
	*sp = s;
	*word = (used - start > 1 || quoted) ? arena + start : NULL;
	return 0;
}

/* "NAME=" at s, unquoted: an assignment word. */
static bool assignment(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return s[n] == '=' && var_name_ok(s, n);
}

/* A redirection operator at *sp (with the descriptor digits before it):
 * fill r except its word. false when there is none. */
static bool redir_op(const char **sp, struct redir *r)
{
	const char *s = *sp;
	int fd = -1;

	if (isdigit((unsigned char)*s)) {
		fd = 0;
		while (isdigit((unsigned char)*s))
			fd = fd * 10 + (*s++ - '0');
		if (*s != '<' && *s != '>')
			return false;             /* just a word of digits */
	}
	if (*s == '<') {
		r->op = s[1] == '&' ? R_DUP : R_IN;
		r->fd = fd < 0 ? 0 : fd;
		s += 1 + (s[1] == '&');
	} else if (*s == '>') {
		r->op = s[1] == '>' ? R_APPEND : s[1] == '&' ? R_DUP : R_OUT;
		r->fd = fd < 0 ? 1 : fd;
		s += 1 + (s[1] == '>' || s[1] == '&');
	} else {
		return false;
	}
	*sp = s;
	return true;
}

int parse_pipeline(const char **sp, struct pipeline *pl, int *end)
{
	const char *s = *sp;
	struct cmd *c = &pl->cmd[0];
	char *w;

	pl->n = 1;
	c->argc = c->nassign = c->nredir = 0;
	for (;;) {
		while (is_blank(*s))
			s++;
		if (*s == '#')                    /* a comment runs to the end of the line */
			while (*s && *s != '\n')
				s++;
		bool empty = c->argc == 0 && c->nredir == 0;
		if (*s == '|' && s[1] != '|') {
			if (empty)
				return syntax("| with no command before it");
			if (pl->n == MAXCMDS)
				return syntax("too many commands in a pipeline");
			c->argv[c->argc] = NULL;
			c = &pl->cmd[pl->n++];
			c->argc = c->nassign = c->nredir = 0;
			s++;
			continue;
		}
		if (!*s || *s == '\n' || *s == ';' || *s == '&' || *s == '|') {
			*end = !*s ? T_END : (*s == '\n' || *s == ';') ? T_SEMI :
			       *s == '|' ? T_OR : s[1] == '&' ? T_AND : T_AMP;
			if (empty && (pl->n > 1 || (*end != T_END && *end != T_SEMI)))
				return syntax(pl->n > 1 ? "| with no command after it" : "&, && or || with no command before it");
			if (empty)
				pl->n = 0;
			c->argv[c->argc] = NULL;
			*sp = s + (*end == T_END ? 0 : *end == T_AND || *end == T_OR ? 2 : 1);
			return 0;
		}
		struct redir r;
		if (redir_op(&s, &r)) {
			while (is_blank(*s))
				s++;
			if (ends_word(*s))
				return syntax("a redirection with no file");
			if (word(&s, &w) < 0)
				return -1;
			if (!w)
				return syntax("a redirection to an empty word");
			if (c->nredir == MAXREDIR)
				return syntax("too many redirections");
			r.word = w;
			c->redir[c->nredir++] = r;
			continue;
		}
		bool assign = c->argc == c->nassign && assignment(s);
		if (word(&s, &w) < 0)
			return -1;
		if (!w)
			continue;
		if (c->argc == MAXARGS)
			return syntax("too many words");
		c->argv[c->argc++] = w;
		c->nassign += assign;
	}
}
