/*
 * strtod - decimal and hexadecimal floating-point input, infinities, NaN,
 * overflow and underflow (ERANGE), where parsing stops; strtof, strtold,
 * atof and the integer conversions.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	static const char *in[] = {
		"0", "3.14159", "-0.0", "  +12.5e3xyz", ".5", "5.", "1e308", "1e309", "-1e309",
		"4.9e-324", "1e-400", "2.2250738585072014e-308", "1.7976931348623157e308",
		"0x1.8p3", "0X.1P-2", "0x1p-1074", "inf", "-Infinity", "nan", "NAN(123)",
		"abc", "", "1e", "1e+", "0.1", "123456789012345678901234567890",
		"0.30000000000000004", "1e-310",
	};
	static const char *ints[] = { "42", "-42", "0x1f", "017", "9223372036854775807",
				      "9223372036854775808", "  -12abc", "z" };
	static const int bases[] = { 10, 10, 0, 0, 10, 10, 10, 36 };
	char *end;
	float f;
	unsigned i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		double d;
		errno = 0;
		d = strtod(in[i], &end);
		printf("strtod(\"%s\") = %.17g = %a, used %d, %s\n", in[i], d, d, (int)(end - in[i]),
		       errno == ERANGE ? "ERANGE" : errno ? "other error" : "no error");
	}
	errno = 0;
	f = strtof("3.4e39", NULL);
	printf("strtof(\"3.4e39\") = %g %s\n", f, errno == ERANGE ? "ERANGE" : "no error");
	printf("strtof(\"0.1\") = %.9g\n", strtof("0.1", NULL));
	printf("strtold(\"0.1\") = %.21Lg\n", strtold("0.1", NULL));
	printf("strtold(\"1e4000\") = %Lg\n", strtold("1e4000", NULL));
	printf("atof(\"2.5\") * 4 = %g\n", atof("2.5") * 4);
	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
		long l;
		errno = 0;
		l = strtol(ints[i], &end, bases[i]);
		printf("strtol(\"%s\", %d) = %ld, used %d, %s\n", ints[i], bases[i], l, (int)(end - ints[i]),
		       errno == ERANGE ? "ERANGE" : "no error");
	}
	printf("strtoul(\"-1\") = %lu\n", strtoul("-1", NULL, 10));
	return 0;
}
