/* SPDX-License-Identifier: MIT */
/*
 * File names as the ASA's file commands take them: disk0:/PATH (flash:
 * is its alias, as on the ASA 5500 series), a bare PATH on disk0:, the
 * servers tftp://HOST/PATH, ftp://[USER[:PASS]@]HOST/PATH, http://HOST/
 * PATH and scp://[USER@]HOST/PATH (folders of the lab), and the
 * configurations running-config, startup-config, system:running-config.
 * Also how an error of the flash is worded, and the '!' progress.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "commands/commands_int.h"

static const struct {
	const char	*scheme;
	enum fs_kind	 kind;
} schemes[] = {
	{ "disk0:", FS_DISK },
	{ "flash:", FS_DISK },
	{ "tftp://", FS_SERVER },
	{ "ftp://", FS_SERVER },
	{ "http://", FS_SERVER },
	{ "scp://", FS_SERVER },
};

static void
set_path(struct fs_url *u, const char *p)
{
	while (*p == '/')
		p++;
	snprintf(u->path, sizeof u->path, "%s", p);
}

/* [USER[:PASS]@]HOST/PATH */
static int
parse_server(struct fs_url *u, const char *rest)
{
	const char	*at = strchr(rest, '@'), *slash;
	const char	*colon;
	size_t		 n;

	slash = strchr(rest, '/');
	if (at != NULL && (slash == NULL || at < slash)) {
		colon = memchr(rest, ':', (size_t)(at - rest));
		n = (size_t)((colon != NULL ? colon : at) - rest);
		snprintf(u->user, sizeof u->user, "%.*s", (int)n, rest);
		if (colon != NULL)
			snprintf(u->pass, sizeof u->pass, "%.*s",
			    (int)(at - colon - 1), colon + 1);
		rest = at + 1;
		slash = strchr(rest, '/');
	}
	n = slash != NULL ? (size_t)(slash - rest) : strlen(rest);
	if (n >= sizeof u->host)
		return -1;
	snprintf(u->host, sizeof u->host, "%.*s", (int)n, rest);
	set_path(u, slash != NULL ? slash : "");
	return 0;
}

int
fs_parse(const char *typed, struct fs_url *u)
{
	memset(u, 0, sizeof *u);
	if (strcasecmp(typed, "running-config") == 0 ||
	    strcasecmp(typed, "system:running-config") == 0) {
		u->kind = FS_RUNNING;
		return 0;
	}
	if (strcasecmp(typed, "startup-config") == 0) {
		u->kind = FS_STARTUP;
		return 0;
	}
	for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
		size_t n = strlen(schemes[i].scheme);

		if (strncasecmp(typed, schemes[i].scheme, n) != 0)
			continue;
		u->kind = schemes[i].kind;
		snprintf(u->scheme, sizeof u->scheme, "%.*s",
		    (int)(n - (u->kind == FS_SERVER ? 3 : 1)), typed);
		for (char *p = u->scheme; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		if (u->kind == FS_DISK) {
			set_path(u, typed + n);
			return 0;
		}
		return parse_server(u, typed + n);
	}
	/* Another file system ("system:", "nvram:") or a URL scheme. */
	if (strchr(typed, ':') != NULL)
		return -1;
	u->kind = FS_DISK;
	snprintf(u->scheme, sizeof u->scheme, "disk0");
	set_path(u, typed);
	return 0;
}

char *
fs_display(const struct fs_url *u, char *buf, size_t len)
{
	switch (u->kind) {
	case FS_DISK:
		snprintf(buf, len, "disk0:/%s", u->path);
		break;
	case FS_SERVER:
		if (u->user[0] != '\0')
			snprintf(buf, len, "%s://%s%s%s@%s/%s", u->scheme,
			    u->user, u->pass[0] != '\0' ? ":" : "", u->pass,
			    u->host, u->path);
		else
			snprintf(buf, len, "%s://%s/%s", u->scheme, u->host,
			    u->path);
		break;
	case FS_RUNNING:
		snprintf(buf, len, "running-config");
		break;
	case FS_STARTUP:
		snprintf(buf, len, "startup-config");
		break;
	}
	return buf;
}

const char *
fs_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* The reason in "%Error opening disk0:/x (REASON)" [M: IOS wording]. */
const char *
fs_strerror(int err)
{
	switch (err) {
	case ENOENT:		return "No such file or directory";
	case EACCES:		return "Permission denied";
	case ENOSPC:		return "No space left on device";
	case EISDIR:		return "Is a directory";
	case ENOTDIR:		return "Not a directory";
	case EEXIST:		return "File exists";
	case ENOTEMPTY:		return "Directory not empty";
	case EHOSTUNREACH:	return "Timed out";
	case EINVAL:		return "Invalid argument";
	default:		return strerror(err);
	}
}

/*
 * The '!' run of a transfer: one per 512 KiB begun, and one more, 80 to
 * a line (the 9.5 capture prints "!!" for a 4996-byte configuration).
 */
void
fs_progress(struct out *out, size_t len)
{
	size_t	 n = (len + (512u << 10) - 1) / (512u << 10) + 1;

	for (size_t i = 0; i < n; i++) {
		out_puts(out, "!");
		if (i % 80 == 79 && i + 1 < n)
			out_puts(out, "\n");
	}
	out_puts(out, "\n");
}

/*
 * "N bytes copied in S secs": a deterministic time, the bytes at a
 * simulated rate (a TFTP transfer ran at 391439 bytes/sec in the 9.5
 * capture; flash to flash faster), the rate shown for transfers of a
 * second or more, as in the captures.
 */
void
fs_copied(struct out *out, size_t len, bool remote)
{
	uint64_t rate = remote ? 400000 : 4000000;
	uint64_t ms = 150 + (uint64_t)len * 1000 / rate;

	if (ms < 1000)
		out_printf(out, msg(MSG_COPIED_SHORT), len,
		    (unsigned)(ms / 1000), (unsigned)(ms % 1000));
	else
		out_printf(out, msg(MSG_COPIED_RATE), len,
		    (unsigned)(ms / 1000), (unsigned)(ms % 1000),
		    (unsigned long long)((uint64_t)len * 1000 / ms));
}
