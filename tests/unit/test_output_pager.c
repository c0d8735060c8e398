/* SPDX-License-Identifier: MIT */
/*
 * The "<--- More --->" pager of the output sink, driven by scripted keys
 * on a buffer that behaves as a tty and on a real terminal descriptor.
 */
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


#include "output_fixture.h"

#define MORE	"<--- More --->"
#define ERASE	"\r              \r"
#define PAGE	MORE ERASE

#define SAMPLE	"alpha one\nbeta two\ngamma three\nalpha four\n"

/* Keys fed to the pager; -1 once they run out. */
struct keys {
	const char	*s;
	size_t		 pos;
	int		 calls;
};

static int
keys_next(void *arg)
{
	struct keys	*k = arg;

	k->calls++;
	if (k->s[k->pos] == '\0')
		return -1;
	return (unsigned char)k->s[k->pos++];
}

static int
keys_never(void *arg)
{
	(void)arg;
	fail_msg("the pager asked for a key");
	return -1;
}

static void
test_output__pager_page_size(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "  " };

	(void)state;
	out_pager_set(out, 4);
	assert_int_equal(out_pager_get(out), 4);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 8);
	assert_string_equal(out_buffer(out),
	    "l1\r\nl2\r\nl3\r\n" PAGE
	    "l4\r\nl5\r\nl6\r\n" PAGE
	    "l7\r\nl8\r\n");
	assert_int_equal(k.calls, 2);
	assert_false(out_quit(out));
	out_free(out);
}

static void
test_output__pager_no_prompt_at_page_end(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "" };

	(void)state;
	out_pager_set(out, 4);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 3);
	out_command_end(out);
	assert_string_equal(out_buffer(out), "l1\r\nl2\r\nl3\r\n");
	assert_int_equal(k.calls, 0);
	out_free(out);
}

static void
test_output__pager_enter_shows_one_line(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "\r\n " };

	(void)state;
	out_pager_set(out, 4);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 8);
	assert_string_equal(out_buffer(out),
	    "l1\r\nl2\r\nl3\r\n" PAGE
	    "l4\r\n" PAGE
	    "l5\r\n" PAGE
	    "l6\r\nl7\r\nl8\r\n");
	out_free(out);
}

static void
test_output__pager_other_key_is_space(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "x" };

	(void)state;
	out_pager_set(out, 3);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 4);
	assert_string_equal(out_buffer(out),
	    "l1\r\nl2\r\n" PAGE "l3\r\nl4\r\n");
	out_free(out);
}

static void
test_output__pager_q_drops_rest(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "q" };

	(void)state;
	out_pager_set(out, 3);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 6);
	assert_true(out_quit(out));
	out_puts(out, "more\n");
	out_puts(out, "partial");
	assert_string_equal(out_buffer(out), "l1\r\nl2\r\n" PAGE);
	assert_int_equal(k.calls, 1);

	/* The next command starts a fresh page. */
	out_command_end(out);
	assert_false(out_quit(out));
	assert_string_equal(out_buffer(out), "l1\r\nl2\r\n" PAGE);
	out_buffer_reset(out);
	write_lines(out, 1, 2);
	assert_string_equal(out_buffer(out), "l1\r\nl2\r\n");
	out_free(out);
}

static void
test_output__pager_capital_q_quits(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = " Q" };

	(void)state;
	out_pager_set(out, 2);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 5);
	assert_true(out_quit(out));
	assert_string_equal(out_buffer(out), "l1\r\n" PAGE "l2\r\n" PAGE);
	out_free(out);
}

static void
test_output__pager_eof_quits(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "" };

	(void)state;
	out_pager_set(out, 3);
	out_pager_keys(out, keys_next, &k);
	write_lines(out, 1, 6);
	assert_true(out_quit(out));
	assert_string_equal(out_buffer(out), "l1\r\nl2\r\n" PAGE);
	out_command_end(out);
	assert_false(out_quit(out));
	out_free(out);
}

static void
test_output__pager_quit_drops_filtered_partial_line(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "q" };
	char		*cause = NULL;

	(void)state;
	out_pager_set(out, 2);
	out_pager_keys(out, keys_next, &k);
	assert_int_equal(out_filter_set(out, "include a", &cause), 0);
	out_puts(out, "a1\nb\na2\na3");
	out_command_end(out);
	assert_string_equal(out_buffer(out), "a1\r\n" PAGE);
	out_free(out);
}

static void
test_output__pager_counts_filtered_lines(void **state)
{
	struct out	*out = out_new_buffer_tty();
	struct keys	 k = { .s = "" };
	char		*cause = NULL;

	(void)state;
	out_pager_set(out, 3);
	out_pager_keys(out, keys_next, &k);
	assert_int_equal(out_filter_set(out, "exclude skip", &cause), 0);
	out_puts(out, "l1\nskip\nskip\nl2\nskip\n");
	out_command_end(out);
	assert_string_equal(out_buffer(out), "l1\r\nl2\r\n");
	assert_int_equal(k.calls, 0);
	out_free(out);
}

static void
test_output__pager_off_with_zero_lines(void **state)
{
	struct out	*out = out_new_buffer_tty();

	(void)state;
	out_pager_keys(out, keys_never, NULL);
	out_pager_set(out, 0);
	write_lines(out, 1, 100);
	assert_false(out_quit(out));
	assert_null(strstr(out_buffer(out), MORE));
	out_free(out);
}

static void
test_output__no_pager_on_non_tty(void **state)
{
	struct out	*out = out_new_buffer();
	struct out	*pipe_out;
	int		 fds[2];
	char		*got;

	(void)state;
	out_pager_set(out, 4);
	out_pager_keys(out, keys_never, NULL);
	write_lines(out, 1, 10);
	assert_null(strstr(out_buffer(out), MORE));
	out_free(out);

	assert_int_equal(pipe(fds), 0);
	pipe_out = out_new_fd(fds[1], false);
	out_pager_set(pipe_out, 2);
	out_pager_keys(pipe_out, keys_never, NULL);
	write_lines(pipe_out, 1, 3);
	out_free(pipe_out);
	close(fds[1]);
	got = pipe_slurp(fds[0]);
	close(fds[0]);
	assert_string_equal(got, "l1\nl2\nl3\n");
	free(got);
}

static void
test_output__pager_on_tty_fd(void **state)
{
	struct out	*out;
	struct keys	 k = { .s = " " };
	int		 fds[2];
	char		*got;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	out = out_new_fd(fds[1], true);
	out_pager_set(out, 2);
	out_pager_keys(out, keys_next, &k);
	out_puts(out, "l1\nl2\n");
	out_command_end(out);
	out_free(out);
	close(fds[1]);
	got = pipe_slurp(fds[0]);
	close(fds[0]);
	assert_string_equal(got, "l1\r\n" PAGE "l2\r\n");
	free(got);
}

/* A pager key reader that records what the pipe showed before the read. */
struct seen {
	int	 fd;
	char	*text;
};

static int
keys_look(void *arg)
{
	struct seen	*s = arg;

	free(s->text);
	s->text = pipe_now(s->fd);
	return ' ';
}

static void
test_output__pager_prompt_written_before_key(void **state)
{
	struct out	*out;
	struct seen	 seen = { .fd = -1 };
	int		 fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	seen.fd = fds[0];
	out = out_new_fd(fds[1], true);
	out_pager_set(out, 3);
	out_pager_keys(out, keys_look, &seen);
	write_lines(out, 1, 3);
	assert_non_null(seen.text);
	assert_string_equal(seen.text, "l1\r\nl2\r\n" MORE);
	assert_pipe_now(fds[0], "");
	out_command_end(out);
	assert_pipe_now(fds[0], ERASE "l3\r\n");
	free(seen.text);
	out_free(out);
	close(fds[1]);
	close(fds[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output__pager_page_size),
		cmocka_unit_test(test_output__pager_no_prompt_at_page_end),
		cmocka_unit_test(test_output__pager_enter_shows_one_line),
		cmocka_unit_test(test_output__pager_other_key_is_space),
		cmocka_unit_test(test_output__pager_q_drops_rest),
		cmocka_unit_test(test_output__pager_capital_q_quits),
		cmocka_unit_test(test_output__pager_eof_quits),
		cmocka_unit_test(
		    test_output__pager_quit_drops_filtered_partial_line),
		cmocka_unit_test(test_output__pager_counts_filtered_lines),
		cmocka_unit_test(test_output__pager_off_with_zero_lines),
		cmocka_unit_test(test_output__no_pager_on_non_tty),
		cmocka_unit_test(test_output__pager_on_tty_fd),
		cmocka_unit_test(test_output__pager_prompt_written_before_key),
	};

	return cmocka_run_group_tests_name("output_pager", tests, NULL, NULL);
}
