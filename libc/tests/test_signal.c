/* test_signal.c - libc's signal sets and strsignal (tl_ names). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "host_sys.h"

static void test_sets(void)
{
	uint64_t set = 12345;

	CHECK_EQ(tl_sigemptyset(&set), 0);
	CHECK_EQ(set, 0);
	for (int sig = 1; sig <= 64; sig++)
		CHECK_EQ(tl_sigismember(&set, sig), 0);
	CHECK_EQ(tl_sigaddset(&set, 2), 0);       /* SIGINT: bit 1, as the kernel's set */
	CHECK_EQ(set, 2);
	CHECK_EQ(tl_sigaddset(&set, 64), 0);
	CHECK(set == (2ULL | 1ULL << 63));
	CHECK_EQ(tl_sigismember(&set, 2), 1);
	CHECK_EQ(tl_sigismember(&set, 64), 1);
	CHECK_EQ(tl_sigismember(&set, 3), 0);
	CHECK_EQ(tl_sigdelset(&set, 2), 0);
	CHECK_EQ(tl_sigismember(&set, 2), 0);
	CHECK_EQ(tl_sigfillset(&set), 0);
	for (int sig = 1; sig <= 64; sig++)
		CHECK_EQ(tl_sigismember(&set, sig), 1);

	/* No signal 0 or 65: EINVAL, and the set stays as it was. */
	int bad[] = { 0, -1, 65, 1000 };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tl_errno = 0;
		CHECK_EQ(tl_sigaddset(&set, bad[i]), -1);
		CHECK_EQ(tl_errno, EINVAL);
		tl_errno = 0;
		CHECK_EQ(tl_sigdelset(&set, bad[i]), -1);
		CHECK_EQ(tl_errno, EINVAL);
		tl_errno = 0;
		CHECK_EQ(tl_sigismember(&set, bad[i]), -1);
		CHECK_EQ(tl_errno, EINVAL);
	}
	CHECK(set == ~0ULL);
}

static void test_strsignal(void)
{
	CHECK_STR(tl_strsignal(SIGSEGV), "Segmentation fault");
	CHECK_STR(tl_strsignal(SIGTERM), "Terminated");
	CHECK_STR(tl_strsignal(SIGKILL), "Killed");
	CHECK_STR(tl_strsignal(SIGINT), "Interrupt");
	CHECK_STR(tl_strsignal(SIGPIPE), "Broken pipe");
	CHECK_STR(tl_strsignal(31), "Bad system call");
	/* Every classic signal has a name, and the host's C library agrees on the common ones. */
	for (int sig = 1; sig < 32; sig++)
		CHECK(tl_strsignal(sig) != NULL && tl_strsignal(sig)[0] != '\0');
	CHECK_STR(tl_strsignal(SIGHUP), strsignal(SIGHUP));
	CHECK_STR(tl_strsignal(SIGABRT), strsignal(SIGABRT));
	CHECK_STR(tl_strsignal(SIGUSR1), strsignal(SIGUSR1));
	CHECK_STR(tl_strsignal(32), "Real-time signal 0");
	CHECK_STR(tl_strsignal(64), "Real-time signal 32");
	CHECK_STR(tl_strsignal(0), "Unknown signal 0");
	CHECK_STR(tl_strsignal(65), "Unknown signal 65");
	CHECK_STR(tl_strsignal(-3), "Unknown signal -3");
}

int main(void)
{
	test_sets();
	test_strsignal();
	return check_done();
}
