/* SPDX-License-Identifier: MIT */
/*
 * Files that are never left half-written: a new content goes to NAME.tmp,
 * is synced, and replaces NAME by rename(2), whose folder is synced too;
 * and exclusive locks on a lock file, for read-modify-write between
 * processes.
 */
#include "util/util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int
file_write_all(int fd, const void *data, size_t len)
{
	const char	*p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			/*
			 * A full pipe or terminal: wait for room; in a
			 * fiber the rest of the device goes on meanwhile.
			 */
			if (errno == EAGAIN &&
			    fiber_wait(fd, POLLOUT, -1) != -1)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* fsync the folder that holds path, so that a rename in it lasts. */
static void
sync_folder(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir = slash == NULL ? xstrdup(".") :
			    xstrndup(path, (size_t)(slash - path) + 1);
	int		 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
file_write_atomic(const char *path, const void *data, size_t len)
{
	char	*tmp;
	int	 fd, saved, rc = -1;

	xasprintf(&tmp, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		goto out;
	if (file_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		goto out;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto out;
	}
	sync_folder(path);
	rc = 0;
out:
	free(tmp);
	return rc;
}

int
file_lock(const char *path)
{
	/* Read-only: closing it raises no IN_CLOSE_WRITE for watchers. */
	int	 fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600);

	if (fd == -1)
		return -1;
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			int saved = errno;

			close(fd);
			errno = saved;
			return -1;
		}
	}
	return fd;
}
