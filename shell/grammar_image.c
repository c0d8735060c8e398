/* SPDX-License-Identifier: MIT */
/*
 * A grammar's graph as C source of constant data (an image), written at
 * build time so that a program starts with its graph compiled: building
 * the command table's graph was three quarters of a batch run's
 * instructions. And the equality of two graphs, by which a test checks
 * that the image is the graph grammar_build makes of the same table.
 *
 * The image numbers the nodes in depth-first order (literal children,
 * then slot children), as arrays: N (nodes), S (their elements), C (the
 * children lists, end to end) and E (the ends, each node's list end to
 * end). Only what the matcher reads is written: the build's own fields
 * (first, sibling, touched_by, help_from) stay NULL.
 */
#include "shell/shell.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shell/shell_int.h"
#include "util/util.h"

/* The nodes of a graph in image order. */
struct nodes {
	const struct gnode	**v;	/* heap */
	size_t			 n;
	size_t			 cap;
};

static void
nodes_collect(struct nodes *ns, const struct gnode *n)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap != 0 ? 2 * ns->cap : 256;
		ns->v = xreallocarray(ns->v, ns->cap, sizeof *ns->v);
	}
	ns->v[ns->n++] = n;
	for (size_t i = 0; i < n->nlit; i++)
		nodes_collect(ns, n->lit[i]);
	for (size_t i = 0; i < n->nslot; i++)
		nodes_collect(ns, n->slot[i]);
}

/* A node's number: children follow their parent, so search from it. */
static size_t
nodes_index(const struct nodes *ns, const struct gnode *n, size_t from)
{
	for (size_t i = from; i < ns->n; i++)
		if (ns->v[i] == n)
			return i;
	abort();
}

/* A C string literal of s, or NULL. */
static void
put_str(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("NULL", f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void
put_selem(FILE *f, const struct selem *se)
{
	const struct slot_spec	*sp = &se->slot;

	fputs("\t{ .kind = ", f);
	fputs(se->kind == SE_LITERAL ? "SE_LITERAL" : "SE_SLOT", f);
	fputs(", .word = ", f);
	put_str(f, se->word);
	fprintf(f, ", .len = %zu", se->len);
	if (se->kind == SE_SLOT) {
		fprintf(f, ",\n\t  .slot = { .type = &grammar_types[%td], "
		    ".min = %" PRIu32 "u, .max = %" PRIu32 "u,\n\t    "
		    ".placeholder = ", sp->type - grammar_types, sp->min,
		    sp->max);
		put_str(f, sp->placeholder);
		fputs(", .limit = ", f);
		put_str(f, sp->limit);
		fputs(" }", f);
	}
	fputs(" },\n", f);
}

/* The index in table of e, or -1. */
static long
table_index(const struct cmd_entry *const *table, const struct cmd_entry *e)
{
	for (long i = 0; table[i] != NULL; i++)
		if (table[i] == e)
			return i;
	return -1;
}

static int
put_ends(FILE *f, const struct nodes *ns,
    const struct cmd_entry *const *table, const char *table_name)
{
	const struct gend	*ge;
	size_t			 k = 0;
	long			 t;

	fputs("static const struct gend E[] = {\n", f);
	for (size_t i = 0; i < ns->n; i++) {
		for (ge = ns->v[i]->ends; ge != NULL; ge = ge->next, k++) {
			if ((t = table_index(table, gend_entry(ge))) < 0)
				return -1;
			fprintf(f, "\t{ .e = &%s[%ld], .idx = %zu, .next = ",
			    table_name, t, ge->idx);
			if (ge->next != NULL)
				fprintf(f, "&E[%zu] },\n", k + 1);
			else
				fputs("NULL },\n", f);
		}
	}
	/* A node-less graph still has an array (C has no empty ones). */
	if (k == 0)
		fputs("\t{ .e = NULL, .idx = 0, .next = NULL },\n", f);
	fputs("};\n\n", f);
	return 0;
}

static void
put_children(FILE *f, const struct nodes *ns)
{
	const struct gnode	*n;

	fputs("static const struct gnode *const C[] = {\n", f);
	for (size_t i = 0; i < ns->n; i++) {
		n = ns->v[i];
		for (size_t j = 0; j < n->nlit; j++)
			fprintf(f, "\t&N[%zu],\n",
			    nodes_index(ns, n->lit[j], i));
		for (size_t j = 0; j < n->nslot; j++)
			fprintf(f, "\t&N[%zu],\n",
			    nodes_index(ns, n->slot[j], i));
	}
	fputs("\tNULL\n};\n\n", f);
}

static void
put_node(FILE *f, const struct gnode *n, size_t se, size_t *c, size_t *e)
{
	const struct gend	*ge;

	fputs("\t{ .se = ", f);
	if (n->se != NULL)
		fprintf(f, "&S[%zu]", se);
	else
		fputs("NULL", f);
	fputs(", .help = ", f);
	put_str(f, n->help);
	fprintf(f, ",\n\t  .modes = 0x%" PRIx32 "u, .vis_modes = 0x%" PRIx32
	    "u,\n\t  .since = {", n->modes, n->vis_modes);
	for (int m = 0; m < MODE_COUNT; m++)
		fprintf(f, "%s0x%" PRIx32 "u", m != 0 ? ", " : " ",
		    n->since[m]);
	fprintf(f, " },\n\t  .lit = &C[%zu], .nlit = %zu, .slot = &C[%zu], "
	    ".nslot = %zu,\n\t  .ends = ", *c, n->nlit, *c + n->nlit,
	    n->nslot);
	*c += n->nlit + n->nslot;
	if (n->ends != NULL)
		fprintf(f, "&E[%zu] },\n", *e);
	else
		fputs("NULL },\n", f);
	for (ge = n->ends; ge != NULL; ge = ge->next)
		(*e)++;
}

int
grammar_image_write(FILE *f, const struct grammar *g,
    const struct cmd_entry *const *table, const char *table_name,
    const char *name)
{
	struct nodes	 ns = { 0 };
	size_t		 c = 0, e = 0, nse = 0;
	int		 rc = -1;

	nodes_collect(&ns, g->root);
	fprintf(f, "static const struct gnode N[%zu];\n\n", ns.n);
	fputs("static const struct selem S[] = {\n", f);
	for (size_t i = 0; i < ns.n; i++)
		if (ns.v[i]->se != NULL)
			put_selem(f, ns.v[i]->se);
	fputs("};\n\n", f);
	put_children(f, &ns);
	if (put_ends(f, &ns, table, table_name) != 0)
		goto out;
	fprintf(f, "static const struct gnode N[%zu] = {\n", ns.n);
	for (size_t i = 0; i < ns.n; i++) {
		put_node(f, ns.v[i], nse, &c, &e);
		nse += ns.v[i]->se != NULL;
	}
	fputs("};\n\n", f);
	fprintf(f, "const struct grammar_image %s = {\n\t&N[0],\n\t{", name);
	for (size_t i = 0; i < 257; i++)
		fprintf(f, "%s%u,", i % 12 == 0 ? "\n\t    " : " ",
		    (unsigned)g->root_first[i]);
	fputs("\n\t}\n};\n", f);
	rc = ferror(f) ? -1 : 0;
out:
	free(ns.v);
	return rc;
}

struct grammar *
grammar_from_image(const struct grammar_image *im)
{
	struct grammar	*g = xcalloc(1, sizeof *g);

	arena_init(&g->arena);
	g->root = im->root;
	/* Built with the graph: indexing it again would read a page a few
	   root literals. */
	memcpy(g->root_first, im->root_first, sizeof g->root_first);
	return g;
}

/* ---- Equality ---- */

static bool
str_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
selem_same(const struct selem *a, const struct selem *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind || a->len != b->len ||
	    strcmp(a->word, b->word) != 0)
		return false;
	if (a->kind == SE_LITERAL)
		return true;
	return a->slot.type == b->slot.type && a->slot.min == b->slot.min &&
	    a->slot.max == b->slot.max &&
	    str_same(a->slot.placeholder, b->slot.placeholder) &&
	    str_same(a->slot.limit, b->slot.limit);
}

static bool
ends_same(const struct gend *a, const struct gend *b)
{
	for (; a != NULL && b != NULL; a = a->next, b = b->next)
		if (gend_entry(a) != gend_entry(b) || a->idx != b->idx)
			return false;
	return a == NULL && b == NULL;
}

static bool
node_same(const struct gnode *a, const struct gnode *b)
{
	return selem_same(a->se, b->se) && str_same(a->help, b->help) &&
	    a->modes == b->modes && a->vis_modes == b->vis_modes &&
	    memcmp(a->since, b->since, sizeof a->since) == 0 &&
	    a->nlit == b->nlit && a->nslot == b->nslot &&
	    ends_same(a->ends, b->ends);
}

static int
nodes_equal(const struct gnode *a, const struct gnode *b, char **cause)
{
	const char	*w = a->se != NULL ? a->se->word : "(root)";

	if (!node_same(a, b)) {
		xasprintf(cause, "\"%s\"", w);
		return -1;
	}
	for (size_t i = 0; i < a->nlit + a->nslot; i++) {
		const struct gnode *ca = i < a->nlit ? a->lit[i] :
		    a->slot[i - a->nlit];
		const struct gnode *cb = i < b->nlit ? b->lit[i] :
		    b->slot[i - b->nlit];
		char	*in = NULL;

		if (nodes_equal(ca, cb, &in) != 0) {
			xasprintf(cause, "\"%s\" %s", w, in);
			free(in);
			return -1;
		}
	}
	return 0;
}

int
grammar_equal(const struct grammar *a, const struct grammar *b,
    char **cause)
{
	if (memcmp(a->root_first, b->root_first, sizeof a->root_first) != 0) {
		*cause = xstrdup("the root's index");
		return -1;
	}
	return nodes_equal(a->root, b->root, cause);
}
