/* SPDX-License-Identifier: MIT */
/*
 * Master election (lic_cluster.h). The 9.x configuration guide's "Master
 * Unit Election": units "communicate over the cluster control link to
 * elect a master unit"; "The master unit is determined by the priority
 * setting in the bootstrap configuration"; "If a new unit with a higher
 * priority joins the cluster, it does not automatically become the
 * master" [M: from memory of the guide]. A tie the guide breaks by unit
 * name or serial number is broken here by the unit name, then arrival,
 * so that every unit reaches the same answer from the same hellos.
 */
#include "licensing/lic_cluster.h"

#include <string.h>

static unsigned
prio(const struct lic_cluster_unit *u)
{
	return u->priority == 0 ? LIC_CLUSTER_PRIO_DEFAULT : u->priority;
}

/* Whether a is a better master than b. */
static bool
better(const struct lic_cluster_unit *a, const struct lic_cluster_unit *b)
{
	int	 c;

	if (prio(a) != prio(b))
		return prio(a) < prio(b);
	c = strcmp(a->name, b->name);
	if (c != 0)
		return c < 0;
	return a->arrival < b->arrival;
}

size_t
lic_cluster_elect(const struct lic_cluster_unit *units, size_t n)
{
	size_t	 best = (size_t)-1;
	bool	 any_master = false;

	for (size_t i = 0; i < n; i++)
		any_master |= units[i].master;
	for (size_t i = 0; i < n; i++) {
		if (any_master && !units[i].master)
			continue;
		if (best == (size_t)-1 || better(&units[i], &units[best]))
			best = i;
	}
	return best;
}

unsigned
lic_cluster_next_id(const bool used[LIC_CLUSTER_IDS])
{
	unsigned id = 0;

	while (id < LIC_CLUSTER_IDS && used[id])
		id++;
	return id;
}
