/* SPDX-License-Identifier: MIT */
/*
 * The key codec: the input as key text (lic_key_parse, then
 * lic_key_decode on a platform the first byte picks, for two serial
 * numbers), and its first 13 bytes as a plain body (lic_key_body_decode):
 * whatever decodes must encode back to the same body and to a key that
 * decodes to the same contents (the round trip).
 */
#include "tests/fuzz/fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "licensing/licensing.h"
#include "licensing/licensing_int.h"
#include "models/models.h"
#include "util/util.h"

static void
same_info(const struct lic_keyinfo *a, const struct lic_keyinfo *b)
{
	if (a->type != b->type || a->ngrants != b->ngrants ||
	    a->duration != b->duration ||
	    (a->type == LIC_KEY_PERMANENT && a->edition != b->edition))
		abort();
	for (size_t i = 0; i < a->ngrants; i++) {
		if (a->grants[i].feature != b->grants[i].feature ||
		    a->grants[i].value != b->grants[i].value)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const serials[] = { "JMX1234L0AB",
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" };
	const struct model_db	 *db = fuzz_db();
	const struct lic_catalog *cat = model_db_catalog(db);
	const struct lic_platform *p;
	struct lic_keyinfo	 ki, back;
	struct lic_key		 key, key2;
	uint8_t			 body[LIC_BODY_BYTES], body2[LIC_BODY_BYTES];
	size_t			 np = model_db_count(db);
	char			*text;

	if (size == 0 || size > 512 || np == 0)
		return 0;
	p = model_db_platform(db, data[0] % np);
	text = fuzz_strndup(data + 1, size - 1);
	if (lic_key_parse(text, &key) == LIC_OK) {
		for (size_t s = 0; s < 2; s++) {
			if (lic_key_decode(cat, p, serials[s], &key, &ki) !=
			    LIC_OK)
				continue;
			/* A key that decodes is one the encoder makes. */
			if (lic_key_encode(cat, p, serials[s], &ki, &key2) !=
			    LIC_OK || memcmp(&key, &key2, sizeof key) != 0)
				abort();
		}
	}
	free(text);

	if (size - 1 >= LIC_BODY_BYTES) {
		memcpy(body, data + 1, LIC_BODY_BYTES);
		/* Either key format's body, by the first byte's low bit. */
		if (lic_key_body_decode(cat, p, 1 + (data[0] & 1u), body,
		    &ki) == LIC_OK) {
			if (lic_key_body_encode(cat, p, &ki, body2) != LIC_OK ||
			    memcmp(body, body2, sizeof body) != 0)
				abort();
			if (lic_key_encode(cat, p, serials[0], &ki, &key) !=
			    LIC_OK ||
			    lic_key_decode(cat, p, serials[0], &key, &back) !=
			    LIC_OK)
				abort();
			same_info(&ki, &back);
		}
	}
	return 0;
}
