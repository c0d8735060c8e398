/* SPDX-License-Identifier: MIT */
/*
 * The fixture shared by test_grammar.c and test_grammar_help.c: a small
 * fake command table, the grammar built from it once per group, the
 * per-test arena and result, and the helpers that match a line, list '?'
 * and complete Tab over it.
 */
#include "grammar_fixture.h"

#include <stdlib.h>

static const struct cmd_help kw_help[] = {
	{ "show",	"Show running system information" },
	{ "no",		"Negate a command or set its defaults" },
	{ "clear",	"Reset functions" },
	{ NULL, NULL }
};

static const struct cmd_entry e_keywords = {
	.syntax = NULL,
	.help = kw_help,
};

static const struct cmd_help version_help[] = {
	{ "version",	"Display system software version" },
	{ "detail",	"Show more" },
	{ NULL, NULL }
};

const struct cmd_entry e_show_version = {
	.syntax = "show version [detail]",
	.help = version_help,
	.modes = MODES_ALL,
};

static const struct cmd_help run_help[] = {
	{ "running-config", "Show the current operating configuration" },
	{ "all",	"Include defaults" },
	{ "detail",	"Show more" },
	{ NULL, NULL }
};

const struct cmd_entry e_show_run = {
	.syntax = "show running-config [all [detail]]",
	.help = run_help,
	.modes = M_PRIV | M_CONFIG,
};

static const struct cmd_help ip_help[] = {
	{ "ip",		"IP information" },
	{ "ipv6",	"IPv6 information" },
	{ NULL, NULL }
};

const struct cmd_entry e_show_ip = {
	.syntax = "show ip",
	.help = ip_help,
	.modes = M_PRIV,
};

const struct cmd_entry e_show_ipv6 = {
	.syntax = "show ipv6",
	.help = ip_help,
	.modes = M_PRIV,
};

static const struct cmd_help route_help[] = {
	{ "route",	"Show the routing table" },
	{ "addr",	"Destination address" },
	{ NULL, NULL }
};

const struct cmd_entry e_show_route = {
	.syntax = "show route [<addr:ipv4>]",
	.help = route_help,
	.modes = M_PRIV,
};

static const struct cmd_help secret_help[] = {
	{ "secret",	"Not for customers" },
	{ "extra",	"Even more" },
	{ NULL, NULL }
};

const struct cmd_entry e_show_secret = {
	.syntax = "show secret [extra]",
	.help = secret_help,
	.modes = M_PRIV,
	.flags = CMD_F_HIDDEN,
};

static const struct cmd_help trap_help[] = {
	{ "logging",	"Configure logging levels" },
	{ "trap",	"Set syslog server logging level" },
	{ "level",	"Enter syslog level (0 - 7)" },
	{ "list",	"Specify the name of logging list" },
	{ "alerts",	"Immediate action needed" },
	{ "critical",	"Critical conditions" },
	{ NULL, NULL }
};

const struct cmd_entry e_logging_trap = {
	.syntax = "logging trap (alerts|critical|<level:0-7>|<list:word>)",
	.help = trap_help,
	.modes = M_CONFIG,
};

static const struct cmd_help clock_help[] = {
	{ "clock",	"Manage the system clock" },
	{ "set",	"Set the time and date" },
	{ NULL, NULL }
};

const struct cmd_entry e_clock_set = {
	.syntax = "clock set <time:hhmmss> (<day:day> <month:month> | "
	    "<month:month> <day:day>) <year:year>",
	.help = clock_help,
	.modes = M_PRIV | M_CONFIG,
};

static const struct cmd_help clear_help[] = {
	{ "counters",	"Clear counters" },
	{ NULL, NULL }
};

static const struct cmd_entry e_clear = {
	.syntax = "clear counters",
	.help = clear_help,
	.modes = M_PRIV,
};

static const struct cmd_help conf_help[] = {
	{ "configure",	"Change to Configuration mode" },
	{ "terminal",	"Configure using terminal/console" },
	{ NULL, NULL }
};

const struct cmd_entry e_configure = {
	.syntax = "configure terminal",
	.help = conf_help,
	.modes = M_PRIV,
};

static const struct cmd_help ssh_help[] = {
	{ "ssh",	"Configure SSH options" },
	{ "port",	"Set the SSH port" },
	{ NULL, NULL }
};

const struct cmd_entry e_ssh_port = {
	.syntax = "ssh port <port:1-65535>",
	.help = ssh_help,
	.modes = M_CONFIG,
};

static const struct cmd_help tls_help[] = {
	{ "tls-proxy",	"Configure TLS proxy" },
	{ "maximum-sessions", "Set the maximum" },
	{ "sessions",	"Maximum number of TLS proxy sessions" },
	{ NULL, NULL }
};

/* A range whose maximum the limit function gives at run time. */
const struct cmd_entry e_tls_max = {
	.syntax = "tls-proxy maximum-sessions <sessions:1-$tls-max>",
	.help = tls_help,
	.modes = M_CONFIG,
};

static const struct cmd_help key_help[] = {
	{ "activation-key", "Modify activation-key" },
	{ "key",	"Activation key, first value" },
	{ "key2",	"Activation key, second value" },
	{ NULL, NULL }
};

const struct cmd_entry e_key = {
	.syntax = "activation-key <key:hex32> [<key2:hex32>]",
	.help = key_help,
	.modes = M_PRIV | M_CONFIG,
};

static const struct cmd_help banner_help[] = {
	{ "banner",	"Configure login/session banners" },
	{ "motd",	"Configure message-of-the-day banner" },
	{ "text",	"Banner text" },
	{ NULL, NULL }
};

const struct cmd_entry e_banner = {
	.syntax = "banner motd <text:line>",
	.help = banner_help,
	.modes = M_CONFIG,
};

static const struct cmd_help hostname_help[] = {
	{ "hostname",	"Change host name" },
	{ "name",	"New host name" },
	{ NULL, NULL }
};

const struct cmd_entry e_hostname = {
	.syntax = "hostname <name:word>",
	.help = hostname_help,
	.modes = M_CONFIG,
	.flags = CMD_F_NO_FORM,
};

static const struct cmd_help pager_help[] = {
	{ "pager",	"Control page length for pagination" },
	{ NULL, NULL }
};

const struct cmd_entry e_no_pager = {
	.syntax = "pager",
	.help = pager_help,
	.modes = M_CONFIG,
	.flags = CMD_F_NO_ONLY,
};

static const struct cmd_help enable_help[] = {
	{ "enable",	"Turn on privileged commands" },
	{ NULL, NULL }
};

const struct cmd_entry e_enable = {
	.syntax = "enable",
	.help = enable_help,
	.modes = M_USER,
};

/* A hidden entry that is one slot: a saved configuration's last line. */
const struct cmd_entry e_checksum = {
	.syntax = "<sum:checksum>",
	.modes = M_CONFIG,
	.flags = CMD_F_HIDDEN,
};

static const struct cmd_entry *const table[] = {
	&e_keywords, &e_show_version, &e_show_run, &e_show_ip, &e_show_ipv6,
	&e_show_route, &e_show_secret, &e_logging_trap, &e_clock_set,
	&e_clear, &e_configure, &e_ssh_port, &e_key, &e_banner, &e_hostname,
	&e_no_pager, &e_enable, &e_tls_max, &e_checksum, NULL
};

static struct grammar *the_grammar;

int
group_setup(void **state)
{
	char	*cause = NULL;

	(void)state;
	the_grammar = grammar_build(table, &cause);
	if (the_grammar == NULL) {
		print_error("grammar_build: %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

int
group_teardown(void **state)
{
	(void)state;
	grammar_free(the_grammar);
	return 0;
}

int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	f->g = the_grammar;
	arena_init(&f->arena);
	*state = f;
	return 0;
}

int
teardown(void **state)
{
	struct fixture	*f = *state;

	arena_release(&f->arena);
	free(f);
	return 0;
}

static const struct match_result *
match(void **state, enum mode m, const char *line)
{
	struct fixture	*f = *state;

	grammar_match(f->g, m, line, &f->arena, &f->res);
	return &f->res;
}

const struct match_result *
match_ok(void **state, enum mode m, const char *line,
    const struct cmd_entry *want)
{
	const struct match_result	*r = match(state, m, line);

	assert_int_equal(r->status, MATCH_OK);
	assert_ptr_equal(r->entry, want);
	return r;
}

void
match_fails(void **state, enum mode m, const char *line,
    enum match_status status, size_t offset)
{
	const struct match_result	*r = match(state, m, line);

	assert_int_equal(r->status, status);
	assert_int_equal(r->err_offset, offset);
}

const char *
describe(void **state, enum mode m, const char *line)
{
	struct fixture	*f = *state;
	struct strbuf	 sb;
	const char	*s;

	grammar_describe(f->g, m, line, &f->arena, &f->d);
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < f->d.n; i++) {
		strbuf_printf(&sb, "%s%s|%s", i != 0 ? "\n" : "",
		    f->d.items[i].word, f->d.items[i].help);
	}
	s = arena_strdup(&f->arena, sb.buf);
	strbuf_release(&sb);
	return s;
}

const char *
complete(void **state, enum mode m, const char *line)
{
	struct fixture	*f = *state;
	const char	**v = grammar_complete(f->g, m, line, &f->arena);
	struct strbuf	 sb;
	const char	*s;

	strbuf_init(&sb, 0);
	for (size_t i = 0; v[i] != NULL; i++)
		strbuf_printf(&sb, "%s%s", i != 0 ? " " : "", v[i]);
	s = arena_strdup(&f->arena, sb.buf);
	strbuf_release(&sb);
	return s;
}
