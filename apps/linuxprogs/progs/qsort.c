/* qsort - doubles sorted up and down, strings, and bsearch in the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int up(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int down(const void *a, const void *b)
{
	return up(b, a);
}

static int bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show(const char *what, const double *v, int n)
{
	int i;

	printf("%s:", what);
	for (i = 0; i < n; i++)
		printf(" %g", v[i]);
	printf("\n");
}

int main(void)
{
	double v[64], key, *hit;
	const char *s[] = { "pear", "apple", "fig", "banana", "cherry", "date", "apple pie" };
	unsigned x = 12345;
	int i, n = 0;

	static const double fixed[] = { 3.5, -1.25, 1e10, 0.001, -273.15, 2.718281828, 42, 1e-9, -0.5, 100 };
	for (i = 0; i < 10; i++)
		v[n++] = fixed[i];
	for (i = 0; i < 40; i++) {           /* a fixed pseudo-random sequence */
		x = x * 1103515245 + 12345;
		v[n++] = (double)(int)(x >> 8 & 0xffff) / 64 - 512;
	}
	show("input", v, n);
	qsort(v, n, sizeof(v[0]), up);
	show("ascending", v, n);
	for (i = 1; i < n; i++)
		if (v[i - 1] > v[i])
			printf("out of order at %d\n", i);
	key = 42;
	hit = bsearch(&key, v, n, sizeof(v[0]), up);
	printf("bsearch 42: %s at index %d\n", hit ? "found" : "missing", hit ? (int)(hit - v) : -1);
	key = 43.5;
	printf("bsearch 43.5: %s\n", bsearch(&key, v, n, sizeof(v[0]), up) ? "found" : "missing");
	qsort(v, n, sizeof(v[0]), down);
	show("descending", v, n);
	qsort(s, sizeof(s) / sizeof(s[0]), sizeof(s[0]), bystr);
	printf("strings:");
	for (i = 0; i < (int)(sizeof(s) / sizeof(s[0])); i++)
		printf(" [%s]", s[i]);
	printf("\n");
	return 0;
}
