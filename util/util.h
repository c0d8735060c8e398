/* SPDX-License-Identifier: MIT */
/*
 * The bottom of the dependency graph, linked by every library: allocation
 * that aborts on exhaustion (tmux's xmalloc), a growable string buffer with
 * a size cap (curl's dynbuf) and a per-command arena freed in one go.
 */
#ifndef ASA_UTIL_UTIL_H
#define ASA_UTIL_UTIL_H

#include <stdarg.h>
#include <stddef.h>

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

#endif
