/* SPDX-License-Identifier: MIT */
/*
 * show activation-key [detail]: the serial number, the running keys, the
 * running license, and whether the flash permanent key is the running one.
 * detail adds the permanent key's own license, the flash key's when it
 * differs, and every installed time-based key, active or not.
 * Layout: reference 2.1 ([V], 8.2) and 2.3 ([M med], 8.3 to 9.1).
 */
#include "commands/commands.h"

#include <string.h>

#include "commands/commands_int.h"

static void
print_summary(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;

	out_printf(ctx->out, "Serial Number:  %s\n", dev->serial);
	license_running_keys(ctx->out, dev);
	out_puts(ctx->out, "\n");
	license_block(ctx->out, dev, &dev->lic.run, false);
	out_printf(ctx->out, "\n%s\n\n", license_sentence(dev));
}

/* One permanent key and the license it alone gives. */
static void
print_permanent(struct cmd_ctx *ctx, const char *label,
    const struct lic_key *key, const struct lic_keyinfo *info)
{
	struct lic_running	 run;

	device_license_running_of(ctx->dev, info, &run);
	license_key_line(ctx->out, label, key);
	out_puts(ctx->out, "\n");
	license_block(ctx->out, ctx->dev, &run, false);
	out_puts(ctx->out, "\n");
}

static enum cmd_status
show_activation_key_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	struct device_license	*l = &dev->lic;
	bool		 detail = cmd_arg_has(args, "detail");
	/* 8.2 has one running key: no "Permanent" (reference 2.1 [V]). */
	bool		 old = dev->version < LIC_VERSION(8, 3, 0, 0);

	print_summary(ctx);
	failover_license_block(ctx->out, dev, false);
	if (detail)
		print_permanent(ctx, old ? "Running Activation Key" :
		    "Running Permanent Activation Key",
		    l->has_running ? &l->running_key : NULL,
		    l->has_running ? &l->running_info : NULL);
	license_flash_line(ctx->out, dev);
	if (!detail)
		return CMD_OK;
	if (l->has_flash && (!l->has_running || memcmp(&l->flash_key,
	    &l->running_key, sizeof l->flash_key) != 0)) {
		out_puts(ctx->out, "\n");
		print_permanent(ctx, old ? "Flash Activation Key" :
		    "Flash Permanent Activation Key",
		    &l->flash_key, &l->flash_info);
	}
	for (int active = 1; active >= 0; active--) {
		if (license_timed_listed(l, active == 1)) {
			out_puts(ctx->out, "\n");
			license_timed_stanzas(ctx->out, dev, active == 1, false);
		}
	}
	return CMD_OK;
}

static const struct cmd_help show_activation_key_help[] = {
	{ "show", HELP_SHOW },
	{ "activation-key", "Show activation-key" },
	{ "detail", "Show detailed activation-key information" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_activation_key_entry = {
	.syntax = "show activation-key [detail]",
	.help = show_activation_key_help,
	.modes = MODES_EXEC,
	.exec = show_activation_key_exec,
};
