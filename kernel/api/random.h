/* random.h - getrandom's flags (Linux's), shared by the kernel and libc. */
#ifndef API_RANDOM_H
#define API_RANDOM_H

#define GRND_NONBLOCK 0x0001           /* never wait for the generator's seed */
#define GRND_RANDOM   0x0002           /* the "blocking pool": the same generator since Linux 5.6 */
#define GRND_INSECURE 0x0004           /* need not be seeded yet (never with GRND_RANDOM) */

#endif
