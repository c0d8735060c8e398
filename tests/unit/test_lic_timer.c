/* SPDX-License-Identifier: MIT */
/*
 * The time-based key timer of licensing/lic_running.c on an injected
 * device time: stacking, activation rules, expiry and successors, clock
 * set and the reload checks. Each case quotes the chapter's rule
 * ("Time-Based Licenses", ASA 9.1 licensing chapter).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/licensing.h"

#define HOUR		INT64_C(3600)
#define DAY		(24 * HOUR)
#define WEEK		(7 * DAY)
#define T0		INT64_C(1362139200)	/* 2013-03-01T12:00:00Z */

/* Catalogue indices: only their identity matters here. */
enum { F_BOTNET = 1, F_PREMIUM = 6, F_UC = 2 };

static struct lic_timed
key(enum lic_key_type type, int64_t duration, size_t nf, const size_t *f,
    const uint32_t *v, uint32_t tag)
{
	struct lic_timed t;

	memset(&t, 0, sizeof t);
	t.key.w[0] = tag;
	t.info.type = type;
	t.info.duration = (uint32_t)duration;
	t.info.ngrants = nf;
	for (size_t i = 0; i < nf; i++) {
		t.info.grants[i].feature = f[i];
		t.info.grants[i].value = v[i];
	}
	return t;
}

static struct lic_timed
timed(int64_t duration, size_t f, uint32_t v, uint32_t tag)
{
	return key(LIC_KEY_TIMEBASED, duration, 1, &f, &v, tag);
}

/* "You install a 52-week Botnet Traffic Filter license, and use the
 * license for 25 weeks (27 weeks remain). ... the licenses combine to
 * have a duration of 79 weeks (52 weeks plus 27 weeks)." */
static void
test_lic_timer__stack_botnet_79_weeks(void **state)
{
	struct lic_timed t = timed(52 * WEEK, F_BOTNET, 1, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	assert_true(lic_timed_stack(&t, 52 * WEEK, T0 + 25 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, T0 + 25 * WEEK), 79 * WEEK);
	assert_true(t.active);
}

/* "You install an 8-week 1000-session AnyConnect Premium license, and use
 * it for 2 weeks (6 weeks remain). ... 1000-sessions for 14 weeks." */
static void
test_lic_timer__stack_premium_14_weeks(void **state)
{
	struct lic_timed t = timed(8 * WEEK, F_PREMIUM, 1000, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	assert_true(lic_timed_stack(&t, 8 * WEEK, T0 + 2 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, T0 + 2 * WEEK), 14 * WEEK);
}

/* Stacking on a used-up key gives the new license's duration. */
static void
test_lic_timer__stack_on_expired(void **state)
{
	struct lic_timed t = timed(2 * DAY, F_BOTNET, 1, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	assert_true(lic_timed_advance(&t, T0 + 3 * DAY));
	assert_true(lic_timed_stack(&t, 2 * DAY, T0 + 3 * DAY));
	assert_int_equal(t.info.duration - t.used, 2 * DAY);
	assert_false(lic_timed_stack(&t, UINT32_MAX, T0));
}

static void
test_lic_timer__identical(void **state)
{
	struct lic_timed a = timed(WEEK, F_PREMIUM, 1000, 1);
	struct lic_timed b = timed(2 * WEEK, F_PREMIUM, 1000, 2);
	struct lic_timed c = timed(WEEK, F_PREMIUM, 2500, 3);

	(void)state;
	/* Identical licenses: same features and values (any duration). */
	assert_true(lic_timed_identical(&a.info, &b.info));
	assert_false(lic_timed_identical(&a.info, &c.info));
}

/* "only one time-based license per feature can be active"; "The last
 * time-based key that you activate for a given feature is the active
 * one." */
static void
test_lic_timer__one_active_per_feature(void **state)
{
	struct lic_timed v[3];

	(void)state;
	v[0] = timed(8 * WEEK, F_PREMIUM, 1000, 1);
	v[1] = timed(8 * WEEK, F_PREMIUM, 2500, 2);
	v[2] = timed(8 * WEEK, F_BOTNET, 1, 3);
	assert_int_equal(lic_timed_activate(v, 3, 0, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_activate(v, 3, 2, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_activate(v, 3, 1, T0 + DAY, false),
	    LIC_ACT_OK);
	assert_false(v[0].active);
	assert_true(v[1].active);
	assert_true(v[2].active);
	/* The stopped key's timer halted after one day. */
	assert_int_equal(lic_timed_remaining(&v[0], T0 + 9 * WEEK),
	    8 * WEEK - DAY);
	/* Before 8.3, one active time-based key at all. */
	assert_int_equal(lic_timed_activate(v, 3, 0, T0 + DAY, true),
	    LIC_ACT_OK);
	assert_false(v[1].active);
	assert_false(v[2].active);
}

/* "if an evaluation license includes the Botnet Traffic Filter and a
 * 1000-session AnyConnect Premium license, you cannot also activate a
 * standalone time-based 2500-session AnyConnect Premium license." */
static void
test_lic_timer__evaluation_blocks(void **state)
{
	static const size_t	f[] = { F_BOTNET, F_PREMIUM };
	static const uint32_t	val[] = { 1, 1000 };
	struct lic_timed	v[2];

	(void)state;
	v[0] = key(LIC_KEY_EVALUATION, 60 * DAY, 2, f, val, 1);
	v[1] = timed(8 * WEEK, F_PREMIUM, 2500, 2);
	assert_int_equal(lic_timed_activate(v, 2, 0, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_activate(v, 2, 1, T0, false),
	    LIC_ACT_EVALUATION);
	assert_true(v[0].active);
	assert_false(v[1].active);
	/* An evaluation key activated later takes the feature over. */
	v[0].active = false;
	assert_int_equal(lic_timed_activate(v, 2, 1, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_activate(v, 2, 0, T0, false), LIC_ACT_OK);
	assert_false(v[1].active);
}

static void
test_lic_timer__activate_expired(void **state)
{
	struct lic_timed v[1];

	(void)state;
	v[0] = timed(DAY, F_BOTNET, 1, 1);
	v[0].used = DAY;
	assert_int_equal(lic_timed_activate(v, 1, 0, T0, false),
	    LIC_ACT_EXPIRED);
	assert_false(v[0].active);
}

/* "you have a time-based 2500-session AnyConnect Premium license
 * (active), a time-based 1000-session AnyConnect Premium license
 * (inactive), and a permanent 500-session ... While the 2500-session
 * license expires, the ASA activates the 1000-session license. After the
 * 1000-session license expires, the ASA uses the 500-session permanent
 * license." One tick past both ends: in time order. */
static void
test_lic_timer__expiry_order(void **state)
{
	struct lic_timed	v[2];
	struct lic_expiry	ev[4];

	(void)state;
	v[0] = timed(4 * WEEK, F_PREMIUM, 2500, 1);
	v[1] = timed(2 * WEEK, F_PREMIUM, 1000, 2);
	assert_int_equal(lic_timed_activate(v, 2, 0, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_tick(v, 2, T0 + 10 * WEEK, ev, 4), 2);
	assert_int_equal(ev[0].expired, 0);
	assert_int_equal(ev[0].feature, F_PREMIUM);
	assert_int_equal(ev[0].successor, 1);
	assert_int_equal(ev[0].at, T0 + 4 * WEEK);
	assert_int_equal(ev[1].expired, 1);
	assert_int_equal(ev[1].successor, LIC_NO_KEY);
	/* The successor counted from the first key's end. */
	assert_int_equal(ev[1].at, T0 + 6 * WEEK);
	assert_false(v[0].active);
	assert_false(v[1].active);
}

/* A successor must not take a feature another active key grants. */
static void
test_lic_timer__successor_no_clash(void **state)
{
	static const size_t	f[] = { F_BOTNET, F_PREMIUM };
	static const uint32_t	val[] = { 1, 1000 };
	struct lic_timed	v[3];
	struct lic_expiry	ev[4];

	(void)state;
	v[0] = timed(DAY, F_PREMIUM, 2500, 1);
	v[1] = key(LIC_KEY_EVALUATION, 60 * DAY, 2, f, val, 2);
	v[2] = timed(WEEK, F_BOTNET, 1, 3);
	assert_int_equal(lic_timed_activate(v, 3, 0, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_activate(v, 3, 2, T0, false), LIC_ACT_OK);
	assert_int_equal(lic_timed_tick(v, 3, T0 + 2 * DAY, ev, 4), 1);
	assert_int_equal(ev[0].successor, LIC_NO_KEY);
	assert_false(v[1].active);
	assert_true(v[2].active);
}

/* "If the time-based license is active, and you shut down the ASA, then
 * the timer continues to count down." */
static void
test_lic_timer__reload_counts_off_time(void **state)
{
	struct lic_timed t = timed(8 * WEEK, F_PREMIUM, 1000, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	lic_timed_advance(&t, T0 + WEEK);
	/* Off for a week, then a reload. */
	assert_false(lic_timed_reload(&t, T0 + 2 * WEEK));
	assert_int_equal(t.used, 2 * WEEK);
	assert_true(t.active);
}

/* "If you set the clock to be a later date, then if you reload, the ASA
 * checks the system clock against the original installation time, and
 * assumes that more time has passed than has actually been used." */
static void
test_lic_timer__clock_later_then_reload(void **state)
{
	struct lic_timed t = timed(8 * WEEK, F_PREMIUM, 1000, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	/* clock set three weeks ahead after one day: not counted yet. */
	lic_timed_rebase(&t, T0 + DAY, T0 + DAY + 3 * WEEK);
	assert_int_equal(lic_timed_remaining(&t, T0 + DAY + 3 * WEEK),
	    8 * WEEK - DAY);
	assert_false(lic_timed_reload(&t, T0 + DAY + 3 * WEEK));
	assert_int_equal(t.used, DAY + 3 * WEEK);
}

/* "If you set the clock back, and the actual running time is greater
 * than the time between the original installation time and the system
 * clock, then the license immediately expires after a reload." */
static void
test_lic_timer__clock_back_then_reload(void **state)
{
	struct lic_timed	t = timed(8 * WEEK, F_PREMIUM, 1000, 1);
	struct lic_expiry	ev[1];

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	lic_timed_advance(&t, T0 + 2 * WEEK);
	lic_timed_rebase(&t, T0 + 2 * WEEK, T0 + WEEK);
	/* Still running: set back, the timer goes on. */
	assert_int_equal(lic_timed_remaining(&t, T0 + WEEK + DAY),
	    6 * WEEK - DAY);
	assert_true(lic_timed_reload(&t, T0 + WEEK + DAY));
	assert_int_equal(lic_timed_tick(&t, 1, T0 + WEEK + DAY, ev, 1), 1);
	assert_false(t.active);
	assert_int_equal(lic_timed_remaining(&t, T0 + WEEK + DAY), 0);
}

/* "the ASA checks the system clock against the original installation
 * time": installed, deactivated at once, activated 4 weeks later, run a
 * week, clock set to installation + 3 weeks, reload: 3 weeks since the
 * installation is more than the week it ran, so it survives, one week
 * used (issue 11 item 9; measured from the anchor it expired). */
static void
test_lic_timer__clock_back_from_installation(void **state)
{
	struct lic_timed t = timed(8 * WEEK, F_PREMIUM, 1000, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	lic_timed_stop(&t, T0);
	assert_true(lic_timed_start(&t, T0 + 4 * WEEK));
	assert_int_equal(t.installed_at, T0);
	lic_timed_advance(&t, T0 + 5 * WEEK);
	lic_timed_rebase(&t, T0 + 5 * WEEK, T0 + 3 * WEEK);
	assert_false(lic_timed_reload(&t, T0 + 3 * WEEK));
	assert_int_equal(t.used, WEEK);
	assert_true(t.active);
	/* Set back below the week it ran: expired at the reload. */
	lic_timed_rebase(&t, T0 + 3 * WEEK, T0 + 3 * DAY);
	assert_true(lic_timed_reload(&t, T0 + 3 * DAY));
}

/* A deactivated key is not touched by a reload: "the timer halts". */
static void
test_lic_timer__reload_inactive(void **state)
{
	struct lic_timed t = timed(8 * WEEK, F_PREMIUM, 1000, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	lic_timed_stop(&t, T0 + WEEK);
	assert_false(lic_timed_reload(&t, T0));
	assert_int_equal(t.used, WEEK);
	/* Reactivated, its installation time moves by the pause. */
	assert_true(lic_timed_start(&t, T0 + 5 * WEEK));
	assert_int_equal(t.anchor, T0 + 4 * WEEK);
}

/* %ASA-4-444005: every 24 hours of device time while active. */
static void
test_lic_timer__warn_daily(void **state)
{
	struct lic_timed t = timed(8 * WEEK, F_PREMIUM, 1000, 1);

	(void)state;
	assert_true(lic_timed_start(&t, T0));
	assert_false(lic_timed_warn(&t, T0 + DAY - 1));
	assert_true(lic_timed_warn(&t, T0 + DAY));
	assert_false(lic_timed_warn(&t, T0 + DAY + HOUR));
	assert_true(lic_timed_warn(&t, T0 + 3 * DAY));
	lic_timed_stop(&t, T0 + 3 * DAY);
	assert_false(lic_timed_warn(&t, T0 + 5 * DAY));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_timer__stack_botnet_79_weeks),
		cmocka_unit_test(test_lic_timer__stack_premium_14_weeks),
		cmocka_unit_test(test_lic_timer__stack_on_expired),
		cmocka_unit_test(test_lic_timer__identical),
		cmocka_unit_test(test_lic_timer__one_active_per_feature),
		cmocka_unit_test(test_lic_timer__evaluation_blocks),
		cmocka_unit_test(test_lic_timer__activate_expired),
		cmocka_unit_test(test_lic_timer__expiry_order),
		cmocka_unit_test(test_lic_timer__successor_no_clash),
		cmocka_unit_test(test_lic_timer__reload_counts_off_time),
		cmocka_unit_test(test_lic_timer__clock_later_then_reload),
		cmocka_unit_test(test_lic_timer__clock_back_then_reload),
		cmocka_unit_test(test_lic_timer__clock_back_from_installation),
		cmocka_unit_test(test_lic_timer__reload_inactive),
		cmocka_unit_test(test_lic_timer__warn_daily),
	};

	return cmocka_run_group_tests_name("lic_timer", tests, NULL, NULL);
}
