/* SPDX-License-Identifier: MIT */
/*
 * Files that are never left half-written: a new content goes to NAME.tmp,
 * is synced, and replaces NAME by rename(2), whose folder is synced too;
 * exclusive locks on a lock file, for read-modify-write between
 * processes; and reading files that must be regular files.
 *
 * Hostile folders (a flash's private folder is the user's to edit): the
 * last component of a name is never followed when it is a symlink
 * (O_NOFOLLOW), a temporary file is created, never reused (O_EXCL, a
 * stale one or a link by its name is removed first), everything is
 * relative to the folder's descriptor (the *at calls), and a read opens
 * with O_NONBLOCK and checks fstat before it reads, so that a FIFO or a
 * device is refused instead of blocking.
 */
#include "util/util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
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

int
file_open_regular(int dirfd, const char *name, bool nofollow)
{
	struct stat	 st;
	int		 fd, flags, saved;

	flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
	if (nofollow)
		flags |= O_NOFOLLOW;
	if ((fd = openat(dirfd, name, flags)) == -1)
		return -1;
	if (fstat(fd, &st) != 0)
		saved = errno;
	else if (!S_ISREG(st.st_mode))
		saved = EINVAL;
	else if (fcntl(fd, F_SETFL, O_RDONLY) != 0)	/* blocking again */
		saved = errno;
	else
		return fd;
	close(fd);
	errno = saved;
	return -1;
}

char *
file_read_regular(int dirfd, const char *name, bool nofollow, size_t max,
    size_t *lenp)
{
	struct strbuf	 sb;
	char		 buf[4096];
	ssize_t		 n;
	int		 fd, saved;

	if ((fd = file_open_regular(dirfd, name, nofollow)) == -1)
		return NULL;
	strbuf_init(&sb, 0);
	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (sb.len + (size_t)n > max) {
			n = -1;
			errno = EFBIG;
			break;
		}
		strbuf_add(&sb, buf, (size_t)n);
	}
	saved = errno;
	close(fd);
	if (n < 0) {
		strbuf_release(&sb);
		errno = saved;
		return NULL;
	}
	if (lenp != NULL)
		*lenp = sb.len;
	return strbuf_take(&sb);
}

int
file_write_atomic_at(int dirfd, const char *name, const void *data,
    size_t len)
{
	char	*tmp;
	int	 fd, saved, rc = -1;
	int	 flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;

	xasprintf(&tmp, "%s.tmp", name);
	fd = openat(dirfd, tmp, flags, 0600);
	if (fd == -1 && errno == EEXIST) {
		/* A stale one (a crash) or a link by its name: never reused. */
		if (unlinkat(dirfd, tmp, 0) != 0 && errno != ENOENT)
			goto out;
		fd = openat(dirfd, tmp, flags, 0600);
	}
	if (fd == -1)
		goto out;
	if (file_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlinkat(dirfd, tmp, 0);
		errno = saved;
		goto out;
	}
	/* rename replaces a link at name itself, never what it names. */
	if (close(fd) != 0 || renameat(dirfd, tmp, dirfd, name) != 0) {
		saved = errno;
		unlinkat(dirfd, tmp, 0);
		errno = saved;
		goto out;
	}
	(void)fsync(dirfd);
	rc = 0;
out:
	free(tmp);
	return rc;
}

int
file_write_atomic(const char *path, const void *data, size_t len)
{
	const char	*slash = strrchr(path, '/');
	char		*dir = slash == NULL ? xstrdup(".") :
			    xstrndup(path, (size_t)(slash - path) + 1);
	int		 dirfd, rc = -1, saved;

	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (dirfd == -1)
		return -1;
	rc = file_write_atomic_at(dirfd, slash == NULL ? path : slash + 1,
	    data, len);
	saved = errno;
	close(dirfd);
	errno = saved;
	return rc;
}

struct stale {
	int	 dirfd;
	int	 rc;
};

static int
stale_remove(const char *name, void *arg)
{
	struct stale	*st = arg;
	size_t		 n = strlen(name);

	if (n > 4 && strcmp(name + n - 4, ".tmp") == 0 &&
	    unlinkat(st->dirfd, name, 0) != 0 && errno != ENOENT)
		st->rc = -1;
	return 0;
}

int
file_remove_stale_tmp(int dirfd)
{
	struct stale	 st = { dirfd, 0 };

	if (file_dir_each(dirfd, stale_remove, &st) != 0)
		return -1;
	return st.rc;
}

int
file_lock(const char *path)
{
	/* Read-only: closing it raises no IN_CLOSE_WRITE for watchers. */
	int		 fd = open(path, O_RDONLY | O_CREAT | O_NOFOLLOW |
			    O_NONBLOCK | O_CLOEXEC, 0600);
	struct stat	 st;

	if (fd == -1)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
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
