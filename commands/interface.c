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

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands/commands_int.h"

#define SUB_MAX	4294967293u	/* ASA: subinterface numbers 1-4294967293 */

void
iface_init(struct cfg_ext *x, const struct lic_platform *p)
{
	x->ifs = xcalloc(p->nports ? p->nports : 1, sizeof *x->ifs);
	x->nifs = 0;
	for (size_t i = 0; i < p->nports; i++) {
		struct iface	*f;

		/* Internal ports ("Internal-Data0/0", "Not used") are not
		 * configurable. */
		if (p->ports[i].internal)
			continue;
		f = &x->ifs[x->nifs];
		snprintf(f->name, sizeof f->name, "%s", p->ports[i].name);
		f->port = x->nifs++;
		f->shutdown = true;
	}
}

void
iface_release(struct cfg_ext *x)
{
	free(x->ifs);
	x->ifs = NULL;
	x->nifs = 0;
}

static size_t
type_len(const char *s)
{
	size_t	 n = 0;

	while (s[n] != '\0' && !isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/*
 * The physical interface typed: a case-insensitive unique prefix of a
 * port type ("GigabitEthernet", "Management") followed by exactly its
 * slot/port numbers ("g0/1", "Gig0/1", "management0/0"); an exact type
 * wins over prefixes. *sub gets N of "NAME.N" (0: none). The index in
 * x->ifs, or (size_t)-1.
 */
static size_t
iface_resolve(const struct cfg_ext *x, const char *typed, uint32_t *sub)
{
	size_t		 tl = type_len(typed), found = (size_t)-1;
	const char	*nums = typed + tl, *dot = strchr(nums, '.');
	size_t		 nl = dot != NULL ? (size_t)(dot - nums) : strlen(nums);
	const char	*type = NULL;
	size_t		 ftl = 0;
	bool		 exact = false, ambiguous = false;

	*sub = 0;
	if (tl == 0 || nl == 0)
		return (size_t)-1;
	if (dot != NULL) {
		char		*end;
		unsigned long	 n;

		if (!isdigit((unsigned char)dot[1]))
			return (size_t)-1;
		n = strtoul(dot + 1, &end, 10);
		if (*end != '\0' || n == 0 || n > SUB_MAX)
			return (size_t)-1;
		*sub = (uint32_t)n;
	}
	for (size_t i = 0; i < x->nifs; i++) {
		const struct iface *f = &x->ifs[i];
		size_t		 l = type_len(f->name);

		if (f->sub || l < tl || strncasecmp(f->name, typed, tl) != 0)
			continue;
		if (l == tl && !exact) {
			exact = true;
			ambiguous = false;
			type = f->name, ftl = l;
		} else if (!exact && type != NULL && (ftl != l ||
		    strncmp(type, f->name, l) != 0))
			ambiguous = true;
		else if (type == NULL)
			type = f->name, ftl = l;
	}
	if (type == NULL || ambiguous)
		return (size_t)-1;
	for (size_t i = 0; i < x->nifs; i++) {
		const struct iface *f = &x->ifs[i];

		if (!f->sub && type_len(f->name) == ftl &&
		    strncmp(f->name, type, ftl) == 0 &&
		    strlen(f->name + ftl) == nl &&
		    strncmp(f->name + ftl, nums, nl) == 0)
			found = i;
	}
	return found;
}

/* The canonical name of port's subinterface sub (0: the port itself). */
static void
iface_name(const struct cfg_ext *x, size_t port, uint32_t sub,
    char name[IF_NAME_MAX])
{
	/* Port names are short ("TenGigabitEthernet0/8"): 40 is ample. */
	if (sub != 0)
		snprintf(name, IF_NAME_MAX, "%.40s.%lu", x->ifs[port].name,
		    (unsigned long)sub);
	else
		snprintf(name, IF_NAME_MAX, "%s", x->ifs[port].name);
}

static size_t
iface_find(const struct cfg_ext *x, const char *name)
{
	for (size_t i = 0; i < x->nifs; i++)
		if (strcmp(x->ifs[i].name, name) == 0)
			return i;
	return (size_t)-1;
}

static struct iface *
iface_cur(struct cmd_ctx *ctx)
{
	struct cfg_ext	*x = ctx->dev->ext;
	size_t		 i = iface_find(x, ctx->cur_if);

	return i == (size_t)-1 ? NULL : &x->ifs[i];
}

const struct iface *
iface_by_nameif(const struct device *dev, const char *name)
{
	for (size_t i = 0; i < dev->ext->nifs; i++)
		if (strcmp(dev->ext->ifs[i].nameif, name) == 0)
			return &dev->ext->ifs[i];
	return NULL;
}

/* A running license count by feature id; 0 when unknown or unlimited. */
static uint32_t
licensed(const struct device *dev, const char *id)
{
	size_t	 f = lic_catalog_find(model_db_catalog(dev->db), id);

	if (f == (size_t)-1 || dev->lic.run.v[f].value == LIC_UNLIMITED)
		return 0;
	return dev->lic.run.v[f].value;
}

/* Create subinterface port.sub after its port's lower-numbered ones. */
static enum cmd_status
iface_create(struct cmd_ctx *ctx, size_t port, uint32_t sub, char *name)
{
	struct cfg_ext	*x = ctx->dev->ext;
	uint32_t	 max = licensed(ctx->dev, "interfaces");
	size_t		 at = port + 1;
	struct iface	*f;

	if (max != 0 && x->nifs >= max)
		return cmd_error(ctx, MSG_IF_MAX, name, max);
	while (at < x->nifs && x->ifs[at].sub && x->ifs[at].subnum < sub)
		at++;
	x->ifs = xreallocarray(x->ifs, x->nifs + 1, sizeof *x->ifs);
	memmove(&x->ifs[at + 1], &x->ifs[at], (x->nifs - at) * sizeof *f);
	x->nifs++;
	for (size_t i = at + 1; i < x->nifs; i++)
		if (!x->ifs[i].sub)
			x->ifs[i].port = i;
		else if (x->ifs[i].port >= at)
			x->ifs[i].port++;
	f = &x->ifs[at];
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	f->sub = true;
	f->subnum = sub;
	f->port = port;
	return CMD_OK;
}

static void
iface_remove(struct cmd_ctx *ctx, size_t at)
{
	struct cfg_ext	*x = ctx->dev->ext;

	if (x->ifs[at].nameif[0] != '\0')
		ls_forget_nameif(ctx->dev, x->ifs[at].nameif);
	if (strcmp(ctx->cur_if, x->ifs[at].name) == 0)
		ctx->cur_if[0] = '\0';
	memmove(&x->ifs[at], &x->ifs[at + 1],
	    (x->nifs - at - 1) * sizeof *x->ifs);
	x->nifs--;
	for (size_t i = at; i < x->nifs; i++)
		if (!x->ifs[i].sub)
			x->ifs[i].port = i;
		else if (x->ifs[i].port > at)
			x->ifs[i].port--;
}

static enum cmd_status
interface_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct cfg_ext	*x = ctx->dev->ext;
	const char	*typed = cmd_arg_str(args, "ifname");
	char		 name[IF_NAME_MAX];
	uint32_t	 sub;
	size_t		 port = iface_resolve(x, typed, &sub), at;

	if (port == (size_t)-1)
		return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
	iface_name(x, port, sub, name);
	at = iface_find(x, name);
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
		if (iface_create(ctx, port, sub, name) != CMD_OK)
			return CMD_ERROR;
		device_touch(ctx->dev);
	}
	/*
	 * Without a startup configuration the ports are shut down; in a
	 * saved one, a block without " shutdown" is up.
	 */
	if (ctx->replay)
		x->ifs[iface_find(x, name)].shutdown = false;
	snprintf(ctx->cur_if, sizeof ctx->cur_if, "%s", name);
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
		if (f->nameif[0] != '\0')
			ls_forget_nameif(ctx->dev, f->nameif);
		f->nameif[0] = '\0';
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (strlen(name) > IF_NAMEIF_MAX)
		return cmd_error(ctx, MSG_IF_NAMEIF_LONG);
	other = iface_by_nameif(ctx->dev, name);
	if (other != NULL && other != f)
		return cmd_error(ctx, MSG_IF_NAMEIF_USED, name, other->name);
	if (f->nameif[0] != '\0' && strcmp(f->nameif, name) != 0)
		ls_forget_nameif(ctx->dev, f->nameif);
	snprintf(f->nameif, sizeof f->nameif, "%s", name);
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

static size_t
vlans_used(const struct cfg_ext *x)
{
	size_t	 n = 0;

	for (size_t i = 0; i < x->nifs; i++)
		if (x->ifs[i].vlan != 0)
			n++;
	return n;
}

static enum cmd_status
vlan_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct cfg_ext	*x = ctx->dev->ext;
	struct iface	*f = iface_cur(ctx);
	uint32_t	 id = cmd_arg_u32(args, "id", 0);
	uint32_t	 max = licensed(ctx->dev, "vlans");

	if (f == NULL)
		return CMD_OK;
	if (!f->sub)
		return cmd_error(ctx, MSG_IF_VLAN_PHYSICAL);
	if (cmd_arg_has(args, "no")) {
		f->vlan = 0;
		device_touch(ctx->dev);
		return CMD_OK;
	}
	for (size_t i = 0; i < x->nifs; i++)
		if (&x->ifs[i] != f && x->ifs[i].sub &&
		    x->ifs[i].port == f->port && x->ifs[i].vlan == id)
			return cmd_error(ctx, MSG_IF_VLAN_USED, id,
			    x->ifs[i].name);
	if (f->vlan == 0 && max != 0 && vlans_used(x) >= max)
		return cmd_error(ctx, MSG_IF_VLAN_MAX, id, max);
	f->vlan = id;
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

static void
ip_text(uint32_t a, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
	    a >> 8 & 0xff, a & 0xff);
}

/*
 * One block as ASA 8.x/9.x prints it: " shutdown" first, a
 * subinterface's vlan, then nameif, security-level and ip address, each
 * as "no ..." when unset (a factory interface), and "!".
 */
static void
iface_block(struct strbuf *sb, const struct iface *f)
{
	char	 a[16], m[16], s[16];

	strbuf_printf(sb, "interface %s\n", f->name);
	if (f->shutdown)
		strbuf_puts(sb, " shutdown\n");
	if (f->sub && f->vlan != 0)
		strbuf_printf(sb, " vlan %u\n", f->vlan);
	else if (f->sub)
		strbuf_puts(sb, " no vlan\n");
	if (f->nameif[0] != '\0')
		strbuf_printf(sb, " nameif %s\n", f->nameif);
	else
		strbuf_puts(sb, " no nameif\n");
	if (f->has_sec)
		strbuf_printf(sb, " security-level %u\n", f->sec);
	else
		strbuf_puts(sb, " no security-level\n");
	if (f->has_ip) {
		ip_text(f->ip, a, sizeof a);
		ip_text(f->mask, m, sizeof m);
		strbuf_printf(sb, " ip address %s %s", a, m);
		if (f->has_standby) {
			ip_text(f->standby, s, sizeof s);
			strbuf_printf(sb, " standby %s", s);
		}
		strbuf_puts(sb, "\n");
	} else
		strbuf_puts(sb, " no ip address\n");
	strbuf_puts(sb, "!\n");
}

void
iface_render(struct strbuf *sb, const struct device *dev, const char *only)
{
	for (size_t i = 0; i < dev->ext->nifs; i++)
		if (only == NULL || strcmp(only, dev->ext->ifs[i].name) == 0)
			iface_block(sb, &dev->ext->ifs[i]);
}

static enum cmd_status
show_running_config_interface_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	const struct cfg_ext	*x = ctx->dev->ext;
	const char		*typed = cmd_arg_str(args, "ifname");
	struct strbuf		 sb;
	char			 name[IF_NAME_MAX];
	uint32_t		 sub;
	size_t			 port;

	strbuf_init(&sb, 0);
	if (typed != NULL) {
		port = iface_resolve(x, typed, &sub);
		if (port == (size_t)-1) {
			strbuf_release(&sb);
			return cmd_error(ctx, MSG_IF_UNKNOWN, typed);
		}
		iface_name(x, port, sub, name);
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
