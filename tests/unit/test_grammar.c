/* SPDX-License-Identifier: MIT */
/*
 * The command grammar and its one matcher: every syntax construct and
 * slot type, abbreviation, run-time ranges, the match outcomes with their
 * caret offsets, no forms, hidden commands, mode filtering and build
 * failures, over the fake command table of grammar_fixture.c
 * (test_grammar_help.c has '?' and Tab).
 */
#include "grammar_fixture.h"

/* grammar_build of the given entries fails with cause. */
static void
build_fails(const struct cmd_entry *const *t, const char *cause_want)
{
	char		*cause = NULL;
	struct grammar	*g = grammar_build(t, &cause);

	assert_null(g);
	assert_non_null(cause);
	assert_string_equal(cause, cause_want);
	free(cause);
}

static void
test_grammar__literal_exact(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_PRIV, "show version", &e_show_version);
	assert_int_equal(r->args.n, 2);
	assert_string_equal(r->args.v[0].name, "show");
	assert_string_equal(r->args.v[0].value, "show");
	assert_string_equal(r->args.v[1].name, "version");
	assert_true(cmd_arg_has(&r->args, "version"));
	assert_false(cmd_arg_has(&r->args, "detail"));
	match_ok(state, MODE_PRIV, "SHOW Version", &e_show_version);
}

static void
test_grammar__literal_prefix(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_PRIV, "sh ver det", &e_show_version);
	assert_int_equal(r->args.n, 3);
	assert_string_equal(cmd_arg_str(&r->args, "detail"), "detail");
	match_ok(state, MODE_PRIV, "conf t", &e_configure);
	match_ok(state, MODE_PRIV, "show ipv", &e_show_ipv6);
}

static void
test_grammar__exact_beats_prefix(void **state)
{
	match_ok(state, MODE_PRIV, "show ip", &e_show_ip);
	match_ok(state, MODE_PRIV, "show IP", &e_show_ip);
}

static void
test_grammar__ambiguous(void **state)
{
	match_fails(state, MODE_PRIV, "show i", MATCH_AMBIGUOUS, 5);
	match_fails(state, MODE_PRIV, "cl", MATCH_AMBIGUOUS, 0);
	match_fails(state, MODE_PRIV, "c t", MATCH_AMBIGUOUS, 0);
	/* Only modes that count: in user mode "s" is only "show". */
	match_fails(state, MODE_USER, "s", MATCH_INCOMPLETE, 1);
}

static void
test_grammar__incomplete(void **state)
{
	match_fails(state, MODE_PRIV, "show", MATCH_INCOMPLETE, 4);
	match_fails(state, MODE_PRIV, "clock set 10:00:00 ", MATCH_INCOMPLETE,
	    19);
	match_fails(state, MODE_CONFIG, "no", MATCH_INCOMPLETE, 2);
}

static void
test_grammar__invalid_caret(void **state)
{
	match_fails(state, MODE_PRIV, "show bogus", MATCH_INVALID, 5);
	match_fails(state, MODE_PRIV, "  show\t\tbogus x", MATCH_INVALID, 8);
	match_fails(state, MODE_PRIV, "bogus", MATCH_INVALID, 0);
	/* Words after a complete command. */
	match_fails(state, MODE_PRIV, "show version detail extra",
	    MATCH_INVALID, 20);
	match_fails(state, MODE_PRIV, "show ip x", MATCH_INVALID, 8);
}

static void
test_grammar__empty(void **state)
{
	match_fails(state, MODE_PRIV, "", MATCH_EMPTY, 0);
	match_fails(state, MODE_PRIV, " \t ", MATCH_EMPTY, 0);
}

static void
test_grammar__optional_nested(void **state)
{
	const struct match_result	*r;

	match_ok(state, MODE_PRIV, "show running-config", &e_show_run);
	match_ok(state, MODE_PRIV, "show run all", &e_show_run);
	r = match_ok(state, MODE_PRIV, "show run all detail", &e_show_run);
	assert_true(cmd_arg_has(&r->args, "all"));
	assert_true(cmd_arg_has(&r->args, "detail"));
	match_fails(state, MODE_PRIV, "show run detail", MATCH_INVALID, 9);
}

static void
test_grammar__alternation_sequences(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_PRIV, "clock set 22:37:00 19 Mar 2024",
	    &e_clock_set);
	assert_int_equal(cmd_arg_u32(&r->args, "time", 0), 22 * 3600 + 37 * 60);
	assert_int_equal(cmd_arg_u32(&r->args, "day", 0), 19);
	assert_int_equal(cmd_arg_u32(&r->args, "month", 0), 3);
	assert_int_equal(cmd_arg_u32(&r->args, "year", 0), 2024);
	assert_string_equal(cmd_arg_str(&r->args, "month"), "Mar");
	r = match_ok(state, MODE_CONFIG, "clock set 1:2:3 march 1 1993",
	    &e_clock_set);
	assert_int_equal(cmd_arg_u32(&r->args, "time", 0), 3723);
	assert_int_equal(cmd_arg_u32(&r->args, "month", 0), 3);
	assert_int_equal(cmd_arg_u32(&r->args, "day", 0), 1);
	match_fails(state, MODE_PRIV, "clock set 10:00:00 1 1 2024",
	    MATCH_INVALID, 21);
}

static void
test_grammar__literal_beats_slot(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_CONFIG, "logging trap alerts",
	    &e_logging_trap);
	assert_true(cmd_arg_has(&r->args, "alerts"));
	assert_false(cmd_arg_has(&r->args, "list"));
	r = match_ok(state, MODE_CONFIG, "logging trap al", &e_logging_trap);
	assert_true(cmd_arg_has(&r->args, "alerts"));
	r = match_ok(state, MODE_CONFIG, "logging trap mylist",
	    &e_logging_trap);
	assert_string_equal(cmd_arg_str(&r->args, "list"), "mylist");
	/* A number in range is a level; out of range it is just a word. */
	r = match_ok(state, MODE_CONFIG, "logging trap 5", &e_logging_trap);
	assert_int_equal(cmd_arg_u32(&r->args, "level", 99), 5);
	assert_false(cmd_arg_has(&r->args, "list"));
	r = match_ok(state, MODE_CONFIG, "logging trap 9", &e_logging_trap);
	assert_string_equal(cmd_arg_str(&r->args, "list"), "9");
	assert_int_equal(cmd_arg_u32(&r->args, "level", 99), 99);
	assert_int_equal(cmd_arg_u32(&r->args, "list", 77), 77);
}

static void
test_grammar__range_boundaries(void **state)
{
	const struct match_result	*r;

	match_fails(state, MODE_CONFIG, "ssh port 0", MATCH_INVALID, 9);
	r = match_ok(state, MODE_CONFIG, "ssh port 1", &e_ssh_port);
	assert_int_equal(cmd_arg_u32(&r->args, "port", 0), 1);
	r = match_ok(state, MODE_CONFIG, "ssh port 65535", &e_ssh_port);
	assert_int_equal(cmd_arg_u32(&r->args, "port", 0), 65535);
	match_fails(state, MODE_CONFIG, "ssh port 65536", MATCH_INVALID, 9);
	match_fails(state, MODE_CONFIG, "ssh port 99999999999", MATCH_INVALID,
	    9);
	match_fails(state, MODE_CONFIG, "ssh port -1", MATCH_INVALID, 9);
	match_fails(state, MODE_CONFIG, "ssh port 22x", MATCH_INVALID, 9);
	r = match_ok(state, MODE_CONFIG, "logging trap 0", &e_logging_trap);
	assert_int_equal(cmd_arg_u32(&r->args, "level", 99), 0);
}

static uint32_t limit_now;

static uint32_t
test_limit(void *arg, const char *limit)
{
	assert_string_equal((const char *)arg, "arg");
	return strcmp(limit, "tls-max") == 0 ? limit_now : 0;
}

static void
test_grammar__run_time_range(void **state)
{
	struct fixture	*f = *state;
	const char	*line = "tls-proxy maximum-sessions ";

	/* No limit function: no upper bound. */
	match_ok(state, MODE_CONFIG, "tls-proxy maximum-sessions 99999",
	    &e_tls_max);
	grammar_set_limits(f->g, test_limit, "arg");
	limit_now = 1200;
	assert_string_equal(describe(state, MODE_CONFIG, line),
	    "<1-1200>|Maximum number of TLS proxy sessions");
	match_ok(state, MODE_CONFIG, "tls-proxy maximum-sessions 1200",
	    &e_tls_max);
	match_fails(state, MODE_CONFIG, "tls-proxy maximum-sessions 1201",
	    MATCH_INVALID, 27);
	match_fails(state, MODE_CONFIG, "tls-proxy maximum-sessions 0",
	    MATCH_INVALID, 27);
	/* The bound moves with the limit (a new license). */
	limit_now = 80;
	assert_string_equal(describe(state, MODE_CONFIG, line),
	    "<1-80>|Maximum number of TLS proxy sessions");
	match_fails(state, MODE_CONFIG, "tls-proxy maximum-sessions 81",
	    MATCH_INVALID, 27);
	grammar_set_limits(f->g, NULL, NULL);
}

static void
test_grammar__type_ipv4(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_PRIV, "show route 10.1.2.254", &e_show_route);
	assert_string_equal(cmd_arg_str(&r->args, "addr"), "10.1.2.254");
	assert_int_equal(cmd_arg_u32(&r->args, "addr", 0), 0x0a0102fe);
	match_ok(state, MODE_PRIV, "show route 0.0.0.0", &e_show_route);
	match_ok(state, MODE_PRIV, "show route 255.255.255.255",
	    &e_show_route);
	match_fails(state, MODE_PRIV, "show route 256.1.1.1", MATCH_INVALID,
	    11);
	match_fails(state, MODE_PRIV, "show route 1.2.3", MATCH_INVALID, 11);
	match_fails(state, MODE_PRIV, "show route 1.2.3.4.5", MATCH_INVALID,
	    11);
	match_fails(state, MODE_PRIV, "show route 1..3.4", MATCH_INVALID, 11);
	match_fails(state, MODE_PRIV, "show route 1.2.3.", MATCH_INVALID, 11);
}

static void
test_grammar__type_hex32(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_PRIV, "activation-key 0xDEADbeef 12",
	    &e_key);
	assert_int_equal(cmd_arg_u32(&r->args, "key", 0), 0xdeadbeef);
	assert_int_equal(cmd_arg_u32(&r->args, "key2", 0), 0x12);
	r = match_ok(state, MODE_PRIV, "act ffffffff", &e_key);
	assert_int_equal(cmd_arg_u32(&r->args, "key", 0), 0xffffffff);
	assert_false(cmd_arg_has(&r->args, "key2"));
	match_fails(state, MODE_PRIV, "act 0x", MATCH_INVALID, 4);
	match_fails(state, MODE_PRIV, "act 123456789", MATCH_INVALID, 4);
	match_fails(state, MODE_PRIV, "act 0x123456789", MATCH_INVALID, 4);
	match_fails(state, MODE_PRIV, "act 12g4", MATCH_INVALID, 4);
}

static void
test_grammar__type_hhmmss(void **state)
{
	match_ok(state, MODE_PRIV, "clock set 23:59:59 31 dec 2035",
	    &e_clock_set);
	match_ok(state, MODE_PRIV, "clock set 00:00:00 1 jan 1993",
	    &e_clock_set);
	match_fails(state, MODE_PRIV, "clock set 24:00:00 1 jan 2000",
	    MATCH_INVALID, 10);
	match_fails(state, MODE_PRIV, "clock set 12:60:00 1 jan 2000",
	    MATCH_INVALID, 10);
	match_fails(state, MODE_PRIV, "clock set 12:00 1 jan 2000",
	    MATCH_INVALID, 10);
	match_fails(state, MODE_PRIV, "clock set 12:00:00:00 1 jan 2000",
	    MATCH_INVALID, 10);
	match_fails(state, MODE_PRIV, "clock set 123:0:0 1 jan 2000",
	    MATCH_INVALID, 10);
}

static void
test_grammar__type_checksum(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_CONFIG,
	    "Cryptochecksum:2cf585656729bff783f7247b760f1d15", &e_checksum);
	assert_string_equal(cmd_arg_str(&r->args, "sum"),
	    "Cryptochecksum:2cf585656729bff783f7247b760f1d15");
	match_ok(state, MODE_CONFIG,
	    "cryptochecksum:2CF585656729BFF783F7247B760F1D15", &e_checksum);
	match_fails(state, MODE_CONFIG,
	    "Cryptochecksum:2cf585656729bff783f7247b760f1d1", MATCH_INVALID,
	    0);
	match_fails(state, MODE_CONFIG,
	    "Cryptochecksum:2cf585656729bff783f7247b760f1d1g", MATCH_INVALID,
	    0);
	match_fails(state, MODE_CONFIG,
	    "Cryptochecksum 2cf585656729bff783f7247b760f1d15", MATCH_INVALID,
	    0);
	/* A literal still wins over the slot at the first word. */
	match_ok(state, MODE_CONFIG, "host x", &e_hostname);
}

static void
test_grammar__type_day_month_year(void **state)
{
	const struct match_result	*r;

	match_fails(state, MODE_PRIV, "clock set 1:0:0 0 jan 2000",
	    MATCH_INVALID, 16);
	match_fails(state, MODE_PRIV, "clock set 1:0:0 32 jan 2000",
	    MATCH_INVALID, 16);
	match_fails(state, MODE_PRIV, "clock set 1:0:0 1 ju 2000",
	    MATCH_INVALID, 18);
	match_fails(state, MODE_PRIV, "clock set 1:0:0 1 junes 2000",
	    MATCH_INVALID, 18);
	match_fails(state, MODE_PRIV, "clock set 1:0:0 1 jan 1992",
	    MATCH_INVALID, 22);
	match_fails(state, MODE_PRIV, "clock set 1:0:0 1 jan 2036",
	    MATCH_INVALID, 22);
	r = match_ok(state, MODE_PRIV, "clock set 1:0:0 JUL 4 2000",
	    &e_clock_set);
	assert_int_equal(cmd_arg_u32(&r->args, "month", 0), 7);
	r = match_ok(state, MODE_PRIV, "clock set 1:0:0 1 Decembe 2000",
	    &e_clock_set);
	assert_int_equal(cmd_arg_u32(&r->args, "month", 0), 12);
}

static void
test_grammar__type_line(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_CONFIG, "banner motd  hello\t world | x ",
	    &e_banner);
	assert_string_equal(cmd_arg_str(&r->args, "text"),
	    "hello\t world | x ");
	assert_false(cmd_arg_has(&r->args, "hello"));
	match_fails(state, MODE_CONFIG, "banner motd", MATCH_INCOMPLETE, 11);
}

static void
test_grammar__no_form(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_CONFIG, "hostname fw1", &e_hostname);
	assert_false(cmd_arg_has(&r->args, "no"));
	assert_string_equal(cmd_arg_str(&r->args, "name"), "fw1");
	r = match_ok(state, MODE_CONFIG, "no hostname fw1", &e_hostname);
	assert_string_equal(cmd_arg_str(&r->args, "no"), "no");
	assert_string_equal(r->args.v[0].name, "no");
	match_fails(state, MODE_CONFIG, "no banner motd x", MATCH_INVALID, 3);
}

static void
test_grammar__no_only(void **state)
{
	const struct match_result	*r;

	r = match_ok(state, MODE_CONFIG, "no pager", &e_no_pager);
	assert_true(cmd_arg_has(&r->args, "no"));
	match_ok(state, MODE_CONFIG, "no pa", &e_no_pager);
	match_fails(state, MODE_CONFIG, "pager", MATCH_INVALID, 0);
}

static void
test_grammar__hidden(void **state)
{
	match_ok(state, MODE_PRIV, "show secret", &e_show_secret);
	match_ok(state, MODE_PRIV, "show sec extra", &e_show_secret);
	assert_string_equal(describe(state, MODE_PRIV, "show se"), "");
	assert_int_equal(((struct fixture *)*state)->d.status, MATCH_INVALID);
	assert_string_equal(complete(state, MODE_PRIV, "show s"), "");
	/* Once typed, a hidden command lists its own words. */
	assert_string_equal(describe(state, MODE_PRIV, "show secret "),
	    "extra|Even more\n<cr>|");
}

static void
test_grammar__mode_filtering(void **state)
{
	match_fails(state, MODE_USER, "configure terminal", MATCH_INVALID, 0);
	match_fails(state, MODE_USER, "show running-config", MATCH_INVALID, 5);
	match_ok(state, MODE_USER, "show version", &e_show_version);
	match_ok(state, MODE_USER, "en", &e_enable);
	match_fails(state, MODE_PRIV, "enable", MATCH_INVALID, 0);
	match_fails(state, MODE_PRIV, "logging trap 1", MATCH_INVALID, 0);
	match_ok(state, MODE_CONFIG, "logging trap 1", &e_logging_trap);
	match_fails(state, MODE_PRIV, "no pager", MATCH_INVALID, 0);
}

static void
test_grammar__types_registry(void **state)
{
	struct arena		 a;
	struct slot_spec	 s;

	(void)state;
	arena_init(&a);
	assert_int_equal(grammar_type_parse(&a, "1-65535", 7, &s), 0);
	assert_string_equal(s.placeholder, "<1-65535>");
	assert_int_equal(s.min, 1);
	assert_int_equal(s.max, 65535);
	assert_int_equal(grammar_type_parse(&a, "ipv4", 4, &s), 0);
	assert_string_equal(s.placeholder, "A.B.C.D");
	assert_int_equal(grammar_type_parse(&a, "day", 3, &s), 0);
	assert_string_equal(s.placeholder, "<1-31>");
	assert_int_equal(grammar_type_parse(&a, "year", 4, &s), 0);
	assert_string_equal(s.placeholder, "<1993-2035>");
	assert_int_equal(grammar_type_parse(&a, "7-1", 3, &s), -1);
	assert_int_equal(grammar_type_parse(&a, "1-", 2, &s), -1);
	assert_int_equal(grammar_type_parse(&a, "words", 5, &s), -1);
	arena_release(&a);
}

static void
test_grammar__build_duplicate_syntax(void **state)
{
	static const struct cmd_entry a = {
		.syntax = "show version [detail]", .modes = M_PRIV,
	};
	static const struct cmd_entry b = {
		.syntax = "show version", .modes = M_PRIV | M_USER,
	};
	static const struct cmd_entry c = {
		.syntax = "show version", .modes = M_USER,
	};
	static const struct cmd_entry d = {
		.syntax = "ssh port <p:1-65535>", .modes = M_CONFIG,
	};
	static const struct cmd_entry e = {
		.syntax = "ssh port <q:1-65535>", .modes = M_CONFIG,
	};
	static const struct cmd_entry f = {
		.syntax = "no shutdown", .modes = M_CONFIG,
	};
	static const struct cmd_entry g = {
		.syntax = "shutdown", .modes = M_CONFIG,
		.flags = CMD_F_NO_FORM,
	};
	const struct cmd_entry *const t1[] = { &a, &b, NULL };
	const struct cmd_entry *const t2[] = { &d, &e, NULL };
	const struct cmd_entry *const t3[] = { &f, &g, NULL };
	const struct cmd_entry *const ok[] = { &a, &c, NULL };
	struct grammar	*gr;
	char		*cause = NULL;

	(void)state;
	build_fails(t1, "duplicate syntax: \"show version [detail]\" and "
	    "\"show version\"");
	build_fails(t2, "duplicate syntax: \"ssh port <p:1-65535>\" and "
	    "\"ssh port <q:1-65535>\"");
	build_fails(t3, "duplicate syntax: \"no shutdown\" and \"shutdown\"");
	/* Disjoint modes: one per mode. */
	gr = grammar_build(ok, &cause);
	assert_non_null(gr);
	grammar_free(gr);
}

static void
test_grammar__build_conflicting_help(void **state)
{
	static const struct cmd_help h1[] = {
		{ "show", "Show things" }, { NULL, NULL }
	};
	static const struct cmd_help h2[] = {
		{ "show", "Display things" }, { NULL, NULL }
	};
	static const struct cmd_help h3[] = {
		{ "port", "Port one" }, { "n", "A number" }, { NULL, NULL }
	};
	static const struct cmd_help h4[] = {
		{ "n", "Another number" }, { NULL, NULL }
	};
	static const struct cmd_entry a = {
		.syntax = "show version", .help = h1, .modes = M_PRIV,
	};
	static const struct cmd_entry b = {
		.syntax = "show clock", .help = h2, .modes = M_PRIV,
	};
	static const struct cmd_entry c = {
		.syntax = "port <n:1-10>", .help = h3, .modes = M_PRIV,
	};
	static const struct cmd_entry d = {
		.syntax = "port <n:1-10> x", .help = h4, .modes = M_PRIV,
	};
	static const struct cmd_entry kw = { .help = h2 };
	static const struct cmd_entry same = {
		.syntax = "show clock", .help = h1, .modes = M_PRIV,
	};
	const struct cmd_entry *const t1[] = { &a, &b, NULL };
	const struct cmd_entry *const t2[] = { &c, &d, NULL };
	const struct cmd_entry *const t3[] = { &kw, &a, NULL };
	const struct cmd_entry *const ok[] = { &a, &same, NULL };
	struct grammar	*gr;
	char		*cause = NULL;

	(void)state;
	build_fails(t1, "conflicting help for \"show\": \"show version\" and "
	    "\"show clock\"");
	build_fails(t2, "conflicting help for \"n\": \"port <n:1-10>\" and "
	    "\"port <n:1-10> x\"");
	build_fails(t3, "conflicting help for \"show\": \"show version\" and "
	    "\"(help table)\"");
	gr = grammar_build(ok, &cause);
	assert_non_null(gr);
	grammar_free(gr);
}

static void
test_grammar__build_unknown_type(void **state)
{
	static const struct cmd_entry a = {
		.syntax = "foo <x:bogus>", .modes = M_PRIV,
	};
	const struct cmd_entry *const t[] = { &a, NULL };

	(void)state;
	build_fails(t, "unknown type \"bogus\" in \"foo <x:bogus>\"");
}

static void
build_one_fails(const char *syntax, const char *cause)
{
	struct cmd_entry		 e = { .syntax = syntax };
	const struct cmd_entry *const	 t[] = { &e, NULL };

	e.modes = M_PRIV;
	build_fails(t, cause);
}

static void
test_grammar__build_malformed(void **state)
{
	(void)state;
	build_one_fails("foo [bar",
	    "malformed syntax \"foo [bar\": unbalanced '['");
	build_one_fails("foo [bar (a|b]",
	    "malformed syntax \"foo [bar (a|b]\": unbalanced '('");
	build_one_fails("foo bar]",
	    "malformed syntax \"foo bar]\": unexpected ']'");
	build_one_fails("foo a|b",
	    "malformed syntax \"foo a|b\": unexpected '|'");
	build_one_fails("foo <x:word",
	    "malformed syntax \"foo <x:word\": unbalanced '<'");
	build_one_fails("foo <word>",
	    "malformed syntax \"foo <word>\": a slot is <name:type>");
	build_one_fails("foo []",
	    "malformed syntax \"foo []\": empty [ ]");
	build_one_fails("foo (a|)",
	    "malformed syntax \"foo (a|)\": empty alternative");
	build_one_fails("[foo]",
	    "malformed syntax \"[foo]\": it may match an empty line");
	build_one_fails("foo <t:line> bar",
	    "malformed syntax \"foo <t:line> bar\": "
	    "a line slot must come last");
}

/*
 * { a | b <n> | c }: any of them, each at most once, in any order
 * (reload's options): none, one, all three in every order; the same one
 * twice fails at its second time.
 */
static void
test_grammar__any_order(void **state)
{
	static const struct cmd_entry e = {
		.syntax = "sweep {fast | deep <n:1-9> | quiet} [note <t:line>]",
		.modes = M_PRIV,
	};
	static const char *const ok[] = {
		"sweep", "sweep fast", "sweep deep 3", "sweep q d 1 f",
		"sweep deep 9 quiet fast note all of it",
		"sweep quiet fast deep 2", "sweep fast quiet",
	};
	const struct cmd_entry *const t[] = { &e, NULL };
	struct grammar		*g;
	struct arena		 a;
	struct match_result	 r;
	char			*cause = NULL;

	(void)state;
	g = grammar_build(t, &cause);
	assert_non_null(g);
	arena_init(&a);
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		grammar_match(g, MODE_PRIV, ok[i], &a, &r);
		if (r.status != MATCH_OK)
			fail_msg("\"%s\" does not match", ok[i]);
	}
	grammar_match(g, MODE_PRIV, "sweep deep 4 quiet", &a, &r);
	assert_int_equal(cmd_arg_u32(&r.args, "n", 0), 4);
	assert_true(cmd_arg_has(&r.args, "quiet"));
	assert_false(cmd_arg_has(&r.args, "fast"));
	grammar_match(g, MODE_PRIV, "sweep fast quiet fast", &a, &r);
	assert_int_equal(r.status, MATCH_INVALID);
	assert_int_equal(r.err_offset, 17);
	grammar_match(g, MODE_PRIV, "sweep note x fast", &a, &r);
	assert_int_equal(r.status, MATCH_OK);
	assert_string_equal(cmd_arg_str(&r.args, "t"), "x fast");
	arena_release(&a);
	grammar_free(g);
	build_one_fails("foo {a|}",
	    "malformed syntax \"foo {a|}\": empty alternative");
	build_one_fails("foo {a|b",
	    "malformed syntax \"foo {a|b\": unbalanced '{'");
}

/*
 * An entry's since: below it the entry is not there, for Enter, '?' and
 * Tab; a node shared with an older entry stays, and the line fails at
 * the first word of the newer one (activation-key KEY activate, 8.3).
 */
static void
test_grammar__since_release(void **state)
{
	static const struct cmd_entry old = {
		.syntax = "key <k:hex32>", .modes = M_PRIV,
	};
	static const struct cmd_entry stack = {
		.syntax = "key <k:hex32> (activate | deactivate)",
		.modes = M_PRIV, .since = 830,
	};
	static const struct cmd_entry srv = {
		.syntax = "license-server enable", .modes = M_PRIV,
		.since = 820,
	};
	const struct cmd_entry *const t[] = { &old, &stack, &srv, NULL };
	struct grammar		*g;
	struct arena		 a;
	struct match_result	 r;
	struct describe		 d;
	const char		**v;
	char			*cause = NULL;

	(void)state;
	g = grammar_build(t, &cause);
	assert_non_null(g);
	arena_init(&a);
	grammar_match_at(g, MODE_PRIV, 830, "key 0x1 act", &a, &r);
	assert_int_equal(r.status, MATCH_OK);
	assert_ptr_equal(r.entry, &stack);
	grammar_match_at(g, MODE_PRIV, 820, "key 0x1 act", &a, &r);
	assert_int_equal(r.status, MATCH_INVALID);
	assert_int_equal(r.err_offset, 8);
	grammar_match_at(g, MODE_PRIV, 820, "key 0x1", &a, &r);
	assert_ptr_equal(r.entry, &old);
	grammar_match_at(g, MODE_PRIV, 810, "license-server enable", &a, &r);
	assert_int_equal(r.status, MATCH_INVALID);
	assert_int_equal(r.err_offset, 0);
	grammar_match(g, MODE_PRIV, "license-server enable", &a, &r);
	assert_int_equal(r.status, MATCH_OK);
	grammar_describe_at(g, MODE_PRIV, 820, "key 0x1 ", &a, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].word, "<cr>");
	grammar_describe_at(g, MODE_PRIV, 810, "", &a, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].word, "key");
	v = grammar_complete_at(g, MODE_PRIV, 810, "l", &a);
	assert_null(v[0]);
	v = grammar_complete_at(g, MODE_PRIV, 820, "l", &a);
	assert_string_equal(v[0], "license-server");
	arena_release(&a);
	grammar_free(g);
}

/* hhmm (seconds of the day) and delay (mmm or hhh:mm, in minutes). */
static void
test_grammar__type_hhmm_delay(void **state)
{
	static const struct cmd_entry at = {
		.syntax = "reload at <t:hhmm>", .modes = M_PRIV,
	};
	static const struct cmd_entry in = {
		.syntax = "reload in <d:delay>", .modes = M_PRIV,
	};
	const struct cmd_entry *const t[] = { &at, &in, NULL };
	static const struct {
		const char	*line;
		bool		 ok;
		uint32_t	 num;
	} cases[] = {
		{ "reload at 23:59", true, 23 * 3600 + 59 * 60 },
		{ "reload at 0:05", true, 300 },
		{ "reload at 24:00", false, 0 },
		{ "reload at 12:60", false, 0 },
		{ "reload at 12:00:00", false, 0 },
		{ "reload at 1200", false, 0 },
		{ "reload in 10", true, 10 },
		{ "reload in 99999", true, 99999 },
		{ "reload in 100000", false, 0 },
		{ "reload in 0", false, 0 },
		{ "reload in 1:30", true, 90 },
		{ "reload in 999:59", true, 999 * 60 + 59 },
		{ "reload in 1:3", false, 0 },
		{ "reload in 0:00", false, 0 },
		{ "reload in 1000:00", false, 0 },
	};
	struct grammar		*g;
	struct arena		 a;
	struct match_result	 r;
	char			*cause = NULL;

	(void)state;
	g = grammar_build(t, &cause);
	assert_non_null(g);
	arena_init(&a);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		grammar_match(g, MODE_PRIV, cases[i].line, &a, &r);
		assert_int_equal(r.status == MATCH_OK, cases[i].ok);
		if (cases[i].ok)
			assert_int_equal(r.args.v[2].num, cases[i].num);
	}
	arena_release(&a);
	grammar_free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_grammar__literal_exact),
		T(test_grammar__since_release),
		T(test_grammar__literal_prefix),
		T(test_grammar__exact_beats_prefix),
		T(test_grammar__ambiguous),
		T(test_grammar__incomplete),
		T(test_grammar__invalid_caret),
		T(test_grammar__empty),
		T(test_grammar__optional_nested),
		T(test_grammar__alternation_sequences),
		T(test_grammar__any_order),
		T(test_grammar__literal_beats_slot),
		T(test_grammar__range_boundaries),
		T(test_grammar__run_time_range),
		T(test_grammar__type_ipv4),
		T(test_grammar__type_hex32),
		T(test_grammar__type_hhmmss),
		T(test_grammar__type_hhmm_delay),
		T(test_grammar__type_checksum),
		T(test_grammar__type_day_month_year),
		T(test_grammar__type_line),
		T(test_grammar__no_form),
		T(test_grammar__no_only),
		T(test_grammar__hidden),
		T(test_grammar__mode_filtering),
		T(test_grammar__types_registry),
		T(test_grammar__build_duplicate_syntax),
		T(test_grammar__build_conflicting_help),
		T(test_grammar__build_unknown_type),
		T(test_grammar__build_malformed),
#undef T
	};

	return cmocka_run_group_tests_name("grammar", tests, group_setup,
	    group_teardown);
}
