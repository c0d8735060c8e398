/* SPDX-License-Identifier: MIT */
/*
 * The device's key store: the running and flash permanent keys, the
 * installed time-based keys, and the hidden flash file that keeps them
 * (never part of the configuration). The running license is recomputed
 * by the pure engine whenever a key changes.
 *
 * The store, flash/.private/activation-keys, is text, one record a line:
 *   asaemu-keys 1
 *   serial JMX1234L0AB
 *   permanent 0x........ 0x........ 0x........ 0x........ 0x........
 *   timed 0x........ ... active=1 used=SECONDS activated=DEVICE-TIME
 *       stacked=SECONDS counted=DEVICE-TIME anchor=DEVICE-TIME
 *       installed=DEVICE-TIME
 *   stacked 0x........ ... onto 0x........ ...
 * (struct lic_timed: used is counted up to counted; anchor is the time
 * the key would have been installed had it never paused, which a reload
 * checks the clock against). Lines written before counted and anchor
 * existed still load: counted is then activated, anchor activated - used,
 * installed the anchor (the original installation time, the first
 * activation; a reload measures a clock set back from it).
 * A stacked line names a key whose identical license was added to the
 * timed key it is onto (listed before it), so that entering it again is
 * known (licensing/KEYS.md, "On the device").
 * Any line it cannot read, or a key that does not decode for this serial
 * number and platform, makes the whole store invalid: the device then runs
 * on its Base license and says so at boot, as an ASA does.
 */
#include "device/device.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/device_int.h"
#include "util/util.h"

#define STORE_FILE	"activation-keys"
#define STORE_MAGIC	"asaemu-keys 1"
#define TIME_LIMIT	(INT64_C(1) << 50)	/* seconds: 35 million years */

static const struct lic_catalog *
catalog(const struct device *dev)
{
	return model_db_catalog(dev->db);
}

enum lic_err
device_license_decode(const struct device *dev, const struct lic_key *key,
    struct lic_keyinfo *info)
{
	return lic_key_decode(catalog(dev), dev->platform, dev->serial, key,
	    info);
}

void
device_license_compute(struct device *dev)
{
	struct device_license	*l = &dev->lic;
	struct lic_inputs	 in;

	memset(&in, 0, sizeof in);
	in.cat = catalog(dev);
	in.p = dev->platform;
	in.version = dev->version;
	in.npe = dev->npe;
	in.perm = l->has_running ? &l->running_info : NULL;
	in.timed = l->timed;
	in.ntimed = l->ntimed;
	in.no_essentials = l->no_essentials;
	lic_running_compute(&in, &l->run);
}

/* One "name=number" field of a timed line; 1 found, 0 absent, -1 bad. */
static int
state_field(const char *s, const char *name, int64_t *v)
{
	size_t		 len = strlen(name);
	const char	*p;
	char		*end;
	long long	 n;

	for (p = s; (p = strstr(p, name)) != NULL; p += len) {
		if ((p == s || p[-1] == ' ') && p[len] == '=')
			break;
	}
	if (p == NULL)
		return 0;
	errno = 0;
	n = strtoll(p + len + 1, &end, 10);
	if (errno != 0 || end == p + len + 1 || (*end != ' ' && *end != '\0'))
		return -1;
	*v = n;
	return 1;
}

/*
 * Parse "active=1 used=N activated=T stacked=S counted=T anchor=T" after
 * a timed key's words; stacked is the duration identical keys added.
 */
static int
parse_timed_state(const char *s, struct lic_timed *t)
{
	int64_t		 active, used, at, stacked, counted, anchor, inst;

	if (state_field(s, "active", &active) != 1 ||
	    state_field(s, "used", &used) != 1 ||
	    state_field(s, "activated", &at) != 1 ||
	    state_field(s, "stacked", &stacked) != 1 ||
	    (active != 0 && active != 1) || used < 0 || used > UINT32_MAX ||
	    stacked < 0 || at < -TIME_LIMIT || at > TIME_LIMIT ||
	    (uint64_t)stacked > UINT32_MAX - t->info.duration)
		return -1;
	t->active = active != 0;
	t->used = (uint64_t)used;
	t->activated_at = at;
	t->info.duration += (uint32_t)stacked;
	switch (state_field(s, "counted", &counted)) {
	case 0:
		counted = at;
		break;
	case -1:
		return -1;
	}
	switch (state_field(s, "anchor", &anchor)) {
	case 0:
		anchor = at - used;
		break;
	case -1:
		return -1;
	}
	switch (state_field(s, "installed", &inst)) {
	case 0:
		inst = anchor;
		break;
	case -1:
		return -1;
	}
	/* Sane times only: the engine adds durations to them. */
	if (counted < -TIME_LIMIT || counted > TIME_LIMIT ||
	    anchor < -TIME_LIMIT || anchor > TIME_LIMIT ||
	    inst < -TIME_LIMIT || inst > TIME_LIMIT)
		return -1;
	t->installed = true;
	t->installed_at = inst;
	t->counted_at = counted;
	t->anchor = anchor;
	t->warned_at = counted;
	return 0;
}

static int
parse_timed(struct device *dev, const char *rest)
{
	struct device_license	*l = &dev->lic;
	struct lic_timed t;
	char		 words[64];
	const char	*state = rest;

	/* The five words end where the state begins. */
	for (int i = 0; i < 5 && state != NULL; i++)
		state = strchr(state + 1, ' ');
	if (state == NULL || (size_t)(state - rest) >= sizeof words)
		return -1;
	memset(&t, 0, sizeof t);
	memcpy(words, rest, (size_t)(state - rest));
	words[state - rest] = '\0';
	if (lic_key_parse(words, &t.key) != LIC_OK ||
	    device_license_decode(dev, &t.key, &t.info) != LIC_OK ||
	    t.info.type == LIC_KEY_PERMANENT ||
	    parse_timed_state(state, &t) != 0)
		return -1;
	l->timed = xreallocarray(l->timed, l->ntimed + 1, sizeof *l->timed);
	l->timed[l->ntimed++] = t;
	return 0;
}

/* "WORDS onto WORDS": a key stacked onto an installed timed key. */
static int
parse_stacked(struct device *dev, const char *rest)
{
	struct device_license	*l = &dev->lic;
	struct device_stacked	 st;
	struct lic_keyinfo	 info;
	const char		*onto = strstr(rest, " onto ");
	char			 words[64];
	bool			 host = false;

	if (onto == NULL || (size_t)(onto - rest) >= sizeof words)
		return -1;
	memcpy(words, rest, (size_t)(onto - rest));
	words[onto - rest] = '\0';
	if (lic_key_parse(words, &st.key) != LIC_OK ||
	    device_license_decode(dev, &st.key, &info) != LIC_OK ||
	    info.type == LIC_KEY_PERMANENT ||
	    lic_key_parse(onto + 6, &st.onto) != LIC_OK)
		return -1;
	for (size_t i = 0; i < l->ntimed; i++) {
		if (memcmp(&l->timed[i].key, &st.onto, sizeof st.onto) == 0)
			host = true;
	}
	if (!host)
		return -1;
	l->stacked = xreallocarray(l->stacked, l->nstacked + 1,
	    sizeof *l->stacked);
	l->stacked[l->nstacked++] = st;
	return 0;
}

static int
parse_line(struct device *dev, const char *line)
{
	struct device_license	*l = &dev->lic;

	if (strcmp(line, STORE_MAGIC) == 0 || *line == '\0')
		return 0;
	if (strncmp(line, "serial ", 7) == 0)
		return strcmp(line + 7, dev->serial) == 0 ? 0 : -1;
	if (strncmp(line, "permanent ", 10) == 0) {
		if (lic_key_parse(line + 10, &l->flash_key) != LIC_OK ||
		    device_license_decode(dev, &l->flash_key, &l->flash_info) !=
		    LIC_OK || l->flash_info.type != LIC_KEY_PERMANENT)
			return -1;
		l->has_flash = true;
		return 0;
	}
	if (strncmp(line, "timed ", 6) == 0)
		return parse_timed(dev, line + 6);
	if (strncmp(line, "stacked ", 8) == 0)
		return parse_stacked(dev, line + 8);
	return -1;
}

static void
license_reset(struct device_license *l)
{
	free(l->timed);
	l->timed = NULL;
	l->ntimed = 0;
	free(l->stacked);
	l->stacked = NULL;
	l->nstacked = 0;
	l->has_flash = l->has_running = false;
}

void
device_license_load(struct device *dev)
{
	struct device_license	*l = &dev->lic;
	char		*text = device_flash_read(dev, STORE_FILE, NULL);
	char		*line, *next;

	license_reset(l);
	l->invalid = false;
	if (text != NULL && strncmp(text, STORE_MAGIC "\n",
	    sizeof STORE_MAGIC) != 0)
		l->invalid = true;
	for (line = text; !l->invalid && line != NULL && *line != '\0';
	    line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (parse_line(dev, line) != 0)
			l->invalid = true;
	}
	free(text);
	if (l->invalid)
		license_reset(l);
	/* A reload makes the flash permanent key the running one. */
	l->has_running = l->has_flash;
	l->running_key = l->flash_key;
	l->running_info = l->flash_info;
	device_license_compute(dev);
}

int
device_license_save(const struct device *dev)
{
	const struct device_license *l = &dev->lic;
	struct strbuf	 sb;
	char		 words[64];
	int		 rc;

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s\nserial %s\n", STORE_MAGIC, dev->serial);
	if (l->has_flash)
		strbuf_printf(&sb, "permanent %s\n", lic_key_format(
		    &l->flash_key, words, sizeof words));
	for (size_t i = 0; i < l->ntimed; i++) {
		const struct lic_timed *t = &l->timed[i];
		struct lic_keyinfo	info;

		/* What stacking added is what the key itself does not say. */
		if (device_license_decode(dev, &t->key, &info) != LIC_OK)
			info.duration = t->info.duration;
		strbuf_printf(&sb, "timed %s active=%d used=%" PRIu64
		    " activated=%" PRId64 " stacked=%" PRIu32 " counted=%"
		    PRId64 " anchor=%" PRId64 " installed=%" PRId64 "\n",
		    lic_key_format(&t->key, words, sizeof words),
		    t->active ? 1 : 0, t->used, t->activated_at,
		    t->info.duration - info.duration, t->counted_at,
		    t->anchor, t->installed ? t->installed_at : t->anchor);
	}
	for (size_t i = 0; i < l->nstacked; i++) {
		char	onto[64];

		strbuf_printf(&sb, "stacked %s onto %s\n",
		    lic_key_format(&l->stacked[i].key, words, sizeof words),
		    lic_key_format(&l->stacked[i].onto, onto, sizeof onto));
	}
	rc = device_flash_write(dev, STORE_FILE, sb.buf, sb.len);
	strbuf_release(&sb);
	return rc;
}

void
device_license_release(struct device_license *l)
{
	license_reset(l);
}

void
device_license_running_of(const struct device *dev,
    const struct lic_keyinfo *info, struct lic_running *run)
{
	struct lic_inputs	 in;

	memset(&in, 0, sizeof in);
	in.cat = catalog(dev);
	in.p = dev->platform;
	in.version = dev->version;
	in.npe = dev->npe;
	in.perm = info;
	in.no_essentials = dev->lic.no_essentials;
	lic_running_compute(&in, run);
}

int
device_license_set_permanent(struct device *dev, const struct lic_key *key,
    const struct lic_keyinfo *info, bool running)
{
	struct device_license	*l = &dev->lic;
	struct device_license	 saved = *l;
	int			 err;

	l->has_flash = true;
	l->flash_key = *key;
	l->flash_info = *info;
	if (running) {
		l->has_running = true;
		l->running_key = *key;
		l->running_info = *info;
	}
	if (device_license_save(dev) == 0) {
		device_license_compute(dev);
		return 0;
	}
	/* Nothing on flash changed: put the old keys back in memory. */
	err = errno;
	l->has_flash = saved.has_flash;
	l->flash_key = saved.flash_key;
	l->flash_info = saved.flash_info;
	l->has_running = saved.has_running;
	l->running_key = saved.running_key;
	l->running_info = saved.running_info;
	errno = err;
	return -1;
}

uint32_t
device_license_value(const struct device *dev, const char *id)
{
	size_t	 f = lic_catalog_find(catalog(dev), id);

	return f == (size_t)-1 ? 0 : device_license_in_force(dev)->v[f].value;
}

/*
 * Whether replacing the running permanent key by info needs a reload:
 * the catalogue's reload rules (Table 5-19 for 9.x, the 8.4 guide's Table
 * 3-18 before) over the licenses the two keys give on their own.
 */
bool
device_license_needs_reload(const struct device *dev,
    const struct lic_keyinfo *info)
{
	const struct device_license *l = &dev->lic;
	struct lic_running	 old, new;

	device_license_running_of(dev, l->has_running ? &l->running_info : NULL,
	    &old);
	device_license_running_of(dev, info, &new);
	return lic_reload_needed(catalog(dev), dev->platform, dev->version,
	    &old, &new);
}
