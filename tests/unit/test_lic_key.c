/* SPDX-License-Identifier: MIT */
/*
 * Activation key codec: frozen test vectors (they guard the format of
 * licensing/KEYS.md), round trips of every key type, rejection of every
 * single mistyped hex digit, serial and platform binding, parsing and the
 * encoder's checks. The catalogue and platforms are built here, in C.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "licensing/licensing_int.h"

/* ---- A small catalogue, codes deliberately out of index order ---- */

enum {
	F_PREMIUM,		/* anyconnect-premium */
	F_SECPLUS,		/* security-plus */
	F_ENCRYPTION,
	F_BOTNET,
	F_FAILOVER,
	F_SHARED,		/* shared-premium-sessions */
	F_CONTEXTS,
	F_HOSTS,		/* inside-hosts */
	F_COUNT
};

static const struct lic_enum_value enc_values[] = {
	{ .id = "des", .text = "Enabled" },
	{ .id = "3des-aes", .text = "Enabled" },
};

static const struct lic_enum_value fo_values[] = {
	{ .id = "disabled", .text = "Disabled" },
	{ .id = "active-standby", .text = "Active/Standby" },
	{ .id = "active-active", .text = "Active/Active" },
};

static const struct lic_feature features[F_COUNT] = {
	[F_PREMIUM] = { .id = "anyconnect-premium", .code = 11,
	    .kind = LIC_KIND_COUNT },
	[F_SECPLUS] = { .id = "security-plus", .code = 1,
	    .kind = LIC_KIND_BOOL },
	[F_ENCRYPTION] = { .id = "encryption", .code = 20,
	    .kind = LIC_KIND_ENUM, .values = enc_values, .nvalues = 2 },
	[F_BOTNET] = { .id = "botnet-traffic-filter", .code = 2,
	    .kind = LIC_KIND_BOOL },
	[F_FAILOVER] = { .id = "failover", .code = 21,
	    .kind = LIC_KIND_ENUM, .values = fo_values, .nvalues = 3 },
	[F_SHARED] = { .id = "shared-premium-sessions", .code = 14,
	    .kind = LIC_KIND_COUNT },
	[F_CONTEXTS] = { .id = "security-contexts", .code = 25,
	    .kind = LIC_KIND_COUNT },
	[F_HOSTS] = { .id = "inside-hosts", .code = 30,
	    .kind = LIC_KIND_COUNT },
};

static const struct lic_catalog catalog = {
	.features = features,
	.nfeatures = F_COUNT,
};

#define R1(v)		{ .min = (v), .max = (v), .step = 0 }

static const struct lic_range premium_5520[] = {
	R1(10), R1(25), R1(50), R1(100), R1(250), R1(500), R1(750),
};
static const struct lic_range premium_5505[] = { R1(10), R1(25) };
static const struct lic_range one[] = { R1(1) };
static const struct lic_range shared_pool[] = {
	{ .min = 500, .max = 50000, .step = 500 },
	{ .min = 50000, .max = 545000, .step = 1000 },
};
static const struct lic_range contexts_5520[] = { R1(5), R1(10), R1(20) };
static const struct lic_range hosts_5505[] = { R1(50), R1(LIC_UNLIMITED) };

#define TIERS(t)	.tiers = (t), .ntiers = sizeof(t) / sizeof((t)[0])

static const struct lic_cell cells_5520[F_COUNT] = {
	[F_PREMIUM] = { .supported = true, .value = 2, TIERS(premium_5520),
	    .time_based = true },
	[F_SECPLUS] = { .supported = false, .value = 0 },
	[F_ENCRYPTION] = { .supported = true, .value = 0, TIERS(one) },
	[F_BOTNET] = { .supported = true, .value = 0, .time_based = true },
	[F_FAILOVER] = { .supported = true, .value = 2 },
	[F_SHARED] = { .supported = true, .value = 0, TIERS(shared_pool) },
	[F_CONTEXTS] = { .supported = true, .value = 2,
	    TIERS(contexts_5520), .time_based = true },
	[F_HOSTS] = { .supported = true, .value = LIC_UNLIMITED },
};

static const struct lic_cell cells_5505_base[F_COUNT] = {
	[F_PREMIUM] = { .supported = true, .value = 2, TIERS(premium_5505),
	    .time_based = true },
	[F_SECPLUS] = { .supported = true, .value = 0 },
	[F_ENCRYPTION] = { .supported = true, .value = 0, TIERS(one) },
	[F_BOTNET] = { .supported = true, .value = 0, .time_based = true },
	[F_FAILOVER] = { .supported = true, .value = 0 },
	[F_SHARED] = { .supported = false, .value = 0 },
	[F_CONTEXTS] = { .supported = false, .value = 0 },
	[F_HOSTS] = { .supported = true, .value = 10, TIERS(hosts_5505) },
};

static const struct lic_cell cells_5505_plus[F_COUNT] = {
	[F_PREMIUM] = { .supported = true, .value = 2, TIERS(premium_5505),
	    .time_based = true },
	[F_SECPLUS] = { .supported = true, .value = 1 },
	[F_ENCRYPTION] = { .supported = true, .value = 0, TIERS(one) },
	[F_BOTNET] = { .supported = true, .value = 0, .time_based = true },
	[F_FAILOVER] = { .supported = true, .value = 1 },
	[F_SHARED] = { .supported = false, .value = 0 },
	[F_CONTEXTS] = { .supported = false, .value = 0 },
	[F_HOSTS] = { .supported = true, .value = 10, TIERS(hosts_5505) },
};

static const struct lic_edition editions_5520[] = {
	{ .id = "base", .cells = cells_5520 },
};

static const struct lic_edition editions_5505[] = {
	{ .id = "base", .cells = cells_5505_base },
	{ .id = "security-plus", .cells = cells_5505_plus },
};

static const struct lic_platform asa5520 = {
	.id = "ASA5520", .editions = editions_5520, .neditions = 1,
};

static const struct lic_platform asa5505 = {
	.id = "ASA5505", .editions = editions_5505, .neditions = 2,
};

static const struct lic_platform *const platforms[] = { &asa5520, &asa5505 };

#define G(f, v)		{ .feature = (f), .value = (v) }
#define DAYS(n)		((uint32_t)(n) * 86400u)

/* ---- Helpers ---- */

/* A deterministic xorshift32; the seed is fixed so failures reproduce. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static unsigned
nibble(const struct lic_key *k, unsigned i)
{
	return (k->w[i / 8] >> (28 - 4 * (i % 8))) & 0xf;
}

static void
set_nibble(struct lic_key *k, unsigned i, unsigned v)
{
	unsigned	shift = 28 - 4 * (i % 8);

	k->w[i / 8] = (k->w[i / 8] & ~(0xfu << shift)) | (uint32_t)v << shift;
}

/* KEYS.md's check nibble, written again from the document. */
static void
fix_check(struct lic_key *k)
{
	unsigned	sum = 0, factor = 2;

	for (int i = 38; i >= 0; i--) {
		unsigned	d = nibble(k, (unsigned)i) * factor;

		sum += d / 16 + d % 16;
		factor = factor == 2 ? 1 : 2;
	}
	set_nibble(k, 39, (16 - sum % 16) % 16);
}

static void
assert_same_info(const struct lic_keyinfo *want, const struct lic_keyinfo *got,
    const struct lic_platform *p)
{
	assert_int_equal(got->type, want->type);
	assert_int_equal(got->format, want->format == 0 ? LIC_KEY_FORMAT :
	    want->format);
	assert_int_equal(got->purchase, want->purchase);
	if (want->type != LIC_KEY_PERMANENT) {
		assert_int_equal(got->duration, want->duration);
		assert_int_equal(got->ngrants, want->ngrants);
		for (size_t i = 0; i < want->ngrants; i++) {
			assert_int_equal(got->grants[i].feature,
			    want->grants[i].feature);
			assert_int_equal(got->grants[i].value,
			    want->grants[i].value);
		}
		return;
	}
	assert_int_equal(got->edition, want->edition);
	assert_int_equal(got->ngrants, F_COUNT);
	for (size_t f = 0; f < F_COUNT; f++) {
		uint32_t	v = p->editions[want->edition].cells[f].value;

		for (size_t i = 0; i < want->ngrants; i++) {
			if (want->grants[i].feature == f)
				v = want->grants[i].value;
		}
		assert_int_equal(got->grants[f].feature, f);
		assert_int_equal(got->grants[f].value, v);
	}
}

/* A random value from feature f's list; 0 if it has none. */
static int
random_value(uint32_t *s, const struct lic_platform *p,
    enum lic_key_type t, size_t e, size_t f, uint32_t *v)
{
	uint32_t	*vals;
	size_t		 n;

	assert_int_equal(lic_key_values(&catalog, p, t, e, f, &vals, &n),
	    LIC_OK);
	if (n > 0)
		*v = vals[rnd(s) % n];
	free(vals);
	return n > 0;
}

/* A random key of any type for platform p. */
static void
random_info(uint32_t *s, const struct lic_platform *p, struct lic_keyinfo *ki)
{
	memset(ki, 0, sizeof *ki);
	ki->purchase = rnd(s) % (LIC_KEY_MAX_PURCHASE + 1);
	ki->type = (enum lic_key_type)(rnd(s) % 3);
	if (ki->type == LIC_KEY_PERMANENT) {
		ki->edition = rnd(s) % p->neditions;
		for (size_t f = 0; f < F_COUNT; f++) {
			uint32_t	v = 0;

			if (rnd(s) % 2 && random_value(s, p, ki->type,
			    ki->edition, f, &v))
				ki->grants[ki->ngrants++] =
				    (struct lic_grant)G(f, v);
		}
		return;
	}
	ki->duration = (1 + rnd(s) % (3 * 366 * 24)) * 3600u;
	for (size_t f = 0; f < F_COUNT; f++) {
		uint32_t	v = 0;

		if ((ki->ngrants == 0 || rnd(s) % 2) &&
		    random_value(s, p, ki->type, 0, f, &v))
			ki->grants[ki->ngrants++] = (struct lic_grant)G(f, v);
		if (ki->type == LIC_KEY_TIMEBASED && ki->ngrants == 1)
			break;
		/* Format 2's purchase number leaves 62 bits for grants. */
		if (ki->ngrants == 4)
			break;
	}
	assert_true(ki->ngrants > 0);
}

/* ---- Frozen vectors ---- */

struct vector {
	const char		*name;
	const struct lic_platform *p;
	const char		*serial;
	struct lic_keyinfo	 ki;
	uint32_t		 want[5];
};

static const struct vector vectors[] = {
	{ .name = "ASA5520 Base defaults", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 1, .type = LIC_KEY_PERMANENT },
	  .want = { 0x1fb5188b, 0x26c9b0aa, 0xa456bb16, 0x7e21e04b,
	      0x58638267 } },
	{ .name = "ASA5520 750 Premium, 3DES, 20 contexts", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 1, .type = LIC_KEY_PERMANENT, .ngrants = 3, .grants = {
	      G(F_PREMIUM, 750), G(F_ENCRYPTION, 1), G(F_CONTEXTS, 20) } },
	  .want = { 0x128eab6b, 0xe43256f3, 0x4f46a3f2, 0x94a67ed6,
	      0x63d97b9f } },
	{ .name = "ASA5520 shared server 545000", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 1, .type = LIC_KEY_PERMANENT, .ngrants = 1, .grants = {
	      G(F_SHARED, 545000) } },
	  .want = { 0x1f96a8ce, 0xd95db470, 0xb5476944, 0x97e443db,
	      0x7bdb486b } },
	{ .name = "ASA5505 Security Plus, unlimited hosts", .p = &asa5505,
	  .serial = "JMX1234A5BC",
	  .ki = { .format = 1, .type = LIC_KEY_PERMANENT, .edition = 1, .ngrants = 2,
	      .grants = { G(F_HOSTS, LIC_UNLIMITED), G(F_ENCRYPTION, 1) } },
	  .want = { 0x1d4e5a03, 0x40bacdea, 0x197074fb, 0x8fbabb21,
	      0x865307bf } },
	{ .name = "ASA5520 Botnet 52 weeks", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 1, .type = LIC_KEY_TIMEBASED, .duration = DAYS(364),
	      .ngrants = 1, .grants = { G(F_BOTNET, 1) } },
	  .want = { 0x11917f22, 0x57d0bb27, 0xb17b5f16, 0x5de068b5,
	      0x7c003d50 } },
	{ .name = "ASA5520 evaluation 62 days", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 1, .type = LIC_KEY_EVALUATION, .duration = DAYS(62),
	      .ngrants = 3, .grants = { G(F_BOTNET, 1), G(F_PREMIUM, 750),
	      G(F_CONTEXTS, 20) } },
	  .want = { 0x15bede26, 0x56f6eeaa, 0x6ca72d7e, 0x8d6ec7f1,
	      0x53a1d2de } },
	/* Format 2 (KEYS.md): the same licenses with a purchase number. */
	{ .name = "v2 ASA5520 750 Premium, 3DES, 20 contexts, purchase 1",
	  .p = &asa5520, .serial = "JMX1628X0P9",
	  .ki = { .format = 2, .purchase = 1, .type = LIC_KEY_PERMANENT,
	      .ngrants = 3, .grants = { G(F_PREMIUM, 750), G(F_ENCRYPTION, 1),
	      G(F_CONTEXTS, 20) } },
	  .want = { 0x2be0cda2, 0x1d967c01, 0x96676c18, 0x2f8603df,
	      0x0dbefd9e } },
	{ .name = "v2 ASA5520 Botnet 52 weeks, purchase 1", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 2, .purchase = 1, .type = LIC_KEY_TIMEBASED,
	      .duration = DAYS(364), .ngrants = 1,
	      .grants = { G(F_BOTNET, 1) } },
	  .want = { 0x29b2d166, 0x86af9d9d, 0x64a243f8, 0xd744c51d,
	      0x5faad097 } },
	{ .name = "v2 ASA5520 Botnet 52 weeks, purchase 2", .p = &asa5520,
	  .serial = "JMX1628X0P9",
	  .ki = { .format = 2, .purchase = 2, .type = LIC_KEY_TIMEBASED,
	      .duration = DAYS(364), .ngrants = 1,
	      .grants = { G(F_BOTNET, 1) } },
	  .want = { 0x2217ee0a, 0x1d54d980, 0x17f15c1f, 0xfa3cb316,
	      0xfa9995d5 } },
	{ .name = "v2 ASA5520 evaluation 62 days, purchase 65535",
	  .p = &asa5520, .serial = "JMX1628X0P9",
	  .ki = { .format = 2, .purchase = 65535, .type = LIC_KEY_EVALUATION,
	      .duration = DAYS(62), .ngrants = 3, .grants = { G(F_BOTNET, 1),
	      G(F_PREMIUM, 750), G(F_CONTEXTS, 20) } },
	  .want = { 0x2ebeb17a, 0x8108fb46, 0xed6e6860, 0xc795278a,
	      0x53c78304 } },
	{ .name = "v2 ASA5505 Security Plus, unlimited hosts, purchase 0",
	  .p = &asa5505, .serial = "JMX1234A5BC",
	  .ki = { .format = 2, .type = LIC_KEY_PERMANENT, .edition = 1,
	      .ngrants = 2, .grants = { G(F_HOSTS, LIC_UNLIMITED),
	      G(F_ENCRYPTION, 1) } },
	  .want = { 0x28188175, 0x95bc9ec9, 0x5728d2c6, 0xa03bb934,
	      0xd0827bb0 } },
};

static void
test_lic_key__vectors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
		const struct vector	*v = &vectors[i];
		struct lic_key		 k;
		struct lic_keyinfo	 got;
		char			 buf[64];

		assert_int_equal(lic_key_encode(&catalog, v->p, v->serial,
		    &v->ki, &k), LIC_OK);
		lic_key_format(&k, buf, sizeof buf);
		print_message("%s: %s\n", v->name, buf);
		assert_memory_equal(k.w, v->want, sizeof k.w);
		assert_int_equal(lic_key_decode(&catalog, v->p, v->serial, &k,
		    &got), LIC_OK);
		assert_same_info(&v->ki, &got, v->p);
	}
}

/* ---- Round trips ---- */

static void
round_trips(enum lic_key_type type)
{
	uint32_t	s = 0x2545f491u + (uint32_t)type;
	size_t		done = 0;

	while (done < 300) {
		const struct lic_platform	*p = platforms[rnd(&s) % 2];
		struct lic_keyinfo		 ki, got;
		struct lic_key			 k;

		random_info(&s, p, &ki);
		if (ki.type != type)
			continue;
		assert_int_equal(lic_key_encode(&catalog, p, "JMX1628X0P9",
		    &ki, &k), LIC_OK);
		assert_int_equal(lic_key_decode(&catalog, p, "JMX1628X0P9",
		    &k, &got), LIC_OK);
		assert_same_info(&ki, &got, p);
		done++;
	}
}

static void
test_lic_key__round_trip_permanent(void **state)
{
	(void)state;
	round_trips(LIC_KEY_PERMANENT);
}

static void
test_lic_key__round_trip_timebased(void **state)
{
	(void)state;
	round_trips(LIC_KEY_TIMEBASED);
}

static void
test_lic_key__round_trip_evaluation(void **state)
{
	(void)state;
	round_trips(LIC_KEY_EVALUATION);
}

static void
test_lic_key__serial_is_case_insensitive(void **state)
{
	struct lic_keyinfo	ki = { .type = LIC_KEY_PERMANENT }, got;
	struct lic_key		k;

	(void)state;
	assert_int_equal(lic_key_encode(&catalog, &asa5520, "jmx1628x0p9",
	    &ki, &k), LIC_OK);
	assert_int_equal(lic_key_decode(&catalog, &asa5520, "JMX1628X0P9",
	    &k, &got), LIC_OK);
}

/* ---- Rejections ---- */

static void
test_lic_key__single_digit_change_rejected(void **state)
{
	uint32_t	s = 0x9e3779b9u;

	(void)state;
	for (size_t n = 0; n < 600; n++) {
		const struct lic_platform	*p = platforms[n % 2];
		struct lic_keyinfo		 ki, got;
		struct lic_key			 k, m;

		random_info(&s, p, &ki);
		assert_int_equal(lic_key_encode(&catalog, p, "JMX1628X0P9",
		    &ki, &k), LIC_OK);
		for (unsigned i = 0; i < 40; i++) {
			for (unsigned d = 1; d < 16; d++) {
				m = k;
				set_nibble(&m, i, nibble(&k, i) ^ d);
				assert_int_equal(lic_key_decode(&catalog, p,
				    "JMX1628X0P9", &m, &got),
				    LIC_E_CHECKSUM);
			}
		}
	}
}

static void
test_lic_key__other_serial_or_platform_rejected(void **state)
{
	static const char *const serials[] = {
		"JMX1628X0P9", "JMX1628X0P8", "FCH1234ABCD", "AAAAAAAAAAA",
	};
	uint32_t	s = 0x1234567u;

	(void)state;
	for (size_t n = 0; n < 200; n++) {
		size_t				 a = n % 4, b = (n / 4 + 1 + a) % 4;
		const struct lic_platform	*p = platforms[n % 2];
		const struct lic_platform	*q = platforms[1 - n % 2];
		struct lic_keyinfo		 ki, got;
		struct lic_key			 k;

		random_info(&s, p, &ki);
		assert_int_equal(lic_key_encode(&catalog, p, serials[a], &ki,
		    &k), LIC_OK);
		if (b != a)
			assert_int_equal(lic_key_decode(&catalog, p,
			    serials[b], &k, &got), LIC_E_SERIAL);
		assert_int_equal(lic_key_decode(&catalog, q, serials[a], &k,
		    &got), LIC_E_SERIAL);
	}
}

static void
test_lic_key__forgery_rejected(void **state)
{
	struct lic_keyinfo	ki = { .type = LIC_KEY_PERMANENT }, got;
	struct lic_key		k, m;

	(void)state;
	assert_int_equal(lic_key_encode(&catalog, &asa5520, "JMX1628X0P9",
	    &ki, &k), LIC_OK);
	/*
	 * Changes that keep the check nibble right: to the body (nibbles
	 * 5..30) or the mac's last half (35..38), the mac fails; to the
	 * serial tag (1..4) or the mac's first half, which the tag is
	 * XORed with (31..34), the tag does.
	 */
	for (unsigned i = 5; i < 39; i++) {
		m = k;
		set_nibble(&m, i, nibble(&k, i) ^ 0x5);
		fix_check(&m);
		assert_int_equal(lic_key_decode(&catalog, &asa5520,
		    "JMX1628X0P9", &m, &got),
		    i >= 31 && i <= 34 ? LIC_E_SERIAL : LIC_E_CHECKSUM);
	}
	for (unsigned i = 1; i < 5; i++) {
		m = k;
		set_nibble(&m, i, nibble(&k, i) ^ 0x8);
		fix_check(&m);
		assert_int_equal(lic_key_decode(&catalog, &asa5520,
		    "JMX1628X0P9", &m, &got), LIC_E_SERIAL);
	}
	m = k;
	set_nibble(&m, 0, 3);
	fix_check(&m);
	assert_int_equal(lic_key_decode(&catalog, &asa5520, "JMX1628X0P9",
	    &m, &got), LIC_E_VERSION);
}

struct reject_case {
	const char		*name;
	const struct lic_platform *p;
	const char		*serial;
	struct lic_keyinfo	 ki;
	enum lic_err		 want;
};

static const struct reject_case rejects[] = {
	{ "a Premium tier the ASA 5520 does not sell", &asa5520,
	  "JMX1628X0P9", { .type = LIC_KEY_PERMANENT, .ngrants = 1,
	  .grants = { G(F_PREMIUM, 30) } }, LIC_E_TIER },
	{ "no security contexts on the ASA 5505", &asa5505, "JMX1628X0P9",
	  { .type = LIC_KEY_PERMANENT, .ngrants = 1,
	  .grants = { G(F_CONTEXTS, 2) } }, LIC_E_TIER },
	{ "inside hosts are the ASA 5505's only", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_PERMANENT, .ngrants = 1,
	  .grants = { G(F_HOSTS, 50) } }, LIC_E_TIER },
	{ "Base edition cells apply to a Base key", &asa5505,
	  "JMX1628X0P9", { .type = LIC_KEY_PERMANENT, .edition = 0,
	  .ngrants = 1, .grants = { G(F_FAILOVER, 1) } }, LIC_E_TIER },
	{ "a shared pool between steps", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_PERMANENT, .ngrants = 1,
	  .grants = { G(F_SHARED, 50500) } }, LIC_E_TIER },
	{ "an unknown feature", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_PERMANENT, .ngrants = 1,
	  .grants = { G(F_COUNT, 1) } }, LIC_E_FEATURE },
	{ "a feature twice", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_PERMANENT, .ngrants = 2,
	  .grants = { G(F_PREMIUM, 10), G(F_PREMIUM, 25) } },
	  LIC_E_FEATURE },
	{ "no such edition", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_PERMANENT, .edition = 1 }, LIC_E_RANGE },
	{ "failover is not sold time-based", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_TIMEBASED, .duration = DAYS(62), .ngrants = 1,
	  .grants = { G(F_FAILOVER, 2) } }, LIC_E_TIER },
	{ "an unknown feature, time-based", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_TIMEBASED, .duration = DAYS(62), .ngrants = 1,
	  .grants = { G(99, 1) } }, LIC_E_FEATURE },
	{ "a time-based key holds one feature", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_TIMEBASED, .duration = DAYS(62), .ngrants = 2,
	  .grants = { G(F_BOTNET, 1), G(F_PREMIUM, 10) } }, LIC_E_RANGE },
	{ "an evaluation key holds a feature once", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_EVALUATION, .duration = DAYS(62), .ngrants = 2,
	  .grants = { G(F_BOTNET, 1), G(F_BOTNET, 1) } }, LIC_E_FEATURE },
	{ "an evaluation key holds something", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_EVALUATION, .duration = DAYS(62) },
	  LIC_E_RANGE },
	{ "a zero duration", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_TIMEBASED, .duration = 0, .ngrants = 1,
	  .grants = { G(F_BOTNET, 1) } }, LIC_E_RANGE },
	{ "durations are whole hours", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_TIMEBASED, .duration = 5400, .ngrants = 1,
	  .grants = { G(F_BOTNET, 1) } }, LIC_E_RANGE },
	{ "durations up to 0xfffff hours", &asa5520, "JMX1628X0P9",
	  { .type = LIC_KEY_TIMEBASED, .duration = 0x100000u * 3600u,
	  .ngrants = 1, .grants = { G(F_BOTNET, 1) } }, LIC_E_RANGE },
	{ "an empty serial number", &asa5520, "",
	  { .type = LIC_KEY_PERMANENT }, LIC_E_SERIAL },
	{ "a serial number with a blank", &asa5520, "JMX 1628X0P9",
	  { .type = LIC_KEY_PERMANENT }, LIC_E_SERIAL },
};

static void
test_lic_key__encode_rejects(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rejects / sizeof rejects[0]; i++) {
		const struct reject_case	*c = &rejects[i];
		struct lic_key			 k;

		print_message("%s\n", c->name);
		assert_int_equal(lic_key_encode(&catalog, c->p, c->serial,
		    &c->ki, &k), c->want);
	}
}

static void
test_lic_key__three_years_fit(void **state)
{
	struct lic_keyinfo	ki = { .type = LIC_KEY_TIMEBASED,
	    .duration = LIC_KEY_MAX_HOURS * 3600u, .ngrants = 1,
	    .grants = { G(F_BOTNET, 1) } }, got;
	struct lic_key		k;

	(void)state;
	assert_true(LIC_KEY_MAX_HOURS >= 3 * 366 * 24);
	assert_int_equal(lic_key_encode(&catalog, &asa5520, "JMX1628X0P9",
	    &ki, &k), LIC_OK);
	assert_int_equal(lic_key_decode(&catalog, &asa5520, "JMX1628X0P9",
	    &k, &got), LIC_OK);
	assert_int_equal(got.duration, LIC_KEY_MAX_HOURS * 3600u);
}

/* ---- Value lists ---- */

static void
test_lic_key__values(void **state)
{
	uint32_t	*v;
	size_t		 n;

	(void)state;
	assert_int_equal(lic_key_values(&catalog, &asa5520,
	    LIC_KEY_PERMANENT, 0, F_PREMIUM, &v, &n), LIC_OK);
	assert_int_equal(n, 8);
	assert_int_equal(v[0], 2);
	assert_int_equal(v[7], 750);
	free(v);
	/* 0, then 500..50000 by 500 and 51000..545000 by 1000. */
	assert_int_equal(lic_key_values(&catalog, &asa5520,
	    LIC_KEY_PERMANENT, 0, F_SHARED, &v, &n), LIC_OK);
	assert_int_equal(n, 1 + 100 + 495);
	assert_int_equal(v[100], 50000);
	assert_int_equal(v[101], 51000);
	free(v);
	/* Time-based Botnet Traffic Filter: Disabled or Enabled. */
	assert_int_equal(lic_key_values(&catalog, &asa5505,
	    LIC_KEY_TIMEBASED, 0, F_BOTNET, &v, &n), LIC_OK);
	assert_int_equal(n, 2);
	free(v);
	assert_int_equal(lic_key_values(&catalog, &asa5505,
	    LIC_KEY_TIMEBASED, 0, F_FAILOVER, NULL, &n), LIC_OK);
	assert_int_equal(n, 0);
	assert_int_equal(lic_key_values(&catalog, &asa5505,
	    LIC_KEY_EVALUATION, 0, F_FAILOVER, NULL, &n), LIC_OK);
	assert_int_equal(n, 2);
	assert_int_equal(lic_key_values(&catalog, &asa5505,
	    LIC_KEY_PERMANENT, 2, F_FAILOVER, NULL, &n), LIC_E_RANGE);
	assert_int_equal(lic_key_values(&catalog, &asa5505,
	    LIC_KEY_PERMANENT, 0, F_COUNT, NULL, &n), LIC_E_FEATURE);
}

/* ---- Text ---- */

struct parse_case {
	const char	*text;
	enum lic_err	 want;
	uint32_t	 w[5];
};

static const struct parse_case parses[] = {
	{ "0x6e1ef96d 0x681e793f 0x9c903908 0x8f64783c 0x061511b9", LIC_OK,
	  { 0x6e1ef96d, 0x681e793f, 0x9c903908, 0x8f64783c, 0x061511b9 } },
	{ "4e3ec458 f483d227 b48285a8 9bc444d4 8c081fa5", LIC_OK,
	  { 0x4e3ec458, 0xf483d227, 0xb48285a8, 0x9bc444d4, 0x8c081fa5 } },
	{ "0X4E3EC458 0xF483d227 B48285A8 0x9bc444d4 0x8C081FA5", LIC_OK,
	  { 0x4e3ec458, 0xf483d227, 0xb48285a8, 0x9bc444d4, 0x8c081fa5 } },
	{ "0x5b0349c2 0x55b93067 0x1395643 0xc48b41fb 0x373ecb2", LIC_OK,
	  { 0x5b0349c2, 0x55b93067, 0x01395643, 0xc48b41fb, 0x0373ecb2 } },
	{ " \t1  2\t3 0x4   5 \t", LIC_OK, { 1, 2, 3, 4, 5 } },
	{ "1 2 3 4", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 5 6", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 5g", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 g5", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 123456789", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 0x123456789", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 0x", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 x5", LIC_E_FORMAT, { 0 } },
	{ "1,2,3,4,5", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 -5", LIC_E_FORMAT, { 0 } },
	{ "1 2 3 4 5\n", LIC_E_FORMAT, { 0 } },
	{ "", LIC_E_FORMAT, { 0 } },
	{ NULL, LIC_E_FORMAT, { 0 } },
};

static void
test_lic_key__parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof parses / sizeof parses[0]; i++) {
		const struct parse_case	*c = &parses[i];
		struct lic_key		 k = { { 7, 7, 7, 7, 7 } };

		print_message("\"%s\"\n", c->text ? c->text : "(null)");
		assert_int_equal(lic_key_parse(c->text, &k), c->want);
		if (c->want == LIC_OK)
			assert_memory_equal(k.w, c->w, sizeof k.w);
		else
			assert_int_equal(k.w[0], 7);
	}
}

static void
test_lic_key__format(void **state)
{
	struct lic_key	k = { { 0x5b0349c2, 0x55b93067, 0x1395643,
	    0xc48b41fb, 0x373ecb2 } }, back;
	char		buf[55];

	(void)state;
	assert_string_equal(lic_key_format(&k, buf, sizeof buf),
	    "0x5b0349c2 0x55b93067 0x01395643 0xc48b41fb 0x0373ecb2");
	assert_int_equal(lic_key_parse(buf, &back), LIC_OK);
	assert_memory_equal(back.w, k.w, sizeof k.w);
}

static void
test_lic_key__strerror(void **state)
{
	(void)state;
	assert_string_equal(lic_strerror(LIC_OK), "success");
	for (int e = LIC_E_FORMAT; e <= LIC_E_RANGE; e++) {
		assert_non_null(lic_strerror((enum lic_err)e));
		assert_string_not_equal(lic_strerror((enum lic_err)e),
		    lic_strerror((enum lic_err)(e - 1)));
	}
}

/*
 * The decoder refuses what the encoder refuses: a format 1 evaluation body that
 * grants one feature twice (built by hand: type, hours, count, then
 * code and index per grant; botnet's timed list is Disabled, Enabled).
 */
static void
test_lic_key__body_feature_twice_refused(void **state)
{
	uint8_t			body[LIC_BODY_BYTES];
	struct lic_keyinfo	ki;

	(void)state;
	memset(body, 0, sizeof body);
	lic_bits_write(body, 0, 2, LIC_KEY_EVALUATION);
	lic_bits_write(body, 2, 20, 24);
	lic_bits_write(body, 22, 4, 1);
	lic_bits_write(body, 26, 8, 2);
	lic_bits_write(body, 34, 1, 1);
	assert_int_equal(lic_key_body_decode(&catalog, &asa5520, 1, body, &ki),
	    LIC_OK);
	assert_int_equal(ki.ngrants, 1);
	lic_bits_write(body, 22, 4, 2);
	lic_bits_write(body, 35, 8, 2);
	lic_bits_write(body, 43, 1, 1);
	assert_int_equal(lic_key_body_decode(&catalog, &asa5520, 1, body, &ki),
	    LIC_E_FEATURE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_key__vectors),
		cmocka_unit_test(test_lic_key__round_trip_permanent),
		cmocka_unit_test(test_lic_key__round_trip_timebased),
		cmocka_unit_test(test_lic_key__round_trip_evaluation),
		cmocka_unit_test(test_lic_key__serial_is_case_insensitive),
		cmocka_unit_test(test_lic_key__single_digit_change_rejected),
		cmocka_unit_test(
		    test_lic_key__other_serial_or_platform_rejected),
		cmocka_unit_test(test_lic_key__forgery_rejected),
		cmocka_unit_test(test_lic_key__encode_rejects),
		cmocka_unit_test(test_lic_key__three_years_fit),
		cmocka_unit_test(test_lic_key__values),
		cmocka_unit_test(test_lic_key__parse),
		cmocka_unit_test(test_lic_key__format),
		cmocka_unit_test(test_lic_key__strerror),
		cmocka_unit_test(test_lic_key__body_feature_twice_refused),
	};

	return cmocka_run_group_tests_name("lic_key", tests, NULL, NULL);
}
