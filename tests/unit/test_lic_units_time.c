/* SPDX-License-Identifier: MIT */
/*
 * The failover cluster license over time: the chapter's "Loss of
 * Communication Between Failover or ASA Cluster Units" (the charge and
 * the 30-day grace, with its worked example), the secondary's held
 * keys, and the clusters' serial countdown ("the primary/master unit
 * counts down its license first"), on lic_units_fixture.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/lic_units_fixture.h"

/* ---- Time: charging and the 30-day grace ---- */

static void
test_charge(void **state)
{
	uint64_t	 left[2];

	(void)state;
	/* "The primary/master unit counts down its license first, and
	   when it expires, the secondary/slave unit(s) start counting
	   down its license". */
	left[0] = 2 * WEEK;
	left[1] = 52 * WEEK;
	assert_int_equal(lic_units_charge_serial(left, 2, 3 * WEEK), 0);
	assert_int_equal(left[0], 0);
	assert_int_equal(left[1], 51 * WEEK);
	assert_int_equal(lic_units_charge_serial(left, 2, 60 * WEEK),
	    9 * WEEK);
	assert_int_equal(left[1], 0);
	/* Numerical tiers "count down simultaneously". */
	left[0] = 10 * DAY;
	left[1] = 3 * DAY;
	lic_units_charge_each(left, 2, 5 * DAY);
	assert_int_equal(left[0], 5 * DAY);
	assert_int_equal(left[1], 0);
	/* "for more than 30 days": the 30th day is still within. */
	assert_true(lic_units_in_grace(0));
	assert_true(lic_units_in_grace(30 * DAY));
	assert_false(lic_units_in_grace(30 * DAY + 1));
}

/*
 * The chapter's example, step by step: a 52-week Botnet Traffic Filter
 * license on two units.
 */
static void
test_grace_example(void **state)
{
	uint64_t	 left[2], within[2], after[2];

	(void)state;
	/* 1. "The combined running license allows a total duration of
	   104 weeks." */
	left[0] = left[1] = 52 * WEEK;
	assert_int_equal(left[0] + left[1], 104 * WEEK);
	/* 2. "The units operate as a failover unit/ASA cluster for 10
	   weeks, leaving 94 weeks on the combined license (42 weeks on the
	   primary/master, and 52 weeks on the secondary/slave)." */
	assert_int_equal(lic_units_charge_serial(left, 2, 10 * WEEK), 0);
	assert_int_equal(left[0], 42 * WEEK);
	assert_int_equal(left[1], 52 * WEEK);
	/* 3. The secondary "continues to use the combined license, and
	   continues to count down from 94 weeks". */
	assert_true(lic_units_in_grace(4 * WEEK));
	/* 4. "Within 30 days ... communication is restored after 4 weeks.
	   Therefore, 4 weeks are subtracted from the primary/master license
	   leaving 90 weeks combined (38 weeks on the primary, and 52 weeks
	   on the secondary)." */
	memcpy(within, left, sizeof within);
	lic_units_restore(within, 2, 4 * WEEK);
	assert_int_equal(within[0], 38 * WEEK);
	assert_int_equal(within[1], 52 * WEEK);
	assert_int_equal(within[0] + within[1], 90 * WEEK);
	/* "After 30 days ... communication is restored after 6 weeks.
	   Therefore, 6 weeks are subtracted from both ... leaving 84 weeks
	   combined (36 weeks on the primary/master, and 46 weeks on the
	   secondary/slave)." The chapter's sum is off: 36 + 46 weeks are
	   82, as 94 less twice 6 is; the per-unit figures follow the rule
	   and are what is checked. */
	assert_false(lic_units_in_grace(6 * WEEK));
	memcpy(after, left, sizeof after);
	lic_units_restore(after, 2, 6 * WEEK);
	assert_int_equal(after[0], 36 * WEEK);
	assert_int_equal(after[1], 46 * WEEK);
	assert_int_equal(after[0] + after[1], 82 * WEEK);
}

/* The combined license of step 2 as show version would print it. */
static void
test_grace_combined(void **state)
{
	struct unit		 pu = { 0, { TB(F_BOTNET, 1, 42 * WEEK) } };
	struct unit		 su = { 0, { TB(F_BOTNET, 1, 52 * WEEK) } };
	struct lic_running	 a, b, out;
	const struct lic_running *ptrs[2] = { &a, &b };

	(void)state;
	make_running(&pu, &a);
	make_running(&su, &b);
	lic_units_combine(&cat, &p5520, V91, ptrs, 2, 1, &out);
	assert_int_equal(out.v[F_BOTNET].value, 1);
	assert_true(out.v[F_BOTNET].timed);
	assert_int_equal(out.v[F_BOTNET].seconds_left, 94 * WEEK);
}

/* A time-based key on the secondary, for lic_units_hold. */
static struct lic_timed
timed_key(size_t feature, uint32_t duration, int64_t now)
{
	struct lic_timed	 t;

	memset(&t, 0, sizeof t);
	t.info.type = LIC_KEY_TIMEBASED;
	t.info.grants[0] = (struct lic_grant){ .feature = feature,
	    .value = 1 };
	t.info.ngrants = 1;
	t.info.duration = duration;
	assert_true(lic_timed_start(&t, now));
	return t;
}

/* The secondary's own key while the primary's counts down first. */
static void
test_hold(void **state)
{
	struct lic_timed	 t = timed_key(F_BOTNET, 52 * WEEK, 0);
	struct lic_timed	 p = timed_key(F_PREMIUM, 52 * WEEK, 0);

	(void)state;
	/* "time-based licenses that are enabled or disabled (and do not
	   have numerical tiers)": only those wait for the primary. */
	assert_true(lic_units_serial_key(&cat, &t));
	assert_false(lic_units_serial_key(&cat, &p));
	/* 10 weeks, the primary with 42 left: all held, 52 weeks left. */
	assert_int_equal(lic_units_hold(&t, 10 * WEEK, 42 * WEEK),
	    10 * WEEK);
	assert_false(lic_timed_advance(&t, 10 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, 10 * WEEK), 52 * WEEK);
	/* "when it expires, the secondary/slave unit(s) start counting
	   down": 50 weeks more with 42 covered, 8 charged. */
	assert_int_equal(lic_units_hold(&t, 60 * WEEK, 42 * WEEK),
	    42 * WEEK);
	assert_false(lic_timed_advance(&t, 60 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 44 * WEEK);
	/* A reload counts from the anchor: the held time stays unused. */
	assert_false(lic_timed_reload(&t, 60 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 44 * WEEK);
	/* After 30 days apart "time is subtracted from all unit
	   licenses": 6 weeks held are charged after all. */
	lic_units_unhold(&t, 6 * WEEK);
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 38 * WEEK);
	lic_units_unhold(&t, 100 * WEEK);
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 0);
}

/* ---- Clusters: the serial countdown over several units ---- */

#define CL_UNITS	4

/* Units in countdown order (master first), each with when it said. */
struct cover_case {
	const char	*name;		/* the rule, quoted */
	size_t		 n;
	struct unit	 u[CL_UNITS];
	int64_t		 at[CL_UNITS];
	size_t		 ahead;		/* units before self */
	int64_t		 when;
	uint64_t	 want;		/* lic_units_cover of F_BOTNET */
};

static const struct cover_case cover_cases[] = {
	{ "a master alone ahead: what it had, less the time since it said",
	  2, { { 0, { TB(F_BOTNET, 1, 42 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 1, 4 * WEEK,
	  38 * WEEK },
	{ "the slaves in turn: the third unit waits for the master's and "
	  "the second's, the second waiting while the master counts",
	  3, { { 0, { TB(F_BOTNET, 1, 2 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0, 0 }, 2,
	  3 * WEEK, 51 * WEEK },
	{ "a master whose key expired leaves nothing: the second counts",
	  3, { { 0, { PERM(F_BOTNET, 0) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 5 * WEEK, 0 }, 2,
	  5 * WEEK, 52 * WEEK },
	{ "a permanent license ahead is no time to wait for",
	  2, { { 0, { PERM(F_BOTNET, 1) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 1, WEEK, 0 },
	{ "said after when: the time between is still ahead",
	  2, { { 0, { TB(F_BOTNET, 1, 42 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 10, 0 }, 1, 4,
	  42 * WEEK + 6 },
	{ "all the time ahead gone: nothing left to wait for",
	  2, { { 0, { TB(F_BOTNET, 1, WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 1, 3 * WEEK,
	  0 },
	{ "the master has nobody ahead",
	  2, { { 0, { TB(F_BOTNET, 1, WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 0, 0, 0 },
};

static void
make_units(const struct unit *u, size_t n, struct lic_running *r,
    const struct lic_running **ptrs)
{
	for (size_t i = 0; i < n; i++) {
		make_running(&u[i], &r[i]);
		ptrs[i] = &r[i];
	}
}

static void
test_cover(void **state)
{
	struct lic_running	 r[CL_UNITS];
	const struct lic_running *ptrs[CL_UNITS];

	(void)state;
	for (size_t c = 0; c < NELEM(cover_cases); c++) {
		const struct cover_case *k = &cover_cases[c];

		print_message("%s\n", k->name);
		make_units(k->u, k->n, r, ptrs);
		assert_int_equal(lic_units_cover(ptrs, k->at, k->ahead,
		    F_BOTNET, k->when), k->want);
	}
}

struct age_case {
	const char	*name;		/* the rule, quoted */
	size_t		 n;
	struct unit	 u[CL_UNITS];
	int64_t		 at[CL_UNITS];
	int64_t		 now;
	struct unit	 want[CL_UNITS];
};

static const struct age_case age_cases[] = {
	{ "enabled/disabled: only the master counts down, the slaves wait",
	  3, { { 0, { TB(F_BOTNET, 1, 42 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0, 0 }, 4 * WEEK,
	  { { 0, { TB(F_BOTNET, 1, 38 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } } },
	{ "numerical tiers: the licenses count down simultaneously",
	  3, { { 0, { TB(F_PREMIUM, 500, 10 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 20 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 100, 2 * WEEK) } } }, { 0, 0, 0 }, 3 * WEEK,
	  { { 0, { TB(F_PREMIUM, 500, 7 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 17 * WEEK) } },
	  { 0, { PERM(F_PREMIUM, 0) } } } },
	{ "a master without time of it: the first slave with time counts",
	  3, { { 0, { PERM(F_PREMIUM, 10) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0, 0 }, WEEK,
	  { { 0, { PERM(F_PREMIUM, 10) } },
	  { 0, { TB(F_BOTNET, 1, 51 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } } },
	{ "each unit by the time since it said; one current not at all",
	  2, { { 0, { TB(F_PREMIUM, 500, 10 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 20 * WEEK) } } }, { WEEK, 3 * WEEK },
	  3 * WEEK, { { 0, { TB(F_PREMIUM, 500, 8 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 20 * WEEK) } } } },
	{ "a permanent value does not age, nor is it time to wait for",
	  2, { { 0, { PERM(F_BOTNET, 1), PERM(F_CONTEXTS, 50) } },
	  { 0, { TB(F_BOTNET, 1, 3 * WEEK) } } }, { 0, 0 }, 2 * WEEK,
	  { { 0, { PERM(F_BOTNET, 1), PERM(F_CONTEXTS, 50) } },
	  { 0, { TB(F_BOTNET, 1, WEEK) } } } },
};

static void
test_age(void **state)
{
	struct lic_running	 r[CL_UNITS], out[CL_UNITS], want;
	const struct lic_running *ptrs[CL_UNITS];

	(void)state;
	for (size_t c = 0; c < NELEM(age_cases); c++) {
		const struct age_case *k = &age_cases[c];

		print_message("%s\n", k->name);
		make_units(k->u, k->n, r, ptrs);
		lic_units_age(&cat, ptrs, k->at, k->n, k->now, out);
		for (size_t u = 0; u < k->n; u++) {
			make_running(&k->want[u], &want);
			for (size_t f = 0; f < F_COUNT; f++) {
				assert_int_equal(out[u].v[f].value,
				    want.v[f].value);
				assert_int_equal(out[u].v[f].seconds_left,
				    want.v[f].seconds_left);
				assert_int_equal(out[u].v[f].timed,
				    want.v[f].timed);
			}
		}
	}
}

/*
 * The chapter's example in a cluster of three: 52 weeks of Botnet
 * Traffic Filter on each, 156 combined; 10 weeks as a cluster leave 146
 * (42 on the master); the master lost, the others go on counting the
 * combined license from the lost master's part: 4 weeks on, 38 of it
 * cover them.
 */
static void
test_cluster_example(void **state)
{
	struct unit		 u[3] = {
		{ 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
		{ 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
		{ 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	};
	struct lic_running	 r[3], aged[3], out;
	const struct lic_running *ptrs[3], *aptrs[3];
	int64_t			 at[3] = { 0, 0, 0 };

	(void)state;
	make_units(u, 3, r, ptrs);
	lic_units_combine(&cat, &pssp10, V91, ptrs, 3, 2, &out);
	assert_int_equal(out.v[F_BOTNET].seconds_left, 156 * WEEK);
	lic_units_age(&cat, ptrs, at, 3, 10 * WEEK, aged);
	for (size_t i = 0; i < 3; i++)
		aptrs[i] = &aged[i];
	lic_units_combine(&cat, &pssp10, V91, aptrs, 3, 2, &out);
	assert_int_equal(aged[0].v[F_BOTNET].seconds_left, 42 * WEEK);
	assert_int_equal(out.v[F_BOTNET].seconds_left, 146 * WEEK);
	/* The master lost at 10 weeks, its last word then. */
	at[0] = at[1] = at[2] = 10 * WEEK;
	assert_int_equal(lic_units_cover(aptrs, at, 1, F_BOTNET, 14 * WEEK),
	    38 * WEEK);
	assert_int_equal(lic_units_cover(aptrs, at, 2, F_BOTNET, 14 * WEEK),
	    90 * WEEK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_charge),
		cmocka_unit_test(test_grace_example),
		cmocka_unit_test(test_grace_combined),
		cmocka_unit_test(test_hold),
		cmocka_unit_test(test_cover),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_cluster_example),
	};

	return cmocka_run_group_tests_name("lic_units_time", tests, NULL,
	    NULL);
}
