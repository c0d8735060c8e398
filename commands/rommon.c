/* SPDX-License-Identifier: MIT */
/*
 * ROMMON, where a device waits when no image loads (reload.c boots into
 * it): dir, boot [IMAGE], confreg, the variables (NAME=value, set, sync
 * and the lower-case address/server/gateway/file/interface), ping
 * server and tftpdnld, which fetches IMAGE from SERVER (the lab's
 * LAB/hosts/SERVER folder, as copy tftp:// reads it) and boots it
 * without writing it to disk0:. Each command moves the prompt's number
 * on (rommon #N>). Layout: the ASA 9.9 ASDM guide's "Load an Image
 * Using ROMMON" [D] and the captures of reference 3.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

/*
 * Every line typed at ROMMON moves the prompt's number on, a command, an
 * error or an empty line alike (reference 3's captures: "rommon #0>",
 * then "rommon #1> ?"); a boot that ends in ROMMON starts again at 0.
 */
void
cmd_rommon_line(struct cmd_ctx *ctx)
{
	if (ctx->rommon_new)
		ctx->rommon_new = false;
	else if (session_mode(ctx->sess) == MODE_ROMMON)
		ctx->rommon_n++;
}

static enum cmd_status
rommon_boot_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*image = cmd_arg_str(args, "image");
	struct boot_plan plan;

	if (image == NULL) {
		device_boot_plan(ctx->dev, &plan);
		cmd_boot_plan_run(ctx, &plan);
		return CMD_OK;
	}
	memset(&plan, 0, sizeof plan);
	plan.chosen = -1;
	plan.configured = 1;
	plan.ntries = 1;
	if (strncmp(image, "disk0:", 6) == 0)
		image += 6;
	while (*image == '/')
		image++;
	snprintf(plan.tries[0].path, sizeof plan.tries[0].path, "%s", image);
	plan.tries[0].result = device_image_probe(ctx->dev, image,
	    &plan.tries[0].info);
	if (plan.tries[0].result == BOOT_OK)
		plan.chosen = 0;
	cmd_boot_plan_run(ctx, &plan);
	return CMD_OK;
}

static const struct cmd_help rommon_boot_help[] = {
	{ "boot", HELP_BOOT },
	{ "image", "image file spec" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_boot_entry = {
	.syntax = "boot [<image:word>]",
	.help = rommon_boot_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_boot_exec,
};

static enum cmd_status
rommon_dir_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct disk_list l;

	(void)args;
	if (device_disk_list(ctx->dev, "", false, &l) != 0)
		return CMD_OK;
	out_puts(ctx->out, msg(MSG_ROMMON_DIR));
	for (size_t i = 0; i < l.n; i++)
		out_printf(ctx->out, msg(MSG_ROMMON_DIR_ROW), l.v[i].index,
		    (unsigned long long)l.v[i].size, l.v[i].name);
	disk_list_release(&l);
	return CMD_OK;
}

static const struct cmd_help rommon_dir_help[] = {
	{ "dir", HELP_DIR },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_dir_entry = {
	.syntax = "dir",
	.help = rommon_dir_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_dir_exec,
};

static void
print_vars(struct cmd_ctx *ctx)
{
	const struct rommon_vars *rv = device_rommon_vars(ctx->dev);

	out_puts(ctx->out, msg(MSG_ROMMON_SET));
	for (int v = 0; v < RV_COUNT; v++)
		out_printf(ctx->out, msg(MSG_ROMMON_SET_ROW),
		    rommon_var_name(v), rv->v[v]);
	out_puts(ctx->out, "\n");
}

static enum cmd_status
rommon_set_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	print_vars(ctx);
	return CMD_OK;
}

static const struct cmd_help rommon_set_help[] = {
	{ "set", "display all variable settings" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_set_entry = {
	.syntax = "set",
	.help = rommon_set_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_set_exec,
};

/* Set v to value; PORT= echoes the port, its link and MAC address. */
static void
assign(struct cmd_ctx *ctx, enum rommon_var v, const char *value)
{
	const struct rommon_vars *rv;
	char	 mac[32];

	if (device_rommon_set(ctx->dev, v, value) != 0) {
		out_printf(ctx->out, msg(MSG_ROMMON_BAD_VALUE),
		    rommon_var_name(v), value);
		return;
	}
	if (v != RV_PORT)
		return;
	rv = device_rommon_vars(ctx->dev);
	cmd_port_mac(ctx->dev, rv->v[RV_PORT], mac, sizeof mac);
	out_printf(ctx->out, msg(MSG_ROMMON_PORT), rv->v[RV_PORT], mac);
}

static enum cmd_status
rommon_assign_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*a = cmd_arg_str(args, "assign");
	const char	*eq = strchr(a, '=');
	int		 v = rommon_var_lookup(a, (size_t)(eq - a));

	if (v < 0) {
		out_printf(ctx->out, msg(MSG_ROMMON_BAD_VALUE), "variable", a);
		return CMD_ERROR;
	}
	assign(ctx, v, eq + 1);
	return CMD_OK;
}

static const struct cmd_help rommon_assign_help[] = {
	{ "assign", "set a variable (set lists them)" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_assign_entry = {
	.syntax = "<assign:assign>",
	.help = rommon_assign_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_assign_exec,
};

/* The lower-case synonyms of the 9.x guides. */
static enum cmd_status
rommon_var_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct {
		const char	*word;
		enum rommon_var	 v;
	} words[] = {
		{ "address", RV_ADDRESS }, { "server", RV_SERVER },
		{ "gateway", RV_GATEWAY }, { "file", RV_IMAGE },
		{ "interface", RV_PORT },
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (cmd_arg_has(args, words[i].word))
			assign(ctx, words[i].v, cmd_arg_str(args, "value"));
	return CMD_OK;
}

static const struct cmd_help rommon_var_help[] = {
	{ "address", "local IP address" },
	{ "server", "server IP address" },
	{ "gateway", "gateway IP address" },
	{ "file", "application image file path/name" },
	/* One graph node with interface mode's: its help. */
	{ "interface", "Select an interface to configure" },
	{ "value", "the value" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_var_entry = {
	.syntax = "(address | server | gateway | file | interface) "
	    "<value:word>",
	.help = rommon_var_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_var_exec,
};

/*
 * Whether ROMMON reaches the server: an address of its own and a server
 * that is one of the lab's (LAB/hosts/SERVER).
 */
static bool
server_reachable(struct cmd_ctx *ctx, const struct rommon_vars *rv)
{
	struct disk_entry e;

	if (strcmp(rv->v[RV_ADDRESS], "0.0.0.0") == 0 ||
	    strcmp(rv->v[RV_SERVER], "0.0.0.0") == 0)
		return false;
	return device_disk_stat(ctx->dev, rv->v[RV_SERVER], "", &e) == 0;
}

static enum cmd_status
rommon_ping_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct rommon_vars *rv = device_rommon_vars(ctx->dev);
	unsigned	 n = (unsigned)strtoul(rv->v[RV_RETRY], NULL, 10);

	(void)args;
	out_printf(ctx->out, msg(MSG_ROMMON_PING), rv->v[RV_RETRY],
	    rv->v[RV_SERVER], rv->v[RV_PKTTIMEOUT]);
	if (server_reachable(ctx, rv))
		out_printf(ctx->out, msg(MSG_ROMMON_PING_RATE), 100, n,
		    rv->v[RV_RETRY]);
	else
		out_printf(ctx->out, msg(MSG_ROMMON_PING_RATE), 0, 0,
		    rv->v[RV_RETRY]);
	return CMD_OK;
}

static const struct cmd_help rommon_ping_help[] = {
	{ "ping", "Send echo messages" },
	{ "server", "the SERVER variable's address" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_ping_entry = {
	.syntax = "ping server",
	.help = rommon_ping_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_ping_exec,
};

static enum cmd_status
rommon_sync_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	if (device_rommon_sync(ctx->dev) != 0) {
		out_printf(ctx->out, msg(MSG_ROMMON_SYNC_FAILED),
		    strerror(errno));
		return CMD_ERROR;
	}
	out_puts(ctx->out, msg(MSG_ROMMON_SYNC));
	return CMD_OK;
}

static const struct cmd_help rommon_sync_help[] = {
	{ "sync", "save variables in NVRAM" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_sync_entry = {
	.syntax = "sync",
	.help = rommon_sync_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_sync_exec,
};

/*
 * tftpdnld: the variables, the transfer, then the release starts from
 * memory (nothing on disk0: changes). A variable missing, a server out
 * of reach or no such file: ROMMON stays.
 */
static enum cmd_status
rommon_tftpdnld_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const struct rommon_vars *rv = device_rommon_vars(ctx->dev);
	struct image_info info;
	struct disk_entry e;
	enum boot_result r;

	(void)args;
	print_vars(ctx);
	for (int v = RV_ADDRESS; v <= RV_SERVER; v++)
		if (strcmp(rv->v[v], "0.0.0.0") == 0) {
			out_printf(ctx->out, msg(MSG_ROMMON_TFTP_NO_ADDRESS),
			    rommon_var_name(v));
			return CMD_ERROR;
		}
	if (rv->v[RV_IMAGE][0] == '\0') {
		out_puts(ctx->out, msg(MSG_ROMMON_TFTP_NO_IMAGE));
		return CMD_ERROR;
	}
	out_printf(ctx->out, msg(MSG_ROMMON_TFTP), rv->v[RV_IMAGE],
	    rv->v[RV_SERVER], rv->v[RV_GATEWAY]);
	if (!server_reachable(ctx, rv) || device_disk_stat(ctx->dev,
	    rv->v[RV_SERVER], rv->v[RV_IMAGE], &e) != 0 || e.dir) {
		out_printf(ctx->out, msg(MSG_ROMMON_TFTP_FAILED),
		    rv->v[RV_RETRY]);
		return CMD_ERROR;
	}
	out_printf(ctx->out, msg(MSG_ROMMON_TFTP_RECEIVED),
	    (unsigned long long)e.size);
	r = device_host_image_probe(ctx->dev, rv->v[RV_SERVER],
	    rv->v[RV_IMAGE], &info);
	if (r != BOOT_OK) {
		out_puts(ctx->out, msg(MSG_ROMMON_TFTP_BAD_IMAGE));
		return CMD_ERROR;
	}
	device_reboot_tftp(ctx->dev, &info);
	cmd_boot_release(ctx);
	return CMD_OK;
}

static const struct cmd_help rommon_tftpdnld_help[] = {
	{ "tftpdnld", "tftp download" },
	{ "tftp", "tftp download" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_tftpdnld_entry = {
	.syntax = "(tftpdnld | tftp)",
	.help = rommon_tftpdnld_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_tftpdnld_exec,
};

static enum cmd_status
rommon_confreg_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*v = cmd_arg_str(args, "value");

	if (v != NULL)
		out_printf(ctx->out, msg(MSG_ROMMON_CONFREG_SET), v);
	else
		out_puts(ctx->out, msg(MSG_ROMMON_CONFREG));
	return CMD_OK;
}

static const struct cmd_help rommon_confreg_help[] = {
	{ "confreg", "set hex configuration register" },
	{ "value", "the register, 0x1 boots the default image" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rommon_confreg_entry = {
	.syntax = "confreg [<value:word>]",
	.help = rommon_confreg_help,
	.modes = MODE_BIT(MODE_ROMMON),
	.exec = rommon_confreg_exec,
};
