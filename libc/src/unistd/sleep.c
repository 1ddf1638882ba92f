#include <time.h>
#include <unistd.h>

/* Sleep for seconds; 0, or the seconds left (rounded up) when a signal ended it. */
unsigned sleep(unsigned seconds)
{
	struct timespec ts = { seconds, 0 };

	if (nanosleep(&ts, &ts) < 0)
		return ts.tv_sec + (ts.tv_nsec > 0);
	return 0;
}
