/* SPDX-License-Identifier: MIT */
/*
 * An NSS module for nss_wrapper (NSS_WRAPPER_MODULE_SO_PATH, prefix
 * "asaemu") that lets every plausible login name resolve, so that the
 * sshd of scripts/serve-ssh.sh reaches PAM for any name and the device
 * alone decides who logs in (its "username" list changes at run time).
 * Each name is the account of ASAEMU_NSS_UID/GID (the owner of the lab,
 * who may open the device's attach socket), home ASAEMU_NSS_HOME, shell
 * ASAEMU_NSS_SHELL. Only sshd loads it, never a session.
 */
#include <errno.h>
#include <nss.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum nss_status	_nss_asaemu_getpwnam_r(const char *, struct passwd *, char *,
		    size_t, int *);
enum nss_status	_nss_asaemu_getpwuid_r(uid_t, struct passwd *, char *,
		    size_t, int *);

/* ASA user names are printable words; keep the shell and logs safe. */
static bool
name_ok(const char *name)
{
	size_t	 len = strlen(name);

	if (len == 0 || len > 64 || name[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++) {
		char	 c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == '-' || c == '@'))
			return false;
	}
	return true;
}

static unsigned long
env_id(const char *var, unsigned long dflt)
{
	const char	*s = getenv(var);
	char		*end;
	unsigned long	 v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtoul(s, &end, 10);
	return *end == '\0' ? v : dflt;
}

/* Copy s into the caller's buffer; NULL when it does not fit. */
static char *
put(char **buf, size_t *left, const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p = *buf;

	if (n > *left)
		return NULL;
	memcpy(p, s, n);
	*buf += n;
	*left -= n;
	return p;
}

enum nss_status
_nss_asaemu_getpwnam_r(const char *name, struct passwd *pw, char *buf,
    size_t buflen, int *errnop)
{
	const char	*home = getenv("ASAEMU_NSS_HOME");
	const char	*shell = getenv("ASAEMU_NSS_SHELL");

	if (!name_ok(name)) {
		*errnop = ENOENT;
		return NSS_STATUS_NOTFOUND;
	}
	pw->pw_uid = (uid_t)env_id("ASAEMU_NSS_UID", getuid());
	pw->pw_gid = (gid_t)env_id("ASAEMU_NSS_GID", getgid());
	if ((pw->pw_name = put(&buf, &buflen, name)) == NULL ||
	    (pw->pw_passwd = put(&buf, &buflen, "x")) == NULL ||
	    (pw->pw_gecos = put(&buf, &buflen, "asaemu device user")) ==
	    NULL ||
	    (pw->pw_dir = put(&buf, &buflen, home != NULL ? home : "/")) ==
	    NULL ||
	    (pw->pw_shell = put(&buf, &buflen, shell != NULL ? shell :
	    "/bin/sh")) == NULL) {
		*errnop = ERANGE;
		return NSS_STATUS_TRYAGAIN;
	}
	return NSS_STATUS_SUCCESS;
}

/* Every name shares one uid: a uid names no one in particular. */
enum nss_status
_nss_asaemu_getpwuid_r(uid_t uid, struct passwd *pw, char *buf,
    size_t buflen, int *errnop)
{
	(void)uid, (void)pw, (void)buf, (void)buflen;
	*errnop = ENOENT;
	return NSS_STATUS_NOTFOUND;
}
