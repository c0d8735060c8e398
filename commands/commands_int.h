/* SPDX-License-Identifier: MIT */
/*
 * Private to commands/: the help of words shared by several entries, given
 * once here so that two entries never disagree (grammar_build fails if they
 * do), and the command entries cmd_table.c lists.
 */
#ifndef ASA_COMMANDS_COMMANDS_INT_H
#define ASA_COMMANDS_COMMANDS_INT_H

#include "commands/commands.h"
#include "device/boot.h"
#include "device/shared.h"

/* [M] ASA 8.x/9.x '?' listings (as IOS words them). */
#define HELP_CLEAR	"Reset functions"
#define HELP_CLOCK	"Manage the system clock"
#define HELP_CONFIGURE	"Configure using various methods"
#define HELP_ENABLE	"Turn on privileged commands"
#define HELP_NO		"Negate a command or set its defaults"
#define HELP_SHOW	"Show running system information"
#define HELP_TERMINAL	"Set terminal line parameters"
#define HELP_WRITE	"Write running configuration to memory, network, " \
			"or terminal"
#define HELP_EXIT	"Exit from the EXEC"
#define HELP_RUNNING	"Current operating configuration"
#define HELP_FAILOVER	"Enable/disable failover feature"
#define HELP_PAGER	"Control page length for pagination"
/* Shared by the EXEC and ROMMON entries of the same word. */
#define HELP_BOOT	"Modify system boot parameters"
#define HELP_DIR	"List files on a filesystem"
#define HELP_EMULATOR	"asaemu only (no such command on a real ASA): " \
			"control the emulator"

/*
 * The first release of the commands that not every supported release
 * (8.0(2) to 9.1(7)) has: struct cmd_entry's since, compared with the
 * session's release (set to the running release by cmd_space_enter), so
 * that a startup configuration replayed by an older release refuses
 * them. Commands without a since (hostname, interface, failover, ssh,
 * aaa, username, boot, mode, context, webvpn itself) exist throughout:
 * the 7.x command references already have them.
 */
/* [D] chapter and Cisco's 8.2 license document: shared AnyConnect
 * Premium licenses (license-server, show shared license) from 8.2(1). */
#define SINCE_SHARED_LICENSE	LIC_VERSION(8, 2, 1, 0)
/* [D] chapter, Table 5-20: AnyConnect Essentials from 8.2(1). */
#define SINCE_AC_ESSENTIALS	LIC_VERSION(8, 2, 1, 0)
/* [M] command reference history from memory: tls-proxy
 * maximum-sessions introduced in 8.0(4) (with the phone proxy). */
#define SINCE_TLS_MAX_SESSIONS	LIC_VERSION(8, 0, 4, 0)
/* [D] chapter (issue 10): time-based keys stack, and activate and
 * deactivate exist, from 8.3(1); before, entering a key activates it. */
#define SINCE_KEY_STACKING	LIC_VERSION(8, 3, 1, 0)
/* [M] command reference history from memory: ping's tcp keyword from
 * 8.4(1). */
#define SINCE_PING_TCP		LIC_VERSION(8, 4, 1, 0)
/* [D] chapter feature history: "Clustering license for the ASA 5580 and
 * ASA 5585-X", 9.0(1). The 5500-X's 9.1(4) is the platform's (its Cluster
 * row's <change>): cluster group refuses there before it. */
#define SINCE_CLUSTER		LIC_VERSION(9, 0, 1, 0)

/*
 * The startup configuration at boot: config_replay, and after each line
 * that printed something the "*** Output from config line N" marker;
 * what the lines printed, with the markers, is kept for show
 * startup-config errors.
 */
void	 config_replay_boot(struct cmd_ctx *, const char *text);
/*
 * A mate's configuration (failover, cluster): config_replay, but for the
 * top-level lines own() claims, with their sub-mode lines, which are the
 * unit's own.
 */
void	 config_replay_mate(struct cmd_ctx *, const char *text,
	    bool (*own)(const char *line));

/* reload.c and reload_sched.c. */
extern const struct cmd_help reload_help[];
/* Save the running configuration (write memory's lines); false: ERROR. */
bool	 reload_save_config(struct cmd_ctx *);
/* The shutdown messages, then the reboot (cmd_reboot). */
void	 reload_shutdown(struct cmd_ctx *, bool quick);
/* reload in / at, its dialogs answered: schedule it. */
enum cmd_status reload_schedule(struct cmd_ctx *, const struct cmd_args *);

extern const struct cmd_entry cmd_enable_entry;
extern const struct cmd_entry cmd_disable_entry;
extern const struct cmd_entry cmd_configure_terminal_entry;
extern const struct cmd_entry cmd_exit_entry;
extern const struct cmd_entry cmd_quit_entry;
extern const struct cmd_entry cmd_logout_entry;
extern const struct cmd_entry cmd_end_entry;
extern const struct cmd_entry cmd_hostname_entry;
extern const struct cmd_entry cmd_no_hostname_entry;
extern const struct cmd_entry cmd_no_enable_password_entry;
extern const struct cmd_entry cmd_no_pager_lines_entry;
extern const struct cmd_entry cmd_enable_password_entry;
extern const struct cmd_entry cmd_show_curpriv_entry;
extern const struct cmd_entry cmd_terminal_pager_entry;
extern const struct cmd_entry cmd_terminal_width_entry;
extern const struct cmd_entry cmd_pager_lines_entry;
extern const struct cmd_entry cmd_show_clock_entry;
extern const struct cmd_entry cmd_clock_set_entry;
extern const struct cmd_entry cmd_show_running_config_entry;
extern const struct cmd_entry cmd_show_startup_config_entry;
extern const struct cmd_entry cmd_show_startup_config_errors_entry;
extern const struct cmd_entry cmd_write_memory_entry;
extern const struct cmd_entry cmd_write_erase_entry;
extern const struct cmd_entry cmd_write_terminal_entry;
extern const struct cmd_entry cmd_asa_version_entry;
extern const struct cmd_entry cmd_cryptochecksum_entry;
extern const struct cmd_entry cmd_more_running_config_entry;
extern const struct cmd_entry cmd_show_running_config_all_entry;
extern const struct cmd_entry cmd_show_terminal_entry;
extern const struct cmd_entry cmd_show_inventory_entry;
extern const struct cmd_entry cmd_show_memory_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_show_version_entry;
extern const struct cmd_entry cmd_who_entry;
extern const struct cmd_entry cmd_ping_tcp_entry;
extern const struct cmd_entry cmd_emulator_link_entry;
extern const struct cmd_entry cmd_show_ssh_sessions_entry;
extern const struct cmd_entry cmd_ssh_disconnect_entry;
extern const struct cmd_entry cmd_show_activation_key_entry;
extern const struct cmd_entry cmd_activation_key_entry;
extern const struct cmd_entry cmd_activation_key_timed_entry;
extern const struct cmd_entry cmd_keywords_entry;
extern const struct cmd_entry cmd_emulator_advance_time_entry;
extern const struct cmd_entry cmd_emulator_vpn_sessions_entry;
extern const struct cmd_entry cmd_show_vpn_sessiondb_summary_entry;

/* Install, activate or deactivate a time-based key (timed.c). */
enum cmd_status license_timed_command(struct cmd_ctx *,
	    const struct cmd_args *, const struct lic_key *,
	    const struct lic_keyinfo *);

/* software.c: show version's facts about the running release. */
const char *software_asdm(uint32_t version);
const char *software_compiled(uint32_t version);
char	*software_image(const struct device *, char *buf, size_t len);

/*
 * license_block.c: the "Licensed features for this platform:" rows; lead
 * puts one more blank before each top-level row (8.3/8.4 show version).
 */
void	 license_block(struct out *, const struct device *,
	    const struct lic_running *, bool lead);
/* The same rows under another title line (failover's block). */
void	 license_block_titled(struct out *, const struct device *,
	    const struct lic_running *, bool lead, const char *title);
/* A context's "Licensed features for this user context:" rows. */
void	 license_block_user(struct out *, const struct device *);
/*
 * failover_show.c: a failover unit's "Failover cluster licensed features
 * for this platform:" block and its sentence, when it has a combined
 * license; "failover cluster up ..." for show version (false: none).
 */
void	 failover_license_block(struct out *, const struct device *,
	    bool lead);
bool	 failover_cluster_up(const struct device *, time_t *secs);
/* "Running Permanent Activation Key: 0x... " and the like. */
void	 license_key_line(struct out *, const char *label,
	    const struct lic_key *);
/* The flash-versus-running permanent key sentence(s). */
void	 license_flash_line(struct out *, const struct device *);
/*
 * "Active Timebased Activation Key:" (or Inactive) and, per key, its
 * words and its features with days left; narrow is the 8.4 show version
 * layout (29/11 columns), else 34/15.
 */
void	 license_timed_stanzas(struct out *, const struct device *,
	    bool active, bool narrow);
/* Whether a stanza would list a key (active or not, time left). */
bool	 license_timed_listed(const struct device_license *, bool active);
/* "Running Timebased Activation Key: ..." for each active key. */
void	 license_running_keys(struct out *, const struct device *);
/* "This platform has ... license." of the running edition. */
const char *license_sentence(const struct device *);

/*
 * The enable password hash ("pix-md5") of pw into out (17 bytes). The
 * empty password's is the line of every default ASA configuration.
 */
#define ENABLE_HASH_EMPTY "8Ry2YjIyt7RRXU24"
void	 cmd_enable_hash(const char *pw, char out[17]);


/* ---- Interfaces, license-server, tls-proxy: their text ---- */

/* Append the interface blocks (all, or only the one named) to sb. */
void	 iface_render(struct strbuf *, const struct device *,
	    const char *only);
/*
 * The license-server lines; mask hides secrets, all adds the default
 * values (show running-config all).
 */
void	 ls_render(struct strbuf *, const struct device *, bool mask,
	    bool all);
/* The tls-proxy lines. */
void	 tls_render(struct strbuf *, const struct device *);
/* The webvpn block: " no anyconnect-essentials" when set (webvpn.c). */
void	 webvpn_render(struct strbuf *, const struct device *);
extern const struct cmd_entry cmd_webvpn_entry;
extern const struct cmd_entry cmd_anyconnect_essentials_entry;

extern const struct cmd_entry cmd_interface_entry;
extern const struct cmd_entry cmd_nameif_entry;
extern const struct cmd_entry cmd_no_nameif_entry;
extern const struct cmd_entry cmd_security_level_entry;
extern const struct cmd_entry cmd_no_security_level_entry;
extern const struct cmd_entry cmd_ip_address_entry;
extern const struct cmd_entry cmd_no_ip_address_entry;
extern const struct cmd_entry cmd_shutdown_entry;
extern const struct cmd_entry cmd_vlan_entry;
extern const struct cmd_entry cmd_no_vlan_entry;
extern const struct cmd_entry cmd_show_running_config_interface_entry;
extern const struct cmd_entry cmd_license_server_secret_entry;
extern const struct cmd_entry cmd_no_license_server_secret_entry;
extern const struct cmd_entry cmd_license_server_port_entry;
extern const struct cmd_entry cmd_no_license_server_port_entry;
extern const struct cmd_entry cmd_license_server_refresh_entry;
extern const struct cmd_entry cmd_no_license_server_refresh_entry;
extern const struct cmd_entry cmd_license_server_enable_entry;
extern const struct cmd_entry cmd_license_server_backup_entry;
extern const struct cmd_entry cmd_license_server_address_entry;
extern const struct cmd_entry cmd_no_license_server_address_entry;
extern const struct cmd_entry cmd_license_server_backup_address_entry;
extern const struct cmd_entry cmd_license_server_backup_enable_entry;
extern const struct cmd_entry cmd_show_shared_license_entry;
extern const struct cmd_entry cmd_show_running_config_ls_entry;
extern const struct cmd_entry cmd_tls_proxy_maximum_sessions_entry;
extern const struct cmd_entry cmd_no_tls_proxy_maximum_sessions_entry;
extern const struct cmd_entry cmd_show_tls_proxy_entry;
extern const struct cmd_entry cmd_show_running_config_tls_entry;
extern const struct cmd_entry cmd_clear_configure_entry;
extern const struct cmd_entry cmd_clear_configure_context_entry;

/* aaa.c, ssh.c: username, aaa authentication ssh, ssh. */
extern const struct cmd_entry cmd_username_entry;
extern const struct cmd_entry cmd_no_username_entry;
extern const struct cmd_entry cmd_aaa_authentication_ssh_entry;
extern const struct cmd_entry cmd_show_running_config_username_entry;
extern const struct cmd_entry cmd_ssh_entry;
extern const struct cmd_entry cmd_ssh_timeout_entry;
extern const struct cmd_entry cmd_no_ssh_timeout_entry;
extern const struct cmd_entry cmd_show_running_config_ssh_entry;
/* The user password hash of pw for user (16 characters and a NUL). */
void	 cmd_user_hash(const char *user, const char *pw, char out[17]);
/* The configuration lines: "aaa authentication ...", "ssh ...",
 * "username ...". */
void	 aaa_render(struct strbuf *, const struct device *);
void	 ssh_render(struct strbuf *, const struct device *);
void	 username_render(struct strbuf *, const struct device *);

/* ---- File names and the file commands (fs.c, flash.c, copy.c) ---- */

enum fs_kind {
	FS_DISK,		/* disk0: (flash:) */
	FS_SERVER,		/* tftp:, ftp:, http:, scp: */
	FS_RUNNING,		/* running-config, system:running-config */
	FS_STARTUP,		/* startup-config */
};

struct fs_url {
	enum fs_kind	 kind;
	char		 scheme[8];	/* "disk0", "tftp", ... */
	char		 host[64];
	char		 user[64];
	char		 pass[64];
	char		 path[256];	/* no leading '/' */
};

/* Parse a typed file name; -1 for a file system asaemu does not have. */
int	 fs_parse(const char *typed, struct fs_url *);
/* "disk0:/PATH", "tftp://HOST/PATH": buf. */
char	*fs_display(const struct fs_url *, char *buf, size_t len);
const char *fs_basename(const char *path);
/* The reason of "%Error opening X (REASON)". */
const char *fs_strerror(int err);
/* The '!' run of a transfer of len bytes. */
void	 fs_progress(struct out *, size_t len);
/* "N bytes copied in S secs" (remote: at a server's speed). */
void	 fs_copied(struct out *, size_t len, bool remote);
/* A "[dflt]?" file name question: the answer, dflt on Enter, NULL at EOF. */
const char *fs_ask(struct cmd_ctx *, enum msg_id, const char *dflt);
/* Whether a [confirm] question was answered yes. */
bool	 fs_confirm(struct cmd_ctx *, const char *question);

extern const struct cmd_entry cmd_dir_entry;
extern const struct cmd_entry cmd_show_flash_entry;
extern const struct cmd_entry cmd_delete_entry;
extern const struct cmd_entry cmd_rename_entry;
extern const struct cmd_entry cmd_mkdir_entry;
extern const struct cmd_entry cmd_rmdir_entry;
extern const struct cmd_entry cmd_more_entry;
extern const struct cmd_entry cmd_verify_entry;
extern const struct cmd_entry cmd_copy_entry;

/* ---- Boot and reload (boot.c, reload.c) ---- */

/* The "boot system" and "asdm image" lines of the configuration. */
void	 boot_render(struct strbuf *, const struct device *);
void	 asdm_render(struct strbuf *, const struct device *);

extern const struct cmd_entry cmd_boot_system_entry;
extern const struct cmd_entry cmd_asdm_image_entry;
extern const struct cmd_entry cmd_no_asdm_image_entry;
extern const struct cmd_entry cmd_show_bootvar_entry;
extern const struct cmd_entry cmd_reload_entry;
extern const struct cmd_entry cmd_reload_cancel_entry;
extern const struct cmd_entry cmd_show_reload_entry;
/* Reboot in place (reload, mode): the boot loader, the new start. */
void	 cmd_reboot(struct cmd_ctx *);
/* The boot loader's lines and the reboot into plan (or ROMMON). */
void	 cmd_boot_plan_run(struct cmd_ctx *, const struct boot_plan *);
/* The start of the release just booted: license, banner, configuration. */
void	 cmd_boot_release(struct cmd_ctx *);

/* ---- ROMMON (rommon.c) ---- */

/* The MAC address show version gives port name ("0000.0000.0000"). */
void	 cmd_port_mac(const struct device *, const char *name, char *buf,
	    size_t len);

extern const struct cmd_entry cmd_rommon_boot_entry;
extern const struct cmd_entry cmd_rommon_dir_entry;
extern const struct cmd_entry cmd_rommon_set_entry;
extern const struct cmd_entry cmd_rommon_confreg_entry;
extern const struct cmd_entry cmd_rommon_assign_entry;
extern const struct cmd_entry cmd_rommon_var_entry;
extern const struct cmd_entry cmd_rommon_ping_entry;
extern const struct cmd_entry cmd_rommon_sync_entry;
extern const struct cmd_entry cmd_rommon_tftpdnld_entry;

/* ---- Multiple context mode (context.c, config.c) ---- */

/* The system configuration's "admin-context" and "context" blocks. */
void	 ctx_render(struct strbuf *, const struct device *);
/* The selected space's saved configuration (caller frees), or NULL. */
char	*config_space_read(const struct device *);
/* Save the selected space's configuration (write memory's lines). */
enum cmd_status config_space_save(struct cmd_ctx *, char sum[33],
	    size_t *len);
/* Load context i from its config-url (a missing file: default). */
void	 config_load_context(struct cmd_ctx *, size_t i);

extern const struct cmd_entry cmd_mode_entry;
extern const struct cmd_entry cmd_show_mode_entry;
extern const struct cmd_entry cmd_changeto_entry;
extern const struct cmd_entry cmd_context_entry;
extern const struct cmd_entry cmd_admin_context_entry;
extern const struct cmd_entry cmd_allocate_interface_entry;
extern const struct cmd_entry cmd_config_url_entry;
extern const struct cmd_entry cmd_ctx_description_entry;
extern const struct cmd_entry cmd_join_failover_group_entry;
extern const struct cmd_entry cmd_show_context_entry;
extern const struct cmd_entry cmd_write_memory_all_entry;

/* failover.c, failover_show.c: failover and its show commands. */
extern const struct cmd_entry cmd_failover_entry;
extern const struct cmd_entry cmd_failover_lan_unit_entry;
extern const struct cmd_entry cmd_failover_lan_interface_entry;
extern const struct cmd_entry cmd_no_failover_lan_interface_entry;
extern const struct cmd_entry cmd_failover_link_entry;
extern const struct cmd_entry cmd_failover_interface_ip_entry;
extern const struct cmd_entry cmd_no_failover_interface_ip_entry;
extern const struct cmd_entry cmd_failover_key_entry;
extern const struct cmd_entry cmd_no_failover_key_entry;
extern const struct cmd_entry cmd_failover_polltime_entry;
extern const struct cmd_entry cmd_no_failover_polltime_entry;
extern const struct cmd_entry cmd_failover_active_entry;
extern const struct cmd_entry cmd_failover_exec_entry;
extern const struct cmd_entry cmd_failover_reload_standby_entry;
/* failover_group.c: Active/Active failover groups. */
extern const struct cmd_entry cmd_failover_group_entry;
extern const struct cmd_entry cmd_fover_unit_entry;
extern const struct cmd_entry cmd_fover_preempt_entry;
extern const struct cmd_entry cmd_failover_active_group_entry;
/* failover_show.c: "19:14:57 UTC Oct 17 2018". */
void	 failover_time_text(struct timespec, char *buf, size_t len);
/* failover_show_aa.c: show failover's Active/Active hosts. */
struct failover;
void	 failover_show_groups(struct cmd_ctx *, const struct failover *);
/* show failover state's group rows under a host (when: the mate's last
 * failure time, "" for none). */
void	 failover_state_groups(struct cmd_ctx *, const struct failover *,
	    bool mate, const char *when);
/* The failover group blocks of the configuration. */
void	 failover_group_render(struct strbuf *, const struct device *);
extern const struct cmd_entry cmd_write_standby_entry;
extern const struct cmd_entry cmd_show_failover_entry;
extern const struct cmd_entry cmd_show_failover_group_entry;
extern const struct cmd_entry cmd_show_running_config_failover_entry;
/* configure terminal on a standby unit: its changes stay there. */
void	 cmd_failover_config_warning(struct cmd_ctx *);
/* prompt.c: prompt hostname ... priority state. */
extern const struct cmd_entry cmd_prompt_entry;
extern const struct cmd_entry cmd_no_prompt_entry;
/* The prompt line of the configuration, when not the default. */
void	 prompt_render(struct strbuf *, const struct device *);
/* The prompt's host part as configured: "ciscoasa/pri/act". */
const char *prompt_host(struct cmd_ctx *);
/* The failover lines of the configuration; mask hides the key. */
void	 failover_render(struct strbuf *, const struct device *, bool mask);
/* cluster.c: the cluster group block (before the failover lines). */
void	 cluster_render(struct strbuf *, const struct device *, bool mask);
/* "10.0.0.1" of a host-order address. */
void	 cluster_ip_text(uint32_t, char buf[16]);
extern const struct cmd_entry cmd_cluster_group_entry;
extern const struct cmd_entry cmd_local_unit_entry;
extern const struct cmd_entry cmd_no_local_unit_entry;
extern const struct cmd_entry cmd_cluster_interface_entry;
extern const struct cmd_entry cmd_no_cluster_interface_entry;
extern const struct cmd_entry cmd_cluster_priority_entry;
extern const struct cmd_entry cmd_no_cluster_priority_entry;
extern const struct cmd_entry cmd_cluster_key_entry;
extern const struct cmd_entry cmd_no_cluster_key_entry;
extern const struct cmd_entry cmd_cluster_enable_entry;
extern const struct cmd_entry cmd_show_cluster_info_entry;
/* "LAN Failover Interface" and the like for an interface failover took,
 * or NULL. */
const char *failover_iface_description(const struct device *,
	    const char *ifname);

#endif
