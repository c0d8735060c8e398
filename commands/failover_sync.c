/* SPDX-License-Identifier: MIT */
/*
 * Failover and the configuration: its running-config lines (show
 * running-config failover), the interfaces it takes, the configuration
 * a standby unit receives from its mate, and the console lines of the
 * failover events (device/failover.c reports them, words are here).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

static void
ip_text(uint32_t a, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/* ---- The running configuration ---- */

void
failover_render(struct strbuf *sb, const struct device *dev, bool mask)
{
	const struct failover *fo = device_failover_get(dev);
	const struct fo_cfg *c;
	char		 a[16], m[16], s[16];

	if (fo == NULL) {
		strbuf_puts(sb, "no failover\n");
		return;
	}
	c = &fo->cfg;
	strbuf_puts(sb, c->enabled ? "failover\n" : "no failover\n");
	if (c->unit_set)
		strbuf_printf(sb, "failover lan unit %s\n", c->secondary ?
		    "secondary" : "primary");
	if (c->lan_name[0] != '\0')
		strbuf_printf(sb, "failover lan interface %s %s\n", c->lan_name,
		    c->lan_if);
	if (c->poll_ms != FO_POLL_MS_DEFAULT || c->hold_set) {
		strbuf_puts(sb, "failover polltime unit ");
		if (c->poll_msec)
			strbuf_printf(sb, "msec %u", c->poll_ms);
		else
			strbuf_printf(sb, "%u", c->poll_ms / 1000);
		if (c->hold_msec)
			strbuf_printf(sb, " holdtime msec %u", c->hold_ms);
		else
			strbuf_printf(sb, " holdtime %u", c->hold_ms / 1000);
		strbuf_puts(sb, "\n");
	}
	if (c->key[0] != '\0')
		strbuf_printf(sb, "failover key %s\n", mask ? "*****" : c->key);
	if (c->link_name[0] != '\0')
		strbuf_printf(sb, "failover link %s %s\n", c->link_name,
		    c->link_if);
	for (size_t i = 0; i < 2; i++) {
		const struct fo_ip *ip = &c->ip[i];

		if (ip->name[0] == '\0')
			continue;
		ip_text(ip->ip, a);
		ip_text(ip->mask, m);
		ip_text(ip->standby, s);
		strbuf_printf(sb, "failover interface ip %s %s %s standby %s\n",
		    ip->name, a, m, s);
	}
	failover_group_render(sb, dev);
}

const char *
failover_iface_description(const struct device *dev, const char *ifname)
{
	const struct failover *fo = device_failover_get(dev);
	bool		 lan, link;

	if (fo == NULL)
		return NULL;
	lan = fo->cfg.lan_if[0] != '\0' && strcmp(fo->cfg.lan_if, ifname) == 0;
	link = fo->cfg.link_if[0] != '\0' &&
	    strcmp(fo->cfg.link_if, ifname) == 0;
	/* [M med] the ASA describes the interfaces failover took. */
	if (lan && link)
		return "LAN/STATE Failover Interface";
	if (lan)
		return "LAN Failover Interface";
	if (link)
		return "STATE Failover Interface";
	return NULL;
}

static enum cmd_status
show_running_config_failover_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	struct strbuf	 sb;

	(void)args;
	strbuf_init(&sb, 0);
	failover_render(&sb, ctx->dev, true);
	out_puts(ctx->out, sb.buf);
	strbuf_release(&sb);
	return CMD_OK;
}

static const struct cmd_help show_running_config_failover_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "failover", "Show failover configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_failover_entry = {
	.syntax = "show running-config failover",
	.help = show_running_config_failover_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_failover_exec,
};

/* ---- What the standby receives; what the console shows ---- */

/* The unit's role is its own: a mate's configuration keeps it. */
static bool
own_line(const char *line)
{
	return strncmp(line, "failover lan unit ", 18) == 0;
}

/* Whether the system configuration config has a "context name" line. */
static bool
lists_context(const char *config, const char *name)
{
	size_t		 len = strlen(name);

	for (const char *p = config; p != NULL && *p != '\0';) {
		if (strncmp(p, "context ", 8) == 0 &&
		    strncmp(p + 8, name, len) == 0 &&
		    (p[8 + len] == '\n' || p[8 + len] == '\0' ||
		    p[8 + len] == '\r'))
			return true;
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	}
	return false;
}

/*
 * The mate's system configuration lists every context it has: one that
 * is not there was removed (no context NAME on group 1's unit), and the
 * replay, which only adds, would keep it.
 */
static void
drop_unlisted_contexts(struct cmd_ctx *ctx, const char *config)
{
	struct device	*dev = ctx->dev;

	for (size_t i = dev->ctxs.n; i-- > 0;)
		if (!lists_context(config, dev->ctxs.v[i].name))
			device_context_remove(dev, i);
}

void
cmd_failover_apply(struct cmd_ctx *ctx, const char *config)
{
	/* write standby: "the clear configure all command is generated on
	   the secondary unit automatically" (chapter, UC sessions). */
	cmd_space_enter(ctx, NULL);
	device_config_clear(ctx->dev);
	device_failover_clear_replicated(ctx->dev);
	ctx->fo_apply = true;
	config_replay_mate(ctx, config, own_line);
	ctx->fo_apply = false;
	if (ctx->dev->ctxs.multi)
		drop_unlisted_contexts(ctx, config);
}

void
cmd_failover_apply_context(struct cmd_ctx *ctx, const char *name,
    const char *config)
{
	size_t		 i = device_context_find(ctx->dev, name);

	if (i == CTX_SYSTEM)
		return;
	/* Its allocations are the system's; the rest is the mate's. */
	device_context_clear(ctx->dev, i);
	cmd_space_enter(ctx, name);
	ctx->loading_context = true;
	config_replay(ctx, config);
	ctx->loading_context = false;
	cmd_space_enter(ctx, NULL);
}

void
cmd_failover_config_warning(struct cmd_ctx *ctx)
{
	const struct failover *fo = device_failover_get(ctx->dev);

	/* Active/Active: where the space's group is standby (the system's:
	   group 1), device_failover_space_standby. */
	if (fo != NULL && !ctx->replay &&
	    device_failover_space_standby(ctx->dev, ctx->dev->ctxs.sel))
		out_puts(ctx->out, msg(MSG_FO_STANDBY_CONFIG));
}

static enum msg_id
refusal(enum lic_units_err err)
{
	switch (err) {
	case LIC_UNITS_PLATFORM:
		return MSG_FO_REF_PLATFORM;
	case LIC_UNITS_NO_FAILOVER:
	case LIC_UNITS_OK:
		return MSG_FO_REF_NO_FAILOVER;
	case LIC_UNITS_NO_CLUSTER:
		return MSG_FO_REF_NO_CLUSTER;
	case LIC_UNITS_ENCRYPTION:
		return MSG_FO_REF_ENCRYPTION;
	case LIC_UNITS_IPS:
		return MSG_FO_REF_IPS;
	case LIC_UNITS_ZERO_KEY:
		return MSG_FO_REF_ZERO_KEY;
	case LIC_UNITS_NOT_IDENTICAL:
		return MSG_FO_REF_NOT_IDENTICAL;
	case LIC_UNITS_VERSION:
		return MSG_FO_REF_VERSION;
	}
	return MSG_FO_REF_NOT_IDENTICAL;
}

static void
mate_version_warning(struct cmd_ctx *ctx)
{
	const struct failover *fo = device_failover_get(ctx->dev);
	char		 ours[32], mate[32];

	lic_version_format(fo->mate.version, mate, sizeof mate);
	lic_version_format(ctx->dev->version, ours, sizeof ours);
	out_printf(ctx->out, msg(MSG_FO_CON_VERSION), mate, ours);
}

void
cmd_failover_event(struct cmd_ctx *ctx, const struct fo_event *ev)
{
	struct out	*out = ctx->out;

	switch (ev->kind) {
	case FO_EV_STATE:
		if (ev->to == FO_ST_COLD_STANDBY && ev->why ==
		    FO_WHY_ACTIVE_MATE)
			out_puts(out, msg(MSG_FO_CON_DETECTED));
		else if (ev->to == FO_ST_COLD_STANDBY)
			out_puts(out, msg(MSG_FO_CON_SWITCH_STANDBY));
		else if (ev->to == FO_ST_ACTIVE && ev->why == FO_WHY_NO_ACTIVE)
			out_puts(out, msg(MSG_FO_CON_NO_ACTIVE));
		else if (ev->to == FO_ST_ACTIVE)
			out_puts(out, msg(MSG_FO_CON_SWITCH_ACTIVE));
		break;
	case FO_EV_SEND_BEGIN:
		out_puts(out, msg(MSG_FO_CON_SEND_BEGIN));
		break;
	case FO_EV_SEND_END:
		out_puts(out, msg(MSG_FO_CON_SEND_END));
		break;
	case FO_EV_RECV_BEGIN:
		out_puts(out, msg(MSG_FO_CON_RECV_BEGIN));
		break;
	case FO_EV_RECV_END:
		out_puts(out, msg(MSG_FO_CON_RECV_END));
		break;
	case FO_EV_MATE_LOST:
		out_puts(out, msg(MSG_FO_CON_MATE_LOST));
		break;
	case FO_EV_LAN_FAILED:
		out_puts(out, msg(MSG_FO_CON_LAN_FAILED));
		break;
	case FO_EV_LAN_OK:
		out_puts(out, msg(MSG_FO_CON_LAN_OK));
		break;
	case FO_EV_REFUSED:
		out_printf(out, msg(MSG_FO_CON_REFUSED), msg(refusal(ev->err)));
		break;
	case FO_EV_GRACE_OVER:
		out_puts(out, msg(MSG_FO_CON_GRACE_OVER));
		break;
	case FO_EV_RESTORED:
		out_printf(out, msg(MSG_FO_CON_RESTORED),
		    (unsigned)(ev->away / 86400));
		break;
	case FO_EV_VERSION:
		mate_version_warning(ctx);
		break;
	case FO_EV_KEY:
		out_puts(out, msg(MSG_FO_CON_KEY));
		break;
	}
}
