/* SPDX-License-Identifier: MIT */
/*
 * The session: runs one input line at a time through the matcher and the
 * command handlers, prints the ASA's parser errors, the '?' listing, and
 * keeps the mode, the hostname and the exit status.
 */
#include "shell/shell.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell/session_int.h"

/*
 * The parser's own messages (reference 6.3, verified captures except the
 * ambiguous one, which is [M med]: its "% Ambiguous command:" substring is
 * what NOC's Cisco.ASA profile matches).
 */
#define MSG_INVALID	"ERROR: % Invalid input detected at '^' marker.\n"
#define MSG_INCOMPLETE	"ERROR: % Incomplete command\n"
#define MSG_AMBIGUOUS	"ERROR: %% Ambiguous command:  \"%s\"\n"

struct session *
session_new(const struct session_opts *opts)
{
	struct session	*s = xcalloc(1, sizeof *s);

	s->opts = *opts;
	s->out = out_new_fd(opts->out_fd, opts->interactive);
	arena_init(&s->arena);
	strbuf_init(&s->notices, 64u << 10);
	s->mode = MODE_USER;
	s->hostname = xstrdup(opts->hostname ? opts->hostname : "ciscoasa");
	if (opts->interactive)
		s->le = lineedit_new(s);
	return s;
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	if (s->le != NULL)
		lineedit_free(s->le);
	if (s->in != NULL)
		fclose(s->in);
	out_free(s->out);
	arena_release(&s->arena);
	strbuf_release(&s->notices);
	free(s->hostname);
	free(s);
}

int
session_run(struct session *s)
{
	if (s->le != NULL)
		lineedit_run(s);
	else
		batch_run(s);
	out_command_end(s->out);
	return s->failed ? 1 : 0;
}

struct out *
session_out(struct session *s)
{
	return s->out;
}

struct arena *
session_arena(struct session *s)
{
	return &s->arena;
}

enum mode
session_mode(const struct session *s)
{
	return s->mode;
}

void
session_set_mode(struct session *s, enum mode m)
{
	s->mode = m;
}

void
session_set_hostname(struct session *s, const char *name)
{
	free(s->hostname);
	s->hostname = xstrdup(name);
}

void
session_set_width(struct session *s, unsigned width)
{
	s->width = width;
}

void
session_set_ctx(struct session *s, struct cmd_ctx *ctx)
{
	s->opts.ctx = ctx;
}

const char *
session_prompt(struct session *s)
{
	const char *host = s->hostname;

	if (s->opts.hostname_of != NULL && s->opts.ctx != NULL)
		host = s->opts.hostname_of(s->opts.ctx);
	snprintf(s->prompt, sizeof s->prompt, "%s%s", host,
	    mode_info(s->mode)->prompt);
	return s->prompt;
}

ssize_t
session_read(struct session *s, void *buf, size_t len)
{
	for (;;) {
		ssize_t	 n;
		int	 r;

		if (s->hangup)
			return 0;
		r = fiber_wait(s->opts.in_fd, POLLIN, -1);
		if (r == FIBER_WOKEN) {
			if (s->le != NULL)
				lineedit_serve(s);
			continue;
		}
		if (r < 0)
			return -1;
		n = read(s->opts.in_fd, buf, len);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		return n;
	}
}

void
session_serve_as(struct session *s, struct server *srv, unsigned sid,
    bool console)
{
	s->server = srv;
	s->sid = sid;
	s->console = console;
}

struct server *
session_server(const struct session *s)
{
	return s->server;
}

bool
session_is_console(const struct session *s)
{
	return s->console;
}

void
session_hangup(struct session *s)
{
	s->hangup = true;
}

void
session_resized(struct session *s)
{
	s->resized = true;
}

void
session_notice(struct session *s, const char *text)
{
	strbuf_puts(&s->notices, text);
}

int
session_run_command(struct session *s, const char *line)
{
	session_line(s, line);
	out_command_end(s->out);
	return s->failed ? 1 : 0;
}

const char *
session_ask(struct session *s, const char *prompt, bool secret)
{
	out_command_end(s->out);
	if (s->replay)
		return NULL;
	if (s->le != NULL)
		return lineedit_ask(s, prompt, secret);
	return batch_ask(s, prompt, secret);
}

/* The caret line: '^' under byte offset off of the line after the prompt. */
static void
print_caret(struct session *s, size_t off)
{
	size_t	 col = strlen(session_prompt(s)) + off;
	char	*pad = arena_alloc(&s->arena, col + 3);

	memset(pad, ' ', col);
	memcpy(pad + col, "^\n", 3);
	out_puts(s->out, pad);
}

static size_t
longest_word(const struct describe *d)
{
	size_t	 w = 0;

	for (size_t i = 0; i < d->n; i++) {
		size_t len = strlen(d->items[i].word);

		if (len > w)
			w = len;
	}
	return w;
}

void
session_describe(struct session *s, const char *text)
{
	struct describe	 d;
	size_t		 w;

	grammar_describe(s->opts.grammar, s->mode, text, &s->arena, &d);
	switch (d.status) {
	case MATCH_OK:
		break;
	case MATCH_AMBIGUOUS:
		out_printf(s->out, MSG_AMBIGUOUS, text);
		s->failed = true;
		return;
	default:
		print_caret(s, d.err_offset);
		out_puts(s->out, MSG_INVALID);
		s->failed = true;
		return;
	}
	w = longest_word(&d);
	out_printf(s->out, "\n%s\n", mode_info(s->mode)->help_header);
	for (size_t i = 0; i < d.n; i++) {
		const char *help = d.items[i].help;

		if (help == NULL || *help == '\0')
			out_printf(s->out, "  %s\n", d.items[i].word);
		else
			out_printf(s->out, "  %-*s  %s\n", (int)w,
			    d.items[i].word, help);
	}
}

/* Split "cmd | filter": the first '|' ends the command. */
static char *
split_filter(char *line)
{
	char	*bar = strchr(line, '|');

	if (bar == NULL)
		return NULL;
	*bar = '\0';
	return bar + 1;
}

static void
run_entry(struct session *s, const struct match_result *m)
{
	enum cmd_status	 st;

	if (s->opts.before != NULL && s->opts.before(s->opts.ctx) == CMD_ERROR)
		s->failed = true;
	st = m->entry->exec(s->opts.ctx, &m->args);
	if (s->opts.after != NULL)
		s->opts.after(s->opts.ctx);
	if (st == CMD_ERROR)
		s->failed = true;
	else if (st == CMD_QUIT)
		s->quit = true;
}

static void
run_line(struct session *s, char *line)
{
	struct match_result	 m;
	char			*filter = split_filter(line);
	char			*cause = NULL;
	size_t			 caret;

	grammar_match(s->opts.grammar, s->mode, line, &s->arena, &m);
	switch (m.status) {
	case MATCH_EMPTY:
		return;
	case MATCH_INCOMPLETE:
		out_puts(s->out, MSG_INCOMPLETE);
		s->failed = true;
		return;
	case MATCH_AMBIGUOUS:
		out_printf(s->out, MSG_AMBIGUOUS, line);
		s->failed = true;
		return;
	case MATCH_INVALID:
		print_caret(s, m.err_offset);
		out_puts(s->out, MSG_INVALID);
		s->failed = true;
		return;
	case MATCH_OK:
		break;
	}
	if (filter != NULL &&
	    out_filter_set_at(s->out, filter, &caret, &cause) != 0) {
		if (caret != OUT_NO_CARET)
			print_caret(s, (size_t)(filter - line) + caret);
		out_printf(s->out, "%s\n", cause);
		free(cause);
		s->failed = true;
		return;
	}
	run_entry(s, &m);
}

void
session_line(struct session *s, const char *text)
{
	size_t	 len = strlen(text);
	char	*line;

	if (len > 0 && text[len - 1] == '?') {
		line = arena_strndup(&s->arena, text, len - 1);
		session_describe(s, line);
		out_printf(s->out, "%s%s\n", session_prompt(s), line);
	} else {
		line = arena_strndup(&s->arena, text, len);
		run_line(s, line);
	}
	out_command_end(s->out);
	arena_reset(&s->arena);
}

enum cmd_status
session_exec(struct session *s, const char *text)
{
	bool	 failed = s->failed;
	enum cmd_status st;

	s->failed = false;
	s->replay = true;
	session_line(s, text);
	s->replay = false;
	st = s->failed ? CMD_ERROR : CMD_OK;
	s->failed = failed;
	return st;
}
