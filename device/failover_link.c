/* SPDX-License-Identifier: MIT */
/*
 * The failover link (failover.c has the protocol's overview): the two
 * one-way streams between the units at their failover link addresses,
 * whole messages off them (failover_proto.c says what they mean), and
 * the poll timer that sends the hellos and loses a silent mate.
 */
#include "device/failover.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/failover_int.h"
#include "device/shared.h"
#include "util/util.h"

/* ---- The link's endpoints ---- */

static const struct fo_ip *
lan_ip(const struct fo_cfg *c)
{
	for (size_t i = 0; i < 2; i++)
		if (c->lan_name[0] != '\0' &&
		    strcmp(c->ip[i].name, c->lan_name) == 0)
			return &c->ip[i];
	return NULL;
}

bool
device_failover_addrs(const struct device *dev, uint32_t *own,
    uint32_t *mate)
{
	const struct failover *fo = dev->fo;
	const struct fo_ip *ip;

	if (fo == NULL || (ip = lan_ip(&fo->cfg)) == NULL)
		return false;
	*own = fo->cfg.secondary ? ip->standby : ip->ip;
	*mate = fo->cfg.secondary ? ip->ip : ip->standby;
	return true;
}

static void
conn_free(struct fo_conn *c)
{
	if (c == NULL)
		return;
	event_del(c->ev);
	close(c->fd);
	strbuf_release(&c->in);
	strbuf_release(&c->out);
	free(c);
}

static void
in_remove(struct fo_net *net, struct fo_conn *c)
{
	for (size_t i = 0; i < net->nin; i++) {
		if (net->in[i] != c)
			continue;
		net->in[i] = net->in[--net->nin];
		conn_free(c);
		return;
	}
}

void
fo_net_close(struct device *dev)
{
	struct fo_net	*net = dev->fo->net;

	while (net->nin > 0)
		in_remove(net, net->in[net->nin - 1]);
	conn_free(net->out);
	net->out = NULL;
	if (net->listen_fd != -1) {
		event_del(net->listen_ev);
		lab_unlisten(dev->lab, net->listen_fd);
		net->listen_fd = -1;
	}
}


static void
conn_flush(struct fo_conn *c)
{
	struct fo_net	*net = c->dev->fo->net;
	ssize_t		 n;

	while (c->out.len > 0) {
		n = write(c->fd, c->out.buf, c->out.len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n <= 0) {
			/* The mate is gone: connect again at the next poll. */
			if (net->out == c)
				net->out = NULL;
			conn_free(c);
			return;
		}
		memmove(c->out.buf, c->out.buf + n, c->out.len - (size_t)n);
		c->out.len -= (size_t)n;
		c->out.buf[c->out.len] = '\0';
	}
	event_fd_set(c->ev, c->out.len > 0 ? POLLOUT : POLLIN);
}

void
fo_net_send(struct device *dev, const char *data, size_t len)
{
	struct fo_net	*net = dev->fo->net;

	if (net == NULL || net->out == NULL)
		return;
	strbuf_add(&net->out->out, data, len);
	dev->fo->xmit++;
	conn_flush(net->out);
}

/* What one read of an incoming stream gave: its whole messages. */
static void
conn_input(struct fo_conn *c, const char *buf, size_t n)
{
	struct device	*dev = c->dev;
	size_t		 used;

	strbuf_add(&c->in, buf, n);
	while (c->in.len > 0 && (used = fo_message(dev, c)) > 0) {
		memmove(c->in.buf, c->in.buf + used, c->in.len - used);
		c->in.len -= used;
		c->in.buf[c->in.len] = '\0';
	}
	fo_groups_update(dev);
	fo_replicate(dev);
}

void
fo_conn_io(void *arg)
{
	struct fo_conn	*c = arg;
	struct device	*dev = c->dev;
	struct fo_net	*net = dev->fo->net;
	char		 buf[4096];
	ssize_t		 n;

	if (net->out == c) {
		/* Our stream to the mate: writable again, or gone. */
		if (event_revents(c->ev) & (POLLHUP | POLLERR)) {
			net->out = NULL;
			conn_free(c);
			return;
		}
		conn_flush(c);
		return;
	}
	n = read(c->fd, buf, sizeof buf);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		in_remove(net, c);
		return;
	}
	conn_input(c, buf, (size_t)n);
}

static struct fo_conn *
conn_new(struct device *dev, int fd, short events)
{
	struct fo_conn	*c = xcalloc(1, sizeof *c);

	c->fd = fd;
	c->dev = dev;
	strbuf_init(&c->in, IN_CAP);
	strbuf_init(&c->out, IN_CAP);
	c->ev = event_fd_add(dev->fo->net->loop, fd, events, fo_conn_io, c);
	return c;
}

static void
listen_accept(void *arg)
{
	struct device	*dev = arg;
	struct fo_net	*net = dev->fo->net;
	int		 fd;

	while ((fd = lab_accept(net->listen_fd)) != -1) {
		net->in = xreallocarray(net->in, net->nin + 1,
		    sizeof *net->in);
		net->in[net->nin++] = conn_new(dev, fd, POLLIN);
	}
}

static bool
lan_up(const struct device *dev)
{
	const struct failover *fo = dev->fo;
	size_t		 port = device_iface_find(dev, fo->cfg.lan_if);

	return fo->cfg.lan_name[0] != '\0' && port != (size_t)-1 &&
	    device_iface_up(dev, &dev->ext->ifs[port]);
}

static void	poll_tick(void *arg);

void
fo_timer_arm(struct device *dev)
{
	struct fo_net	*net = dev->fo->net;

	event_del(net->timer);
	net->timer_ms = dev->fo->cfg.poll_ms;
	net->timer = event_timer_add(net->loop, net->timer_ms, poll_tick,
	    dev);
}

/* Endpoints as the configuration and the cable say. */
static void
net_sync(struct device *dev)
{
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	uint32_t	 own, mate;
	bool		 want, was = net->link_up, up;
	size_t		 sel = dev->ctxs.sel;
	int		 fd;

	/* The failover interface is the system's, whatever space a
	   session left selected (a context has no such interface: the
	   link would fail at every poll a context session made). */
	device_space_select(dev, CTX_SYSTEM);
	up = lan_up(dev);
	device_space_select(dev, sel);
	want = fo->cfg.enabled && up &&
	    device_failover_addrs(dev, &own, &mate) && own != 0 && mate != 0;
	net->link_up = want;
	if (!want) {
		fo_net_close(dev);
		if (was && fo->cfg.enabled)
			fo_emit(dev, &(struct fo_event){ .kind =
			    FO_EV_LAN_FAILED });
		return;
	}
	if (!was && fo->mate.known)
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_LAN_OK });
	if (net->listen_fd != -1 && net->listen_ip != own)
		fo_net_close(dev);
	if (net->listen_fd == -1 &&
	    (fd = lab_listen(dev->lab, own, FO_PORT)) != -1) {
		net->listen_fd = fd;
		net->listen_ip = own;
		net->listen_ev = event_fd_add(net->loop, fd, POLLIN,
		    listen_accept, dev);
	}
	if (net->out == NULL && (fd = lab_connect(dev->lab, mate,
	    FO_PORT)) != -1) {
		net->out = conn_new(dev, fd, POLLIN);
		fo_send_hello(dev);
	}
}

static void
lose_mate(struct device *dev)
{
	struct failover	*fo = dev->fo;

	fo->apart = true;
	fo->apart_since = fo_now(dev);
	fo->net->bulk_sent = false;
	fo_ctx_forget(fo->net);
	fo->mate.state = FO_ST_FAILED;
	fo_emit(dev, &(struct fo_event){ .kind = FO_EV_MATE_LOST });
	if (fo_state_standby(fo->state) || fo->state == FO_ST_NEGOTIATION)
		fo_go_active(dev, FO_WHY_HELLO);
}

static void
poll_tick(void *arg)
{
	struct device	*dev = arg;
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	uint64_t	 now = event_now_ms();

	net->timer = NULL;
	if (!fo->cfg.enabled)
		return;
	net_sync(dev);
	if (net->out != NULL)
		fo_send_hello(dev);
	if (fo->mate.known && !fo->apart &&
	    now - net->heard_ms > fo->cfg.hold_ms)
		lose_mate(dev);
	if (fo->state == FO_ST_NEGOTIATION && now - net->neg_ms >=
	    fo->cfg.hold_ms && !(fo->mate.known && !fo->apart &&
	    fo->mate.state == FO_ST_NEGOTIATION && fo->cfg.secondary))
		fo_go_active(dev, FO_WHY_NO_ACTIVE);
	if (fo->apart && !fo->grace_over && (uint64_t)(fo_now(dev) -
	    fo->apart_since) > LIC_UNITS_GRACE) {
		fo->grace_over = true;
		/* "time is subtracted from all unit licenses" */
		unit_held_charge(dev, fo->held, &fo->nheld);
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_GRACE_OVER });
	}
	fo_groups_update(dev);
	fo_replicate(dev);
	fo_timer_arm(dev);
}

void
failover_net_start(struct device *dev, struct event_loop *loop)
{
	struct failover	*fo = device_failover(dev);

	if (fo->net != NULL || dev->lab == NULL)
		return;
	fo->net = xcalloc(1, sizeof *fo->net);
	fo->net->loop = loop;
	fo->net->listen_fd = -1;
}

void
failover_net_sync(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || fo->net == NULL || fo->net->busy)
		return;
	net_sync(dev);
	fo_replicate(dev);
}

void
failover_net_stop(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || fo->net == NULL)
		return;
	fo_net_close(dev);
	event_del(fo->net->timer);
	event_del(fo->net->exec_ev);
	free(fo->net->exec_line);
	free(fo->net->exec_space);
	free(fo->net->reply);
	fo_ctx_forget(fo->net);
	free(fo->net->in);
	free(fo->net->sent);
	free(fo->net);
	fo->net = NULL;
}

bool
failover_recv(struct device *dev, const void *data, size_t len, size_t chunk)
{
	struct fo_conn	 c;
	const char	*p = data;

	if (dev->fo == NULL || dev->fo->net == NULL)
		return false;
	if (chunk == 0 || chunk > 4096)
		chunk = 4096;
	/* An incoming stream as conn_new makes one, with no socket. */
	memset(&c, 0, sizeof c);
	c.fd = -1;
	c.dev = dev;
	strbuf_init(&c.in, IN_CAP);
	strbuf_init(&c.out, IN_CAP);
	while (len > 0 && dev->fo != NULL && dev->fo->net != NULL) {
		size_t	 n = len < chunk ? len : chunk;

		conn_input(&c, p, n);
		p += n;
		len -= n;
	}
	strbuf_release(&c.in);
	strbuf_release(&c.out);
	return true;
}
