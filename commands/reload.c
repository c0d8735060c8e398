/* SPDX-License-Identifier: MIT */
/*
 * reload [noconfirm] [save-config], reload cancel, show reload, and the
 * boot that follows, in place: the save and proceed dialogs (9.7 and
 * 8.4(2) captures), the shutdown, the boot loader trying the boot list
 * (or searching disk0:/), the release banner and license summary, the
 * startup configuration replayed by the new release (lines it does not
 * know refused with their errors), then the user prompt. No image that
 * loads: ROMMON (rommon.c).
 * reload in / at, reload cancel and show reload: reload_sched.c.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

#define STARTUP_FILE "startup-config"

const char *
cmd_prompt_host(struct cmd_ctx *ctx)
{
	/* Reference 6.1 [D]: "within a context, the prompt begins with
	 * the hostname followed by the context name: hostname/context". */
	if (!ctx->dev->rommon && cmd_in_context(ctx)) {
		snprintf(ctx->ctx_prompt, sizeof ctx->ctx_prompt, "%s/%s",
		    device_system_hostname(ctx->dev), ctx->space);
		return ctx->ctx_prompt;
	}
	if (!ctx->dev->rommon)
		return prompt_host(ctx);
	snprintf(ctx->rommon_prompt, sizeof ctx->rommon_prompt, "rommon #%u",
	    ctx->rommon_n);
	return ctx->rommon_prompt;
}

bool
reload_save_config(struct cmd_ctx *ctx)
{
	char	 sum[33];
	char	*text = config_render_saved(ctx->dev, sum, false);
	size_t	 len = strlen(text);
	int	 rc = device_flash_write(ctx->dev, STARTUP_FILE, text, len);

	free(text);
	if (rc != 0) {
		cmd_error(ctx, MSG_FLASH_WRITE_FAILED, strerror(errno));
		return false;
	}
	out_printf(ctx->out, msg(MSG_CHECKSUM_WRITE), sum, sum + 8, sum + 16,
	    sum + 24);
	out_printf(ctx->out, msg(MSG_BYTES_COPIED), len);
	return true;
}

static void
print_tries(struct cmd_ctx *ctx, const struct boot_plan *plan)
{
	char	 ver[32];

	for (size_t i = 0; i < plan->ntries; i++) {
		const struct boot_try *t = &plan->tries[i];
		char		 name[300];

		snprintf(name, sizeof name, "disk0:/%s", t->path);
		out_printf(ctx->out, msg(MSG_BOOT_LOADING), name);
		switch (t->result) {
		case BOOT_OK:
			out_puts(ctx->out, msg(MSG_BOOT_BOOTING));
			return;
		case BOOT_NO_FILE:
			out_puts(ctx->out, msg(MSG_BOOT_NOT_FOUND));
			break;
		case BOOT_NOT_IMAGE:
		case BOOT_DAMAGED:
			out_puts(ctx->out, msg(MSG_BOOT_BAD_IMAGE));
			break;
		case BOOT_UNSUPPORTED:
			out_printf(ctx->out, msg(MSG_BOOT_UNSUPPORTED),
			    lic_version_format(t->info.version, ver,
			    sizeof ver));
			break;
		}
	}
}

/*
 * Boot into plan: the loader's lines, the reboot, then the release's
 * start (keys, license summary, banner, configuration) or ROMMON.
 */
void
cmd_boot_plan_run(struct cmd_ctx *ctx, const struct boot_plan *plan)
{
	struct device	*dev = ctx->dev;

	out_puts(ctx->out, msg(MSG_BOOT_LAUNCH));
	if (plan->configured > 0)
		out_printf(ctx->out, msg(MSG_BOOT_ENTRIES), plan->configured,
		    plan->configured == 1 ? "y" : "ies");
	else
		out_puts(ctx->out, msg(MSG_BOOT_SEARCH));
	print_tries(ctx, plan);
	device_reboot(dev, plan);
	if (dev->rommon) {
		out_puts(ctx->out, msg(MSG_BOOT_UNABLE));
		out_printf(ctx->out, msg(MSG_ROMMON_BANNER),
		    dev->platform->hw_name);
		out_puts(ctx->out, msg(MSG_ROMMON_HELP));
		ctx->rommon_n = 0;
		ctx->rommon_new = true;
		session_set_mode(ctx->sess, MODE_ROMMON);
		return;
	}
	cmd_boot_release(ctx);
}

void
cmd_boot_release(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	char		 ver[32], sum[33], *text;

	session_set_mode(ctx->sess, MODE_USER);
	cmd_license_boot(ctx);
	cmd_space_enter(ctx, NULL);
	out_puts(ctx->out, "\n");
	license_block(ctx->out, dev, &dev->lic.run, false);
	out_printf(ctx->out, "\n%s\n", license_sentence(dev));
	out_printf(ctx->out, msg(MSG_BOOT_BANNER), lic_version_format(
	    dev->version, ver, sizeof ver));
	text = device_flash_read(dev, STARTUP_FILE, NULL);
	if (text != NULL) {
		char *cs = strstr(text, "Cryptochecksum:");

		snprintf(sum, sizeof sum, "%s", cs != NULL ? cs + 15 :
		    "00000000000000000000000000000000");
		out_printf(ctx->out, msg(MSG_BOOT_READING), sum, sum + 8,
		    sum + 16, sum + 24);
		config_replay_boot(ctx, text);
		free(text);
	}
	dev->modified = false;
	session_set_mode(ctx->sess, MODE_USER);
	out_puts(ctx->out, msg(MSG_BOOT_TYPE_HELP));
}

static enum cmd_status
reload_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	bool		 noconfirm = cmd_arg_has(args, "noconfirm");
	const char	*a;

	bool		 later = cmd_arg_has(args, "in") || cmd_arg_has(args, "at");

	if (cmd_arg_has(args, "save-config") && !later) {
		if (!reload_save_config(ctx))
			return CMD_ERROR;
	} else if (dev->modified && !noconfirm) {
		for (;;) {
			a = session_ask(ctx->sess, msg(MSG_RELOAD_SAVE), false);
			if (a == NULL)
				return CMD_OK;
			/* [Y]es first: Enter saves [M]. */
			if (*a == '\0' || *a == 'y' || *a == 'Y') {
				if (!reload_save_config(ctx))
					return CMD_ERROR;
				break;
			}
			if (*a == 'n' || *a == 'N')
				break;
		}
	}
	if (!noconfirm && !fs_confirm(ctx, msg(MSG_RELOAD_PROCEED)))
		return CMD_OK;
	if (later)
		return reload_schedule(ctx, args);
	reload_shutdown(ctx, cmd_arg_has(args, "quick"));
	return CMD_OK;
}

/*
 * The shutdown, then the boot. max-hold-time bounds how long the
 * graceful shutdown may wait for its subsystems: asaemu's never wait.
 */
void
reload_shutdown(struct cmd_ctx *ctx, bool quick)
{
	out_puts(ctx->out, msg(quick ? MSG_RELOAD_SHUTDOWN_QUICK :
	    MSG_RELOAD_SHUTDOWN));
	out_puts(ctx->out, msg(ctx->dev->version >= LIC_VERSION(9, 0, 0, 0) ?
	    MSG_RELOAD_REBOOT_9X : MSG_RELOAD_REBOOT_8X));
	cmd_reboot(ctx);
}

void
cmd_reboot(struct cmd_ctx *ctx)
{
	struct server	*srv = session_server(ctx->sess);
	struct boot_plan plan;

	/* Every other session ends, as SSH sessions do at a reload. */
	if (srv != NULL)
		server_end_logins(srv);
	out_printf(ctx->out, msg(MSG_ROMMON_BANNER),
	    ctx->dev->platform->hw_name);
	device_boot_plan(ctx->dev, &plan);
	cmd_boot_plan_run(ctx, &plan);
}

const struct cmd_entry cmd_reload_entry = {
	.syntax = "reload [(in <delay:delay> | at <time:hhmm> "
	    "[(<month:month> <day:day> | <day:day> <month:month>)])] "
	    "[max-hold-time <hold:delay>] {noconfirm | quick | save-config} "
	    "[reason <text:line>]",
	.help = reload_help,
	.modes = MODES_EXEC,
	.exec = reload_exec,
};
