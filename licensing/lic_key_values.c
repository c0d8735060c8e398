/* SPDX-License-Identifier: MIT */
/*
 * Activation keys: the list of values each feature may take in a key,
 * for a platform, key type and edition. A key's body holds indices into
 * these lists (lic_key_body.c), so a key can only grant what is sold.
 */
#include "licensing/licensing.h"

#include <stdlib.h>
#include <string.h>

#include "licensing/licensing_int.h"
#include "util/util.h"

#define VALUES_MAX	65536	/* values one feature's list may hold */

static int
vlist_add(struct lic_vlist *l, uint32_t v)
{
	if (l->n == VALUES_MAX)
		return -1;
	if (l->n == l->alloc) {
		l->alloc = l->alloc == 0 ? 16 : l->alloc * 2;
		l->v = xreallocarray(l->v, l->alloc, sizeof *l->v);
	}
	l->v[l->n++] = v;
	return 0;
}

static int
vlist_add_range(struct lic_vlist *l, const struct lic_range *r)
{
	uint32_t	v = r->min;

	if (r->step == 0 || r->min >= r->max) {
		if (vlist_add(l, r->min) != 0)
			return -1;
		return r->max > r->min ? vlist_add(l, r->max) : 0;
	}
	for (;;) {
		if (vlist_add(l, v) != 0)
			return -1;
		if (r->max - v < r->step)
			break;
		v += r->step;
	}
	return 0;
}

static int
vlist_cmp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort v[first..] ascending, without duplicates or (has_drop) drop. */
static void
vlist_sort(struct lic_vlist *l, size_t first, int has_drop, uint32_t drop)
{
	size_t	out = first;

	if (l->n <= first)
		return;
	qsort(l->v + first, l->n - first, sizeof *l->v, vlist_cmp);
	for (size_t i = first; i < l->n; i++) {
		if (has_drop && l->v[i] == drop)
			continue;
		if (out > first && l->v[out - 1] == l->v[i])
			continue;
		l->v[out++] = l->v[i];
	}
	l->n = out;
}

int
lic_vlist_find(const struct lic_vlist *l, uint32_t v, uint32_t *idx)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i] == v) {
			*idx = (uint32_t)i;
			return 0;
		}
	}
	return -1;
}

/* Permanent: the edition default first, then its tiers ascending. */
static int
vlist_permanent(struct lic_vlist *l, const struct lic_cell *c)
{
	if (vlist_add(l, c->value) != 0)
		return -1;
	if (!c->supported)
		return 0;
	for (size_t i = 0; i < c->ntiers; i++) {
		if (vlist_add_range(l, &c->tiers[i]) != 0)
			return -1;
	}
	vlist_sort(l, 1, 1, c->value);
	return 0;
}

/*
 * Time-based and evaluation: every value of every edition's cell that
 * supports the feature (a switch may always be Enabled), ascending. A
 * time-based key also needs a cell that is offered time-based, or a
 * feature whose time-based licenses Table 5-18 combines by adding (UC
 * proxy sessions, security contexts) or uses alone (Botnet).
 */
static int
vlist_timed(struct lic_vlist *l, const struct lic_platform *p,
    const struct lic_feature *feat, size_t f, enum lic_key_type type)
{
	int	offered = feat->time_rule == LIC_TIME_ADD ||
	    feat->time_rule == LIC_TIME_ONLY;

	for (size_t e = 0; e < p->neditions; e++) {
		const struct lic_cell	*c = &p->editions[e].cells[f];

		if (!c->supported)
			continue;
		offered |= c->time_based;
		if (vlist_add(l, c->value) != 0)
			return -1;
		if (feat->kind == LIC_KIND_BOOL &&
		    (vlist_add(l, 0) != 0 || vlist_add(l, 1) != 0))
			return -1;
		for (size_t i = 0; i < c->ntiers; i++) {
			if (vlist_add_range(l, &c->tiers[i]) != 0)
				return -1;
		}
	}
	if (type == LIC_KEY_TIMEBASED && !offered)
		l->n = 0;
	vlist_sort(l, 0, 0, 0);
	return 0;
}

enum lic_err
lic_vlist_build(const struct lic_catalog *cat, const struct lic_platform *p,
    enum lic_key_type type, size_t edition, size_t f, struct lic_vlist *l)
{
	int	rc;

	memset(l, 0, sizeof *l);
	if (f >= cat->nfeatures)
		return LIC_E_FEATURE;
	if (edition >= p->neditions)
		return LIC_E_RANGE;
	if (type == LIC_KEY_PERMANENT)
		rc = vlist_permanent(l, &p->editions[edition].cells[f]);
	else
		rc = vlist_timed(l, p, &cat->features[f], f, type);
	if (rc != 0) {
		free(l->v);
		memset(l, 0, sizeof *l);
		return LIC_E_RANGE;
	}
	return LIC_OK;
}

enum lic_err
lic_key_values(const struct lic_catalog *cat, const struct lic_platform *p,
    enum lic_key_type type, size_t edition, size_t f, uint32_t **vals,
    size_t *n)
{
	struct lic_vlist	l;
	enum lic_err	err;

	err = lic_vlist_build(cat, p, type, edition, f, &l);
	*n = l.n;
	if (vals != NULL)
		*vals = l.v;
	else
		free(l.v);
	return err;
}
