/* SPDX-License-Identifier: MIT */
/*
 * A unit's share of a combined license's time (unit_license.h): the
 * failover pair's secondary and a cluster's slaves hold their keys the
 * same way, so the hold is written once, for any number of units ahead.
 */
#include "device/unit_license.h"

#include <string.h>

#include "licensing/lic_units.h"

void
unit_license_hold(struct device *dev, const struct lic_running *const *ahead,
    const int64_t *at, size_t n, unit_held_fn *held, void *arg)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	int64_t		 now = (int64_t)device_now(dev).tv_sec;

	for (size_t i = 0; i < dev->lic.ntimed; i++) {
		struct lic_timed *t = &dev->lic.timed[i];
		uint64_t	 cover = UINT64_MAX, secs;

		if (!t->active || !lic_units_serial_key(cat, t))
			continue;
		/* What is ahead when the span to charge begins. */
		for (size_t g = 0; g < t->info.ngrants; g++) {
			uint64_t l = lic_units_cover(ahead, at, n,
			    t->info.grants[g].feature, t->counted_at);

			if (l < cover)
				cover = l;
		}
		secs = lic_units_hold(t, now, cover);
		if (secs > 0 && held != NULL)
			held(arg, &t->key, secs);
	}
}

void
unit_held_add(struct unit_held *held, size_t *n, size_t cap,
    const struct lic_key *key, uint64_t secs)
{
	for (size_t h = 0; h < *n; h++) {
		if (memcmp(&held[h].key, key, sizeof *key) == 0) {
			held[h].secs += secs;
			return;
		}
	}
	if (*n < cap)
		held[(*n)++] = (struct unit_held){ .key = *key, .secs = secs };
}

void
unit_held_charge(struct device *dev, struct unit_held *held, size_t *n)
{
	struct device_license	*l = &dev->lic;

	for (size_t h = 0; h < *n; h++)
		for (size_t i = 0; i < l->ntimed; i++)
			if (memcmp(&l->timed[i].key, &held[h].key,
			    sizeof held[h].key) == 0)
				lic_units_unhold(&l->timed[i], held[h].secs);
	*n = 0;
	device_license_compute(dev);
}
