/* SPDX-License-Identifier: MIT */
/*
 * The "<--- More --->" pager of a tty sink (reference section 6.6):
 * after every lines - 1 lines, Space shows a page, Enter a line, 'q'
 * ends the command's output. The prompt is erased with "\r", blanks,
 * "\r": the emulator never writes escape sequences.
 */
#include "shell/shell.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "shell/shell_int.h"

static int	 pager_read_key(void);

/*
 * The key from standard input, in non-canonical mode without echo for
 * that one read when it is a terminal. -1 on EOF or error.
 */
static int
pager_read_key(void)
{
	struct termios	 saved, raw;
	unsigned char	 c;
	ssize_t		 n;
	bool		 tty;

	tty = tcgetattr(STDIN_FILENO, &saved) == 0;
	if (tty) {
		raw = saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	do
		n = read(STDIN_FILENO, &c, 1);
	while (n == -1 && errno == EINTR);
	if (tty)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return n == 1 ? c : -1;
}

void
out_pager_init(struct out_pager *p)
{
	memset(p, 0, sizeof *p);
}

void
out_pager_reset(struct out_pager *p)
{
	p->shown = 0;
	p->step = 0;
	p->quit = false;
}

void
out_pager_set(struct out *out, unsigned lines)
{
	out->pager.lines = lines;
}

unsigned
out_pager_get(const struct out *out)
{
	return out->pager.lines;
}

void
out_pager_keys(struct out *out, int (*getkey)(void *), void *arg)
{
	out->pager.getkey = getkey;
	out->pager.arg = arg;
}

bool
out_quit(const struct out *out)
{
	return out->pager.quit;
}

/*
 * The prompt shows only when another line is about to follow a full
 * page, so output that ends exactly on the page boundary is not held up.
 * Keys other than Space, Enter and q count as Space: IOS quits on them,
 * ASA's behaviour is not captured.
 */
bool
out_pager_admit(struct out *out)
{
	struct out_pager	*p = &out->pager;
	char			 erase[sizeof OUT_MORE_PROMPT + 1];
	unsigned		 limit;
	int			 key;

	if (p->quit)
		return false;
	if (!out->tty || p->lines == 0)
		return true;
	limit = p->step != 0 ? p->step : (p->lines > 1 ? p->lines - 1 : 1);
	if (p->shown < limit)
		return true;

	out_raw(out, OUT_MORE_PROMPT, strlen(OUT_MORE_PROMPT));
	out_flush(out);
	key = p->getkey != NULL ? p->getkey(p->arg) : pager_read_key();

	erase[0] = '\r';
	memset(erase + 1, ' ', strlen(OUT_MORE_PROMPT));
	erase[sizeof erase - 1] = '\r';
	out_raw(out, erase, sizeof erase);

	p->shown = 0;
	switch (key) {
	case -1:
	case 'q':
	case 'Q':
		p->quit = true;
		out_flush(out);
		return false;
	case '\r':
	case '\n':
		p->step = 1;
		break;
	default:
		p->step = 0;
		break;
	}
	return true;
}
