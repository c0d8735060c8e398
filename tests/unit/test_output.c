/* SPDX-License-Identifier: MIT */
/*
 * The output sink: line endings per sink kind, the '|' filters and their
 * errors, partial lines at the end of a command, and when an fd sink
 * writes (the pager: test_output_pager.c).
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

#define SAMPLE	"alpha one\nbeta two\ngamma three\nalpha four\n"

/* The text of out after a filter on SAMPLE. */
static void
assert_filtered(const char *spec, const char *want)
{
	struct out	*out = out_new_buffer();
	char		*cause = NULL;

	if (out_filter_set(out, spec, &cause) != 0)
		fail_msg("filter \"%s\": %s", spec, cause);
	out_puts(out, SAMPLE);
	out_command_end(out);
	if (strcmp(out_buffer(out), want) != 0)
		fail_msg("filter \"%s\": got \"%s\", want \"%s\"", spec,
		    out_buffer(out), want);
	out_free(out);
}

/* out_filter_set_at() fails with the given message and caret. */
static void
assert_filter_error(const char *spec, const char *msg, size_t caret)
{
	struct out	*out = out_new_buffer();
	char		*cause = NULL;
	size_t		 at = 12345;

	assert_int_equal(out_filter_set_at(out, spec, &at, &cause), -1);
	assert_non_null(cause);
	if (strcmp(cause, msg) != 0 || at != caret)
		fail_msg("filter \"%s\": got \"%s\" at %zu, want \"%s\" at %zu",
		    spec, cause, at, msg, caret);
	free(cause);

	/* No filter was installed. */
	out_puts(out, SAMPLE);
	assert_string_equal(out_buffer(out), SAMPLE);
	out_free(out);
}

static void
test_output__buffer_writes_lf(void **state)
{
	struct out	*out = out_new_buffer();

	(void)state;
	out_puts(out, "a\nb\n");
	out_write(out, "c", 1);
	out_printf(out, "%d\n", 42);
	assert_string_equal(out_buffer(out), "a\nb\nc42\n");
	out_buffer_reset(out);
	assert_string_equal(out_buffer(out), "");
	out_puts(out, "d\n");
	assert_string_equal(out_buffer(out), "d\n");
	out_free(out);
}

static void
test_output__pipe_writes_lf(void **state)
{
	struct out	*out;
	int		 fds[2];
	char		*got;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	out = out_new_fd(fds[1], false);
	assert_null(out_buffer(out));
	out_puts(out, "a\nb\n");
	out_command_end(out);
	out_free(out);
	close(fds[1]);
	got = pipe_slurp(fds[0]);
	close(fds[0]);
	assert_string_equal(got, "a\nb\n");
	free(got);
}

static void
test_output__tty_writes_crlf(void **state)
{
	struct out	*out;
	int		 fds[2];
	char		*got;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	out = out_new_fd(fds[1], true);
	out_puts(out, "a\nb\n\npartial");
	out_command_end(out);
	out_free(out);
	close(fds[1]);
	got = pipe_slurp(fds[0]);
	close(fds[0]);
	assert_string_equal(got, "a\r\nb\r\n\r\npartial");
	free(got);
}

static void
test_output__printf_longer_than_stack_buffer(void **state)
{
	struct out	*out = out_new_buffer();
	char		*big = xmalloc(3001);
	char		*want;

	(void)state;
	memset(big, 'x', 3000);
	big[3000] = '\0';
	out_printf(out, "<%s>\n", big);
	xasprintf(&want, "<%s>\n", big);
	assert_string_equal(out_buffer(out), want);
	free(want);
	free(big);
	out_free(out);
}

static void
test_output__include(void **state)
{
	(void)state;
	assert_filtered("include alpha", "alpha one\nalpha four\n");
	assert_filtered("inc alpha", "alpha one\nalpha four\n");
	assert_filtered("i alpha", "alpha one\nalpha four\n");
	assert_filtered("  include \t alpha", "alpha one\nalpha four\n");
	assert_filtered("INCLUDE alpha", "alpha one\nalpha four\n");
	assert_filtered("include ^(beta|gamma) ", "beta two\ngamma three\n");
	assert_filtered("include nothing", "");
}

static void
test_output__exclude(void **state)
{
	(void)state;
	assert_filtered("exclude alpha", "beta two\ngamma three\n");
	assert_filtered("ex alpha", "beta two\ngamma three\n");
	assert_filtered("e alpha", "beta two\ngamma three\n");
}

static void
test_output__begin(void **state)
{
	(void)state;
	assert_filtered("begin beta", "beta two\ngamma three\nalpha four\n");
	assert_filtered("b beta", "beta two\ngamma three\nalpha four\n");
	assert_filtered("beg ^gamma", "gamma three\nalpha four\n");
	assert_filtered("begin nothing", "");
}

static void
test_output__grep(void **state)
{
	(void)state;
	assert_filtered("grep gamma", "gamma three\n");
	assert_filtered("g gamma", "gamma three\n");
	assert_filtered("grep -v alpha", "beta two\ngamma three\n");
	assert_filtered("gr   -v   alpha", "beta two\ngamma three\n");
	/* "-v" glued to more text is the regex itself. */
	assert_filtered("grep -vx", "");
}

static void
test_output__regex_with_spaces(void **state)
{
	(void)state;
	assert_filtered("include alpha f", "alpha four\n");
	assert_filtered("exclude a t", "alpha one\nalpha four\n");
	assert_filtered("grep -v a t", "alpha one\nalpha four\n");
	/* Trailing blanks belong to the regex. */
	assert_filtered("include two ", "");
}

static void
test_output__bad_keyword_has_offset(void **state)
{
	const char	*inv =
	    "ERROR: % Invalid input detected at '^' marker.";
	struct out	*out = out_new_buffer();
	char		*cause = NULL;

	(void)state;
	assert_filter_error("foo alpha", inv, 0);
	assert_filter_error("   foo alpha", inv, 3);
	assert_filter_error(" includes alpha", inv, 1);
	assert_filter_error(" -v alpha", inv, 1);

	/* The three-argument form gives the same message. */
	assert_int_equal(out_filter_set(out, " x y", &cause), -1);
	assert_string_equal(cause, inv);
	free(cause);
	out_free(out);
}

static void
test_output__missing_keyword_or_regex(void **state)
{
	const char	*inc = "ERROR: % Incomplete command";

	(void)state;
	assert_filter_error("", inc, OUT_NO_CARET);
	assert_filter_error("   ", inc, OUT_NO_CARET);
	assert_filter_error("include", inc, OUT_NO_CARET);
	assert_filter_error(" begin  ", inc, OUT_NO_CARET);
	assert_filter_error("grep -v", inc, OUT_NO_CARET);
	assert_filter_error("grep -v  ", inc, OUT_NO_CARET);
}

static void
test_output__bad_regex(void **state)
{
	const char	*re = "ERROR: Invalid regular expression";

	(void)state;
	assert_filter_error("include (", re, OUT_NO_CARET);
	assert_filter_error("exclude a[", re, OUT_NO_CARET);
	assert_filter_error("grep -v a{2", re, OUT_NO_CARET);
}

/* Patterns that would take regcomp gigabytes are refused before it. */
static void
test_output__regex_bounds(void **state)
{
	const char	*re = "ERROR: Invalid regular expression";
	char		 pat[160];

	(void)state;
	assert_filter_error("include x{256}", re, OUT_NO_CARET);
	assert_filter_error("include x++++++++++++++++++++", re, OUT_NO_CARET);
	assert_filter_error("include ((x{1,255}){1,255}){1,255}", re,
	    OUT_NO_CARET);
	assert_filter_error("include x{1,40000}", re, OUT_NO_CARET);
	assert_filter_error("include (((((((((x)))))))))", re, OUT_NO_CARET);
	assert_filter_error("include (a)\\1", re, OUT_NO_CARET);
	memset(pat, 0, sizeof pat);
	memcpy(pat, "include ", 8);
	memset(pat + 8, 'a', 101);
	assert_filter_error(pat, re, OUT_NO_CARET);

	/* What a person types still works, up to the bounds. */
	pat[8 + 100] = '\0';
	assert_filtered(pat, "");
	assert_filtered("include x{1,255}", "");
	assert_filtered("include (((((((( f))))))))", "alpha four\n");
	assert_filtered("include ^(alpha|beta) (one|t[wx]o)+$",
	    "alpha one\nbeta two\n");
	assert_filtered("include [[:digit:]]{1,3}|[{}]", "");
	assert_filtered("include (a|b){1,2}(e|l)",
	    "alpha one\nbeta two\nalpha four\n");
}

/* The largest patterns the bounds allow compile and run in little memory. */
static void
test_output__regex_memory_capped(void **state)
{
	static const char *const worst[] = {
		"include (x{1,14}){1,255}",
		"include x+++++++++++",
		"include (((((((([a-z]{1,255}))))))))",
		"include (a|b|c|d|e|f|g|h){1,255}z",
	};
	struct rusage	 ru;
	long		 before;
	pid_t		 pid;
	int		 status;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char	*line = calloc(1, 65536);
		long	 grew;

		memset(line, 'x', 65535);
		getrusage(RUSAGE_SELF, &ru);
		before = ru.ru_maxrss;
		for (size_t i = 0; i < sizeof worst / sizeof worst[0]; i++) {
			struct out	*out = out_new_buffer();
			char		*cause = NULL;

			if (out_filter_set(out, worst[i], &cause) != 0)
				_exit(3);
			out_puts(out, line);
			out_command_end(out);
			out_free(out);
		}
		getrusage(RUSAGE_SELF, &ru);
		grew = ru.ru_maxrss - before;	/* KiB */
		if (grew > 64 * 1024)
			fprintf(stderr, "filters grew by %ld KiB\n", grew);
		free(line);
		_exit(grew > 64 * 1024 ? 4 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void
test_output__bad_spec_keeps_old_filter(void **state)
{
	struct out	*out = out_new_buffer();
	char		*cause = NULL;

	(void)state;
	assert_int_equal(out_filter_set(out, "include gamma", &cause), 0);
	assert_int_equal(out_filter_set(out, "include (", &cause), -1);
	free(cause);
	out_puts(out, SAMPLE);
	assert_string_equal(out_buffer(out), "gamma three\n");
	out_free(out);
}

static void
test_output__lines_split_across_writes(void **state)
{
	struct out	*out = out_new_buffer();
	char		*cause = NULL;

	(void)state;
	assert_int_equal(out_filter_set(out, "include alpha", &cause), 0);
	out_puts(out, "alp");
	assert_string_equal(out_buffer(out), "");
	out_puts(out, "ha one\nbe");
	assert_string_equal(out_buffer(out), "alpha one\n");
	out_printf(out, "ta %s\n%s", "two", "alpha");
	out_puts(out, "\n");
	assert_string_equal(out_buffer(out), "alpha one\nalpha\n");
	out_free(out);
}

static void
test_output__partial_last_line_filtered_at_command_end(void **state)
{
	struct out	*out = out_new_buffer();
	char		*cause = NULL;

	(void)state;
	assert_int_equal(out_filter_set(out, "include x", &cause), 0);
	out_puts(out, "x1\ny2\nx3");
	assert_string_equal(out_buffer(out), "x1\n");
	out_command_end(out);
	assert_string_equal(out_buffer(out), "x1\nx3");

	out_buffer_reset(out);
	assert_int_equal(out_filter_set(out, "include x", &cause), 0);
	out_puts(out, "x1\ny2");
	out_command_end(out);
	assert_string_equal(out_buffer(out), "x1\n");
	out_free(out);
}

static void
test_output__filter_dropped_after_command_end(void **state)
{
	struct out	*out = out_new_buffer();
	char		*cause = NULL;

	(void)state;
	assert_int_equal(out_filter_set(out, "begin gamma", &cause), 0);
	out_puts(out, SAMPLE);
	out_command_end(out);
	assert_string_equal(out_buffer(out), "gamma three\nalpha four\n");
	out_buffer_reset(out);
	out_puts(out, SAMPLE);
	assert_string_equal(out_buffer(out), SAMPLE);

	/* begin starts over with the next command's filter. */
	out_command_end(out);
	out_buffer_reset(out);
	assert_int_equal(out_filter_set(out, "begin gamma", &cause), 0);
	out_puts(out, "alpha\ngamma\nbeta\n");
	assert_string_equal(out_buffer(out), "gamma\nbeta\n");
	out_free(out);
}

static void
test_output__fd_sink_writes_at_command_end(void **state)
{
	struct out	*out;
	int		 fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	out = out_new_fd(fds[1], false);
	write_lines(out, 1, 3);
	out_puts(out, "partial");
	assert_pipe_now(fds[0], "");
	out_command_end(out);
	assert_pipe_now(fds[0], "l1\nl2\nl3\npartial");
	out_command_end(out);
	assert_pipe_now(fds[0], "");
	out_free(out);
	close(fds[1]);
	close(fds[0]);
}

/*
 * An interactive session's sink: the end of a command does not write;
 * raw text (libedit's echo and prompt) and the command's output keep
 * their order and go in one write at the flush.
 */
static void
test_output__held_sink_writes_at_flush_only(void **state)
{
	struct out	*out;
	int		 fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	out = out_new_fd(fds[1], false);
	out_hold(out);
	out_raw(out, "show x\n", 7);
	write_lines(out, 1, 2);
	out_command_end(out);
	assert_pipe_now(fds[0], "");
	out_raw(out, "ciscoasa> ", 10);
	out_flush(out);
	assert_pipe_now(fds[0], "show x\nl1\nl2\nciscoasa> ");
	out_free(out);
	close(fds[1]);
	close(fds[0]);
}

static void
test_output__fd_sink_out_flush_writes_now(void **state)
{
	struct out	*out;
	struct out	*buf = out_new_buffer();
	char		*cause = NULL;
	int		 fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	out = out_new_fd(fds[1], false);
	out_puts(out, "Password: ");
	assert_pipe_now(fds[0], "");
	out_flush(out);
	assert_pipe_now(fds[0], "Password: ");
	out_flush(out);
	assert_pipe_now(fds[0], "");

	/* A filtered partial line waits for its end, as before. */
	assert_int_equal(out_filter_set(out, "include alpha", &cause), 0);
	out_puts(out, "beta\nalpha");
	out_flush(out);
	assert_pipe_now(fds[0], "");
	out_puts(out, " one\n");
	out_flush(out);
	assert_pipe_now(fds[0], "alpha one\n");
	out_free(out);
	close(fds[1]);
	close(fds[0]);

	/* A buffer sink keeps its text. */
	out_puts(buf, "kept");
	out_flush(buf);
	assert_string_equal(out_buffer(buf), "kept");
	out_free(buf);
}

/* Bytes in the file behind fd. */
static off_t
file_size(int fd)
{
	struct stat	 st;

	assert_int_equal(fstat(fd, &st), 0);
	return st.st_size;
}

static void
test_output__fd_sink_writes_early_at_64k(void **state)
{
	char		 path[] = "/tmp/asaemu-out-XXXXXX";
	char		 line[64];
	struct out	*out;
	size_t		 total = 0;
	int		 fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	unlink(path);
	out = out_new_fd(fd, false);
	memset(line, 'x', sizeof line - 1);
	line[sizeof line - 1] = '\n';
	while (total + sizeof line < 65536) {
		out_write(out, line, sizeof line);
		total += sizeof line;
	}
	assert_int_equal(file_size(fd), 0);
	out_write(out, line, sizeof line);
	total += sizeof line;
	assert_int_equal(file_size(fd), (off_t)total);
	out_write(out, line, sizeof line);
	assert_int_equal(file_size(fd), (off_t)total);
	out_free(out);
	assert_int_equal(file_size(fd), (off_t)(total + sizeof line));
	close(fd);
}

/* A pseudo-terminal: the slave's fd, the master in *master. */
static int
pty_open(int *master)
{
	int	 m, fd;

	assert_true((m = posix_openpt(O_RDWR | O_NOCTTY)) != -1);
	assert_int_equal(grantpt(m), 0);
	assert_int_equal(unlockpt(m), 0);
	assert_true((fd = open(ptsname(m), O_RDWR | O_NOCTTY)) != -1);
	*master = m;
	return fd;
}

/* The master reads exactly want (what the terminal's client gets). */
static void
assert_pty_read(int m, const char *want)
{
	struct pollfd	 pfd = { .fd = m, .events = POLLIN };
	char		 buf[256];
	size_t		 len = 0, n = strlen(want);
	ssize_t		 got;

	while (len < n && poll(&pfd, 1, 2000) == 1) {
		got = read(m, buf + len, sizeof buf - 1 - len);
		assert_true(got > 0);
		len += (size_t)got;
	}
	buf[len] = '\0';
	assert_string_equal(buf, want);
}

/* Set (on) or clear the oflag bits on the terminal fd. */
static void
pty_oflag(int fd, tcflag_t bits, bool on)
{
	struct termios	 t;

	assert_int_equal(tcgetattr(fd, &t), 0);
	if (on)
		t.c_oflag |= bits;
	else
		t.c_oflag &= ~bits;
	assert_int_equal(tcsetattr(fd, TCSANOW, &t), 0);
}

/*
 * Lines reach the client in exactly "\r\n" whatever the terminal does:
 * the sink adds the "\r" only where OPOST and ONLCR do not, and looks
 * again each time it starts a new batch of output.
 */
static void
test_output__tty_line_ends_follow_the_terminal(void **state)
{
	struct out	*out;
	int		 m, fd = pty_open(&m);

	(void)state;
	pty_oflag(fd, OPOST | ONLCR, true);
	out = out_new_fd(fd, true);
	out_puts(out, "a\n\nb\n");
	out_command_end(out);
	assert_pty_read(m, "a\r\n\r\nb\r\n");

	pty_oflag(fd, OPOST, false);
	out_puts(out, "c\n");
	out_command_end(out);
	assert_pty_read(m, "c\r\n");

	pty_oflag(fd, OPOST, true);
	pty_oflag(fd, ONLCR, false);
	out_puts(out, "d\n");
	out_command_end(out);
	assert_pty_read(m, "d\r\n");

	pty_oflag(fd, ONLCR, true);
	out_puts(out, "e\n");
	out_flush(out);
	assert_pty_read(m, "e\r\n");
	out_free(out);
	close(fd);
	close(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output__buffer_writes_lf),
		cmocka_unit_test(test_output__pipe_writes_lf),
		cmocka_unit_test(test_output__tty_writes_crlf),
		cmocka_unit_test(test_output__printf_longer_than_stack_buffer),
		cmocka_unit_test(test_output__include),
		cmocka_unit_test(test_output__exclude),
		cmocka_unit_test(test_output__begin),
		cmocka_unit_test(test_output__grep),
		cmocka_unit_test(test_output__regex_with_spaces),
		cmocka_unit_test(test_output__bad_keyword_has_offset),
		cmocka_unit_test(test_output__missing_keyword_or_regex),
		cmocka_unit_test(test_output__bad_regex),
		cmocka_unit_test(test_output__regex_bounds),
		cmocka_unit_test(test_output__regex_memory_capped),
		cmocka_unit_test(test_output__bad_spec_keeps_old_filter),
		cmocka_unit_test(test_output__lines_split_across_writes),
		cmocka_unit_test(
		    test_output__partial_last_line_filtered_at_command_end),
		cmocka_unit_test(test_output__filter_dropped_after_command_end),
		cmocka_unit_test(test_output__fd_sink_writes_at_command_end),
		cmocka_unit_test(test_output__fd_sink_out_flush_writes_now),
		cmocka_unit_test(test_output__held_sink_writes_at_flush_only),
		cmocka_unit_test(test_output__fd_sink_writes_early_at_64k),
		cmocka_unit_test(
		    test_output__tty_line_ends_follow_the_terminal),
	};

	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
