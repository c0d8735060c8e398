/* SPDX-License-Identifier: MIT */
/*
 * What units tell each other of themselves (unit_stream.h): the own
 * license line of the failover link and the cluster control link, and
 * the hash of their shared key.
 */
#include "device/unit_stream.h"

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

uint32_t
unit_key_hash(const char *key)
{
	uint32_t	 hash = 2166136261u;	/* FNV-1a */

	for (const char *p = key; *p != '\0'; p++)
		hash = (hash ^ (unsigned char)*p) * 16777619u;
	return hash;
}
