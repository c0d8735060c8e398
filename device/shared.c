/* SPDX-License-Identifier: MIT */
/*
 * The device's shared AnyConnect Premium licensing: its VPN load
 * (emulator vpn-sessions), what its own license covers, the shared
 * sessions it holds as a participant or takes from its own pool as the
 * server, and the events a console words. The rules are
 * licensing/shared.c's; the wire is shared_server.c's and
 * shared_client.c's (licensing/SHARED.md).
 */
#include "device/shared_int.h"

#include <stdlib.h>
#include <string.h>

#include <openssl/ssl.h>

#include "device/failover.h"
#include "util/util.h"

#define EVENTS_MAX	256	/* queued without a console: oldest go */

struct device_shared *
shared_get(struct device *dev)
{
	if (dev->shared == NULL) {
		dev->shared = xcalloc(1, sizeof *dev->shared);
		dev->shared->dev = dev;
	}
	return dev->shared;
}

/* shared_local() of the running license run. */
static void
local_of(const struct device *dev, const struct lic_running *run,
    bool server, uint32_t *local, uint32_t *limit)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	size_t		 f = lic_catalog_find(cat, "anyconnect-premium");
	const struct lic_value *v;
	uint32_t	 premium = 0;

	*local = *limit = 0;
	if (f == (size_t)-1)
		return;
	*limit = lic_platform_max(dev->platform, run->edition, f,
	    dev->version);
	v = &run->v[f];
	if (lic_running_usable(run, cat, f))
		premium = v->value;
	*local = lic_shared_local(premium, v->timed, server);
	if (*local > *limit)
		*local = *limit;
}

void
shared_local(const struct device *dev, bool server, uint32_t *local,
    uint32_t *limit)
{
	local_of(dev, device_license_in_force(dev), server, local, limit);
}

uint32_t
shared_own_local(const struct device *dev)
{
	uint32_t	 local, limit;

	local_of(dev, &dev->lic.run, false, &local, &limit);
	return local;
}

void
shared_update(struct device *dev)
{
	struct device_shared *sh = shared_get(dev);
	struct shared_view *v = &sh->v;
	uint32_t	 want, before = v->active;

	v->server = sh->srv != NULL;
	v->client = sh->cli != NULL;
	/* An active backup has a participant license: its own counts. */
	shared_local(dev, shared_server_main(dev), &v->local, &v->limit);
	want = lic_shared_want(v->demand, v->local, v->limit);
	if (v->server)
		v->held = shared_server_self(dev, want);
	else if (v->client)
		shared_client_want(dev);
	else
		v->held = 0;
	if (v->held > v->high)
		v->high = v->held;
	v->active = lic_shared_active(v->demand, v->local + v->held,
	    v->active);
	if (v->active > before)
		v->cumulative += v->active - before;
	if (v->active > v->peak)
		v->peak = v->active;
}

const struct shared_view *
device_shared_view(struct device *dev)
{
	shared_update(dev);
	return &dev->shared->v;
}

void
device_shared_demand(struct device *dev, uint32_t sessions)
{
	shared_get(dev)->v.demand = sessions;
	shared_update(dev);
}

static void
hook_run(void *arg)
{
	struct device_shared *sh = arg;

	sh->hook_ev = NULL;
	if (sh->hook != NULL)
		sh->hook(sh->hook_arg);
}

void
shared_event(struct device *dev, const struct shared_event *e)
{
	struct device_shared *sh = shared_get(dev);
	struct event_loop *loop = shared_loop(dev);

	if (sh->nevs == EVENTS_MAX) {
		memmove(sh->evs, sh->evs + 1, (EVENTS_MAX - 1) * sizeof *sh->evs);
		sh->nevs--;
	}
	sh->evs = xreallocarray(sh->evs, sh->nevs + 1, sizeof *sh->evs);
	sh->evs[sh->nevs++] = *e;
	if (sh->hook != NULL && sh->hook_ev == NULL && loop != NULL)
		sh->hook_ev = event_timer_add(loop, 0, hook_run, sh);
}

void
device_shared_hook(struct device *dev, void (*fn)(void *), void *arg)
{
	struct device_shared *sh = shared_get(dev);

	sh->hook = fn;
	sh->hook_arg = arg;
}

struct shared_event *
device_shared_events_take(struct device *dev, size_t *n)
{
	struct device_shared *sh = shared_get(dev);
	struct shared_event *v = sh->evs;

	*n = sh->nevs;
	sh->evs = NULL;
	sh->nevs = 0;
	return v;
}

/*
 * With no server, backup or participant, before or now, and no load, an
 * update would find the view's sessions at 0 and leave them there: only
 * its license figures would change, and device_shared_view computes
 * those as it is read. An eighth of a typed command went to them.
 */
static bool
shared_idle(const struct device_shared *sh)
{
	const struct shared_view *v = &sh->v;

	return sh->srv == NULL && sh->cli == NULL && sh->bk == NULL &&
	    !v->server && !v->client && v->demand == 0 && v->active == 0 &&
	    v->held == 0;
}

void
device_shared_sync(struct device *dev)
{
	struct device_shared *sh = shared_get(dev);

	shared_backup_sync(dev);
	shared_server_sync(dev);
	shared_client_sync(dev);
	if (!shared_idle(sh))
		shared_update(dev);
}

void
device_shared_clock(struct device *dev)
{
	if (dev->shared == NULL)
		return;
	shared_backup_clock(dev);
	shared_server_clock(dev);
	shared_client_clock(dev);
	shared_update(dev);
}

static void
role_run(void *arg)
{
	struct device	*dev = arg;
	struct device_shared *sh = dev->shared;
	const struct failover *fo = device_failover_get(dev);
	bool		 on = fo != NULL && fo->cfg.enabled;
	bool		 standby = on && fo_state_standby(fo->state);

	sh->role_ev = NULL;
	device_net_sync(dev);
	if (sh->standby && on && fo_state_active(fo->state) && fo->mate.known)
		shared_client_transfer(dev, fo->mate.serial);
	sh->standby = standby;
}

void
device_shared_role_changed(struct device *dev)
{
	struct device_shared *sh = shared_get(dev);
	struct event_loop *loop = shared_loop(dev);

	if (loop == NULL) {
		role_run(dev);
		return;
	}
	if (sh->role_ev == NULL)
		sh->role_ev = event_timer_add(loop, 0, role_run, dev);
}

void
device_shared_free(struct device *dev)
{
	struct device_shared *sh = dev->shared;

	if (sh == NULL)
		return;
	shared_server_free(dev);
	shared_client_free(dev);
	shared_backup_free(dev);
	event_del(sh->hook_ev);
	event_del(sh->role_ev);
	SSL_CTX_free(sh->sctx);
	SSL_CTX_free(sh->cctx);
	free(sh->evs);
	free(sh);
	dev->shared = NULL;
}
