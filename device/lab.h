/* SPDX-License-Identifier: MIT */
/*
 * The lab: a folder that holds named devices (LAB/NAME/ is a flash), the
 * simulated network (LAB/net/A.B.C.D:PORT are UNIX stream sockets, one per
 * listening endpoint) and the one lab clock (LAB/clock) that every device
 * of the lab reads (lab_net.c, lab_clock.c). Nothing here prints.
 */
#ifndef ASA_DEVICE_LAB_H
#define ASA_DEVICE_LAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct lab;

/*
 * The lab clock, LAB/clock: "offset SECONDS\n" (lab time = host realtime
 * + offset) or "frozen EPOCH_SECONDS\n" (a fixed time that moves only when
 * advanced or set, for repeatable runs). No file: offset 0.
 */
struct lab_clock {
	bool	 frozen;
	int64_t	 value;		/* offset in seconds, or the frozen time */
};

/*
 * Open LAB, creating it and LAB/net (mode 0700, parents too) if needed.
 * NULL with *cause (caller frees) when a folder cannot be made.
 */
struct lab	*lab_open(const char *dir, char **cause);
/* Stop the listeners still open (as lab_unlisten) and free; NULL is ok. */
void		 lab_free(struct lab *);
/* The lab's folder, valid until lab_free. */
const char	*lab_dir(const struct lab *);
/*
 * The default lab: $XDG_STATE_HOME/asaemu, else
 * ~/.local/state/asaemu. The caller frees it.
 */
char		*lab_default_dir(void);

/* "10.1.1.1:50554" (ip in host order), the name of the endpoint's socket. */
void		 lab_addr_format(uint32_t ip, uint16_t port, char *buf,
		    size_t len);

/*
 * Listen on ip:port (ip in host order): a non-blocking, close-on-exec
 * listening socket, or -1 with errno. EADDRINUSE when a live listener
 * holds the address (found by connecting to its socket file, which that
 * listener sees as a connection closed at once); a stale file left by a
 * dead process is replaced. ENAMETOOLONG when the socket's path does not
 * fit in sun_path.
 */
int		 lab_listen(struct lab *, uint32_t ip, uint16_t port);
/*
 * Stop listening: close fd and unlink its socket file if the file is still
 * the one this listen bound (a later listener's file is left alone). An fd
 * that lab_listen did not return is only closed.
 */
void		 lab_unlisten(struct lab *, int fd);
/*
 * Connect to ip:port: a connected, close-on-exec, non-blocking stream
 * socket, or -1 with errno: ECONNREFUSED when nobody listens (no socket
 * file, or a stale one), EAGAIN when the listener's backlog is full,
 * ENAMETOOLONG as lab_listen.
 */
int		 lab_connect(struct lab *, uint32_t ip, uint16_t port);
/* Accept one connection: close-on-exec, non-blocking; -1 with errno
 * (EAGAIN when none is pending). */
int		 lab_accept(int listen_fd);

/*
 * The addresses of net/mask (host order) that something listens on at
 * port, or did (a dead process's stale file is listed too: connecting to
 * it is refused): what a broadcast on a subnet would find. In no order;
 * NULL with *n 0 when none. The caller frees the array.
 */
uint32_t	*lab_listeners(const struct lab *, uint16_t port,
		    uint32_t net, uint32_t mask, size_t *n);

/*
 * The devices of the lab: names of the subfolders whose
 * NAME/.private/attach.sock accepts a connection (the probe is a
 * connection closed at once), sorted by strcmp. NULL with *n 0 when there
 * are none. Free with lab_names_free.
 */
char		**lab_devices(const struct lab *, size_t *n);
void		 lab_names_free(char **, size_t);


/* Read LAB/clock (absent: offset 0). 0, or -1 with *cause (caller frees)
 * for an unreadable or damaged file. */
int		 lab_clock_read(const struct lab *, struct lab_clock *,
		    char **cause);
/* Lab time now from a clock read earlier (a frozen clock: nanoseconds 0). */
struct timespec	 lab_clock_now(const struct lab_clock *);
/*
 * Change the lab clock atomically (flock on LAB/clock.lock, write a
 * temporary file, fsync, rename over LAB/clock). 0, or -1 with errno:
 * EINVAL for a damaged clock file, EOVERFLOW when the time would not fit.
 *
 * lab_clock_advance moves lab time by secs (frozen or not).
 * lab_clock_set makes lab time t now (a frozen clock stays frozen at t).
 * lab_clock_freeze fixes the lab's start at t when there is no clock file
 * yet, so the first device started with --clock decides: when the clock
 * is already frozen at t it is a no-op (0); when it is frozen at another
 * time, or running, it is refused with EEXIST and the clock is kept.
 */
int		 lab_clock_advance(struct lab *, int64_t secs);
int		 lab_clock_set(struct lab *, int64_t t);
int		 lab_clock_freeze(struct lab *, int64_t t);
/*
 * An inotify fd (non-blocking, close-on-exec) that becomes readable when
 * LAB/clock is replaced or rewritten, so that every running device of the
 * lab re-reads it at once; -1 with errno when inotify is unavailable. It
 * may also wake for the close of the temporary file just before the
 * rename; re-reading then is harmless. The caller closes it.
 */
int		 lab_clock_watch(struct lab *);
/* Consume the events pending on a lab_clock_watch fd. */
void		 lab_clock_drain(int fd);

#endif
