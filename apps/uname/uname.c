/* uname [-asnrvm] - the system's name (-s, the default), node, release, version, machine; -a: all. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	static const char letters[] = "snrvm";    /* the fields, in the order printed */
	struct utsname u;
	unsigned want = 0;

	for (int i = 1; i < argc; i++) {
		for (const char *o = argv[i] + 1; argv[i][0] == '-' && *o; o++) {
			const char *l = strchr(letters, *o);
			if (*o == 'a')
				want = 31;
			else if (l)
				want |= 1u << (l - letters);
			else
				want = ~0u;
		}
		if (argv[i][0] != '-' || !argv[i][1] || want == ~0u) {
			fprintf(stderr, "usage: uname [-asnrvm]\n");
			return 2;
		}
	}
	if (uname(&u) < 0) {
		fprintf(stderr, "uname: %s\n", strerror(errno));
		return 1;
	}
	const char *field[] = { u.sysname, u.nodename, u.release, u.version, u.machine };
	for (int i = 0, first = 1; i < 5; i++) {
		if ((want ? want : 1) & (1u << i)) {
			printf("%s%s", first ? "" : " ", field[i]);
			first = 0;
		}
	}
	printf("\n");
	return 0;
}
