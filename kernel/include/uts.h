/* uts.h - the names uname(2) gives, and /proc/version repeats. */
#ifndef UTS_H
#define UTS_H

#define UTS_SYSNAME    "trapdoor"
#define UTS_NODENAME   "trapdoor"
#define UTS_RELEASE    "0.1.0"
#define UTS_VERSION    "#1 " __DATE__
#define UTS_MACHINE    "x86_64"
#define UTS_DOMAINNAME "(none)"

#endif
