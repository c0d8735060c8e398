/* SPDX-License-Identifier: MIT */
/*
 * copy [/noconfirm] SRC DST: between disk0: (flash:), the lab's servers
 * (tftp://, ftp://, http://, scp://: folders LAB/hosts/ADDRESS) and the
 * configurations (running-config, startup-config). The dialogs and the
 * progress follow the verified 9.5 and 8.4 captures: a server source asks
 * the host, (ftp: the user and password,) the source file name, then the
 * destination file name; from running-config the source name comes
 * first; Enter keeps the value in brackets.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

#define STARTUP_FILE "startup-config"

/* Ask for a server's address (and ftp's user), then the file name. */
static bool
ask_server(struct cmd_ctx *ctx, struct fs_url *u, bool src)
{
	const char	*a;

	if ((a = fs_ask(ctx, MSG_REMOTE_HOST, u->host)) == NULL)
		return false;
	if (a != u->host)
		snprintf(u->host, sizeof u->host, "%s", a);
	if (src && u->user[0] != '\0') {
		if ((a = fs_ask(ctx, MSG_SOURCE_USER, u->user)) == NULL)
			return false;
		if (a != u->user)
			snprintf(u->user, sizeof u->user, "%s", a);
		if ((a = fs_ask(ctx, MSG_SOURCE_PASSWORD, u->pass)) == NULL)
			return false;
		if (a != u->pass)
			snprintf(u->pass, sizeof u->pass, "%s", a);
	}
	return true;
}

static bool
ask_file(struct cmd_ctx *ctx, enum msg_id id, char *path, size_t len,
    const char *dflt)
{
	const char	*a = fs_ask(ctx, id, dflt);

	if (a == NULL)
		return false;
	if (a != path)
		snprintf(path, len, "%s", a);
	return true;
}

/* The dialog: false when input ended (the copy does not happen). */
static bool
dialog(struct cmd_ctx *ctx, struct fs_url *src, struct fs_url *dst)
{
	char		 dflt[256];

	if (src->kind == FS_SERVER) {
		if (!ask_server(ctx, src, true) || !ask_file(ctx,
		    MSG_SOURCE_FILENAME, src->path, sizeof src->path,
		    src->path))
			return false;
	} else if (src->kind == FS_DISK) {
		if (!ask_file(ctx, MSG_SOURCE_FILENAME, src->path,
		    sizeof src->path, src->path))
			return false;
	} else if (dst->kind == FS_SERVER || dst->kind == FS_DISK) {
		if (fs_ask(ctx, MSG_SOURCE_FILENAME, src->kind ==
		    FS_RUNNING ? "running-config" : "startup-config") == NULL)
			return false;
	}
	switch (dst->kind) {
	case FS_SERVER:
		if (!ask_server(ctx, dst, false))
			return false;
		/* FALLTHROUGH */
	case FS_DISK:
		snprintf(dflt, sizeof dflt, "%s", dst->path[0] != '\0' ?
		    dst->path : fs_basename(src->path));
		return ask_file(ctx, MSG_DEST_FILENAME, dst->path,
		    sizeof dst->path, dflt);
	case FS_RUNNING:
		return fs_ask(ctx, MSG_DEST_FILENAME, "running-config") !=
		    NULL;
	case FS_STARTUP:
		return fs_ask(ctx, MSG_DEST_FILENAME, "startup-config") !=
		    NULL;
	}
	return true;
}

/* The source's bytes (caller frees), or an error printed. */
static enum cmd_status
read_source(struct cmd_ctx *ctx, const struct fs_url *src, char **data,
    size_t *len)
{
	char	 name[320], sum[33];

	switch (src->kind) {
	case FS_RUNNING:
		*data = config_render_saved(ctx->dev, sum, false);
		*len = strlen(*data);
		out_printf(ctx->out, msg(MSG_COPY_CHECKSUM), sum, sum + 8,
		    sum + 16, sum + 24);
		return CMD_OK;
	case FS_STARTUP:
		if ((*data = device_flash_read(ctx->dev, STARTUP_FILE, len))
		    != NULL)
			return CMD_OK;
		errno = ENOENT;
		break;
	case FS_SERVER:
		out_printf(ctx->out, msg(MSG_COPY_ACCESSING),
		    fs_display(src, name, sizeof name));
		if (src->path[0] == '\0')
			errno = EISDIR;
		else if (device_disk_read(ctx->dev, src->host, src->path, data,
		    len) == 0) {
			fs_progress(ctx->out, *len);
			return CMD_OK;
		}
		break;
	case FS_DISK:
		if (device_disk_read(ctx->dev, NULL, src->path, data, len) == 0)
			return CMD_OK;
		break;
	}
	return cmd_error(ctx, MSG_FS_OPEN_ERROR, fs_display(src, name,
	    sizeof name), fs_strerror(errno));
}

/* A file that exists: "Do you want to over write? [confirm]". */
static bool
overwrite_ok(struct cmd_ctx *ctx, const struct fs_url *dst, bool noconfirm)
{
	struct disk_entry e;

	if (noconfirm || device_disk_stat(ctx->dev, dst->kind == FS_SERVER ?
	    dst->host : NULL, dst->path, &e) != 0 || dst->kind == FS_SERVER)
		return true;
	out_printf(ctx->out, msg(MSG_COPY_EXISTS), "");
	return fs_confirm(ctx, msg(MSG_COPY_OVERWRITE));
}

static enum cmd_status
write_dest(struct cmd_ctx *ctx, const struct fs_url *src,
    const struct fs_url *dst, const char *data, size_t len, bool noconfirm)
{
	char	 name[320];
	bool	 remote = src->kind == FS_SERVER || dst->kind == FS_SERVER;

	switch (dst->kind) {
	case FS_RUNNING:
		config_replay(ctx, data);
		fs_copied(ctx->out, len, remote);
		return CMD_OK;
	case FS_STARTUP:
		if (device_flash_write(ctx->dev, STARTUP_FILE, data, len) != 0)
			return cmd_error(ctx, MSG_FLASH_WRITE_FAILED,
			    strerror(errno));
		fs_copied(ctx->out, len, remote);
		return CMD_OK;
	case FS_DISK:
	case FS_SERVER:
		break;
	}
	fs_display(dst, name, sizeof name);
	if (dst->path[0] == '\0' || dst->path[strlen(dst->path) - 1] == '/')
		return cmd_error(ctx, MSG_COPY_WRITE_ERROR, name,
		    fs_strerror(EISDIR));
	if (!overwrite_ok(ctx, dst, noconfirm))
		return CMD_OK;
	if (dst->kind == FS_DISK)
		out_printf(ctx->out, msg(MSG_COPY_WRITING), name);
	if (device_disk_write(ctx->dev, dst->kind == FS_SERVER ? dst->host :
	    NULL, dst->path, data, len) != 0)
		return cmd_error(ctx, MSG_COPY_WRITE_ERROR, name,
		    fs_strerror(errno));
	fs_progress(ctx->out, len);
	fs_copied(ctx->out, len, remote);
	return CMD_OK;
}

static enum cmd_status
copy_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 src, dst;
	const char	*s = cmd_arg_str(args, "src"), *d = cmd_arg_str(args,
			    "dst");
	bool		 noconfirm = cmd_arg_has(args, "/noconfirm");
	char		*data = NULL;
	size_t		 len = 0;
	enum cmd_status	 st;

	if (fs_parse(s, &src) != 0)
		return cmd_error(ctx, MSG_FS_INVALID, s);
	if (fs_parse(d, &dst) != 0)
		return cmd_error(ctx, MSG_FS_INVALID, d);
	if (src.kind == dst.kind && (src.kind == FS_RUNNING ||
	    src.kind == FS_STARTUP))
		return cmd_error(ctx, MSG_FS_INVALID, d);
	if ((dst.kind == FS_DISK || dst.kind == FS_SERVER) &&
	    dst.path[0] == '\0')
		snprintf(dst.path, sizeof dst.path, "%s",
		    fs_basename(src.path));
	if (!noconfirm && !dialog(ctx, &src, &dst))
		return CMD_OK;
	if ((st = read_source(ctx, &src, &data, &len)) != CMD_OK)
		return st;
	st = write_dest(ctx, &src, &dst, data, len, noconfirm);
	free(data);
	return st;
}

static const struct cmd_help copy_help[] = {
	{ "copy", "Copy from one file to another" },
	{ "/noconfirm", "Do not prompt for confirmation" },
	{ "src", "disk0:, flash:, tftp:, ftp:, http:, scp:, running-config "
	    "or startup-config" },
	{ "dst", "disk0:, flash:, tftp:, ftp:, scp:, running-config or "
	    "startup-config" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_copy_entry = {
	.syntax = "copy [/noconfirm] <src:word> <dst:word>",
	.help = copy_help,
	.modes = MODES_EXEC,
	.exec = copy_exec,
};
