/* SPDX-License-Identifier: MIT */
/*
 * Active/Active failover groups (multiple context mode, the system
 * execution space): failover group 1|2 and its (config-fover-group)
 * sub-mode with primary, secondary, preempt [DELAY]; failover active
 * group N / no failover active group N. The groups' roles are
 * device/failover_group.c's.
 *
 * [D] configuration guide, "Configuring Active/Active Failover": the
 * sub-mode and its prompt; "Failover group 1 always contains the admin
 * context. Any context not assigned to a failover group defaults to
 * failover group 1. You cannot remove a failover group that has
 * contexts explicitly assigned to it"; "you must remove failover group
 * 1 last". [M med] a group with neither primary nor secondary is
 * preferred on the primary unit (command reference, from memory);
 * [M med] no secondary restores that default (the command reference's
 * "use the no form of this command", from memory); no primary changes
 * nothing [I].
 * Licensing chapter: Active/Active needs the license's "Active/Active"
 * Failover (the ASA 5505 has Active/Standby only); "You cannot use
 * Active/Active failover and VPN" and "Shared licenses are not
 * supported in Active/Active mode" hold by construction here: multiple
 * context mode has neither (commands/spaces.c).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

/* The failover feature's values, in licensing/features.xml's order. */
#define FO_LIC_ACTIVE_ACTIVE	2

#define HELP_FO_GROUP	"Configure/Enter failover group mode"

static struct fo_group_cfg *
cur_group(struct cmd_ctx *ctx)
{
	unsigned	 g = ctx->cur_fo_group;

	return &device_failover(ctx->dev)->cfg.group[g == 2 ? 1 : 0];
}

static bool
group_has_contexts(const struct device *dev, unsigned g)
{
	for (size_t i = 0; i < dev->ctxs.n; i++)
		if (dev->ctxs.v[i].fo_group == g)
			return true;
	return false;
}

static enum cmd_status
failover_group_remove(struct cmd_ctx *ctx, unsigned g)
{
	struct failover	*fo = device_failover(ctx->dev);

	if (group_has_contexts(ctx->dev, g))
		return cmd_error(ctx, MSG_FO_GROUP_REMOVE_CTX, g);
	if (g == 1 && fo->cfg.group[1].set)
		return cmd_error(ctx, MSG_FO_GROUP_REMOVE_1);
	memset(&fo->cfg.group[g - 1], 0, sizeof fo->cfg.group[g - 1]);
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static enum cmd_status
failover_group_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	unsigned	 g = cmd_arg_u32(args, "num", 1);
	struct fo_group_cfg *c;

	if (cmd_arg_has(args, "no"))
		return failover_group_remove(ctx, g);
	/* The license first: the ASA 5505 has no multiple context mode
	   either, but its table says why it has no groups. */
	if (!ctx->replay && device_license_value(dev, "failover") !=
	    FO_LIC_ACTIVE_ACTIVE)
		return cmd_error(ctx, MSG_FO_GROUP_LICENSE);
	if (!dev->ctxs.multi)
		return cmd_error(ctx, MSG_FO_GROUP_SINGLE);
	ctx->cur_fo_group = g;
	c = cur_group(ctx);
	if (!c->set) {
		c->set = true;
		device_touch(dev);
		device_failover_changed(dev);
	}
	session_set_mode(ctx->sess, MODE_CONFIG_FOVER_GROUP);
	return CMD_OK;
}

static const struct cmd_help failover_group_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "group", HELP_FO_GROUP },
	{ "num", "Failover group number" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_group_entry = {
	.syntax = "failover group <num:1-2>",
	.help = failover_group_help,
	.modes = MODE_BIT(MODE_CONFIG) | MODE_BIT(MODE_CONFIG_FOVER_GROUP),
	.flags = CMD_F_NO_FORM,
	.exec = failover_group_exec,
};

/* ---- The sub-mode: primary, secondary, preempt ---- */

static enum cmd_status
fover_unit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	/*
	 * no secondary: back to the default, primary; no primary undoes
	 * only a primary line (the default already), so it changes nothing.
	 */
	if (cmd_arg_has(args, "no")) {
		if (cmd_arg_has(args, "secondary"))
			cur_group(ctx)->secondary = false;
	} else
		cur_group(ctx)->secondary = cmd_arg_has(args, "secondary");
	device_touch(ctx->dev);
	device_failover_changed(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help fover_unit_help[] = {
	{ "primary", "Primary unit has higher priority" },
	{ "secondary", "Secondary unit has higher priority" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_fover_unit_entry = {
	.syntax = "(primary | secondary)",
	.help = fover_unit_help,
	.modes = MODE_BIT(MODE_CONFIG_FOVER_GROUP),
	.flags = CMD_F_NO_FORM,
	.exec = fover_unit_exec,
};

static enum cmd_status
fover_preempt_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fo_group_cfg *c = cur_group(ctx);

	c->preempt = !cmd_arg_has(args, "no");
	c->preempt_s = c->preempt ? cmd_arg_u32(args, "delay", 0) : 0;
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help fover_preempt_help[] = {
	{ "preempt", "Allow preemption of lower priority active unit" },
	{ "delay", "Number of seconds to wait before preemption" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_fover_preempt_entry = {
	.syntax = "preempt [<delay:1-1200>]",
	.help = fover_preempt_help,
	.modes = MODE_BIT(MODE_CONFIG_FOVER_GROUP),
	.flags = CMD_F_NO_FORM,
	.exec = fover_preempt_exec,
};

/* ---- failover active group N ---- */

static enum cmd_status
failover_active_group_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct failover *fo = device_failover_get(ctx->dev);
	unsigned	 g = cmd_arg_u32(args, "num", 1);

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return cmd_error(ctx, MSG_FO_NOT_ENABLED);
	if (!device_failover_group_switch(ctx->dev, g,
	    !cmd_arg_has(args, "no")))
		return cmd_error(ctx, MSG_FO_GROUP_NONE, g);
	return CMD_OK;
}

static const struct cmd_help failover_active_group_help[] = {
	{ "failover", HELP_FAILOVER },
	{ "active", "Make this system to be the active unit of the failover "
	    "pair" },
	{ "group", "Failover group" },
	{ "num", "Failover group number" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_failover_active_group_entry = {
	.syntax = "failover active group <num:1-2>",
	.help = failover_active_group_help,
	.modes = MODE_BIT(MODE_PRIV) | MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = failover_active_group_exec,
};

/* ---- The running configuration ---- */

void
failover_group_render(struct strbuf *sb, const struct device *dev)
{
	const struct failover *fo = device_failover_get(dev);

	if (fo == NULL)
		return;
	for (unsigned g = 0; g < FO_GROUPS; g++) {
		const struct fo_group_cfg *c = &fo->cfg.group[g];

		if (!c->set)
			continue;
		strbuf_printf(sb, "failover group %u\n", g + 1);
		if (c->secondary)
			strbuf_puts(sb, "  secondary\n");
		if (c->preempt && c->preempt_s != 0)
			strbuf_printf(sb, "  preempt %u\n", c->preempt_s);
		else if (c->preempt)
			strbuf_puts(sb, "  preempt\n");
	}
}
