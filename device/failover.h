/* SPDX-License-Identifier: MIT */
/*
 * Active/Standby failover between two devices of a lab (failover.c): the
 * failover configuration, the unit's state and its history, what the
 * mate's hellos said, the failover cluster license, and the failover
 * link: a small hello and replication protocol over lab sockets at the
 * link's addresses, driven by the device's event loop. Like the rest of
 * device/ it never prints: it reports events (struct fo_event) that
 * commands/ words, and asks commands/ through hooks for the configuration
 * to replicate and to apply one received.
 */
#ifndef ASA_DEVICE_FAILOVER_H
#define ASA_DEVICE_FAILOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "device/device.h"
#include "device/unit_license.h"
#include "licensing/lic_units.h"

/* The failover link's lab port: failover is IP protocol 105. */
#define FO_PORT			105
#define FO_POLL_MS_DEFAULT	1000	/* "Unit Poll frequency 1 seconds" */
#define FO_HOLD_MS_DEFAULT	15000	/* "holdtime 15 seconds" */
#define FO_KEY_MAX		63
#define FO_HISTORY_MAX		64

/* The states of show failover and show failover history [M med]. */
enum fo_state {
	FO_ST_DISABLED,
	FO_ST_NOT_DETECTED,
	FO_ST_NEGOTIATION,
	FO_ST_COLD_STANDBY,
	FO_ST_SYNC_CONFIG,
	FO_ST_BULK_SYNC,
	FO_ST_STANDBY_READY,
	FO_ST_JUST_ACTIVE,
	FO_ST_ACTIVE_DRAIN,
	FO_ST_ACTIVE_APPLYING,
	FO_ST_ACTIVE_APPLIED,
	FO_ST_ACTIVE,
	FO_ST_FAILED,
	FO_ST_COUNT
};

/* Why a state changed (show failover history's Reason column). */
enum fo_reason {
	FO_WHY_NONE,		/* No Error */
	FO_WHY_NO_ACTIVE,	/* No Active unit found */
	FO_WHY_ACTIVE_MATE,	/* Detected an Active mate */
	FO_WHY_HELLO,		/* HELLO not heard from mate */
	FO_WHY_CONFIG,		/* Set by the config command */
	FO_WHY_MATE_ACTIVE,	/* Other unit wants me Active */
	FO_WHY_MATE_STANDBY,	/* Other unit wants me Standby */
	FO_WHY_DISABLED,	/* Failover disabled (no failover, a refusal) */
	FO_WHY_COUNT
};

struct fo_history {
	struct timespec	 at;		/* device time */
	enum fo_state	 from, to;
	enum fo_reason	 why;
	unsigned	 group;		/* 0: the unit's; 1, 2: failover
					   group N's (Active/Active) */
};

/* One "failover interface ip NAME A.B.C.D MASK standby A.B.C.D". */
struct fo_ip {
	char		 name[IF_NAMEIF_MAX + 1];	/* "": unset */
	uint32_t	 ip, mask, standby;
};

/*
 * Active/Active (multiple context mode): two failover groups of
 * contexts, each active on one unit (failover_group.c).
 */
#define FO_GROUPS		2
#define FO_PREEMPT_MAX		1200	/* preempt [1-1200] seconds [D] */

/* One "failover group 1|2" of the configuration. */
struct fo_group_cfg {
	bool		 set;		/* configured: Active/Active */
	bool		 secondary;	/* preferred on the secondary unit
					   (group 2's default) */
	bool		 preempt;
	uint32_t	 preempt_s;	/* 0: at once */
};

/* One failover group's role on this unit. */
struct fo_group {
	enum fo_state	 state;		/* Disabled, Negotiation, Standby
					   Ready or Active */
	uint64_t	 active_secs;	/* before active_since */
	struct timespec	 active_since;	/* while active */
	bool		 has_last;
	struct timespec	 last_failover;	/* it last became active here */
	uint64_t	 since_ms;	/* event clock: entered its state */
	uint64_t	 claimed_ms;	/* made active by a command here */
	uint64_t	 yielded_ms;	/* given to the mate by a command */
};

/* The failover commands of the configuration. */
struct fo_cfg {
	bool		 enabled;	/* failover */
	bool		 unit_set;	/* failover lan unit ... */
	bool		 secondary;
	char		 lan_name[IF_NAMEIF_MAX + 1]; /* "": no lan interface */
	char		 lan_if[IF_NAME_MAX];
	char		 link_name[IF_NAMEIF_MAX + 1]; /* "": no stateful link */
	char		 link_if[IF_NAME_MAX];
	struct fo_ip	 ip[2];		/* the LAN and the state link's */
	char		 key[FO_KEY_MAX + 1];	/* "": none */
	uint32_t	 poll_ms, hold_ms;
	bool		 poll_msec, hold_msec;	/* typed in msec */
	bool		 hold_set;
	struct fo_group_cfg group[FO_GROUPS];
};

/* What the mate's last hello said. */
struct fo_mate {
	bool		 known;		/* heard at least once */
	bool		 secondary;
	enum fo_state	 state;
	char		 serial[32];
	char		 platform[32];	/* lic_platform.id */
	char		 hw[32];	/* lic_platform.hw_name */
	uint32_t	 version;
	uint64_t	 active_secs;
	bool		 zero_key;
	bool		 has_run;	/* its own license came */
	struct lic_running run;
	int64_t		 run_at;	/* device time it came */
	bool		 aa;		/* it sends its groups' states */
	enum fo_state	 grp[FO_GROUPS];
	uint64_t	 grp_secs[FO_GROUPS];	/* their active times */
};

enum fo_event_kind {
	FO_EV_STATE,		/* from -> to, why */
	FO_EV_SEND_BEGIN,	/* configuration replication to the mate */
	FO_EV_SEND_END,
	FO_EV_RECV_BEGIN,	/* ... from the mate */
	FO_EV_RECV_END,
	FO_EV_MATE_LOST,	/* no hello within the holdtime */
	FO_EV_LAN_FAILED,	/* the failover link went down */
	FO_EV_LAN_OK,		/* ... and came back */
	FO_EV_REFUSED,		/* the mate's license does not pair: err */
	FO_EV_GRACE_OVER,	/* 30 days apart: back to the own license */
	FO_EV_RESTORED,		/* the mate is back: elapsed charged */
	FO_EV_VERSION,		/* the mate runs another release (learnt
				   now: fo->mate.version) */
	FO_EV_KEY,		/* the mate's failover key differs: its
				   messages are not understood */
};

struct fo_event {
	enum fo_event_kind	 kind;
	enum fo_state		 from, to;
	enum fo_reason		 why;
	enum lic_units_err	 err;
	uint64_t		 away;	/* RESTORED: seconds apart */
};

/* What commands/ lends the failover link (programs/ wires it). */
struct fo_hooks {
	void	*arg;
	/* The running configuration to replicate; the caller frees it. */
	char	*(*render)(void *arg);
	/* Apply a configuration received from the active unit. */
	void	 (*apply)(void *arg, const char *config);
	/* Something for the console. */
	void	 (*event)(void *arg, const struct fo_event *);
	/* Run one command line for the mate (failover exec, and
	   "reload noconfirm" for failover reload-standby) in context
	   space (NULL: where the unit starts, the system in multiple
	   context mode); returns its output, which the caller frees. */
	char	*(*exec)(void *arg, const char *space, const char *line);
	/* Multiple context mode: context name's running configuration
	   (the caller frees it), and one received from the mate for it. */
	char	*(*render_context)(void *arg, const char *name);
	void	 (*apply_context)(void *arg, const char *name,
		    const char *config);
};

struct fo_net;

/* The words of "prompt", in the order the command takes them. */
enum fo_prompt_word {
	FO_PROMPT_HOSTNAME,
	FO_PROMPT_CONTEXT,
	FO_PROMPT_DOMAIN,
	FO_PROMPT_PRIORITY,
	FO_PROMPT_STATE,
	FO_PROMPT_COUNT
};

#define FO_HELD_MAX	16

struct failover {
	struct fo_cfg		 cfg;
	enum fo_state		 state;
	struct fo_mate		 mate;
	struct fo_history	 hist[FO_HISTORY_MAX];	/* oldest first */
	size_t			 nhist;
	uint64_t		 active_secs;	/* before active_since */
	struct timespec		 active_since;	/* while active */
	bool			 formed;	/* the mate was heard once */
	struct timespec		 formed_at;	/* ... first (cluster up) */
	bool			 has_last;	/* a unit became active */
	struct timespec		 last_failover;
	/* Loss of communication: the combined license holds for 30 days. */
	bool			 apart;
	int64_t			 apart_since;	/* device time */
	bool			 grace_over;
	enum lic_units_err	 refused;	/* the mate's license */
	uint32_t		 warned_version; /* the mate's release last
						    warned of (0: none) */
	uint64_t		 xmit, rcv;	/* messages over the link */
	uint64_t		 sys_xmit, sys_rcv; /* of which hellos */
	struct fo_hooks		 hooks;
	struct fo_net		*net;		/* NULL: off the lab network */
	struct lic_running	 combined;	/* device_license_in_force's */
	struct unit_held	 held[FO_HELD_MAX]; /* a secondary's keys
						    waited while apart:
						    charged after 30 days */
	size_t			 nheld;
	unsigned		 prompt;	/* 1 << fo_prompt_word; 0: the
						   default, hostname context */
	struct fo_group		 grp[FO_GROUPS];
};

/* The failover of dev, created on first use with the defaults. */
struct failover *device_failover(struct device *);
/* NULL when dev has never been configured for failover. */
const struct failover *device_failover_get(const struct device *);
void	 device_failover_free(struct device *);
void	 device_failover_hooks(struct device *, const struct fo_hooks *);

/* Text of a state ("Standby Ready") and of a reason [M med]. */
const char *fo_state_text(enum fo_state);
const char *fo_reason_text(enum fo_reason);
/* Whether s is one of the active states, or a standby state. */
bool	 fo_state_active(enum fo_state s);
bool	 fo_state_standby(enum fo_state s);

/*
 * Configuration changed (the commands set dev's cfg directly, then call
 * this): enabling starts the negotiation, disabling stops it, and the
 * link's endpoints follow (also after every command: device_net_sync).
 */
void	 device_failover_changed(struct device *);
/*
 * failover active (true) on this unit, or no failover active (false):
 * the mate is told to take the other role. False when failover is off.
 */
bool	 device_failover_switch(struct device *, bool active);
/*
 * Before a configuration from the active unit is replayed: forget the
 * failover lines it will send again (so that one removed on the active
 * goes on the standby too), keeping what is this unit's own: failover
 * itself and "failover lan unit".
 */
void	 device_failover_clear_replicated(struct device *);
/* write standby: send the whole configuration to the mate now; false
 * when there is no standby mate to send it to. */
bool	 device_failover_write_standby(struct device *);
/*
 * failover exec mate CMD: run line on the mate and wait (5 s of real
 * time at most) for its output into *out (the caller frees it). False
 * when there is no mate to talk to or it did not answer.
 */
bool	 device_failover_exec(struct device *, const char *line, char **out);
/* failover reload-standby: the standby mate reloads; false: none. */
bool	 device_failover_reload_standby(struct device *);
/*
 * On the unit that replicates the selected space's configuration
 * (device_failover_space_active), a command the ASA replicates beside
 * the configuration (write memory): line runs in the same space on the
 * mate, its output dropped. False when the mate does not take it.
 */
bool	 device_failover_replicate(struct device *, const char *line);
/* clear configure failover (and all): the failover lines' defaults,
 * failover off. */
void	 device_failover_clear(struct device *);
/*
 * A reload: the unit starts afresh, failover off until its startup
 * configuration turns it on again (device_reboot).
 */
void	 device_failover_reset(struct device *);
/*
 * The failover cluster license this unit runs: its own, combined with the
 * mate's while they pair (and for 30 days apart). False when there is no
 * combined license to show (failover off, no mate yet, or refused).
 */
bool	 device_failover_license(const struct device *, struct lic_running *);
/*
 * The address interface f uses: its standby address while this unit is
 * the standby unit (0 when it has none), else its address.
 */
uint32_t device_iface_addr(const struct device *, const struct iface *f);
/* The link's own and the mate's address (failover interface ip). */
bool	 device_failover_addrs(const struct device *, uint32_t *own,
	    uint32_t *mate);

/*
 * Before the unit's time-based keys count down (device_license_tick,
 * device_license_shutdown): on the secondary of a pair that runs the
 * combined license, the enabled/disabled keys wait while the primary's
 * license of their feature still runs ("The primary/master unit counts
 * down its license first"); numerical ones count down with it.
 */
void	 failover_license_hold(struct device *);

/* ---- Active/Active (failover_group.c) ---- */

/* A failover group is configured: the pair runs Active/Active. */
bool	 device_failover_aa(const struct device *);
/*
 * Whether the configuration of space i (a context index or CTX_SYSTEM)
 * is replicated from this unit to the mate: in Active/Active, the unit
 * where the context's failover group is active, for the system space
 * the unit where group 1 is ("Commands entered in the system execution
 * space are replicated from the unit on which failover group 1 is in the
 * active state"); otherwise the active unit. False when failover is off.
 */
bool	 device_failover_space_active(const struct device *, size_t i);
/*
 * Whether space i's configuration comes from the mate: its group (or
 * the unit) is standby here. A configuration command there gets the
 * standby warning. False when failover is off.
 */
bool	 device_failover_space_standby(const struct device *, size_t i);
/* Seconds group g (0 or 1) has been active on this unit. */
uint64_t device_failover_group_secs(const struct device *, unsigned g);
/*
 * failover active group N (true) or no failover active group N (false)
 * on this unit: the mate is told to take the other role. False when
 * failover is off or the group is not configured.
 */
bool	 device_failover_group_switch(struct device *, unsigned g,
	    bool active);

/* net.c calls these: the loop to serve from, and after every sync. */
void	 failover_net_start(struct device *, struct event_loop *);
void	 failover_net_sync(struct device *);
void	 failover_net_stop(struct device *);

#endif
