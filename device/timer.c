/* SPDX-License-Identifier: MIT */
/*
 * The device side of time-based keys: install, stack, activate and
 * deactivate them, count them down on device time (device_license_tick),
 * follow a clock set (device_license_clock_set) and apply the checks at
 * a reload (device_license_boot). Nothing here prints: what the console
 * shows comes back as device events, which commands/timed.c words.
 */
#include "device/device.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "device/cluster.h"
#include "device/device_int.h"
#include "device/failover.h"
#include "util/util.h"

/*
 * DOC: time-based keys on the device (chapter "Time-Based Licenses"; the
 * engine's side is at the top of licensing/lic_running.c).
 *
 * - activation-key KEY installs a time-based or evaluation key and
 *   activates it ("If you enter a new time-based key, then it is active by
 *   default"). Another key whose license is identical to an installed one
 *   (another purchase: format 2 keys carry a purchase number, KEYS.md)
 *   stacks from 8.3 on ("Stackable time-based licenses", Table 5-20):
 *   "the duration equals the combined duration", the installed key is
 *   activated and the new key's words are kept (device_stacked), so it
 *   cannot stack twice. A key entered again is not a new license: refused
 *   while it is installed and active, activated while it is inactive, and
 *   expired stays expired (with or without activate).
 * - activation-key KEY activate|deactivate switches an installed key
 *   without stacking (activate also installs a new key). The last key
 *   activated for a feature is the active one; an active evaluation key
 *   blocks a time-based key for one of its features. Before 8.3 only one
 *   time-based key is active at all ("Version 8.3 introduced more robust
 *   time-based key usage": "only the most recently activated time-based
 *   key can be active"), which also holds at a boot into 8.2.
 * - Before each command (and after emulator advance-time) the active keys
 *   count down to device time; a key that ran out is replaced by another
 *   installed key of its feature, else by the permanent license, and the
 *   device reports it (DEVICE_EV_KEY_EXPIRED: the syslog messages of
 *   reference 1.4, %ASA-2-444007, or %ASA-2-444004 before 8.3 when the
 *   permanent key takes over), and DEVICE_EV_KEY_WARNING (%ASA-4-444005)
 *   at most every 24 hours of device time.
 * - clock set does not count: it moves the clock, not the timer; a reload
 *   then compares the clock with the key's installation time (chapter's
 *   note), see lic_timed_reload.
 * - Used-up keys stay in the store (an identical key stacks on them) but
 *   are no longer listed.
 */

/* The time used by time-based keys reaches flash this often (seconds). */
#define DEVICE_SAVE_SECS 60

static int64_t
now_secs(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

static bool
before_83(const struct device *dev)
{
	return dev->version < LIC_VERSION(8, 3, 0, 0);
}

void
device_events_init(struct device_events *evs)
{
	evs->v = NULL;
	evs->n = 0;
}

void
device_events_release(struct device_events *evs)
{
	for (size_t i = 0; i < evs->n; i++)
		free(evs->v[i].exp);
	free(evs->v);
	device_events_init(evs);
}

static struct device_event *
events_add(struct device_events *evs, enum device_event_kind kind)
{
	struct device_event	*e;

	evs->v = xreallocarray(evs->v, evs->n + 1, sizeof *evs->v);
	e = &evs->v[evs->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	return e;
}

static size_t
find_key(const struct device_license *l, const struct lic_key *key)
{
	for (size_t i = 0; i < l->ntimed; i++) {
		if (memcmp(&l->timed[i].key, key, sizeof *key) == 0)
			return i;
	}
	return LIC_NO_KEY;
}

/* The installed key that key was stacked onto, or LIC_NO_KEY. */
static size_t
find_stacked(const struct device_license *l, const struct lic_key *key)
{
	for (size_t i = 0; i < l->nstacked; i++) {
		if (memcmp(&l->stacked[i].key, key, sizeof *key) == 0)
			return find_key(l, &l->stacked[i].onto);
	}
	return LIC_NO_KEY;
}

static void
add_stacked(struct device_license *l, const struct lic_key *key, size_t onto)
{
	l->stacked = xreallocarray(l->stacked, l->nstacked + 1,
	    sizeof *l->stacked);
	l->stacked[l->nstacked].key = *key;
	l->stacked[l->nstacked++].onto = l->timed[onto].key;
}

/* An installed key with the same license (other words): it stacks. */
static size_t
find_identical(const struct device_license *l, const struct lic_keyinfo *info)
{
	for (size_t i = 0; i < l->ntimed; i++) {
		if (lic_timed_identical(&l->timed[i].info, info))
			return i;
	}
	return LIC_NO_KEY;
}

static size_t
install(struct device_license *l, const struct lic_key *key,
    const struct lic_keyinfo *info)
{
	struct lic_timed	*t;

	l->timed = xreallocarray(l->timed, l->ntimed + 1, sizeof *l->timed);
	t = &l->timed[l->ntimed];
	memset(t, 0, sizeof *t);
	t->key = *key;
	t->info = *info;
	return l->ntimed++;
}

/* Put the keys back as they were before the command. */
static void
restore(struct device_license *l, struct lic_timed *saved, size_t nsaved)
{
	free(l->timed);
	l->timed = saved;
	l->ntimed = nsaved;
}

static enum device_timed_err
finish(struct device *dev, struct lic_timed *saved, size_t nsaved,
    size_t i, uint64_t *remaining)
{
	struct device_license	*l = &dev->lic;

	if (device_license_save(dev) != 0) {
		int err = errno;

		restore(l, saved, nsaved);
		device_license_compute(dev);
		errno = err;
		return DEVICE_TIMED_STORE_FAILED;
	}
	free(saved);
	device_license_compute(dev);
	*remaining = lic_timed_remaining(&l->timed[i], now_secs(dev));
	return DEVICE_TIMED_OK;
}

static enum device_timed_err
activate(struct device *dev, struct lic_timed *saved, size_t nsaved,
    size_t i, uint64_t *remaining)
{
	struct device_license	*l = &dev->lic;
	enum device_timed_err	 err;

	switch (lic_timed_activate(l->timed, l->ntimed, i, now_secs(dev),
	    before_83(dev))) {
	case LIC_ACT_OK:
		return finish(dev, saved, nsaved, i, remaining);
	case LIC_ACT_EXPIRED:
		err = DEVICE_TIMED_EXPIRED;
		break;
	case LIC_ACT_EVALUATION:
	default:
		err = DEVICE_TIMED_EVALUATION;
		break;
	}
	restore(l, saved, nsaved);
	device_license_compute(dev);
	return err;
}

enum device_timed_err
device_license_timed(struct device *dev, enum device_timed_op op,
    const struct lic_key *key, const struct lic_keyinfo *info,
    uint64_t *remaining)
{
	struct device_license	*l = &dev->lic;
	struct lic_timed	*saved;
	size_t			 nsaved = l->ntimed, i;
	int64_t			 now = now_secs(dev);
	enum device_timed_err	 err;

	saved = xreallocarray(NULL, nsaved + 1, sizeof *saved);
	if (nsaved > 0)
		memcpy(saved, l->timed, nsaved * sizeof *saved);
	i = find_key(l, key);
	if (i == LIC_NO_KEY)
		i = find_stacked(l, key);
	if (op == DEVICE_TIMED_DEACTIVATE) {
		if (i == LIC_NO_KEY) {
			free(saved);
			return DEVICE_TIMED_NOT_INSTALLED;
		}
		lic_timed_stop(&l->timed[i], now);
		return finish(dev, saved, nsaved, i, remaining);
	}
	if (op == DEVICE_TIMED_ACTIVATE) {
		if (i == LIC_NO_KEY)
			i = install(l, key, info);
		return activate(dev, saved, nsaved, i, remaining);
	}
	if (i != LIC_NO_KEY) {
		/* Entered again: the same license, not another one. */
		if (l->timed[i].active &&
		    lic_timed_remaining(&l->timed[i], now) > 0) {
			free(saved);
			return DEVICE_TIMED_ALREADY;
		}
		return activate(dev, saved, nsaved, i, remaining);
	}
	if (!before_83(dev))
		i = find_identical(l, info);
	if (i == LIC_NO_KEY)
		return activate(dev, saved, nsaved, install(l, key, info),
		    remaining);
	if (!lic_timed_stack(&l->timed[i], info->duration, now)) {
		restore(l, saved, nsaved);
		return DEVICE_TIMED_NOT_STACKED;
	}
	add_stacked(l, key, i);
	err = activate(dev, saved, nsaved, i, remaining);
	if (err != DEVICE_TIMED_OK)
		l->nstacked--;
	return err;
}

/* One event for the records of one expired key, ev[0..n). */
static void
report_expiry(struct device_events *evs, const struct device_license *l,
    const struct lic_expiry *ev, size_t n)
{
	struct device_event	*e = events_add(evs, DEVICE_EV_KEY_EXPIRED);

	e->key = l->timed[ev[0].expired].key;
	e->exp = xreallocarray(NULL, n, sizeof *e->exp);
	memcpy(e->exp, ev, n * sizeof *e->exp);
	e->nexp = n;
}

/* Count down, replace and report; true when a key ran out. */
static bool
tick(struct device *dev, int64_t now, struct device_events *evs)
{
	struct device_license	*l = &dev->lic;
	struct lic_expiry	*ev;
	size_t			 cap = l->ntimed * LIC_KEY_MAX_TIMED, n, run;

	ev = xreallocarray(NULL, cap, sizeof *ev);
	n = lic_timed_tick(l->timed, l->ntimed, now, ev, cap);
	if (n > cap)
		n = cap;
	for (size_t i = 0; i < n; i += run) {
		for (run = 1; i + run < n &&
		    ev[i + run].expired == ev[i].expired; run++)
			;
		report_expiry(evs, l, &ev[i], run);
	}
	free(ev);
	for (size_t i = 0; i < l->ntimed; i++) {
		struct lic_timed	*t = &l->timed[i];
		struct device_event	*e;

		if (!lic_timed_warn(t, now))
			continue;
		e = events_add(evs, DEVICE_EV_KEY_WARNING);
		e->key = t->key;
		e->remaining = lic_timed_remaining(t, now);
	}
	return n > 0;
}

static void
save_or_report(struct device *dev, struct device_events *evs)
{
	if (device_license_save(dev) != 0)
		events_add(evs, DEVICE_EV_STORE_FAILED)->err = errno;
	else
		dev->lic.saved_at = now_secs(dev);
}

/* Whether a time-based key is counting down. */
static bool
any_active(const struct device_license *l)
{
	for (size_t i = 0; i < l->ntimed; i++)
		if (l->timed[i].active)
			return true;
	return false;
}

void
device_license_tick(struct device *dev, struct device_events *evs)
{
	int64_t	 now;

	/* A cluster unit cut off polls nothing: its lost units' 30 days
	   run out here (permanent features too, hence before the keys). */
	cl_license_grace(dev);
	if (dev->lic.ntimed == 0)
		return;		/* every command asks: no clock read for it */
	now = now_secs(dev);
	failover_license_hold(dev);
	cluster_license_hold(dev);
	/*
	 * The time used reaches flash at an expiry and at least once a
	 * device minute while a key counts down, so a device that loses
	 * power loses at most a minute of it.
	 */
	if (tick(dev, now, evs) || (any_active(&dev->lic) &&
	    (now - dev->lic.saved_at >= DEVICE_SAVE_SECS ||
	    now < dev->lic.saved_at)))
		save_or_report(dev, evs);
	device_license_compute(dev);
}

void
device_license_shutdown(struct device *dev)
{
	struct device_license	*l = &dev->lic;
	int64_t			 now = now_secs(dev);

	if (l->ntimed == 0 || l->invalid)
		return;
	/*
	 * The time used reaches flash at exit too. A key that would run out
	 * by now is left to the next boot, which says it expired.
	 */
	failover_license_hold(dev);
	cluster_license_hold(dev);
	for (size_t i = 0; i < l->ntimed; i++) {
		if (l->timed[i].active &&
		    lic_timed_remaining(&l->timed[i], now) > 0)
			lic_timed_advance(&l->timed[i], now);
	}
	(void)device_license_save(dev);
}

void
device_license_clock_set(struct device *dev, int64_t old, int64_t now)
{
	struct device_license	*l = &dev->lic;

	if (l->ntimed == 0)
		return;
	for (size_t i = 0; i < l->ntimed; i++)
		lic_timed_rebase(&l->timed[i], old, now);
	/* Best effort: a reload recounts from the anchors anyway. */
	(void)device_license_save(dev);
	device_license_compute(dev);
}

/* Boot into 8.2: only the most recently activated key stays active. */
static void
boot_only_one(struct device_license *l, int64_t now)
{
	size_t	 last = LIC_NO_KEY;

	for (size_t i = 0; i < l->ntimed; i++) {
		if (l->timed[i].active && (last == LIC_NO_KEY ||
		    l->timed[i].activated_at >= l->timed[last].activated_at))
			last = i;
	}
	for (size_t i = 0; i < l->ntimed; i++) {
		if (i != last && l->timed[i].active)
			lic_timed_stop(&l->timed[i], now);
	}
}

void
device_license_boot(struct device *dev, struct device_events *evs)
{
	struct device_license	*l = &dev->lic;
	int64_t		 now = now_secs(dev);

	device_license_load(dev);
	if (l->invalid) {
		events_add(evs, DEVICE_EV_STORE_INVALID);
		return;
	}
	switch (device_license_downgrade(dev)) {
	case 1:
		events_add(evs, DEVICE_EV_KEY_INCOMPATIBLE)->earlier = true;
		break;
	case 2:
		events_add(evs, DEVICE_EV_KEY_INCOMPATIBLE);
		break;
	}
	if (l->ntimed == 0)
		return;
	for (size_t i = 0; i < l->ntimed; i++)
		lic_timed_reload(&l->timed[i], now);
	if (before_83(dev))
		boot_only_one(l, now);
	tick(dev, now, evs);
	save_or_report(dev, evs);
	device_license_compute(dev);
}
