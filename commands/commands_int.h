/* SPDX-License-Identifier: MIT */
/*
 * Private to commands/: the help of words shared by several entries, given
 * once here so that two entries never disagree (grammar_build fails if they
 * do), and the command entries cmd_table.c lists.
 */
#ifndef ASA_COMMANDS_COMMANDS_INT_H
#define ASA_COMMANDS_COMMANDS_INT_H

#include "commands/commands.h"

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
#define HELP_PAGER	"Control page length for pagination"
#define HELP_EMULATOR	"asaemu only (no such command on a real ASA): " \
			"control the emulator"

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
extern const struct cmd_entry cmd_write_memory_entry;
extern const struct cmd_entry cmd_write_erase_entry;
extern const struct cmd_entry cmd_write_terminal_entry;
extern const struct cmd_entry cmd_show_version_entry;
extern const struct cmd_entry cmd_who_entry;
extern const struct cmd_entry cmd_ping_tcp_entry;
extern const struct cmd_entry cmd_emulator_link_entry;
extern const struct cmd_entry cmd_show_ssh_sessions_entry;
extern const struct cmd_entry cmd_ssh_disconnect_entry;
extern const struct cmd_entry cmd_show_activation_key_entry;
extern const struct cmd_entry cmd_activation_key_entry;
extern const struct cmd_entry cmd_keywords_entry;
extern const struct cmd_entry cmd_emulator_advance_time_entry;

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
/* The license-server lines; mask hides secrets. */
void	 ls_render(struct strbuf *, const struct device *, bool mask);
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

#endif
