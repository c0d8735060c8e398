/* SPDX-License-Identifier: MIT */
/*
 * Private to device/shared*.c: the shared licensing protocol's pieces
 * (licensing/SHARED.md). shared_conn.c carries framed messages over
 * non-blocking TLS on the event loop; shared_server.c and shared_client.c
 * speak them; shared.c holds the device's state and its events.
 */
#ifndef ASA_DEVICE_SHARED_INT_H
#define ASA_DEVICE_SHARED_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device/device.h"
#include "device/shared.h"

#define SHARED_FRAME_MAX	1024	/* bytes of one message */
#define SHARED_FIELDS_MAX	12
#define SHARED_EKM_LEN		32
#define SHARED_NONCE_LEN	16
#define SHARED_REG_TIMEOUT_MS	10000	/* to register after accept */

struct event_loop;
struct shared_conn;
struct ssl_ctx_st;

/* One parsed message: a verb and name=value fields (pointers into it). */
struct shared_msg {
	char		 buf[SHARED_FRAME_MAX + 1];
	const char	*verb;
	const char	*name[SHARED_FIELDS_MAX];
	const char	*value[SHARED_FIELDS_MAX];
	size_t		 n;
};

/* Parse one frame's text; -1 for anything SHARED.md does not allow. */
int	 shared_msg_parse(struct shared_msg *, const char *text, size_t len);
/* A field's value, or NULL. */
const char *shared_msg_get(const struct shared_msg *, const char *name);
/* A decimal field up to max; -1 when absent or malformed. */
int	 shared_msg_u32(const struct shared_msg *, const char *name,
	    uint32_t max, uint32_t *v);

/*
 * A connection's callbacks: the handshake done, a whole message, or the
 * end (the peer closed; bad: TLS failed or a frame was refused), after
 * which closed must free it. Any of them may free it.
 */
struct shared_conn_cb {
	void	(*ready)(struct shared_conn *, void *arg); /* handshake done */
	void	(*msg)(struct shared_conn *, const struct shared_msg *,
		    void *arg);
	void	(*closed)(struct shared_conn *, bool bad, void *arg);
	void	*arg;
};

/*
 * Take fd (a connected non-blocking stream) and start TLS on it as the
 * server or the client of ctx. NULL when TLS cannot start (fd closed).
 */
struct shared_conn *shared_conn_new(struct event_loop *,
	    struct ssl_ctx_st *, int fd, bool server,
	    const struct shared_conn_cb *);
/* Close and free; NULL is a no-op. Never calls back. */
void	 shared_conn_free(struct shared_conn *);
/* Queue one message (printf format); -1 when it does not fit. */
int	 shared_conn_send(struct shared_conn *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* The TLS session's exporter bytes; -1 before the handshake is done. */
int	 shared_conn_ekm(struct shared_conn *, unsigned char *out);

/*
 * For the fuzzer and tests (tests/fuzz/fuzz_shared.c): a connection with
 * no socket and no TLS, its handshake done (ready is not called) and its
 * exporter bytes ekm (SHARED_EKM_LEN). *gone (if not NULL) becomes true
 * when it is freed, by its owner or by a feed.
 */
struct shared_conn *shared_conn_new_mem(const struct shared_conn_cb *,
	    const unsigned char *ekm, bool *gone);
/*
 * Bytes from the peer of a connection in memory, framed and delivered as
 * a TLS read delivers them. -1 when the connection ended on the way (a
 * refused frame, or its owner closed it): it is freed.
 */
int	 shared_conn_feed(struct shared_conn *, const void *data,
	    size_t len);
/*
 * The frames queued to send (each a 2-byte length and its text), valid
 * until the next call on c; clear: consider them sent.
 */
const unsigned char *shared_conn_sent(struct shared_conn *, size_t *len,
	    bool clear);

/*
 * The device's TLS context, server or client side: its key and
 * self-signed certificate made once and kept on flash. NULL with
 * *cause (caller frees) when neither flash nor OpenSSL can give one.
 */
struct ssl_ctx_st *shared_tls_ctx(struct device *, bool server,
	    char **cause);
/* HMAC-SHA256 of the secret over label, ekm and nonce, as 64 hex digits. */
void	 shared_proof(const char *secret, const char *label,
	    const unsigned char *ekm, const char *nonce, char out[65]);
/* n random bytes as 2n hex digits into out (2n + 1 bytes). */
void	 shared_random_hex(char *out, size_t n);

/* The device's shared licensing, behind struct device.shared. */
struct shared_srv;
struct shared_cli;
struct shared_bk;

struct device_shared {
	struct shared_view	 v;
	struct device		*dev;
	struct shared_event	*evs;		/* queued for the hook */
	size_t			 nevs;
	void			(*hook)(void *);
	void			*hook_arg;
	struct event		*hook_ev;	/* the hook's pending run */
	struct ssl_ctx_st	*sctx, *cctx;	/* made when first needed */
	struct shared_srv	*srv;		/* NULL: not a server */
	struct shared_cli	*cli;		/* NULL: not a participant */
	struct shared_bk	*bk;		/* NULL: not a backup server */
	struct event		*role_ev;	/* the failover role's follow-up */
	bool			 standby;	/* the role last followed */
};

/* The device's shared state, made on first use. */
struct device_shared *shared_get(struct device *);
/* net.c: whether the configuration serves ip:port now. */
bool	 device_net_wants(const struct device *, uint32_t ip, uint16_t port);

/* shared.c: queue an event for the console (the hook runs later). */
void	 shared_event(struct device *, const struct shared_event *);
/* The device's event loop (NULL: not on a lab network; net.c). */
struct event_loop *shared_loop(const struct device *);
/* After the configuration or the lab clock changed (net.c, device.c). */
void	 device_shared_sync(struct device *);
void	 device_shared_clock(struct device *);
/* The device's running figures: local license, platform limit. */
void	 shared_local(const struct device *, bool server, uint32_t *local,
	    uint32_t *limit);
/*
 * The unit's own local Premium sessions (its own license, not a failover
 * pair's combined one): what a unit's sessions were before they moved.
 */
uint32_t shared_own_local(const struct device *);
/* Recompute what the device's own sessions use (after any change). */
void	 shared_update(struct device *);

/* shared_server.c */
void	 shared_server_sync(struct device *);
void	 shared_server_free(struct device *);
void	 shared_server_accept(struct device *, int fd, uint32_t ip);
/*
 * For the fuzzer and tests: a participant's link accepted at ip on a
 * connection in memory (shared_conn_new_mem: ekm, gone), its HELLO
 * queued. The link owns it (valid until *gone); NULL when not a server.
 */
struct shared_conn *shared_server_accept_mem(struct device *, uint32_t ip,
	    const unsigned char *ekm, bool *gone);
void	 shared_server_clock(struct device *);
/* The server's own demand against its pool: its new holding. */
uint32_t shared_server_self(struct device *, uint32_t want);
/* Whether the server is the main one (not an active backup). */
bool	 shared_server_main(const struct device *);
/* SYNC and a PEER per participant on c, counted in msgs (Sync, Update). */
void	 shared_server_send_table(struct device *, struct shared_conn *c,
	    struct shared_counts *msgs);
/* A PEER message's participant (link NULL, counters 0); -1 if bad. */
int	 shared_peer_parse(const struct shared_msg *, struct shared_peer *);

/* shared_backup.c */
/* license-server backup enable with a participant license, not standby. */
bool	 shared_backup_configured(const struct device *);
/* An active backup with budget left: it serves (listens, grants). */
bool	 shared_backup_serving(const struct device *);
void	 shared_backup_sync(struct device *);
void	 shared_backup_free(struct device *);
void	 shared_backup_clock(struct device *);
/* Its link to the main server: lost or not made (take over), or made
 * again on conn (send the table back, hand back). */
void	 shared_backup_main_down(struct device *);
void	 shared_backup_main_up(struct device *, struct shared_conn *conn);
/* The main's SYNC and PEER messages; -1 when refused. */
int	 shared_backup_on_sync(struct device *, const struct shared_msg *);
int	 shared_backup_on_peer(struct device *, const struct shared_msg *);
/* Taking over: the synced participants into the view; pool, refresh
 * and what the backup itself held. */
void	 shared_backup_seed(struct device *, uint32_t *total,
	    uint32_t *refresh, uint32_t *self);

/* shared_client.c */
void	 shared_client_sync(struct device *);
void	 shared_client_free(struct device *);
void	 shared_client_clock(struct device *);
/* The device's want changed: ask or release now. */
void	 shared_client_want(struct device *);
/* Became the active unit: move the sessions of mate id from (TRANSFER). */
void	 shared_client_transfer(struct device *, const char *from);
/*
 * For the fuzzer and tests: the participant's link to its main server
 * made now on a connection in memory (shared_conn_new_mem: ekm, gone),
 * waiting for the HELLO. The participant owns it (valid until *gone);
 * NULL when not a participant.
 */
struct shared_conn *shared_client_connect_mem(struct device *,
	    const unsigned char *ekm, bool *gone);

#endif
