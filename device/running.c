/* SPDX-License-Identifier: MIT */
/*
 * The running configuration's data beyond the device's identity: its
 * life (struct cfg_ext), what clear configure resets, the shared-licensing
 * settings and the TLS proxy limit under the running license. Its text
 * (show running-config, write memory) is the commands' (commands/config.c).
 */
#include "device/device.h"

#include <stdlib.h>
#include <string.h>

#include "device/device_int.h"
#include "util/util.h"

struct cfg_ext *
cfg_ext_new(const struct lic_platform *p)
{
	struct cfg_ext	*x = xcalloc(1, sizeof *x);

	cfg_ext_ifaces_init(x, p);
	ls_cfg_clear(&x->ls);
	aaa_cfg_clear(&x->aaa);
	return x;
}

void
cfg_ext_free(struct cfg_ext *x)
{
	if (x == NULL)
		return;
	cfg_ext_ifaces_release(x);
	ls_cfg_clear(&x->ls);
	aaa_cfg_clear(&x->aaa);
	free(x);
}

void
device_config_clear(struct device *dev)
{
	free(dev->hostname);
	dev->hostname = xstrdup("ciscoasa");
	dev->enable_hash[0] = '\0';
	dev->pager_lines = 24;
	cfg_ext_ifaces_release(dev->ext);
	cfg_ext_ifaces_init(dev->ext, dev->platform);
	ls_cfg_clear(&dev->ext->ls);
	aaa_cfg_clear(&dev->ext->aaa);
	if (dev->lic.no_essentials) {
		dev->lic.no_essentials = false;
		device_license_compute(dev);
	}
}

void
ls_cfg_clear(struct ls_cfg *ls)
{
	free(ls->secret);
	free(ls->client_secret);
	for (size_t i = 0; i < ls->nenable; i++)
		free(ls->enable[i]);
	free(ls->enable);
	for (size_t i = 0; i < ls->nbenable; i++)
		free(ls->benable[i]);
	free(ls->benable);
	memset(ls, 0, sizeof *ls);
	ls->port = ls->client_port = LS_PORT_DEFAULT;
	ls->refresh = LS_REFRESH_DEFAULT;
}

uint32_t
device_ls_role(const struct device *dev)
{
	return device_license_value(dev, "shared-license");
}

/* Add or remove name in a list of nameifs (kept in the order given). */
static void
names_set(char ***v, size_t *n, const char *name, bool add)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcmp((*v)[i], name) != 0)
			continue;
		if (!add) {
			free((*v)[i]);
			memmove(&(*v)[i], &(*v)[i + 1],
			    (*n - i - 1) * sizeof **v);
			(*n)--;
		}
		return;
	}
	if (add) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = xstrdup(name);
	}
}

void
device_ls_enable_set(struct device *dev, bool backup, const char *nameif,
    bool add)
{
	struct ls_cfg	*ls = &dev->ext->ls;

	if (backup)
		names_set(&ls->benable, &ls->nbenable, nameif, add);
	else
		names_set(&ls->enable, &ls->nenable, nameif, add);
}

void
device_ls_forget_nameif(struct device *dev, const char *nameif)
{
	device_ls_enable_set(dev, false, nameif, false);
	device_ls_enable_set(dev, true, nameif, false);
}

void
device_tls_limits(const struct device *dev, struct lic_tls_limits *out)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	size_t		 uc = lic_catalog_find(cat, "uc-proxy-sessions");
	size_t		 ime = lic_catalog_find(cat,
	    "intercompany-media-engine");
	const struct lic_running *run = device_license_in_force(dev);
	struct lic_tls_in in = { 0 };

	if (uc != (size_t)-1) {
		in.uc = run->v[uc].value;
		in.uc_base = lic_platform_value(dev->platform, run->edition,
		    uc, dev->version);
	}
	if (ime != (size_t)-1)
		in.ime = run->v[ime].value != 0;
	lic_tls_limits(dev->platform, &in, out);
}

uint32_t
device_tls_sessions(const struct device *dev)
{
	struct lic_tls_limits	 l;

	device_tls_limits(dev, &l);
	if (!dev->ext->tls_set)
		return l.dflt;
	/* A license changed since: never above its maximum. */
	return dev->ext->tls_sessions < l.max ? dev->ext->tls_sessions :
	    l.max;
}

void
device_tls_uc_applied(struct device *dev, uint32_t uc_before)
{
	struct lic_tls_limits	 l;
	uint32_t		 uc = device_license_value(dev,
	    "uc-proxy-sessions");

	device_tls_limits(dev, &l);
	if (uc > uc_before && uc > l.platform_dflt)
		dev->ext->tls_set = false;
}

void
device_tls_clear(struct device *dev)
{
	struct lic_tls_limits	 l;

	device_tls_limits(dev, &l);
	dev->ext->tls_set = true;
	dev->ext->tls_sessions = l.platform_dflt;
}
