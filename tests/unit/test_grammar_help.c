/* SPDX-License-Identifier: MIT */
/*
 * What the grammar offers after a partial line: the '?' listings (words,
 * slot placeholders first, <cr>, the error of a bad line) and Tab
 * completion, over the fake command table of grammar_fixture.c.
 */
#include "grammar_fixture.h"

static void
test_grammar__describe_first_word(void **state)
{
	assert_string_equal(describe(state, MODE_USER, ""),
	    "enable|Turn on privileged commands\n"
	    "show|Show running system information");
	assert_string_equal(describe(state, MODE_CONFIG, "  "),
	    "activation-key|Modify activation-key\n"
	    "banner|Configure login/session banners\n"
	    "clock|Manage the system clock\n"
	    "hostname|Change host name\n"
	    "logging|Configure logging levels\n"
	    "no|Negate a command or set its defaults\n"
	    "show|Show running system information\n"
	    "ssh|Configure SSH options\n"
	    "tls-proxy|Configure TLS proxy");
}

static void
test_grammar__describe_next_words(void **state)
{
	assert_string_equal(describe(state, MODE_PRIV, "show "),
	    "ip|IP information\n"
	    "ipv6|IPv6 information\n"
	    "route|Show the routing table\n"
	    "running-config|Show the current operating configuration\n"
	    "version|Display system software version");
	assert_string_equal(describe(state, MODE_USER, "show "),
	    "version|Display system software version");
	assert_string_equal(describe(state, MODE_CONFIG, "no "),
	    "hostname|Change host name\n"
	    "pager|Control page length for pagination");
}

static void
test_grammar__describe_slots_first(void **state)
{
	/* As ASA's "logging trap ?": <0-7>, WORD, then the keywords. */
	assert_string_equal(describe(state, MODE_CONFIG, "logging trap "),
	    "<0-7>|Enter syslog level (0 - 7)\n"
	    "WORD|Specify the name of logging list\n"
	    "alerts|Immediate action needed\n"
	    "critical|Critical conditions");
	assert_string_equal(describe(state, MODE_PRIV, "clock set "),
	    "hh:mm:ss|Current Time");
	assert_string_equal(describe(state, MODE_PRIV, "clock set 1:0:0 "),
	    "<1-31>|Day of the month\nMONTH|Month of the year");
	assert_string_equal(describe(state, MODE_PRIV, "clock set 1:0:0 4 "),
	    "MONTH|Month of the year");
	assert_string_equal(describe(state, MODE_PRIV,
	    "clock set 1:0:0 4 jul "), "<1993-2035>|Year");
	assert_string_equal(describe(state, MODE_CONFIG, "ssh port "),
	    "<1-65535>|Set the SSH port");
	assert_string_equal(describe(state, MODE_CONFIG, "hostname "),
	    "WORD|New host name");
	assert_string_equal(describe(state, MODE_CONFIG, "banner motd "),
	    "LINE|Banner text");
	assert_string_equal(describe(state, MODE_PRIV, "act "),
	    "WORD|Activation key, first value");
}

static void
test_grammar__describe_cr(void **state)
{
	assert_string_equal(describe(state, MODE_PRIV, "show version "),
	    "detail|Show more\n<cr>|");
	assert_string_equal(describe(state, MODE_PRIV, "sh ver det "),
	    "<cr>|");
	assert_string_equal(describe(state, MODE_PRIV, "show route "),
	    "A.B.C.D|Destination address\n<cr>|");
	assert_string_equal(describe(state, MODE_CONFIG, "banner motd hi "),
	    "<cr>|");
	assert_string_equal(describe(state, MODE_PRIV, "show run all "),
	    "detail|Show more\n<cr>|");
}

static void
test_grammar__describe_partial_word(void **state)
{
	struct fixture	*f = *state;

	assert_string_equal(describe(state, MODE_PRIV, "sh"),
	    "show|Show running system information");
	assert_string_equal(describe(state, MODE_PRIV, "c"),
	    "clear|Reset functions\n"
	    "clock|Manage the system clock\n"
	    "configure|Change to Configuration mode");
	assert_string_equal(describe(state, MODE_PRIV, "show i"),
	    "ip|IP information\nipv6|IPv6 information");
	assert_string_equal(describe(state, MODE_PRIV, "SHOW VER"),
	    "version|Display system software version");
	/* No keyword completes it: the slots that take it. */
	assert_string_equal(describe(state, MODE_CONFIG, "logging trap 5"),
	    "<0-7>|Enter syslog level (0 - 7)\n"
	    "WORD|Specify the name of logging list");
	assert_string_equal(describe(state, MODE_PRIV, "show x"), "");
	assert_int_equal(f->d.status, MATCH_INVALID);
	assert_int_equal(f->d.err_offset, 5);
}

static void
test_grammar__describe_errors(void **state)
{
	struct fixture	*f = *state;

	describe(state, MODE_PRIV, "show bogus ");
	assert_int_equal(f->d.status, MATCH_INVALID);
	assert_int_equal(f->d.err_offset, 5);
	assert_int_equal(f->d.n, 0);
	describe(state, MODE_PRIV, "cl ");
	assert_int_equal(f->d.status, MATCH_AMBIGUOUS);
	assert_int_equal(f->d.err_offset, 0);
	describe(state, MODE_PRIV, "show version detail x");
	assert_int_equal(f->d.status, MATCH_INVALID);
	assert_int_equal(f->d.err_offset, 20);
	describe(state, MODE_PRIV, "show ");
	assert_int_equal(f->d.status, MATCH_OK);
}

static void
test_grammar__complete(void **state)
{
	assert_string_equal(complete(state, MODE_PRIV, "sh"), "show");
	assert_string_equal(complete(state, MODE_PRIV, "c"),
	    "clear clock configure");
	assert_string_equal(complete(state, MODE_PRIV, "show "),
	    "ip ipv6 route running-config version");
	assert_string_equal(complete(state, MODE_PRIV, "show i"), "ip ipv6");
	assert_string_equal(complete(state, MODE_PRIV, "show run "), "all");
	assert_string_equal(complete(state, MODE_CONFIG, "logging trap "),
	    "alerts critical");
	assert_string_equal(complete(state, MODE_CONFIG, "ssh port "), "");
	assert_string_equal(complete(state, MODE_PRIV, "show zz"), "");
	assert_string_equal(complete(state, MODE_PRIV, "bogus "), "");
	assert_string_equal(complete(state, MODE_USER, "c"), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_grammar__describe_first_word),
		T(test_grammar__describe_next_words),
		T(test_grammar__describe_slots_first),
		T(test_grammar__describe_cr),
		T(test_grammar__describe_partial_word),
		T(test_grammar__describe_errors),
		T(test_grammar__complete),
#undef T
	};

	return cmocka_run_group_tests_name("grammar_help", tests, group_setup,
	    group_teardown);
}
