/*
 * strsignal.c - a signal's description, in the words Linux's C libraries
 * and shells use ("Segmentation fault", "Terminated"). Others get
 * "Real-time signal N" or "Unknown signal N", built in a static buffer the
 * next such call overwrites.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const names[] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated", [SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited", [SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped", [SIGTTIN] = "Stopped (tty input)", [SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition", [SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded", [SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired", [SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible", [SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
};

char *strsignal(int sig)
{
	static char other[32];

	if (sig > 0 && sig < SIGRTMIN)
		return (char *)names[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(other, sizeof(other), "Real-time signal %d", sig - SIGRTMIN);
	else
		snprintf(other, sizeof(other), "Unknown signal %d", sig);
	return other;
}
