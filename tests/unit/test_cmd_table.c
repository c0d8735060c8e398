/* SPDX-License-Identifier: MIT */
/*
 * The real command table builds: no duplicate syntax, no conflicting help
 * for one word, no unknown slot type (grammar_build checks all three).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "commands/commands.h"
#include "shell/shell.h"

static void
test_cmd_table__builds_cleanly(void **state)
{
	struct grammar	*g;
	char		*cause = NULL;

	(void)state;
	g = grammar_build(cmd_table, &cause);
	if (g == NULL)
		fail_msg("%s", cause);
	assert_null(cause);
	grammar_free(g);
}

static void
test_cmd_table__every_entry_has_help_and_a_mode(void **state)
{
	(void)state;
	for (size_t i = 0; cmd_table[i] != NULL; i++) {
		const struct cmd_entry *e = cmd_table[i];

		assert_non_null(e->help);
		if (e->syntax == NULL)
			continue;
		if (e->modes == 0 || e->exec == NULL)
			fail_msg("%s: no mode or no handler", e->syntax);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmd_table__builds_cleanly),
		cmocka_unit_test(
		    test_cmd_table__every_entry_has_help_and_a_mode),
	};

	return cmocka_run_group_tests_name("cmd_table", tests, NULL, NULL);
}
