/* SPDX-License-Identifier: MIT */
/*
 * ASA software versions: "8.4(1)", "9.1(7)12" or "9.1", packed by
 * LIC_VERSION so that integer comparison orders them.
 */
#include "licensing/licensing.h"

#include <stdio.h>

/* One decimal component 0..255 at *sp; advances *sp. */
static int
version_part(const char **sp, uint32_t *out)
{
	const char	*s = *sp;
	uint32_t	 n = 0;

	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		n = n * 10 + (uint32_t)(*s - '0');
		if (n > 255)
			return -1;
		s++;
	}
	*sp = s;
	*out = n;
	return 0;
}

int
lic_version_parse(const char *s, uint32_t *v)
{
	uint32_t	 ma, mi, mt = 0, in = 0;

	if (s == NULL || version_part(&s, &ma) != 0 || *s++ != '.' ||
	    version_part(&s, &mi) != 0)
		return -1;
	if (*s == '(') {
		s++;
		if (version_part(&s, &mt) != 0 || *s++ != ')')
			return -1;
		if (*s != '\0' && version_part(&s, &in) != 0)
			return -1;
	}
	if (*s != '\0')
		return -1;
	*v = LIC_VERSION(ma, mi, mt, in);
	return 0;
}

char *
lic_version_format(uint32_t v, char *buf, size_t len)
{
	unsigned	 ma = v >> 24, mi = (v >> 16) & 0xff;
	unsigned	 mt = (v >> 8) & 0xff, in = v & 0xff;

	if (len == 0)
		return buf;
	if (in != 0)
		snprintf(buf, len, "%u.%u(%u)%u", ma, mi, mt, in);
	else
		snprintf(buf, len, "%u.%u(%u)", ma, mi, mt);
	return buf;
}
