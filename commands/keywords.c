/* SPDX-License-Identifier: MIT */
/*
 * The help of first words that several commands share, given once: an
 * entry with no syntax is a help table for the grammar (shell.h).
 */
#include "commands/commands.h"

#include "commands/commands_int.h"

static const struct cmd_help keywords_help[] = {
	{ "clear", HELP_CLEAR },
	{ "clock", HELP_CLOCK },
	{ "configure", HELP_CONFIGURE },
	{ "enable", HELP_ENABLE },
	{ "no", HELP_NO },
	{ "show", HELP_SHOW },
	{ "terminal", HELP_TERMINAL },
	{ "write", HELP_WRITE },
	{ NULL, NULL }
};

const struct cmd_entry cmd_keywords_entry = {
	.syntax = NULL,
	.help = keywords_help,
};
