/* SPDX-License-Identifier: MIT */
/*
 * Private to device/failover*.c: the link's structures and the functions
 * the three files share; and, for the fuzzer and tests
 * (tests/fuzz/fuzz_failover.c), the link's receiving end without a
 * socket.
 */
#ifndef ASA_DEVICE_FAILOVER_INT_H
#define ASA_DEVICE_FAILOVER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "device/device.h"
#include "device/failover.h"
#include "util/util.h"

#define IN_CAP		(1u << 20)	/* a configuration fits */

struct fo_conn {
	int		 fd;
	struct event	*ev;
	struct strbuf	 in;
	struct strbuf	 out;		/* not yet written */
	struct device	*dev;
};

/* A context's configuration as last sent to the mate. */
struct fo_ctx_sent {
	char		 name[CTX_NAME_MAX + 1];
	char		*text;		/* owned */
};

struct fo_net {
	struct event_loop *loop;
	int		 listen_fd;
	struct event	*listen_ev;
	uint32_t	 listen_ip;
	struct fo_conn	*out;		/* to the mate */
	struct fo_conn	**in;		/* from the mate */
	size_t		 nin;
	struct event	*timer;
	uint32_t	 timer_ms;	/* the poll time it was armed with */
	uint64_t	 heard_ms;	/* the mate's last hello */
	uint64_t	 neg_ms;	/* negotiation began */
	bool		 link_up;
	bool		 busy;		/* applying a configuration */
	char		*sent;		/* last configuration sent */
	bool		 bulk_sent;	/* to the mate's Cold Standby */
	struct fo_ctx_sent *ctx_sent;	/* multiple context mode: each
					   context's, once sent */
	size_t		 nctx_sent;
	bool		 key_bad;	/* the mate's hellos carry another
					   failover key's digest: nothing it
					   says is understood */
	/* failover exec: the mate's request, run from a timer (the
	   command may close the very stream it came on) */
	char		*exec_line;
	char		*exec_space;	/* its context; NULL: the system */
	unsigned	 exec_id;
	struct event	*exec_ev;
	/* ... and ours, waiting for the answer */
	unsigned	 want_id;
	char		*reply;
};

/*
 * Bytes from the mate as one of its streams to this unit gives them, in
 * reads of chunk bytes (0: as many as a read takes): each whole message
 * handled as a read from a socket handles it; a partial one left at the
 * end goes with the stream, as when it closes. False (nothing read) when
 * the unit has no failover link to receive on (off the lab network).
 */
bool	 failover_recv(struct device *, const void *data, size_t len,
	    size_t chunk);

/* ---- Between the failover*.c files ---- */

/* Device time now, in seconds. */
int64_t	 fo_now(const struct device *);
/* Report an event to the hooks (the console words it). */
void	 fo_emit(struct device *, const struct fo_event *);
/* Change the unit's state for why: history, events, the link. */
void	 fo_set_state(struct device *, enum fo_state to,
	    enum fo_reason why);
void	 fo_go_active(struct device *, enum fo_reason why);
/* One more line of show failover history (the oldest goes when full);
   group 0: the unit's own state, else failover group N's. */
void	 fo_history_add(struct failover *, struct timespec at,
	    enum fo_state from, enum fo_state to, enum fo_reason why,
	    unsigned group);
void	 fo_go_standby_ready(struct device *, enum fo_reason why);
/* (Re)arm the poll timer of the unit's link. */
void	 fo_timer_arm(struct device *);
/* Queue data on the stream to the mate, if there is one. */
void	 fo_net_send(struct device *, const char *data, size_t len);
/* A stream's readiness: read what came, write what waits. */
void	 fo_conn_io(void *conn);
/* Close the link's listener and streams. */
void	 fo_net_close(struct device *);
/* Send the configuration to the mate (bulk: to its Cold Standby). */
void	 fo_send_config(struct device *, bool bulk);
/* Our hello and license to the mate (failover_proto.c). */
void	 fo_send_hello(struct device *);
/* On the active unit: keep a standby mate's configuration its own. */
void	 fo_replicate(struct device *);
/* One complete message at the head of c->in handled: its length, 0
   while it is partial. */
size_t	 fo_message(struct device *, struct fo_conn *c);
/* Active/Active (failover_group.c): the groups' roles as the unit's
   state and the mate's say; the GROUPS line of a hello; a GROUP...
   message from the mate. */
void	 fo_groups_update(struct device *);
void	 fo_groups_hello(struct device *, struct strbuf *);
void	 fo_groups_message(struct device *, const char *line);
/* Whether space i's configuration goes from this unit, and whether
   the mate takes it (device_failover_space_active's rule). */
bool	 fo_space_sends(const struct device *, size_t i);
bool	 fo_space_mate_takes(const struct device *, size_t i);
/* Contexts (failover_ctx.c): send those whose configuration goes from
   here and changed; one from the mate ("CTXCONFIG NAME LEN", the body
   after it); forget what was sent (the mate reloads them all). */
void	 fo_replicate_contexts(struct device *);
void	 fo_ctx_config(struct device *, const char *name, const char *text);
void	 fo_ctx_forget(struct fo_net *);

#endif
