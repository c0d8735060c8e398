/* SPDX-License-Identifier: MIT */
/*
 * The key store's mac: the device's key store (device/keystore.c) ends
 * in an HMAC over everything before it, keyed per device, so that an
 * edited timer or a cut store is detected (licensing/KEYS.md, "The key
 * store"). Like the key format's, the secret is in the source: this
 * stops edits of a text file, not a reader of the source.
 */
#include "licensing/licensing.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

static const char store_secret[] =
    "asaemu key store format 2: not a secret, not a Cisco key";

void
lic_store_mac(const char *serial, const struct lic_platform *p,
    const void *data, size_t len, char *hex)
{
	uint8_t		 msg[1 + 256 + 1 + 256];
	uint8_t		 key[EVP_MAX_MD_SIZE], md[EVP_MAX_MD_SIZE];
	size_t		 ns = strnlen(serial, 256), np = strnlen(p->id, 256);
	size_t		 n = 0;
	unsigned	 klen = 0, mdlen = 0;

	/* The device's key: K = HMAC(secret, "K" serial NUL platform). */
	msg[n++] = 'K';
	memcpy(msg + n, serial, ns);
	n += ns;
	msg[n++] = 0;
	memcpy(msg + n, p->id, np);
	n += np;
	if (HMAC(EVP_sha256(), store_secret, (int)(sizeof store_secret - 1),
	    msg, n, key, &klen) == NULL ||
	    HMAC(EVP_sha256(), key, (int)klen, data, len, md, &mdlen) ==
	    NULL || mdlen != 32)
		abort();	/* out of memory: nothing would authenticate */
	for (unsigned i = 0; i < mdlen; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
}
