/* SPDX-License-Identifier: MIT */
/*
 * The bottom of the dependency graph, linked by every library: allocation
 * that aborts on exhaustion (tmux's xmalloc), a growable string buffer with
 * a size cap (curl's dynbuf), a per-command arena freed in one go, a
 * single-threaded event loop (FRR lib/event.c, much smaller) and fibers
 * that let blocking-style code wait inside that loop.
 */
#ifndef ASA_UTIL_UTIL_H
#define ASA_UTIL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Never return NULL: they abort on exhaustion. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/*
 * Format into buf (size bytes) when the text fits, else into a new heap
 * string *heap (NULL otherwise; the caller frees it). Returns the text;
 * its length in *len. The common short case allocates nothing.
 */
const char *xvformat(char *buf, size_t size, char **heap, size_t *len,
	    const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

/* A string that grows up to cap bytes; beyond that appends are dropped. */
struct strbuf {
	char	*buf;		/* NUL-terminated, owned */
	size_t	 len;
	size_t	 alloc;
	size_t	 cap;		/* maximum len */
	int	 truncated;	/* an append did not fit */
};

#define STRBUF_DEFAULT_CAP (16u << 20)

void	 strbuf_init(struct strbuf *, size_t cap);
void	 strbuf_release(struct strbuf *);
void	 strbuf_reset(struct strbuf *);
void	 strbuf_add(struct strbuf *, const char *, size_t);
void	 strbuf_puts(struct strbuf *, const char *);

/* One byte; inline, as a batch line is read a byte at a time. */
static inline void
strbuf_addch(struct strbuf *sb, char c)
{
	if (sb->len + 1 < sb->alloc && sb->len < sb->cap) {
		sb->buf[sb->len++] = c;
		sb->buf[sb->len] = '\0';
	} else
		strbuf_add(sb, &c, 1);
}
/*
 * Numbers as text without printf, for what every show prints (a running
 * configuration of thousands of interfaces spent nine tenths of its time
 * in vsnprintf; a key's five words cost 2,800 instructions): v in
 * decimal with at least digits digits, zeros in front (printf's %.*u,
 * but 0 is always "0"), at buf, not NUL-terminated, FMT_U32_MAX bytes at
 * most; the length. fmt_hex32 writes printf's %08x, eight bytes.
 */
#define FMT_U32_MAX 10
size_t	 fmt_u32(char *buf, uint32_t v, unsigned digits);
void	 fmt_hex32(char *buf, uint32_t v);
/* Decimal text of v; and of a as a dotted quad ("10.1.2.3"). */
void	 strbuf_add_u32(struct strbuf *, uint32_t v);
void	 strbuf_add_ipv4(struct strbuf *, uint32_t a);
void	 strbuf_printf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 strbuf_vprintf(struct strbuf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Hand the buffer to the caller (who frees it); sb is left released. */
char	*strbuf_take(struct strbuf *);

/* Bump allocator for one input line; everything goes at arena_reset. */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};

void	 arena_init(struct arena *);
void	 arena_release(struct arena *);
/* Free all but the first chunk and make it empty again. */
void	 arena_reset(struct arena *);
void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* ---- Files (file.c) ---- */

/*
 * Write all of data to fd (EINTR, short writes; on a non-blocking fd it
 * waits for room through fiber_wait). 0, or -1 with errno.
 */
int	 file_write_all(int fd, const void *data, size_t len);
/*
 * Replace name in the folder dirfd with data, never leaving it
 * half-written: name.tmp created anew (O_EXCL | O_NOFOLLOW; a stale one
 * is removed first), fsync, renameat, fsync of the folder. A symlink at
 * name is replaced, never followed. 0, or -1 with errno.
 */
int	 file_write_atomic_at(int dirfd, const char *name, const void *data,
	    size_t len);
/* file_write_atomic_at() in the folder of path. */
int	 file_write_atomic(const char *path, const void *data, size_t len);
/*
 * Open name in dirfd (AT_FDCWD: a path) for reading, a regular file
 * only: never blocks on a FIFO; with nofollow a symlink is refused
 * (ELOOP). The fd, or -1 with errno (EINVAL: not a regular file).
 */
int	 file_open_regular(int dirfd, const char *name, bool nofollow);
/*
 * The whole of file_open_regular()'s file, NUL-terminated, *lenp its
 * length (when not NULL); over max bytes is EFBIG. NULL with errno.
 */
char	*file_read_regular(int dirfd, const char *name, bool nofollow,
	    size_t max, size_t *lenp);
/* Remove every NAME.tmp of the folder dirfd (after a crash). 0 or -1. */
int	 file_remove_stale_tmp(int dirfd);
/*
 * fn(name, arg) for each entry of the folder fd from its start but "."
 * and ".."; fd stays open. fn's first nonzero return stops the walk and
 * is returned; 0 at the end; -1 with errno when the folder cannot be read.
 */
int	 file_dir_each(int fd, int (*fn)(const char *, void *), void *arg);
/*
 * Open path (created if absent; a regular file, never a symlink) and
 * wait for an exclusive flock: the fd, whose close unlocks; -1 with
 * errno.
 */
int	 file_lock(const char *path);

/*
 * Event loop on poll(2) and CLOCK_MONOTONIC. Callbacks run one at a time in
 * the thread that calls event_loop_run. Every registration belongs to the
 * loop; adding or deleting any of them is safe inside any callback.
 */
struct event_loop;
struct event;

typedef void event_fn(void *arg);

struct event_loop *event_loop_new(void);
/* Frees every registration (closing signal fds); NULL is a no-op. */
void	 event_loop_free(struct event_loop *);
/*
 * Persistent watch: fn runs at each iteration in which fd has any of
 * events (POLLIN, POLLOUT), or POLLHUP, POLLERR or POLLNVAL. The loop
 * neither closes fd nor reads from it.
 */
struct event *event_fd_add(struct event_loop *, int fd, short events,
	    event_fn *, void *arg);
/* Change a watch's interest; 0 pauses it (it then sees no hang-up). */
void	 event_fd_set(struct event *, short events);
/* What fired (the poll revents); valid inside fn. */
short	 event_revents(const struct event *);
/*
 * One-shot timer ms milliseconds from now. Equal deadlines run in the
 * order they were added. The handle is gone once fn returns.
 */
struct event *event_timer_add(struct event_loop *, uint64_t ms,
	    event_fn *, void *arg);
/*
 * Block signos in the calling thread (threads created later inherit it),
 * as signalfd needs. Call before starting threads. 0, or -1 (errno).
 */
int	 event_signals_block(const int *signos, size_t n);
/*
 * Persistent: fn runs once per iteration in which signo arrived (repeats
 * coalesce). One registration per signal. NULL (errno) when signalfd fails.
 */
struct event *event_signal_add(struct event_loop *, int signo, event_fn *,
	    void *arg);
/* Cancel; safe inside any callback, its own included. NULL is a no-op. */
void	 event_del(struct event *);
/*
 * Dispatch until event_loop_break, or until nothing could fire any more
 * (no timer, no signal, no fd watch with a nonzero interest). Returns 0.
 */
int	 event_loop_run(struct event_loop *);
/*
 * Make event_loop_run return as soon as the running callback does; what
 * else was ready runs at the next event_loop_run.
 */
void	 event_loop_break(struct event_loop *);
/* CLOCK_MONOTONIC in milliseconds. */
uint64_t event_now_ms(void);

/*
 * Fibers: cooperative sessions, each on its own thread, so that code
 * written to block (el_gets, a pager key, a question) runs inside the
 * loop. A process-wide baton lets exactly one thread run project code at
 * a time: the loop's or one fiber's. A fiber runs until it waits or
 * returns, never beside anything else, so it needs no locks of its own.
 * Fiber threads run with signals blocked (faults excepted).
 */
struct fiber;

typedef void fiber_fn(void *arg);

/* fiber_wait's value when fiber_wake, not the fd or the timeout, ended it. */
#define FIBER_WOKEN	(-2)

/*
 * Start fn(arg) on a new fiber of loop; it runs at once until it first
 * waits or returns, then fiber_start returns. From the loop's thread or a
 * fiber. Once fn has returned and its thread is joined, done(arg) (if not
 * NULL) runs from the loop, never inside fiber_start; the struct fiber is
 * freed just before. NULL (errno) if no thread could be created.
 */
struct fiber *fiber_start(struct event_loop *, fiber_fn *fn,
	    void (*done)(void *arg), void *arg);
/*
 * Wait until fd (-1: none) has any of events (POLLHUP and POLLERR always
 * count), or timeout_ms passes (-1: never), or fiber_wake. Returns the
 * revents (> 0), 0 on timeout or FIBER_WOKEN. A fiber waiting on neither
 * an fd nor a timeout does not by itself keep event_loop_run going.
 * Outside any fiber it is plain poll(2), so the same code also runs with
 * no loop at all: a signal ending the poll counts as FIBER_WOKEN, other
 * errors give -1 (errno).
 */
int	 fiber_wait(int fd, short events, int timeout_ms);
/*
 * Make f's current fiber_wait return FIBER_WOKEN at the loop's next
 * iteration (if its fd or timeout comes first, the wake stays pending);
 * when f is not waiting, its next fiber_wait returns it at once. From the
 * loop's thread or a fiber; a no-op once f's fn has returned.
 */
void	 fiber_wake(struct fiber *f);
/*
 * Call fn(arg) (NULL: nothing) whenever f is about to wait, before it
 * parks: output held back for one write(2) goes out before the fiber
 * sleeps. A wait made by fn itself does not call it again.
 */
void	 fiber_before_wait(struct fiber *f, void (*fn)(void *), void *arg);
/* The fiber running this code; NULL outside any fiber. */
struct fiber *fiber_self(void);

#endif
