/* SPDX-License-Identifier: MIT */
/*
 * Private to asa_util: what fiber.c tells the event loop, which otherwise
 * knows nothing of fibers.
 */
#ifndef ASA_UTIL_UTIL_INT_H
#define ASA_UTIL_UTIL_INT_H

struct event_loop;

/*
 * Count fibers started on loop (+1) and reaped (-1); event_loop_free
 * asserts that none is left.
 */
void	 event_loop_fibers_add(struct event_loop *, int delta);
/*
 * A fiber's wait for fd, done in the fiber's own thread while the loop's
 * thread is parked in the callback that resumed it: one poll(2) over the
 * loop's watches and fd, bounded by the loop's first timer. fd's revents
 * (> 0) when fd alone became ready; 0 when the loop has anything to do
 * (a watch ready, a timer due, a signal, event_loop_break): the fiber
 * then waits the usual way and the loop, whose fds poll the same again,
 * runs first.
 */
short	 event_loop_wait_alone(struct event_loop *, int fd, short events);

#endif
