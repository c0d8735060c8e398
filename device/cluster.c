/* SPDX-License-Identifier: MIT */
/*
 * ASA clustering: the cluster group's configuration, the unit's state
 * and the cluster license it runs (cluster.h). A unit enabled off the
 * lab network (a batch run) has nobody to elect with and becomes the
 * master at once ("The first unit on which you enable clustering
 * typically becomes the control unit", 9.x configuration guide); on the
 * lab network it enters the election and cluster_link.c takes over. The
 * cluster license is cluster_license.c's.
 */
#include "device/cluster.h"

#include <stdlib.h>
#include <string.h>

#include "device/shared_int.h"
#include "util/util.h"

static const char *const state_text[CL_ST_COUNT] = {
	[CL_ST_DISABLED] = "DISABLED",
	[CL_ST_ELECTION] = "ELECTION",
	[CL_ST_SLAVE] = "SLAVE",
	[CL_ST_MASTER] = "MASTER",
};

const char *
cl_state_text(enum cl_state s)
{
	return s < CL_ST_COUNT ? state_text[s] : "?";
}

struct cluster *
device_cluster(struct device *dev)
{
	if (dev->cl == NULL) {
		dev->cl = xcalloc(1, sizeof *dev->cl);
		dev->cl->id = LIC_CLUSTER_IDS;
	}
	return dev->cl;
}

const struct cluster *
device_cluster_get(const struct device *dev)
{
	return dev->cl;
}

void
device_cluster_hooks(struct device *dev, const struct cl_hooks *h)
{
	device_cluster(dev)->hooks = *h;
}

void
cl_emit(struct device *dev, const struct cl_event *ev)
{
	struct cluster	*cl = dev->cl;

	if (cl->hooks.event != NULL)
		cl->hooks.event(cl->hooks.arg, ev);
}

void
cl_set_state(struct device *dev, enum cl_state to)
{
	struct cluster	*cl = dev->cl;
	struct cl_event	 ev = { .kind = CL_EV_STATE, .from = cl->state,
			    .to = to, .unit = cl->cfg.local };

	if (cl->state == to)
		return;
	cl->state = to;
	/* A member again: nothing is kept for having been cut off. */
	if (to == CL_ST_MASTER || to == CL_ST_SLAVE)
		cl->cut = false;
	cl_emit(dev, &ev);
}

void
device_cluster_free(struct device *dev)
{
	cluster_net_stop(dev);
	free(dev->cl);
	dev->cl = NULL;
}

void
device_cluster_reset(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct cl_hooks	 hooks;

	if (cl == NULL)
		return;
	cluster_net_stop(dev);
	hooks = cl->hooks;
	memset(cl, 0, sizeof *cl);
	cl->id = LIC_CLUSTER_IDS;
	cl->hooks = hooks;
}

void
device_cluster_remove(struct device *dev)
{
	struct cluster	*cl = dev->cl;

	if (cl == NULL)
		return;
	if (cl->cfg.enabled)
		device_cluster_enable(dev, false);
	memset(&cl->cfg, 0, sizeof cl->cfg);
}

void
device_cluster_enable(struct device *dev, bool on)
{
	struct cluster	*cl = device_cluster(dev);

	/* Enabled but disabled (link down, refused): enable rejoins. */
	if (cl->cfg.enabled == on && (!on || cl->state != CL_ST_DISABLED))
		return;
	cl->cfg.enabled = on;
	cl->refused = CL_REF_NONE;
	/* Leaving: nobody lost is still counted. Joining again after the
	   link was cut, the units lost are kept: they may be back. */
	if (!on || !cl->cut) {
		cl->ngone = 0;
		cl->nheld = 0;
		cl->cut = false;
	}
	if (on) {
		cl->last_join = device_now(dev);
		cl->has_join = true;
		if (shared_loop(dev) == NULL) {
			cl->id = 0;
			cl_set_state(dev, CL_ST_MASTER);
			return;
		}
		cl_set_state(dev, CL_ST_ELECTION);
		cluster_net_sync(dev);
	} else {
		cluster_net_stop(dev);
		cl->id = LIC_CLUSTER_IDS;
		cl->last_leave = device_now(dev);
		cl->has_leave = true;
		cl_set_state(dev, CL_ST_DISABLED);
	}
}

bool
device_cluster_slave(const struct device *dev)
{
	const struct cluster *cl = dev->cl;

	return cl != NULL && cl->cfg.enabled && cl->state == CL_ST_SLAVE;
}
