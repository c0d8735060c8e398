/* SPDX-License-Identifier: MIT */
/*
 * Multiple context mode: the mode the flash boots in, the contexts of the
 * system configuration and what each owns. A context is its own running
 * configuration (a struct dev_space: hostname, enable password, pager,
 * and a struct cfg_ext holding only the interfaces allocated to it, under
 * their mapped names); the system execution space is another. Commands
 * run one at a time, so the space a command acts on is swapped into
 * struct device's fields before it runs (device_space_select) and every
 * command written for single mode acts on that space unchanged.
 */
#include "device/device.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/device_int.h"
#include "util/util.h"

#define MODE_FILE	"mode"		/* .private: "multiple\n" */

bool
device_mode_flash(const struct device *dev)
{
	char	*s = device_flash_read(dev, MODE_FILE, NULL);
	bool	 multi = s != NULL && strncmp(s, "multiple", 8) == 0;

	free(s);
	return multi;
}

int
device_mode_save(const struct device *dev, bool multi)
{
	if (!multi)
		return device_flash_remove(dev, MODE_FILE);
	return device_flash_write(dev, MODE_FILE, "multiple\n", 9);
}

static struct dev_space *
space_of(struct device *dev, size_t i)
{
	return i == CTX_SYSTEM ? &dev->ctxs.sys : &dev->ctxs.v[i].sp;
}

static void
space_release(struct dev_space *sp)
{
	free(sp->hostname);
	cfg_ext_free(sp->ext);
	memset(sp, 0, sizeof *sp);
}

/* A context's factory configuration: its name, no interfaces. */
static void
space_default(struct device *dev, struct dev_space *sp, const char *name)
{
	sp->hostname = xstrdup(name);
	sp->enable_hash[0] = '\0';
	sp->pager_lines = 24;
	sp->ext = cfg_ext_new(dev->platform);
	cfg_ext_ifaces_release(sp->ext);
}

void
device_space_select(struct device *dev, size_t i)
{
	struct device_contexts *c = &dev->ctxs;
	struct dev_space *sp;

	if (i == c->sel)
		return;
	sp = space_of(dev, c->sel);
	sp->hostname = dev->hostname;
	memcpy(sp->enable_hash, dev->enable_hash, sizeof sp->enable_hash);
	sp->pager_lines = dev->pager_lines;
	sp->ext = dev->ext;
	sp = space_of(dev, i);
	dev->hostname = sp->hostname;
	memcpy(dev->enable_hash, sp->enable_hash, sizeof dev->enable_hash);
	dev->pager_lines = sp->pager_lines;
	dev->ext = sp->ext;
	sp->hostname = NULL;
	sp->ext = NULL;
	c->sel = i;
}

const char *
device_system_hostname(const struct device *dev)
{
	return dev->ctxs.sel == CTX_SYSTEM ? dev->hostname :
	    dev->ctxs.sys.hostname;
}

static void
context_release(struct dev_context *x)
{
	free(x->description);
	free(x->allocs);
	space_release(&x->sp);
}

void
device_contexts_release(struct device *dev)
{
	struct device_contexts *c = &dev->ctxs;

	device_space_select(dev, CTX_SYSTEM);
	for (size_t i = 0; i < c->n; i++)
		context_release(&c->v[i]);
	free(c->v);
	c->v = NULL;
	c->n = 0;
	c->admin[0] = '\0';
	c->multi = false;
}

void
device_contexts_reset(struct device *dev)
{
	device_contexts_release(dev);
	dev->ctxs.multi = dev->flash != NULL && device_mode_flash(dev);
}

size_t
device_context_find(const struct device *dev, const char *name)
{
	for (size_t i = 0; i < dev->ctxs.n; i++)
		if (strcmp(dev->ctxs.v[i].name, name) == 0)
			return i;
	return CTX_SYSTEM;
}

size_t
device_context_add(struct device *dev, const char *name)
{
	struct device_contexts *c = &dev->ctxs;
	struct dev_context *x;

	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	x = &c->v[c->n];
	memset(x, 0, sizeof *x);
	snprintf(x->name, sizeof x->name, "%s", name);
	space_default(dev, &x->sp, name);
	return c->n++;
}

void
device_context_remove(struct device *dev, size_t i)
{
	struct device_contexts *c = &dev->ctxs;
	size_t		 sel = c->sel;

	device_space_select(dev, CTX_SYSTEM);
	context_release(&c->v[i]);
	memmove(&c->v[i], &c->v[i + 1], (c->n - i - 1) * sizeof *c->v);
	c->n--;
	if (sel != CTX_SYSTEM && sel != i)
		device_space_select(dev, sel > i ? sel - 1 : sel);
}

void
device_context_clear(struct device *dev, size_t i)
{
	struct dev_context *x = &dev->ctxs.v[i];
	size_t		 sel = dev->ctxs.sel;

	struct ctx_alloc *allocs = x->allocs;
	size_t		 n = x->nallocs;

	device_space_select(dev, CTX_SYSTEM);
	space_release(&x->sp);
	space_default(dev, &x->sp, x->name);
	x->allocs = NULL;
	x->nallocs = 0;
	for (size_t k = 0; k < n; k++)
		device_context_allocate(dev, i, allocs[k].phys,
		    allocs[k].mapped, allocs[k].visible);
	free(allocs);
	device_space_select(dev, sel);
}

/* The context's own interface for allocation a, or (size_t)-1. */
static size_t
alloc_iface(const struct cfg_ext *x, const struct ctx_alloc *a)
{
	const char	*seen = a->mapped[0] != '\0' ? a->mapped : a->phys;

	for (size_t k = 0; k < x->nifs; k++)
		if (strcmp(x->ifs[k].name, seen) == 0)
			return k;
	return (size_t)-1;
}

int
device_context_allocate(struct device *dev, size_t i, const char *phys,
    const char *mapped, bool visible)
{
	struct dev_context *x = &dev->ctxs.v[i];
	size_t		 sel = dev->ctxs.sel, at = x->nallocs;
	struct cfg_ext	*ext;
	struct ctx_alloc a;
	struct iface	*f;

	device_space_select(dev, CTX_SYSTEM);
	ext = x->sp.ext;
	memset(&a, 0, sizeof a);
	snprintf(a.phys, sizeof a.phys, "%s", phys);
	snprintf(a.mapped, sizeof a.mapped, "%s", mapped);
	a.visible = visible;
	for (size_t k = 0; k < x->nallocs; k++) {
		if (strcmp(x->allocs[k].phys, phys) == 0)
			at = k;
		else if (mapped[0] != '\0' &&
		    strcasecmp(x->allocs[k].mapped, mapped) == 0) {
			device_space_select(dev, sel);
			return -1;
		}
	}
	if (at < x->nallocs) {
		size_t	 old = alloc_iface(ext, &x->allocs[at]);

		/* A new mapping of the same interface: renamed in place. */
		if (old != (size_t)-1)
			snprintf(ext->ifs[old].name, sizeof ext->ifs[old].name,
			    "%s", mapped[0] != '\0' ? mapped : phys);
		x->allocs[at] = a;
		device_space_select(dev, sel);
		return 0;
	}
	x->allocs = xreallocarray(x->allocs, x->nallocs + 1,
	    sizeof *x->allocs);
	x->allocs[x->nallocs++] = a;
	if (ext->nifs == ext->aifs) {
		ext->aifs = ext->aifs ? 2 * ext->aifs : 8;
		ext->ifs = xreallocarray(ext->ifs, ext->aifs, sizeof *ext->ifs);
	}
	f = &ext->ifs[ext->nifs++];
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", mapped[0] != '\0' ? mapped :
	    phys);
	cfg_ext_ifaces_reindex(ext);
	device_space_select(dev, sel);
	return 0;
}

bool
device_context_unallocate(struct device *dev, size_t i, const char *phys)
{
	struct dev_context *x = &dev->ctxs.v[i];
	size_t		 sel = dev->ctxs.sel, k, at;

	for (k = 0; k < x->nallocs; k++)
		if (strcmp(x->allocs[k].phys, phys) == 0)
			break;
	if (k == x->nallocs)
		return false;
	device_space_select(dev, i);
	at = alloc_iface(dev->ext, &x->allocs[k]);
	if (at != (size_t)-1)
		device_iface_remove(dev, at);
	device_space_select(dev, sel);
	memmove(&x->allocs[k], &x->allocs[k + 1],
	    (x->nallocs - k - 1) * sizeof *x->allocs);
	x->nallocs--;
	return true;
}

void
device_mode_convert(struct device *dev)
{
	struct device_contexts *c = &dev->ctxs;
	struct cfg_ext	*sys = cfg_ext_new(dev->platform), *old = dev->ext;
	struct dev_context *x;
	size_t		 i;

	c->multi = true;
	i = device_context_add(dev, "admin");
	x = &c->v[i];
	snprintf(x->url, sizeof x->url, "disk0:/admin.cfg");
	snprintf(c->admin, sizeof c->admin, "admin");
	x->allocs = xcalloc(old->nifs ? old->nifs : 1, sizeof *x->allocs);
	for (size_t k = 0; k < old->nifs; k++) {
		snprintf(x->allocs[k].phys, sizeof x->allocs[k].phys, "%s",
		    old->ifs[k].name);
	}
	x->nallocs = old->nifs;
	/* The hardware stays the system's: ports, subinterfaces, vlans. */
	dev->ext = sys;
	for (size_t k = 0; k < old->nifs; k++) {
		const struct iface *f = &old->ifs[k];
		uint32_t	 sub;
		size_t		 port = device_iface_resolve(dev, f->name, &sub);
		size_t		 at = port;

		if (port == (size_t)-1)
			continue;
		if (sub != 0 && (at = device_iface_find(dev, f->name)) ==
		    (size_t)-1)
			at = device_iface_create(dev, port, sub, f->name);
		sys->ifs[at].shutdown = f->shutdown;
		device_iface_set_vlan(dev, &sys->ifs[at], f->vlan);
	}
	/* In the context every interface is its own: no subinterfaces. */
	for (size_t k = 0; k < old->nifs; k++) {
		old->ifs[k].sub = false;
		old->ifs[k].vlan = 0;
	}
	cfg_ext_ifaces_reindex(old);
	sys->tls_set = old->tls_set;
	sys->tls_sessions = old->tls_sessions;
	cfg_ext_free(x->sp.ext);
	free(x->sp.hostname);
	x->sp.ext = old;
	x->sp.hostname = xstrdup(dev->hostname);
	memcpy(x->sp.enable_hash, dev->enable_hash, sizeof x->sp.enable_hash);
	x->sp.pager_lines = dev->pager_lines;
}
