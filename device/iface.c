/* SPDX-License-Identifier: MIT */
/*
 * The interface table of the running configuration: the platform's
 * ports in their order, each followed by its subinterfaces in ascending
 * number; lookups by typed name, canonical name, nameif and vlan;
 * creating and removing subinterfaces. The licensed maxima are the
 * caller's to check. Every lookup is a binary search within a port's
 * subinterfaces or a hash probe, so that a configuration of thousands of
 * subinterfaces boots and prints in time linear in their number.
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
#define VLAN_KEY_MAX (IF_NAME_MAX + 16)

/*
 * An iface_map keeps its entries dense, in e[0..n), and open addressing
 * over them in slot[0..cap): an entry's number plus one (0: free) and
 * its key's hash. Keys live in their entries (a malloc per key was a
 * tenth of a boot of 1,000 subinterfaces), and the slots are small (the
 * page faults of a table of whole entries cost more than the mallocs).
 */
struct iface_key {
	char	 key[VLAN_KEY_MAX];
	char	 name[IF_NAME_MAX];	/* the interface's canonical name */
};

struct iface_slot {
	uint32_t	 at;		/* entry + 1; 0: free */
	uint32_t	 hash;
};

/* A copy of s in dst (size bytes), cut if longer; its length. */
static size_t
copy_str(char *dst, const char *s, size_t size)
{
	size_t	 n = strlen(s);

	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return n;
}

/*
 * A key's hash: eight bytes at a time, each word mixed by a multiply and
 * a shift, then murmur3's finalizer (keys differ in their last bytes,
 * which a multiply alone leaves above the mask).
 */
static uint32_t
map_hash(const char *key)
{
	size_t		 n = strlen(key);
	uint64_t	 h = 0xcbf29ce484222325ull ^ n, w;

	for (; n >= 8; n -= 8, key += 8) {
		memcpy(&w, key, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 32;
	}
	for (w = 0; n > 0; n--)
		w = w << 8 | (unsigned char)key[n - 1];
	h ^= w;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return (uint32_t)h;
}

/* The slot holding key (of hash h), or the free one where it would go. */
static size_t
map_slot(const struct iface_map *m, const char *key, uint32_t h)
{
	size_t			 i = h & (m->cap - 1);
	const struct iface_slot	*sl;

	for (sl = &m->slot[i]; sl->at != 0; sl = &m->slot[i]) {
		if (sl->hash == h && strcmp(m->e[sl->at - 1].key, key) == 0)
			break;
		i = (i + 1) & (m->cap - 1);
	}
	return i;
}

static const char *
map_get(const struct iface_map *m, const char *key)
{
	size_t	 i;

	if (m->cap == 0)
		return NULL;
	i = map_slot(m, key, map_hash(key));
	return m->slot[i].at != 0 ? m->e[m->slot[i].at - 1].name : NULL;
}

/* Twice the slots, each entry where its hash now goes. */
static void
map_grow(struct iface_map *m)
{
	size_t			 cap = m->cap ? 2 * m->cap : 16, i;
	struct iface_slot	*slot = xcalloc(cap, sizeof *slot);

	for (size_t j = 0; j < m->cap; j++) {
		if (m->slot[j].at == 0)
			continue;
		for (i = m->slot[j].hash & (cap - 1); slot[i].at != 0;
		    i = (i + 1) & (cap - 1))
			;
		slot[i] = m->slot[j];
	}
	free(m->slot);
	m->slot = slot;
	m->cap = cap;
	m->e = xreallocarray(m->e, cap / 2, sizeof *m->e);
}

static void
map_put(struct iface_map *m, const char *key, const char *name)
{
	uint32_t	 h = map_hash(key);
	size_t		 i;

	if (2 * (m->n + 1) > m->cap)
		map_grow(m);
	i = map_slot(m, key, h);
	if (m->slot[i].at == 0) {
		copy_str(m->e[m->n].key, key, sizeof m->e[m->n].key);
		m->slot[i].at = (uint32_t)++m->n;
		m->slot[i].hash = h;
	}
	copy_str(m->e[m->slot[i].at - 1].name, name, sizeof m->e->name);
}

/*
 * Remove key: the last entry fills its place, and the slots after it
 * move back over the entries it displaced (linear probing).
 */
static void
map_del(struct iface_map *m, const char *key)
{
	size_t		 i, j, k, mask = m->cap - 1;
	uint32_t	 at, h;

	if (m->cap == 0)
		return;
	h = map_hash(key);
	if ((at = m->slot[i = map_slot(m, key, h)].at) == 0)
		return;
	if (at != m->n) {
		/* The last entry's slot: found by its key's hash. */
		for (j = map_hash(m->e[m->n - 1].key) & mask;
		    m->slot[j].at != m->n; j = (j + 1) & mask)
			;
		m->e[at - 1] = m->e[m->n - 1];
		m->slot[j].at = at;
	}
	m->n--;
	m->slot[i].at = 0;
	for (j = (i + 1) & mask; m->slot[j].at != 0; j = (j + 1) & mask) {
		k = m->slot[j].hash & mask;
		if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
			continue;
		m->slot[i] = m->slot[j];
		m->slot[j].at = 0;
		i = j;
	}
}

static void
map_release(struct iface_map *m)
{
	free(m->slot);
	free(m->e);
	memset(m, 0, sizeof *m);
}

/* "PORT#VLAN": the key of a vlan on a port. */
static void
vlan_key(const struct cfg_ext *x, size_t port, uint32_t vlan,
    char key[VLAN_KEY_MAX])
{
	char	 num[12];
	size_t	 at = sizeof num, n;

	n = copy_str(key, x->ifs[port].name, IF_NAME_MAX);
	key[n++] = '#';
	do
		num[--at] = (char)('0' + vlan % 10);
	while ((vlan /= 10) != 0);
	memcpy(key + n, num + at, sizeof num - at);
	key[n + sizeof num - at] = '\0';
}

void
cfg_ext_ifaces_init(struct cfg_ext *x, const struct lic_platform *p)
{
	x->aifs = p->nports ? p->nports : 1;
	x->ifs = xcalloc(x->aifs, sizeof *x->ifs);
	x->ports = xcalloc(x->aifs, sizeof *x->ports);
	x->nifs = x->nports = 0;
	memset(&x->by_nameif, 0, sizeof x->by_nameif);
	memset(&x->by_vlan, 0, sizeof x->by_vlan);
	for (size_t i = 0; i < p->nports; i++) {
		struct iface	*f;

		/* Internal ports ("Internal-Data0/0", "Not used") are not
		 * configurable. */
		if (p->ports[i].internal)
			continue;
		f = &x->ifs[x->nifs];
		snprintf(f->name, sizeof f->name, "%s", p->ports[i].name);
		x->ports[x->nports++] = x->nifs;
		f->port = x->nifs++;
		f->shutdown = true;
	}
}

void
cfg_ext_ifaces_release(struct cfg_ext *x)
{
	free(x->ifs);
	free(x->ports);
	x->ifs = NULL;
	x->ports = NULL;
	x->nifs = x->aifs = x->nports = 0;
	map_release(&x->by_nameif);
	map_release(&x->by_vlan);
}

void
cfg_ext_ifaces_reindex(struct cfg_ext *x)
{
	char	 key[VLAN_KEY_MAX];

	map_release(&x->by_nameif);
	map_release(&x->by_vlan);
	if (x->aifs < x->nifs)
		x->aifs = x->nifs;
	x->ports = xreallocarray(x->ports, x->aifs ? x->aifs : 1,
	    sizeof *x->ports);
	x->nports = 0;
	for (size_t i = 0; i < x->nifs; i++) {
		struct iface *f = &x->ifs[i];

		if (!f->sub) {
			x->ports[x->nports++] = i;
			f->port = i;
		}
		if (f->nameif[0] != '\0')
			map_put(&x->by_nameif, f->nameif, f->name);
		if (f->sub && f->vlan != 0) {
			vlan_key(x, f->port, f->vlan, key);
			map_put(&x->by_vlan, key, f->name);
		}
	}
}

/* The index in ifs after the k-th port and its subinterfaces. */
static size_t
port_end_k(const struct cfg_ext *x, size_t k)
{
	return k + 1 < x->nports ? x->ports[k + 1] : x->nifs;
}

/*
 * The first subinterface of port numbered sub or more, or the index after
 * them. They follow it in ascending number, so "a subinterface of port
 * numbered below sub" holds for a prefix of what follows port.
 */
static size_t
sub_lower(const struct cfg_ext *x, size_t port, uint32_t sub)
{
	size_t	 lo = port + 1, hi = x->nifs, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->ifs[mid].sub && x->ifs[mid].port == port &&
		    x->ifs[mid].subnum < sub)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * N of ".N" in s (the digits after the dot): 1 to SUB_MAX and nothing
 * after, as strtoul would read them; 0 otherwise.
 */
static uint32_t
sub_number(const char *s)
{
	uint64_t	 n = 0;

	if (!isdigit((unsigned char)*s))
		return 0;
	for (; isdigit((unsigned char)*s); s++) {
		n = 10 * n + (uint64_t)(*s - '0');
		if (n > SUB_MAX)
			return 0;
	}
	return *s == '\0' ? (uint32_t)n : 0;
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
	if (dot != NULL && (*sub = sub_number(dot + 1)) == 0)
		return (size_t)-1;
	/*
	 * A port's own name, as a saved configuration spells it: nothing
	 * to resolve (the prefix search below was a sixth of a boot).
	 */
	for (size_t k = 0, pl = tl + nl; k < x->nports; k++) {
		const struct iface *f = &x->ifs[x->ports[k]];

		if (!f->sub && strncmp(f->name, typed, pl) == 0 &&
		    f->name[pl] == '\0')
			return x->ports[k];
	}
	for (size_t k = 0; k < x->nports; k++) {
		const struct iface *f = &x->ifs[x->ports[k]];
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
	for (size_t k = 0; k < x->nports; k++) {
		const struct iface *f = &x->ifs[x->ports[k]];

		if (!f->sub && type_len(f->name) == ftl &&
		    strncmp(f->name, type, ftl) == 0 &&
		    strlen(f->name + ftl) == nl &&
		    strncmp(f->name + ftl, nums, nl) == 0)
			found = x->ports[k];
	}
	return found;
}

/* The canonical name of port's subinterface sub (0: the port itself). */
void
device_iface_name(const struct device *dev, size_t port, uint32_t sub,
    char name[IF_NAME_MAX])
{
	const struct cfg_ext *x = dev->ext;
	const char	*p = x->ifs[port].name;
	size_t		 n = strlen(p);
	char		 num[10], *d = num + sizeof num;

	/*
	 * Port names are short ("TenGigabitEthernet0/8"): 40 is ample.
	 * Without snprintf: every interface line of a boot asks.
	 */
	if (n > (sub != 0 ? 40 : IF_NAME_MAX - 1))
		n = sub != 0 ? 40 : IF_NAME_MAX - 1;
	memcpy(name, p, n);
	if (sub != 0) {
		name[n++] = '.';
		do {
			*--d = (char)('0' + sub % 10);
			sub /= 10;
		} while (sub != 0);
		memcpy(name + n, d, (size_t)(num + sizeof num - d));
		n += (size_t)(num + sizeof num - d);
	}
	name[n] = '\0';
}

/*
 * A canonical name is its port's, or that and ".N" (device_iface_name).
 * A port matches when its name is name up to the end or up to a dot:
 * those lengths are found first, so that each port costs a byte or two
 * (called twice for every "interface" line of a boot).
 */
size_t
device_iface_find(const struct device *dev, const char *name)
{
	const struct cfg_ext *x = dev->ext;
	size_t		 cut[IF_NAME_MAX], ncut = 0, i, end, len, k;
	const char	*pn, *dot;
	uint32_t	 n;

	if ((len = strlen(name)) == 0 || len >= IF_NAME_MAX)
		return (size_t)-1;	/* longer than any name */
	for (dot = name + 1; (dot = memchr(dot, '.', len - (size_t)(dot -
	    name))) != NULL; dot++)
		cut[ncut++] = (size_t)(dot - name);
	cut[ncut++] = len;
	for (size_t p = 0; p < x->nports; p++) {
		i = x->ports[p];
		pn = x->ifs[i].name;
		for (size_t c = 0; c < ncut; c++) {
			len = cut[c];
			if (pn[len] != '\0' || pn[len - 1] != name[len - 1] ||
			    memcmp(pn, name, len) != 0)
				continue;
			if (name[len] == '\0')
				return i;
			if ((n = sub_number(name + len + 1)) == 0)
				break;
			end = port_end_k(x, p);
			k = sub_lower(x, i, n);
			if (k < end && x->ifs[k].subnum == n &&
			    strcmp(x->ifs[k].name, name) == 0)
				return k;
			break;
		}
	}
	return (size_t)-1;
}

size_t
device_iface_sub(const struct device *dev, size_t port, uint32_t sub)
{
	const struct cfg_ext *x = dev->ext;
	char		 name[IF_NAME_MAX];
	size_t		 k;

	if (sub == 0)
		return port;
	if (dev->ctxs.sel == CTX_SYSTEM) {
		k = sub_lower(x, port, sub);
		return k < x->nifs && x->ifs[k].sub && x->ifs[k].port == port &&
		    x->ifs[k].subnum == sub ? k : (size_t)-1;
	}
	/* A context's ports may be subinterfaces allocated whole. */
	device_iface_name(dev, port, sub, name);
	return device_iface_find(dev, name);
}

const struct iface *
device_iface_by_nameif(const struct device *dev, const char *name)
{
	const char	*ifname;
	size_t		 i;

	if (name[0] == '\0') {
		for (i = 0; i < dev->ext->nifs; i++)
			if (dev->ext->ifs[i].nameif[0] == '\0')
				return &dev->ext->ifs[i];
		return NULL;
	}
	if ((ifname = map_get(&dev->ext->by_nameif, name)) == NULL ||
	    (i = device_iface_find(dev, ifname)) == (size_t)-1)
		return NULL;
	return &dev->ext->ifs[i];
}

void
device_iface_set_nameif(struct device *dev, struct iface *f,
    const char *name)
{
	struct cfg_ext	*x = dev->ext;

	if (f->nameif[0] != '\0')
		map_del(&x->by_nameif, f->nameif);
	copy_str(f->nameif, name, sizeof f->nameif);
	if (f->nameif[0] != '\0')
		map_put(&x->by_nameif, f->nameif, f->name);
}

const struct iface *
device_iface_by_vlan(const struct device *dev, size_t port, uint32_t vlan)
{
	char		 key[VLAN_KEY_MAX];
	const char	*ifname;
	size_t		 i;

	vlan_key(dev->ext, port, vlan, key);
	if ((ifname = map_get(&dev->ext->by_vlan, key)) == NULL ||
	    (i = device_iface_find(dev, ifname)) == (size_t)-1)
		return NULL;
	return &dev->ext->ifs[i];
}

void
device_iface_set_vlan(struct device *dev, struct iface *f, uint32_t vlan)
{
	struct cfg_ext	*x = dev->ext;
	char		 key[VLAN_KEY_MAX];

	if (f->vlan != 0) {
		vlan_key(x, f->port, f->vlan, key);
		map_del(&x->by_vlan, key);
	}
	f->vlan = vlan;
	if (vlan != 0) {
		vlan_key(x, f->port, vlan, key);
		map_put(&x->by_vlan, key, f->name);
	}
}

size_t
device_iface_vlans(const struct device *dev)
{
	return dev->ext->by_vlan.n;
}

size_t
device_iface_create(struct device *dev, size_t port, uint32_t sub,
    const char *name)
{
	struct cfg_ext	*x = dev->ext;
	size_t		 at = sub_lower(x, port, sub);
	struct iface	*f;

	if (x->nifs == x->aifs) {
		x->aifs = x->aifs ? 2 * x->aifs : 16;
		x->ifs = xreallocarray(x->ifs, x->aifs, sizeof *x->ifs);
	}
	memmove(&x->ifs[at + 1], &x->ifs[at], (x->nifs - at) * sizeof *f);
	x->nifs++;
	for (size_t i = at + 1; i < x->nifs; i++)
		if (!x->ifs[i].sub)
			x->ifs[i].port = i;
		else if (x->ifs[i].port >= at)
			x->ifs[i].port++;
	for (size_t k = 0; k < x->nports; k++)
		if (x->ports[k] >= at)
			x->ports[k]++;
	f = &x->ifs[at];
	memset(f, 0, sizeof *f);
	memcpy(f->name, name, strnlen(name, sizeof f->name - 1));
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
	device_iface_set_nameif(dev, &x->ifs[at], "");
	device_iface_set_vlan(dev, &x->ifs[at], 0);
	memmove(&x->ifs[at], &x->ifs[at + 1],
	    (x->nifs - at - 1) * sizeof *x->ifs);
	x->nifs--;
	for (size_t i = at; i < x->nifs; i++)
		if (!x->ifs[i].sub)
			x->ifs[i].port = i;
		else if (x->ifs[i].port > at)
			x->ifs[i].port--;
	for (size_t k = 0; k < x->nports; k++)
		if (x->ports[k] > at)
			x->ports[k]--;
}
