/* SPDX-License-Identifier: MIT */
/*
 * Active/Active failover (multiple context mode): the contexts are split
 * into failover group 1 and 2 (join-failover-group; the admin context
 * and any other default to group 1), and each group is active on one
 * unit, standby on the other. The configuration guide's rules [D]:
 * - "Assigning a primary or secondary priority to a failover group
 *   specifies which unit the failover group becomes active on when both
 *   units boot simultaneously"; a unit alone has both groups active, and
 *   the unit that comes later takes no group "unless manually forced
 *   over" (failover active group N) or the group has preempt, which
 *   waits DELAY seconds first.
 * - When a unit is lost its mate takes both groups.
 * Here the unit's own state machine (failover.c) still negotiates, loses
 * the mate and replicates the system configuration; the groups follow
 * it: every hello carries "GROUPS S1 S2 SECS1 SECS2", and each unit
 * settles its groups against the mate's. Of two units active for one
 * group (a stale hello or a link back) the one it is not preferred on
 * yields, unless a command made it active there within a holdtime.
 */
#include "device/failover.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "device/failover_int.h"
#include "util/util.h"

bool
device_failover_aa(const struct device *dev)
{
	const struct failover *fo = dev->fo;

	if (fo == NULL)
		return false;
	for (unsigned g = 0; g < FO_GROUPS; g++)
		if (fo->cfg.group[g].set)
			return true;
	return false;
}

uint64_t
device_failover_group_secs(const struct device *dev, unsigned g)
{
	const struct fo_group *gr = &dev->fo->grp[g];
	uint64_t	 secs = gr->active_secs;

	if (fo_state_active(gr->state))
		secs += (uint64_t)(device_now(dev).tv_sec -
		    gr->active_since.tv_sec);
	return secs;
}

/* Group g's role here becomes to, for why (show failover history). */
static void
group_set(struct device *dev, unsigned g, enum fo_state to,
    enum fo_reason why)
{
	struct fo_group	*gr = &dev->fo->grp[g];
	struct timespec	 now = device_now(dev);

	if (gr->state == to)
		return;
	/* The unit's own lines say when failover is turned on and off. */
	if (gr->state != FO_ST_DISABLED && to != FO_ST_DISABLED)
		fo_history_add(dev->fo, now, gr->state, to, why, g + 1);
	if (fo_state_active(gr->state))
		gr->active_secs += (uint64_t)(now.tv_sec -
		    gr->active_since.tv_sec);
	if (fo_state_active(to)) {
		gr->active_since = now;
		gr->has_last = true;
		gr->last_failover = now;
	}
	gr->state = to;
	gr->since_ms = event_now_ms();
}

/* The group preferred on this unit (its primary/secondary setting). */
static bool
preferred(const struct failover *fo, unsigned g)
{
	return fo->cfg.group[g].secondary == fo->cfg.secondary;
}

/* Paired: group g against the mate's view of it. */
static void
settle(struct device *dev, unsigned g)
{
	struct failover	*fo = dev->fo;
	const struct fo_group_cfg *c = &fo->cfg.group[g];
	struct fo_group	*gr = &fo->grp[g];
	bool		 mine = fo_state_active(gr->state);
	bool		 theirs = fo_state_active(fo->mate.grp[g]);
	bool		 pref = preferred(fo, g);
	uint64_t	 now = event_now_ms();
	char		 line[32];

	if (mine && theirs) {
		if (!pref && now - gr->claimed_ms > fo->cfg.hold_ms)
			group_set(dev, g, FO_ST_STANDBY_READY,
			    FO_WHY_ACTIVE_MATE);
	} else if (!mine && !theirs) {
		/* Neither has it: the preferred unit, once negotiated; not
		   one that gave it away within a holdtime (the mate's hello
		   may be older than its taking it). */
		if (gr->yielded_ms != 0 && now - gr->yielded_ms <= fo->cfg.hold_ms)
			return;
		if (pref && fo->state != FO_ST_NEGOTIATION)
			group_set(dev, g, FO_ST_ACTIVE, FO_WHY_NO_ACTIVE);
		else if (fo->state != FO_ST_NEGOTIATION)
			group_set(dev, g, FO_ST_STANDBY_READY, FO_WHY_NONE);
	} else if (!mine) {
		group_set(dev, g, FO_ST_STANDBY_READY, FO_WHY_ACTIVE_MATE);
		if (pref && c->preempt && now - gr->since_ms >=
		    (uint64_t)c->preempt_s * 1000) {
			group_set(dev, g, FO_ST_ACTIVE, FO_WHY_NONE);
			gr->claimed_ms = now;
			/* Told to, the mate is the group's standby now; its
			   next hello is a poll away. */
			fo->mate.grp[g] = FO_ST_STANDBY_READY;
			snprintf(line, sizeof line, "GROUPSTANDBY %u\n", g + 1);
			fo_net_send(dev, line, strlen(line));
		}
	}
}

void
fo_groups_update(struct device *dev)
{
	struct failover	*fo = dev->fo;
	bool		 paired = fo->mate.known && !fo->apart &&
			    fo->mate.aa && fo->refused == LIC_UNITS_OK;

	for (unsigned g = 0; g < FO_GROUPS; g++) {
		if (!fo->cfg.enabled || fo->state == FO_ST_DISABLED ||
		    !fo->cfg.group[g].set)
			group_set(dev, g, FO_ST_DISABLED, FO_WHY_DISABLED);
		else if (fo->state == FO_ST_NEGOTIATION && !paired)
			group_set(dev, g, FO_ST_NEGOTIATION, FO_WHY_NONE);
		else if (paired)
			settle(dev, g);
		else if (fo_state_active(fo->state))
			/* Alone, or the mate lost: this unit has both. */
			group_set(dev, g, FO_ST_ACTIVE, fo->apart ?
			    FO_WHY_HELLO : FO_WHY_NO_ACTIVE);
	}
}

void
fo_groups_hello(struct device *dev, struct strbuf *sb)
{
	struct failover	*fo = dev->fo;

	if (!device_failover_aa(dev))
		return;
	strbuf_printf(sb, "GROUPS %d %d %" PRIu64 " %" PRIu64 "\n",
	    (int)fo->grp[0].state, (int)fo->grp[1].state,
	    device_failover_group_secs(dev, 0),
	    device_failover_group_secs(dev, 1));
}

void
fo_groups_message(struct device *dev, const char *line)
{
	struct failover	*fo = dev->fo;
	int		 s1, s2;
	unsigned	 g;
	uint64_t	 a1, a2;

	if (sscanf(line, "GROUPS %d %d %" SCNu64 " %" SCNu64, &s1, &s2, &a1,
	    &a2) == 4) {
		if (s1 < 0 || s1 >= FO_ST_COUNT || s2 < 0 ||
		    s2 >= FO_ST_COUNT)
			return;
		fo->mate.aa = true;
		fo->mate.grp[0] = (enum fo_state)s1;
		fo->mate.grp[1] = (enum fo_state)s2;
		fo->mate.grp_secs[0] = a1;
		fo->mate.grp_secs[1] = a2;
	} else if (sscanf(line, "GROUPACTIVE %u", &g) == 1 && g >= 1 &&
	    g <= FO_GROUPS && device_failover_aa(dev)) {
		group_set(dev, g - 1, FO_ST_ACTIVE, FO_WHY_MATE_ACTIVE);
		fo->grp[g - 1].claimed_ms = event_now_ms();
		fo->mate.grp[g - 1] = FO_ST_STANDBY_READY;
	} else if (sscanf(line, "GROUPSTANDBY %u", &g) == 1 && g >= 1 &&
	    g <= FO_GROUPS && device_failover_aa(dev)) {
		group_set(dev, g - 1, FO_ST_STANDBY_READY,
		    FO_WHY_MATE_STANDBY);
		fo->grp[g - 1].yielded_ms = event_now_ms();
		fo->mate.grp[g - 1] = FO_ST_ACTIVE;
	}
}

bool
device_failover_group_switch(struct device *dev, unsigned g, bool active)
{
	struct failover	*fo = dev->fo;
	char		 line[32];

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED ||
	    g < 1 || g > FO_GROUPS || !fo->cfg.group[g - 1].set)
		return false;
	if (active && !fo_state_active(fo->grp[g - 1].state)) {
		group_set(dev, g - 1, FO_ST_ACTIVE, FO_WHY_CONFIG);
		fo->grp[g - 1].claimed_ms = event_now_ms();
		fo->mate.grp[g - 1] = FO_ST_STANDBY_READY;
		snprintf(line, sizeof line, "GROUPSTANDBY %u\n", g);
		fo_net_send(dev, line, strlen(line));
	} else if (!active && fo_state_active(fo->grp[g - 1].state) &&
	    fo->mate.known && !fo->apart) {
		group_set(dev, g - 1, FO_ST_STANDBY_READY, FO_WHY_CONFIG);
		fo->grp[g - 1].yielded_ms = event_now_ms();
		fo->mate.grp[g - 1] = FO_ST_ACTIVE;
		snprintf(line, sizeof line, "GROUPACTIVE %u\n", g);
		fo_net_send(dev, line, strlen(line));
	}
	return true;
}

/* The group (0 or 1) of space i: group 1 for the system and contexts
   that joined none; -1 when the pair does not run Active/Active. */
static int
space_group(const struct device *dev, size_t i)
{
	const struct failover *fo = dev->fo;
	int		 g = 0;

	if (!device_failover_aa(dev))
		return -1;
	if (i != CTX_SYSTEM && i < dev->ctxs.n && dev->ctxs.v[i].fo_group == 2)
		g = 1;
	return fo->cfg.group[g].set ? g : 0;
}

/* A group's role settled here: Active or a standby state. */
static bool
settled(enum fo_state s)
{
	return fo_state_active(s) || fo_state_standby(s);
}

bool
fo_space_sends(const struct device *dev, size_t i)
{
	const struct failover *fo = dev->fo;
	int		 g = space_group(dev, i);

	if (g >= 0 && settled(fo->grp[g].state))
		return fo_state_active(fo->grp[g].state);
	return fo_state_active(fo->state);
}

bool
fo_space_mate_takes(const struct device *dev, size_t i)
{
	const struct failover *fo = dev->fo;
	int		 g = space_group(dev, i);

	if (g >= 0 && fo->mate.aa)
		return fo_state_standby(fo->mate.grp[g]);
	return fo_state_standby(fo->mate.state);
}

bool
device_failover_space_active(const struct device *dev, size_t i)
{
	const struct failover *fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return false;
	return fo_space_sends(dev, i);
}

bool
device_failover_space_standby(const struct device *dev, size_t i)
{
	const struct failover *fo = dev->fo;
	int		 g;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED ||
	    fo->state == FO_ST_NEGOTIATION)
		return false;
	g = space_group(dev, i);
	if (g >= 0 && settled(fo->grp[g].state))
		return fo_state_standby(fo->grp[g].state);
	return fo_state_standby(fo->state);
}
