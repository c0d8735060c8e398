/* SPDX-License-Identifier: MIT */
/*
 * webvpn (global configuration: enters the (config-webvpn) sub-mode) and,
 * in it, [no] anyconnect-essentials: which of AnyConnect Essentials and
 * AnyConnect Premium is in force on a device licensed for both (chapter
 * Table 5-16 and Table 5-17 footnote 1: "By default, the ASA uses the
 * AnyConnect Essentials license, but you can disable it to use other
 * licenses by using the no anyconnect-essentials command").
 */
#include "commands/commands.h"

#include "commands/commands_int.h"

/*
 * The running configuration: only the non-default setting makes a block
 * (the ASAv 9.3(1) capture prints " anyconnect-essentials" under a webvpn
 * block that has other settings; asaemu has none). Its place, after
 * tls-proxy, is that capture's.
 */
void
webvpn_render(struct strbuf *sb, const struct device *dev)
{
	if (dev->lic.no_essentials)
		strbuf_puts(sb, "webvpn\n no anyconnect-essentials\n");
}

static enum cmd_status
webvpn_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	session_set_mode(ctx->sess, MODE_CONFIG_WEBVPN);
	return CMD_OK;
}

static const struct cmd_help webvpn_help[] = {
	/* [M low] '?' wording. */
	{ "webvpn", "Configure the WebVPN service" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_webvpn_entry = {
	.syntax = "webvpn",
	.help = webvpn_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = webvpn_exec,
};

/*
 * Accepted whether or not Essentials is licensed [M]: the setting only
 * decides which license is used when both are.
 */
static enum cmd_status
anyconnect_essentials_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	bool	 off = cmd_arg_has(args, "no");

	if (ctx->dev->lic.no_essentials == off)
		return CMD_OK;
	ctx->dev->lic.no_essentials = off;
	device_license_compute(ctx->dev);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help anyconnect_essentials_help[] = {
	/* [M low] '?' wording. */
	{ "anyconnect-essentials", "Enable AnyConnect Essentials" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_anyconnect_essentials_entry = {
	.syntax = "anyconnect-essentials",
	.help = anyconnect_essentials_help,
	.modes = MODE_BIT(MODE_CONFIG_WEBVPN),
	.flags = CMD_F_NO_FORM,
	.exec = anyconnect_essentials_exec,
	.since = SINCE_AC_ESSENTIALS,
};
