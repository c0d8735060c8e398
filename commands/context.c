/* SPDX-License-Identifier: MIT */
/*
 * Multiple context mode: mode single|multiple [noconfirm], show mode;
 * context NAME (config-ctx: allocate-interface, config-url, description,
 * join-failover-group), admin-context NAME, changeto system|context NAME,
 * show context [detail|count], write memory all. The number of contexts,
 * the admin context's included [M: the 8.x guide's "Total active Security
 * Contexts" counts it], is the running license's Security Contexts.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"
#include "licensing/lic_contexts.h"

#define STARTUP_FILE	"startup-config"

static int
disk_put(struct device *dev, const char *path, const char *text)
{
	return device_disk_write(dev, NULL, path, text, strlen(text));
}

/*
 * mode multiple: old_running.cfg keeps the single-mode configuration,
 * admin.cfg gets it as the admin context's, the startup configuration
 * becomes the system's.
 */
static int
mode_convert(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	char		 sum[33], *text;
	int		 rc;

	out_puts(ctx->out, msg(MSG_MODE_CONVERTING));
	text = config_render_saved(dev, sum, false);
	rc = disk_put(dev, "old_running.cfg", text);
	free(text);
	device_mode_convert(dev);
	device_space_select(dev, 0);
	text = config_render_saved(dev, sum, false);
	device_space_select(dev, CTX_SYSTEM);
	if (rc == 0)
		rc = disk_put(dev, "admin.cfg", text);
	free(text);
	text = config_render_saved(dev, sum, false);
	if (rc == 0)
		rc = device_flash_write(dev, STARTUP_FILE, text, strlen(text));
	free(text);
	return rc;
}

static enum cmd_status
mode_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	bool		 multi = cmd_arg_has(args, "multiple");
	bool		 noconfirm = cmd_arg_has(args, "noconfirm");

	/* [I] the mode it already runs in: nothing to do. */
	if (multi == dev->ctxs.multi)
		return CMD_OK;
	if (multi && device_license_value(dev, "security-contexts") == 0)
		return cmd_error(ctx, MSG_MODE_NOT_LICENSED);
	out_puts(ctx->out, msg(MSG_MODE_WARNING));
	if (!noconfirm && !fs_confirm(ctx, msg(MSG_MODE_PROCEED)))
		return CMD_OK;
	if (multi && !noconfirm && !fs_confirm(ctx, msg(MSG_MODE_CONVERT)))
		return CMD_OK;
	if ((multi && mode_convert(ctx) != 0) ||
	    device_mode_save(dev, multi) != 0)
		return cmd_error(ctx, MSG_FLASH_WRITE_FAILED, strerror(errno));
	out_printf(ctx->out, msg(MSG_MODE_SET), multi ? "multiple" : "single");
	out_puts(ctx->out, msg(MSG_MODE_SHUTDOWN));
	out_puts(ctx->out, msg(dev->version >= LIC_VERSION(9, 0, 0, 0) ?
	    MSG_RELOAD_REBOOT_9X : MSG_RELOAD_REBOOT_8X));
	cmd_reboot(ctx);
	return CMD_OK;
}

static const struct cmd_help mode_help[] = {
	{ "mode", "Configure multi context mode" },
	{ "single", "Single mode" },
	{ "multiple", "Multiple mode" },
	{ "noconfirm", "Do not prompt for confirmation" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_mode_entry = {
	.syntax = "mode (single|multiple) [noconfirm]",
	.help = mode_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = mode_exec,
};

static enum cmd_status
show_mode_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	out_printf(ctx->out, msg(MSG_MODE_SET), ctx->dev->ctxs.multi ?
	    "multiple" : "single");
	return CMD_OK;
}

static const struct cmd_help show_mode_help[] = {
	{ "show", HELP_SHOW },
	{ "mode", "Show context mode" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_mode_entry = {
	.syntax = "show mode",
	.help = show_mode_help,
	.modes = MODES_EXEC,
	.exec = show_mode_exec,
};

/* ---- changeto ---- */

static enum cmd_status
changeto_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*name = cmd_arg_str(args, "name");
	enum mode	 m = session_mode(ctx->sess);

	if (name != NULL &&
	    device_context_find(ctx->dev, name) == CTX_SYSTEM)
		return cmd_error(ctx, MSG_CTX_INVALID, name);
	cmd_space_enter(ctx, name);
	if (m == MODE_CONFIG_IF || m == MODE_CONFIG_CTX)
		session_set_mode(ctx->sess, MODE_CONFIG);
	return CMD_OK;
}

static const struct cmd_help changeto_help[] = {
	{ "changeto", "Change to the system or a context" },
	{ "system", "Change to the system execution space" },
	{ "context", "Change to a context" },
	{ "name", "Context name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_changeto_entry = {
	.syntax = "changeto (system|context <name:word>)",
	.help = changeto_help,
	.modes = MODES_EXEC,
	.exec = changeto_exec,
};

/* ---- context NAME and its sub-mode ---- */

/*
 * Room for one more context: a failover pair runs the combined
 * license's count (device_license_value gives the license in force)
 * over both failover groups' contexts, however the groups are divided
 * between the units (licensing/lic_contexts.c).
 */
static bool
contexts_may_add(const struct device *dev, uint32_t limit)
{
	uint32_t	 group[LIC_CTX_GROUPS] = { 0, 0 };

	for (size_t i = 0; i < dev->ctxs.n; i++)
		group[dev->ctxs.v[i].fo_group == 2 ? 1 : 0]++;
	return lic_contexts_may_add(group, limit);
}

static enum cmd_status
context_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	const char	*name = cmd_arg_str(args, "name");
	size_t		 i = device_context_find(dev, name);
	uint32_t	 limit = device_license_value(dev, "security-contexts");

	if (strlen(name) > CTX_NAME_MAX)
		return cmd_error(ctx, MSG_CTX_NAME_LONG);
	if (cmd_arg_has(args, "no")) {
		if (i != CTX_SYSTEM && strcmp(name, dev->ctxs.admin) == 0)
			return cmd_error(ctx, MSG_CTX_ADMIN_REMOVE, name);
		if (i != CTX_SYSTEM)
			device_context_remove(dev, i);
		device_touch(dev);
		return CMD_OK;
	}
	if (i == CTX_SYSTEM) {
		/*
		 * [I] beyond the license, at the prompt and at boot alike: a
		 * license that shrank leaves the contexts already running
		 * until the next reload, which then creates only as many.
		 */
		if (!contexts_may_add(dev, limit))
			return cmd_error(ctx, MSG_CTX_LIMIT, name, limit);
		device_context_add(dev, name);
		device_touch(dev);
	}
	snprintf(ctx->cur_ctx, sizeof ctx->cur_ctx, "%s", name);
	session_set_mode(ctx->sess, MODE_CONFIG_CTX);
	return CMD_OK;
}

static const struct cmd_help context_help[] = {
	{ "context", "Configure a security context" },
	{ "name", "Name of the context (up to 32 characters)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_context_entry = {
	.syntax = "context <name:word>",
	.help = context_help,
	.modes = MODE_BIT(MODE_CONFIG) | MODE_BIT(MODE_CONFIG_CTX),
	.flags = CMD_F_NO_FORM,
	.exec = context_exec,
};

/* The (config-ctx) context; CTX_SYSTEM when it was removed meanwhile. */
static size_t
cur_context(struct cmd_ctx *ctx)
{
	return device_context_find(ctx->dev, ctx->cur_ctx);
}

static enum cmd_status
allocate_interface_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	const char	*typed = cmd_arg_str(args, "phys");
	const char	*mapped = cmd_arg_str(args, "mapped");
	size_t		 i = cur_context(ctx), port;
	char		 name[IF_NAME_MAX];
	uint32_t	 sub;

	if (i == CTX_SYSTEM)
		return CMD_OK;
	port = device_iface_resolve(dev, typed, &sub);
	if (port != (size_t)-1) {
		device_iface_name(dev, port, sub, name);
		if (device_iface_find(dev, name) == (size_t)-1)
			port = (size_t)-1;
	}
	if (port == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	device_touch(dev);
	if (cmd_arg_has(args, "no")) {
		device_context_unallocate(dev, i, name);
		return CMD_OK;
	}
	if (device_context_allocate(dev, i, name, mapped ? mapped : "",
	    cmd_arg_has(args, "visible")) != 0)
		return cmd_error(ctx, MSG_CTX_MAPPED_USED, mapped, ctx->cur_ctx);
	return CMD_OK;
}

static const struct cmd_help allocate_interface_help[] = {
	{ "allocate-interface", "Allocate interface to context" },
	{ "phys", "Physical interface or subinterface" },
	{ "mapped", "Name the context sees the interface by" },
	{ "visible", "Show the physical name in the context too" },
	{ "invisible", "Show only the mapped name in the context" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_allocate_interface_entry = {
	.syntax = "allocate-interface <phys:word> [<mapped:word>] "
	    "[(visible|invisible)]",
	.help = allocate_interface_help,
	.modes = MODE_BIT(MODE_CONFIG_CTX),
	.flags = CMD_F_NO_FORM,
	.exec = allocate_interface_exec,
};

static enum cmd_status
config_url_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*typed = cmd_arg_str(args, "url");
	size_t		 i = cur_context(ctx);
	struct fs_url	 u;
	char		 shown[CTX_URL_MAX];

	if (i == CTX_SYSTEM)
		return CMD_OK;
	if (fs_parse(typed, &u) != 0 || u.kind != FS_DISK)
		return cmd_error(ctx, MSG_FS_INVALID, typed);
	fs_display(&u, shown, sizeof shown);
	/* The mate's system configuration again: a context keeps what
	   runs (its own changes, or what the mate sent for it), not its
	   file on this unit's disk. */
	if (ctx->fo_apply && strcmp(ctx->dev->ctxs.v[i].url, shown) == 0)
		return CMD_OK;
	snprintf(ctx->dev->ctxs.v[i].url, sizeof ctx->dev->ctxs.v[i].url,
	    "%s", shown);
	device_touch(ctx->dev);
	config_load_context(ctx, i);
	return CMD_OK;
}

static const struct cmd_help config_url_help[] = {
	{ "config-url", "Configure URL for a context configuration" },
	{ "url", "disk0:/NAME.cfg" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_config_url_entry = {
	.syntax = "config-url <url:word>",
	.help = config_url_help,
	.modes = MODE_BIT(MODE_CONFIG_CTX),
	.exec = config_url_exec,
};

static enum cmd_status
ctx_description_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	size_t		 i = cur_context(ctx);
	const char	*text = cmd_arg_str(args, "text");

	if (i == CTX_SYSTEM)
		return CMD_OK;
	free(ctx->dev->ctxs.v[i].description);
	ctx->dev->ctxs.v[i].description = cmd_arg_has(args, "no") ||
	    text == NULL ? NULL : xstrdup(text);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ctx_description_help[] = {
	{ "description", "Provide a description of the context" },
	{ "text", "Up to 200 characters describing this context" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_ctx_description_entry = {
	.syntax = "description [<text:line>]",
	.help = ctx_description_help,
	.modes = MODE_BIT(MODE_CONFIG_CTX),
	.flags = CMD_F_NO_FORM,
	.exec = ctx_description_exec,
};

static enum cmd_status
join_failover_group_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	size_t		 i = cur_context(ctx);

	if (i == CTX_SYSTEM)
		return CMD_OK;
	ctx->dev->ctxs.v[i].fo_group = cmd_arg_has(args, "no") ? 0 :
	    cmd_arg_u32(args, "group", 1);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help join_failover_group_help[] = {
	{ "join-failover-group", "Join the context to a failover group" },
	{ "group", "Failover group" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_join_failover_group_entry = {
	.syntax = "join-failover-group <group:1-2>",
	.help = join_failover_group_help,
	.modes = MODE_BIT(MODE_CONFIG_CTX),
	.flags = CMD_F_NO_FORM,
	.exec = join_failover_group_exec,
};

static enum cmd_status
admin_context_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	snprintf(ctx->dev->ctxs.admin, sizeof ctx->dev->ctxs.admin, "%s",
	    cmd_arg_str(args, "name"));
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help admin_context_help[] = {
	{ "admin-context", "Configure the admin context" },
	{ "name", "Name of the admin context" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_admin_context_entry = {
	.syntax = "admin-context <name:word>",
	.help = admin_context_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = admin_context_exec,
};

void
ctx_render(struct strbuf *sb, const struct device *dev)
{
	const struct device_contexts *c = &dev->ctxs;

	if (c->admin[0] != '\0')
		strbuf_printf(sb, "admin-context %s\n", c->admin);
	for (size_t i = 0; i < c->n; i++) {
		const struct dev_context *x = &c->v[i];

		strbuf_printf(sb, "context %s\n", x->name);
		if (x->description != NULL)
			strbuf_printf(sb, "  description %s\n",
			    x->description);
		for (size_t k = 0; k < x->nallocs; k++)
			strbuf_printf(sb, "  allocate-interface %s%s%s%s\n",
			    x->allocs[k].phys, x->allocs[k].mapped[0] ? " " :
			    "", x->allocs[k].mapped, x->allocs[k].visible ?
			    " visible" : "");
		if (x->url[0] != '\0')
			strbuf_printf(sb, "  config-url %s\n", x->url);
		if (x->fo_group != 0)
			strbuf_printf(sb, "  join-failover-group %u\n",
			    x->fo_group);
		strbuf_puts(sb, "!\n");
	}
}
