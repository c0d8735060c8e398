/* SPDX-License-Identifier: MIT */
/*
 * The simulated device: its platform, serial number and software, its flash
 * directory (flash.c) and its clock (host time plus an offset, or frozen by
 * --clock for repeatable runs).
 */
#include "device/device.h"
#include "device/boot.h"
#include "device/shared.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/device_int.h"
#include "device/shared_int.h"
#include "device/cluster.h"
#include "device/failover.h"
#include "util/util.h"

#define CLOCK_FILE "clock"

static void	clock_load(struct device *);

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

/* What the device's clock runs on: its lab's clock, or host time. */
static struct timespec
base_now(const struct device *dev)
{
	struct timespec	 ts;

	if (dev->lab != NULL)
		return lab_clock_now(&dev->labclk);
	clock_gettime(CLOCK_REALTIME, &ts);
	return ts;
}

/*
 * Join the lab's clock. --clock fixes the lab's start: the first device
 * that gives it freezes the lab there; later ones keep the lab's time.
 */
static int
clock_join(struct device *dev, struct lab *lab, const char *clock,
    char **cause)
{
	char	*why = NULL;

	dev->lab = lab;
	if (clock != NULL && lab_clock_freeze(lab, dev->frozen_at.tv_sec) != 0
	    && errno != EEXIST) {
		xasprintf(cause, "lab clock: %s", strerror(errno));
		return -1;
	}
	dev->frozen = false;
	if (lab_clock_read(lab, &dev->labclk, &why) != 0) {
		xasprintf(cause, "lab clock: %s", why);
		free(why);
		return -1;
	}
	return 0;
}

void
device_lab_clock_changed(struct device *dev)
{
	struct lab_clock c;
	char		*why = NULL;

	if (dev->lab == NULL)
		return;
	if (lab_clock_read(dev->lab, &c, &why) == 0)
		dev->labclk = c;
	free(why);
	device_shared_clock(dev);
}

/*
 * "ASA 5585-X with SSP-10 does not run 8.3(1); it runs 8.2(3) to
 * 9.1(7)32 but not 8.3(0) to 8.3(255)255, ...".
 */
static void
platform_releases(const struct lic_platform *p, const char *sw,
    char **cause)
{
	struct strbuf	 sb;
	char		 a[32], b[32];

	/* The rules: sw-first, sw-last and sw-gap of models/data. */
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s does not run software %s; it runs %s to %s",
	    p->name, sw, lic_version_format(p->sw_first, a, sizeof a),
	    lic_version_format(p->sw_last, b, sizeof b));
	for (size_t i = 0; i < p->nsw_gaps; i++) {
		uint32_t f = p->sw_gaps[i].first, l = p->sw_gaps[i].last;

		strbuf_printf(&sb, "%s%u.%u(x)", i == 0 ? ", not " : " nor ",
		    f >> 24, (f >> 16) & 0xff);
		if ((f & 0xffff0000u) != (l & 0xffff0000u))
			strbuf_printf(&sb, " to %u.%u(x)", l >> 24,
			    (l >> 16) & 0xff);
	}
	*cause = strbuf_take(&sb);
}

static bool
serial_valid(const char *serial, size_t max)
{
	size_t	 n = strlen(serial);

	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!isgraph((unsigned char)serial[i]))
			return false;
	}
	return true;
}

struct device *
device_new(const struct device_opts *o, char **cause)
{
	struct device	*dev = xcalloc(1, sizeof *dev);
	struct boot_plan plan;
	time_t		 start;

	dev->lock_fd = -1;
	dev->ctxs.sel = CTX_SYSTEM;
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
	/* As licensing/KEYS.md and the key generator have it. */
	if (!serial_valid(o->serial, sizeof dev->serial - 1)) {
		xasprintf(cause, "bad serial number '%s' (1 to 32 printable "
		    "characters, no blanks)", o->serial);
		goto fail;
	}
	if (!lic_platform_runs(dev->platform, dev->version)) {
		platform_releases(dev->platform, o->software, cause);
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
		dev->frozen_start = start;
	}
	dev->flash = o->flash != NULL ? xstrdup(o->flash) :
	    device_default_flash(o->serial);
	if (o->labdir != NULL)
		dev->labdir = xstrdup(o->labdir);
	if (device_flash_lock(dev, cause) != 0)
		goto fail;
	if (o->lab != NULL && clock_join(dev, o->lab, o->clock, cause) != 0)
		goto fail;
	clock_load(dev);
	dev->npe = o->npe;
	dev->hostname = xstrdup("ciscoasa");
	dev->pager_lines = 24;
	dev->ext = cfg_ext_new(dev->platform);
	if (device_factory_images(dev, dev->version, o->asdm) != 0) {
		xasprintf(cause, "cannot write the factory image to %s: %s",
		    dev->flash, strerror(errno));
		goto fail;
	}
	device_boot_plan(dev, &plan);
	device_reboot(dev, &plan);
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
	device_shared_free(dev);
	device_net_stop(dev);
	device_failover_free(dev);
	device_cluster_free(dev);
	device_rommon_free(dev);
	if (dev->lock_fd != -1) {
		device_license_shutdown(dev);
		close(dev->lock_fd);
	}
	device_license_release(&dev->lic);
	/* Not reset: that reads the mode from the flash, unlocked by now. */
	device_contexts_release(dev);
	cfg_ext_free(dev->ext);
	free(dev->flash);
	free(dev->labdir);
	device_boot_list_clear(dev);
	free(dev->boot_var);
	free(dev->reload_reason);
	free(dev->startup_errors);
	free(dev->hostname);
	free(dev);
}

struct timespec
device_now(const struct device *dev)
{
	struct timespec	 t;

	if (dev->frozen)
		return dev->frozen_at;
	t = base_now(dev);
	t.tv_sec += dev->offset.tv_sec;
	return t;
}

/*
 * Unless --clock froze it, the clock's offset from host time is kept on
 * flash (.private/clock), as an ASA's clock keeps its time over a reload:
 * otherwise a clock set or emulator advance-time would be undone by the
 * next start, which a time-based key sees as a clock set back.
 *
 * A clock frozen by --clock (and no lab) keeps "frozen START NOW": a
 * restart with the same --clock START resumes at NOW, so the time that
 * emulator advance-time let pass stays passed (issue 11 item 8; a lab's
 * frozen clock behaves so already); another --clock starts there.
 */
static int
clock_save(const struct device *dev)
{
	char	 buf[64];
	int	 n;

	if (dev->frozen)
		n = snprintf(buf, sizeof buf, "frozen %lld %lld\n",
		    (long long)dev->frozen_start,
		    (long long)dev->frozen_at.tv_sec);
	else
		n = snprintf(buf, sizeof buf, "%lld\n",
		    (long long)dev->offset.tv_sec);
	return device_flash_write(dev, CLOCK_FILE, buf, (size_t)n);
}

static void
clock_load(struct device *dev)
{
	char		*text = device_flash_read(dev, CLOCK_FILE, NULL);
	char		*end;
	long long	 off;

	if (text == NULL)
		return;
	if (dev->frozen) {
		long long	 start, at;

		if (sscanf(text, "frozen %lld %lld", &start, &at) == 2 &&
		    start == (long long)dev->frozen_start &&
		    at > -3200000000LL && at < 32000000000LL)
			dev->frozen_at.tv_sec = (time_t)at;
		free(text);
		return;
	}
	errno = 0;
	off = strtoll(text, &end, 10);
	/* A hundred years either way, else ignored. */
	if (errno == 0 && end != text && (*end == '\n' || *end == '\0') &&
	    off > -3200000000LL && off < 3200000000LL)
		dev->offset.tv_sec = (time_t)off;
	free(text);
}

int
device_set_time(struct device *dev, time_t t)
{
	int64_t	 old = (int64_t)device_now(dev).tv_sec;
	int	 rc, err;

	if (dev->frozen) {
		dev->frozen_at.tv_sec = t;
		dev->frozen_at.tv_nsec = 0;
	} else
		dev->offset.tv_sec = t - base_now(dev).tv_sec;
	/* The boot moves with the clock: uptime does not jump. */
	dev->booted.tv_sec += (time_t)((int64_t)t - old);
	rc = clock_save(dev);
	err = errno;
	device_license_clock_set(dev, old, (int64_t)t);
	errno = err;
	return rc;
}

time_t
device_uptime(const struct device *dev)
{
	return device_now(dev).tv_sec - dev->booted.tv_sec;
}

int
device_advance_time(struct device *dev, time_t secs)
{
	if (dev->frozen)
		dev->frozen_at.tv_sec += secs;
	else if (dev->lab != NULL) {
		/* The whole lab moves; the others hear of it (inotify). */
		if (lab_clock_advance(dev->lab, (int64_t)secs) != 0)
			return -1;
		device_lab_clock_changed(dev);
		return 0;
	} else
		dev->offset.tv_sec += secs;
	return clock_save(dev);
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
	char		*p = buf;

	/* "%02d:%02d:%02d.%03ld UTC %s %s %d %d", without printf's cost. */
	assert(len >= DEVICE_TIME_TEXT);
	(void)len;
	gmtime_r(&ts.tv_sec, &tm);
	p += fmt_u32(p, (uint32_t)tm.tm_hour, 2);
	*p++ = ':';
	p += fmt_u32(p, (uint32_t)tm.tm_min, 2);
	*p++ = ':';
	p += fmt_u32(p, (uint32_t)tm.tm_sec, 2);
	*p++ = '.';
	p += fmt_u32(p, (uint32_t)(ts.tv_nsec / 1000000), 3);
	memcpy(p, " UTC ", 5);
	memcpy(p + 5, days[tm.tm_wday], 3);
	p[8] = ' ';
	memcpy(p + 9, months[tm.tm_mon], 3);
	p[12] = ' ';
	p += 13;
	p += fmt_u32(p, (uint32_t)tm.tm_mday, 1);
	*p++ = ' ';
	p += fmt_u32(p, (uint32_t)(tm.tm_year + 1900), 1);
	*p = '\0';
	return buf;
}

void
device_touch(struct device *dev)
{
	dev->modified = true;
	dev->modified_at = device_now(dev);
	snprintf(dev->modified_by, sizeof dev->modified_by, "enable_15");
}
