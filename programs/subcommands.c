/* SPDX-License-Identifier: MIT */
/*
 * The client side of a running device: attach (a terminal, a batch file,
 * a pipe, or sshd's ForceCommand with SSH_ORIGINAL_COMMAND), ls, stop,
 * and auth (sshd's PAM asking the device whether a login may go on).
 */
#include "programs/programs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
run_attach(const struct options *o)
{
	struct attach_opts	 ao;
	int			 status, saved;

	memset(&ao, 0, sizeof ao);
	ao.path = o->sock;
	ao.in_fd = STDIN_FILENO;
	ao.stop_on_error = o->stop_on_error;
	ao.exec = getenv("SSH_ORIGINAL_COMMAND");
	ao.ssh = getenv("SSH_CONNECTION") != NULL;
	if (ao.exec != NULL && *ao.exec == '\0')
		ao.exec = NULL;
	if (o->batch != NULL &&
	    (ao.in_fd = open(o->batch, O_RDONLY | O_CLOEXEC)) == -1) {
		if (!attach_running(o->sock))
			return -1;
		fprintf(stderr, "asaemu: %s: cannot open\n", o->batch);
		return 2;
	}
	status = attach_run(&ao);
	saved = errno;
	if (ao.in_fd != STDIN_FILENO)
		close(ao.in_fd);
	if (status < 0 && saved != ECONNREFUSED) {
		fprintf(stderr, "asaemu: %s: %s\n", o->sock, strerror(saved));
		return 2;
	}
	return status;
}

int
run_ls(const struct options *o)
{
	struct lab	 *lab;
	char		 *cause = NULL;
	char		**v;
	size_t		  n;

	if ((lab = lab_open(o->lab, &cause)) == NULL) {
		fprintf(stderr, "asaemu: %s\n", cause);
		free(cause);
		return 2;
	}
	v = lab_devices(lab, &n);
	for (size_t i = 0; i < n; i++)
		puts(v[i]);
	lab_names_free(v, n);
	lab_free(lab);
	return 0;
}

int
run_stop(const struct options *o)
{
	if (attach_stop(o->sock) != 0) {
		fprintf(stderr, "asaemu: no device running at %s\n", o->flash);
		return 2;
	}
	return 0;
}

/*
 * pam_exec(8) with expose_authtok: the user and the client's address in
 * the environment, the password on standard input (NUL-terminated).
 */
int
run_auth(const struct options *o)
{
	const char	*user = getenv("PAM_USER");
	const char	*from = getenv("PAM_RHOST");
	char		 pw[128];
	size_t		 n = 0;
	ssize_t		 r;
	int		 status;

	while (n < sizeof pw - 1 &&
	    (r = read(STDIN_FILENO, pw + n, sizeof pw - 1 - n)) > 0)
		n += (size_t)r;
	pw[n] = '\0';
	pw[strcspn(pw, "\n")] = '\0';
	if (user == NULL)
		return 1;
	status = attach_auth(o->sock, user, pw, from);
	explicit_bzero(pw, sizeof pw);
	return status < 0 ? 2 : status;
}
