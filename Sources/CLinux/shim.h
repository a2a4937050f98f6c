#ifndef SENSEQUANT_CLINUX_H
#define SENSEQUANT_CLINUX_H
// Linux calls that glibc declares only under _GNU_SOURCE, which Swift's Glibc module does not set.
#define _GNU_SOURCE
#include <unistd.h>

// syncfs(2): flush every pending write of the file system that holds `fd`.
static inline int sensequant_syncfs(int fd) { return syncfs(fd); }

#endif
