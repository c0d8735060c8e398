/* SPDX-License-Identifier: MIT */
/*
 * The configuration: show running-config, show startup-config, write
 * memory|erase|terminal, and the boot-time replay of the startup
 * configuration. Framing from reference 6.9 and 6.10; keys are never part
 * of it (chapter: "not stored in your configuration file").
 */
#include "commands/commands.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

#define STARTUP_FILE "startup-config"

char *
config_render(const struct device *dev, bool mask)
{
	struct strbuf	 sb;
	const char	*enable = dev->enable_hash;

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "hostname %s\n", dev->hostname);
	strbuf_printf(&sb, "enable password %s encrypted\n",
	    enable[0] != '\0' ? enable : ENABLE_HASH_EMPTY);
	strbuf_puts(&sb, "!\n");
	iface_render(&sb, dev, NULL);
	if (dev->pager_lines == 0)
		strbuf_puts(&sb, "no pager\n");
	else
		strbuf_printf(&sb, "pager lines %u\n", dev->pager_lines);
	ls_render(&sb, dev, mask);
	aaa_render(&sb, dev);
	ssh_render(&sb, dev);
	tls_render(&sb, dev);
	webvpn_render(&sb, dev);
	username_render(&sb, dev);
	return strbuf_take(&sb);
}

/* MD5 of the configuration as 32 hex digits: the ASA's Cryptochecksum. */
static void
checksum(const char *text, size_t len, char out[33])
{
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 mdlen;

	EVP_Digest(text, len, md, &mdlen, EVP_md5(), NULL);
	for (unsigned i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/*
 * The 8.2-9.1 framing (reference 6.10 [M med]): ": Saved", ":", the
 * version line with its trailing blank, "!", the body, the checksum of
 * what precedes it, ": end".
 */
char *
config_render_saved(const struct device *dev, char sum[33], bool mask)
{
	struct strbuf	 sb;
	char		 ver[32];
	char		*body = config_render(dev, mask);

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, ": Saved\n:\nASA Version %s \n!\n%s",
	    lic_version_format(dev->version, ver, sizeof ver), body);
	checksum(sb.buf, sb.len, sum);
	strbuf_printf(&sb, "Cryptochecksum:%s\n: end\n", sum);
	free(body);
	return strbuf_take(&sb);
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
	char		*text = device_flash_read(ctx->dev, STARTUP_FILE, NULL);
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
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_startup_config_entry = {
	.syntax = "show startup-config",
	.help = show_startup_config_help,
	.modes = MODES_EXEC,
	.exec = show_startup_config_exec,
};

static enum cmd_status
write_memory_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char	 sum[33];
	char	*text = config_render_saved(ctx->dev, sum, false);
	size_t	 len = strlen(text);
	int	 rc;

	(void)args;
	out_puts(ctx->out, msg(MSG_BUILDING));
	rc = device_flash_write(ctx->dev, STARTUP_FILE, text, len);
	free(text);
	if (rc != 0)
		return cmd_error(ctx, MSG_FLASH_WRITE_FAILED, strerror(errno));
	out_printf(ctx->out, msg(MSG_CHECKSUM_WRITE), sum, sum + 8, sum + 16,
	    sum + 24);
	out_printf(ctx->out, msg(MSG_BYTES_COPIED), len);
	out_puts(ctx->out, msg(MSG_OK));
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
 * Replay the startup configuration, line by line, in configuration mode,
 * as the ASA does at boot. Comment lines (':' and '!') and the framing are
 * skipped. A line starting with a blank belongs to the sub-mode the line
 * before entered ("interface" and its " nameif ..."); any other line runs
 * in configuration mode. A fresh boot has not modified the configuration.
 */
void
cmd_boot(struct cmd_ctx *ctx)
{
	char	*text = device_flash_read(ctx->dev, STARTUP_FILE, NULL);
	char	*line, *next;

	/* A start on an existing flash is a reload: the keys come first. */
	cmd_license_boot(ctx);
	if (text == NULL)
		return;
	session_set_mode(ctx->sess, MODE_CONFIG);
	ctx->replay = true;
	for (line = text; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (*line == ':' || *line == '!' ||
		    strncmp(line, "ASA Version ", 12) == 0 ||
		    strncmp(line, "Cryptochecksum:", 15) == 0)
			continue;
		if (*line != ' ')
			session_set_mode(ctx->sess, MODE_CONFIG);
		session_exec(ctx->sess, line);
	}
	ctx->replay = false;
	session_set_mode(ctx->sess, MODE_USER);
	ctx->dev->modified = false;
	free(text);
}
