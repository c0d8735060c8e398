/* SPDX-License-Identifier: MIT */
/*
 * The event loop: timer order and ties, fd readiness and hang-up through
 * a pipe, pausing a watch, deletion inside callbacks, break, signals
 * through signalfd, and the monotonic clock.
 */
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/util.h"

/* What the callbacks saw, in order. */
struct trace {
	struct event_loop	*loop;
	char			 log[32];
	size_t			 n;
	int			 fds[2];	/* a pipe: read, write end */
	struct event		*ev[4];
	short			 revents;
	int			 calls;
	bool			 rearm;		/* on_read arms a write */
};

static struct trace	*cur;

static void
note(char c)
{
	assert_true(cur->n < sizeof cur->log - 1);
	cur->log[cur->n++] = c;
}

static int
setup(void **state)
{
	static struct trace	t;

	memset(&t, 0, sizeof t);
	t.loop = event_loop_new();
	if (pipe(t.fds) == -1)
		return -1;
	cur = &t;
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	struct trace	*t = *state;

	event_loop_free(t->loop);
	close(t->fds[0]);
	if (t->fds[1] != -1)
		close(t->fds[1]);
	return 0;
}

static void
on_note(void *arg)
{
	note(*(const char *)arg);
}

static void
test_util_event__empty_loop_returns(void **state)
{
	struct trace	*t = *state;

	assert_int_equal(event_loop_run(t->loop), 0);
	assert_int_equal(t->n, 0);
}

static void
test_util_event__timers_by_deadline_ties_in_order(void **state)
{
	struct trace	*t = *state;
	uint64_t	 start;

	/* All from one millisecond, so equal ms mean equal deadlines. */
	do {
		event_loop_free(t->loop);
		t->loop = event_loop_new();
		start = event_now_ms();
		event_timer_add(t->loop, 6, on_note, "d");
		event_timer_add(t->loop, 0, on_note, "a");
		event_timer_add(t->loop, 3, on_note, "b");
		event_timer_add(t->loop, 3, on_note, "c");
		event_timer_add(t->loop, 0, on_note, "A");
	} while (event_now_ms() != start);
	assert_int_equal(event_loop_run(t->loop), 0);
	assert_string_equal(t->log, "aAbcd");
	assert_true(event_now_ms() - start >= 6);
}

static void
on_rearm(void *arg)
{
	(void)arg;
	note('r');
	/* A 0 ms timer added now waits for the next pass. */
	event_timer_add(cur->loop, 0, on_note, "z");
}

/* Marks each iteration: the pipe is never read, so it is always ready. */
static void
on_iteration(void *arg)
{
	(void)arg;
	note('i');
	if (++cur->calls == 2)
		event_del(cur->ev[0]);
}

static void
test_util_event__timer_added_in_callback_runs_later(void **state)
{
	struct trace	*t = *state;

	assert_int_equal(write(t->fds[1], "x", 1), 1);
	t->ev[0] = event_fd_add(t->loop, t->fds[0], POLLIN, on_iteration,
	    NULL);
	event_timer_add(t->loop, 0, on_rearm, NULL);
	event_loop_run(t->loop);
	assert_string_equal(t->log, "iriz");
}

static void
on_write(void *arg)
{
	(void)arg;
	note('w');
	assert_int_equal(write(cur->fds[1], "x", 1), 1);
}

static void
on_read(void *arg)
{
	char	c;

	(void)arg;
	note('r');
	cur->revents = event_revents(cur->ev[0]);
	assert_int_equal(read(cur->fds[0], &c, 1), 1);
	assert_int_equal(c, 'x');
	if (++cur->calls == 2)
		event_del(cur->ev[0]);
	else if (cur->rearm)
		event_timer_add(cur->loop, 1, on_write, NULL);
}

static void
test_util_event__fd_readiness_through_pipe(void **state)
{
	struct trace	*t = *state;

	/* The first read arms the second write. */
	t->ev[0] = event_fd_add(t->loop, t->fds[0], POLLIN, on_read, NULL);
	t->rearm = true;
	event_timer_add(t->loop, 2, on_write, NULL);
	event_loop_run(t->loop);
	assert_string_equal(t->log, "wrwr");
	assert_int_equal(t->revents, POLLIN);
}

static void
on_resume(void *arg)
{
	(void)arg;
	note('s');
	event_fd_set(cur->ev[0], POLLIN);
}

static void
test_util_event__paused_watch_does_not_fire(void **state)
{
	struct trace	*t = *state;

	assert_int_equal(write(t->fds[1], "xx", 2), 2);
	t->ev[0] = event_fd_add(t->loop, t->fds[0], POLLIN, on_read, NULL);
	event_fd_set(t->ev[0], 0);
	event_timer_add(t->loop, 2, on_resume, NULL);
	event_loop_run(t->loop);
	assert_string_equal(t->log, "srr");
}

static void
on_hup(void *arg)
{
	(void)arg;
	note('h');
	cur->revents = event_revents(cur->ev[0]);
	event_del(cur->ev[0]);
}

static void
test_util_event__hangup_fires_without_interest_in_it(void **state)
{
	struct trace	*t = *state;

	close(t->fds[1]);
	t->fds[1] = -1;
	t->ev[0] = event_fd_add(t->loop, t->fds[0], POLLIN, on_hup, NULL);
	event_loop_run(t->loop);
	assert_string_equal(t->log, "h");
	assert_true(t->revents & POLLHUP);
}

static void
on_del_others(void *arg)
{
	note(*(const char *)arg);
	event_del(cur->ev[1]);
	event_del(cur->ev[2]);
	event_del(cur->ev[0]);
	event_del(cur->ev[0]);
}

static void
test_util_event__del_inside_callbacks(void **state)
{
	struct trace	*t = *state;

	/* Both ends ready at once; the first deletes itself and the rest. */
	assert_int_equal(write(t->fds[1], "x", 1), 1);
	t->ev[0] = event_fd_add(t->loop, t->fds[1], POLLOUT, on_del_others,
	    "a");
	t->ev[1] = event_fd_add(t->loop, t->fds[0], POLLIN, on_note, "b");
	t->ev[2] = event_timer_add(t->loop, 0, on_note, "c");
	event_del(NULL);
	event_loop_run(t->loop);
	assert_string_equal(t->log, "a");
}

static void
on_timer_del_self(void *arg)
{
	(void)arg;
	note('t');
	event_del(cur->ev[0]);
	event_del(cur->ev[1]);
}

static void
test_util_event__timer_del_self_and_next(void **state)
{
	struct trace	*t = *state;

	t->ev[0] = event_timer_add(t->loop, 1, on_timer_del_self, NULL);
	t->ev[1] = event_timer_add(t->loop, 1, on_note, "x");
	event_timer_add(t->loop, 1, on_note, "y");
	event_loop_run(t->loop);
	assert_string_equal(t->log, "ty");
}

static void
on_break_third(void *arg)
{
	(void)arg;
	note('b');
	if (++cur->calls % 3 == 0)
		event_loop_break(cur->loop);
}

static void
test_util_event__break_returns_and_run_resumes(void **state)
{
	struct trace	*t = *state;

	/* Never read: the watch is ready at every iteration. */
	assert_int_equal(write(t->fds[1], "x", 1), 1);
	t->ev[0] = event_fd_add(t->loop, t->fds[0], POLLIN, on_break_third,
	    NULL);
	event_timer_add(t->loop, 0, on_note, "t");
	assert_int_equal(event_loop_run(t->loop), 0);
	assert_int_equal(t->calls, 3);
	assert_int_equal(event_loop_run(t->loop), 0);
	assert_int_equal(t->calls, 6);
	event_del(t->ev[0]);
	assert_int_equal(event_loop_run(t->loop), 0);
	assert_int_equal(t->calls, 6);
}

static void
on_raise(void *arg)
{
	(void)arg;
	note('k');
	assert_int_equal(kill(getpid(), SIGUSR1), 0);
	assert_int_equal(kill(getpid(), SIGUSR1), 0);
}

static void
on_signal(void *arg)
{
	(void)arg;
	note('s');
	event_del(cur->ev[0]);
}

static void
test_util_event__signal_through_signalfd(void **state)
{
	struct trace	*t = *state;
	const int	 signos[] = { SIGUSR1 };
	sigset_t	 old, now;

	pthread_sigmask(SIG_SETMASK, NULL, &old);
	assert_int_equal(event_signals_block(signos, 1), 0);
	pthread_sigmask(SIG_SETMASK, NULL, &now);
	assert_true(sigismember(&now, SIGUSR1));
	t->ev[0] = event_signal_add(t->loop, SIGUSR1, on_signal, NULL);
	assert_non_null(t->ev[0]);
	event_timer_add(t->loop, 1, on_raise, NULL);
	event_loop_run(t->loop);
	assert_string_equal(t->log, "ks");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void
test_util_event__free_releases_registrations(void **state)
{
	struct trace	*t = *state;

	/* Left registered: teardown's event_loop_free must free them. */
	event_fd_add(t->loop, t->fds[0], POLLIN, on_note, "x");
	event_timer_add(t->loop, 1000, on_note, "y");
	assert_non_null(event_signal_add(t->loop, SIGUSR2, on_note, "z"));
	event_del(event_timer_add(t->loop, 1000, on_note, "w"));
	event_loop_free(NULL);
}

static void
test_util_event__now_is_monotonic_ms(void **state)
{
	uint64_t	a, b;

	(void)state;
	a = event_now_ms();
	assert_int_equal(poll(NULL, 0, 3), 0);
	b = event_now_ms();
	assert_true(b >= a + 3);
	assert_true(b < a + 1000);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_util_event__empty_loop_returns),
		T(test_util_event__timers_by_deadline_ties_in_order),
		T(test_util_event__timer_added_in_callback_runs_later),
		T(test_util_event__fd_readiness_through_pipe),
		T(test_util_event__paused_watch_does_not_fire),
		T(test_util_event__hangup_fires_without_interest_in_it),
		T(test_util_event__del_inside_callbacks),
		T(test_util_event__timer_del_self_and_next),
		T(test_util_event__break_returns_and_run_resumes),
		T(test_util_event__signal_through_signalfd),
		T(test_util_event__free_releases_registrations),
		T(test_util_event__now_is_monotonic_ms),
	};

	return cmocka_run_group_tests_name("util_event", tests, NULL, NULL);
}
