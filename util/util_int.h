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

#endif
