/* SPDX-License-Identifier: MIT */
/*
 * A one-way stream of text messages between units of a lab (cluster
 * members today; the failover link has the same shape and can move onto
 * it): a non-blocking lab socket on the device's event loop, what was
 * read waiting for whole messages, what is to be written waiting for the
 * socket. What a message is, is the owner's: it is handed the bytes read
 * so far and says how many make whole messages. Nothing here prints.
 */
#ifndef ASA_DEVICE_UNIT_STREAM_H
#define ASA_DEVICE_UNIT_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licensing/licensing.h"
#include "util/util.h"

#define UNIT_STREAM_CAP	(1u << 20)	/* a configuration fits */

struct unit_stream;

struct unit_stream_cb {
	void	*arg;
	/*
	 * The bytes read and not yet used (NUL-terminated, writable): the
	 * length of the whole message at their head, 0 when it is partial.
	 * Called again while it returns more than 0. The stream may be
	 * freed inside (unit_stream_free): it then stops at once.
	 */
	size_t	 (*message)(void *arg, struct unit_stream *, char *buf,
		    size_t len);
	/* The peer closed, the socket failed, or the buffers overflowed;
	   the stream is freed after it returns. NULL: freed silently. */
	void	 (*closed)(void *arg, struct unit_stream *);
};

/* A stream over fd (taken: closed at free), watched on loop. */
struct unit_stream *unit_stream_new(struct event_loop *, int fd,
	    const struct unit_stream_cb *);
/* Close and free; NULL is a no-op; safe inside the stream's callbacks. */
void	 unit_stream_free(struct unit_stream *);
/* Queue data and write what the socket takes now. False when the stream
 * failed (it is then closed, as the closed callback says). */
bool	 unit_stream_send(struct unit_stream *, const char *data, size_t len);
/* The owner's pointer for this stream (NULL until set). */
void	*unit_stream_user(const struct unit_stream *);
void	 unit_stream_set_user(struct unit_stream *, void *);
/*
 * Feed bytes as if read from the socket (fuzzers and tests: fd -1, no
 * loop): the message callback runs as for a read.
 */
void	 unit_stream_feed(struct unit_stream *, const char *data, size_t len);

/* ---- What units tell each other of themselves (unit_wire.c) ---- */

/*
 * A unit's own license as one line, "LIC EDITION N VALUE,TIMED,SECONDS
 * ...\n" (the failover link's and the cluster control link's).
 */
void	 unit_lic_format(struct strbuf *, const struct lic_running *);
/*
 * Parse such a line (its newline already cut) into *r. False when it is
 * malformed or its edition is not below neditions (the edition indexes
 * the receiver's platform table when the licenses combine).
 */
bool	 unit_lic_parse(const char *line, size_t neditions,
	    struct lic_running *r);
/* The hash of a shared secret that hellos carry, never the secret. */
uint32_t unit_key_hash(const char *key);

#endif
