/* SPDX-License-Identifier: MIT */
/*
 * The shared licensing pool and timers of licensing/shared.c. Each row
 * quotes the rule of the chapter's "Shared AnyConnect Premium Licenses"
 * section (ASA 9.1 licensing chapter) or its FAQ that it checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/licensing.h"

#define DAY	INT64_C(86400)
#define T0	INT64_C(1362139200)	/* 2013-03-01T12:00:00Z */

static void
test_lic_shared__local(void **state)
{
	static const struct {
		const char	*name;
		uint32_t	 premium;
		bool		 timed, server;
		uint32_t	 want;
	} cases[] = {
		{ "participant: the local license (time-based or permanent) "
		  "is used first", 250, false, false, 250 },
		{ "participant: a time-based one too", 500, true, false, 500 },
		{ "server: the permanent AnyConnect Premium license is not "
		  "used", 250, false, true, 0 },
		{ "server: a time-based license is available for local "
		  "sessions only", 100, true, true, 100 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("%s\n", cases[i].name);
		assert_int_equal(lic_shared_local(cases[i].premium,
		    cases[i].timed, cases[i].server), cases[i].want);
	}
}

static void
test_lic_shared__want(void **state)
{
	static const struct {
		const char	*name;
		uint32_t	 demand, local, limit, want;
	} cases[] = {
		{ "the shared license is used only after the local sessions "
		  "are used up", 100, 250, 750, 0 },
		{ "exactly the local license: nothing asked", 250, 250, 750,
		  0 },
		{ "one beyond: a 50-session increment", 251, 250, 750, 50 },
		{ "requests in 50-session increments (rounded up)", 420, 250,
		  750, 200 },
		{ "a whole number of increments", 400, 250, 750, 150 },
		{ "the total on a participant cannot exceed the platform "
		  "maximum", 5000, 250, 750, 500 },
		{ "the platform maximum not a multiple of 50", 1000, 2, 750,
		  748 },
		{ "a local license at the platform maximum: nothing shared",
		  900, 750, 750, 0 },
		{ "no local license", 1, 0, 750, 50 },
		{ "no demand", 0, 0, 750, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("%s\n", cases[i].name);
		assert_int_equal(lic_shared_want(cases[i].demand,
		    cases[i].local, cases[i].limit), cases[i].want);
	}
}

static void
test_lic_shared__grant(void **state)
{
	static const struct {
		const char	*name;
		uint32_t	 want, held, avail, room, got;
	} cases[] = {
		{ "the server responds with a shared license", 150, 0, 1000,
		  500, 150 },
		{ "not enough left: as many sessions as available", 150, 0,
		  100, 500, 100 },
		{ "a later refresh asks again and gets the rest", 150, 100,
		  30, 500, 130 },
		{ "nothing left: what it held", 150, 100, 0, 500, 100 },
		{ "never beyond the platform maximum", 800, 0, 1000, 500,
		  500 },
		{ "load reduced: the sessions are released", 50, 200, 0,
		  500, 50 },
		{ "released to nothing", 0, 200, 0, 500, 0 },
		{ "unchanged", 200, 200, 0, 500, 200 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("%s\n", cases[i].name);
		assert_int_equal(lic_shared_grant(cases[i].want, cases[i].held,
		    cases[i].avail, cases[i].room), cases[i].got);
	}
}

static void
test_lic_shared__transfer(void **state)
{
	static const struct {
		const char	*name;
		uint32_t	 held, from, room, got;
	} cases[] = {
		{ "the transfer request moves the shared sessions from the "
		  "previously active unit to the new active unit", 0, 300, 650,
		  300 },
		{ "on top of what the new active unit held", 100, 300, 650,
		  300 },
		{ "never beyond its platform maximum", 500, 300, 650, 150 },
		{ "nothing to move", 100, 0, 650, 0 },
		{ "already at its maximum", 650, 300, 650, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("%s\n", cases[i].name);
		assert_int_equal(lic_shared_transfer(cases[i].held,
		    cases[i].from, cases[i].room), cases[i].got);
	}
}

/* The pool is never over-granted, whatever order requests come in. */
static void
test_lic_shared__pool_never_over_granted(void **state)
{
	uint32_t	 held[7] = { 0 }, used = 0;
	const uint32_t	 total = 1000;

	(void)state;
	for (uint32_t round = 0; round < 200; round++) {
		size_t	 p = (round * 5 + 3) % 7;
		uint32_t want = (round * 137 % 16) * LIC_SHARED_STEP;
		uint32_t got = lic_shared_grant(want, held[p], total - used,
		    500);

		used = used - held[p] + got;
		held[p] = got;
		assert_true(used <= total);
	}
}

static void
test_lic_shared__active(void **state)
{
	static const struct {
		const char	*name;
		uint32_t	 demand, capacity, active, want;
	} cases[] = {
		{ "new sessions up to the license", 300, 250, 0, 250 },
		{ "all of them when licensed", 200, 250, 0, 200 },
		{ "after the shared license is released, existing "
		  "connections stay established", 300, 250, 300, 300 },
		{ "but no new connections beyond the license limit", 400,
		  250, 300, 300 },
		{ "load falls: sessions end", 100, 250, 300, 100 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("%s\n", cases[i].name);
		assert_int_equal(lic_shared_active(cases[i].demand,
		    cases[i].capacity, cases[i].active), cases[i].want);
	}
}

static void
test_lic_shared__timers(void **state)
{
	static const struct {
		const char	*name;
		int64_t		 since;
		uint32_t	 refresh;
		bool		 peer_gone, grace_over;
	} cases[] = {
		{ "refreshed: kept", 30, 30, false, false },
		{ "fails to send a refresh after 3 times the refresh "
		  "interval: released", 90, 30, true, false },
		{ "just before 3 intervals: kept", 89, 30, false, false },
		{ "3 times a 10-second interval", 30, 10, true, false },
		{ "can continue to use the shared license for up to 24 "
		  "hours", DAY - 1, 30, true, false },
		{ "after 24 hours the participant releases the shared "
		  "license", DAY, 30, true, true },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("%s\n", cases[i].name);
		assert_int_equal(lic_shared_peer_expired(T0, cases[i].refresh,
		    T0 + cases[i].since), cases[i].peer_gone);
		assert_int_equal(lic_shared_grace_over(T0,
		    T0 + cases[i].since), cases[i].grace_over);
	}
}

/* Steps of the backup's life: take over (1), hand back (0), or wait. */
struct bk_step {
	int64_t		 day;	/* since the first sync */
	int		 op;	/* 1 take over, 0 hand back, -1 just count */
	bool		 ok;	/* take over: allowed */
	int64_t		 budget_days;
	unsigned	 ev;
};

static void
run_backup(const char *name, const struct bk_step *s, size_t n)
{
	struct lic_shared_backup b;

	print_message("%s\n", name);
	memset(&b, 0, sizeof b);
	assert_false(lic_shared_backup_takeover(&b, T0));
	lic_shared_backup_start(&b, T0);
	for (size_t i = 0; i < n; i++) {
		int64_t	 now = T0 + s[i].day * DAY;
		unsigned ev = 0;

		if (s[i].op == 1)
			assert_int_equal(lic_shared_backup_takeover(&b, now),
			    s[i].ok);
		else if (s[i].op == 0)
			lic_shared_backup_handback(&b, now);
		else
			ev = lic_shared_backup_advance(&b, now);
		assert_int_equal(b.budget, s[i].budget_days * DAY);
		assert_int_equal(ev, s[i].ev);
	}
}

static void
test_lic_shared__backup(void **state)
{
	static const struct bk_step start5[] = {
		{ 0, -1, true, 5, 0 },
		{ 0, 1, true, 5, 0 },
		{ 4, -1, true, 1, 0 },
		{ 5, -1, true, 0, LIC_SHARED_BK_EXPIRED },
		{ 6, -1, true, 0, 0 },
		{ 6, 0, true, 0, 0 },
		{ 8, -1, true, 2, 0 },
	};
	static const struct bk_step grows[] = {
		{ 1, -1, true, 6, 0 },
		{ 25, -1, true, 30, 0 },
		{ 40, -1, true, 30, 0 },
	};
	static const struct bk_step twenty[] = {
		{ 30, -1, true, 30, 0 },
		{ 30, 1, true, 30, 0 },
		{ 44, -1, true, 16, 0 },
		{ 45, -1, true, 15, LIC_SHARED_BK_WARN },
		{ 50, 0, true, 10, 0 },
		{ 70, -1, true, 30, 0 },
	};
	static const struct bk_step thirty[] = {
		{ 30, 1, true, 30, 0 },
		{ 61, -1, true, 0, LIC_SHARED_BK_WARN |
		  LIC_SHARED_BK_EXPIRED },
		{ 62, 1, false, 0, 0 },
	};

	(void)state;
	run_backup("when you first launch the main server, the backup can "
	    "only operate independently for 5 days", start5,
	    sizeof start5 / sizeof start5[0]);
	run_backup("the operational limit increases day-by-day, until 30 "
	    "days is reached", grows, sizeof grows / sizeof grows[0]);
	run_backup("down for 20 days with the backup active: a 10-day limit "
	    "left; recharges to 30 after 20 more days inactive (critical "
	    "syslog at 15 days)", twenty, sizeof twenty / sizeof twenty[0]);
	run_backup("up to 30 continuous days, then it stops issuing "
	    "sessions (critical syslog at 15 and 30 days)", thirty,
	    sizeof thirty / sizeof thirty[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_shared__local),
		cmocka_unit_test(test_lic_shared__want),
		cmocka_unit_test(test_lic_shared__grant),
		cmocka_unit_test(test_lic_shared__transfer),
		cmocka_unit_test(test_lic_shared__pool_never_over_granted),
		cmocka_unit_test(test_lic_shared__active),
		cmocka_unit_test(test_lic_shared__timers),
		cmocka_unit_test(test_lic_shared__backup),
	};

	return cmocka_run_group_tests_name("lic_shared", tests, NULL, NULL);
}
