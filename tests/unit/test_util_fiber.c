/* SPDX-License-Identifier: MIT */
/*
 * Fibers on the event loop: running at once until the first wait, waking
 * in the order data arrives with one runner at a time, fiber_wake (waiting
 * or not, kept when the fd comes first), timeouts, done after the join on
 * the loop's thread, blocked signals, nesting, fiber_wait as poll outside,
 * and a fiber's wait polled in its own thread still letting the loop's
 * timers and watches run.
 *
 * cmocka's asserts longjmp, never across threads: fibers only record.
 */
#include <poll.h>
#include <pthread.h>
#include <sched.h>
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

/* Bounds a wait that a wake should end, so a broken wake fails, not hangs. */
#define GUARD_MS	500

struct world {
	struct event_loop	*loop;
	int			 a[2];		/* pipes: read, write end */
	int			 b[2];
	char			 log[32];
	size_t			 n;
	int			 res[8];	/* fiber_wait results */
	size_t			 nres;
	int			 inside;	/* runners in the section */
	int			 max_inside;
	int			 done;
	size_t			 step;		/* on_step's next */
	struct fiber		*f[2];
	struct fiber		*seen;		/* fiber_self() inside */
	pthread_t		 loop_thread;
	bool			 exited;	/* a fiber thread's exit ran */
	sigset_t		 mask;		/* a fiber's signal mask */
};

static struct world	*w;

static void
note(char c)
{
	if (w->n < sizeof w->log - 1)
		w->log[w->n++] = c;
}

static void
record(int r)
{
	if (w->nres < sizeof w->res / sizeof w->res[0])
		w->res[w->nres++] = r;
}

static int
setup(void **state)
{
	static struct world	ws;

	memset(&ws, 0, sizeof ws);
	ws.loop = event_loop_new();
	ws.loop_thread = pthread_self();
	if (pipe(ws.a) == -1 || pipe(ws.b) == -1)
		return -1;
	w = &ws;
	*state = &ws;
	return 0;
}

static int
teardown(void **state)
{
	struct world	*ws = *state;

	event_loop_free(ws->loop);
	for (int i = 0; i < 2; i++) {
		close(ws->a[i]);
		close(ws->b[i]);
	}
	return 0;
}

static void
on_done(void *arg)
{
	(void)arg;
	assert_true(pthread_equal(pthread_self(), w->loop_thread));
	note('d');
	w->done++;
}

static void
put(int fd)
{
	assert_int_equal(write(fd, "x", 1), 1);
}

static void
take(int fd)
{
	char	c;

	if (read(fd, &c, 1) != 1)
		note('!');
}

static void
fiber_read_once(void *arg)
{
	(void)arg;
	w->seen = fiber_self();
	note('a');
	record(fiber_wait(w->a[0], POLLIN, -1));
	take(w->a[0]);
	note('b');
}

static void
test_util_fiber__runs_at_once_until_first_wait(void **state)
{
	struct world	*ws = *state;

	assert_null(fiber_self());
	ws->f[0] = fiber_start(ws->loop, fiber_read_once, on_done, NULL);
	assert_non_null(ws->f[0]);
	assert_ptr_equal(ws->seen, ws->f[0]);
	assert_string_equal(ws->log, "a");
	put(ws->a[1]);
	event_loop_run(ws->loop);
	assert_string_equal(ws->log, "abd");
	assert_int_equal(ws->nres, 1);
	assert_int_equal(ws->res[0], POLLIN);
}

static pthread_key_t	exit_key;

static void
on_thread_exit(void *arg)
{
	(void)arg;
	w->exited = true;
}

static void
on_done_joined(void *arg)
{
	/* Thread-specific destructors run last in the exiting thread. */
	assert_true(w->exited);
	on_done(arg);
}

static void
fiber_return_at_once(void *arg)
{
	pthread_setspecific(exit_key, arg);
	pthread_sigmask(SIG_SETMASK, NULL, &w->mask);
	note('r');
}

static void
test_util_fiber__done_after_join_on_loop_thread(void **state)
{
	struct world	*ws = *state;
	struct fiber	*f;

	assert_int_equal(pthread_key_create(&exit_key, on_thread_exit), 0);
	f = fiber_start(ws->loop, fiber_return_at_once, on_done_joined, ws);
	/* Returned already, but done waits for the loop. */
	assert_string_equal(ws->log, "r");
	fiber_wake(f);
	event_loop_run(ws->loop);
	assert_string_equal(ws->log, "rd");
	assert_true(sigismember(&ws->mask, SIGINT));
	assert_true(sigismember(&ws->mask, SIGTERM));
	assert_true(sigismember(&ws->mask, SIGUSR1));
	assert_true(sigismember(&ws->mask, SIGWINCH));
	pthread_key_delete(exit_key);
}

/* Two rounds: wait on my pipe, then a section no one else may enter. */
static void
fiber_section(void *arg)
{
	int	*fds = arg;

	for (int round = 0; round < 2; round++) {
		record(fiber_wait(fds[0], POLLIN, -1));
		take(fds[0]);
		if (++w->inside > w->max_inside)
			w->max_inside = w->inside;
		for (int i = 0; i < 100; i++)
			sched_yield();
		note(fds == w->a ? 'A' : 'B');
		w->inside--;
	}
}

/* Write to the pipes named by arg ("a", "b", "ab"); 'w' wakes f[0]. */
static void
on_put(void *arg)
{
	for (const char *p = arg; *p != '\0'; p++)
		if (*p == 'w')
			fiber_wake(w->f[0]);
		else
			put(*p == 'a' ? w->a[1] : w->b[1]);
}

/*
 * b, then a, then both: each step is armed by the one before, so a late
 * timer cannot merge two steps into one iteration.
 */
static void
on_step(void *arg)
{
	static char	 steps[][3] = { "b", "a", "ab", "" };

	(void)arg;
	on_put(steps[w->step++]);
	if (steps[w->step][0] != '\0')
		event_timer_add(w->loop, 1, on_step, NULL);
}

static void
test_util_fiber__two_fibers_wake_in_arrival_order(void **state)
{
	struct world	*ws = *state;

	ws->f[0] = fiber_start(ws->loop, fiber_section, on_done, ws->a);
	ws->f[1] = fiber_start(ws->loop, fiber_section, on_done, ws->b);
	event_timer_add(ws->loop, 1, on_step, NULL);
	event_loop_run(ws->loop);
	assert_int_equal(ws->done, 2);
	assert_int_equal(ws->max_inside, 1);
	assert_int_equal(ws->n, 6);
	assert_memory_equal(ws->log, "BA", 2);
	assert_true(memcmp(ws->log + 2, "ABdd", 4) == 0 ||
	    memcmp(ws->log + 2, "BAdd", 4) == 0);
	assert_int_equal(ws->nres, 4);
	for (size_t i = 0; i < ws->nres; i++)
		assert_int_equal(ws->res[i], POLLIN);
}

static void
fiber_wait_twice(void *arg)
{
	int	fd = *(int *)arg;

	record(fiber_wait(fd, POLLIN, GUARD_MS));
	/* The wake was used up: this one times out. */
	record(fiber_wait(fd, POLLIN, 3));
}

static void
on_wake(void *arg)
{
	(void)arg;
	note('w');
	fiber_wake(w->f[0]);
}

static void
test_util_fiber__wake_returns_woken_timeout_zero(void **state)
{
	struct world	*ws = *state;
	int		 none = -1;
	uint64_t	 start = event_now_ms();

	/* On a pipe nobody writes to, then on nothing at all. */
	ws->f[0] = fiber_start(ws->loop, fiber_wait_twice, on_done, ws->a);
	event_timer_add(ws->loop, 1, on_wake, NULL);
	event_loop_run(ws->loop);
	ws->f[0] = fiber_start(ws->loop, fiber_wait_twice, on_done, &none);
	event_timer_add(ws->loop, 1, on_wake, NULL);
	event_loop_run(ws->loop);
	assert_string_equal(ws->log, "wdwd");
	/* Each run: the wake after 1 ms, then the 3 ms timeout. */
	assert_true(event_now_ms() - start >= 8);
	assert_int_equal(ws->nres, 4);
	assert_int_equal(ws->res[0], FIBER_WOKEN);
	assert_int_equal(ws->res[1], 0);
	assert_int_equal(ws->res[2], FIBER_WOKEN);
	assert_int_equal(ws->res[3], 0);
}

static void
fiber_fd_then_woken(void *arg)
{
	(void)arg;
	record(fiber_wait(w->a[0], POLLIN, -1));
	take(w->a[0]);
	record(fiber_wait(w->a[0], POLLIN, GUARD_MS));
}

static void
test_util_fiber__wake_kept_when_fd_comes_first(void **state)
{
	struct world	*ws = *state;

	ws->f[0] = fiber_start(ws->loop, fiber_fd_then_woken, on_done, NULL);
	event_timer_add(ws->loop, 1, on_put, "aw");
	event_loop_run(ws->loop);
	assert_int_equal(ws->done, 1);
	assert_int_equal(ws->nres, 2);
	assert_int_equal(ws->res[0], POLLIN);
	assert_int_equal(ws->res[1], FIBER_WOKEN);
}

static void
fiber_inner(void *arg)
{
	struct fiber	*outer = arg;

	note('i');
	/* outer is inside fiber_start, not waiting: the wake is pending. */
	fiber_wake(outer);
	record(fiber_wait(-1, 0, 1));
	note('j');
}

static void
fiber_outer(void *arg)
{
	(void)arg;
	note('o');
	w->f[1] = fiber_start(w->loop, fiber_inner, on_done, fiber_self());
	note('p');
	record(fiber_wait(w->a[0], POLLIN, GUARD_MS));
	fiber_wake(fiber_self());
	record(fiber_wait(w->a[0], POLLIN, GUARD_MS));
	note('q');
}

static void
test_util_fiber__pending_wake_and_nested_fibers(void **state)
{
	struct world	*ws = *state;

	ws->f[0] = fiber_start(ws->loop, fiber_outer, on_done, NULL);
	/* Neither woken wait went back to the loop. */
	assert_string_equal(ws->log, "oipq");
	event_loop_run(ws->loop);
	/* outer's done and inner's timeout race; inner's done is last. */
	assert_true(strcmp(ws->log, "oipqdjd") == 0 ||
	    strcmp(ws->log, "oipqjdd") == 0);
	assert_int_equal(ws->nres, 3);
	assert_int_equal(ws->res[0], FIBER_WOKEN);
	assert_int_equal(ws->res[1], FIBER_WOKEN);
	assert_int_equal(ws->res[2], 0);
}

static void
test_util_fiber__wait_outside_fiber_is_poll(void **state)
{
	struct world	*ws = *state;
	uint64_t	 start = event_now_ms();

	assert_int_equal(fiber_wait(ws->a[0], POLLIN, 0), 0);
	assert_int_equal(fiber_wait(-1, 0, 2), 0);
	assert_true(event_now_ms() - start >= 2);
	assert_int_equal(fiber_wait(ws->a[1], POLLOUT, -1), POLLOUT);
	put(ws->a[1]);
	assert_int_equal(fiber_wait(ws->a[0], POLLIN, -1), POLLIN);
	take(ws->a[0]);
	close(ws->a[1]);
	ws->a[1] = -1;
	assert_int_equal(fiber_wait(ws->a[0], POLLIN, -1), POLLHUP);
	assert_string_equal(ws->log, "");
}

/*
 * Waits twice for a: the second wait, resumed by the first one's callback,
 * polls in the fiber's thread for the loop (event_loop_wait_alone).
 */
static void
fiber_read_twice(void *arg)
{
	(void)arg;
	note('a');
	record(fiber_wait(w->a[0], POLLIN, -1));
	take(w->a[0]);
	note('b');
	record(fiber_wait(w->a[0], POLLIN, -1));
	take(w->a[0]);
	note('c');
}

static void
on_timer_put(void *arg)
{
	(void)arg;
	note('t');
	put(w->a[1]);
}

static void
test_util_fiber__timer_due_in_a_fibers_own_poll_runs(void **state)
{
	struct world	*ws = *state;

	ws->f[0] = fiber_start(ws->loop, fiber_read_twice, on_done, NULL);
	put(ws->a[1]);
	/* Only the timer gives the second wait its byte. */
	event_timer_add(ws->loop, 20, on_timer_put, NULL);
	event_loop_run(ws->loop);
	assert_string_equal(ws->log, "abtcd");
	assert_int_equal(ws->res[0], POLLIN);
	assert_int_equal(ws->res[1], POLLIN);
}

static struct event	*watch_b;

static void
on_b_put(void *arg)
{
	(void)arg;
	take(w->b[0]);
	note('w');
	put(w->a[1]);
	event_del(watch_b);
}

static void
test_util_fiber__loop_watch_ready_in_a_fibers_own_poll_runs(void **state)
{
	struct world	*ws = *state;

	ws->f[0] = fiber_start(ws->loop, fiber_read_twice, on_done, NULL);
	/* After the fiber's watch: a's callback runs first. */
	watch_b = event_fd_add(ws->loop, ws->b[0], POLLIN, on_b_put, NULL);
	put(ws->a[1]);
	put(ws->b[1]);
	event_loop_run(ws->loop);
	assert_string_equal(ws->log, "abwcd");
	assert_int_equal(ws->res[1], POLLIN);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_util_fiber__runs_at_once_until_first_wait),
		T(test_util_fiber__done_after_join_on_loop_thread),
		T(test_util_fiber__two_fibers_wake_in_arrival_order),
		T(test_util_fiber__wake_returns_woken_timeout_zero),
		T(test_util_fiber__wake_kept_when_fd_comes_first),
		T(test_util_fiber__pending_wake_and_nested_fibers),
		T(test_util_fiber__wait_outside_fiber_is_poll),
		T(test_util_fiber__timer_due_in_a_fibers_own_poll_runs),
		T(test_util_fiber__loop_watch_ready_in_a_fibers_own_poll_runs),
	};

	return cmocka_run_group_tests_name("util_fiber", tests, NULL, NULL);
}
