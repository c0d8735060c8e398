/* SPDX-License-Identifier: MIT */
/*
 * emulator advance-time <count> (minutes | hours | days | weeks): asaemu
 * only, a real ASA has no such command. It lets device time pass, so that
 * weeks of a time-based license go by in seconds; the keys then count
 * down and expire exactly as they do on the clock (cmd_license_tick).
 */
#include "commands/commands.h"

#include <errno.h>
#include <string.h>

#include "commands/commands_int.h"

static const struct {
	const char	*word;
	time_t		 secs;
} units[] = {
	{ "minutes", 60 },
	{ "hours", 3600 },
	{ "days", 86400 },
	{ "weeks", 7 * 86400 },
};

static enum cmd_status
emulator_advance_time_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	time_t		 count = (time_t)cmd_arg_u32(args, "count", 0);
	enum cmd_status	 st = CMD_OK;

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (!cmd_arg_has(args, units[i].word))
			continue;
		if (device_advance_time(ctx->dev, count * units[i].secs) != 0)
			st = cmd_error(ctx, MSG_FLASH_WRITE_FAILED,
			    strerror(errno));
		if (cmd_license_tick(ctx) == CMD_ERROR)
			st = CMD_ERROR;
		break;
	}
	/* A scheduled reload whose time passed: the always-on device's
	 * timer takes it to the console; a batch run reloads here. */
	if (ctx->reload_changed != NULL)
		ctx->reload_changed(ctx->reload_arg);
	else
		(void)cmd_reload_due(ctx);
	return st;
}

static const struct cmd_help emulator_advance_time_help[] = {
	{ "emulator", HELP_EMULATOR },
	{ "advance-time", "asaemu only: let device time pass; time-based "
	    "licenses count it down" },
	{ "count", "How many units of time pass" },
	{ "minutes", "Minutes" },
	{ "hours", "Hours" },
	{ "days", "Days" },
	{ "weeks", "Weeks" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_emulator_advance_time_entry = {
	.syntax = "emulator advance-time <count:1-10000> "
	    "(minutes | hours | days | weeks)",
	.help = emulator_advance_time_help,
	.modes = MODES_ALL,
	.exec = emulator_advance_time_exec,
};
