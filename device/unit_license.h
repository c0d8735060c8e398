/* SPDX-License-Identifier: MIT */
/*
 * A unit's share of a combined license's time (failover pairs and ASA
 * clusters alike): its enabled/disabled time-based keys wait while the
 * units ahead of it in the countdown order have time of them, and what
 * waited while a unit was lost is charged after all when the 30 days
 * pass (licensing/lic_units.c has the arithmetic).
 */
#ifndef ASA_DEVICE_UNIT_LICENSE_H
#define ASA_DEVICE_UNIT_LICENSE_H

#include <stddef.h>
#include <stdint.h>

#include "device/device.h"

/* Seconds a key waited; the caller keeps them (or not). */
typedef void unit_held_fn(void *arg, const struct lic_key *, uint64_t secs);

/*
 * Hold dev's active enabled/disabled time-based keys while the units
 * ahead of it (ahead[0..n), in countdown order, each having said its
 * license at device time at[j]) have time of every feature the key
 * grants (lic_units_cover at the key's counted_at): "The primary/master
 * unit counts down its license first, and when it expires, the
 * secondary/slave unit(s) start counting down its license, and so on".
 * Each key's seconds held go to held (NULL: to nobody).
 */
void	 unit_license_hold(struct device *,
	    const struct lic_running *const *ahead, const int64_t *at,
	    size_t n, unit_held_fn *held, void *arg);

/* Time one of the unit's keys waited while a unit was lost. */
struct unit_held {
	struct lic_key	 key;
	uint64_t	 secs;
};

/* Add secs to key's entry of held[0..*n) (a new one while under cap). */
void	 unit_held_add(struct unit_held *, size_t *n, size_t cap,
	    const struct lic_key *, uint64_t secs);
/*
 * "If you do not restore communication during the 30-day period, then
 * for time-based licenses, time is subtracted from all unit licenses":
 * charge dev's keys what they waited (lic_units_unhold), forget it and
 * recompute the running license.
 */
void	 unit_held_charge(struct device *, struct unit_held *, size_t *n);

#endif
