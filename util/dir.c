/* SPDX-License-Identifier: MIT */
/*
 * A folder's names, read with getdents64(2) into a buffer on the stack:
 * readdir's DIR costs a dup, an fstat, two fcntl calls and 32 KiB of
 * heap a folder, and a device start reads two.
 */
#define _GNU_SOURCE			/* getdents64 */

#include "util/util.h"

#include <dirent.h>
#include <string.h>
#include <unistd.h>

int
file_dir_each(int fd, int (*fn)(const char *, void *), void *arg)
{
	union {
		struct dirent64	 de;
		char		 b[2048];
	}		 buf;
	ssize_t		 n;
	int		 rc;

	if (lseek(fd, 0, SEEK_SET) == -1)
		return -1;
	while ((n = getdents64(fd, buf.b, sizeof buf.b)) > 0) {
		for (ssize_t at = 0; at < n;) {
			const struct dirent64 *de =
			    (const struct dirent64 *)(void *)(buf.b + at);

			at += de->d_reclen;
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			if ((rc = fn(de->d_name, arg)) != 0)
				return rc;
		}
	}
	return n == 0 ? 0 : -1;
}
