/* SPDX-License-Identifier: MIT */
/*
 * The interactive terminal, on libedit: history, '?' acting on the key
 * press, Tab completion, Ctrl-C abandoning the line, Ctrl-D leaving on an
 * empty line. Scripts that drive a pseudo-terminal (ssh -tt, expect,
 * netmiko) must see every command echoed once: the tty's own echo is off
 * outside editing, so type-ahead is echoed by libedit alone. The prompt
 * is asaemu's own, and a line that arrives whole (a script's) is taken
 * before libedit sees it, echoed byte for byte as libedit echoes it
 * (le_whole_line).
 */
#define _GNU_SOURCE			/* fopencookie */
#include "shell/shell.h"

#include <assert.h>
#include <fcntl.h>
#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "shell/session_int.h"
#include "shell/shell_int.h"

struct lineedit {
	struct session	*s;
	EditLine	*el;
	History		*hist;
	HistEvent	 ev;
	FILE		*fin;
	FILE		*fout;
	FILE		*fnull;		/* libedit's terminal once set up */
	int		 fd;		/* the terminal */
	struct termios	 saved;		/* its settings before asaemu */
	bool		 have_saved;
	bool		 interrupted;	/* Ctrl-C: drop the line */
	bool		 editing;	/* waiting for a key of a line */
	bool		 prompted;	/* at our own prompt, no key yet */
	bool		 mute;		/* libedit's prompt, already shown */
	struct strbuf	 muted;		/* what it wrote muted */
	unsigned	 cols;		/* libedit's width (le_width) */
	wchar_t		 wprompt[SESSION_PROMPT_MAX];
};

static struct session *
el_session(EditLine *el)
{
	void	*data = NULL;

	el_get(el, EL_CLIENTDATA, &data);
	return data;
}

/*
 * The prompt, wide: a prompt is ASCII (a hostname, a context's name, a
 * mode's suffix), widened here rather than by the locale's converter at
 * every line.
 */
static wchar_t *
le_prompt(EditLine *el)
{
	struct session	*s = el_session(el);
	const char	*p = session_prompt(s);
	wchar_t		*w = s->le->wprompt;
	size_t		 i;

	for (i = 0; p[i] != '\0' && i < SESSION_PROMPT_MAX - 1; i++)
		w[i] = (wchar_t)(unsigned char)p[i];
	w[i] = L'\0';
	return w;
}

/* The text left of the cursor, arena-owned. */
static char *
text_before_cursor(struct session *s)
{
	const LineInfo	*li = el_line(s->le->el);

	return arena_strndup(&s->arena, li->buffer,
	    (size_t)(li->cursor - li->buffer));
}

static unsigned char
le_help(EditLine *el, int ch)
{
	struct session	*s = el_session(el);
	char		*text = text_before_cursor(s);

	(void)ch;
	out_puts(s->out, "?\n");
	session_describe(s, text);
	out_command_end(s->out);
	arena_reset(&s->arena);
	return CC_REDISPLAY;
}

static size_t
common_prefix(const char **v)
{
	size_t	 n = strlen(v[0]);

	for (size_t i = 1; v[i] != NULL; i++) {
		size_t j = 0;

		while (j < n && v[i][j] == v[0][j])
			j++;
		n = j;
	}
	return n;
}

static unsigned char
le_complete(EditLine *el, int ch)
{
	struct session	 *s = el_session(el);
	char		 *text = text_before_cursor(s);
	const char	**v;
	size_t		  typed, n;
	unsigned char	  ret = CC_REFRESH;

	(void)ch;
	/* The word being typed: after the last blank, as the grammar splits. */
	n = strlen(text);
	typed = 0;
	while (typed < n && text[n - typed - 1] != ' ' &&
	    text[n - typed - 1] != '\t')
		typed++;
	v = grammar_complete_at(s->opts.grammar, s->mode, s->release, text,
	    &s->arena);
	if (v[0] == NULL && mode_info(s->mode)->inherits)
		v = grammar_complete_at(s->opts.grammar,
		    mode_info(s->mode)->parent, s->release, text, &s->arena);
	if (v == NULL || v[0] == NULL)
		ret = CC_REFRESH_BEEP;
	else if (v[1] == NULL) {
		if (typed < strlen(v[0]))
			el_insertstr(el, v[0] + typed);
		el_insertstr(el, " ");
	} else if ((n = common_prefix(v)) > typed) {
		char *add = arena_strndup(&s->arena, v[0] + typed, n - typed);

		el_insertstr(el, add);
	} else {
		out_puts(s->out, "\n");
		for (size_t i = 0; v[i] != NULL; i++)
			out_printf(s->out, "%s%s", i ? " " : "", v[i]);
		out_puts(s->out, "\n");
		out_command_end(s->out);
		ret = CC_REDISPLAY;
	}
	arena_reset(&s->arena);
	return ret;
}

/* From the cursor to the start of the row below the line being typed. */
static void
le_below(struct session *s)
{
	const LineInfo	*li = el_line(s->le->el);
	int		 co = 0;
	size_t		 cols;
	size_t		 plen = strlen(session_prompt(s));
	size_t		 end = plen + (size_t)(li->lastchar - li->buffer);
	size_t		 at = plen + (size_t)(li->cursor - li->buffer);

	el_get(s->le->el, EL_GETTC, "co", &co, NULL);
	cols = co > 0 ? (size_t)co : 80;
	for (size_t row = at / cols; row <= end / cols; row++)
		out_puts(s->out, "\n");
}

/*
 * The queued messages, unpaged: console messages (a whole boot after a
 * scheduled reload) never stop at "<--- More --->".
 */
static void
le_write_notices(struct session *s)
{
	unsigned	 lines = out_pager_get(s->out);

	out_pager_set(s->out, 0);
	out_write(s->out, s->notices.buf, s->notices.len);
	out_command_end(s->out);
	out_pager_set(s->out, lines);
	strbuf_reset(&s->notices);
}

/* Messages over a line being typed: below it, then the line again. */
static void
le_notices(struct session *s)
{
	if (s->notices.len == 0)
		return;
	le_below(s);
	le_write_notices(s);
	el_set(s->le->el, EL_REFRESH);
}

/*
 * Where the line wraps. By default the window's width, and the terminal
 * wraps by itself (auto margins): libedit then writes nothing at the
 * edge, not its " \b" that forces the wrap on terminals with the xterm
 * glitch (it would sit in every long command's echo). After terminal
 * width N the line wraps at N whatever the window: libedit writes the
 * CR LF there itself. libedit no longer sees the terminal (lineedit_new):
 * it is told the columns.
 */
static void
le_width(struct session *s)
{
	struct lineedit	*le = s->le;
	struct winsize	 ws;
	unsigned	 cols = s->width;
	char		 co[16];

	el_set(le->el, EL_SETTC, "xn", "no", NULL);
	el_set(le->el, EL_SETTC, "am", s->width == 0 ? "yes" : "no", NULL);
	if (cols == 0 && ioctl(le->fd, TIOCGWINSZ, &ws) == 0)
		cols = ws.ws_col;
	le->cols = cols > 0 ? cols : 80;
	snprintf(co, sizeof co, "%u", le->cols);
	el_set(le->el, EL_SETTC, "co", co, NULL);
}

void
lineedit_set_width(struct session *s)
{
	le_width(s);
}

void
lineedit_serve(struct session *s)
{
	if (s->resized) {
		s->resized = false;
		le_width(s);
	}
	if (s->le->editing)
		le_notices(s);
	else if (s->le->prompted && s->notices.len > 0) {
		/* As le_notices over an empty line: below it, then again. */
		out_puts(s->out, "\n");
		le_write_notices(s);
		out_puts(s->out, session_prompt(s));
	}
}

/* A key libedit's emacs map inserts (ed_insert, ed_digit) as it is. */
static bool
plain_key(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '?';
}

/*
 * libedit wrote its prompt muted (le_whole_line showed it): it must have
 * been those bytes, at the first key it asks for.
 */
static void
le_unmute(struct session *s)
{
	struct lineedit	*le = s->le;

	if (!le->mute)
		return;
	le->mute = false;
	assert(strcmp(le->muted.buf, session_prompt(s)) == 0);
	strbuf_reset(&le->muted);
}

/* Every key of a line comes through the session, so it can wait. */
static int
le_getc(EditLine *el, wchar_t *wc)
{
	struct session	*s = el_session(el);
	unsigned char	 c;
	ssize_t		 n;

	/*
	 * A NUL is no key (telnet ends a line in CR NUL): handed to libedit
	 * it would quote the next key, and the Enter after it would become
	 * part of the line, losing the command.
	 */
	le_unmute(s);
	do {
		s->le->editing = true;
		n = session_read(s, &c, 1);
		s->le->editing = false;
	} while (n == 1 && c == '\0');
	if (n != 1)
		return n == 0 ? 0 : -1;
	*wc = (wchar_t)c;
	return 1;
}

static unsigned char
le_interrupt(EditLine *el, int ch)
{
	struct session	*s = el_session(el);

	(void)ch;
	s->le->interrupted = true;
	/* The line ends where it stands; the prompt starts a new one. */
	le_below(s);
	out_command_end(s->out);
	return CC_NEWLINE;
}

/*
 * libedit's output joins the sink's buffer as it is, in the order both
 * were written; the session writes it all when it waits for a key.
 */
static ssize_t
le_cookie_write(void *cookie, const char *buf, size_t len)
{
	struct session	*s = cookie;

	if (s->le->mute)
		strbuf_add(&s->le->muted, buf, len);
	else
		out_raw(s->out, buf, len);
	return (ssize_t)len;
}

/* Whether fds a and b are the same terminal. */
static bool
same_terminal(int a, int b)
{
	struct stat	 sa, sb;

	return isatty(a) && isatty(b) && fstat(a, &sa) == 0 &&
	    fstat(b, &sb) == 0 && sa.st_rdev == sb.st_rdev;
}

/*
 * libedit puts the terminal in its edit mode before every line and back
 * in its cooked mode after it (seven ioctls on a Linux pty, one a drain),
 * though asaemu keeps both the same: no signals, no canonical lines, no
 * echo. The terminal is put in edit mode once, for the session, and
 * libedit's own terminal becomes /dev/null: it only fails to switch it
 * (and so believes it still edits) and to read the window's size, which
 * le_width tells it.
 */
static void
le_edit_mode(struct lineedit *le)
{
	int	 fd;

	if (!le->have_saved || el_set(le->el, EL_PREP_TERM, 1) != 0)
		return;
	if ((fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
		return;
	if ((le->fnull = fdopen(fd, "r")) == NULL) {
		close(fd);
		return;
	}
	el_set(le->el, EL_SETFP, 0, le->fnull);
}

struct lineedit *
lineedit_new(struct session *s)
{
	struct lineedit	*le = xcalloc(1, sizeof *le);
	struct termios	 t;

	/*
	 * Every key reaches asaemu as a key, at every moment: no signals,
	 * no line discipline, no kernel echo, also between two edits (the
	 * "-x" settings below) and before the first one. libedit prints its
	 * prompt before it switches the terminal, so a script that answers
	 * the prompt at once (Ctrl-C, Ctrl-D) would otherwise meet the
	 * kernel's SIGINT or end-of-file, and type-ahead would echo twice.
	 */
	le->s = s;
	le->fd = s->opts.in_fd;
	strbuf_init(&le->muted, SESSION_PROMPT_MAX);
	if (tcgetattr(le->fd, &le->saved) == 0) {
		le->have_saved = true;
		t = le->saved;
		t.c_lflag &= ~(tcflag_t)(ISIG | ICANON | ECHO);
		/* As libedit's edit and cooked modes both have it. */
		t.c_oflag |= OPOST | ONLCR;
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
		term_guard_add(le->fd, &le->saved);
		tcsetattr(le->fd, TCSANOW, &t);
		if (same_terminal(le->fd, s->opts.out_fd))
			out_term_fixed(s->out, true);
	}
	out_hold(s->out);
	le->fin = fdopen(dup(s->opts.in_fd), "r");
	le->fout = fopencookie(s, "w", (cookie_io_functions_t){
	    .write = le_cookie_write });
	le->el = el_init_fd("asaemu", le->fin, le->fout, stderr,
	    s->opts.in_fd, s->opts.out_fd, STDERR_FILENO);
	le->hist = history_init();
	history(le->hist, &le->ev, H_SETSIZE, 100);
	el_set(le->el, EL_CLIENTDATA, s);
	if (s->opts.term != NULL)
		el_set(le->el, EL_TERMINAL, s->opts.term);
	el_set(le->el, EL_GETCFN, le_getc);
	el_set(le->el, EL_EDITOR, "emacs");
	el_wset(le->el, EL_PROMPT, le_prompt);
	el_set(le->el, EL_HIST, history, le->hist);
	el_set(le->el, EL_ADDFN, "asa-help", "Describe", le_help);
	el_set(le->el, EL_BIND, "?", "asa-help", NULL);
	el_set(le->el, EL_ADDFN, "asa-complete", "Complete", le_complete);
	el_set(le->el, EL_BIND, "^I", "asa-complete", NULL);
	el_set(le->el, EL_ADDFN, "asa-interrupt", "Abandon line",
	    le_interrupt);
	el_set(le->el, EL_BIND, "^C", "asa-interrupt", NULL);
	el_set(le->el, EL_SETTY, "-d", "-isig", NULL);
	el_set(le->el, EL_SETTY, "-x", "-isig", "-icanon", "-echo", NULL);
	le_edit_mode(le);
	s->le = le;
	le_width(s);
	out_pager_keys(s->out, lineedit_getkey, s);
	return le;
}

void
lineedit_free(struct lineedit *le)
{
	el_end(le->el);
	history_end(le->hist);
	fclose(le->fin);
	fclose(le->fout);
	if (le->fnull != NULL)
		fclose(le->fnull);
	strbuf_release(&le->muted);
	/* What is held goes out in the session's modes, not the saved ones. */
	out_flush(le->s->out);
	if (le->have_saved) {
		tcsetattr(le->fd, TCSANOW, &le->saved);
		term_guard_remove(le->fd);
	}
	free(le);
}

/*
 * The prompt, written here as libedit writes it on a fresh row, then the
 * line's first key. When the rest of the line up to its Enter has come
 * with it (a script, a paste, type-ahead), every key plain and the line
 * short of the row's last column, libedit would only echo each key as it
 * is and then a newline (re_fastaddc, re_goto_bottom): that is done here
 * and the line returned, arena-owned. Otherwise the key goes back, NULL
 * is returned with *count 0, and libedit reads the line, its own prompt
 * muted; *count -1: the input ended. A line through libedit costs about
 * 10,000 instructions and five system calls more than this.
 */
static const char *
le_whole_line(struct session *s, int *count)
{
	struct lineedit	*le = s->le;
	const char	*prompt = session_prompt(s);
	size_t		 plen = strlen(prompt), i;
	unsigned char	 c;
	ssize_t		 n;
	char		*line;

	*count = 0;
	if (plen + 1 >= le->cols)
		return NULL;
	out_puts(s->out, prompt);
	le->prompted = true;
	do {
		n = session_read(s, &c, 1);
	} while (n == 1 && c == '\0');
	le->prompted = false;
	if (n != 1) {
		*count = -1;
		return NULL;
	}
	session_unread(s);
	for (i = s->ipos; i < s->ilen && plain_key((unsigned char)s->ibuf[i]);
	    i++)
		;
	if (i == s->ilen || (s->ibuf[i] != '\r' && s->ibuf[i] != '\n') ||
	    plen + (i - s->ipos) >= le->cols) {
		strbuf_reset(&le->muted);
		le->mute = true;
		return NULL;
	}
	out_raw(s->out, s->ibuf + s->ipos, i - s->ipos);
	out_puts(s->out, "\n");
	line = arena_strndup(&s->arena, s->ibuf + s->ipos, i - s->ipos);
	*count = (int)(i - s->ipos) + 1;
	s->ipos = i + 1;
	return line;
}

/*
 * [V] reference 6.2: what an ASA prints before the first prompt of a
 * login (console, SSH, Telnet). Terminals only: a batch transcript starts
 * with its first command.
 */
#define LOGIN_HELP "Type help or '?' for a list of available commands.\n"

int
lineedit_run(struct session *s)
{
	struct lineedit	*le = s->le;
	const char	*line;
	int		 count;

	out_puts(s->out, LOGIN_HELP);
	out_command_end(s->out);
	while (!s->quit) {
		le->interrupted = false;
		if (s->notices.len > 0)
			le_write_notices(s);
		if ((line = le_whole_line(s, &count)) == NULL) {
			if (count < 0)
				break;
			line = el_gets(le->el, &count);
			le->mute = false;	/* if it asked for no key */
			if (line == NULL || count <= 0)
				break;
			if (le->interrupted)
				continue;
		}
		/* The batch's limit, and its message. */
		if (strcspn(line, "\r\n") > SESSION_LINE_MAX) {
			out_printf(s->out, SESSION_MSG_TOO_LONG,
			    SESSION_LINE_MAX);
			out_command_end(s->out);
			s->failed = true;
			continue;
		}
		char *copy = arena_strndup(&s->arena, line, strcspn(line,
		    "\r\n"));

		if (*copy != '\0')
			history(le->hist, &le->ev, H_ENTER, copy);
		session_line(s, copy);
	}
	if (!s->quit)
		out_puts(s->out, "\n");
	return 0;
}

/* Terminal attributes for a key press or a secret: no echo, no lines. */
static int
raw_mode(int fd, struct termios *saved, bool canonical)
{
	struct termios	 t;

	if (tcgetattr(fd, saved) != 0)
		return -1;
	t = *saved;
	t.c_lflag &= ~(unsigned)(ECHO | (canonical ? 0 : ICANON));
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	return tcsetattr(fd, TCSANOW, &t);
}

int
lineedit_getkey(void *arg)
{
	struct session	*s = arg;
	struct termios	 saved;
	unsigned char	 c;
	ssize_t		 n;
	int		 ok = raw_mode(s->opts.in_fd, &saved, false) == 0;

	n = session_read(s, &c, 1);
	if (ok)
		tcsetattr(s->opts.in_fd, TCSANOW, &saved);
	return n == 1 ? c : -1;
}

/* Read a line byte by byte; a secret echoes '*' per character. */
const char *
lineedit_ask(struct session *s, const char *prompt, bool secret)
{
	struct strbuf	 sb;
	struct termios	 saved;
	unsigned char	 c;
	const char	*answer = NULL;
	int		 ok;

	out_puts(s->out, prompt);
	out_command_end(s->out);
	ok = raw_mode(s->opts.in_fd, &saved, false) == 0;
	strbuf_init(&sb, SESSION_LINE_MAX);
	while (session_read(s, &c, 1) == 1) {
		if (c == '\r' || c == '\n') {
			answer = arena_strndup(&s->arena, sb.buf, sb.len);
			break;
		}
		if (c == 0x7f || c == '\b') {
			if (sb.len > 0) {
				sb.buf[--sb.len] = '\0';
				out_puts(s->out, "\b \b");
			}
		} else if (c == 0x03 || c == 0x04)
			break;
		else {
			strbuf_add(&sb, (char *)&c, 1);
			out_write(s->out, secret ? "*" : (char *)&c, 1);
		}
		out_command_end(s->out);
	}
	if (ok)
		tcsetattr(s->opts.in_fd, TCSANOW, &saved);
	out_puts(s->out, "\n");
	out_command_end(s->out);
	strbuf_release(&sb);
	return answer;
}
