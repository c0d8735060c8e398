/* SPDX-License-Identifier: MIT */
/*
 * The device's sessions: the console and every asaemu attach (sshd's
 * ForceCommand among them) over the UNIX socket in the flash's private
 * folder. Each session runs on its own fiber, so its line editor, pager
 * and questions keep their plain blocking shape, while exactly one of
 * them (or the event loop) runs at a time: a command is atomic with
 * respect to every other session, and all share one running device.
 */
#define _GNU_SOURCE			/* accept4 */
#include "shell/shell.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "shell/session_int.h"
#include "shell/shell_int.h"

/* A client that says nothing for this long after connecting is dropped. */
#define HELLO_TIMEOUT_MS 5000

struct server_session {
	struct server		*srv;
	unsigned		 id;
	bool			 console;
	int			 ctl;		/* control socket; -1: console */
	struct event		*ev;		/* watch on ctl */
	struct fiber		*fiber;
	struct session		*s;		/* NULL until the hello */
	struct cmd_ctx		*ctx;
	int			 in_fd, out_fd;	/* owned unless console */
	int			 fdfl[2];	/* their F_GETFL, put back */
	bool			 tty;
	uint32_t		 flags;		/* ATTACH_F_* */
	char			 term[32];
	char			 from[64];
	char			 user[32];
	char			*exec;		/* owned */
	int			 status;
	bool			 answered;	/* no EXIT at the end */
};

struct server {
	struct event_loop	*loop;
	char			*path;		/* owned */
	int			 fd;		/* listening; -1 once shut */
	struct event		*ev;
	struct session_opts	 tmpl;
	struct server_hooks	 hooks;
	struct server_session	**v;		/* live sessions, by id */
	size_t			 n;
	unsigned		 next_id;
	void			(*shut_done)(void *);
	void			*shut_arg;
};

static void	 server_accept(void *);
static void	 ss_run(void *);
static void	 ss_done(void *);

static int
listen_at(const char *path, char **cause)
{
	struct sockaddr_un	 sun;
	mode_t			 mask;
	int			 fd;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun.sun_path) {
		xasprintf(cause, "socket path too long: %s", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	/* The caller holds the flash lock: a socket here is stale. */
	(void)unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd == -1) {
		xasprintf(cause, "socket: %s", strerror(errno));
		return -1;
	}
	mask = umask(077);
	if (bind(fd, (struct sockaddr *)&sun, sizeof sun) != 0 ||
	    listen(fd, 16) != 0) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		umask(mask);
		close(fd);
		return -1;
	}
	umask(mask);
	return fd;
}

struct server *
server_new(struct event_loop *loop, const char *path,
    const struct session_opts *tmpl, const struct server_hooks *hooks,
    char **cause)
{
	struct server	*srv;
	int		 fd;

	if ((fd = listen_at(path, cause)) == -1)
		return NULL;
	srv = xcalloc(1, sizeof *srv);
	srv->loop = loop;
	srv->path = xstrdup(path);
	srv->fd = fd;
	srv->tmpl = *tmpl;
	srv->hooks = *hooks;
	srv->ev = event_fd_add(loop, fd, POLLIN, server_accept, srv);
	return srv;
}

static void
server_unlisten(struct server *srv)
{
	if (srv->fd == -1)
		return;
	event_del(srv->ev);
	srv->ev = NULL;
	close(srv->fd);
	srv->fd = -1;
	(void)unlink(srv->path);
}

void
server_free(struct server *srv)
{
	if (srv == NULL)
		return;
	assert(srv->n == 0);
	server_unlisten(srv);
	free(srv->v);
	free(srv->path);
	free(srv);
}

/* A session; SIDs go to logins once they said hello, not the console. */
static struct server_session *
ss_new(struct server *srv, bool console)
{
	struct server_session *ss = xcalloc(1, sizeof *ss);

	ss->srv = srv;
	ss->console = console;
	ss->ctl = ss->in_fd = ss->out_fd = -1;
	ss->fdfl[0] = ss->fdfl[1] = -1;
	srv->v = xreallocarray(srv->v, srv->n + 1, sizeof *srv->v);
	srv->v[srv->n++] = ss;
	return ss;
}

static void
server_accept(void *arg)
{
	struct server		*srv = arg;
	struct server_session	*ss;
	int			 fd;

	fd = accept4(srv->fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (fd == -1)
		return;
	ss = ss_new(srv, false);
	ss->ctl = fd;
	ss->fiber = fiber_start(srv->loop, ss_run, ss_done, ss);
}

void
server_console(struct server *srv, int in_fd, int out_fd, bool tty)
{
	struct server_session *ss = ss_new(srv, true);

	ss->in_fd = in_fd;
	ss->out_fd = out_fd;
	ss->tty = tty;
	ss->fiber = fiber_start(srv->loop, ss_run, ss_done, ss);
}

void
server_console_resized(struct server *srv)
{
	for (size_t i = 0; i < srv->n; i++) {
		struct server_session *ss = srv->v[i];

		if (!ss->console || ss->s == NULL)
			continue;
		session_resized(ss->s);
		fiber_wake(ss->fiber);
	}
}

/* The control socket while the session runs: window changes, hang-up. */
static void
ss_control(void *arg)
{
	struct server_session	*ss = arg;
	struct attach_msg	 msg;
	int			 r = attach_recv(ss->ctl, &msg);

	if (r < 0 && errno == EAGAIN)
		return;
	attach_msg_release(&msg);
	if (r <= 0 || msg.type == ATTACH_EXITING) {
		event_del(ss->ev);
		ss->ev = NULL;
		session_hangup(ss->s);
	} else if (msg.type == ATTACH_RESIZE)
		session_resized(ss->s);
	else
		return;
	fiber_wake(ss->fiber);
}

static void
ss_refuse(struct server_session *ss, const char *why)
{
	(void)attach_send(ss->ctl, ATTACH_REFUSED, why, strlen(why), NULL, 0);
	ss->answered = true;
}

/* A login's question: may this user in? The answer is an EXIT status. */
static void
ss_auth(struct server_session *ss, struct attach_msg *msg)
{
	struct server		*srv = ss->srv;
	struct attach_auth	 a;
	uint32_t		 status = 1;

	attach_msg_release(msg);
	if (msg->len == sizeof a && srv->hooks.auth != NULL) {
		memcpy(&a, msg->data, sizeof a);
		a.user[sizeof a.user - 1] = '\0';
		a.from[sizeof a.from - 1] = '\0';
		a.password[sizeof a.password - 1] = '\0';
		if (srv->hooks.auth(srv->hooks.arg, a.user, a.password,
		    a.from))
			status = 0;
		explicit_bzero(&a, sizeof a);
	}
	explicit_bzero(msg->data, msg->len);
	(void)attach_send(ss->ctl, ATTACH_EXIT, &status, sizeof status, NULL,
	    0);
	ss->answered = true;
}

/* Read the hello (in the session's fiber): 0, or -1 to drop the client. */
static int
ss_hello(struct server_session *ss)
{
	struct attach_msg	 msg;
	struct attach_hello	 h;
	int			 r;

	if (fiber_wait(ss->ctl, POLLIN, HELLO_TIMEOUT_MS) <= 0)
		return -1;
	if ((r = attach_recv(ss->ctl, &msg)) <= 0)
		return -1;
	if (msg.type == ATTACH_AUTH) {
		ss_auth(ss, &msg);
		return -1;
	}
	if (msg.type == ATTACH_STOP) {
		attach_msg_release(&msg);
		ss->answered = true;
		/* Left open: asaemu stop sees it close as the device exits. */
		ss->ctl = -1;
		if (ss->srv->hooks.stop != NULL)
			ss->srv->hooks.stop(ss->srv->hooks.arg);
		return -1;
	}
	if (msg.type != ATTACH_HELLO || msg.len < sizeof h || msg.nfds != 2) {
		attach_msg_release(&msg);
		ss_refuse(ss, "protocol error");
		return -1;
	}
	memcpy(&h, msg.data, sizeof h);
	if (h.version != ATTACH_VERSION) {
		attach_msg_release(&msg);
		ss_refuse(ss, "protocol version mismatch");
		return -1;
	}
	ss->in_fd = msg.fds[0];
	ss->out_fd = msg.fds[1];
	msg.nfds = 0;
	ss->flags = h.flags;
	ss->tty = (h.flags & ATTACH_F_TTY) && isatty(ss->in_fd);
	memcpy(ss->term, h.term, sizeof ss->term);
	memcpy(ss->from, h.from, sizeof ss->from);
	memcpy(ss->user, h.user, sizeof ss->user);
	ss->term[sizeof ss->term - 1] = '\0';
	ss->from[sizeof ss->from - 1] = '\0';
	ss->user[sizeof ss->user - 1] = '\0';
	if (h.flags & ATTACH_F_EXEC)
		ss->exec = xstrndup(msg.data + sizeof h, msg.len - sizeof h);
	return 0;
}

/*
 * The session's descriptors do not block: a client that stops reading
 * stalls its own session (waiting in fiber_wait), never the device.
 */
static void
ss_nonblock(struct server_session *ss)
{
	int	 fds[2] = { ss->in_fd, ss->out_fd };

	for (size_t i = 0; i < 2; i++) {
		ss->fdfl[i] = fcntl(fds[i], F_GETFL);
		if (ss->fdfl[i] != -1)
			(void)fcntl(fds[i], F_SETFL, ss->fdfl[i] | O_NONBLOCK);
	}
}

static void
ss_restore(struct server_session *ss)
{
	int	 fds[2] = { ss->in_fd, ss->out_fd };

	for (size_t i = 0; i < 2; i++)
		if (fds[i] != -1 && ss->fdfl[i] != -1)
			(void)fcntl(fds[i], F_SETFL, ss->fdfl[i]);
}

static void
ss_run(void *arg)
{
	struct server_session	*ss = arg;
	struct server		*srv = ss->srv;
	struct session_opts	 so = srv->tmpl;

	if (!ss->console) {
		if (ss_hello(ss) != 0)
			return;
		ss->id = srv->next_id++;
	}
	ss_nonblock(ss);
	so.in_fd = ss->in_fd;
	so.out_fd = ss->out_fd;
	so.interactive = ss->tty && ss->exec == NULL;
	so.stop_on_error = (ss->flags & ATTACH_F_STOP_ON_ERROR) != 0;
	so.term = ss->term[0] != '\0' ? ss->term : NULL;
	ss->s = session_new(&so);
	session_serve_as(ss->s, srv, ss->id, ss->console);
	if ((ss->ctx = srv->hooks.open(srv->hooks.arg, ss->s)) == NULL) {
		ss->status = 2;
		return;
	}
	if (!ss->console)
		ss->ev = event_fd_add(srv->loop, ss->ctl, POLLIN, ss_control,
		    ss);
	if (ss->exec != NULL)
		ss->status = session_run_command(ss->s, ss->exec);
	else
		ss->status = session_run(ss->s);
	srv->hooks.close(srv->hooks.arg, ss->ctx);
	ss->ctx = NULL;
}

static void
ss_remove(struct server_session *ss)
{
	struct server	*srv = ss->srv;

	for (size_t i = 0; i < srv->n; i++) {
		if (srv->v[i] != ss)
			continue;
		memmove(srv->v + i, srv->v + i + 1,
		    (srv->n - i - 1) * sizeof *srv->v);
		srv->n--;
		break;
	}
}

/* In the loop, once the session's fiber has ended. */
static void
ss_done(void *arg)
{
	struct server_session	*ss = arg;
	struct server		*srv = ss->srv;
	uint32_t		 status = (uint32_t)ss->status;

	session_free(ss->s);
	if (ss->s != NULL)
		ss_restore(ss);
	event_del(ss->ev);
	if (!ss->console) {
		if (ss->in_fd != -1)
			close(ss->in_fd);
		if (ss->out_fd != -1)
			close(ss->out_fd);
		if (!ss->answered)
			(void)attach_send(ss->ctl, ATTACH_EXIT, &status,
			    sizeof status, NULL, 0);
		if (ss->ctl != -1)
			close(ss->ctl);
	}
	ss_remove(ss);
	free(ss->exec);
	if (ss->console && srv->hooks.console_end != NULL)
		srv->hooks.console_end(srv->hooks.arg, ss->status);
	free(ss);
	if (srv->n == 0 && srv->shut_done != NULL) {
		void (*done)(void *) = srv->shut_done;

		srv->shut_done = NULL;
		done(srv->shut_arg);
	}
}

void
server_shutdown(struct server *srv, void (*done)(void *), void *arg)
{
	server_unlisten(srv);
	srv->shut_done = done;
	srv->shut_arg = arg;
	for (size_t i = 0; i < srv->n; i++) {
		struct server_session *ss = srv->v[i];

		if (ss->s != NULL)
			session_hangup(ss->s);
		fiber_wake(ss->fiber);
	}
	if (srv->n == 0 && done != NULL) {
		srv->shut_done = NULL;
		done(arg);
	}
}

struct server_info *
server_list(const struct server *srv, const struct session *self, size_t *n)
{
	struct server_info	*v = xcalloc(srv->n + 1, sizeof *v);
	size_t			 k = 0;

	for (size_t i = 0; i < srv->n; i++) {
		const struct server_session *ss = srv->v[i];

		if (ss->s == NULL)
			continue;
		v[k].id = ss->id;
		v[k].console = ss->console;
		v[k].ssh = (ss->flags & ATTACH_F_SSH) != 0;
		v[k].self = ss->s == self;
		memcpy(v[k].from, ss->from, sizeof v[k].from);
		memcpy(v[k].user, ss->user, sizeof v[k].user);
		k++;
	}
	*n = k;
	return v;
}

void
server_end_logins(struct server *srv)
{
	for (size_t i = 0; i < srv->n; i++) {
		struct server_session *ss = srv->v[i];

		if (ss->console || ss->s == NULL)
			continue;
		session_hangup(ss->s);
		fiber_wake(ss->fiber);
	}
}

int
server_disconnect(struct server *srv, unsigned id)
{
	for (size_t i = 0; i < srv->n; i++) {
		struct server_session *ss = srv->v[i];

		if (ss->id != id || ss->console || ss->s == NULL)
			continue;
		session_hangup(ss->s);
		fiber_wake(ss->fiber);
		return 0;
	}
	return -1;
}

struct cmd_ctx *
server_console_ctx(const struct server *srv)
{
	for (size_t i = 0; i < srv->n; i++) {
		if (srv->v[i]->console && srv->v[i]->s != NULL)
			return srv->v[i]->ctx;
	}
	return NULL;
}

void
server_notify(struct server *srv, const char *text)
{
	for (size_t i = 0; i < srv->n; i++) {
		struct server_session *ss = srv->v[i];

		if (!ss->console || ss->s == NULL)
			continue;
		session_notice(ss->s, text);
		fiber_wake(ss->fiber);
	}
}
