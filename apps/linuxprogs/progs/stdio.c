/*
 * stdio - printf's conversions (integers, strings, and the floating-point
 * ones %f %e %g %a, which use SSE and, for long double, x87), snprintf's
 * truncation, sscanf, and stdout and stderr written to one file.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	static const double v[] = { 0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3, 2.5e-10, 123456789.0,
				    3.141592653589793, 6.02214076e23, 1e100, DBL_MAX, DBL_MIN, 5e-324 };
	char buf[16];
	volatile size_t size = sizeof(buf);    /* hides the truncation from the compiler's warning */
	int i, n, a, b;
	double d;
	char word[8];

	printf("ints: %d %i %u %x %X %o %5d|%-5d|%05d %+d %ld %lld %hhd %zu\n",
	       -42, 42, 3000000000u, 0xbeef, 0xbeef, 8, 7, 7, 7, 7, -1234567890L, 1LL << 62, (char)300,
	       sizeof(long));
	printf("strings: [%s] [%10s] [%-10s] [%.3s] [%c] %%\n", "abc", "right", "left", "truncate", 'Z');
	for (i = 0; i < (int)(sizeof(v) / sizeof(v[0])); i++)
		printf("%-22.17g %%f=%f %%.2f=%.2f %%e=%e %%g=%g %%.10g=%.10g %%a=%a\n",
		       v[i], v[i], v[i], v[i], v[i], v[i], v[i]);
	printf("widths: [%10.3f] [%-10.3f] [%+.1e] [%#g] [%#.0f] [%08.2f]\n", 3.14159, 3.14159, 12345.678, 1.0, 2.0, -1.5);
	printf("special: %f %f %f %e %g\n", INFINITY, -INFINITY, NAN, INFINITY, -NAN);
	printf("float arithmetic: %.6f %.6f %.6f\n", sqrt(2.0), 1.0 / 7 * 7, (float)1 / 3);
	printf("long double: %.20Lf %Lg %Le\n", 1.0L / 3, 1e4000L, LDBL_MAX);
	n = snprintf(buf, size, "%s-%d-%f", "truncated", 12345, 2.5);
	printf("snprintf: %d [%s]\n", n, buf);
	n = sscanf("12 34 5.75 word", "%d %d %lf %7s", &a, &b, &d, word);
	printf("sscanf: %d -> %d %d %g %s\n", n, a, b, d, word);
	fputs("fputs line\n", stdout);
	putchar('!');
	putchar('\n');
	fwrite("fwrite bytes\n", 1, 13, stdout);
	fflush(stdout);
	fprintf(stderr, "to stderr: %.3f\n", 2.0 / 3);
	printf("after stderr: strerror(2) is \"%s\"\n", strerror(2));
	return 0;
}
