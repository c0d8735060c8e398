/* SPDX-License-Identifier: MIT */
/*
 * asaemu attach on a real pseudo-terminal: the device does the terminal
 * work on the descriptors it was handed, and however the session ends
 * (exit, the device stopped, the device killed with SIGKILL) the thin
 * client gives the terminal back as it found it: the same modes, no
 * O_NONBLOCK left behind, and an exit status that says what happened.
 */
#include <fcntl.h>
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

struct lab {
	char	 dir[64];
	pid_t	 device;
};

struct client {
	pid_t	 pid;
	int	 master, slave;
	char	 buf[16384];
	size_t	 len;
	struct termios before;
};

static void
run(const char *fmt, ...)
{
	char	 cmd[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

/* A detached device fw1 in a new lab, in the foreground of a child. */
static int
lab_setup(void **state)
{
	struct lab	*l = calloc(1, sizeof *l);
	const char	*bin = getenv("ASAEMU_BIN");

	assert_non_null(bin);
	snprintf(l->dir, sizeof l->dir, "/tmp/asaemu-attach.XXXXXX");
	assert_non_null(mkdtemp(l->dir));
	l->device = fork();
	assert_true(l->device != -1);
	if (l->device == 0) {
		execl(bin, bin, "--lab", l->dir, "--name", "fw1", "--detach",
		    "--no-daemon", "--clock", "2013-03-01T12:00:00Z",
		    (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100; i++) {
		char	 path[128];

		snprintf(path, sizeof path, "%s/fw1/.private/attach.sock",
		    l->dir);
		if (access(path, F_OK) == 0)
			break;
		usleep(20000);
	}
	*state = l;
	return 0;
}

static int
lab_teardown(void **state)
{
	struct lab	*l = *state;

	if (l->device > 0) {
		kill(l->device, SIGKILL);
		waitpid(l->device, NULL, 0);
	}
	run("rm -rf %s", l->dir);
	free(l);
	return 0;
}

/* asaemu attach on a new pty; the parent keeps both sides. */
static void
client_start(struct client *c, const struct lab *l)
{
	const char	*bin = getenv("ASAEMU_BIN");
	struct winsize	 ws = { .ws_row = 24, .ws_col = 80 };

	memset(c, 0, sizeof *c);
	assert_int_equal(openpty(&c->master, &c->slave, NULL, NULL, &ws), 0);
	assert_int_equal(tcgetattr(c->slave, &c->before), 0);
	c->pid = fork();
	assert_true(c->pid != -1);
	if (c->pid == 0) {
		setsid();
		ioctl(c->slave, TIOCSCTTY, 0);
		dup2(c->slave, 0);
		dup2(c->slave, 1);
		close(c->master);
		execl(bin, bin, "attach", "--lab", l->dir, "--name", "fw1",
		    (char *)NULL);
		_exit(127);
	}
}

/* Read the master until needle shows, 5 s at most. */
static bool
client_wait(struct client *c, const char *needle)
{
	for (int waited = 0; waited < 5000; waited += 10) {
		struct pollfd pfd = { .fd = c->master, .events = POLLIN };
		ssize_t	 n;

		c->buf[c->len] = '\0';
		if (strstr(c->buf, needle) != NULL)
			return true;
		if (poll(&pfd, 1, 10) <= 0)
			continue;
		n = read(c->master, c->buf + c->len,
		    sizeof c->buf - 1 - c->len);
		if (n <= 0)
			break;
		c->len += (size_t)n;
	}
	print_error("wanted \"%s\"; the terminal showed:\n%s\n", needle,
	    c->buf);
	return false;
}

static void
client_send(struct client *c, const char *keys)
{
	assert_int_equal(write(c->master, keys, strlen(keys)),
	    (ssize_t)strlen(keys));
}

/* The client's exit status, 5 s at most. */
static int
client_status(struct client *c)
{
	int	 st;

	for (int i = 0; i < 500; i++) {
		char	 sink[4096];

		if (waitpid(c->pid, &st, WNOHANG) == c->pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
		/* Keep the pty drained so the client never blocks. */
		struct pollfd pfd = { .fd = c->master, .events = POLLIN };

		if (poll(&pfd, 1, 10) > 0 && read(c->master, sink,
		    sizeof sink) <= 0)
			usleep(10000);
	}
	kill(c->pid, SIGKILL);
	waitpid(c->pid, NULL, 0);
	return -1;
}

/* The terminal's modes and flags as the client found them. */
static void
client_check_restored(struct client *c)
{
	struct termios	 after;

	assert_int_equal(tcgetattr(c->slave, &after), 0);
	assert_int_equal(after.c_lflag, c->before.c_lflag);
	assert_int_equal(after.c_iflag, c->before.c_iflag);
	assert_int_equal(after.c_oflag, c->before.c_oflag);
	assert_int_equal(fcntl(c->slave, F_GETFL) & O_NONBLOCK, 0);
	close(c->master);
	close(c->slave);
}

static void
test_attach__session_runs_and_exits_with_its_status(void **state)
{
	struct client	 c;

	client_start(&c, *state);
	assert_true(client_wait(&c, "ciscoasa> "));
	client_send(&c, "show curpriv\r");
	assert_true(client_wait(&c, "Current privilege level : 1"));
	client_send(&c, "exit\r");
	assert_int_equal(client_status(&c), 0);
	client_check_restored(&c);
}

static void
test_attach__killed_device_gives_the_terminal_back(void **state)
{
	struct lab	*l = *state;
	struct client	 c;

	client_start(&c, l);
	assert_true(client_wait(&c, "ciscoasa> "));
	client_send(&c, "en\r\rconf t\r");
	assert_true(client_wait(&c, "ciscoasa(config)# "));
	kill(l->device, SIGKILL);
	waitpid(l->device, NULL, 0);
	l->device = -1;
	assert_int_equal(client_status(&c), 2);
	client_check_restored(&c);
}

static void
test_attach__stopped_device_ends_the_session(void **state)
{
	struct lab	*l = *state;
	struct client	 c;
	int		 st;

	client_start(&c, l);
	assert_true(client_wait(&c, "ciscoasa> "));
	run("%s stop --lab %s fw1", getenv("ASAEMU_BIN"), l->dir);
	assert_int_equal(waitpid(l->device, &st, 0), l->device);
	l->device = -1;
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	/* The session saw the end of its input: status 0, no ERROR. */
	assert_int_equal(client_status(&c), 0);
	client_check_restored(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_attach__session_runs_and_exits_with_its_status,
		    lab_setup, lab_teardown),
		cmocka_unit_test_setup_teardown(
		    test_attach__killed_device_gives_the_terminal_back,
		    lab_setup, lab_teardown),
		cmocka_unit_test_setup_teardown(
		    test_attach__stopped_device_ends_the_session,
		    lab_setup, lab_teardown),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests_name("attach", tests, NULL, NULL);
}
