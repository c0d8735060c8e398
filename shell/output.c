/* SPDX-License-Identifier: MIT */
/*
 * The output sink: the one place handler text goes. Text passes through
 * the filter (whole lines, filter.c), then the pager (pager.c), then gets
 * its line ends and lands in memory or, for an fd sink, in a buffer that
 * one write(2) empties at the end of each command, before a pager prompt,
 * when it holds OUT_FLUSH_AT bytes, or on out_flush(). An interactive
 * session's sink is held (out_hold): libedit's echo and prompt join the
 * same buffer, and it is written only when the session is about to wait,
 * as every write wakes the program on the terminal's other side.
 *
 * A tty's lines must reach the client ending in exactly "\r\n". A
 * terminal with OPOST and ONLCR (a pty's default, and what libedit sets
 * whenever it edits) turns "\n" into "\r\n" itself, so "\r\n" written
 * there arrives as "\r\r\n". The sink asks the terminal (tcgetattr)
 * each time it starts to fill an empty buffer, and writes "\r\n" itself
 * only when the terminal does not translate; under libedit the modes are
 * known (out_term_fixed) and it never asks. A buffer sink that acts as
 * a tty always writes "\r\n".
 */
#include "shell/shell.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "shell/shell_int.h"
#include "util/util.h"

/*
 * An fd sink writes early once this much is pending: more than nearly
 * every command prints, so a command costs one write(2), and a bound on
 * memory when a handler writes a lot.
 */
#define OUT_FLUSH_AT	65536

static struct out *out_alloc(int, bool);
static bool	 out_term_onlcr(int);
static void	 out_emit(struct out *, const char *, size_t);
static void	 out_write_filtered(struct out *, const char *, size_t);
static void	 out_emit_line(struct out *);

static struct out *
out_alloc(int fd, bool tty)
{
	struct out	*out = xcalloc(1, sizeof *out);

	out->fd = fd;
	out->tty = tty;
	out->crlf = tty;
	out->bol = true;
	strbuf_init(&out->text, 0);
	strbuf_init(&out->line, 0);
	out_filter_init(&out->filter);
	out_pager_init(&out->pager);
	return out;
}

struct out *
out_new_fd(int fd, bool tty)
{
	return out_alloc(fd, tty);
}

struct out *
out_new_buffer(void)
{
	return out_alloc(-1, false);
}

struct out *
out_new_buffer_tty(void)
{
	return out_alloc(-1, true);
}

void
out_free(struct out *out)
{
	if (out == NULL)
		return;
	out_flush(out);
	out_filter_release(&out->filter);
	strbuf_release(&out->line);
	strbuf_release(&out->text);
	free(out);
}

void
out_tap(struct out *out, struct strbuf *sb)
{
	out->tap = sb;
}

void
out_raw(struct out *out, const char *s, size_t n)
{
	strbuf_add(&out->text, s, n);
	if (out->fd != -1 && out->text.len >= OUT_FLUSH_AT)
		out_flush(out);
}

void
out_hold(struct out *out)
{
	out->hold = true;
}

void
out_term_fixed(struct out *out, bool onlcr)
{
	out->fixed = true;
	out->crlf = !onlcr;
}

void
out_flush(struct out *out)
{
	if (out->fd == -1)
		return;
	/* Nowhere to report a failure: the rest is dropped. */
	if (!out->failed && out->text.len > 0 &&
	    file_write_all(out->fd, out->text.buf, out->text.len) != 0)
		out->failed = true;
	strbuf_reset(&out->text);
}

/* Whether the terminal on fd makes "\n" into "\r\n"; false if no tty. */
static bool
out_term_onlcr(int fd)
{
	struct termios	 t;

	return tcgetattr(fd, &t) == 0 && (t.c_oflag & OPOST) != 0 &&
	    (t.c_oflag & ONLCR) != 0;
}

/* Text that passed the filter: the pager, then the line ending. */
static void
out_emit(struct out *out, const char *s, size_t n)
{
	const char	*nl;
	size_t		 len;

	if (out->tap != NULL)
		strbuf_add(out->tap, s, n);
	if (!out->tty) {
		/* No pager and "\n" kept: the text goes as it is. */
		if (n > 0) {
			out_raw(out, s, n);
			out->bol = s[n - 1] == '\n';
		}
		return;
	}
	/*
	 * Once per batch of output: the modes change between commands
	 * (libedit sets its own while it edits, '?' and Tab print then).
	 */
	if (out->fd != -1 && out->text.len == 0 && !out->fixed)
		out->crlf = !out_term_onlcr(out->fd);
	while (n > 0) {
		if (out->bol && !out_pager_admit(out))
			return;
		out->bol = false;
		if ((nl = memchr(s, '\n', n)) == NULL) {
			out_raw(out, s, n);
			return;
		}
		len = (size_t)(nl - s);
		out_raw(out, s, len);
		if (out->crlf)
			out_raw(out, "\r\n", 2);
		else
			out_raw(out, "\n", 1);
		out->bol = true;
		out->pager.shown++;
		s += len + 1;
		n -= len + 1;
	}
}

/* The pending line, through the filter; a newline is already on it. */
static void
out_emit_line(struct out *out)
{
	struct strbuf	*l = &out->line;
	bool		 nl;

	nl = l->len > 0 && l->buf[l->len - 1] == '\n';
	if (nl)
		l->buf[l->len - 1] = '\0';
	if (out_filter_line(&out->filter, l->buf)) {
		if (nl)
			l->buf[l->len - 1] = '\n';
		out_emit(out, l->buf, l->len);
	}
	strbuf_reset(l);
}

static void
out_write_filtered(struct out *out, const char *s, size_t n)
{
	const char	*nl;
	size_t		 len;

	while (n > 0) {
		if ((nl = memchr(s, '\n', n)) == NULL) {
			strbuf_add(&out->line, s, n);
			return;
		}
		len = (size_t)(nl - s) + 1;
		strbuf_add(&out->line, s, len);
		out_emit_line(out);
		s += len;
		n -= len;
	}
}

/* Out of line, so that the common case below saves few registers. */
static __attribute__((noinline)) void
out_write_slow(struct out *out, const char *s, size_t n)
{
	if (out->pager.quit || n == 0)
		return;
	if (out->filter.kind == OUT_FILTER_NONE)
		out_emit(out, s, n);
	else
		out_write_filtered(out, s, n);
}

void
out_write(struct out *out, const char *s, size_t n)
{
	struct strbuf	*t = &out->text;

	/*
	 * Most text: no terminal, filter, tap or pager's quit, and room in
	 * the buffer. What out_emit and out_raw do, without their calls (a
	 * mixed batch makes thirty a line).
	 */
	if (!out->tty && out->tap == NULL && !out->pager.quit &&
	    out->filter.kind == OUT_FILTER_NONE && n != 0 &&
	    n < t->alloc - t->len && n <= t->cap - t->len) {
		memcpy(t->buf + t->len, s, n);
		t->len += n;
		t->buf[t->len] = '\0';
		out->bol = s[n - 1] == '\n';
		if (t->len >= OUT_FLUSH_AT && out->fd != -1)
			out_flush(out);
		return;
	}
	out_write_slow(out, s, n);
}

void
out_puts(struct out *out, const char *s)
{
	out_write(out, s, strlen(s));
}

static void
out_blanks(struct out *out, size_t n)
{
	static const char blanks[] = "                                ";

	for (size_t k; n > 0; n -= k) {
		k = n < sizeof blanks - 1 ? n : sizeof blanks - 1;
		out_write(out, blanks, k);
	}
}

void
out_pad(struct out *out, const char *s, size_t width)
{
	size_t	 n = strlen(s);

	out_write(out, s, n);
	if (n < width)
		out_blanks(out, width - n);
}

void
out_u32(struct out *out, uint32_t v, size_t width)
{
	char	 buf[FMT_U32_MAX];
	size_t	 n = fmt_u32(buf, v, 1);

	if (n < width)
		out_blanks(out, width - n);
	out_write(out, buf, n);
}

void
out_vprintf(struct out *out, const char *fmt, va_list ap)
{
	char		 small[512], *heap;
	size_t		 len;
	const char	*s = xvformat(small, sizeof small, &heap, &len, fmt, ap);

	out_write(out, s, len);
	free(heap);
}

void
out_printf(struct out *out, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	out_vprintf(out, fmt, ap);
	va_end(ap);
}

const char *
out_buffer(const struct out *out)
{
	if (out->fd != -1)
		return NULL;
	return out->text.buf;
}

void
out_buffer_reset(struct out *out)
{
	if (out->fd == -1)
		strbuf_reset(&out->text);
}

void
out_command_end(struct out *out)
{
	if (out->line.len > 0 && !out->pager.quit)
		out_emit_line(out);
	strbuf_reset(&out->line);
	out_filter_release(&out->filter);
	out_filter_init(&out->filter);
	out_pager_reset(&out->pager);
	if (!out->hold)
		out_flush(out);
}
