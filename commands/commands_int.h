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
extern const struct cmd_entry cmd_show_activation_key_entry;
extern const struct cmd_entry cmd_activation_key_entry;
extern const struct cmd_entry cmd_keywords_entry;

/* Whether installing permanent key info needs a reload (Table 5-19). */
bool	 license_needs_reload(const struct device *,
	    const struct lic_keyinfo *info);
/* Install, activate or deactivate a time-based key (timed.c). */
enum cmd_status license_timed_command(struct cmd_ctx *,
	    const struct cmd_args *, const struct lic_key *,
	    const struct lic_keyinfo *);

/* software.c: show version's facts about the running release. */
const char *software_asdm(uint32_t version);
const char *software_compiled(uint32_t version);
char	*software_image(const struct device *, char *buf, size_t len);

/* license_block.c: the "Licensed features for this platform:" rows. */
void	 license_block(struct out *, const struct device *,
	    const struct lic_running *);
/* The running license of a permanent key alone (show activation-key
 * detail), or of the Base edition when info is NULL. */
void	 license_running_of(const struct device *,
	    const struct lic_keyinfo *info, struct lic_running *);
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
/* "This platform has ... license." of the running edition. */
const char *license_sentence(const struct device *);

/* The enable password hash ("pix-md5") of pw into out (17 bytes). */
void	 cmd_enable_hash(const char *pw, char out[17]);

#endif
