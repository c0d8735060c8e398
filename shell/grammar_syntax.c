/* SPDX-License-Identifier: MIT */
/*
 * The command grammar's syntax strings: each entry's .syntax parsed and
 * expanded into the set of paths it may match, for grammar_build.c to
 * insert into the graph; and the ASCII word helpers the grammar shares.
 *
 * Syntax mini-language (struct cmd_entry's .syntax):
 *   word          a literal: any run of characters but blanks and
 *                 []()<>|. Typed as a case-insensitive prefix of itself.
 *   <name:type>   a typed slot; type is a row name of types.c ("word",
 *                 "line", "ipv4", "hex32", "hhmmss", "day", "month",
 *                 "year", "uint") or a decimal range "N-M".
 *                 A "line" slot takes the rest of the line verbatim
 *                 and must end the syntax.
 *   [ ... ]       an optional part; may nest: "a [b [c]]".
 *   ( x | y z )   alternatives, each a sequence; may nest.
 *   { x | y z }   any of them, each at most once, in any order (reload's
 *                 options): "{a | b}" is "", "a", "b", "a b" and "b a".
 * Blanks separate items. Examples:
 *   "show activation-key [detail]"
 *   "clock set <time:hhmmss> (<day:day> <month:month>|<month:month>
 *    <day:day>) <year:year>"
 *
 * Each syntax expands into its paths, one per choice of optionals and
 * alternatives: "a [b] (c|d)" is "a c", "a d", "a b c" and "a b d". An
 * unknown type or malformed syntax fails the build.
 */
#include "shell/shell.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "shell/shell_int.h"
#include "util/util.h"

#define GRAMMAR_MAX_PATHS	1024	/* expansions of one syntax string */

/* The parser's state for one syntax string. */
struct sparse {
	struct arena	*keep;		/* elements: the grammar's arena */
	struct arena	*scratch;	/* paths: build only */
	const char	*syntax;
	const char	*p;		/* cursor in syntax */
	char		*cause;
};

static int	sp_seq(struct sparse *, struct pset *);
static void	pset_products(struct sparse *, struct pset *,
		    const struct pset *, size_t, size_t);

int
grammar_ci_cmp(const char *a, const char *b)
{
	while (*a != '\0' &&
	    grammar_lc((unsigned char)*a) == grammar_lc((unsigned char)*b)) {
		a++;
		b++;
	}
	return grammar_lc((unsigned char)*a) - grammar_lc((unsigned char)*b);
}

static bool
is_special(char c)
{
	switch (c) {
	case '[': case ']': case '(': case ')': case '<': case '>': case '|':
	case '{': case '}':
		return true;
	default:
		return false;
	}
}

static int
syntax_fail(const char *syntax, const char *what, char **cause)
{
	if (*cause == NULL)
		xasprintf(cause, "malformed syntax \"%s\": %s", syntax, what);
	return -1;
}

static int
syntax_error(struct sparse *sp, const char *what)
{
	return syntax_fail(sp->syntax, what, &sp->cause);
}

/* ---- Sets of paths ---- */

static void
pset_unit(struct sparse *sp, struct pset *ps)
{
	struct path	*p = arena_alloc(sp->scratch, sizeof *p);

	p->v = NULL;
	p->n = 0;
	p->next = NULL;
	ps->head = p;
	ps->n = 1;
}

static void
pset_single(struct sparse *sp, struct pset *ps, const struct selem *se)
{
	pset_unit(sp, ps);
	ps->head->v = arena_alloc(sp->scratch, sizeof *ps->head->v);
	ps->head->v[0] = se;
	ps->head->n = 1;
}

static int
pset_union(struct sparse *sp, struct pset *a, struct pset *c)
{
	struct path	**tail = &a->head;

	if (a->n + c->n > GRAMMAR_MAX_PATHS)
		return syntax_error(sp, "too many alternatives");
	while (*tail != NULL)
		tail = &(*tail)->next;
	*tail = c->head;
	a->n += c->n;
	return 0;
}

static bool
pset_is_empty(const struct pset *ps)
{
	return ps->n == 1 && ps->head->n == 0;
}

/* ---- The recursive descent ---- */

static int
sp_literal(struct sparse *sp, struct pset *out)
{
	struct selem	*se;
	const char	*start = sp->p;

	while (*sp->p != '\0' && !grammar_is_blank(*sp->p) &&
	    !is_special(*sp->p))
		sp->p++;
	se = arena_alloc(sp->keep, sizeof *se);
	se->kind = SE_LITERAL;
	se->len = (size_t)(sp->p - start);
	se->word = arena_strndup(sp->keep, start, se->len);
	pset_single(sp, out, se);
	return 0;
}

static int
sp_slot(struct sparse *sp, struct pset *out)
{
	struct selem	*se;
	const char	*start = ++sp->p, *colon = NULL, *type;

	while (*sp->p != '\0' && *sp->p != '>' && !grammar_is_blank(*sp->p) &&
	    !is_special(*sp->p)) {
		if (*sp->p == ':' && colon == NULL)
			colon = sp->p;
		sp->p++;
	}
	if (*sp->p != '>')
		return syntax_error(sp, "unbalanced '<'");
	if (colon == NULL || colon == start || colon + 1 == sp->p)
		return syntax_error(sp, "a slot is <name:type>");
	type = colon + 1;
	se = arena_alloc(sp->keep, sizeof *se);
	se->kind = SE_SLOT;
	se->len = (size_t)(colon - start);
	se->word = arena_strndup(sp->keep, start, se->len);
	if (grammar_type_parse(sp->keep, type, (size_t)(sp->p - type),
	    &se->slot) != 0) {
		xasprintf(&sp->cause, "unknown type \"%.*s\" in \"%s\"",
		    (int)(sp->p - type), type, sp->syntax);
		return -1;
	}
	sp->p++;
	pset_single(sp, out, se);
	return 0;
}

static int
sp_optional(struct sparse *sp, struct pset *out)
{
	struct pset	 none;

	sp->p++;
	if (sp_seq(sp, out) != 0)
		return -1;
	if (*sp->p != ']')
		return syntax_error(sp, "unbalanced '['");
	sp->p++;
	if (pset_is_empty(out))
		return syntax_error(sp, "empty [ ]");
	pset_unit(sp, &none);
	return pset_union(sp, out, &none);
}

static int
sp_group(struct sparse *sp, struct pset *out)
{
	struct pset	 alt;

	out->head = NULL;
	out->n = 0;
	for (;;) {
		sp->p++;
		if (sp_seq(sp, &alt) != 0)
			return -1;
		if (pset_is_empty(&alt))
			return syntax_error(sp, "empty alternative");
		if (pset_union(sp, out, &alt) != 0)
			return -1;
		if (*sp->p == ')')
			break;
		if (*sp->p != '|')
			return syntax_error(sp, "unbalanced '('");
	}
	sp->p++;
	return 0;
}

#define ANY_MAX		5	/* { } alternatives: 326 orders at most */

/* Every order of the alternatives of alts not in used, after none. */
static int
any_orders(struct sparse *sp, const struct pset *alts, size_t n,
    unsigned used, struct pset *out)
{
	struct pset	 rest, two[2], cat;

	pset_unit(sp, out);
	for (size_t i = 0; i < n; i++) {
		if (used & (1u << i))
			continue;
		if (any_orders(sp, alts, n, used | 1u << i, &rest) != 0)
			return -1;
		two[0] = alts[i];
		two[1] = rest;
		if (alts[i].n * rest.n > GRAMMAR_MAX_PATHS)
			return syntax_error(sp, "too many alternatives");
		pset_products(sp, &cat, two, 2, alts[i].n * rest.n);
		if (pset_union(sp, out, &cat) != 0)
			return -1;
	}
	return 0;
}

static int
sp_any(struct sparse *sp, struct pset *out)
{
	struct pset	 alts[ANY_MAX];
	size_t		 n = 0;

	for (;;) {
		sp->p++;
		if (n == ANY_MAX)
			return syntax_error(sp, "too many { } alternatives");
		if (sp_seq(sp, &alts[n]) != 0)
			return -1;
		if (pset_is_empty(&alts[n++]))
			return syntax_error(sp, "empty alternative");
		if (*sp->p == '}')
			break;
		if (*sp->p != '|')
			return syntax_error(sp, "unbalanced '{'");
	}
	sp->p++;
	return any_orders(sp, alts, n, 0, out);
}

static int
sp_item(struct sparse *sp, struct pset *out)
{
	switch (*sp->p) {
	case '[':
		return sp_optional(sp, out);
	case '{':
		return sp_any(sp, out);
	case '(':
		return sp_group(sp, out);
	case '<':
		return sp_slot(sp, out);
	case '>':
		return syntax_error(sp, "unexpected '>'");
	default:
		return sp_literal(sp, out);
	}
}

/*
 * The product of the n sets items[], in order (the last one varies
 * fastest): every path is allocated once, at its final length.
 */
static void
pset_products(struct sparse *sp, struct pset *out, const struct pset *items,
    size_t n, size_t total)
{
	const struct path	**cur;
	struct path		 *p, **tail = &out->head;
	size_t			  k, len;

	if (n == 0) {
		pset_unit(sp, out);
		return;
	}
	cur = arena_alloc(sp->scratch, n * sizeof *cur);
	for (k = 0; k < n; k++)
		cur[k] = items[k].head;
	out->n = total;
	for (;;) {
		for (len = 0, k = 0; k < n; k++)
			len += cur[k]->n;
		p = arena_alloc(sp->scratch, sizeof *p);
		p->n = len;
		p->v = len != 0 ? arena_alloc(sp->scratch, len * sizeof *p->v) :
		    NULL;
		p->next = NULL;
		for (len = 0, k = 0; k < n; k++) {
			if (cur[k]->n != 0)
				memcpy(p->v + len, cur[k]->v,
				    cur[k]->n * sizeof *p->v);
			len += cur[k]->n;
		}
		*tail = p;
		tail = &p->next;
		/* The next combination: the last item first. */
		for (k = n; k > 0; k--) {
			if ((cur[k - 1] = cur[k - 1]->next) != NULL)
				break;
			cur[k - 1] = items[k - 1].head;
		}
		if (k == 0)
			return;
	}
}

/* A sequence, up to the end or a ']', ')', '}' or '|' left for the
   caller. */
static int
sp_seq(struct sparse *sp, struct pset *out)
{
	struct pset	 inline_items[16], *items = inline_items, *grown;
	size_t		 n = 0, cap = 16, total = 1;

	for (;;) {
		while (grammar_is_blank(*sp->p))
			sp->p++;
		if (*sp->p == '\0' || *sp->p == ']' || *sp->p == ')' ||
		    *sp->p == '}' || *sp->p == '|')
			break;
		if (n == cap) {
			grown = arena_alloc(sp->scratch,
			    2 * cap * sizeof *items);
			memcpy(grown, items, n * sizeof *items);
			items = grown;
			cap *= 2;
		}
		if (sp_item(sp, &items[n]) != 0)
			return -1;
		if (total * items[n].n > GRAMMAR_MAX_PATHS)
			return syntax_error(sp, "too many alternatives");
		total *= items[n++].n;
	}
	pset_products(sp, out, items, n, total);
	return 0;
}

int
grammar_syntax_parse(struct arena *keep, struct arena *scratch,
    const char *syntax, struct pset *out, char **cause)
{
	struct sparse	 sp = {
		.keep = keep,
		.scratch = scratch,
		.syntax = syntax,
		.p = syntax,
		.cause = NULL,
	};
	char		 what[32];

	if (sp_seq(&sp, out) != 0)
		goto fail;
	if (*sp.p != '\0') {
		snprintf(what, sizeof what, "unexpected '%c'", *sp.p);
		syntax_error(&sp, what);
		goto fail;
	}
	return 0;

fail:
	*cause = sp.cause;
	return -1;
}

int
grammar_path_check(const char *syntax, const struct path *p, char **cause)
{
	if (p->n == 0)
		return syntax_fail(syntax, "it may match an empty line", cause);
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (p->v[i]->kind == SE_SLOT &&
		    (p->v[i]->slot.type->flags & GT_F_LINE))
			return syntax_fail(syntax,
			    "a line slot must come last", cause);
	}
	return 0;
}
