/* SPDX-License-Identifier: MIT */
/*
 * The simulated device: its platform, serial number and software, its flash
 * directory (locked against a second process; every write atomic) and its
 * clock (host time plus an offset, or frozen by --clock for repeatable
 * runs).
 */
#include "commands/commands.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands/commands_int.h"

#define PRIVATE_DIR ".private"
#define CLOCK_FILE "clock"

static void	clock_load(struct device *);

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
	const char	*state = getenv("XDG_STATE_HOME");
	const char	*home = getenv("HOME");
	char		*path;

	if (state != NULL && *state == '/')
		xasprintf(&path, "%s/asaemu/%s", state, serial);
	else
		xasprintf(&path, "%s/.local/state/asaemu/%s",
		    home != NULL ? home : ".", serial);
	return path;
}

static int
lock_flash(struct device *dev, char **cause)
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

static int
parse_clock(const char *s, time_t *t)
{
	struct tm	 tm;
	const char	*end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (end == NULL || *end != '\0')
		return -1;
	*t = timegm(&tm);
	return 0;
}

static struct timespec
host_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts;
}

struct device *
device_new(const struct device_opts *o, char **cause)
{
	struct device	*dev = xcalloc(1, sizeof *dev);
	time_t		 start;

	dev->lock_fd = -1;
	dev->db = o->db;
	dev->platform = model_db_find(o->db, o->model);
	if (dev->platform == NULL) {
		xasprintf(cause, "unknown model %s", o->model);
		goto fail;
	}
	if (lic_version_parse(o->software, &dev->version) != 0) {
		xasprintf(cause, "bad software version %s", o->software);
		goto fail;
	}
	snprintf(dev->serial, sizeof dev->serial, "%s", o->serial);
	if (o->clock != NULL) {
		if (parse_clock(o->clock, &start) != 0) {
			xasprintf(cause, "bad --clock %s (want "
			    "YYYY-MM-DDTHH:MM:SSZ)", o->clock);
			goto fail;
		}
		dev->frozen = true;
		dev->frozen_at.tv_sec = start;
	}
	dev->flash = o->flash != NULL ? xstrdup(o->flash) :
	    device_default_flash(o->serial);
	if (lock_flash(dev, cause) != 0)
		goto fail;
	if (!dev->frozen)
		clock_load(dev);
	dev->npe = o->npe;
	dev->hostname = xstrdup("ciscoasa");
	dev->pager_lines = 24;
	dev->ext = cfg_ext_new(dev->platform);
	dev->booted = device_now(dev);
	return dev;
fail:
	device_free(dev);
	return NULL;
}

void
device_free(struct device *dev)
{
	if (dev == NULL)
		return;
	if (dev->lock_fd != -1)
		close(dev->lock_fd);
	license_release(&dev->lic);
	cfg_ext_free(dev->ext);
	free(dev->flash);
	free(dev->hostname);
	free(dev);
}

struct timespec
device_now(const struct device *dev)
{
	struct timespec	 t;

	if (dev->frozen)
		return dev->frozen_at;
	t = host_now();
	t.tv_sec += dev->offset.tv_sec;
	return t;
}

/*
 * Unless --clock froze it, the clock's offset from host time is kept on
 * flash (.private/clock), as an ASA's clock keeps its time over a reload:
 * otherwise a clock set or emulator advance-time would be undone by the
 * next start, which a time-based key sees as a clock set back.
 */
static void
clock_save(const struct device *dev)
{
	char	 buf[32];
	int	 n;

	if (dev->frozen)
		return;
	n = snprintf(buf, sizeof buf, "%lld\n", (long long)dev->offset.tv_sec);
	(void)device_flash_write(dev, CLOCK_FILE, buf, (size_t)n);
}

static void
clock_load(struct device *dev)
{
	char		*text = device_flash_read(dev, CLOCK_FILE, NULL);
	char		*end;
	long long	 off;

	if (text == NULL)
		return;
	errno = 0;
	off = strtoll(text, &end, 10);
	/* A hundred years either way, else ignored. */
	if (errno == 0 && end != text && (*end == '\n' || *end == '\0') &&
	    off > -3200000000LL && off < 3200000000LL)
		dev->offset.tv_sec = (time_t)off;
	free(text);
}

void
device_set_time(struct device *dev, time_t t)
{
	int64_t	 old = (int64_t)device_now(dev).tv_sec;

	if (dev->frozen) {
		dev->frozen_at.tv_sec = t;
		dev->frozen_at.tv_nsec = 0;
	} else
		dev->offset.tv_sec = t - host_now().tv_sec;
	clock_save(dev);
	license_clock_set(dev, old, (int64_t)t);
}

void
device_advance_time(struct device *dev, time_t secs)
{
	if (dev->frozen)
		dev->frozen_at.tv_sec += secs;
	else
		dev->offset.tv_sec += secs;
	clock_save(dev);
}

char *
device_format_time(struct timespec ts, char *buf, size_t len)
{
	static const char *const days[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm	 tm;

	gmtime_r(&ts.tv_sec, &tm);
	snprintf(buf, len, "%02d:%02d:%02d.%03ld UTC %s %s %d %d",
	    tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000,
	    days[tm.tm_wday], months[tm.tm_mon], tm.tm_mday,
	    tm.tm_year + 1900);
	return buf;
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

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int
device_flash_write(const struct device *dev, const char *name,
    const char *data, size_t len)
{
	char	*path = private_path(dev, name);
	char	*tmp, *dir;
	int	 fd, rc = -1, saved;

	xasprintf(&tmp, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		goto out;
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		goto out;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		goto out;
	}
	/* Make the rename itself durable. */
	xasprintf(&dir, "%s/%s", dev->flash, PRIVATE_DIR);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	free(dir);
	rc = 0;
out:
	free(tmp);
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

void
device_touch(struct device *dev)
{
	dev->modified = true;
	dev->modified_at = device_now(dev);
	snprintf(dev->modified_by, sizeof dev->modified_by, "enable_15");
}
