#include <time.h>
#include <unistd.h>

int usleep(useconds_t usec)
{
	struct timespec ts = { usec / 1000000, (usec % 1000000) * 1000 };

	return nanosleep(&ts, &ts);
}
