/* SPDX-License-Identifier: MIT */
/*
 * One-way message streams between units (unit_stream.h). A stream that
 * is freed inside its own callback is only marked (busy/dead) and goes
 * when the callback returns, so that a message that ends the link (a
 * refusal, a reload) can free the stream it came on.
 */
#include "device/unit_stream.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct unit_stream {
	int			 fd;		/* -1: fed by hand */
	struct event		*ev;
	struct strbuf		 in;
	struct strbuf		 out;		/* not yet written */
	struct unit_stream_cb	 cb;
	void			*user;
	unsigned		 busy;		/* inside a callback */
	bool			 dead;		/* freed while busy */
};

static void	stream_io(void *);

static void
destroy(struct unit_stream *s)
{
	event_del(s->ev);
	if (s->fd != -1)
		close(s->fd);
	strbuf_release(&s->in);
	strbuf_release(&s->out);
	free(s);
}

struct unit_stream *
unit_stream_new(struct event_loop *loop, int fd,
    const struct unit_stream_cb *cb)
{
	struct unit_stream *s = xcalloc(1, sizeof *s);

	s->fd = fd;
	s->cb = *cb;
	strbuf_init(&s->in, UNIT_STREAM_CAP);
	strbuf_init(&s->out, UNIT_STREAM_CAP);
	if (loop != NULL && fd != -1)
		s->ev = event_fd_add(loop, fd, POLLIN, stream_io, s);
	return s;
}

void
unit_stream_free(struct unit_stream *s)
{
	if (s == NULL)
		return;
	if (s->busy > 0) {
		s->dead = true;
		if (s->ev != NULL)
			event_fd_set(s->ev, 0);
		return;
	}
	destroy(s);
}

void *
unit_stream_user(const struct unit_stream *s)
{
	return s->user;
}

void
unit_stream_set_user(struct unit_stream *s, void *user)
{
	s->user = user;
}

/* The stream failed: tell the owner, then go. */
static void
fail(struct unit_stream *s)
{
	if (s->cb.closed != NULL && !s->dead) {
		s->busy++;
		s->cb.closed(s->cb.arg, s);
		s->busy--;
	}
	s->dead = true;
	if (s->busy == 0)
		destroy(s);
	else if (s->ev != NULL)
		event_fd_set(s->ev, 0);
}

/* Write what the socket takes; false when the stream failed. */
static bool
flush(struct unit_stream *s)
{
	ssize_t	 n;

	while (s->out.len > 0 && s->fd != -1) {
		n = write(s->fd, s->out.buf, s->out.len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n <= 0)
			return false;
		memmove(s->out.buf, s->out.buf + n, s->out.len - (size_t)n);
		s->out.len -= (size_t)n;
		s->out.buf[s->out.len] = '\0';
	}
	if (s->fd == -1)
		strbuf_reset(&s->out);
	if (s->ev != NULL)
		event_fd_set(s->ev, s->out.len > 0 ? POLLIN | POLLOUT : POLLIN);
	return true;
}

bool
unit_stream_send(struct unit_stream *s, const char *data, size_t len)
{
	if (s->dead)
		return false;
	strbuf_add(&s->out, data, len);
	if (s->out.truncated || !flush(s)) {
		fail(s);
		return false;
	}
	return true;
}

void
unit_stream_feed(struct unit_stream *s, const char *data, size_t len)
{
	size_t	 used;

	if (s->dead)
		return;
	strbuf_add(&s->in, data, len);
	if (s->in.truncated) {
		fail(s);
		return;
	}
	s->busy++;
	while (!s->dead && s->in.len > 0 &&
	    (used = s->cb.message(s->cb.arg, s, s->in.buf, s->in.len)) > 0) {
		if (s->dead)
			break;
		if (used > s->in.len)
			used = s->in.len;
		memmove(s->in.buf, s->in.buf + used, s->in.len - used);
		s->in.len -= used;
		s->in.buf[s->in.len] = '\0';
	}
	s->busy--;
	if (s->dead && s->busy == 0)
		destroy(s);
}

static void
stream_io(void *arg)
{
	struct unit_stream *s = arg;
	short		 re = event_revents(s->ev);
	char		 buf[4096];
	ssize_t		 n;

	if (s->dead)
		return;
	if ((re & POLLOUT) && !flush(s)) {
		fail(s);
		return;
	}
	if (!(re & (POLLIN | POLLHUP | POLLERR)))
		return;
	n = read(s->fd, buf, sizeof buf);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		fail(s);
		return;
	}
	unit_stream_feed(s, buf, (size_t)n);
}
