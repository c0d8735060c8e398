/* SPDX-License-Identifier: MIT */
/*
 * show shared license [detail | client [HOSTNAME] | backup]: the shared
 * licensing state of a server (its pool, its own use, each participant)
 * or a participant (its server, its grant), from device_shared_view.
 * Layout: reference 4.3 [V] (8.4+ server) and 4.4 [M med] (participant,
 * detail, client, backup; 8.2 labels).
 */
#include "commands/commands.h"

#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

/* 8.4(1) renamed "SSLVPN" to "AnyConnect Premium" (reference 4.4). */
#define LABEL_SINCE	LIC_VERSION(8, 4, 1, 0)

static void
ip_text(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

static const char *const kind_rows[SHARED_NKINDS] = {
	[SHARED_REGISTRATION] = "Registration",
	[SHARED_GET] = "Get",
	[SHARED_RELEASE] = "Release",
	[SHARED_TRANSFER] = "Transfer",
};

/* "  Messages Tx/Rx/Error:" and its rows, at indent. */
static void
messages(struct out *out, const char *indent, int width,
    const struct shared_counts *c)
{
	out_printf(out, "%sMessages Tx/Rx/Error:\n", indent);
	for (size_t k = 0; k < SHARED_NKINDS; k++)
		out_printf(out, "%s  %-*s: %llu / %llu / %llu\n", indent,
		    width, kind_rows[k], (unsigned long long)c[k].tx,
		    (unsigned long long)c[k].rx, (unsigned long long)c[k].err);
}

/* Counts right-aligned in 8 columns after ": " [I, reference 4.3]. */
static void
utilization(struct out *out, const struct device *dev,
    const struct shared_view *v, uint32_t total, uint32_t avail)
{
	bool		 new = dev->version >= LABEL_SINCE;

	out_puts(out, "Shared license utilization:\n");
	out_printf(out, "  %s:\n", new ? "AnyConnect Premium" : "SSLVPN");
	out_printf(out, "    Total for network : %8u\n", total);
	out_printf(out, "    Available         : %8u\n", avail);
	out_printf(out, "    Utilized          : %8u\n",
	    total > avail ? total - avail : 0);
	out_puts(out, "  This device:\n");
	out_printf(out, "    Platform limit    : %8u\n", v->limit);
	out_printf(out, "    Current usage     : %8u\n", v->held);
	out_printf(out, "    High usage        : %8u\n", v->high);
	messages(out, "  ", new ? 16 : 14, v->msgs);
}

static void
backup_messages(struct out *out, const struct shared_backup_view *bk)
{
	static const char *const rows[SHARED_BK_NKINDS] = {
		[SHARED_BK_HELLO] = "Hello",
		[SHARED_BK_SYNC] = "Sync",
		[SHARED_BK_UPDATE] = "Update",
	};

	out_puts(out, "  Messages Tx/Rx/Error:\n");
	for (size_t i = 0; i < SHARED_BK_NKINDS; i++)
		out_printf(out, "    %-19s: %llu / %llu / %llu\n", rows[i],
		    (unsigned long long)bk->msgs[i].tx,
		    (unsigned long long)bk->msgs[i].rx,
		    (unsigned long long)bk->msgs[i].err);
}

/* The main server's view of its backup (reference 4.4 [M med]). */
static void
backup_info(struct out *out, const struct ls_cfg *ls,
    const struct shared_backup_view *bk)
{
	char	 a[16];

	ip_text(ls->backup_ip, a, sizeof a);
	out_puts(out, "Backup License Server Info:\n\n");
	out_printf(out, "Device ID              : %s\n", ls->backup_id);
	out_printf(out, "Address                : %s\n", a);
	out_printf(out, "Registered             : %s\n",
	    bk->registered ? "YES" : "NO");
	if (ls->ha_id[0] != '\0') {
		out_printf(out, "HA peer ID             : %s\n", ls->ha_id);
		out_printf(out, "Registered             : %s\n",
		    bk->ha_registered ? "YES" : "NO");
	}
	backup_messages(out, bk);
}

/* The backup server's own state: the same block, its status and budget. */
static void
backup_self(struct out *out, const struct device *dev,
    const struct shared_backup_view *bk)
{
	const struct ls_cfg *ls = &dev->ext->ls;
	const struct iface *f = device_iface_by_nameif(dev, ls->benable[0]);
	int64_t		 hours = bk->budget / 3600;
	char		 a[16];

	ip_text(f != NULL && f->has_ip ? device_iface_addr(dev, f) : 0, a,
	    sizeof a);
	out_puts(out, "Backup License Server Info:\n\n");
	out_printf(out, "Device ID              : %s\n", dev->serial);
	out_printf(out, "Address                : %s\n", a);
	out_printf(out, "Registered             : %s\n",
	    bk->registered ? "YES" : "NO");
	out_printf(out, msg(MSG_LS_BACKUP_STATUS), bk->expired ? "Expired" :
	    bk->active ? "Active" : "Inactive", (unsigned)(hours / 24),
	    (unsigned)(hours % 24));
	backup_messages(out, bk);
}

static void
participant(struct out *out, const struct device *dev,
    const struct shared_view *v)
{
	char	 a[16];

	ip_text(v->server_ip, a, sizeof a);
	out_printf(out, "Primary License Server : %s\n", a);
	out_puts(out, "  Version              : 1\n");
	out_printf(out, "  Status               : %s\n\n",
	    v->registered && !v->on_backup ? "Active" : "Inactive");
	/* [I] the backup server's block, in the primary's layout. */
	if (v->backup_ip != 0) {
		ip_text(v->backup_ip, a, sizeof a);
		out_printf(out, "Backup License Server  : %s\n", a);
		out_puts(out, "  Version              : 1\n");
		out_printf(out, "  Status               : %s\n\n",
		    v->registered && v->on_backup ? "Active" : "Inactive");
	}
	utilization(out, dev, v, v->net_total, v->net_avail);
}

/* One participant's block of "Client Info:" (reference 4.4 [M med]). */
static void
client_info(struct out *out, const struct device *dev,
    const struct shared_peer *p)
{
	bool	 new = dev->version >= LABEL_SINCE;

	out_printf(out, "Hostname       : %s\n", p->host);
	out_printf(out, "Device ID      : %s\n", p->id);
	out_printf(out, "%s:\n", new ? "AnyConnect Premium" : "SSLVPN");
	out_printf(out, "  Current usage  : %u\n", p->held);
	out_printf(out, "  High           : %u\n", p->high);
	messages(out, "  ", 14, p->msgs);
}

/* "Client Info:" and each participant (of that hostname, if given). */
static void
clients(struct out *out, const struct device *dev,
    const struct shared_view *v, const char *host)
{
	out_puts(out, "Client Info:\n\n");
	for (size_t i = 0; i < v->npeers; i++) {
		if (host != NULL && strcmp(host, v->peers[i]->host) != 0)
			continue;
		client_info(out, dev, v->peers[i]);
		out_puts(out, "\n");
	}
}

/* The server's table: "  JMX1111             50      vpn-asa-01" [V]. */
static void
client_table(struct out *out, const struct shared_view *v)
{
	out_puts(out, "\n  Client ID           Usage   Hostname\n");
	for (size_t i = 0; i < v->npeers; i++)
		out_printf(out, "  %-19s %-7u %s\n", v->peers[i]->id,
		    v->peers[i]->held, v->peers[i]->host);
}

static enum cmd_status
show_shared_license_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device		*dev = ctx->dev;
	const struct ls_cfg	*ls = &dev->ext->ls;
	const struct shared_view *v = device_shared_view(dev);
	uint32_t		 role = device_ls_role(dev);
	bool			 detail = cmd_arg_has(args, "detail");
	bool			 client = cmd_arg_has(args, "client");

	if (role == 0)
		return cmd_error(ctx, MSG_LS_NEED_PARTICIPANT);
	/* An active backup server shows what it serves, as the main does. */
	if (role == 1 && !(v->server && !cmd_arg_has(args, "backup"))) {
		if (cmd_arg_has(args, "backup") && v->bk.is_backup)
			backup_self(ctx->out, dev, &v->bk);
		else if (!ls->client)
			out_puts(ctx->out, msg(MSG_LS_NOT_CONFIGURED));
		else
			participant(ctx->out, dev, v);
		return CMD_OK;
	}
	if (cmd_arg_has(args, "backup") || detail) {
		if (ls->backup)
			backup_info(ctx->out, ls, &v->bk);
		if (!detail)
			return CMD_OK;
		if (ls->backup)
			out_puts(ctx->out, "\n");
	}
	if (!client) {
		uint32_t total = v->server ? v->total :
		    device_license_value(dev, "shared-premium-sessions");

		utilization(ctx->out, dev, v, total, v->server ?
		    (v->used < total ? total - v->used : 0) : total);
	}
	if (detail || client) {
		if (detail)
			out_puts(ctx->out, "\n");
		clients(ctx->out, dev, v, cmd_arg_str(args, "hostname"));
		return CMD_OK;
	}
	client_table(ctx->out, v);
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
	.since = SINCE_SHARED_LICENSE,
};
