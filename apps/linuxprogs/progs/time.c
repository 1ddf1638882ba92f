/*
 * time - calendar arithmetic with no dependence on the current time:
 * gmtime and localtime of fixed instants, under TZ=UTC0 (from the runner)
 * and a POSIX rule with daylight saving time; mktime, timegm, strftime,
 * asctime, difftime. Of the clocks, only that they are plausible: time()
 * is after 2020 and CLOCK_MONOTONIC does not go back.
 *
 * The TZ values are POSIX rules that no file under /usr/share/zoneinfo is
 * named after, so glibc on the host reads no zone file either.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void show(const char *what, const struct tm *tm)
{
	char buf[200];

	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %Z (%a %A %b %B, yday %j, week %U/%W, wday %w, %p %I, %y %C %e %D %R %T %%)", tm);
	printf("%-26s %s isdst=%d\n", what, buf, tm->tm_isdst);
}

int main(void)
{
	static const time_t when[] = { 0, 951782400, 1234567890, 1710054000, 1710061200, 1730613600, 2147483647, 4102444800 };
	struct tm tm, *p;
	struct timespec a, b;
	time_t t;
	unsigned i;

	tzset();
	for (i = 0; i < sizeof(when) / sizeof(when[0]); i++) {
		printf("t = %lld\n", (long long)when[i]);
		show("  gmtime", gmtime(&when[i]));
		show("  localtime TZ=UTC0", localtime(&when[i]));
	}
	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	printf("TZ=%s: timezone %ld, daylight %d, tzname %s/%s\n", getenv("TZ"), timezone, daylight, tzname[0], tzname[1]);
	for (i = 0; i < sizeof(when) / sizeof(when[0]); i++) {
		p = localtime(&when[i]);
		show("  localtime EST5EDT", p);
		tm = *p;
		printf("  mktime back: %lld\n", (long long)mktime(&tm));
	}
	tm = (struct tm){ .tm_year = 124, .tm_mon = 1, .tm_mday = 30, .tm_hour = 25, .tm_min = 61, .tm_isdst = -1 };
	t = mktime(&tm);
	show("mktime normalises", &tm);
	printf("  = %lld\n", (long long)t);
	tm = (struct tm){ .tm_year = 100, .tm_mon = 1, .tm_mday = 29 };
	printf("timegm(2000-02-29) = %lld\n", (long long)timegm(&tm));
	printf("asctime: %s", asctime(gmtime(&when[2])));
	printf("difftime: %g\n", difftime(when[3], when[2]));

	t = time(NULL);
	printf("time() after 2020-01-01: %s\n", t > 1577836800 ? "yes" : "no");
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("CLOCK_MONOTONIC does not go back: %s\n",
	       b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec) ? "yes" : "no");
	return 0;
}
