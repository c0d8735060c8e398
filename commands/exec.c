/* SPDX-License-Identifier: MIT */
/*
 * Moving between modes: enable (with its Password: prompt), disable,
 * configure terminal, exit, end, quit and logout. Reference 6.1, 6.2.
 */
#include "commands/commands.h"

#include <string.h>

#include "commands/commands_int.h"

#define ENABLE_TRIES 3

static bool
enable_matches(const struct device *dev, const char *pw)
{
	char	 got[17];

	/* Unset, only the empty password hashes to ENABLE_HASH_EMPTY. */
	if (dev->enable_hash[0] == '\0')
		return *pw == '\0';
	cmd_enable_hash(pw, got);
	return strcmp(dev->enable_hash, got) == 0;
}

static enum cmd_status
enable_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char	*pw;

	(void)args;
	if (session_mode(ctx->sess) != MODE_USER)
		return CMD_OK;
	for (int i = 0; i < ENABLE_TRIES; i++) {
		pw = session_ask(ctx->sess, msg(MSG_ENABLE_PASSWORD), true);
		if (pw != NULL && enable_matches(ctx->dev, pw)) {
			session_set_mode(ctx->sess, MODE_PRIV);
			return CMD_OK;
		}
		if (pw == NULL || i == ENABLE_TRIES - 1)
			break;
		out_puts(ctx->out, msg(MSG_ENABLE_INVALID));
	}
	out_puts(ctx->out, msg(MSG_ENABLE_DENIED));
	return CMD_ERROR;
}

static const struct cmd_help enable_help[] = {
	{ "enable", HELP_ENABLE },
	{ NULL, NULL }
};

const struct cmd_entry cmd_enable_entry = {
	.syntax = "enable",
	.help = enable_help,
	.modes = MODE_BIT(MODE_USER) | MODE_BIT(MODE_PRIV),
	.exec = enable_exec,
};

static enum cmd_status
disable_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	session_set_mode(ctx->sess, MODE_USER);
	return CMD_OK;
}

static const struct cmd_help disable_help[] = {
	{ "disable", "Turn off privileged commands" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_disable_entry = {
	.syntax = "disable",
	.help = disable_help,
	.modes = MODES_EXEC,
	.exec = disable_exec,
};

/*
 * Also in configuration mode, as every privileged EXEC command (reference
 * 6.1 [D]); typed in a sub-mode it leaves the sub-mode (the session's
 * rule for global commands there) [I].
 */
static enum cmd_status
configure_terminal_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	cmd_failover_config_warning(ctx);
	session_set_mode(ctx->sess, MODE_CONFIG);
	return CMD_OK;
}

static const struct cmd_help configure_terminal_help[] = {
	{ "configure", HELP_CONFIGURE },
	{ "terminal", "Configure using terminal/console" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_configure_terminal_entry = {
	.syntax = "configure terminal",
	.help = configure_terminal_help,
	.modes = MODE_BIT(MODE_PRIV) | MODE_BIT(MODE_CONFIG),
	.exec = configure_terminal_exec,
};

/* exit: leave the mode; from EXEC it ends the session. */
static enum cmd_status
exit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum mode	 m = session_mode(ctx->sess);

	(void)args;
	if (m == MODE_USER || m == MODE_PRIV) {
		out_puts(ctx->out, msg(MSG_LOGOFF));
		return CMD_QUIT;
	}
	session_set_mode(ctx->sess, mode_info(m)->parent);
	return CMD_OK;
}

static const struct cmd_help exit_help[] = {
	{ "exit", HELP_EXIT },
	{ NULL, NULL }
};

const struct cmd_entry cmd_exit_entry = {
	.syntax = "exit",
	.help = exit_help,
	.modes = MODES_ALL,
	.exec = exit_exec,
};

static enum cmd_status
quit_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	out_puts(ctx->out, msg(MSG_LOGOFF));
	return CMD_QUIT;
}

static const struct cmd_help quit_help[] = {
	{ "quit", HELP_EXIT },
	{ "logout", HELP_EXIT },
	{ NULL, NULL }
};

const struct cmd_entry cmd_quit_entry = {
	.syntax = "quit",
	.help = quit_help,
	.modes = MODE_BIT(MODE_USER) | MODE_BIT(MODE_PRIV),
	.exec = quit_exec,
};

const struct cmd_entry cmd_logout_entry = {
	.syntax = "logout",
	.help = quit_help,
	.modes = MODE_BIT(MODE_USER) | MODE_BIT(MODE_PRIV),
	.exec = quit_exec,
};

static enum cmd_status
end_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	session_set_mode(ctx->sess, MODE_PRIV);
	return CMD_OK;
}

static const struct cmd_help end_help[] = {
	{ "end", "Exit from configure mode" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_end_entry = {
	.syntax = "end",
	.help = end_help,
	.modes = MODE_BIT(MODE_CONFIG) | MODE_BIT(MODE_CONFIG_IF) |
	    MODE_BIT(MODE_CONFIG_WEBVPN),
	.exec = end_exec,
};
