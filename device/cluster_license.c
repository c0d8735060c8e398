/* SPDX-License-Identifier: MIT */
/*
 * The cluster license over time: the members' own licenses combined
 * (licensing/lic_units.c) in the chapter's countdown order, a lost
 * member's kept for the 30-day grace, and this unit's time-based keys
 * waiting while the units ahead of it have time of them ("How Failover
 * or ASA Cluster Licenses Combine", "Loss of Communication Between
 * Failover or ASA Cluster Units").
 *
 * The order is the master first, then the slaves by unit id: the chapter
 * names no order among slaves, and the id is the one thing every unit
 * agrees on. A master lost goes before the new one, as "the time elapsed
 * is subtracted from the primary/master license" while it is away; a
 * slave lost keeps its place. What this unit's keys waited while a lost
 * unit ahead of it had time is kept; when every lost unit is back within
 * 30 days it is forgotten (the lost unit's own clock charged it), when
 * one is not, all of it is charged, as "time is subtracted from all unit
 * licenses" and "The time elapsed includes the 30-day grace period".
 */
#include "device/cluster.h"

#include <stdio.h>
#include <string.h>

#include "licensing/lic_units.h"

enum cl_rank {
	RANK_LOST_MASTER,
	RANK_MASTER,
	RANK_SLAVE,
};

/* One unit of the cluster license, in countdown order. */
struct cl_unit {
	const struct lic_running *run;
	int64_t		 at;		/* device time it said its license */
	enum cl_rank	 rank;
	unsigned	 id;		/* LIC_CLUSTER_IDS: none yet */
	bool		 self;
	bool		 gone;
};

static int64_t
now_secs(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

static bool
member_of(const struct cluster *cl)
{
	return cl != NULL && cl->cfg.enabled && (cl->state == CL_ST_MASTER ||
	    cl->state == CL_ST_SLAVE);
}

/* Whether a lost unit still counts (within its 30 days). */
static bool
live_gone(const struct cluster *cl)
{
	for (size_t i = 0; i < cl->ngone; i++)
		if (!cl->gone[i].expired)
			return true;
	return false;
}

/*
 * Whether this unit runs a cluster license: a member, or a unit cut off
 * while a unit it lost is within its 30 days ("During the 30-day grace
 * period, the combined running license continues to be used by all
 * units": the chapter makes no exception of the unit whose own link
 * failed).
 */
static bool
counting(const struct cluster *cl)
{
	return member_of(cl) || (cl != NULL && cl->cfg.enabled && cl->cut &&
	    live_gone(cl));
}

/* Whether m counts in the cluster license: a member with its license. */
static bool
counts(const struct cl_member *m)
{
	return m->known && m->has_run && (m->state == CL_ST_MASTER ||
	    m->state == CL_ST_SLAVE);
}

/* Insert x into u[0..*n): by rank, then unit id, then as they came. */
static void
order_add(struct cl_unit *u, size_t *n, const struct cl_unit *x)
{
	size_t	 i = *n;

	if (*n == LIC_UNITS_MAX)
		return;
	while (i > 0 && (u[i - 1].rank > x->rank || (u[i - 1].rank ==
	    x->rank && u[i - 1].id > x->id))) {
		u[i] = u[i - 1];
		i--;
	}
	u[i] = *x;
	(*n)++;
}

/* Whether the lost unit g counts again as a member. */
static bool
member_back(const struct cluster *cl, const struct cl_gone *g)
{
	for (size_t i = 0; i < cl->nmembers; i++)
		if (counts(&cl->members[i]) &&
		    strcmp(cl->members[i].serial, g->serial) == 0)
			return true;
	return false;
}

/* The units of the cluster license in order; self's index in *self. */
static size_t
order(const struct device *dev, struct cl_unit *u, size_t *self)
{
	const struct cluster *cl = dev->cl;
	size_t		 n = 0;

	bool		 master = cl->cut ? cl->cut_master :
			    cl->state == CL_ST_MASTER;

	/* Self first, so that it is never the one left out; cut off, in
	   the place it had. */
	order_add(u, &n, &(struct cl_unit){ .run = &dev->lic.run,
	    .at = now_secs(dev), .rank = master ? RANK_MASTER : RANK_SLAVE,
	    .id = cl->cut ? cl->cut_id : cl->id, .self = true });
	for (size_t i = 0; i < cl->nmembers; i++) {
		const struct cl_member *m = &cl->members[i];

		if (counts(m))
			order_add(u, &n, &(struct cl_unit){ .run = &m->run,
			    .at = m->run_at, .rank = m->state ==
			    CL_ST_MASTER ? RANK_MASTER : RANK_SLAVE,
			    .id = m->id });
	}
	for (size_t i = 0; i < cl->ngone; i++) {
		const struct cl_gone *g = &cl->gone[i];

		/* Back, its first word not yet heard as a member's. */
		if (g->expired || member_back(cl, g))
			continue;
		order_add(u, &n, &(struct cl_unit){ .run = &g->run,
		    .at = g->run_at, .rank = g->master ? RANK_LOST_MASTER :
		    RANK_SLAVE, .id = g->id, .gone = true });
	}
	for (*self = 0; !u[*self].self; (*self)++)
		continue;
	return n;
}

bool
device_cluster_license(const struct device *dev, struct lic_running *out)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	struct cl_unit	 u[LIC_UNITS_MAX];
	struct lic_running aged[LIC_UNITS_MAX];
	const struct lic_running *runs[LIC_UNITS_MAX];
	int64_t		 at[LIC_UNITS_MAX];
	size_t		 n, self;

	if (!counting(dev->cl))
		return false;
	if ((n = order(dev, u, &self)) == 1)
		return false;
	for (size_t i = 0; i < n; i++) {
		runs[i] = u[i].run;
		at[i] = u[i].at;
	}
	/* Each said its license a while ago, a lost one long ago. */
	lic_units_age(cat, runs, at, n, now_secs(dev), aged);
	for (size_t i = 0; i < n; i++)
		runs[i] = &aged[i];
	lic_units_combine(cat, dev->platform, dev->version, runs, n, self,
	    out);
	return true;
}

static void
held_add(void *arg, const struct lic_key *key, uint64_t secs)
{
	struct cluster	*cl = arg;

	unit_held_add(cl->held, &cl->nheld, CL_HELD_MAX, key, secs);
}

void
cluster_license_hold(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct cl_unit	 u[LIC_UNITS_MAX];
	const struct lic_running *runs[LIC_UNITS_MAX];
	int64_t		 at[LIC_UNITS_MAX];
	size_t		 self;
	bool		 lost_ahead = false;

	if (!counting(cl))
		return;
	(void)order(dev, u, &self);
	for (size_t i = 0; i < self; i++) {
		runs[i] = u[i].run;
		at[i] = u[i].at;
		lost_ahead |= u[i].gone;
	}
	unit_license_hold(dev, runs, at, self, lost_ahead ? held_add : NULL,
	    cl);
}

static struct cl_gone *
gone_find(struct cluster *cl, const char *serial)
{
	for (size_t i = 0; i < cl->ngone; i++)
		if (strcmp(cl->gone[i].serial, serial) == 0)
			return &cl->gone[i];
	return NULL;
}

static void
gone_remove(struct cluster *cl, struct cl_gone *g)
{
	*g = cl->gone[--cl->ngone];
}

/* Room for one more lost unit: a new slot, or an expired one's. */
static struct cl_gone *
gone_slot(struct cluster *cl)
{
	if (cl->ngone < CL_MEMBERS_MAX)
		return &cl->gone[cl->ngone++];
	for (size_t i = 0; i < cl->ngone; i++)
		if (cl->gone[i].expired)
			return &cl->gone[i];
	return NULL;
}

void
cl_license_lost(struct device *dev, const struct cl_member *m)
{
	struct cluster	*cl = dev->cl;
	struct cl_gone	*g;

	if (!counting(cl) || !counts(m))
		return;
	/* The time up to now waited with the unit still there. */
	cluster_license_hold(dev);
	if ((g = gone_find(cl, m->serial)) == NULL &&
	    (g = gone_slot(cl)) == NULL)
		return;
	memset(g, 0, sizeof *g);
	snprintf(g->serial, sizeof g->serial, "%s", m->serial);
	snprintf(g->name, sizeof g->name, "%s", m->name);
	g->id = m->id;
	g->master = m->state == CL_ST_MASTER;
	g->run = m->run;
	g->run_at = m->run_at;
	g->lost_at = now_secs(dev);
}

void
cl_license_back(struct device *dev, const struct cl_member *m)
{
	struct cluster	*cl = dev->cl;
	struct cl_gone	*g;
	int64_t		 away;
	char		 name[CL_UNIT_MAX + 1];

	if (cl->ngone == 0 || !counts(m) ||
	    (g = gone_find(cl, m->serial)) == NULL)
		return;
	if (!g->expired)
		cluster_license_hold(dev);
	away = now_secs(dev) - g->lost_at;
	snprintf(name, sizeof name, "%s", m->name);
	gone_remove(cl, g);
	/* "If you restore communication during the 30-day grace period,
	   then for time-based licenses, the time elapsed is subtracted from
	   the primary/master license": what this unit's keys waited stays
	   unused. */
	if (!live_gone(cl))
		cl->nheld = 0;
	cl_emit(dev, &(struct cl_event){ .kind = CL_EV_RESTORED,
	    .unit = name, .days = away > 0 ? (unsigned)(away / 86400) : 0 });
}

void
cl_license_grace(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	int64_t		 now = now_secs(dev);
	bool		 held = false;

	if (cl == NULL || !counting(cl))
		return;
	for (size_t i = 0; i < cl->ngone; i++) {
		struct cl_gone *g = &cl->gone[i];

		if (g->expired || now < g->lost_at ||
		    lic_units_in_grace((uint64_t)(now - g->lost_at)))
			continue;
		/* What waited up to now, with the lost unit still ahead. */
		if (!held)
			cluster_license_hold(dev);
		held = true;
		g->expired = true;
		if (!cl->cut)
			cl_emit(dev, &(struct cl_event){ .kind =
			    CL_EV_GRACE_OVER, .unit = g->name });
	}
	if (!held)
		return;
	unit_held_charge(dev, cl->held, &cl->nheld);
	if (cl->cut && !live_gone(cl))
		cl_emit(dev, &(struct cl_event){ .kind = CL_EV_GRACE_LOCAL });
}

void
cl_license_cut(struct device *dev)
{
	struct cluster	*cl = dev->cl;

	if (!member_of(cl))
		return;
	for (size_t i = 0; i < cl->nmembers; i++)
		if (cl->members[i].known)
			cl_license_lost(dev, &cl->members[i]);
	cl->cut = true;
	cl->cut_master = cl->state == CL_ST_MASTER;
	cl->cut_id = cl->id;
}
