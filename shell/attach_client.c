/* SPDX-License-Identifier: MIT */
/*
 * asaemu attach: the thin client. It hands its standard input and output
 * to the running device, then only waits: it relays window changes and
 * hang-ups, and on every way out (the session's end, the device killed)
 * puts the terminal and the descriptors' flags back as it found them.
 */
#define _GNU_SOURCE			/* ppoll */
#include "shell/shell.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "shell/shell_int.h"

static volatile sig_atomic_t client_resized;
static volatile sig_atomic_t client_hungup;

static void
client_signal(int sig)
{
	if (sig == SIGWINCH)
		client_resized = 1;
	else
		client_hungup = 1;
}

/* What the client found and puts back. */
struct client_saved {
	struct termios	 tio;
	bool		 have_tio;
	int		 flags[2];
};

static void
client_save(struct client_saved *cs)
{
	cs->have_tio = tcgetattr(STDIN_FILENO, &cs->tio) == 0;
	cs->flags[0] = fcntl(STDIN_FILENO, F_GETFL);
	cs->flags[1] = fcntl(STDOUT_FILENO, F_GETFL);
}

static void
client_restore(const struct client_saved *cs)
{
	if (cs->have_tio)
		(void)tcsetattr(STDIN_FILENO, TCSADRAIN, &cs->tio);
	if (cs->flags[0] != -1)
		(void)fcntl(STDIN_FILENO, F_SETFL, cs->flags[0]);
	if (cs->flags[1] != -1)
		(void)fcntl(STDOUT_FILENO, F_SETFL, cs->flags[1]);
}

static void
client_hello(const struct attach_opts *o, struct attach_hello *h)
{
	const char	*term = getenv("TERM");
	const char	*conn = getenv("SSH_CONNECTION");
	const char	*user = getenv("USER");

	memset(h, 0, sizeof *h);
	h->version = ATTACH_VERSION;
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		h->flags |= ATTACH_F_TTY;
	if (o->stop_on_error)
		h->flags |= ATTACH_F_STOP_ON_ERROR;
	if (o->exec != NULL)
		h->flags |= ATTACH_F_EXEC;
	if (o->ssh)
		h->flags |= ATTACH_F_SSH;
	snprintf(h->term, sizeof h->term, "%s", term ? term : "dumb");
	/* SSH_CONNECTION: "client-address client-port server-address ..." */
	if (conn != NULL)
		snprintf(h->from, sizeof h->from, "%.*s",
		    (int)strcspn(conn, " "), conn);
	snprintf(h->user, sizeof h->user, "%s", user ? user : "");
}

/* Wait for the device's word: EXIT's status, or 2 when it went away. */
static int
client_wait(int fd)
{
	struct attach_msg	 msg;
	struct pollfd		 pfd = { .fd = fd, .events = POLLIN };
	sigset_t		 none;

	sigemptyset(&none);
	for (;;) {
		if (client_resized) {
			client_resized = 0;
			(void)attach_send(fd, ATTACH_RESIZE, NULL, 0, NULL, 0);
		}
		if (client_hungup) {
			client_hungup = 0;
			(void)attach_send(fd, ATTACH_EXITING, NULL, 0, NULL,
			    0);
		}
		if (ppoll(&pfd, 1, NULL, &none) == -1) {
			if (errno == EINTR)
				continue;
			return 2;
		}
		if (attach_recv(fd, &msg) <= 0)
			return 2;
		attach_msg_release(&msg);
		if (msg.type == ATTACH_EXIT && msg.len == sizeof(uint32_t)) {
			uint32_t status;

			memcpy(&status, msg.data, sizeof status);
			return (int)status;
		}
		if (msg.type == ATTACH_REFUSED) {
			fprintf(stderr, "asaemu: %s\n", msg.data);
			return 2;
		}
	}
}

int
attach_run(const struct attach_opts *o)
{
	struct attach_hello	 h;
	struct client_saved	 cs;
	struct sigaction	 sa;
	sigset_t		 block, old;
	char			 buf[sizeof h + ATTACH_MSG_MAX];
	size_t			 len = sizeof h;
	int			 fd, status;
	int			 fds[2] = { o->in_fd, STDOUT_FILENO };

	if ((fd = attach_connect(o->path)) == -1)
		return -1;
	client_hello(o, &h);
	memcpy(buf, &h, sizeof h);
	if (o->exec != NULL) {
		size_t n = strlen(o->exec);

		if (n > ATTACH_MSG_MAX - sizeof h)
			n = ATTACH_MSG_MAX - sizeof h;
		memcpy(buf + sizeof h, o->exec, n);
		len += n;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = client_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	for (size_t i = 0; i < 4; i++) {
		static const int sigs[] = { SIGWINCH, SIGHUP, SIGTERM, SIGINT };

		sigaction(sigs[i], &sa, NULL);
		sigaddset(&block, sigs[i]);
	}
	signal(SIGPIPE, SIG_IGN);
	sigprocmask(SIG_BLOCK, &block, &old);
	client_save(&cs);
	if (attach_send(fd, ATTACH_HELLO, buf, len, fds, 2) != 0)
		status = 2;
	else
		status = client_wait(fd);
	client_restore(&cs);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(fd);
	return status;
}

int
attach_stop(const char *path)
{
	struct attach_msg	 msg;
	int			 fd;

	if ((fd = attach_connect(path)) == -1)
		return -1;
	if (attach_send(fd, ATTACH_STOP, NULL, 0, NULL, 0) != 0) {
		close(fd);
		return -1;
	}
	/* The device closes the socket as it goes. */
	while (attach_recv(fd, &msg) > 0)
		attach_msg_release(&msg);
	close(fd);
	return 0;
}

int
attach_auth(const char *path, const char *user, const char *password,
    const char *from)
{
	struct attach_auth	 a;
	struct attach_msg	 msg;
	uint32_t		 status = 1;
	int			 fd;

	if ((fd = attach_connect(path)) == -1)
		return -1;
	memset(&a, 0, sizeof a);
	snprintf(a.user, sizeof a.user, "%s", user);
	snprintf(a.from, sizeof a.from, "%s", from ? from : "");
	snprintf(a.password, sizeof a.password, "%s", password);
	if (attach_send(fd, ATTACH_AUTH, &a, sizeof a, NULL, 0) == 0 &&
	    attach_recv(fd, &msg) > 0) {
		attach_msg_release(&msg);
		if (msg.type == ATTACH_EXIT && msg.len == sizeof status)
			memcpy(&status, msg.data, sizeof status);
	}
	explicit_bzero(&a, sizeof a);
	close(fd);
	return status == 0 ? 0 : 1;
}
