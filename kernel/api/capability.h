/* capability.h - capget's header and data (Linux's layout and versions),
 * shared by the kernel and libc. */
#ifndef API_CAPABILITY_H
#define API_CAPABILITY_H

#include <stdint.h>

#define _LINUX_CAPABILITY_VERSION_1 0x19980330   /* one data struct: capabilities 0..31 */
#define _LINUX_CAPABILITY_VERSION_2 0x20071026   /* two (deprecated by Linux for 3) */
#define _LINUX_CAPABILITY_VERSION_3 0x20080522   /* two: 0..31, then 32..63 */

struct __user_cap_header_struct {
	uint32_t version;
	int pid;                                  /* 0: the caller */
};

struct __user_cap_data_struct {
	uint32_t effective, permitted, inheritable;
};

#endif
