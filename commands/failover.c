/* SPDX-License-Identifier: MIT */
/*
 * Failover configuration (ASA 8.x/9.x Active/Standby over a LAN link):
 * failover, failover lan unit, failover lan interface, failover link,
 * failover interface ip, failover key, failover polltime, failover
 * active, write standby; their running-config lines; the configuration a
 * standby unit receives from its mate; the console lines of the
 * failover events. The unit's state and its link are device/failover.c.
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

#define HELP_FAILOVER	"Enable/disable failover feature"
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

void
cmd_failover_apply(struct cmd_ctx *ctx, const char *config)
{
	char	*text = xstrdup(config);
	char	*line, *next;

	/* write standby: "the clear configure all command is generated on
	   the secondary unit automatically" (chapter, UC sessions). */
	device_config_clear(ctx->dev);
	device_failover_clear_replicated(ctx->dev);
	session_set_mode(ctx->sess, MODE_CONFIG);
	ctx->replay = true;
	for (line = text; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (*line == ':' || *line == '!' ||
		    strncmp(line, "failover lan unit ", 18) == 0)
			continue;
		if (*line != ' ')
			session_set_mode(ctx->sess, MODE_CONFIG);
		session_exec(ctx->sess, line);
	}
	ctx->replay = false;
	session_set_mode(ctx->sess, MODE_USER);
	free(text);
}

void
cmd_failover_config_warning(struct cmd_ctx *ctx)
{
	const struct failover *fo = device_failover_get(ctx->dev);

	if (fo != NULL && !ctx->replay && fo->cfg.enabled &&
	    fo_state_standby(fo->state))
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
