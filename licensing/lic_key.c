/* SPDX-License-Identifier: MIT */
/*
 * Activation keys: parse and print the five hex words, and encode and
 * decode asaemu's own 160-bit key format, bound to a serial number and a
 * platform by a truncated HMAC-SHA256. The format is licensing/KEYS.md.
 */
#include "licensing/licensing.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "licensing/licensing_int.h"
#include "util/util.h"

/*
 * DOC: key layout (bit 0 is the most significant bit of the first word).
 *
 *	bits	  0..3	 format version (1 or 2), in clear
 *	bits	  4..19	 serial tag: HMAC("S" serial platform), 16 bits,
 *			 XORed with the mac's first 16 bits
 *	bits	 20..123 body, 104 bits, XORed with
 *			 HMAC("W" mac serial platform)
 *	bits	124..155 mac: HMAC("M" version body serial platform), 32 bits
 *	bits	156..159 check nibble: Luhn mod 16 over the 39 nibbles before
 *
 * The body's own layout is at the top of lic_key_body.c; format 2 adds a
 * purchase number to it. Both formats decode; keys are minted in format 2.
 *
 * Decoding checks, in order: the check nibble (any single mistyped hex
 * digit fails here, always: LIC_E_CHECKSUM), the version, the serial tag
 * (a key for another serial or platform: LIC_E_SERIAL, except one in
 * 65536 that fails on the mac instead), then the mac (LIC_E_CHECKSUM).
 */

#define KEY_BYTES	20
#define KEY_NIBBLES	40

#define KEY_OFF_VERSION	0
#define KEY_OFF_TAG	4
#define KEY_OFF_BODY	20
#define KEY_OFF_MAC	124
#define KEY_OFF_CHECK	156

#define SERIAL_MAX	32	/* longer serial numbers are refused */
#define PLATFORM_MAX	64	/* so is a longer platform id */

/*
 * Public: asaemu is an emulator; this only makes keys look like keys.
 * Format 2 keeps format 1's secret: the version byte under the mac tells
 * the formats apart.
 */
static const char key_secret[] =
    "asaemu activation key format 1: not a secret, not a Cisco key";

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
	char	*p = buf;

	assert(len >= LIC_KEY_TEXT);
	(void)len;
	for (size_t i = 0; i < 5; i++, p += 11) {
		p[0] = '0';
		p[1] = 'x';
		fmt_hex32(p + 2, key->w[i]);
		p[10] = i < 4 ? ' ' : '\0';
	}
	return buf;
}

static void
key_to_bytes(const struct lic_key *key, uint8_t *b)
{
	for (size_t i = 0; i < 5; i++)
		lic_bits_write(b, i * 32, 32, key->w[i]);
}

static void
key_from_bytes(const uint8_t *b, struct lic_key *key)
{
	for (size_t i = 0; i < 5; i++)
		key->w[i] = lic_bits_read(b, i * 32, 32);
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
		unsigned	d = lic_bits_read(b, i * 4, 4) * factor;

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
	uint8_t		msg[1 + LIC_BODY_BYTES + 1 + SERIAL_MAX + 1 +
			    PLATFORM_MAX];
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
	/*
	 * OpenSSL's set-up is paid here, when a key is first checked, not
	 * at start; an HMAC needs no configuration file: skip reading one.
	 */
	OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL);
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
key_mac(unsigned version, const uint8_t *body, const char *serial,
    const struct lic_platform *p)
{
	uint8_t	data[1 + LIC_BODY_BYTES], md[EVP_MAX_MD_SIZE];

	data[0] = (uint8_t)version;
	memcpy(data + 1, body, LIC_BODY_BYTES);
	key_hmac('M', data, sizeof data, serial, p, md);
	return (uint32_t)md[0] << 24 | (uint32_t)md[1] << 16 |
	    (uint32_t)md[2] << 8 | md[3];
}

static void
key_whiten(uint8_t *body, uint32_t mac, const char *serial,
    const struct lic_platform *p)
{
	uint8_t	data[4], md[EVP_MAX_MD_SIZE];

	lic_bits_write(data, 0, 32, mac);
	key_hmac('W', data, sizeof data, serial, p, md);
	for (size_t i = 0; i < LIC_BODY_BYTES; i++)
		body[i] ^= md[i];
}

static int
key_ids_ok(const char *serial, const struct lic_platform *p)
{
	return key_serial_ok(serial) && p->id != NULL &&
	    strlen(p->id) <= PLATFORM_MAX;
}

/* ---- Whole keys ---- */

enum lic_err
lic_key_encode(const struct lic_catalog *cat, const struct lic_platform *p,
    const char *serial, const struct lic_keyinfo *ki, struct lic_key *out)
{
	uint8_t		b[KEY_BYTES] = { 0 }, body[LIC_BODY_BYTES];
	struct lic_keyinfo k = *ki;
	uint32_t	mac;
	enum lic_err	err;

	if (!key_ids_ok(serial, p))
		return LIC_E_SERIAL;
	if (k.format == 0)
		k.format = LIC_KEY_FORMAT;
	if (k.format != 1 && k.format != 2)
		return LIC_E_RANGE;
	if ((err = lic_key_body_encode(cat, p, &k, body)) != LIC_OK)
		return err;
	mac = key_mac(k.format, body, serial, p);
	key_whiten(body, mac, serial, p);
	lic_bits_write(b, KEY_OFF_VERSION, 4, k.format);
	lic_bits_write(b, KEY_OFF_TAG, 16, key_tag(serial, p) ^ mac >> 16);
	for (size_t i = 0; i < LIC_BODY_BYTES; i++)
		lic_bits_write(b, KEY_OFF_BODY + i * 8, 8, body[i]);
	lic_bits_write(b, KEY_OFF_MAC, 32, mac);
	lic_bits_write(b, KEY_OFF_CHECK, 4, key_luhn(b));
	key_from_bytes(b, out);
	return LIC_OK;
}

/* The checks every key passes before its body is read. */
static enum lic_err
key_open(const struct lic_platform *p, const char *serial,
    const struct lic_key *key, unsigned *version, uint8_t *body)
{
	uint8_t		b[KEY_BYTES];
	uint32_t	mac;

	key_to_bytes(key, b);
	if (key_luhn(b) != lic_bits_read(b, KEY_OFF_CHECK, 4))
		return LIC_E_CHECKSUM;
	*version = lic_bits_read(b, KEY_OFF_VERSION, 4);
	if (*version != 1 && *version != 2)
		return LIC_E_VERSION;
	mac = lic_bits_read(b, KEY_OFF_MAC, 32);
	if (!key_ids_ok(serial, p) || (lic_bits_read(b, KEY_OFF_TAG, 16) ^
	    mac >> 16) != key_tag(serial, p))
		return LIC_E_SERIAL;
	for (size_t i = 0; i < LIC_BODY_BYTES; i++)
		body[i] = (uint8_t)lic_bits_read(b, KEY_OFF_BODY + i * 8, 8);
	key_whiten(body, mac, serial, p);
	if (key_mac(*version, body, serial, p) != mac)
		return LIC_E_CHECKSUM;
	return LIC_OK;
}

enum lic_err
lic_key_decode(const struct lic_catalog *cat, const struct lic_platform *p,
    const char *serial, const struct lic_key *key, struct lic_keyinfo *out)
{
	uint8_t		body[LIC_BODY_BYTES];
	unsigned	version;
	enum lic_err	err;

	if ((err = key_open(p, serial, key, &version, body)) != LIC_OK)
		return err;
	return lic_key_body_decode(cat, p, version, body, out);
}
