/* SPDX-License-Identifier: MIT */
/*
 * The single-mode grammar asaemu is linked with (grammar_image.c, written
 * by asaemu-grammargen at build time) is the graph grammar_build makes of
 * cmd_table now: the same nodes, help, modes, releases and ends; and the
 * matcher gives the same answers over both.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "programs/programs.h"

static const char *const lines[] = {
	"show running-config",
	"sh run",
	"show version",
	"conf t",
	"interface GigabitEthernet0/0.7",
	"no nameif",
	"ip address 10.0.0.1 255.255.255.0",
	"show nonsense",
	"s",
	"clock set 12:00:00 1 march 2013",
};

static void
test_cmd_grammar_image__is_the_built_graph(void **state)
{
	struct cmd_grammars *built = cmd_grammars_new();
	struct cmd_grammars *image = cmd_grammars_new();
	char		*cause = NULL;

	(void)state;
	cmd_grammars_use_image(image, CMD_SPACE_SINGLE, &prog_grammar_image);
	if (grammar_equal(cmd_grammar(image, CMD_SPACE_SINGLE),
	    cmd_grammar(built, CMD_SPACE_SINGLE), &cause) != 0)
		fail_msg("the image differs at %s: rebuild it", cause);
	cmd_grammars_free(built);
	cmd_grammars_free(image);
}

static void
test_cmd_grammar_image__equal_finds_a_difference(void **state)
{
	struct cmd_grammars *gs = cmd_grammars_new();
	char		*cause = NULL;

	(void)state;
	/* The system space lacks nameif and has changeto. */
	assert_int_equal(grammar_equal(cmd_grammar(gs, CMD_SPACE_SINGLE),
	    cmd_grammar(gs, CMD_SPACE_SYSTEM), &cause), -1);
	assert_non_null(cause);
	free(cause);
	cmd_grammars_free(gs);
}

static void
test_cmd_grammar_image__matches_as_the_built_graph(void **state)
{
	struct cmd_grammars *built = cmd_grammars_new();
	struct cmd_grammars *image = cmd_grammars_new();
	struct match_result  a, b;
	struct arena	     ar;

	(void)state;
	arena_init(&ar);
	cmd_grammars_use_image(image, CMD_SPACE_SINGLE, &prog_grammar_image);
	for (int m = 0; m < MODE_COUNT; m++) {
		for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
			grammar_match(cmd_grammar(image, CMD_SPACE_SINGLE),
			    (enum mode)m, lines[i], &ar, &a);
			grammar_match(cmd_grammar(built, CMD_SPACE_SINGLE),
			    (enum mode)m, lines[i], &ar, &b);
			assert_int_equal(a.status, b.status);
			assert_int_equal(a.err_offset, b.err_offset);
			assert_ptr_equal(a.entry, b.entry);
		}
		arena_reset(&ar);
	}
	arena_release(&ar);
	cmd_grammars_free(built);
	cmd_grammars_free(image);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmd_grammar_image__is_the_built_graph),
		cmocka_unit_test(
		    test_cmd_grammar_image__equal_finds_a_difference),
		cmocka_unit_test(
		    test_cmd_grammar_image__matches_as_the_built_graph),
	};

	return cmocka_run_group_tests_name("cmd_grammar_image", tests, NULL,
	    NULL);
}
