/* SPDX-License-Identifier: MIT */
/*
 * Activation keys: the 104-bit body, packed bit by bit. It says what a
 * key grants, as indices into the value lists of lic_key_values.c; the
 * envelope around it (serial tag, whitening, mac) is lic_key.c.
 */
#include "licensing/licensing.h"

#include <stdlib.h>
#include <string.h>

#include "licensing/licensing_int.h"
#include "util/util.h"

/*
 * DOC: body layout (before whitening), MSB first, zero padded:
 *	permanent:	type(2) [purchase(16)] edition(w) then, in catalogue
 *			code order, each feature's index into
 *			lic_key_values() (w bits each)
 *	time-based,
 *	evaluation:	type(2) [purchase(16)] hours(20) count(4)
 *			count * (code(8) index(w))
 * where w is the fewest bits that hold the list's largest index. The
 * purchase number is in format 2 keys only (KEYS.md): two purchases of
 * one license are two keys, which is what lets identical time-based
 * licenses stack.
 */

#define TYPE_BITS	2
#define HOURS_BITS	20
#define COUNT_BITS	4
#define CODE_BITS	8
#define PURCHASE_BITS	16

/* ---- Bit packing ---- */

/* A bit cursor over the key body. */
struct bits {
	uint8_t		*b;
	size_t		 nbits;	/* capacity */
	size_t		 pos;	/* next bit */
};

uint32_t
lic_bits_read(const uint8_t *b, size_t off, unsigned n)
{
	uint32_t	v = 0;

	for (unsigned i = 0; i < n; i++) {
		size_t	bit = off + i;

		v = v << 1 | ((b[bit / 8] >> (7 - bit % 8)) & 1);
	}
	return v;
}

void
lic_bits_write(uint8_t *b, size_t off, unsigned n, uint32_t v)
{
	for (unsigned i = 0; i < n; i++) {
		size_t		bit = off + i;
		uint8_t		mask = (uint8_t)(1u << (7 - bit % 8));

		if ((v >> (n - 1 - i)) & 1)
			b[bit / 8] |= mask;
		else
			b[bit / 8] &= (uint8_t)~mask;
	}
}

static int
bits_put(struct bits *bb, unsigned n, uint32_t v)
{
	if (n > bb->nbits - bb->pos)
		return -1;
	lic_bits_write(bb->b, bb->pos, n, v);
	bb->pos += n;
	return 0;
}

static int
bits_get(struct bits *bb, unsigned n, uint32_t *v)
{
	if (n > bb->nbits - bb->pos)
		return -1;
	*v = lic_bits_read(bb->b, bb->pos, n);
	bb->pos += n;
	return 0;
}

/* Whether every bit after the cursor is zero (the padding). */
static int
bits_rest_zero(const struct bits *bb)
{
	for (size_t i = bb->pos; i < bb->nbits; i++) {
		if (lic_bits_read(bb->b, i, 1) != 0)
			return 0;
	}
	return 1;
}

/* The fewest bits that hold every index of an n-value list. */
static unsigned
bits_for(size_t n)
{
	unsigned	w = 0;

	while (n > 1 && ((size_t)1 << w) < n)
		w++;
	return w;
}

/* ---- Feature values as indices ---- */

struct code_ix {
	unsigned	code;
	size_t		ix;
};

static int
code_ix_cmp(const void *a, const void *b)
{
	const struct code_ix	*x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->ix < y->ix ? -1 : x->ix > y->ix;
}

/* Catalogue indices in code order; the caller frees. */
static size_t *
key_code_order(const struct lic_catalog *cat)
{
	struct code_ix	*ci = xcalloc(cat->nfeatures + 1, sizeof *ci);
	size_t		*order = xcalloc(cat->nfeatures + 1, sizeof *order);

	for (size_t f = 0; f < cat->nfeatures; f++) {
		ci[f].code = cat->features[f].code;
		ci[f].ix = f;
	}
	qsort(ci, cat->nfeatures, sizeof *ci, code_ix_cmp);
	for (size_t i = 0; i < cat->nfeatures; i++)
		order[i] = ci[i].ix;
	free(ci);
	return order;
}

static size_t
key_find_code(const struct lic_catalog *cat, uint32_t code)
{
	for (size_t f = 0; f < cat->nfeatures; f++) {
		if (cat->features[f].code == code)
			return f;
	}
	return (size_t)-1;
}

/* Index of value in feature f's list (LIC_E_TIER if not there), and width. */
static enum lic_err
key_index(const struct lic_catalog *cat, const struct lic_platform *p,
    enum lic_key_type type, size_t edition, size_t f, uint32_t value,
    uint32_t *idx, unsigned *width)
{
	struct lic_vlist	l;
	enum lic_err	err;

	if ((err = lic_vlist_build(cat, p, type, edition, f, &l)) != LIC_OK)
		return err;
	if (lic_vlist_find(&l, value, idx) != 0)
		err = LIC_E_TIER;
	*width = bits_for(l.n);
	free(l.v);
	return err;
}

/* The value at idx in feature f's list (LIC_E_TIER past its end). */
static enum lic_err
key_value(const struct lic_catalog *cat, const struct lic_platform *p,
    enum lic_key_type type, size_t edition, size_t f, struct bits *bb,
    uint32_t *value)
{
	struct lic_vlist	l;
	enum lic_err	err;
	uint32_t	idx;

	if ((err = lic_vlist_build(cat, p, type, edition, f, &l)) != LIC_OK)
		return err;
	if (bits_get(bb, bits_for(l.n), &idx) != 0 || idx >= l.n)
		err = LIC_E_TIER;
	else
		*value = l.v[idx];
	free(l.v);
	return err;
}

/* Each feature's index in the edition, granted value or default. */
static enum lic_err
key_perm_indices(const struct lic_catalog *cat, const struct lic_platform *p,
    const struct lic_keyinfo *ki, uint32_t *idx, unsigned *width)
{
	const struct lic_cell	*cells = p->editions[ki->edition].cells;
	uint8_t			*seen = xcalloc(cat->nfeatures + 1, 1);
	enum lic_err		 err = LIC_OK;

	for (size_t f = 0; f < cat->nfeatures; f++) {
		idx[f] = 0;
		width[f] = 0;
	}
	for (size_t i = 0; i < ki->ngrants && err == LIC_OK; i++) {
		size_t	f = ki->grants[i].feature;

		if (f >= cat->nfeatures || seen[f]++)
			err = LIC_E_FEATURE;
		else
			err = key_index(cat, p, LIC_KEY_PERMANENT,
			    ki->edition, f, ki->grants[i].value, &idx[f],
			    &width[f]);
	}
	for (size_t f = 0; f < cat->nfeatures && err == LIC_OK; f++) {
		if (!seen[f])
			err = key_index(cat, p, LIC_KEY_PERMANENT,
			    ki->edition, f, cells[f].value, &idx[f],
			    &width[f]);
	}
	free(seen);
	return err;
}

/* ---- Permanent and timed bodies ---- */

static enum lic_err
key_encode_permanent(const struct lic_catalog *cat,
    const struct lic_platform *p, const struct lic_keyinfo *ki,
    struct bits *bb)
{
	uint32_t	*idx;
	unsigned	*width;
	size_t		*order;
	enum lic_err	 err;

	if (ki->edition >= p->neditions || ki->ngrants > LIC_KEY_MAX_GRANTS)
		return LIC_E_RANGE;
	idx = xcalloc(cat->nfeatures + 1, sizeof *idx);
	width = xcalloc(cat->nfeatures + 1, sizeof *width);
	order = key_code_order(cat);
	err = key_perm_indices(cat, p, ki, idx, width);
	if (err == LIC_OK && bits_put(bb, bits_for(p->neditions),
	    (uint32_t)ki->edition) != 0)
		err = LIC_E_RANGE;
	for (size_t i = 0; i < cat->nfeatures && err == LIC_OK; i++) {
		if (bits_put(bb, width[order[i]], idx[order[i]]) != 0)
			err = LIC_E_RANGE;
	}
	free(order);
	free(width);
	free(idx);
	return err;
}

static enum lic_err
key_decode_permanent(const struct lic_catalog *cat,
    const struct lic_platform *p, struct bits *bb, struct lic_keyinfo *ki)
{
	size_t		*order;
	uint32_t	 e;
	enum lic_err	 err = LIC_OK;

	if (cat->nfeatures > LIC_KEY_MAX_GRANTS)
		return LIC_E_RANGE;
	if (bits_get(bb, bits_for(p->neditions), &e) != 0 ||
	    e >= p->neditions)
		return LIC_E_TIER;
	ki->edition = e;
	ki->ngrants = cat->nfeatures;
	order = key_code_order(cat);
	for (size_t i = 0; i < cat->nfeatures && err == LIC_OK; i++) {
		size_t	f = order[i];

		ki->grants[f].feature = f;
		err = key_value(cat, p, LIC_KEY_PERMANENT, e, f, bb,
		    &ki->grants[f].value);
	}
	free(order);
	if (err == LIC_OK && !bits_rest_zero(bb))
		err = LIC_E_TIER;
	return err;
}

static enum lic_err
key_encode_timed(const struct lic_catalog *cat, const struct lic_platform *p,
    const struct lic_keyinfo *ki, struct bits *bb)
{
	uint32_t	hours = ki->duration / 3600;

	if (ki->duration % 3600 != 0 || hours == 0 ||
	    hours > LIC_KEY_MAX_HOURS)
		return LIC_E_RANGE;
	if (ki->ngrants == 0 || ki->ngrants > LIC_KEY_MAX_TIMED ||
	    (ki->type == LIC_KEY_TIMEBASED && ki->ngrants != 1))
		return LIC_E_RANGE;
	bits_put(bb, HOURS_BITS, hours);
	bits_put(bb, COUNT_BITS, (uint32_t)ki->ngrants);
	for (size_t i = 0; i < ki->ngrants; i++) {
		size_t		f = ki->grants[i].feature;
		uint32_t	idx;
		unsigned	width;
		enum lic_err	err;

		for (size_t j = 0; j < i; j++) {
			if (ki->grants[j].feature == f)
				return LIC_E_FEATURE;
		}
		err = key_index(cat, p, ki->type, 0, f, ki->grants[i].value,
		    &idx, &width);
		if (err != LIC_OK)
			return err;
		if (cat->features[f].code >= 1u << CODE_BITS)
			return LIC_E_RANGE;
		if (bits_put(bb, CODE_BITS, cat->features[f].code) != 0 ||
		    bits_put(bb, width, idx) != 0)
			return LIC_E_RANGE;
	}
	return LIC_OK;
}

static enum lic_err
key_decode_timed(const struct lic_catalog *cat, const struct lic_platform *p,
    struct bits *bb, struct lic_keyinfo *ki)
{
	uint32_t	hours, n, code;
	enum lic_err	err;

	bits_get(bb, HOURS_BITS, &hours);
	bits_get(bb, COUNT_BITS, &n);
	if (hours == 0 || n == 0 ||
	    (ki->type == LIC_KEY_TIMEBASED && n != 1))
		return LIC_E_RANGE;
	ki->duration = hours * 3600;
	for (size_t i = 0; i < n; i++) {
		size_t	f;

		if (bits_get(bb, CODE_BITS, &code) != 0)
			return LIC_E_RANGE;
		if ((f = key_find_code(cat, code)) == (size_t)-1)
			return LIC_E_FEATURE;
		/* A feature named twice: the encoder refuses it, so do we. */
		for (size_t j = 0; j < i; j++) {
			if (ki->grants[j].feature == f)
				return LIC_E_FEATURE;
		}
		ki->grants[i].feature = f;
		err = key_value(cat, p, ki->type, 0, f, bb,
		    &ki->grants[i].value);
		if (err != LIC_OK)
			return err;
		ki->ngrants = i + 1;
	}
	return bits_rest_zero(bb) ? LIC_OK : LIC_E_TIER;
}

/* ---- Whole bodies ---- */

enum lic_err
lic_key_body_encode(const struct lic_catalog *cat,
    const struct lic_platform *p, const struct lic_keyinfo *ki,
    uint8_t *body)
{
	struct bits	bb = { .b = body, .nbits = LIC_BODY_BITS };

	memset(body, 0, LIC_BODY_BYTES);
	bits_put(&bb, TYPE_BITS, (uint32_t)ki->type);
	if (ki->format == 1 ? ki->purchase != 0 :
	    ki->purchase > LIC_KEY_MAX_PURCHASE)
		return LIC_E_RANGE;
	if (ki->format != 1)
		bits_put(&bb, PURCHASE_BITS, ki->purchase);
	switch (ki->type) {
	case LIC_KEY_PERMANENT:
		return key_encode_permanent(cat, p, ki, &bb);
	case LIC_KEY_TIMEBASED:
	case LIC_KEY_EVALUATION:
		return key_encode_timed(cat, p, ki, &bb);
	default:
		return LIC_E_RANGE;
	}
}

enum lic_err
lic_key_body_decode(const struct lic_catalog *cat,
    const struct lic_platform *p, unsigned format, const uint8_t *body,
    struct lic_keyinfo *out)
{
	uint8_t			buf[LIC_BODY_BYTES];
	struct bits		bb = { .b = buf, .nbits = LIC_BODY_BITS };
	struct lic_keyinfo	ki;
	uint32_t		type;
	enum lic_err		err;

	memcpy(buf, body, sizeof buf);
	memset(&ki, 0, sizeof ki);
	ki.format = format;
	bits_get(&bb, TYPE_BITS, &type);
	if (format != 1)
		bits_get(&bb, PURCHASE_BITS, &ki.purchase);
	switch (type) {
	case LIC_KEY_PERMANENT:
		ki.type = LIC_KEY_PERMANENT;
		err = key_decode_permanent(cat, p, &bb, &ki);
		break;
	case LIC_KEY_TIMEBASED:
	case LIC_KEY_EVALUATION:
		ki.type = (enum lic_key_type)type;
		err = key_decode_timed(cat, p, &bb, &ki);
		break;
	default:
		err = LIC_E_VERSION;
		break;
	}
	if (err == LIC_OK)
		*out = ki;
	return err;
}
