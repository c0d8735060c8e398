/* SPDX-License-Identifier: MIT */
/*
 * Batch mode: lines from a file or a pipe, each echoed after the prompt like
 * a session log, then run. CR, LF and CRLF all end a line. A line that is
 * too long, holds a NUL byte or is not UTF-8 is refused, never run.
 */
#define _GNU_SOURCE			/* fopencookie */
#include "shell/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell/session_int.h"

/* [M] asaemu's own: a real ASA truncates at its 512-byte line buffer. */
#define MSG_TOO_LONG	SESSION_MSG_TOO_LONG
/* [I] asaemu's own: a question met a command line (batch_ask). */
#define MSG_NOT_ANSWER	"INFO: \"%s\" was not taken as the answer; it " \
			"runs as the next command\n"

enum batch_read
batch_read_line(FILE *f, struct strbuf *sb)
{
	int	 c;
	bool	 any = false;

	strbuf_reset(sb);
	/* The session's own stream, read by its thread alone: no locks. */
	while ((c = getc_unlocked(f)) != EOF) {
		any = true;
		if (c == '\n')
			break;
		if (c == '\r') {
			if ((c = getc_unlocked(f)) != '\n' && c != EOF)
				ungetc(c, f);
			break;
		}
		if (sb->len < SESSION_LINE_MAX)
			strbuf_addch(sb, (char)c);
		else
			sb->truncated = 1;
	}
	if (!any)
		return BATCH_EOF;
	return sb->truncated ? BATCH_TOO_LONG : BATCH_LINE;
}

/* Length of the UTF-8 sequence starting at p (at most n bytes), or 0. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	size_t	 len;
	uint32_t cp;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		cp = p[0] & 0x0f;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		cp = p[0] & 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
	    (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

long
batch_bad_byte(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 i = 0;

	while (i < n) {
		size_t len = p[i] == '\0' ? 0 : utf8_len(p + i, n - i);

		if (len == 0)
			return (long)i;
		i += len;
	}
	return -1;
}

/* Echo the prompt and the line as typed, NUL bytes shown as blanks. */
static void
echo_line(struct session *s, const char *line, size_t len)
{
	char	*copy = arena_strndup(&s->arena, line, len);

	for (size_t i = 0; i < len; i++)
		if (copy[i] == '\0')
			copy[i] = ' ';
	out_puts(s->out, session_prompt(s));
	out_write(s->out, copy, len);
	out_puts(s->out, "\n");
}

static void
refuse_line(struct session *s, size_t off)
{
	size_t	 col = strlen(session_prompt(s)) + off;

	out_printf(s->out, "%*s^\n", (int)col, "");
	out_puts(s->out, "ERROR: % Invalid input detected at '^' marker.\n");
	s->failed = true;
}

static ssize_t
batch_cookie_read(void *cookie, char *buf, size_t len)
{
	return session_read(cookie, buf, len);
}

/* The input as a stream whose reads wait through the session. */
static FILE *
batch_input(struct session *s)
{
	static const cookie_io_functions_t io = { .read = batch_cookie_read };

	if (s->in == NULL)
		s->in = fopencookie(s, "r", io);
	return s->in;
}

int
batch_run(struct session *s)
{
	struct strbuf	 sb;
	enum batch_read	 r;
	long		 bad;

	if (batch_input(s) == NULL)
		return -1;
	strbuf_init(&sb, SESSION_LINE_MAX + 1);
	for (;;) {
		if (s->quit)
			break;
		if (s->pending != NULL) {
			strbuf_reset(&sb);
			strbuf_puts(&sb, s->pending);
			free(s->pending);
			s->pending = NULL;
			r = BATCH_LINE;
		} else if ((r = batch_read_line(s->in, &sb)) == BATCH_EOF)
			break;
		echo_line(s, sb.buf, sb.len);
		if (r == BATCH_TOO_LONG) {
			out_printf(s->out, MSG_TOO_LONG, SESSION_LINE_MAX);
			s->failed = true;
		} else if ((bad = batch_bad_byte(sb.buf, sb.len)) >= 0)
			refuse_line(s, (size_t)bad);
		else
			session_line(s, sb.buf);
		out_command_end(s->out);
		arena_reset(&s->arena);
		if (s->failed && s->opts.stop_on_error)
			break;
	}
	strbuf_release(&sb);
	return 0;
}

/*
 * Whether a batch line is a command of the session's mode (or of its
 * parent's, in a sub-mode): a '?' request, a complete command, or one
 * with an output filter.
 */
static bool
is_command(struct session *s, const char *line, size_t len)
{
	const struct mode_info	*mi = mode_info(s->mode);
	struct match_result	 m;
	char			*text = arena_strndup(&s->arena, line, len);
	char			*bar = strchr(text, '|');

	if (bar != NULL)
		*bar = '\0';
	len = strlen(text);
	if (len > 0 && text[len - 1] == '?')
		text[len - 1] = '\0';
	grammar_match_at(s->opts.grammar, s->mode, s->release, text,
	    &s->arena, &m);
	if (m.status == MATCH_INVALID && mi->inherits)
		grammar_match_at(s->opts.grammar, mi->parent, s->release,
		    text, &s->arena, &m);
	return m.status == MATCH_OK;
}

/*
 * A question in batch mode reads the next line. A secret is echoed as
 * asterisks, as the ASA does at "Password:" (reference 6.2). A line that
 * is a command is no answer: the question gets none (as at the end of
 * the input), the transcript says so, and the line runs next, so that a
 * script that forgot an answer loses no command.
 */
const char *
batch_ask(struct session *s, const char *prompt, bool secret)
{
	struct strbuf	 sb;
	const char	*answer = NULL;

	(void)batch_input(s);
	out_puts(s->out, prompt);
	out_flush(s->out);
	strbuf_init(&sb, SESSION_LINE_MAX + 1);
	if (s->in != NULL && batch_read_line(s->in, &sb) != BATCH_EOF) {
		if (sb.len > 0 && batch_bad_byte(sb.buf, sb.len) < 0 &&
		    is_command(s, sb.buf, sb.len)) {
			s->pending = xstrdup(sb.buf);
			out_printf(s->out, "\n" MSG_NOT_ANSWER, sb.buf);
			out_command_end(s->out);
			strbuf_release(&sb);
			return NULL;
		}
		if (secret) {
			for (size_t i = 0; i < sb.len; i++)
				out_puts(s->out, "*");
		} else
			out_write(s->out, sb.buf, sb.len);
		answer = arena_strndup(&s->arena, sb.buf, sb.len);
	}
	out_puts(s->out, "\n");
	out_command_end(s->out);
	strbuf_release(&sb);
	return answer;
}
