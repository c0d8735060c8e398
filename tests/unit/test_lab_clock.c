/* SPDX-License-Identifier: MIT */
/*
 * The lab clock (device/lab_clock.c): the absent file, offsets, freezing
 * the lab's start, advancing and setting, the inotify watch that tells
 * every device of the lab, and damaged files.
 */
#include <sys/stat.h>

#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "device/lab.h"
#include "lab_fixture.h"
#include "util/util.h"

#define DAY		INT64_C(86400)
#define T0		INT64_C(1362139200)	/* 2013-03-01T12:00:00Z */

static struct lab_clock
read_clock(struct lab *lab)
{
	struct lab_clock clk;
	char		*cause = NULL;

	assert_int_equal(lab_clock_read(lab, &clk, &cause), 0);
	assert_null(cause);
	return clk;
}

static int64_t
host_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec;
}

/* Lab time now is host time + want, within a second or two. */
static void
assert_running(struct lab *lab, int64_t want)
{
	struct lab_clock clk = read_clock(lab);
	int64_t		 host = host_now();
	struct timespec	 ts = lab_clock_now(&clk);

	assert_false(clk.frozen);
	assert_true(ts.tv_sec >= host + want - 2);
	assert_true(ts.tv_sec <= host + want + 2);
}

static void
assert_frozen(struct lab *lab, int64_t t)
{
	struct lab_clock clk = read_clock(lab);
	struct timespec	 ts = lab_clock_now(&clk);

	assert_true(clk.frozen);
	assert_int_equal(clk.value, t);
	assert_int_equal(ts.tv_sec, t);
	assert_int_equal(ts.tv_nsec, 0);
}

static void
assert_file(const char *dir, const char *name, const char *want)
{
	char	 buf[128];
	char	*path;
	FILE	*f;
	size_t	 n;

	xasprintf(&path, "%s/%s", dir, name);
	f = fopen(path, "r");
	free(path);
	if (want == NULL) {
		assert_null(f);
		return;
	}
	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_string_equal(buf, want);
}

static void
test_lab_clock__absent_is_offset_zero(void **state)
{
	struct lab_fixture	*fx = *state;
	struct lab_clock	 clk = read_clock(fx->lab);

	assert_false(clk.frozen);
	assert_int_equal(clk.value, 0);
	assert_running(fx->lab, 0);
	assert_file(fx->dir, "clock", NULL);
}

static void
test_lab_clock__offset_file(void **state)
{
	struct lab_fixture	*fx = *state;
	char			*path;

	xasprintf(&path, "%s/clock", fx->dir);
	lab_fixture_write(path, "offset -3600\n");
	free(path);
	assert_running(fx->lab, -3600);
	assert_int_equal(lab_clock_advance(fx->lab, 7200), 0);
	assert_running(fx->lab, 3600);
	assert_file(fx->dir, "clock", "offset 3600\n");
}

static void
test_lab_clock__freeze_then_advance_10_days(void **state)
{
	struct lab_fixture	*fx = *state;

	assert_int_equal(lab_clock_freeze(fx->lab, T0), 0);
	assert_frozen(fx->lab, T0);
	assert_file(fx->dir, "clock", "frozen 1362139200\n");
	assert_int_equal(lab_clock_advance(fx->lab, 10 * DAY), 0);
	assert_frozen(fx->lab, T0 + 10 * DAY);
	assert_file(fx->dir, "clock", "frozen 1363003200\n");
	assert_int_equal(lab_clock_advance(fx->lab, -1), 0);
	assert_frozen(fx->lab, T0 + 10 * DAY - 1);
	assert_file(fx->dir, "clock.tmp", NULL);
}

/* The first device started with --clock fixes the lab's start. */
static void
test_lab_clock__freeze_keeps_first_start(void **state)
{
	struct lab_fixture	*fx = *state;

	assert_int_equal(lab_clock_freeze(fx->lab, T0), 0);
	assert_int_equal(lab_clock_freeze(fx->lab, T0), 0);
	errno = 0;
	assert_int_equal(lab_clock_freeze(fx->lab, T0 + DAY), -1);
	assert_int_equal(errno, EEXIST);
	assert_frozen(fx->lab, T0);
}

static void
test_lab_clock__freeze_refused_when_running(void **state)
{
	struct lab_fixture	*fx = *state;

	assert_int_equal(lab_clock_advance(fx->lab, 60), 0);
	errno = 0;
	assert_int_equal(lab_clock_freeze(fx->lab, T0), -1);
	assert_int_equal(errno, EEXIST);
	assert_running(fx->lab, 60);
}

static void
test_lab_clock__set(void **state)
{
	struct lab_fixture	*fx = *state;
	char			*path;

	assert_int_equal(lab_clock_set(fx->lab, host_now() + 5 * DAY), 0);
	assert_running(fx->lab, 5 * DAY);
	assert_int_equal(lab_clock_set(fx->lab, host_now() - DAY), 0);
	assert_running(fx->lab, -DAY);

	/* A frozen clock stays frozen at the time set. */
	xasprintf(&path, "%s/clock", fx->dir);
	assert_int_equal(unlink(path), 0);
	free(path);
	assert_int_equal(lab_clock_freeze(fx->lab, T0), 0);
	assert_int_equal(lab_clock_set(fx->lab, T0 - DAY), 0);
	assert_frozen(fx->lab, T0 - DAY);
}

static void
test_lab_clock__overflow(void **state)
{
	struct lab_fixture	*fx = *state;

	assert_int_equal(lab_clock_freeze(fx->lab, INT64_MAX - 1), 0);
	errno = 0;
	assert_int_equal(lab_clock_advance(fx->lab, 2), -1);
	assert_int_equal(errno, EOVERFLOW);
	assert_frozen(fx->lab, INT64_MAX - 1);
}

static int
readable(int fd, int timeout_ms)
{
	struct pollfd	 pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, timeout_ms);
}

/* Another device of the lab advances time; this one hears of it. */
static void
test_lab_clock__watch_sees_other_device(void **state)
{
	struct lab_fixture	*fx = *state;
	struct lab		*other;
	char			*cause = NULL;
	int			 fd;

	assert_int_equal(lab_clock_freeze(fx->lab, T0), 0);
	fd = lab_clock_watch(fx->lab);
	assert_true(fd >= 0);
	assert_int_equal(readable(fd, 0), 0);

	other = lab_open(fx->dir, &cause);
	assert_non_null(other);
	assert_int_equal(lab_clock_advance(other, DAY), 0);
	assert_int_equal(readable(fd, 5000), 1);
	lab_clock_drain(fd);
	assert_int_equal(readable(fd, 0), 0);
	assert_frozen(fx->lab, T0 + DAY);

	/* Reading or a refused change wakes nobody. */
	assert_frozen(other, T0 + DAY);
	assert_int_equal(lab_clock_freeze(other, T0), -1);
	assert_int_equal(readable(fd, 0), 0);
	lab_free(other);
	close(fd);
}

static void
test_lab_clock__damaged(void **state)
{
	static const char *const bad[] = {
		"", "\n", "garbage\n", "offset\n", "offset \n", "offset 12x\n",
		"offset +5\n", "frozen  5\n", "frozen 99999999999999999999\n",
		"offset 1\nextra", "OFFSET 1\n", "offset 1\n\n",
	};
	struct lab_fixture	*fx = *state;
	struct lab_clock	 clk;
	char			*cause, *path;

	xasprintf(&path, "%s/clock", fx->dir);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		lab_fixture_write(path, bad[i]);
		cause = NULL;
		assert_int_equal(lab_clock_read(fx->lab, &clk, &cause), -1);
		assert_non_null(cause);
		assert_non_null(strstr(cause, "/clock: damaged lab clock"));
		free(cause);
		errno = 0;
		assert_int_equal(lab_clock_advance(fx->lab, 1), -1);
		assert_int_equal(errno, EINVAL);
		assert_file(fx->dir, "clock", bad[i]);
	}
	free(path);
}

#define T(f) cmocka_unit_test_setup_teardown(f, lab_fixture_setup, \
	    lab_fixture_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_lab_clock__absent_is_offset_zero),
		T(test_lab_clock__offset_file),
		T(test_lab_clock__freeze_then_advance_10_days),
		T(test_lab_clock__freeze_keeps_first_start),
		T(test_lab_clock__freeze_refused_when_running),
		T(test_lab_clock__set),
		T(test_lab_clock__overflow),
		T(test_lab_clock__watch_sees_other_device),
		T(test_lab_clock__damaged),
	};

	return cmocka_run_group_tests_name("lab_clock", tests, NULL, NULL);
}
