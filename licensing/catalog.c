/* SPDX-License-Identifier: MIT */
/*
 * Look-ups over the feature catalogue and the platform tables: ids,
 * labels and layouts by software version, and a platform's values after
 * the version changes of Table 5-20. Pure functions over loaded data.
 */
#include "licensing/licensing.h"

#include <string.h>

size_t
lic_catalog_find(const struct lic_catalog *c, const char *id)
{
	/*
	 * Called several times for every command (the shared-license role,
	 * the license in force): the first byte spares most strcmp calls.
	 */
	for (size_t i = 0; i < c->nfeatures; i++) {
		const char	*f = c->features[i].id;

		if (f[0] == id[0] && strcmp(f, id) == 0)
			return i;
	}
	return (size_t)-1;
}

const char *
lic_feature_label(const struct lic_feature *f, uint32_t v)
{
	const char	*text = NULL;

	/* Labels are ascending by since: the last one not after v wins. */
	for (size_t i = 0; i < f->nlabels; i++) {
		if (f->labels[i].since <= v)
			text = f->labels[i].text;
	}
	return text;
}

const struct lic_layout *
lic_catalog_layout(const struct lic_catalog *c, uint32_t v)
{
	const struct lic_layout	*l = NULL;

	for (size_t i = 0; i < c->nlayouts; i++) {
		if (c->layouts[i].since <= v)
			l = &c->layouts[i];
	}
	return l;
}

size_t
lic_platform_edition(const struct lic_platform *p, const char *id)
{
	for (size_t i = 0; i < p->neditions; i++) {
		if (strcmp(p->editions[i].id, id) == 0)
			return i;
	}
	return (size_t)-1;
}

/*
 * The change of this kind in force for feature f, edition e on version v:
 * of those whose until is not before v, the one with the earliest until.
 */
static const struct lic_change *
platform_change(const struct lic_platform *p, size_t e, size_t f, uint32_t v,
    enum lic_change_kind kind)
{
	const struct lic_change	*best = NULL, *c;

	for (size_t i = 0; i < p->nchanges; i++) {
		c = &p->changes[i];
		if (c->feature != f || c->kind != kind || v > c->until)
			continue;
		if (c->edition != (size_t)-1 && c->edition != e)
			continue;
		if (best == NULL || c->until < best->until)
			best = c;
	}
	return best;
}

uint32_t
lic_platform_value(const struct lic_platform *p, size_t e, size_t f,
    uint32_t v)
{
	const struct lic_change	*c;

	c = platform_change(p, e, f, v, LIC_CHANGE_VALUE);
	if (c != NULL)
		return c->value;
	return p->editions[e].cells[f].value;
}

uint32_t
lic_platform_max(const struct lic_platform *p, size_t e, size_t f,
    uint32_t v)
{
	const struct lic_cell	*cell = &p->editions[e].cells[f];
	const struct lic_change	*c;
	uint32_t		 d, m = cell->value;

	for (size_t i = 0; i < cell->ntiers; i++) {
		if (cell->tiers[i].max > m)
			m = cell->tiers[i].max;
	}
	c = platform_change(p, e, f, v, LIC_CHANGE_MAX);
	if (c != NULL)
		m = c->value;
	d = lic_platform_value(p, e, f, v);
	return m > d ? m : d;
}

bool
lic_platform_runs(const struct lic_platform *p, uint32_t v)
{
	if (v < p->sw_first || v > p->sw_last)
		return false;
	for (size_t i = 0; i < p->nsw_gaps; i++) {
		if (v >= p->sw_gaps[i].first && v <= p->sw_gaps[i].last)
			return false;
	}
	return true;
}

bool
lic_cell_allows(const struct lic_cell *cell, uint32_t value)
{
	const struct lic_range	*r;

	if (value == cell->value)
		return true;
	for (size_t i = 0; i < cell->ntiers; i++) {
		r = &cell->tiers[i];
		if (value < r->min || value > r->max)
			continue;
		if (value == r->min || value == r->max)
			return true;
		if (r->step != 0 && (value - r->min) % r->step == 0)
			return true;
	}
	return false;
}

static bool
rule_covers_model(const char *models, const char *id)
{
	size_t	 len = strlen(id);

	for (const char *p = models; (p = strstr(p, id)) != NULL; p += len)
		if ((p == models || p[-1] == ' ') &&
		    (p[len] == '\0' || p[len] == ' '))
			return true;
	return false;
}

bool
lic_reload_needed(const struct lic_catalog *c, const struct lic_platform *p,
    uint32_t v, const struct lic_running *old, const struct lic_running *new)
{
	for (size_t i = 0; i < c->nreloads; i++) {
		const struct lic_reload_rule *r = &c->reloads[i];

		if (v < r->first || v > r->last || (r->models != NULL &&
		    !rule_covers_model(r->models, p->id)))
			continue;
		for (size_t f = 0; f < c->nfeatures; f++) {
			uint32_t a = old->v[f].value, b = new->v[f].value;

			if (r->feature != (size_t)-1 && r->feature != f)
				continue;
			if (r->when == LIC_RELOAD_CHANGE ? a != b : b < a)
				return true;
		}
	}
	return false;
}

uint32_t
lic_key_introduced(const struct lic_catalog *c, const struct lic_platform *p,
    const struct lic_keyinfo *info)
{
	const struct lic_cell	*cells;
	uint32_t		 latest = 0;

	if (info->edition >= p->neditions)
		return 0;
	cells = p->editions[info->edition].cells;
	for (size_t i = 0; i < info->ngrants; i++) {
		const struct lic_grant	*g = &info->grants[i];
		uint32_t		 since;

		if (g->feature >= c->nfeatures)
			continue;
		since = c->features[g->feature].introduced;
		if (g->value != cells[g->feature].value && since > latest)
			latest = since;
	}
	return latest;
}

bool
lic_key_readable(const struct lic_catalog *c, const struct lic_platform *p,
    const struct lic_keyinfo *info, uint32_t version)
{
	uint32_t	 timed = LIC_VERSION(8, 0, 4, 0);

	if (version >= LIC_VERSION(8, 1, 0, 0) &&
	    version < LIC_VERSION(8, 2, 0, 0))
		timed = LIC_VERSION(8, 1, 2, 0);
	if (info->type != LIC_KEY_PERMANENT && version < timed)
		return false;
	return lic_key_introduced(c, p, info) <= version;
}
