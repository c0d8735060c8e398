/* SPDX-License-Identifier: MIT */
/*
 * Key-level behaviour that batch mode cannot show, driven through a
 * pseudo-terminal as expect or netmiko would: '?' without Enter, Tab,
 * a single echo of every command, Ctrl-C, Ctrl-D, the pager keys, and
 * the bytes of a line end as the terminal's client receives them.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cmocka.h>

struct term {
	pid_t	 pid;
	int	 fd;
	char	 buf[65536];	/* everything read so far */
	size_t	 len;
	char	 flash[64];
};

static bool term_read(struct term *, size_t, const char *);

/* Read until needle appears after offset from; show what came if not. */
static bool
term_wait(struct term *t, size_t from, const char *needle)
{
	if (term_read(t, from, needle))
		return true;
	print_error("wanted \"%s\"; the terminal showed:\n%s\n", needle,
	    t->buf + from);
	return false;
}

/* What comes within ms: bytes read, 0 if none came, -1 at the end. */
static ssize_t
term_take(struct term *t, int ms)
{
	struct pollfd	 pfd = { .fd = t->fd, .events = POLLIN };
	ssize_t		 n;

	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	n = read(t->fd, t->buf + t->len, sizeof t->buf - 1 - t->len);
	if (n <= 0)
		return -1;
	t->len += (size_t)n;
	t->buf[t->len] = '\0';
	return n;
}

/* Read until needle appears after offset from, or 5 s pass. */
static bool
term_read(struct term *t, size_t from, const char *needle)
{
	t->buf[t->len] = '\0';
	for (int waited = 0; waited < 5000; waited += 10) {
		if (strstr(t->buf + from, needle) != NULL)
			return true;
		if (term_take(t, 10) < 0)
			return strstr(t->buf + from, needle) != NULL;
	}
	return false;
}

static void
term_send(struct term *t, const char *keys)
{
	assert_int_equal(write(t->fd, keys, strlen(keys)),
	    (ssize_t)strlen(keys));
}

static size_t
count(const char *hay, const char *needle)
{
	size_t	 n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static int
term_start(void **state)
{
	struct term	*t = calloc(1, sizeof *t);
	const char	*bin = getenv("ASAEMU_BIN");
	struct winsize	 ws = { .ws_row = 24, .ws_col = 80 };

	assert_non_null(bin);
	snprintf(t->flash, sizeof t->flash, "/tmp/asaemu-pty-XXXXXX");
	assert_non_null(mkdtemp(t->flash));
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	assert_true(t->pid >= 0);
	if (t->pid == 0) {
		setenv("TERM", "xterm", 1);
		execl(bin, bin, "--clock", "2013-03-01T12:00:00Z", "--flash",
		    t->flash, (char *)NULL);
		_exit(127);
	}
	*state = t;
	assert_true(term_wait(t, 0, "ciscoasa> "));
	return 0;
}

static int
term_stop(void **state)
{
	struct term	*t = *state;
	char		 cmd[96];
	int		 status;

	kill(t->pid, SIGTERM);
	waitpid(t->pid, &status, 0);
	close(t->fd);
	snprintf(cmd, sizeof cmd, "rm -rf %s", t->flash);
	if (system(cmd) != 0)
		return -1;
	free(t);
	return 0;
}

/* A login begins as an ASA's does (reference 6.2 [V]). */
static void
test_pty__login_line_before_the_first_prompt(void **state)
{
	struct term	*t = *state;

	assert_non_null(strstr(t->buf, "Type help or '?' for a list of "
	    "available commands.\r\nciscoasa> "));
}

static void
test_pty__question_mark_acts_without_enter(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	term_send(t, "show ?");
	assert_true(term_wait(t, from, "exec mode commands/options:"));
	assert_true(term_wait(t, from, "clock"));
	/* The prompt comes back with the typed text. */
	assert_true(term_wait(t, from, "ciscoasa> show "));
}

static void
test_pty__tab_completes_a_unique_word(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	/* libedit redraws the line; only the completed text is certain. */
	term_send(t, "show cu\t");
	assert_true(term_wait(t, from, "rpriv "));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "Current privilege level : 1"));
}

static void
test_pty__tab_completes_after_a_literal_tab(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	/* Ctrl-V Tab types a tab; the word starts after it. */
	term_send(t, "show\x16\tversio\t");
	assert_true(term_wait(t, from, "n "));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "Hardware:"));
	assert_null(strstr(t->buf + from, "ERROR"));
}

static void
test_pty__command_is_echoed_once(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	/* Type-ahead: both lines arrive before the first one runs. */
	term_send(t, "show clock\rshow curpriv\r");
	assert_true(term_wait(t, from, "P_UNPR"));
	assert_true(term_wait(t, from, "ciscoasa> "));
	assert_int_equal(count(t->buf + from, "show clock"), 1);
	assert_int_equal(count(t->buf + from, "show curpriv"), 1);
}

static void
test_pty__ctrl_c_abandons_the_line(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	term_send(t, "show nonsense\x03");
	assert_true(term_wait(t, from, "ciscoasa> "));
	term_send(t, "show curpriv\r");
	assert_true(term_wait(t, from, "P_UNPR"));
	assert_null(strstr(t->buf + from, "ERROR"));
}

/* Ctrl-C on a part-typed line: the next prompt starts a new line. */
static void
test_pty__ctrl_c_starts_a_new_line(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	term_send(t, "show cl\x03");
	assert_true(term_wait(t, from, "show cl\r\nciscoasa> "));
}

/* A NUL byte is no key: the Enter after it and the next line count. */
static void
test_pty__nul_costs_no_command(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	term_send(t, "");
	assert_int_equal(write(t->fd, "\0", 1), 1);
	term_send(t, "\r");
	assert_true(term_wait(t, from, "\r\nciscoasa> "));
	term_send(t, "show curpriv\r");
	assert_true(term_wait(t, from, "P_UNPR"));
}

/*
 * A command longer than the window echoes as typed, without libedit's
 * " \b" at the edge (TERM=xterm has the glitch it works around).
 */
static void
test_pty__long_command_echoes_clean(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;
	const char	*cmd = "show curpriv | include xxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

	term_send(t, cmd);
	term_send(t, "\r");
	assert_true(term_wait(t, from, "ciscoasa> "));
	assert_non_null(strstr(t->buf + from, cmd));
	assert_null(strstr(t->buf + from, " \b"));
}

/*
 * terminal width N: the line being typed wraps at N (libedit's width);
 * the client's window keeps its own size.
 */
static void
test_pty__terminal_width_wraps_the_line(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;
	struct winsize	 ws;

	term_send(t, "enable\r");
	assert_true(term_wait(t, from, "Password: "));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "ciscoasa# "));
	from = t->len;
	term_send(t, "terminal width 40\r");
	assert_true(term_wait(t, from, "ciscoasa# "));
	from = t->len;
	/* "ciscoasa# " and 30 more columns fill the row; the 31st wraps. */
	term_send(t, "show curpriv | include xxxxxxxy");
	assert_true(term_wait(t, from, "xxxxxxx\r"));
	assert_true(term_wait(t, from, "\ny"));
	term_send(t, "\x03");
	from = t->len;
	term_send(t, "show terminal\r");
	assert_true(term_wait(t, from, "Width = 40, no monitor"));
	assert_int_equal(ioctl(t->fd, TIOCGWINSZ, &ws), 0);
	assert_int_equal(ws.ws_col, 80);
}

/* Read until nothing more comes for 200 ms after a prompt; the new text. */
static const char *
term_quiet(struct term *t, size_t from)
{
	ssize_t	 n;

	for (int waited = 0; waited < 5000; waited += 200) {
		if ((n = term_take(t, 200)) < 0)
			break;
		if (n == 0 && t->len >= from + 2 &&
		    (memcmp(t->buf + t->len - 2, "> ", 2) == 0 ||
		    memcmp(t->buf + t->len - 2, "# ", 2) == 0))
			break;
	}
	t->buf[t->len] = '\0';
	return t->buf + from;
}

/* Type keys one at a time, each once the one before has been echoed. */
static void
term_type(struct term *t, const char *keys)
{
	for (const char *k = keys; *k != '\0'; k++) {
		char	 one[2] = { *k, '\0' };

		term_send(t, one);
		for (int waited = 0; waited < 5000; waited += 10) {
			if (term_take(t, 10) != 0)
				break;
		}
	}
}

/* line typed at once, then key by key: the terminal shows the same. */
static void
assert_at_once_as_typed(struct term *t, const char *line)
{
	char	 keys[128], *at_once;
	size_t	 from;

	snprintf(keys, sizeof keys, "%s\r", line);
	from = t->len;
	term_send(t, keys);
	at_once = strdup(term_quiet(t, from));
	from = t->len;
	term_type(t, keys);
	assert_string_equal(term_quiet(t, from), at_once);
	free(at_once);
}

/* A line of n keys: "show curpriv | include " and x's. */
static const char *
include_line(char *buf, size_t n)
{
	const char	*head = "show curpriv | include ";
	size_t		 len = strlen(head);

	memcpy(buf, head, len);
	memset(buf + len, 'x', n - len);
	buf[n] = '\0';
	return buf;
}

/*
 * A line that arrives whole is handed to libedit whole (le_take_line) and
 * must echo byte for byte as the same line typed a key at a time: short,
 * one column short of the window's edge, at the edge, with a key that
 * acts ('?'), and at a terminal width of 40.
 */
static void
test_pty__line_at_once_echoes_as_typed(void **state)
{
	struct term	*t = *state;
	char		 buf[96];

	assert_at_once_as_typed(t, "show curpriv");
	/* "ciscoasa> " and 69 keys leave the last column free; 70 fill it. */
	assert_at_once_as_typed(t, include_line(buf, 69));
	assert_at_once_as_typed(t, include_line(buf, 70));
	assert_at_once_as_typed(t, include_line(buf, 75));
	assert_at_once_as_typed(t, "show cu?rpriv");
	assert_at_once_as_typed(t, "");
	term_send(t, "enable\r");
	assert_true(term_wait(t, 0, "Password: "));
	term_send(t, "\r");
	(void)term_quiet(t, t->len);
	assert_at_once_as_typed(t, "terminal width 40");
	/* "ciscoasa# " and 29 keys, then 30 and 31. */
	assert_at_once_as_typed(t, include_line(buf, 29));
	assert_at_once_as_typed(t, include_line(buf, 30));
	assert_at_once_as_typed(t, include_line(buf, 31));
}

/* A line taken whole (not through libedit's keys) is in the history. */
static void
test_pty__up_arrow_recalls_a_line_typed_at_once(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	term_send(t, "show curpriv\r");
	assert_true(term_wait(t, from, "P_UNPR"));
	assert_true(term_wait(t, from, "\r\nciscoasa> "));
	from = t->len;
	term_send(t, "\x1b[A");
	assert_true(term_wait(t, from, "show curpriv"));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "P_UNPR"));
}

static void
test_pty__pager_keys(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len;

	term_send(t, "enable\r");
	assert_true(term_wait(t, from, "Password: "));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "ciscoasa# "));
	from = t->len;
	term_send(t, "terminal pager 3\rshow running-config\r");
	assert_true(term_wait(t, from, "<--- More --->"));
	from = t->len;
	/* Enter: one more line, then the prompt again. */
	term_send(t, "\r");
	assert_true(term_wait(t, from, "<--- More --->"));
	from = t->len;
	term_send(t, "q");
	assert_true(term_wait(t, from, "ciscoasa# "));
	assert_null(strstr(t->buf + from, ": end"));
}

/*
 * Each "\n" in s[0..n) ends a line in exactly "\r\n": the pty's own
 * ONLCR adds a "\r" to a "\r\n" written by the sink ("\r\r\n", an empty
 * line after each one in Ansible's stdout_lines). At least min lines.
 */
static void
assert_one_crlf_per_line(const char *s, size_t n, size_t min)
{
	size_t	 lines = 0, start = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\n')
			continue;
		lines++;
		if (i == 0 || s[i - 1] != '\r' || (i >= 2 && s[i - 2] == '\r'))
			fail_msg("line %zu ends in %s: \"%.*s\"", lines,
			    i >= 2 && s[i - 2] == '\r' ? "\\r\\r\\n" :
			    "a bare \\n", (int)(i - start), s + start);
		start = i + 1;
	}
	if (lines < min)
		fail_msg("%zu lines, wanted at least %zu", lines, min);
}

static void
test_pty__lines_end_in_one_crlf(void **state)
{
	struct term	*t = *state;
	size_t		 from = t->len, err;
	const char	*end;

	term_send(t, "enable\r");
	assert_true(term_wait(t, from, "Password: "));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "ciscoasa# "));
	from = t->len;
	term_send(t, "terminal pager 0\r");
	assert_true(term_wait(t, from, "ciscoasa# "));

	/* A command's output, a '?' listing and a parser error. */
	from = t->len;
	term_send(t, "show version\r");
	assert_true(term_wait(t, from, "since last system restart."));
	assert_true(term_wait(t, from, "ciscoasa# "));
	term_send(t, "show ?");
	assert_true(term_wait(t, from, "exec mode commands/options:"));
	assert_true(term_wait(t, from, "ciscoasa# show "));
	term_send(t, "\r");
	assert_true(term_wait(t, from, "Incomplete command"));
	err = (size_t)(strstr(t->buf + from, "Incomplete command") - t->buf);
	assert_true(term_wait(t, err, "ciscoasa# "));
	end = strstr(t->buf + err, "ciscoasa# ");
	assert_one_crlf_per_line(t->buf + from, (size_t)(end - t->buf) - from,
	    40);
}

static void
test_pty__ctrl_d_on_empty_line_leaves(void **state)
{
	struct term	*t = *state;
	int		 status;

	term_send(t, "\x04");
	for (int waited = 0; waited < 5000; waited += 10) {
		if (waitpid(t->pid, &status, WNOHANG) == t->pid)
			break;
		status = -1;
		usleep(10000);
	}
	assert_int_not_equal(status, -1);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* term_stop's kill and waitpid then find nothing: fine. */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_pty__login_line_before_the_first_prompt, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__question_mark_acts_without_enter, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__tab_completes_a_unique_word, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__tab_completes_after_a_literal_tab, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__command_is_echoed_once, term_start, term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__ctrl_c_abandons_the_line, term_start, term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__ctrl_c_starts_a_new_line, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__nul_costs_no_command, term_start, term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__long_command_echoes_clean, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__terminal_width_wraps_the_line, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__line_at_once_echoes_as_typed, term_start,
		    term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__up_arrow_recalls_a_line_typed_at_once,
		    term_start, term_stop),
		cmocka_unit_test_setup_teardown(test_pty__pager_keys,
		    term_start, term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__lines_end_in_one_crlf, term_start, term_stop),
		cmocka_unit_test_setup_teardown(
		    test_pty__ctrl_d_on_empty_line_leaves, term_start,
		    term_stop),
	};

	return cmocka_run_group_tests_name("pty", tests, NULL, NULL);
}
