/* SPDX-License-Identifier: MIT */
/*
 * Activation keys: parse and print the five hex words, and encode and
 * decode asaemu's own 160-bit key format, bound to a serial number and a
 * platform by a truncated HMAC-SHA256. The format is licensing/KEYS.md.
 */
#include "licensing/licensing.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "util/util.h"

/*
 * DOC: key layout (bit 0 is the most significant bit of the first word).
 *
 *	bits	  0..3	 version (1), in clear
 *	bits	  4..19	 serial tag: HMAC("S" serial platform), 16 bits,
 *			 XORed with the mac's first 16 bits
 *	bits	 20..123 body, 104 bits, XORed with HMAC("W" mac serial platform)
 *	bits	124..155 mac: HMAC("M" version body serial platform), 32 bits
 *	bits	156..159 check nibble: Luhn mod 16 over the 39 nibbles before
 *
 * Body (before whitening), MSB first, zero padded:
 *	permanent:	type(2) edition(w) then, in catalogue code order, each
 *			feature's index into lic_key_values() (w bits each)
 *	time-based,
 *	evaluation:	type(2) hours(20) count(4) count * (code(8) index(w))
 * where w is the fewest bits that hold the list's largest index.
 *
 * Decoding checks, in order: the check nibble (any single mistyped hex
 * digit fails here, always: LIC_E_CHECKSUM), the version, the serial tag
 * (a key for another serial or platform: LIC_E_SERIAL, except one in
 * 65536 that fails on the mac instead), then the mac (LIC_E_CHECKSUM).
 */

#define KEY_VERSION	1
#define KEY_BYTES	20
#define KEY_NIBBLES	40

#define KEY_OFF_VERSION	0
#define KEY_OFF_TAG	4
#define KEY_OFF_BODY	20
#define KEY_OFF_MAC	124
#define KEY_OFF_CHECK	156

#define BODY_BITS	104
#define BODY_BYTES	(BODY_BITS / 8)

#define TYPE_BITS	2
#define HOURS_BITS	20
#define COUNT_BITS	4
#define CODE_BITS	8

#define SERIAL_MAX	32	/* longer serial numbers are refused */
#define PLATFORM_MAX	64	/* so is a longer platform id */
#define VALUES_MAX	65536	/* values one feature's list may hold */

/* Public: asaemu is an emulator; this only makes keys look like keys. */
static const char key_secret[] =
    "asaemu activation key format 1: not a secret, not a Cisco key";

/* A bit cursor over the key body. */
struct bits {
	uint8_t		*b;
	size_t		 nbits;	/* capacity */
	size_t		 pos;	/* next bit */
};

static uint32_t
bits_read(const uint8_t *b, size_t off, unsigned n)
{
	uint32_t	v = 0;

	for (unsigned i = 0; i < n; i++) {
		size_t	bit = off + i;

		v = v << 1 | ((b[bit / 8] >> (7 - bit % 8)) & 1);
	}
	return v;
}

static void
bits_write(uint8_t *b, size_t off, unsigned n, uint32_t v)
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
	bits_write(bb->b, bb->pos, n, v);
	bb->pos += n;
	return 0;
}

static int
bits_get(struct bits *bb, unsigned n, uint32_t *v)
{
	if (n > bb->nbits - bb->pos)
		return -1;
	*v = bits_read(bb->b, bb->pos, n);
	bb->pos += n;
	return 0;
}

/* Whether every bit after the cursor is zero (the padding). */
static int
bits_rest_zero(const struct bits *bb)
{
	for (size_t i = bb->pos; i < bb->nbits; i++) {
		if (bits_read(bb->b, i, 1) != 0)
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

const char *
lic_strerror(enum lic_err err)
{
	switch (err) {
	case LIC_OK:
		return "success";
	case LIC_E_FORMAT:
		return "not five hexadecimal words";
	case LIC_E_CHECKSUM:
		return "the check does not match (mistyped or forged key)";
	case LIC_E_SERIAL:
		return "minted for another serial number or platform";
	case LIC_E_VERSION:
		return "unknown key format version";
	case LIC_E_FEATURE:
		return "unknown feature";
	case LIC_E_TIER:
		return "a value the platform does not sell";
	case LIC_E_RANGE:
		return "duration or count out of range";
	}
	return "unknown error";
}

/* One word: "0x" optional, 1 to 8 hex digits. Advances *sp. */
static int
key_parse_word(const char **sp, uint32_t *w)
{
	const char	*s = *sp;
	size_t		 n = 0;
	uint32_t	 v = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	while (isxdigit((unsigned char)s[n])) {
		int	c = tolower((unsigned char)s[n]);

		if (++n > 8)
			return -1;
		v = v << 4 | (uint32_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
	}
	if (n == 0 || (s[n] != '\0' && !isblank((unsigned char)s[n])))
		return -1;
	*w = v;
	*sp = s + n;
	return 0;
}

enum lic_err
lic_key_parse(const char *text, struct lic_key *key)
{
	struct lic_key	k;
	const char	*s = text;

	if (s == NULL)
		return LIC_E_FORMAT;
	for (size_t i = 0; i < 5; i++) {
		while (isblank((unsigned char)*s))
			s++;
		if (key_parse_word(&s, &k.w[i]) != 0)
			return LIC_E_FORMAT;
	}
	while (isblank((unsigned char)*s))
		s++;
	if (*s != '\0')
		return LIC_E_FORMAT;
	*key = k;
	return LIC_OK;
}

char *
lic_key_format(const struct lic_key *key, char *buf, size_t len)
{
	snprintf(buf, len, "0x%08x 0x%08x 0x%08x 0x%08x 0x%08x",
	    (unsigned)key->w[0], (unsigned)key->w[1], (unsigned)key->w[2],
	    (unsigned)key->w[3], (unsigned)key->w[4]);
	return buf;
}

static void
key_to_bytes(const struct lic_key *key, uint8_t *b)
{
	for (size_t i = 0; i < 5; i++)
		bits_write(b, i * 32, 32, key->w[i]);
}

static void
key_from_bytes(const uint8_t *b, struct lic_key *key)
{
	for (size_t i = 0; i < 5; i++)
		key->w[i] = bits_read(b, i * 32, 32);
}

/*
 * Luhn mod 16 check nibble over nibbles 0..38. Doubling then adding the
 * two base-16 digits permutes 0..15, so any one changed nibble (a
 * mistyped hex digit) changes the sum mod 16 and is always caught.
 */
static unsigned
key_luhn(const uint8_t *b)
{
	unsigned	sum = 0, factor = 2;

	for (size_t i = KEY_NIBBLES - 1; i-- > 0;) {
		unsigned	d = bits_read(b, i * 4, 4) * factor;

		sum += d / 16 + d % 16;
		factor = 3 - factor;
	}
	return (16 - sum % 16) % 16;
}

/* A serial number: 1..SERIAL_MAX printable characters, no blanks. */
static int
key_serial_ok(const char *serial)
{
	size_t	n;

	if (serial == NULL)
		return 0;
	n = strlen(serial);
	if (n == 0 || n > SERIAL_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isgraph((unsigned char)serial[i]))
			return 0;
	}
	return 1;
}

/*
 * HMAC-SHA256 of domain || data || SERIAL (upper case) || NUL || platform
 * id, with the project secret. The caller has checked both lengths.
 */
static void
key_hmac(char domain, const uint8_t *data, size_t len, const char *serial,
    const struct lic_platform *p, uint8_t *md)
{
	uint8_t		msg[1 + BODY_BYTES + 1 + SERIAL_MAX + 1 + PLATFORM_MAX];
	size_t		n = 0, ns = strlen(serial), np = strlen(p->id);
	unsigned	mdlen = 0;

	msg[n++] = (uint8_t)domain;
	if (len > 0)
		memcpy(msg + n, data, len);
	n += len;
	for (size_t i = 0; i < ns; i++)
		msg[n++] = (uint8_t)toupper((unsigned char)serial[i]);
	msg[n++] = 0;
	memcpy(msg + n, p->id, np);
	n += np;
	HMAC(EVP_sha256(), key_secret, (int)(sizeof key_secret - 1), msg, n,
	    md, &mdlen);
}

static uint32_t
key_tag(const char *serial, const struct lic_platform *p)
{
	uint8_t	md[EVP_MAX_MD_SIZE];

	key_hmac('S', NULL, 0, serial, p, md);
	return (uint32_t)md[0] << 8 | md[1];
}

/* The mac over version and plain body, and the body's whitening. */
static uint32_t
key_mac(const uint8_t *body, const char *serial, const struct lic_platform *p)
{
	uint8_t	data[1 + BODY_BYTES], md[EVP_MAX_MD_SIZE];

	data[0] = KEY_VERSION;
	memcpy(data + 1, body, BODY_BYTES);
	key_hmac('M', data, sizeof data, serial, p, md);
	return (uint32_t)md[0] << 24 | (uint32_t)md[1] << 16 |
	    (uint32_t)md[2] << 8 | md[3];
}

static void
key_whiten(uint8_t *body, uint32_t mac, const char *serial,
    const struct lic_platform *p)
{
	uint8_t	data[4], md[EVP_MAX_MD_SIZE];

	bits_write(data, 0, 32, mac);
	key_hmac('W', data, sizeof data, serial, p, md);
	for (size_t i = 0; i < BODY_BYTES; i++)
		body[i] ^= md[i];
}

static int
key_ids_ok(const char *serial, const struct lic_platform *p)
{
	return key_serial_ok(serial) && p->id != NULL &&
	    strlen(p->id) <= PLATFORM_MAX;
}

/* ---- Value lists ---- */

struct vlist {
	uint32_t	*v;
	size_t		 n;
	size_t		 alloc;
};

static int
vlist_add(struct vlist *l, uint32_t v)
{
	if (l->n == VALUES_MAX)
		return -1;
	if (l->n == l->alloc) {
		l->alloc = l->alloc == 0 ? 16 : l->alloc * 2;
		l->v = xreallocarray(l->v, l->alloc, sizeof *l->v);
	}
	l->v[l->n++] = v;
	return 0;
}

static int
vlist_add_range(struct vlist *l, const struct lic_range *r)
{
	uint32_t	v = r->min;

	if (r->step == 0 || r->min >= r->max) {
		if (vlist_add(l, r->min) != 0)
			return -1;
		return r->max > r->min ? vlist_add(l, r->max) : 0;
	}
	for (;;) {
		if (vlist_add(l, v) != 0)
			return -1;
		if (r->max - v < r->step)
			break;
		v += r->step;
	}
	return 0;
}

static int
vlist_cmp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort v[first..] ascending, without duplicates or (has_drop) drop. */
static void
vlist_sort(struct vlist *l, size_t first, int has_drop, uint32_t drop)
{
	size_t	out = first;

	if (l->n <= first)
		return;
	qsort(l->v + first, l->n - first, sizeof *l->v, vlist_cmp);
	for (size_t i = first; i < l->n; i++) {
		if (has_drop && l->v[i] == drop)
			continue;
		if (out > first && l->v[out - 1] == l->v[i])
			continue;
		l->v[out++] = l->v[i];
	}
	l->n = out;
}

static int
vlist_find(const struct vlist *l, uint32_t v, uint32_t *idx)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i] == v) {
			*idx = (uint32_t)i;
			return 0;
		}
	}
	return -1;
}

/* Permanent: the edition default first, then its tiers ascending. */
static int
vlist_permanent(struct vlist *l, const struct lic_cell *c)
{
	if (vlist_add(l, c->value) != 0)
		return -1;
	if (!c->supported)
		return 0;
	for (size_t i = 0; i < c->ntiers; i++) {
		if (vlist_add_range(l, &c->tiers[i]) != 0)
			return -1;
	}
	vlist_sort(l, 1, 1, c->value);
	return 0;
}

/*
 * Time-based and evaluation: every value of every edition's cell that
 * supports the feature (a switch may always be Enabled), ascending. A
 * time-based key also needs a cell that is offered time-based, or a
 * feature whose time-based licenses Table 5-18 combines by adding (UC
 * proxy sessions, security contexts) or uses alone (Botnet).
 */
static int
vlist_timed(struct vlist *l, const struct lic_platform *p,
    const struct lic_feature *feat, size_t f, enum lic_key_type type)
{
	int	offered = feat->time_rule == LIC_TIME_ADD ||
	    feat->time_rule == LIC_TIME_ONLY;

	for (size_t e = 0; e < p->neditions; e++) {
		const struct lic_cell	*c = &p->editions[e].cells[f];

		if (!c->supported)
			continue;
		offered |= c->time_based;
		if (vlist_add(l, c->value) != 0)
			return -1;
		if (feat->kind == LIC_KIND_BOOL &&
		    (vlist_add(l, 0) != 0 || vlist_add(l, 1) != 0))
			return -1;
		for (size_t i = 0; i < c->ntiers; i++) {
			if (vlist_add_range(l, &c->tiers[i]) != 0)
				return -1;
		}
	}
	if (type == LIC_KEY_TIMEBASED && !offered)
		l->n = 0;
	vlist_sort(l, 0, 0, 0);
	return 0;
}

static enum lic_err
key_vlist(const struct lic_catalog *cat, const struct lic_platform *p,
    enum lic_key_type type, size_t edition, size_t f, struct vlist *l)
{
	int	rc;

	memset(l, 0, sizeof *l);
	if (f >= cat->nfeatures)
		return LIC_E_FEATURE;
	if (edition >= p->neditions)
		return LIC_E_RANGE;
	if (type == LIC_KEY_PERMANENT)
		rc = vlist_permanent(l, &p->editions[edition].cells[f]);
	else
		rc = vlist_timed(l, p, &cat->features[f], f, type);
	if (rc != 0) {
		free(l->v);
		memset(l, 0, sizeof *l);
		return LIC_E_RANGE;
	}
	return LIC_OK;
}

enum lic_err
lic_key_values(const struct lic_catalog *cat, const struct lic_platform *p,
    enum lic_key_type type, size_t edition, size_t f, uint32_t **vals,
    size_t *n)
{
	struct vlist	l;
	enum lic_err	err;

	err = key_vlist(cat, p, type, edition, f, &l);
	*n = l.n;
	if (vals != NULL)
		*vals = l.v;
	else
		free(l.v);
	return err;
}

/* ---- Encoding and decoding the body ---- */

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
	struct vlist	l;
	enum lic_err	err;

	if ((err = key_vlist(cat, p, type, edition, f, &l)) != LIC_OK)
		return err;
	if (vlist_find(&l, value, idx) != 0)
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
	struct vlist	l;
	enum lic_err	err;
	uint32_t	idx;

	if ((err = key_vlist(cat, p, type, edition, f, &l)) != LIC_OK)
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
		ki->grants[i].feature = f;
		err = key_value(cat, p, ki->type, 0, f, bb,
		    &ki->grants[i].value);
		if (err != LIC_OK)
			return err;
		ki->ngrants = i + 1;
	}
	return bits_rest_zero(bb) ? LIC_OK : LIC_E_TIER;
}

/* ---- Whole keys ---- */

enum lic_err
lic_key_encode(const struct lic_catalog *cat, const struct lic_platform *p,
    const char *serial, const struct lic_keyinfo *ki, struct lic_key *out)
{
	uint8_t		b[KEY_BYTES] = { 0 }, body[BODY_BYTES] = { 0 };
	struct bits	bb = { .b = body, .nbits = BODY_BITS, .pos = 0 };
	uint32_t	mac;
	enum lic_err	err;

	if (!key_ids_ok(serial, p))
		return LIC_E_SERIAL;
	bits_put(&bb, TYPE_BITS, (uint32_t)ki->type);
	switch (ki->type) {
	case LIC_KEY_PERMANENT:
		err = key_encode_permanent(cat, p, ki, &bb);
		break;
	case LIC_KEY_TIMEBASED:
	case LIC_KEY_EVALUATION:
		err = key_encode_timed(cat, p, ki, &bb);
		break;
	default:
		err = LIC_E_RANGE;
		break;
	}
	if (err != LIC_OK)
		return err;
	mac = key_mac(body, serial, p);
	key_whiten(body, mac, serial, p);
	bits_write(b, KEY_OFF_VERSION, 4, KEY_VERSION);
	bits_write(b, KEY_OFF_TAG, 16, key_tag(serial, p) ^ mac >> 16);
	for (size_t i = 0; i < BODY_BYTES; i++)
		bits_write(b, KEY_OFF_BODY + i * 8, 8, body[i]);
	bits_write(b, KEY_OFF_MAC, 32, mac);
	bits_write(b, KEY_OFF_CHECK, 4, key_luhn(b));
	key_from_bytes(b, out);
	return LIC_OK;
}

/* The checks every key passes before its body is read. */
static enum lic_err
key_open(const struct lic_platform *p, const char *serial,
    const struct lic_key *key, uint8_t *body)
{
	uint8_t		b[KEY_BYTES];
	uint32_t	mac;

	key_to_bytes(key, b);
	if (key_luhn(b) != bits_read(b, KEY_OFF_CHECK, 4))
		return LIC_E_CHECKSUM;
	if (bits_read(b, KEY_OFF_VERSION, 4) != KEY_VERSION)
		return LIC_E_VERSION;
	mac = bits_read(b, KEY_OFF_MAC, 32);
	if (!key_ids_ok(serial, p) ||
	    (bits_read(b, KEY_OFF_TAG, 16) ^ mac >> 16) != key_tag(serial, p))
		return LIC_E_SERIAL;
	for (size_t i = 0; i < BODY_BYTES; i++)
		body[i] = (uint8_t)bits_read(b, KEY_OFF_BODY + i * 8, 8);
	key_whiten(body, mac, serial, p);
	if (key_mac(body, serial, p) != mac)
		return LIC_E_CHECKSUM;
	return LIC_OK;
}

enum lic_err
lic_key_decode(const struct lic_catalog *cat, const struct lic_platform *p,
    const char *serial, const struct lic_key *key, struct lic_keyinfo *out)
{
	uint8_t			body[BODY_BYTES];
	struct bits		bb = { .b = body, .nbits = BODY_BITS, .pos = 0 };
	struct lic_keyinfo	ki;
	uint32_t		type;
	enum lic_err		err;

	if ((err = key_open(p, serial, key, body)) != LIC_OK)
		return err;
	memset(&ki, 0, sizeof ki);
	bits_get(&bb, TYPE_BITS, &type);
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
