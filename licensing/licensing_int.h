/* SPDX-License-Identifier: MIT */
/*
 * Private to the licensing library and its unit tests: internals shared
 * between the library's own files. Declarations only, and like the rest
 * of the library free of I/O. Other code uses licensing.h.
 */
#ifndef ASA_LICENSING_LICENSING_INT_H
#define ASA_LICENSING_LICENSING_INT_H

#include <stddef.h>
#include <stdint.h>

#include "licensing/licensing.h"

/* ---- Activation keys (lic_key.c, lic_key_body.c, lic_key_values.c) ---- */

#define LIC_BODY_BITS	104	/* a key's body; KEYS.md has the layout */
#define LIC_BODY_BYTES	(LIC_BODY_BITS / 8)

/*
 * The n bits (at most 32) at bit off of b, bit 0 being the most
 * significant bit of b[0]: read as a number, or overwritten with v.
 */
uint32_t lic_bits_read(const uint8_t *b, size_t off, unsigned n);
void	 lic_bits_write(uint8_t *b, size_t off, unsigned n, uint32_t v);

/*
 * The plain body (LIC_BODY_BYTES, before whitening) for ki in key format
 * ki->format (1 or 2, already resolved), values checked against p as
 * lic_key_encode() documents; body is all written.
 */
enum lic_err lic_key_body_encode(const struct lic_catalog *,
	    const struct lic_platform *p, const struct lic_keyinfo *ki,
	    uint8_t *body);
/*
 * Read a plain body (LIC_BODY_BYTES) of key format 1 or 2 into *out,
 * which is left alone unless LIC_OK: LIC_E_VERSION for an unknown key
 * type, LIC_E_FEATURE, LIC_E_TIER or LIC_E_RANGE for contents p does not
 * sell.
 */
enum lic_err lic_key_body_decode(const struct lic_catalog *,
	    const struct lic_platform *p, unsigned format, const uint8_t *body,
	    struct lic_keyinfo *out);

/* The values one feature may take in a key; a body holds indices. */
struct lic_vlist {
	uint32_t	*v;		/* heap: the caller frees */
	size_t		 n;
	size_t		 alloc;
};

/*
 * Fill *l (overwritten, not freed) with feature f's list, as
 * lic_key_values() documents; on an error *l is empty.
 */
enum lic_err lic_vlist_build(const struct lic_catalog *,
	    const struct lic_platform *p, enum lic_key_type type,
	    size_t edition, size_t f, struct lic_vlist *l);
/* 0 and *idx set when v is in l, else -1. */
int	 lic_vlist_find(const struct lic_vlist *l, uint32_t v, uint32_t *idx);

#endif
