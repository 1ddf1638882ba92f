/*
 * host/main.c - stage 3 of the fuzzer (vmseq.c) on the host's Linux: the
 * batches of seeds 1..N, each in a child, through the raw syscall
 * instruction. Exits non-zero when any batch found Linux answering other
 * than the model says. `vmseq-host N` runs N seeds; `vmseq-host N S B`
 * runs only batch B of seed S, naming each operation.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

#define BATCHES 16                       /* as the guest's VM_BATCHES and VM_OPS */
#define OPS     400

static long host_call(long n, long a, long b, long c, long d, long e, long f)
{
	long r = syscall(n, a, b, c, d, e, f);
	return r == -1 ? -errno : r;
}

const struct path paths[2] = { { "host", host_call }, { "host", host_call } };

void report(char tag, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("%c ", tag);
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	va_end(ap);
}

/* rt_sigaction's SA_RESTORER: return through rt_sigreturn (15). */
__asm__(".text\nhost_restorer:\n\tmovq $15, %rax\n\tsyscall\n");
extern char host_restorer[];
void (*libc_restorer(void))(void) { return (void (*)(void))host_restorer; }

int main(int argc, char **argv)
{
	int seeds = argc > 1 ? atoi(argv[1]) : 8, bad = 0;

	for (int s = 1; s <= seeds; s++)
		for (int i = 0; i < BATCHES; i++) {
			if (argc > 3 && (s != atoi(argv[2]) || i != atoi(argv[3])))
				continue;
			struct batch b = { (uint64_t)s, i, i % 2, OPS, argc > 3, 0 };
			int status = -1;
			pid_t pid = fork();
			if (pid == 0)
				vmseq_batch(&b);
			host_call(SYS_wait4, pid, (long)&status, 0, 0, 0, 0);   /* (no <sys/wait.h>: api/signal.h is ours) */
			if (status != 0) {
				printf("not ok - seed %d batch %d: status 0x%x\n", s, i, status);
				bad++;
			}
		}
	printf("%s - vmseq on this Linux: %d seeds x %d batches of %d operations, %d batches differ from the model\n",
	       bad ? "not ok" : "ok", seeds, BATCHES, OPS, bad);
	return bad != 0;
}
