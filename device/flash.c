/* SPDX-License-Identifier: MIT */
/*
 * The device's flash directory: its default place, the lock that keeps a
 * second asaemu process off it, and the files of its hidden area
 * (flash/.private), every write atomic (temporary file, fsync, rename,
 * fsync of the directory).
 *
 * The lock is a flock of the private folder itself, whose descriptor
 * every private file is opened through (util/file.c: regular files only,
 * no symlink followed, temporary files created anew): deleting or
 * linking a file in it neither unlocks the flash nor sends a write
 * outside it. Stale *.tmp files of a crash go when the lock is taken.
 */
#include "device/device.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "device/device_int.h"
#include "util/util.h"

#define PRIVATE_DIR ".private"

static int
mkdir_p(const char *path)
{
	char	*p = xstrdup(path);
	int	 rc = 0;

	for (char *q = p + 1; *q != '\0' && rc == 0; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*q = '/';
	}
	if (rc == 0 && mkdir(p, 0755) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

char *
device_default_flash(const char *serial)
{
	char	*lab = lab_default_dir();
	char	*path;

	xasprintf(&path, "%s/%s", lab, serial);
	free(lab);
	return path;
}

int
device_flash_lock(struct device *dev, char **cause)
{
	char	*path;

	xasprintf(&path, "%s/%s", dev->flash, PRIVATE_DIR);
	/* A used flash has its folder: made (each parent tried) if not. */
	dev->lock_fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (dev->lock_fd == -1 && errno == ENOENT) {
		if (mkdir_p(path) != 0) {
			xasprintf(cause, "cannot create flash %s: %s", path,
			    strerror(errno));
			free(path);
			return -1;
		}
		dev->lock_fd = open(path, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
	}
	free(path);
	if (dev->lock_fd == -1) {
		xasprintf(cause, "cannot open flash %s/%s: %s", dev->flash,
		    PRIVATE_DIR, strerror(errno));
		return -1;
	}
	if (flock(dev->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		xasprintf(cause, "flash %s is in use by another asaemu process",
		    dev->flash);
		return -1;
	}
	(void)file_remove_stale_tmp(dev->lock_fd);
	return 0;
}

char *
device_flash_read(const struct device *dev, const char *name, size_t *lenp)
{
	return file_read_regular(dev->lock_fd, name, true, 16u << 20, lenp);
}

int
device_flash_write(const struct device *dev, const char *name,
    const char *data, size_t len)
{
	return file_write_atomic_at(dev->lock_fd, name, data, len);
}

int
device_flash_remove(const struct device *dev, const char *name)
{
	int	 rc = unlinkat(dev->lock_fd, name, 0);

	return rc == 0 || errno == ENOENT ? 0 : -1;
}
