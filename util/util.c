/* SPDX-License-Identifier: MIT */
/*
 * Allocation that never returns NULL, a capped string buffer and a bump
 * arena. Out of memory is not a condition asaemu recovers from.
 */
#include "util/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(void)
{
	static const char msg[] = "asaemu: out of memory\n";

	fwrite(msg, 1, sizeof msg - 1, stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		oom();
	p = realloc(old, n * size != 0 ? n * size : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int
xvasprintf(char **ret, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	*ret = xmalloc((size_t)n + 1);
	vsnprintf(*ret, (size_t)n + 1, fmt, ap);
	return n;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(ret, fmt, ap);
	va_end(ap);
	return n;
}

void
strbuf_init(struct strbuf *sb, size_t cap)
{
	sb->alloc = 64;
	sb->buf = xmalloc(sb->alloc);
	sb->buf[0] = '\0';
	sb->len = 0;
	sb->cap = cap ? cap : STRBUF_DEFAULT_CAP;
	sb->truncated = 0;
}

void
strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = '\0';
	sb->truncated = 0;
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	if (n > sb->cap - sb->len) {
		n = sb->cap - sb->len;
		sb->truncated = 1;
	}
	if (sb->len + n + 1 > sb->alloc) {
		while (sb->len + n + 1 > sb->alloc)
			sb->alloc *= 2;
		sb->buf = xreallocarray(sb->buf, sb->alloc, 1);
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

size_t
fmt_u32(char *buf, uint32_t v, unsigned digits)
{
	char	 tmp[FMT_U32_MAX];
	size_t	 n = 0;

	if (digits > FMT_U32_MAX)
		digits = FMT_U32_MAX;
	do {
		tmp[sizeof tmp - ++n] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0 || n < digits);
	memcpy(buf, tmp + sizeof tmp - n, n);
	return n;
}

void
fmt_hex32(char *buf, uint32_t v)
{
	static const char digit[] = "0123456789abcdef";

	for (int i = 7; i >= 0; i--, v >>= 4)
		buf[i] = digit[v & 0xf];
}

void
strbuf_add_u32(struct strbuf *sb, uint32_t v)
{
	char	 buf[FMT_U32_MAX];

	strbuf_add(sb, buf, fmt_u32(buf, v, 1));
}

/* In one strbuf_add: show running-config prints two a subinterface. */
void
strbuf_add_ipv4(struct strbuf *sb, uint32_t a)
{
	char		 buf[16], *p = buf;
	unsigned	 o;

	for (int shift = 24; shift >= 0; shift -= 8) {
		o = a >> shift & 0xff;
		if (o >= 100)
			*p++ = (char)('0' + o / 100);
		if (o >= 10)
			*p++ = (char)('0' + o / 10 % 10);
		*p++ = (char)('0' + o % 10);
		if (shift != 0)
			*p++ = '.';
	}
	strbuf_add(sb, buf, (size_t)(p - buf));
}

const char *
xvformat(char *buf, size_t size, char **heap, size_t *len, const char *fmt,
    va_list ap)
{
	va_list	 ap2;
	int	 n;

	*heap = NULL;
	va_copy(ap2, ap);
	n = vsnprintf(buf, size, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		*len = 0;
		return "";
	}
	if ((size_t)n < size) {
		*len = (size_t)n;
		return buf;
	}
	*len = (size_t)xvasprintf(heap, fmt, ap);
	return *heap;
}

void
strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	char		 small[256], *heap;
	size_t		 len;
	const char	*s = xvformat(small, sizeof small, &heap, &len, fmt, ap);

	strbuf_add(sb, s, len);
	free(heap);
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

char *
strbuf_take(struct strbuf *sb)
{
	char	*p = sb->buf;

	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return p;
}

#define ARENA_CHUNK 4096

struct arena_chunk {
	struct arena_chunk *next;
	size_t		    used;
	size_t		    size;
	max_align_t	    data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

void
arena_release(struct arena *a)
{
	struct arena_chunk	*c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

void
arena_reset(struct arena *a)
{
	struct arena_chunk	*last;

	if (a->head == NULL)
		return;
	/* Keep the oldest (tail) chunk: the common small case allocates once. */
	for (last = a->head; last->next != NULL; last = last->next)
		;
	while (a->head != last) {
		struct arena_chunk *next = a->head->next;

		free(a->head);
		a->head = next;
	}
	last->used = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk	*c = a->head;
	size_t			 align = sizeof(max_align_t);
	void			*p;

	n = (n + align - 1) / align * align;
	if (c == NULL || c->size - c->used < n) {
		size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;

		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*tmp, *p;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(&tmp, fmt, ap);
	va_end(ap);
	p = arena_strndup(a, tmp, (size_t)n);
	free(tmp);
	return p;
}
