/* SPDX-License-Identifier: MIT */
/*
 * The real command table builds: no duplicate syntax, no conflicting help
 * for one word, no unknown slot type (grammar_build checks all three),
 * whole and as each space's command set (built lazily by asaemu, so a
 * broken one would only show when a session enters its space).
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
test_cmd_table__every_space_builds(void **state)
{
	struct cmd_grammars *gs = cmd_grammars_new();
	char		*cause = NULL;

	(void)state;
	for (int sp = 0; sp < CMD_SPACE_COUNT; sp++) {
		assert_null(gs->g[sp]);
		if (cmd_grammars_build(gs, (enum cmd_space)sp, &cause) == NULL)
			fail_msg("space %d: %s", sp, cause);
		assert_non_null(gs->g[sp]);
		/* Built once: the same grammar again. */
		assert_ptr_equal(cmd_grammar(gs, (enum cmd_space)sp),
		    gs->g[sp]);
	}
	cmd_grammars_free(gs);
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
		cmocka_unit_test(test_cmd_table__every_space_builds),
		cmocka_unit_test(
		    test_cmd_table__every_entry_has_help_and_a_mode),
	};

	return cmocka_run_group_tests_name("cmd_table", tests, NULL, NULL);
}
