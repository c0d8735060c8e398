/* SPDX-License-Identifier: MIT */
/*
 * activation-key [noconfirm] KEY [activate | deactivate]: install a
 * permanent key (it replaces the old one) or a time-based key. A
 * permanent change that needs a reload (Table 5-19 for 9.x, Table 3-18
 * of the 8.4 guide before) asks [confirm] and only updates the flash
 * key. Messages: reference 1.3, in messages.c. A key that does not
 * decode for this serial number and platform, or that the running
 * release cannot read (a feature newer than it, a time-based key before
 * 8.0(4)/8.1(2)), changes nothing.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"

static const char *const key_slots[] = { "k1", "k2", "k3", "k4", "k5" };

/* The typed words as one string for the codec; arena-owned. */
static const char *
key_text(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*w[5];

	for (int i = 0; i < 5; i++)
		w[i] = cmd_arg_str(args, key_slots[i]);
	return arena_printf(session_arena(ctx->sess), "%s %s %s %s %s", w[0],
	    w[1], w[2], w[3], w[4]);
}

/* The reload warning, then [confirm] unless noconfirm was given. */
static bool
confirm_reload(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*answer;

	out_puts(ctx->out, msg(MSG_KEY_RELOAD_WARNING));
	if (cmd_arg_has(args, "noconfirm"))
		return true;
	answer = session_ask(ctx->sess, msg(MSG_KEY_PROCEED), false);
	/* [confirm]: Enter or 'y' goes ahead, anything else declines. */
	return answer != NULL && (*answer == '\0' || *answer == 'y' ||
	    *answer == 'Y');
}

static enum cmd_status
install_permanent(struct cmd_ctx *ctx, const struct cmd_args *args,
    const struct lic_key *key, const struct lic_keyinfo *info)
{
	bool		 reload = device_license_needs_reload(ctx->dev, info);

	if (reload && !confirm_reload(ctx, args))
		return CMD_OK;
	/* A change that needs a reload only updates the flash key. */
	if (device_license_set_permanent(ctx->dev, key, info, !reload) != 0)
		return cmd_error(ctx, MSG_KEY_STORE_FAILED, strerror(errno));
	out_puts(ctx->out, msg(reload ? MSG_KEY_FLASH_UPDATED :
	    MSG_KEY_BOTH_UPDATED));
	return CMD_OK;
}

static enum cmd_status
activation_key_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct lic_key		 key;
	struct lic_keyinfo	 info;
	uint32_t		 uc = device_license_value(ctx->dev,
	    "uc-proxy-sessions");
	enum cmd_status		 st;

	out_puts(ctx->out, msg(MSG_KEY_VALIDATING));
	if (lic_key_parse(key_text(ctx, args), &key) != LIC_OK ||
	    device_license_decode(ctx->dev, &key, &info) != LIC_OK ||
	    !device_license_readable(ctx->dev, &info))
		return cmd_error(ctx, MSG_KEY_NOT_VALID);
	if (info.type == LIC_KEY_PERMANENT) {
		if (cmd_arg_has(args, "activate") ||
		    cmd_arg_has(args, "deactivate"))
			return cmd_error(ctx, MSG_KEY_NOT_TIMED);
		st = install_permanent(ctx, args, &key, &info);
	} else
		st = license_timed_command(ctx, args, &key, &info);
	if (st == CMD_OK)
		device_tls_uc_applied(ctx->dev, uc);
	return st;
}

static const struct cmd_help activation_key_help[] = {
	{ "activation-key", "Modify activation-key" },
	{ "noconfirm", "Do not prompt for confirmation" },
	{ "k1", "The activation key, five hexadecimal words" },
	{ "k2", "The activation key, five hexadecimal words" },
	{ "k3", "The activation key, five hexadecimal words" },
	{ "k4", "The activation key, five hexadecimal words" },
	{ "k5", "The activation key, five hexadecimal words" },
	{ "activate", "Activate a time-based activation key" },
	{ "deactivate", "Deactivate a time-based activation key" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_activation_key_entry = {
	.syntax = "activation-key [noconfirm] <k1:hex32> <k2:hex32> "
	    "<k3:hex32> <k4:hex32> <k5:hex32>",
	.help = activation_key_help,
	.modes = MODES_EXEC,
	.exec = activation_key_exec,
};

/* activate and deactivate: from 8.3(1), with stacking (commands_int.h). */
const struct cmd_entry cmd_activation_key_timed_entry = {
	.syntax = "activation-key [noconfirm] <k1:hex32> <k2:hex32> "
	    "<k3:hex32> <k4:hex32> <k5:hex32> (activate | deactivate)",
	.help = activation_key_help,
	.modes = MODES_EXEC,
	.exec = activation_key_exec,
	.since = SINCE_KEY_STACKING,
};
