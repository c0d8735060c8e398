/* SPDX-License-Identifier: MIT */
/*
 * help [COMMAND]: what '?' would list after COMMAND, or the mode's
 * commands [I] (the ASA's help prints a command's syntax; asaemu gives
 * the '?' listing, the same matcher's answer).
 */
#include "commands/commands.h"

#include <stdlib.h>

#include "commands/commands_int.h"

static enum cmd_status
help_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*cmd = cmd_arg_str(args, "command");
	char		*text;

	xasprintf(&text, "%s%s", cmd != NULL ? cmd : "",
	    cmd != NULL ? " " : "");
	session_help(ctx->sess, text);
	free(text);
	return CMD_OK;
}

static const struct cmd_help help_help[] = {
	{ "help", "Interactive help for commands" },
	{ "command", "Command to show the help of" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_help_entry = {
	.syntax = "help [<command:line>]",
	.help = help_help,
	.modes = MODES_ALL,
	.exec = help_exec,
};
