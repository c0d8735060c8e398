/* SPDX-License-Identifier: MIT */
/*
 * The shared licensing participant (licensing/SHARED.md): "license-server
 * address A.B.C.D secret S [port P]" with a participant license. It
 * connects through the interface whose subnet holds the server, proves
 * the secret, registers its serial number, model and local license, asks
 * for what its demand needs beyond that license, refreshes at the
 * server's interval, and keeps its grant for 24 hours of device time
 * once the server is gone; then it releases it. It reconnects on its own.
 * With "license-server backup address B" an attempt at the main server
 * that fails is followed by one at the backup server, and the other way
 * round; a link that ends goes back to the main server first.
 */
#include "device/shared_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "device/failover.h"
#include "util/util.h"

#define RETRY_FIRST_MS	500
#define REFUSED_MS	(30 * 1000)	/* after a wrong secret */

enum cli_state {
	CLI_IDLE,		/* waiting to connect */
	CLI_HELLO,		/* TLS, then the server's HELLO */
	CLI_REGISTER,		/* REGISTER sent */
	CLI_UP,			/* registered */
};

struct shared_cli {
	uint32_t		 ip;
	uint16_t		 port;
	char			*secret;	/* owned */
	enum cli_state		 st;
	struct shared_conn	*conn;
	char			 nonce[2 * SHARED_NONCE_LEN + 1];
	struct event		*timer;		/* refresh, or reconnect */
	uint64_t		 retry_ms;
	int64_t			 contact;	/* device time last heard */
	bool			 asked_set;
	uint32_t		 asked;		/* last want sent */
	bool			 lost;		/* LOST reported */
	uint32_t		 backup_ip;	/* 0: no backup address */
	bool			 at_backup;	/* the attempt or link is the
						   backup server's */
	char			 transfer[LS_SERIAL_MAX + 1]; /* to send:
					   the failover mate's id ("": none) */
};

static void	cli_connect(void *);
static void	transfer_send(struct device *);

static int64_t
now_s(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

static bool
configured(const struct device *dev)
{
	const struct ls_cfg *ls = &dev->ext->ls;

	/* The configuration first: the license is a search (each command). */
	return ls->client && ls->client_secret != NULL &&
	    device_ls_role(dev) >= 1 && !shared_server_main(dev);
}

/* The address of the server this attempt or link is with. */
static uint32_t
target(const struct shared_cli *cli)
{
	return cli->at_backup ? cli->backup_ip : cli->ip;
}

/* An attempt failed: the other server next (if there is a backup). */
static void
other(struct device *dev)
{
	struct shared_cli *cli = dev->shared->cli;

	if (!cli->at_backup)
		shared_backup_main_down(dev);
	cli->at_backup = !cli->at_backup && cli->backup_ip != 0;
}

/* The interface a connection to ip leaves by (as net.c routes). */
static const struct iface *
route(const struct device *dev, uint32_t ip)
{
	for (size_t i = 0; i < dev->ext->nifs; i++) {
		const struct iface *f = &dev->ext->ifs[i];

		if (f->nameif[0] != '\0' && f->has_ip &&
		    (f->ip & f->mask) == (ip & f->mask))
			return f;
	}
	return NULL;
}

static void
ev_simple(struct device *dev, enum shared_event_kind k, uint32_t count)
{
	struct shared_event e;

	memset(&e, 0, sizeof e);
	e.kind = k;
	e.ip = target(dev->shared->cli);
	e.count = count;
	shared_event(dev, &e);
}

static void
timer_arm(struct device *dev, uint64_t ms, event_fn *fn)
{
	struct shared_cli *cli = dev->shared->cli;
	struct event_loop *loop = shared_loop(dev);

	event_del(cli->timer);
	cli->timer = loop != NULL ? event_timer_add(loop, ms, fn, dev) : NULL;
}

/* 24 hours without the server: release what is held. */
static void
grace_check(struct device *dev)
{
	struct device_shared *sh = dev->shared;

	/* An active backup's holding is its own pool's. */
	if (sh->cli->st == CLI_UP || sh->v.held == 0 ||
	    shared_backup_serving(dev) ||
	    !lic_shared_grace_over(sh->cli->contact, now_s(dev)))
		return;
	ev_simple(dev, SHARED_EV_RELEASED, sh->v.held);
	sh->v.held = 0;
}

/* The link is gone: keep the grant (grace), reconnect later. */
static void
cli_down(struct device *dev, uint64_t ms)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;

	shared_conn_free(cli->conn);
	cli->conn = NULL;
	if (cli->st == CLI_UP && !cli->lost) {
		cli->lost = true;
		ev_simple(dev, SHARED_EV_LOST, 0);
	}
	/* A link that ended: the main server first; an attempt: the other. */
	if (cli->st == CLI_UP) {
		if (!cli->at_backup)
			shared_backup_main_down(dev);
		cli->at_backup = false;
	} else
		other(dev);
	cli->st = CLI_IDLE;
	sh->v.registered = false;
	sh->v.on_backup = false;
	grace_check(dev);
	timer_arm(dev, ms, cli_connect);
	shared_update(dev);
}

static uint64_t
retry_next(struct shared_cli *cli, uint32_t refresh)
{
	uint64_t	 ms = cli->retry_ms;
	uint64_t	 max = (uint64_t)(refresh > 0 ? refresh : 30) * 1000;

	cli->retry_ms = ms * 2 > max ? max : ms * 2;
	return ms;
}

static void
cli_refresh(void *arg)
{
	struct device	*dev = arg;
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;

	cli->timer = NULL;
	if (cli->st != CLI_UP)
		return;
	if (shared_conn_send(cli->conn, "REFRESH want=%u usage=%u",
	    cli->asked, sh->v.active) == 0)
		sh->v.msgs[SHARED_REGISTRATION].tx++;
	timer_arm(dev, (uint64_t)sh->v.refresh * 1000, cli_refresh);
}

static void
on_hello(struct device *dev, const struct shared_msg *m)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;
	const char	*nonce = shared_msg_get(m, "nonce");
	unsigned char	 ekm[SHARED_EKM_LEN];
	char		 proof[65];
	const struct iface *f;
	uint32_t	 src = 0;

	if (nonce == NULL || strlen(nonce) != 2 * SHARED_NONCE_LEN ||
	    shared_conn_ekm(cli->conn, ekm) != 0) {
		sh->v.msgs[SHARED_REGISTRATION].err++;
		cli_down(dev, retry_next(cli, sh->v.refresh));
		return;
	}
	snprintf(cli->nonce, sizeof cli->nonce, "%s", nonce);
	shared_proof(cli->secret, "asaemu-shared-p", ekm, nonce, proof);
	if ((f = route(dev, target(cli))) != NULL)
		src = device_iface_addr(dev, f);
	if (shared_conn_send(cli->conn, "REGISTER v=1 id=%s host=%s model=%s "
	    "local=%u limit=%u addr=%u.%u.%u.%u proof=%s", dev->serial,
	    dev->hostname, dev->platform->id, sh->v.local, sh->v.limit,
	    src >> 24, src >> 16 & 0xff, src >> 8 & 0xff, src & 0xff,
	    proof) == 0)
		sh->v.msgs[SHARED_REGISTRATION].tx++;
	cli->st = CLI_REGISTER;
}

static void
on_welcome(struct device *dev, const struct shared_msg *m)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;
	const char	*proof = shared_msg_get(m, "proof");
	unsigned char	 ekm[SHARED_EKM_LEN];
	char		 want[65];
	uint32_t	 refresh, total, avail;

	sh->v.msgs[SHARED_REGISTRATION].rx++;
	if (shared_msg_u32(m, "refresh", 300, &refresh) != 0 ||
	    refresh < 10 || shared_msg_u32(m, "total", UINT32_MAX,
	    &total) != 0 || shared_msg_u32(m, "avail", UINT32_MAX,
	    &avail) != 0 || proof == NULL || shared_conn_ekm(cli->conn,
	    ekm) != 0) {
		sh->v.msgs[SHARED_REGISTRATION].err++;
		cli_down(dev, retry_next(cli, sh->v.refresh));
		return;
	}
	shared_proof(cli->secret, "asaemu-shared-s", ekm, cli->nonce, want);
	if (strlen(proof) != 64 || CRYPTO_memcmp(want, proof, 64) != 0) {
		/* A server that does not know the secret. */
		sh->v.msgs[SHARED_REGISTRATION].err++;
		ev_simple(dev, SHARED_EV_REFUSED, 0);
		cli_down(dev, REFUSED_MS);
		return;
	}
	if (sh->bk != NULL && !cli->at_backup) {
		sh->v.bk.msgs[SHARED_BK_HELLO].tx++;
		sh->v.bk.msgs[SHARED_BK_HELLO].rx++;
	}
	cli->st = CLI_UP;
	cli->contact = now_s(dev);
	cli->retry_ms = RETRY_FIRST_MS;
	cli->asked_set = false;
	cli->lost = false;
	sh->v.registered = true;
	sh->v.on_backup = cli->at_backup;
	sh->v.refresh = refresh;
	sh->v.net_total = total;
	sh->v.net_avail = avail;
	ev_simple(dev, SHARED_EV_ACTIVE, 0);
	timer_arm(dev, (uint64_t)refresh * 1000, cli_refresh);
	if (!cli->at_backup)
		shared_backup_main_up(dev, cli->conn);
	transfer_send(dev);
	shared_update(dev);
}

static void
on_grant(struct device *dev, const struct shared_msg *m)
{
	struct device_shared *sh = dev->shared;
	const char	*re = shared_msg_get(m, "re");
	enum shared_kind k = SHARED_REGISTRATION;
	uint32_t	 held, total, avail, before = sh->v.held;

	if (re != NULL && strcmp(re, "get") == 0)
		k = SHARED_GET;
	else if (re != NULL && strcmp(re, "release") == 0)
		k = SHARED_RELEASE;
	else if (re != NULL && strcmp(re, "transfer") == 0)
		k = SHARED_TRANSFER;
	sh->v.msgs[k].rx++;
	if (shared_msg_u32(m, "held", sh->v.limit, &held) != 0 ||
	    shared_msg_u32(m, "total", UINT32_MAX, &total) != 0 ||
	    shared_msg_u32(m, "avail", UINT32_MAX, &avail) != 0) {
		sh->v.msgs[k].err++;
		return;
	}
	sh->cli->contact = now_s(dev);
	sh->v.held = held;
	sh->v.net_total = total;
	sh->v.net_avail = avail;
	if (held != before)
		ev_simple(dev, SHARED_EV_GRANTED, held);
	/*
	 * The mate's VPN sessions came over with the failover: its own
	 * license's and its grant (the pair's combined license counts
	 * both units', which were not all in use).
	 */
	if (k == SHARED_TRANSFER &&
	    sh->v.demand < shared_own_local(dev) + held)
		sh->v.demand = shared_own_local(dev) + held;
	shared_update(dev);
}

static void
transfer_send(struct device *dev)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;

	if (cli->st != CLI_UP || cli->transfer[0] == '\0')
		return;
	if (shared_conn_send(cli->conn, "TRANSFER from=%s", cli->transfer) == 0)
		sh->v.msgs[SHARED_TRANSFER].tx++;
	cli->transfer[0] = '\0';
}

void
shared_client_transfer(struct device *dev, const char *from)
{
	struct shared_cli *cli = dev->shared->cli;

	if (cli == NULL || from[0] == '\0' || strcmp(from, dev->serial) == 0)
		return;
	snprintf(cli->transfer, sizeof cli->transfer, "%s", from);
	transfer_send(dev);
}

static void
cli_msg(struct shared_conn *c, const struct shared_msg *m, void *arg)
{
	struct device	*dev = arg;
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;

	(void)c;
	if (cli->st == CLI_HELLO && strcmp(m->verb, "HELLO") == 0)
		on_hello(dev, m);
	else if (cli->st == CLI_REGISTER && strcmp(m->verb, "WELCOME") == 0)
		on_welcome(dev, m);
	else if (cli->st == CLI_REGISTER && strcmp(m->verb, "REFUSED") == 0) {
		sh->v.msgs[SHARED_REGISTRATION].rx++;
		sh->v.msgs[SHARED_REGISTRATION].err++;
		ev_simple(dev, SHARED_EV_REFUSED, 0);
		cli_down(dev, REFUSED_MS);
	} else if (cli->st == CLI_UP && strcmp(m->verb, "GRANT") == 0)
		on_grant(dev, m);
	else if (cli->st == CLI_UP && !cli->at_backup &&
	    strcmp(m->verb, "SYNC") == 0 && shared_backup_on_sync(dev, m) == 0)
		cli->contact = now_s(dev);
	else if (cli->st == CLI_UP && !cli->at_backup &&
	    strcmp(m->verb, "PEER") == 0 && shared_backup_on_peer(dev, m) == 0)
		;
	else {
		sh->v.msgs[SHARED_REGISTRATION].err++;
		cli_down(dev, retry_next(cli, sh->v.refresh));
	}
}

static void
cli_ready(struct shared_conn *c, void *arg)
{
	(void)c;
	(void)arg;
}

static void
cli_closed(struct shared_conn *c, bool bad, void *arg)
{
	struct device	*dev = arg;
	struct shared_cli *cli = dev->shared->cli;

	(void)c;
	(void)bad;
	cli_down(dev, cli->st == CLI_UP ? RETRY_FIRST_MS :
	    retry_next(cli, dev->shared->v.refresh));
}

static void
cli_connect_timeout(void *arg)
{
	struct device	*dev = arg;
	struct shared_cli *cli = dev->shared->cli;

	cli->timer = NULL;
	cli_down(dev, retry_next(cli, dev->shared->v.refresh));
}

static void
cli_connect(void *arg)
{
	struct device	*dev = arg;
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;
	struct shared_conn_cb cb = {
		.ready = cli_ready, .msg = cli_msg, .closed = cli_closed,
		.arg = dev,
	};
	char		*cause = NULL;
	uint32_t	 src;
	int		 fd;

	cli->timer = NULL;
	grace_check(dev);
	shared_update(dev);
	if (sh->cctx == NULL &&
	    (sh->cctx = shared_tls_ctx(dev, false, &cause)) == NULL) {
		free(cause);
		timer_arm(dev, REFUSED_MS, cli_connect);
		return;
	}
	fd = device_net_connect(dev, NULL, target(cli), cli->port, &src);
	if (fd == -1 && cli->backup_ip != 0) {
		/* Refused at once: the other server at once. */
		other(dev);
		fd = device_net_connect(dev, NULL, target(cli), cli->port,
		    &src);
	}
	if (fd == -1 && !cli->at_backup)
		shared_backup_main_down(dev);
	if (fd == -1 || (cli->conn = shared_conn_new(shared_loop(dev),
	    sh->cctx, fd, false, &cb)) == NULL) {
		timer_arm(dev, retry_next(cli, sh->v.refresh), cli_connect);
		return;
	}
	cli->st = CLI_HELLO;
	timer_arm(dev, SHARED_REG_TIMEOUT_MS, cli_connect_timeout);
}

struct shared_conn *
shared_client_connect_mem(struct device *dev, const unsigned char *ekm,
    bool *gone)
{
	struct shared_cli *cli = dev->shared != NULL ? dev->shared->cli : NULL;
	struct shared_conn_cb cb = {
		.ready = cli_ready, .msg = cli_msg, .closed = cli_closed,
		.arg = dev,
	};

	if (cli == NULL)
		return NULL;
	if (cli->conn != NULL)
		cli_down(dev, RETRY_FIRST_MS);
	cli->at_backup = false;
	cli->conn = shared_conn_new_mem(&cb, ekm, gone);
	cli->st = CLI_HELLO;
	timer_arm(dev, SHARED_REG_TIMEOUT_MS, cli_connect_timeout);
	return cli->conn;
}

static void
cli_free(struct device *dev)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;

	event_del(cli->timer);
	shared_conn_free(cli->conn);
	free(cli->secret);
	free(cli);
	sh->cli = NULL;
	sh->v.registered = false;
	sh->v.on_backup = false;
	sh->v.held = 0;
	sh->v.net_total = sh->v.net_avail = 0;
}

void
shared_client_free(struct device *dev)
{
	if (dev->shared != NULL && dev->shared->cli != NULL)
		cli_free(dev);
}

void
shared_client_sync(struct device *dev)
{
	struct device_shared *sh = shared_get(dev);
	const struct ls_cfg *ls = &dev->ext->ls;
	struct shared_cli *cli = sh->cli;
	const struct iface *f;

	if (!configured(dev)) {
		if (cli != NULL)
			cli_free(dev);
		sh->v.server_ip = sh->v.backup_ip = 0;
		return;
	}
	if (cli != NULL && (cli->ip != ls->server_ip ||
	    cli->port != ls->client_port || cli->backup_ip !=
	    (ls->has_backup_addr ? ls->backup_addr : 0) ||
	    strcmp(cli->secret, ls->client_secret) != 0))
		cli_free(dev);
	sh->v.server_ip = ls->server_ip;
	sh->v.backup_ip = ls->has_backup_addr ? ls->backup_addr : 0;
	if (sh->cli == NULL) {
		cli = sh->cli = xcalloc(1, sizeof *cli);
		cli->ip = ls->server_ip;
		cli->backup_ip = sh->v.backup_ip;
		cli->port = (uint16_t)ls->client_port;
		cli->secret = xstrdup(ls->client_secret);
		cli->retry_ms = RETRY_FIRST_MS;
		cli->contact = now_s(dev);
		timer_arm(dev, 0, cli_connect);
		return;
	}
	/* A pulled cable or a shutdown ends the link (grace begins). */
	f = route(dev, target(cli));
	if (cli->conn != NULL && (f == NULL || !device_iface_up(dev, f)))
		cli_down(dev, retry_next(cli, sh->v.refresh));
	else if (cli->conn == NULL && cli->timer == NULL)
		timer_arm(dev, 0, cli_connect);
}

void
shared_client_clock(struct device *dev)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;

	if (cli == NULL)
		return;
	if (cli->st == CLI_UP) {
		/* Tell the server at once that the time passed with us. */
		timer_arm(dev, 0, cli_refresh);
		return;
	}
	grace_check(dev);
	if (cli->conn == NULL)
		timer_arm(dev, 0, cli_connect);
}

void
shared_client_want(struct device *dev)
{
	struct device_shared *sh = dev->shared;
	struct shared_cli *cli = sh->cli;
	uint32_t	 want = lic_shared_want(sh->v.demand, sh->v.local,
	    sh->v.limit);
	bool		 rel;

	if (cli == NULL || cli->st != CLI_UP ||
	    (cli->asked_set && cli->asked == want))
		return;
	if (!cli->asked_set && want == 0 && sh->v.held == 0) {
		cli->asked_set = true;
		cli->asked = 0;
		return;
	}
	rel = want < sh->v.held;
	if (shared_conn_send(cli->conn, "%s want=%u", rel ? "RELEASE" : "GET",
	    want) != 0)
		return;
	sh->v.msgs[rel ? SHARED_RELEASE : SHARED_GET].tx++;
	cli->asked_set = true;
	cli->asked = want;
}
