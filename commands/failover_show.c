/* SPDX-License-Identifier: MIT */
/*
 * show failover, show failover state, show failover history.
 *
 * show failover follows the 8.6(1)2 ASA 5512 capture [V]
 * (captures/ntc_cisco_asa_show_failover2.raw), the release closest to
 * 8.2-9.1 among the captures: no Reconnect timeout, MAC Address Move or
 * Serial Number lines (those come with later 9.x releases); hosts indented
 * 8 blanks, their slots 16, interfaces 18; "Stateful Failover Logical
 * Update Statistics" with its 16/11-column table and the queue block. The
 * 8.4+ object rows are the 8.6 capture's; before 8.4 the 7.0
 * Active/Active capture's (VPN IKE upd, VPN IPSEC upd). What no capture
 * shows is marked: "Failover Off" stops after the interface lines [M
 * med]; "Failover LAN Interface: not Configured" [M med]; a mate never
 * heard is "Not Detected", its slot "empty" and its interfaces "Unknown
 * (Waiting)" [M med]; the stateful link unset is "Link : Unconfigured."
 * [M med]; a mate's version unknown "Mate Unknown" [M low]; the
 * monitored maximum is the licensed VLANs plus the platform's ports [I:
 * 100 + 14 = 114 on the 5512-X 8.6, 1024 + 25 = 1049 on the 5585-X 9.6].
 * show failover state and history: CLI reference layouts [M med]; an
 * Active/Active pair's state rows are per group (failover_show_aa.c).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/cluster.h"
#include "device/failover.h"

static void
ip_text(uint32_t a, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/* "19:14:57 UTC Oct 17 2018" [V]. */
void
failover_time_text(struct timespec t, char *buf, size_t len)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
		"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;
	time_t		 s = t.tv_sec;

	gmtime_r(&s, &tm);
	snprintf(buf, len, "%02d:%02d:%02d UTC %s %d %d", tm.tm_hour,
	    tm.tm_min, tm.tm_sec, mon[tm.tm_mon], tm.tm_mday,
	    tm.tm_year + 1900);
}

static bool
is_fo_port(const struct failover *fo, const struct iface *f)
{
	return strcmp(f->name, fo->cfg.lan_if) == 0 ||
	    strcmp(f->name, fo->cfg.link_if) == 0;
}

static void
poll_line(struct out *out, const char *what, uint32_t ms, bool msec)
{
	if (msec)
		out_printf(out, "%s %u milliseconds", what, ms);
	else
		out_printf(out, "%s %u seconds", what, ms / 1000);
}

static void
print_head(struct cmd_ctx *ctx, const struct failover *fo, bool on)
{
	const struct device *dev = ctx->dev;
	const struct fo_cfg *c = &fo->cfg;
	size_t		 lan = device_iface_find(dev, c->lan_if);
	unsigned	 nmon = 0;
	uint32_t	 vlans = device_license_value(dev, "vlans");

	out_printf(ctx->out, "Failover %s\nFailover unit %s\n",
	    on ? "On" : "Off", c->secondary ? "Secondary" : "Primary");
	if (c->lan_name[0] != '\0' && lan != (size_t)-1)
		out_printf(ctx->out, "Failover LAN Interface: %s %s (%s)\n",
		    c->lan_name, c->lan_if, device_iface_up(dev,
		    &dev->ext->ifs[lan]) ? "up" : "down");
	else
		out_puts(ctx->out, "Failover LAN Interface: not Configured\n");
	poll_line(ctx->out, "Unit Poll frequency", c->poll_ms, c->poll_msec);
	poll_line(ctx->out, ", holdtime", c->hold_ms, c->hold_msec);
	out_puts(ctx->out, "\nInterface Poll frequency 5 seconds, holdtime "
	    "25 seconds\nInterface Policy 1\n");
	for (size_t i = 0; i < dev->ext->nifs; i++) {
		const struct iface *f = &dev->ext->ifs[i];

		if (!f->sub && f->nameif[0] != '\0' && !is_fo_port(fo, f))
			nmon++;
	}
	out_printf(ctx->out, "Monitored Interfaces %u of %u maximum\n", nmon,
	    (vlans == LIC_UNLIMITED ? 1024 : vlans) +
	    (uint32_t)dev->platform->nports);
}

/* Status of interface f on a host: ours, or the mate's as we know it. */
static const char *
iface_status(const struct device *dev, const struct failover *fo,
    const struct iface *f, bool mate)
{
	bool	 paired = fo->mate.known && !fo->apart &&
		    fo->mate.state != FO_ST_FAILED;

	if (mate && !paired)
		return "Unknown (Waiting)";
	if (!device_iface_up(dev, f))
		return "No Link (Waiting)";
	if (f->sub)
		return "Normal (Not-Monitored)";
	if (!paired || !f->has_standby)
		return "Normal (Waiting)";
	return "Normal (Monitored)";
}

static void
print_host(struct cmd_ctx *ctx, const struct failover *fo, bool mate)
{
	const struct device *dev = ctx->dev;
	bool		 secondary = mate ? !fo->cfg.secondary :
			    fo->cfg.secondary;
	enum fo_state	 st = mate ? (fo->mate.known ? fo->mate.state :
			    FO_ST_NOT_DETECTED) : fo->state;
	bool		 standby_addrs;
	uint64_t	 act;
	char		 ver[32], a[16];

	if (mate)
		act = fo->mate.active_secs;
	else {
		act = fo->active_secs;
		if (fo_state_active(fo->state))
			act += (uint64_t)(device_now(dev).tv_sec -
			    fo->active_since.tv_sec);
	}
	/* The mate uses the addresses we do not. */
	standby_addrs = fo_state_standby(fo->state) != mate;
	out_printf(ctx->out, "        %s host: %s - %s\n", mate ? "Other" :
	    "This", secondary ? "Secondary" : "Primary", fo_state_text(st));
	out_printf(ctx->out, "                Active time: %llu (sec)\n",
	    (unsigned long long)act);
	if (mate && !fo->mate.known)
		out_puts(ctx->out, "                slot 0: empty\n");
	else
		out_printf(ctx->out, "                slot 0: %s hw/sw rev "
		    "(1.0/%s) status (Up Sys)\n", dev->platform->hw_name,
		    lic_version_format(mate ? fo->mate.version : dev->version,
		    ver, sizeof ver));
	for (size_t i = 0; i < dev->ext->nifs; i++) {
		const struct iface *f = &dev->ext->ifs[i];
		uint32_t	 ip = 0;

		if (f->nameif[0] == '\0' || is_fo_port(fo, f))
			continue;
		if (f->has_ip)
			ip = standby_addrs ? (f->has_standby ? f->standby : 0) :
			    f->ip;
		ip_text(ip, a);
		out_printf(ctx->out, "                  Interface %s (%s): "
		    "%s\n", f->nameif, a, iface_status(dev, fo, f, mate));
	}
	out_puts(ctx->out, "                slot 1: empty\n");
}

static const char *const objs_84[] = {
	"General", "sys cmd", "up time", "RPC services", "TCP conn",
	"UDP conn", "ARP tbl", "Xlate_Timeout", "IPv6 ND tbl",
	"VPN IKEv1 SA", "VPN IKEv1 P2", "VPN IKEv2 SA", "VPN IKEv2 P2",
	"VPN CTCP upd", "VPN SDI upd", "VPN DHCP upd", "SIP Session",
	"Route Session", "User-Identity", NULL
};
static const char *const objs_70[] = {
	"General", "sys cmd", "up time", "RPC services", "TCP conn",
	"UDP conn", "ARP tbl", "Xlate_Timeout", "IPv6 ND tbl",
	"VPN IKE upd", "VPN IPSEC upd", "VPN CTCP upd", "VPN SDI upd",
	"VPN DHCP upd", "SIP Session", NULL
};

static void
print_stats(struct cmd_ctx *ctx, const struct failover *fo)
{
	const struct device *dev = ctx->dev;
	const char *const *objs = dev->version >= LIC_VERSION(8, 4, 0, 0) ?
	    objs_84 : objs_70;
	size_t		 link = device_iface_find(dev, fo->cfg.link_if);
	char		 x[24], r[24];

	out_puts(ctx->out, "\nStateful Failover Logical Update Statistics\n");
	if (fo->cfg.link_name[0] == '\0' || link == (size_t)-1) {
		out_puts(ctx->out, "        Link : Unconfigured.\n");
		return;
	}
	out_printf(ctx->out, "        Link : %s %s (%s)\n", fo->cfg.link_name,
	    fo->cfg.link_if, device_iface_up(dev, &dev->ext->ifs[link]) ?
	    "up" : "down");
	out_printf(ctx->out, "        %-16s%-11s%-11s%-11s%s\n",
	    "Stateful Obj", "xmit", "xerr", "rcv", "rerr");
	for (size_t i = 0; objs[i] != NULL; i++) {
		uint64_t tx = 0, rx = 0;

		if (i == 0) {
			tx = fo->xmit;
			rx = fo->rcv;
		} else if (i == 1) {
			tx = fo->sys_xmit;
			rx = fo->sys_rcv;
		}
		snprintf(x, sizeof x, "%llu", (unsigned long long)tx);
		snprintf(r, sizeof r, "%llu", (unsigned long long)rx);
		out_printf(ctx->out, "        %-16s%-11s%-11s%-11s%s\n", objs[i],
		    x, "0", r, "0");
	}
	out_printf(ctx->out, "\n        Logical Update Queue Information\n"
	    "                        Cur     Max     Total\n"
	    "        Recv Q:         %-8s%-8s%llu\n"
	    "        Xmit Q:         %-8s%-8s%llu\n", "0", "0",
	    (unsigned long long)fo->rcv, "0", "0",
	    (unsigned long long)fo->xmit);
}

static void
show_failover(struct cmd_ctx *ctx, const struct failover *fo)
{
	bool	 on = fo->cfg.enabled && fo->state != FO_ST_DISABLED;
	char	 ver[32], mver[32], when[64];

	print_head(ctx, fo, on);
	if (!on)
		return;
	lic_version_format(ctx->dev->version, ver, sizeof ver);
	if (fo->mate.known)
		lic_version_format(fo->mate.version, mver, sizeof mver);
	out_printf(ctx->out, "Version: Ours %s, Mate %s\n", ver,
	    fo->mate.known ? mver : "Unknown");
	if (device_failover_aa(ctx->dev)) {
		failover_show_groups(ctx, fo);
		print_stats(ctx, fo);
		return;
	}
	if (fo->has_last) {
		failover_time_text(fo->last_failover, when, sizeof when);
		out_printf(ctx->out, "Last Failover at: %s\n", when);
	}
	print_host(ctx, fo, false);
	print_host(ctx, fo, true);
	print_stats(ctx, fo);
}

/* Last failure of a host: the time its mate was lost [M med]. */
static void
state_row(struct cmd_ctx *ctx, const struct failover *fo, bool mate)
{
	enum fo_state	 st = mate ? (fo->mate.known ? fo->mate.state :
			    FO_ST_NOT_DETECTED) : fo->state;
	bool		 secondary = mate ? !fo->cfg.secondary :
			    fo->cfg.secondary;
	/* Failover off: nothing failed, the mate was never looked for
	   ("Not Detected   None" [M low]). */
	bool		 failed = mate && fo->cfg.enabled &&
			    fo->state != FO_ST_DISABLED &&
			    (fo->apart || !fo->mate.known);
	char		 when[64] = "";

	if (failed && fo->apart)
		failover_time_text((struct timespec){ .tv_sec = fo->apart_since }, when,
		    sizeof when);
	out_printf(ctx->out, "%s -   %s\n", mate ? "Other host" :
	    "This host ", secondary ? "Secondary" : "Primary");
	if (device_failover_aa(ctx->dev))
		failover_state_groups(ctx, fo, mate, when);
	else if (when[0] != '\0')
		out_printf(ctx->out, "               %-15s%-25s%s\n",
		    fo_state_text(st), "Comm Failure", when);
	else
		out_printf(ctx->out, "               %-15s%s\n",
		    fo_state_text(st), failed ? "Comm Failure" : "None");
}

static void
show_failover_state(struct cmd_ctx *ctx, const struct failover *fo)
{
	const char	*sync = "Sync Done";

	out_puts(ctx->out, "\n               State          Last Failure "
	    "Reason      Date/Time\n");
	state_row(ctx, fo, false);
	state_row(ctx, fo, true);
	if (fo_state_standby(fo->state))
		sync = "Sync Done - STANDBY";
	if (!fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		sync = "";
	out_puts(ctx->out, "\n====Configuration State===\n");
	if (*sync != '\0')
		out_printf(ctx->out, "        %s\n", sync);
	out_puts(ctx->out, "====Communication State===\n");
	if (fo->mate.known && !fo->apart)
		out_puts(ctx->out, "        Mac set\n");
	out_puts(ctx->out, "\n");
}

#define HIST_RULE "=========================================================" \
	"=================\n"

static void
show_failover_history(struct cmd_ctx *ctx, const struct failover *fo)
{
	char	 when[64];

	out_printf(ctx->out, "%s%-27s%-27s%s\n%s", HIST_RULE, "From State",
	    "To State", "Reason", HIST_RULE);
	for (size_t i = 0; i < fo->nhist; i++) {
		const struct fo_history *h = &fo->hist[i];

		failover_time_text(h->at, when, sizeof when);
		/* [I] Active/Active: a group's line names it. */
		if (h->group != 0)
			out_printf(ctx->out, "%s\nGroup %u\n%-27s%-27s%s\n\n",
			    when, h->group, fo_state_text(h->from),
			    fo_state_text(h->to), fo_reason_text(h->why));
		else
			out_printf(ctx->out, "%s\n%-27s%-27s%s\n\n", when,
			    fo_state_text(h->from), fo_state_text(h->to),
			    fo_reason_text(h->why));
	}
	out_puts(ctx->out, HIST_RULE);
}

static enum cmd_status
show_failover_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct failover *fo = device_failover(ctx->dev);

	if (cmd_arg_has(args, "history"))
		show_failover_history(ctx, fo);
	else if (cmd_arg_has(args, "state"))
		show_failover_state(ctx, fo);
	else
		show_failover(ctx, fo);
	return CMD_OK;
}

static const struct cmd_help show_failover_help[] = {
	{ "show", HELP_SHOW },
	{ "failover", "Show failover status" },
	{ "history", "Show failover switching history" },
	{ "state", "Show failover internal state information" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_failover_entry = {
	.syntax = "show failover [(history | state)]",
	.help = show_failover_help,
	.modes = MODES_ALL,
	.exec = show_failover_exec,
};

/*
 * The combined license (chapter, "Monitoring Licenses": "For a failover
 * pair, the running license shown is the combined license from the
 * primary and secondary units"). Layout: the 9.9(2) ASA 5516 capture
 * (captures/ntc_cisco_asa_show_version3.raw [V]) prints this block after
 * the unit's own; each block followed by its edition sentence is the
 * 8.x-9.1 layout [M med].
 */
void
failover_license_block(struct out *out, const struct device *dev,
    bool lead)
{
	struct lic_running	 run;

	/* A cluster's is titled as a failover pair's (the chapter's
	   "failover cluster license" is both). */
	if (!device_failover_license(dev, &run) &&
	    !device_cluster_license(dev, &run))
		return;
	license_block_titled(out, dev, &run, lead,
	    "Failover cluster licensed features for this platform:");
	out_printf(out, "\n%s\n\n", license_sentence(dev));
}

bool
failover_cluster_up(const struct device *dev, time_t *secs)
{
	const struct failover *fo = device_failover_get(dev);

	if (fo == NULL || !fo->cfg.enabled || !fo->formed)
		return false;
	*secs = device_now(dev).tv_sec - fo->formed_at.tv_sec;
	return true;
}
