/* syslog.h - the kernel log's syslog(2) actions (Linux's numbers; glibc's
 * klogctl), shared by the kernel and libc. */
#ifndef API_SYSLOG_H
#define API_SYSLOG_H

#define SYSLOG_ACTION_CLOSE          0   /* nothing */
#define SYSLOG_ACTION_OPEN           1   /* nothing */
#define SYSLOG_ACTION_READ           2   /* take unread text, waiting for some */
#define SYSLOG_ACTION_READ_ALL       3   /* the newest text that fits, kept */
#define SYSLOG_ACTION_READ_CLEAR     4   /* ... then clear */
#define SYSLOG_ACTION_CLEAR          5   /* forget what the log holds (for READ_ALL) */
#define SYSLOG_ACTION_CONSOLE_OFF    6   /* console level to the minimum */
#define SYSLOG_ACTION_CONSOLE_ON     7   /* ... and back */
#define SYSLOG_ACTION_CONSOLE_LEVEL  8   /* len is the console level, 1..8 */
#define SYSLOG_ACTION_SIZE_UNREAD    9   /* bytes READ would give */
#define SYSLOG_ACTION_SIZE_BUFFER   10   /* the ring's size */

#endif
