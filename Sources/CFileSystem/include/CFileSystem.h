#ifndef HUIQI_CFILESYSTEM_H
#define HUIQI_CFILESYSTEM_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): at
/// every instant each name refers to one whole tree. Returns 0, or -1 with errno.
int huiqi_exchange(const char *a, const char *b);

/// Renames `from` to `to` only if `to` does not exist (RENAME_NOREPLACE).
int huiqi_rename_noreplace(const char *from, const char *to);

#endif
