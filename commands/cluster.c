/* SPDX-License-Identifier: MIT */
/*
 * ASA clustering (9.0+): cluster group NAME and its (cfg-cluster)
 * sub-mode (local-unit, cluster-interface, priority, key, enable), their
 * no forms and running-config block. The unit's state is
 * device/cluster.c's; show cluster info and what a member of a running
 * cluster needs are cluster_run.c's.
 *
 * Availability (chapter, "Clustering" rows of the platform tables and
 * the feature history): 9.0(1) on the 5580 and 5585-X, "Disabled",
 * optional license for 8 units; 9.1(4) on the 5500-X, 2 units, with
 * Security Plus on the 5512-X; "No support" elsewhere. "Each unit must
 * have a clustering license" (ASA Cluster License Requirements and
 * Exceptions).
 *
 * No capture of any of this was found: the prompt, the messages, the
 * running-config block's place and order and show cluster info's layout
 * are from memory of the 9.x configuration guide and command reference,
 * tagged where they stand.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "commands/commands_int.h"
#include "device/cluster.h"
#include "device/failover.h"

#define HELP_CLUSTER	"Cluster configuration"

void
cluster_ip_text(uint32_t a, char buf[16])
{
	snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/* Whether any edition of the platform offers clustering on this release. */
static bool
platform_clusters(const struct device *dev)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	size_t		 f = lic_catalog_find(cat, "cluster");

	if (f == (size_t)-1)
		return false;
	for (size_t e = 0; e < dev->platform->neditions; e++)
		if (lic_platform_max(dev->platform, e, f, dev->version) > 0)
			return true;
	return false;
}

/*
 * The running-config block [M low]: its place (before the failover
 * lines) and the order of its lines (the configuration guide's steps);
 * the key masked as failover's is.
 */
void
cluster_render(struct strbuf *sb, const struct device *dev, bool mask)
{
	const struct cluster *cl = device_cluster_get(dev);
	const struct cl_cfg *c;
	char		 a[16], m[16];

	if (cl == NULL || cl->cfg.name[0] == '\0')
		return;
	c = &cl->cfg;
	strbuf_printf(sb, "cluster group %s\n", c->name);
	if (c->local[0] != '\0')
		strbuf_printf(sb, " local-unit %s\n", c->local);
	if (c->ccl_if[0] != '\0') {
		cluster_ip_text(c->ccl_ip, a);
		cluster_ip_text(c->ccl_mask, m);
		strbuf_printf(sb, " cluster-interface %s ip %s %s\n",
		    c->ccl_if, a, m);
	}
	if (c->priority != 0)
		strbuf_printf(sb, " priority %u\n", c->priority);
	if (c->key[0] != '\0')
		strbuf_printf(sb, " key %s\n", mask ? "*****" : c->key);
	if (c->enabled)
		strbuf_puts(sb, " enable\n");
}

/* ---- cluster group NAME ---- */

static enum cmd_status
cluster_group_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	const char	*name = cmd_arg_str(args, "name");
	const struct cluster *cur = device_cluster_get(dev);
	bool		 have = cur != NULL && cur->cfg.name[0] != '\0';
	struct cluster	*cl;

	if (cmd_arg_has(args, "no")) {
		if (!have || strcmp(cur->cfg.name, name) != 0)
			return cmd_error(ctx, MSG_CL_NO_GROUP, name);
		device_cluster_remove(dev);
		device_touch(dev);
		return CMD_OK;
	}
	if (!platform_clusters(dev))
		return cmd_error(ctx, MSG_CL_NO_PLATFORM);
	if (strlen(name) > CL_NAME_MAX)
		return cmd_error(ctx, MSG_CL_NAME_LONG, CL_NAME_MAX);
	if (have && strcmp(cur->cfg.name, name) != 0)
		return cmd_error(ctx, MSG_CL_ONE_GROUP, cur->cfg.name);
	cl = device_cluster(dev);
	if (!have) {
		snprintf(cl->cfg.name, sizeof cl->cfg.name, "%s", name);
		device_touch(dev);
	}
	session_set_mode(ctx->sess, MODE_CONFIG_CLUSTER);
	return CMD_OK;
}

static const struct cmd_help cluster_group_help[] = {
	{ "cluster", HELP_CLUSTER },
	{ "group", "Cluster group configuration" },
	{ "name", "Cluster group name (up to 38 characters)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_cluster_group_entry = {
	.syntax = "cluster group <name:word>",
	.help = cluster_group_help,
	.modes = MODE_BIT(MODE_CONFIG) | MODE_BIT(MODE_CONFIG_CLUSTER),
	.flags = CMD_F_NO_FORM,
	.exec = cluster_group_exec,
	.since = SINCE_CLUSTER,
};

/* The sub-mode's commands change the bootstrap only while disabled [M]. */
static struct cluster *
bootstrap(struct cmd_ctx *ctx)
{
	struct cluster	*cl = device_cluster(ctx->dev);

	if (cl->cfg.enabled && !ctx->replay) {
		cmd_error(ctx, MSG_CL_ENABLED);
		return NULL;
	}
	return cl;
}

/* ---- local-unit NAME ---- */

static enum cmd_status
local_unit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*name = cmd_arg_str(args, "unit");
	struct cluster	*cl = bootstrap(ctx);

	if (cl == NULL)
		return CMD_ERROR;
	if (cmd_arg_has(args, "no"))
		cl->cfg.local[0] = '\0';
	else if (strlen(name) > CL_UNIT_MAX)
		return cmd_error(ctx, MSG_CL_NAME_LONG, CL_UNIT_MAX);
	else
		snprintf(cl->cfg.local, sizeof cl->cfg.local, "%s", name);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help local_unit_help[] = {
	{ "local-unit", "Local unit name" },
	{ "unit", "Local unit name (up to 38 characters)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_local_unit_entry = {
	.syntax = "local-unit <unit:word>",
	.help = local_unit_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.exec = local_unit_exec,
	.since = SINCE_CLUSTER,
};

const struct cmd_entry cmd_no_local_unit_entry = {
	.syntax = "local-unit [<unit:word>]",
	.help = local_unit_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.flags = CMD_F_NO_ONLY,
	.exec = local_unit_exec,
	.since = SINCE_CLUSTER,
};

/* ---- cluster-interface PHYSICAL ip A.B.C.D MASK ---- */

static bool
mask_valid(uint32_t m)
{
	return m != 0 && ((~m + 1) & ~m) == 0;
}

static enum cmd_status
cluster_interface_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	const char	*typed = cmd_arg_str(args, "phy");
	uint32_t	 ip = cmd_arg_u32(args, "addr", 0);
	uint32_t	 mask = cmd_arg_u32(args, "mask", 0);
	struct cluster	*cl = bootstrap(ctx);
	uint32_t	 sub = 0;
	size_t		 port, at;
	char		 phy[IF_NAME_MAX];

	if (cl == NULL)
		return CMD_ERROR;
	if (cmd_arg_has(args, "no")) {
		cl->cfg.ccl_if[0] = '\0';
		cl->cfg.ccl_ip = cl->cfg.ccl_mask = 0;
		device_touch(dev);
		return CMD_OK;
	}
	port = device_iface_resolve(dev, typed, &sub);
	if (port == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	device_iface_name(dev, port, sub, phy);
	at = device_iface_find(dev, phy);
	if (at == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	if (dev->ext->ifs[at].nameif[0] != '\0')
		return cmd_error(ctx, MSG_CL_NAMEIF, phy);
	if (!mask_valid(mask))
		return cmd_error(ctx, MSG_IF_BAD_MASK, cmd_arg_str(args, "mask"));
	snprintf(cl->cfg.ccl_if, sizeof cl->cfg.ccl_if, "%s", phy);
	cl->cfg.ccl_ip = ip;
	cl->cfg.ccl_mask = mask;
	device_touch(dev);
	return CMD_OK;
}

static const struct cmd_help cluster_interface_help[] = {
	{ "cluster-interface", "Cluster control link interface" },
	{ "phy", "Physical or logical interface" },
	{ "ip", "Cluster control link IP address" },
	{ "addr", "IP address" },
	{ "mask", "IP subnet mask" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_cluster_interface_entry = {
	.syntax = "cluster-interface <phy:word> ip <addr:ipv4> <mask:ipv4>",
	.help = cluster_interface_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.exec = cluster_interface_exec,
	.since = SINCE_CLUSTER,
};

const struct cmd_entry cmd_no_cluster_interface_entry = {
	.syntax = "cluster-interface [<phy:word> [ip <addr:ipv4> "
	    "<mask:ipv4>]]",
	.help = cluster_interface_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.flags = CMD_F_NO_ONLY,
	.exec = cluster_interface_exec,
	.since = SINCE_CLUSTER,
};

/* ---- priority N ---- */

static enum cmd_status
priority_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct cluster	*cl = bootstrap(ctx);

	if (cl == NULL)
		return CMD_ERROR;
	cl->cfg.priority = cmd_arg_has(args, "no") ? 0 :
	    cmd_arg_u32(args, "prio", 0);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help priority_help[] = {
	{ "priority", "Priority of this unit for master election" },
	{ "prio", "Priority value, 1 is the highest" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_cluster_priority_entry = {
	.syntax = "priority <prio:1-100>",
	.help = priority_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.exec = priority_exec,
	.since = SINCE_CLUSTER,
};

const struct cmd_entry cmd_no_cluster_priority_entry = {
	.syntax = "priority [<prio:1-100>]",
	.help = priority_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.flags = CMD_F_NO_ONLY,
	.exec = priority_exec,
	.since = SINCE_CLUSTER,
};

/* ---- key SECRET ---- */

static enum cmd_status
key_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*secret = cmd_arg_str(args, "secret");
	struct cluster	*cl = bootstrap(ctx);

	if (cl == NULL)
		return CMD_ERROR;
	if (cmd_arg_has(args, "no"))
		cl->cfg.key[0] = '\0';
	else if (strlen(secret) > CL_KEY_MAX)
		return cmd_error(ctx, MSG_CL_KEY_LONG, CL_KEY_MAX);
	else
		snprintf(cl->cfg.key, sizeof cl->cfg.key, "%s", secret);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help key_help[] = {
	{ "key", "Secret to encrypt cluster control link messages" },
	{ "secret", "Shared secret (up to 63 characters)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_cluster_key_entry = {
	.syntax = "key <secret:word>",
	.help = key_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.exec = key_exec,
	.since = SINCE_CLUSTER,
};

const struct cmd_entry cmd_no_cluster_key_entry = {
	.syntax = "key [<secret:word>]",
	.help = key_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.flags = CMD_F_NO_ONLY,
	.exec = key_exec,
	.since = SINCE_CLUSTER,
};

/* ---- enable [noconfirm] ---- */

static enum cmd_status
cluster_enable_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	struct cluster	*cl = device_cluster(dev);
	const struct failover *fo = device_failover_get(dev);

	if (cmd_arg_has(args, "no")) {
		device_cluster_enable(dev, false);
		device_touch(dev);
		return CMD_OK;
	}
	if (cl->cfg.local[0] == '\0' || cl->cfg.ccl_if[0] == '\0')
		return cmd_error(ctx, MSG_CL_INCOMPLETE);
	/* "Each unit must have a clustering license." */
	if (device_license_value(dev, "cluster") == 0)
		return cmd_error(ctx, MSG_CL_NO_LICENSE);
	/* Failover is among the features clustering does not support. */
	if (fo != NULL && fo->cfg.enabled)
		return cmd_error(ctx, MSG_CL_FAILOVER);
	if (!cl->cfg.enabled) {
		device_cluster_enable(dev, true);
		device_touch(dev);
	} else if (cl->state == CL_ST_DISABLED) {
		/* Disabled by a failed cluster control link or a refusal:
		   enable again is how a 9.1 unit rejoins [M]. */
		device_cluster_enable(dev, true);
	}
	return CMD_OK;
}

static const struct cmd_help cluster_enable_help[] = {
	/* One help per first word across modes (grammar_build): the
	   exec enable's, though the ASA words it for clustering [M]. */
	{ "enable", HELP_ENABLE },
	{ "noconfirm", "Do not prompt for confirmation" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_cluster_enable_entry = {
	.syntax = "enable [noconfirm]",
	.help = cluster_enable_help,
	.modes = MODE_BIT(MODE_CONFIG_CLUSTER),
	.flags = CMD_F_NO_FORM,
	.exec = cluster_enable_exec,
	.since = SINCE_CLUSTER,
};
