/* SPDX-License-Identifier: MIT */
/*
 * Failover configuration (ASA 8.x/9.x over a LAN link): failover,
 * failover lan unit, failover lan interface, failover link, failover
 * interface ip, failover key, failover polltime. Their running-config
 * lines and the console are failover_sync.c, the operator's commands
 * failover_ops.c; the unit's state and its link are device/failover.c.
 *
 * Running-config order [V: "no failover" after the mtu lines and before
 * "icmp unreachable", ASAv 9.3 and ASA5516 9.7 captures; the order of the
 * failover lines M med]: "failover" (or "no failover"), lan unit, lan
 * interface, polltime, key, link, interface ip.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/cluster.h"
#include "device/failover.h"

#define HELP_FO_LAN	"Specify the unit as primary or secondary or " \
			"configure the interface to be used as failover " \
			"communication channel"
#define HELP_FO_INTERFACE "Configure the interface to be used as failover " \
			"communication channel"
#define HELP_FO_IFNAME	"Failover interface name"
#define HELP_FO_PHY	"Physical or logical interface"

static void
ip_text(uint32_t a, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/* ---- failover / no failover ---- */

static enum cmd_status
failover_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	struct failover	*fo = device_failover(dev);
	bool		 on = !cmd_arg_has(args, "no");

	if (on && !ctx->replay && device_license_value(dev, "failover") == 0)
		return cmd_error(ctx, MSG_FO_NO_LICENSE);
	if (on && !ctx->replay && dev->lic.invalid)
		return cmd_error(ctx, MSG_FO_ZERO_KEY);
	/* Failover is among the features clustering does not support. */
	if (on && device_cluster_get(dev) != NULL &&
	    device_cluster_get(dev)->cfg.enabled)
		return cmd_error(ctx, MSG_FO_CLUSTER);
	if (fo->cfg.enabled != on) {
		fo->cfg.enabled = on;
		device_touch(dev);
	}
	device_failover_changed(dev);
	return CMD_OK;
}

static const struct cmd_help failover_help[] = {
	{ "failover", HELP_FAILOVER },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_entry = {
	.syntax = "failover",
	.help = failover_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = failover_exec,
};

/* ---- failover lan unit ---- */

static enum cmd_status
failover_lan_unit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct failover	*fo = device_failover(ctx->dev);

	if (cmd_arg_has(args, "no")) {
		fo->cfg.unit_set = false;
		fo->cfg.secondary = false;
	} else {
		fo->cfg.unit_set = true;
		fo->cfg.secondary = cmd_arg_has(args, "secondary");
	}
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help failover_lan_unit_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "lan", HELP_FO_LAN },
	{ "unit", "Specify the unit as primary or secondary" },
	{ "primary", "Primary unit" },
	{ "secondary", "Secondary unit" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_lan_unit_entry = {
	.syntax = "failover lan unit (primary | secondary)",
	.help = failover_lan_unit_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = failover_lan_unit_exec,
};

/* ---- failover lan interface / failover link ---- */

/*
 * The interface NAME PHY names: a physical interface or subinterface
 * without a nameif of its own; its canonical name into out.
 */
static enum cmd_status
failover_port(struct cmd_ctx *ctx, const char *typed, char out[IF_NAME_MAX])
{
	uint32_t	 sub = 0;
	size_t		 port = device_iface_resolve(ctx->dev, typed, &sub);
	size_t		 at;

	if (port == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	device_iface_name(ctx->dev, port, sub, out);
	at = device_iface_find(ctx->dev, out);
	if (at == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	if (ctx->dev->ext->ifs[at].nameif[0] != '\0')
		return cmd_error(ctx, MSG_FO_NAMEIF, out);
	return CMD_OK;
}

static enum cmd_status
failover_lan_interface_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct failover	*fo = device_failover(ctx->dev);
	const char	*name = cmd_arg_str(args, "name");
	char		 phy[IF_NAME_MAX];

	if (failover_port(ctx, cmd_arg_str(args, "phy"), phy) != CMD_OK)
		return CMD_ERROR;
	if (strlen(name) > IF_NAMEIF_MAX)
		return cmd_error(ctx, MSG_IF_NAMEIF_LONG);
	snprintf(fo->cfg.lan_name, sizeof fo->cfg.lan_name, "%s", name);
	snprintf(fo->cfg.lan_if, sizeof fo->cfg.lan_if, "%s", phy);
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static enum cmd_status
no_failover_lan_interface_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	struct failover	*fo = device_failover(ctx->dev);

	(void)args;
	fo->cfg.lan_name[0] = '\0';
	fo->cfg.lan_if[0] = '\0';
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help failover_lan_interface_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "lan", HELP_FO_LAN },
	{ "interface", HELP_FO_INTERFACE },
	{ "name", HELP_FO_IFNAME },
	{ "phy", HELP_FO_PHY },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_lan_interface_entry = {
	.syntax = "failover lan interface <name:word> <phy:word>",
	.help = failover_lan_interface_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = failover_lan_interface_exec,
};

const struct cmd_entry cmd_no_failover_lan_interface_entry = {
	.syntax = "failover lan interface [<name:word> [<phy:word>]]",
	.help = failover_lan_interface_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = no_failover_lan_interface_exec,
};

static enum cmd_status
failover_link_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct failover	*fo = device_failover(ctx->dev);
	const char	*name = cmd_arg_str(args, "name");
	const char	*typed = cmd_arg_str(args, "phy");
	char		 phy[IF_NAME_MAX];

	if (cmd_arg_has(args, "no")) {
		fo->cfg.link_name[0] = '\0';
		fo->cfg.link_if[0] = '\0';
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (strlen(name) > IF_NAMEIF_MAX)
		return cmd_error(ctx, MSG_IF_NAMEIF_LONG);
	/* The LAN link's name alone: one link for both. */
	if (typed == NULL && strcmp(name, fo->cfg.lan_name) == 0)
		snprintf(phy, sizeof phy, "%s", fo->cfg.lan_if);
	else if (typed == NULL)
		return cmd_error(ctx, MSG_FO_NOT_FAILOVER_IF, name);
	else if (failover_port(ctx, typed, phy) != CMD_OK)
		return CMD_ERROR;
	snprintf(fo->cfg.link_name, sizeof fo->cfg.link_name, "%s", name);
	snprintf(fo->cfg.link_if, sizeof fo->cfg.link_if, "%s", phy);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help failover_link_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "link", "Configure the stateful failover link" },
	{ "name", HELP_FO_IFNAME },
	{ "phy", HELP_FO_PHY },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_link_entry = {
	.syntax = "failover link <name:word> [<phy:word>]",
	.help = failover_link_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = failover_link_exec,
};

/* ---- failover interface ip ---- */

static bool
mask_ok(uint32_t m)
{
	return (~m & (~m + 1)) == 0;
}

static enum cmd_status
failover_interface_ip_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fo_cfg	*c = &device_failover(ctx->dev)->cfg;
	const char	*name = cmd_arg_str(args, "name");
	uint32_t	 ip = cmd_arg_u32(args, "addr", 0);
	uint32_t	 mask = cmd_arg_u32(args, "mask", 0);
	uint32_t	 sb = cmd_arg_u32(args, "sip", 0);
	struct fo_ip	*slot = NULL;
	char		 t[16];

	if (strcmp(name, c->lan_name) != 0 && strcmp(name, c->link_name) != 0)
		return cmd_error(ctx, MSG_FO_NOT_FAILOVER_IF, name);
	if (!mask_ok(mask)) {
		ip_text(mask, t);
		return cmd_error(ctx, MSG_IF_BAD_MASK, t);
	}
	if ((ip & mask) != (sb & mask)) {
		ip_text(sb, t);
		return cmd_error(ctx, MSG_IF_BAD_STANDBY, t);
	}
	for (size_t i = 0; i < 2 && slot == NULL; i++)
		if (strcmp(c->ip[i].name, name) == 0)
			slot = &c->ip[i];
	for (size_t i = 0; i < 2 && slot == NULL; i++)
		if (c->ip[i].name[0] == '\0')
			slot = &c->ip[i];
	if (slot == NULL)
		slot = &c->ip[1];
	snprintf(slot->name, sizeof slot->name, "%s", name);
	slot->ip = ip;
	slot->mask = mask;
	slot->standby = sb;
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static enum cmd_status
no_failover_interface_ip_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	struct fo_cfg	*c = &device_failover(ctx->dev)->cfg;
	const char	*name = cmd_arg_str(args, "name");

	for (size_t i = 0; i < 2; i++)
		if (strcmp(c->ip[i].name, name) == 0)
			memset(&c->ip[i], 0, sizeof c->ip[i]);
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help failover_interface_ip_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "interface", "Configure the IP address and mask to be used for "
	    "failover and/or stateful update information" },
	{ "ip", "Configure the IP address and mask to be used for failover "
	    "and/or stateful update information" },
	{ "name", HELP_FO_IFNAME },
	{ "addr", "IP address" },
	{ "mask", "Network mask" },
	{ "standby", "Specify the IP address for the standby unit" },
	{ "sip", "Standby IP address" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_interface_ip_entry = {
	.syntax = "failover interface ip <name:word> <addr:ipv4> <mask:ipv4> "
	    "standby <sip:ipv4>",
	.help = failover_interface_ip_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = failover_interface_ip_exec,
};

const struct cmd_entry cmd_no_failover_interface_ip_entry = {
	.syntax = "failover interface ip <name:word> [<addr:ipv4> <mask:ipv4> "
	    "standby <sip:ipv4>]",
	.help = failover_interface_ip_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = no_failover_interface_ip_exec,
};

/* ---- failover key ---- */

static enum cmd_status
failover_key_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fo_cfg	*c = &device_failover(ctx->dev)->cfg;
	const char	*key = cmd_arg_str(args, "secret");

	if (cmd_arg_has(args, "no") || key == NULL)
		c->key[0] = '\0';
	else if (strlen(key) > FO_KEY_MAX)
		return cmd_error(ctx, MSG_LS_SECRET_LEN);
	else
		snprintf(c->key, sizeof c->key, "%s", key);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help failover_key_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "key", "Configure the failover shared secret or key" },
	{ "secret", "The shared secret, up to 63 characters" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_key_entry = {
	.syntax = "failover key <secret:word>",
	.help = failover_key_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = failover_key_exec,
};

const struct cmd_entry cmd_no_failover_key_entry = {
	.syntax = "failover key [<secret:word>]",
	.help = failover_key_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = failover_key_exec,
};

/* ---- failover polltime ---- */

static enum cmd_status
failover_polltime_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fo_cfg	*c = &device_failover(ctx->dev)->cfg;
	uint32_t	 poll, hold;
	bool		 pms = cmd_arg_has(args, "pms");
	bool		 hms = cmd_arg_has(args, "hms");

	if (cmd_arg_has(args, "no")) {
		c->poll_ms = FO_POLL_MS_DEFAULT;
		c->hold_ms = FO_HOLD_MS_DEFAULT;
		c->poll_msec = c->hold_msec = c->hold_set = false;
		device_touch(ctx->dev);
		device_failover_changed(ctx->dev);
		return CMD_OK;
	}
	poll = pms ? cmd_arg_u32(args, "pms", 0) :
	    cmd_arg_u32(args, "ps", 1) * 1000;
	if (hms)
		hold = cmd_arg_u32(args, "hms", 0);
	else if (cmd_arg_has(args, "hs"))
		hold = cmd_arg_u32(args, "hs", 15) * 1000;
	else
		hold = c->hold_ms;
	if (hold < 3 * poll)
		return cmd_error(ctx, MSG_FO_HOLDTIME);
	c->poll_ms = poll;
	c->hold_ms = hold;
	c->poll_msec = pms;
	c->hold_msec = hms;
	c->hold_set = hms || cmd_arg_has(args, "hs") ||
	    hold != FO_HOLD_MS_DEFAULT;
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help failover_polltime_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "polltime", "Configure failover poll interval" },
	{ "unit", "Configure the unit poll and hold time" },
	{ "msec", "Specify the time in milliseconds" },
	{ "pms", "Poll time in milliseconds" },
	{ "ps", "Poll time in seconds" },
	{ "holdtime", "Configure failover unit hold time" },
	{ "hms", "Hold time in milliseconds" },
	{ "hs", "Hold time in seconds" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_polltime_entry = {
	.syntax = "failover polltime [unit] (msec <pms:200-999> | "
	    "<ps:1-15>) [holdtime (msec <hms:800-999> | <hs:1-45>)]",
	.help = failover_polltime_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = failover_polltime_exec,
};

const struct cmd_entry cmd_no_failover_polltime_entry = {
	.syntax = "failover polltime [unit]",
	.help = failover_polltime_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = failover_polltime_exec,
};
