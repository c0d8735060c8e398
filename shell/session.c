/* SPDX-License-Identifier: MIT */
/*
 * The session: runs one input line at a time through the matcher and the
 * command handlers, prints the ASA's parser errors, the '?' listing, and
 * keeps the mode and the exit status; the prompt shows the device's
 * hostname (session_opts.hostname_of).
 */
#include "shell/shell.h"

#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shell/session_int.h"
#include "shell/shell_int.h"

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
	s->release = GRAMMAR_RELEASE_ANY;
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
	free(s->pending);
	out_free(s->out);
	arena_release(&s->arena);
	strbuf_release(&s->notices);
	free(s);
}

/* A held sink's text goes out before the session's fiber sleeps. */
static void
session_flush(void *arg)
{
	struct session	*s = arg;

	out_flush(s->out);
}

int
session_run(struct session *s)
{
	struct fiber	*f = fiber_self();

	if (s->le != NULL) {
		if (f != NULL)
			fiber_before_wait(f, session_flush, s);
		lineedit_run(s);
		if (f != NULL)
			fiber_before_wait(f, NULL, NULL);
	} else
		batch_run(s);
	out_command_end(s->out);
	out_flush(s->out);
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
session_set_release(struct session *s, uint32_t release)
{
	s->release = release;
}

uint32_t
session_release(const struct session *s)
{
	return s->release;
}

void
session_set_width(struct session *s, unsigned width)
{
	s->width = width;
	if (s->le != NULL)
		lineedit_set_width(s);
}

unsigned
session_width(const struct session *s)
{
	return s->width > 0 ? s->width : 80;
}

void
session_set_ctx(struct session *s, struct cmd_ctx *ctx)
{
	s->opts.ctx = ctx;
}

void
session_set_grammar(struct session *s, const struct grammar *g)
{
	s->opts.grammar = g;
}

const char *
session_prompt(struct session *s)
{
	const char	*host = "ciscoasa", *tail = mode_info(s->mode)->prompt;
	size_t		 hl, tl;

	if (s->opts.hostname_of != NULL && s->opts.ctx != NULL)
		host = s->opts.hostname_of(s->opts.ctx);
	/* What snprintf's "%s%s" makes, at a tenth of its cost (every line). */
	hl = strnlen(host, sizeof s->prompt - 1);
	tl = strnlen(tail, sizeof s->prompt - 1 - hl);
	memcpy(s->prompt, host, hl);
	memcpy(s->prompt + hl, tail, tl);
	s->prompt[hl + tl] = '\0';
	return s->prompt;
}

/* Bytes read ahead (a key reader asks for one at a time). */
static size_t
take_ahead(struct session *s, void *buf, size_t len)
{
	size_t	 n = s->ilen - s->ipos;

	if (n > len)
		n = len;
	memcpy(buf, s->ibuf + s->ipos, n);
	s->ipos += n;
	return n;
}

ssize_t
session_read(struct session *s, void *buf, size_t len)
{
	if (s->hangup)
		return 0;
	if (s->ipos < s->ilen)
		return (ssize_t)take_ahead(s, buf, len);
	for (;;) {
		bool	 ahead = len < sizeof s->ibuf;
		ssize_t	 n;
		int	 r;

		if (s->hangup)
			return 0;
		/* Outside a fiber no hook does it. */
		out_flush(s->out);
		r = fiber_wait(s->opts.in_fd, POLLIN, -1);
		if (r == FIBER_WOKEN) {
			if (s->le != NULL)
				lineedit_serve(s);
			continue;
		}
		if (r < 0)
			return -1;
		/*
		 * A small read (a key) takes what has come, so a line typed
		 * at once costs one wake-up, not one per key.
		 */
		n = read(s->opts.in_fd, ahead ? s->ibuf : buf,
		    ahead ? sizeof s->ibuf : len);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0 || !ahead)
			return n;
		s->ilen = (size_t)n;
		s->ipos = 0;
		return (ssize_t)take_ahead(s, buf, len);
	}
}

/*
 * Give back the byte a one-byte session_read just returned: it came
 * from the bytes read ahead, where the next read finds it again.
 */
void
session_unread(struct session *s)
{
	assert(s->ipos > 0);
	s->ipos--;
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

/* One section of a '?' listing; items d lists too (seen) are left out. */
static void
describe_section(struct session *s, enum mode m, const struct describe *d,
    const struct describe *seen)
{
	struct describe	 show = *d;
	size_t		 w;

	if (seen != NULL) {
		show.items = arena_alloc(&s->arena, (d->n + 1) *
		    sizeof *show.items);
		show.n = 0;
		for (size_t i = 0; i < d->n; i++) {
			bool dup = false;

			for (size_t j = 0; j < seen->n && !dup; j++)
				dup = strcmp(seen->items[j].word,
				    d->items[i].word) == 0;
			if (!dup)
				show.items[show.n++] = d->items[i];
		}
		if (show.n == 0)
			return;
	}
	w = longest_word(&show);
	out_printf(s->out, "\n%s\n", mode_info(m)->help_header);
	for (size_t i = 0; i < show.n; i++) {
		const char *help = show.items[i].help;

		out_puts(s->out, "  ");
		if (help == NULL || *help == '\0')
			out_puts(s->out, show.items[i].word);
		else {
			out_pad(s->out, show.items[i].word, w);
			out_puts(s->out, "  ");
			out_puts(s->out, help);
		}
		out_puts(s->out, "\n");
	}
}

/*
 * In a mode that inherits its parent's commands (a sub-mode), the
 * parent's candidates follow in their own section, as the ASA prints
 * "interface mode" then "configure mode" (reference 6.5).
 */
/*
 * '?' after "command |": the output modifiers, once the command before
 * the bar is complete (a sub-mode's parent may complete it).
 */
static void
describe_filter(struct session *s, const char *text, const char *bar)
{
	const struct mode_info	*mi = mode_info(s->mode);
	char			*cmd = arena_strndup(&s->arena, text,
	    (size_t)(bar - text));
	struct match_result	 m;
	struct describe		 d;

	grammar_match_at(s->opts.grammar, s->mode, s->release, cmd,
	    &s->arena, &m);
	if (m.status == MATCH_INVALID && mi->inherits)
		grammar_match_at(s->opts.grammar, mi->parent, s->release, cmd,
		    &s->arena, &m);
	switch (m.status) {
	case MATCH_OK:
		break;
	case MATCH_AMBIGUOUS:
		out_printf(s->out, MSG_AMBIGUOUS, cmd);
		s->failed = true;
		return;
	case MATCH_INVALID:
		print_caret(s, m.err_offset);
		out_puts(s->out, MSG_INVALID);
		s->failed = true;
		return;
	default:
		out_puts(s->out, MSG_INCOMPLETE);
		s->failed = true;
		return;
	}
	out_filter_describe(bar + 1, &s->arena, &d);
	if (d.status != MATCH_OK) {
		print_caret(s, (size_t)(bar + 1 - text) + d.err_offset);
		out_puts(s->out, MSG_INVALID);
		s->failed = true;
		return;
	}
	describe_section(s, s->mode, &d, NULL);
}

void
session_describe(struct session *s, const char *text)
{
	const struct mode_info	*mi = mode_info(s->mode);
	struct describe		 d, pd;
	bool			 parent = false;
	const char		*bar = strchr(text, '|');

	if (bar != NULL) {
		describe_filter(s, text, bar);
		return;
	}
	grammar_describe_at(s->opts.grammar, s->mode, s->release, text,
	    &s->arena, &d);
	if (mi->inherits) {
		grammar_describe_at(s->opts.grammar, mi->parent, s->release,
		    text, &s->arena, &pd);
		parent = pd.status == MATCH_OK;
	}
	if (d.status != MATCH_OK && parent) {
		describe_section(s, mi->parent, &pd, NULL);
		return;
	}
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
	describe_section(s, s->mode, &d, NULL);
	if (parent)
		describe_section(s, mi->parent, &pd, &d);
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

	if (s->opts.allow != NULL &&
	    s->opts.allow(s->opts.ctx, m->entry, s->mode) == CMD_ERROR) {
		s->failed = true;
		return;
	}
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

/*
 * A sub-mode: a line that is not one of its commands but is one of its
 * parent's leaves the sub-mode and runs there ("hostname x" typed in
 * (config-if)), as on an ASA. When the parent's matcher gets further,
 * its error is the one reported.
 */
static void
inherit(struct session *s, const char *line, struct match_result *m)
{
	const struct mode_info	*mi = mode_info(s->mode);
	struct match_result	 pm;

	if (!mi->inherits || m->status != MATCH_INVALID)
		return;
	grammar_match_at(s->opts.grammar, mi->parent, s->release, line,
	    &s->arena, &pm);
	if (pm.status == MATCH_INVALID && pm.err_offset <= m->err_offset)
		return;
	if (pm.status == MATCH_OK)
		s->mode = mi->parent;
	*m = pm;
}

/*
 * A line whose first non-blank is ':' or '!' is a comment, as in a saved
 * configuration (so that one can be pasted back).
 */
static bool
is_comment(const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	return *line == ':' || *line == '!';
}

/*
 * The caret line of an invalid line. A replayed line (the startup
 * configuration at boot) has no prompt: the line is printed, the caret
 * under it (reference 6 layout rules, [M]).
 */
static void
replay_echo(struct session *s, const char *line, const struct match_result *m)
{
	char	*pad;

	if (!s->replay) {
		print_caret(s, m->err_offset);
		return;
	}
	pad = arena_alloc(&s->arena, m->err_offset + 1);
	memset(pad, ' ', m->err_offset);
	pad[m->err_offset] = '\0';
	out_printf(s->out, "%s\n%s^\n", line, pad);
}

static void
run_line(struct session *s, char *line)
{
	struct match_result	 m;
	char			*filter = split_filter(line);
	char			*cause = NULL;
	size_t			 caret;

	grammar_match_at(s->opts.grammar, s->mode, s->release, line,
	    &s->arena, &m);
	inherit(s, line, &m);
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
		replay_echo(s, line, &m);
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
	bool	 comment = is_comment(text);
	char	*line;

	if (comment) {
		/* nothing to run */
	} else if (len > 0 && text[len - 1] == '?') {
		line = arena_strndup(&s->arena, text, len - 1);
		session_describe(s, line);
		out_puts(s->out, session_prompt(s));
		out_puts(s->out, line);
		out_puts(s->out, "\n");
	} else {
		line = arena_strndup(&s->arena, text, len);
		run_line(s, line);
	}
	if (!comment && !s->replay && s->opts.after_line != NULL)
		s->opts.after_line(s->opts.ctx);
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

void
session_help(struct session *s, const char *text)
{
	session_describe(s, text);
}
