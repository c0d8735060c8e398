/* SPDX-License-Identifier: MIT */
/*
 * Security contexts divided between an Active/Active pair
 * (licensing/lic_contexts.c): one row per case, the chapter's example
 * (two ASA 5540s, 20 and 10 contexts: 30 combined, 18 on one unit and
 * 12 on the other) first.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "licensing/lic_contexts.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct ctx_row {
	const char	*name;
	uint32_t	 group[LIC_CTX_GROUPS];
	uint32_t	 allowed;	/* the license in force */
	bool		 may_add;
};

static const struct ctx_row rows[] = {
	{ "18 and 12 of 30: the total reached", { 18, 12 }, 30, false },
	{ "17 and 12 of 30: one more, in either group", { 17, 12 }, 30,
	    true },
	{ "29 in one group of 30: one more", { 29, 0 }, 30, true },
	{ "two 5520s' own 2: 4 together", { 3, 1 }, 4, false },
	{ "2 and 1 of 4: one more", { 2, 1 }, 4, true },
	{ "a unit alone on its own 2", { 2, 0 }, 2, false },
	{ "no contexts licensed", { 0, 0 }, 0, false },
	{ "the platform limit of a cluster: 100", { 60, 39 }, 100, true },
};

static void
test_lic_contexts__table(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++) {
		const struct ctx_row *r = &rows[i];

		print_message("%s\n", r->name);
		assert_int_equal(lic_contexts_may_add(r->group, r->allowed),
		    r->may_add);
	}
}

static void
test_lic_contexts__no_overflow(void **state)
{
	const uint32_t	 big[LIC_CTX_GROUPS] = { UINT32_MAX, 1 };

	(void)state;
	assert_false(lic_contexts_may_add(big, UINT32_MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_contexts__table),
		cmocka_unit_test(test_lic_contexts__no_overflow),
	};

	return cmocka_run_group_tests_name("lic_contexts", tests, NULL, NULL);
}
