/* SPDX-License-Identifier: MIT */
/*
 * A reload later: reload in [hhh:]mmm, reload at hh:mm [MONTH DAY | DAY
 * MONTH] (with reload's dialogs and save-config, noconfirm), reload
 * cancel, show reload. The time is device time: in an always-on device
 * a timer (cmd_ctx's reload_changed hook) reloads on the console when it
 * comes, also when emulator advance-time or another device of the lab
 * moves the clock past it; in a batch run, emulator advance-time passing
 * it reloads there and then. A scheduled reload ends with the reload (it
 * is not kept on flash). No ASA capture of any of these: the texts are
 * [M] (messages.c).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

#define SECS_PER_DAY	86400

const struct cmd_help reload_help[] = {
	{ "reload", "Halt and reload system" },
	{ "noconfirm", "Reload without asking for confirmation" },
	{ "save-config", "Save configuration before reload" },
	{ "cancel", "Cancel a scheduled reload" },
	{ "in", "Reload after a time interval" },
	{ "at", "Reload at a specific time/date" },
	{ "delay", "Delay before reload (mmm or hhh:mm)" },
	{ "time", "Time to reload (hh:mm)" },
	{ "month", "Month of the year" },
	{ "day", "Day of the month" },
	/* [M] 8.x/9.x reload ? */
	{ "max-hold-time", "Maximum hold time for orderly reload" },
	{ "hold", "Maximum hold time in minutes (mmm or hhh:mm)" },
	{ "quick", "Quick reload without properly shutting down each "
	  "subsystem" },
	{ "reason", "Reason for reload" },
	{ "text", "Reason for reload (up to 255 characters)" },
	{ NULL, NULL }
};

static void
changed(struct cmd_ctx *ctx)
{
	if (ctx->reload_changed != NULL)
		ctx->reload_changed(ctx->reload_arg);
}

/*
 * reload at: today at that time, or tomorrow once it has passed; with a
 * date, that day this year, or next year once it has passed [M, as
 * IOS].
 */
static int64_t
at_time(int64_t now, const struct cmd_args *args)
{
	uint32_t	 tod = cmd_arg_u32(args, "time", 0);
	uint32_t	 mon = cmd_arg_u32(args, "month", 0);
	time_t		 t = (time_t)now;
	struct tm	 tm;
	int64_t		 at;

	gmtime_r(&t, &tm);
	tm.tm_hour = (int)(tod / 3600);
	tm.tm_min = (int)(tod / 60 % 60);
	tm.tm_sec = 0;
	if (mon != 0) {
		tm.tm_mon = (int)mon - 1;
		tm.tm_mday = (int)cmd_arg_u32(args, "day", 1);
	}
	at = (int64_t)timegm(&tm);
	if (at > now)
		return at;
	if (mon == 0)
		return at + SECS_PER_DAY;
	tm.tm_year++;
	return (int64_t)timegm(&tm);
}

static void
reload_set_reason(struct device *dev, const char *reason)
{
	free(dev->reload_reason);
	dev->reload_reason = reason != NULL ? xstrdup(reason) : NULL;
}

enum cmd_status
reload_schedule(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	int64_t		 now = (int64_t)device_now(dev).tv_sec;

	if (cmd_arg_has(args, "in"))
		dev->reload_at = now + 60 * (int64_t)cmd_arg_u32(args,
		    "delay", 1);
	else
		dev->reload_at = at_time(now, args);
	dev->reload_save = cmd_arg_has(args, "save-config");
	dev->reload_quick = cmd_arg_has(args, "quick");
	reload_set_reason(dev, cmd_arg_str(args, "text"));
	changed(ctx);
	return CMD_OK;
}

uint64_t
cmd_reload_left_ms(const struct device *dev)
{
	int64_t	 now = (int64_t)device_now(dev).tv_sec;

	if (dev->reload_at == 0 || dev->reload_at <= now)
		return 0;
	return (uint64_t)(dev->reload_at - now) * 1000;
}

bool
cmd_reload_due(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;

	if (dev->reload_at == 0 ||
	    dev->reload_at > (int64_t)device_now(dev).tv_sec)
		return false;
	dev->reload_at = 0;
	reload_set_reason(dev, NULL);
	if (dev->reload_save)
		(void)reload_save_config(ctx);
	reload_shutdown(ctx, dev->reload_quick);
	return true;
}

static enum cmd_status
reload_cancel_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	if (ctx->dev->reload_at == 0) {
		out_puts(ctx->out, msg(MSG_NO_RELOAD));
		return CMD_OK;
	}
	ctx->dev->reload_at = 0;
	reload_set_reason(ctx->dev, NULL);
	out_puts(ctx->out, msg(MSG_RELOAD_ABORTED));
	changed(ctx);
	return CMD_OK;
}

const struct cmd_entry cmd_reload_cancel_entry = {
	.syntax = "reload cancel",
	.help = reload_help,
	.modes = MODES_EXEC,
	.exec = reload_cancel_exec,
};

/* "12 hours and 12 minutes": whole minutes, rounded up [M]. */
static void
left_text(int64_t secs, char *buf, size_t len)
{
	int64_t	 min = (secs + 59) / 60;
	int64_t	 h = min / 60, m = min % 60;

	if (h == 0)
		snprintf(buf, len, "%lld minute%s", (long long)m,
		    m == 1 ? "" : "s");
	else
		snprintf(buf, len, "%lld hour%s and %lld minute%s",
		    (long long)h, h == 1 ? "" : "s", (long long)m,
		    m == 1 ? "" : "s");
}

static enum cmd_status
show_reload_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct device *dev = ctx->dev;
	struct timespec	 at = { .tv_sec = (time_t)dev->reload_at };
	char		 when[64], left[64], *ms;

	(void)args;
	if (dev->reload_at == 0) {
		out_puts(ctx->out, msg(MSG_NO_RELOAD));
		return CMD_OK;
	}
	device_format_time(at, when, sizeof when);
	/* show clock's form without the milliseconds. */
	if ((ms = strchr(when, '.')) != NULL)
		memmove(ms, ms + 4, strlen(ms + 4) + 1);
	left_text(dev->reload_at - (int64_t)device_now(dev).tv_sec, left,
	    sizeof left);
	out_printf(ctx->out, msg(MSG_RELOAD_SCHEDULED), when, left);
	if (dev->reload_reason != NULL)
		out_printf(ctx->out, msg(MSG_RELOAD_REASON),
		    dev->reload_reason);
	return CMD_OK;
}

static const struct cmd_help show_reload_help[] = {
	{ "show", HELP_SHOW },
	{ "reload", "Display reload information" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_reload_entry = {
	.syntax = "show reload",
	.help = show_reload_help,
	.modes = MODES_EXEC,
	.exec = show_reload_exec,
};
