/* SPDX-License-Identifier: MIT */
/*
 * Master election and unit ids (licensing/lic_cluster.c): one row per
 * rule, each named after it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "licensing/lic_cluster.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define NONE		((size_t)-1)

struct elect_row {
	const char		*name;
	struct lic_cluster_unit	 u[4];
	size_t			 n;
	size_t			 want;
};

static const struct elect_row elect_rows[] = {
	{ "no units, no master", { { 0 } }, 0, NONE },
	{ "alone: the master",
	    { { "a", 5, false, 0 } }, 1, 0 },
	{ "the lowest priority number wins",
	    { { "a", 5, false, 0 }, { "b", 1, false, 1 },
	      { "c", 3, false, 2 } }, 3, 1 },
	{ "no priority counts as 100",
	    { { "a", 0, false, 0 }, { "b", 99, false, 1 } }, 2, 1 },
	{ "100 and none tie: the name decides",
	    { { "b", 100, false, 0 }, { "a", 0, false, 1 } }, 2, 1 },
	{ "equal priorities: the lowest name",
	    { { "unit-c", 2, false, 0 }, { "unit-a", 2, false, 1 },
	      { "unit-b", 2, false, 2 } }, 3, 1 },
	{ "equal names: the first to arrive",
	    { { "x", 2, false, 7 }, { "x", 2, false, 3 } }, 2, 1 },
	{ "a master is not pre-empted by a better priority",
	    { { "a", 1, false, 0 }, { "b", 50, true, 1 } }, 2, 1 },
	{ "two masters (a healed split): the better of them",
	    { { "a", 1, false, 0 }, { "b", 50, true, 1 },
	      { "c", 20, true, 2 } }, 3, 2 },
};

static void
test_lic_cluster__elect_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(elect_rows); i++) {
		const struct elect_row *r = &elect_rows[i];

		print_message("%s\n", r->name);
		assert_int_equal(lic_cluster_elect(r->u, r->n), r->want);
	}
}

static void
test_lic_cluster__next_id(void **state)
{
	bool	 used[LIC_CLUSTER_IDS] = { false };

	(void)state;
	assert_int_equal(lic_cluster_next_id(used), 0);
	used[0] = used[1] = used[3] = true;
	assert_int_equal(lic_cluster_next_id(used), 2);
	for (unsigned i = 0; i < LIC_CLUSTER_IDS; i++)
		used[i] = true;
	assert_int_equal(lic_cluster_next_id(used), LIC_CLUSTER_IDS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_cluster__elect_rows),
		cmocka_unit_test(test_lic_cluster__next_id),
	};

	return cmocka_run_group_tests_name("lic_cluster", tests, NULL, NULL);
}
