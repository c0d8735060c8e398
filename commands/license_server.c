/* SPDX-License-Identifier: MIT */
/*
 * Shared AnyConnect Premium licensing configuration (reference 4.2):
 * server side "license-server secret|port|refresh-interval|enable|backup
 * A.B.C.D backup-id SN [ha-backup-id SN]", participant side
 * "license-server address A.B.C.D secret S [port P]", "license-server
 * backup address A.B.C.D", "license-server backup enable NAMEIF", every
 * no form, and their running-configuration lines.
 */
#include "commands/commands.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

#define HELP_LICENSE_SERVER	"Configure the shared license server or " \
				"participant"
#define HELP_LS_BACKUP		"Configure the shared license backup server"
#define SECRET_MIN	4	/* chapter: "between 4 and 128 ASCII */
#define SECRET_MAX	128	/* characters" */
#define SHARED_PARTICIPANT 1	/* shared-license enum values */
#define SHARED_SERVER	2

/* The license check of a server (server) or participant command. */
static bool
ls_licensed(struct cmd_ctx *ctx, const struct cmd_args *args, bool server)
{
	uint32_t	 role = device_ls_role(ctx->dev);

	/* A no form always works: the configuration outlives a key. */
	if (cmd_arg_has(args, "no"))
		return true;
	if (ctx->dev->npe) {
		cmd_error(ctx, MSG_NPE_REFUSED);
		return false;
	}
	if (server && role < SHARED_SERVER) {
		cmd_error(ctx, MSG_LS_NEED_SERVER);
		return false;
	}
	if (!server && role < SHARED_PARTICIPANT) {
		cmd_error(ctx, MSG_LS_NEED_PARTICIPANT);
		return false;
	}
	return true;
}

static bool
secret_ok(struct cmd_ctx *ctx, const char *s)
{
	size_t	 len = strlen(s);

	if (len < SECRET_MIN || len > SECRET_MAX) {
		cmd_error(ctx, MSG_LS_SECRET_LEN);
		return false;
	}
	return true;
}

static enum cmd_status
ls_secret_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct ls_cfg	*ls = &ctx->dev->ext->ls;
	const char	*s = cmd_arg_str(args, "secret-text");

	if (!ls_licensed(ctx, args, true))
		return CMD_ERROR;
	if (!cmd_arg_has(args, "no") && !secret_ok(ctx, s))
		return CMD_ERROR;
	free(ls->secret);
	ls->secret = cmd_arg_has(args, "no") ? NULL : xstrdup(s);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ls_secret_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "secret", "Configure the shared secret" },
	{ "secret-text", "Shared secret, 4 to 128 characters" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_secret_entry = {
	.syntax = "license-server secret <secret-text:word>",
	.help = ls_secret_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = ls_secret_exec,
	.since = SINCE_SHARED_LICENSE,
};

const struct cmd_entry cmd_no_license_server_secret_entry = {
	.syntax = "license-server secret [<secret-text:word>]",
	.help = ls_secret_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = ls_secret_exec,
	.since = SINCE_SHARED_LICENSE,
};

static enum cmd_status
ls_port_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (!ls_licensed(ctx, args, true))
		return CMD_ERROR;
	ctx->dev->ext->ls.port = cmd_arg_has(args, "no") ? LS_PORT_DEFAULT :
	    cmd_arg_u32(args, "port-number", LS_PORT_DEFAULT);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ls_port_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "port", "Configure the TCP port the server listens on" },
	{ "port-number", "TCP port, default 50554" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_port_entry = {
	.syntax = "license-server port <port-number:1-65535>",
	.help = ls_port_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = ls_port_exec,
	.since = SINCE_SHARED_LICENSE,
};

const struct cmd_entry cmd_no_license_server_port_entry = {
	.syntax = "license-server port [<port-number:1-65535>]",
	.help = ls_port_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = ls_port_exec,
	.since = SINCE_SHARED_LICENSE,
};

static enum cmd_status
ls_refresh_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (!ls_licensed(ctx, args, true))
		return CMD_ERROR;
	ctx->dev->ext->ls.refresh = cmd_arg_has(args, "no") ?
	    LS_REFRESH_DEFAULT : cmd_arg_u32(args, "seconds",
	    LS_REFRESH_DEFAULT);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ls_refresh_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "refresh-interval", "Configure how often participants refresh "
	    "their license" },
	{ "seconds", "Refresh interval in seconds, default 30" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_refresh_entry = {
	.syntax = "license-server refresh-interval <seconds:10-300>",
	.help = ls_refresh_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = ls_refresh_exec,
	.since = SINCE_SHARED_LICENSE,
};

const struct cmd_entry cmd_no_license_server_refresh_entry = {
	.syntax = "license-server refresh-interval [<seconds:10-300>]",
	.help = ls_refresh_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = ls_refresh_exec,
	.since = SINCE_SHARED_LICENSE,
};

/* license-server enable and license-server backup enable. */
static enum cmd_status
ls_enable(struct cmd_ctx *ctx, const struct cmd_args *args, bool backup)
{
	const char	*name = cmd_arg_str(args, "nameif");
	bool		 no = cmd_arg_has(args, "no");

	if (!ls_licensed(ctx, args, !backup))
		return CMD_ERROR;
	if (!no && device_iface_by_nameif(ctx->dev, name) == NULL)
		return cmd_error(ctx, MSG_LS_NO_NAMEIF, name);
	device_ls_enable_set(ctx->dev, backup, name, !no);
	device_touch(ctx->dev);
	return CMD_OK;
}

static enum cmd_status
ls_enable_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return ls_enable(ctx, args, false);
}

static const struct cmd_help ls_enable_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "enable", "Serve shared licenses on an interface" },
	{ "nameif", "Name of the interface" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_enable_entry = {
	.syntax = "license-server enable <nameif:word>",
	.help = ls_enable_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = ls_enable_exec,
	.since = SINCE_SHARED_LICENSE,
};

/* A serial number: 1 to LS_SERIAL_MAX letters and digits. */
static bool
serial_ok(struct cmd_ctx *ctx, const char *s)
{
	size_t	 len = strlen(s);
	bool	 ok = len > 0 && len <= LS_SERIAL_MAX;

	for (size_t i = 0; ok && i < len; i++)
		ok = isalnum((unsigned char)s[i]);
	if (!ok)
		cmd_error(ctx, MSG_LS_BAD_SERIAL, s);
	return ok;
}

static enum cmd_status
ls_backup_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct ls_cfg	*ls = &ctx->dev->ext->ls;
	const char	*id = cmd_arg_str(args, "serial");
	const char	*ha = cmd_arg_str(args, "ha-serial");

	if (!ls_licensed(ctx, args, true))
		return CMD_ERROR;
	if (cmd_arg_has(args, "no")) {
		ls->backup = false;
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (!serial_ok(ctx, id) || (ha != NULL && !serial_ok(ctx, ha)))
		return CMD_ERROR;
	ls->backup = true;
	ls->backup_ip = cmd_arg_u32(args, "addr", 0);
	snprintf(ls->backup_id, sizeof ls->backup_id, "%s", id);
	snprintf(ls->ha_id, sizeof ls->ha_id, "%s", ha != NULL ? ha : "");
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ls_backup_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "backup", HELP_LS_BACKUP },
	{ "addr", "IP address of the backup server" },
	{ "backup-id", "Serial number of the backup server" },
	{ "serial", "Serial number" },
	{ "ha-backup-id", "Serial number of the backup server's failover "
	    "peer" },
	{ "ha-serial", "Serial number" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_backup_entry = {
	.syntax = "license-server backup <addr:ipv4> backup-id <serial:word> "
	    "[ha-backup-id <ha-serial:word>]",
	.help = ls_backup_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = ls_backup_exec,
	.since = SINCE_SHARED_LICENSE,
};

static enum cmd_status
ls_address_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct ls_cfg	*ls = &ctx->dev->ext->ls;
	const char	*s = cmd_arg_str(args, "secret-text");

	if (!ls_licensed(ctx, args, false))
		return CMD_ERROR;
	if (cmd_arg_has(args, "no")) {
		ls->client = false;
		free(ls->client_secret);
		ls->client_secret = NULL;
		ls->client_port = LS_PORT_DEFAULT;
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (!secret_ok(ctx, s))
		return CMD_ERROR;
	ls->client = true;
	ls->server_ip = cmd_arg_u32(args, "addr", 0);
	free(ls->client_secret);
	ls->client_secret = xstrdup(s);
	ls->client_port = cmd_arg_u32(args, "port-number", LS_PORT_DEFAULT);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ls_address_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "address", "Configure the shared license server to use" },
	{ "addr", "IP address of the shared license server" },
	{ "secret", "Shared secret of the server" },
	{ "secret-text", "Shared secret, 4 to 128 characters" },
	{ "port", "TCP port of the server" },
	{ "port-number", "TCP port, default 50554" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_address_entry = {
	.syntax = "license-server address <addr:ipv4> secret "
	    "<secret-text:word> [port <port-number:1-65535>]",
	.help = ls_address_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = ls_address_exec,
	.since = SINCE_SHARED_LICENSE,
};

const struct cmd_entry cmd_no_license_server_address_entry = {
	.syntax = "license-server address [<addr:ipv4>]",
	.help = ls_address_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = ls_address_exec,
	.since = SINCE_SHARED_LICENSE,
};

static enum cmd_status
ls_backup_address_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct ls_cfg	*ls = &ctx->dev->ext->ls;

	if (!ls_licensed(ctx, args, false))
		return CMD_ERROR;
	ls->has_backup_addr = !cmd_arg_has(args, "no");
	ls->backup_addr = cmd_arg_u32(args, "addr", 0);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ls_backup_address_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "backup", HELP_LS_BACKUP },
	{ "address", "Configure the backup server to use" },
	{ "addr", "IP address of the backup server" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_backup_address_entry = {
	.syntax = "license-server backup address <addr:ipv4>",
	.help = ls_backup_address_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = ls_backup_address_exec,
	.since = SINCE_SHARED_LICENSE,
};

static enum cmd_status
ls_backup_enable_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return ls_enable(ctx, args, true);
}

static const struct cmd_help ls_backup_enable_help[] = {
	{ "license-server", HELP_LICENSE_SERVER },
	{ "backup", HELP_LS_BACKUP },
	{ "enable", "Act as the backup server on an interface" },
	{ "nameif", "Name of the interface" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_license_server_backup_enable_entry = {
	.syntax = "license-server backup enable <nameif:word>",
	.help = ls_backup_enable_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = ls_backup_enable_exec,
	.since = SINCE_SHARED_LICENSE,
};

static void
ip_text(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/*
 * In the order of the chapter's examples (reference 4.2): server secret,
 * refresh-interval, port, backup, enable; then the participant lines.
 * Defaults are left out [I]; show running-config masks secrets [M low].
 */
void
ls_render(struct strbuf *sb, const struct device *dev, bool mask, bool all)
{
	const struct ls_cfg	*ls = &dev->ext->ls;
	char			 a[16];
	/* show running-config all: a server's default values too [I]. */
	bool			 dflt = all && (ls->secret != NULL ||
	    ls->nenable > 0);

	if (ls->secret != NULL)
		strbuf_printf(sb, "license-server secret %s\n",
		    mask ? "*****" : ls->secret);
	if (ls->refresh != LS_REFRESH_DEFAULT || dflt)
		strbuf_printf(sb, "license-server refresh-interval %u\n",
		    ls->refresh);
	if (ls->port != LS_PORT_DEFAULT || dflt)
		strbuf_printf(sb, "license-server port %u\n", ls->port);
	if (ls->backup) {
		ip_text(ls->backup_ip, a, sizeof a);
		strbuf_printf(sb, "license-server backup %s backup-id %s", a,
		    ls->backup_id);
		if (ls->ha_id[0] != '\0')
			strbuf_printf(sb, " ha-backup-id %s", ls->ha_id);
		strbuf_puts(sb, "\n");
	}
	for (size_t i = 0; i < ls->nenable; i++)
		strbuf_printf(sb, "license-server enable %s\n", ls->enable[i]);
	if (ls->client) {
		ip_text(ls->server_ip, a, sizeof a);
		strbuf_printf(sb, "license-server address %s secret %s", a,
		    mask ? "*****" : ls->client_secret);
		if (ls->client_port != LS_PORT_DEFAULT)
			strbuf_printf(sb, " port %u", ls->client_port);
		strbuf_puts(sb, "\n");
	}
	if (ls->has_backup_addr) {
		ip_text(ls->backup_addr, a, sizeof a);
		strbuf_printf(sb, "license-server backup address %s\n", a);
	}
	for (size_t i = 0; i < ls->nbenable; i++)
		strbuf_printf(sb, "license-server backup enable %s\n",
		    ls->benable[i]);
}

static enum cmd_status
show_running_config_ls_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct strbuf	 sb;

	(void)args;
	strbuf_init(&sb, 0);
	ls_render(&sb, ctx->dev, true, false);
	out_puts(ctx->out, sb.len > 0 ? sb.buf : "");
	strbuf_release(&sb);
	return CMD_OK;
}

static const struct cmd_help show_running_config_ls_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "license-server", "Show license-server configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_ls_entry = {
	.syntax = "show running-config license-server",
	.help = show_running_config_ls_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_ls_exec,
	.since = SINCE_SHARED_LICENSE,
};
