/* SPDX-License-Identifier: MIT */
/*
 * What units tell each other of themselves (unit_stream.h): the own
 * license line of the failover link and the cluster control link, and
 * the hash of their shared key.
 */
#include "device/unit_stream.h"

#include <sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
unit_lic_format(struct strbuf *sb, const struct lic_running *r)
{
	strbuf_printf(sb, "LIC %zu %zu", r->edition, r->nfeatures);
	for (size_t f = 0; f < r->nfeatures; f++) {
		const struct lic_value *v = &r->v[f];

		strbuf_printf(sb, " %u,%d,%u", v->value, v->timed ? 1 : 0,
		    v->seconds_left);
	}
	strbuf_puts(sb, "\n");
}

bool
unit_lic_parse(const char *line, size_t neditions, struct lic_running *r)
{
	const char	*p = line + 4;
	char		*end;
	unsigned long	 e, n;

	if (strncmp(line, "LIC ", 4) != 0)
		return false;
	e = strtoul(p, &end, 10);
	n = strtoul(end, &end, 10);
	p = end;
	if (e >= neditions || n > LIC_MAX_FEATURES)
		return false;
	memset(r, 0, sizeof *r);
	r->edition = (size_t)e;
	r->nfeatures = (size_t)n;
	for (size_t f = 0; f < n; f++) {
		unsigned v, t, s;
		int used = 0;

		if (sscanf(p, " %u,%u,%u%n", &v, &t, &s, &used) != 3)
			return false;
		r->v[f] = (struct lic_value){ .value = v, .timed = t != 0,
		    .seconds_left = s };
		p += used;
	}
	return true;
}

/*
 * A real ASA encrypts the messages between units with the key, so a unit
 * with another key cannot read them; comparing digests stands for that.
 * SHA-256 (libmd) of a label and the key, its first 32 bits.
 */
uint32_t
unit_key_hash(const char *key)
{
	static const char label[] = "asaemu unit key\n";
	uint8_t		 md[SHA256_DIGEST_LENGTH];
	SHA2_CTX	 c;

	SHA256Init(&c);
	SHA256Update(&c, (const uint8_t *)label, sizeof label - 1);
	SHA256Update(&c, (const uint8_t *)key, strlen(key));
	SHA256Final(md, &c);
	return (uint32_t)md[0] << 24 | (uint32_t)md[1] << 16 |
	    (uint32_t)md[2] << 8 | md[3];
}
