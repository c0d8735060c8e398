/* SPDX-License-Identifier: MIT */
/*
 * What a member of a running cluster needs of the commands: the console
 * lines of the cluster control link's events, the configuration a slave
 * receives from its master, the slave's refusal of configuration
 * commands ("You must perform all configuration (aside from the
 * bootstrap configuration) on the master unit only; the configuration is
 * then replicated to the slave units", 9.0 configuration guide [D]), and
 * show cluster info of the whole cluster.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands/commands_int.h"
#include "device/cluster.h"

/*
 * The slave keeps its own bootstrap: the master's "cluster group" block
 * (its local-unit, CCL address, priority) is the master's alone.
 */
static bool
own_line(const char *line)
{
	return strncmp(line, "cluster group ", 14) == 0;
}

void
cmd_cluster_apply(struct cmd_ctx *ctx, const char *config)
{
	device_config_clear(ctx->dev);
	config_replay_mate(ctx, config, own_line);
}

enum cmd_status
cmd_cluster_allow(struct cmd_ctx *ctx, const struct cmd_entry *e,
    enum mode mode)
{
	if (ctx->replay || !device_cluster_slave(ctx->dev))
		return CMD_OK;
	/* The bootstrap is the unit's own, and so are EXEC commands (show,
	   write, emulator ...) typed in a configuration mode. */
	if (mode == MODE_CONFIG_CLUSTER || mode == MODE_USER ||
	    mode == MODE_PRIV || mode == MODE_ROMMON ||
	    (e->modes & (MODE_BIT(MODE_USER) | MODE_BIT(MODE_PRIV))) ||
	    e == &cmd_cluster_group_entry || e == &cmd_end_entry ||
	    e == &cmd_exit_entry)
		return CMD_OK;
	return cmd_error(ctx, MSG_CL_SLAVE_CONFIG);
}

static enum msg_id
refusal(enum cl_refusal why, enum lic_units_err err)
{
	switch (why) {
	case CL_REF_KEY:
		return MSG_CL_REF_KEY;
	case CL_REF_FULL:
		return MSG_CL_REF_FULL;
	case CL_REF_NAME:
		return MSG_CL_REF_NAME;
	default:
		break;
	}
	switch (err) {
	case LIC_UNITS_NO_CLUSTER:
		return MSG_CL_REF_NO_CLUSTER;
	case LIC_UNITS_ENCRYPTION:
		return MSG_CL_REF_ENCRYPTION;
	case LIC_UNITS_PLATFORM:
		return MSG_CL_REF_PLATFORM;
	default:
		return MSG_CL_REF_LICENSE;
	}
}

void
cmd_cluster_event(struct cmd_ctx *ctx, const struct cl_event *ev)
{
	struct out	*out = ctx->out;

	switch (ev->kind) {
	case CL_EV_STATE:
		out_printf(out, msg(MSG_CL_CON_STATE), ev->unit,
		    cl_state_text(ev->from), cl_state_text(ev->to));
		break;
	case CL_EV_DETECTED:
		out_puts(out, msg(MSG_CL_CON_DETECTED));
		break;
	case CL_EV_RECV_BEGIN:
		out_puts(out, msg(MSG_CL_CON_RECV_BEGIN));
		break;
	case CL_EV_RECV_END:
		out_puts(out, msg(MSG_CL_CON_RECV_END));
		break;
	case CL_EV_JOINED:
		out_printf(out, msg(MSG_CL_CON_JOINED), ev->unit);
		break;
	case CL_EV_LOST:
		out_printf(out, msg(MSG_CL_CON_LOST), ev->unit);
		break;
	case CL_EV_ASKED_QUIT:
		out_printf(out, msg(MSG_CL_CON_ASKED_QUIT), ev->unit,
		    msg(refusal(ev->why, ev->err)));
		break;
	case CL_EV_REFUSED:
		out_printf(out, msg(MSG_CL_CON_REFUSED),
		    msg(refusal(ev->why, ev->err)));
		out_puts(out, msg(MSG_CL_CON_CLEANUP));
		break;
	case CL_EV_LINK_DOWN:
		out_puts(out, msg(MSG_CL_CON_LINK_DOWN));
		out_puts(out, msg(MSG_CL_CON_CLEANUP));
		break;
	case CL_EV_GRACE_OVER:
		out_printf(out, msg(MSG_CL_CON_GRACE_OVER), ev->unit);
		break;
	case CL_EV_GRACE_LOCAL:
		out_puts(out, msg(MSG_CL_CON_GRACE_LOCAL));
		break;
	case CL_EV_RESTORED:
		out_printf(out, msg(MSG_CL_CON_RESTORED), ev->unit, ev->days);
		break;
	}
}

/* ---- show cluster info ---- */

static void
when_text(const struct timespec *t, bool has, char *buf, size_t len)
{
	struct tm	 tm;
	time_t		 s = t->tv_sec;

	if (!has || gmtime_r(&s, &tm) == NULL) {
		snprintf(buf, len, "N/A");
		return;
	}
	strftime(buf, len, "%H:%M:%S UTC %b %d %Y", &tm);
}

struct unit_view {
	const char	*name;
	enum cl_state	 state;
	unsigned	 id;
	uint32_t	 version;
	const char	*serial;
	uint32_t	 ccl_ip;
	const struct timespec *join, *leave;
	bool		 has_join, has_leave;
};

static void
unit_block(struct out *out, const struct unit_view *u)
{
	char	 ver[32], ip[16], join[40], leave[40], id[16];

	cluster_ip_text(u->ccl_ip, ip);
	when_text(u->join, u->has_join, join, sizeof join);
	when_text(u->leave, u->has_leave, leave, sizeof leave);
	if (u->id < LIC_CLUSTER_IDS)
		snprintf(id, sizeof id, "%u", u->id);
	else
		snprintf(id, sizeof id, "N/A");
	out_printf(out, "        ID        : %s\n"
	    "        Version   : %s\n"
	    "        Serial No.: %s\n"
	    "        CCL IP    : %s\n"
	    "        Last join : %s\n"
	    "        Last leave: %s\n",
	    id, u->version != 0 ? lic_version_format(u->version, ver,
	    sizeof ver) : "N/A", u->serial, ip, join, leave);
}

/*
 * [M] the 9.x command reference's example, from memory (no capture was
 * found):
 *   Cluster NAME: On
 *       This is "UNIT" in state MASTER
 *           ID        : 0
 *           Version   : 9.1(4)
 *           Serial No.: ...
 *           CCL IP    : 10.0.0.1
 *           CCL MAC   : ...          (asaemu has no MAC addresses)
 *           Last join : 17:08:59 UTC Sep 26 2011
 *           Last leave: N/A
 *   Other members in the cluster:
 *       Unit "UNIT" in state SLAVE
 *           ID ... (the same lines)
 * Its "Interface mode" line is left out: asaemu has no data interface
 * modes. The others' last leave is N/A: a unit that leaves is no longer
 * listed.
 */
static enum cmd_status
show_cluster_info_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct device *dev = ctx->dev;
	const struct cluster *cl = device_cluster_get(dev);
	struct unit_view u;
	bool		 header = false;
	static const struct timespec none;

	(void)args;
	if (cl == NULL || cl->cfg.name[0] == '\0') {
		out_puts(ctx->out, msg(MSG_CL_NOT_CONFIGURED));
		return CMD_OK;
	}
	out_printf(ctx->out, "Cluster %s: %s\n", cl->cfg.name,
	    cl->cfg.enabled ? "On" : "Off");
	if (!cl->cfg.enabled)
		return CMD_OK;
	out_printf(ctx->out, "    This is \"%s\" in state %s\n",
	    cl->cfg.local, cl_state_text(cl->state));
	u = (struct unit_view){ .name = cl->cfg.local, .state = cl->state,
	    .id = cl->state == CL_ST_MASTER || cl->state == CL_ST_SLAVE ?
	    cl->id : LIC_CLUSTER_IDS, .version = dev->version,
	    .serial = dev->serial, .ccl_ip = cl->cfg.ccl_ip,
	    .join = &cl->last_join, .has_join = cl->has_join,
	    .leave = &cl->last_leave, .has_leave = cl->has_leave };
	/* Off the lab network the lone master is unit 0. */
	if (cl->state == CL_ST_MASTER && u.id >= LIC_CLUSTER_IDS)
		u.id = 0;
	unit_block(ctx->out, &u);
	if (cl->state != CL_ST_MASTER && cl->state != CL_ST_SLAVE)
		return CMD_OK;
	for (size_t i = 0; i < cl->nmembers; i++) {
		const struct cl_member *m = &cl->members[i];

		if (!m->known || (m->state != CL_ST_MASTER &&
		    m->state != CL_ST_SLAVE))
			continue;
		if (!header)
			out_puts(ctx->out, "Other members in the cluster:\n");
		header = true;
		out_printf(ctx->out, "    Unit \"%s\" in state %s\n", m->name,
		    cl_state_text(m->state));
		u = (struct unit_view){ .name = m->name, .state = m->state,
		    .id = m->id, .version = m->version, .serial = m->serial,
		    .ccl_ip = m->ip, .join = &m->last_join,
		    .has_join = m->has_join, .leave = &none };
		unit_block(ctx->out, &u);
	}
	return CMD_OK;
}

static const struct cmd_help show_cluster_info_help[] = {
	{ "cluster", "Cluster information" },
	{ "info", "Show cluster status" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_cluster_info_entry = {
	.syntax = "show cluster info",
	.help = show_cluster_info_help,
	.modes = MODES_EXEC,
	.exec = show_cluster_info_exec,
	.since = SINCE_CLUSTER,
};
