/* SPDX-License-Identifier: MIT */
/*
 * The flash file system: dir [/recursive] [PATH], show flash: / show
 * disk0:, delete [/noconfirm] [/recursive] PATH, rename SRC DST, mkdir
 * PATH, rmdir PATH, more PATH, verify [/md5] PATH [HASH]. dir and show
 * flash follow the verified 9.5 and 9.8 listings; the dialogs of delete
 * follow the 9.5 capture; the rest are IOS's wording ([M]).
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* A path on disk0: (or an error printed: CMD_ERROR). */
static enum cmd_status
disk_arg(struct cmd_ctx *ctx, const char *typed, struct fs_url *u)
{
	if (typed == NULL)
		typed = "disk0:";
	if (fs_parse(typed, u) != 0 || u->kind != FS_DISK)
		return cmd_error(ctx, MSG_FS_INVALID, typed);
	return CMD_OK;
}

/*
 * A file name question ("Delete filename [x]?"): the answer, or the
 * default when the answer is empty; NULL at end of input.
 */
const char *
fs_ask(struct cmd_ctx *ctx, enum msg_id id, const char *dflt)
{
	char		*q;
	const char	*a;

	xasprintf(&q, msg(id), dflt);
	a = session_ask(ctx->sess, q, false);
	free(q);
	if (a == NULL)
		return NULL;
	return *a != '\0' ? a : dflt;
}

/* Whether a [confirm] was answered yes (Enter or y). */
bool
fs_confirm(struct cmd_ctx *ctx, const char *question)
{
	const char *a = session_ask(ctx->sess, question, false);

	return a != NULL && (*a == '\0' || *a == 'y' || *a == 'Y');
}

static enum cmd_status
open_error(struct cmd_ctx *ctx, const struct fs_url *u, int err)
{
	char	 name[320];

	return cmd_error(ctx, MSG_FS_OPEN_ERROR, fs_display(u, name,
	    sizeof name), fs_strerror(err));
}

static enum cmd_status
dir_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 u;
	struct disk_list l;
	uint64_t	 total, avail;
	char		 name[320], when[32];

	if (disk_arg(ctx, cmd_arg_str(args, "path"), &u) != CMD_OK)
		return CMD_ERROR;
	if (device_disk_list(ctx->dev, u.path, cmd_arg_has(args,
	    "/recursive"), &l) != 0)
		return open_error(ctx, &u, errno);
	fs_display(&u, name, sizeof name);
	if (u.path[0] != '\0' && name[strlen(name) - 1] != '/')
		strcat(name, "/");
	out_printf(ctx->out, msg(MSG_DIR_HEADER), name);
	if (l.n == 0)
		out_puts(ctx->out, msg(MSG_DIR_EMPTY));
	for (size_t i = 0; i < l.n; i++) {
		const struct disk_entry *e = &l.v[i];
		time_t		 t = (time_t)e->mtime;
		struct tm	 tm;

		gmtime_r(&t, &tm);
		snprintf(when, sizeof when, "%02d:%02d:%02d %s %02d %d",
		    tm.tm_hour, tm.tm_min, tm.tm_sec, months[tm.tm_mon],
		    tm.tm_mday, tm.tm_year + 1900);
		out_printf(ctx->out, msg(MSG_DIR_ROW), e->index,
		    e->dir ? "drwx" : "-rwx", (unsigned long long)e->size,
		    when, e->name);
	}
	disk_list_release(&l);
	device_disk_space(ctx->dev, &total, &avail);
	out_printf(ctx->out, msg(MSG_DIR_TOTALS), (unsigned long long)total,
	    (unsigned long long)avail);
	return CMD_OK;
}

static const struct cmd_help dir_help[] = {
	{ "dir", HELP_DIR },
	{ "/recursive", "List files recursively" },
	{ "path", "disk0: or flash: and a directory or file name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_dir_entry = {
	.syntax = "dir [/recursive] [<path:word>]",
	.help = dir_help,
	.modes = MODES_EXEC,
	.exec = dir_exec,
};

static enum cmd_status
show_flash_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct disk_list l;
	uint64_t	 total, avail;
	char		 when[32];

	(void)args;
	if (device_disk_list(ctx->dev, "", true, &l) != 0)
		l.n = 0;
	out_puts(ctx->out, msg(MSG_FLASH_HEADER));
	for (size_t i = 0; i < l.n; i++) {
		const struct disk_entry *e = &l.v[i];
		time_t		 t = (time_t)e->mtime;
		struct tm	 tm;

		gmtime_r(&t, &tm);
		snprintf(when, sizeof when, "%s %02d %d %02d:%02d:%02d",
		    months[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900,
		    tm.tm_hour, tm.tm_min, tm.tm_sec);
		out_printf(ctx->out, msg(MSG_FLASH_ROW), e->index,
		    (unsigned long long)e->size, when, e->name);
	}
	disk_list_release(&l);
	device_disk_space(ctx->dev, &total, &avail);
	out_printf(ctx->out, msg(MSG_DIR_TOTALS), (unsigned long long)total,
	    (unsigned long long)avail);
	return CMD_OK;
}

static const struct cmd_help show_flash_help[] = {
	{ "show", HELP_SHOW },
	{ "flash:", "display information about flash: file system" },
	{ "disk0:", "display information about disk0: file system" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_flash_entry = {
	.syntax = "show (flash: | disk0:)",
	.help = show_flash_help,
	.modes = MODES_EXEC,
	.exec = show_flash_exec,
};

static enum cmd_status
delete_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 u;
	const char	*file;
	char		 name[320], *q;
	bool		 ok, noconfirm = cmd_arg_has(args, "/noconfirm");

	if (disk_arg(ctx, cmd_arg_str(args, "path"), &u) != CMD_OK)
		return CMD_ERROR;
	if (!noconfirm) {
		/* [V] 9.5: "Delete filename [x]?" then "Delete disk0:/x?" */
		if ((file = fs_ask(ctx, MSG_DELETE_FILENAME, u.path)) == NULL)
			return CMD_OK;
		if (file != u.path)
			snprintf(u.path, sizeof u.path, "%s", file);
		xasprintf(&q, msg(MSG_DELETE_CONFIRM), fs_display(&u, name,
		    sizeof name));
		ok = fs_confirm(ctx, q);
		free(q);
		if (!ok)
			return CMD_OK;
	}
	if (u.path[0] == '\0')
		errno = EISDIR;
	else if (device_disk_remove(ctx->dev, u.path) == 0)
		return CMD_OK;
	return cmd_error(ctx, MSG_DELETE_ERROR, fs_display(&u, name,
	    sizeof name), fs_strerror(errno));
}

static const struct cmd_help delete_help[] = {
	{ "delete", "Delete a file" },
	{ "/noconfirm", "Do not prompt for confirmation" },
	{ "/recursive", "Recursively delete all files in directory" },
	{ "path", "disk0: or flash: and a file name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_delete_entry = {
	.syntax = "delete [/noconfirm] <path:word>",
	.help = delete_help,
	.modes = MODES_EXEC,
	.exec = delete_exec,
};

static enum cmd_status
rename_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 from, to;
	const char	*a;
	char		 n1[320], n2[320];

	if (disk_arg(ctx, cmd_arg_str(args, "from"), &from) != CMD_OK ||
	    disk_arg(ctx, cmd_arg_str(args, "to"), &to) != CMD_OK)
		return CMD_ERROR;
	if ((a = fs_ask(ctx, MSG_SOURCE_FILENAME, from.path)) == NULL)
		return CMD_OK;
	if (a != from.path)
		snprintf(from.path, sizeof from.path, "%s", a);
	if ((a = fs_ask(ctx, MSG_DEST_FILENAME, to.path)) == NULL)
		return CMD_OK;
	if (a != to.path)
		snprintf(to.path, sizeof to.path, "%s", a);
	if (device_disk_rename(ctx->dev, from.path, to.path) == 0)
		return CMD_OK;
	return cmd_error(ctx, MSG_RENAME_ERROR, fs_display(&from, n1,
	    sizeof n1), fs_display(&to, n2, sizeof n2), fs_strerror(errno));
}

static const struct cmd_help rename_help[] = {
	{ "rename", "Rename a file" },
	{ "from", "Existing file name" },
	{ "to", "New file name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rename_entry = {
	.syntax = "rename <from:word> <to:word>",
	.help = rename_help,
	.modes = MODES_EXEC,
	.exec = rename_exec,
};

static enum cmd_status
mkdir_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 u;
	const char	*a;
	char		 name[320];

	if (disk_arg(ctx, cmd_arg_str(args, "path"), &u) != CMD_OK)
		return CMD_ERROR;
	if (!cmd_arg_has(args, "/noconfirm")) {
		if ((a = fs_ask(ctx, MSG_MKDIR_FILENAME, u.path)) == NULL)
			return CMD_OK;
		if (a != u.path)
			snprintf(u.path, sizeof u.path, "%s", a);
	}
	fs_display(&u, name, sizeof name);
	if (device_disk_mkdir(ctx->dev, u.path) != 0)
		return cmd_error(ctx, MSG_MKDIR_ERROR, name,
		    fs_strerror(errno));
	out_printf(ctx->out, msg(MSG_MKDIR_DONE), name);
	return CMD_OK;
}

static const struct cmd_help mkdir_help[] = {
	{ "mkdir", "Create new directory" },
	{ "/noconfirm", "Do not prompt for confirmation" },
	{ "path", "disk0: or flash: and a directory name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_mkdir_entry = {
	.syntax = "mkdir [/noconfirm] <path:word>",
	.help = mkdir_help,
	.modes = MODES_EXEC,
	.exec = mkdir_exec,
};

static enum cmd_status
rmdir_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 u;
	const char	*a;
	char		 name[320], *q;
	bool		 ok;

	if (disk_arg(ctx, cmd_arg_str(args, "path"), &u) != CMD_OK)
		return CMD_ERROR;
	if (!cmd_arg_has(args, "/noconfirm")) {
		if ((a = fs_ask(ctx, MSG_RMDIR_FILENAME, u.path)) == NULL)
			return CMD_OK;
		if (a != u.path)
			snprintf(u.path, sizeof u.path, "%s", a);
		xasprintf(&q, msg(MSG_DELETE_CONFIRM), fs_display(&u, name,
		    sizeof name));
		ok = fs_confirm(ctx, q);
		free(q);
		if (!ok)
			return CMD_OK;
	}
	fs_display(&u, name, sizeof name);
	if (device_disk_rmdir(ctx->dev, u.path) != 0)
		return cmd_error(ctx, MSG_RMDIR_ERROR, name,
		    fs_strerror(errno));
	out_printf(ctx->out, msg(MSG_RMDIR_DONE), name);
	return CMD_OK;
}

static const struct cmd_help rmdir_help[] = {
	{ "rmdir", "Remove existing directory" },
	{ "/noconfirm", "Do not prompt for confirmation" },
	{ "path", "disk0: or flash: and a directory name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rmdir_entry = {
	.syntax = "rmdir [/noconfirm] <path:word>",
	.help = rmdir_help,
	.modes = MODES_EXEC,
	.exec = rmdir_exec,
};

static enum cmd_status
more_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 u;
	char		*data;
	size_t		 len;

	if (disk_arg(ctx, cmd_arg_str(args, "path"), &u) != CMD_OK)
		return CMD_ERROR;
	if (device_disk_read(ctx->dev, NULL, u.path, &data, &len) != 0)
		return open_error(ctx, &u, errno);
	out_write(ctx->out, data, len);
	if (len > 0 && data[len - 1] != '\n')
		out_puts(ctx->out, "\n");
	free(data);
	return CMD_OK;
}

static const struct cmd_help more_help[] = {
	{ "more", "Display the contents of a file" },
	{ "path", "disk0: or flash: and a file name" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_more_entry = {
	.syntax = "more <path:word>",
	.help = more_help,
	.modes = MODES_EXEC,
	.exec = more_exec,
};

static void
hex(const unsigned char *md, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/*
 * verify /md5 PATH [HASH]: the file's MD5 (IOS's wording, [M]); with a
 * HASH, whether it matches. verify PATH: an image's integrity (its
 * embedded digest against the computed one).
 */
static enum cmd_status
verify_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct fs_url	 u;
	struct image_info info;
	unsigned char	 md[16];
	char		 name[320], sum[33], *data;
	const char	*want = cmd_arg_str(args, "hash");
	size_t		 len;
	enum image_err	 ie;

	if (disk_arg(ctx, cmd_arg_str(args, "path"), &u) != CMD_OK)
		return CMD_ERROR;
	fs_display(&u, name, sizeof name);
	if (cmd_arg_has(args, "/md5")) {
		if (device_disk_md5(ctx->dev, u.path, md) != 0)
			return open_error(ctx, &u, errno);
		hex(md, sizeof md, sum);
		if (device_disk_read(ctx->dev, NULL, u.path, &data, &len) == 0) {
			fs_progress(ctx->out, len);
			free(data);
		}
		out_puts(ctx->out, msg(MSG_VERIFY_DONE));
		if (want == NULL) {
			out_printf(ctx->out, msg(MSG_VERIFY_MD5), name, sum);
			return CMD_OK;
		}
		if (strcasecmp(want, sum) == 0) {
			out_printf(ctx->out, msg(MSG_VERIFY_MATCH), name, sum);
			return CMD_OK;
		}
		return cmd_error(ctx, MSG_VERIFY_MISMATCH, name, sum, want);
	}
	if (device_disk_read(ctx->dev, NULL, u.path, &data, &len) != 0)
		return open_error(ctx, &u, errno);
	out_printf(ctx->out, msg(MSG_VERIFY_START), name);
	fs_progress(ctx->out, len);
	ie = image_check(data, len, true, &info);
	free(data);
	out_puts(ctx->out, msg(MSG_VERIFY_DONE));
	if (ie == IMAGE_E_NOT_IMAGE)
		return cmd_error(ctx, MSG_VERIFY_NOT_IMAGE, name);
	hex(info.embedded, sizeof info.embedded, sum);
	out_printf(ctx->out, msg(MSG_VERIFY_EMBEDDED), sum);
	hex(info.computed, sizeof info.computed, sum);
	out_printf(ctx->out, msg(MSG_VERIFY_COMPUTED), sum);
	if (ie != IMAGE_OK)
		return cmd_error(ctx, MSG_VERIFY_BAD, name);
	out_puts(ctx->out, msg(MSG_VERIFY_GOOD));
	return CMD_OK;
}

static const struct cmd_help verify_help[] = {
	{ "verify", "Verify a file" },
	{ "/md5", "Compute the MD5 hash of a file" },
	{ "path", "disk0: or flash: and a file name" },
	{ "hash", "The MD5 hash to compare with" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_verify_entry = {
	.syntax = "verify [/md5] <path:word> [<hash:word>]",
	.help = verify_help,
	.modes = MODES_EXEC,
	.exec = verify_exec,
};
