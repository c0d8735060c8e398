/* SPDX-License-Identifier: MIT */
/*
 * The failover cluster license of a pair: the units' own licenses
 * combined (licensing/lic_units.c) while they talk and for 30 days after,
 * the license in force for every limit, and the secondary's time-based
 * keys held while the primary's run (the chapter's "How Failover or ASA
 * Cluster Licenses Combine").
 */
#include "device/failover.h"
#include "device/cluster.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "device/failover_int.h"
#include "device/shared.h"
#include "device/unit_license.h"
#include "util/util.h"

/* Whether the unit runs the failover cluster license. */
static bool
combined_holds(const struct device *dev)
{
	const struct failover *fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED ||
	    !fo->mate.has_run || fo->refused != LIC_UNITS_OK ||
	    !lic_units_combines(dev->version, fo->mate.version))
		return false;
	return !fo->apart || (uint64_t)(fo_now(dev) - fo->apart_since) <=
	    LIC_UNITS_GRACE;
}

bool
device_failover_license(const struct device *dev, struct lic_running *out)
{
	const struct failover *fo = dev->fo;
	const struct lic_running *units[2];
	struct lic_running mate;
	int64_t		 age;

	if (!combined_holds(dev))
		return false;
	mate = fo->mate.run;
	age = fo_now(dev) - fo->mate.run_at;
	/* The mate's time-based licenses went on counting since it said. */
	for (size_t f = 0; f < mate.nfeatures && age > 0; f++) {
		struct lic_value *v = &mate.v[f];

		if (!v->timed)
			continue;
		if ((int64_t)v->seconds_left > age)
			v->seconds_left -= (uint32_t)age;
		else
			*v = (struct lic_value){ 0 };
	}
	units[fo->cfg.secondary ? 1 : 0] = &dev->lic.run;
	units[fo->cfg.secondary ? 0 : 1] = &mate;
	lic_units_combine(model_db_catalog(dev->db), dev->platform,
	    dev->version, units, 2, fo->cfg.secondary ? 1 : 0, out);
	return true;
}

static void
held_add(void *arg, const struct lic_key *key, uint64_t secs)
{
	struct failover	*fo = arg;

	unit_held_add(fo->held, &fo->nheld, FO_HELD_MAX, key, secs);
}

/* The secondary's keys wait for the primary's (unit_license.c). */
void
failover_license_hold(struct device *dev)
{
	struct failover	*fo = dev->fo;
	const struct lic_running *ahead;

	if (fo == NULL || !fo->cfg.secondary || !combined_holds(dev))
		return;
	ahead = &fo->mate.run;
	unit_license_hold(dev, &ahead, &fo->mate.run_at, 1,
	    fo->apart ? held_add : NULL, fo);
}

const struct lic_running *
device_license_in_force(const struct device *dev)
{
	struct failover	*fo = dev->fo;

	/*
	 * "for Active/Standby failover, the secondary unit inherits the
	 * primary license when it becomes active": the combined license
	 * outlives the mate (for the 30-day grace), so a unit that takes
	 * over keeps enforcing it.
	 */
	if (fo != NULL && device_failover_license(dev, &fo->combined))
		return &fo->combined;
	/* A cluster member runs the cluster license (cluster.c). */
	if (dev->cl != NULL && device_cluster_license(dev, &dev->cl->combined))
		return &dev->cl->combined;
	return &dev->lic.run;
}

uint32_t
device_iface_addr(const struct device *dev, const struct iface *f)
{
	const struct failover *fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || !fo_state_standby(fo->state))
		return f->ip;
	return f->has_standby ? f->standby : 0;
}
