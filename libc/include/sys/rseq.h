/* sys/rseq.h - restartable sequences (struct rseq and struct rseq_cs in api/rseq.h). */
#ifndef _SYS_RSEQ_H
#define _SYS_RSEQ_H

#include <api/rseq.h>

/* The signature glibc registers on x86: the 4 bytes before every abort_ip
 * (they decode as part of a harmless instruction). */
#define RSEQ_SIG 0x53053053

#endif
