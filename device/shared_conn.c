/* SPDX-License-Identifier: MIT */
/*
 * Framed messages over non-blocking TLS on the device's event loop
 * (licensing/SHARED.md, "Transport"): a 2-byte length, 1 to 1024 bytes
 * of printable ASCII. Nothing here blocks: the handshake, reads and
 * writes go as far as the socket lets them and wait on the loop for the
 * rest. A frame the rules refuse ends the connection.
 */
#include "device/shared_int.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "util/util.h"

#define OUT_CAP		(256u * 1024)	/* queued bytes before giving up: a
					   backup sync of 1,000 participants */
#define EKM_LABEL	"EXPORTER-asaemu-shared"

struct shared_conn {
	int			 fd;		/* -1: in memory */
	SSL			*ssl;		/* NULL: in memory */
	struct event		*ev;
	struct shared_conn_cb	 cb;
	bool			 ready;		/* handshake done */
	bool			 want_write;	/* TLS waits to write */
	unsigned		 busy;		/* inside a callback */
	bool			 dead;		/* freed while busy */
	unsigned char		 in[2 + SHARED_FRAME_MAX];
	size_t			 inlen;
	unsigned char		*out;		/* queued frames */
	size_t			 outlen;
	unsigned char		 ekm[SHARED_EKM_LEN]; /* in memory */
	bool			*gone;		/* set when freed, or NULL */
};

static void	conn_io(void *);

static void
conn_destroy(struct shared_conn *c)
{
	event_del(c->ev);
	if (c->ssl != NULL)
		SSL_free(c->ssl);
	if (c->fd != -1)
		close(c->fd);
	if (c->gone != NULL)
		*c->gone = true;
	free(c->out);
	free(c);
}

/* The watch's interest (an in-memory connection has none). */
static void
conn_watch(struct shared_conn *c, short ev)
{
	if (c->ev != NULL)
		event_fd_set(c->ev, ev);
}

void
shared_conn_free(struct shared_conn *c)
{
	if (c == NULL)
		return;
	if (c->busy > 0) {
		c->dead = true;
		conn_watch(c, 0);
		return;
	}
	conn_destroy(c);
}

static void
conn_interest(struct shared_conn *c)
{
	short	 ev = POLLIN;

	if (c->want_write || (c->ready && c->outlen > 0))
		ev |= POLLOUT;
	conn_watch(c, ev);
}

struct shared_conn *
shared_conn_new(struct event_loop *loop, SSL_CTX *ctx, int fd, bool server,
    const struct shared_conn_cb *cb)
{
	struct shared_conn *c;
	SSL		*ssl = SSL_new(ctx);

	if (ssl == NULL || SSL_set_fd(ssl, fd) != 1) {
		SSL_free(ssl);
		close(fd);
		return NULL;
	}
	if (server)
		SSL_set_accept_state(ssl);
	else
		SSL_set_connect_state(ssl);
	SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE |
	    SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	c = xcalloc(1, sizeof *c);
	c->fd = fd;
	c->ssl = ssl;
	c->cb = *cb;
	c->ev = event_fd_add(loop, fd, POLLIN | POLLOUT, conn_io, c);
	return c;
}

/* The end: tell the owner once (it frees the connection). */
static void
conn_fail(struct shared_conn *c, bool bad)
{
	ERR_clear_error();
	conn_watch(c, 0);
	if (c->dead)
		return;
	c->busy++;
	c->cb.closed(c, bad, c->cb.arg);
	c->busy--;
}

/* -1: failed (conn_fail called), 0: waiting, 1: progressed. */
static int
conn_ssl_wait(struct shared_conn *c, int r, bool *eof)
{
	switch (SSL_get_error(c->ssl, r)) {
	case SSL_ERROR_WANT_READ:
		return 0;
	case SSL_ERROR_WANT_WRITE:
		c->want_write = true;
		return 0;
	case SSL_ERROR_ZERO_RETURN:
		*eof = true;
		return -1;
	case SSL_ERROR_SYSCALL:
		*eof = ERR_peek_error() == 0;
		return -1;
	default:
		*eof = false;
		return -1;
	}
}

static int
conn_flush(struct shared_conn *c, bool *eof)
{
	while (c->outlen > 0) {
		int	 n = SSL_write(c->ssl, c->out, (int)c->outlen);

		if (n <= 0)
			return conn_ssl_wait(c, n, eof);
		memmove(c->out, c->out + n, c->outlen - (size_t)n);
		c->outlen -= (size_t)n;
	}
	return 1;
}

/* Deliver the whole frames in c->in; -1 for a refused one. */
static int
conn_frames(struct shared_conn *c)
{
	struct shared_msg m;

	while (c->inlen >= 2 && !c->dead) {
		size_t	 len = (size_t)c->in[0] << 8 | c->in[1];

		if (len == 0 || len > SHARED_FRAME_MAX)
			return -1;
		if (c->inlen < 2 + len)
			return 0;
		if (shared_msg_parse(&m, (char *)c->in + 2, len) != 0)
			return -1;
		memmove(c->in, c->in + 2 + len, c->inlen - 2 - len);
		c->inlen -= 2 + len;
		c->busy++;
		c->cb.msg(c, &m, c->cb.arg);
		c->busy--;
	}
	return 0;
}

static int
conn_read(struct shared_conn *c, bool *eof, bool *bad)
{
	for (;;) {
		int	 n;

		if (c->dead)
			return 0;
		n = SSL_read(c->ssl, c->in + c->inlen,
		    (int)(sizeof c->in - c->inlen));
		if (n <= 0)
			return conn_ssl_wait(c, n, eof);
		c->inlen += (size_t)n;
		if (conn_frames(c) != 0) {
			*bad = true;
			return -1;
		}
	}
}

static void
conn_io(void *arg)
{
	struct shared_conn *c = arg;
	bool		 eof = false, bad = false;
	int		 r;

	c->busy++;
	c->want_write = false;
	if (!c->ready) {
		r = SSL_do_handshake(c->ssl);
		if (r != 1) {
			if (conn_ssl_wait(c, r, &eof) < 0)
				goto fail;
			goto out;
		}
		c->ready = true;
		c->cb.ready(c, c->cb.arg);
	}
	if (!c->dead && conn_flush(c, &eof) < 0)
		goto fail;
	if (!c->dead && conn_read(c, &eof, &bad) < 0)
		goto fail;
	if (!c->dead && conn_flush(c, &eof) < 0)
		goto fail;
out:
	c->busy--;
	if (c->dead)
		conn_destroy(c);
	else
		conn_interest(c);
	return;
fail:
	c->busy--;
	conn_fail(c, bad || !eof);
	if (c->dead)
		conn_destroy(c);
}

int
shared_conn_send(struct shared_conn *c, const char *fmt, ...)
{
	char		 buf[SHARED_FRAME_MAX + 1];
	va_list		 ap;
	int		 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (c->dead || n <= 0 || n > SHARED_FRAME_MAX ||
	    c->outlen + 2 + (size_t)n > OUT_CAP)
		return -1;
	c->out = xreallocarray(c->out, c->outlen + 2 + (size_t)n, 1);
	c->out[c->outlen] = (unsigned char)(n >> 8);
	c->out[c->outlen + 1] = (unsigned char)n;
	memcpy(c->out + c->outlen + 2, buf, (size_t)n);
	c->outlen += 2 + (size_t)n;
	if (c->ready && c->busy == 0)
		conn_interest(c);
	return 0;
}

int
shared_conn_ekm(struct shared_conn *c, unsigned char *out)
{
	if (c->ready && c->ssl == NULL) {
		memcpy(out, c->ekm, SHARED_EKM_LEN);
		return 0;
	}
	if (!c->ready || SSL_export_keying_material(c->ssl, out,
	    SHARED_EKM_LEN, EKM_LABEL, strlen(EKM_LABEL), NULL, 0, 0) != 1)
		return -1;
	return 0;
}

struct shared_conn *
shared_conn_new_mem(const struct shared_conn_cb *cb, const unsigned char *ekm,
    bool *gone)
{
	struct shared_conn *c = xcalloc(1, sizeof *c);

	c->fd = -1;
	c->cb = *cb;
	c->ready = true;
	memcpy(c->ekm, ekm, SHARED_EKM_LEN);
	c->gone = gone;
	if (gone != NULL)
		*gone = false;
	return c;
}

int
shared_conn_feed(struct shared_conn *c, const void *data, size_t len)
{
	const unsigned char *p = data;
	bool		 bad = false;

	/* As conn_read: as much as the buffer takes, then its frames. */
	c->busy++;
	while (!c->dead && len > 0 && !bad) {
		size_t	 n = sizeof c->in - c->inlen;

		if (n > len)
			n = len;
		memcpy(c->in + c->inlen, p, n);
		c->inlen += n;
		p += n;
		len -= n;
		bad = conn_frames(c) != 0;
	}
	c->busy--;
	if (bad)
		conn_fail(c, true);
	if (c->dead) {
		conn_destroy(c);
		return -1;
	}
	return 0;
}

const unsigned char *
shared_conn_sent(struct shared_conn *c, size_t *len, bool clear)
{
	*len = c->outlen;
	if (clear)
		c->outlen = 0;
	return c->out;
}

static bool
name_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '-'))
			return false;
	return true;
}

int
shared_msg_parse(struct shared_msg *m, const char *text, size_t len)
{
	char	*p, *sp;

	if (len == 0 || len > SHARED_FRAME_MAX)
		return -1;
	for (size_t i = 0; i < len; i++)
		if (text[i] < 0x21 && text[i] != ' ')
			return -1;
		else if ((unsigned char)text[i] > 0x7e)
			return -1;
	memcpy(m->buf, text, len);
	m->buf[len] = '\0';
	m->n = 0;
	m->verb = m->buf;
	p = strchr(m->buf, ' ');
	if (p != NULL)
		*p++ = '\0';
	for (const char *v = m->verb; *v != '\0'; v++)
		if (*v < 'A' || *v > 'Z')
			return -1;
	while (p != NULL) {
		char	*eq;

		if (m->n == SHARED_FIELDS_MAX)
			return -1;
		sp = strchr(p, ' ');
		if (sp != NULL)
			*sp++ = '\0';
		if ((eq = strchr(p, '=')) == NULL || eq[1] == '\0')
			return -1;
		*eq = '\0';
		if (!name_ok(p))
			return -1;
		m->name[m->n] = p;
		m->value[m->n++] = eq + 1;
		p = sp;
	}
	return *m->verb == '\0' ? -1 : 0;
}

const char *
shared_msg_get(const struct shared_msg *m, const char *name)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->name[i], name) == 0)
			return m->value[i];
	return NULL;
}

int
shared_msg_u32(const struct shared_msg *m, const char *name, uint32_t max,
    uint32_t *v)
{
	const char	*s = shared_msg_get(m, name);
	uint64_t	 n = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 10)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (uint64_t)(*s - '0');
	}
	if (n > max)
		return -1;
	*v = (uint32_t)n;
	return 0;
}
