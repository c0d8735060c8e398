/* SPDX-License-Identifier: MIT */
/*
 * VPN load to share: emulator vpn-sessions <count> (asaemu only, a real
 * ASA has no such command: the AnyConnect Premium sessions the device's
 * users want), show vpn-sessiondb summary (what it carries), and the
 * syslog lines of what shared licensing reports (registration, grants,
 * loss of the server, participants refused or expired, the backup
 * server's role and its remaining days).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>

#include "commands/commands_int.h"

static void
ip_text(uint32_t a, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

static enum cmd_status
emulator_vpn_sessions_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	device_shared_demand(ctx->dev, cmd_arg_u32(args, "count", 0));
	return CMD_OK;
}

static const struct cmd_help emulator_vpn_sessions_help[] = {
	{ "emulator", HELP_EMULATOR },
	{ "vpn-sessions", "asaemu only: the AnyConnect Premium sessions the "
	    "device's users want" },
	{ "count", "Sessions wanted" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_emulator_vpn_sessions_entry = {
	.syntax = "emulator vpn-sessions <count:0-100000>",
	.help = emulator_vpn_sessions_help,
	.modes = MODES_ALL,
	.exec = emulator_vpn_sessions_exec,
};

static enum cmd_status
show_vpn_sessiondb_summary_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	const struct shared_view *v = device_shared_view(ctx->dev);
	uint32_t	 load = v->limit > 0 ? (uint32_t)((uint64_t)v->active *
	    100 / v->limit) : 0;

	(void)args;
	out_printf(ctx->out, msg(MSG_VPN_SUMMARY), v->active, v->cumulative,
	    v->peak, v->active, v->cumulative, v->peak, v->active,
	    v->cumulative, v->limit, load);
	return CMD_OK;
}

static const struct cmd_help show_vpn_sessiondb_summary_help[] = {
	{ "show", HELP_SHOW },
	{ "vpn-sessiondb", "Show information about VPN sessions" },
	{ "summary", "Show a summary of VPN sessions" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_vpn_sessiondb_summary_entry = {
	.syntax = "show vpn-sessiondb summary",
	.help = show_vpn_sessiondb_summary_help,
	.modes = MODES_EXEC,
	.exec = show_vpn_sessiondb_summary_exec,
};

static void
report_one(struct cmd_ctx *ctx, const struct shared_event *e)
{
	char	 a[16];

	ip_text(e->ip, a);
	switch (e->kind) {
	case SHARED_EV_ACTIVE:
		out_printf(ctx->out, msg(MSG_SYSLOG_444101), a);
		break;
	case SHARED_EV_REFUSED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444100_SECRET), a);
		break;
	case SHARED_EV_GRANTED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444104), e->count);
		break;
	case SHARED_EV_LOST:
		out_puts(ctx->out, msg(MSG_SYSLOG_444102));
		break;
	case SHARED_EV_RELEASED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444105), e->count);
		break;
	case SHARED_EV_PEER_JOINED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444108_JOINED), e->id,
		    e->host, a);
		break;
	case SHARED_EV_PEER_REFUSED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444100_PEER), a);
		break;
	case SHARED_EV_PEER_EXPIRED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444108_EXPIRED), e->id,
		    e->count);
		break;
	case SHARED_EV_BAD_MESSAGE:
		out_puts(ctx->out, msg(MSG_SYSLOG_444100_BAD));
		break;
	case SHARED_EV_BK_ACTIVE:
	case SHARED_EV_BK_INACTIVE:
		out_printf(ctx->out, msg(MSG_SYSLOG_444109), e->kind ==
		    SHARED_EV_BK_ACTIVE ? "active" : "inactive");
		break;
	case SHARED_EV_BK_DAYS:
	case SHARED_EV_BK_EXPIRED:
		out_printf(ctx->out, msg(MSG_SYSLOG_444110), e->count);
		break;
	}
}

void
cmd_shared_report(struct cmd_ctx *ctx)
{
	size_t			 n;
	struct shared_event	*v = device_shared_events_take(ctx->dev, &n);

	for (size_t i = 0; i < n; i++)
		report_one(ctx, &v[i]);
	free(v);
}
