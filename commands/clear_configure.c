/* SPDX-License-Identifier: MIT */
/*
 * clear configure all | failover | license-server | tls-proxy, and in
 * the system execution space clear configure context; the resets are
 * the device's (device/running.c, device/failover.c, device/context.c):
 * all takes the failover lines too, failover off. Clearing the TLS proxy limit sets the
 * platform default; when that is below the UC license, the ASA says to
 * raise it again (chapter Table 5-16, UC Proxy sessions).
 */
#include "commands/commands.h"

#include "commands/commands_int.h"
#include "device/failover.h"

/* Set the platform default; an error when the UC license is above it. */
static enum cmd_status
clear_tls(struct cmd_ctx *ctx)
{
	struct lic_tls_limits	 l;
	uint32_t		 ucv = device_license_value(ctx->dev,
	    "uc-proxy-sessions");

	device_tls_clear(ctx->dev);
	device_tls_limits(ctx->dev, &l);
	if (l.platform_dflt < ucv)
		return cmd_error(ctx, MSG_TLS_BELOW_UC, l.platform_dflt, ucv);
	return CMD_OK;
}

static enum cmd_status
clear_all(struct cmd_ctx *ctx)
{
	device_config_clear(ctx->dev);
	ctx->cur_if[0] = '\0';
	if (device_failover_get(ctx->dev) != NULL)
		device_failover_clear(ctx->dev);
	return clear_tls(ctx);
}

static enum cmd_status
clear_configure_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum cmd_status	 st = CMD_OK;

	if (cmd_arg_has(args, "all"))
		st = clear_all(ctx);
	else if (cmd_arg_has(args, "failover"))
		device_failover_clear(ctx->dev);
	else if (cmd_arg_has(args, "license-server"))
		ls_cfg_clear(&ctx->dev->ext->ls);
	else
		st = clear_tls(ctx);
	device_touch(ctx->dev);
	return st;
}

static const struct cmd_help clear_configure_help[] = {
	{ "clear", HELP_CLEAR },
	{ "configure", "Clear configuration" },
	{ "all", "Clear all configuration" },
	{ "failover", "Clear failover configuration" },
	{ "license-server", "Clear the shared license server and participant "
	    "configuration" },
	{ "tls-proxy", "Clear the TLS proxy configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_clear_configure_entry = {
	.syntax = "clear configure (all|failover|license-server|tls-proxy)",
	.help = clear_configure_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = clear_configure_exec,
};

/*
 * Every context goes, the admin context too: the only way to remove the
 * current admin context (configuration guide, "Removing a Security
 * Context" [M]). A session inside one is back in the system at its next
 * command (cmd_before).
 */
static enum cmd_status
clear_configure_context_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;

	(void)args;
	while (dev->ctxs.n > 0)
		device_context_remove(dev, dev->ctxs.n - 1);
	dev->ctxs.admin[0] = '\0';
	device_touch(dev);
	return CMD_OK;
}

static const struct cmd_help clear_configure_context_help[] = {
	{ "clear", HELP_CLEAR },
	{ "configure", "Clear configuration" },
	{ "context", "Clear all context configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_clear_configure_context_entry = {
	.syntax = "clear configure context",
	.help = clear_configure_context_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = clear_configure_context_exec,
};
