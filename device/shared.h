/* SPDX-License-Identifier: MIT */
/*
 * Shared AnyConnect Premium licensing on the device (shared*.c): the
 * server, its backup and the participants over TLS on the lab network,
 * what show shared license shows, and the events the console words.
 * The pool and timer rules are licensing/'s (lic_shared_*).
 */
#ifndef ASA_DEVICE_SHARED_H
#define ASA_DEVICE_SHARED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device/device.h"

/* The message kinds show shared license counts. */
enum shared_kind {
	SHARED_REGISTRATION,		/* REGISTER and REFRESH */
	SHARED_GET,
	SHARED_RELEASE,
	SHARED_TRANSFER,		/* failover pairs: not built yet */
	SHARED_NKINDS
};

struct shared_counts {
	uint64_t	 tx, rx, err;
};

struct shared_link;

/* A participant registered with this server. */
struct shared_peer {
	char		 id[LS_SERIAL_MAX + 1];	/* its serial number */
	char		 host[64];	/* its hostname */
	uint32_t	 ip;
	uint32_t	 local, limit;	/* as it registered */
	uint32_t	 held, high;	/* shared sessions, now and highest */
	int64_t		 seen;		/* device time of its last refresh */
	struct shared_counts msgs[SHARED_NKINDS];
	struct shared_link *link;	/* its connection (shared_server.c) */
};

/* The backup messages show shared license backup counts. */
enum shared_bk_kind {
	SHARED_BK_HELLO,		/* the backup's registration */
	SHARED_BK_SYNC,			/* SYNC, every 10 seconds */
	SHARED_BK_UPDATE,		/* PEER, one per participant */
	SHARED_BK_NKINDS
};

/* The backup server, as its main server or the backup itself sees it. */
struct shared_backup_view {
	bool		 registered;	/* main: the backup (or its HA peer)
					   is registered; backup: synced */
	bool		 ha_registered;	/* main: the HA peer is */
	bool		 is_backup;	/* this device: license-server backup
					   enable */
	bool		 active;	/* backup: serving for the main */
	bool		 expired;	/* backup: its budget is spent */
	int64_t		 budget;	/* backup: seconds it may serve */
	int64_t		 active_for;	/* backup: seconds served */
	struct shared_counts msgs[SHARED_BK_NKINDS];
};

/* What the device's shared licensing shows (show shared license). */
struct shared_view {
	/* The device's own AnyConnect Premium sessions. */
	uint32_t	 demand;	/* emulator vpn-sessions */
	uint32_t	 active, peak, cumulative;
	uint32_t	 local;		/* its own license that counts */
	uint32_t	 limit;		/* the platform's maximum */
	uint32_t	 held, high;	/* shared sessions it holds */
	/* Server: the pool and its participants, in registration order. */
	bool		 server;
	uint32_t	 total, used;
	struct shared_peer **peers;
	size_t		 npeers;
	/* Participant: its server, as last heard. */
	bool		 client;
	bool		 registered;	/* Status: Active */
	uint32_t	 server_ip;
	uint32_t	 net_total, net_avail;
	uint32_t	 refresh;	/* seconds, from the server */
	struct shared_counts msgs[SHARED_NKINDS];
	bool		 on_backup;	/* participant: registered with the
					   backup server, not the main */
	uint32_t	 backup_ip;	/* participant: its address, 0 none */
	struct shared_backup_view bk;
};

enum shared_event_kind {
	SHARED_EV_ACTIVE,		/* participant: registered with ip */
	SHARED_EV_REFUSED,		/* participant: ip refused the secret */
	SHARED_EV_GRANTED,		/* participant: holds count now */
	SHARED_EV_LOST,			/* participant: ip does not answer */
	SHARED_EV_RELEASED,		/* participant: released count after
					   24 hours without the server */
	SHARED_EV_PEER_JOINED,		/* server: id (host) registered */
	SHARED_EV_PEER_REFUSED,		/* server: a wrong secret from ip */
	SHARED_EV_PEER_EXPIRED,		/* server: id silent, count back in
					   the pool */
	SHARED_EV_BAD_MESSAGE,		/* server: a refused frame from ip */
	SHARED_EV_BK_ACTIVE,		/* backup: took over from the main */
	SHARED_EV_BK_INACTIVE,		/* backup: handed back to the main */
	SHARED_EV_BK_DAYS,		/* backup: count days left (15 days
					   served) */
	SHARED_EV_BK_EXPIRED,		/* backup: budget spent, serving no
					   more */
};

struct shared_event {
	enum shared_event_kind kind;
	char		 id[LS_SERIAL_MAX + 1];
	char		 host[64];
	uint32_t	 ip;
	uint32_t	 count;
};

/* The figures, brought up to date; never NULL. */
const struct shared_view *device_shared_view(struct device *);
/* emulator vpn-sessions: the AnyConnect Premium sessions wanted. */
void	 device_shared_demand(struct device *, uint32_t sessions);
/*
 * fn(arg) runs from the event loop after shared licensing queued events
 * (device_shared_events_take gives them).
 */
void	 device_shared_hook(struct device *, void (*fn)(void *), void *arg);
/* The queued events, oldest first (caller frees); NULL with *n 0. */
struct shared_event *device_shared_events_take(struct device *, size_t *n);
/*
 * The failover role changed (failover.c): soon after, the server and the
 * backup follow it, and a participant that became active transfers its
 * mate's sessions.
 */
void	 device_shared_role_changed(struct device *);
/* Free everything (device_free does). */
void	 device_shared_free(struct device *);

#endif
