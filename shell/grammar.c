/* SPDX-License-Identifier: MIT */
/*
 * The command grammar: every entry's syntax string compiled once into one
 * graph, and the one matcher behind Enter (grammar_match), '?'
 * (grammar_describe) and Tab (grammar_complete).
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
 * Blanks separate items. Examples:
 *   "show activation-key [detail]"
 *   "clock set <time:hhmmss> (<day:day> <month:month>|<month:month>
 *    <day:day>) <year:year>"
 *
 * The graph. Each syntax expands into its paths (one per choice of
 * optionals and alternatives), inserted into one tree whose nodes are
 * shared by prefix: "show version" and "show running-config" share the
 * "show" node. Two literals are one node when equal ignoring case, two
 * slots when their name and type are equal. A node carries the union of
 * the modes of the entries through it (and of the non-hidden ones, for
 * listing), the entries that may end there, and one help text. Entries
 * with CMD_F_NO_FORM are inserted again under a leading "no" literal;
 * CMD_F_NO_ONLY ones only there.
 *
 * Help is keyed by word: a node's help comes from any entry through it
 * whose help array names its literal (or slot name); help tables (entries
 * with a NULL syntax) document first words nobody else does; slots fall
 * back to their type's help. Different help for one node, the same path
 * (slot names aside) from two entries whose modes overlap, an unknown
 * type or malformed syntax fail the build, naming the entries.
 *
 * Matching keeps a small set of hypotheses (states) and feeds it word by
 * word: words are runs of non-blanks (blank: space or tab). Only nodes
 * whose modes hold the current one count. For each word, over all
 * states: a literal typed in full beats prefixes; several distinct
 * literals by prefix are ambiguous (hidden ones yield to visible ones);
 * any literal beats every slot (ASA: "sh" is "show", even where a WORD
 * may go); otherwise every slot whose type accepts the word is a new
 * state. No state left: invalid at that word. At the end of the line
 * the entry wins whose path has the lowest sum of slot ranks (types.c),
 * then the earliest in the table.
 */
#include "shell/shell.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell/shell_int.h"
#include "util/util.h"

#define GRAMMAR_MAX_STATES	32	/* hypotheses kept per word */
#define GRAMMAR_MAX_PATHS	1024	/* expansions of one syntax string */

enum selem_kind {
	SE_LITERAL,
	SE_SLOT,
};

/* One item of an expanded syntax. */
struct selem {
	enum selem_kind	 kind;
	const char	*word;		/* the literal, or the slot's name */
	size_t		 len;		/* strlen(word) */
	struct slot_spec slot;		/* SE_SLOT */
};

/* One expansion of a syntax string; build-time, in the scratch arena. */
struct path {
	const struct selem	**v;
	size_t			 n;
	struct path		*next;
};

struct pset {
	struct path	*head;
	size_t		 n;
};

struct gend {
	const struct cmd_entry	*e;
	size_t			 idx;	/* position in the table: ties */
	struct gend		*next;
};

struct gnode {
	const struct selem	*se;	/* NULL for the root */
	const char		*help;	/* static: an entry's or a type's */
	const struct cmd_entry	*help_from; /* who gave help, for conflicts */
	uint32_t		 modes;	/* entries through here */
	uint32_t		 vis_modes; /* the non-hidden ones */
	struct gnode		**lit;	/* literal children, sorted */
	size_t			 nlit;
	struct gnode		**slot;	/* slot children, by rank */
	size_t			 nslot;
	struct gend		*ends;	/* entries that may end here */
	struct gnode		*first;	/* children while building */
	struct gnode		*sibling;
};

struct grammar {
	struct arena	 arena;		/* all nodes, elements and names */
	struct gnode	*root;
};

/* A path with slot names dropped, to find duplicate syntax. */
struct shape {
	char			*text;	/* scratch arena */
	const struct cmd_entry	*e;
	size_t			 idx;
};

struct gbuild {
	struct grammar		*g;
	struct arena		 scratch; /* paths, shapes: build only */
	const struct cmd_entry	*e;	/* the entry being compiled */
	size_t			 idx;
	const char		*p;	/* cursor in e->syntax */
	struct shape		*shapes; /* heap */
	size_t			 nshapes;
	size_t			 ashapes;
	char			*cause;
};

/* One matched word; the chain back from a state gives the arguments. */
struct step {
	const struct gnode	*node;
	const struct step	*prev;
	size_t			 off;	/* the word in the line */
	size_t			 len;
	uint32_t		 num;
};

struct mstate {
	const struct gnode	*node;
	const struct step	*path;	/* NULL at the root */
	unsigned		 score;	/* sum of slot ranks */
	bool			 rest;	/* a line slot took the rest */
};

struct mrun {
	const char		*line;
	size_t			 end;	/* match line[0..end) */
	uint32_t		 mbit;
	struct arena		*arena;
	struct mstate		 st[GRAMMAR_MAX_STATES];
	size_t			 n;
	size_t			 nwords;
	enum match_status	 status; /* MATCH_OK while words match */
	size_t			 err_offset;
};

/* A '?' or Tab candidate before sorting. */
struct ditem {
	unsigned		 cls;	/* DI_SLOT, DI_LITERAL, DI_CR */
	unsigned		 rank;
	size_t			 seq;	/* order found: slots keep it */
	const char		*word;
	const char		*help;
};

#define DI_SLOT		0
#define DI_LITERAL	1
#define DI_CR		2

struct dlist {
	struct ditem	*v;		/* arena */
	size_t		 n;
	size_t		 cap;
};

static const struct selem no_selem = {
	.kind = SE_LITERAL,
	.word = "no",
	.len = 2,
};

static int	sp_seq(struct gbuild *, struct pset *);

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_special(char c)
{
	return c != '\0' && strchr("[]()<>|", c) != NULL;
}

static int
ci_cmp(const char *a, const char *b)
{
	while (*a != '\0' && lc((unsigned char)*a) == lc((unsigned char)*b)) {
		a++;
		b++;
	}
	return lc((unsigned char)*a) - lc((unsigned char)*b);
}

/*
 * Order word against the words having tok[0..len) as a prefix: <0 when
 * it sorts before them all, 0 when it is one of them, >0 after.
 */
static int
ci_prefixcmp(const char *word, const char *tok, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		int	 a = lc((unsigned char)word[i]);
		int	 b = lc((unsigned char)tok[i]);

		if (a != b)
			return a - b;
	}
	return 0;
}

static const char *
entry_name(const struct cmd_entry *e)
{
	return e->syntax != NULL ? e->syntax : "(help table)";
}

/* ---- Syntax strings into sets of paths ---- */

static int
syntax_error(struct gbuild *b, const char *what)
{
	if (b->cause == NULL) {
		xasprintf(&b->cause, "malformed syntax \"%s\": %s",
		    b->e->syntax, what);
	}
	return -1;
}

static void
pset_unit(struct gbuild *b, struct pset *ps)
{
	struct path	*p = arena_alloc(&b->scratch, sizeof *p);

	p->v = NULL;
	p->n = 0;
	p->next = NULL;
	ps->head = p;
	ps->n = 1;
}

static void
pset_single(struct gbuild *b, struct pset *ps, const struct selem *se)
{
	pset_unit(b, ps);
	ps->head->v = arena_alloc(&b->scratch, sizeof *ps->head->v);
	ps->head->v[0] = se;
	ps->head->n = 1;
}

static int
pset_union(struct gbuild *b, struct pset *a, struct pset *c)
{
	struct path	**tail = &a->head;

	if (a->n + c->n > GRAMMAR_MAX_PATHS)
		return syntax_error(b, "too many alternatives");
	while (*tail != NULL)
		tail = &(*tail)->next;
	*tail = c->head;
	a->n += c->n;
	return 0;
}

static int
pset_product(struct gbuild *b, struct pset *a, const struct pset *c)
{
	struct pset	 out = { .head = NULL, .n = 0 };
	struct path	*x, *y, *p, **tail = &out.head;

	if (a->n * c->n > GRAMMAR_MAX_PATHS)
		return syntax_error(b, "too many alternatives");
	for (x = a->head; x != NULL; x = x->next) {
		for (y = c->head; y != NULL; y = y->next) {
			p = arena_alloc(&b->scratch, sizeof *p);
			p->n = x->n + y->n;
			p->v = arena_alloc(&b->scratch, p->n * sizeof *p->v);
			if (x->n != 0)
				memcpy(p->v, x->v, x->n * sizeof *p->v);
			if (y->n != 0)
				memcpy(p->v + x->n, y->v, y->n * sizeof *p->v);
			p->next = NULL;
			*tail = p;
			tail = &p->next;
			out.n++;
		}
	}
	*a = out;
	return 0;
}

static bool
pset_is_empty(const struct pset *ps)
{
	return ps->n == 1 && ps->head->n == 0;
}

static int
sp_literal(struct gbuild *b, struct pset *out)
{
	struct selem	*se;
	const char	*start = b->p;

	while (*b->p != '\0' && !is_blank(*b->p) && !is_special(*b->p))
		b->p++;
	se = arena_alloc(&b->g->arena, sizeof *se);
	se->kind = SE_LITERAL;
	se->len = (size_t)(b->p - start);
	se->word = arena_strndup(&b->g->arena, start, se->len);
	pset_single(b, out, se);
	return 0;
}

static int
sp_slot(struct gbuild *b, struct pset *out)
{
	struct selem	*se;
	const char	*start = ++b->p, *colon = NULL, *type;

	while (*b->p != '\0' && *b->p != '>' && !is_blank(*b->p) &&
	    !is_special(*b->p)) {
		if (*b->p == ':' && colon == NULL)
			colon = b->p;
		b->p++;
	}
	if (*b->p != '>')
		return syntax_error(b, "unbalanced '<'");
	if (colon == NULL || colon == start || colon + 1 == b->p)
		return syntax_error(b, "a slot is <name:type>");
	type = colon + 1;
	se = arena_alloc(&b->g->arena, sizeof *se);
	se->kind = SE_SLOT;
	se->len = (size_t)(colon - start);
	se->word = arena_strndup(&b->g->arena, start, se->len);
	if (grammar_type_parse(&b->g->arena, type, (size_t)(b->p - type),
	    &se->slot) != 0) {
		xasprintf(&b->cause, "unknown type \"%.*s\" in \"%s\"",
		    (int)(b->p - type), type, b->e->syntax);
		return -1;
	}
	b->p++;
	pset_single(b, out, se);
	return 0;
}

static int
sp_optional(struct gbuild *b, struct pset *out)
{
	struct pset	 none;

	b->p++;
	if (sp_seq(b, out) != 0)
		return -1;
	if (*b->p != ']')
		return syntax_error(b, "unbalanced '['");
	b->p++;
	if (pset_is_empty(out))
		return syntax_error(b, "empty [ ]");
	pset_unit(b, &none);
	return pset_union(b, out, &none);
}

static int
sp_group(struct gbuild *b, struct pset *out)
{
	struct pset	 alt;

	out->head = NULL;
	out->n = 0;
	for (;;) {
		b->p++;
		if (sp_seq(b, &alt) != 0)
			return -1;
		if (pset_is_empty(&alt))
			return syntax_error(b, "empty alternative");
		if (pset_union(b, out, &alt) != 0)
			return -1;
		if (*b->p == ')')
			break;
		if (*b->p != '|')
			return syntax_error(b, "unbalanced '('");
	}
	b->p++;
	return 0;
}

static int
sp_item(struct gbuild *b, struct pset *out)
{
	switch (*b->p) {
	case '[':
		return sp_optional(b, out);
	case '(':
		return sp_group(b, out);
	case '<':
		return sp_slot(b, out);
	case '>':
		return syntax_error(b, "unexpected '>'");
	default:
		return sp_literal(b, out);
	}
}

/* A sequence, up to the end or a ']', ')' or '|' left for the caller. */
static int
sp_seq(struct gbuild *b, struct pset *out)
{
	struct pset	 item;

	pset_unit(b, out);
	for (;;) {
		while (is_blank(*b->p))
			b->p++;
		if (*b->p == '\0' || *b->p == ']' || *b->p == ')' ||
		    *b->p == '|')
			return 0;
		if (sp_item(b, &item) != 0 || pset_product(b, out, &item) != 0)
			return -1;
	}
}

static int
syntax_parse(struct gbuild *b, struct pset *out)
{
	char	 what[32];

	b->p = b->e->syntax;
	if (sp_seq(b, out) != 0)
		return -1;
	if (*b->p != '\0') {
		snprintf(what, sizeof what, "unexpected '%c'", *b->p);
		return syntax_error(b, what);
	}
	return 0;
}

/* ---- Paths into the graph ---- */

static const char *
entry_help(const struct cmd_entry *e, const struct selem *se)
{
	const struct cmd_help	*h;

	if (e->help == NULL)
		return NULL;
	for (h = e->help; h->word != NULL; h++) {
		if (se->kind == SE_LITERAL ? ci_cmp(h->word, se->word) == 0 :
		    strcmp(h->word, se->word) == 0)
			return h->help;
	}
	return NULL;
}

static int
help_conflict(struct gbuild *b, const struct gnode *n)
{
	xasprintf(&b->cause, "conflicting help for \"%s\": \"%s\" and \"%s\"",
	    n->se->word, entry_name(n->help_from), entry_name(b->e));
	return -1;
}

/* Entry b->e passes through n: modes, and its help for n's word. */
static int
node_touch(struct gbuild *b, struct gnode *n)
{
	const struct cmd_entry	*e = b->e;
	const char		*h = entry_help(e, n->se);

	n->modes |= e->modes;
	if (!(e->flags & CMD_F_HIDDEN))
		n->vis_modes |= e->modes;
	if (h == NULL)
		return 0;
	if (n->help != NULL && strcmp(n->help, h) != 0)
		return help_conflict(b, n);
	if (n->help == NULL) {
		n->help = h;
		n->help_from = e;
	}
	return 0;
}

static bool
selem_equal(const struct selem *a, const struct selem *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == SE_LITERAL)
		return ci_cmp(a->word, b->word) == 0;
	return strcmp(a->word, b->word) == 0 &&
	    a->slot.type == b->slot.type && a->slot.min == b->slot.min &&
	    a->slot.max == b->slot.max;
}

/* The child of parent for se, made if needed; NULL on a help conflict. */
static struct gnode *
node_child(struct gbuild *b, struct gnode *parent, const struct selem *se)
{
	struct gnode	**pp, *n;

	for (pp = &parent->first; *pp != NULL; pp = &(*pp)->sibling) {
		if (selem_equal((*pp)->se, se))
			break;
	}
	if ((n = *pp) == NULL) {
		n = arena_alloc(&b->g->arena, sizeof *n);
		memset(n, 0, sizeof *n);
		n->se = se;
		*pp = n;
	}
	return node_touch(b, n) == 0 ? n : NULL;
}

static void
node_add_end(struct gbuild *b, struct gnode *n)
{
	struct gend	*ge;

	for (ge = n->ends; ge != NULL; ge = ge->next) {
		if (ge->e == b->e)
			return;
	}
	ge = arena_alloc(&b->g->arena, sizeof *ge);
	ge->e = b->e;
	ge->idx = b->idx;
	ge->next = n->ends;
	n->ends = ge;
}

static void
shape_add(struct gbuild *b, const struct path *p, bool no)
{
	struct strbuf		 sb;
	const struct selem	*se;

	strbuf_init(&sb, 0);
	if (no)
		strbuf_puts(&sb, "no");
	for (size_t i = 0; i < p->n; i++) {
		se = p->v[i];
		if (sb.len != 0)
			strbuf_puts(&sb, " ");
		if (se->kind == SE_LITERAL) {
			for (size_t j = 0; j < se->len; j++)
				strbuf_printf(&sb, "%c", lc(se->word[j]));
		} else {
			strbuf_printf(&sb, "<%s:%lu-%lu>", se->slot.type->name,
			    (unsigned long)se->slot.min,
			    (unsigned long)se->slot.max);
		}
	}
	if (b->nshapes == b->ashapes) {
		b->ashapes = b->ashapes != 0 ? b->ashapes * 2 : 64;
		b->shapes = xreallocarray(b->shapes, b->ashapes,
		    sizeof *b->shapes);
	}
	b->shapes[b->nshapes].text = arena_strdup(&b->scratch, sb.buf);
	b->shapes[b->nshapes].e = b->e;
	b->shapes[b->nshapes].idx = b->idx;
	b->nshapes++;
	strbuf_release(&sb);
}

static int
path_insert(struct gbuild *b, const struct path *p, bool no)
{
	struct gnode	*n = b->g->root;

	if (no && (n = node_child(b, n, &no_selem)) == NULL)
		return -1;
	for (size_t i = 0; i < p->n; i++) {
		if ((n = node_child(b, n, p->v[i])) == NULL)
			return -1;
	}
	node_add_end(b, n);
	shape_add(b, p, no);
	return 0;
}

static int
path_check(struct gbuild *b, const struct path *p)
{
	if (p->n == 0)
		return syntax_error(b, "it may match an empty line");
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (p->v[i]->kind == SE_SLOT &&
		    (p->v[i]->slot.type->flags & GT_F_LINE))
			return syntax_error(b, "a line slot must come last");
	}
	return 0;
}

static int
build_entry(struct gbuild *b)
{
	struct pset		 ps;
	const struct path	*p;
	uint32_t		 flags = b->e->flags;

	if (syntax_parse(b, &ps) != 0)
		return -1;
	for (p = ps.head; p != NULL; p = p->next) {
		if (path_check(b, p) != 0)
			return -1;
		if (!(flags & CMD_F_NO_ONLY) && path_insert(b, p, false) != 0)
			return -1;
		if ((flags & (CMD_F_NO_FORM | CMD_F_NO_ONLY)) &&
		    path_insert(b, p, true) != 0)
			return -1;
	}
	return 0;
}

static int
shape_cmp(const void *va, const void *vb)
{
	const struct shape	*a = va, *b = vb;
	int			 c = strcmp(a->text, b->text);

	if (c != 0)
		return c;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int
build_check_duplicates(struct gbuild *b)
{
	const struct shape	*s;
	size_t			 i, j, k, l;

	if (b->nshapes == 0)
		return 0;
	qsort(b->shapes, b->nshapes, sizeof *b->shapes, shape_cmp);
	s = b->shapes;
	for (i = 0; i < b->nshapes; i = j) {
		for (j = i + 1; j < b->nshapes; j++) {
			if (strcmp(s[i].text, s[j].text) != 0)
				break;
		}
		for (k = i; k < j; k++) {
			for (l = k + 1; l < j; l++) {
				if (s[k].e == s[l].e ||
				    (s[k].e->modes & s[l].e->modes) == 0)
					continue;
				xasprintf(&b->cause,
				    "duplicate syntax: \"%s\" and \"%s\"",
				    s[k].e->syntax, s[l].e->syntax);
				return -1;
			}
		}
	}
	return 0;
}

/* Help tables (NULL syntax) document the first words. */
static int
build_help_tables(struct gbuild *b, const struct cmd_entry *const *table)
{
	struct gnode	*n;
	const char	*h;

	for (size_t i = 0; table[i] != NULL; i++) {
		if (table[i]->syntax != NULL)
			continue;
		b->e = table[i];
		for (n = b->g->root->first; n != NULL; n = n->sibling) {
			if (n->se->kind != SE_LITERAL ||
			    (h = entry_help(b->e, n->se)) == NULL)
				continue;
			if (n->help != NULL && strcmp(n->help, h) != 0)
				return help_conflict(b, n);
			if (n->help == NULL) {
				n->help = h;
				n->help_from = b->e;
			}
		}
	}
	return 0;
}

static int
node_lit_cmp(const void *va, const void *vb)
{
	const struct gnode	*a = *(struct gnode *const *)va;
	const struct gnode	*b = *(struct gnode *const *)vb;

	return ci_cmp(a->se->word, b->se->word);
}

/* Children lists into sorted arrays; default help. */
static void
node_finalize(struct grammar *g, struct gnode *n)
{
	struct gnode	*c, *t;
	size_t		 nlit = 0, nslot = 0, i;

	if (n->se != NULL && n->help == NULL)
		n->help = n->se->kind == SE_SLOT ? n->se->slot.type->help : "";
	for (c = n->first; c != NULL; c = c->sibling) {
		if (c->se->kind == SE_LITERAL)
			nlit++;
		else
			nslot++;
	}
	n->lit = arena_alloc(&g->arena, (nlit + 1) * sizeof *n->lit);
	n->slot = arena_alloc(&g->arena, (nslot + 1) * sizeof *n->slot);
	for (c = n->first; c != NULL; c = c->sibling) {
		if (c->se->kind == SE_LITERAL) {
			n->lit[n->nlit++] = c;
			continue;
		}
		/* Insertion by rank, stable: the table's order otherwise. */
		for (i = n->nslot++; i > 0; i--) {
			t = n->slot[i - 1];
			if (t->se->slot.type->rank <= c->se->slot.type->rank)
				break;
			n->slot[i] = t;
		}
		n->slot[i] = c;
	}
	qsort(n->lit, n->nlit, sizeof *n->lit, node_lit_cmp);
	for (c = n->first; c != NULL; c = c->sibling)
		node_finalize(g, c);
}

struct grammar *
grammar_build(const struct cmd_entry *const *table, char **cause)
{
	struct grammar	*g = xcalloc(1, sizeof *g);
	struct gbuild	 b = { .g = g };

	arena_init(&g->arena);
	arena_init(&b.scratch);
	g->root = arena_alloc(&g->arena, sizeof *g->root);
	memset(g->root, 0, sizeof *g->root);
	g->root->modes = g->root->vis_modes = UINT32_MAX;
	for (b.idx = 0; table[b.idx] != NULL; b.idx++) {
		b.e = table[b.idx];
		if (b.e->syntax != NULL && build_entry(&b) != 0)
			goto fail;
	}
	if (build_check_duplicates(&b) != 0 ||
	    build_help_tables(&b, table) != 0)
		goto fail;
	node_finalize(g, g->root);
	free(b.shapes);
	arena_release(&b.scratch);
	return g;

fail:
	*cause = b.cause;
	free(b.shapes);
	arena_release(&b.scratch);
	grammar_free(g);
	return NULL;
}

void
grammar_free(struct grammar *g)
{
	if (g == NULL)
		return;
	arena_release(&g->arena);
	free(g);
}

/* ---- The matcher ---- */

static bool
next_word(const char *line, size_t end, size_t *off, size_t *len)
{
	size_t	 i = *off;

	while (i < end && is_blank(line[i]))
		i++;
	if (i >= end)
		return false;
	*off = i;
	while (i < end && !is_blank(line[i]))
		i++;
	*len = i - *off;
	return true;
}

/* Listed by '?' and Tab: hidden children show only under hidden ones. */
static bool
child_listed(const struct gnode *parent, const struct gnode *c,
    uint32_t mbit)
{
	uint32_t	 m;

	m = (parent->vis_modes & mbit) ? c->vis_modes : c->modes;
	return (m & mbit) != 0;
}

static bool
ends_listed(const struct gnode *n, uint32_t mbit)
{
	const struct gend	*ge;

	for (ge = n->ends; ge != NULL; ge = ge->next) {
		if ((ge->e->modes & mbit) && (!(ge->e->flags & CMD_F_HIDDEN) ||
		    !(n->vis_modes & mbit)))
			return true;
	}
	return false;
}

/* The first literal child of n that may have tok[0..len) as a prefix. */
static size_t
lit_lower_bound(const struct gnode *n, const char *tok, size_t len)
{
	size_t	 lo = 0, hi = n->nlit, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ci_prefixcmp(n->lit[mid]->se->word, tok, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
mrun_start(struct mrun *r, const struct grammar *g, enum mode m,
    const char *line, size_t end, struct arena *a)
{
	r->line = line;
	r->end = end;
	r->mbit = MODE_BIT(m);
	r->arena = a;
	r->st[0].node = g->root;
	r->st[0].path = NULL;
	r->st[0].score = 0;
	r->st[0].rest = false;
	r->n = 1;
	r->nwords = 0;
	r->status = MATCH_OK;
	r->err_offset = 0;
}

static void
mrun_push(struct mrun *r, struct mstate *next, size_t *nn,
    const struct mstate *from, const struct gnode *node, size_t off,
    size_t len, uint32_t num)
{
	struct step	*sp;
	struct mstate	*to;

	if (*nn == GRAMMAR_MAX_STATES)
		return;
	sp = arena_alloc(r->arena, sizeof *sp);
	sp->node = node;
	sp->prev = from->path;
	sp->off = off;
	sp->len = len;
	sp->num = num;
	to = &next[(*nn)++];
	to->node = node;
	to->path = sp;
	to->score = from->score;
	to->rest = false;
	if (node->se->kind == SE_SLOT) {
		to->score += node->se->slot.type->rank;
		to->rest = (node->se->slot.type->flags & GT_F_LINE) != 0;
	}
}

struct cand {
	size_t			 from;	/* index of the state */
	const struct gnode	*node;
};

/* Drop hidden prefix candidates when a listed one exists. */
static void
cands_prefer_listed(const struct mrun *r, struct cand *c, size_t *nc)
{
	size_t	 i, k = 0;

	for (i = 0; i < *nc; i++) {
		if (child_listed(r->st[c[i].from].node, c[i].node, r->mbit))
			c[k++] = c[i];
	}
	if (k != 0)
		*nc = k;
}

/* Literal candidates for tok; -1 when the prefix is ambiguous. */
static int
mrun_literals(const struct mrun *r, const char *tok, size_t len,
    struct cand *c, size_t *nc)
{
	const struct gnode	*n, *ch;
	bool			 exact = false, is_exact;

	for (size_t s = 0; s < r->n; s++) {
		if (r->st[s].rest)
			continue;
		n = r->st[s].node;
		for (size_t i = lit_lower_bound(n, tok, len); i < n->nlit &&
		    ci_prefixcmp(n->lit[i]->se->word, tok, len) == 0; i++) {
			ch = n->lit[i];
			if (!(ch->modes & r->mbit))
				continue;
			is_exact = ch->se->len == len;
			if (is_exact && !exact) {
				exact = true;
				*nc = 0;
			}
			if ((exact && !is_exact) || *nc == GRAMMAR_MAX_STATES)
				continue;
			c[(*nc)++] = (struct cand){ .from = s, .node = ch };
		}
	}
	if (exact || *nc < 2)
		return 0;
	cands_prefer_listed(r, c, nc);
	for (size_t i = 1; i < *nc; i++) {
		if (ci_cmp(c[i].node->se->word, c[0].node->se->word) != 0)
			return -1;
	}
	return 0;
}

static void
mrun_slots(struct mrun *r, size_t off, size_t len, struct mstate *next,
    size_t *nn)
{
	const struct gnode	*n, *ch;
	const struct slot_spec	*sp;
	uint32_t		 num;

	for (size_t s = 0; s < r->n; s++) {
		if (r->st[s].rest)
			continue;
		n = r->st[s].node;
		for (size_t i = 0; i < n->nslot; i++) {
			ch = n->slot[i];
			sp = &ch->se->slot;
			num = 0;
			if (!(ch->modes & r->mbit))
				continue;
			if (sp->type->flags & GT_F_LINE) {
				mrun_push(r, next, nn, &r->st[s], ch, off,
				    r->end - off, 0);
			} else if (sp->type->match(sp, r->line + off, len,
			    &num))
				mrun_push(r, next, nn, &r->st[s], ch, off, len,
				    num);
		}
	}
}

static int
mrun_fail(struct mrun *r, enum match_status status, size_t off)
{
	r->status = status;
	r->err_offset = off;
	return -1;
}

static int
mrun_word(struct mrun *r, size_t off, size_t len)
{
	struct mstate	 next[GRAMMAR_MAX_STATES];
	struct cand	 c[GRAMMAR_MAX_STATES];
	size_t		 nn = 0, nc = 0;

	for (size_t s = 0; s < r->n; s++) {
		if (r->st[s].rest)
			next[nn++] = r->st[s];
	}
	if (mrun_literals(r, r->line + off, len, c, &nc) != 0)
		return mrun_fail(r, MATCH_AMBIGUOUS, off);
	for (size_t i = 0; i < nc; i++) {
		mrun_push(r, next, &nn, &r->st[c[i].from], c[i].node, off,
		    len, 0);
	}
	if (nc == 0)
		mrun_slots(r, off, len, next, &nn);
	if (nn == 0)
		return mrun_fail(r, MATCH_INVALID, off);
	memcpy(r->st, next, nn * sizeof *next);
	r->n = nn;
	return 0;
}

/* Feed every word of line[0..end); r->status tells how it went. */
static void
mrun_words(struct mrun *r)
{
	size_t	 off = 0, len;
	bool	 all_rest;

	while (next_word(r->line, r->end, &off, &len)) {
		r->nwords++;
		if (mrun_word(r, off, len) != 0)
			return;
		off += len;
		all_rest = true;
		for (size_t s = 0; s < r->n && all_rest; s++)
			all_rest = r->st[s].rest;
		if (all_rest)
			return;
	}
}

static const struct mstate *
mrun_best(const struct mrun *r, const struct cmd_entry **entry)
{
	const struct mstate	*best = NULL;
	const struct gend	*ge, *bge = NULL;

	for (size_t s = 0; s < r->n; s++) {
		for (ge = r->st[s].node->ends; ge != NULL; ge = ge->next) {
			if (!(ge->e->modes & r->mbit))
				continue;
			if (best == NULL || r->st[s].score < best->score ||
			    (r->st[s].score == best->score &&
			    ge->idx < bge->idx)) {
				best = &r->st[s];
				bge = ge;
			}
		}
	}
	*entry = bge != NULL ? bge->e : NULL;
	return best;
}

static void
args_build(const struct mrun *r, const struct mstate *st,
    struct cmd_args *args)
{
	const struct step	*sp;
	const struct selem	*se;
	struct cmd_arg		*v, *a;
	size_t			 n = 0;

	for (sp = st->path; sp != NULL; sp = sp->prev)
		n++;
	v = arena_alloc(r->arena, n * sizeof *v);
	a = v + n;
	for (sp = st->path; sp != NULL; sp = sp->prev) {
		a--;
		se = sp->node->se;
		a->name = se->word;
		a->num = sp->num;
		if (se->kind == SE_LITERAL) {
			a->value = se->word;
			a->numeric = false;
		} else {
			a->value = arena_strndup(r->arena, r->line + sp->off,
			    sp->len);
			a->numeric = (se->slot.type->flags & GT_F_NUMERIC) != 0;
		}
	}
	args->v = v;
	args->n = n;
}

void
grammar_match(const struct grammar *g, enum mode m, const char *line,
    struct arena *a, struct match_result *res)
{
	struct mrun		 r;
	const struct mstate	*best;
	size_t			 len = strlen(line);

	res->entry = NULL;
	res->args.v = NULL;
	res->args.n = 0;
	res->err_offset = 0;
	mrun_start(&r, g, m, line, len, a);
	mrun_words(&r);
	res->status = r.status;
	res->err_offset = r.err_offset;
	if (r.status != MATCH_OK)
		return;
	if (r.nwords == 0) {
		res->status = MATCH_EMPTY;
		return;
	}
	if ((best = mrun_best(&r, &res->entry)) == NULL) {
		res->status = MATCH_INCOMPLETE;
		res->err_offset = len;
		return;
	}
	args_build(&r, best, &res->args);
}

/* ---- '?' and Tab ---- */

static void
dlist_init(const struct mrun *r, struct dlist *dl)
{
	dl->n = 0;
	dl->cap = 0;
	for (size_t s = 0; s < r->n; s++)
		dl->cap += r->st[s].node->nlit + r->st[s].node->nslot + 1;
	dl->v = arena_alloc(r->arena, dl->cap * sizeof *dl->v);
}

static void
dlist_add(struct dlist *dl, unsigned cls, const struct gnode *n)
{
	struct ditem	*di;

	if (dl->n == dl->cap)
		return;
	di = &dl->v[dl->n];
	di->cls = cls;
	di->seq = dl->n++;
	di->rank = 0;
	di->word = "<cr>";
	di->help = "";
	if (n == NULL)
		return;
	di->help = n->help;
	if (cls == DI_SLOT) {
		di->rank = n->se->slot.type->rank;
		di->word = n->se->slot.placeholder;
	} else
		di->word = n->se->word;
}

/* After a blank: every word that may come next, and <cr>. */
static void
collect_next(const struct mrun *r, struct dlist *dl, bool literals_only)
{
	const struct gnode	*n;
	size_t			 i;

	for (size_t s = 0; s < r->n; s++) {
		n = r->st[s].node;
		if (r->st[s].rest) {
			if (!literals_only)
				dlist_add(dl, DI_CR, NULL);
			continue;
		}
		for (i = 0; i < n->nslot && !literals_only; i++) {
			if (child_listed(n, n->slot[i], r->mbit))
				dlist_add(dl, DI_SLOT, n->slot[i]);
		}
		for (i = 0; i < n->nlit; i++) {
			if (child_listed(n, n->lit[i], r->mbit))
				dlist_add(dl, DI_LITERAL, n->lit[i]);
		}
		if (!literals_only && ends_listed(n, r->mbit))
			dlist_add(dl, DI_CR, NULL);
	}
}

/*
 * Inside a word: the literals it abbreviates; for '?' when there are
 * none, the slots that would take it (and <cr> after a line slot).
 */
static void
collect_partial(const struct mrun *r, const char *tok, size_t len,
    struct dlist *dl, bool literals_only)
{
	const struct gnode	*n, *ch;
	const struct slot_spec	*sp;
	uint32_t		 num;
	size_t			 s, i;

	for (s = 0; s < r->n; s++) {
		n = r->st[s].node;
		for (i = lit_lower_bound(n, tok, len); !r->st[s].rest &&
		    i < n->nlit && ci_prefixcmp(n->lit[i]->se->word, tok,
		    len) == 0; i++) {
			if (child_listed(n, n->lit[i], r->mbit))
				dlist_add(dl, DI_LITERAL, n->lit[i]);
		}
	}
	for (s = 0; s < r->n && dl->n == 0 && !literals_only; s++) {
		n = r->st[s].node;
		if (r->st[s].rest)
			dlist_add(dl, DI_CR, NULL);
		for (i = 0; i < n->nslot && !r->st[s].rest; i++) {
			ch = n->slot[i];
			sp = &ch->se->slot;
			if (child_listed(n, ch, r->mbit) &&
			    ((sp->type->flags & GT_F_LINE) ||
			    sp->type->match(sp, tok, len, &num)))
				dlist_add(dl, DI_SLOT, ch);
		}
	}
}

static int
ditem_cmp(const void *va, const void *vb)
{
	const struct ditem	*a = va, *b = vb;
	int			 c;

	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	if (a->cls == DI_LITERAL && (c = ci_cmp(a->word, b->word)) != 0)
		return c;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Whether the kept items dl->v[0..k) already hold it. */
static bool
dlist_seen(const struct dlist *dl, size_t k, const struct ditem *it,
    bool by_word)
{
	const struct ditem	*p;

	for (size_t j = k; j > 0; j--) {
		p = &dl->v[j - 1];
		if (p->cls != it->cls || (it->cls == DI_LITERAL &&
		    ci_cmp(p->word, it->word) != 0))
			break;
		if (strcmp(p->word, it->word) == 0 &&
		    (by_word || strcmp(p->help, it->help) == 0))
			return true;
	}
	return false;
}

/* Sort as ASA prints: slots by rank, literals by name, <cr>; unique. */
static void
dlist_finish(struct dlist *dl, bool by_word)
{
	size_t	 k = 0;

	qsort(dl->v, dl->n, sizeof *dl->v, ditem_cmp);
	for (size_t i = 0; i < dl->n; i++) {
		if (!dlist_seen(dl, k, &dl->v[i], by_word))
			dl->v[k++] = dl->v[i];
	}
	dl->n = k;
}

/*
 * Run the words before the one being typed: *tokoff, *toklen give that
 * partial word (toklen 0 after a blank). False when they do not match.
 */
static bool
mrun_before(struct mrun *r, const struct grammar *g, enum mode m,
    const char *line, struct arena *a, size_t *tokoff, size_t *toklen)
{
	size_t	 len = strlen(line), start = len;

	while (start > 0 && !is_blank(line[start - 1]))
		start--;
	*tokoff = start;
	*toklen = len - start;
	mrun_start(r, g, m, line, start, a);
	mrun_words(r);
	return r->status == MATCH_OK;
}

void
grammar_describe(const struct grammar *g, enum mode m, const char *line,
    struct arena *a, struct describe *d)
{
	struct mrun	 r;
	struct dlist	 dl;
	size_t		 off, len;

	d->items = NULL;
	d->n = 0;
	d->err_offset = 0;
	if (!mrun_before(&r, g, m, line, a, &off, &len)) {
		d->status = r.status;
		d->err_offset = r.err_offset;
		return;
	}
	dlist_init(&r, &dl);
	if (len == 0)
		collect_next(&r, &dl, false);
	else
		collect_partial(&r, line + off, len, &dl, false);
	dlist_finish(&dl, false);
	d->status = dl.n != 0 ? MATCH_OK : MATCH_INVALID;
	d->err_offset = dl.n != 0 ? 0 : off;
	d->items = arena_alloc(a, (dl.n + 1) * sizeof *d->items);
	for (size_t i = 0; i < dl.n; i++) {
		d->items[i].word = dl.v[i].word;
		d->items[i].help = dl.v[i].help;
	}
	d->n = dl.n;
}

const char **
grammar_complete(const struct grammar *g, enum mode m, const char *line,
    struct arena *a)
{
	struct mrun	 r;
	struct dlist	 dl;
	const char	**v;
	size_t		 off, len;

	dl.n = 0;
	if (mrun_before(&r, g, m, line, a, &off, &len)) {
		dlist_init(&r, &dl);
		if (len == 0)
			collect_next(&r, &dl, true);
		else
			collect_partial(&r, line + off, len, &dl, true);
		dlist_finish(&dl, true);
	}
	v = arena_alloc(a, (dl.n + 1) * sizeof *v);
	for (size_t i = 0; i < dl.n; i++)
		v[i] = dl.v[i].word;
	v[dl.n] = NULL;
	return v;
}
