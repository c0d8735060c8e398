/* SPDX-License-Identifier: MIT */
/*
 * tls-proxy maximum-sessions N | no tls-proxy maximum-sessions, show
 * tls-proxy, show running-config tls-proxy. The limits come from the
 * platform and the running UC and IME licenses (licensing/lic_tls.c).
 *
 * The maximum depends on the platform and the license, so the slot's
 * range ends at the run-time limit "tls-max" (cmd_limit): '?' lists
 * <1-MAX> for this device and a larger number gets the parser's caret.
 */
#include "commands/commands.h"

#include <string.h>

#include "commands/commands_int.h"

/*
 * Reference 5.1 [V]: "tls-proxy maximum-session 500", framed by "!". The
 * line is there unless the limit is the platform default, which clear
 * configure all and no tls-proxy maximum-sessions set (Table 5-16); a
 * UC license that raised the limit shows as the line.
 */
void
tls_render(struct strbuf *sb, const struct device *dev)
{
	struct lic_tls_limits	 l;
	uint32_t		 n = device_tls_sessions(dev);

	device_tls_limits(dev, &l);
	if (n != l.platform_dflt)
		strbuf_printf(sb, "!\ntls-proxy maximum-session %u\n!\n", n);
}

static enum cmd_status
tls_proxy_maximum_sessions_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	struct cfg_ext		*x = ctx->dev->ext;
	struct lic_tls_limits	 l;
	uint32_t		 n = cmd_arg_u32(args, "sessions", 0);

	if (ctx->dev->npe && !cmd_arg_has(args, "no"))
		return cmd_error(ctx, MSG_NPE_REFUSED);
	if (cmd_arg_has(args, "no")) {
		/* The platform default, as clear configure all gives. */
		device_tls_clear(ctx->dev);
		device_touch(ctx->dev);
		return CMD_OK;
	}
	device_tls_limits(ctx->dev, &l);
	/*
	 * The default is no setting: a later UC license "automatically
	 * sets the TLS proxy limit to match the UC limit" (Table 5-16).
	 */
	x->tls_set = n != l.dflt;
	x->tls_sessions = n;
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help tls_proxy_maximum_sessions_help[] = {
	/* [I] only the session limit exists here: no TLS proxy instances. */
	{ "tls-proxy", "Configure the maximum number of TLS proxy sessions" },
	{ "maximum-sessions", "Configure the maximum number of TLS proxy "
	    "sessions" },
	/* Reference 5.3 [I]: wording unverified. */
	{ "sessions", "Maximum number of TLS proxy sessions" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_tls_proxy_maximum_sessions_entry = {
	.syntax = "tls-proxy maximum-sessions <sessions:1-$tls-max>",
	.help = tls_proxy_maximum_sessions_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = tls_proxy_maximum_sessions_exec,
	.since = SINCE_TLS_MAX_SESSIONS,
};

const struct cmd_entry cmd_no_tls_proxy_maximum_sessions_entry = {
	.syntax = "tls-proxy maximum-sessions [<sessions:1-$tls-max>]",
	.help = tls_proxy_maximum_sessions_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = tls_proxy_maximum_sessions_exec,
	.since = SINCE_TLS_MAX_SESSIONS,
};

/* Reference 5.3 [M low]; no TLS proxy instances exist yet. */
static enum cmd_status
show_tls_proxy_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	out_printf(ctx->out, "Maximum number of sessions: %u\n",
	    device_tls_sessions(ctx->dev));
	return CMD_OK;
}

static const struct cmd_help show_tls_proxy_help[] = {
	{ "show", HELP_SHOW },
	{ "tls-proxy", "Show TLS proxy information" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_tls_proxy_entry = {
	.syntax = "show tls-proxy",
	.help = show_tls_proxy_help,
	.modes = MODES_EXEC,
	.exec = show_tls_proxy_exec,
};

static enum cmd_status
show_running_config_tls_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct lic_tls_limits	 l;
	uint32_t		 n = device_tls_sessions(ctx->dev);

	(void)args;
	device_tls_limits(ctx->dev, &l);
	if (n != l.platform_dflt)
		out_printf(ctx->out, "tls-proxy maximum-session %u\n", n);
	return CMD_OK;
}

static const struct cmd_help show_running_config_tls_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "tls-proxy", "Show tls-proxy configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_tls_entry = {
	.syntax = "show running-config tls-proxy",
	.help = show_running_config_tls_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_tls_exec,
};

/* The run-time maxima of "<slot:N-$limit>" ranges (grammar_set_limits). */
uint32_t
cmd_limit(void *arg, const char *limit)
{
	struct cmd_ctx		*ctx = arg;
	struct lic_tls_limits	 l;

	if (strcmp(limit, "tls-max") != 0)
		return 0;
	device_tls_limits(ctx->dev, &l);
	return l.max;
}
