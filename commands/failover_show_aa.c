/* SPDX-License-Identifier: MIT */
/*
 * show failover of an Active/Active pair: the groups' last failovers and
 * each host's groups, then every context's interfaces. Words and order
 * are the 7.0 Active/Active capture's [V]
 * (captures/ntc_cisco_asa_show_failoveractiveactive.raw): "Group 1 last
 * failover at:", "This host: Primary", "Group 1 State: Active", "Active
 * time: N (sec)", "admin Interface outside (10.132.8.5): Normal". The
 * capture lost its leading blanks; they follow the Active/Standby
 * layout of failover_show.c (hosts 8, slots and active times 16,
 * interfaces 18) [M med]. A context's interface answers with its active
 * address on the host where its group is active, else its standby one.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

static void
ip_text(uint32_t a, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/* A group's state on a host: ours, or the mate's as it said. */
static enum fo_state
group_state(const struct failover *fo, unsigned g, bool mate)
{
	if (!mate)
		return fo->grp[g].state;
	if (!fo->mate.known || fo->apart || !fo->mate.aa)
		return fo->mate.known ? FO_ST_FAILED : FO_ST_NOT_DETECTED;
	return fo->mate.grp[g];
}

/* The interfaces of the contexts of group only (-1: every group). */
static void
context_ifaces(struct cmd_ctx *ctx, const struct failover *fo, bool mate,
    int only)
{
	const struct device *dev = ctx->dev;
	bool		 paired = fo->mate.known && !fo->apart;
	char		 a[16];

	for (size_t i = 0; i < dev->ctxs.n; i++) {
		const struct dev_context *x = &dev->ctxs.v[i];
		const struct cfg_ext *ext = x->sp.ext;
		unsigned	 g = x->fo_group == 2 ? 1 : 0;
		bool		 act;

		if (dev->ctxs.sel == i)
			ext = dev->ext;
		if (ext == NULL || (only >= 0 && (int)g != only))
			continue;
		act = fo_state_active(group_state(fo, g, mate));
		for (size_t k = 0; k < ext->nifs; k++) {
			const struct iface *f = &ext->ifs[k];
			uint32_t	 ip = 0;

			if (f->nameif[0] == '\0')
				continue;
			if (f->has_ip)
				ip = act ? f->ip : f->has_standby ?
				    f->standby : 0;
			ip_text(ip, a);
			out_printf(ctx->out, "                  %s Interface %s "
			    "(%s): %s\n", x->name, f->nameif, a,
			    mate && !paired ? "Unknown (Waiting)" : paired ?
			    "Normal" : "Normal (Waiting)");
		}
	}
}

static void
host(struct cmd_ctx *ctx, const struct failover *fo, bool mate)
{
	const struct device *dev = ctx->dev;
	bool		 secondary = mate != fo->cfg.secondary;
	char		 ver[32];

	out_printf(ctx->out, "\n        %s host: %s\n", mate ? "Other" : "This",
	    secondary ? "Secondary" : "Primary");
	for (unsigned g = 0; g < FO_GROUPS; g++) {
		uint64_t secs;

		if (!fo->cfg.group[g].set)
			continue;
		secs = mate ? fo->mate.grp_secs[g] :
		    device_failover_group_secs(dev, g);

		out_printf(ctx->out, "        Group %u State: %s\n"
		    "                Active time: %llu (sec)\n", g + 1,
		    fo_state_text(group_state(fo, g, mate)),
		    (unsigned long long)secs);
	}
	if (mate && !fo->mate.known) {
		out_puts(ctx->out, "                slot 0: empty\n");
		return;
	}
	out_printf(ctx->out, "                slot 0: %s hw/sw rev (1.0/%s) "
	    "status (Up Sys)\n", dev->platform->hw_name,
	    lic_version_format(mate ? fo->mate.version : dev->version, ver,
	    sizeof ver));
	context_ifaces(ctx, fo, mate, -1);
}

void
failover_show_groups(struct cmd_ctx *ctx, const struct failover *fo)
{
	char	 when[64];

	for (unsigned g = 0; g < FO_GROUPS; g++) {
		if (!fo->cfg.group[g].set || !fo->grp[g].has_last)
			continue;
		failover_time_text(fo->grp[g].last_failover, when,
		    sizeof when);
		out_printf(ctx->out, "Group %u last failover at: %s\n", g + 1,
		    when);
	}
	host(ctx, fo, false);
	host(ctx, fo, true);
}

/*
 * show failover state of an Active/Active pair: under each host, a row
 * per group configured, its state and last failure in the columns of the
 * Active/Standby rows [M med] ("    Group 1    Active         None", as
 * remembered from the command reference's Active/Active example; no
 * capture was found). The mate lost: its groups failed by Comm Failure.
 */
void
failover_state_groups(struct cmd_ctx *ctx, const struct failover *fo,
    bool mate, const char *when)
{
	bool	 failed = mate && fo->cfg.enabled &&
		    fo->state != FO_ST_DISABLED &&
		    (fo->apart || !fo->mate.known);

	for (unsigned g = 0; g < FO_GROUPS; g++) {
		const char *st = fo_state_text(group_state(fo, g, mate));

		if (!fo->cfg.group[g].set)
			continue;
		if (failed && when[0] != '\0')
			out_printf(ctx->out, "    Group %u    %-15s%-25s%s\n",
			    g + 1, st, "Comm Failure", when);
		else
			out_printf(ctx->out, "    Group %u    %-15s%s\n", g + 1,
			    st, failed ? "Comm Failure" : "None");
	}
}

/*
 * show failover group N: one group's last failover, its state and
 * active time on each host and its contexts' interfaces. Layout [M low]:
 * as remembered from the command reference's example ("This host:
 * Primary", "State: Active", "Active time: N (sec)"), blanks as in show
 * failover's Active/Active layout above.
 */
static void
group_host(struct cmd_ctx *ctx, const struct failover *fo, unsigned g,
    bool mate)
{
	bool		 secondary = mate != fo->cfg.secondary;
	uint64_t	 secs = mate ? fo->mate.grp_secs[g] :
			    device_failover_group_secs(ctx->dev, g);

	out_printf(ctx->out, "%s        %-14s%s\n"
	    "        State:          %s\n"
	    "                        Active time: %llu (sec)\n\n",
	    mate ? "" : "\n", mate ? "Other host:" : "This host:",
	    secondary ? "Secondary" : "Primary",
	    fo_state_text(group_state(fo, g, mate)),
	    (unsigned long long)secs);
	context_ifaces(ctx, fo, mate, (int)g);
}

static enum cmd_status
show_failover_group_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct failover *fo = device_failover(ctx->dev);
	unsigned	 g = cmd_arg_u32(args, "num", 1) - 1;
	char		 when[64];

	/* [I] a group not configured, or failover off: nothing. */
	if (g >= FO_GROUPS || !fo->cfg.group[g].set || !fo->cfg.enabled ||
	    fo->state == FO_ST_DISABLED)
		return CMD_OK;
	if (fo->grp[g].has_last) {
		failover_time_text(fo->grp[g].last_failover, when,
		    sizeof when);
		out_printf(ctx->out, "Last Failover at: %s\n", when);
	}
	group_host(ctx, fo, g, false);
	group_host(ctx, fo, g, true);
	return CMD_OK;
}

static const struct cmd_help show_failover_group_help[] = {
	{ "show", HELP_SHOW },
	{ "failover", "Show failover status" },
	{ "group", "Show failover group information" },
	{ "num", "Failover group number" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_failover_group_entry = {
	.syntax = "show failover group <num:1-2>",
	.help = show_failover_group_help,
	.modes = MODES_ALL,
	.exec = show_failover_group_exec,
};
