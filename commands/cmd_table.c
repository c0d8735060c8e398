/* SPDX-License-Identifier: MIT */
/*
 * Every command entry, one line each. The grammar is built from this list
 * at start-up; '?' sorts its own listing.
 */
#include "commands/commands.h"

#include "commands/commands_int.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_keywords_entry,
	&cmd_activation_key_entry,
	&cmd_clock_set_entry,
	&cmd_configure_terminal_entry,
	&cmd_disable_entry,
	&cmd_enable_entry,
	&cmd_enable_password_entry,
	&cmd_no_enable_password_entry,
	&cmd_end_entry,
	&cmd_exit_entry,
	&cmd_hostname_entry,
	&cmd_no_hostname_entry,
	&cmd_logout_entry,
	&cmd_pager_lines_entry,
	&cmd_no_pager_lines_entry,
	&cmd_quit_entry,
	&cmd_show_activation_key_entry,
	&cmd_show_clock_entry,
	&cmd_show_curpriv_entry,
	&cmd_show_running_config_entry,
	&cmd_show_startup_config_entry,
	&cmd_show_version_entry,
	&cmd_terminal_pager_entry,
	&cmd_terminal_width_entry,
	&cmd_write_erase_entry,
	&cmd_write_memory_entry,
	&cmd_write_terminal_entry,
	NULL
};
