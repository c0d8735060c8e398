/* SPDX-License-Identifier: MIT */
/*
 * SSH access: "ssh A.B.C.D MASK NAMEIF" (who may connect, to which
 * interface), "ssh timeout N" (1-60 minutes, 5), their no forms, "show
 * running-config ssh", and the decision for a login (cmd_ssh_allowed)
 * that "asaemu auth" asks for.
 *
 * The rules (CLI guide 8.4/9.1, "Configuring SSH Access" [M high]): an
 * address no "ssh" line permits is refused. Without "aaa authentication
 * ssh console LOCAL", releases before 8.4(2) accept the user "pix" (and
 * "asa", 8.4 release notes [M med]) with the login password, "cisco"
 * unless changed; from 8.4(2) on such a login is refused. With it, the
 * local user database decides.
 */
#include "commands/commands.h"

#include <string.h>

#include "commands/commands_int.h"

/* [M high] the factory login password ("passwd"); no passwd command yet. */
#define LOGIN_PASSWORD_DEFAULT "cisco"

static void
ssh_line(struct strbuf *sb, const struct ssh_acl *e)
{
	strbuf_printf(sb, "ssh %u.%u.%u.%u %u.%u.%u.%u %s\n", e->ip >> 24,
	    e->ip >> 16 & 0xff, e->ip >> 8 & 0xff, e->ip & 0xff,
	    e->mask >> 24, e->mask >> 16 & 0xff, e->mask >> 8 & 0xff,
	    e->mask & 0xff, e->nameif);
}

/*
 * [V] ASAv 9.3(1) and ASA5516 9.7 captures: the ssh lines, then "ssh
 * timeout N", shown also at its default 5.
 */
void
ssh_render(struct strbuf *sb, const struct device *dev)
{
	const struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nssh; i++)
		ssh_line(sb, &a->ssh[i]);
	strbuf_printf(sb, "ssh timeout %u\n", a->ssh_timeout);
}

static bool
mask_contiguous(uint32_t m)
{
	return (~m & (~m + 1)) == 0;
}

static enum cmd_status
ssh_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct ssh_acl	 e;
	const char	*nameif = cmd_arg_str(args, "nameif");

	memset(&e, 0, sizeof e);
	e.ip = cmd_arg_u32(args, "addr", 0);
	e.mask = cmd_arg_u32(args, "mask", 0);
	if (strlen(nameif) > IF_NAMEIF_MAX)
		return cmd_error(ctx, MSG_IF_NAMEIF_LONG);
	snprintf(e.nameif, sizeof e.nameif, "%s", nameif);
	if (cmd_arg_has(args, "no")) {
		if (device_ssh_remove(ctx->dev, &e))
			device_touch(ctx->dev);
		return CMD_OK;
	}
	if (!mask_contiguous(e.mask))
		return cmd_error(ctx, MSG_IF_BAD_MASK,
		    cmd_arg_str(args, "mask"));
	if ((e.ip & ~e.mask) != 0)
		return cmd_error(ctx, MSG_SSH_ADDR_MASK);
	if (device_iface_by_nameif(ctx->dev, nameif) == NULL)
		return cmd_error(ctx, MSG_LS_NO_NAMEIF, nameif);
	device_ssh_add(ctx->dev, &e);
	device_touch(ctx->dev);
	return CMD_OK;
}

/* [M] 8.x/9.x '?' wording. */
static const struct cmd_help ssh_help[] = {
	{ "ssh", "Configure SSH options" },
	{ "addr", "IP address of host or network authorized to initiate an "
	    "SSH connection to the ASA" },
	{ "mask", "IP netmask to apply to the address" },
	{ "nameif", "Name of the interface on which the host or network "
	    "resides" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_ssh_entry = {
	.syntax = "ssh <addr:ipv4> <mask:ipv4> <nameif:word>",
	.help = ssh_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = ssh_exec,
};

static enum cmd_status
ssh_timeout_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	ctx->dev->ext->aaa.ssh_timeout = cmd_arg_has(args, "no") ?
	    SSH_TIMEOUT_DEFAULT : cmd_arg_u32(args, "minutes",
	    SSH_TIMEOUT_DEFAULT);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ssh_timeout_help[] = {
	{ "ssh", "Configure SSH options" },
	{ "timeout", "Configure ssh idle timeout" },
	{ "minutes", "Idle time in minutes after which a SSH session will be "
	    "closed" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_ssh_timeout_entry = {
	.syntax = "ssh timeout <minutes:1-60>",
	.help = ssh_timeout_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = ssh_timeout_exec,
};

const struct cmd_entry cmd_no_ssh_timeout_entry = {
	.syntax = "ssh timeout [<minutes:1-60>]",
	.help = ssh_timeout_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = ssh_timeout_exec,
};

static enum cmd_status
show_running_config_ssh_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct strbuf	 sb;

	(void)args;
	strbuf_init(&sb, 0);
	ssh_render(&sb, ctx->dev);
	out_write(ctx->out, sb.buf, sb.len);
	strbuf_release(&sb);
	return CMD_OK;
}

static const struct cmd_help show_running_config_ssh_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "ssh", "Show ssh configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_ssh_entry = {
	.syntax = "show running-config ssh",
	.help = show_running_config_ssh_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_ssh_exec,
};

bool
cmd_ssh_allowed(const struct device *dev, const char *user,
    const char *password, uint32_t from_ip, const char **why)
{
	const struct aaa_cfg	*a = &dev->ext->aaa;
	const struct aaa_user	*u;
	char			 hash[17];
	bool			 permitted = false;

	for (size_t i = 0; i < a->nssh && !permitted; i++)
		permitted = (from_ip & a->ssh[i].mask) == a->ssh[i].ip;
	if (!permitted) {
		*why = "no ssh line permits the address";
		return false;
	}
	if (!a->ssh_local) {
		if (dev->version >= LIC_VERSION(8, 4, 2, 0)) {
			*why = "aaa authentication ssh console LOCAL is not "
			    "configured";
			return false;
		}
		if ((strcmp(user, "pix") != 0 && strcmp(user, "asa") != 0) ||
		    strcmp(password, LOGIN_PASSWORD_DEFAULT) != 0) {
			*why = "not the user pix with the login password";
			return false;
		}
		*why = NULL;
		return true;
	}
	if ((u = device_aaa_user(dev, user)) == NULL) {
		*why = "no such user in the local database";
		return false;
	}
	cmd_user_hash(user, password, hash);
	if (strcmp(hash, u->hash) != 0) {
		*why = "wrong password";
		return false;
	}
	*why = NULL;
	return true;
}
