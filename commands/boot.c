/* SPDX-License-Identifier: MIT */
/*
 * boot system disk0:/IMAGE (several, in order; no boot system ...), asdm
 * image disk0:/IMAGE, show bootvar, and their lines in the running
 * configuration. Sources: the 9.5 capture (boot system order, no form),
 * the 8.4(2) capture (flash: converted to disk0: with an INFO line), the
 * 9.7 capture (show bootvar).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

/* "disk0:/x" of a typed disk path, or an error printed (NULL). */
static const char *
boot_path(struct cmd_ctx *ctx, const char *typed, char *buf, size_t len)
{
	struct fs_url	 u;

	if (fs_parse(typed, &u) != 0 || u.kind != FS_DISK ||
	    u.path[0] == '\0') {
		cmd_error(ctx, MSG_FS_INVALID, typed);
		return NULL;
	}
	fs_display(&u, buf, len);
	if (strncmp(typed, "disk0:", 6) != 0 && !ctx->replay)
		out_printf(ctx->out, msg(MSG_BOOT_CONVERTING), typed, buf);
	return buf;
}

static enum cmd_status
boot_system_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char		 buf[320];
	const char	*path = boot_path(ctx, cmd_arg_str(args, "path"), buf,
			    sizeof buf);

	if (path == NULL)
		return CMD_ERROR;
	device_boot_list_set(ctx->dev, path, !cmd_arg_has(args, "no"));
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help boot_system_help[] = {
	{ "boot", HELP_BOOT },
	{ "system", "System image file name" },
	{ "path", "disk0:/IMAGE (flash:/IMAGE)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_boot_system_entry = {
	.syntax = "boot system <path:word>",
	.help = boot_system_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = boot_system_exec,
};

static enum cmd_status
asdm_image_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char		 buf[320];
	const char	*typed = cmd_arg_str(args, "path"), *path = NULL;

	if (typed != NULL && (path = boot_path(ctx, typed, buf,
	    sizeof buf)) == NULL)
		return CMD_ERROR;
	free(ctx->dev->asdm_image);
	ctx->dev->asdm_image = cmd_arg_has(args, "no") || path == NULL ?
	    NULL : xstrdup(path);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help asdm_image_help[] = {
	{ "asdm", "Configure Device Manager" },
	{ "image", "Device Manager image file" },
	{ "path", "disk0:/IMAGE (flash:/IMAGE)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_asdm_image_entry = {
	.syntax = "asdm image <path:word>",
	.help = asdm_image_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = asdm_image_exec,
};

const struct cmd_entry cmd_no_asdm_image_entry = {
	.syntax = "asdm image [<path:word>]",
	.help = asdm_image_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = asdm_image_exec,
};

void
boot_render(struct strbuf *sb, const struct device *dev)
{
	for (size_t i = 0; i < dev->nboot; i++)
		strbuf_printf(sb, "boot system %s\n", dev->boot[i]);
}

void
asdm_render(struct strbuf *sb, const struct device *dev)
{
	if (dev->asdm_image != NULL)
		strbuf_printf(sb, "asdm image %s\n", dev->asdm_image);
}

static enum cmd_status
show_bootvar_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	out_printf(ctx->out, msg(MSG_BOOTVAR_BOOT), ctx->dev->boot_var !=
	    NULL ? ctx->dev->boot_var : "");
	out_puts(ctx->out, msg(MSG_BOOTVAR_CURRENT));
	for (size_t i = 0; i < ctx->dev->nboot; i++)
		out_printf(ctx->out, "%s%s", i ? ";" : " ", ctx->dev->boot[i]);
	out_puts(ctx->out, "\n");
	out_puts(ctx->out, msg(MSG_BOOTVAR_CONFIG));
	return CMD_OK;
}

static const struct cmd_help show_bootvar_help[] = {
	{ "show", HELP_SHOW },
	{ "bootvar", "Show the boot configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_bootvar_entry = {
	.syntax = "show bootvar",
	.help = show_bootvar_help,
	.modes = MODES_EXEC,
	.exec = show_bootvar_exec,
};
