/* SPDX-License-Identifier: MIT */
/*
 * The running license: the edition's defaults, the permanent key and the
 * active time-based keys combined into the values the device uses, and
 * the countdown of time-based keys. Pure: device time is passed in.
 */
#include "licensing/licensing.h"

#include <assert.h>
#include <string.h>

/*
 * DOC: how the running license is computed (ASA 9.1 "Managing Feature
 * Licenses": "How Permanent and Time-Based Licenses Combine", Tables 5-16
 * to 5-18, "No Payload Encryption Models"; for README.md).
 *
 * 1. Defaults: edition perm->edition (no permanent key: 0, Base), each
 *    feature's default for the running version (lic_platform_value).
 * 2. Permanent key: a value equal to the cell's 9.1 default means "the
 *    default" and keeps step 1's version value; any other value replaces
 *    it, capped at lic_platform_max for the version (Table 5-20: nothing
 *    higher was sold then). Time-only features (Botnet) take nothing from
 *    it: "There is no permanent Botnet Traffic Filter license".
 * 3. Time-based and evaluation keys: a key counts when active and not
 *    used up (used < duration). "Only one time-based license per feature
 *    can be active"; the caller enforces that, and should two active keys
 *    grant one feature anyway, the most recently activated wins (equal
 *    times: the later in the array). A feature the edition does not
 *    support ("No support") takes no time-based value. Then Table 5-18:
 *    ADD (UC proxy sessions, security contexts) adds up to the platform
 *    limit (lic_platform_max); every other rule, "All Others" included,
 *    uses the higher value, the permanent one on a tie ("if you do so,
 *    then the permanent license is used"). The value records the key's
 *    seconds left only when the key's value is the one used (MAX, ONLY)
 *    or raises the sum (ADD).
 * 4. AnyConnect Essentials is in force when licensed and not disabled by
 *    "no anyconnect-essentials" ("By default, the ASA uses the AnyConnect
 *    Essentials license"). Both values are kept, as show version prints
 *    what is licensed; lic_running_usable says what is in force.
 * 5. Total VPN: on the ASA 5505 (Table 5-1 footnote 1) the model maximum
 *    with Essentials in force, else AnyConnect Premium + Other VPN, not
 *    above it; elsewhere the platform's total. Either way no more than
 *    the version's Total VPN default (lower before some Table 5-20
 *    changes). The total is reported perpetual even when a time-based
 *    Premium key raises it.
 * 6. No Payload Encryption: the features marked npe_hidden (UC and VPN)
 *    are zero. Encryption is left alone: "You can still install the
 *    Strong Encryption (3DES/AES) license for use with management
 *    connections", and Botnet's database download needs it.
 *
 * The timer: used counts the seconds a key has run up to counted_at.
 * The caller advances active keys to the device time before computing;
 * "Even when the permanent license is used, if the time-based license is
 * active, it continues to count down", so every active key is advanced,
 * whether or not its value is in use. lic_timed_tick does that in time
 * order, so that a key that runs out hands its feature to an installed
 * one ("Time-Based License Expiration") at the moment it ran out. The
 * anchor is the time the key would have been installed had it never
 * paused: clock set (lic_timed_rebase) moves counted_at but not the
 * anchor, and a reload (lic_timed_reload) sets used to the time since the
 * anchor when that is more ("assumes that more time has passed than has
 * actually been used"). The clock set back is measured, as the chapter
 * words it, "between the original installation time and the system
 * clock": installed_at, the first activation, which no pause moves; a
 * key deactivated for a month and then run a week survives a clock set
 * to three weeks after its installation (issue 11 item 9).
 */

#define NO_FEATURE	((size_t)-1)

/* The time-based grant chosen for one feature. */
struct pick {
	const struct lic_timed	*t;	/* NULL: none */
	uint32_t		 value;
};

/* Seconds of device time from a to b, 0 unless b is later. */
static uint64_t
timed_span(int64_t a, int64_t b)
{
	if (b <= a)
		return 0;
	/* Unsigned: well defined over the whole int64_t range. */
	return (uint64_t)b - (uint64_t)a;
}

uint64_t
lic_timed_remaining(const struct lic_timed *t, int64_t now)
{
	uint64_t	left, run = 0;

	if (t->used >= t->info.duration)
		return 0;
	left = t->info.duration - t->used;
	if (t->active)
		run = timed_span(t->counted_at, now);
	return run >= left ? 0 : left - run;
}

bool
lic_timed_advance(struct lic_timed *t, int64_t now)
{
	if (!t->active)
		return false;
	t->used = t->info.duration - lic_timed_remaining(t, now);
	t->counted_at = now;
	if (t->used < t->info.duration)
		return false;
	t->active = false;
	return true;
}

bool
lic_timed_start(struct lic_timed *t, int64_t now)
{
	if (t->active) {
		lic_timed_advance(t, now);
		return t->active;
	}
	if (t->used >= t->info.duration)
		return false;
	t->active = true;
	if (!t->installed) {
		t->installed = true;
		t->installed_at = now;
	}
	t->activated_at = now;
	t->counted_at = now;
	t->anchor = now - (int64_t)t->used;
	t->warned_at = now;
	return true;
}

void
lic_timed_stop(struct lic_timed *t, int64_t now)
{
	lic_timed_advance(t, now);
	t->active = false;
}

bool
lic_timed_stack(struct lic_timed *t, uint32_t duration, int64_t now)
{
	lic_timed_advance(t, now);
	if (t->used > t->info.duration)
		t->used = t->info.duration;
	if (duration > UINT32_MAX - t->info.duration)
		return false;
	/* What is left plus the new license: used stays, duration grows. */
	t->info.duration += duration;
	return true;
}

void
lic_timed_rebase(struct lic_timed *t, int64_t old, int64_t now)
{
	if (!t->active)
		return;
	lic_timed_advance(t, old);
	if (t->active)
		t->counted_at = now;
}

bool
lic_timed_reload(struct lic_timed *t, int64_t now)
{
	uint64_t	ran;

	if (!t->active)
		return false;
	ran = timed_span(t->anchor, now);
	/* Set back: measured from the original installation time. */
	if (timed_span(t->installed ? t->installed_at : t->anchor, now) <
	    t->used || ran > t->info.duration)
		t->used = t->info.duration;
	else if (ran > t->used)
		t->used = ran;
	t->counted_at = now;
	t->warned_at = now;
	return t->used >= t->info.duration;
}

bool
lic_timed_warn(struct lic_timed *t, int64_t now)
{
	if (!t->active || lic_timed_remaining(t, now) == 0 ||
	    timed_span(t->warned_at, now) < 24 * 3600)
		return false;
	t->warned_at = now;
	return true;
}

bool
lic_timed_identical(const struct lic_keyinfo *a, const struct lic_keyinfo *b)
{
	if (a->type != b->type || a->ngrants != b->ngrants)
		return false;
	for (size_t i = 0; i < a->ngrants; i++) {
		if (a->grants[i].feature != b->grants[i].feature ||
		    a->grants[i].value != b->grants[i].value)
			return false;
	}
	return true;
}

static bool
timed_grants(const struct lic_timed *t, size_t f)
{
	for (size_t g = 0; g < t->info.ngrants; g++) {
		if (t->info.grants[g].feature == f)
			return true;
	}
	return false;
}

static bool
timed_share(const struct lic_timed *a, const struct lic_timed *b)
{
	for (size_t g = 0; g < a->info.ngrants; g++) {
		if (timed_grants(b, a->info.grants[g].feature))
			return true;
	}
	return false;
}

enum lic_activate
lic_timed_activate(struct lic_timed *v, size_t n, size_t i, int64_t now,
    bool only_one)
{
	struct lic_timed	*t = &v[i];

	assert(i < n);
	if (lic_timed_remaining(t, now) == 0)
		return LIC_ACT_EXPIRED;
	for (size_t j = 0; j < n; j++) {
		if (j != i && v[j].active &&
		    v[j].info.type == LIC_KEY_EVALUATION &&
		    t->info.type == LIC_KEY_TIMEBASED && timed_share(&v[j], t))
			return LIC_ACT_EVALUATION;
	}
	for (size_t j = 0; j < n; j++) {
		if (j != i && v[j].active && (only_one || timed_share(&v[j], t)))
			lic_timed_stop(&v[j], now);
	}
	lic_timed_start(t, now);
	return LIC_ACT_OK;
}

/* Count t to at, never backwards (keys counted to a later time wait). */
static void
timed_count_to(struct lic_timed *t, int64_t at)
{
	if (t->active && at > t->counted_at)
		lic_timed_advance(t, at);
}

/* The key that ends first, at or before now; LIC_NO_KEY if none. */
static size_t
timed_first_end(const struct lic_timed *v, size_t n, int64_t now,
    int64_t *at)
{
	size_t		first = LIC_NO_KEY;

	for (size_t i = 0; i < n; i++) {
		const struct lic_timed *t = &v[i];
		uint64_t	 left;
		int64_t		 end;

		if (!t->active)
			continue;
		left = t->used < t->info.duration ? t->info.duration - t->used :
		    0;
		end = t->counted_at + (int64_t)left;
		if (end <= now && (first == LIC_NO_KEY || end < *at)) {
			first = i;
			*at = end;
		}
	}
	return first;
}

/* Who grants f after key x ran out: an active key, or a new one. */
static size_t
timed_successor(struct lic_timed *v, size_t n, size_t f, int64_t at)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].active && timed_grants(&v[i], f))
			return i;
	}
	for (size_t i = 0; i < n; i++) {
		bool	 clash = false;

		if (v[i].active || v[i].used >= v[i].info.duration ||
		    !timed_grants(&v[i], f))
			continue;
		for (size_t j = 0; j < n && !clash; j++)
			clash = v[j].active && timed_share(&v[j], &v[i]);
		if (!clash) {
			lic_timed_start(&v[i], at);
			return i;
		}
	}
	return LIC_NO_KEY;
}

size_t
lic_timed_tick(struct lic_timed *v, size_t n, int64_t now,
    struct lic_expiry *ev, size_t nev)
{
	size_t		 count = 0, x;
	int64_t		 at = 0;

	while ((x = timed_first_end(v, n, now, &at)) != LIC_NO_KEY) {
		for (size_t i = 0; i < n; i++)
			timed_count_to(&v[i], at);
		/* Exactly at its end: this deactivates it. */
		lic_timed_advance(&v[x], at);
		v[x].active = false;
		for (size_t g = 0; g < v[x].info.ngrants; g++) {
			size_t	f = v[x].info.grants[g].feature;
			size_t	s = timed_successor(v, n, f, at);

			if (count < nev)
				ev[count] = (struct lic_expiry){ .at = at,
				    .expired = x, .feature = f,
				    .successor = s };
			count++;
		}
	}
	for (size_t i = 0; i < n; i++)
		timed_count_to(&v[i], now);
	return count;
}

/* a + b, Unlimited if either is, capped at max. */
static uint32_t
running_add(uint32_t a, uint32_t b, uint32_t max)
{
	uint64_t	sum = (uint64_t)a + b;

	if (a == LIC_UNLIMITED || b == LIC_UNLIMITED || sum > LIC_UNLIMITED)
		sum = LIC_UNLIMITED;
	return sum > max ? max : (uint32_t)sum;
}

static void
running_defaults(const struct lic_inputs *in, struct lic_running *r)
{
	for (size_t f = 0; f < r->nfeatures; f++)
		r->v[f].value = lic_platform_value(in->p, r->edition, f,
		    in->version);
}

static void
running_permanent(const struct lic_inputs *in, struct lic_running *r)
{
	const struct lic_keyinfo *k = in->perm;
	const struct lic_cell	*cells = in->p->editions[r->edition].cells;
	uint32_t		 max;

	assert(k->type == LIC_KEY_PERMANENT);
	for (size_t i = 0; i < k->ngrants; i++) {
		size_t		f = k->grants[i].feature;
		uint32_t	value = k->grants[i].value;

		assert(f < r->nfeatures);
		if (in->cat->features[f].time_rule == LIC_TIME_ONLY)
			continue;
		if (value == cells[f].value)
			continue;
		max = lic_platform_max(in->p, r->edition, f, in->version);
		r->v[f].value = value > max ? max : value;
	}
}

/* Choose the time-based grant of each feature (see DOC, step 3). */
static void
running_pick(const struct lic_inputs *in, struct pick *pick, size_t n)
{
	for (size_t f = 0; f < n; f++)
		pick[f].t = NULL;
	for (size_t i = 0; i < in->ntimed; i++) {
		const struct lic_timed	*t = &in->timed[i];

		if (!t->active || t->used >= t->info.duration)
			continue;
		for (size_t g = 0; g < t->info.ngrants; g++) {
			size_t	f = t->info.grants[g].feature;

			assert(f < n);
			if (pick[f].t != NULL &&
			    pick[f].t->activated_at > t->activated_at)
				continue;
			pick[f].t = t;
			pick[f].value = t->info.grants[g].value;
		}
	}
}

/* Table 5-18 for feature f and its chosen time-based grant. */
static void
running_combine(const struct lic_inputs *in, struct lic_running *r,
    size_t f, const struct pick *pk)
{
	struct lic_value	*v = &r->v[f];
	const struct lic_timed	*t = pk->t;
	uint32_t		 value = pk->value, max;

	if (!in->p->editions[r->edition].cells[f].supported)
		return;
	if (in->cat->features[f].time_rule == LIC_TIME_ADD) {
		max = lic_platform_max(in->p, r->edition, f, in->version);
		value = running_add(v->value, value, max);
	}
	if (value <= v->value)
		return;
	v->value = value;
	v->timed = true;
	v->seconds_left = (uint32_t)(t->info.duration - t->used);
}

static void
running_total_vpn(const struct lic_inputs *in, struct lic_running *r)
{
	const struct lic_platform *p = in->p;
	size_t			 tot, prem, other;
	uint32_t		 limit, sum;

	tot = lic_catalog_find(in->cat, "total-vpn");
	if (tot == NO_FEATURE)
		return;
	limit = r->v[tot].value;
	if (p->vpn_total != 0 && p->vpn_total < limit)
		limit = p->vpn_total;
	r->v[tot].value = limit;
	if (!p->vpn_total_sum || r->essentials_active)
		return;
	prem = lic_catalog_find(in->cat, "anyconnect-premium");
	other = lic_catalog_find(in->cat, "other-vpn");
	if (prem == NO_FEATURE || other == NO_FEATURE)
		return;
	sum = running_add(r->v[prem].value, r->v[other].value, limit);
	r->v[tot].value = sum;
}

static void
running_npe(const struct lic_inputs *in, struct lic_running *r)
{
	for (size_t f = 0; f < r->nfeatures; f++) {
		if (!in->cat->features[f].npe_hidden)
			continue;
		r->v[f].value = 0;
		r->v[f].timed = false;
		r->v[f].seconds_left = 0;
	}
	r->essentials_active = false;
}

void
lic_running_compute(const struct lic_inputs *in, struct lic_running *r)
{
	struct pick	pick[LIC_MAX_FEATURES];
	size_t		ess;

	assert(in->cat->nfeatures <= LIC_MAX_FEATURES);
	memset(r, 0, sizeof *r);
	r->edition = in->perm != NULL ? in->perm->edition : 0;
	r->nfeatures = in->cat->nfeatures;
	assert(r->edition < in->p->neditions);

	running_defaults(in, r);
	if (in->perm != NULL)
		running_permanent(in, r);
	running_pick(in, pick, r->nfeatures);
	for (size_t f = 0; f < r->nfeatures; f++) {
		if (pick[f].t != NULL)
			running_combine(in, r, f, &pick[f]);
	}
	ess = lic_catalog_find(in->cat, "anyconnect-essentials");
	r->essentials_active = ess != NO_FEATURE && r->v[ess].value != 0 &&
	    !in->no_essentials;
	running_total_vpn(in, r);
	if (in->npe)
		running_npe(in, r);
}

/*
 * Whether feature f is in force: nonzero, and not switched off or
 * excluded. Essentials is in force only when essentials_active; a feature
 * another in-force feature excludes is not (Table 5-16: Essentials
 * "cannot be active at the same time as" Premium and Advanced Endpoint
 * Assessment).
 */
static bool
running_in_force(const struct lic_running *r, const struct lic_catalog *cat,
    size_t f)
{
	size_t	ess = lic_catalog_find(cat, "anyconnect-essentials");

	if (r->v[f].value == 0)
		return false;
	if (f == ess && !r->essentials_active)
		return false;
	for (size_t g = 0; g < r->nfeatures; g++) {
		const struct lic_feature *fg = &cat->features[g];

		if (r->v[g].value == 0 || (g == ess && !r->essentials_active))
			continue;
		for (size_t i = 0; i < fg->nexcludes; i++) {
			if (fg->excludes[i] == f)
				return false;
		}
	}
	return true;
}

bool
lic_running_usable(const struct lic_running *r, const struct lic_catalog *cat,
    size_t f)
{
	const struct lic_feature *feat;

	if (f >= r->nfeatures || !running_in_force(r, cat, f))
		return false;
	feat = &cat->features[f];
	if (feat->nrequires == 0)
		return true;
	for (size_t i = 0; i < feat->nrequires; i++) {
		if (running_in_force(r, cat, feat->requires[i]))
			return true;
	}
	return false;
}
