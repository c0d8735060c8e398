/* SPDX-License-Identifier: MIT */
/*
 * What the box is made of: show inventory (the platform's rows, from its
 * model file) and show memory (the RAM of its Hardware: line).
 */
#include "commands/commands.h"

#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

static enum cmd_status
show_inventory_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct lic_platform	*p = ctx->dev->platform;

	(void)args;
	for (size_t i = 0; i < p->ninventory; i++) {
		const struct lic_inv_item *it = &p->inventory[i];

		out_printf(ctx->out, "%s", i > 0 ? "\n" : "");
		out_printf(ctx->out, msg(MSG_INVENTORY_ITEM), it->name,
		    it->descr, it->pid, it->vid,
		    it->sn != NULL ? it->sn : ctx->dev->serial);
	}
	return CMD_OK;
}

static const struct cmd_help show_inventory_help[] = {
	{ "show", HELP_SHOW },
	{ "inventory", "Show the physical inventory of the system" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_inventory_entry = {
	.syntax = "show inventory",
	.help = show_inventory_help,
	.modes = MODES_ALL,
	.exec = show_inventory_exec,
};

/* The "N MB RAM" of the Hardware: line version v prints, in bytes; 0. */
static unsigned long long
platform_ram(const struct lic_platform *p, uint32_t v)
{
	for (size_t i = 0; i < p->nhw_lines; i++) {
		const struct lic_hw_line *l = &p->hw_lines[i];
		const char *at = strstr(l->text, " MB RAM");

		if (at == NULL || v < l->sw.first || v > l->sw.last)
			continue;
		while (at > l->text && at[-1] >= '0' && at[-1] <= '9')
			at--;
		return strtoull(at, NULL, 10) << 20;
	}
	return 0;
}

/*
 * A quarter of the RAM in use, always: asaemu does not model what uses
 * an ASA's memory [I].
 */
static enum cmd_status
show_memory_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	unsigned long long	 total = platform_ram(ctx->dev->platform,
				    ctx->dev->version);
	unsigned long long	 used = total / 4;

	(void)args;
	out_printf(ctx->out, msg(MSG_MEMORY), total - used, 75u, used, 25u,
	    total);
	return CMD_OK;
}

static const struct cmd_help show_memory_help[] = {
	{ "show", HELP_SHOW },
	{ "memory", "System-wide memory usage" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_memory_entry = {
	.syntax = "show memory",
	.help = show_memory_help,
	.modes = MODES_ALL,
	.exec = show_memory_exec,
};
