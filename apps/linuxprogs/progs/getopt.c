/*
 * getopt - the runner passes a fixed command line with flags, options with
 * arguments (joined and separate), an unknown option, and operands after
 * `--`; it is parsed with getopt, then again (optind = 0) with
 * getopt_long. Each libc orders operands its own way: the comparison is
 * with the same binary on the host.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "number", required_argument, NULL, 'n' },
		{ "color", optional_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	char *copy[32];
	int c, i, idx;

	for (i = 0; i < argc && i < 31; i++)
		copy[i] = argv[i];
	copy[i] = NULL;
	fflush(stdout);
	while ((c = getopt(argc, copy, "vn:o:x")) != -1) {
		printf("getopt: '%c'", c);
		if (optarg)
			printf(" arg [%s]", optarg);
		if (c == '?')
			printf(" optopt '%c'", optopt);
		printf("\n");
		fflush(stdout);
	}
	printf("operands from %d:", optind);
	for (i = optind; i < argc; i++)
		printf(" [%s]", copy[i]);
	printf("\n");

	optind = 0;
	opterr = 0;
	for (i = 0; i < argc && i < 31; i++)
		copy[i] = argv[i];
	while ((c = getopt_long(argc, copy, "vn:o:x", longs, &idx)) != -1) {
		printf("getopt_long: ");
		if (c == '?')
			printf("'?' optopt %d", optopt);
		else
			printf("'%c'", c);
		if (optarg)
			printf(" arg [%s]", optarg);
		printf("\n");
	}
	printf("operands from %d:", optind);
	for (i = optind; i < argc; i++)
		printf(" [%s]", copy[i]);
	printf("\n");
	return 0;
}
