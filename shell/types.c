/* SPDX-License-Identifier: MIT */
/*
 * Slot types of the command grammar: one row per kind of argument, with
 * the check that accepts a token, the placeholder '?' prints for it and
 * the help shown when an entry gives none. A new kind is one new row.
 */
#include "shell/shell_int.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static grammar_type_match_fn type_match_word;
static grammar_type_match_fn type_match_range;
static grammar_type_match_fn type_match_ipv4;
static grammar_type_match_fn type_match_hex32;
static grammar_type_match_fn type_match_hhmmss;
static grammar_type_match_fn type_match_hhmm;
static grammar_type_match_fn type_match_delay;
static grammar_type_match_fn type_match_month;
static grammar_type_match_fn type_match_checksum;
static grammar_type_match_fn type_match_assign;

/*
 * Placeholders and default help follow ASA's "clock set ?" listing
 * (hh:mm:ss, <1-31>, MONTH, <1993-2035>) and IOS-family conventions
 * (WORD, LINE, A.B.C.D).
 */
const struct grammar_type grammar_types[] = {
	{ .name = "word", .match = type_match_word, .placeholder = "WORD",
	  .help = "A word", .rank = GT_RANK_WORD },
	{ .name = "line", .match = type_match_word, .placeholder = "LINE",
	  .help = "Text to the end of the line", .rank = GT_RANK_LINE,
	  .flags = GT_F_LINE },
	{ .name = "N-M", .match = type_match_range, .placeholder = NULL,
	  .help = "A number", .flags = GT_F_NUMERIC | GT_F_RANGE },
	{ .name = "uint", .match = type_match_range,
	  .placeholder = "<0-4294967295>", .help = "A number",
	  .min = 0, .max = UINT32_MAX, .flags = GT_F_NUMERIC },
	{ .name = "ipv4", .match = type_match_ipv4, .placeholder = "A.B.C.D",
	  .help = "IP address", .flags = GT_F_NUMERIC },
	{ .name = "hex32", .match = type_match_hex32, .placeholder = "WORD",
	  .help = "A 32-bit hexadecimal value", .flags = GT_F_NUMERIC },
	{ .name = "hhmmss", .match = type_match_hhmmss,
	  .placeholder = "hh:mm:ss", .help = "Current Time",
	  .flags = GT_F_NUMERIC },
	/* [M] IOS's reload at / reload in listings. */
	{ .name = "hhmm", .match = type_match_hhmm, .placeholder = "hh:mm",
	  .help = "Time to reload (hh:mm)", .flags = GT_F_NUMERIC },
	{ .name = "delay", .match = type_match_delay,
	  .placeholder = "[hh:]mm",
	  .help = "Delay before reload (mmm or hhh:mm)",
	  .flags = GT_F_NUMERIC },
	{ .name = "day", .match = type_match_range, .placeholder = "<1-31>",
	  .help = "Day of the month", .min = 1, .max = 31,
	  .flags = GT_F_NUMERIC },
	{ .name = "month", .match = type_match_month, .placeholder = "MONTH",
	  .help = "Month of the year", .flags = GT_F_NUMERIC },
	{ .name = "year", .match = type_match_range,
	  .placeholder = "<1993-2035>", .help = "Year", .min = 1993,
	  .max = 2035, .flags = GT_F_NUMERIC },
	/* A saved configuration's "Cryptochecksum:" line, one word. */
	{ .name = "checksum", .match = type_match_checksum,
	  .placeholder = "WORD", .help = "Configuration checksum" },
	/* ROMMON's "NAME=value": an upper-case name, '=', any value. */
	{ .name = "assign", .match = type_match_assign,
	  .placeholder = "VAR=value", .help = "Set a variable" },
};

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Parse decimal digits into *v; false on no digits, junk or overflow. */
static bool
parse_dec(const char *s, size_t len, uint32_t *v)
{
	uint64_t	 n = 0;

	if (len == 0 || len > 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		n = n * 10 + (uint64_t)(s[i] - '0');
	}
	if (n > UINT32_MAX)
		return false;
	*v = (uint32_t)n;
	return true;
}

/* The bytes no word holds: control characters but the tab, and DEL. */
static const bool word_bad[256] = {
	[0x00] = true, [0x01] = true, [0x02] = true, [0x03] = true,
	[0x04] = true, [0x05] = true, [0x06] = true, [0x07] = true,
	[0x08] = true, [0x0a] = true, [0x0b] = true, [0x0c] = true,
	[0x0d] = true, [0x0e] = true, [0x0f] = true, [0x10] = true,
	[0x11] = true, [0x12] = true, [0x13] = true, [0x14] = true,
	[0x15] = true, [0x16] = true, [0x17] = true, [0x18] = true,
	[0x19] = true, [0x1a] = true, [0x1b] = true, [0x1c] = true,
	[0x1d] = true, [0x1e] = true, [0x1f] = true, [0x7f] = true,
};

static bool
type_match_word(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	(void)s;
	(void)num;
	if (len == 0 || tok[0] == '\0')
		return false;
	/*
	 * No control character is part of a word (ESC, BEL, ... in names);
	 * a tab is a blank inside a LINE.
	 */
	for (size_t i = 0; i < len; i++) {
		if (word_bad[(unsigned char)tok[i]])
			return false;
	}
	return true;
}

static bool
type_match_range(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	uint32_t	 v;

	if (!parse_dec(tok, len, &v) || v < s->min || v > s->max)
		return false;
	*num = v;
	return true;
}

static bool
type_match_ipv4(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	uint32_t	 addr = 0, octet = 0;
	size_t		 digits = 0, dots = 0;

	/* Four dotted octets of 1 to 3 digits each, in one pass. */
	(void)s;
	for (size_t i = 0; i < len; i++) {
		if (tok[i] >= '0' && tok[i] <= '9') {
			if (++digits > 3)
				return false;
			octet = octet * 10 + (uint32_t)(tok[i] - '0');
		} else if (tok[i] == '.' && digits != 0 && octet <= 255 &&
		    ++dots < 4) {
			addr = addr << 8 | octet;
			octet = 0;
			digits = 0;
		} else
			return false;
	}
	if (digits == 0 || octet > 255 || dots != 3)
		return false;
	*num = addr << 8 | octet;
	return true;
}

static bool
type_match_hex32(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	uint32_t	 v = 0;
	size_t		 i = 0;
	int		 d;

	(void)s;
	if (len > 2 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X'))
		i = 2;
	if (len - i == 0 || len - i > 8)
		return false;
	for (; i < len; i++) {
		if (tok[i] >= '0' && tok[i] <= '9')
			d = tok[i] - '0';
		else if (tok[i] >= 'a' && tok[i] <= 'f')
			d = tok[i] - 'a' + 10;
		else if (tok[i] >= 'A' && tok[i] <= 'F')
			d = tok[i] - 'A' + 10;
		else
			return false;
		v = v << 4 | (uint32_t)d;
	}
	*num = v;
	return true;
}

/* hh:mm:ss, each part one or two digits; the value is in seconds. */
static bool
type_match_hhmmss(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	static const uint32_t	 limit[3] = { 23, 59, 59 };
	uint32_t		 v, secs = 0;
	size_t			 start = 0, i, part = 0;

	(void)s;
	for (i = 0; i <= len; i++) {
		if (i < len && tok[i] != ':')
			continue;
		if (part > 2 || i - start > 2 ||
		    !parse_dec(tok + start, i - start, &v) || v > limit[part])
			return false;
		secs = secs * 60 + v;
		part++;
		start = i + 1;
	}
	if (part != 3)
		return false;
	*num = secs;
	return true;
}

/* hh:mm, each part one or two digits; the value is in seconds. */
static bool
type_match_hhmm(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	const char	*colon = memchr(tok, ':', len);
	uint32_t	 h, m;
	size_t		 hl;

	(void)s;
	if (colon == NULL || (hl = (size_t)(colon - tok)) > 2 ||
	    len - hl - 1 > 2 || !parse_dec(tok, hl, &h) ||
	    !parse_dec(colon + 1, len - hl - 1, &m) || h > 23 || m > 59)
		return false;
	*num = h * 3600 + m * 60;
	return true;
}

/*
 * A delay, mmm (1 to 99999 minutes) or hhh:mm (up to 999 hours): the
 * value is in minutes, never 0.
 */
static bool
type_match_delay(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	const char	*colon = memchr(tok, ':', len);
	uint32_t	 h = 0, m;
	size_t		 hl;

	(void)s;
	if (colon == NULL) {
		if (len > 5 || !parse_dec(tok, len, &m) || m == 0)
			return false;
		*num = m;
		return true;
	}
	hl = (size_t)(colon - tok);
	if (hl > 3 || len - hl - 1 != 2 || !parse_dec(tok, hl, &h) ||
	    !parse_dec(colon + 1, 2, &m) || m > 59 || h * 60 + m == 0)
		return false;
	*num = h * 60 + m;
	return true;
}

/* A unique case-insensitive prefix of a month name; the value is 1-12. */
static bool
type_match_month(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	uint32_t	 found = 0;
	size_t		 i, m;
	int		 a, b;

	(void)s;
	for (m = 0; m < 12; m++) {
		if (len == 0 || len > strlen(month_names[m]))
			continue;
		for (i = 0; i < len; i++) {
			a = tok[i] >= 'A' && tok[i] <= 'Z' ? tok[i] + 32 :
			    tok[i];
			b = month_names[m][i];
			b = b >= 'A' && b <= 'Z' ? b + 32 : b;
			if (a != b)
				break;
		}
		if (i < len)
			continue;
		if (found != 0)
			return false;
		found = (uint32_t)m + 1;
	}
	if (found == 0)
		return false;
	*num = found;
	return true;
}

/* "N-M" with N <= M, both decimal. */
static bool
parse_range(const char *spec, size_t len, uint32_t *min, uint32_t *max)
{
	const char	*dash = memchr(spec, '-', len);

	if (dash == NULL)
		return false;
	if (!parse_dec(spec, (size_t)(dash - spec), min) ||
	    !parse_dec(dash + 1, len - (size_t)(dash - spec) - 1, max))
		return false;
	return *min <= *max;
}

/* "<min-max>", or "<min-$limit>" when limit is not NULL, in arena a. */
static const char *
range_placeholder(struct arena *a, uint32_t min, uint32_t max,
    const char *limit)
{
	char	 num[2][16], *p, *out;
	size_t	 len[2] = { 0, 0 }, ll = limit != NULL ? strlen(limit) : 0;
	uint32_t v[2] = { min, max };

	/* Digits by hand: vsnprintf costs more than the rest of a build. */
	for (int k = 0; k < 2; k++) {
		p = num[k] + sizeof num[k];
		do {
			*--p = (char)('0' + v[k] % 10);
			len[k]++;
		} while ((v[k] /= 10) != 0);
	}
	out = p = arena_alloc(a, len[0] + (limit != NULL ? ll + 1 : len[1]) +
	    4);
	*p++ = '<';
	memcpy(p, num[0] + sizeof num[0] - len[0], len[0]);
	p += len[0];
	*p++ = '-';
	if (limit != NULL) {
		*p++ = '$';
		memcpy(p, limit, ll);
		p += ll;
	} else {
		memcpy(p, num[1] + sizeof num[1] - len[1], len[1]);
		p += len[1];
	}
	*p++ = '>';
	*p = '\0';
	return out;
}

int
grammar_type_parse(struct arena *a, const char *spec, size_t len,
    struct slot_spec *s)
{
	const struct grammar_type	*t;
	size_t				 i;

	s->limit = NULL;
	for (i = 0; i < sizeof grammar_types / sizeof grammar_types[0]; i++) {
		t = &grammar_types[i];
		if (t->flags & GT_F_RANGE) {
			const char *dash = memchr(spec, '-', len);

			/* "N-$limit": the maximum comes at run time. */
			if (dash != NULL && dash + 1 < spec + len &&
			    dash[1] == '$' && dash + 2 < spec + len &&
			    parse_dec(spec, (size_t)(dash - spec), &s->min)) {
				s->type = t;
				s->max = UINT32_MAX;
				s->limit = arena_strndup(a, dash + 2,
				    len - (size_t)(dash - spec) - 2);
				/* '?' prints the bounds of the moment. */
				s->placeholder = range_placeholder(a, s->min,
				    0, s->limit);
				return 0;
			}
			if (!parse_range(spec, len, &s->min, &s->max))
				continue;
			s->type = t;
			s->placeholder = range_placeholder(a, s->min,
			    s->max, NULL);
			return 0;
		}
		if (strlen(t->name) == len && memcmp(t->name, spec, len) == 0) {
			s->type = t;
			s->min = t->min;
			s->max = t->max;
			s->placeholder = t->placeholder;
			return 0;
		}
	}
	return -1;
}

/* "Cryptochecksum:" (any case) and 32 hexadecimal digits. */
static bool
type_match_checksum(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	static const char	 head[] = "cryptochecksum:";
	size_t			 hl = sizeof head - 1;

	(void)s;
	(void)num;
	if (len != hl + 32)
		return false;
	for (size_t i = 0; i < hl; i++)
		if (grammar_lc((unsigned char)tok[i]) != head[i])
			return false;
	for (size_t i = hl; i < len; i++)
		if (!((tok[i] >= '0' && tok[i] <= '9') ||
		    (grammar_lc((unsigned char)tok[i]) >= 'a' &&
		    grammar_lc((unsigned char)tok[i]) <= 'f')))
			return false;
	return true;
}

static bool
type_match_assign(const struct slot_spec *s, const char *tok, size_t len,
    uint32_t *num)
{
	size_t	 i = 0;

	(void)s;
	(void)num;
	while (i < len && tok[i] >= 'A' && tok[i] <= 'Z')
		i++;
	return i > 0 && i < len && tok[i] == '=' &&
	    type_match_word(s, tok, len, num);
}
