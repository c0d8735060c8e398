/* SPDX-License-Identifier: MIT */
/*
 * Linked only into static builds (ASA_STATIC), after libxml2.a: Debian's
 * libxml2 reads every file through its xz layer, which calls these four
 * liblzma functions. The real liblzma.a brings a constructor that runs
 * CPUID before main (crc64_set_func), and CPUID traps to the hypervisor
 * on a virtual machine: 20 us of every run, a batch of two commands among
 * them. No data file asaemu reads is compressed. These stand-ins open a
 * decoder that is never used (libxml2 copies a plain file through), say
 * that no file is in the old .lzma format, and fail to decode an .xz one.
 * The values are lzma/base.h's lzma_ret.
 */
#include <stddef.h>
#include <stdint.h>

#define LZMA_OK			0
#define LZMA_OPTIONS_ERROR	8
#define LZMA_DATA_ERROR		9

typedef struct lzma_stream	lzma_stream;
typedef struct lzma_filter	lzma_filter;
typedef const struct lzma_allocator lzma_allocator;

int	lzma_auto_decoder(lzma_stream *, uint64_t, uint32_t);
int	lzma_code(lzma_stream *, int);
void	lzma_end(lzma_stream *);
int	lzma_properties_decode(lzma_filter *, lzma_allocator *,
	    const uint8_t *, size_t);

/* Called for every file before its first bytes are looked at. */
int
lzma_auto_decoder(lzma_stream *strm, uint64_t memlimit, uint32_t flags)
{
	(void)strm, (void)memlimit, (void)flags;
	return LZMA_OK;
}

/* Only for a file that starts with the .xz magic. */
int
lzma_code(lzma_stream *strm, int action)
{
	(void)strm, (void)action;
	return LZMA_DATA_ERROR;
}

void
lzma_end(lzma_stream *strm)
{
	(void)strm;
}

/* libxml2 asks whether a file's first five bytes are .lzma properties. */
int
lzma_properties_decode(lzma_filter *filter, lzma_allocator *allocator,
    const uint8_t *props, size_t props_size)
{
	(void)filter, (void)allocator, (void)props, (void)props_size;
	return LZMA_OPTIONS_ERROR;
}
