/* SPDX-License-Identifier: MIT */
/*
 * Interfaces, as far as license-server needs them: "interface NAME" (a
 * platform port or a subinterface NAME.N), and in (config-if) "vlan N",
 * "nameif NAME", "security-level N", "ip address A.B.C.D MASK [standby
 * A.B.C.D]", "shutdown", their no forms, and "show running-config
 * interface [NAME]". The licensed maximum interfaces and VLANs (Table
 * 5-16: every interface defined counts; a VLAN once assigned) are
 * enforced.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "commands/commands_int.h"

/*
 * The (config-if) interface. Each line of an interface block asks: the
 * last index found is tried first (interfaces come and go, so it is
 * checked by name).
 */
static struct iface *
iface_cur(struct cmd_ctx *ctx)
{
	struct cfg_ext	*x = ctx->dev->ext;
	size_t		 i = ctx->cur_if_at;

	if (i < x->nifs && strcmp(x->ifs[i].name, ctx->cur_if) == 0)
		return &x->ifs[i];
	if ((i = device_iface_find(ctx->dev, ctx->cur_if)) == (size_t)-1)
		return NULL;
	ctx->cur_if_at = i;
	return &x->ifs[i];
}

/* A running license count by feature id; 0 when unknown or unlimited. */
static uint32_t
licensed(const struct device *dev, const char *id)
{
	uint32_t	 v = device_license_value(dev, id);

	return v == LIC_UNLIMITED ? 0 : v;
}

/* Create subinterface port.sub within the licensed maximum, at *at. */
static enum cmd_status
iface_create(struct cmd_ctx *ctx, size_t port, uint32_t sub, char *name,
    size_t *at)
{
	uint32_t	 max = licensed(ctx->dev, "interfaces");

	if (max != 0 && ctx->dev->ext->nifs >= max)
		return cmd_error(ctx, MSG_IF_MAX, name, max);
	*at = device_iface_create(ctx->dev, port, sub, name);
	return CMD_OK;
}

/* Remove an interface; this session leaves it if it was in it. */
static void
iface_remove(struct cmd_ctx *ctx, size_t at)
{
	if (strcmp(ctx->cur_if, ctx->dev->ext->ifs[at].name) == 0)
		ctx->cur_if[0] = '\0';
	device_iface_remove(ctx->dev, at);
}

static enum cmd_status
interface_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct cfg_ext	*x = ctx->dev->ext;
	const char	*typed = cmd_arg_str(args, "ifname");
	char		 name[IF_NAME_MAX];
	uint32_t	 sub;
	size_t		 port = device_iface_resolve(ctx->dev, typed, &sub), at;

	if (port == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	device_iface_name(ctx->dev, port, sub, name);
	at = device_iface_sub(ctx->dev, port, sub);
	if (cmd_arg_has(args, "no")) {
		if (sub == 0)
			return cmd_error(ctx, MSG_IF_PHYSICAL, name);
		if (at != (size_t)-1) {
			iface_remove(ctx, at);
			device_touch(ctx->dev);
		}
		session_set_mode(ctx->sess, MODE_CONFIG);
		return CMD_OK;
	}
	if (at == (size_t)-1) {
		if (iface_create(ctx, port, sub, name, &at) != CMD_OK)
			return CMD_ERROR;
		device_touch(ctx->dev);
	}
	/*
	 * Without a startup configuration the ports are shut down; in a
	 * saved one, a block without " shutdown" is up.
	 */
	if (ctx->replay)
		x->ifs[at].shutdown = false;
	memcpy(ctx->cur_if, name, sizeof ctx->cur_if);
	ctx->cur_if_at = at;
	session_set_mode(ctx->sess, MODE_CONFIG_IF);
	return CMD_OK;
}

static const struct cmd_help interface_help[] = {
	{ "interface", "Select an interface to configure" },
	{ "ifname", "Physical interface or subinterface, such as "
	    "GigabitEthernet0/1 or GigabitEthernet0/1.100" },
	{ NULL, NULL }
};

/* Also from (config-if): the ASA moves to the interface named. */
const struct cmd_entry cmd_interface_entry = {
	.syntax = "interface <ifname:word>",
	.help = interface_help,
	.modes = MODE_BIT(MODE_CONFIG) | MODE_BIT(MODE_CONFIG_IF),
	.flags = CMD_F_NO_FORM,
	.exec = interface_exec,
};

static enum cmd_status
nameif_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct iface		*f = iface_cur(ctx);
	const char		*name = cmd_arg_str(args, "name");
	const struct iface	*other;

	if (f == NULL)
		return CMD_OK;
	if (cmd_arg_has(args, "no")) {
		if (f->nameif[0] != '\0') {
			device_ls_forget_nameif(ctx->dev, f->nameif);
			device_ssh_forget_nameif(ctx->dev, f->nameif);
		}
		device_iface_set_nameif(ctx->dev, f, "");
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (strlen(name) > IF_NAMEIF_MAX)
		return cmd_error(ctx, MSG_IF_NAMEIF_LONG);
	other = device_iface_by_nameif(ctx->dev, name);
	if (other != NULL && other != f)
		return cmd_error(ctx, MSG_IF_NAMEIF_USED, name, other->name);
	if (f->nameif[0] != '\0' && strcmp(f->nameif, name) != 0) {
		device_ls_forget_nameif(ctx->dev, f->nameif);
		device_ssh_forget_nameif(ctx->dev, f->nameif);
	}
	device_iface_set_nameif(ctx->dev, f, name);
	if (!f->has_sec) {
		/* CLI guide, nameif: "inside" defaults to 100, others to 0. */
		f->has_sec = true;
		f->sec = strcasecmp(name, "inside") == 0 ? 100 : 0;
		if (!ctx->replay)
			out_printf(ctx->out, msg(MSG_IF_SECLEVEL_DEFAULT), name,
			    f->sec);
	}
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help nameif_help[] = {
	{ "nameif", "Assign name to interface" },
	{ "name", "Name of interface, up to 48 characters" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_nameif_entry = {
	.syntax = "nameif <name:word>",
	.help = nameif_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.exec = nameif_exec,
};

const struct cmd_entry cmd_no_nameif_entry = {
	.syntax = "nameif [<name:word>]",
	.help = nameif_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.flags = CMD_F_NO_ONLY,
	.exec = nameif_exec,
};

static enum cmd_status
security_level_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct iface	*f = iface_cur(ctx);

	if (f == NULL)
		return CMD_OK;
	f->has_sec = !cmd_arg_has(args, "no");
	f->sec = f->has_sec ? cmd_arg_u32(args, "level", 0) : 0;
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help security_level_help[] = {
	{ "security-level", "Specify the security level of this interface" },
	{ "level", "Security level value; 0 is least secure, 100 most" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_security_level_entry = {
	.syntax = "security-level <level:0-100>",
	.help = security_level_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.exec = security_level_exec,
};

const struct cmd_entry cmd_no_security_level_entry = {
	.syntax = "security-level [<level:0-100>]",
	.help = security_level_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.flags = CMD_F_NO_ONLY,
	.exec = security_level_exec,
};

static bool
mask_valid(uint32_t m)
{
	return m != 0 && ((~m + 1) & ~m) == 0;
}

static enum cmd_status
ip_address_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct iface	*f = iface_cur(ctx);
	uint32_t	 ip = cmd_arg_u32(args, "addr", 0);
	uint32_t	 mask = cmd_arg_u32(args, "mask", 0);
	uint32_t	 sb = cmd_arg_u32(args, "standby-addr", 0);

	if (f == NULL)
		return CMD_OK;
	if (cmd_arg_has(args, "no")) {
		f->has_ip = f->has_standby = false;
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (!mask_valid(mask))
		return cmd_error(ctx, MSG_IF_BAD_MASK,
		    cmd_arg_str(args, "mask"));
	if (cmd_arg_has(args, "standby") && (sb & mask) != (ip & mask))
		return cmd_error(ctx, MSG_IF_BAD_STANDBY,
		    cmd_arg_str(args, "standby-addr"));
	f->has_ip = true;
	f->ip = ip;
	f->mask = mask;
	f->has_standby = cmd_arg_has(args, "standby");
	f->standby = sb;
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help ip_address_help[] = {
	{ "ip", "Configure IP parameters" },
	{ "address", "Configure the IP address" },
	{ "addr", "IP address" },
	{ "mask", "IP subnet mask" },
	{ "standby", "Configure standby IP address" },
	{ "standby-addr", "Standby IP address" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_ip_address_entry = {
	.syntax = "ip address <addr:ipv4> <mask:ipv4> "
	    "[standby <standby-addr:ipv4>]",
	.help = ip_address_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.exec = ip_address_exec,
};

const struct cmd_entry cmd_no_ip_address_entry = {
	.syntax = "ip address [<addr:ipv4> <mask:ipv4> "
	    "[standby <standby-addr:ipv4>]]",
	.help = ip_address_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.flags = CMD_F_NO_ONLY,
	.exec = ip_address_exec,
};

static enum cmd_status
shutdown_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct iface	*f = iface_cur(ctx);

	if (f != NULL) {
		f->shutdown = !cmd_arg_has(args, "no");
		device_touch(ctx->dev);
	}
	return CMD_OK;
}

static const struct cmd_help shutdown_help[] = {
	{ "shutdown", "Shutdown the selected interface" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_shutdown_entry = {
	.syntax = "shutdown",
	.help = shutdown_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.flags = CMD_F_NO_FORM,
	.exec = shutdown_exec,
};

static enum cmd_status
vlan_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct iface	*f = iface_cur(ctx);
	const struct iface *other;
	uint32_t	 id = cmd_arg_u32(args, "id", 0);
	uint32_t	 max = licensed(ctx->dev, "vlans");

	if (f == NULL)
		return CMD_OK;
	if (!f->sub)
		return cmd_error(ctx, MSG_IF_VLAN_PHYSICAL);
	if (cmd_arg_has(args, "no")) {
		device_iface_set_vlan(ctx->dev, f, 0);
		device_touch(ctx->dev);
		return CMD_OK;
	}
	other = device_iface_by_vlan(ctx->dev, f->port, id);
	if (other != NULL && other != f)
		return cmd_error(ctx, MSG_IF_VLAN_USED, id, other->name);
	if (f->vlan == 0 && max != 0 && device_iface_vlans(ctx->dev) >= max)
		return cmd_error(ctx, MSG_IF_VLAN_MAX, id, max);
	device_iface_set_vlan(ctx->dev, f, id);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help vlan_help[] = {
	{ "vlan", "Configure the VLAN of a subinterface" },
	{ "id", "VLAN ID" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_vlan_entry = {
	.syntax = "vlan <id:1-4094>",
	.help = vlan_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.exec = vlan_exec,
};

const struct cmd_entry cmd_no_vlan_entry = {
	.syntax = "vlan [<id:1-4094>]",
	.help = vlan_help,
	.modes = MODE_BIT(MODE_CONFIG_IF),
	.flags = CMD_F_NO_ONLY,
	.exec = vlan_exec,
};

/* " word VALUE\n" lines of a block. */
static void
line_str(struct strbuf *sb, const char *word, const char *v)
{
	strbuf_puts(sb, word);
	strbuf_puts(sb, v);
	strbuf_add(sb, "\n", 1);
}

static void
line_u32(struct strbuf *sb, const char *word, uint32_t v)
{
	strbuf_puts(sb, word);
	strbuf_add_u32(sb, v);
	strbuf_add(sb, "\n", 1);
}

/*
 * One block as ASA 8.x/9.x prints it: " shutdown" first, a
 * subinterface's vlan, then nameif, security-level and ip address, each
 * as "no ..." when unset (a factory interface), and "!".
 */
static void
iface_block(struct strbuf *sb, const struct device *dev,
    const struct iface *f, bool sys)
{
	const char	*fo = failover_iface_description(dev, f->name);

	line_str(sb, "interface ", f->name);
	if (fo != NULL)
		line_str(sb, " description ", fo);
	if (f->shutdown)
		strbuf_puts(sb, " shutdown\n");
	if (fo != NULL) {
		strbuf_puts(sb, "!\n");
		return;
	}
	if (f->sub && f->vlan != 0)
		line_u32(sb, " vlan ", f->vlan);
	else if (f->sub)
		strbuf_puts(sb, " no vlan\n");
	/* The system execution space has no addressing [M]. */
	if (sys) {
		strbuf_puts(sb, "!\n");
		return;
	}
	if (f->nameif[0] != '\0')
		line_str(sb, " nameif ", f->nameif);
	else
		strbuf_puts(sb, " no nameif\n");
	if (f->has_sec)
		line_u32(sb, " security-level ", f->sec);
	else
		strbuf_puts(sb, " no security-level\n");
	if (f->has_ip) {
		strbuf_puts(sb, " ip address ");
		strbuf_add_ipv4(sb, f->ip);
		strbuf_add(sb, " ", 1);
		strbuf_add_ipv4(sb, f->mask);
		if (f->has_standby) {
			strbuf_puts(sb, " standby ");
			strbuf_add_ipv4(sb, f->standby);
		}
		strbuf_puts(sb, "\n");
	} else
		strbuf_puts(sb, " no ip address\n");
	strbuf_puts(sb, "!\n");
}

void
iface_render(struct strbuf *sb, const struct device *dev, const char *only)
{
	bool	 sys = dev->ctxs.multi && dev->ctxs.sel == CTX_SYSTEM;

	for (size_t i = 0; i < dev->ext->nifs; i++)
		if (only == NULL || strcmp(only, dev->ext->ifs[i].name) == 0)
			iface_block(sb, dev, &dev->ext->ifs[i], sys);
}

static enum cmd_status
show_running_config_interface_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	const char		*typed = cmd_arg_str(args, "ifname");
	struct strbuf		 sb;
	char			 name[IF_NAME_MAX];
	uint32_t		 sub;
	size_t			 port;

	strbuf_init(&sb, 0);
	if (typed != NULL) {
		port = device_iface_resolve(ctx->dev, typed, &sub);
		if (port == (size_t)-1) {
			strbuf_release(&sb);
			return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
		}
		device_iface_name(ctx->dev, port, sub, name);
	}
	iface_render(&sb, ctx->dev, typed != NULL ? name : NULL);
	out_puts(ctx->out, sb.len > 0 ? sb.buf : "");
	strbuf_release(&sb);
	return CMD_OK;
}

static const struct cmd_help show_running_config_interface_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "interface", "Show interface configuration" },
	{ "ifname", "Physical interface or subinterface name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_interface_entry = {
	.syntax = "show running-config interface [<ifname:word>]",
	.help = show_running_config_interface_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_interface_exec,
};
