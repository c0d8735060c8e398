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

/*
 * A path as duplicates are found: slot names dropped, literals folded.
 * Shapes live in an open-addressing table keyed by their hash; two with
 * one hash are compared element by element.
 */
struct shape {
	uint64_t		 hash;
	const struct path	*p;	/* scratch arena; NULL: free slot */
	bool			 no;	/* under the leading "no" */
	const struct cmd_entry	*e;
};

/*
 * The nodes of the last path of the entry being compiled (after "no" or
 * not): its next paths share their first elements (the same selem
 * pointers), so the same nodes, which it touched already.
 */
struct pcache {
	const struct path	*p;	/* NULL: none yet */
	struct gnode		*no;	/* the "no" node, or NULL */
	struct gnode		**nodes; /* heap, cap of them */
	size_t			 cap;
};

struct gbuild {
	struct grammar		*g;
	struct gnode		*root;	/* g->root, writable */
	const struct cmd_entry	**table; /* a copy in g's arena: ends
					   point into it */
	struct pcache		 last[2]; /* without and with "no" */
	struct arena		 scratch; /* paths: build only */
	const struct cmd_entry	*e;	/* the entry being compiled */
	size_t			 idx;
	struct shape		*shapes; /* heap: ashapes slots, a power of 2 */
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
		if (se->kind == SE_LITERAL) {
			if (grammar_lc((unsigned char)h->word[0]) ==
			    grammar_lc((unsigned char)se->word[0]) &&
			    grammar_ci_cmp(h->word, se->word) == 0)
				return h->help;
		} else if (h->word[0] == se->word[0] &&
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
	if (n->help != NULL && n->help != h && strcmp(n->help, h) != 0)
		return help_conflict(b, n);
	if (n->help == NULL) {
		n->help = h;
		n->help_from = b->e;
	}
	return 0;
}

/*
 * Entry b->e passes through n: modes, and its help for n's word. Once
 * per entry: its other paths through n add nothing (help is keyed by
 * the word, which all of them share).
 */
static int
node_touch(struct gbuild *b, struct gnode *n)
{
	const struct cmd_entry	*e = b->e;
	const char		*h;

	if (n->touched_by == e)
		return 0;
	n->touched_by = e;
	h = entry_help(e, n->se);
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
		return a->len == b->len &&
		    grammar_lc((unsigned char)a->word[0]) ==
		    grammar_lc((unsigned char)b->word[0]) &&
		    grammar_ci_cmp(a->word, b->word) == 0;
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
	const struct gend *it;
	struct gend	*ge;

	for (it = n->ends; it != NULL; it = it->next) {
		if (gend_entry(it) == b->e)
			return;
	}
	ge = arena_alloc(&b->g->arena, sizeof *ge);
	ge->e = &b->table[b->idx];
	ge->idx = b->idx;
	ge->next = n->ends;
	n->ends = ge;
}

/* Shape equality: slot names aside, literals ignoring case. */
static bool
selem_same_shape(const struct selem *a, const struct selem *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == SE_LITERAL)
		return a->len == b->len &&
		    grammar_ci_cmp(a->word, b->word) == 0;
	return a->slot.type == b->slot.type && a->slot.min == b->slot.min &&
	    a->slot.max == b->slot.max;
}

/* Element i of path p, after "no" when no. */
static const struct selem *
shape_elem(const struct path *p, bool no, size_t i)
{
	if (!no)
		return p->v[i];
	return i == 0 ? &no_selem : p->v[i - 1];
}

static bool
shape_equal(const struct shape *a, const struct path *p, bool no)
{
	size_t	 n = p->n + no;

	if (a->p->n + a->no != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!selem_same_shape(shape_elem(a->p, a->no, i),
		    shape_elem(p, no, i)))
			return false;
	return true;
}

#define FNV_OFFSET	0xcbf29ce484222325ull
#define FNV_PRIME	0x100000001b3ull

static uint64_t
hash_u64(uint64_t h, uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		h = (h ^ (v & 0xff)) * FNV_PRIME;
	return h;
}

static uint64_t
shape_hash(const struct path *p, bool no)
{
	uint64_t		 h = FNV_OFFSET;
	const struct selem	*se;

	for (size_t i = 0; i < p->n + no; i++) {
		se = shape_elem(p, no, i);
		if (se->kind == SE_LITERAL) {
			for (size_t j = 0; j < se->len; j++)
				h = (h ^ (uint64_t)grammar_lc(
				    (unsigned char)se->word[j])) * FNV_PRIME;
			h = hash_u64(h, se->len);
		} else {
			h = hash_u64(h, (uintptr_t)se->slot.type);
			h = hash_u64(h, ((uint64_t)se->slot.min << 32) |
			    se->slot.max);
		}
	}
	return h;
}

static void shape_put(struct shape *, size_t, const struct shape *);

/* Twice the slots when more than half are used. */
static void
shapes_grow(struct gbuild *b)
{
	struct shape	*old = b->shapes;
	size_t		 n = b->ashapes;

	b->ashapes = n != 0 ? n * 2 : 1024;
	b->shapes = xcalloc(b->ashapes, sizeof *b->shapes);
	for (size_t i = 0; i < n; i++)
		if (old[i].p != NULL)
			shape_put(b->shapes, b->ashapes, &old[i]);
	free(old);
}

static void
shape_put(struct shape *v, size_t n, const struct shape *s)
{
	size_t	 i = (size_t)s->hash & (n - 1);

	while (v[i].p != NULL)
		i = (i + 1) & (n - 1);
	v[i] = *s;
}

/*
 * Path p of b->e (after "no" when no) among the shapes: a shape met
 * before from another entry whose modes overlap is a duplicate syntax.
 */
static int
shape_add(struct gbuild *b, const struct path *p, bool no)
{
	struct shape	 s = { .hash = shape_hash(p, no), .p = p, .no = no,
	    .e = b->e };
	size_t		 i;

	if (2 * (b->nshapes + 1) > b->ashapes)
		shapes_grow(b);
	for (i = (size_t)s.hash & (b->ashapes - 1); b->shapes[i].p != NULL;
	    i = (i + 1) & (b->ashapes - 1)) {
		const struct shape *t = &b->shapes[i];

		if (t->hash != s.hash || t->e == s.e ||
		    (t->e->modes & s.e->modes) == 0 || !shape_equal(t, p, no))
			continue;
		xasprintf(&b->cause, "duplicate syntax: \"%s\" and \"%s\"",
		    t->e->syntax, s.e->syntax);
		return -1;
	}
	b->shapes[i] = s;
	b->nshapes++;
	return 0;
}

static int
path_insert(struct gbuild *b, const struct path *p, bool no)
{
	struct pcache	*pc = &b->last[no];
	struct gnode	*n = b->root;
	size_t		 i = 0;

	if (pc->cap < p->n) {
		pc->cap = p->n < 16 ? 16 : 2 * p->n;
		pc->nodes = xreallocarray(pc->nodes, pc->cap,
		    sizeof *pc->nodes);
	}
	if (pc->p != NULL)
		while (i < p->n && i < pc->p->n && p->v[i] == pc->p->v[i])
			i++;
	if (i != 0)
		n = pc->nodes[i - 1];
	else if (no) {
		if (pc->no == NULL &&
		    (pc->no = node_child(b, n, &no_selem)) == NULL)
			return -1;
		n = pc->no;
	}
	pc->p = p;
	for (; i < p->n; i++) {
		if ((n = node_child(b, n, p->v[i])) == NULL) {
			pc->p = NULL;
			return -1;
		}
		pc->nodes[i] = n;
	}
	node_add_end(b, n);
	return shape_add(b, p, no);
}

static int
build_entry(struct gbuild *b)
{
	struct pset		 ps;
	const struct path	*p;
	uint32_t		 flags = b->e->flags;

	for (int k = 0; k < 2; k++) {
		b->last[k].p = NULL;
		b->last[k].no = NULL;
	}
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
		for (n = b->root->first; n != NULL; n = n->sibling) {
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
	const struct gnode	*a = *(const struct gnode *const *)va;
	const struct gnode	*b = *(const struct gnode *const *)vb;

	return grammar_ci_cmp(a->se->word, b->se->word);
}

/* Children lists into sorted arrays; default help. */
static void
node_finalize(struct grammar *g, struct gnode *n)
{
	struct gnode	*c;
	const struct gnode **lit, **slot, *t;
	size_t		 nlit = 0, nslot = 0, i;

	if (n->se != NULL && n->help == NULL)
		n->help = n->se->kind == SE_SLOT ? n->se->slot.type->help : "";
	for (c = n->first; c != NULL; c = c->sibling) {
		if (c->se->kind == SE_LITERAL)
			nlit++;
		else
			nslot++;
	}
	lit = arena_alloc(&g->arena, (nlit + 1) * sizeof *lit);
	slot = arena_alloc(&g->arena, (nslot + 1) * sizeof *slot);
	for (c = n->first; c != NULL; c = c->sibling) {
		if (c->se->kind == SE_LITERAL) {
			lit[n->nlit++] = c;
			continue;
		}
		/* Insertion by rank, stable: the table's order otherwise. */
		for (i = n->nslot++; i > 0; i--) {
			t = slot[i - 1];
			if (t->se->slot.type->rank <= c->se->slot.type->rank)
				break;
			slot[i] = t;
		}
		slot[i] = c;
	}
	/* Insertion sort: a few children each, qsort's set-up dominates. */
	for (size_t j = 1; j < n->nlit; j++) {
		t = lit[j];
		for (i = j; i > 0 && node_lit_cmp(&lit[i - 1], &t) > 0; i--)
			lit[i] = lit[i - 1];
		lit[i] = t;
	}
	n->lit = lit;
	n->slot = slot;
	for (c = n->first; c != NULL; c = c->sibling)
		node_finalize(g, c);
}

struct grammar *
grammar_build(const struct cmd_entry *const *table, char **cause)
{
	struct grammar	*g = xcalloc(1, sizeof *g);
	struct gbuild	 b = { .g = g };
	size_t		 n = 0;

	arena_init(&g->arena);
	arena_init(&b.scratch);
	while (table[n] != NULL)
		n++;
	b.table = arena_alloc(&g->arena, (n + 1) * sizeof *b.table);
	memcpy(b.table, table, (n + 1) * sizeof *b.table);
	b.root = arena_alloc(&g->arena, sizeof *b.root);
	memset(b.root, 0, sizeof *b.root);
	b.root->modes = b.root->vis_modes = UINT32_MAX;
	g->root = b.root;
	for (b.idx = 0; table[b.idx] != NULL; b.idx++) {
		b.e = table[b.idx];
		if (b.e->syntax != NULL && build_entry(&b) != 0)
			goto fail;
	}
	if (build_help_tables(&b, table) != 0)
		goto fail;
	node_finalize(g, b.root);
	grammar_index_root(g);
	free(b.shapes);
	free(b.last[0].nodes);
	free(b.last[1].nodes);
	arena_release(&b.scratch);
	return g;

fail:
	*cause = b.cause;
	free(b.shapes);
	free(b.last[0].nodes);
	free(b.last[1].nodes);
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
