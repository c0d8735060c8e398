/* SPDX-License-Identifier: MIT */
/*
 * The device's key store: the running and flash permanent keys, the
 * installed time-based keys, and the hidden flash file that keeps them
 * (never part of the configuration). The running license is recomputed
 * by the pure engine whenever a key changes.
 *
 * The store, flash/.private/activation-keys, is text, one record a line:
 *   asaemu-keys 2
 *   serial JMX1234L0AB
 *   permanent 0x........ 0x........ 0x........ 0x........ 0x........
 *   timed 0x........ ... active=1 used=SECONDS activated=DEVICE-TIME
 *       stacked=SECONDS counted=DEVICE-TIME anchor=DEVICE-TIME
 *       installed=DEVICE-TIME
 *   stacked 0x........ ... onto 0x........ ...
 *   earlier 0x........ ... entered=8.1(2)
 *   mac 64-HEX-DIGITS
 * and "entered=RELEASE" after the permanent key's words: the release it
 * was entered under (a store written before this was kept has none: the
 * release is unknown, which no downgrade rule counts as earlier). The
 * earlier line is the most recent permanent key entered under a release
 * before 8.2 that a later key replaced: "If you previously entered an
 * activation key in an earlier version, then the ASA uses that key"
 * (Upgrade and Downgrade Guidelines; device_license_downgrade).
 * The last line is lic_store_mac over every byte before it, keyed by the
 * serial number and platform (licensing/KEYS.md, "The key store"): an
 * edited timer, a cut, a NUL byte or a store of format 1 (no mac, as
 * asaemu wrote before; it cannot be authenticated) is a damaged store.
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
#define STORE_MAGIC	"asaemu-keys 2"
#define STORE_MAC	"mac "
#define STORE_MAC_LINE	(sizeof STORE_MAC - 1 + LIC_STORE_MAC_HEX)	/* with \n */
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

bool
device_license_readable(const struct device *dev,
    const struct lic_keyinfo *info)
{
	return lic_key_readable(catalog(dev), dev->platform, info,
	    dev->version);
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

/*
 * "WORDS[ entered=RELEASE]": a permanent key and the release it was
 * entered under (0 when not said; required says it must be).
 */
static int
parse_permanent(struct device *dev, const char *rest, bool required,
    struct lic_key *key, struct lic_keyinfo *info, uint32_t *entered)
{
	const char	*at = strstr(rest, " entered=");
	char		 words[64];
	size_t		 n = at != NULL ? (size_t)(at - rest) : strlen(rest);

	*entered = 0;
	if (n >= sizeof words || (at == NULL && required))
		return -1;
	memcpy(words, rest, n);
	words[n] = '\0';
	if (at != NULL && (lic_version_parse(at + 9, entered) != 0 ||
	    *entered == 0))
		return -1;
	if (lic_key_parse(words, key) != LIC_OK ||
	    device_license_decode(dev, key, info) != LIC_OK ||
	    info->type != LIC_KEY_PERMANENT)
		return -1;
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
		if (parse_permanent(dev, line + 10, false, &l->flash_key,
		    &l->flash_info, &l->flash_entered) != 0)
			return -1;
		l->has_flash = true;
		return 0;
	}
	if (strncmp(line, "earlier ", 8) == 0) {
		if (parse_permanent(dev, line + 8, true, &l->earlier_key,
		    &l->earlier_info, &l->earlier_entered) != 0)
			return -1;
		l->has_earlier = true;
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
	l->has_flash = l->has_running = l->has_earlier = false;
	l->flash_entered = l->earlier_entered = 0;
}

/*
 * 0 when text (len bytes) is a store of this device's, its mac line then
 * cut off (text ends before it); -1 when not.
 */
static int
store_verify(const struct device *dev, char *text, size_t len)
{
	char		 mac[LIC_STORE_MAC_HEX];
	const char	*got;
	size_t		 body;
	unsigned	 diff = 0;

	if (len < sizeof STORE_MAGIC + STORE_MAC_LINE ||
	    memcmp(text, STORE_MAGIC "\n", sizeof STORE_MAGIC) != 0 ||
	    memchr(text, '\0', len) != NULL || text[len - 1] != '\n')
		return -1;
	body = len - STORE_MAC_LINE;
	got = text + body;
	if (text[body - 1] != '\n' ||
	    memcmp(got, STORE_MAC, sizeof STORE_MAC - 1) != 0)
		return -1;
	lic_store_mac(dev->serial, dev->platform, text, body, mac);
	for (size_t i = 0; i + 1 < sizeof mac; i++)
		diff |= (unsigned)(mac[i] ^ got[sizeof STORE_MAC - 1 + i]);
	if (diff != 0)
		return -1;
	text[body] = '\0';
	return 0;
}

void
device_license_load(struct device *dev)
{
	struct device_license	*l = &dev->lic;
	size_t		 len = 0;
	char		*text = device_flash_read(dev, STORE_FILE, &len);
	char		*line, *next;

	license_reset(l);
	l->invalid = false;
	/* There but not readable (a FIFO, a link, a folder): damaged too. */
	if (text == NULL && errno != ENOENT)
		l->invalid = true;
	if (text != NULL && store_verify(dev, text, len) != 0)
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
	char		 words[64], ver[32], mac[LIC_STORE_MAC_HEX];
	int		 rc;

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s\nserial %s\n", STORE_MAGIC, dev->serial);
	if (l->has_flash) {
		strbuf_printf(&sb, "permanent %s", lic_key_format(
		    &l->flash_key, words, sizeof words));
		if (l->flash_entered != 0)
			strbuf_printf(&sb, " entered=%s", lic_version_format(
			    l->flash_entered, ver, sizeof ver));
		strbuf_puts(&sb, "\n");
	}
	if (l->has_earlier)
		strbuf_printf(&sb, "earlier %s entered=%s\n", lic_key_format(
		    &l->earlier_key, words, sizeof words), lic_version_format(
		    l->earlier_entered, ver, sizeof ver));
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
	lic_store_mac(dev->serial, dev->platform, sb.buf, sb.len, mac);
	strbuf_printf(&sb, STORE_MAC "%s\n", mac);
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

/* The first release whose keys an 8.1 or earlier release cannot read. */
#define KEYS_82		LIC_VERSION(8, 2, 0, 0)

int
device_license_set_permanent(struct device *dev, const struct lic_key *key,
    const struct lic_keyinfo *info, bool running)
{
	struct device_license	*l = &dev->lic;
	struct device_license	 saved = *l;
	struct lic_timed	*timed = NULL;
	int64_t			 now = (int64_t)device_now(dev).tv_sec;
	int			 err;

	/* Keep the key an 8.1 or earlier release would go back to. */
	if (l->has_flash && l->flash_entered != 0 &&
	    l->flash_entered < KEYS_82 &&
	    memcmp(&l->flash_key, key, sizeof *key) != 0) {
		l->has_earlier = true;
		l->earlier_key = l->flash_key;
		l->earlier_info = l->flash_info;
		l->earlier_entered = l->flash_entered;
	}
	l->has_flash = true;
	l->flash_key = *key;
	l->flash_info = *info;
	l->flash_entered = dev->version;
	if (running) {
		l->has_running = true;
		l->running_key = *key;
		l->running_info = *info;
	}
	/* Before 8.3 the permanent key runs instead of a time-based one. */
	if (running && dev->version < LIC_VERSION(8, 3, 0, 0) &&
	    l->ntimed > 0) {
		timed = xreallocarray(NULL, l->ntimed, sizeof *timed);
		memcpy(timed, l->timed, l->ntimed * sizeof *timed);
		for (size_t i = 0; i < l->ntimed; i++) {
			if (l->timed[i].active)
				lic_timed_stop(&l->timed[i], now);
		}
	}
	if (device_license_save(dev) == 0) {
		free(timed);
		device_license_compute(dev);
		return 0;
	}
	/* Nothing on flash changed: put the old keys back in memory. */
	err = errno;
	if (timed != NULL)
		memcpy(l->timed, timed, l->ntimed * sizeof *timed);
	free(timed);
	saved.timed = l->timed;
	saved.stacked = l->stacked;
	*l = saved;
	errno = err;
	return -1;
}

int
device_license_downgrade(struct device *dev)
{
	struct device_license	*l = &dev->lic;

	if (dev->version >= KEYS_82 || !l->has_flash ||
	    lic_key_introduced(catalog(dev), dev->platform, &l->flash_info) <
	    KEYS_82)
		return 0;
	if (l->has_earlier) {
		l->has_running = true;
		l->running_key = l->earlier_key;
		l->running_info = l->earlier_info;
		device_license_compute(dev);
		return 1;
	}
	l->has_running = false;
	device_license_compute(dev);
	return 2;
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
