/* SPDX-License-Identifier: MIT */
/*
 * show shared license [detail | client [HOSTNAME] | backup]: the shared
 * licensing state of a server or participant that has no peers yet (the
 * protocol between devices comes later). Layout: reference 4.3 [V] (8.4+
 * server) and 4.4 [M med] (participant, detail, backup; 8.2 labels).
 */
#include "commands/commands.h"

#include "commands/commands_int.h"

/* 8.4(1) renamed "SSLVPN" to "AnyConnect Premium" (reference 4.4). */
#define LABEL_SINCE	LIC_VERSION(8, 4, 1, 0)

static void
ip_text(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/* "  Messages Tx/Rx/Error:" and its rows, all zero: no peers yet. */
static void
messages(struct out *out, int width, const char *const *rows)
{
	out_puts(out, "  Messages Tx/Rx/Error:\n");
	for (; *rows != NULL; rows++)
		out_printf(out, "    %-*s: 0 / 0 / 0\n", width, *rows);
}

/* Counts right-aligned in 8 columns after ": " [I, reference 4.3]. */
static void
utilization(struct out *out, const struct device *dev, uint32_t total)
{
	static const char *const rows[] = {
		"Registration", "Get", "Release", "Transfer", NULL
	};
	const struct lic_platform *p = dev->platform;
	size_t		 f = lic_catalog_find(model_db_catalog(dev->db),
	    "anyconnect-premium");
	uint32_t	 limit = f == (size_t)-1 ? 0 :
	    lic_platform_max(p, dev->lic.run.edition, f, dev->version);
	bool		 new = dev->version >= LABEL_SINCE;

	out_puts(out, "Shared license utilization:\n");
	out_printf(out, "  %s:\n", new ? "AnyConnect Premium" : "SSLVPN");
	out_printf(out, "    Total for network : %8u\n", total);
	out_printf(out, "    Available         : %8u\n", total);
	out_printf(out, "    Utilized          : %8u\n", 0u);
	out_puts(out, "  This device:\n");
	out_printf(out, "    Platform limit    : %8u\n", limit);
	out_printf(out, "    Current usage     : %8u\n", 0u);
	out_printf(out, "    High usage        : %8u\n", 0u);
	messages(out, new ? 16 : 14, rows);
}

static void
backup_info(struct out *out, const struct ls_cfg *ls)
{
	static const char *const rows[] = { "Hello", "Sync", "Update", NULL };
	char	 a[16];

	ip_text(ls->backup_ip, a, sizeof a);
	out_puts(out, "Backup License Server Info:\n\n");
	out_printf(out, "Device ID              : %s\n", ls->backup_id);
	out_printf(out, "Address                : %s\n", a);
	out_puts(out, "Registered             : NO\n");
	if (ls->ha_id[0] != '\0') {
		out_printf(out, "HA peer ID             : %s\n", ls->ha_id);
		out_puts(out, "Registered             : NO\n");
	}
	messages(out, 19, rows);
}

static void
participant(struct out *out, const struct device *dev)
{
	const struct ls_cfg	*ls = &dev->ext->ls;
	char			 a[16];

	ip_text(ls->server_ip, a, sizeof a);
	out_printf(out, "Primary License Server : %s\n", a);
	out_puts(out, "  Version              : 1\n");
	out_puts(out, "  Status               : Inactive\n\n");
	utilization(out, dev, 0);
}

static enum cmd_status
show_shared_license_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct device	*dev = ctx->dev;
	const struct ls_cfg	*ls = &dev->ext->ls;
	uint32_t		 role = device_ls_role(dev);
	bool			 detail = cmd_arg_has(args, "detail");

	if (role == 0)
		return cmd_error(ctx, MSG_LS_NEED_PARTICIPANT);
	if (role == 1) {
		if (!ls->client)
			out_puts(ctx->out, msg(MSG_LS_NOT_CONFIGURED));
		else
			participant(ctx->out, dev);
		return CMD_OK;
	}
	if (cmd_arg_has(args, "backup") || detail) {
		if (ls->backup)
			backup_info(ctx->out, ls);
		if (!detail)
			return CMD_OK;
		if (ls->backup)
			out_puts(ctx->out, "\n");
	}
	if (!cmd_arg_has(args, "client"))
		utilization(ctx->out, dev,
		    device_license_value(dev, "shared-premium-sessions"));
	if (detail || cmd_arg_has(args, "client")) {
		/* No participant has registered: the heading alone. */
		out_puts(ctx->out, detail ? "\nClient Info:\n\n" :
		    "Client Info:\n\n");
		return CMD_OK;
	}
	out_puts(ctx->out, "\n  Client ID           Usage   Hostname\n");
	return CMD_OK;
}

static const struct cmd_help show_shared_license_help[] = {
	{ "show", HELP_SHOW },
	{ "shared", "Show shared license information" },
	{ "license", "Show shared license server or participant state" },
	{ "detail", "Show detailed information" },
	{ "client", "Show information about participants" },
	{ "hostname", "Hostname of a participant" },
	{ "backup", "Show information about the backup server" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_shared_license_entry = {
	.syntax = "show shared license [(detail|client [<hostname:word>]|"
	    "backup)]",
	.help = show_shared_license_help,
	.modes = MODES_ALL,	/* reference 4.4: "hostname> show shared ..." */
	.exec = show_shared_license_exec,
};
