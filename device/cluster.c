/* SPDX-License-Identifier: MIT */
/*
 * ASA clustering: the cluster group's configuration and the unit's state
 * (cluster.h). A unit enabled with no other unit on its cluster control
 * link elects itself master ("The first unit on which you enable
 * clustering typically becomes the control unit", 9.x configuration
 * guide).
 */
#include "device/cluster.h"

#include <stdlib.h>
#include <string.h>

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
	if (dev->cl == NULL)
		dev->cl = xcalloc(1, sizeof *dev->cl);
	return dev->cl;
}

const struct cluster *
device_cluster_get(const struct device *dev)
{
	return dev->cl;
}

void
device_cluster_free(struct device *dev)
{
	free(dev->cl);
	dev->cl = NULL;
}

void
device_cluster_reset(struct device *dev)
{
	struct cluster	*cl = dev->cl;

	if (cl == NULL)
		return;
	memset(cl, 0, sizeof *cl);
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

	if (cl->cfg.enabled == on)
		return;
	cl->cfg.enabled = on;
	if (on) {
		cl->state = CL_ST_MASTER;
		cl->last_join = device_now(dev);
		cl->has_join = true;
	} else {
		cl->state = CL_ST_DISABLED;
		cl->last_leave = device_now(dev);
		cl->has_leave = true;
	}
}
