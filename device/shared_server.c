/* SPDX-License-Identifier: MIT */
/*
 * The shared licensing server (licensing/SHARED.md): a device with the
 * server license, "license-server secret" and at least one "license-server
 * enable" interface. Participants connect to the listeners of net.c,
 * prove the secret, and are granted sessions from the pool (the key's
 * shared-premium-sessions) as licensing/shared.c rules; the server's own
 * demand draws on the pool directly. A participant silent for 3 refresh
 * intervals of device time is forgotten and its sessions go back.
 * The participant whose serial number is "license-server backup ...
 * backup-id" (or ha-backup-id) is the backup server: every 10 seconds it
 * gets the settings and the participants (SYNC, PEER). An active backup
 * server runs this same server on the pool it was synced (srv->backup).
 */
#include "device/shared_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "device/failover.h"
#include "util/util.h"

#define SETTLE_MS	1000	/* after the lab clock moved */

struct shared_link {
	struct device		*dev;
	struct shared_conn	*conn;
	uint32_t		 ip;		/* the server's address */
	uint16_t		 port;
	char			 nonce[2 * SHARED_NONCE_LEN + 1];
	struct shared_peer	*peer;		/* NULL until registered */
	struct event		*timeout;	/* to register */
	bool			 backup;	/* the peer is the backup */
	size_t			 table_left;	/* PEER frames to come */
};

struct shared_srv {
	struct shared_link	**links;
	size_t			 nlinks;
	struct event		*check;		/* the next look for silent
						   participants */
	uint32_t		 self;		/* sessions the server holds */
	bool			 backup;	/* an active backup server */
	uint32_t		 total, refresh; /* backup: as synced */
	struct event		*sync;		/* backup sync, 10 seconds */
};

static void	check_arm(struct device *, uint64_t ms);

static int64_t
now_s(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

/*
 * The main server: "For Active/Standby failover, the primary unit acts
 * as the main shared licensing server, and the standby unit acts as the
 * main shared licensing server after failover": never a standby unit.
 */
static bool
configured(const struct device *dev)
{
	const struct ls_cfg *ls = &dev->ext->ls;
	const struct failover *fo = device_failover_get(dev);

	if (fo != NULL && fo->cfg.enabled && fo_state_standby(fo->state))
		return false;
	/* The configuration first: the license is a search (each command). */
	return ls->secret != NULL && ls->nenable > 0 &&
	    device_ls_role(dev) >= 2;
}

static uint32_t
pool_total(const struct device *dev)
{
	const struct shared_srv *srv = dev->shared->srv;

	if (srv != NULL && srv->backup)
		return srv->total;
	return device_license_value(dev, "shared-premium-sessions");
}

static const char *
srv_secret(const struct device *dev)
{
	return dev->shared->srv->backup ? dev->ext->ls.client_secret :
	    dev->ext->ls.secret;
}

static uint32_t
srv_refresh(const struct device *dev)
{
	return dev->shared->srv->backup ? dev->shared->srv->refresh :
	    dev->ext->ls.refresh;
}

static bool
is_backup_id(const struct device *dev, const char *id)
{
	const struct ls_cfg *ls = &dev->ext->ls;

	return !dev->shared->srv->backup && ls->backup &&
	    (strcmp(id, ls->backup_id) == 0 ||
	    (ls->ha_id[0] != '\0' && strcmp(id, ls->ha_id) == 0));
}

/* Sum what is held; the pool's state in the view. */
static void
pool_count(struct device *dev)
{
	struct device_shared *sh = dev->shared;
	const struct ls_cfg *ls = &dev->ext->ls;
	uint64_t	 used = sh->srv->self;

	if (!sh->srv->backup) {
		sh->v.bk.registered = sh->v.bk.ha_registered = false;
		for (size_t i = 0; i < sh->srv->nlinks; i++) {
			const struct shared_link *l = sh->srv->links[i];

			if (!l->backup || l->peer == NULL)
				continue;
			if (strcmp(l->peer->id, ls->backup_id) == 0)
				sh->v.bk.registered = true;
			else
				sh->v.bk.ha_registered = true;
		}
	}
	for (size_t i = 0; i < sh->v.npeers; i++)
		used += sh->v.peers[i]->held;
	sh->v.total = pool_total(dev);
	sh->v.used = used > UINT32_MAX ? UINT32_MAX : (uint32_t)used;
}

static uint32_t
pool_avail(const struct device *dev)
{
	const struct shared_view *v = &dev->shared->v;

	return v->used >= v->total ? 0 : v->total - v->used;
}

static void
link_free(struct shared_link *l)
{
	struct shared_srv *srv = l->dev->shared->srv;

	for (size_t i = 0; i < srv->nlinks; i++) {
		if (srv->links[i] != l)
			continue;
		srv->links[i] = srv->links[--srv->nlinks];
		break;
	}
	if (l->peer != NULL)
		l->peer->link = NULL;
	event_del(l->timeout);
	shared_conn_free(l->conn);
	free(l);
}

static void
peer_remove(struct device *dev, size_t i)
{
	struct shared_view *v = &dev->shared->v;
	struct shared_peer *p = v->peers[i];

	if (p->link != NULL) {
		p->link->peer = NULL;
		link_free(p->link);
	}
	memmove(v->peers + i, v->peers + i + 1,
	    (v->npeers - i - 1) * sizeof *v->peers);
	v->npeers--;
	free(p);
}

static void
event_of(struct device *dev, enum shared_event_kind k,
    const struct shared_peer *p, uint32_t ip, uint32_t count)
{
	struct shared_event e;

	memset(&e, 0, sizeof e);
	e.kind = k;
	e.ip = ip;
	e.count = count;
	if (p != NULL) {
		snprintf(e.id, sizeof e.id, "%s", p->id);
		snprintf(e.host, sizeof e.host, "%s", p->host);
		e.ip = p->ip;
	}
	shared_event(dev, &e);
}

/* A frame or a turn the protocol refuses: counted, the link closed. */
static void
link_bad(struct shared_link *l)
{
	struct device	*dev = l->dev;
	struct shared_peer *p = l->peer;

	dev->shared->v.msgs[SHARED_REGISTRATION].err++;
	if (p != NULL)
		p->msgs[SHARED_REGISTRATION].err++;
	event_of(dev, SHARED_EV_BAD_MESSAGE, p, 0, 0);
	link_free(l);
}

static void
link_ready(struct shared_conn *c, void *arg)
{
	struct shared_link *l = arg;

	(void)c;
	shared_random_hex(l->nonce, SHARED_NONCE_LEN);
	(void)shared_conn_send(l->conn, "HELLO v=1 nonce=%s", l->nonce);
}

static void
link_timeout(void *arg)
{
	struct shared_link *l = arg;

	l->timeout = NULL;
	link_free(l);
}

static bool
word_ok(const char *s, size_t max, bool alnum)
{
	size_t	 n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > max)
		return false;
	for (; *s != '\0'; s++)
		if (alnum && !((*s >= '0' && *s <= '9') ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
			return false;
	return true;
}

static int
parse_ip(const char *s, uint32_t *ip)
{
	unsigned	 a, b, c, d;
	char		 end;

	if (s == NULL || sscanf(s, "%3u.%3u.%3u.%3u%c", &a, &b, &c, &d,
	    &end) != 4 || a > 255 || b > 255 || c > 255 || d > 255)
		return -1;
	*ip = a << 24 | b << 16 | c << 8 | d;
	return 0;
}

/* The participant of id, made if new (registration order). */
static struct shared_peer *
peer_of(struct device *dev, const char *id)
{
	struct shared_view *v = &dev->shared->v;
	struct shared_peer *p;

	for (size_t i = 0; i < v->npeers; i++)
		if (strcmp(v->peers[i]->id, id) == 0)
			return v->peers[i];
	p = xcalloc(1, sizeof *p);
	snprintf(p->id, sizeof p->id, "%s", id);
	v->peers = xreallocarray(v->peers, v->npeers + 1, sizeof *v->peers);
	v->peers[v->npeers++] = p;
	return p;
}

static void
on_register(struct shared_link *l, const struct shared_msg *m)
{
	struct device	*dev = l->dev;
	struct shared_view *v = &dev->shared->v;
	const char	*id = shared_msg_get(m, "id");
	const char	*host = shared_msg_get(m, "host");
	const char	*proof = shared_msg_get(m, "proof");
	unsigned char	 ekm[SHARED_EKM_LEN];
	char		 want[65], mine[65];
	uint32_t	 ver, local, limit, ip;
	struct shared_peer *p;

	if (shared_msg_u32(m, "v", 1, &ver) != 0 || ver != 1 ||
	    !word_ok(id, LS_SERIAL_MAX, true) || !word_ok(host, 63, false) ||
	    shared_msg_u32(m, "local", UINT32_MAX, &local) != 0 ||
	    shared_msg_u32(m, "limit", UINT32_MAX, &limit) != 0 ||
	    parse_ip(shared_msg_get(m, "addr"), &ip) != 0 || proof == NULL ||
	    strlen(proof) != 64 || shared_conn_ekm(l->conn, ekm) != 0) {
		link_bad(l);
		return;
	}
	v->msgs[SHARED_REGISTRATION].rx++;
	shared_proof(srv_secret(dev), "asaemu-shared-p", ekm, l->nonce,
	    want);
	if (CRYPTO_memcmp(want, proof, 64) != 0) {
		v->msgs[SHARED_REGISTRATION].err++;
		v->msgs[SHARED_REGISTRATION].tx++;
		(void)shared_conn_send(l->conn, "REFUSED why=secret");
		event_of(dev, SHARED_EV_PEER_REFUSED, NULL, ip, 0);
		return;
	}
	p = peer_of(dev, id);
	if (p->link != NULL && p->link != l)
		link_free(p->link);
	p->link = l;
	l->peer = p;
	snprintf(p->host, sizeof p->host, "%s", host);
	p->ip = ip;
	p->local = local;
	p->limit = limit;
	p->seen = now_s(dev);
	p->msgs[SHARED_REGISTRATION].rx++;
	p->msgs[SHARED_REGISTRATION].tx++;
	v->msgs[SHARED_REGISTRATION].tx++;
	event_del(l->timeout);
	l->timeout = NULL;
	shared_proof(srv_secret(dev), "asaemu-shared-s", ekm, l->nonce,
	    mine);
	pool_count(dev);
	(void)shared_conn_send(l->conn, "WELCOME refresh=%u total=%u "
	    "avail=%u proof=%s", srv_refresh(dev), v->total,
	    pool_avail(dev), mine);
	event_of(dev, SHARED_EV_PEER_JOINED, p, 0, 0);
	if (is_backup_id(dev, id)) {
		l->backup = true;
		v->bk.msgs[SHARED_BK_HELLO].rx++;
		v->bk.msgs[SHARED_BK_HELLO].tx++;
		pool_count(dev);
		shared_server_send_table(dev, l->conn, v->bk.msgs);
	}
}

int
shared_peer_parse(const struct shared_msg *m, struct shared_peer *p)
{
	const char	*id = shared_msg_get(m, "id");
	const char	*host = shared_msg_get(m, "host");

	memset(p, 0, sizeof *p);
	if (!word_ok(id, LS_SERIAL_MAX, true) || !word_ok(host, 63, false) ||
	    parse_ip(shared_msg_get(m, "addr"), &p->ip) != 0 ||
	    shared_msg_u32(m, "local", UINT32_MAX, &p->local) != 0 ||
	    shared_msg_u32(m, "limit", UINT32_MAX, &p->limit) != 0 ||
	    shared_msg_u32(m, "held", p->limit, &p->held) != 0 ||
	    shared_msg_u32(m, "high", UINT32_MAX, &p->high) != 0)
		return -1;
	snprintf(p->id, sizeof p->id, "%s", id);
	snprintf(p->host, sizeof p->host, "%s", host);
	return 0;
}

static int
send_peer(struct shared_conn *c, const char *id, const char *host,
    uint32_t ip, uint32_t local, uint32_t limit, uint32_t held,
    uint32_t high)
{
	return shared_conn_send(c, "PEER id=%s host=%s addr=%u.%u.%u.%u "
	    "local=%u limit=%u held=%u high=%u", id, host, ip >> 24,
	    ip >> 16 & 0xff, ip >> 8 & 0xff, ip & 0xff, local, limit, held,
	    high);
}

void
shared_server_send_table(struct device *dev, struct shared_conn *c,
    struct shared_counts *msgs)
{
	struct device_shared *sh = dev->shared;
	struct shared_view *v = &sh->v;
	size_t		 n = v->npeers + (sh->srv->backup ? 1 : 0);

	if (shared_conn_send(c, "SYNC total=%u refresh=%u peers=%zu",
	    pool_total(dev), srv_refresh(dev), n) != 0)
		return;
	msgs[SHARED_BK_SYNC].tx++;
	/* A backup handing back counts its own use as a participant's. */
	if (sh->srv->backup && send_peer(c, dev->serial, dev->hostname, 0,
	    v->local, v->limit, sh->srv->self, v->high) == 0)
		msgs[SHARED_BK_UPDATE].tx++;
	for (size_t i = 0; i < v->npeers; i++) {
		const struct shared_peer *p = v->peers[i];

		if (send_peer(c, p->id, p->host, p->ip, p->local, p->limit,
		    p->held, p->high) == 0)
			msgs[SHARED_BK_UPDATE].tx++;
	}
}

/*
 * The backup hands back: "When the main server comes back up, it syncs
 * with the backup server, and then takes over". What the backup granted
 * while it served is what those participants hold here.
 */
static void
on_table(struct shared_link *l, const struct shared_msg *m, bool head)
{
	struct device	*dev = l->dev;
	struct shared_view *v = &dev->shared->v;
	struct shared_peer in, *p;
	uint32_t	 n, room;

	if (head) {
		v->bk.msgs[SHARED_BK_SYNC].rx++;
		if (shared_msg_u32(m, "peers", 1000000, &n) != 0) {
			link_bad(l);
			return;
		}
		l->table_left = n;
		return;
	}
	v->bk.msgs[SHARED_BK_UPDATE].rx++;
	if (l->table_left == 0 || shared_peer_parse(m, &in) != 0) {
		link_bad(l);
		return;
	}
	l->table_left--;
	p = peer_of(dev, in.id);
	if (p->link == NULL || p == l->peer) {
		if (p->host[0] == '\0') {
			snprintf(p->host, sizeof p->host, "%s", in.host);
			p->ip = in.ip;
			p->local = in.local;
			p->limit = in.limit;
		}
		p->seen = now_s(dev);
		/*
		 * As a grant: participants granted here while the backup
		 * served may leave less than it granted, and a pool is
		 * never over-granted. The rest comes at the next refresh.
		 */
		pool_count(dev);
		room = p->limit > p->local ? p->limit - p->local : 0;
		p->held = lic_shared_grant(in.held, p->held, pool_avail(dev),
		    room);
		if (p->held > p->high)
			p->high = p->held;
	}
	pool_count(dev);
}

/* Every 10 seconds: the backup's copy of the settings and the table. */
static void
sync_run(void *arg)
{
	struct device	*dev = arg;
	struct shared_srv *srv = dev->shared->srv;

	srv->sync = NULL;
	for (size_t i = 0; i < srv->nlinks; i++)
		if (srv->links[i]->backup)
			shared_server_send_table(dev, srv->links[i]->conn,
			    dev->shared->v.bk.msgs);
	if (shared_loop(dev) != NULL)
		srv->sync = event_timer_add(shared_loop(dev),
		    LIC_SHARED_SYNC * 1000, sync_run, dev);
}

/* GET, RELEASE, REFRESH: grant as the pool allows. */
static void
on_request(struct shared_link *l, const struct shared_msg *m,
    enum shared_kind k, const char *re)
{
	struct device	*dev = l->dev;
	struct shared_view *v = &dev->shared->v;
	struct shared_peer *p = l->peer;
	uint32_t	 want, room;

	if (shared_msg_u32(m, "want", p->limit, &want) != 0) {
		link_bad(l);
		return;
	}
	p->msgs[k].rx++;
	v->msgs[k].rx++;
	p->seen = now_s(dev);
	pool_count(dev);
	room = p->limit > p->local ? p->limit - p->local : 0;
	p->held = lic_shared_grant(want, p->held, pool_avail(dev), room);
	if (p->held > p->high)
		p->high = p->held;
	pool_count(dev);
	p->msgs[k].tx++;
	v->msgs[k].tx++;
	(void)shared_conn_send(l->conn, "GRANT re=%s held=%u total=%u "
	    "avail=%u", re, p->held, v->total, pool_avail(dev));
}

/* TRANSFER: the sessions of its failover mate (id from) move to it. */
static void
on_transfer(struct shared_link *l, const struct shared_msg *m)
{
	struct device	*dev = l->dev;
	struct shared_view *v = &dev->shared->v;
	struct shared_peer *p = l->peer;
	const char	*from = shared_msg_get(m, "from");
	uint32_t	 room, moved;

	if (!word_ok(from, LS_SERIAL_MAX, true)) {
		link_bad(l);
		return;
	}
	p->msgs[SHARED_TRANSFER].rx++;
	v->msgs[SHARED_TRANSFER].rx++;
	p->seen = now_s(dev);
	room = p->limit > p->local ? p->limit - p->local : 0;
	for (size_t i = 0; i < v->npeers; i++) {
		struct shared_peer *f = v->peers[i];

		if (f == p || strcmp(f->id, from) != 0)
			continue;
		moved = lic_shared_transfer(p->held, f->held, room);
		f->held -= moved;
		p->held += moved;
		if (p->held > p->high)
			p->high = p->held;
		break;
	}
	pool_count(dev);
	p->msgs[SHARED_TRANSFER].tx++;
	v->msgs[SHARED_TRANSFER].tx++;
	(void)shared_conn_send(l->conn, "GRANT re=transfer held=%u total=%u "
	    "avail=%u", p->held, v->total, pool_avail(dev));
}

static void
link_msg(struct shared_conn *c, const struct shared_msg *m, void *arg)
{
	struct shared_link *l = arg;

	(void)c;
	if (l->peer == NULL && strcmp(m->verb, "REGISTER") == 0)
		on_register(l, m);
	else if (l->peer == NULL)
		link_bad(l);
	else if (strcmp(m->verb, "GET") == 0)
		on_request(l, m, SHARED_GET, "get");
	else if (strcmp(m->verb, "RELEASE") == 0)
		on_request(l, m, SHARED_RELEASE, "release");
	else if (strcmp(m->verb, "REFRESH") == 0)
		on_request(l, m, SHARED_REGISTRATION, "refresh");
	else if (strcmp(m->verb, "TRANSFER") == 0)
		on_transfer(l, m);
	else if (l->backup && strcmp(m->verb, "SYNC") == 0)
		on_table(l, m, true);
	else if (l->backup && strcmp(m->verb, "PEER") == 0)
		on_table(l, m, false);
	else
		link_bad(l);
}

static void
link_closed(struct shared_conn *c, bool bad, void *arg)
{
	struct shared_link *l = arg;

	(void)c;
	if (bad)
		link_bad(l);
	else
		link_free(l);
}

/* A new link accepted at ip, not yet listed (link_start lists it). */
static struct shared_link *
link_add(struct device *dev, uint32_t ip)
{
	struct device_shared *sh = dev->shared;
	struct shared_link *l = xcalloc(1, sizeof *l);

	l->dev = dev;
	l->ip = ip;
	l->port = (uint16_t)(sh->srv->backup ? dev->ext->ls.client_port :
	    dev->ext->ls.port);
	return l;
}

/* The link of a connection made: it must register in time. */
static void
link_start(struct shared_link *l)
{
	struct device_shared *sh = l->dev->shared;
	struct event_loop *loop = shared_loop(l->dev);

	if (loop != NULL)
		l->timeout = event_timer_add(loop, SHARED_REG_TIMEOUT_MS,
		    link_timeout, l);
	sh->srv->links = xreallocarray(sh->srv->links, sh->srv->nlinks + 1,
	    sizeof *sh->srv->links);
	sh->srv->links[sh->srv->nlinks++] = l;
}

void
shared_server_accept(struct device *dev, int fd, uint32_t ip)
{
	struct device_shared *sh = shared_get(dev);
	struct shared_conn_cb cb = {
		.ready = link_ready, .msg = link_msg, .closed = link_closed,
	};
	struct shared_link *l;
	char		*cause = NULL;

	if (sh->srv == NULL || (sh->sctx == NULL &&
	    (sh->sctx = shared_tls_ctx(dev, true, &cause)) == NULL)) {
		free(cause);
		close(fd);
		return;
	}
	l = link_add(dev, ip);
	cb.arg = l;
	if ((l->conn = shared_conn_new(shared_loop(dev), sh->sctx, fd, true,
	    &cb)) == NULL) {
		free(l);
		return;
	}
	link_start(l);
}

struct shared_conn *
shared_server_accept_mem(struct device *dev, uint32_t ip,
    const unsigned char *ekm, bool *gone)
{
	struct device_shared *sh = shared_get(dev);
	struct shared_conn_cb cb = {
		.ready = link_ready, .msg = link_msg, .closed = link_closed,
	};
	struct shared_link *l;

	if (sh->srv == NULL)
		return NULL;
	l = link_add(dev, ip);
	cb.arg = l;
	l->conn = shared_conn_new_mem(&cb, ekm, gone);
	link_start(l);
	link_ready(l->conn, l);
	return l->conn;
}

/* Forget participants silent for 3 refresh intervals of device time. */
static void
check_run(void *arg)
{
	struct device	*dev = arg;
	struct shared_view *v = &dev->shared->v;
	int64_t		 now = now_s(dev);
	uint32_t	 refresh = srv_refresh(dev);

	dev->shared->srv->check = NULL;
	for (size_t i = v->npeers; i-- > 0;) {
		struct shared_peer *p = v->peers[i];

		if (!lic_shared_peer_expired(p->seen, refresh, now))
			continue;
		event_of(dev, SHARED_EV_PEER_EXPIRED, p, 0, p->held);
		peer_remove(dev, i);
	}
	pool_count(dev);
	check_arm(dev, (uint64_t)(refresh < 10 ? refresh : 10) * 1000);
}

static void
check_arm(struct device *dev, uint64_t ms)
{
	struct shared_srv *srv = dev->shared->srv;
	struct event_loop *loop = shared_loop(dev);

	event_del(srv->check);
	srv->check = loop != NULL ? event_timer_add(loop, ms, check_run, dev) :
	    NULL;
}

void
shared_server_clock(struct device *dev)
{
	if (dev->shared->srv != NULL)
		check_arm(dev, SETTLE_MS);
}

void
shared_server_free(struct device *dev)
{
	struct device_shared *sh = dev->shared;

	if (sh == NULL || sh->srv == NULL)
		return;
	while (sh->v.npeers > 0)
		peer_remove(dev, sh->v.npeers - 1);
	while (sh->srv->nlinks > 0)
		link_free(sh->srv->links[0]);
	event_del(sh->srv->check);
	event_del(sh->srv->sync);
	free(sh->srv->links);
	free(sh->v.peers);
	sh->v.peers = NULL;
	free(sh->srv);
	sh->srv = NULL;
	sh->v.total = sh->v.used = 0;
	sh->v.bk.registered = sh->v.bk.ha_registered = false;
}

void
shared_server_sync(struct device *dev)
{
	struct device_shared *sh = shared_get(dev);
	bool		 backup = !configured(dev);

	if (backup && !shared_backup_serving(dev)) {
		shared_server_free(dev);
		return;
	}
	if (sh->srv != NULL && sh->srv->backup != backup)
		shared_server_free(dev);
	if (sh->srv == NULL) {
		sh->srv = xcalloc(1, sizeof *sh->srv);
		sh->srv->backup = backup;
		if (backup)
			shared_backup_seed(dev, &sh->srv->total,
			    &sh->srv->refresh, &sh->srv->self);
		check_arm(dev, 10000);
		if (!backup)
			sync_run(dev);
	}
	for (size_t i = sh->srv->nlinks; i-- > 0;) {
		struct shared_link *l = sh->srv->links[i];

		if (!device_net_wants(dev, l->ip, l->port))
			link_free(l);
	}
	pool_count(dev);
}

bool
shared_server_main(const struct device *dev)
{
	return dev->shared != NULL && dev->shared->srv != NULL &&
	    !dev->shared->srv->backup;
}

uint32_t
shared_server_self(struct device *dev, uint32_t want)
{
	struct device_shared *sh = dev->shared;
	uint32_t	 room = sh->v.limit > sh->v.local ?
	    sh->v.limit - sh->v.local : 0;

	pool_count(dev);
	sh->srv->self = lic_shared_grant(want, sh->srv->self, pool_avail(dev),
	    room);
	pool_count(dev);
	return sh->srv->self;
}
