/* SPDX-License-Identifier: MIT */
/*
 * The lab folder and its simulated network (device/lab_net.c): listen,
 * connect and accept on simulated addresses, refused connections, address
 * in use, stale sockets left by killed processes, over-long paths and the
 * list of running devices.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "device/lab.h"
#include "lab_fixture.h"
#include "util/util.h"

#define IP(a, b, c, d)	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | \
			    (uint32_t)(c) << 8 | (uint32_t)(d))
#define R1		IP(10, 1, 1, 1)
#define PORT		50554

static void
assert_flags(int fd)
{
	assert_true(fcntl(fd, F_GETFL) & O_NONBLOCK);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
}

static void
assert_exists(const char *dir, const char *name, int want)
{
	struct stat	 sb;
	char		*path;

	xasprintf(&path, "%s/net/%s", dir, name);
	assert_int_equal(lstat(path, &sb) == 0, want);
	if (want)
		assert_true(S_ISSOCK(sb.st_mode));
	free(path);
}

/* Send text on from and read it back on to. */
static void
exchange(int from, int to, const char *text)
{
	struct pollfd	 pfd = { .fd = to, .events = POLLIN };
	char		 buf[64];
	size_t		 len = strlen(text);

	assert_int_equal(write(from, text, len), (ssize_t)len);
	assert_int_equal(poll(&pfd, 1, 5000), 1);
	assert_int_equal(read(to, buf, sizeof buf), (ssize_t)len);
	assert_memory_equal(buf, text, len);
}

/* A connection to ip:port that the listener accepts: both ends talk. */
static void
assert_serves(struct lab *lab, int lfd, uint32_t ip, uint16_t port)
{
	int	 c, a;

	c = lab_connect(lab, ip, port);
	assert_true(c >= 0);
	a = lab_accept(lfd);
	assert_true(a >= 0);
	exchange(c, a, "hello");
	exchange(a, c, "world");
	close(a);
	close(c);
}

static void
assert_refused(struct lab *lab, uint32_t ip, uint16_t port)
{
	errno = 0;
	assert_int_equal(lab_connect(lab, ip, port), -1);
	assert_int_equal(errno, ECONNREFUSED);
}

static void
test_lab__addr_format(void **state)
{
	char	 buf[32];

	(void)state;
	lab_addr_format(R1, PORT, buf, sizeof buf);
	assert_string_equal(buf, "10.1.1.1:50554");
	lab_addr_format(IP(255, 255, 255, 255), 65535, buf, sizeof buf);
	assert_string_equal(buf, "255.255.255.255:65535");
	lab_addr_format(0, 0, buf, sizeof buf);
	assert_string_equal(buf, "0.0.0.0:0");
}

static void
test_lab__listen_connect_accept_exchange(void **state)
{
	struct lab_fixture	*fx = *state;
	int			 l, c, a;

	l = lab_listen(fx->lab, R1, PORT);
	assert_true(l >= 0);
	assert_flags(l);
	assert_exists(fx->dir, "10.1.1.1:50554", 1);
	errno = 0;
	assert_int_equal(lab_accept(l), -1);
	assert_int_equal(errno, EAGAIN);
	c = lab_connect(fx->lab, R1, PORT);
	assert_true(c >= 0);
	assert_flags(c);
	a = lab_accept(l);
	assert_true(a >= 0);
	assert_flags(a);
	exchange(c, a, "hello");
	exchange(a, c, "world");
	close(a);
	close(c);
	lab_unlisten(fx->lab, l);
}

static void
test_lab__connect_nobody_refused(void **state)
{
	struct lab_fixture	*fx = *state;

	assert_refused(fx->lab, R1, PORT);
	/* Another port of a listening address is refused too. */
	assert_true(lab_listen(fx->lab, R1, 22) >= 0);
	assert_refused(fx->lab, R1, PORT);
}

static void
test_lab__second_listener_in_use(void **state)
{
	struct lab_fixture	*fx = *state;
	struct lab		*other;
	char			*cause = NULL;
	int			 l, a;

	l = lab_listen(fx->lab, R1, PORT);
	assert_true(l >= 0);
	errno = 0;
	assert_int_equal(lab_listen(fx->lab, R1, PORT), -1);
	assert_int_equal(errno, EADDRINUSE);

	/* Another device of the same lab, and the first still serves. */
	other = lab_open(fx->dir, &cause);
	assert_non_null(other);
	errno = 0;
	assert_int_equal(lab_listen(other, R1, PORT), -1);
	assert_int_equal(errno, EADDRINUSE);
	lab_free(other);

	/* The probes that found the live listener were connections. */
	while ((a = lab_accept(l)) >= 0)
		close(a);
	assert_int_equal(errno, EAGAIN);
	assert_serves(fx->lab, l, R1, PORT);
}

/* A process that listens and dies leaves its socket file behind. */
static void
listen_and_die(struct lab *lab, uint32_t ip, uint16_t port)
{
	pid_t	 pid;
	int	 status;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(lab_listen(lab, ip, port) >= 0 ? 0 : 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void
test_lab__stale_socket_replaced(void **state)
{
	struct lab_fixture	*fx = *state;
	int			 l;

	listen_and_die(fx->lab, R1, PORT);
	assert_exists(fx->dir, "10.1.1.1:50554", 1);
	assert_refused(fx->lab, R1, PORT);

	l = lab_listen(fx->lab, R1, PORT);
	assert_true(l >= 0);
	assert_serves(fx->lab, l, R1, PORT);
}

static void
test_lab__unlisten_refuses(void **state)
{
	struct lab_fixture	*fx = *state;
	int			 l;

	l = lab_listen(fx->lab, R1, PORT);
	assert_true(l >= 0);
	lab_unlisten(fx->lab, l);
	assert_exists(fx->dir, "10.1.1.1:50554", 0);
	assert_refused(fx->lab, R1, PORT);
	/* The address is free again. */
	l = lab_listen(fx->lab, R1, PORT);
	assert_true(l >= 0);
	assert_serves(fx->lab, l, R1, PORT);
}

/* Unlisten leaves alone a file that is no longer its own. */
static void
test_lab__unlisten_keeps_newer_listener(void **state)
{
	struct lab_fixture	*fx = *state;
	struct lab		*other;
	char			*cause = NULL, *path;
	int			 l, l2;

	l = lab_listen(fx->lab, R1, PORT);
	assert_true(l >= 0);
	xasprintf(&path, "%s/net/10.1.1.1:50554", fx->dir);
	assert_int_equal(unlink(path), 0);
	free(path);
	other = lab_open(fx->dir, &cause);
	assert_non_null(other);
	l2 = lab_listen(other, R1, PORT);
	assert_true(l2 >= 0);

	lab_unlisten(fx->lab, l);
	assert_exists(fx->dir, "10.1.1.1:50554", 1);
	assert_serves(fx->lab, l2, R1, PORT);
	lab_free(other);
	assert_exists(fx->dir, "10.1.1.1:50554", 0);
}

static void
test_lab__path_too_long(void **state)
{
	struct lab_fixture	*fx = *state;
	struct lab		*lab;
	char			*cause = NULL, *dir;
	char			 name[101];

	memset(name, 'x', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	xasprintf(&dir, "%s/%s", fx->dir, name);
	lab = lab_open(dir, &cause);
	assert_non_null(lab);
	errno = 0;
	assert_int_equal(lab_listen(lab, R1, PORT), -1);
	assert_int_equal(errno, ENAMETOOLONG);
	errno = 0;
	assert_int_equal(lab_connect(lab, R1, PORT), -1);
	assert_int_equal(errno, ENAMETOOLONG);
	lab_free(lab);
	free(dir);
}

static void
test_lab__open_creates_private_folders(void **state)
{
	struct lab_fixture	*fx = *state;
	struct lab		*lab;
	struct stat		 sb;
	char			*cause = NULL, *dir, *net;

	xasprintf(&dir, "%s/a/b/lab", fx->dir);
	lab = lab_open(dir, &cause);
	assert_non_null(lab);
	assert_string_equal(lab_dir(lab), dir);
	xasprintf(&net, "%s/net", dir);
	assert_int_equal(stat(net, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 077, 0);
	lab_free(lab);
	free(net);
	free(dir);

	/* A file where the lab should be. */
	xasprintf(&dir, "%s/file", fx->dir);
	lab_fixture_write(dir, "x\n");
	assert_null(lab_open(dir, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "cannot create lab"));
	free(cause);
	free(dir);
}

static void
test_lab__default_dir(void **state)
{
	char	*dir;

	(void)state;
	setenv("XDG_STATE_HOME", "/st", 1);
	dir = lab_default_dir();
	assert_string_equal(dir, "/st/asaemu");
	free(dir);
	setenv("XDG_STATE_HOME", "relative", 1);
	setenv("HOME", "/h", 1);
	dir = lab_default_dir();
	assert_string_equal(dir, "/h/.local/state/asaemu");
	free(dir);
}

/* Bind a UNIX socket at LAB/name/.private/attach.sock; listen if live. */
static int
attach_sock(const char *dir, const char *name, int live)
{
	struct sockaddr_un	 sun;
	char			*path;
	int			 fd;

	xasprintf(&path, "%s/%s", dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	xasprintf(&path, "%s/%s/.private", dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof sun.sun_path,
	    "%s/%s/.private/attach.sock", dir, name);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, sizeof sun), 0);
	if (live) {
		assert_int_equal(listen(fd, 8), 0);
		return fd;
	}
	close(fd);		/* a stale file, as a killed device leaves */
	return -1;
}

static void
test_lab__devices_lists_live_ones(void **state)
{
	struct lab_fixture	*fx = *state;
	char			**names, *path;
	size_t			 n;
	int			 r1, a0;

	names = lab_devices(fx->lab, &n);
	assert_null(names);
	assert_int_equal(n, 0);

	r1 = attach_sock(fx->dir, "r1", 1);
	a0 = attach_sock(fx->dir, "a0", 1);
	attach_sock(fx->dir, "r2", 0);
	xasprintf(&path, "%s/r3", fx->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	xasprintf(&path, "%s/clock", fx->dir);
	lab_fixture_write(path, "offset 0\n");
	free(path);

	names = lab_devices(fx->lab, &n);
	assert_int_equal(n, 2);
	assert_string_equal(names[0], "a0");
	assert_string_equal(names[1], "r1");
	lab_names_free(names, n);
	close(r1);
	close(a0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, lab_fixture_setup, \
	    lab_fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lab__addr_format),
		cmocka_unit_test(test_lab__default_dir),
		T(test_lab__listen_connect_accept_exchange),
		T(test_lab__connect_nobody_refused),
		T(test_lab__second_listener_in_use),
		T(test_lab__stale_socket_replaced),
		T(test_lab__unlisten_refuses),
		T(test_lab__unlisten_keeps_newer_listener),
		T(test_lab__path_too_long),
		T(test_lab__open_creates_private_folders),
		T(test_lab__devices_lists_live_ones),
	};

	return cmocka_run_group_tests_name("lab", tests, NULL, NULL);
}
