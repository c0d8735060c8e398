/* SPDX-License-Identifier: MIT */
/*
 * The shared licensing backup server (licensing/SHARED.md, "Backup"): a
 * participant with "license-server backup enable NAMEIF". While the main
 * server is up it is a regular participant that the main server syncs
 * every 10 seconds (its settings, participants and their usage). When
 * its link to the main server is lost and cannot be made again, it takes
 * over: it listens on its backup enable interfaces and serves the pool
 * it was synced, for as long as its budget (licensing/shared.c) allows.
 * When the main server answers again it sends back its table and hands
 * back. The budget is kept on flash, so a reload keeps the backup role.
 */
#include "device/shared_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/failover.h"
#include "util/util.h"

#define STATE_FILE	"shared-backup"
#define TICK_MS		(LIC_SHARED_SYNC * 1000)

struct shared_bk {
	struct lic_shared_backup b;
	uint32_t		 total;		/* the pool, as synced */
	uint32_t		 refresh;	/* seconds, as synced */
	struct shared_peer	*peers;		/* the main's last sync */
	size_t			 npeers;
	struct shared_peer	*next;		/* the sync coming in */
	size_t			 nnext, expect;
	struct event		*tick;		/* budget while active */
	struct event		*later;		/* takeover or hand-back */
	bool			 want_active;	/* what later does */
};

static int64_t
now_s(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

bool
shared_backup_configured(const struct device *dev)
{
	const struct ls_cfg *ls = &dev->ext->ls;
	const struct failover *fo = device_failover_get(dev);

	/* "The standby unit does not act as the backup ... server." */
	if (fo != NULL && fo->cfg.enabled && fo_state_standby(fo->state))
		return false;
	/* The configuration first: the license is a search (each command). */
	return ls->client && ls->client_secret != NULL && ls->nbenable > 0 &&
	    device_ls_role(dev) == 1;
}

bool
shared_backup_serving(const struct device *dev)
{
	const struct device_shared *sh = dev->shared;

	return sh != NULL && sh->bk != NULL && sh->bk->b.active &&
	    sh->bk->b.budget > 0 && shared_backup_configured(dev);
}

static void
view(struct device *dev)
{
	struct device_shared *sh = dev->shared;
	struct shared_backup_view *v = &sh->v.bk;
	struct shared_bk *bk = sh->bk;

	v->is_backup = bk != NULL;
	v->registered = bk != NULL && bk->b.started;
	v->active = bk != NULL && bk->b.active && bk->b.budget > 0;
	v->expired = bk != NULL && bk->b.active && bk->b.budget == 0;
	v->budget = bk != NULL ? bk->b.budget : 0;
	v->active_for = bk != NULL ? bk->b.active_for : 0;
}

static void
save(struct device *dev)
{
	const struct shared_bk *bk = dev->shared->bk;
	char		 buf[160];
	int		 n;

	n = snprintf(buf, sizeof buf, "v1 %d %" PRId64 " %" PRId64 " %d %"
	    PRId64 " %u %u\n", bk->b.started ? 1 : 0, bk->b.budget, bk->b.at,
	    bk->b.active ? 1 : 0, bk->b.active_for, bk->total, bk->refresh);
	(void)device_flash_write(dev, STATE_FILE, buf, (size_t)n);
}

static void
load(struct device *dev)
{
	struct shared_bk *bk = dev->shared->bk;
	char		*text = device_flash_read(dev, STATE_FILE, NULL);
	int		 started, active;
	int64_t		 budget, at, served;
	unsigned	 total, refresh;

	if (text != NULL && sscanf(text, "v1 %d %" SCNd64 " %" SCNd64 " %d %"
	    SCNd64 " %u %u", &started, &budget, &at, &active, &served, &total,
	    &refresh) == 7 && budget >= 0 && budget <= LIC_SHARED_BACKUP_MAX &&
	    refresh >= 10 && refresh <= 300) {
		bk->b.started = started != 0;
		bk->b.budget = budget;
		bk->b.at = at;
		/* A reload finds the main first: inactive until it fails. */
		bk->b.active = false;
		bk->b.active_for = active ? served : 0;
		bk->total = total;
		bk->refresh = refresh;
	}
	free(text);
}

static void
event_simple(struct device *dev, enum shared_event_kind k, uint32_t count)
{
	struct shared_event e;

	memset(&e, 0, sizeof e);
	e.kind = k;
	e.count = count;
	shared_event(dev, &e);
}

/* The budget counted to now; the 15-day and the spent events. */
static void
advance(struct device *dev)
{
	struct shared_bk *bk = dev->shared->bk;
	unsigned	 ev = lic_shared_backup_advance(&bk->b, now_s(dev));

	if (ev & LIC_SHARED_BK_WARN)
		event_simple(dev, SHARED_EV_BK_DAYS,
		    (uint32_t)(bk->b.budget / LIC_SHARED_DAY));
	if (ev & LIC_SHARED_BK_EXPIRED)
		event_simple(dev, SHARED_EV_BK_EXPIRED, 0);
	if (ev != 0) {
		save(dev);
		device_net_sync(dev);
	}
	view(dev);
}

static void
tick_run(void *arg)
{
	struct device	*dev = arg;
	struct shared_bk *bk = dev->shared->bk;

	bk->tick = NULL;
	advance(dev);
	if (bk->b.active && bk->b.budget > 0 && shared_loop(dev) != NULL)
		bk->tick = event_timer_add(shared_loop(dev), TICK_MS,
		    tick_run, dev);
}

static void
peers_free(struct shared_peer **v, size_t *n)
{
	free(*v);
	*v = NULL;
	*n = 0;
}

void
shared_backup_free(struct device *dev)
{
	struct shared_bk *bk = dev->shared != NULL ? dev->shared->bk : NULL;

	if (bk == NULL)
		return;
	event_del(bk->tick);
	event_del(bk->later);
	peers_free(&bk->peers, &bk->npeers);
	peers_free(&bk->next, &bk->nnext);
	free(bk);
	dev->shared->bk = NULL;
	view(dev);
}

void
shared_backup_sync(struct device *dev)
{
	struct device_shared *sh = shared_get(dev);

	if (!shared_backup_configured(dev)) {
		shared_backup_free(dev);
		return;
	}
	if (sh->bk == NULL) {
		sh->bk = xcalloc(1, sizeof *sh->bk);
		load(dev);
	}
	view(dev);
}

void
shared_backup_clock(struct device *dev)
{
	if (dev->shared->bk != NULL)
		advance(dev);
}

/* Takeover or hand-back, from the event loop (never inside a callback). */
static void
later_run(void *arg)
{
	struct device	*dev = arg;
	struct shared_bk *bk = dev->shared->bk;

	bk->later = NULL;
	if (bk->want_active == bk->b.active)
		return;
	if (bk->want_active) {
		if (!lic_shared_backup_takeover(&bk->b, now_s(dev)))
			return;
		event_simple(dev, SHARED_EV_BK_ACTIVE, 0);
		tick_run(dev);
	} else {
		lic_shared_backup_handback(&bk->b, now_s(dev));
		event_simple(dev, SHARED_EV_BK_INACTIVE, 0);
	}
	save(dev);
	view(dev);
	device_net_sync(dev);
}

static void
later(struct device *dev, bool active)
{
	struct shared_bk *bk = dev->shared->bk;

	bk->want_active = active;
	if (bk->later == NULL && shared_loop(dev) != NULL)
		bk->later = event_timer_add(shared_loop(dev), 0, later_run, dev);
}

void
shared_backup_main_down(struct device *dev)
{
	struct shared_bk *bk = dev->shared->bk;

	if (bk != NULL && bk->b.started && !bk->b.active && bk->b.budget > 0)
		later(dev, true);
}

/*
 * Registered with the main again: if serving, send it the table (so that
 * what the participants hold is not granted twice), then hand back.
 */
void
shared_backup_main_up(struct device *dev, struct shared_conn *conn)
{
	struct device_shared *sh = dev->shared;
	struct shared_bk *bk = sh->bk;

	if (bk == NULL || !bk->b.active)
		return;
	if (sh->srv != NULL)
		shared_server_send_table(dev, conn, &sh->v.bk.msgs[0]);
	later(dev, false);
}

int
shared_backup_on_sync(struct device *dev, const struct shared_msg *m)
{
	struct shared_bk *bk = dev->shared->bk;
	struct shared_backup_view *v = &dev->shared->v.bk;
	uint32_t	 total, refresh, n;

	if (bk == NULL)
		return -1;
	v->msgs[SHARED_BK_SYNC].rx++;
	if (shared_msg_u32(m, "total", UINT32_MAX, &total) != 0 ||
	    shared_msg_u32(m, "refresh", 300, &refresh) != 0 || refresh < 10 ||
	    shared_msg_u32(m, "peers", 1000000, &n) != 0) {
		v->msgs[SHARED_BK_SYNC].err++;
		return -1;
	}
	if (!bk->b.started) {
		lic_shared_backup_start(&bk->b, now_s(dev));
		bk->total = total;
		bk->refresh = refresh;
		save(dev);
	}
	bk->total = total;
	bk->refresh = refresh;
	peers_free(&bk->next, &bk->nnext);
	bk->expect = n;
	if (n == 0)
		peers_free(&bk->peers, &bk->npeers);
	advance(dev);
	return 0;
}

int
shared_backup_on_peer(struct device *dev, const struct shared_msg *m)
{
	struct shared_bk *bk = dev->shared->bk;
	struct shared_backup_view *v = &dev->shared->v.bk;
	struct shared_peer p;

	if (bk == NULL || bk->expect == 0)
		return -1;
	v->msgs[SHARED_BK_UPDATE].rx++;
	if (shared_peer_parse(m, &p) != 0) {
		v->msgs[SHARED_BK_UPDATE].err++;
		return -1;
	}
	bk->next = xreallocarray(bk->next, bk->nnext + 1, sizeof *bk->next);
	bk->next[bk->nnext++] = p;
	if (--bk->expect == 0) {
		peers_free(&bk->peers, &bk->npeers);
		bk->peers = bk->next;
		bk->npeers = bk->nnext;
		bk->next = NULL;
		bk->nnext = 0;
	}
	return 0;
}

void
shared_backup_seed(struct device *dev, uint32_t *total, uint32_t *refresh,
    uint32_t *self)
{
	struct shared_bk *bk = dev->shared->bk;
	struct shared_view *v = &dev->shared->v;
	int64_t		 now = now_s(dev);

	*total = bk->total;
	*refresh = bk->refresh;
	*self = 0;
	for (size_t i = 0; i < bk->npeers; i++) {
		struct shared_peer *p;

		/* Its own entry: what it held becomes its own use. */
		if (strcmp(bk->peers[i].id, dev->serial) == 0) {
			*self = bk->peers[i].held;
			continue;
		}
		p = xcalloc(1, sizeof *p);
		*p = bk->peers[i];
		p->link = NULL;
		p->seen = now;
		memset(p->msgs, 0, sizeof p->msgs);
		v->peers = xreallocarray(v->peers, v->npeers + 1,
		    sizeof *v->peers);
		v->peers[v->npeers++] = p;
	}
}
