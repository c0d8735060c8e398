/* SPDX-License-Identifier: MIT */
/*
 * Output sink test helpers (output_fixture.h).
 */
#include "output_fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cmocka.h>

#include "shell/shell.h"
#include "shell/shell_int.h"

void
write_lines(struct out *out, int from, int to)
{
	for (int i = from; i <= to; i++)
		out_printf(out, "l%d\n", i);
}

/* Everything readable from a pipe's read end (the write end closed). */
char *
pipe_slurp(int fd)
{
	struct strbuf	 sb;
	char		 buf[256];
	char		*text;
	ssize_t		 n;

	strbuf_init(&sb, 0);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		strbuf_add(&sb, buf, (size_t)n);
	assert_true(n == 0);
	text = strbuf_take(&sb);
	strbuf_release(&sb);
	return text;
}

/*
 * What a pipe's read end holds at this moment (nothing written yet: ""),
 * the write end still open; the caller frees.
 */
char *
pipe_now(int fd)
{
	struct pollfd	 pfd = { .fd = fd, .events = POLLIN };
	struct strbuf	 sb;
	char		 buf[256];
	char		*text;
	ssize_t		 n;

	strbuf_init(&sb, 0);
	while (poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN)) {
		n = read(fd, buf, sizeof buf);
		assert_true(n > 0);
		strbuf_add(&sb, buf, (size_t)n);
	}
	text = strbuf_take(&sb);
	strbuf_release(&sb);
	return text;
}

/* pipe_now() is want. */
void
assert_pipe_now(int fd, const char *want)
{
	char	*got = pipe_now(fd);

	assert_string_equal(got, want);
	free(got);
}
