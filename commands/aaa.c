/* SPDX-License-Identifier: MIT */
/*
 * The local user database and how SSH logins use it: "username NAME
 * password PW [encrypted] [privilege N]", "no username NAME", "aaa
 * authentication ssh console LOCAL" and its no form, "show
 * running-config username". Passwords are kept as the ASA 8.x/9.1
 * configuration shows them: 16 characters of the "pix-md5" family salted
 * with the user name (cmd_user_hash).
 */
#include "commands/commands.h"

#include <openssl/evp.h>
#include <string.h>

#include "commands/commands_int.h"

#define PRIVILEGE_DEFAULT 2	/* [M high] CLI reference: "default 2" */

/*
 * The ASA's user password hash (the cisco-asa-md5 of password crackers):
 * a password shorter than 28 characters gets the first four characters
 * of the user name appended (the name repeated when shorter); the whole
 * is NUL-padded to 16 bytes, or 32 when longer than 16; of its MD5, the
 * first three bytes of each 4-byte group, little-endian, give four
 * characters of the crypt(3) alphabet, as for the enable password
 * (cmd_enable_hash). Vector: "hashcat" for user "4684" is
 * YjDBNr.A0AN7DA8s (hashcat mode 2410 example).
 */
void
cmd_user_hash(const char *user, const char *pw, char out[17])
{
	static const char alphabet[] = "./0123456789"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char	 in[32] = { 0 }, md[EVP_MAX_MD_SIZE];
	unsigned int	 mdlen;
	size_t		 len = strlen(pw), ulen = strlen(user), pad;

	if (len > sizeof in)
		len = sizeof in;
	memcpy(in, pw, len);
	if (len < 28 && ulen > 0)
		for (size_t i = 0; i < 4; i++)
			in[len++] = (unsigned char)user[i % ulen];
	pad = len > 16 ? 32 : 16;
	EVP_Digest(in, pad, md, &mdlen, EVP_md5(), NULL);
	for (int i = 0; i < 4; i++) {
		unsigned long v = md[4 * i] | md[4 * i + 1] << 8 |
		    (unsigned long)md[4 * i + 2] << 16;

		for (int j = 0; j < 4; j++, v >>= 6)
			out[4 * i + j] = alphabet[v & 0x3f];
	}
	out[16] = '\0';
}

void
aaa_render(struct strbuf *sb, const struct device *dev)
{
	if (dev->ext->aaa.ssh_local)
		strbuf_puts(sb, "aaa authentication ssh console LOCAL\n");
}

/*
 * [M high] "username admin password XXXX encrypted privilege 15"; the
 * default privilege 2 is not shown.
 */
void
username_render(struct strbuf *sb, const struct device *dev)
{
	const struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nusers; i++) {
		strbuf_printf(sb, "username %s password %s encrypted",
		    a->users[i].name, a->users[i].hash);
		if (a->users[i].privilege != PRIVILEGE_DEFAULT)
			strbuf_printf(sb, " privilege %u",
			    a->users[i].privilege);
		strbuf_puts(sb, "\n");
	}
}

static enum cmd_status
username_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct aaa_user	 u;
	const char	*name = cmd_arg_str(args, "name");
	const char	*pw = cmd_arg_str(args, "pw");

	if (cmd_arg_has(args, "no")) {
		if (!device_aaa_user_remove(ctx->dev, name))
			return cmd_error(ctx, MSG_AAA_NO_USER, name);
		device_touch(ctx->dev);
		return CMD_OK;
	}
	if (strlen(name) > AAA_NAME_MAX)
		return cmd_error(ctx, MSG_AAA_NAME_LONG);
	memset(&u, 0, sizeof u);
	snprintf(u.name, sizeof u.name, "%s", name);
	if (cmd_arg_has(args, "encrypted")) {
		if (strlen(pw) != 16)
			return cmd_error(ctx, MSG_AAA_BAD_HASH);
		snprintf(u.hash, sizeof u.hash, "%s", pw);
	} else {
		if (strlen(pw) < 3 || strlen(pw) > 32)
			return cmd_error(ctx, MSG_AAA_PASSWORD_LEN);
		cmd_user_hash(name, pw, u.hash);
	}
	u.privilege = cmd_arg_u32(args, "level", PRIVILEGE_DEFAULT);
	device_aaa_user_set(ctx->dev, &u);
	device_touch(ctx->dev);
	return CMD_OK;
}

/* [M] 8.x/9.x '?' wording. */
static const struct cmd_help username_help[] = {
	{ "username", "Configure user authentication local database" },
	{ "name", "Username (up to 64 characters)" },
	{ "password", "Keyword to specify password" },
	{ "pw", "The password (3 to 32 characters)" },
	{ "encrypted", "Indicates the password entered is encrypted" },
	{ "privilege", "Enter the privilege level for this user" },
	{ "level", "privilege level" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_username_entry = {
	.syntax = "username <name:word> password <pw:word> [encrypted] "
	    "[privilege <level:0-15>]",
	.help = username_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = username_exec,
};

const struct cmd_entry cmd_no_username_entry = {
	.syntax = "username <name:word> [password <pw:word> "
	    "[encrypted] [privilege <level:0-15>]]",
	.help = username_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = username_exec,
};

static enum cmd_status
aaa_authentication_ssh_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct aaa_cfg	*a = &ctx->dev->ext->aaa;

	a->ssh_local = !cmd_arg_has(args, "no");
	device_touch(ctx->dev);
	if (a->ssh_local && a->nusers == 0 && !ctx->replay)
		out_puts(ctx->out, msg(MSG_AAA_DB_EMPTY));
	return CMD_OK;
}

/* [M] 8.x/9.x '?' wording. */
static const struct cmd_help aaa_authentication_ssh_help[] = {
	{ "aaa", "Enable, disable, or view user authentication, "
	    "authorization and accounting" },
	{ "authentication", "Enable, disable, or view user authentication" },
	{ "ssh", "Enable authentication for SSH connections" },
	{ "console", "Enable authentication for console connections" },
	{ "LOCAL", "Predefined server tag for AAA protocol 'local'" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_aaa_authentication_ssh_entry = {
	.syntax = "aaa authentication ssh console LOCAL",
	.help = aaa_authentication_ssh_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_FORM,
	.exec = aaa_authentication_ssh_exec,
};

static enum cmd_status
show_running_config_username_exec(struct cmd_ctx *ctx,
    const struct cmd_args *args)
{
	struct strbuf	 sb;

	(void)args;
	strbuf_init(&sb, 0);
	username_render(&sb, ctx->dev);
	out_write(ctx->out, sb.buf, sb.len);
	strbuf_release(&sb);
	return CMD_OK;
}

static const struct cmd_help show_running_config_username_help[] = {
	{ "show", HELP_SHOW },
	{ "running-config", HELP_RUNNING },
	{ "username", "Show the local user database" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_show_running_config_username_entry = {
	.syntax = "show running-config username",
	.help = show_running_config_username_help,
	.modes = MODES_EXEC,
	.exec = show_running_config_username_exec,
};
