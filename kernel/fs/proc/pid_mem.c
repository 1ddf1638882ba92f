/*
 * pid_mem.c - reading another process's memory for /proc/<pid>/cmdline
 * and environ: through that process's page tables (mm/uvm.c's uvm_read),
 * which never touches a page that is not there.
 */
#include "fs/procfs.h"
#include "mm/uvm.h"

size_t proc_read_mem(struct proc *p, uint64_t start, uint64_t end, char *buf, size_t size)
{
	if (p->state == P_ZOMBIE || !p->cr3 || end <= start)
		return 0;                         /* a zombie's memory is gone */
	if (end - start < size)
		size = end - start;
	return uvm_read(p->cr3, start, buf, size);
}
