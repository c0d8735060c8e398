/* SPDX-License-Identifier: MIT */
/*
 * show version: software, uptime, hardware and interfaces (from the model
 * data), the running license, serial number and keys, and when the
 * configuration last changed.
 *
 * Layouts: 9.x follows the verified 9.8(4) and 9.14(2) captures (blank
 * lines between sections); 8.3 and 8.4 reproduce Cisco's 8.4(1) ASA 5520
 * example byte for byte (genie golden_output2: rows indented by one
 * blank, no blank lines, the flash key line and the active time-based key
 * stanzas inside the license block); 8.2 prints "Running Activation Key:".
 *
 * Multiple context mode: the version line ends in " <system>" or
 * " <context>" ([V] 9.8(3) and 9.14(2) context captures; the system's
 * form from the reference's layout notes). In a context it is the 9.8(3)
 * capture's (captures/ntc_cisco_asa_show_version2.raw [V]): no image or
 * configuration file lines, the Hardware line alone, no interfaces,
 * "Licensed features for this user context:" with the context's rows,
 * then when the configuration last changed; no serial number and no keys
 * (chapter: "view the serial number in the System execution space").
 * FWSM 3.1's context printout (reference 3.6, perl test data) has the
 * same frame, and its uptime line names the system ("FWSM up" at the
 * prompt FWSM/ceige#). The same layout is used for every version [M
 * between them]; the 9.14(2) capture, whose context shows the platform's
 * block, is not followed.
 */
#include "commands/commands.h"

#include <assert.h>
#include <md5.h>
#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"

static bool
is_84(uint32_t v)
{
	return v >= LIC_VERSION(8, 3, 0, 0) && v < LIC_VERSION(8, 5, 0, 0);
}

/* "3 days 3 hours", "3 mins 10 secs": the two largest units [V]. */
static void
uptime(char *buf, size_t len, time_t secs)
{
	static const struct {
		const char	*name;
		time_t		 size;
	} units[] = {
		{ "year", 365 * 86400 }, { "day", 86400 }, { "hour", 3600 },
		{ "min", 60 }, { "sec", 1 },
	};
	size_t	 i = 0, used = 0;

	while (i < 4 && secs < units[i].size)
		i++;
	for (size_t n = 0; n < 2 && i < 5; n++, i++) {
		time_t q = secs / units[i].size;

		secs -= q * units[i].size;
		used += (size_t)snprintf(buf + used, len - used, "%s%lld %s%s",
		    n ? " " : "", (long long)q, units[i].name,
		    q == 1 ? "" : "s");
	}
}

/* The low 24 bits of the device's MAC addresses: from its serial number. */
static unsigned
mac_base(const struct device *dev)
{
	unsigned char	 md[MD5_DIGEST_LENGTH];
	MD5_CTX		 c;

	MD5Init(&c);
	MD5Update(&c, (const unsigned char *)dev->serial, strlen(dev->serial));
	MD5Final(md, &c);
	return (unsigned)md[0] << 16 | (unsigned)md[1] << 8 | md[2];
}

/*
 * A stable MAC address per serial number (base) and port (buf: 15 bytes
 * at least): "0013.c4%02x.%02x%02x" of its low 24 bits, without printf
 * (five a show version cost a sixth of it).
 */
static void
mac_address(unsigned base, unsigned index, char *buf, size_t len)
{
	char	 hex[8];

	assert(len >= 15);
	(void)len;
	fmt_hex32(hex, (base + index) & 0xffffff);
	memcpy(buf, "0013.c4", 7);
	memcpy(buf + 7, hex + 2, 2);
	buf[9] = '.';
	memcpy(buf + 10, hex + 4, 4);
	buf[14] = '\0';
}

void
cmd_port_mac(const struct device *dev, const char *name, char *buf,
    size_t len)
{
	const struct lic_platform *p = dev->platform;

	snprintf(buf, len, "0000.0000.0000");
	for (size_t i = 0; i < p->nports; i++) {
		const struct lic_port *port = &p->ports[i];

		if (strcmp(port->name, name) != 0 || !port->has_mac)
			continue;
		if (port->address != NULL)
			snprintf(buf, len, "%s", port->address);
		else
			mac_address(mac_base(dev), port->index, buf, len);
		return;
	}
}

/* The version line's mark of the space: "", " <system>", " <context>". */
static const char *
space_mark(const struct cmd_ctx *ctx)
{
	if (!ctx->dev->ctxs.multi)
		return "";
	return cmd_in_context(ctx) ? " <context>" : " <system>";
}

static void
print_header(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	char		 ver[48], image[64], up[64], fup[96] = "", cup[64];
	time_t		 fsecs;

	lic_version_format(dev->version, ver, sizeof ver);
	strcat(ver, space_mark(ctx));
	uptime(up, sizeof up, device_uptime(dev));
	/* [V] 9.9(2) capture: "failover cluster up 87 days 15 hours". */
	if (failover_cluster_up(dev, &fsecs)) {
		uptime(cup, sizeof cup, fsecs);
		snprintf(fup, sizeof fup, "failover cluster up %s\n", cup);
	}
	if (is_84(dev->version)) {
		/* The 8.4(1) example: no blank lines, one of 14 blanks. */
		out_printf(ctx->out, "Cisco Adaptive Security Appliance "
		    "Software Version %s\nDevice Manager Version %s\n"
		    "Compiled on %s by builders\n"
		    "System image file is \"%s\"\n"
		    "Config file at boot was \"startup-config\"\n"
		    "              \n%s up %s\n%s", ver,
		    software_asdm(dev->version),
		    software_compiled(dev->version),
		    software_image(dev, image, sizeof image), dev->hostname,
		    up, fup);
		return;
	}
	out_printf(ctx->out, "\nCisco Adaptive Security Appliance Software "
	    "Version %s\nDevice Manager Version %s\n\n", ver,
	    software_asdm(dev->version));
	out_printf(ctx->out, "Compiled on %s by builders\n"
	    "System image file is \"%s\"\n"
	    "Config file at boot was \"startup-config\"\n\n%s up %s\n%s\n",
	    software_compiled(dev->version),
	    software_image(dev, image, sizeof image), dev->hostname, up, fup);
}

static void
print_hardware(struct cmd_ctx *ctx)
{
	const struct lic_platform *p = ctx->dev->platform;
	uint32_t		   v = ctx->dev->version;
	char			   mac[32];
	unsigned		   base = mac_base(ctx->dev);

	for (size_t i = 0; i < p->nhw_lines; i++) {
		const struct lic_hw_line *l = &p->hw_lines[i];

		if (v >= l->sw.first && v <= l->sw.last) {
			out_puts(ctx->out, l->text);
			out_puts(ctx->out, "\n");
		}
	}
	out_puts(ctx->out, "\n");
	/*
	 * The name is padded to 20, not cut: a longer one meets its colon
	 * ("TenGigabitEthernet5/0: address is", the only capture with such
	 * a name, captures/upgrade/misc_short-samples.txt; every shorter
	 * name of every capture keeps the column, "Internal-Control0/0 :").
	 */
	for (size_t i = 0; i < p->nports; i++) {
		const struct lic_port *port = &p->ports[i];

		/* "%2u: %s: %-20s: address is %s, irq %u" */
		out_u32(ctx->out, port->index, 2);
		out_puts(ctx->out, port->internal ? ": Int: " : ": Ext: ");
		out_pad(ctx->out, port->name, 20);
		out_puts(ctx->out, ": ");
		if (port->has_mac) {
			if (port->address == NULL)
				mac_address(base, port->index, mac, sizeof mac);
			out_puts(ctx->out, "address is ");
			out_puts(ctx->out, port->address != NULL ?
			    port->address : mac);
			out_puts(ctx->out, ", ");
		}
		out_puts(ctx->out, "irq ");
		out_u32(ctx->out, port->irq, 0);
		out_puts(ctx->out, "\n");
	}
	out_puts(ctx->out, "\n");
}

static void
print_modified(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	char		 when[64];

	if (!dev->modified) {
		out_puts(ctx->out, "Configuration has not been modified since "
		    "last system restart.\n");
		return;
	}
	out_printf(ctx->out, "Configuration last modified by %s at %s\n",
	    dev->modified_by, device_format_time(dev->modified_at, when,
	    sizeof when));
}

static void
print_tail(struct cmd_ctx *ctx)
{
	out_printf(ctx->out, "Serial Number: %s\n", ctx->dev->serial);
	license_running_keys(ctx->out, ctx->dev);
	out_puts(ctx->out, "Configuration register is 0x1\n");
	print_modified(ctx);
}

/* A context's show version (see the top of the file). */
static void
show_version_context(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	const struct lic_platform *p = dev->platform;
	char		 ver[32], up[64];

	lic_version_format(dev->version, ver, sizeof ver);
	uptime(up, sizeof up, device_uptime(dev));
	out_printf(ctx->out, "\nCisco Adaptive Security Appliance Software "
	    "Version %s%s\nDevice Manager Version %s\n\n"
	    "Compiled on %s by builders\n\n%s up %s\n\n", ver,
	    space_mark(ctx), software_asdm(dev->version),
	    software_compiled(dev->version), device_system_hostname(dev), up);
	for (size_t i = 0; i < p->nhw_lines; i++) {
		const struct lic_hw_line *l = &p->hw_lines[i];

		if (dev->version >= l->sw.first && dev->version <= l->sw.last) {
			out_printf(ctx->out, "%s\n\n", l->text);
			break;
		}
	}
	license_block_user(ctx->out, dev);
	out_puts(ctx->out, "\n");
	print_modified(ctx);
}

static enum cmd_status
show_version_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;

	(void)args;
	if (cmd_in_context(ctx)) {
		show_version_context(ctx);
		return CMD_OK;
	}
	print_header(ctx);
	print_hardware(ctx);
	license_block(ctx->out, dev, &dev->lic.run, is_84(dev->version));
	if (is_84(dev->version)) {
		out_printf(ctx->out, "%s\n", license_sentence(dev));
		license_flash_line(ctx->out, dev);
		license_timed_stanzas(ctx->out, dev, true, true);
		failover_license_block(ctx->out, dev, true);
	} else {
		out_printf(ctx->out, "\n%s\n\n", license_sentence(dev));
		failover_license_block(ctx->out, dev, false);
	}
	print_tail(ctx);
	return CMD_OK;
}

static const struct cmd_help show_version_help[] = {
	{ "show", HELP_SHOW },
	{ "version", "Display the system hardware and software status" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_version_entry = {
	.syntax = "show version",
	.help = show_version_help,
	.modes = MODES_ALL,
	.exec = show_version_exec,
};
