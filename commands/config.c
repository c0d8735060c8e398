/* SPDX-License-Identifier: MIT */
/*
 * The configuration: show running-config, show startup-config, write
 * memory|erase|terminal, and the boot-time replay of the startup
 * configuration. Framing from reference 6.9 and 6.10; keys are never part
 * of it (chapter: "not stored in your configuration file").
 */
#include "commands/commands.h"

#include <errno.h>
#include <md5.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

#define STARTUP_FILE "startup-config"

/*
 * The body; all (show running-config all) adds the lines a default value
 * leaves out: license-server refresh-interval and port on a server, the
 * tls-proxy maximum-session at its default [I]. The ASA prints many more
 * there, of features asaemu does not have.
 */
static char *
config_body(const struct device *dev, bool mask, bool all)
{
	struct strbuf	 sb;
	const char	*enable = dev->enable_hash;
	bool		 multi = dev->ctxs.multi;
	bool		 sys = multi && dev->ctxs.sel == CTX_SYSTEM;
	size_t		 len;

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "hostname %s\n", dev->hostname);
	strbuf_printf(&sb, "enable password %s encrypted\n",
	    enable[0] != '\0' ? enable : ENABLE_HASH_EMPTY);
	strbuf_puts(&sb, "!\n");
	iface_render(&sb, dev, NULL);
	if (!multi || sys)
		boot_render(&sb, dev);
	if (dev->pager_lines == 0)
		strbuf_puts(&sb, "no pager\n");
	else
		strbuf_printf(&sb, "pager lines %u\n", dev->pager_lines);
	if (!multi || sys) {
		asdm_render(&sb, dev);
		cluster_render(&sb, dev, mask);
		failover_render(&sb, dev, mask);
	}
	if (!multi)
		ls_render(&sb, dev, mask, all);
	if (!sys) {
		aaa_render(&sb, dev);
		ssh_render(&sb, dev);
	}
	len = sb.len;
	if (!multi || sys) {
		tls_render(&sb, dev);
		if (all && sb.len == len)
			strbuf_printf(&sb, "!\ntls-proxy maximum-session "
			    "%u\n!\n", device_tls_sessions(dev));
	}
	if (!sys)
		webvpn_render(&sb, dev);
	if (sys)
		ctx_render(&sb, dev);
	username_render(&sb, dev);
	prompt_render(&sb, dev);
	return strbuf_take(&sb);
}

char *
config_render(const struct device *dev, bool mask)
{
	return config_body(dev, mask, false);
}

/* MD5 of the configuration as 32 hex digits: the ASA's Cryptochecksum. */
static void
checksum(const char *text, size_t len, char out[33])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 md[MD5_DIGEST_LENGTH];
	MD5_CTX		 c;

	MD5Init(&c);
	MD5Update(&c, (const unsigned char *)text, len);
	MD5Final(md, &c);
	for (unsigned i = 0; i < MD5_DIGEST_LENGTH; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[32] = '\0';
}

/* ": Saved", ":", the version line with its trailing blank, "!", body. */
static void
config_head(struct strbuf *sb, const struct device *dev, const char *body)
{
	char	 ver[32];

	/* [M] multiple context mode marks the space: "ASA Version 8.4(2)
	 * <system>", "<context>" (upgrade reference, show version). */
	strbuf_printf(sb, ": Saved\n:\nASA Version %s %s\n!\n",
	    lic_version_format(dev->version, ver, sizeof ver),
	    !dev->ctxs.multi ? "" : dev->ctxs.sel == CTX_SYSTEM ?
	    "<system> " : "<context> ");
	/* Appended, not formatted again (117 KB with 1,000 subinterfaces). */
	strbuf_puts(sb, body);
}

/*
 * The 8.2-9.1 framing (reference 6.10 [M med]): the head, the checksum
 * of what precedes it, ": end". The checksum is always that of the
 * configuration as saved, secrets in clear, so that a masked display and
 * the startup configuration after write memory agree (Ansible's
 * save_when: modified compares the two).
 */
static char *
config_saved(const struct device *dev, char sum[33], bool mask, bool all)
{
	struct strbuf	 sb;
	char		*body = config_body(dev, false, false);

	strbuf_init(&sb, 0);
	config_head(&sb, dev, body);
	checksum(sb.buf, sb.len, sum);
	if (mask || all) {
		free(body);
		body = config_body(dev, mask, all);
		strbuf_reset(&sb);
		config_head(&sb, dev, body);
	}
	strbuf_printf(&sb, "Cryptochecksum:%s\n: end\n", sum);
	free(body);
	return strbuf_take(&sb);
}

char *
config_render_saved(const struct device *dev, char sum[33], bool mask)
{
	return config_saved(dev, sum, mask, false);
}

static enum cmd_status
show_running_config_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char	 sum[33];
	char	*text = config_render_saved(ctx->dev, sum, true);

	(void)args;
	out_puts(ctx->out, text);
	free(text);
	return CMD_OK;
}

static const struct cmd_help show_running_config_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_entry = {
	.syntax = "show running-config",
	.help = show_running_config_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_exec,
};

static enum cmd_status
show_running_config_all_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	char	 sum[33];
	char	*text = config_saved(ctx->dev, sum, true, true);

	(void)args;
	out_puts(ctx->out, text);
	free(text);
	return CMD_OK;
}

static const struct cmd_help show_running_config_all_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "all", "Current operating configuration including defaults" },
	{ NULL, NULL }
};

/* Ansible's get_config and backups ask for it. */
const struct cmd_entry cmd_show_running_config_all_entry = {
	.syntax = "show running-config all",
	.help = show_running_config_all_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_all_exec,
};

/*
 * more system:running-config: the configuration with its secrets in
 * clear (reference 6.10 [V]; Ansible's "passwords: yes"), framed as
 * show running-config: the 9.3 capture's ": Written by" line is not
 * known for 8.2-9.1 and is left out.
 */
static enum cmd_status
more_running_config_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char	 sum[33];
	char	*text = config_saved(ctx->dev, sum, false, false);

	(void)args;
	out_puts(ctx->out, text);
	free(text);
	return CMD_OK;
}

static const struct cmd_help more_running_config_help[] = {
	{ "more", "Display the contents of a file" },
	{ "system:running-config", "Current operating configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_more_running_config_entry = {
	.syntax = "more system:running-config",
	.help = more_running_config_help,
	.modes = MODES_EXEC,
	.exec = more_running_config_exec,
};

/*
 * One saved line as show startup-config prints it: the word after
 * "secret" on a license-server line masked, as show running-config does.
 */
static void
print_masked(struct out *out, const char *line, size_t len)
{
	const char	*s = NULL, *end = line + len;

	if (len > 15 && strncmp(line, "license-server ", 15) == 0)
		for (const char *p = line; p + 8 <= end && s == NULL; p++)
			if (strncmp(p, " secret ", 8) == 0)
				s = p + 8;
	if (s == NULL) {
		out_write(out, line, len);
		return;
	}
	out_write(out, line, (size_t)(s - line));
	out_puts(out, "*****");
	while (s < end && *s != ' ' && *s != '\n')
		s++;
	out_write(out, s, (size_t)(end - s));
}

static enum cmd_status
show_startup_config_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char		*text = config_space_read(ctx->dev);
	const char	*line, *nl;

	(void)args;
	if (text == NULL) {
		out_puts(ctx->out, msg(MSG_NO_STARTUP));
		return CMD_OK;
	}
	for (line = text; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		print_masked(ctx->out, line, (size_t)(nl - line) + 1);
	}
	free(text);
	return CMD_OK;
}

static const struct cmd_help show_startup_config_help[] = {
	{ "show", HELP_SHOW },
	{ "startup-config", "Contents of startup configuration" },
	{ "errors", "Show any errors generated when the startup "
	    "configuration was loaded" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_startup_config_entry = {
	.syntax = "show startup-config",
	.help = show_startup_config_help,
	.modes = MODES_EXEC,
	.exec = show_startup_config_exec,
};

/* [V] comp410 (9.x): what the configuration's lines printed at boot. */
static enum cmd_status
show_startup_config_errors_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	const char	*log = ctx->dev->startup_errors;

	(void)args;
	out_puts(ctx->out, msg(MSG_STARTUP_ERRORS));
	if (log != NULL)
		out_puts(ctx->out, log);
	return CMD_OK;
}

const struct cmd_entry cmd_show_startup_config_errors_entry = {
	.syntax = "show startup-config errors",
	.help = show_startup_config_help,
	.modes = MODES_EXEC,
	.exec = show_startup_config_errors_exec,
};

/*
 * The file of the selected space: the startup configuration (single
 * mode, the system execution space) or the context's config-url.
 */
static int
space_path(const struct device *dev, struct fs_url *u)
{
	size_t		 sel = dev->ctxs.sel;

	if (!dev->ctxs.multi || sel == CTX_SYSTEM)
		return 1;
	if (fs_parse(dev->ctxs.v[sel].url, u) != 0 || u->kind != FS_DISK)
		return -1;
	return 0;
}

char *
config_space_read(const struct device *dev)
{
	struct fs_url	 u;
	char		*text = NULL;
	size_t		 len;

	switch (space_path(dev, &u)) {
	case 1:
		return device_flash_read(dev, STARTUP_FILE, NULL);
	case 0:
		if (device_disk_read(dev, NULL, u.path, &text, &len) == 0)
			return text;
		break;
	}
	return NULL;
}

enum cmd_status
config_space_save(struct cmd_ctx *ctx, char sum[33], size_t *len)
{
	char		*text = config_render_saved(ctx->dev, sum, false);
	struct fs_url	 u;
	int		 rc = -1;

	*len = strlen(text);
	switch (space_path(ctx->dev, &u)) {
	case 1:
		rc = device_flash_write(ctx->dev, STARTUP_FILE, text, *len);
		break;
	case 0:
		rc = device_disk_write(ctx->dev, NULL, u.path, text, *len);
		break;
	default:
		errno = EINVAL;
	}
	free(text);
	if (rc != 0)
		return cmd_error(ctx, MSG_FLASH_WRITE_FAILED, strerror(errno));
	out_printf(ctx->out, msg(MSG_CHECKSUM_WRITE), sum, sum + 8, sum + 16,
	    sum + 24);
	out_printf(ctx->out, msg(MSG_BYTES_COPIED), *len);
	return CMD_OK;
}

static enum cmd_status
write_memory_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char	 sum[33];
	size_t	 len;

	(void)args;
	out_puts(ctx->out, msg(MSG_BUILDING));
	if (config_space_save(ctx, sum, &len) != CMD_OK)
		return CMD_ERROR;
	out_puts(ctx->out, msg(MSG_OK));
	/* The standby saves too: write memory is one of the commands the
	   active unit replicates (ASA configuration guide, "Command
	   Replication"), which lets failover reload-standby boot the new
	   image of a boot system line (the wrmem capture's upgrade). */
	device_failover_replicate(ctx->dev, "write memory");
	return CMD_OK;
}

static const struct cmd_help write_memory_help[] = {
	{ "write", HELP_WRITE },
	{ "memory", "Write to memory" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_write_memory_entry = {
	.syntax = "write [memory]",
	.help = write_memory_help,
	.modes = MODES_EXEC,
	.exec = write_memory_exec,
};

static enum cmd_status
write_erase_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*answer;

	(void)args;
	answer = session_ask(ctx->sess, msg(MSG_ERASE_CONFIRM), false);
	/* [confirm]: Enter or 'y' goes ahead; anything else cancels. */
	if (answer == NULL || (*answer != '\0' && *answer != 'y' &&
	    *answer != 'Y'))
		return CMD_OK;
	if (device_flash_remove(ctx->dev, STARTUP_FILE) != 0)
		return cmd_error(ctx, MSG_FLASH_WRITE_FAILED, strerror(errno));
	out_puts(ctx->out, msg(MSG_OK));
	return CMD_OK;
}

static const struct cmd_help write_erase_help[] = {
	{ "write", HELP_WRITE },
	{ "erase", "Erase startup configuration" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_write_erase_entry = {
	.syntax = "write erase",
	.help = write_erase_help,
	.modes = MODES_EXEC,
	.exec = write_erase_exec,
};

static const struct cmd_help write_terminal_help[] = {
	{ "write", HELP_WRITE },
	{ "terminal", "Write to terminal" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_write_terminal_entry = {
	.syntax = "write terminal",
	.help = write_terminal_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_exec,
};

/*
 * The framing lines of a saved configuration that are not comments:
 * "ASA Version 9.1(7)12 " and "Cryptochecksum:...". Accepted and ignored
 * in configuration mode, so that a configuration pasted back (or copied
 * to running-config) runs without errors [I]. Hidden.
 */
static enum cmd_status
config_framing_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)ctx;
	(void)args;
	return CMD_OK;
}

static const struct cmd_help framing_help[] = {
	{ "ASA", "The software version a saved configuration was made by" },
	{ "Version", "The software version a saved configuration was made by" },
	{ "version", "Software version" },
	{ "sum", "Configuration checksum" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_asa_version_entry = {
	.syntax = "ASA Version <version:line>",
	.help = framing_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_HIDDEN,
	.exec = config_framing_exec,
};

const struct cmd_entry cmd_cryptochecksum_entry = {
	.syntax = "<sum:checksum>",
	.help = framing_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_HIDDEN,
	.exec = config_framing_exec,
};

/*
 * Replay the startup configuration, line by line, in configuration mode,
 * as the ASA does at boot. Comment lines (':' and '!') and the framing are
 * skipped. A line starting with a blank belongs to the sub-mode the line
 * before entered ("interface" and its " nameif ..."); any other line runs
 * in configuration mode. A fresh boot has not modified the configuration.
 */
/*
 * After line number n printed what log holds from at: the marker, the
 * line cut to 24 characters and "..." [V] comp410 (reference 6).
 */
static void
replay_marker(struct cmd_ctx *ctx, struct strbuf *log, size_t at,
    unsigned n, const char *line)
{
	char	 cut[28];

	if (log == NULL || log->len == at)
		return;
	if (strlen(line) > 24)
		snprintf(cut, sizeof cut, "%.24s...", line);
	else
		snprintf(cut, sizeof cut, "%s", line);
	out_printf(ctx->out, msg(MSG_CONFIG_LINE), n, cut);
}

/*
 * Replay text; with log, at boot: markers, and log what was printed.
 * With own, a top-level line own() claims is left out with its sub-mode
 * lines: the unit's own, which a mate's configuration does not replace.
 */
static void
replay_lines(struct cmd_ctx *ctx, const char *saved, struct strbuf *log,
    bool (*own)(const char *))
{
	char	*text = xstrdup(saved);
	char	*line, *next;
	enum mode m = session_mode(ctx->sess);
	bool	 replay = ctx->replay, skip = false;
	unsigned n = 0;
	size_t	 at;

	session_set_mode(ctx->sess, MODE_CONFIG);
	ctx->replay = true;
	out_tap(ctx->out, log);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		n++;
		if (*line != ' ')
			skip = own != NULL && own(line);
		if (skip || *line == ':' || *line == '!' ||
		    (*line == 'A' && strncmp(line, "ASA Version ", 12) == 0) ||
		    (*line == 'C' && strncmp(line, "Cryptochecksum:", 15) == 0))
			continue;
		if (*line != ' ')
			session_set_mode(ctx->sess, MODE_CONFIG);
		at = log != NULL ? log->len : 0;
		session_exec(ctx->sess, line);
		replay_marker(ctx, log, at, n, line);
	}
	out_tap(ctx->out, NULL);
	ctx->replay = replay;
	session_set_mode(ctx->sess, m);
	free(text);
	/* The network and shared licensing, as the lines left them. */
	cmd_network_sync(ctx);
}

void
config_replay(struct cmd_ctx *ctx, const char *saved)
{
	replay_lines(ctx, saved, NULL, NULL);
}

void
config_replay_mate(struct cmd_ctx *ctx, const char *config,
    bool (*own)(const char *))
{
	replay_lines(ctx, config, NULL, own);
}

void
config_replay_boot(struct cmd_ctx *ctx, const char *saved)
{
	struct strbuf	 log;

	strbuf_init(&log, 0);
	replay_lines(ctx, saved, &log, NULL);
	free(ctx->dev->startup_errors);
	ctx->dev->startup_errors = strbuf_take(&log);
}

void
cmd_boot(struct cmd_ctx *ctx)
{
	char	*text;

	/* No image loaded (device/boot.c): the device waits at ROMMON. */
	if (ctx->dev->rommon) {
		session_set_mode(ctx->sess, MODE_ROMMON);
		return;
	}
	text = device_flash_read(ctx->dev, STARTUP_FILE, NULL);
	/* A start on an existing flash is a reload: the keys come first. */
	cmd_license_boot(ctx);
	cmd_space_enter(ctx, NULL);
	if (text == NULL)
		return;
	session_set_mode(ctx->sess, MODE_USER);
	config_replay_boot(ctx, text);
	ctx->dev->modified = false;
	free(text);
}

void
config_load_context(struct cmd_ctx *ctx, size_t i)
{
	struct device	*dev = ctx->dev;
	char		 name[CTX_NAME_MAX + 1], back[CTX_NAME_MAX + 1];
	char		*text;

	/*
	 * A context's file names no other (config-url is the system's):
	 * a file that does (a context pointed at the system's own startup
	 * configuration) loads once, never into itself again.
	 */
	if (ctx->loading_context)
		return;
	snprintf(name, sizeof name, "%s", dev->ctxs.v[i].name);
	snprintf(back, sizeof back, "%s", ctx->space);
	device_context_clear(dev, i);
	device_space_select(dev, i);
	text = config_space_read(dev);
	device_space_select(dev, CTX_SYSTEM);
	if (text == NULL) {
		out_printf(ctx->out, msg(MSG_CTX_NO_URL), dev->ctxs.v[i].url);
		out_puts(ctx->out, msg(MSG_CTX_DEFAULT_CONFIG));
		return;
	}
	cmd_space_enter(ctx, name);
	ctx->loading_context = true;
	config_replay(ctx, text);
	ctx->loading_context = false;
	cmd_space_enter(ctx, back[0] != '\0' ? back : NULL);
	free(text);
}
