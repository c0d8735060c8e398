/* SPDX-License-Identifier: MIT */
/*
 * Fibers: coroutines made of threads and a baton, which keep working under
 * AddressSanitizer where swapcontext does not.
 *
 * The baton is one process-wide mutex; each runner (a fiber, or the loop's
 * thread) has a condition variable and a "go" flag. Switching from one
 * runner to another sets the other's flag, signals it and waits on its
 * own: at every moment one runner has go set and the rest are parked in
 * pthread_cond_wait. A fiber holds the mutex while it runs; the loop's
 * thread takes it only around a switch, every fiber being parked anyway.
 *
 * A waiting fiber is nothing but registrations on the loop (its fd, its
 * timeout, a 0 ms timer for a wake) whose callbacks switch to it. It
 * switches back to whoever resumed it, so fibers nest like coroutines.
 * A fiber the loop resumed, waiting for its fd alone, first polls in its
 * own thread for the loop (event_loop_wait_alone): a session's next line
 * then wakes one thread, not three.
 */
#include "util/util.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

#include "util/util_int.h"

/*
 * Measured by painting the stack, under ASan + UBSan: the unit tests'
 * fibers, printf included, touch 8-11 KiB (glibc's TLS and thread
 * descriptor included); the rest is for libedit and command handlers.
 */
#define FIBER_STACK_SIZE	(256u << 10)

struct runner {
	pthread_cond_t	 cv;
	bool		 go;		/* this runner holds the turn */
};

struct fiber {
	struct runner		 r;
	struct runner		*resumer;	/* who to switch back to */
	struct event_loop	*loop;
	pthread_t		 thread;
	fiber_fn		*fn;
	void			(*done)(void *);
	void			*arg;
	bool			 waiting;	/* parked in fiber_wait */
	bool			 woken;		/* a wake not yet delivered */
	bool			 finished;	/* fn has returned */
	bool			 in_hook;	/* running before_wait */
	bool			 loop_idle;	/* resumed by its own wait's
						   callback: the loop's thread
						   has nothing else under way */
	void			(*before_wait)(void *);
	void			*before_arg;
	int			 result;	/* of the wait under way */
	struct event		*ev_fd;		/* this wait's registrations */
	struct event		*ev_timeout;
	struct event		*ev_wake;
};

static pthread_mutex_t		 baton = PTHREAD_MUTEX_INITIALIZER;
static struct runner		 loop_runner = {
	.cv = PTHREAD_COND_INITIALIZER,
};
static _Thread_local struct fiber *self;

struct fiber *
fiber_self(void)
{
	return self;
}

/* With the baton held: give the turn to to, wait to get it back. */
static void
runner_switch(struct runner *from, struct runner *to)
{
	from->go = false;
	to->go = true;
	pthread_cond_signal(&to->cv);
	while (!from->go)
		pthread_cond_wait(&from->cv, &baton);
}

static void
fiber_reap(void *arg)
{
	struct fiber	*f = arg;
	void		(*done)(void *) = f->done;
	void		*done_arg = f->arg;
	int		 rc;

	rc = pthread_join(f->thread, NULL);
	assert(rc == 0);
	(void)rc;
	event_loop_fibers_add(f->loop, -1);
	pthread_cond_destroy(&f->r.cv);
	free(f);
	if (done != NULL)
		done(done_arg);
}

/* Run f until it waits or returns; idle: see loop_idle. */
static void
fiber_resume(struct fiber *f, bool idle)
{
	struct fiber	*cur = self;

	assert(!f->finished && f != cur);
	f->loop_idle = idle && cur == NULL;
	if (cur == NULL)
		pthread_mutex_lock(&baton);
	f->resumer = cur != NULL ? &cur->r : &loop_runner;
	runner_switch(f->resumer, &f->r);
	/* done belongs to the loop's thread, after the join. */
	if (f->finished)
		event_timer_add(f->loop, 0, fiber_reap, f);
	if (cur == NULL)
		pthread_mutex_unlock(&baton);
}

static void *
fiber_main(void *arg)
{
	struct fiber	*f = arg;
	struct runner	*to;

	pthread_mutex_lock(&baton);
	while (!f->r.go)
		pthread_cond_wait(&f->r.cv, &baton);
	self = f;
	f->fn(f->arg);
	f->finished = true;
	f->r.go = false;
	to = f->resumer;
	to->go = true;
	pthread_cond_signal(&to->cv);
	pthread_mutex_unlock(&baton);
	return NULL;
}

/*
 * Create the thread with every signal blocked, so that a signal meant for
 * the loop's signalfd is never delivered to a fiber. Faults stay open:
 * blocked, they kill the process before a sanitizer can report them.
 */
static int
fiber_thread_create(struct fiber *f)
{
	static const int	 faults[] = { SIGBUS, SIGFPE, SIGILL, SIGSEGV };
	pthread_attr_t		 attr;
	sigset_t		 all, old;
	size_t			 stack = FIBER_STACK_SIZE;
	int			 rc;

	if (stack < (size_t)PTHREAD_STACK_MIN)
		stack = PTHREAD_STACK_MIN;
	sigfillset(&all);
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
		sigdelset(&all, faults[i]);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, stack);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&f->thread, &attr, fiber_main, f);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	return rc;
}

struct fiber *
fiber_start(struct event_loop *loop, fiber_fn *fn, void (*done)(void *),
    void *arg)
{
	struct fiber	*f = xcalloc(1, sizeof(struct fiber));
	int		 rc;

	pthread_cond_init(&f->r.cv, NULL);
	f->loop = loop;
	f->fn = fn;
	f->done = done;
	f->arg = arg;
	rc = fiber_thread_create(f);
	if (rc != 0) {
		pthread_cond_destroy(&f->r.cv);
		free(f);
		errno = rc;
		return NULL;
	}
	event_loop_fibers_add(loop, 1);
	fiber_resume(f, false);
	return f;
}

static void
fiber_on_fd(void *arg)
{
	struct fiber	*f = arg;

	f->result = event_revents(f->ev_fd);
	fiber_resume(f, true);
}

static void
fiber_on_timeout(void *arg)
{
	struct fiber	*f = arg;

	f->result = 0;
	fiber_resume(f, true);
}

static void
fiber_on_wake(void *arg)
{
	struct fiber	*f = arg;

	f->result = FIBER_WOKEN;
	fiber_resume(f, true);
}

static int
fiber_wait_plain(int fd, short events, int timeout_ms)
{
	struct pollfd	pfd = { .fd = fd, .events = events };
	int		rc;

	rc = poll(&pfd, fd >= 0 ? 1 : 0, timeout_ms);
	if (rc == -1)
		return errno == EINTR ? FIBER_WOKEN : -1;
	return rc == 0 ? 0 : pfd.revents;
}

int
fiber_wait(int fd, short events, int timeout_ms)
{
	struct fiber	*f = self;
	short		 rc;

	if (f == NULL)
		return fiber_wait_plain(fd, events, timeout_ms);
	if (f->woken) {
		f->woken = false;
		return FIBER_WOKEN;
	}
	/* The hook may wait itself (a flush meeting a full terminal). */
	if (f->before_wait != NULL && !f->in_hook) {
		f->in_hook = true;
		f->before_wait(f->before_arg);
		f->in_hook = false;
		if (f->woken) {
			f->woken = false;
			return FIBER_WOKEN;
		}
	}
	/*
	 * The loop's thread only waits for this fiber to switch back, then
	 * polls: this thread polls instead, so input for the fiber costs no
	 * switch of threads (two futex hand-overs and a poll in the loop's).
	 */
	if (fd >= 0 && timeout_ms < 0 && f->loop_idle &&
	    (rc = event_loop_wait_alone(f->loop, fd, events)) != 0)
		return rc;
	f->waiting = true;
	if (fd >= 0)
		f->ev_fd = event_fd_add(f->loop, fd, events, fiber_on_fd, f);
	if (timeout_ms >= 0)
		f->ev_timeout = event_timer_add(f->loop, (uint64_t)timeout_ms,
		    fiber_on_timeout, f);
	runner_switch(&f->r, f->resumer);
	f->waiting = false;
	event_del(f->ev_fd);
	event_del(f->ev_timeout);
	/* The fd or the timeout came first: keep the wake for next time. */
	if (f->ev_wake != NULL && f->result != FIBER_WOKEN)
		f->woken = true;
	event_del(f->ev_wake);
	f->ev_fd = f->ev_timeout = f->ev_wake = NULL;
	return f->result;
}

void
fiber_before_wait(struct fiber *f, void (*fn)(void *), void *arg)
{
	f->before_wait = fn;
	f->before_arg = arg;
}

void
fiber_wake(struct fiber *f)
{
	if (f->finished)
		return;
	if (!f->waiting)
		f->woken = true;
	else if (f->ev_wake == NULL)
		f->ev_wake = event_timer_add(f->loop, 0, fiber_on_wake, f);
}
