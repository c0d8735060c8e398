/* SPDX-License-Identifier: MIT */
/*
 * The interface table of the running configuration: the platform's
 * ports in their order, each followed by its subinterfaces in ascending
 * number; lookups by typed name, canonical name and nameif; creating and
 * removing subinterfaces. The licensed maxima are the caller's to check.
 */
#include "device/device.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/device_int.h"
#include "util/util.h"

#define SUB_MAX	4294967293u	/* ASA: subinterface numbers 1-4294967293 */

void
cfg_ext_ifaces_init(struct cfg_ext *x, const struct lic_platform *p)
{
	x->ifs = xcalloc(p->nports ? p->nports : 1, sizeof *x->ifs);
	x->nifs = 0;
	for (size_t i = 0; i < p->nports; i++) {
		struct iface	*f;

		/* Internal ports ("Internal-Data0/0", "Not used") are not
		 * configurable. */
		if (p->ports[i].internal)
			continue;
		f = &x->ifs[x->nifs];
		snprintf(f->name, sizeof f->name, "%s", p->ports[i].name);
		f->port = x->nifs++;
		f->shutdown = true;
	}
}

void
cfg_ext_ifaces_release(struct cfg_ext *x)
{
	free(x->ifs);
	x->ifs = NULL;
	x->nifs = 0;
}


static size_t
type_len(const char *s)
{
	size_t	 n = 0;

	while (s[n] != '\0' && !isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/*
 * The physical interface typed: a case-insensitive unique prefix of a
 * port type ("GigabitEthernet", "Management") followed by exactly its
 * slot/port numbers ("g0/1", "Gig0/1", "management0/0"); an exact type
 * wins over prefixes. *sub gets N of "NAME.N" (0: none). The index in
 * x->ifs, or (size_t)-1.
 */
size_t
device_iface_resolve(const struct device *dev, const char *typed,
    uint32_t *sub)
{
	const struct cfg_ext *x = dev->ext;
	size_t		 tl = type_len(typed), found = (size_t)-1;
	const char	*nums = typed + tl, *dot = strchr(nums, '.');
	size_t		 nl = dot != NULL ? (size_t)(dot - nums) : strlen(nums);
	const char	*type = NULL;
	size_t		 ftl = 0;
	bool		 exact = false, ambiguous = false;

	*sub = 0;
	/* A context's interfaces go by their names, mapped ones too. */
	for (size_t i = 0; dev->ctxs.sel != CTX_SYSTEM && i < x->nifs; i++)
		if (strcasecmp(x->ifs[i].name, typed) == 0)
			return i;
	if (tl == 0 || nl == 0)
		return (size_t)-1;
	if (dot != NULL) {
		char		*end;
		unsigned long	 n;

		if (!isdigit((unsigned char)dot[1]))
			return (size_t)-1;
		n = strtoul(dot + 1, &end, 10);
		if (*end != '\0' || n == 0 || n > SUB_MAX)
			return (size_t)-1;
		*sub = (uint32_t)n;
	}
	for (size_t i = 0; i < x->nifs; i++) {
		const struct iface *f = &x->ifs[i];
		size_t		 l = type_len(f->name);

		if (f->sub || l < tl || strncasecmp(f->name, typed, tl) != 0)
			continue;
		if (l == tl && !exact) {
			exact = true;
			ambiguous = false;
			type = f->name, ftl = l;
		} else if (!exact && type != NULL && (ftl != l ||
		    strncmp(type, f->name, l) != 0))
			ambiguous = true;
		else if (type == NULL)
			type = f->name, ftl = l;
	}
	if (type == NULL || ambiguous)
		return (size_t)-1;
	for (size_t i = 0; i < x->nifs; i++) {
		const struct iface *f = &x->ifs[i];

		if (!f->sub && type_len(f->name) == ftl &&
		    strncmp(f->name, type, ftl) == 0 &&
		    strlen(f->name + ftl) == nl &&
		    strncmp(f->name + ftl, nums, nl) == 0)
			found = i;
	}
	return found;
}

/* The canonical name of port's subinterface sub (0: the port itself). */
void
device_iface_name(const struct device *dev, size_t port, uint32_t sub,
    char name[IF_NAME_MAX])
{
	const struct cfg_ext *x = dev->ext;

	/* Port names are short ("TenGigabitEthernet0/8"): 40 is ample. */
	if (sub != 0)
		snprintf(name, IF_NAME_MAX, "%.40s.%lu", x->ifs[port].name,
		    (unsigned long)sub);
	else
		snprintf(name, IF_NAME_MAX, "%s", x->ifs[port].name);
}

size_t
device_iface_find(const struct device *dev, const char *name)
{
	const struct cfg_ext *x = dev->ext;

	for (size_t i = 0; i < x->nifs; i++)
		if (strcmp(x->ifs[i].name, name) == 0)
			return i;
	return (size_t)-1;
}

const struct iface *
device_iface_by_nameif(const struct device *dev, const char *name)
{
	for (size_t i = 0; i < dev->ext->nifs; i++)
		if (strcmp(dev->ext->ifs[i].nameif, name) == 0)
			return &dev->ext->ifs[i];
	return NULL;
}

size_t
device_iface_create(struct device *dev, size_t port, uint32_t sub,
    const char *name)
{
	struct cfg_ext	*x = dev->ext;
	size_t		 at = port + 1;
	struct iface	*f;

	while (at < x->nifs && x->ifs[at].sub && x->ifs[at].subnum < sub)
		at++;
	x->ifs = xreallocarray(x->ifs, x->nifs + 1, sizeof *x->ifs);
	memmove(&x->ifs[at + 1], &x->ifs[at], (x->nifs - at) * sizeof *f);
	x->nifs++;
	for (size_t i = at + 1; i < x->nifs; i++)
		if (!x->ifs[i].sub)
			x->ifs[i].port = i;
		else if (x->ifs[i].port >= at)
			x->ifs[i].port++;
	f = &x->ifs[at];
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	f->sub = true;
	f->subnum = sub;
	f->port = port;
	return at;
}

void
device_iface_remove(struct device *dev, size_t at)
{
	struct cfg_ext	*x = dev->ext;

	if (x->ifs[at].nameif[0] != '\0') {
		device_ls_forget_nameif(dev, x->ifs[at].nameif);
		device_ssh_forget_nameif(dev, x->ifs[at].nameif);
	}
	memmove(&x->ifs[at], &x->ifs[at + 1],
	    (x->nifs - at - 1) * sizeof *x->ifs);
	x->nifs--;
	for (size_t i = at; i < x->nifs; i++)
		if (!x->ifs[i].sub)
			x->ifs[i].port = i;
		else if (x->ifs[i].port > at)
			x->ifs[i].port--;
}
