/* SPDX-License-Identifier: MIT */
/*
 * Output filters, the text after '|' on a command line:
 * "{include | exclude | begin | grep [-v]} REGEX" (ASA command reference,
 * "show command | ..."). One stage only, as on ASA. Lines are matched
 * whole, without their newline, with POSIX extended regexes.
 */
#include "shell/shell.h"

#include <regex.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shell/shell_int.h"
#include "util/util.h"

/* The same texts the matcher's errors print (reference section 6.3). */
#define FILTER_MSG_INVALID "ERROR: % Invalid input detected at '^' marker."
#define FILTER_MSG_INCOMPLETE "ERROR: % Incomplete command"
/* Best guess: no capture of ASA refusing a regex has been found. */
#define FILTER_MSG_REGEX "ERROR: Invalid regular expression"

enum filter_word {
	FILTER_W_BEGIN,
	FILTER_W_EXCLUDE,
	FILTER_W_GREP,
	FILTER_W_INCLUDE,
};

/*
 * In the order ASA's '?' lists them after '|'; their help is IOS's [M]
 * (grep's is asaemu's: IOS has none).
 */
static const struct filter_keyword {
	const char	*name;
	enum filter_word word;
	const char	*help;
} filter_keywords[] = {
	{ .name = "begin",	.word = FILTER_W_BEGIN,
	  .help = "Begin with the line that matches" },
	{ .name = "exclude",	.word = FILTER_W_EXCLUDE,
	  .help = "Exclude lines that match" },
	{ .name = "grep",	.word = FILTER_W_GREP,
	  .help = "Include/exclude lines that match" },
	{ .name = "include",	.word = FILTER_W_INCLUDE,
	  .help = "Include lines that match" },
};

/* [M] IOS's words for a filter's regular expression and grep -v. */
#define FILTER_HELP_REGEX	"Regular Expression"
#define FILTER_HELP_INVERT	"Invert the match"

#define FILTER_NKEYWORDS (sizeof filter_keywords / sizeof filter_keywords[0])

/*
 * Bounds on a filter's regex, checked before regcomp: glibc expands
 * every repetition into copies of its operand ("x+" is "xx*", "x{1,255}"
 * 255 copies), so stacked or nested repetitions grow its program, and
 * the memory regcomp and regexec take, exponentially. The length is the
 * ASA's own limit for a regex (command reference, "regex": up to 100
 * characters). FILTER_RE_MAX_NODES caps the expanded program, which
 * keeps a compiled filter, and regexec's state cache per line, to a few
 * megabytes (test_output__regex_memory_capped). Back-references, whose
 * matching is exponential in time, are refused.
 */
#define FILTER_RE_MAX_LEN	100u
#define FILTER_RE_MAX_REPEAT	255u	/* {m,n}: m and n */
#define FILTER_RE_MAX_DEPTH	8u	/* nested groups */
#define FILTER_RE_MAX_NODES	4096u	/* after expanding repetitions */

static const char *filter_skip_blanks(const char *);
static const struct filter_keyword *filter_keyword_find(const char *, size_t);
static int	 filter_error(const char *, size_t, size_t *, char **);
static int	 filter_regex_check(const char *);
static const char *filter_bracket_end(const char *);
static const char *filter_interval(const char *, size_t *);

static const char *
filter_skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * The keyword word (len bytes) names: an exact match wins, else a unique
 * prefix. Ambiguous or unknown: NULL, reported as invalid input (with
 * these keywords no prefix is ambiguous).
 */
static const struct filter_keyword *
filter_keyword_find(const char *word, size_t len)
{
	const struct filter_keyword	*found = NULL;
	size_t				 nfound = 0;

	for (size_t i = 0; i < FILTER_NKEYWORDS; i++) {
		const struct filter_keyword *k = &filter_keywords[i];

		if (strncasecmp(k->name, word, len) != 0)
			continue;
		if (k->name[len] == '\0')
			return k;
		found = k;
		nfound++;
	}
	return nfound == 1 ? found : NULL;
}

static int
filter_error(const char *msg, size_t at, size_t *caret, char **cause)
{
	if (caret != NULL)
		*caret = at;
	*cause = xstrdup(msg);
	return -1;
}

/* Past the bracket expression at p ('['); NULL when it does not end. */
static const char *
filter_bracket_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p != '\0'; p++) {
		if (*p == ']')
			return p + 1;
		if (p[0] == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
			const char *end = strchr(p + 2, p[1]);

			while (end != NULL && end[1] != ']')
				end = strchr(end + 1, p[1]);
			if (end == NULL)
				return NULL;
			p = end + 1;
		}
	}
	return NULL;
}

/*
 * An interval "{m}", "{m,}", "{m,n}" or "{,n}" at p: past it, with in
 * *copies the copies glibc makes of its operand; NULL when p is not
 * one (regcomp judges it), *copies 0 when a count is over the bound.
 */
static const char *
filter_interval(const char *p, size_t *copies)
{
	size_t	 m = 0, n = 0, digits = 0;
	bool	 comma = false;

	*copies = 0;
	for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
		if (m <= FILTER_RE_MAX_REPEAT)
			m = m * 10 + (size_t)(*p - '0');
	}
	if (*p == ',') {
		comma = true;
		for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
			if (n <= FILTER_RE_MAX_REPEAT)
				n = n * 10 + (size_t)(*p - '0');
		}
	}
	if (*p != '}' || digits == 0)
		return NULL;
	if (m > FILTER_RE_MAX_REPEAT || n > FILTER_RE_MAX_REPEAT)
		return p + 1;
	if (!comma)
		n = m;
	else if (n == 0)
		n = m + 1;	/* {m,}: m copies and a star */
	*copies = n > 0 ? n : 1;
	return p + 1;
}

/*
 * 0 when the POSIX extended regex p is within the bounds above, -1 when
 * not. Sizes are counted in glibc's nodes, roughly: an atom is one, a
 * group its contents and one, a repetition multiplies its operand.
 */
static int
filter_regex_check(const char *p)
{
	struct {
		size_t	 total;		/* this group so far */
		size_t	 last;		/* its last item; 0: none */
	}		 st[FILTER_RE_MAX_DEPTH + 1];
	size_t		 depth = 0, item, copies;
	const char	*q;

	if (strlen(p) > FILTER_RE_MAX_LEN)
		return -1;
	st[0].total = st[0].last = 0;
	while (*p != '\0') {
		item = 1;
		copies = 0;
		switch (*p) {
		case '(':
			if (++depth > FILTER_RE_MAX_DEPTH)
				return -1;
			st[depth].total = st[depth].last = 0;
			p++;
			continue;
		case ')':
			if (depth == 0) {
				p++;
				break;
			}
			item = st[depth].total + 1;
			depth--;
			p++;
			break;
		case '|':
			st[depth].total++;
			st[depth].last = 0;
			p++;
			continue;
		case '[':
			if ((q = filter_bracket_end(p)) == NULL)
				return 0;	/* regcomp refuses it */
			p = q;
			break;
		case '\\':
			if (p[1] >= '1' && p[1] <= '9')
				return -1;	/* back-reference */
			p += p[1] != '\0' ? 2 : 1;
			break;
		case '*':
		case '?':
			copies = 1;
			p++;
			break;
		case '+':
			copies = 2;
			p++;
			break;
		case '{':
			if ((q = filter_interval(p, &copies)) == NULL) {
				p++;
				break;
			}
			if (copies == 0)
				return -1;
			p = q;
			break;
		default:
			p++;
			break;
		}
		if (copies != 0 && st[depth].last != 0) {
			/* A repetition of the last item. */
			st[depth].total -= st[depth].last;
			item = st[depth].last * copies + 1;
		}
		st[depth].last = item;
		st[depth].total += item;
		if (st[depth].total > FILTER_RE_MAX_NODES)
			return -1;
	}
	return 0;
}

int
out_filter_set(struct out *out, const char *spec, char **cause)
{
	return out_filter_set_at(out, spec, NULL, cause);
}

int
out_filter_set_at(struct out *out, const char *spec, size_t *caret,
    char **cause)
{
	const struct filter_keyword	*k;
	const char			*word, *p;
	size_t				 len;
	enum out_filter_kind		 kind;
	regex_t				 re;

	word = filter_skip_blanks(spec);
	len = strcspn(word, " \t");
	if (len == 0)
		return filter_error(FILTER_MSG_INCOMPLETE, OUT_NO_CARET, caret,
		    cause);
	if ((k = filter_keyword_find(word, len)) == NULL)
		return filter_error(FILTER_MSG_INVALID, (size_t)(word - spec),
		    caret, cause);
	p = filter_skip_blanks(word + len);

	switch (k->word) {
	case FILTER_W_BEGIN:
		kind = OUT_FILTER_BEGIN;
		break;
	case FILTER_W_EXCLUDE:
		kind = OUT_FILTER_EXCLUDE;
		break;
	case FILTER_W_GREP:
		kind = OUT_FILTER_INCLUDE;
		if (p[0] == '-' && p[1] == 'v' &&
		    (p[2] == '\0' || p[2] == ' ' || p[2] == '\t')) {
			kind = OUT_FILTER_EXCLUDE;
			p = filter_skip_blanks(p + 2);
		}
		break;
	case FILTER_W_INCLUDE:
	default:
		kind = OUT_FILTER_INCLUDE;
		break;
	}

	if (*p == '\0')
		return filter_error(FILTER_MSG_INCOMPLETE, OUT_NO_CARET, caret,
		    cause);
	if (filter_regex_check(p) != 0 ||
	    regcomp(&re, p, REG_EXTENDED | REG_NOSUB) != 0)
		return filter_error(FILTER_MSG_REGEX, OUT_NO_CARET, caret,
		    cause);

	out_filter_release(&out->filter);
	out->filter.kind = kind;
	out->filter.begun = false;
	out->filter.re = re;
	return 0;
}

void
out_filter_init(struct out_filter *f)
{
	memset(f, 0, sizeof *f);
	f->kind = OUT_FILTER_NONE;
}

void
out_filter_release(struct out_filter *f)
{
	if (f->kind != OUT_FILTER_NONE)
		regfree(&f->re);
	f->kind = OUT_FILTER_NONE;
	f->begun = false;
}

bool
out_filter_line(struct out_filter *f, const char *line)
{
	bool	 match;

	if (f->kind == OUT_FILTER_NONE || f->begun)
		return true;
	match = regexec(&f->re, line, 0, NULL, 0) == 0;
	switch (f->kind) {
	case OUT_FILTER_INCLUDE:
		return match;
	case OUT_FILTER_EXCLUDE:
		return !match;
	case OUT_FILTER_BEGIN:
		f->begun = match;
		return match;
	case OUT_FILTER_NONE:
	default:
		return true;
	}
}

void
out_filter_describe(const char *spec, struct arena *a, struct describe *d)
{
	const char			*p = filter_skip_blanks(spec), *end;
	const struct filter_keyword	*k;
	size_t				 len;

	d->status = MATCH_OK;
	d->err_offset = 0;
	d->n = 0;
	d->items = arena_alloc(a, (FILTER_NKEYWORDS + 1) * sizeof *d->items);
	for (end = p; *end != '\0' && *end != ' ' && *end != '\t'; end++)
		continue;
	len = (size_t)(end - p);
	if (*end == '\0') {
		/* The keyword being typed (or none yet). */
		for (size_t i = 0; i < FILTER_NKEYWORDS; i++) {
			k = &filter_keywords[i];
			if (strncasecmp(k->name, p, len) == 0)
				d->items[d->n++] = (struct describe_item){
				    .word = k->name, .help = k->help };
		}
	} else if ((k = filter_keyword_find(p, len)) != NULL) {
		end = filter_skip_blanks(end);
		if (k->word == FILTER_W_GREP && *end == '\0')
			d->items[d->n++] = (struct describe_item){
			    .word = "-v", .help = FILTER_HELP_INVERT };
		d->items[d->n++] = (struct describe_item){ .word = "LINE",
		    .help = FILTER_HELP_REGEX };
	}
	if (d->n == 0) {
		d->status = MATCH_INVALID;
		d->err_offset = (size_t)(p - spec);
	}
}
