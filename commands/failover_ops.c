/* SPDX-License-Identifier: MIT */
/*
 * What an operator does to a failover pair (failover.c configures it):
 * failover active / no failover active, write standby, failover exec
 * mate|active|standby, failover reload-standby.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

/* ---- failover active / no failover active, write standby ---- */

static enum cmd_status
failover_active_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (!device_failover_switch(ctx->dev, !cmd_arg_has(args, "no")))
		return cmd_error(ctx, MSG_FO_NOT_ENABLED);
	return CMD_OK;
}

static const struct cmd_help failover_active_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "active", "Make this system to be the active unit of the failover "
	    "pair" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_active_entry = {
	.syntax = "failover active",
	.help = failover_active_help,
	.modes = MODE_BIT(MODE_PRIV) | MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = failover_active_exec,
};

static enum cmd_status
write_standby_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct failover *fo = device_failover_get(ctx->dev);

	(void)args;
	if (fo == NULL || !fo->cfg.enabled)
		return cmd_error(ctx, MSG_FO_NOT_ENABLED);
	if (!device_failover_write_standby(ctx->dev))
		return cmd_error(ctx, MSG_FO_NO_MATE);
	out_puts(ctx->out, msg(MSG_BUILDING));
	out_puts(ctx->out, msg(MSG_OK));
	return CMD_OK;
}

static const struct cmd_help write_standby_help[] = {
	{ "write", HELP_WRITE },
	{ "standby", "Write running configuration to standby unit" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_write_standby_entry = {
	.syntax = "write standby",
	.help = write_standby_help,
	.modes = MODES_EXEC,
	.exec = write_standby_exec,
};

/* ---- failover exec, failover reload-standby ---- */

static enum cmd_status
failover_exec_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct failover *fo = device_failover_get(ctx->dev);
	const char	*line = cmd_arg_str(args, "command");
	bool		 here;
	char		*text;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return cmd_error(ctx, MSG_FO_NOT_ENABLED);
	/* active / standby: whichever unit has that role, maybe this. */
	here = (cmd_arg_has(args, "active") && fo_state_active(fo->state)) ||
	    (cmd_arg_has(args, "standby") && fo_state_standby(fo->state));
	if (here) {
		session_exec(ctx->sess, line);
		return CMD_OK;
	}
	if (!device_failover_exec(ctx->dev, line, &text))
		return cmd_error(ctx, MSG_FO_EXEC_NO_MATE);
	out_puts(ctx->out, text);
	free(text);
	return CMD_OK;
}

static const struct cmd_help failover_exec_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "exec", "Execute command on the designated unit" },
	{ "mate", "Execute command on the peer unit" },
	{ "active", "Execute command on the active unit" },
	{ "standby", "Execute command on the standby unit" },
	{ "command", "Command to be executed" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_exec_entry = {
	.syntax = "failover exec (mate | active | standby) <command:line>",
	.help = failover_exec_help,
	.modes = MODE_BIT(MODE_PRIV) | MODE_BIT(MODE_CONFIG),
	.exec = failover_exec_exec,
};

static enum cmd_status
failover_reload_standby_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	const struct failover *fo = device_failover_get(ctx->dev);

	(void)args;
	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return cmd_error(ctx, MSG_FO_NOT_ENABLED);
	if (!device_failover_reload_standby(ctx->dev))
		return cmd_error(ctx, MSG_FO_NO_MATE);
	return CMD_OK;
}

static const struct cmd_help failover_reload_standby_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "reload-standby", "Force standby unit to reboot" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_reload_standby_entry = {
	.syntax = "failover reload-standby",
	.help = failover_reload_standby_help,
	.modes = MODE_BIT(MODE_PRIV) | MODE_BIT(MODE_CONFIG),
	.exec = failover_reload_standby_exec,
};

