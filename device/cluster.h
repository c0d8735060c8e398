/* SPDX-License-Identifier: MIT */
/*
 * ASA clustering (9.0+): the cluster group of the configuration (cluster
 * group NAME and its sub-mode: local-unit, cluster-interface, priority,
 * key, enable) and the unit's view of its cluster. The cluster license
 * rules are licensing/lic_units.c's; the commands are
 * commands/cluster.c's. Like the rest of device/ it never prints.
 */
#ifndef ASA_DEVICE_CLUSTER_H
#define ASA_DEVICE_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "device/device.h"

/* [M] command reference from memory: the group and unit names up to 38
 * characters, priority 1 (highest) to 100, a key up to 63. */
#define CL_NAME_MAX		38
#define CL_UNIT_MAX		38
#define CL_KEY_MAX		63
#define CL_PRIORITY_MIN		1
#define CL_PRIORITY_MAX		100

/* The states of show cluster info [M]. */
enum cl_state {
	CL_ST_DISABLED,
	CL_ST_ELECTION,
	CL_ST_SLAVE,
	CL_ST_MASTER,
	CL_ST_COUNT
};

/* The cluster group of the configuration (one per device). */
struct cl_cfg {
	char		 name[CL_NAME_MAX + 1];	/* "": no cluster group */
	char		 local[CL_UNIT_MAX + 1];	/* local-unit; "": none */
	char		 ccl_if[IF_NAME_MAX];	/* cluster-interface; "": none */
	uint32_t	 ccl_ip, ccl_mask;
	unsigned	 priority;		/* 0: not configured */
	char		 key[CL_KEY_MAX + 1];	/* "": none */
	bool		 enabled;		/* enable */
};

struct cluster {
	struct cl_cfg	 cfg;
	enum cl_state	 state;
	struct timespec	 last_join;	/* this unit joined (enable) */
	bool		 has_join;
	struct timespec	 last_leave;	/* ... left (no enable) */
	bool		 has_leave;
};

/* The cluster of dev, created on first use. */
struct cluster *device_cluster(struct device *);
/* NULL when dev has never had a cluster group. */
const struct cluster *device_cluster_get(const struct device *);
void	 device_cluster_free(struct device *);
/* A reload: no cluster group until the startup configuration's. */
void	 device_cluster_reset(struct device *);
/* Remove the cluster group (no cluster group NAME). */
void	 device_cluster_remove(struct device *);
/*
 * enable (true) or no enable (false) in the cluster group: the unit joins
 * or leaves; alone on its cluster control link it becomes the master.
 */
void	 device_cluster_enable(struct device *, bool on);
/* Text of a state: "MASTER", "SLAVE" and the like [M]. */
const char *cl_state_text(enum cl_state);

#endif
