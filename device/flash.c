/* SPDX-License-Identifier: MIT */
/*
 * The device's flash directory: its default place, the lock that keeps a
 * second asaemu process off it, and the files of its hidden area
 * (flash/.private), every write atomic (temporary file, fsync, rename,
 * fsync of the directory).
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
	if (mkdir_p(path) != 0) {
		xasprintf(cause, "cannot create flash %s: %s", path,
		    strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	xasprintf(&path, "%s/%s/lock", dev->flash, PRIVATE_DIR);
	dev->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	free(path);
	if (dev->lock_fd == -1) {
		xasprintf(cause, "cannot open flash lock in %s: %s",
		    dev->flash, strerror(errno));
		return -1;
	}
	if (flock(dev->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		xasprintf(cause, "flash %s is in use by another asaemu process",
		    dev->flash);
		return -1;
	}
	return 0;
}

static char *
private_path(const struct device *dev, const char *name)
{
	char	*path;

	xasprintf(&path, "%s/%s/%s", dev->flash, PRIVATE_DIR, name);
	return path;
}

char *
device_flash_read(const struct device *dev, const char *name, size_t *lenp)
{
	char		*path = private_path(dev, name);
	FILE		*f = fopen(path, "rb");
	struct strbuf	 sb;
	char		 buf[4096];
	size_t		 n;

	free(path);
	if (f == NULL)
		return NULL;
	strbuf_init(&sb, 16u << 20);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	if (lenp != NULL)
		*lenp = sb.len;
	return strbuf_take(&sb);
}

int
device_flash_write(const struct device *dev, const char *name,
    const char *data, size_t len)
{
	char	*path = private_path(dev, name);
	int	 rc = file_write_atomic(path, data, len);

	free(path);
	return rc;
}

int
device_flash_remove(const struct device *dev, const char *name)
{
	char	*path = private_path(dev, name);
	int	 rc = unlink(path);

	free(path);
	return rc == 0 || errno == ENOENT ? 0 : -1;
}
