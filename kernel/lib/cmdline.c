/*
 * cmdline.c - the kernel command line parser (see lib/cmdline.h).
 *
 * A word's key runs up to the first '=' or separator. Inside a value every
 * '"' toggles quoting and is dropped, so `a="x y"` and `a=x" "y` both give
 * "x y"; a quote left open runs to the end of the string. A bare `--` ends
 * the kernel's words: the rest are init's arguments, quoted the same way.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/cmdline.h"

struct word {
	const char *key;
	size_t keylen;
	const char *val;  /* just after '=', or NULL for a bare key */
};

static bool is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Walk a value starting at s up to its end; copy its unquoted characters
 * into out (at most outsz-1 of them, then a NUL) when out is not NULL.
 * Return the unquoted length; *end gets the first character after the value.
 */
static size_t scan_value(const char *s, const char **end, char *out, size_t outsz)
{
	bool quoted = false;
	size_t n = 0;

	for (; *s && (quoted || !is_sep(*s)); s++) {
		if (*s == '"') {
			quoted = !quoted;
			continue;
		}
		if (out && n + 1 < outsz)
			out[n] = *s;
		n++;
	}
	if (out && outsz > 0)
		out[n < outsz ? n : outsz - 1] = '\0';
	if (end)
		*end = s;
	return n;
}

/* Parse the word at or after *p into *w; false at the end of the line. */
static bool next_word(const char **p, struct word *w)
{
	const char *s = *p;

	while (*s && is_sep(*s))
		s++;
	if (!*s)
		return false;
	w->key = s;
	while (*s && *s != '=' && !is_sep(*s))
		s++;
	w->keylen = (size_t)(s - w->key);
	w->val = NULL;
	if (*s == '=') {
		w->val = ++s;
		scan_value(s, &s, NULL, 0);
	}
	*p = s;
	return true;
}

/* True when the word's key is exactly key. */
static bool key_is(const struct word *w, const char *key)
{
	size_t i;

	for (i = 0; i < w->keylen; i++)
		if (key[i] != w->key[i])
			return false;
	return key[i] == '\0';
}

/* The word that ends the kernel's part of the line. */
static bool is_end(const struct word *w)
{
	return !w->val && key_is(w, "--");
}

/* Find key's last occurrence before `--`; false when it is absent (or key is empty). */
static bool find(const char *cmdline, const char *key, struct word *found)
{
	struct word w;
	bool seen = false;

	if (!cmdline || !key || !*key)
		return false;
	while (next_word(&cmdline, &w) && !is_end(&w)) {
		if (key_is(&w, key)) {
			*found = w;
			seen = true;
		}
	}
	return seen;
}

bool cmdline_has(const char *cmdline, const char *key)
{
	struct word w;

	return find(cmdline, key, &w);
}

int cmdline_get(const char *cmdline, const char *key, char *out, size_t outsz)
{
	struct word w;
	size_t n = 0;

	if (!find(cmdline, key, &w)) {
		if (out && outsz > 0)
			out[0] = '\0';
		return -1;
	}
	if (w.val)
		n = scan_value(w.val, NULL, out, outsz);
	else if (out && outsz > 0)
		out[0] = '\0';
	return n > INT32_MAX ? INT32_MAX : (int)n;
}

int cmdline_args(const char *cmdline, char *buf, size_t bufsz, char **argv, int max)
{
	struct word w;
	size_t used = 0;
	int n = 0;

	if (!cmdline)
		return 0;
	while (next_word(&cmdline, &w))
		if (is_end(&w))
			break;
	for (;;) {
		while (*cmdline && is_sep(*cmdline))
			cmdline++;
		if (!*cmdline)
			return n;
		size_t len = scan_value(cmdline, NULL, NULL, 0);
		if (n == max || len + 1 > bufsz - used)
			return -1;
		argv[n++] = buf + used;
		scan_value(cmdline, &cmdline, buf + used, len + 1);
		used += len + 1;
	}
}
