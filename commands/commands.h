/* SPDX-License-Identifier: MIT */
/*
 * The commands and the simulated device they act on. This library joins
 * the shell (grammar, output), the model data and the licensing engine.
 */
#ifndef ASA_COMMANDS_COMMANDS_H
#define ASA_COMMANDS_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "licensing/licensing.h"
#include "models/models.h"
#include "shell/shell.h"

/* ---- The device ---- */

/* The device's activation keys and running license (license.c). */
struct license {
	bool			 has_running;	/* a running permanent key */
	struct lic_key		 running_key;
	struct lic_keyinfo	 running_info;
	bool			 has_flash;	/* a flash permanent key */
	struct lic_key		 flash_key;	/* differs from running while a
						   new key waits for a reload */
	struct lic_keyinfo	 flash_info;
	struct lic_timed	*timed;		/* installed time-based keys */
	size_t			 ntimed;
	bool			 no_essentials;	/* "no anyconnect-essentials" */
	bool			 invalid;	/* the store was not valid */
	struct lic_running	 run;		/* computed */
};

struct device_opts {
	const struct model_db	*db;
	const char		*model;	   /* platform id */
	const char		*serial;
	const char		*software; /* "9.1(7)32" */
	const char		*flash;	   /* directory; NULL: the default */
	const char		*clock;	   /* YYYY-MM-DDTHH:MM:SSZ: frozen */
	bool			 npe;	   /* No Payload Encryption variant */
};

struct device {
	const struct model_db	*db;
	const struct lic_platform *platform;
	char			 serial[32];
	uint32_t		 version;	/* running software */
	bool			 npe;		/* No Payload Encryption model */
	struct license		 lic;
	char			*flash;		/* owned path */
	int			 lock_fd;	/* flock on flash/.lock */

	/* The clock: device time is host time + offset, or frozen. */
	bool			 frozen;
	struct timespec		 frozen_at;	/* when frozen */
	struct timespec		 offset;	/* device - host otherwise */
	struct timespec		 booted;	/* device time at boot */

	/* Running configuration. */
	char			*hostname;	/* owned */
	char			 enable_hash[32]; /* "" when not set */
	unsigned		 pager_lines;	/* "pager lines", 24 */
	bool			 modified;	/* since boot */
	struct timespec		 modified_at;
	char			 modified_by[32];

	struct cfg_ext		*ext;	/* interfaces, license-server,
					   tls-proxy (commands_int.h) */
};

/*
 * Create a device: find the platform, lock the flash directory (a second
 * process on it is refused), set the clock. NULL with *cause (caller
 * frees) when it cannot.
 */
struct device *device_new(const struct device_opts *, char **cause);
void	 device_free(struct device *);

/* The default flash: $XDG_STATE_HOME/asaemu/SERIAL or ~/.local/state/... */
char	*device_default_flash(const char *serial);

/* Device time now. */
struct timespec device_now(const struct device *);
/*
 * Set device time (clock set); time-based keys do not count the jump
 * (license_clock_set).
 */
void	 device_set_time(struct device *, time_t);
/*
 * Let secs of device time pass (emulator advance-time): time-based keys
 * count it at the next device_license_tick. The clock offset is kept on flash
 * when the clock is not frozen, as an ASA's clock survives a reload.
 */
void	 device_advance_time(struct device *, time_t secs);
/* "14:35:24.486 UTC Wed Jun 9 2021" into buf. */
char	*device_format_time(struct timespec, char *buf, size_t len);

/*
 * Read a file of the hidden flash area (flash/.private/name); the caller
 * frees. NULL when absent.
 */
char	*device_flash_read(const struct device *, const char *name,
	    size_t *len);
/*
 * Write a file of the hidden area atomically (temporary file, fsync,
 * rename). 0, or -1 with errno.
 */
int	 device_flash_write(const struct device *, const char *name,
	    const char *data, size_t len);
int	 device_flash_remove(const struct device *, const char *name);

/* Note a configuration change by the current user. */
void	 device_touch(struct device *);

/* Read the key store from flash (at boot) and compute the license. */
void	 license_load(struct device *);
/* Write the key store atomically. 0, or -1 with errno. */
int	 license_save(const struct device *);
/* Recompute the running license after a key or setting changed. */
void	 license_compute(struct device *);
/* The clock was set from old to now: keys do not count the jump. */
void	 license_clock_set(struct device *, int64_t old, int64_t now);

/* What the device's timer reports, for the console to word (timer.c). */
enum device_event_kind {
	DEVICE_EV_STORE_INVALID,	/* boot: the key store was not valid;
					   the device runs on Base */
	DEVICE_EV_KEY_EXPIRED,		/* key ran out: exp[0..nexp) */
	DEVICE_EV_KEY_WARNING,		/* key expires in remaining secs */
	DEVICE_EV_STORE_FAILED,		/* the store was not saved: err */
};

struct device_event {
	enum device_event_kind	 kind;
	struct lic_key		 key;	    /* EXPIRED, WARNING */
	struct lic_expiry	*exp;	    /* EXPIRED: what replaced each of
					       its grants; owned */
	size_t			 nexp;
	uint64_t		 remaining; /* WARNING: seconds left */
	int			 err;	    /* STORE_FAILED: errno */
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
enum lic_err license_decode(const struct device *, const struct lic_key *,
	    struct lic_keyinfo *);
void	 license_release(struct license *);

/* ---- Command context ---- */

#define IF_NAME_MAX	64	/* "GigabitEthernet0/1.4294967293" */

/*
 * One session's view: its terminal and output, the device it acts on,
 * and what is per login on an ASA (two sessions differ in these).
 */
struct cmd_ctx {
	struct session	*sess;
	struct out	*out;
	struct device	*dev;
	unsigned	 term_pager;	/* "terminal pager"; 0: pager_lines */
	bool		 term_pager_set;
	int		 enable_failures;
	char		 cur_if[IF_NAME_MAX]; /* the (config-if) interface */
	bool		 replay;	/* cmd_boot is replaying the startup
					   configuration: no INFO */
};

/* Every command, in '?' order; NULL-terminated. */
extern const struct cmd_entry *const cmd_table[];

/* The run-time range maxima of the grammar ("tls-max"); 0: unknown. */
uint32_t cmd_limit(void *ctx, const char *limit);

/* Boot: replay the startup configuration as a reload would. */
void	 cmd_boot(struct cmd_ctx *);
/*
 * At start: the device's key checks at reload, their messages printed
 * (timed.c).
 */
void	 cmd_license_boot(struct cmd_ctx *);
/* Count time-based keys down and print the syslog messages; run before
 * each command. */
void	 cmd_license_tick(struct cmd_ctx *);

/* ---- Messages (messages.c: every user-visible ASA string) ---- */

enum msg_id {
	MSG_ENABLE_PASSWORD,
	MSG_ENABLE_INVALID,
	MSG_ENABLE_DENIED,
	MSG_LOGOFF,
	MSG_BUILDING,
	MSG_CHECKSUM_WRITE,
	MSG_BYTES_COPIED,
	MSG_OK,
	MSG_ERASE_CONFIRM,
	MSG_NO_STARTUP,
	MSG_FLASH_WRITE_FAILED,
	MSG_HOSTNAME_INVALID,
	MSG_CLOCK_INVALID,
	MSG_FLASH_SAME,
	MSG_FLASH_DIFFERENT,
	MSG_FLASH_SAME_82,
	MSG_FLASH_DIFFERENT_82,
	MSG_KEY_INVALID_BOOT,
	MSG_KEY_VALIDATING,
	MSG_KEY_NOT_VALID,
	MSG_KEY_BOTH_UPDATED,
	MSG_KEY_RELOAD_WARNING,
	MSG_KEY_PROCEED,
	MSG_KEY_FLASH_UPDATED,
	MSG_KEY_STORE_FAILED,
	MSG_KEY_NOT_TIMED,
	MSG_KEY_EVAL_BLOCKS,
	MSG_KEY_NOT_INSTALLED,
	MSG_KEY_TIMED_ACTIVE,
	MSG_KEY_TIMED_INACTIVE,
	MSG_CURPRIV,
	MSG_KEY_TIMED_EXPIRED,
	MSG_SYSLOG_444004,
	MSG_SYSLOG_444005,
	MSG_SYSLOG_444007_PERM,
	MSG_SYSLOG_444007_TIMED,
	MSG_IF_SECLEVEL_DEFAULT,
	MSG_IF_UNKNOWN,
	MSG_IF_PHYSICAL,
	MSG_IF_MAX,
	MSG_IF_VLAN_MAX,
	MSG_IF_VLAN_PHYSICAL,
	MSG_IF_VLAN_USED,
	MSG_IF_NAMEIF_USED,
	MSG_IF_NAMEIF_LONG,
	MSG_IF_BAD_MASK,
	MSG_IF_BAD_STANDBY,
	MSG_LS_NEED_SERVER,
	MSG_LS_NEED_PARTICIPANT,
	MSG_LS_SECRET_LEN,
	MSG_LS_NO_NAMEIF,
	MSG_LS_BAD_SERIAL,
	MSG_LS_NOT_CONFIGURED,
	MSG_TLS_BELOW_UC,
	MSG_COUNT
};

/* The message text (printf format where it takes arguments). */
const char *msg(enum msg_id);

/* Print an ERROR message; returns CMD_ERROR. */
enum cmd_status cmd_error(struct cmd_ctx *, enum msg_id, ...);

/* ---- Running configuration (config.c) ---- */

/*
 * The configuration body as show running-config prints it (owned); mask
 * shows secrets as "*****" (show running-config), else they are kept
 * (write memory, so that a reload replays them).
 */
char	*config_render(const struct device *, bool mask);
/* The saved form: header, body, Cryptochecksum, ": end" (owned). */
char	*config_render_saved(const struct device *, char checksum[33],
	    bool mask);

#endif
