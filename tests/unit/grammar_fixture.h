/* SPDX-License-Identifier: MIT */
/*
 * Shared by test_grammar.c (matching) and test_grammar_help.c ('?' and
 * Tab): the fake command table (grammar_fixture.c), the per-test fixture
 * and the helpers over it.
 */
#ifndef ASA_TESTS_UNIT_GRAMMAR_FIXTURE_H
#define ASA_TESTS_UNIT_GRAMMAR_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shell/shell.h"
#include "shell/shell_int.h"
#include "util/util.h"

#define M_USER		MODE_BIT(MODE_USER)
#define M_PRIV		MODE_BIT(MODE_PRIV)
#define M_CONFIG	MODE_BIT(MODE_CONFIG)

/* The entries of the fake table that tests match against. */
extern const struct cmd_entry e_banner;
extern const struct cmd_entry e_checksum;
extern const struct cmd_entry e_clock_set;
extern const struct cmd_entry e_configure;
extern const struct cmd_entry e_enable;
extern const struct cmd_entry e_hostname;
extern const struct cmd_entry e_key;
extern const struct cmd_entry e_logging_trap;
extern const struct cmd_entry e_no_pager;
extern const struct cmd_entry e_show_ip;
extern const struct cmd_entry e_show_ipv6;
extern const struct cmd_entry e_show_route;
extern const struct cmd_entry e_show_run;
extern const struct cmd_entry e_show_secret;
extern const struct cmd_entry e_show_version;
extern const struct cmd_entry e_ssh_port;
extern const struct cmd_entry e_tls_max;

struct fixture {
	struct grammar		*g;
	struct arena		 arena;
	struct match_result	 res;
	struct describe		 d;
};

/*
 * Group setup: build the grammar of the fake table once (-1 and the cause
 * printed if that fails). Group teardown frees it.
 */
int	group_setup(void **state);
int	group_teardown(void **state);

/* Per-test setup: a struct fixture in *state. Teardown releases it. */
int	setup(void **state);
int	teardown(void **state);

/* Match line in mode m, asserting MATCH_OK and want; the result. */
const struct match_result *match_ok(void **state, enum mode m,
	    const char *line, const struct cmd_entry *want);

/* Match line in mode m, asserting status and the caret at offset. */
void	match_fails(void **state, enum mode m, const char *line,
	    enum match_status status, size_t offset);

/*
 * '?' after line as "word|help" lines joined by '\n', in the fixture's
 * arena; the full result stays in the fixture's d.
 */
const char *describe(void **state, enum mode m, const char *line);

/* Tab after line, the candidates joined by ' ', in the fixture's arena. */
const char *complete(void **state, enum mode m, const char *line);

#endif /* ASA_TESTS_UNIT_GRAMMAR_FIXTURE_H */
