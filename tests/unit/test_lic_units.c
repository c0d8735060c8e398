/* SPDX-License-Identifier: MIT */
/*
 * The failover cluster license: one row per rule and worked example of
 * the ASA 9.1 chapter's "Failover or ASA Cluster Licenses" section (its
 * requirements, "How Failover or ASA Cluster Licenses Combine", "Loss of
 * Communication Between Failover or ASA Cluster Units"), each row's name
 * quoting it, over every feature kind (count, enabled/disabled, enum) and
 * every units rule (add, max, none), on lic_units_fixture.h's small
 * catalogue and platforms with the chapter's limits. Time (the charge,
 * the 30-day grace, the holds, the clusters' countdown):
 * test_lic_units_time.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/lic_units_fixture.h"

struct combine_case {
	const char		*name;	/* the rule, quoted */
	const struct lic_platform *p;
	size_t			 n;
	struct unit		 units[MAX_UNITS];
	size_t			 self;
	struct val		 want[MAX_VALUES];
};

static const struct combine_case combine_cases[] = {
	{ "counts: two ASAs with 10 AnyConnect Premium sessions installed "
	  "on each; the licenses will be combined for a total of 20",
	  &p5520, 2, { { 0, { PERM(F_PREMIUM, 10) } },
	  { 0, { PERM(F_PREMIUM, 10) } } }, 0,
	  { PERM(F_PREMIUM, 20) } },
	{ "counts: two ASA 5520 ASAs with 500 AnyConnect Premium sessions "
	  "each; because the platform limit is 750, the combined license "
	  "allows 750",
	  &p5520, 2, { { 0, { PERM(F_PREMIUM, 500) } },
	  { 0, { PERM(F_PREMIUM, 500) } } }, 1,
	  { PERM(F_PREMIUM, 750) } },
	{ "counts: two ASA 5540 ASAs, one with 20 contexts and the other "
	  "with 10 contexts; the combined license allows 30 contexts",
	  &p5540, 2, { { 0, { PERM(F_CONTEXTS, 20) } },
	  { 0, { PERM(F_CONTEXTS, 10) } } }, 0,
	  { PERM(F_CONTEXTS, 30) } },
	{ "counts, cluster: four ASA 5585-X with SSP-10, three with 50 "
	  "contexts and one with the default 2; because the platform limit "
	  "is 100, the combined license allows a maximum of 100 contexts",
	  &pssp10, 4, { { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 50) } }, { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 2) } } }, 3,
	  { PERM(F_CONTEXTS, 100) } },
	{ "counts, cluster: four ASA 5585-X with SSP-60, three with 50 "
	  "contexts and one with the default 2; because the platform limit "
	  "is 250, the licenses will be combined for a total of 152",
	  &pssp60, 4, { { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 50) } }, { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 2) } } }, 0,
	  { PERM(F_CONTEXTS, 152) } },
	{ "counts: defaults add too (the 9.9 ASA 5516 capture: 2 + 2 "
	  "Security Contexts are 4, 4 + 4 AnyConnect Premium Peers 8)",
	  &p5520, 2, { { 0, { PERM(F_CONTEXTS, 2), PERM(F_PREMIUM, 4) } },
	  { 0, { PERM(F_CONTEXTS, 2), PERM(F_PREMIUM, 4) } } }, 0,
	  { PERM(F_CONTEXTS, 4), PERM(F_PREMIUM, 8) } },
	{ "counts: Unlimited and a number are Unlimited",
	  &p5520, 2, { { 0, { PERM(F_HOSTS, UNL) } },
	  { 0, { PERM(F_HOSTS, 10) } } }, 0, { PERM(F_HOSTS, UNL) } },
	{ "counts: if all licenses in use are time-based, then the licenses "
	  "count down simultaneously (the shortest shows)",
	  &p5520, 2, { { 0, { TB(F_UC, 1000, 62 * DAY) } },
	  { 0, { TB(F_UC, 1000, 20 * DAY) } } }, 0,
	  { TB(F_UC, 2000, 20 * DAY) } },
	{ "counts: a permanent contribution keeps the sum perpetual",
	  &p5520, 2, { { 0, { PERM(F_PREMIUM, 25) } },
	  { 0, { TB(F_PREMIUM, 500, 9 * DAY) } } }, 0,
	  { PERM(F_PREMIUM, 525) } },
	{ "counts that do not add (units max): the higher one",
	  &p5520, 2, { { 0, { PERM(F_OTHER, 250) } },
	  { 0, { PERM(F_OTHER, 750) } } }, 0, { PERM(F_OTHER, 750) } },
	{ "enabled/disabled: the license with the enabled status is used",
	  &p5520, 2, { { 0, { PERM(F_GTP, 0) } }, { 0, { PERM(F_GTP, 1) } } },
	  0, { PERM(F_GTP, 1) } },
	{ "enabled/disabled, time-based: 48 weeks left on the Botnet "
	  "Traffic Filter license on two units, the combined duration is 96 "
	  "weeks",
	  &p5520, 2, { { 0, { TB(F_BOTNET, 1, 48 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 48 * WEEK) } } }, 1,
	  { TB(F_BOTNET, 1, 96 * WEEK) } },
	{ "enabled/disabled, time-based on one unit only: its own duration",
	  &p5520, 2, { { 0, { PERM(F_BOTNET, 0) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, 0,
	  { TB(F_BOTNET, 1, 52 * WEEK) } },
	{ "enum: Active/Active beats Active/Standby and Disabled",
	  &p5520, 2, { { 0, { PERM(F_FAILOVER, FO_ACTIVE_STANDBY) } },
	  { 0, { PERM(F_FAILOVER, FO_ACTIVE_ACTIVE) } } }, 0,
	  { PERM(F_FAILOVER, FO_ACTIVE_ACTIVE) } },
	{ "enum: a shared licensing server beats a participant",
	  &p5520, 2, { { 0, { PERM(F_SHARED, 1) } },
	  { 0, { PERM(F_SHARED, 2) } } }, 0, { PERM(F_SHARED, 2) } },
	{ "exceptions (units none): the encryption license is the unit's "
	  "own",
	  &p5520, 2, { { 0, { PERM(F_ENC, ENC_STRONG) } },
	  { 0, { PERM(F_ENC, ENC_DES) } } }, 1, { PERM(F_ENC, ENC_DES) } },
	{ "exceptions (units none): the clustering license and the IPS "
	  "module are each unit's own",
	  &p5520, 2, { { 0, { PERM(F_CLUSTER, 8), PERM(F_IPS, 1) } },
	  { 0, { PERM(F_CLUSTER, 0), PERM(F_IPS, 0) } } }, 1,
	  { PERM(F_CLUSTER, 0), PERM(F_IPS, 0) } },
	{ "typically, you buy a license only for the primary unit; the "
	  "secondary unit inherits the primary license",
	  &p5520, 2, { { 0, { PERM(F_BOTNET, 1), PERM(F_GTP, 1),
	  PERM(F_PREMIUM, 500) } }, { 0, { PERM(F_PREMIUM, 2) } } }, 1,
	  { PERM(F_BOTNET, 1), PERM(F_GTP, 1), PERM(F_PREMIUM, 502) } },
	{ "a unit alone: its own license",
	  &p5520, 1, { { 0, { PERM(F_PREMIUM, 25), TB(F_BOTNET, 1, DAY) } } },
	  0, { PERM(F_PREMIUM, 25), TB(F_BOTNET, 1, DAY) } },
};

static void
test_combine(void **state)
{
	(void)state;
	for (size_t c = 0; c < NELEM(combine_cases); c++) {
		const struct combine_case *k = &combine_cases[c];
		struct lic_running	 runs[MAX_UNITS], out;
		const struct lic_running *ptrs[MAX_UNITS];

		for (size_t u = 0; u < k->n; u++) {
			make_running(&k->units[u], &runs[u]);
			ptrs[u] = &runs[u];
		}
		lic_units_combine(&cat, k->p, V91, ptrs, k->n, k->self, &out);
		for (size_t i = 0; i < MAX_VALUES && k->want[i].f != END; i++) {
			const struct val *w = &k->want[i];

			if (out.v[w->f].value != w->value ||
			    out.v[w->f].timed != (w->left != 0) ||
			    out.v[w->f].seconds_left != w->left)
				fail_msg("%s: feature %s is %u (%s %u s), want "
				    "%u (%u s)", k->name, cat.features[w->f].id,
				    out.v[w->f].value, out.v[w->f].timed ?
				    "timed" : "perpetual",
				    out.v[w->f].seconds_left, w->value, w->left);
		}
		assert_int_equal(out.edition, k->units[k->self].edition);
	}
}

/* ---- The requirements ---- */

struct check_case {
	const char		*name;
	const struct lic_platform *p;
	const char		*platform_b; /* NULL: the same */
	struct unit		 a, b;
	uint32_t		 version_a, version_b; /* 0: 9.1 */
	bool			 zero_a, zero_b;
	bool			 cluster;
	enum lic_units_err	 want;
};

#define V(a, b, c)	LIC_VERSION(a, b, c, 0)
#define FO(v)		PERM(F_FAILOVER, (v))
#define STD_A		{ 0, { FO(FO_ACTIVE_ACTIVE), PERM(F_ENC, ENC_STRONG) } }

static const struct check_case check_cases[] = {
	{ "failover units do not require the same license on each unit",
	  &p5520, NULL, { 0, { FO(2), PERM(F_ENC, 1), PERM(F_PREMIUM, 750) } },
	  { 0, { FO(2), PERM(F_ENC, 1) } }, 0, 0, false, false, false,
	  LIC_UNITS_OK },
	{ "a pair is two units of one platform",
	  &p5520, "ASA5540", STD_A, STD_A, 0, 0, false, false, false,
	  LIC_UNITS_PLATFORM },
	{ "Security Plus license for the ASA 5505, 5510, and 5512-X: the "
	  "Base license does not support failover",
	  &p5510, NULL, { 1, { FO(2) } }, { 0, { FO(FO_DISABLED) } }, 0, 0,
	  false, false, false, LIC_UNITS_NO_FAILOVER },
	{ "Security Plus on both units of an ASA 5510 pair",
	  &p5510, NULL, { 1, { FO(2) } }, { 1, { FO(2) } }, 0, 0, false,
	  false, false, LIC_UNITS_OK },
	{ "encryption license: both units must have the same encryption "
	  "license",
	  &p5520, NULL, STD_A, { 0, { FO(2), PERM(F_ENC, ENC_DES) } }, 0, 0,
	  false, false, false, LIC_UNITS_ENCRYPTION },
	{ "IPS module license for the ASA 5512-X through ASA 5555-X: both "
	  "units require the IPS module license",
	  &p5520, NULL, { 0, { FO(2), PERM(F_IPS, 1) } }, { 0, { FO(2) } }, 0,
	  0, false, false, false, LIC_UNITS_IPS },
	{ "if your key consists of all 0's, then you need to reinstall a "
	  "valid authentication key before failover can be enabled",
	  &p5520, NULL, STD_A, STD_A, 0, 0, false, true, false,
	  LIC_UNITS_ZERO_KEY },
	{ "older versions of ASA software required that the licenses match "
	  "on each unit (8.2)",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(8, 2, 5), V(8, 2, 5), false, false, false,
	  LIC_UNITS_NOT_IDENTICAL },
	{ "before 8.3(1), identical licenses pair",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2), PERM(F_PREMIUM, 25) } }, V(8, 2, 5), V(8, 2, 5),
	  false, false, false, LIC_UNITS_OK },
	{ "starting with Version 8.3(1), you no longer need to install "
	  "identical licenses",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(8, 3, 1), V(8, 3, 1), false, false, false,
	  LIC_UNITS_OK },
	{ "if you have mismatched licenses on a failover pair, then "
	  "downgrading [one unit] will disable failover",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(8, 4, 6), V(8, 2, 5), false, false, false,
	  LIC_UNITS_NOT_IDENTICAL },
	{ "8.2(x) and earlier: upgrade to 8.4(6) first (a 9.1 mate is two "
	  "steps away)",
	  &p5520, NULL, STD_A, STD_A, V(9, 1, 7), V(8, 2, 5), false, false,
	  false, LIC_UNITS_VERSION },
	{ "a zero-downtime upgrade 9.0 -> 9.1 runs the pair mixed",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(9, 0, 4), V(9, 1, 2), false, false, false,
	  LIC_UNITS_OK },
	{ "clustering license: each unit must have a clustering license",
	  &pssp10, NULL, { 0, { FO(2), PERM(F_CLUSTER, 8) } },
	  { 0, { FO(2), PERM(F_CLUSTER, 0) } }, 0, 0, false, false, true,
	  LIC_UNITS_NO_CLUSTER },
	{ "cluster: each unit must have the same encryption license",
	  &pssp10, NULL, { 0, { PERM(F_CLUSTER, 8), PERM(F_ENC, 1) } },
	  { 0, { PERM(F_CLUSTER, 8) } }, 0, 0, false, false, true,
	  LIC_UNITS_ENCRYPTION },
	{ "cluster units do not require the same license on each unit",
	  &pssp10, NULL, { 0, { PERM(F_CLUSTER, 8), PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CLUSTER, 8) } }, 0, 0, false, false, true,
	  LIC_UNITS_OK },
};

static void
test_check(void **state)
{
	(void)state;
	for (size_t c = 0; c < NELEM(check_cases); c++) {
		const struct check_case *k = &check_cases[c];
		struct lic_running	 ra, rb;
		struct lic_unit_facts	 a, b;
		enum lic_units_err	 got;

		make_running(&k->a, &ra);
		make_running(&k->b, &rb);
		a = (struct lic_unit_facts){ .platform = k->p->id,
		    .version = k->version_a ? k->version_a : V91, .run = &ra,
		    .zero_key = k->zero_a };
		b = (struct lic_unit_facts){ .platform = k->platform_b ?
		    k->platform_b : k->p->id, .version = k->version_b ?
		    k->version_b : V91, .run = &rb, .zero_key = k->zero_b };
		got = lic_units_check(&cat, &a, &b, k->cluster);
		if (got != k->want)
			fail_msg("%s: got \"%s\", want \"%s\"", k->name,
			    lic_units_strerror(got),
			    lic_units_strerror(k->want));
	}
}

/* One step of the upgrade path (captures/upgrade/tunnelsup_...). */
static void
test_versions(void **state)
{
	static const struct {
		uint32_t a, b;
		bool	 pair, combine;
	} cases[] = {
		{ V(9, 1, 7), V(9, 1, 7), true, true },
		{ V(9, 0, 4), V(9, 1, 2), true, true },
		{ V(9, 0, 1), V(9, 1, 2), true, true },
		{ V(9, 0, 1), V(9, 1, 3), false, true },
		{ V(8, 2, 5), V(8, 4, 6), true, false },
		{ V(8, 2, 5), V(8, 4, 7), false, false },
		{ V(8, 3, 2), V(8, 4, 6), true, true },
		{ V(8, 4, 4), V(9, 1, 2), true, true },
		{ V(8, 4, 4), V(9, 1, 7), false, true },
		{ V(8, 4, 7), V(9, 1, 7), true, true },
		{ V(8, 0, 4), V(8, 2, 5), true, false },
	};

	(void)state;
	for (size_t c = 0; c < NELEM(cases); c++) {
		assert_int_equal(lic_units_versions(cases[c].a, cases[c].b),
		    cases[c].pair);
		assert_int_equal(lic_units_versions(cases[c].b, cases[c].a),
		    cases[c].pair);
		assert_int_equal(lic_units_combines(cases[c].a, cases[c].b),
		    cases[c].combine);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_combine),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_check),
	};

	return cmocka_run_group_tests_name("lic_units", tests, NULL, NULL);
}
