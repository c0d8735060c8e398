/* SPDX-License-Identifier: MIT */
/*
 * The commands: the entry table, the per-session context and the
 * messages. This library joins the shell (grammar, output) and the
 * device (device/device.h).
 */
#ifndef ASA_COMMANDS_COMMANDS_H
#define ASA_COMMANDS_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "device/device.h"
#include "licensing/licensing.h"
#include "models/models.h"
#include "shell/shell.h"

/* ---- Command context ---- */

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
	size_t		 cur_if_at;	/* its index in the ifs: a
					   guess iface_cur checks by name */
	bool		 replay;	/* cmd_boot is replaying the startup
					   configuration: no INFO */
	unsigned	 rommon_n;	/* the N of "rommon #N> " */
	bool		 rommon_new;	/* ROMMON just entered: #0 */
	char		 rommon_prompt[24];
	char		 prompt_host[96]; /* prompt_host's (prompt.c) */
	/* Syslog lines this session printed, for the console too (an
	   always-on device); NULL: none. */
	void		(*notify)(struct cmd_ctx *, const char *text);
	/* Multiple context mode: where the session is (changeto) and the
	   (config-ctx) context; "": the system execution space. */
	char		 space[CTX_NAME_MAX + 1];
	char		 cur_ctx[CTX_NAME_MAX + 1];
	unsigned	 cur_fo_group;	/* (config-fover-group): 1 or 2 */
	char		 ctx_prompt[128]; /* "hostname/context" */
	struct cmd_grammars *gr;	/* per space; NULL: one grammar */
	/*
	 * The scheduled reload (dev->reload_at) was set, cancelled, or
	 * device time moved (emulator advance-time): an always-on device
	 * arms its timer, which reloads on the console (cmd_reload_due).
	 * NULL (a batch run): emulator advance-time passing the time
	 * reloads there and then, in the session that typed it.
	 */
	void		(*reload_changed)(void *arg);
	void		*reload_arg;
	bool		 loading_context; /* a context's file is replaying */
	bool		 fo_apply;	/* the mate's configuration is */
};

/* ---- The command sets of single mode and of each space (spaces.c) ---- */

enum cmd_space {
	CMD_SPACE_SINGLE,	/* single context mode: the whole table */
	CMD_SPACE_SYSTEM,	/* the system execution space */
	CMD_SPACE_CONTEXT,	/* a security context */
	CMD_SPACE_COUNT
};

struct cmd_grammars {
	struct grammar	*g[CMD_SPACE_COUNT];	/* NULL: not built yet */
	grammar_limit_fn *limit;		/* given to each one built */
	void		*limit_arg;
};

/* None of the grammars built yet. */
struct cmd_grammars *cmd_grammars_new(void);
/*
 * Space sp's grammar from cmd_table, built now unless it was: NULL with
 * *cause when the table does not build (duplicate syntax, conflicting
 * help, an unknown type).
 */
struct grammar *cmd_grammars_build(struct cmd_grammars *, enum cmd_space,
	    char **cause);
/*
 * Space sp's grammar, built on first use. A table that does not build
 * aborts with its cause (test_cmd_table builds every space).
 */
const struct grammar *cmd_grammar(struct cmd_grammars *, enum cmd_space);
/*
 * Take space sp's grammar from an image of it (grammar_image_write, as
 * asaemu-grammargen writes it from cmd_table at build time) rather than
 * building it when first asked; im must outlive gs.
 */
void	 cmd_grammars_use_image(struct cmd_grammars *gs, enum cmd_space sp,
	    const struct grammar_image *im);
void	 cmd_grammars_free(struct cmd_grammars *);
/* The range limits of every grammar, built or to be built. */
void	 cmd_grammars_set_limits(struct cmd_grammars *, grammar_limit_fn *,
	    void *);
/* The space a session of dev starts in (cmd_boot, a new login). */
enum cmd_space cmd_space_start(const struct device *);
/*
 * Put the session in a space: name a context, or NULL for the system
 * execution space (single mode: the one space). Its grammar follows.
 */
void	 cmd_space_enter(struct cmd_ctx *, const char *name);
/* Before each command: the session's space selected, time-based keys. */
enum cmd_status cmd_before(struct cmd_ctx *);
/* Whether the session is in a context (multiple context mode). */
bool	 cmd_in_context(const struct cmd_ctx *);

/* After every command: the device's network endpoints follow it. */
void	 cmd_network_sync(struct cmd_ctx *);
/* After each line typed: at ROMMON, the prompt's number moves on. */
void	 cmd_rommon_line(struct cmd_ctx *);

/* Every command, in '?' order; NULL-terminated. */
extern const struct cmd_entry *const cmd_table[];

/* The run-time range maxima of the grammar ("tls-max"); 0: unknown. */
uint32_t cmd_limit(void *ctx, const char *limit);

/* The prompt's host part: the hostname, or "rommon #N" at ROMMON. */
const char *cmd_prompt_host(struct cmd_ctx *);

/* The ASDM release shipped with software release v ("7.6(2)"). */
const char *cmd_asdm_release(uint32_t v);

/*
 * If the scheduled reload's time has come: the shutdown and the boot,
 * printed on ctx (the console of an always-on device); true when it
 * reloaded.
 */
bool	 cmd_reload_due(struct cmd_ctx *);
/* The time left to the scheduled reload, for an event timer: ms. */
uint64_t cmd_reload_left_ms(const struct device *);

/* Boot: replay the startup configuration as a reload would. */
void	 cmd_boot(struct cmd_ctx *);
/*
 * At start: the device's key checks at reload, their messages printed
 * (timed.c).
 */
void	 cmd_license_boot(struct cmd_ctx *);
/* Count time-based keys down and print the syslog messages; run before
 * each command. CMD_ERROR when an ERROR was printed (the store). */
enum cmd_status cmd_license_tick(struct cmd_ctx *);
/* Print the syslog lines of what shared licensing reported (shared.c). */
void	 cmd_shared_report(struct cmd_ctx *);

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
	MSG_KEY_DOWNGRADE_EARLIER,
	MSG_KEY_DOWNGRADE_BASE,
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
	MSG_SHOW_TERMINAL,
	MSG_MEMORY,
	MSG_INVENTORY_ITEM,
	MSG_KEY_TIMED_EXPIRED,
	MSG_KEY_ALREADY_INSTALLED,
	MSG_NPE_REFUSED,
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
	MSG_AAA_NO_USER,
	MSG_AAA_NAME_LONG,
	MSG_AAA_BAD_HASH,
	MSG_AAA_PASSWORD_LEN,
	MSG_AAA_DB_EMPTY,
	MSG_SSH_ADDR_MASK,
	MSG_WHO_ROW,
	MSG_SSH_SESSIONS_HEADER,
	MSG_SSH_SESSIONS_ROW,
	MSG_SSH_NO_SESSION,
	MSG_PING_TCP_START,
	MSG_PING_TCP_OK,
	MSG_PING_TCP_NONE,
	MSG_PING_NO_IF,
	MSG_PING_NO_ROUTE,
	MSG_LINK_OFF_NETWORK,
	MSG_FS_INVALID,
	MSG_FS_OPEN_ERROR,
	MSG_DIR_HEADER,
	MSG_DIR_ROW,
	MSG_DIR_EMPTY,
	MSG_DIR_TOTALS,
	MSG_FLASH_HEADER,
	MSG_FLASH_ROW,
	MSG_DELETE_FILENAME,
	MSG_DELETE_CONFIRM,
	MSG_DELETE_ERROR,
	MSG_SOURCE_FILENAME,
	MSG_DEST_FILENAME,
	MSG_RENAME_ERROR,
	MSG_MKDIR_FILENAME,
	MSG_MKDIR_DONE,
	MSG_MKDIR_ERROR,
	MSG_RMDIR_FILENAME,
	MSG_RMDIR_DONE,
	MSG_RMDIR_ERROR,
	MSG_VERIFY_DONE,
	MSG_VERIFY_MD5,
	MSG_VERIFY_MATCH,
	MSG_VERIFY_MISMATCH,
	MSG_VERIFY_START,
	MSG_VERIFY_NOT_IMAGE,
	MSG_VERIFY_EMBEDDED,
	MSG_VERIFY_COMPUTED,
	MSG_VERIFY_BAD,
	MSG_VERIFY_GOOD,
	MSG_REMOTE_HOST,
	MSG_SOURCE_USER,
	MSG_SOURCE_PASSWORD,
	MSG_COPY_CHECKSUM,
	MSG_COPY_ACCESSING,
	MSG_COPY_WRITING,
	MSG_COPY_WRITE_ERROR,
	MSG_COPY_EXISTS,
	MSG_COPY_OVERWRITE,
	MSG_COPIED_SHORT,
	MSG_COPIED_RATE,
	MSG_BOOT_CONVERTING,
	MSG_BOOTVAR_BOOT,
	MSG_BOOTVAR_CURRENT,
	MSG_BOOTVAR_CONFIG,
	MSG_RELOAD_SAVE,
	MSG_RELOAD_PROCEED,
	MSG_RELOAD_SHUTDOWN,
	MSG_RELOAD_SHUTDOWN_QUICK,
	MSG_RELOAD_REASON,
	MSG_RELOAD_REBOOT_8X,
	MSG_RELOAD_REBOOT_9X,
	MSG_ROMMON_BANNER,
	MSG_BOOT_LAUNCH,
	MSG_BOOT_ENTRIES,
	MSG_BOOT_SEARCH,
	MSG_BOOT_LOADING,
	MSG_BOOT_BOOTING,
	MSG_BOOT_NOT_FOUND,
	MSG_BOOT_BAD_IMAGE,
	MSG_BOOT_UNSUPPORTED,
	MSG_BOOT_UNABLE,
	MSG_BOOT_BANNER,
	MSG_BOOT_READING,
	MSG_BOOT_TYPE_HELP,
	MSG_ROMMON_HELP,
	MSG_NO_RELOAD,
	MSG_ROMMON_DIR,
	MSG_ROMMON_DIR_ROW,
	MSG_ROMMON_SET,
	MSG_ROMMON_SET_ROW,
	MSG_ROMMON_PORT,
	MSG_ROMMON_BAD_VALUE,
	MSG_ROMMON_PING,
	MSG_ROMMON_PING_RATE,
	MSG_ROMMON_SYNC,
	MSG_ROMMON_SYNC_FAILED,
	MSG_ROMMON_TFTP,
	MSG_ROMMON_TFTP_NO_ADDRESS,
	MSG_ROMMON_TFTP_NO_IMAGE,
	MSG_ROMMON_TFTP_FAILED,
	MSG_ROMMON_TFTP_RECEIVED,
	MSG_ROMMON_TFTP_BAD_IMAGE,
	MSG_TFTP_BOOTED_IMAGE,
	MSG_ROMMON_CONFREG,
	MSG_ROMMON_CONFREG_SET,
	MSG_VPN_SUMMARY,
	MSG_SYSLOG_444100_SECRET,
	MSG_SYSLOG_444100_PEER,
	MSG_SYSLOG_444100_BAD,
	MSG_SYSLOG_444101,
	MSG_SYSLOG_444102,
	MSG_SYSLOG_444104,
	MSG_SYSLOG_444105,
	MSG_SYSLOG_444108_JOINED,
	MSG_SYSLOG_444108_EXPIRED,
	MSG_SYSLOG_444109,
	MSG_SYSLOG_444110,
	MSG_LS_BACKUP_STATUS,
	MSG_FO_NO_LICENSE,
	MSG_FO_ZERO_KEY,
	MSG_FO_NAMEIF,
	MSG_FO_NOT_FAILOVER_IF,
	MSG_FO_HOLDTIME,
	MSG_FO_NOT_ENABLED,
	MSG_FO_NO_MATE,
	MSG_FO_STANDBY_CONFIG,
	MSG_FO_EXEC_NO_MATE,
	MSG_FO_CON_DETECTED,
	MSG_FO_CON_NO_ACTIVE,
	MSG_FO_CON_SWITCH_ACTIVE,
	MSG_FO_CON_SWITCH_STANDBY,
	MSG_FO_CON_SEND_BEGIN,
	MSG_FO_CON_SEND_END,
	MSG_FO_CON_RECV_BEGIN,
	MSG_FO_CON_RECV_END,
	MSG_FO_CON_MATE_LOST,
	MSG_FO_CON_LAN_FAILED,
	MSG_FO_CON_LAN_OK,
	MSG_FO_CON_REFUSED,
	MSG_FO_CON_GRACE_OVER,
	MSG_FO_CON_RESTORED,
	MSG_FO_CON_VERSION,
	MSG_FO_CON_KEY,
	MSG_FO_REF_PLATFORM,
	MSG_FO_REF_NO_FAILOVER,
	MSG_FO_REF_NO_CLUSTER,
	MSG_FO_REF_ENCRYPTION,
	MSG_FO_REF_IPS,
	MSG_FO_REF_ZERO_KEY,
	MSG_FO_REF_NOT_IDENTICAL,
	MSG_FO_REF_VERSION,
	MSG_FO_CLUSTER,
	MSG_FO_GROUP_SINGLE,
	MSG_FO_GROUP_LICENSE,
	MSG_FO_GROUP_REMOVE_CTX,
	MSG_FO_GROUP_REMOVE_1,
	MSG_FO_GROUP_NONE,
	MSG_CL_NO_PLATFORM,
	MSG_CL_NO_LICENSE,
	MSG_CL_NO_GROUP,
	MSG_CL_ONE_GROUP,
	MSG_CL_NAME_LONG,
	MSG_CL_KEY_LONG,
	MSG_CL_NAMEIF,
	MSG_CL_ENABLED,
	MSG_CL_INCOMPLETE,
	MSG_CL_FAILOVER,
	MSG_CL_NOT_CONFIGURED,
	MSG_CL_SLAVE_CONFIG,
	MSG_CL_CON_STATE,
	MSG_CL_CON_DETECTED,
	MSG_CL_CON_RECV_BEGIN,
	MSG_CL_CON_RECV_END,
	MSG_CL_CON_JOINED,
	MSG_CL_CON_LOST,
	MSG_CL_CON_ASKED_QUIT,
	MSG_CL_CON_REFUSED,
	MSG_CL_CON_LINK_DOWN,
	MSG_CL_CON_GRACE_OVER,
	MSG_CL_CON_GRACE_LOCAL,
	MSG_CL_CON_RESTORED,
	MSG_CL_CON_CLEANUP,
	MSG_CL_REF_KEY,
	MSG_CL_REF_NO_CLUSTER,
	MSG_CL_REF_ENCRYPTION,
	MSG_CL_REF_PLATFORM,
	MSG_CL_REF_LICENSE,
	MSG_CL_REF_FULL,
	MSG_CL_REF_NAME,
	MSG_MODE_WARNING,
	MSG_MODE_PROCEED,
	MSG_MODE_CONVERT,
	MSG_MODE_CONVERTING,
	MSG_MODE_SET,
	MSG_MODE_SHUTDOWN,
	MSG_MODE_NOT_LICENSED,
	MSG_CTX_INVALID,
	MSG_CTX_LIMIT,
	MSG_CTX_NO_URL,
	MSG_CTX_DEFAULT_CONFIG,
	MSG_CTX_MAPPED_USED,
	MSG_CTX_HEADER,
	MSG_CTX_COUNT,
	MSG_CTX_SAVING,
	MSG_CTX_NO_ADMIN,
	MSG_CTX_NAME_LONG,
	MSG_CTX_ADMIN_REMOVE,
	MSG_CONFIG_LINE,
	MSG_STARTUP_ERRORS,
	MSG_RELOAD_SCHEDULED,
	MSG_RELOAD_ABORTED,
	MSG_COUNT
};

/* The message text (printf format where it takes arguments). */
const char *msg(enum msg_id);

/* Print an ERROR message; returns CMD_ERROR. */
enum cmd_status cmd_error(struct cmd_ctx *, enum msg_id, ...);

/* ---- Logins (ssh.c, aaa.c) ---- */

/*
 * Whether the device lets user log in over SSH with password from
 * from_ip (host order), by its running configuration: an "ssh" line
 * must permit the address; then "aaa authentication ssh console LOCAL"
 * and the local user database decide (without it, only releases before
 * 8.4(2) accept the user "pix" with the login password). On refusal
 * *why says why (a static string, for logs); NULL when accepted.
 */
bool	 cmd_ssh_allowed(const struct device *, const char *user,
	    const char *password, uint32_t from_ip, const char **why);

/* ---- Failover (failover.c) ---- */

struct fo_event;

/* A standby unit applies the configuration its active mate sent. */
void	 cmd_failover_apply(struct cmd_ctx *, const char *config);
/*
 * Multiple context mode: context name's running configuration received
 * from the mate (the unit where its failover group is active), in place
 * of its own; nothing when the unit has no such context.
 */
void	 cmd_failover_apply_context(struct cmd_ctx *, const char *name,
	    const char *config);
/* The console lines of a failover event. */
void	 cmd_failover_event(struct cmd_ctx *, const struct fo_event *);

/* ---- Clustering (cluster_run.c) ---- */

struct cl_event;

/* A slave applies the configuration its master sent (its own cluster
 * bootstrap kept). */
void	 cmd_cluster_apply(struct cmd_ctx *, const char *config);
/* The console lines of a cluster event. */
void	 cmd_cluster_event(struct cmd_ctx *, const struct cl_event *);
/*
 * Before a command runs (session_opts.allow): CMD_ERROR, with the ASA's
 * message, for a configuration command typed on a slave unit, which
 * takes its configuration from the master only; else CMD_OK.
 */
enum cmd_status cmd_cluster_allow(struct cmd_ctx *, const struct cmd_entry *,
	    enum mode);

/* ---- Running configuration (config.c) ---- */

/*
 * The configuration body as show running-config prints it (owned); mask
 * shows secrets as "*****" (show running-config), else they are kept
 * (write memory, so that a reload replays them).
 */
char	*config_render(const struct device *, bool mask);
/*
 * Run configuration text line by line in configuration mode, as a boot
 * or copy ... running-config does (comments and framing skipped).
 */
void	 config_replay(struct cmd_ctx *, const char *text);
/* The saved form: header, body, Cryptochecksum, ": end" (owned). */
char	*config_render_saved(const struct device *, char checksum[33],
	    bool mask);

#endif
