// renameat2 is a GNU extension: Swift's Glibc module does not declare it.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CFileSystem.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int rename2(const char *a, const char *b, unsigned int flags) {
    // The system call directly: glibc's wrapper arrived late (2.28) and may be missing.
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags);
}

int huiqi_exchange(const char *a, const char *b) { return rename2(a, b, RENAME_EXCHANGE); }

int huiqi_rename_noreplace(const char *from, const char *to) { return rename2(from, to, RENAME_NOREPLACE); }
