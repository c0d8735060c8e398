/* SPDX-License-Identifier: MIT */
/*
 * The enable password hash against values every ASA configuration shows:
 * the empty password (enable password 8Ry2YjIyt7RRXU24 encrypted) and
 * "cisco", the default telnet password (passwd 2KFQnbNIdI.2KYOU
 * encrypted).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "commands/commands_int.h"

static void
test_enable_hash__known_values(void **state)
{
	char	 h[17];

	(void)state;
	cmd_enable_hash("", h);
	assert_string_equal(h, ENABLE_HASH_EMPTY);
	cmd_enable_hash("cisco", h);
	assert_string_equal(h, "2KFQnbNIdI.2KYOU");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enable_hash__known_values),
	};

	return cmocka_run_group_tests_name("enable_hash", tests, NULL, NULL);
}
