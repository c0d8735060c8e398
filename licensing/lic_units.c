/* SPDX-License-Identifier: MIT */
/*
 * The failover cluster license: several units' own running licenses
 * combined into the one every unit of a failover pair or ASA cluster
 * runs, the requirements a pair must meet, and how combined time-based
 * licenses use their time. Pure: licenses and times come in.
 */
#include "licensing/lic_units.h"

#include <assert.h>
#include <string.h>

/*
 * DOC: failover and cluster licenses (ASA 9.1 "Managing Feature
 * Licenses": "Failover or ASA Cluster Licenses", "How Failover or ASA
 * Cluster Licenses Combine", "Loss of Communication Between Failover or
 * ASA Cluster Units"; for README.md).
 *
 * 1. Each feature combines by its units attribute (features.xml):
 *    add: "For licenses that have numerical tiers, such as the number of
 *    sessions, the values from each unit's licenses are combined up to
 *    the platform limit" (the highest lic_platform_max of the units'
 *    editions); max: "For licenses that have a status of enabled or
 *    disabled, then the license with the enabled status is used" (and of
 *    two counts that do not add, the higher); none: the exceptions that
 *    each unit needs for itself (Encryption, Clustering, the IPS module,
 *    the Security Plus edition): the unit's own value.
 * 2. Time: a value is time-based when no unit gives it perpetually.
 *    Enabled/disabled: "the duration is the combined duration of all
 *    licenses" (48 + 48 weeks of Botnet Traffic Filter = 96), spent
 *    primary first (lic_units_charge_serial). Numerical: "If all licenses
 *    in use are time-based, then the licenses count down simultaneously";
 *    the combined value lasts as long as the shortest that contributes.
 * 3. Requirements (lic_units_check): the same platform; failover needs
 *    each unit's own license to allow it ("you cannot enable failover on
 *    a standby unit that only has the Base license" of a 5505, 5510 or
 *    5512-X); a cluster needs each unit's clustering license; "Both
 *    units must have the same encryption license"; the IPS module
 *    license on both or neither; no all-zero key ("you need to reinstall
 *    a valid authentication key before failover can be enabled"); before
 *    8.3(1) "Older versions of ASA software required that the licenses
 *    match on each unit" (as the older release knows them), and such a
 *    pair runs no combined license; releases no further apart than one
 *    step of the upgrade path (lic_units_versions), so that a pair can
 *    be upgraded unit by unit ("Upgrading Failover Pairs").
 * 4. Loss of communication: "During the 30-day grace period, the
 *    combined running license continues to be used by all units"; when
 *    communication returns within it, "the time elapsed is subtracted
 *    from the primary/master license; if the primary/master license
 *    becomes expired, only then does the secondary/slave license start
 *    to count down"; after it, "time is subtracted from all unit
 *    licenses" and "The time elapsed includes the 30-day grace period".
 */

#define NO_FEATURE	((size_t)-1)

static uint32_t
units_add(uint32_t a, uint32_t b)
{
	uint64_t	sum = (uint64_t)a + b;

	if (a == LIC_UNLIMITED || b == LIC_UNLIMITED || sum > LIC_UNLIMITED)
		return LIC_UNLIMITED;
	return (uint32_t)sum;
}

/* The platform limit of f: the highest over the units' editions. */
static uint32_t
units_limit(const struct lic_platform *p, uint32_t version,
    const struct lic_running *const *units, size_t n, size_t f)
{
	uint32_t	max = 0;

	for (size_t u = 0; u < n; u++) {
		uint32_t m = lic_platform_max(p, units[u]->edition, f, version);

		if (m > max)
			max = m;
	}
	return max;
}

static void
combine_add(const struct lic_platform *p, uint32_t version,
    const struct lic_running *const *units, size_t n, size_t f,
    struct lic_value *out)
{
	uint32_t	sum = 0, limit, left = 0;
	bool		perpetual = false;

	for (size_t u = 0; u < n; u++) {
		const struct lic_value *v = &units[u]->v[f];

		sum = units_add(sum, v->value);
		if (v->value == 0)
			continue;
		if (!v->timed)
			perpetual = true;
		else if (left == 0 || v->seconds_left < left)
			left = v->seconds_left;
	}
	limit = units_limit(p, version, units, n, f);
	out->value = sum > limit ? limit : sum;
	out->timed = !perpetual && left != 0;
	out->seconds_left = out->timed ? left : 0;
}

static void
combine_max(const struct lic_feature *feat,
    const struct lic_running *const *units, size_t n, size_t f,
    struct lic_value *out)
{
	uint32_t	max = 0;
	uint64_t	left = 0;
	bool		perpetual = false;
	bool		serial = feat->kind != LIC_KIND_COUNT;

	for (size_t u = 0; u < n; u++)
		if (units[u]->v[f].value > max)
			max = units[u]->v[f].value;
	for (size_t u = 0; u < n && max != 0; u++) {
		const struct lic_value *v = &units[u]->v[f];

		if (v->value != max)
			continue;
		if (!v->timed)
			perpetual = true;
		else if (serial)
			left += v->seconds_left;
		else if (v->seconds_left > left)
			left = v->seconds_left;
	}
	out->value = max;
	out->timed = max != 0 && !perpetual && left != 0;
	if (left > UINT32_MAX)
		left = UINT32_MAX;
	out->seconds_left = out->timed ? (uint32_t)left : 0;
}

void
lic_units_combine(const struct lic_catalog *cat, const struct lic_platform *p,
    uint32_t version, const struct lic_running *const *units, size_t n,
    size_t self, struct lic_running *out)
{
	assert(n > 0 && self < n);
	*out = *units[self];
	for (size_t f = 0; f < out->nfeatures; f++) {
		const struct lic_feature *feat = &cat->features[f];

		if (feat->introduced > version)
			continue;
		switch (feat->unit_rule) {
		case LIC_UNIT_ADD:
			combine_add(p, version, units, n, f, &out->v[f]);
			break;
		case LIC_UNIT_MAX:
			combine_max(feat, units, n, f, &out->v[f]);
			break;
		case LIC_UNIT_NONE:
			break;
		}
	}
}

static uint32_t
value_of(const struct lic_catalog *cat, const struct lic_running *r,
    const char *id)
{
	size_t	f = lic_catalog_find(cat, id);

	return f == NO_FEATURE ? 0 : r->v[f].value;
}

/* Identical as the older release sees them: what it knows. */
static bool
runs_identical(const struct lic_catalog *cat, const struct lic_running *a,
    const struct lic_running *b, uint32_t older)
{
	if (a->nfeatures != b->nfeatures || a->edition != b->edition)
		return false;
	for (size_t f = 0; f < a->nfeatures; f++)
		if (cat->features[f].introduced <= older &&
		    a->v[f].value != b->v[f].value)
			return false;
	return true;
}

/*
 * The newest release a unit on v upgrades to in one step, Cisco's
 * upgrade path table (captures/upgrade/tunnelsup_asa-upgrade-path.txt
 * [D]): 8.2(x) and earlier, and 8.3(x), go to 8.4(6) first; 8.4(1)
 * through 8.4(4), 8.5(1), 8.6(1), 9.0(1) and 9.1(1) to 9.1(2); 8.4(5)
 * and later, 9.0(2) and later, 9.1(2) and later go anywhere on.
 */
static uint32_t
one_step(uint32_t v)
{
	uint32_t	train = v & 0xffff0000u;
	uint32_t	maint = v >> 8 & 0xff;

	if (v < LIC_VERSION(8, 4, 0, 0))
		return LIC_VERSION(8, 4, 6, 0xff);
	if (train == LIC_VERSION(8, 4, 0, 0) && maint <= 4)
		return LIC_VERSION(9, 1, 2, 0xff);
	if ((train == LIC_VERSION(8, 5, 0, 0) || train == LIC_VERSION(8, 6,
	    0, 0) || train == LIC_VERSION(9, 0, 0, 0) || train ==
	    LIC_VERSION(9, 1, 0, 0)) && maint <= 1)
		return LIC_VERSION(9, 1, 2, 0xff);
	return LIC_VERSION_MAX;
}

bool
lic_units_versions(uint32_t a, uint32_t b)
{
	uint32_t	lo = a < b ? a : b, hi = a < b ? b : a;

	return hi <= one_step(lo);
}

bool
lic_units_combines(uint32_t a, uint32_t b)
{
	return a >= LIC_VERSION(8, 3, 1, 0) && b >= LIC_VERSION(8, 3, 1, 0);
}

enum lic_units_err
lic_units_check(const struct lic_catalog *cat, const struct lic_unit_facts *a,
    const struct lic_unit_facts *b, bool cluster)
{
	const char	*need = cluster ? "cluster" : "failover";
	uint32_t	 older = a->version < b->version ? a->version :
			    b->version;

	if (strcmp(a->platform, b->platform) != 0)
		return LIC_UNITS_PLATFORM;
	if (!lic_units_versions(a->version, b->version))
		return LIC_UNITS_VERSION;
	if (value_of(cat, a->run, need) == 0 ||
	    value_of(cat, b->run, need) == 0)
		return cluster ? LIC_UNITS_NO_CLUSTER : LIC_UNITS_NO_FAILOVER;
	if (value_of(cat, a->run, "encryption") !=
	    value_of(cat, b->run, "encryption"))
		return LIC_UNITS_ENCRYPTION;
	if ((value_of(cat, a->run, "ips-module") != 0) !=
	    (value_of(cat, b->run, "ips-module") != 0))
		return LIC_UNITS_IPS;
	if (a->zero_key || b->zero_key)
		return LIC_UNITS_ZERO_KEY;
	if (older < LIC_VERSION(8, 3, 1, 0) &&
	    !runs_identical(cat, a->run, b->run, older))
		return LIC_UNITS_NOT_IDENTICAL;
	return LIC_UNITS_OK;
}

const char *
lic_units_strerror(enum lic_units_err err)
{
	switch (err) {
	case LIC_UNITS_OK:
		return "ok";
	case LIC_UNITS_PLATFORM:
		return "the units are different platforms";
	case LIC_UNITS_VERSION:
		return "the units' releases are too far apart";
	case LIC_UNITS_NO_FAILOVER:
		return "a unit's license does not allow failover";
	case LIC_UNITS_NO_CLUSTER:
		return "a unit has no clustering license";
	case LIC_UNITS_ENCRYPTION:
		return "the units have different encryption licenses";
	case LIC_UNITS_IPS:
		return "only one unit has the IPS module license";
	case LIC_UNITS_ZERO_KEY:
		return "a unit's activation key is all zeros";
	case LIC_UNITS_NOT_IDENTICAL:
		return "before 8.3(1) the licenses must be identical";
	}
	return "?";
}

uint64_t
lic_units_charge_serial(uint64_t *left, size_t n, uint64_t secs)
{
	for (size_t u = 0; u < n && secs > 0; u++) {
		uint64_t take = secs < left[u] ? secs : left[u];

		left[u] -= take;
		secs -= take;
	}
	return secs;
}

void
lic_units_charge_each(uint64_t *left, size_t n, uint64_t secs)
{
	for (size_t u = 0; u < n; u++)
		left[u] = secs < left[u] ? left[u] - secs : 0;
}

bool
lic_units_in_grace(uint64_t away)
{
	return away <= LIC_UNITS_GRACE;
}

void
lic_units_restore(uint64_t *left, size_t n, uint64_t away)
{
	if (lic_units_in_grace(away))
		(void)lic_units_charge_serial(left, n, away);
	else
		lic_units_charge_each(left, n, away);
}

uint64_t
lic_units_hold(struct lic_timed *t, int64_t now, uint64_t cover)
{
	uint64_t	span, held;

	if (!t->active || now <= t->counted_at)
		return 0;
	span = (uint64_t)(now - t->counted_at);
	held = span < cover ? span : cover;
	t->counted_at += (int64_t)held;
	t->anchor += (int64_t)held;
	return held;
}

void
lic_units_unhold(struct lic_timed *t, uint64_t secs)
{
	uint64_t	left = t->info.duration > t->used ?
			    t->info.duration - t->used : 0;

	if (secs > left)
		secs = left;
	t->used += secs;
	t->anchor -= (int64_t)secs;
}

bool
lic_units_serial_key(const struct lic_catalog *cat, const struct lic_timed *t)
{
	if (t->info.ngrants == 0)
		return false;
	for (size_t g = 0; g < t->info.ngrants; g++) {
		const struct lic_feature *f =
		    &cat->features[t->info.grants[g].feature];

		if (f->kind == LIC_KIND_COUNT || f->unit_rule != LIC_UNIT_MAX)
			return false;
	}
	return true;
}

/* A value that units spend in turn: enabled/disabled, by the max rule. */
static bool
serial_feature(const struct lic_feature *f)
{
	return f->kind != LIC_KIND_COUNT && f->unit_rule == LIC_UNIT_MAX;
}

static bool
has_time(const struct lic_value *v)
{
	return v->timed && v->value != 0 && v->seconds_left != 0;
}

uint64_t
lic_units_cover(const struct lic_running *const *units, const int64_t *at,
    size_t n, size_t f, int64_t when)
{
	uint64_t	 sum = 0;
	int64_t		 since = 0;
	bool		 first = true;

	for (size_t u = 0; u < n; u++) {
		const struct lic_value *v = &units[u]->v[f];

		if (f >= units[u]->nfeatures || !has_time(v))
			continue;
		if (first)
			since = when - at[u];
		first = false;
		sum += v->seconds_left;
	}
	if (since < 0)
		return sum + (uint64_t)-since;
	return sum > (uint64_t)since ? sum - (uint64_t)since : 0;
}

static void
age_value(struct lic_value *v, int64_t age)
{
	if (age <= 0 || !v->timed)
		return;
	if ((uint64_t)age < v->seconds_left)
		v->seconds_left -= (uint32_t)age;
	else
		*v = (struct lic_value){ 0 };
}

void
lic_units_age(const struct lic_catalog *cat,
    const struct lic_running *const *units, const int64_t *at, size_t n,
    int64_t now, struct lic_running *out)
{
	assert(n <= LIC_UNITS_MAX);
	for (size_t u = 0; u < n; u++)
		out[u] = *units[u];
	for (size_t f = 0; f < cat->nfeatures; f++) {
		bool	 serial = serial_feature(&cat->features[f]);
		bool	 counting = false;

		for (size_t u = 0; u < n; u++) {
			struct lic_value *v = &out[u].v[f];

			if (f >= out[u].nfeatures || !has_time(v))
				continue;
			if (serial && counting)
				continue;
			counting = true;
			age_value(v, now - at[u]);
		}
	}
}
