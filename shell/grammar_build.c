/* SPDX-License-Identifier: MIT */
/*
 * The command grammar's graph: every entry's paths (grammar_syntax.c)
 * inserted into one graph, checked for conflicts, and finalized for the
 * matcher (grammar_match.c).
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
 */
#include "shell/shell.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shell/shell_int.h"
#include "util/util.h"

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
	struct shape		*shapes; /* heap */
	size_t			 nshapes;
	size_t			 ashapes;
	char			*cause;
};

static const struct selem no_selem = {
	.kind = SE_LITERAL,
	.word = "no",
	.len = 2,
};

static const char *
entry_name(const struct cmd_entry *e)
{
	return e->syntax != NULL ? e->syntax : "(help table)";
}

/* ---- Paths into the graph ---- */

static const char *
entry_help(const struct cmd_entry *e, const struct selem *se)
{
	const struct cmd_help	*h;

	if (e->help == NULL)
		return NULL;
	for (h = e->help; h->word != NULL; h++) {
		if (se->kind == SE_LITERAL ?
		    grammar_ci_cmp(h->word, se->word) == 0 :
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

/* Entry b->e gives n the help h: the first one given stays. */
static int
node_help(struct gbuild *b, struct gnode *n, const char *h)
{
	if (n->help != NULL && strcmp(n->help, h) != 0)
		return help_conflict(b, n);
	if (n->help == NULL) {
		n->help = h;
		n->help_from = b->e;
	}
	return 0;
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
	for (int m = 0; m < MODE_COUNT; m++) {
		if ((e->modes & MODE_BIT(m)) && e->since < n->since[m])
			n->since[m] = e->since;
	}
	return h != NULL ? node_help(b, n, h) : 0;
}

static bool
selem_equal(const struct selem *a, const struct selem *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == SE_LITERAL)
		return grammar_ci_cmp(a->word, b->word) == 0;
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
		for (int m = 0; m < MODE_COUNT; m++)
			n->since[m] = UINT32_MAX;
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

/* n in decimal: shapes are made for every path at every start. */
static void
shape_number(struct strbuf *sb, unsigned long n)
{
	char	 buf[24];
	size_t	 at = sizeof buf;

	do
		buf[--at] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	strbuf_add(sb, buf + at, sizeof buf - at);
}

/* The shape of path p (after "no" when no): literals folded, slots typed. */
static void
shape_text(struct strbuf *sb, const struct path *p, bool no)
{
	const struct selem	*se;

	if (no)
		strbuf_puts(sb, "no");
	for (size_t i = 0; i < p->n; i++) {
		se = p->v[i];
		if (sb->len != 0)
			strbuf_puts(sb, " ");
		if (se->kind == SE_LITERAL) {
			for (size_t j = 0; j < se->len; j++) {
				char	 c = grammar_lc(se->word[j]);

				strbuf_add(sb, &c, 1);
			}
		} else {
			strbuf_puts(sb, "<");
			strbuf_puts(sb, se->slot.type->name);
			strbuf_puts(sb, ":");
			shape_number(sb, se->slot.min);
			strbuf_puts(sb, "-");
			shape_number(sb, se->slot.max);
			strbuf_puts(sb, ">");
		}
	}
}

static void
shape_add(struct gbuild *b, const struct path *p, bool no)
{
	struct strbuf		 sb;

	strbuf_init(&sb, 0);
	shape_text(&sb, p, no);
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
build_entry(struct gbuild *b)
{
	struct pset		 ps;
	const struct path	*p;
	uint32_t		 flags = b->e->flags;

	if (grammar_syntax_parse(&b->g->arena, &b->scratch, b->e->syntax,
	    &ps, &b->cause) != 0)
		return -1;
	for (p = ps.head; p != NULL; p = p->next) {
		if (grammar_path_check(b->e->syntax, p, &b->cause) != 0)
			return -1;
		if (!(flags & CMD_F_NO_ONLY) && path_insert(b, p, false) != 0)
			return -1;
		if ((flags & (CMD_F_NO_FORM | CMD_F_NO_ONLY)) &&
		    path_insert(b, p, true) != 0)
			return -1;
	}
	return 0;
}

/* ---- Whole-table checks and finishing ---- */

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
			if (node_help(b, n, h) != 0)
				return -1;
		}
	}
	return 0;
}

static int
node_lit_cmp(const void *va, const void *vb)
{
	const struct gnode	*a = *(struct gnode *const *)va;
	const struct gnode	*b = *(struct gnode *const *)vb;

	return grammar_ci_cmp(a->se->word, b->se->word);
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

void
grammar_set_limits(struct grammar *g, grammar_limit_fn *fn, void *arg)
{
	g->limit = fn;
	g->limit_arg = arg;
}
