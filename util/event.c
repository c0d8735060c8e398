/* SPDX-License-Identifier: MIT */
/*
 * A small event loop: fd watches and signalfds through poll(2), one-shot
 * timers on CLOCK_MONOTONIC, all dispatched in one thread.
 *
 * A device has few registrations, so everything is a list scanned once per
 * iteration. Every signal comes through one signalfd of the loop's (its
 * mask grows with each signal watched), polled as one more fd. Deleting only marks a registration dead; dead ones are freed
 * after the iteration's dispatch, so a callback may delete anything,
 * itself included, while the loop still walks the lists.
 */
#include "util/util.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "util/util_int.h"

enum event_kind {
	EVENT_FD,
	EVENT_TIMER,
	EVENT_SIGNAL,
};

struct event {
	struct event_loop	*loop;
	enum event_kind		 kind;
	bool			 dead;		/* deleted or fired; reaped */
	int			 fd;		/* watched, or our signalfd */
	short			 events;	/* interest; 0 = paused */
	short			 revents;	/* set just before fn runs */
	int			 signo;		/* signals: which */
	uint64_t		 deadline;	/* timers: event_now_ms() */
	uint64_t		 seq;		/* timers: add order */
	event_fn		*fn;
	void			*arg;
	struct event		*next;
};

struct event_loop {
	struct event	*ios;		/* fd and signal watches, in order */
	struct event	*timers;	/* by deadline, then seq */
	struct event	*signals;	/* signal watches, in order */
	struct event	*sigev;		/* the watch of sigfd, in ios */
	int		 sigfd;		/* -1 until a signal is watched */
	sigset_t	 sigmask;	/* what sigfd reads */
	size_t		 nlive;		/* registrations not dead */
	size_t		 ndead;		/* waiting to be reaped */
	uint64_t	 seq;		/* next timer's seq */
	bool		 stop;		/* event_loop_break was called */
	unsigned	 fibers;	/* started, not yet reaped */
	struct pollfd	*pfd;		/* this iteration's poll set */
	struct event	**pev;		/* the watch behind each pfd */
	size_t		 palloc;
	struct pollfd	*wpfd;		/* event_loop_wait_alone's own set:
					   the loop may be amid dispatching
					   pfd */
	size_t		 walloc;
};

uint64_t
event_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

struct event_loop *
event_loop_new(void)
{
	struct event_loop *loop = xcalloc(1, sizeof(struct event_loop));

	loop->sigfd = -1;
	sigemptyset(&loop->sigmask);
	return loop;
}

static void
event_destroy(struct event *ev)
{
	free(ev);
}

static void
event_list_free(struct event *ev)
{
	struct event	*next;

	for (; ev != NULL; ev = next) {
		next = ev->next;
		event_destroy(ev);
	}
}

void
event_loop_free(struct event_loop *loop)
{
	if (loop == NULL)
		return;
	/* A fiber's thread would wait for a loop that is gone. */
	assert(loop->fibers == 0);
	event_list_free(loop->ios);
	event_list_free(loop->timers);
	event_list_free(loop->signals);
	if (loop->sigfd != -1)
		close(loop->sigfd);
	free(loop->pfd);
	free(loop->pev);
	free(loop->wpfd);
	free(loop);
}

void
event_loop_fibers_add(struct event_loop *loop, int delta)
{
	assert(delta > 0 || loop->fibers > 0);
	loop->fibers += (unsigned)delta;
}

static struct event *
event_new(struct event_loop *loop, enum event_kind kind, event_fn *fn,
    void *arg)
{
	struct event	*ev = xcalloc(1, sizeof(struct event));

	ev->loop = loop;
	ev->kind = kind;
	ev->fd = -1;
	ev->fn = fn;
	ev->arg = arg;
	loop->nlive++;
	return ev;
}

static void
event_io_append(struct event_loop *loop, struct event *ev)
{
	struct event	**pp = &loop->ios;

	while (*pp != NULL)
		pp = &(*pp)->next;
	*pp = ev;
}

struct event *
event_fd_add(struct event_loop *loop, int fd, short events, event_fn *fn,
    void *arg)
{
	struct event	*ev = event_new(loop, EVENT_FD, fn, arg);

	assert(fd >= 0);
	ev->fd = fd;
	ev->events = events;
	event_io_append(loop, ev);
	return ev;
}

void
event_fd_set(struct event *ev, short events)
{
	assert(ev->kind == EVENT_FD);
	ev->events = events;
}

short
event_revents(const struct event *ev)
{
	return ev->revents;
}

struct event *
event_timer_add(struct event_loop *loop, uint64_t ms, event_fn *fn,
    void *arg)
{
	struct event	*ev = event_new(loop, EVENT_TIMER, fn, arg);
	struct event	**pp = &loop->timers;

	ev->deadline = event_now_ms() + ms;
	ev->seq = loop->seq++;
	while (*pp != NULL && (*pp)->deadline <= ev->deadline)
		pp = &(*pp)->next;
	ev->next = *pp;
	*pp = ev;
	return ev;
}

int
event_signals_block(const int *signos, size_t n)
{
	sigset_t	set;
	int		rc;

	sigemptyset(&set);
	for (size_t i = 0; i < n; i++)
		if (sigaddset(&set, signos[i]) == -1)
			return -1;
	rc = pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	return 0;
}

/* What the loop's signalfd has: each to the watches of its signal. */
static void
event_signals_read(void *arg)
{
	struct event_loop	*loop = arg;
	struct signalfd_siginfo	 si;

	while (!loop->stop &&
	    read(loop->sigfd, &si, sizeof si) == (ssize_t)sizeof si) {
		for (struct event *ev = loop->signals; ev != NULL;
		    ev = ev->next) {
			if (ev->dead || ev->signo != (int)si.ssi_signo)
				continue;
			ev->revents = POLLIN;
			ev->fn(ev->arg);
		}
	}
}

struct event *
event_signal_add(struct event_loop *loop, int signo, event_fn *fn,
    void *arg)
{
	struct event	*ev, **pp;
	sigset_t	 set = loop->sigmask;
	int		 fd;

	if (sigaddset(&set, signo) == -1)
		return NULL;
	fd = signalfd(loop->sigfd, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (fd == -1)
		return NULL;
	loop->sigmask = set;
	if (loop->sigfd == -1) {
		loop->sigfd = fd;
		loop->sigev = event_fd_add(loop, fd, POLLIN,
		    event_signals_read, loop);
	}
	ev = event_new(loop, EVENT_SIGNAL, fn, arg);
	ev->signo = signo;
	for (pp = &loop->signals; *pp != NULL; pp = &(*pp)->next)
		continue;
	*pp = ev;
	return ev;
}

void
event_del(struct event *ev)
{
	if (ev == NULL || ev->dead)
		return;
	ev->dead = true;
	ev->loop->nlive--;
	ev->loop->ndead++;
}

void
event_loop_break(struct event_loop *loop)
{
	loop->stop = true;
}

/* Free what was deleted; no dispatch is walking the lists now. */
static void
event_reap_list(struct event_loop *loop, struct event **pp)
{
	struct event	*ev;

	while ((ev = *pp) != NULL) {
		if (ev->dead) {
			*pp = ev->next;
			event_destroy(ev);
			loop->ndead--;
		} else
			pp = &ev->next;
	}
}

static void
event_reap(struct event_loop *loop)
{
	if (loop->ndead == 0)
		return;
	event_reap_list(loop, &loop->ios);
	event_reap_list(loop, &loop->timers);
	event_reap_list(loop, &loop->signals);
}

/* Fill the poll set; the count of entries. */
static size_t
event_poll_set(struct event_loop *loop)
{
	size_t	 n = 0;

	for (struct event *ev = loop->ios; ev != NULL; ev = ev->next) {
		if (ev->dead || ev->events == 0)
			continue;
		if (n == loop->palloc) {
			loop->palloc = loop->palloc ? loop->palloc * 2 : 8;
			loop->pfd = xreallocarray(loop->pfd, loop->palloc,
			    sizeof(*loop->pfd));
			loop->pev = xreallocarray(loop->pev, loop->palloc,
			    sizeof(*loop->pev));
		}
		loop->pfd[n].fd = ev->fd;
		loop->pfd[n].events = ev->events;
		loop->pfd[n].revents = 0;
		loop->pev[n++] = ev;
	}
	return n;
}

/* Milliseconds poll may sleep: until the first timer, or -1. */
static int
event_poll_timeout(struct event_loop *loop)
{
	uint64_t	now;

	for (struct event *ev = loop->timers; ev != NULL; ev = ev->next) {
		if (ev->dead)
			continue;
		now = event_now_ms();
		if (ev->deadline <= now)
			return 0;
		if (ev->deadline - now > INT_MAX)
			return INT_MAX;
		return (int)(ev->deadline - now);
	}
	return -1;
}

static void
event_dispatch_io(struct event_loop *loop, size_t n)
{
	const short	 always = POLLHUP | POLLERR | POLLNVAL;
	struct event	*ev;
	short		 revents;

	for (size_t i = 0; i < n && !loop->stop; i++) {
		ev = loop->pev[i];
		/* An earlier callback may have deleted or paused it. */
		if (ev->dead || ev->events == 0)
			continue;
		revents = loop->pfd[i].revents & (ev->events | always);
		if (revents == 0)
			continue;
		ev->revents = revents;
		ev->fn(ev->arg);
	}
}

/*
 * Run the timers due now that existed before this pass: one added by a
 * callback, even with 0 ms, waits for the next iteration.
 */
static void
event_dispatch_timers(struct event_loop *loop)
{
	uint64_t	 now = event_now_ms();
	uint64_t	 limit = loop->seq;

	for (struct event *ev = loop->timers; ev != NULL; ev = ev->next) {
		if (ev->deadline > now || loop->stop)
			break;
		if (ev->dead || ev->seq >= limit)
			continue;
		event_del(ev);
		ev->fn(ev->arg);
	}
}

/* Anything left that could ever fire: a timer, a signal, an interest. */
static bool
event_loop_alive(struct event_loop *loop)
{
	if (loop->nlive == 0)
		return false;
	for (struct event *ev = loop->timers; ev != NULL; ev = ev->next)
		if (!ev->dead)
			return true;
	for (struct event *ev = loop->signals; ev != NULL; ev = ev->next)
		if (!ev->dead)
			return true;
	/* The signalfd's own watch is alive while some signal is. */
	for (struct event *ev = loop->ios; ev != NULL; ev = ev->next)
		if (!ev->dead && ev->events != 0 && ev != loop->sigev)
			return true;
	return false;
}

short
event_loop_wait_alone(struct event_loop *loop, int fd, short events)
{
	size_t	 n = 0;
	int	 timeout;

	if (loop->stop || (timeout = event_poll_timeout(loop)) == 0)
		return 0;
	for (struct event *ev = loop->ios;; ev = ev->next) {
		if (n == loop->walloc) {
			loop->walloc = loop->walloc ? loop->walloc * 2 : 8;
			loop->wpfd = xreallocarray(loop->wpfd, loop->walloc,
			    sizeof(*loop->wpfd));
		}
		if (ev == NULL) {
			loop->wpfd[n].fd = fd;
			loop->wpfd[n].events = events;
			loop->wpfd[n].revents = 0;
			break;
		}
		if (ev->dead || ev->events == 0)
			continue;
		loop->wpfd[n].fd = ev->fd;
		loop->wpfd[n].events = ev->events;
		loop->wpfd[n++].revents = 0;
	}
	/* A timer came due, a signal ended it, or the loop has work. */
	if (poll(loop->wpfd, n + 1, timeout) <= 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (loop->wpfd[i].revents != 0)
			return 0;
	return loop->wpfd[n].revents;
}

int
event_loop_run(struct event_loop *loop)
{
	size_t	n;

	loop->stop = false;
	event_reap(loop);
	while (!loop->stop && event_loop_alive(loop)) {
		n = event_poll_set(loop);
		if (poll(loop->pfd, n, event_poll_timeout(loop)) == -1) {
			assert(errno == EINTR || errno == EAGAIN);
			continue;
		}
		event_dispatch_io(loop, n);
		event_dispatch_timers(loop);
		event_reap(loop);
	}
	return 0;
}
