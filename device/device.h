/* SPDX-License-Identifier: MIT */
/*
 * The simulated device: platform, serial number, software, its flash and
 * lock, its clock, the key store and time-based key timers, and the
 * running configuration's data. It knows no terminal and no command: it
 * never prints, and reports what a console would show as events. Its
 * subsystems have their own headers: lab.h (the lab's network and clock,
 * included here), failover.h, cluster.h and shared.h.
 */
#ifndef ASA_DEVICE_DEVICE_H
#define ASA_DEVICE_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "device/lab.h"
#include "licensing/licensing.h"
#include "models/models.h"

struct cfg_ext;
struct cluster;
struct device_shared;

/* ---- Multiple context mode (context.c) ---- */

#define CTX_NAME_MAX	32	/* [M] context names: up to 32 characters */
#define CTX_SYSTEM	((size_t)-1)	/* the system execution space */
#define CTX_URL_MAX	256

/* One "allocate-interface PHYSICAL [MAPPED] [visible|invisible]". */
struct ctx_alloc {
	char		 phys[64];	/* canonical: "GigabitEthernet0/1.10" */
	char		 mapped[64];	/* "": the context sees phys */
	bool		 visible;	/* a mapped name shows phys too */
};

/*
 * What a space's running configuration holds of the device's own fields:
 * while a space is selected they live in struct device (hostname,
 * enable_hash, pager_lines, ext) and here is what the others hold.
 */
struct dev_space {
	char		*hostname;	/* owned; a context's: its name */
	char		 enable_hash[32];
	unsigned	 pager_lines;
	struct cfg_ext	*ext;		/* a context's: only its interfaces */
};

/* One security context of the system configuration. */
struct dev_context {
	char		 name[CTX_NAME_MAX + 1];
	char		*description;	/* owned; NULL: none */
	char		 url[CTX_URL_MAX]; /* "disk0:/admin.cfg"; "": none */
	struct ctx_alloc *allocs;	/* in the order allocated */
	size_t		 nallocs;
	uint32_t	 fo_group;	/* join-failover-group 1-2; 0: none */
	struct dev_space sp;		/* its configuration, unless selected */
};

/* The contexts of a device in multiple context mode (struct device). */
struct device_contexts {
	bool		 multi;		/* running in multiple context mode */
	struct dev_context *v;		/* in the order configured */
	size_t		 n;
	char		 admin[CTX_NAME_MAX + 1]; /* admin-context; "": none */
	size_t		 sel;		/* the space selected: an index, or
					   CTX_SYSTEM */
	struct dev_space sys;		/* the system's, unless selected */
};

/* ---- The device object (device.c) ---- */

struct device_opts {
	const struct model_db	*db;
	const char		*model;	   /* platform id */
	const char		*serial;
	const char		*software; /* "9.1(7)32" */
	const char		*flash;	   /* directory; NULL: the default */
	const char		*clock;	   /* YYYY-MM-DDTHH:MM:SSZ: frozen */
	bool			 npe;	   /* No Payload Encryption variant */
	struct lab		*lab;	   /* the device's lab: its clock is
					      the lab's; NULL: on its own */
	const char		*labdir;   /* the lab's folder when lab is
					      NULL (its servers, hosts/) */
	const char		*asdm;	   /* factory ASDM release, "7.6(2)" */
};

/*
 * A time-based key entered while an identical license (another purchase)
 * was installed: its duration went to that key ("Stacking Time-Based
 * Licenses"); its words are kept so that it is not stacked twice.
 */
struct device_stacked {
	struct lic_key		 key;
	struct lic_key		 onto;		/* the installed key's words */
};

/* The device's activation keys and running license (keystore.c). */
struct device_license {
	bool			 has_running;	/* a running permanent key */
	struct lic_key		 running_key;
	struct lic_keyinfo	 running_info;
	bool			 has_flash;	/* a flash permanent key */
	struct lic_key		 flash_key;	/* differs from running while a
						   new key waits for a reload */
	struct lic_keyinfo	 flash_info;
	uint32_t		 flash_entered;	/* the release the flash key
						   was entered under; 0:
						   unknown (a store from
						   before this was kept) */
	bool			 has_earlier;	/* a key entered under a
						   release before 8.2 that a
						   later key replaced */
	struct lic_key		 earlier_key;
	struct lic_keyinfo	 earlier_info;
	uint32_t		 earlier_entered;
	struct lic_timed	*timed;		/* installed time-based keys */
	size_t			 ntimed;
	struct device_stacked	*stacked;	/* keys whose license was added
						   to an installed key's */
	size_t			 nstacked;
	bool			 no_essentials;	/* "no anyconnect-essentials" */
	bool			 invalid;	/* the store was not valid */
	int64_t			 saved_at;	/* device time the store last
						   reached flash */
	struct lic_running	 run;		/* computed */
};

/*
 * One device: shared by every session attached to it. What is per login
 * (terminal pager, the (config-if) interface) is the session's.
 */
struct device {
	const struct model_db	*db;
	const struct lic_platform *platform;
	char			 serial[33];	   /* 1 to 32 (KEYS.md) */
	uint32_t		 version;	/* running software */
	bool			 npe;		/* No Payload Encryption */
	struct device_license	 lic;
	char			*flash;		/* owned path */
	char			*labdir;	/* owned; NULL: lab's or flash */
	int			 lock_fd;	/* .private, flocked */

	/*
	 * The clock: device time is the base + offset, or frozen. The
	 * base is the lab's clock (one for every device of the lab), or
	 * host time for a device on its own.
	 */
	struct lab		*lab;		/* borrowed; NULL: on its own */
	struct lab_clock	 labclk;	/* as last read */
	bool			 frozen;
	struct timespec		 frozen_at;	/* when frozen */
	time_t			 frozen_start;	/* the --clock given */
	struct timespec		 offset;	/* device - host otherwise */
	struct timespec		 booted;	/* device time at boot, moved
						   by clock set's jumps */

	/* Running configuration. */
	char			*hostname;	/* owned */
	char			 enable_hash[32]; /* "" when not set */
	unsigned		 pager_lines;	/* "pager lines", 24 */
	bool			 modified;	/* since boot */
	struct timespec		 modified_at;
	char			 modified_by[32];

	struct cfg_ext		*ext;	/* interfaces, license-server,
					   tls-proxy */

	/* Boot (boot.c): what runs and what the next reload loads. */
	char			 image[272];	/* "disk0:/asa847-k8.bin" */
	bool			 rommon;	/* no image loaded: ROMMON */
	bool			 tftp_booted;	/* image[] is empty: ROMMON's
						   tftpdnld loaded it */
	struct rommon_vars	*rv;		/* rommon.c; NULL: not read */
	char			**boot;		/* "boot system" paths, owned,
						   "disk0:/x" */
	size_t			 nboot;
	char			*asdm_image;	/* "asdm image"; NULL: none */
	char			*boot_var;	/* the boot list this boot
						   loaded from, ";"-joined,
						   owned; NULL: none */
	int64_t			 reload_at;	/* device time (s) of the
						   reload in / at scheduled;
						   0: none */
	bool			 reload_save;	/* save-config then */
	bool			 reload_quick;	/* quick then */
	char			*reload_reason;	/* reason TEXT; owned, NULL */
	char			*startup_errors; /* what the startup
						   configuration's lines
						   printed at the last boot,
						   with their markers (show
						   startup-config errors);
						   owned; NULL: none */
	struct device_net	*net;	/* on the lab's network (net.c);
					   NULL: not served */
	struct device_shared	*shared; /* shared licensing (shared.c);
					    NULL until first used */
	struct failover		*fo;	/* failover (failover.h); NULL:
					   never configured */
	struct cluster		*cl;	/* clustering (cluster.h); NULL:
					   never configured */
	struct device_contexts	 ctxs;	/* multiple context mode
					   (context.c) */
};

/*
 * Create a device: find the platform, lock the flash directory (a second
 * process on it is refused), set the clock. NULL with *cause (caller
 * frees) when it cannot.
 */
struct device *device_new(const struct device_opts *, char **cause);
void	 device_free(struct device *);

/* Device time now. */
struct timespec device_now(const struct device *);
/*
 * Seconds since boot (show version's uptime): time that passed, advanced
 * time included, but not the jumps of clock set.
 */
time_t	 device_uptime(const struct device *);
/* The lab's clock changed (lab_clock_watch): read it again. */
void	 device_lab_clock_changed(struct device *);
/*
 * Set device time (clock set); time-based keys do not count the jump.
 * The clock offset is kept on flash when the clock is not frozen, as an
 * ASA's clock survives a reload.
 */
int	 device_set_time(struct device *, time_t);
/*
 * Let secs of device time pass (emulator advance-time): time-based keys
 * count it at the next device_license_tick. Kept on flash as above.
 * Both: 0, or -1 with errno when the clock could not be kept (the time
 * has changed all the same, until the next start).
 */
int	 device_advance_time(struct device *, time_t secs);
/*
 * "14:35:24.486 UTC Wed Jun 9 2021" into buf (len: DEVICE_TIME_TEXT at
 * least, for any year an int holds); returns buf.
 */
#define DEVICE_TIME_TEXT	40
char	*device_format_time(struct timespec, char *buf, size_t len);

/* Note a configuration change by the current user. */
void	 device_touch(struct device *);

/* ---- Multiple context mode (context.c) ---- */

/*
 * The mode the flash boots in (kept in the hidden area, not in any
 * configuration: "the security context mode is not saved in the
 * configuration file"); mode_save writes it. 0, or -1 with errno.
 */
bool	 device_mode_flash(const struct device *);
int	 device_mode_save(const struct device *, bool multi);
/* At a (re)boot: no contexts, the system selected, the flash's mode. */
void	 device_contexts_reset(struct device *);
/* The contexts freed, the system selected (device_free: no flash read). */
void	 device_contexts_release(struct device *);
/* The context called name (case as typed), or CTX_SYSTEM. */
size_t	 device_context_find(const struct device *, const char *name);
/* Add context name (default configuration: hostname name): its index. */
size_t	 device_context_add(struct device *, const char *name);
/* Remove context i (the system is selected first when it was). */
void	 device_context_remove(struct device *, size_t i);
/*
 * Allocate a system interface (canonical name) to context i, seen there
 * as mapped ("": its own name); again: its mapping changes. 0, or -1
 * when the mapped name is used by another of its interfaces.
 */
int	 device_context_allocate(struct device *, size_t i, const char *phys,
	    const char *mapped, bool visible);
/* Take an interface back from context i; false when it had none. */
bool	 device_context_unallocate(struct device *, size_t i,
	    const char *phys);
/* Give context i a new, default configuration (before loading one). */
void	 device_context_clear(struct device *, size_t i);
/*
 * Make space i (a context index or CTX_SYSTEM) the one whose
 * configuration struct device's fields hold.
 */
void	 device_space_select(struct device *, size_t i);
/*
 * mode multiple: the single-mode configuration becomes the admin
 * context's (disk0:/admin.cfg, every interface allocated to it); the
 * system keeps the hardware (ports, subinterfaces and their vlans, the
 * TLS proxy limit). The system stays selected.
 */
void	 device_mode_convert(struct device *);
/* The system's hostname, whichever space is selected. */
const char *device_system_hostname(const struct device *);

/* ---- Flash (flash.c) ---- */

/* The default flash: the default lab's folder named after the serial. */
char	*device_default_flash(const char *serial);
/*
 * Read a file of the hidden flash area (flash/.private/name); the caller
 * frees. NULL when absent.
 */
char	*device_flash_read(const struct device *, const char *name,
	    size_t *len);
/*
 * Write a file of the hidden area atomically (temporary file, fsync,
 * rename, fsync of the directory). 0, or -1 with errno.
 */
int	 device_flash_write(const struct device *, const char *name,
	    const char *data, size_t len);
/* Remove a file of the hidden area; absent is fine. 0, or -1 with errno. */
int	 device_flash_remove(const struct device *, const char *name);

/* ---- The visible flash, disk0:, and the lab's servers (disk.c) ---- */

/*
 * Paths are relative to a root: the flash folder (disk0:/, its hidden
 * area excluded) or a server's folder LAB/hosts/HOST (host not NULL). A
 * leading '/' is the root. Errors (errno): EACCES for "..", the hidden
 * area or a symlink; EHOSTUNREACH for a server that is not in the lab;
 * ENOENT, EISDIR, ENOTDIR, EEXIST, ENOTEMPTY; ENOSPC when the flash is
 * full.
 */
struct disk_entry {
	char		*name;		/* relative to the folder; owned */
	bool		 dir;
	uint64_t	 size;		/* a folder: 4096 */
	int64_t		 mtime;		/* device time */
	unsigned	 index;		/* the number dir shows */
};

struct disk_list {
	struct disk_entry *v;
	size_t		 n;
};

/* The lab's folder (its servers are LAB/hosts/ADDRESS). */
const char *device_lab_dir(const struct device *);
/*
 * The folder's entries in creation order (a file: itself), or with
 * recursive every file below (names "sub/file"). 0, or -1 with errno.
 */
int	 device_disk_list(const struct device *, const char *path,
	    bool recursive, struct disk_list *);
void	 disk_list_release(struct disk_list *);
int	 device_disk_stat(const struct device *, const char *host,
	    const char *path, struct disk_entry *);
/* Total and free bytes of the flash (the platform's size). */
void	 device_disk_space(const struct device *, uint64_t *total,
	    uint64_t *avail);
/* The whole file (NUL-terminated; caller frees). 0, or -1 with errno. */
int	 device_disk_read(const struct device *, const char *host,
	    const char *path, char **data, size_t *len);
/* Create or replace a file atomically. 0, or -1 with errno. */
int	 device_disk_write(const struct device *, const char *host,
	    const char *path, const char *data, size_t len);
int	 device_disk_remove(const struct device *, const char *path);
int	 device_disk_mkdir(const struct device *, const char *path);
int	 device_disk_rmdir(const struct device *, const char *path);
/* EEXIST when to exists. */
int	 device_disk_rename(const struct device *, const char *from,
	    const char *to);
int	 device_disk_md5(const struct device *, const char *path,
	    unsigned char md[16]);

/* ---- The key store and running license (keystore.c) ---- */

/* Read the key store from flash (at boot) and compute the license. */
void	 device_license_load(struct device *);
/* Write the key store atomically. 0, or -1 with errno. */
int	 device_license_save(const struct device *);
/* Recompute the running license after a key or setting changed. */
void	 device_license_compute(struct device *);
/* Decode a key for this device's serial number and platform. */
enum lic_err device_license_decode(const struct device *,
	    const struct lic_key *, struct lic_keyinfo *);
/* Whether the running release can read the key (lic_key_readable). */
bool	 device_license_readable(const struct device *,
	    const struct lic_keyinfo *);
void	 device_license_release(struct device_license *);
/*
 * The running license of a permanent key alone (show activation-key
 * detail), or of the Base edition when info is NULL.
 */
void	 device_license_running_of(const struct device *,
	    const struct lic_keyinfo *info, struct lic_running *);
/* Whether installing permanent key info needs a reload (Table 5-19). */
bool	 device_license_needs_reload(const struct device *,
	    const struct lic_keyinfo *info);
/*
 * Make key (info decoded from it) the flash permanent key, and the
 * running one too when running, and save the store. The release running
 * is kept as the one the key was entered under; a replaced key entered
 * under a release before 8.2 is kept as the earlier key (the Upgrade and
 * Downgrade Guidelines). Before 8.3 a running permanent key also ends
 * the active time-based key ("Reenter the permanent key to disable the
 * time-based license"). 0, or -1 with errno and the keys as before.
 */
int	 device_license_set_permanent(struct device *,
	    const struct lic_key *, const struct lic_keyinfo *info,
	    bool running);
/* A running license value by feature id; 0 when the catalogue lacks it. */
uint32_t device_license_value(const struct device *, const char *id);
/*
 * The license the unit enforces (limits, what may be configured): the
 * failover or ASA cluster license while the unit runs one ("the
 * combined running license continues to be used by all units"), else
 * its own, dev->lic.run. Valid until the next call (device/failover.c).
 */
const struct lic_running *device_license_in_force(const struct device *);

/* ---- Time-based keys (timer.c) ---- */

/* What the device's timer reports, for the console to word. */
enum device_event_kind {
	DEVICE_EV_STORE_INVALID,	/* boot: the key store was not valid;
					   the device runs on Base */
	DEVICE_EV_KEY_EXPIRED,		/* key ran out: exp[0..nexp) */
	DEVICE_EV_KEY_WARNING,		/* key expires in remaining secs */
	DEVICE_EV_STORE_FAILED,		/* the store was not saved: err */
	DEVICE_EV_KEY_INCOMPATIBLE,	/* boot below 8.2: the flash key
					   has 8.2+ licenses; earlier: the
					   key entered before runs, else
					   the Base license */
};

struct device_event {
	enum device_event_kind	 kind;
	struct lic_key		 key;	    /* EXPIRED, WARNING */
	struct lic_expiry	*exp;	    /* EXPIRED: what replaced each of
					       its grants; owned */
	size_t			 nexp;
	uint64_t		 remaining; /* WARNING: seconds left */
	int			 err;	    /* STORE_FAILED: errno */
	bool			 earlier;   /* KEY_INCOMPATIBLE */
};

/* A list of events in the order they happened. */
struct device_events {
	struct device_event	*v;
	size_t			 n;
};

void	 device_events_init(struct device_events *);
void	 device_events_release(struct device_events *);

/*
 * At start (a reload): load the store (an invalid one is reported and
 * nothing else happens), apply the reload clock rules to time-based keys
 * and count them down, reporting into evs.
 */
void	 device_license_boot(struct device *, struct device_events *evs);
/*
 * Count time-based keys down to device time, replace or drop those that
 * ran out and save the store, reporting into evs; run before each
 * command.
 */
void	 device_license_tick(struct device *, struct device_events *evs);

/* At exit (device_free): count time-based keys down and save the store. */
void	 device_license_shutdown(struct device *);

enum device_timed_op {
	DEVICE_TIMED_INSTALL,		/* install or stack, and activate */
	DEVICE_TIMED_ACTIVATE,		/* activate (install if new) */
	DEVICE_TIMED_DEACTIVATE,
};

enum device_timed_err {
	DEVICE_TIMED_OK,
	DEVICE_TIMED_NOT_INSTALLED,	/* deactivate: no such key */
	DEVICE_TIMED_NOT_STACKED,	/* the combined duration overflows */
	DEVICE_TIMED_EXPIRED,		/* the key has no time left */
	DEVICE_TIMED_ALREADY,		/* install: the key is installed and
					   active already */
	DEVICE_TIMED_EVALUATION,	/* an active evaluation key blocks */
	DEVICE_TIMED_STORE_FAILED,	/* not saved (errno); nothing changed */
};

/*
 * Install, activate or deactivate the time-based key (info decoded from
 * it) and save the store; on DEVICE_TIMED_OK *remaining is the seconds
 * the key has left. On any error the keys are as before.
 */
enum device_timed_err device_license_timed(struct device *,
	    enum device_timed_op, const struct lic_key *,
	    const struct lic_keyinfo *info, uint64_t *remaining);

/* ---- Running configuration data (running.c, iface.c) ---- */

#define IF_NAME_MAX	64	/* "GigabitEthernet0/1.4294967293" */
#define IF_NAMEIF_MAX	48	/* ASA: nameif is 1-48 characters */
#define LS_SERIAL_MAX	32
#define LS_PORT_DEFAULT	50554	/* chapter: "The default is TCP port 50554" */
#define LS_REFRESH_DEFAULT 30

/* One interface: a platform port, or one of its subinterfaces. */
struct iface {
	char		 name[IF_NAME_MAX]; /* canonical: "GigabitEthernet0/1" */
	bool		 sub;		/* a subinterface (name has ".N") */
	uint32_t	 subnum;	/* its N */
	size_t		 port;		/* index of the physical interface
					   in cfg_ext.ifs (itself if not sub) */
	uint32_t	 vlan;		/* 0: no vlan */
	char		 nameif[IF_NAMEIF_MAX + 1]; /* "": no nameif */
	bool		 has_sec;
	uint32_t	 sec;		/* security-level 0-100 */
	bool		 has_ip;
	uint32_t	 ip, mask;	/* host order */
	bool		 has_standby;
	uint32_t	 standby;
	bool		 shutdown;
};

/* The shared-licensing configuration: server and participant sides. */
struct ls_cfg {
	char		*secret;	/* server secret; NULL: unset */
	uint32_t	 port;		/* LS_PORT_DEFAULT unless set */
	uint32_t	 refresh;	/* LS_REFRESH_DEFAULT unless set */
	char		**enable;	/* "license-server enable" nameifs */
	size_t		 nenable;
	bool		 backup;	/* "license-server backup A backup-id" */
	uint32_t	 backup_ip;
	char		 backup_id[LS_SERIAL_MAX + 1];
	char		 ha_id[LS_SERIAL_MAX + 1]; /* "": none */
	bool		 client;	/* "license-server address" */
	uint32_t	 server_ip;
	char		*client_secret;	/* owned */
	uint32_t	 client_port;	/* LS_PORT_DEFAULT unless given */
	bool		 has_backup_addr; /* "license-server backup address" */
	uint32_t	 backup_addr;
	char		**benable;	/* "license-server backup enable" */
	size_t		 nbenable;
};

#define AAA_NAME_MAX	64	/* [M] ASA user names: up to 64 characters */
#define AAA_HASH_MAX	32	/* an "encrypted" password as typed */
#define SSH_TIMEOUT_DEFAULT 5	/* minutes (9.3 capture: "ssh timeout 5") */

/* One "username NAME password HASH encrypted [privilege N]". */
struct aaa_user {
	char		 name[AAA_NAME_MAX + 1];
	char		 hash[AAA_HASH_MAX + 1];
	uint32_t	 privilege;	/* 0-15, 2 unless given */
};

/* One "ssh A.B.C.D MASK NAMEIF". */
struct ssh_acl {
	uint32_t	 ip, mask;	/* host order */
	char		 nameif[IF_NAMEIF_MAX + 1];
};

/* The local user database and the SSH access settings. */
struct aaa_cfg {
	struct aaa_user	*users;		/* in the order first configured */
	size_t		 nusers;
	bool		 ssh_local;	/* aaa authentication ssh console LOCAL */
	struct ssh_acl	*ssh;		/* in the order configured */
	size_t		 nssh;
	uint32_t	 ssh_timeout;	/* minutes, SSH_TIMEOUT_DEFAULT */
};

/*
 * A string-keyed index of interfaces (iface.c): key -> canonical name.
 * Open addressing; cap is a power of two (0: empty).
 */
struct iface_map {
	struct iface_key *e;		/* n entries (room for cap / 2), owned */
	struct iface_slot *slot;	/* cap slots, owned */
	size_t		 n;
	size_t		 cap;
};

/* Interfaces, license-server and tls-proxy: struct device.ext. */
struct cfg_ext {
	struct iface	*ifs;		/* ports in platform order, each
					   followed by its subinterfaces in
					   ascending number */
	size_t		 nifs;
	size_t		 aifs;		/* allocated */
	size_t		*ports;		/* index in ifs of each port, in
					   order; owned */
	size_t		 nports;
	struct iface_map by_nameif;	/* nameif -> interface */
	struct iface_map by_vlan;	/* "PORT#VLAN" -> subinterface */
	struct ls_cfg	 ls;
	bool		 tls_set;	/* tls-proxy maximum-sessions given */
	uint32_t	 tls_sessions;
	struct aaa_cfg	 aaa;		/* username, aaa, ssh */
};

/* A fresh configuration for platform p (factory interfaces); its free. */
struct cfg_ext *cfg_ext_new(const struct lic_platform *p);
void	 cfg_ext_free(struct cfg_ext *);
/*
 * clear configure all, but the TLS proxy limit (device_tls_clear):
 * hostname, enable password, pager lines, interfaces, license-server,
 * users and ssh, and "no anyconnect-essentials" (the license follows).
 */
void	 device_config_clear(struct device *);

/*
 * The physical interface typed: a case-insensitive unique prefix of a
 * port type followed by exactly its numbers ("g0/1", "management0/0");
 * *sub gets N of "NAME.N" (0: none). Its index in ext->ifs, or
 * (size_t)-1.
 */
size_t	 device_iface_resolve(const struct device *, const char *typed,
	    uint32_t *sub);
/* The canonical name of port's subinterface sub (0: the port itself). */
void	 device_iface_name(const struct device *, size_t port, uint32_t sub,
	    char name[IF_NAME_MAX]);
/* The index of the interface of canonical name, or (size_t)-1. */
size_t	 device_iface_find(const struct device *, const char *name);
/*
 * Port's subinterface sub (0: the port): as device_iface_find of its
 * canonical name, and by a binary search in the system space, whose
 * ports are the platform's (no dot in their names).
 */
size_t	 device_iface_sub(const struct device *, size_t port, uint32_t sub);
/* The interface whose nameif is name (case as typed), or NULL. */
const struct iface *device_iface_by_nameif(const struct device *,
	    const char *name);
/* Set (or with "", clear) the nameif of interface f; others' are unique. */
void	 device_iface_set_nameif(struct device *, struct iface *f,
	    const char *name);
/* The subinterface of port with this vlan, or NULL. */
const struct iface *device_iface_by_vlan(const struct device *, size_t port,
	    uint32_t vlan);
/* Set (or with 0, clear) the vlan of subinterface f; unique per port. */
void	 device_iface_set_vlan(struct device *, struct iface *f, uint32_t vlan);
/* How many subinterfaces have a vlan. */
size_t	 device_iface_vlans(const struct device *);
/*
 * Add subinterface port.sub, canonical name, after its port's
 * lower-numbered ones; its index. The licensed maximum is the caller's.
 */
size_t	 device_iface_create(struct device *, size_t port, uint32_t sub,
	    const char *name);
/* Remove interface at, and the license-server lines naming its nameif. */
void	 device_iface_remove(struct device *, size_t at);

/* Free the settings and set the defaults. */
void	 ls_cfg_clear(struct ls_cfg *);
/* The running shared-license value: 0 none, 1 participant, 2 server. */
uint32_t device_ls_role(const struct device *);
/* Add or drop nameif in "license-server [backup] enable" (in order). */
void	 device_ls_enable_set(struct device *, bool backup,
	    const char *nameif, bool add);
/* Drop "license-server [backup] enable" lines naming nameif. */
void	 device_ls_forget_nameif(struct device *, const char *nameif);

/* The TLS proxy limits under the running license. */
void	 device_tls_limits(const struct device *, struct lic_tls_limits *);
/* The limit in force: configured, or the license's default. */
uint32_t device_tls_sessions(const struct device *);
/*
 * A key was applied: "When you apply a UC license that is higher than the
 * default TLS proxy limit, the ASA automatically sets the TLS proxy limit
 * to match the UC limit" (Table 5-16), whatever was set before.
 */
void	 device_tls_uc_applied(struct device *, uint32_t uc_before);
/* clear configure tls-proxy, no tls-proxy maximum-sessions: the platform
 * default. */
void	 device_tls_clear(struct device *);

/* ---- Who may log in: username, aaa, ssh (aaa.c) ---- */

/* Free the settings and set the defaults (no users, no ssh lines). */
void	 aaa_cfg_clear(struct aaa_cfg *);
/* The user called name, or NULL. */
const struct aaa_user *device_aaa_user(const struct device *,
	    const char *name);
/* Add or replace user name; remove it (false when there was none). */
void	 device_aaa_user_set(struct device *, const struct aaa_user *);
bool	 device_aaa_user_remove(struct device *, const char *name);
/* Add an ssh line (once); remove one (false when there was none). */
void	 device_ssh_add(struct device *, const struct ssh_acl *);
bool	 device_ssh_remove(struct device *, const struct ssh_acl *);
/* Drop the ssh lines naming nameif (the name left its interface). */
void	 device_ssh_forget_nameif(struct device *, const char *nameif);
/* ---- The device on its lab's network (net.c) ---- */

struct event_loop;

/*
 * Serve the device's endpoints on its lab's network from loop (an
 * always-on device; a device without a lab stays off the network).
 */
void	 device_net_start(struct device *, struct event_loop *);
/* Close every endpoint (device_free does). */
void	 device_net_stop(struct device *);
/*
 * Make the endpoints match the configuration, the shutdown state and the
 * links: listeners open or close, connections through a closed one end.
 * After every command.
 */
void	 device_net_sync(struct device *);
/*
 * Connect to ip:port through the interface named nameif, or the one whose
 * subnet holds ip; *src gets its address. The socket, or -1 with errno:
 * ENETUNREACH (no such interface or subnet), ENETDOWN (it is down, or
 * the device is off the network), ECONNREFUSED (nobody listens).
 */
int	 device_net_connect(struct device *, const char *nameif, uint32_t ip,
	    uint16_t port, uint32_t *src);
/*
 * emulator link: the cable of physical interface port (index in ext->ifs)
 * in (up) or out. Not configuration: a reload plugs it back. 0, or -1
 * when the device is off the network.
 */
int	 device_link_set(struct device *, size_t port, bool up);
/* Whether f and its port are not shut down and the cable is in. */
bool	 device_iface_up(const struct device *, const struct iface *f);

#endif
