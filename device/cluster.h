/* SPDX-License-Identifier: MIT */
/*
 * ASA clustering (9.0+): the cluster group of the configuration (cluster
 * group NAME and its sub-mode: local-unit, cluster-interface, priority,
 * key, enable), the unit's view of its cluster, and the cluster control
 * link between the units of a lab (cluster_link.c: hellos, election,
 * join checks, configuration replication). The cluster license rules are
 * licensing/lic_units.c's, the election licensing/lic_cluster.c's; the
 * commands are commands/cluster.c's. Like the rest of device/ it never
 * prints: it reports events (struct cl_event) that commands/ words, and
 * asks commands/ through hooks for the configuration to replicate and to
 * apply one received.
 */
#ifndef ASA_DEVICE_CLUSTER_H
#define ASA_DEVICE_CLUSTER_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "device/device.h"
#include "device/unit_license.h"
#include "licensing/lic_cluster.h"
#include "licensing/lic_units.h"

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

/* The cluster control link's lab port [I]: no port is documented. */
#define CL_PORT			4193
#define CL_POLL_MS		1000	/* [I] a hello every second */
#define CL_HOLD_MS		3000	/* [M] "health-check holdtime" 3 s */
#define CL_MEMBERS_MAX		(LIC_CLUSTER_IDS - 1)	/* besides self */

/* Why the master refused a unit that asked to join. */
enum cl_refusal {
	CL_REF_NONE,
	CL_REF_KEY,		/* another cluster key */
	CL_REF_LICENSE,		/* lic_units_check said err */
	CL_REF_FULL,		/* the cluster license's unit count */
	CL_REF_NAME,		/* its local-unit name is taken */
	CL_REF_COUNT
};

struct unit_stream;

/* Another unit of the group, as its hellos describe it. */
struct cl_member {
	bool		 known;		/* a hello of this group came */
	char		 name[CL_UNIT_MAX + 1];
	unsigned	 id;		/* LIC_CLUSTER_IDS: none yet */
	uint32_t	 ip;		/* its CCL address */
	enum cl_state	 state;
	unsigned	 priority;
	char		 serial[32];
	char		 platform[32];	/* lic_platform.id */
	uint32_t	 version;
	uint32_t	 keyhash;
	bool		 zero_key;
	bool		 has_run;	/* its own license came */
	struct lic_running run;
	int64_t		 run_at;	/* device time it came */
	uint64_t	 heard_ms;	/* its last hello (event_now_ms) */
	uint64_t	 arrival;	/* order first heard */
	uint64_t	 answered_ms;	/* master: last ACCEPT or REFUSE */
	struct timespec	 last_join;	/* device time it joined */
	bool		 has_join;
	struct unit_stream *out;	/* to it; NULL: not connected */
};

enum cl_event_kind {
	CL_EV_STATE,		/* this unit: from -> to */
	CL_EV_DETECTED,		/* a master heard while in election */
	CL_EV_RECV_BEGIN,	/* configuration from the master */
	CL_EV_RECV_END,
	CL_EV_JOINED,		/* master: unit joined as a slave */
	CL_EV_LOST,		/* unit not heard for the holdtime */
	CL_EV_ASKED_QUIT,	/* master: unit refused for why (err) */
	CL_EV_REFUSED,		/* this unit refused by the master */
	CL_EV_LINK_DOWN,	/* the cluster control link went down */
	CL_EV_GRACE_OVER,	/* unit lost 30 days: it no longer counts */
	CL_EV_GRACE_LOCAL,	/* ... the last one of a unit cut off */
	CL_EV_RESTORED,		/* unit lost days ago counts again */
};

struct cl_event {
	enum cl_event_kind	 kind;
	enum cl_state		 from, to;
	const char		*unit;	/* the other unit's name, or self's */
	unsigned		 days;	/* CL_EV_RESTORED: days lost */
	enum cl_refusal		 why;
	enum lic_units_err	 err;
};

/* What commands/ lends the cluster control link (programs/ wires it). */
struct cl_hooks {
	void	*arg;
	/* The running configuration to replicate; the caller frees it. */
	char	*(*render)(void *arg);
	/* Apply a configuration received from the master. */
	void	 (*apply)(void *arg, const char *config);
	/* Something for the console. */
	void	 (*event)(void *arg, const struct cl_event *);
};

struct cl_net;

/*
 * A member lost while it counted in the cluster license: "During the
 * 30-day grace period, the combined running license continues to be used
 * by all units", its last word included.
 */
struct cl_gone {
	char		 serial[32];	/* how it is known when it is back */
	char		 name[CL_UNIT_MAX + 1];	/* for the console */
	bool		 expired;	/* lost over 30 days: it no longer
					   counts, kept only to say it is
					   back */
	unsigned	 id;
	bool		 master;	/* it was the master: its time goes
					   first */
	struct lic_running run;		/* its own license, as last said */
	int64_t		 run_at;	/* device time it said it */
	int64_t		 lost_at;	/* device time it was lost */
};

#define CL_HELD_MAX	16

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
	unsigned	 id;		/* LIC_CLUSTER_IDS: none yet */
	struct cl_member members[CL_MEMBERS_MAX];
	size_t		 nmembers;
	uint64_t	 arrivals;	/* members heard so far */
	enum cl_refusal	 refused;	/* why the master refused us */
	enum lic_units_err refused_err;
	struct cl_hooks	 hooks;
	struct cl_net	*net;		/* NULL: off the lab network, or
					   not enabled */
	struct lic_running combined;	/* device_license_in_force's */
	struct cl_gone	 gone[CL_MEMBERS_MAX];	/* lost (within 30 days
						   unless expired) */
	size_t		 ngone;
	/*
	 * Cut off: the unit's own cluster control link went down, so it
	 * left the cluster (disabled until enabled again) and lost every
	 * member at once. Until it is a member again it keeps the cluster
	 * license of the units it lost for their 30 days, in the place it
	 * had (cut_master, cut_id).
	 */
	bool		 cut;
	bool		 cut_master;
	unsigned	 cut_id;
	struct unit_held held[CL_HELD_MAX];	/* this unit's keys waited
						   for a lost unit's time:
						   charged if it is not back
						   within 30 days */
	size_t		 nheld;
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
void	 device_cluster_hooks(struct device *, const struct cl_hooks *);

/*
 * The cluster license this unit runs: its own combined with the other
 * members' (master first) while they are one cluster. False when there
 * is nothing to combine (not a member, or alone).
 */
bool	 device_cluster_license(const struct device *, struct lic_running *);
/*
 * The chapter's countdown of a cluster's time-based licenses
 * (cluster_license.c), from the device's license tick: this unit's
 * enabled/disabled keys wait while the units ahead of it (a lost master,
 * the master, then the slaves by unit id) have time of them.
 */
void	 cluster_license_hold(struct device *);
/* A member that counted in the cluster license was lost (cluster_link.c). */
void	 cl_license_lost(struct device *, const struct cl_member *);
/* A member counts again: a lost one back within the 30 days. */
void	 cl_license_back(struct device *, const struct cl_member *);
/*
 * Every poll, and every license tick (for a unit cut off, which polls
 * nothing): a lost unit not back within 30 days no longer counts, and
 * what this unit's keys waited for it is charged. Nothing without a
 * cluster.
 */
void	 cl_license_grace(struct device *);
/* The cluster control link went down under a member: it is cut off,
 * every member it knew lost (before the link's state is dropped). */
void	 cl_license_cut(struct device *);
/* Whether this unit is a slave of a cluster (configuration refused). */
bool	 device_cluster_slave(const struct device *);

/* ---- cluster_link.c: the cluster control link ---- */

/* After enable or no enable, and after every command (device_net_sync):
 * the link's endpoints as the configuration and the cable say. */
void	 cluster_net_sync(struct device *);
/* The device leaves the lab network (or a reload, or no enable). */
void	 cluster_net_stop(struct device *);
/* Report an event to the hooks (the console words it). */
void	 cl_emit(struct device *, const struct cl_event *);
/* Change this unit's state (with its event). */
void	 cl_set_state(struct device *, enum cl_state to);
/*
 * For the fuzzer and tests (tests/fuzz/fuzz_cluster.c): bytes from
 * another unit as one of its streams to this unit gives them, in reads
 * of chunk bytes (0: as many as a read takes), each whole message handled
 * as a read from a socket handles it. False (nothing read) when the unit
 * has no cluster control link to receive on.
 */
bool	 cluster_recv(struct device *, const void *data, size_t len,
	    size_t chunk);

#endif
