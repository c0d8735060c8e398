/* SPDX-License-Identifier: MIT */
/*
 * Device identity and terminal: hostname, enable password, show curpriv,
 * terminal pager|width, pager lines, show clock, clock set.
 */
#include "commands/commands.h"

#include <ctype.h>
#include <errno.h>
#include <md5.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands/commands_int.h"

/*
 * The ASA's "pix-md5" enable password hash: MD5 of the password padded
 * with NULs to 16 bytes; of each 4-byte group the first three bytes, read
 * little-endian, give four characters of the crypt(3) alphabet. The empty
 * password hashes to 8Ry2YjIyt7RRXU24, the line every default ASA
 * configuration shows.
 */
void
cmd_enable_hash(const char *pw, char out[17])
{
	static const char alphabet[] = "./0123456789"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char	 in[16] = { 0 }, md[MD5_DIGEST_LENGTH];
	MD5_CTX		 c;
	size_t		 len = strlen(pw);

	memcpy(in, pw, len < sizeof in ? len : sizeof in);
	MD5Init(&c);
	MD5Update(&c, in, sizeof in);
	MD5Final(md, &c);
	for (int i = 0; i < 4; i++) {
		unsigned long v = md[4 * i] | md[4 * i + 1] << 8 |
		    (unsigned long)md[4 * i + 2] << 16;

		for (int j = 0; j < 4; j++, v >>= 6)
			out[4 * i + j] = alphabet[v & 0x3f];
	}
	out[16] = '\0';
}

static bool
hostname_valid(const char *name)
{
	size_t	 len = strlen(name);

	if (len == 0 || len > 63 || !isalpha((unsigned char)name[0]) ||
	    !isalnum((unsigned char)name[len - 1]))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '-')
			return false;
	return true;
}

static enum cmd_status
hostname_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*name = cmd_arg_has(args, "no") ? "ciscoasa" :
	    cmd_arg_str(args, "name");

	if (!hostname_valid(name))
		return cmd_error(ctx, MSG_HOSTNAME_INVALID);
	free(ctx->dev->hostname);
	ctx->dev->hostname = xstrdup(name);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help hostname_help[] = {
	{ "hostname", "Change host name of the system" },
	{ "name", "New name for this system" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_hostname_entry = {
	.syntax = "hostname <name:word>",
	.help = hostname_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = hostname_exec,
};

/* "no hostname" may omit the name. */
const struct cmd_entry cmd_no_hostname_entry = {
	.syntax = "hostname [<name:word>]",
	.help = hostname_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = hostname_exec,
};

static enum cmd_status
enable_password_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct device	*dev = ctx->dev;
	const char	*pw = cmd_arg_str(args, "password");

	if (cmd_arg_has(args, "no") || pw == NULL)
		dev->enable_hash[0] = '\0';
	else if (cmd_arg_has(args, "encrypted"))
		snprintf(dev->enable_hash, sizeof dev->enable_hash, "%s", pw);
	else
		cmd_enable_hash(pw, dev->enable_hash);
	device_touch(dev);
	return CMD_OK;
}

static const struct cmd_help enable_password_help[] = {
	{ "enable", HELP_ENABLE },
	{ "password", "Assign privileged level password" },
	{ "encrypted", "Indicates the password entered is encrypted" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_enable_password_entry = {
	.syntax = "enable password <password:word> [encrypted]",
	.help = enable_password_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = enable_password_exec,
};

const struct cmd_entry cmd_no_enable_password_entry = {
	.syntax = "enable password [<password:word> [encrypted]]",
	.help = enable_password_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = enable_password_exec,
};

static enum cmd_status
show_curpriv_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum mode	 m = session_mode(ctx->sess);

	(void)args;
	if (m == MODE_USER)
		out_printf(ctx->out, msg(MSG_CURPRIV), "enable_1", 1, "P_UNPR");
	else
		out_printf(ctx->out, msg(MSG_CURPRIV), "enable_15", 15,
		    m == MODE_PRIV ? "P_PRIV" : "P_CONF");
	return CMD_OK;
}

static const struct cmd_help show_curpriv_help[] = {
	{ "show", HELP_SHOW },
	{ "curpriv", "Display current privilege level" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_curpriv_entry = {
	.syntax = "show curpriv",
	.help = show_curpriv_help,
	.modes = MODES_ALL,
	.exec = show_curpriv_exec,
};

static enum cmd_status
terminal_pager_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	uint32_t	 n = cmd_arg_u32(args, "count", 0);

	if (cmd_arg_has(args, "no"))
		n = 0;
	ctx->term_pager = n;
	ctx->term_pager_set = true;
	out_pager_set(ctx->out, n);
	return CMD_OK;
}

static const struct cmd_help terminal_pager_help[] = {
	{ "terminal", HELP_TERMINAL },
	{ "pager", HELP_PAGER },
	{ "lines", "The number of lines on a page before the More prompt" },
	{ "count", "Number of lines on a screen before the More prompt; 0 "
	    "means no page limit" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_terminal_pager_entry = {
	.syntax = "terminal pager [[lines] <count:0-2147483647>]",
	.help = terminal_pager_help,
	.modes = MODES_EXEC,
	.flags = CMD_F_NO_FORM,
	.exec = terminal_pager_exec,
};

static enum cmd_status
terminal_width_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	session_set_width(ctx->sess, cmd_arg_has(args, "no") ? 80 :
	    cmd_arg_u32(args, "columns", 80));
	return CMD_OK;
}

static const struct cmd_help terminal_width_help[] = {
	{ "terminal", HELP_TERMINAL },
	{ "width", "Set width of the display terminal" },
	{ "columns", "Width of the display terminal in columns" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_terminal_width_entry = {
	.syntax = "terminal width <columns:24-511>",
	.help = terminal_width_help,
	.modes = MODES_EXEC,
	.exec = terminal_width_exec,
};

static enum cmd_status
show_terminal_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	out_printf(ctx->out, msg(MSG_SHOW_TERMINAL),
	    session_width(ctx->sess));
	return CMD_OK;
}

static const struct cmd_help show_terminal_help[] = {
	{ "show", HELP_SHOW },
	{ "terminal", "Display terminal settings" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_terminal_entry = {
	.syntax = "show terminal",
	.help = show_terminal_help,
	.modes = MODES_ALL,
	.exec = show_terminal_exec,
};

static enum cmd_status
pager_lines_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	uint32_t	 n = cmd_arg_has(args, "no") ? 0 :
	    cmd_arg_u32(args, "count", 24);

	ctx->dev->pager_lines = n;
	if (!ctx->term_pager_set)
		out_pager_set(ctx->out, n);
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help pager_lines_help[] = {
	{ "pager", HELP_PAGER },
	{ "lines", "The number of lines on a page before the More prompt" },
	{ "count", "Number of lines on a screen before the More prompt" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_pager_lines_entry = {
	.syntax = "pager [lines] <count:1-2147483647>",
	.help = pager_lines_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = pager_lines_exec,
};

/* "no pager" turns paging off for every session. */
const struct cmd_entry cmd_no_pager_lines_entry = {
	.syntax = "pager [[lines] <count:1-2147483647>]",
	.help = pager_lines_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = pager_lines_exec,
};

static enum cmd_status
show_clock_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	char	 buf[64];

	(void)args;
	out_printf(ctx->out, "%s\n", device_format_time(device_now(ctx->dev),
	    buf, sizeof buf));
	return CMD_OK;
}

static const struct cmd_help show_clock_help[] = {
	{ "show", HELP_SHOW },
	{ "clock", "Display the system clock" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_clock_entry = {
	.syntax = "show clock",
	.help = show_clock_help,
	.modes = MODES_ALL,
	.exec = show_clock_exec,
};

static int
month_index(const char *name)
{
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november",
		"december"
	};
	size_t	 len = strlen(name);

	for (int i = 0; i < 12; i++)
		if (len > 0 && strncasecmp(months[i], name, len) == 0)
			return i;
	return -1;
}

static enum cmd_status
clock_set_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct tm	 tm;
	const char	*hms = cmd_arg_str(args, "time");
	time_t		 t;
	int		 day = (int)cmd_arg_u32(args, "day", 1);

	memset(&tm, 0, sizeof tm);
	sscanf(hms, "%d:%d:%d", &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	tm.tm_mday = day;
	tm.tm_mon = month_index(cmd_arg_str(args, "month"));
	tm.tm_year = (int)cmd_arg_u32(args, "year", 1993) - 1900;
	t = timegm(&tm);
	/* timegm normalises 31 Feb into March: refuse such a date. */
	if (tm.tm_mday != day)
		return cmd_error(ctx, MSG_CLOCK_INVALID);
	if (device_set_time(ctx->dev, t) != 0)
		return cmd_error(ctx, MSG_FLASH_WRITE_FAILED,
		    strerror(errno));
	return CMD_OK;
}

static const struct cmd_help clock_set_help[] = {
	{ "clock", HELP_CLOCK },
	{ "set", "Set the time and date" },
	{ "time", "Current Time" },
	{ "day", "Day of the month" },
	{ "month", "Month of the year" },
	{ "year", "Year" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_clock_set_entry = {
	.syntax = "clock set <time:hhmmss> (<day:day> <month:month> | "
	    "<month:month> <day:day>) <year:year>",
	.help = clock_set_help,
	.modes = MODES_EXEC,
	.exec = clock_set_exec,
};
