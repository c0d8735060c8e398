/* SPDX-License-Identifier: MIT */
/*
 * clear configure all | license-server | tls-proxy, and the life of the
 * configuration state they reset (struct cfg_ext). Clearing the TLS
 * proxy limit sets the platform default; when that is below the UC
 * license, the ASA says to raise it again (chapter Table 5-16, UC Proxy
 * sessions).
 */
#include "commands/commands.h"

#include <stdlib.h>

#include "commands/commands_int.h"

struct cfg_ext *
cfg_ext_new(const struct lic_platform *p)
{
	struct cfg_ext	*x = xcalloc(1, sizeof *x);

	iface_init(x, p);
	ls_clear(&x->ls);
	return x;
}

void
cfg_ext_free(struct cfg_ext *x)
{
	if (x == NULL)
		return;
	iface_release(x);
	ls_clear(&x->ls);
	free(x);
}

/* Set the platform default; an error when the UC license is above it. */
static enum cmd_status
clear_tls(struct cmd_ctx *ctx)
{
	struct device		*dev = ctx->dev;
	struct lic_tls_limits	 l;
	size_t			 uc = lic_catalog_find(
	    model_db_catalog(dev->db), "uc-proxy-sessions");
	uint32_t		 ucv = uc == (size_t)-1 ? 0 :
	    dev->lic.run.v[uc].value;

	tls_limits(dev, &l);
	dev->ext->tls_set = l.platform_dflt != l.dflt;
	dev->ext->tls_sessions = l.platform_dflt;
	if (l.platform_dflt < ucv)
		return cmd_error(ctx, MSG_TLS_BELOW_UC, l.platform_dflt, ucv);
	return CMD_OK;
}

static enum cmd_status
clear_all(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;

	free(dev->hostname);
	dev->hostname = xstrdup("ciscoasa");
	session_set_hostname(ctx->sess, dev->hostname);
	dev->enable_hash[0] = '\0';
	dev->pager_lines = 24;
	iface_release(dev->ext);
	iface_init(dev->ext, dev->platform);
	ctx->cur_if[0] = '\0';
	ls_clear(&dev->ext->ls);
	return clear_tls(ctx);
}

static enum cmd_status
clear_configure_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum cmd_status	 st = CMD_OK;

	if (cmd_arg_has(args, "all"))
		st = clear_all(ctx);
	else if (cmd_arg_has(args, "license-server"))
		ls_clear(&ctx->dev->ext->ls);
	else
		st = clear_tls(ctx);
	device_touch(ctx->dev);
	return st;
}

static const struct cmd_help clear_configure_help[] = {
	{ "clear", HELP_CLEAR },
	{ "configure", "Clear configuration" },
	{ "all", "Clear all configuration" },
	{ "license-server", "Clear the shared license server and participant "
	    "configuration" },
	{ "tls-proxy", "Clear the TLS proxy configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_clear_configure_entry = {
	.syntax = "clear configure (all|license-server|tls-proxy)",
	.help = clear_configure_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = clear_configure_exec,
};
