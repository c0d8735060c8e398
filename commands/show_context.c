/* SPDX-License-Identifier: MIT */
/*
 * show context [detail | count] and write memory all, in the system
 * execution space. The table's columns are genieparser's 9.x sample
 * (Context Name, Class, Interfaces, Mode, URL; '*' marks the admin
 * context); the detail stanzas are [M].
 */
#include "commands/commands.h"

#include <string.h>

#include "commands/commands_int.h"

#define IF_COLUMN	21	/* the Interfaces column's width */
#define IF_INDENT	39	/* where its continuation lines start */

/*
 * One row; the interfaces wrap (each ending in ',' but the last) at the
 * column's width, the first line carrying the mode and URL.
 */
static void
context_row(struct out *out, const struct device *dev,
    const struct dev_context *x)
{
	struct strbuf	 line[64];
	size_t		 nl = 1;

	strbuf_init(&line[0], 0);
	for (size_t k = 0; k < x->nallocs; k++) {
		const char *n = x->allocs[k].phys;
		const char *comma = k + 1 < x->nallocs ? "," : "";

		if (line[nl - 1].len > 0 && line[nl - 1].len + strlen(n) +
		    strlen(comma) > IF_COLUMN - 1 && nl < 64)
			strbuf_init(&line[nl++], 0);
		strbuf_printf(&line[nl - 1], "%s%s", n, comma);
	}
	out_printf(out, "%c%-17s%-21s%-20s %-13s%s\n",
	    strcmp(x->name, dev->ctxs.admin) == 0 ? '*' : ' ', x->name,
	    "default", line[0].len ? line[0].buf : "", "Routed", x->url);
	for (size_t i = 1; i < nl; i++)
		out_printf(out, "%*s%s\n", IF_INDENT, "", line[i].buf);
	for (size_t i = 0; i < nl; i++)
		strbuf_release(&line[i]);
}

static void
detail_list(struct out *out, const char *label, const struct dev_context *x,
    bool mapped)
{
	out_printf(out, "  %s:", label);
	for (size_t k = 0; k < x->nallocs; k++) {
		const struct ctx_alloc *a = &x->allocs[k];

		out_printf(out, "%s %s", k ? "," : "", mapped && a->mapped[0] ?
		    a->mapped : a->phys);
	}
	out_puts(out, "\n");
}

static void
context_detail(struct out *out, const struct device *dev)
{
	const struct device_contexts *c = &dev->ctxs;

	for (size_t i = 0; i < c->n; i++) {
		const struct dev_context *x = &c->v[i];
		bool	 admin = strcmp(x->name, c->admin) == 0;

		out_printf(out, "Context \"%s\", is %sactive\n", x->name,
		    admin ? "ADMIN and " : "");
		out_printf(out, "  Config URL: %s\n", x->url);
		detail_list(out, "Real Interfaces", x, false);
		detail_list(out, "Mapped Interfaces", x, true);
		out_printf(out, "  Flags: 0x%08x, ID: %zu\n\n", admin ?
		    0x813u : 0x811u, i + 1);
	}
	out_puts(out, "Context \"system\", is a system resource\n"
	    "  Config URL: startup-config\n  Real Interfaces:\n"
	    "  Mapped Interfaces:\n  Flags: 0x00000819, ID: 0\n\n"
	    "Context \"null\", is a system resource\n"
	    "  Config URL: ... null ...\n  Real Interfaces:\n"
	    "  Mapped Interfaces:\n  Flags: 0x00000809, ID: 507\n\n");
}

static enum cmd_status
show_context_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct device *dev = ctx->dev;

	if (cmd_arg_has(args, "detail")) {
		context_detail(ctx->out, dev);
		return CMD_OK;
	}
	if (!cmd_arg_has(args, "count")) {
		out_puts(ctx->out, msg(MSG_CTX_HEADER));
		for (size_t i = 0; i < dev->ctxs.n; i++)
			context_row(ctx->out, dev, &dev->ctxs.v[i]);
	}
	out_printf(ctx->out, msg(MSG_CTX_COUNT), dev->ctxs.n);
	return CMD_OK;
}

static const struct cmd_help show_context_help[] = {
	{ "show", HELP_SHOW },
	{ "context", "Show context information" },
	{ "detail", "Show detailed context information" },
	{ "count", "Show total number of contexts" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_context_entry = {
	.syntax = "show context [(detail|count)]",
	.help = show_context_help,
	.modes = MODES_EXEC,
	.exec = show_context_exec,
};

static enum cmd_status
write_memory_all_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	size_t		 n = dev->ctxs.n + 1;
	enum cmd_status	 st = CMD_OK;
	char		 sum[33];
	size_t		 len;

	(void)args;
	out_puts(ctx->out, msg(MSG_BUILDING));
	for (size_t i = 0; i < n && st == CMD_OK; i++) {
		size_t	 sp = i == 0 ? CTX_SYSTEM : i - 1;

		out_printf(ctx->out, msg(MSG_CTX_SAVING), i == 0 ? "system" :
		    dev->ctxs.v[sp].name, i, n);
		device_space_select(dev, sp);
		st = config_space_save(ctx, sum, &len);
	}
	device_space_select(dev, CTX_SYSTEM);
	if (st == CMD_OK)
		out_puts(ctx->out, msg(MSG_OK));
	return st;
}

static const struct cmd_help write_memory_all_help[] = {
	{ "write", HELP_WRITE },
	{ "memory", "Write to memory" },
	{ "all", "Save the system and every context" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_write_memory_all_entry = {
	.syntax = "write memory all",
	.help = write_memory_all_help,
	.modes = MODES_EXEC,
	.exec = write_memory_all_exec,
};
