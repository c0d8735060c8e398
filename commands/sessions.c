/* SPDX-License-Identifier: MIT */
/*
 * who, show ssh sessions, ssh disconnect <sid>: the sessions of a running
 * device. Logins through sshd (scripts/serve-ssh.sh) are SSH sessions;
 * a local asaemu attach counts as a session from 127.0.0.1. The console
 * is in neither list, as on an ASA. A device run for one batch has only
 * the console.
 */
#include "commands/commands.h"

#include <stdlib.h>

#include "commands/commands_int.h"

static const char *
info_from(const struct server_info *si)
{
	return si->from[0] != '\0' ? si->from : "127.0.0.1";
}

static struct server_info *
sessions(struct cmd_ctx *ctx, size_t *n)
{
	struct server	*srv = session_server(ctx->sess);

	*n = 0;
	return srv != NULL ? server_list(srv, ctx->sess, n) : NULL;
}

static enum cmd_status
who_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	size_t			 n;
	struct server_info	*v = sessions(ctx, &n);

	(void)args;
	for (size_t i = 0; i < n; i++)
		if (!v[i].console)
			out_printf(ctx->out, msg(MSG_WHO_ROW), v[i].id,
			    info_from(&v[i]));
	free(v);
	return CMD_OK;
}

static enum cmd_status
show_ssh_sessions_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	size_t			 n;
	struct server_info	*v = sessions(ctx, &n);

	(void)args;
	out_puts(ctx->out, msg(MSG_SSH_SESSIONS_HEADER));
	for (size_t i = 0; i < n; i++) {
		const char *user = v[i].user[0] != '\0' ? v[i].user : "pix";

		if (v[i].console || !v[i].ssh)
			continue;
		out_printf(ctx->out, msg(MSG_SSH_SESSIONS_ROW), v[i].id,
		    info_from(&v[i]), user, user);
	}
	free(v);
	return CMD_OK;
}

static enum cmd_status
ssh_disconnect_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct server	*srv = session_server(ctx->sess);
	uint32_t	 sid = cmd_arg_u32(args, "sid", 0);

	if (srv == NULL || server_disconnect(srv, sid) != 0)
		return cmd_error(ctx, MSG_SSH_NO_SESSION, sid);
	return CMD_OK;
}

static const struct cmd_help who_help[] = {
	{ "who", "Show active administration sessions on the ASA" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_who_entry = {
	.syntax = "who",
	.help = who_help,
	.modes = MODES_ALL,
	.exec = who_exec,
};

static const struct cmd_help show_ssh_sessions_help[] = {
	{ "ssh", "Show SSH information" },
	{ "sessions", "Show SSH session information" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_ssh_sessions_entry = {
	.syntax = "show ssh sessions",
	.help = show_ssh_sessions_help,
	.modes = MODES_EXEC,
	.exec = show_ssh_sessions_exec,
};

static const struct cmd_help ssh_disconnect_help[] = {
	{ "ssh", "Configure SSH options" },
	{ "disconnect", "Disconnect an SSH session" },
	{ "sid", "SSH session ID" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_ssh_disconnect_entry = {
	.syntax = "ssh disconnect <sid:0-65535>",
	.help = ssh_disconnect_help,
	.modes = MODES_EXEC,
	.exec = ssh_disconnect_exec,
};
