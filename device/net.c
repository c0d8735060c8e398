/* SPDX-License-Identifier: MIT */
/*
 * The device on its lab's network. What the configuration serves (today:
 * the shared licensing server on each "license-server enable" interface,
 * and an active backup server on each "license-server backup enable")
 * listens on that interface's address in the lab, as long as the
 * interface has an address, is not shut down and its cable is in
 * (emulator link). Connections out leave through the interface whose
 * subnet holds the peer. Turning an interface off closes its listeners
 * and its connections, as pulling the cable does.
 */
#include "device/device.h"
#include "device/cluster.h"
#include "device/shared.h"
#include "device/failover.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/shared_int.h"
#include "util/util.h"

/* One endpoint: a listener (what it accepts is shared_server.c's). */
struct net_sock {
	int		 fd;
	struct event	*ev;
	uint32_t	 ip;		/* the device's address */
	uint16_t	 port;
	bool		 listening;
	struct device_net *net;
};

struct device_net {
	struct device	*dev;
	struct event_loop *loop;
	struct lab	*lab;
	struct net_sock	**v;
	size_t		 n;
	char		**down;		/* physical ports whose link is down */
	size_t		 ndown;
};

static void
sock_close(struct device_net *net, size_t i)
{
	struct net_sock	*ns = net->v[i];

	event_del(ns->ev);
	if (ns->listening)
		lab_unlisten(net->lab, ns->fd);
	else
		close(ns->fd);
	free(ns);
	net->v[i] = net->v[--net->n];
}

static struct net_sock *
sock_add(struct device_net *net, int fd, uint32_t ip, uint16_t port,
    bool listening)
{
	struct net_sock	*ns = xcalloc(1, sizeof *ns);

	ns->fd = fd;
	ns->ip = ip;
	ns->port = port;
	ns->listening = listening;
	ns->net = net;
	net->v = xreallocarray(net->v, net->n + 1, sizeof *net->v);
	net->v[net->n++] = ns;
	return ns;
}

static void
listener_accept(void *arg)
{
	struct net_sock	*ns = arg;
	int		 fd;

	/* The shared licensing server owns what it accepts. */
	while ((fd = lab_accept(ns->fd)) != -1)
		shared_server_accept(ns->net->dev, fd, ns->ip);
}

void
device_net_start(struct device *dev, struct event_loop *loop)
{
	if (dev->lab == NULL || dev->net != NULL)
		return;
	dev->net = xcalloc(1, sizeof *dev->net);
	dev->net->dev = dev;
	dev->net->loop = loop;
	dev->net->lab = dev->lab;
	failover_net_start(dev, loop);
	device_net_sync(dev);
}

void
device_net_stop(struct device *dev)
{
	struct device_net *net = dev->net;

	failover_net_stop(dev);
	cluster_net_stop(dev);
	if (net == NULL)
		return;
	while (net->n > 0)
		sock_close(net, net->n - 1);
	for (size_t i = 0; i < net->ndown; i++)
		free(net->down[i]);
	free(net->down);
	free(net->v);
	free(net);
	dev->net = NULL;
}

static bool
link_down(const struct device_net *net, const char *port)
{
	for (size_t i = 0; i < net->ndown; i++)
		if (strcmp(net->down[i], port) == 0)
			return true;
	return false;
}

bool
device_iface_up(const struct device *dev, const struct iface *f)
{
	const struct iface *port = &dev->ext->ifs[f->port];

	if (f->shutdown || port->shutdown)
		return false;
	return dev->net == NULL || !link_down(dev->net, port->name);
}

struct event_loop *
shared_loop(const struct device *dev)
{
	return dev->net != NULL ? dev->net->loop : NULL;
}

/*
 * The nameifs the shared licensing serves on and their port: the
 * server's, else an active backup server's (its main server's port);
 * none on a standby unit.
 */
static char **
serves(const struct device *dev, size_t *n, uint16_t *port)
{
	const struct ls_cfg *ls = &dev->ext->ls;
	const struct failover *fo = device_failover_get(dev);

	/* A standby unit serves nothing: its active mate does. */
	if (fo != NULL && fo->cfg.enabled && fo_state_standby(fo->state)) {
		*n = 0;
		*port = 0;
		return NULL;
	}
	if (ls->nenable > 0 || !shared_backup_serving(dev)) {
		*n = ls->nenable;
		*port = (uint16_t)ls->port;
		return ls->enable;
	}
	*n = ls->nbenable;
	*port = (uint16_t)ls->client_port;
	return ls->benable;
}

bool
device_net_wants(const struct device *dev, uint32_t ip, uint16_t port)
{
	uint16_t	 p;
	size_t		 n;
	char		**names = serves(dev, &n, &p);

	for (size_t i = 0; i < n; i++) {
		const struct iface *f = device_iface_by_nameif(dev, names[i]);

		if (f != NULL && f->has_ip && device_iface_addr(dev, f) == ip &&
		    p == port && device_iface_up(dev, f))
			return true;
	}
	return false;
}

/* Drop what is no longer served, or whose interface went down. */
static void
sync_close(struct device *dev)
{
	struct device_net *net = dev->net;

	for (size_t i = net->n; i-- > 0;) {
		const struct net_sock *ns = net->v[i];

		if (!device_net_wants(dev, ns->ip, ns->port))
			sock_close(net, i);
	}
}

static bool
serving(const struct device_net *net, uint32_t ip, uint16_t port)
{
	for (size_t i = 0; i < net->n; i++)
		if (net->v[i]->listening && net->v[i]->ip == ip &&
		    net->v[i]->port == port)
			return true;
	return false;
}

void
device_net_sync(struct device *dev)
{
	struct device_net *net = dev->net;
	uint16_t	 port;
	size_t		 nnames;
	char		**names;

	if (net == NULL) {
		device_shared_sync(dev);
		return;
	}
	/* The backup's state first: it decides what is served. */
	device_shared_sync(dev);
	names = serves(dev, &nnames, &port);
	sync_close(dev);
	for (size_t i = 0; i < nnames; i++) {
		const struct iface *f = device_iface_by_nameif(dev, names[i]);
		struct net_sock *ns;
		int fd;

		uint32_t ip = f != NULL ? device_iface_addr(dev, f) : 0;

		if (f == NULL || !f->has_ip || ip == 0 ||
		    !device_iface_up(dev, f) || serving(net, ip, port))
			continue;
		if ((fd = lab_listen(net->lab, ip, port)) == -1)
			continue;
		ns = sock_add(net, fd, ip, port, true);
		ns->ev = event_fd_add(net->loop, fd, POLLIN, listener_accept,
		    ns);
	}
	failover_net_sync(dev);
	cluster_net_sync(dev);
}

/* The interface a connection to ip leaves by: named, or by subnet. */
static const struct iface *
route(const struct device *dev, const char *nameif, uint32_t ip)
{
	const struct cfg_ext *x = dev->ext;

	if (nameif != NULL)
		return device_iface_by_nameif(dev, nameif);
	for (size_t i = 0; i < x->nifs; i++) {
		const struct iface *f = &x->ifs[i];

		if (f->nameif[0] != '\0' && f->has_ip &&
		    (f->ip & f->mask) == (ip & f->mask))
			return f;
	}
	return NULL;
}

int
device_net_connect(struct device *dev, const char *nameif, uint32_t ip,
    uint16_t port, uint32_t *src)
{
	const struct iface *f = route(dev, nameif, ip);

	if (f == NULL || !f->has_ip) {
		errno = ENETUNREACH;
		return -1;
	}
	*src = device_iface_addr(dev, f);
	if (dev->lab == NULL || !device_iface_up(dev, f)) {
		errno = ENETDOWN;
		return -1;
	}
	return lab_connect(dev->lab, ip, port);
}

int
device_link_set(struct device *dev, size_t port, bool up)
{
	struct device_net *net = dev->net;
	const char	*name = dev->ext->ifs[port].name;

	if (net == NULL)
		return -1;
	if (up) {
		for (size_t i = 0; i < net->ndown; i++) {
			if (strcmp(net->down[i], name) != 0)
				continue;
			free(net->down[i]);
			net->down[i] = net->down[--net->ndown];
			break;
		}
	} else if (!link_down(net, name)) {
		net->down = xreallocarray(net->down, net->ndown + 1,
		    sizeof *net->down);
		net->down[net->ndown++] = xstrdup(name);
	}
	device_net_sync(dev);
	return 0;
}
